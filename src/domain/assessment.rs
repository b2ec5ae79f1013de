//! The assessment after intake (Permen PPPA 2/2022: biopsychosocial assessment), with the
//! danger checklist for violence by a partner or husband and the safety plan it leads to.
//!
//! The checklist's items are drawn from the public Danger Assessment items (Campbell). That
//! instrument is copyrighted and meant for trained use, so meja never adds the answers up into a
//! score shown as a verdict: several "ya" only prompt consulting trained staff and considering
//! rumah aman (domain.md, "What comparable systems keep after intake").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One yes/no question of the danger checklist. Codes are stored; labels live in
/// `vocab::DANGER_ITEMS`.
pub const DANGER_ITEMS: [&str; 12] = [
    "senjata",             // threat or use of a weapon
    "cekik",               // strangulation, choking
    "makin_sering",        // violence more frequent or more severe over the past year
    "ancam_bunuh",         // threats to kill her or the children
    "cemburu_mengontrol",  // constant, violent jealousy; controls daily activities
    "paksa_seks",          // forced sex
    "hamil_dipukul",       // beaten while pregnant
    "pelaku_menganggur",   // perpetrator unemployed
    "akses_senjata_api",   // perpetrator owns or can get a gun
    "ancam_bunuh_diri",    // perpetrator threatened or tried suicide
    "pisah_setelah_hidup", // she left or tried to leave in the past year
    "anak_bukan_pelaku",   // a child of hers who is not his lives with them
];

/// How many "ya" prompt the advice to consult trained staff. A prompt, not a cut-off: any
/// "ya" already asks for a safety plan.
pub const CONSULT_AT: usize = 3;

/// The assessment's reading of risk; the case's risk is the latest assessment's.
pub const RISKS: [&str; 3] = ["tinggi", "sedang", "rendah"];

/// A safety plan, asked for as soon as any danger item is "ya".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SafetyPlan {
    pub safe_contact: String,
    pub safe_place: String,
    /// Documents (KTP, KK, birth certificates) and money kept ready somewhere safe.
    pub documents_ready: bool,
    pub code_word: String,
    pub note: String,
}

impl SafetyPlan {
    pub fn is_empty(&self) -> bool {
        self == &SafetyPlan::default()
    }
}

/// One assessment of a case, as written by its author.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub date: Option<NaiveDate>,
    pub physical: String,
    pub psychological: String,
    /// Family, school or work, economy.
    pub social: String,
    pub spiritual: String,
    /// Needs and hopes, in the victim's own words.
    pub needs_hopes: String,
    pub risk: String,
    /// Only for violence by a partner or husband: the items answered "ya".
    pub danger_yes: Vec<String>,
    /// True when the checklist was gone through (an empty `danger_yes` then means "no to
    /// all", not "not asked").
    pub danger_asked: bool,
    pub safety_plan: SafetyPlan,
}

/// What the checklist's answers call for. Never a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DangerAdvice {
    /// Not gone through (no partner violence, or not asked yet).
    NotAsked,
    /// Every answer "tidak".
    NoneReported,
    /// One or more "ya": make a safety plan with her.
    SafetyPlan,
    /// Several "ya": consult trained staff and consider rumah aman, and make a safety plan.
    ConsultTrainedStaff,
}

pub fn danger_advice(a: &Assessment) -> DangerAdvice {
    let yes = a
        .danger_yes
        .iter()
        .filter(|c| DANGER_ITEMS.contains(&c.as_str()))
        .count();
    match (a.danger_asked, yes) {
        (false, 0) => DangerAdvice::NotAsked,
        (_, 0) => DangerAdvice::NoneReported,
        (_, n) if n >= CONSULT_AT => DangerAdvice::ConsultTrainedStaff,
        _ => DangerAdvice::SafetyPlan,
    }
}

/// Why an assessment cannot be saved as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssessmentIssue {
    DateRequired,
    DateFuture,
    RiskRequired,
    /// A danger item meja does not know (from a file).
    UnknownDangerItem,
    /// Something was written: an assessment with every text empty says nothing.
    Empty,
    /// A "ya" on the checklist and no safety plan at all.
    SafetyPlanRequired,
}

