//! Tugas: one list of what is due, derived from the records and never stored twice (as
//! Primero's Tasks page): plan actions, follow-ups, referrals awaiting a reply, plans and
//! closures awaiting approval, and stage targets. Overdue first, then today, then the next
//! seven days; within each, the riskiest cases first.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::case::{Stage, Targets};
use super::law::{ClockFacts, ClockKind, ClockState, Limits};
use super::legal::EventKind;
use super::plan::{Doer, PlanAction};

/// How long a request for approval may wait before it counts as overdue: one working day.
pub const APPROVAL_DAYS: i64 = 1;

/// How far ahead the list looks unless asked otherwise.
pub const HORIZON_DAYS: i64 = 7;

/// What falls due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DueKind {
    PlanAction {
        action_id: i64,
        goal: String,
    },
    FollowUp,
    ReferralReply {
        referral_id: i64,
        agency: String,
    },
    PlanApproval,
    ClosureApproval,
    /// The case has been in its stage longer than the office's target.
    StageTarget(Stage),
    /// A clock of the law (`domain::law`), running or breached, with its deadline.
    Clock {
        kind: ClockKind,
        state: ClockState,
        deadline: NaiveDateTime,
    },
    /// A legal event's next date: the next hearing, the end of a protection order, the day
    /// restitution is to be paid by.
    LegalNext(EventKind),
    /// The mediation agreement is to be checked.
    MediationFollowUp,
}

/// Everything about one open case the list is derived from, read by the store.
#[derive(Debug, Clone)]
pub struct CaseDue {
    pub case_id: i64,
    pub number: String,
    pub initials: String,
    pub risk: String,
    pub stage: Stage,
    pub stage_since: NaiveDate,
    pub assigned_to: Option<String>,
    pub actions: Vec<PlanAction>,
    /// The day a plan approval was requested, while it waits.
    pub plan_requested: Option<NaiveDate>,
    pub next_follow_up: Option<NaiveDate>,
    /// Referrals sent and not answered: (id, agency name, follow-up date).
    pub referrals: Vec<(i64, String, NaiveDate)>,
    pub closure_requested: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bucket {
    Overdue,
    Today,
    Soon,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueItem {
    pub case_id: i64,
    pub number: String,
    pub initials: String,
    pub risk: String,
    pub kind: DueKind,
    pub due: NaiveDate,
    pub bucket: Bucket,
    /// Who is to act: the action's staff doer, else the case's assignee; None for approvals
    /// (a supervisor's) and unassigned cases.
    pub who: Option<String>,
}

fn bucket(due: NaiveDate, today: NaiveDate, horizon: i64) -> Option<Bucket> {
    if due < today {
        Some(Bucket::Overdue)
    } else if due == today {
        Some(Bucket::Today)
    } else if due <= today + Duration::days(horizon) {
        Some(Bucket::Soon)
    } else {
        None
    }
}

fn risk_rank(risk: &str) -> u8 {
    match risk {
        "tinggi" => 0,
        "sedang" => 1,
        "rendah" => 2,
        _ => 3,
    }
}

/// The items of one case that fall due by `today + horizon` days.
pub fn items(c: &CaseDue, targets: &Targets, today: NaiveDate, horizon: i64) -> Vec<DueItem> {
    if c.stage == Stage::Terminasi {
        return Vec::new();
    }
    let mut raw: Vec<(DueKind, NaiveDate, Option<String>)> = Vec::new();
    for a in c.actions.iter().filter(|a| !a.status.is_finished()) {
        if let Some(d) = a.due {
            let who = match &a.doer {
                Doer::Staff(s) => Some(s.clone()),
                Doer::Agency(_) => c.assigned_to.clone(),
            };
            let kind = DueKind::PlanAction {
                action_id: a.id,
                goal: a.goal.clone(),
            };
            raw.push((kind, d, who));
        }
    }
    if let Some(d) = c.next_follow_up {
        raw.push((DueKind::FollowUp, d, c.assigned_to.clone()));
    }
    for (id, agency, d) in &c.referrals {
        let kind = DueKind::ReferralReply {
            referral_id: *id,
            agency: agency.clone(),
        };
        raw.push((kind, *d, c.assigned_to.clone()));
    }
    let approval = Duration::days(APPROVAL_DAYS);
    if let Some(d) = c.plan_requested {
        raw.push((DueKind::PlanApproval, d + approval, None));
    }
    if let Some(d) = c.closure_requested {
        raw.push((DueKind::ClosureApproval, d + approval, None));
    }
    if let Some(days) = targets.days(c.stage, &c.risk) {
        let d = c.stage_since + Duration::days(i64::from(days));
        raw.push((DueKind::StageTarget(c.stage), d, c.assigned_to.clone()));
    }
    raw.into_iter()
        .filter_map(|(kind, due, who)| {
            Some(DueItem {
                case_id: c.case_id,
                number: c.number.clone(),
                initials: c.initials.clone(),
                risk: c.risk.clone(),
                kind,
                due,
                bucket: bucket(due, today, horizon)?,
                who,
            })
        })
        .collect()
}

/// Whose list: one worker's (the items they are to act on, and approvals only for a
/// supervisor) or everyone's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Mine { username: String, approves: bool },
    Everyone,
}

impl Scope {
    fn keeps(&self, item: &DueItem) -> bool {
        match self {
            Scope::Everyone => true,
            Scope::Mine { username, approves } => match &item.kind {
                DueKind::PlanApproval | DueKind::ClosureApproval => *approves,
                _ => item.who.as_deref() == Some(username.as_str()),
            },
        }
    }
}

/// The list for `scope` up to `horizon` days ahead, in the order staff work it.
pub fn list<'a>(
    cases: impl IntoIterator<Item = &'a CaseDue>,
    targets: &Targets,
    today: NaiveDate,
    horizon: i64,
    scope: &Scope,
) -> Vec<DueItem> {
    let mut out: Vec<DueItem> = cases
        .into_iter()
        .flat_map(|c| items(c, targets, today, horizon))
        .filter(|i| scope.keeps(i))
        .collect();
    sort(&mut out);
    out
}

