//! Bulk writing of demo data: everything in one transaction, so 100,000 cases cost one fsync.

use chrono::{DateTime, Datelike, Local};
use rusqlite::params;

use super::agencies::insert_agency;
use super::cases::{CaseNo, Entry, history_row, insert_case};
use super::{Store, timestamp};
use crate::domain::agency::Agency;
use crate::domain::intake::NewCase;
use crate::error::{Error, Result};
use crate::i18n::Msg;

pub struct DemoCase {
    pub rec: NewCase,
    pub opened_at: DateTime<Local>,
    pub opened_by: String,
    pub assigned_to: Option<String>,
    /// Stage moves after intake, oldest first: (new stage, when).
    pub moves: Vec<(&'static str, DateTime<Local>)>,
    pub closure_reason: Option<&'static str>,
    pub records: DemoRecords,
}

/// A demo case's records after intake (see `tasks::demo::after_intake`).
#[derive(Debug, Clone, Default)]
pub struct DemoRecords {
    pub assessment: Option<crate::domain::assessment::Assessment>,
    pub actions: Vec<crate::domain::plan::PlanAction>,
    pub plan_requested: bool,
    pub plan_approved: bool,
    /// (date, service, given by) to the first victim.
    pub services: Vec<(chrono::NaiveDate, String, String)>,
    pub follow_ups: Vec<crate::domain::followup::FollowUp>,
    /// 0: declined to answer; 1–4.
    pub satisfaction: Option<u8>,
    /// The legal side (`tasks::demo::legal_side`): qualification codes, legal events (their
    /// next dates worked out as the store's writer does), mediation steps.
    pub qualifications: Vec<String>,
    pub legal_events: Vec<crate::domain::legal::NewEvent>,
    pub mediation: Vec<(chrono::NaiveDate, crate::domain::legal::Step)>,
}

/// Writes a demo case's records after intake, in the shape the store's own writers give them.
fn write_records(
    tx: &rusqlite::Transaction<'_>,
    case_id: i64,
    c: &DemoCase,
    at: &str,
) -> rusqlite::Result<()> {
    let r = &c.records;
    let staff = c.assigned_to.as_deref().unwrap_or(&c.opened_by);
    if let Some(a) = &r.assessment {
        super::records::insert_assessment(tx, case_id, a, staff, at)?;
    }
    if !r.actions.is_empty() {
        let approval = if r.plan_approved {
            "disetujui"
        } else if r.plan_requested {
            "diajukan"
        } else {
            "draf"
        };
        let by = (approval == "disetujui").then_some("ani");
        tx.prepare_cached(
            "INSERT INTO plans (case_id, with_client, participants, approval, approval_by,
                 approval_at)
             VALUES (?1, 1, 'Korban, pendamping, manajer kasus (contoh)', ?2, ?3, ?4)",
        )?
        .execute(params![case_id, approval, by.or(Some(staff)), at])?;
    }
    for a in &r.actions {
        let crate::domain::plan::Doer::Staff(doer) = &a.doer else {
            continue;
        };
        tx.prepare_cached(
            "INSERT INTO plan_actions (case_id, goal, service, doer_staff, due, status)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            case_id,
            a.goal,
            a.service,
            doer,
            a.due.map(|d| d.to_string()),
            a.status.code()
        ])?;
    }
    for (date, service, by) in &r.services {
        tx.prepare_cached(
            "INSERT INTO services_given (case_id, victim_id, date, service, by_staff, created_at,
                 created_by)
             SELECT ?1, id, ?2, ?3, ?4, ?5, ?4 FROM persons
             WHERE case_id = ?1 AND role = 'korban' AND ord = 0",
        )?
        .execute(params![case_id, date.to_string(), service, by, at])?;
    }
    for f in &r.follow_ups {
        super::records::insert_follow_up(tx, case_id, f, staff, at)?;
    }
    for q in &r.qualifications {
        tx.prepare_cached(
            "INSERT INTO legal_qualifications (case_id, code, added_at, added_by)
             VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
        )?
        .execute(params![case_id, q, at, staff])?;
    }
    for e in &r.legal_events {
        let detail = serde_json::to_string(&e.detail).expect("an event serializes");
        tx.prepare_cached(
            "INSERT INTO legal_events (case_id, kind, date, next_date, detail, note,
                 created_at, created_by)
             VALUES (?1, ?2, ?3, ?4, ?5, '', ?6, ?7)",
        )?
        .execute(params![
            case_id,
            e.detail.kind().code(),
            e.date.to_string(),
            crate::domain::legal::derived_next(e).map(|d| d.to_string()),
            detail,
            at,
            staff
        ])?;
    }
    for (date, step) in &r.mediation {
        let detail = serde_json::to_string(step).expect("a step serializes");
        tx.prepare_cached(
            "INSERT INTO mediation_records (case_id, step, date, next_date, detail,
                 created_at, created_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            case_id,
            step.code(),
            date.to_string(),
            step.next().map(|d| d.to_string()),
            detail,
            at,
            staff
        ])?;
    }
    if let Some(score) = r.satisfaction {
        tx.prepare_cached(
            "INSERT INTO closures (case_id, satisfaction, approval, approval_by, approval_at)
             VALUES (?1, ?2, 'disetujui', 'ani', ?3)",
        )?
        .execute(params![case_id, score, at])?;
    }
    Ok(())
}

