//! The legal side of a case after intake (issues 18 and 19): its legal qualification, the
//! timeline of legal events the UPTD PPA accompanies the victim through (police, visum, BAP,
//! protection, prosecution, hearings, verdict, restitution, LPSK), and mediation where the law
//! allows it. Events and mediation records are a record of what happened: a correction or a
//! later turn (the visum result came in, the next hearing) is a new entry, never an edit.
//! Each entry may carry a "next date" that joins the due list; a later entry of the same kind
//! supersedes it.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::law::{self, MediationRefused};
use super::vocab;

/// TPKS Pasal 33: restitution is paid within 30 days of the judgment that orders it.
pub const RESTITUTION_DAYS: i64 = 30;

/// A hearing this many days ahead or fewer is marked on the board.
pub const HEARING_SOON_DAYS: i64 = 7;

/// The checklist item a TPKS case carries (Pasal 30–31): the victim was told of her right to
/// restitution and of LPSK.
pub const TOLD_RESTITUTION_LPSK: &str = "hak_restitusi_lpsk";

/// The checklist item a KSBE case carries (Pasal 68): the content take-down was requested.
pub const TAKEDOWN_REQUESTED: &str = "penghapusan_konten";

/// The service a take-down request is recorded as: legal aid, SIMFONI's Bantuan Hukum.
pub const TAKEDOWN_SERVICE: &str = "bantuan_hukum";

/// The checklist items, in the order they are shown. Labels in `vocab::LEGAL_CHECKLIST`.
pub const CHECKLIST: [&str; 2] = [TOLD_RESTITUTION_LPSK, TAKEDOWN_REQUESTED];

impl law::Prompt {
    /// The checklist item that answers this prompt; None for a notice that asks nothing
    /// (the complaint-offence note).
    pub fn checklist_item(self) -> Option<&'static str> {
        match self {
            law::Prompt::TakeDownContent => Some(TAKEDOWN_REQUESTED),
            law::Prompt::TellRestitutionAndLpsk => Some(TOLD_RESTITUTION_LPSK),
            law::Prompt::ComplaintOffence => None,
        }
    }
}

/// What is wrong with a case's legal qualification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QualificationIssue {
    UnknownCode(String),
    /// Jenis kekerasan *Seksual* and no TPKS kind: pick one, or "belum diketahui".
    SexualNeedsTpksKind,
}

/// Checks a case's qualifications against its jenis kekerasan.
pub fn check_qualifications(violence: &[String], codes: &[String]) -> Vec<QualificationIssue> {
    let mut out: Vec<QualificationIssue> = codes
        .iter()
        .filter(|c| !vocab::LEGAL_BASIS.contains(c))
        .map(|c| QualificationIssue::UnknownCode(c.clone()))
        .collect();
    if needs_tpks_kind(violence, codes) {
        out.push(QualificationIssue::SexualNeedsTpksKind);
    }
    out
}

/// Whether a case of sexual violence still lacks its TPKS kind.
pub fn needs_tpks_kind(violence: &[String], codes: &[String]) -> bool {
    violence.iter().any(|v| v == "seksual") && !law::is_tpks(codes)
}

/// The kinds of legal event, in the order a case usually meets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventKind {
    LaporanPolisi,
    Visum,
    Bap,
    Perlindungan,
    Pelimpahan,
    Sidang,
    Putusan,
    Restitusi,
    Lpsk,
}

impl EventKind {
    pub const ALL: [EventKind; 9] = [
        EventKind::LaporanPolisi,
        EventKind::Visum,
        EventKind::Bap,
        EventKind::Perlindungan,
        EventKind::Pelimpahan,
        EventKind::Sidang,
        EventKind::Putusan,
        EventKind::Restitusi,
        EventKind::Lpsk,
    ];

