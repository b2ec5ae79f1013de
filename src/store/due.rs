//! Reads what the due list (`domain::due`) is derived from, for the open cases that have
//! something falling due by a horizon date. Nothing of the list is stored: it is worked out
//! from the records each time, so it can never disagree with them.

use std::collections::{BTreeSet, HashMap};

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::Store;
use super::casework::open_stages;
use super::legal::{
    EVENT_COLUMNS, MEDIATION_COLUMNS, clock_facts_of, earliest, event_at, in_basis_order,
    mediation_at,
};
use super::records::{ACTION_COLUMNS_OF_A, action_row_at};
use crate::domain::case::{Stage, Targets};
use crate::domain::due::{CaseDue, LegalCaseDue};
use crate::domain::legal::{LegalEvent, MediationRecord};
use crate::domain::text::initials;
use crate::error::Result;

impl Store {
    /// The open cases with anything due on or before `horizon`, with what the list needs.
    ///
    /// Set-based: three statements whatever the number of cases due (Tugas at 100,000 cases
    /// read several statements per due case and took seconds). Each is driven from the open
    /// cases through the stage index and reaches a case's records through their case index;
    /// the latest follow-up of a case is one seek (INDEXES_FOR_DUE). Only what can fall due
    /// by `horizon` is read: a case's unfinished plan actions due by then, the next follow-up
    /// its latest follow-up asked for, its referrals waiting for a reply with a follow-up
    /// date by then, and its plan and closure while they wait for approval. A case with none
    /// of these and its stage target beyond `horizon` is left out.
    pub fn due_cases(&self, targets: &Targets, horizon: NaiveDate) -> Result<Vec<CaseDue>> {
        let h = horizon.to_string();
        let c = self.conn();
        let open = open_stages();
        let mut st = c.prepare_cached(&format!(
            "SELECT c.id, c.number, c.risk, c.stage, substr(c.stage_since, 1, 10),
                    c.assigned_to, p.name,
                    (SELECT f.next_date FROM follow_ups f WHERE f.case_id = c.id
                     ORDER BY f.date DESC, f.id DESC LIMIT 1),
                    (SELECT coalesce(substr(w.approval_at, 1, 10), '') FROM plans w
                     WHERE w.case_id = c.id AND w.approval = 'diajukan'),
                    (SELECT coalesce(substr(w.approval_at, 1, 10), '') FROM closures w
                     WHERE w.case_id = c.id AND w.approval = 'diajukan')
             FROM cases c
             LEFT JOIN persons p ON p.case_id = c.id AND p.role = 'korban' AND p.ord = 0
             WHERE {open}
             ORDER BY c.id"
        ))?;
        let day = |s: Option<String>| s.and_then(|d| d.parse::<NaiveDate>().ok());
        // Each open case, and whether it is on the list before its plan actions and referrals
        // are read: a waiting approval, a follow-up or the stage target due by the horizon.
        let mut all: Vec<(CaseDue, bool)> = st
            .query_map([], |r| {
                let stage: String = r.get(3)?;
                let stage = Stage::from_code(&stage).unwrap_or(Stage::Pengaduan);
                let since: String = r.get(4)?;
                let stage_since: NaiveDate = since.parse().unwrap_or_default();
                let name: Option<String> = r.get(6)?;
                let risk: String = r.get(2)?;
                let next_follow_up = day(r.get(7)?);
                // A waiting approval reads as its day ('' if the day is not known).
                let plan: Option<String> = r.get(8)?;
                let closure: Option<String> = r.get(9)?;
                let waits = plan.is_some() || closure.is_some();
                let target = targets
                    .days(stage, &risk)
                    .map(|d| stage_since + Duration::days(i64::from(d)));
                let due = waits
                    || next_follow_up.is_some_and(|d| d <= horizon)
                    || target.is_some_and(|d| d <= horizon);
                Ok((
                    CaseDue {
                        case_id: r.get(0)?,
                        number: r.get(1)?,
                        initials: name.as_deref().map(initials).unwrap_or_else(|| "?".into()),
                        risk,
                        stage,
                        stage_since,
                        assigned_to: r.get(5)?,
                        actions: Vec::new(),
                        plan_requested: day(plan),
                        next_follow_up,
                        referrals: Vec::new(),
                        closure_requested: day(closure),
                    },
                    due,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let at: HashMap<i64, usize> = all
            .iter()
            .enumerate()
            .map(|(i, (d, _))| (d.case_id, i))
            .collect();
        let mut st = c.prepare_cached(&format!(
            "SELECT a.case_id, {ACTION_COLUMNS_OF_A} FROM cases c
             JOIN plan_actions a ON a.case_id = c.id
             WHERE {open} AND a.status IN ('rencana', 'berjalan') AND a.due <= ?1
             ORDER BY a.case_id, a.id"
        ))?;
        let rows = st.query_map([&h], |r| Ok((r.get::<_, i64>(0)?, action_row_at(r, 1)?)))?;
        for row in rows {
            let (id, (action, _)) = row?;
            if let Some(&i) = at.get(&id) {
                all[i].0.actions.push(action);
                all[i].1 = true;
            }
        }
        let mut st = c.prepare_cached(&format!(
            "SELECT r.case_id, r.id, a.name, r.follow_up FROM cases c
             JOIN referrals r ON r.case_id = c.id
             JOIN agencies a ON a.id = r.agency_id
             WHERE {open} AND r.status = 'dikirim' AND r.follow_up <= ?1
             ORDER BY r.case_id, r.id"
        ))?;
        let rows = st.query_map([&h], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        for row in rows {
            let (id, referral, agency, d) = row?;
            if let (Some(&i), Ok(d)) = (at.get(&id), d.parse()) {
                all[i].0.referrals.push((referral, agency, d));
                all[i].1 = true;
            }
        }
        Ok(all
            .into_iter()
            .filter_map(|(d, due)| due.then_some(d))
            .collect())
    }
}

impl Store {
    /// The open cases with a legal item for the due list (`due::legal_list`): a TPKS case
    /// not yet reported to the police, a tinggi or sedang case with no first service or
    /// contact yet, and any legal event or mediation step whose next date falls by `horizon`.
    /// Clocks that are met are left to the domain to drop.
    pub fn legal_due(&self, horizon: NaiveDate) -> Result<Vec<LegalCaseDue>> {
        let h = horizon.to_string();
        let c = self.conn();
        let mut ids: BTreeSet<i64> = BTreeSet::new();
        let mut collect = |sql: &str, p: &[&dyn rusqlite::ToSql]| -> Result<()> {
            let mut st = c.prepare_cached(sql)?;
            for id in st.query_map(p, |r| r.get::<_, i64>(0))? {
                ids.insert(id?);
            }
            Ok(())
        };
        // Each from the open cases (the stage index, as the board reads them), then the
        // case's own rows by their case index: never a scan of every case or every record.
        let open = open_stages();
        collect(
            &format!(
                "SELECT c.id FROM cases c WHERE {open}
                 AND EXISTS (SELECT 1 FROM legal_qualifications q
                             WHERE q.case_id = c.id AND q.code LIKE 'tpks\\_%' ESCAPE '\\')
                 AND NOT EXISTS (SELECT 1 FROM legal_events e
                                 WHERE e.case_id = c.id AND e.kind = 'laporan_polisi')"
            ),
            &[],
        )?;
        collect(
            &format!(
                "SELECT c.id FROM cases c WHERE {open} AND c.risk IN ('tinggi', 'sedang')
                 AND NOT EXISTS (SELECT 1 FROM services_given s WHERE s.case_id = c.id)
                 AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.case_id = c.id)"
            ),
            &[],
        )?;
        collect(
            &format!(
                "SELECT c.id FROM cases c WHERE {open}
                 AND (EXISTS (SELECT 1 FROM legal_events e
                              WHERE e.case_id = c.id AND e.next_date <= ?1)
                      OR EXISTS (SELECT 1 FROM mediation_records m
                                 WHERE m.case_id = c.id AND m.next_date <= ?1))"
            ),
            &[&h],
        )?;
        let ids: Vec<i64> = ids.into_iter().collect();
        // Everything else is read for all the cases at once, a statement a table: read case
        // by case it was eight statements a case, 24,000 at 100k, and the board's start-up
        // waited a quarter of a second for them.
        let list = serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into());
        let of = |table: &str, columns: &str, order: &str| {
            format!(
                "SELECT case_id, {columns} FROM {table}
                 WHERE case_id IN (SELECT value FROM json_each(?1)) ORDER BY case_id{order}"
            )
        };
        let mut opened: HashMap<i64, (String, String)> = HashMap::new();
        let mut st = c.prepare_cached(
            "SELECT id, opened_at, risk FROM cases WHERE id IN (SELECT value FROM json_each(?1))",
        )?;
        for row in st.query_map([&list], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))? {
            let (id, v) = row?;
            opened.insert(id, v);
        }
        let mut first: HashMap<i64, Option<NaiveDateTime>> = HashMap::new();
        for table in ["services_given", "follow_ups"] {
            let mut st = c.prepare_cached(&of(table, "date, created_at", ""))?;
            for row in st.query_map([&list], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
                let (id, day, at): (i64, String, String) = row?;
                earliest(first.entry(id).or_default(), &day, &at);
            }
        }
        let mut quals: HashMap<i64, Vec<String>> = HashMap::new();
        let mut st = c.prepare_cached(&of("legal_qualifications", "code", ""))?;
        for row in st.query_map([&list], |r| Ok((r.get(0)?, r.get(1)?)))? {
            let (id, code): (i64, String) = row?;
            quals.entry(id).or_default().push(code);
        }
        let mut events: HashMap<i64, Vec<LegalEvent>> = HashMap::new();
        let mut st = c.prepare_cached(&of("legal_events", EVENT_COLUMNS, ", date, id"))?;
        for row in st.query_map([&list], |r| Ok((r.get::<_, i64>(0)?, event_at(r, 1)?)))? {
            let (id, e) = row?;
            events.entry(id).or_default().extend(e);
        }
        let mut mediation: HashMap<i64, Vec<MediationRecord>> = HashMap::new();
        let mut st = c.prepare_cached(&of("mediation_records", MEDIATION_COLUMNS, ", date, id"))?;
        for row in st.query_map([&list], |r| Ok((r.get::<_, i64>(0)?, mediation_at(r, 1)?)))? {
            let (id, m) = row?;
            mediation.entry(id).or_default().extend(m);
        }
        let since = self.clocks_since()?;
        let mut out = Vec::with_capacity(ids.len());
        for card in self.cards(&ids)? {
            let Some((at, risk)) = opened.remove(&card.id) else {
                continue;
            };
            let events = events.remove(&card.id).unwrap_or_default();
            let mediation = mediation.remove(&card.id).unwrap_or_default();
            let mut q = quals.remove(&card.id).unwrap_or_default();
            in_basis_order(&mut q);
            out.push(LegalCaseDue {
                case_id: card.id,
                number: card.number.clone(),
                initials: card.initials.clone(),
                assigned_to: card.assigned_to.clone(),
                facts: clock_facts_of(
                    &at,
                    risk,
                    since,
                    first.remove(&card.id).flatten(),
                    q,
                    &events,
                ),
                pending: crate::domain::legal::pending(&events),
                mediation_next: crate::domain::legal::mediation_next(&mediation),
            });
        }
        Ok(out)
    }
}
