//! The clocks and guards of the law (domain.md, "After intake"): deadlines computed per case
//! from the report's time, the risk and the legal qualification, and the steps the law forbids
//! or asks for. The limits come from the configuration, with these defaults and sources.

use chrono::{Duration, NaiveDateTime};
use serde::Deserialize;

use super::vocab::ADULT_AGE;

/// Hours each clock allows, from `[clocks]` in the configuration.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// UU 12/2022 (TPKS) Pasal 41: the UPTD PPA reports a sexual-violence case to the police
    /// within 3×24 hours of the victim's report.
    pub tpks_police_hours: i64,
    /// UPTD PPA service standards (SIPPN): first service to a high-risk victim at once —
    /// counted as within the first hour.
    pub first_service_tinggi_hours: i64,
    /// Same standards: first service to a medium-risk victim within about 6 hours.
    pub first_service_sedang_hours: i64,
    /// Same standards: a rumah aman stay is at most 7 days, extendable after a review.
    pub shelter_review_days: i64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            tpks_police_hours: 72,
            first_service_tinggi_hours: 1,
            first_service_sedang_hours: 6,
            shelter_review_days: 7,
        }
    }
}

impl Limits {
    /// The first limit set to zero or less, as (key, value): a clock that is breached the
    /// moment it starts is a typo, not a rule.
    pub fn zero_limit(&self) -> Option<(&'static str, i64)> {
        [
            ("tpks_police_hours", self.tpks_police_hours),
            (
                "first_service_tinggi_hours",
                self.first_service_tinggi_hours,
            ),
            (
                "first_service_sedang_hours",
                self.first_service_sedang_hours,
            ),
            ("shelter_review_days", self.shelter_review_days),
        ]
        .into_iter()
        .find(|(_, v)| *v <= 0)
    }
}

/// Whether any qualification is under UU TPKS.
pub fn is_tpks(qualifications: &[String]) -> bool {
    qualifications.iter().any(|q| q.starts_with("tpks_"))
}

/// SIMFONI's jenis kasus: violence against a woman (an adult female victim), against a child
/// (AMPK: a victim under 18), or both, from the victims' (sex, age).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseKind {
    KekerasanPerempuan,
    Ampk,
    Keduanya,
    /// No victim's age or sex is known yet.
    BelumDiketahui,
}

pub fn case_kind(victims: &[(Option<&str>, Option<u32>)]) -> CaseKind {
    let child = victims
        .iter()
        .any(|(_, age)| age.is_some_and(|a| a < ADULT_AGE));
    let woman = victims
        .iter()
        .any(|(sex, age)| *sex == Some("P") && age.is_some_and(|a| a >= ADULT_AGE));
    match (woman, child) {
        (true, true) => CaseKind::Keduanya,
        (true, false) => CaseKind::KekerasanPerempuan,
        (false, true) => CaseKind::Ampk,
        (false, false) => CaseKind::BelumDiketahui,
    }
}

/// What a clock asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockKind {
    /// Report the case to the police (TPKS Pasal 41).
    TpksPoliceReport,
    /// Give the first service (risk tinggi or sedang).
    FirstService,
    /// Review a rumah aman stay.
    ShelterReview,
}