    /// The stored code; labels in `vocab::LEGAL_EVENTS`.
    pub fn code(self) -> &'static str {
        match self {
            EventKind::LaporanPolisi => "laporan_polisi",
            EventKind::Visum => "visum",
            EventKind::Bap => "bap",
            EventKind::Perlindungan => "perlindungan",
            EventKind::Pelimpahan => "pelimpahan",
            EventKind::Sidang => "sidang",
            EventKind::Putusan => "putusan",
            EventKind::Restitusi => "restitusi",
            EventKind::Lpsk => "lpsk",
        }
    }

    pub fn from_code(code: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// What each kind of event records besides its date. Stored as JSON, tagged by kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Detail {
    /// Laporan polisi: the unit (Unit PPA Polres / Polsek), the report's number, the
    /// investigator, and the time it was made when known.
    LaporanPolisi {
        unit: String,
        number: String,
        #[serde(default)]
        investigator: String,
        #[serde(default)]
        time: Option<NaiveTime>,
    },
    /// Visum et repertum at a hospital; whether its result has come back.
    Visum {
        hospital: String,
        #[serde(default)]
        result_received: bool,
    },
    /// BAP: the victim's examination by the police, and who accompanied her.
    Bap {
        #[serde(default)]
        accompanied_by: String,
    },
    /// Police temporary protection, from and to (TPKS Pasal 42–44; PKDRT Pasal 16).
    Perlindungan { from: NaiveDate, to: NaiveDate },
    /// The file handed to the prosecutor; whether it was declared complete (P21).
    Pelimpahan {
        #[serde(default)]
        p21: bool,
    },
    /// A hearing: court, case number, what happened, who accompanied her, the next hearing.
    Sidang {
        court: String,
        #[serde(default)]
        case_number: String,
        #[serde(default)]
        what_happened: String,
        #[serde(default)]
        accompanied_by: String,
        #[serde(default)]
        next_hearing: Option<NaiveDate>,
    },
    /// The verdict, its sentence as text.
    Putusan { sentence: String },
    /// Restitution: asked, the amount in rupiah, decided, the date it is to be paid by, paid.
    Restitusi {
        #[serde(default)]
        asked: bool,
        #[serde(default)]
        amount: Option<u64>,
        #[serde(default)]
        decided: bool,
        #[serde(default)]
        paid_by: Option<NaiveDate>,
        #[serde(default)]
        paid: bool,
    },
    /// A request to LPSK (the event's date is the request's) and its decision, once known.
    Lpsk {
        #[serde(default)]
        decision: String,
    },
}

impl Detail {
    pub fn kind(&self) -> EventKind {
        match self {
            Detail::LaporanPolisi { .. } => EventKind::LaporanPolisi,
            Detail::Visum { .. } => EventKind::Visum,
            Detail::Bap { .. } => EventKind::Bap,
            Detail::Perlindungan { .. } => EventKind::Perlindungan,
            Detail::Pelimpahan { .. } => EventKind::Pelimpahan,
            Detail::Sidang { .. } => EventKind::Sidang,
            Detail::Putusan { .. } => EventKind::Putusan,
            Detail::Restitusi { .. } => EventKind::Restitusi,
            Detail::Lpsk { .. } => EventKind::Lpsk,
        }
    }
}

/// One legal event as entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvent {
    pub date: NaiveDate,
    pub detail: Detail,
    /// A next date typed by the worker; when None, the kind's own ([`derived_next`]).
    pub next: Option<NaiveDate>,
    pub note: String,
}

/// One legal event as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegalEvent {
    pub id: i64,
    pub date: NaiveDate,
    pub detail: Detail,
    /// The next date that was worked out when it was recorded.
    pub next: Option<NaiveDate>,
    pub note: String,
    /// When it was recorded, on the office's clock, and by whom.
    pub recorded: NaiveDateTime,
    pub by: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventIssue {
    DateFuture,
    UnitRequired,
    NumberRequired,
    HospitalRequired,
    CourtRequired,
    SentenceRequired,
    /// Protection that ends before it starts.
    ProtectionEnds,
    /// A next date (or next hearing, or paid-by date) not after the event's date.
    NextNotAfter,
    /// An amount of restitution that was not asked for.
    AmountNotAsked,
}

