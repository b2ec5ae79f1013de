//! SIMFONI-PPA entry: the mark "diinput ke SIMFONI" per victim, whether the case changed
//! after it, the month-end list, and what a victim's sheet is made from.
//!
//! A mark is a row of the case's history (action `simfoni`, field `korban[N]`, the SIMFONI
//! reference as its note), written through `cases::history` like every change: it is
//! append-only and chained, a correction is a new mark, and the case file's history shows who
//! entered the victim when. Whether a victim changed since is read from the same history —
//! any later row whose action is not in `domain::simfoni::UNCHANGING_ACTIONS` — so nothing is
//! stored twice and no write path can forget to flag it.

use std::collections::HashMap;

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{Connection, OptionalExtension, params};

use super::cases::{Entry as HistoryRow, history};
use super::{Store, timestamp};
use crate::domain::report::SimfoniCounts;
use crate::domain::simfoni::{
    Entry, EntryState, MARK_ACTION, MonthRow, UNCHANGING_ACTIONS, victim_key, victim_of_key,
};
use crate::domain::text::initials;
use crate::error::Result;

/// A mark as stored: its history id, and the entry it records.
struct Mark {
    id: i64,
    entry: Entry,
}

/// `action NOT IN (…)` for the actions that change nothing SIMFONI holds.
fn changing() -> String {
    let list: Vec<String> = UNCHANGING_ACTIONS
        .iter()
        .map(|a| format!("'{a}'"))
        .collect();
    format!("action NOT IN ({})", list.join(", "))
}

/// The latest mark of each victim of case `id`, by victim (from 0).
fn marks(c: &Connection, id: i64) -> rusqlite::Result<HashMap<usize, Mark>> {
    let mut st = c.prepare_cached(
        "SELECT id, field, at, staff, coalesce(note, '') FROM case_history
         WHERE case_id = ?1 AND action = ?2 ORDER BY id",
    )?;
    let mut out = HashMap::new();
    for row in st.query_map(params![id, MARK_ACTION], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
        ))
    })? {
        let (hid, field, at, by, reference) = row?;
        if let Some(v) = field.as_deref().and_then(victim_of_key) {
            out.insert(
                v,
                Mark {
                    id: hid,
                    entry: Entry { at, by, reference },
                },
            );
        }
    }
    Ok(out)
}

/// The state of a victim given its latest mark: changed when a changing history row of the
/// case follows it.
fn state_of(c: &Connection, case_id: i64, mark: Option<Mark>) -> rusqlite::Result<EntryState> {
    let Some(mark) = mark else {
        return Ok(EntryState::NotEntered);
    };
    let sql = format!(
        "SELECT at FROM case_history WHERE case_id = ?1 AND id > ?2 AND {} ORDER BY id LIMIT 1",
        changing()
    );
    let changed: Option<String> = c
        .prepare_cached(&sql)?
        .query_row(params![case_id, mark.id], |r| r.get(0))
        .optional()?;
    Ok(match changed {
        Some(changed) => EntryState::Changed {
            entry: mark.entry,
            changed,
        },
        None => EntryState::Entered(mark.entry),
    })
}

/// The SIMFONI state of each victim of case `id`, in victim order.
pub(crate) fn states(c: &Connection, id: i64) -> rusqlite::Result<Vec<EntryState>> {
    let victims: i64 = c.query_row(
        "SELECT count(*) FROM persons WHERE case_id = ?1 AND role = 'korban'",
        [id],
        |r| r.get(0),
    )?;
    let mut marks = marks(c, id)?;
    (0..victims as usize)
        .map(|v| state_of(c, id, marks.remove(&v)))
        .collect()
}