/// The facts of a case the clocks are computed from, in the office's local time.
#[derive(Debug, Clone, Default)]
pub struct ClockFacts {
    /// When the victim's report was received (the case's opening).
    pub reported: Option<NaiveDateTime>,
    pub risk: String,
    pub qualifications: Vec<String>,
    /// When the police report was recorded (date, unit, number entered).
    pub police_report: Option<NaiveDateTime>,
    /// The first service given or first contact recorded.
    pub first_service: Option<NaiveDateTime>,
    /// A rumah aman stay still running: admitted, and the latest review.
    pub shelter_admitted: Option<NaiveDateTime>,
    pub shelter_reviewed: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub kind: ClockKind,
    pub started: NaiveDateTime,
    pub deadline: NaiveDateTime,
    /// When what it asked for was done.
    pub stopped: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockState {
    /// Still running: hours left (rounded down; 0 means within the hour).
    Running { hours_left: i64 },
    /// Past its deadline and not done: hours over.
    Breached { hours_over: i64 },
    /// Done in time.
    Met,
    /// Done, but after the deadline.
    MetLate,
}

impl Clock {
    pub fn state(&self, now: NaiveDateTime) -> ClockState {
        match self.stopped {
            Some(t) if t <= self.deadline => ClockState::Met,
            Some(_) => ClockState::MetLate,
            None if now <= self.deadline => ClockState::Running {
                hours_left: (self.deadline - now).num_hours(),
            },
            None => ClockState::Breached {
                hours_over: (now - self.deadline).num_hours(),
            },
        }
    }
}

/// The clocks that apply to a case.
pub fn clocks(f: &ClockFacts, limits: &Limits) -> Vec<Clock> {
    let mut out = Vec::new();
    if let Some(reported) = f.reported {
        if is_tpks(&f.qualifications) {
            out.push(Clock {
                kind: ClockKind::TpksPoliceReport,
                started: reported,
                deadline: reported + Duration::hours(limits.tpks_police_hours),
                stopped: f.police_report,
            });
        }
        let first = match f.risk.as_str() {
            "tinggi" => Some(limits.first_service_tinggi_hours),
            "sedang" => Some(limits.first_service_sedang_hours),
            _ => None,
        };
        if let Some(h) = first {
            out.push(Clock {
                kind: ClockKind::FirstService,
                started: reported,
                deadline: reported + Duration::hours(h),
                stopped: f.first_service,
            });
        }
    }
    if let Some(admitted) = f.shelter_admitted {
        // Each review starts the next period: a stay is reviewed every `shelter_review_days`.
        let since = f
            .shelter_reviewed
            .filter(|r| *r >= admitted)
            .unwrap_or(admitted);
        out.push(Clock {
            kind: ClockKind::ShelterReview,
            started: since,
            deadline: since + Duration::days(limits.shelter_review_days),
            stopped: None,
        });
    }
    out
}

/// Why a mediation may not be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediationRefused {
    /// UU TPKS Pasal 23: a sexual-violence case is not settled outside court, unless the
    /// offender is a child.
    TpksAdultPerpetrator,
}

/// Whether mediation may be recorded on a case with these qualifications and alleged
/// perpetrators' ages (None: unknown, which does not count as a child).
pub fn mediation_allowed(
    qualifications: &[String],
    perpetrator_ages: &[Option<u32>],
) -> Result<(), MediationRefused> {
    let child_offender = perpetrator_ages
        .iter()
        .any(|a| a.is_some_and(|a| a < ADULT_AGE));
    if is_tpks(qualifications) && !child_offender {
        return Err(MediationRefused::TpksAdultPerpetrator);
    }
    Ok(())
}

/// What the law asks the worker to do or to know about a case, shown beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// KSBE (TPKS Pasal 68): ask for the content to be taken down (recorded as a service).
    TakeDownContent,
    /// TPKS Pasal 30–31: tell the victim of her right to restitution and of LPSK.
    TellRestitutionAndLpsk,
    /// PKDRT between spouses only: some offences are complaint offences (delik aduan) —
    /// the victim may withdraw.
    ComplaintOffence,
}