/// The order staff work the list in.
fn sort(out: &mut [DueItem]) {
    out.sort_by(|a, b| {
        (a.bucket, risk_rank(&a.risk), a.due, &a.number).cmp(&(
            b.bucket,
            risk_rank(&b.risk),
            b.due,
            &b.number,
        ))
    });
}

/// What the legal part of the list is derived from, for one open case: the facts its clocks
/// run on, the legal events' pending next dates and the mediation agreement's check.
#[derive(Debug, Clone)]
pub struct LegalCaseDue {
    pub case_id: i64,
    pub number: String,
    pub initials: String,
    pub assigned_to: Option<String>,
    pub facts: ClockFacts,
    pub pending: Vec<(EventKind, NaiveDate)>,
    pub mediation_next: Option<NaiveDate>,
}

/// The legal items of one case due by `now`'s day + `horizon`: clocks running or breached
/// (a breached clock is overdue even on its own day: it is counted in hours), and the next
/// dates of its legal events and mediation, all the case manager's to act on.
pub fn legal_items(
    c: &LegalCaseDue,
    limits: &Limits,
    now: NaiveDateTime,
    horizon: i64,
) -> Vec<DueItem> {
    let today = now.date();
    let mut out = Vec::new();
    let mut push = |kind: DueKind, due: NaiveDate, bucket: Bucket| {
        out.push(DueItem {
            case_id: c.case_id,
            number: c.number.clone(),
            initials: c.initials.clone(),
            risk: c.facts.risk.clone(),
            kind,
            due,
            bucket,
            who: c.assigned_to.clone(),
        })
    };
    for clock in super::law::clocks(&c.facts, limits) {
        let state = clock.state(now);
        let due = clock.deadline.date();
        let b = match state {
            ClockState::Breached { .. } => Some(Bucket::Overdue),
            ClockState::Running { .. } => bucket(due, today, horizon),
            ClockState::Met | ClockState::MetLate => None,
        };
        if let Some(b) = b {
            let kind = DueKind::Clock {
                kind: clock.kind,
                state,
                deadline: clock.deadline,
            };
            push(kind, due, b);
        }
    }
    for (kind, d) in &c.pending {
        if let Some(b) = bucket(*d, today, horizon) {
            push(DueKind::LegalNext(*kind), *d, b);
        }
    }
    if let Some(d) = c.mediation_next
        && let Some(b) = bucket(d, today, horizon)
    {
        push(DueKind::MediationFollowUp, d, b);
    }
    out
}

