//! The due list read set-based (`Store::due_cases`, issue 17) agrees with the records read one
//! case at a time, on the schema-14 fixture migrated (INDEXES_FOR_DUE) and on a fresh demo.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use meja::domain::approval::Approval;
use meja::domain::case::{Stage, Targets};
use meja::domain::due::{self, CaseDue, DueItem, DueKind, Scope};
use meja::domain::followup;
use meja::domain::referral::Status;
use meja::store::Store;

const V14: &str = "tests/fixtures/v14.db";

fn copy_of(fixture: &str, dir: &Path) -> PathBuf {
    let db = dir.join("meja.db");
    std::fs::copy(fixture, &db).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    db
}

/// The day an approval was asked for, while it waits: read straight from the table, as the
/// domain's Approval does not carry it.
fn requested_on(db: &Path, table: &str, case_id: i64) -> Option<NaiveDate> {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row(
        &format!(
            "SELECT substr(approval_at, 1, 10) FROM {table}
             WHERE case_id = ?1 AND approval = 'diajukan'"
        ),
        [case_id],
        |r| r.get::<_, Option<String>>(0),
    )
    .ok()
    .flatten()
    .and_then(|d| d.parse().ok())
}

/// What the list is derived from, read case by case through the store's ordinary reads (the
/// case file's), for every open case: the reference the set-based reader must agree with.
fn one_by_one(s: &Store, db: &Path) -> Vec<CaseDue> {
    let mut out = Vec::new();
    for card in s.board(false).unwrap() {
        let plan = s.plan_of(card.id).unwrap().plan;
        let (closure, _) = s.evaluation_of(card.id).unwrap();
        let referrals = s
            .referrals_of(card.id)
            .unwrap()
            .into_iter()
            .filter(|r| r.status == Status::Dikirim)
            .filter_map(|r| Some((r.id, r.agency_name, r.follow_up?)))
            .collect();
        out.push(CaseDue {
            case_id: card.id,
            number: card.number.clone(),
            initials: card.initials.clone(),
            risk: card.risk.clone(),
            stage: card.stage,
            stage_since: card.stage_since,
            assigned_to: card.assigned_to.clone(),
            plan_requested: matches!(plan.approval, Approval::Requested { .. })
                .then(|| requested_on(db, "plans", card.id))
                .flatten(),
            actions: plan.actions,
            next_follow_up: followup::next_due(&s.follow_ups(card.id).unwrap()),
            referrals,
            closure_requested: closure
                .is_some_and(|e| matches!(e.approval, Approval::Requested { .. }))
                .then(|| requested_on(db, "closures", card.id))
                .flatten(),
        });
    }
    out
}

fn kinds(items: &[DueItem]) -> Vec<&'static str> {
    let mut k: Vec<&'static str> = items
        .iter()
        .map(|i| match i.kind {
            DueKind::PlanAction { .. } => "action",
            DueKind::FollowUp => "follow-up",
            DueKind::ReferralReply { .. } => "referral",
            DueKind::PlanApproval => "plan approval",
            DueKind::ClosureApproval => "closure approval",
            DueKind::StageTarget(_) => "stage target",
            _ => "legal",
        })
        .collect();
    k.sort_unstable();
    k.dedup();
    k
}

/// The list for every horizon that matters to staff agrees item for item.
fn agrees(s: &Store, db: &Path, today: NaiveDate) -> Vec<DueItem> {
    let targets = Targets::default();
    let reference = one_by_one(s, db);
    let mut widest = Vec::new();
    for horizon in [0, 1, 7, 30] {
        let read = s
            .due_cases(&targets, today + chrono::Duration::days(horizon))
            .unwrap();
        let got = due::list(&read, &targets, today, horizon, &Scope::Everyone);
        let want = due::list(&reference, &targets, today, horizon, &Scope::Everyone);
        // Only the items that differ, so a failure reads.
        let extra: Vec<&DueItem> = got.iter().filter(|i| !want.contains(i)).collect();
        let missing: Vec<&DueItem> = want.iter().filter(|i| !got.contains(i)).collect();
        assert!(
            extra.is_empty() && missing.is_empty(),
            "horizon {horizon} days from {today}: read but not in the records {extra:#?}, \
             in the records but not read {missing:#?}"
        );
        assert_eq!(got, want, "the order, horizon {horizon} days from {today}");
        let counts = due::overdue_cases_per_stage(&read, &targets, today);
        assert_eq!(
            counts,
            due::overdue_cases_per_stage(&reference, &targets, today),
            "the board's overdue counts"
        );
        widest = got;
    }
    widest
}

#[test]
fn after_migrating_v14_the_due_list_is_the_records_list_item_for_item() {
    let dir = tempfile::tempdir().unwrap();
    let db = copy_of(V14, dir.path());
    Store::migrate_file(&db).unwrap();
    let s = Store::open(&db).unwrap();
    // The fixture was written as of 01-12-2026.
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let items = agrees(&s, &db, today);
    let k = kinds(&items);
    for kind in ["action", "follow-up", "stage target"] {
        assert!(k.contains(&kind), "{kind} on the list: {k:?}");
    }
    // The closed cases are never on it.
    let closed: Vec<i64> = s.board(true).unwrap().iter().map(|c| c.id).collect();
    assert!(items.iter().all(|i| !closed.contains(&i.case_id)));
}

#[test]
fn on_a_busy_demo_office_the_due_list_is_the_records_list_item_for_item() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    let mut s = Store::open(&db).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let o = meja::tasks::demo::DemoOptions {
        cases: 400,
        agencies: 30,
        seed: 17,
        as_of,
    };
    meja::tasks::demo::fill(&mut s, "PPA", o).unwrap();
    // A case visited twice: the first visit asked for a call that the second one made moot
    // (it asked for nothing more), and one whose second visit was entered first.
    let open: Vec<i64> = s.board(false).unwrap().iter().map(|c| c.id).collect();
    let now = chrono::Local::now();
    let visit = |date: NaiveDate, next: Option<NaiveDate>| followup::FollowUp {
        id: 0,
        date,
        kind: "telepon".into(),
        findings: "Aman".into(),
        next,
    };
    let day = |d: i64| as_of + chrono::Duration::days(d);
    for (id, first, second) in [
        (open[0], visit(day(-9), Some(day(-2))), visit(day(-1), None)),
        (
            open[1],
            visit(day(-1), Some(day(40))),
            visit(day(-9), Some(day(-2))),
        ),
    ] {
        for f in [first, second] {
            s.add_follow_up(id, &f, "demo", now).unwrap().unwrap();
        }
    }
    for today in [as_of, as_of + chrono::Duration::days(20)] {
        let items = agrees(&s, &db, today);
        let k = kinds(&items);
        for kind in ["action", "follow-up", "plan approval", "stage target"] {
            assert!(k.contains(&kind), "{kind} on the list at {today}: {k:?}");
        }
    }
    // Every stage but the closed one can carry an overdue case.
    let read = s
        .due_cases(&Targets::default(), as_of + chrono::Duration::days(7))
        .unwrap();
    assert!(read.iter().all(|c| c.stage != Stage::Terminasi));
}
