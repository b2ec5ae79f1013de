//! Referrals: made and moved inside one write transaction each, with the consent rule checked
//! against the case as it is at that moment (not as the screen last saw it), and every change
//! written to the case's history.

use chrono::{DateTime, Datelike, Local, NaiveDate};
use rusqlite::{OptionalExtension, Row, params};

use super::cases::{Entry, history};
use super::{Store, timestamp};
use crate::domain::case::Policy;
use crate::domain::referral::{
    NewReferral, Referral, ReferralError, Status, check_new, check_status, letter_number,
};
use crate::error::Result;

const COLS: &str = "r.id, r.case_id, c.number, r.agency_id, a.name, r.service, r.reason,
    r.follow_up, r.status, r.status_note, r.override_reason, r.letter_number, r.created_at,
    r.created_by, r.version
    FROM referrals r JOIN cases c ON c.id = r.case_id JOIN agencies a ON a.id = r.agency_id";

fn day(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(s.get(..10).unwrap_or(""), "%Y-%m-%d").ok())
}

fn referral(r: &Row<'_>) -> rusqlite::Result<Referral> {
    Ok(Referral {
        id: r.get(0)?,
        case_id: r.get(1)?,
        case_number: r.get(2)?,
        agency_id: r.get(3)?,
        agency_name: r.get(4)?,
        service: r.get(5)?,
        reason: r.get(6)?,
        follow_up: day(r.get(7)?),
        status: Status::from_code(&r.get::<_, String>(8)?).unwrap_or(Status::Dikirim),
        status_note: r.get(9)?,
        override_reason: r.get(10)?,
        letter_number: r.get(11)?,
        created: day(r.get(12)?).unwrap_or_default(),
        created_by: r.get(13)?,
        version: r.get(14)?,
    })
}

