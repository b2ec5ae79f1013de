//! What the monthly report reads: the period's cases as plain rows (no names, no NIK), the
//! closures in the period, and new cases per month. The counting is `domain::report`'s.

use chrono::NaiveDate;
use rusqlite::params;

use super::Store;
use crate::domain::report::{CaseRow, Closure, Month, PerpetratorRow, VictimRow};
use crate::error::Result;

/// Stored times are RFC 3339 in the office's offset, so the local date is their first ten
/// characters; comparing those keeps a case opened at 23:30 on the last day in its month.
fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s.get(..10).unwrap_or(""), "%Y-%m-%d").unwrap_or_default()
}

/// The period's cases, by id, as every query below reads them. `CROSS JOIN` keeps SQLite
/// walking the cases first (then each child table by its `case_id` index), so every stream
/// comes out in case order with no sort and can be merged in one pass.
const PERIOD: &str = "substr(c.opened_at, 1, 10) BETWEEN ?1 AND ?2";

/// The rows of `rows` belonging to case `id`: those before it (none, as every stream follows
/// the same cases in the same order) are skipped, those after it wait for their case.
fn take_case<T>(
    rows: &mut std::iter::Peekable<impl Iterator<Item = rusqlite::Result<(i64, T)>>>,
    id: i64,
) -> rusqlite::Result<Vec<T>> {
    let mut out = Vec::new();
    loop {
        match rows.peek() {
            Some(Ok((cid, _))) if *cid < id => {
                rows.next();
            }
            Some(Ok((cid, _))) if *cid == id => {
                if let Some(Ok((_, v))) = rows.next() {
                    out.push(v);
                }
            }
            Some(Err(_)) => {
                return Err(rows.next().and_then(|r| r.err()).expect("peeked an error"));
            }
            _ => return Ok(out),
        }
    }
}