/// The prompts for a case: its qualifications and whether every alleged perpetrator is the
/// victim's spouse.
pub fn prompts(qualifications: &[String], spouse_only: bool) -> Vec<Prompt> {
    let mut out = Vec::new();
    if qualifications.iter().any(|q| q == "tpks_ksbe") {
        out.push(Prompt::TakeDownContent);
    }
    if is_tpks(qualifications) {
        out.push(Prompt::TellRestitutionAndLpsk);
    }
    if spouse_only && qualifications.iter().any(|q| q.starts_with("pkdrt_")) {
        out.push(Prompt::ComplaintOffence);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    fn q(codes: &[&str]) -> Vec<String> {
        codes.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn a_tpks_case_must_reach_the_police_within_three_days() {
        let f = ClockFacts {
            reported: Some(at(10, 9)),
            risk: "rendah".into(),
            qualifications: q(&["tpks_perkosaan"]),
            ..Default::default()
        };
        let c = clocks(&f, &Limits::default());
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].kind, ClockKind::TpksPoliceReport);
        assert_eq!(c[0].deadline, at(13, 9));
        assert_eq!(
            c[0].state(at(12, 9)),
            ClockState::Running { hours_left: 24 }
        );
        assert_eq!(
            c[0].state(at(13, 15)),
            ClockState::Breached { hours_over: 6 }
        );
        // Recording the police report stops it.
        let done = ClockFacts {
            police_report: Some(at(11, 14)),
            ..f.clone()
        };
        assert_eq!(
            clocks(&done, &Limits::default())[0].state(at(20, 0)),
            ClockState::Met
        );
        let late = ClockFacts {
            police_report: Some(at(14, 8)),
            ..f
        };
        assert_eq!(
            clocks(&late, &Limits::default())[0].state(at(20, 0)),
            ClockState::MetLate
        );
    }

    #[test]
    fn the_first_service_clock_follows_the_risk() {
        let f = |risk: &str| ClockFacts {
            reported: Some(at(10, 9)),
            risk: risk.into(),
            ..Default::default()
        };
        let l = Limits::default();
        assert_eq!(clocks(&f("tinggi"), &l)[0].deadline, at(10, 10));
        assert_eq!(clocks(&f("sedang"), &l)[0].deadline, at(10, 15));
        assert!(clocks(&f("rendah"), &l).is_empty());
        let served = ClockFacts {
            first_service: Some(at(10, 12)),
            ..f("sedang")
        };
        assert_eq!(clocks(&served, &l)[0].state(at(11, 0)), ClockState::Met);
        // A configured limit is used.
        let strict = Limits {
            first_service_sedang_hours: 2,
            ..Limits::default()
        };
        assert_eq!(clocks(&f("sedang"), &strict)[0].deadline, at(10, 11));
    }

    #[test]
    fn a_shelter_stay_is_reviewed_every_seven_days() {
        let f = ClockFacts {
            shelter_admitted: Some(at(1, 20)),
            ..Default::default()
        };
        let l = Limits::default();
        let c = clocks(&f, &l);
        assert_eq!(c[0].kind, ClockKind::ShelterReview);
        assert_eq!(
            c[0].state(at(9, 8)),
            ClockState::Breached { hours_over: 12 }
        );
        let reviewed = ClockFacts {
            shelter_reviewed: Some(at(8, 10)),
            ..f
        };
        let c = clocks(&reviewed, &l);
        assert_eq!(c[0].deadline, at(15, 10));
        assert!(matches!(c[0].state(at(9, 8)), ClockState::Running { .. }));
    }

    #[test]
    fn mediation_is_refused_on_tpks_unless_an_offender_is_a_child() {
        let tpks = q(&["tpks_cabul"]);
        assert_eq!(
            mediation_allowed(&tpks, &[Some(35)]),
            Err(MediationRefused::TpksAdultPerpetrator)
        );
        assert_eq!(
            mediation_allowed(&tpks, &[None]),
            Err(MediationRefused::TpksAdultPerpetrator),
            "an unknown age is not a child"
        );
        assert_eq!(mediation_allowed(&tpks, &[Some(35), Some(16)]), Ok(()));
        assert_eq!(
            mediation_allowed(&q(&["pkdrt_psikis"]), &[Some(40)]),
            Ok(())
        );
    }

    #[test]
    fn the_law_prompts_what_it_asks_for() {
        assert_eq!(
            prompts(&q(&["tpks_ksbe"]), false),
            vec![Prompt::TakeDownContent, Prompt::TellRestitutionAndLpsk]
        );
        assert_eq!(
            prompts(&q(&["pkdrt_fisik"]), true),
            vec![Prompt::ComplaintOffence]
        );
        assert!(prompts(&q(&["pkdrt_fisik"]), false).is_empty());
        assert!(prompts(&q(&["uu_pa"]), true).is_empty());
    }

    #[test]
    fn the_case_kind_comes_from_the_victims() {
        assert_eq!(
            case_kind(&[(Some("P"), Some(30))]),
            CaseKind::KekerasanPerempuan
        );
        assert_eq!(case_kind(&[(Some("L"), Some(9))]), CaseKind::Ampk);
        assert_eq!(
            case_kind(&[(Some("P"), Some(30)), (Some("P"), Some(9))]),
            CaseKind::Keduanya
        );
        // An adult man is neither category; an unknown age tells nothing.
        assert_eq!(
            case_kind(&[(Some("L"), Some(40))]),
            CaseKind::BelumDiketahui
        );
        assert_eq!(case_kind(&[(Some("P"), None)]), CaseKind::BelumDiketahui);
    }

    #[test]
    fn every_qualification_code_has_a_label() {
        let v = crate::domain::vocab::LEGAL_BASIS;
        assert!(
            v.terms
                .iter()
                .filter(|t| t.code.starts_with("tpks_"))
                .count()
                >= 16
        );
        for c in [
            "tppo",
            "uu_pa",
            "pkdrt_penelantaran",
            "tpks_belum_diketahui",
        ] {
            assert!(v.contains(c), "{c}");
        }
    }
}