impl Store {
    /// Marks victim `victim` (from 0) of case `id` as entered into SIMFONI by `staff` now,
    /// with SIMFONI's own reference if noted. False when the case has no such victim.
    pub fn mark_simfoni(
        &mut self,
        id: i64,
        victim: usize,
        reference: &str,
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<bool> {
        let at = timestamp(now);
        let key = victim_key(victim);
        let reference = crate::domain::text::clean_line(reference)
            .trim()
            .to_string();
        self.write(|tx| {
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM persons WHERE case_id = ?1 AND role = 'korban'
                                AND ord = ?2)",
                params![id, victim as i64],
                |r| r.get(0),
            )?;
            if !exists {
                return Ok(false);
            }
            history(
                tx,
                &HistoryRow {
                    case_id: id,
                    at: &at,
                    staff,
                    action: MARK_ACTION,
                    field: Some(&key),
                    old: None,
                    new: None,
                    note: (!reference.is_empty()).then_some(reference.as_str()),
                },
            )?;
            Ok(true)
        })
    }

    /// The SIMFONI state of each victim of case `id`, in victim order.
    pub fn simfoni_states(&self, id: i64) -> Result<Vec<EntryState>> {
        Ok(states(self.conn(), id)?)
    }

    /// The month-end list up to `last_day`: every victim of a case opened on or before it who
    /// is not entered yet, or changed since being entered — oldest case first, so a backlog
    /// from earlier months is not lost below this month's. Initials only: it is a list.
    pub fn simfoni_outstanding(&self, last_day: NaiveDate) -> Result<Vec<MonthRow>> {
        let c = self.conn();
        // Every mark, latest per victim: one read of the (action, at) index.
        let mut latest: HashMap<(i64, usize), Mark> = HashMap::new();
        let mut st = c.prepare(
            "SELECT case_id, id, field, at, staff, coalesce(note, '') FROM case_history
             WHERE action = ?1 ORDER BY id",
        )?;
        for row in st.query_map([MARK_ACTION], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })? {
            let (case_id, hid, field, at, by, reference) = row?;
            if let Some(v) = field.as_deref().and_then(victim_of_key) {
                latest.insert(
                    (case_id, v),
                    Mark {
                        id: hid,
                        entry: Entry { at, by, reference },
                    },
                );
            }
        }
        let mut st = c.prepare(
            "SELECT c.id, c.number, substr(c.opened_at, 1, 10), p.ord, p.name, p.sex, p.age
             FROM cases c JOIN persons p ON p.case_id = c.id AND p.role = 'korban'
             WHERE substr(c.opened_at, 1, 10) <= ?1
             ORDER BY c.opened_at, c.id, p.ord",
        )?;
        let rows = st.query_map([last_day.to_string()], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<u32>>(6)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (case_id, number, opened, ord, name, sex, age) = row?;
            let victim = ord.max(0) as usize;
            let state = state_of(c, case_id, latest.remove(&(case_id, victim)))?;
            if state.outstanding() {
                out.push(MonthRow {
                    case_id,
                    number,
                    opened: NaiveDate::parse_from_str(&opened, "%Y-%m-%d").unwrap_or_default(),
                    victim,
                    initials: if name.trim().is_empty() {
                        "?".into()
                    } else {
                        initials(&name)
                    },
                    sex,
                    age,
                    state,
                });
            }
        }
        Ok(out)
    }

    /// How the victims of cases opened between `from` and `to` stand with SIMFONI: what the
    /// monthly report shows beside its tables.
    pub fn simfoni_counts(&self, from: NaiveDate, to: NaiveDate) -> Result<SimfoniCounts> {
        let c = self.conn();
        let mut st = c.prepare(
            "SELECT id FROM cases WHERE substr(opened_at, 1, 10) BETWEEN ?1 AND ?2 ORDER BY id",
        )?;
        let ids = st
            .query_map(params![from.to_string(), to.to_string()], |r| {
                r.get::<_, i64>(0)
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut n = SimfoniCounts::default();
        for id in ids {
            for s in states(c, id)? {
                match s {
                    EntryState::NotEntered => n.not_entered += 1,
                    EntryState::Entered(_) => n.entered += 1,
                    EntryState::Changed { .. } => n.changed += 1,
                }
            }
        }
        Ok(n)
    }

    /// The services given to each victim of case `id`, in victim order: (date, meja code).
    pub fn services_given_by_victim(&self, id: i64) -> Result<Vec<Vec<(NaiveDate, String)>>> {
        let c = self.conn();
        let mut st = c.prepare_cached(
            "SELECT p.ord, g.date, g.service FROM services_given g
             JOIN persons p ON p.id = g.victim_id
             WHERE g.case_id = ?1 AND p.role = 'korban' ORDER BY g.date, g.id",
        )?;
        let mut out: Vec<Vec<(NaiveDate, String)>> = Vec::new();
        for row in st.query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })? {
            let (ord, date, service) = row?;
            let Ok(date) = NaiveDate::parse_from_str(date.get(..10).unwrap_or(""), "%Y-%m-%d")
            else {
                continue;
            };
            let v = ord.max(0) as usize;
            if out.len() <= v {
                out.resize(v + 1, Vec::new());
            }
            out[v].push((date, service));
        }
        Ok(out)
    }

    /// The date and reason of the case's closure, if closed.
    pub fn closure_of(&self, id: i64) -> Result<Option<(NaiveDate, String)>> {
        let row: Option<(Option<String>, Option<String>)> = self
            .conn()
            .query_row(
                "SELECT closed_at, closure_reason FROM cases WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(row.and_then(|(at, reason)| {
            let day = NaiveDate::parse_from_str(at?.get(..10)?, "%Y-%m-%d").ok()?;
            Some((day, reason.unwrap_or_default()))
        }))
    }
}