pub fn check_event(e: &NewEvent, today: NaiveDate) -> Vec<EventIssue> {
    let mut out = Vec::new();
    if e.date > today {
        out.push(EventIssue::DateFuture);
    }
    let blank = |s: &str| s.trim().is_empty();
    match &e.detail {
        Detail::LaporanPolisi { unit, number, .. } => {
            if blank(unit) {
                out.push(EventIssue::UnitRequired);
            }
            if blank(number) {
                out.push(EventIssue::NumberRequired);
            }
        }
        Detail::Visum { hospital, .. } if blank(hospital) => out.push(EventIssue::HospitalRequired),
        Detail::Perlindungan { from, to } if to < from => out.push(EventIssue::ProtectionEnds),
        Detail::Sidang {
            court,
            next_hearing,
            ..
        } => {
            if blank(court) {
                out.push(EventIssue::CourtRequired);
            }
            if next_hearing.is_some_and(|n| n <= e.date) {
                out.push(EventIssue::NextNotAfter);
            }
        }
        Detail::Putusan { sentence } if blank(sentence) => out.push(EventIssue::SentenceRequired),
        Detail::Restitusi {
            asked,
            amount,
            paid_by,
            ..
        } => {
            if amount.is_some() && !asked {
                out.push(EventIssue::AmountNotAsked);
            }
            if paid_by.is_some_and(|p| p < e.date) {
                out.push(EventIssue::NextNotAfter);
            }
        }
        _ => {}
    }
    if e.next.is_some_and(|n| n <= e.date) && !out.contains(&EventIssue::NextNotAfter) {
        out.push(EventIssue::NextNotAfter);
    }
    out
}

/// The next date an event brings when the worker gives none: the next hearing; the end of a
/// protection order (to see whether it needs extending); the date restitution is to be paid
/// by — 30 days from its decision when no date was set (TPKS Pasal 33) — until it is paid.
pub fn derived_next(e: &NewEvent) -> Option<NaiveDate> {
    if e.next.is_some() {
        return e.next;
    }
    match &e.detail {
        Detail::Sidang { next_hearing, .. } => *next_hearing,
        Detail::Perlindungan { to, .. } => Some(*to),
        Detail::Restitusi { paid: true, .. } => None,
        Detail::Restitusi {
            paid_by: Some(d), ..
        } => Some(*d),
        Detail::Restitusi { decided: true, .. } => Some(e.date + Duration::days(RESTITUTION_DAYS)),
        _ => None,
    }
}

/// The next dates still pending: for each kind, the latest event's next date (a later event
/// of the same kind — the next hearing held, restitution paid — supersedes an earlier one).
pub fn pending(events: &[LegalEvent]) -> Vec<(EventKind, NaiveDate)> {
    let mut out = Vec::new();
    for kind in EventKind::ALL {
        let latest = events
            .iter()
            .filter(|e| e.detail.kind() == kind)
            .max_by_key(|e| (e.date, e.id));
        if let Some(d) = latest.and_then(|e| e.next) {
            out.push((kind, d));
        }
    }
    out
}

/// The next hearing when it is within [`HEARING_SOON_DAYS`] of `today` (today included).
pub fn hearing_soon(events: &[LegalEvent], today: NaiveDate) -> Option<NaiveDate> {
    pending(events)
        .into_iter()
        .find(|(k, d)| {
            *k == EventKind::Sidang
                && *d >= today
                && *d <= today + Duration::days(HEARING_SOON_DAYS)
        })
        .map(|(_, d)| d)
}

/// When something recorded on `date` happened, for a clock: at `time` when it is known;
/// else, recorded the same day, the moment it was recorded; else the end of `date`. Both
/// fallbacks are the latest it can have happened, so a clock is never shown met too early.
pub fn happened_at(
    date: NaiveDate,
    time: Option<NaiveTime>,
    recorded: NaiveDateTime,
) -> NaiveDateTime {
    if let Some(t) = time {
        return date.and_time(t);
    }
    if recorded.date() == date {
        return recorded;
    }
    date.and_hms_opt(23, 59, 59).expect("a valid time")
}

/// When the police report was made: the earliest one recorded. It stops the TPKS clock.
pub fn police_reported(events: &[LegalEvent]) -> Option<NaiveDateTime> {
    events
        .iter()
        .filter_map(|e| match &e.detail {
            Detail::LaporanPolisi { time, .. } => Some(happened_at(e.date, *time, e.recorded)),
            _ => None,
        })
        .min()
}

/// What a mediation is about (the eligibility assessment's first question).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Matter {
    /// A civil matter: nafkah, hak asuh, harta bersama …
    Perdata,
    /// A complaint offence (delik aduan) whose victim does not want prosecution.
    DelikAduan,
    /// Neither: mediation is not the way.
    Lainnya,
}

