//! The papers' register numbers and their print, in one transaction: a number is taken only
//! when the file it is printed on was written and its access-log row recorded, so a refused
//! path, a full disk or a log that cannot be written leaves no gap in the register and no
//! printed paper nobody can account for.

use std::path::PathBuf;

use chrono::{DateTime, Datelike, Local, NaiveDate};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::{Store, timestamp};
use crate::domain::access::AccessKind;
use crate::error::Result;

/// Which register entry a paper takes: the case, the paper's kind code, which one of that
/// kind (0 where a case has one), and the letters' prefix and the date for a new number.
#[derive(Debug, Clone, Copy)]
pub struct Numbering<'a> {
    pub case_id: i64,
    pub kind: &'a str,
    pub subject: i64,
    pub prefix: &'a str,
    pub date: NaiveDate,
}

/// The next number of the letters' register for `date`'s year, taken inside `tx`.
pub(crate) fn next_register_number(
    tx: &Transaction<'_>,
    prefix: &str,
    date: NaiveDate,
) -> rusqlite::Result<String> {
    let seq: i64 = tx.query_row(
        "INSERT INTO letter_seq (year, next) VALUES (?1, 2)
         ON CONFLICT(year) DO UPDATE SET next = next + 1
         RETURNING next - 1",
        [date.year()],
        |r| r.get(0),
    )?;
    Ok(crate::domain::referral::letter_number(seq, prefix, date))
}

fn paper_number(
    tx: &Transaction<'_>,
    n: &Numbering<'_>,
    staff: &str,
    at: &str,
) -> rusqlite::Result<String> {
    let have: Option<String> = tx
        .query_row(
            "SELECT number FROM paper_numbers WHERE case_id = ?1 AND kind = ?2 AND subject = ?3",
            params![n.case_id, n.kind, n.subject],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(number) = have {
        return Ok(number);
    }
    let number = next_register_number(tx, n.prefix, n.date)?;
    tx.execute(
        "INSERT INTO paper_numbers (case_id, kind, subject, number, taken_at, taken_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![n.case_id, n.kind, n.subject, number, at, staff],
    )?;
    Ok(number)
}

impl Store {
    /// Prints a paper of case `case_id`: takes its number when `numbering` says it has one
    /// (the same number again on a reprint), lets `write` put the file(s) in place with that
    /// number, and records the print in the access log with the detail `write` returns — all
    /// in one transaction. When `write` fails nothing is kept, the number included; when the
    /// log or the commit fails, the files `write` made are removed again.
    pub fn print_paper(
        &mut self,
        case_id: i64,
        numbering: Option<Numbering<'_>>,
        staff: &str,
        now: DateTime<Local>,
        write: impl FnOnce(Option<&str>) -> Result<(Vec<PathBuf>, String)>,
    ) -> Result<(Option<String>, Vec<PathBuf>)> {
        let at = timestamp(now);
        let tx = self
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let number = match &numbering {
            Some(n) => Some(paper_number(&tx, n, staff, &at)?),
            None => None,
        };
        let (files, detail) = write(number.as_deref())?;
        let recorded =
            super::access::log(&tx, now, staff, AccessKind::Print, Some(case_id), &detail)
                .and_then(|()| tx.commit());
        if let Err(e) = recorded {
            for f in &files {
                let _ = std::fs::remove_file(f);
            }
            return Err(e.into());
        }
        Ok((number, files))
    }

    /// The number a paper was given, if it was printed before.
    pub fn paper_number(&self, case_id: i64, kind: &str, subject: i64) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT number FROM paper_numbers WHERE case_id = ?1 AND kind = ?2 AND subject = ?3",
                params![case_id, kind, subject],
                |r| r.get(0),
            )
            .optional()?)
    }
}