/// The legal part of the list for `scope`, in the list's order.
pub fn legal_list<'a>(
    cases: impl IntoIterator<Item = &'a LegalCaseDue>,
    limits: &Limits,
    now: NaiveDateTime,
    horizon: i64,
    scope: &Scope,
) -> Vec<DueItem> {
    let mut out: Vec<DueItem> = cases
        .into_iter()
        .flat_map(|c| legal_items(c, limits, now, horizon))
        .filter(|i| scope.keeps(i))
        .collect();
    sort(&mut out);
    out
}

/// What a board card shows of the law: the most pressing clock still running or breached,
/// and a hearing within seven days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LegalMark {
    pub clock: Option<(ClockKind, ClockState)>,
    pub hearing: Option<NaiveDate>,
}

impl LegalMark {
    pub fn is_empty(&self) -> bool {
        self.clock.is_none() && self.hearing.is_none()
    }
}

/// The board mark of one case at `now`: the breached clock most over, else the running one
/// with the fewest hours left; the next hearing when it is within
/// `legal::HEARING_SOON_DAYS` (today included).
pub fn legal_mark(c: &LegalCaseDue, limits: &Limits, now: NaiveDateTime) -> LegalMark {
    let urgency = |s: &ClockState| match s {
        ClockState::Breached { hours_over } => -hours_over - 1,
        ClockState::Running { hours_left } => *hours_left,
        ClockState::Met | ClockState::MetLate => i64::MAX,
    };
    let clock = super::law::clocks(&c.facts, limits)
        .into_iter()
        .map(|k| (k.kind, k.state(now)))
        .filter(|(_, s)| !matches!(s, ClockState::Met | ClockState::MetLate))
        .min_by_key(|(_, s)| urgency(s));
    let today = now.date();
    let soon = today + Duration::days(super::legal::HEARING_SOON_DAYS);
    let hearing = c
        .pending
        .iter()
        .find(|(k, d)| *k == EventKind::Sidang && *d >= today && *d <= soon)
        .map(|(_, d)| *d);
    LegalMark { clock, hearing }
}

/// Two parts of the list as one, in the order staff work it.
pub fn merge(mut a: Vec<DueItem>, b: Vec<DueItem>) -> Vec<DueItem> {
    a.extend(b);
    sort(&mut a);
    a
}

