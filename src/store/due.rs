//! Reads what the due list (`domain::due`) is derived from, for the open cases that have
//! something falling due by a horizon date. Nothing of the list is stored: it is worked out
//! from the records each time, so it can never disagree with them.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::params;

use super::Store;
use crate::domain::case::{Stage, Targets};
use crate::domain::due::{CaseDue, LegalCaseDue};
use crate::domain::followup;
use crate::error::Result;

/// `julianday` of a stored date or timestamp's first ten characters (the local date).
const DAY: &str = "julianday(substr(c.stage_since, 1, 10))";

/// SQL for a case's stage target in days, from the office's targets (whole numbers, so safe
/// to write into the statement).
fn target_days_sql(t: &Targets) -> String {
    let mut arms = String::new();
    for s in Stage::OPEN {
        for (i, risk) in ["tinggi", "sedang", "rendah"].iter().enumerate() {
            let days = t.days(s, risk).unwrap_or(0);
            // Any risk code other than tinggi and sedang is counted as rendah, as `Targets::days`.
            let cond = if i == 2 {
                "c.risk NOT IN ('tinggi', 'sedang')".to_string()
            } else {
                format!("c.risk = '{risk}'")
            };
            arms.push_str(&format!(
                " WHEN c.stage = '{}' AND {cond} THEN {days}",
                s.code()
            ));
        }
    }
    format!("CASE{arms} END")
}

impl Store {
    /// The open cases with anything due on or before `horizon`, with what the list needs.
    pub fn due_cases(&self, targets: &Targets, horizon: NaiveDate) -> Result<Vec<CaseDue>> {
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
        let open = "c.stage != 'terminasi'";
        collect(
            &format!(
                "SELECT c.id FROM cases c WHERE {open}
                 AND {DAY} + {} <= julianday(?1)",
                target_days_sql(targets)
            ),
            &[&h],
        )?;
        collect(
            "SELECT DISTINCT a.case_id FROM plan_actions a JOIN cases c ON c.id = a.case_id
             WHERE a.status IN ('rencana', 'berjalan') AND a.due <= ?1 AND c.stage != 'terminasi'",
            &[&h],
        )?;
        collect(
            "SELECT DISTINCT f.case_id FROM follow_ups f JOIN cases c ON c.id = f.case_id
             WHERE f.next_date <= ?1 AND c.stage != 'terminasi'",
            &[&h],
        )?;
        collect(
            "SELECT DISTINCT r.case_id FROM referrals r JOIN cases c ON c.id = r.case_id
             WHERE r.status = 'dikirim' AND r.follow_up <= ?1 AND c.stage != 'terminasi'",
            &[&h],
        )?;
        collect(
            "SELECT case_id FROM plans WHERE approval = 'diajukan'
             UNION SELECT case_id FROM closures WHERE approval = 'diajukan'",
            &[],
        )?;
        let ids: Vec<i64> = ids.into_iter().collect();
        let mut out = Vec::with_capacity(ids.len());
        for card in self.cards(&ids)? {
            let plan = self.plan_of(card.id)?;
            let follow_ups = self.follow_ups(card.id)?;
            let mut st = c.prepare_cached(
                "SELECT r.id, a.name, r.follow_up FROM referrals r
                 JOIN agencies a ON a.id = r.agency_id
                 WHERE r.case_id = ?1 AND r.status = 'dikirim' AND r.follow_up IS NOT NULL",
            )?;
            let referrals = st
                .query_map([card.id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get::<_, String>(2)?))
                })?
                .filter_map(|r| {
                    r.map(|(id, name, d)| d.parse().ok().map(|d| (id, name, d)))
                        .transpose()
                })
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let requested = |table: &str| -> Result<Option<NaiveDate>> {
                let sql = format!(
                    "SELECT substr(approval_at, 1, 10) FROM {table}
                     WHERE case_id = ?1 AND approval = 'diajukan'"
                );
                let d: Option<String> = c
                    .query_row(&sql, params![card.id], |r| r.get(0))
                    .ok()
                    .flatten();
                Ok(d.and_then(|d| d.parse().ok()))
            };
            out.push(CaseDue {
                case_id: card.id,
                number: card.number.clone(),
                initials: card.initials.clone(),
                risk: card.risk.clone(),
                stage: card.stage,
                stage_since: card.stage_since,
                assigned_to: card.assigned_to.clone(),
                actions: plan.plan.actions,
                plan_requested: requested("plans")?,
                next_follow_up: followup::next_due(&follow_ups),
                referrals,
                closure_requested: requested("closures")?,
            });
        }
        Ok(out)
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
        collect(
            "SELECT DISTINCT q.case_id FROM legal_qualifications q JOIN cases c ON c.id = q.case_id
             WHERE q.code LIKE 'tpks\\_%' ESCAPE '\\' AND c.stage != 'terminasi'
             AND NOT EXISTS (SELECT 1 FROM legal_events e
                             WHERE e.case_id = q.case_id AND e.kind = 'laporan_polisi')",
            &[],
        )?;
        collect(
            "SELECT c.id FROM cases c WHERE c.stage != 'terminasi'
             AND c.risk IN ('tinggi', 'sedang')
             AND NOT EXISTS (SELECT 1 FROM services_given s WHERE s.case_id = c.id)
             AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.case_id = c.id)",
            &[],
        )?;
        collect(
            "SELECT DISTINCT e.case_id FROM legal_events e JOIN cases c ON c.id = e.case_id
             WHERE e.next_date <= ?1 AND c.stage != 'terminasi'
             UNION SELECT DISTINCT m.case_id FROM mediation_records m
             JOIN cases c ON c.id = m.case_id
             WHERE m.next_date <= ?1 AND c.stage != 'terminasi'",
            &[&h],
        )?;
        let ids: Vec<i64> = ids.into_iter().collect();
        let mut out = Vec::with_capacity(ids.len());
        for card in self.cards(&ids)? {
            let events = self.legal_events(card.id)?;
            let mediation = self.mediation_records(card.id)?;
            out.push(LegalCaseDue {
                case_id: card.id,
                number: card.number.clone(),
                initials: card.initials.clone(),
                assigned_to: card.assigned_to.clone(),
                facts: self.clock_facts(card.id)?,
                pending: crate::domain::legal::pending(&events),
                mediation_next: crate::domain::legal::mediation_next(&mediation),
            });
        }
        Ok(out)
    }
}
