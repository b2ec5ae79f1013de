//! What the monthly report reads: the period's cases as plain rows (no names, no NIK), the
//! closures in the period, and new cases per month. The counting is `domain::report`'s.

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::Store;
use crate::domain::report::{CaseRow, Closure, Month, VictimRow};
use crate::error::Result;

/// Stored times are RFC 3339 in the office's offset, so the local date is their first ten
/// characters; comparing those keeps a case opened at 23:30 on the last day in its month.
fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s.get(..10).unwrap_or(""), "%Y-%m-%d").unwrap_or_default()
}

fn strings(c: &Connection, sql: &str, id: i64) -> rusqlite::Result<Vec<String>> {
    let mut st = c.prepare_cached(sql)?;
    let v = st
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(v)
}

fn case_row(c: &Connection, row: CaseRow) -> rusqlite::Result<CaseRow> {
    let id = row.id;
    let violence = strings(
        c,
        "SELECT code FROM codes WHERE case_id = ?1 AND person_id IS NULL
         AND vocab = 'jenis_kekerasan' ORDER BY rowid",
        id,
    )?;
    // Services given: those needed at triage, and those referrals asked for unless the
    // provider rejected the referral or it was revoked.
    let mut services = strings(
        c,
        "SELECT code FROM codes WHERE case_id = ?1 AND person_id IS NULL
         AND vocab = 'layanan' ORDER BY rowid",
        id,
    )?;
    services.extend(strings(
        c,
        "SELECT service FROM referrals WHERE case_id = ?1
         AND status NOT IN ('ditolak', 'dibatalkan') ORDER BY id",
        id,
    )?);
    let referrals = strings(
        c,
        "SELECT status FROM referrals WHERE case_id = ?1 ORDER BY id",
        id,
    )?;
    let mut st = c.prepare_cached(
        "SELECT relation FROM persons WHERE case_id = ?1 AND role = 'terlapor' ORDER BY ord",
    )?;
    let relations = st
        .query_map([id], |r| r.get::<_, Option<String>>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut st = c.prepare_cached(
        "SELECT id, sex, age, region FROM persons WHERE case_id = ?1 AND role = 'korban'
         ORDER BY ord",
    )?;
    let people = st
        .query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                VictimRow {
                    sex: r.get(1)?,
                    age: r.get(2)?,
                    ampk: Vec::new(),
                    region: r.get(3)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut victims = Vec::with_capacity(people.len());
    for (pid, mut v) in people {
        v.ampk = strings(
            c,
            "SELECT code FROM codes WHERE person_id = ?1 AND vocab = 'ampk' ORDER BY rowid",
            pid,
        )?;
        victims.push(v);
    }
    // Only this office's own moves: history copied from another office on a transfer has
    // actions prefixed `asal:` and is not counted here.
    let assessed: Option<String> = c
        .prepare_cached(
            "SELECT min(at) FROM case_history WHERE case_id = ?1 AND action = 'tahap'
             AND new_value = 'asesmen'",
        )?
        .query_row([id], |r| r.get(0))?;
    Ok(CaseRow {
        violence,
        services,
        relations,
        victims,
        referrals,
        assessed: assessed.as_deref().map(day),
        ..row
    })
}

impl Store {
    /// The cases opened between `from` and `to` inclusive (local dates), oldest first.
    pub fn report_cases(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<CaseRow>> {
        let c = self.conn();
        let mut st = c.prepare(
            "SELECT id, opened_at, stage, risk, incident_place FROM cases
             WHERE substr(opened_at, 1, 10) BETWEEN ?1 AND ?2 ORDER BY id",
        )?;
        let base = st
            .query_map(params![from.to_string(), to.to_string()], |r| {
                Ok(CaseRow {
                    id: r.get(0)?,
                    opened: day(&r.get::<_, String>(1)?),
                    stage: r.get(2)?,
                    risk: r.get(3)?,
                    place: r.get(4)?,
                    ..CaseRow::default()
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out = Vec::with_capacity(base.len());
        for row in base {
            out.push(case_row(c, row)?);
        }
        Ok(out)
    }

    /// Cases closed in the period, each once (its first closure in the period), whenever it
    /// was opened.
    pub fn report_closures(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Closure>> {
        let mut st = self.conn().prepare(
            "SELECT c.opened_at, min(h.at) FROM case_history h JOIN cases c ON c.id = h.case_id
             WHERE h.action = 'ditutup' AND h.at >= ?1 AND h.at < ?2
             GROUP BY h.case_id ORDER BY h.case_id",
        )?;
        // `at` starts with its local date, so `at >= from` and `at < the day after to` hold
        // exactly when its date is in the period, and the (action, at) index answers them.
        let after = to.succ_opt().unwrap_or(to);
        let rows = st
            .query_map(params![from.to_string(), after.to_string()], |r| {
                Ok(Closure {
                    opened: day(&r.get::<_, String>(0)?),
                    closed: day(&r.get::<_, String>(1)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// New cases per month from `first` to `last` inclusive; months with none are absent.
    pub fn cases_per_month(&self, first: Month, last: Month) -> Result<Vec<(Month, u64)>> {
        let from = first.first_day().to_string();
        let to = format!("{:04}-{:02}-31", last.year, last.month);
        let mut st = self.conn().prepare(
            "SELECT CAST(substr(opened_at, 1, 4) AS INTEGER), CAST(substr(opened_at, 6, 2) AS INTEGER),
                    count(*)
             FROM cases WHERE substr(opened_at, 1, 10) BETWEEN ?1 AND ?2
             GROUP BY 1, 2 ORDER BY 1, 2",
        )?;
        let rows = st
            .query_map(params![from, to], |r| {
                Ok((
                    Month {
                        year: r.get(0)?,
                        month: r.get(1)?,
                    },
                    r.get::<_, i64>(2)? as u64,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

impl Store {
    /// The report of the period: cases reported in it, closures in it, and the open cases
    /// overdue on `today` against `targets`.
    pub fn report(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        targets: &crate::domain::case::Targets,
        today: NaiveDate,
    ) -> Result<crate::domain::report::Report> {
        let cases = self.report_cases(from, to)?;
        let closures = self.report_closures(from, to)?;
        let open = self.board(false)?;
        Ok(crate::domain::report::build(
            from, to, &cases, &closures, &open, targets, today,
        ))
    }

    /// New cases in each of the 12 months ending with the month of `end`, oldest first.
    pub fn trend(&self, end: NaiveDate) -> Result<Vec<(Month, u64)>> {
        let months = Month::of(end).last(12);
        let counts = self.cases_per_month(months[0], months[11])?;
        Ok(crate::domain::report::trend(&months, &counts))
    }
}
