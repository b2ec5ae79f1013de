//! The query-plan test: every statement the store runs for the app and the commands, recorded
//! while they run on a populated database, is asked `EXPLAIN QUERY PLAN`; a full scan of a
//! table that grows with the office's caseload fails the test unless the statement reads that
//! table whole by design. The report froze for 45 minutes at 100,000 cases on one missing
//! index (issue 21); this is what would have said so.
//!
//! SQLite's planner has no statistics here (meja never runs ANALYZE), so the plan does not
//! depend on how many rows the test inserts: the plans are the ones an office gets.

use std::collections::BTreeSet;
use std::sync::Mutex;

use chrono::{Local, NaiveDate, TimeZone};
use rusqlite::trace::{TraceEvent, TraceEventCodes};

use super::Store;
use super::access::AccessFilter;
use crate::domain::access::AccessKind;
use crate::tasks::demo::{self, DemoOptions};

/// Tables whose size grows with the caseload (agencies grow with the directory: 10,000 in a
/// provincial one).
const LARGE: &[&str] = &[
    "cases",
    "persons",
    "codes",
    "case_history",
    "case_notes",
    "access_log",
    "referrals",
    "drafts",
    "agencies",
    // The records after intake and the legal side: several per case.
    "assessments",
    "plans",
    "plan_actions",
    "services_given",
    "follow_ups",
    "closures",
    "legal_qualifications",
    "legal_events",
    "legal_checklist",
    "mediation_records",
];

/// Statements that read one large table whole on purpose: (a fragment of the statement, the
/// table it may scan, why). Any other scan of a large table is a missing index.
const WHOLE_BY_DESIGN: &[(&str, &str, &str)] = &[
    (
        "FROM agencies",
        "agencies",
        "the directory is read whole for fuzzy search in memory",
    ),
    (
        "substr(opened_at, 1, 10)",
        "cases",
        "a report or export reads every case of its period, one pass",
    ),
    (
        "substr(c.opened_at, 1, 10)",
        "cases",
        "the report's streams walk the period's cases, children by index",
    ),
    ("count(*) FROM cases", "cases", "a count of every case"),
    // The hash chain's last row: a rowid walk from the end with no filter stops at once.
    (
        "ORDER BY id DESC LIMIT 1",
        "access_log",
        "the chain's last row",
    ),
    (
        "ORDER BY id DESC LIMIT 1",
        "case_history",
        "the chain's last row",
    ),
    (
        "ORDER BY id DESC LIMIT 1",
        "case_notes",
        "the chain's last row",
    ),
    ("count(*) FROM drafts", "drafts", "a count of every draft"),
    (
        "p.ord, p.name, p.sex, p.age",
        "persons",
        "the SIMFONI month-end list reads every victim of every case up to the month's end: \
         the backlog of earlier months too",
    ),
];

static SEEN: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn record(e: TraceEvent<'_>) {
    if let TraceEvent::Stmt(stmt, _) = e {
        SEEN.lock().unwrap().push(stmt.sql().into_owned());
    }
}

/// `EXPLAIN QUERY PLAN` of `sql`, its parameters left unbound (NULL): the plan of a
/// statement prepared with parameters does not depend on their values.
fn plan(s: &Store, sql: &str) -> Vec<String> {
    let mut st = s
        .conn()
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    let mut rows = st.raw_query();
    let mut out = Vec::new();
    while let Some(r) = rows.next().unwrap() {
        out.push(r.get::<_, String>(3).unwrap());
    }
    out
}

/// The large table a plan line scans whole, if any: `SCAN codes`, `SCAN c USING INDEX …`
/// (an alias is resolved by the caller's table list being names, so aliases are matched
/// through the statement text).
fn scanned<'a>(line: &str, sql: &str) -> Option<&'a str> {
    let rest = line.strip_prefix("SCAN ")?;
    let name = rest.split_whitespace().next()?;
    LARGE.iter().copied().find(|t| {
        *t == name
            || sql.contains(&format!("{t} {name} "))
            || sql.contains(&format!("{t} {name}\n"))
            || sql.contains(&format!("{t} AS {name} "))
    })
}

fn is_query(sql: &str) -> bool {
    let head = sql.trim_start().get(..6).unwrap_or("").to_ascii_uppercase();
    ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH  ", "REPLAC"]
        .iter()
        .any(|k| head.starts_with(k.trim_end()))
}