impl Store {
    /// Calls `f` with each case opened between `from` and `to` inclusive (local dates),
    /// oldest first. One pass: the cases and each kind of row they own are read as six
    /// streams in case order and merged, so memory holds one case at a time and the time is
    /// one read of each table's share of the period (a query per case and child, even
    /// indexed, took about 7 s at 100,000 cases).
    pub fn report_each(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        mut f: impl FnMut(CaseRow),
    ) -> Result<()> {
        let c = self.conn();
        let period = params![from.to_string(), to.to_string()];
        let mut cases = c.prepare(&format!(
            "SELECT c.id, c.opened_at, c.stage, c.risk, c.incident_place, c.case_kind,
                    c.authority FROM cases c
             WHERE {PERIOD} ORDER BY c.id"
        ))?;
        let mut codes = c.prepare(&format!(
            "SELECT c.id, k.vocab = 'layanan', k.code FROM cases c CROSS JOIN codes k
             ON k.case_id = c.id
             WHERE {PERIOD} AND k.person_id IS NULL AND k.vocab IN ('jenis_kekerasan', 'layanan')
             ORDER BY c.id, k.rowid"
        ))?;
        let mut referrals = c.prepare(&format!(
            "SELECT c.id, r.service, r.status FROM cases c CROSS JOIN referrals r
             ON r.case_id = c.id WHERE {PERIOD} ORDER BY c.id, r.id"
        ))?;
        let mut persons = c.prepare(&format!(
            "SELECT c.id, p.id, p.role = 'korban', p.relation, p.sex, p.age, p.region,
                    p.education, p.occupation, p.marital, p.nationality
             FROM cases c CROSS JOIN persons p ON p.case_id = c.id
             WHERE {PERIOD} AND p.role IN ('terlapor', 'korban') ORDER BY c.id, p.ord"
        ))?;
        let mut ampk = c.prepare(&format!(
            "SELECT c.id, k.person_id, k.code FROM cases c CROSS JOIN codes k
             ON k.case_id = c.id
             WHERE {PERIOD} AND k.person_id IS NOT NULL AND k.vocab = 'ampk'
             ORDER BY c.id, k.rowid"
        ))?;
        // Only this office's own moves: history copied from another office on a transfer has
        // actions prefixed `asal:` and is not counted here.
        let mut assessed = c.prepare(&format!(
            "SELECT c.id, min(h.at) FROM cases c CROSS JOIN case_history h
             ON h.case_id = c.id
             WHERE {PERIOD} AND h.action = 'tahap' AND h.new_value = 'asesmen'
             GROUP BY c.id ORDER BY c.id"
        ))?;
        let mut codes = codes
            .query_map(period, |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    (r.get::<_, bool>(1)?, r.get::<_, String>(2)?),
                ))
            })?
            .peekable();
        let mut referrals = referrals
            .query_map(period, |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    (r.get::<_, String>(1)?, r.get::<_, String>(2)?),
                ))
            })?
            .peekable();
        let mut persons = persons
            .query_map(period, |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    (
                        r.get::<_, i64>(1)?,
                        r.get::<_, bool>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        VictimRow {
                            sex: r.get(4)?,
                            age: r.get(5)?,
                            ampk: Vec::new(),
                            region: r.get(6)?,
                            education: r.get(7)?,
                            occupation: r.get(8)?,
                            marital: r.get(9)?,
                            nationality: r.get(10)?,
                        },
                    ),
                ))
            })?
            .peekable();
        let mut ampk = ampk
            .query_map(period, |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    (r.get::<_, i64>(1)?, r.get::<_, String>(2)?),
                ))
            })?
            .peekable();
        let mut assessed = assessed
            .query_map(period, |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?
            .peekable();
        let rows = cases.query_map(period, |r| {
            Ok(CaseRow {
                id: r.get(0)?,
                opened: day(&r.get::<_, String>(1)?),
                stage: r.get(2)?,
                risk: r.get(3)?,
                place: r.get(4)?,
                case_kind: r.get(5)?,
                authority: r.get(6)?,
                ..CaseRow::default()
            })
        })?;
        for row in rows {
            let mut row = row?;
            let id = row.id;
            for (service, code) in take_case(&mut codes, id)? {
                if service {
                    row.services.push(code);
                } else {
                    row.violence.push(code);
                }
            }
            // Services given: those needed at triage, and those referrals asked for unless
            // the provider rejected the referral or it was revoked.
            for (service, status) in take_case(&mut referrals, id)? {
                if status != "ditolak" && status != "dibatalkan" {
                    row.services.push(service);
                }
                row.referrals.push(status);
            }
            let codes_of = take_case(&mut ampk, id)?;
            for (pid, victim, relation, mut v) in take_case(&mut persons, id)? {
                if victim {
                    v.ampk = codes_of
                        .iter()
                        .filter(|(p, _)| *p == pid)
                        .map(|(_, code)| code.clone())
                        .collect();
                    row.victims.push(v);
                } else {
                    row.relations.push(relation);
                    row.perpetrators.push(PerpetratorRow {
                        education: v.education,
                        occupation: v.occupation,
                    });
                }
            }
            row.assessed = take_case(&mut assessed, id)?.first().map(|at| day(at));
            f(row);
        }
        Ok(())
    }

    /// The cases opened between `from` and `to` inclusive (local dates), oldest first.
    pub fn report_cases(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<CaseRow>> {
        let mut out = Vec::new();
        self.report_each(from, to, |r| out.push(r))?;
        Ok(out)
    }

    /// Cases closed in the period and still closed at its end, each once, by the last closure
    /// in the period, whenever they were opened. A case reopened later in the period is open
    /// at its end: it is no closure and stays out of the median days to closure (issue 16).
    /// A reopening after the period changes nothing: on the last day the case was closed.
    pub fn report_closures(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Closure>> {
        let mut st = self.conn().prepare(
            "SELECT opened_at, closed FROM (
                SELECT h.case_id AS id, c.opened_at AS opened_at, max(h.at) AS closed
                FROM case_history h JOIN cases c ON c.id = h.case_id
                WHERE h.action = 'ditutup' AND h.at >= ?1 AND h.at < ?2
                GROUP BY h.case_id) AS k
             WHERE NOT EXISTS (SELECT 1 FROM case_history r
                WHERE r.case_id = k.id AND r.action = 'dibuka_kembali'
                  AND r.at > k.closed AND r.at < ?2)
             ORDER BY id",
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
        let mut tallies = crate::domain::report::Tallies::default();
        self.report_each(from, to, |c| tallies.add(&c))?;
        let given = self.services_given_counts(from, to)?;
        let closures = self.report_closures(from, to)?;
        let overdue = self
            .board(false)?
            .iter()
            .filter(|c| c.overdue(targets, today))
            .count() as u64;
        let mut report = tallies.finish(from, to, &given, &closures, overdue, today);
        (report.police_reports, report.verdicts) = self.legal_counts(from, to)?;
        report.simfoni = self.simfoni_counts(from, to)?;
        Ok(report)
    }

    /// New cases in each of the 12 months ending with the month of `end`, oldest first.
    pub fn trend(&self, end: NaiveDate) -> Result<Vec<(Month, u64)>> {
        let months = Month::of(end).last(12);
        let counts = self.cases_per_month(months[0], months[11])?;
        Ok(crate::domain::report::trend(&months, &counts))
    }
}