pub fn check(a: &Assessment, today: NaiveDate) -> Vec<AssessmentIssue> {
    let mut out = Vec::new();
    match a.date {
        None => out.push(AssessmentIssue::DateRequired),
        Some(d) if d > today => out.push(AssessmentIssue::DateFuture),
        Some(_) => {}
    }
    if !RISKS.contains(&a.risk.as_str()) {
        out.push(AssessmentIssue::RiskRequired);
    }
    if a.danger_yes
        .iter()
        .any(|c| !DANGER_ITEMS.contains(&c.as_str()))
    {
        out.push(AssessmentIssue::UnknownDangerItem);
    }
    let texts = [
        &a.physical,
        &a.psychological,
        &a.social,
        &a.spiritual,
        &a.needs_hopes,
    ];
    if texts.iter().all(|t| t.trim().is_empty()) {
        out.push(AssessmentIssue::Empty);
    }
    if matches!(
        danger_advice(a),
        DangerAdvice::SafetyPlan | DangerAdvice::ConsultTrainedStaff
    ) && a.safety_plan.is_empty()
    {
        out.push(AssessmentIssue::SafetyPlanRequired);
    }
    out
}

/// The case's risk after a series of assessments (oldest first): the latest one's, or the
/// intake's when there is none.
pub fn current_risk<'a>(intake_risk: &'a str, assessments: &'a [Assessment]) -> &'a str {
    assessments
        .iter()
        .filter(|a| RISKS.contains(&a.risk.as_str()))
        .max_by_key(|a| a.date)
        .map_or(intake_risk, |a| a.risk.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn written() -> Assessment {
        Assessment {
            date: Some(day(10)),
            psychological: "Korban sulit tidur, takut bertemu pelaku.".into(),
            risk: "sedang".into(),
            ..Default::default()
        }
    }

    #[test]
    fn the_checklist_gives_advice_never_a_score() {
        let mut a = written();
        assert_eq!(danger_advice(&a), DangerAdvice::NotAsked);
        a.danger_asked = true;
        assert_eq!(danger_advice(&a), DangerAdvice::NoneReported);
        a.danger_yes = vec!["cekik".into()];
        assert_eq!(danger_advice(&a), DangerAdvice::SafetyPlan);
        a.danger_yes.push("senjata".into());
        assert_eq!(danger_advice(&a), DangerAdvice::SafetyPlan);
        a.danger_yes.push("ancam_bunuh".into());
        assert_eq!(danger_advice(&a), DangerAdvice::ConsultTrainedStaff);
        // Unknown codes do not count towards the advice.
        let mut b = written();
        b.danger_asked = true;
        b.danger_yes = vec!["x".into(), "y".into(), "z".into()];
        assert_eq!(danger_advice(&b), DangerAdvice::NoneReported);
    }

    #[test]
    fn any_yes_asks_for_a_safety_plan() {
        let mut a = written();
        a.danger_asked = true;
        a.danger_yes = vec!["paksa_seks".into()];
        assert_eq!(
            check(&a, day(10)),
            vec![AssessmentIssue::SafetyPlanRequired]
        );
        a.safety_plan.safe_contact = "Kakak, 0812-3456-7890".into();
        assert!(check(&a, day(10)).is_empty());
    }

    #[test]
    fn an_assessment_needs_a_date_a_risk_and_some_words() {
        let a = Assessment::default();
        assert_eq!(
            check(&a, day(10)),
            vec![
                AssessmentIssue::DateRequired,
                AssessmentIssue::RiskRequired,
                AssessmentIssue::Empty
            ]
        );
        let mut b = written();
        b.date = Some(day(11));
        assert_eq!(check(&b, day(10)), vec![AssessmentIssue::DateFuture]);
        b.danger_yes = vec!["bukan-kode".into()];
        b.date = Some(day(10));
        assert_eq!(check(&b, day(10)), vec![AssessmentIssue::UnknownDangerItem]);
    }

    #[test]
    fn the_case_risk_is_the_latest_assessments() {
        assert_eq!(current_risk("rendah", &[]), "rendah");
        let mut first = written();
        first.risk = "tinggi".into();
        let mut later = written();
        later.date = Some(day(20));
        later.risk = "rendah".into();
        assert_eq!(
            current_risk("sedang", &[later.clone(), first.clone()]),
            "rendah"
        );
        assert_eq!(current_risk("sedang", &[first]), "tinggi");
    }
}
