//! The access log: append-only rows of who opened, revealed, edited, exported or printed
//! which case. Written in the same transaction as the change it describes where there is one,
//! so a change never lands without its row.

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{Connection, params};

use super::{Store, timestamp};
use crate::domain::access::AccessKind;
use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessEntry {
    pub at: String,
    pub staff: String,
    pub kind: Option<AccessKind>,
    /// The stored code, kept for kinds this build does not know (a newer meja wrote them).
    pub code: String,
    pub case_id: Option<i64>,
    pub case_number: Option<String>,
    pub detail: String,
}

/// Which rows `access_log` returns. Dates are inclusive, in the office's local calendar.
#[derive(Debug, Clone, Default)]
pub struct AccessFilter {
    pub staff: Option<String>,
    pub case_number: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub limit: Option<usize>,
}

pub(crate) fn log(
    c: &Connection,
    at: DateTime<Local>,
    staff: &str,
    kind: AccessKind,
    case_id: Option<i64>,
    detail: &str,
) -> rusqlite::Result<()> {
    use super::chain::{ACCESS, append, text};
    append(
        c,
        ACCESS,
        &[
            text(Some(&timestamp(at))),
            text(Some(staff)),
            text(Some(kind.code())),
            case_id.into(),
            text(Some(detail)),
        ],
    )?;
    Ok(())
}

impl Store {
    /// Records one access. For accesses that change nothing (opening, revealing, printing).
    pub fn log_access(
        &mut self,
        at: DateTime<Local>,
        staff: &str,
        kind: AccessKind,
        case_id: Option<i64>,
        detail: &str,
    ) -> Result<()> {
        self.write(|tx| log(tx, at, staff, kind, case_id, detail))
    }

    /// Newest first.
    pub fn access_log(&self, f: &AccessFilter) -> Result<Vec<AccessEntry>> {
        // Stored times are RFC 3339 with the local offset, so the date is the first 10 chars.
        // A filter that is not given becomes `?n IS NULL` (true) rather than being folded into
        // `(?n IS NULL OR …)`: SQLite cannot use an index through that OR, and a staff or case
        // filter would scan the whole log (store/plans.rs).
        let staff = if f.staff.is_some() {
            "a.staff = ?1"
        } else {
            "?1 IS NULL"
        };
        let case = if f.case_number.is_some() {
            "a.case_id IN (SELECT id FROM cases WHERE number = ?2
                           UNION ALL SELECT id FROM cases WHERE origin_number = ?2)"
        } else {
            "?2 IS NULL"
        };
        let mut st = self.conn().prepare(&format!(
            "SELECT a.at, a.staff, a.action, a.case_id, c.number, a.detail
             FROM access_log a LEFT JOIN cases c ON c.id = a.case_id
             WHERE {staff} AND {case}
               AND (?3 IS NULL OR substr(a.at, 1, 10) >= ?3)
               AND (?4 IS NULL OR substr(a.at, 1, 10) <= ?4)
             ORDER BY a.id DESC
             LIMIT ?5"
        ))?;
        let limit = f.limit.map(|l| l as i64).unwrap_or(-1);
        let rows = st.query_map(
            params![
                f.staff,
                f.case_number,
                f.from.map(|d| d.to_string()),
                f.to.map(|d| d.to_string()),
                limit
            ],
            |r| {
                let code: String = r.get(2)?;
                Ok(AccessEntry {
                    at: r.get(0)?,
                    staff: r.get(1)?,
                    kind: AccessKind::from_code(&code),
                    code,
                    case_id: r.get(3)?,
                    case_number: r.get(4)?,
                    detail: r.get(5)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_access_log_cannot_be_rewritten() {
        let mut s = Store::open_in_memory().unwrap();
        s.log_access(Local::now(), "ani", AccessKind::SignIn, None, "")
            .unwrap();
        let upd = s
            .conn()
            .execute("UPDATE access_log SET staff = 'budi'", [])
            .unwrap_err();
        assert!(upd.to_string().contains("append-only"), "{upd}");
        let del = s.conn().execute("DELETE FROM access_log", []).unwrap_err();
        assert!(del.to_string().contains("append-only"), "{del}");
        let rows = s.access_log(&AccessFilter::default()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].staff, "ani");
    }
}