impl Matter {
    pub const ALL: [Matter; 3] = [Matter::Perdata, Matter::DelikAduan, Matter::Lainnya];

    /// Labels in `vocab::MEDIATION_MATTERS`.
    pub fn code(self) -> &'static str {
        match self {
            Matter::Perdata => "perdata",
            Matter::DelikAduan => "delik_aduan",
            Matter::Lainnya => "lainnya",
        }
    }

    pub fn from_code(code: &str) -> Option<Matter> {
        Matter::ALL.into_iter().find(|m| m.code() == code)
    }
}

/// One step of a mediation. Stored as JSON, tagged by step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// The eligibility assessment: what it is about, whether the victim can decide freely,
    /// who assessed.
    Asesmen {
        matter: Matter,
        free_decision: bool,
        assessed_by: String,
        #[serde(default)]
        note: String,
    },
    /// A session: who attended, what came of it.
    Sesi { attended: String, result: String },
    /// The agreement: the points agreed and when to check they are kept.
    Kesepakatan {
        points: String,
        follow_up: Option<NaiveDate>,
    },
    /// A check on the agreement: kept or not, and when to look again.
    Tinjauan {
        kept: bool,
        #[serde(default)]
        note: String,
        #[serde(default)]
        next: Option<NaiveDate>,
    },
}

