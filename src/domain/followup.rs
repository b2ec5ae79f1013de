//! Monitoring (pemantauan): follow-ups with what was found and when to look again; and the
//! closing evaluation (terminasi) with the client's satisfaction.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::approval::Approval;

/// How a follow-up was made. Labels in `vocab::FOLLOW_UP_KINDS`.
pub const KINDS: [&str; 5] = ["kunjungan_rumah", "telepon", "kantor", "sekolah", "lainnya"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub id: i64,
    pub date: NaiveDate,
    pub kind: String,
    pub findings: String,
    /// When to follow up next; None when no further follow-up is planned.
    pub next: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpIssue {
    UnknownKind,
    FindingsRequired,
    DateFuture,
    /// The next follow-up must come after this one.
    NextNotAfter,
}

pub fn check(f: &FollowUp, today: NaiveDate) -> Vec<FollowUpIssue> {
    let mut out = Vec::new();
    if !KINDS.contains(&f.kind.as_str()) {
        out.push(FollowUpIssue::UnknownKind);
    }
    if f.findings.trim().is_empty() {
        out.push(FollowUpIssue::FindingsRequired);
    }
    if f.date > today {
        out.push(FollowUpIssue::DateFuture);
    }
    if f.next.is_some_and(|n| n <= f.date) {
        out.push(FollowUpIssue::NextNotAfter);
    }
    out
}

/// The next follow-up due on a case: the one the latest follow-up asked for.
pub fn next_due(followups: &[FollowUp]) -> Option<NaiveDate> {
    followups.iter().max_by_key(|f| (f.date, f.id))?.next
}

/// The client's satisfaction at closing: 1 (tidak puas) to 4 (sangat puas), or declined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Satisfaction {
    Score(u8),
    /// "Tidak bersedia": the client chose not to answer.
    Declined,
}

/// One plan action's outcome at closing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub action_id: i64,
    pub achieved: bool,
    pub word: String,
}

/// The closing evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    pub outcomes: Vec<Outcome>,
    pub satisfaction: Option<Satisfaction>,
    pub comment: String,
    pub approval: Approval,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvaluationIssue {
    /// Every plan action still open needs an outcome.
    OutcomeMissing,
    SatisfactionRequired,
    SatisfactionRange,
}

/// Problems with `e` for a case whose plan has the actions `open_actions` (not dropped).
pub fn check_evaluation(e: &Evaluation, open_actions: &[i64]) -> Vec<EvaluationIssue> {
    let mut out = Vec::new();
    if open_actions
        .iter()
        .any(|id| !e.outcomes.iter().any(|o| o.action_id == *id))
    {
        out.push(EvaluationIssue::OutcomeMissing);
    }
    match e.satisfaction {
        None => out.push(EvaluationIssue::SatisfactionRequired),
        Some(Satisfaction::Score(n)) if !(1..=4).contains(&n) => {
            out.push(EvaluationIssue::SatisfactionRange)
        }
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn visit(id: i64, d: u32, next: Option<u32>) -> FollowUp {
        FollowUp {
            id,
            date: day(d),
            kind: "kunjungan_rumah".into(),
            findings: "Korban sudah kembali sekolah".into(),
            next: next.map(day),
        }
    }

    #[test]
    fn the_latest_follow_up_says_when_the_next_is_due() {
        assert_eq!(next_due(&[]), None);
        let f = [visit(1, 3, Some(10)), visit(2, 9, Some(23))];
        assert_eq!(next_due(&f), Some(day(23)));
        let f = [visit(1, 3, Some(10)), visit(2, 9, None)];
        assert_eq!(next_due(&f), None, "no further follow-up planned");
    }

    #[test]
    fn a_follow_up_needs_a_kind_findings_and_a_later_next_date() {
        let mut f = visit(0, 12, Some(12));
        f.kind = "surat".into();
        f.findings = String::new();
        assert_eq!(
            check(&f, day(10)),
            vec![
                FollowUpIssue::UnknownKind,
                FollowUpIssue::FindingsRequired,
                FollowUpIssue::DateFuture,
                FollowUpIssue::NextNotAfter
            ]
        );
        assert!(check(&visit(0, 9, Some(16)), day(10)).is_empty());
    }

    #[test]
    fn closing_asks_an_outcome_per_open_action_and_a_satisfaction_answer() {
        let mut e = Evaluation {
            outcomes: vec![Outcome {
                action_id: 1,
                achieved: true,
                word: "Visum selesai".into(),
            }],
            satisfaction: None,
            comment: String::new(),
            approval: Approval::Draft,
        };
        assert_eq!(
            check_evaluation(&e, &[1, 2]),
            vec![
                EvaluationIssue::OutcomeMissing,
                EvaluationIssue::SatisfactionRequired
            ]
        );
        e.satisfaction = Some(Satisfaction::Score(5));
        assert_eq!(
            check_evaluation(&e, &[1]),
            vec![EvaluationIssue::SatisfactionRange]
        );
        e.satisfaction = Some(Satisfaction::Declined);
        assert!(check_evaluation(&e, &[1]).is_empty());
    }
}