#[test]
fn no_statement_scans_a_large_table_where_an_index_is_expected() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("meja.db")).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let o = DemoOptions {
        cases: 300,
        agencies: 40,
        seed: 3,
        as_of,
    };
    demo::fill(&mut s, "PPA", o).unwrap();
    let now = Local
        .from_local_datetime(&as_of.and_hms_opt(10, 0, 0).unwrap())
        .unwrap();

    s.conn()
        .trace_v2(TraceEventCodes::SQLITE_TRACE_STMT, Some(record));
    // What the app runs: the board, a case file, searches, the directory, drafts, the log.
    let open = s.board(false).unwrap();
    s.board(true).unwrap();
    s.board_outline().unwrap();
    let ids: Vec<i64> = open.iter().take(3).map(|c| c.id).collect();
    s.cards(&ids).unwrap();
    let id = ids[0];
    let file = s.case_file(id).unwrap().unwrap();
    s.case_assignee(id).unwrap();
    s.referrals_of(id).unwrap();
    s.search_cases("s", 50).unwrap();
    s.search_cases("siti ami", 50).unwrap();
    s.search_cases("PPA/2026/0012", 50).unwrap();
    s.find_case_number(&file.card.number).unwrap();
    let agencies = s.agencies().unwrap();
    s.agency(agencies[0].id).unwrap();
    s.agency_referrals(agencies[0].id).unwrap();
    s.add_note(id, "catatan uji", "petugas", now).unwrap();
    s.log_access(now, "petugas", AccessKind::Open, Some(id), "")
        .unwrap();
    let d = s
        .save_draft(
            None,
            "petugas",
            now,
            &crate::domain::intake::Intake::default(),
        )
        .unwrap();
    s.drafts_of("petugas").unwrap();
    s.draft(d).unwrap();
    s.discard_draft(d).unwrap();
    s.access_log(&AccessFilter {
        case_number: Some(file.card.number.clone()),
        limit: Some(100),
        ..AccessFilter::default()
    })
    .unwrap();
    s.access_log(&AccessFilter {
        staff: Some("petugas".into()),
        limit: Some(100),
        ..AccessFilter::default()
    })
    .unwrap();
    // What the commands run: the report (R on the board too), the export, a transfer, staff.
    let from = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    s.report(from, as_of, &crate::domain::case::Targets::default(), as_of)
        .unwrap();
    s.trend(as_of).unwrap();
    s.export_cases(None, None).unwrap();
    s.transfer_file(&file.card.number, "UPTD PPA Contoh", "petugas", now)
        .unwrap();
    // The case after intake, the Tugas list and the board's legal marks, SIMFONI (issues
    // 17-19): the case file's tabs, what is due, the sheet, the month-end list and the mark.
    let today = as_of;
    let horizon = today + chrono::Duration::days(7);
    s.due_cases(&crate::domain::case::Targets::default(), horizon)
        .unwrap();
    s.legal_due(horizon).unwrap();
    s.assessments_of(id).unwrap();
    s.plan_of(id).unwrap();
    s.services_given(id).unwrap();
    s.follow_ups(id).unwrap();
    s.evaluation_of(id).unwrap();
    s.victims_of(id).unwrap();
    s.legal_qualifications(id).unwrap();
    s.legal_facts(id, today).unwrap();
    s.legal_events(id).unwrap();
    s.legal_checklist(id).unwrap();
    s.mediation_records(id).unwrap();
    s.clock_facts(id).unwrap();
    s.legal_counts(from, as_of).unwrap();
    s.services_given_counts(from, as_of).unwrap();
    s.simfoni_states(id).unwrap();
    s.simfoni_outstanding(as_of).unwrap();
    s.simfoni_counts(from, as_of).unwrap();
    s.services_given_by_victim(id).unwrap();
    s.closure_of(id).unwrap();
    s.mark_simfoni(id, 0, "SIMFONI-UJI-1", "petugas", now)
        .unwrap();
    s.staff_list().unwrap();
    s.staff_member("petugas").unwrap();
    s.case_count().unwrap();
    s.draft_count().unwrap();
    s.conn().trace_v2(TraceEventCodes::empty(), None);

    let seen: BTreeSet<String> = std::mem::take(&mut *SEEN.lock().unwrap())
        .into_iter()
        .filter(|q| is_query(q))
        .collect();
    assert!(seen.len() > 20, "too few statements recorded: {seen:#?}");
    let mut bad = Vec::new();
    for sql in &seen {
        for line in plan(&s, sql) {
            if let Some(t) = scanned(&line, sql)
                && !WHOLE_BY_DESIGN
                    .iter()
                    .any(|(frag, table, _)| *table == t && sql.contains(frag))
            {
                bad.push(format!("{line} ({t}) in:\n    {}", sql.trim()));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "full scans of large tables:\n{}",
        bad.join("\n")
    );
}