impl Step {
    /// The stored code; labels in `vocab::MEDIATION_STEPS`.
    pub fn code(&self) -> &'static str {
        match self {
            Step::Asesmen { .. } => "asesmen",
            Step::Sesi { .. } => "sesi",
            Step::Kesepakatan { .. } => "kesepakatan",
            Step::Tinjauan { .. } => "tinjauan",
        }
    }

    /// The date this step asks to look again.
    pub fn next(&self) -> Option<NaiveDate> {
        match self {
            Step::Kesepakatan { follow_up, .. } => *follow_up,
            Step::Tinjauan { next, .. } => *next,
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediationRecord {
    pub id: i64,
    pub date: NaiveDate,
    pub step: Step,
    pub by: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediationIssue {
    /// The law forbids it on this case (TPKS Pasal 23).
    Refused(MediationRefused),
    DateFuture,
    AssessorRequired,
    /// A session or agreement before an assessment.
    NotAssessed,
    /// The latest assessment found mediation not the way: not a civil matter or complaint
    /// offence, or the victim cannot decide freely.
    NotEligible,
    AttendedRequired,
    ResultRequired,
    PointsRequired,
    /// A review with no agreement to review.
    NoAgreement,
    NextNotAfter,
}

/// Whether an assessment found mediation possible: a civil matter or complaint offence, and
/// a victim who can decide freely.
pub fn eligible(step: &Step) -> bool {
    matches!(
        step,
        Step::Asesmen {
            matter: Matter::Perdata | Matter::DelikAduan,
            free_decision: true,
            ..
        }
    )
}

/// Checks a new mediation step against the law's guard (`law::mediation_allowed`, passed in
/// as computed for the case) and the steps already recorded.
pub fn check_mediation(
    step: &Step,
    date: NaiveDate,
    earlier: &[MediationRecord],
    guard: Result<(), MediationRefused>,
    today: NaiveDate,
) -> Vec<MediationIssue> {
    if let Err(r) = guard {
        // Nothing else matters: no mediation may be recorded at all.
        return vec![MediationIssue::Refused(r)];
    }
    let mut out = Vec::new();
    if date > today {
        out.push(MediationIssue::DateFuture);
    }
    let blank = |s: &str| s.trim().is_empty();
    let latest_assessment = earlier
        .iter()
        .filter(|r| matches!(r.step, Step::Asesmen { .. }))
        .max_by_key(|r| (r.date, r.id));
    let needs_assessment = |out: &mut Vec<MediationIssue>| match latest_assessment {
        None => out.push(MediationIssue::NotAssessed),
        Some(a) if !eligible(&a.step) => out.push(MediationIssue::NotEligible),
        Some(_) => {}
    };
    match step {
        Step::Asesmen { assessed_by, .. } => {
            if blank(assessed_by) {
                out.push(MediationIssue::AssessorRequired);
            }
        }
        Step::Sesi { attended, result } => {
            needs_assessment(&mut out);
            if blank(attended) {
                out.push(MediationIssue::AttendedRequired);
            }
            if blank(result) {
                out.push(MediationIssue::ResultRequired);
            }
        }
        Step::Kesepakatan { points, .. } => {
            needs_assessment(&mut out);
            if blank(points) {
                out.push(MediationIssue::PointsRequired);
            }
        }
        Step::Tinjauan { .. } => {
            if !earlier
                .iter()
                .any(|r| matches!(r.step, Step::Kesepakatan { .. }))
            {
                out.push(MediationIssue::NoAgreement);
            }
        }
    }
    if step.next().is_some_and(|n| n <= date) {
        out.push(MediationIssue::NextNotAfter);
    }
    out
}

/// The date the agreement is next to be checked: that of the latest agreement or review.
pub fn mediation_next(records: &[MediationRecord]) -> Option<NaiveDate> {
    records
        .iter()
        .filter(|r| matches!(r.step, Step::Kesepakatan { .. } | Step::Tinjauan { .. }))
        .max_by_key(|r| (r.date, r.id))
        .and_then(|r| r.step.next())
}

/// Whether every alleged perpetrator is the victim's spouse (and there is one): a PKDRT case
/// between spouses, where some offences are complaint offences.
pub fn spouse_only(relations: &[Option<String>]) -> bool {
    !relations.is_empty()
        && relations
            .iter()
            .all(|r| r.as_deref() == Some("suami_istri"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn at(d: u32, h: u32) -> NaiveDateTime {
        day(d).and_hms_opt(h, 0, 0).unwrap()
    }

    fn event(id: i64, date: u32, detail: Detail) -> LegalEvent {
        let e = NewEvent {
            date: day(date),
            detail,
            next: None,
            note: String::new(),
        };
        LegalEvent {
            id,
            date: e.date,
            next: derived_next(&e),
            detail: e.detail,
            note: String::new(),
            recorded: at(date, 16),
            by: "rina".into(),
        }
    }

    fn sidang(next: Option<u32>) -> Detail {
        Detail::Sidang {
            court: "PN Metro".into(),
            case_number: "12/Pid.Sus/2026/PN Mtr".into(),
            what_happened: "Pembacaan dakwaan".into(),
            accompanied_by: "rina".into(),
            next_hearing: next.map(day),
        }
    }

    fn q(codes: &[&str]) -> Vec<String> {
        codes.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn a_sexual_violence_case_asks_for_its_tpks_kind() {
        let seksual = q(&["fisik", "seksual"]);
        assert_eq!(
            check_qualifications(&seksual, &q(&["pkdrt_fisik"])),
            vec![QualificationIssue::SexualNeedsTpksKind]
        );
        assert!(check_qualifications(&seksual, &q(&["tpks_belum_diketahui"])).is_empty());
        assert!(check_qualifications(&seksual, &q(&["tpks_perkosaan", "uu_pa"])).is_empty());
        // Other violence asks nothing.
        assert!(check_qualifications(&q(&["psikis"]), &[]).is_empty());
        assert_eq!(
            check_qualifications(&[], &q(&["tpks_nope"])),
            vec![QualificationIssue::UnknownCode("tpks_nope".into())]
        );
    }

    #[test]
    fn the_next_date_comes_from_the_event_unless_one_is_given() {
        let e = |date: u32, detail: Detail, next: Option<u32>| NewEvent {
            date: day(date),
            detail,
            next: next.map(day),
            note: String::new(),
        };
        assert_eq!(derived_next(&e(3, sidang(Some(17)), None)), Some(day(17)));
        assert_eq!(derived_next(&e(3, sidang(None), None)), None);
        assert_eq!(
            derived_next(&e(3, sidang(Some(17)), Some(10))),
            Some(day(10))
        );
        let protect = Detail::Perlindungan {
            from: day(2),
            to: day(16),
        };
        assert_eq!(derived_next(&e(2, protect, None)), Some(day(16)));
        let decided = |paid_by, paid| Detail::Restitusi {
            asked: true,
            amount: Some(15_000_000),
            decided: true,
            paid_by,
            paid,
        };
        // Thirty days from the decision, as TPKS Pasal 33 allows.
        assert_eq!(
            derived_next(&e(1, decided(None, false), None)),
            Some(day(1) + Duration::days(30))
        );
        assert_eq!(
            derived_next(&e(1, decided(Some(day(20)), false), None)),
            Some(day(20))
        );
        assert_eq!(derived_next(&e(25, decided(None, true), None)), None);
        let visum = Detail::Visum {
            hospital: "RSUD".into(),
            result_received: false,
        };
        assert_eq!(derived_next(&e(2, visum, None)), None);
    }

    #[test]
    fn a_later_event_of_the_same_kind_supersedes_the_earlier_next_date() {
        let held = vec![
            event(1, 3, sidang(Some(10))),
            event(2, 10, sidang(Some(24))),
        ];
        assert_eq!(pending(&held), vec![(EventKind::Sidang, day(24))]);
        let last = vec![event(1, 3, sidang(Some(10))), event(2, 10, sidang(None))];
        assert!(pending(&last).is_empty());
    }

    #[test]
    fn a_hearing_within_seven_days_is_marked() {
        let events = vec![event(1, 3, sidang(Some(17)))];
        assert_eq!(hearing_soon(&events, day(10)), Some(day(17)));
        assert_eq!(hearing_soon(&events, day(17)), Some(day(17)));
        assert_eq!(hearing_soon(&events, day(9)), None, "eight days ahead");
        assert_eq!(hearing_soon(&events, day(18)), None, "already past");
    }

    #[test]
    fn the_police_report_stops_the_clock_at_the_latest_it_can_have_been_made() {
        let report = |time| Detail::LaporanPolisi {
            unit: "Unit PPA Polres Metro".into(),
            number: "LP/B/123/XI/2026".into(),
            investigator: "Bripka Sari".into(),
            time,
        };
        // Recorded the same day without a time: the moment it was recorded.
        assert_eq!(
            police_reported(&[event(1, 11, report(None))]),
            Some(at(11, 16))
        );
        // With its time: that time.
        let t = NaiveTime::from_hms_opt(9, 30, 0);
        assert_eq!(
            police_reported(&[event(1, 11, report(t))]),
            Some(day(11).and_time(t.unwrap()))
        );
        // Recorded days later without a time: the end of its day.
        let mut late = event(1, 11, report(None));
        late.recorded = at(14, 8);
        assert_eq!(police_reported(&[late]), day(11).and_hms_opt(23, 59, 59));
        assert_eq!(police_reported(&[event(1, 3, sidang(None))]), None);
    }

    #[test]
    fn events_are_checked_field_by_field() {
        let e = |detail, next: Option<u32>| NewEvent {
            date: day(5),
            detail,
            next: next.map(day),
            note: String::new(),
        };
        let blank_report = Detail::LaporanPolisi {
            unit: " ".into(),
            number: String::new(),
            investigator: String::new(),
            time: None,
        };
        assert_eq!(
            check_event(&e(blank_report, None), day(10)),
            vec![EventIssue::UnitRequired, EventIssue::NumberRequired]
        );
        assert_eq!(
            check_event(&e(sidang(Some(5)), None), day(10)),
            vec![EventIssue::NextNotAfter]
        );
        assert_eq!(
            check_event(&e(sidang(None), None), day(4)),
            vec![EventIssue::DateFuture]
        );
        let backwards = Detail::Perlindungan {
            from: day(5),
            to: day(1),
        };
        assert_eq!(
            check_event(&e(backwards, None), day(10)),
            vec![EventIssue::ProtectionEnds]
        );
        let unasked = Detail::Restitusi {
            asked: false,
            amount: Some(1),
            decided: false,
            paid_by: None,
            paid: false,
        };
        assert_eq!(
            check_event(&e(unasked, None), day(10)),
            vec![EventIssue::AmountNotAsked]
        );
        assert!(check_event(&e(sidang(Some(12)), Some(8)), day(10)).is_empty());
    }

    fn record(id: i64, date: u32, step: Step) -> MediationRecord {
        MediationRecord {
            id,
            date: day(date),
            step,
            by: "rina".into(),
        }
    }

    fn assessment(matter: Matter, free: bool) -> Step {
        Step::Asesmen {
            matter,
            free_decision: free,
            assessed_by: "Rina (pekerja sosial)".into(),
            note: String::new(),
        }
    }

    fn session() -> Step {
        Step::Sesi {
            attended: "korban, suami, mediator".into(),
            result: "sepakat nafkah".into(),
        }
    }

    #[test]
    fn mediation_on_tpks_is_refused_whatever_the_step() {
        let refused = Err(MediationRefused::TpksAdultPerpetrator);
        assert_eq!(
            check_mediation(
                &assessment(Matter::Perdata, true),
                day(5),
                &[],
                refused,
                day(10)
            ),
            vec![MediationIssue::Refused(
                MediationRefused::TpksAdultPerpetrator
            )]
        );
    }

    #[test]
    fn a_session_needs_an_assessment_that_found_mediation_possible() {
        let ok = Ok(());
        assert_eq!(
            check_mediation(&session(), day(5), &[], ok, day(10)),
            vec![MediationIssue::NotAssessed]
        );
        // Not a civil matter or complaint offence, or a victim who cannot decide freely.
        for a in [
            assessment(Matter::Lainnya, true),
            assessment(Matter::DelikAduan, false),
        ] {
            assert_eq!(
                check_mediation(&session(), day(5), &[record(1, 4, a)], ok, day(10)),
                vec![MediationIssue::NotEligible]
            );
        }
        // The latest assessment counts.
        let earlier = [
            record(1, 2, assessment(Matter::Lainnya, false)),
            record(2, 4, assessment(Matter::Perdata, true)),
        ];
        assert!(check_mediation(&session(), day(5), &earlier, ok, day(10)).is_empty());
        let blank = Step::Asesmen {
            matter: Matter::Perdata,
            free_decision: true,
            assessed_by: " ".into(),
            note: String::new(),
        };
        assert_eq!(
            check_mediation(&blank, day(5), &[], ok, day(10)),
            vec![MediationIssue::AssessorRequired]
        );
    }

    #[test]
    fn the_agreement_is_followed_up_until_a_review_says_otherwise() {
        let ok = Ok(());
        let agreement = Step::Kesepakatan {
            points: "Nafkah Rp1.500.000 per bulan".into(),
            follow_up: Some(day(30)),
        };
        let review = Step::Tinjauan {
            kept: true,
            note: String::new(),
            next: None,
        };
        assert_eq!(
            check_mediation(&review, day(5), &[], ok, day(10)),
            vec![MediationIssue::NoAgreement]
        );
        let mut records = vec![
            record(1, 2, assessment(Matter::Perdata, true)),
            record(2, 5, agreement.clone()),
        ];
        assert!(check_mediation(&review, day(30), &records, ok, day(30)).is_empty());
        assert_eq!(mediation_next(&records), Some(day(30)));
        records.push(record(3, 30, review));
        assert_eq!(mediation_next(&records), None);
        let too_soon = Step::Kesepakatan {
            points: "x".into(),
            follow_up: Some(day(5)),
        };
        assert_eq!(
            check_mediation(&too_soon, day(5), &records, ok, day(10)),
            vec![MediationIssue::NextNotAfter]
        );
    }

    #[test]
    fn a_spouse_only_case_has_only_spouses() {
        let r = |s: &str| Some(s.to_string());
        assert!(spouse_only(&[r("suami_istri")]));
        assert!(!spouse_only(&[r("suami_istri"), r("keluarga")]));
        assert!(!spouse_only(&[None]));
        assert!(!spouse_only(&[]));
    }

    #[test]
    fn every_code_the_rules_use_has_a_label() {
        for k in EventKind::ALL {
            assert!(vocab::LEGAL_EVENTS.contains(k.code()), "{k:?}");
            assert_eq!(EventKind::from_code(k.code()), Some(k));
        }
        for m in Matter::ALL {
            assert!(vocab::MEDIATION_MATTERS.contains(m.code()), "{m:?}");
        }
        for c in CHECKLIST {
            assert!(vocab::LEGAL_CHECKLIST.contains(c), "{c}");
        }
        assert_eq!(vocab::LEGAL_EVENTS.terms.len(), EventKind::ALL.len());
        let session = Step::Sesi {
            attended: String::new(),
            result: String::new(),
        };
        assert!(vocab::MEDIATION_STEPS.contains(session.code()));
    }
}