impl Store {
    /// Writes demo cases (in the order given: numbers follow it) and agencies, into a
    /// database that holds no office's data yet, or one an earlier demo made (marked in
    /// `meta`). A live database is refused: fake cases in the names of fictional staff would
    /// be counted by its reports. Checked and marked inside the write lock, so a worker
    /// saving the first real case at that moment is not missed.
    pub fn insert_demo(
        &mut self,
        prefix: &str,
        cases: impl IntoIterator<Item = DemoCase>,
        agencies: impl IntoIterator<Item = Agency>,
    ) -> Result<(usize, usize)> {
        let written = self.write(|tx| {
            let ours: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'demo')",
                [],
                |r| r.get(0),
            )?;
            let live: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM staff) OR EXISTS (SELECT 1 FROM cases)
                     OR EXISTS (SELECT 1 FROM drafts)",
                [],
                |r| r.get(0),
            )?;
            if live && !ours {
                return Ok(None);
            }
            if !ours {
                tx.execute(
                    "INSERT INTO meta (key, value) VALUES ('demo', ?1)",
                    [timestamp(Local::now())],
                )?;
            }
            let mut n_cases = 0;
            for c in cases {
                let year = c.opened_at.year();
                let no = CaseNo::take(tx, prefix, year)?;
                let at = timestamp(c.opened_at);
                let id = insert_case(tx, &c.rec, &no, &c.opened_by, &at)?;
                let staff = c.assigned_to.as_deref().unwrap_or(&c.opened_by);
                let mut stage = "pengaduan";
                for (to, when) in &c.moves {
                    let when = timestamp(*when);
                    let e = Entry {
                        case_id: id,
                        at: &when,
                        staff,
                        action: "tahap",
                        field: Some("tahap"),
                        old: Some(stage),
                        new: Some(to),
                        note: None,
                    };
                    history_row(tx, &e)?;
                    stage = to;
                }
                let since = c
                    .moves
                    .last()
                    .map(|(_, w)| timestamp(*w))
                    .unwrap_or_else(|| at.clone());
                let closed_at = (stage == "terminasi").then(|| since.clone());
                tx.prepare_cached(
                    "UPDATE cases SET stage = ?1, stage_since = ?2, assigned_to = ?3,
                         closed_at = ?4, closure_reason = ?5 WHERE id = ?6",
                )?
                .execute(params![
                    stage,
                    since,
                    c.assigned_to,
                    closed_at,
                    c.closure_reason,
                    id
                ])?;
                write_records(tx, id, &c, &at)?;
                if let Some(a) = &c.assigned_to {
                    let e = Entry {
                        case_id: id,
                        at: &at,
                        staff: &c.opened_by,
                        action: "ditugaskan",
                        field: Some("petugas"),
                        old: None,
                        new: Some(a),
                        note: None,
                    };
                    history_row(tx, &e)?;
                }
                n_cases += 1;
            }
            let mut n_agencies = 0;
            let now = timestamp(Local::now());
            for a in agencies {
                insert_agency(tx, &a, &now)?;
                n_agencies += 1;
            }
            Ok(Some((n_cases, n_agencies)))
        })?;
        written.ok_or_else(|| Error::new(Msg::ErrDemoLive, &[&self.path().display()]))
    }

    /// True when `meja demo` made this database: its cases are fictional.
    pub fn is_demo(&self) -> Result<bool> {
        Ok(self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'demo')",
            [],
            |r| r.get(0),
        )?)
    }

    pub fn agency_count(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM agencies", [], |r| r.get(0))?)
    }
}