/// How many cases have something overdue, per stage: the count each board column shows.
pub fn overdue_cases_per_stage<'a>(
    cases: impl IntoIterator<Item = &'a CaseDue>,
    targets: &Targets,
    today: NaiveDate,
) -> Vec<(Stage, usize)> {
    let mut counts: Vec<(Stage, usize)> = Stage::OPEN.iter().map(|s| (*s, 0)).collect();
    for c in cases {
        if items(c, targets, today, 0)
            .iter()
            .any(|i| i.bucket == Bucket::Overdue)
            && let Some(slot) = counts.iter_mut().find(|(s, _)| *s == c.stage)
        {
            slot.1 += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::ActionStatus;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn case(id: i64, risk: &str) -> CaseDue {
        CaseDue {
            case_id: id,
            number: format!("PPA/2026/{id:04}"),
            initials: "S.A.".into(),
            risk: risk.into(),
            stage: Stage::Intervensi,
            stage_since: day(1),
            assigned_to: Some("rina".into()),
            actions: vec![],
            plan_requested: None,
            next_follow_up: None,
            referrals: vec![],
            closure_requested: None,
        }
    }

    fn action(id: i64, due: u32, doer: Doer, status: ActionStatus) -> PlanAction {
        PlanAction {
            id,
            goal: format!("tindakan {id}"),
            service: "kesehatan".into(),
            doer,
            due: Some(day(due)),
            status,
            reason: String::new(),
        }
    }

    /// Targets far enough out that the stage target stays off the list unless a test wants it.
    fn lax() -> Targets {
        Targets {
            intervensi: [90, 90, 90],
            ..Targets::default()
        }
    }

    #[test]
    fn overdue_first_then_today_then_the_week_riskiest_first_within_each() {
        let today = day(10);
        let mut low = case(1, "rendah");
        low.next_follow_up = Some(day(8)); // overdue
        low.referrals = vec![(7, "RSUD".into(), day(10))]; // today
        let mut high = case(2, "tinggi");
        high.next_follow_up = Some(day(9)); // overdue
        high.actions = vec![
            action(1, 15, Doer::Staff("budi".into()), ActionStatus::Rencana), // soon
            action(2, 5, Doer::Agency(3), ActionStatus::Selesai),             // done: off
            action(3, 30, Doer::Agency(3), ActionStatus::Berjalan),           // beyond a week: off
        ];
        let got: Vec<(i64, Bucket, NaiveDate)> =
            list([&low, &high], &lax(), today, HORIZON_DAYS, &Scope::Everyone)
                .into_iter()
                .map(|i| (i.case_id, i.bucket, i.due))
                .collect();
        assert_eq!(
            got,
            vec![
                (2, Bucket::Overdue, day(9)),
                (1, Bucket::Overdue, day(8)),
                (1, Bucket::Today, day(10)),
                (2, Bucket::Soon, day(15)),
            ]
        );
    }

    #[test]
    fn mine_is_what_i_act_on_and_approvals_only_for_a_supervisor() {
        let today = day(10);
        let mut c = case(1, "sedang");
        c.actions = vec![
            action(1, 11, Doer::Staff("budi".into()), ActionStatus::Rencana),
            action(2, 11, Doer::Agency(4), ActionStatus::Rencana),
        ];
        c.plan_requested = Some(day(9));
        let mine = |u: &str, approves| Scope::Mine {
            username: u.into(),
            approves,
        };
        let kinds = |s: &Scope| -> Vec<DueKind> {
            list([&c], &lax(), today, HORIZON_DAYS, s)
                .into_iter()
                .map(|i| i.kind)
                .collect()
        };
        // budi does action 1; the agency's action falls to the assignee, rina.
        assert_eq!(
            kinds(&mine("budi", false)),
            vec![DueKind::PlanAction {
                action_id: 1,
                goal: "tindakan 1".into()
            }]
        );
        assert_eq!(
            kinds(&mine("rina", false)),
            vec![DueKind::PlanAction {
                action_id: 2,
                goal: "tindakan 2".into()
            }]
        );
        assert_eq!(kinds(&mine("sri", true)), vec![DueKind::PlanApproval]);
        assert_eq!(kinds(&Scope::Everyone).len(), 3);
    }

    #[test]
    fn an_approval_waiting_more_than_a_day_is_overdue() {
        let mut c = case(1, "rendah");
        c.closure_requested = Some(day(8));
        let items = list([&c], &lax(), day(10), HORIZON_DAYS, &Scope::Everyone);
        assert_eq!(items[0].kind, DueKind::ClosureApproval);
        assert_eq!(items[0].bucket, Bucket::Overdue);
        c.closure_requested = Some(day(9));
        let items = list([&c], &lax(), day(10), HORIZON_DAYS, &Scope::Everyone);
        assert_eq!(items[0].bucket, Bucket::Today);
    }

    fn legal_case(facts: ClockFacts) -> LegalCaseDue {
        LegalCaseDue {
            case_id: 9,
            number: "PPA/2026/0009".into(),
            initials: "N.".into(),
            assigned_to: Some("rina".into()),
            facts,
            pending: vec![],
            mediation_next: None,
        }
    }

    fn at(d: u32, h: u32) -> NaiveDateTime {
        day(d).and_hms_opt(h, 0, 0).unwrap()
    }

    #[test]
    fn the_law_s_clocks_join_the_list_until_they_are_met() {
        let facts = ClockFacts {
            reported: Some(at(10, 9)),
            risk: "sedang".into(),
            qualifications: vec!["tpks_perkosaan".into()],
            ..Default::default()
        };
        let l = Limits::default();
        let c = legal_case(facts.clone());
        // At 11:00 on the 10th: the first service is due by 15:00 today, the police report by
        // the 13th.
        let got: Vec<(Bucket, NaiveDate)> =
            legal_list([&c], &l, at(10, 11), HORIZON_DAYS, &Scope::Everyone)
                .into_iter()
                .map(|i| (i.bucket, i.due))
                .collect();
        assert_eq!(got, vec![(Bucket::Today, day(10)), (Bucket::Soon, day(13))]);
        // At 16:00 the first service is breached: overdue on its own day, with the hours.
        let items = legal_list([&c], &l, at(10, 16), HORIZON_DAYS, &Scope::Everyone);
        assert_eq!(items[0].bucket, Bucket::Overdue);
        assert!(matches!(
            items[0].kind,
            DueKind::Clock {
                kind: ClockKind::FirstService,
                state: ClockState::Breached { hours_over: 1 },
                ..
            }
        ));
        assert_eq!(items[0].who.as_deref(), Some("rina"));
        // Served and reported: nothing left.
        let done = legal_case(ClockFacts {
            first_service: Some(at(10, 12)),
            police_report: Some(at(11, 9)),
            ..facts
        });
        assert!(legal_items(&done, &l, at(10, 16), HORIZON_DAYS).is_empty());
    }

    #[test]
    fn a_board_mark_shows_the_most_pressing_clock_and_a_hearing_this_week() {
        let facts = ClockFacts {
            reported: Some(at(10, 9)),
            risk: "tinggi".into(),
            qualifications: vec!["tpks_cabul".into()],
            ..Default::default()
        };
        let mut c = legal_case(facts);
        c.pending = vec![(EventKind::Sidang, day(17))];
        let l = Limits::default();
        // At 09:30 the first service (due 10:00) is more pressing than the police (the 13th).
        let m = legal_mark(&c, &l, at(10, 9) + Duration::minutes(30));
        assert_eq!(
            m.clock,
            Some((
                ClockKind::FirstService,
                ClockState::Running { hours_left: 0 }
            ))
        );
        assert_eq!(m.hearing, Some(day(17)));
        // Breached beats running.
        let m = legal_mark(&c, &l, at(10, 12));
        assert_eq!(
            m.clock,
            Some((
                ClockKind::FirstService,
                ClockState::Breached { hours_over: 2 }
            ))
        );
        // Served: the police clock, and no hearing mark eight days ahead.
        c.facts.first_service = Some(at(10, 9));
        let m = legal_mark(&c, &l, at(10, 19));
        assert_eq!(
            m.clock,
            Some((
                ClockKind::TpksPoliceReport,
                ClockState::Running { hours_left: 62 }
            ))
        );
        assert_eq!(legal_mark(&c, &l, at(9, 8)).hearing, None);
        c.facts.police_report = Some(at(11, 9));
        assert!(legal_mark(&c, &l, at(20, 0)).is_empty());
    }

    #[test]
    fn legal_next_dates_join_the_list_in_its_order() {
        let mut c = legal_case(ClockFacts::default());
        c.pending = vec![
            (EventKind::Sidang, day(14)),
            (EventKind::Perlindungan, day(30)),
        ];
        c.mediation_next = Some(day(9));
        let mut plain = case(1, "tinggi");
        plain.next_follow_up = Some(day(12));
        let today = day(10);
        let legal = legal_list([&c], &Limits::default(), at(10, 8), 7, &Scope::Everyone);
        let all = merge(list([&plain], &lax(), today, 7, &Scope::Everyone), legal);
        let got: Vec<(&DueKind, NaiveDate)> = all.iter().map(|i| (&i.kind, i.due)).collect();
        assert_eq!(
            got,
            vec![
                (&DueKind::MediationFollowUp, day(9)),
                (&DueKind::FollowUp, day(12)),
                (&DueKind::LegalNext(EventKind::Sidang), day(14)),
            ]
        );
        // Someone else's list leaves them out.
        let budi = Scope::Mine {
            username: "budi".into(),
            approves: false,
        };
        assert!(legal_list([&c], &Limits::default(), at(10, 8), 7, &budi).is_empty());
    }

    #[test]
    fn a_stage_target_falls_due_and_counts_on_the_board_column() {
        let targets = Targets::default(); // intervensi, tinggi: 14 days
        let mut c = case(1, "tinggi");
        c.stage_since = day(1);
        let items = list([&c], &targets, day(16), HORIZON_DAYS, &Scope::Everyone);
        assert_eq!(items[0].kind, DueKind::StageTarget(Stage::Intervensi));
        assert_eq!(items[0].due, day(15));
        assert_eq!(items[0].bucket, Bucket::Overdue);
        let fresh = case(2, "rendah");
        let counts = overdue_cases_per_stage([&c, &fresh], &targets, day(16));
        assert!(counts.contains(&(Stage::Intervensi, 1)));
        assert!(counts.contains(&(Stage::Pengaduan, 0)));
    }
}