impl Store {
    /// Makes a referral for case `case_id`, or says why not. The case's consent to share is
    /// read inside the write lock.
    pub fn refer(
        &mut self,
        case_id: i64,
        r: &NewReferral,
        staff: &str,
        now: DateTime<Local>,
        policy: &dyn Policy,
    ) -> Result<std::result::Result<Referral, ReferralError>> {
        let at = timestamp(now);
        let today = now.date_naive();
        let id = self.write(|tx| {
            let case: Option<(Option<String>, String)> = tx
                .query_row(
                    "SELECT consent_share, stage FROM cases WHERE id = ?1",
                    [case_id],
                    |x| Ok((x.get(0)?, x.get(1)?)),
                )
                .optional()?;
            let Some((share, stage)) = case else {
                return Ok(Err(ReferralError::Conflict));
            };
            if stage == "terminasi" {
                return Ok(Err(ReferralError::CaseClosed));
            }
            let agency: Option<(String, bool)> = tx
                .query_row(
                    "SELECT name, active FROM agencies WHERE id = ?1",
                    [r.agency_id],
                    |x| Ok((x.get(0)?, x.get(1)?)),
                )
                .optional()?;
            let Some((agency_name, active)) = agency else {
                return Ok(Err(ReferralError::AgencyInactive));
            };
            let share = share.unwrap_or_default();
            if let Err(e) = check_new(&share, r, active, today, staff, policy) {
                return Ok(Err(e));
            }
            // An override is only kept when it was needed: with consent given, no reason.
            let override_reason = (share != "ya")
                .then(|| r.override_reason.as_deref().map(str::trim))
                .flatten();
            tx.prepare_cached(
                "INSERT INTO referrals (case_id, agency_id, service, reason, follow_up,
                     override_reason, created_at, created_by, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7)",
            )?
            .execute(params![
                case_id,
                r.agency_id,
                r.service,
                r.reason.trim(),
                r.follow_up.map(|d| d.format("%Y-%m-%d").to_string()),
                override_reason,
                at,
                staff,
            ])?;
            let id = tx.last_insert_rowid();
            let field = format!("rujukan:{id}");
            let what = format!("{agency_name} · {}", r.service);
            history(
                tx,
                &Entry {
                    case_id,
                    at: &at,
                    staff,
                    action: "rujukan",
                    field: Some(&field),
                    old: None,
                    new: Some(&what),
                    note: Some(r.reason.trim()),
                },
            )?;
            if let Some(why) = override_reason {
                history(
                    tx,
                    &Entry {
                        case_id,
                        at: &at,
                        staff,
                        action: "tanpa_persetujuan",
                        field: Some(&field),
                        old: Some(&share),
                        new: None,
                        note: Some(why),
                    },
                )?;
            }
            Ok(Ok(id))
        })?;
        Ok(match id {
            Ok(id) => Ok(self.referral(id)?.expect("just inserted")),
            Err(e) => Err(e),
        })
    }

    pub fn referral(&self, id: i64) -> Result<Option<Referral>> {
        Ok(self
            .conn()
            .query_row(&format!("SELECT {COLS} WHERE r.id = ?1"), [id], referral)
            .optional()?)
    }

    /// A case's referrals, oldest first.
    pub fn referrals_of(&self, case_id: i64) -> Result<Vec<Referral>> {
        let mut st = self
            .conn()
            .prepare_cached(&format!("SELECT {COLS} WHERE r.case_id = ?1 ORDER BY r.id"))?;
        Ok(st
            .query_map([case_id], referral)?
            .collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Moves a referral read at `version` to `to`, with the note the move needs.
    #[allow(clippy::too_many_arguments)]
    pub fn set_referral_status(
        &mut self,
        id: i64,
        version: i64,
        to: Status,
        note: &str,
        staff: &str,
        now: DateTime<Local>,
        policy: &dyn Policy,
    ) -> Result<std::result::Result<Referral, ReferralError>> {
        let at = timestamp(now);
        let done = self.write(|tx| {
            let cur: Option<(i64, String, i64)> = tx
                .query_row(
                    "SELECT case_id, status, version FROM referrals WHERE id = ?1",
                    [id],
                    |x| Ok((x.get(0)?, x.get(1)?, x.get(2)?)),
                )
                .optional()?;
            let Some((case_id, from, v)) = cur else {
                return Ok(Err(ReferralError::Conflict));
            };
            if v != version {
                return Ok(Err(ReferralError::Conflict));
            }
            let from = Status::from_code(&from).unwrap_or(Status::Dikirim);
            if let Err(e) = check_status(from, to, note, staff, policy) {
                return Ok(Err(e));
            }
            tx.execute(
                "UPDATE referrals SET status = ?1, status_note = ?2, updated_at = ?3,
                     version = version + 1
                 WHERE id = ?4 AND version = ?5",
                params![to.code(), note.trim(), at, id, version],
            )?;
            let field = format!("rujukan:{id}");
            history(
                tx,
                &Entry {
                    case_id,
                    at: &at,
                    staff,
                    action: "status_rujukan",
                    field: Some(&field),
                    old: Some(from.code()),
                    new: Some(to.code()),
                    note: (!note.trim().is_empty()).then_some(note.trim()),
                },
            )?;
            Ok(Ok(()))
        })?;
        Ok(match done {
            Ok(()) => Ok(self.referral(id)?.expect("exists")),
            Err(e) => Err(e),
        })
    }

    /// The referral's letter number, taken from this year's register the first time a
    /// letter is written and kept after that, so a reprint carries the same number.
    pub fn letter_number(&mut self, id: i64, prefix: &str, date: NaiveDate) -> Result<String> {
        self.write(|tx| {
            let have: Option<String> = tx.query_row(
                "SELECT letter_number FROM referrals WHERE id = ?1",
                [id],
                |r| r.get(0),
            )?;
            if let Some(n) = have {
                return Ok(n);
            }
            let year = date.year();
            let seq: i64 = tx.query_row(
                "INSERT INTO letter_seq (year, next) VALUES (?1, 2)
                 ON CONFLICT(year) DO UPDATE SET next = next + 1
                 RETURNING next - 1",
                [year],
                |r| r.get(0),
            )?;
            let n = letter_number(seq, prefix, date);
            tx.execute(
                "UPDATE referrals SET letter_number = ?1 WHERE id = ?2",
                params![n, id],
            )?;
            Ok(n)
        })
    }
}
