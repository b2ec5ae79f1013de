//! The intervention plan (rencana intervensi): actions, each with a goal, a service, who does
//! it, a due date and a status; drawn up with the client and approved by a supervisor.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::approval::{Approval, Gate, GateOutcome, gate};
use super::case::{Move, Stage};
use super::vocab;

/// Who carries out a plan action or gave a service: a staff account or a directory agency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Doer {
    Staff(String),
    Agency(i64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    Rencana,
    Berjalan,
    Selesai,
    Batal,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Rencana,
        ActionStatus::Berjalan,
        ActionStatus::Selesai,
        ActionStatus::Batal,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ActionStatus::Rencana => "rencana",
            ActionStatus::Berjalan => "berjalan",
            ActionStatus::Selesai => "selesai",
            ActionStatus::Batal => "batal",
        }
    }

    pub fn from_code(s: &str) -> Option<ActionStatus> {
        ActionStatus::ALL.into_iter().find(|a| a.code() == s)
    }

    /// Done or dropped: nothing more is due.
    pub fn is_finished(self) -> bool {
        matches!(self, ActionStatus::Selesai | ActionStatus::Batal)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanAction {
    /// 0 until stored.
    pub id: i64,
    pub goal: String,
    /// A `vocab::SERVICES` code.
    pub service: String,
    pub doer: Doer,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    /// Why it was dropped (`batal` needs one).
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Plan {
    /// Drawn up with the client, as the service standard asks.
    pub with_client: bool,
    /// Who took part (the client, a guardian, the case manager, a psychologist …).
    pub participants: String,
    pub actions: Vec<PlanAction>,
    pub approval: Approval,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanIssue {
    GoalRequired,
    UnknownService,
    DueRequired,
    /// A due date before the plan was made cannot be met.
    DuePast,
    CancelReasonRequired,
    /// A plan with no actions is not a plan.
    NoActions,
}

/// Problems with `a`, a new or changed action, on `today`.
pub fn check_action(a: &PlanAction, today: NaiveDate, is_new: bool) -> Vec<PlanIssue> {
    let mut out = Vec::new();
    if a.goal.trim().is_empty() {
        out.push(PlanIssue::GoalRequired);
    }
    if !vocab::SERVICES.contains(&a.service) {
        out.push(PlanIssue::UnknownService);
    }
    match a.due {
        None if !a.status.is_finished() => out.push(PlanIssue::DueRequired),
        Some(d) if is_new && d < today => out.push(PlanIssue::DuePast),
        _ => {}
    }
    if a.status == ActionStatus::Batal && a.reason.trim().is_empty() {
        out.push(PlanIssue::CancelReasonRequired);
    }
    out
}

/// Problems that stop a plan being sent for approval.
pub fn check_for_approval(p: &Plan) -> Vec<PlanIssue> {
    if p.actions.iter().all(|a| a.status == ActionStatus::Batal) {
        vec![PlanIssue::NoActions]
    } else {
        Vec::new()
    }
}

/// Actions still to do whose due date has passed.
pub fn overdue_actions(p: &Plan, today: NaiveDate) -> impl Iterator<Item = &PlanAction> {
    p.actions
        .iter()
        .filter(move |a| !a.status.is_finished() && a.due.is_some_and(|d| d < today))
}

/// Whether a move waits for an approved plan: only Rencana → Intervensi, the step the plan is
/// for. An emergency's jump from intake straight to services is never held back by paperwork
/// (the plan comes after the child is safe), and going back or closing needs no plan.
pub fn needs_plan(from: Stage, mv: &Move) -> bool {
    from == Stage::Rencana && *mv == Move::Forward(Stage::Intervensi)
}

/// The plan gate for a move: `plan` is the case's plan approval (None: no plan yet).
pub fn move_gate(from: Stage, mv: &Move, g: Gate, plan: Option<&Approval>) -> GateOutcome {
    if needs_plan(from, mv) {
        gate(g, plan)
    } else {
        GateOutcome::Pass
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn action(due: u32, status: ActionStatus) -> PlanAction {
        PlanAction {
            id: 0,
            goal: "Korban mendapat pemeriksaan psikologis".into(),
            service: "psikologis".into(),
            doer: Doer::Agency(3),
            due: Some(day(due)),
            status,
            reason: String::new(),
        }
    }

    #[test]
    fn an_action_needs_a_goal_a_known_service_and_a_due_date() {
        let mut a = action(20, ActionStatus::Rencana);
        assert!(check_action(&a, day(10), true).is_empty());
        a.goal = " ".into();
        a.service = "pijat".into();
        a.due = None;
        assert_eq!(
            check_action(&a, day(10), true),
            vec![
                PlanIssue::GoalRequired,
                PlanIssue::UnknownService,
                PlanIssue::DueRequired
            ]
        );
    }

    #[test]
    fn a_new_action_cannot_be_due_in_the_past_but_an_old_one_can_be_late() {
        let a = action(5, ActionStatus::Rencana);
        assert_eq!(check_action(&a, day(10), true), vec![PlanIssue::DuePast]);
        assert!(check_action(&a, day(10), false).is_empty());
    }

    #[test]
    fn dropping_an_action_needs_a_reason() {
        let mut a = action(20, ActionStatus::Batal);
        assert_eq!(
            check_action(&a, day(10), false),
            vec![PlanIssue::CancelReasonRequired]
        );
        a.reason = "Korban pindah ke luar kota".into();
        assert!(check_action(&a, day(10), false).is_empty());
    }

    #[test]
    fn only_open_actions_are_overdue() {
        let p = Plan {
            actions: vec![
                action(5, ActionStatus::Rencana),
                action(5, ActionStatus::Selesai),
                action(6, ActionStatus::Berjalan),
                action(30, ActionStatus::Rencana),
            ],
            ..Default::default()
        };
        let late: Vec<_> = overdue_actions(&p, day(10)).map(|a| a.due).collect();
        assert_eq!(late, vec![Some(day(5)), Some(day(6))]);
    }

    #[test]
    fn a_plan_of_only_dropped_actions_is_not_sent_for_approval() {
        let mut p = Plan::default();
        assert_eq!(check_for_approval(&p), vec![PlanIssue::NoActions]);
        p.actions.push(action(20, ActionStatus::Rencana));
        assert!(check_for_approval(&p).is_empty());
    }

    #[test]
    fn only_rencana_to_intervensi_waits_for_the_plan() {
        let to_services = Move::Forward(Stage::Intervensi);
        let draft = Approval::Draft;
        let ok = Approval::Approved { by: "sri".into() };
        let outcome = |from, mv: &Move, g, a| move_gate(from, mv, g, a);
        assert_eq!(
            outcome(Stage::Rencana, &to_services, Gate::Require, Some(&draft)),
            GateOutcome::Refuse
        );
        assert_eq!(
            outcome(Stage::Rencana, &to_services, Gate::Require, None),
            GateOutcome::Refuse
        );
        assert_eq!(
            outcome(Stage::Rencana, &to_services, Gate::Require, Some(&ok)),
            GateOutcome::Pass
        );
        assert_eq!(
            outcome(Stage::Rencana, &to_services, Gate::Warn, Some(&draft)),
            GateOutcome::Warn
        );
        // The emergency jump from intake, and any other move, pass whatever the plan.
        assert_eq!(
            outcome(Stage::Pengaduan, &to_services, Gate::Require, None),
            GateOutcome::Pass
        );
        let to_plan = Move::Forward(Stage::Rencana);
        assert_eq!(
            outcome(Stage::Asesmen, &to_plan, Gate::Require, None),
            GateOutcome::Pass
        );
    }
}
