//! Drafts: the intake form as typed, saved within a second of every change.

use chrono::{DateTime, Local};
use rusqlite::{OptionalExtension, params};

use super::{Store, timestamp};
use crate::domain::intake::Intake;
use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub id: i64,
    pub staff: String,
    pub updated_at: String,
    pub intake: Intake,
}

/// A draft whose JSON no longer parses (hand-edited, or from a future meja) is still offered,
/// as whatever could be read, rather than silently dropped.
fn parse_body(body: &str) -> Intake {
    serde_json::from_str(body).unwrap_or_default()
}

impl Store {
    /// Saves `intake` as draft `id`, or as a new draft when `id` is None or no longer exists
    /// (discarded from another session). Returns the draft's id.
    pub fn save_draft(
        &mut self,
        id: Option<i64>,
        staff: &str,
        now: DateTime<Local>,
        intake: &Intake,
    ) -> Result<i64> {
        let body = serde_json::to_string(intake).expect("an Intake always serializes");
        let at = timestamp(now);
        self.write(|tx| {
            if let Some(id) = id {
                let n = tx.execute(
                    "UPDATE drafts SET body = ?1, updated_at = ?2 WHERE id = ?3",
                    params![body, at, id],
                )?;
                if n == 1 {
                    return Ok(id);
                }
            }
            tx.execute(
                "INSERT INTO drafts (staff, created_at, updated_at, body) VALUES (?1, ?2, ?2, ?3)",
                params![staff, at, body],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// The worker's drafts, most recently touched first.
    pub fn drafts_of(&self, staff: &str) -> Result<Vec<Draft>> {
        let mut st = self.conn().prepare(
            "SELECT id, staff, updated_at, body FROM drafts WHERE staff = ?1
             ORDER BY updated_at DESC, id DESC",
        )?;
        let rows = st.query_map([staff], |r| {
            Ok(Draft {
                id: r.get(0)?,
                staff: r.get(1)?,
                updated_at: r.get(2)?,
                intake: parse_body(&r.get::<_, String>(3)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn draft(&self, id: i64) -> Result<Option<Draft>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id, staff, updated_at, body FROM drafts WHERE id = ?1",
                [id],
                |r| {
                    Ok(Draft {
                        id: r.get(0)?,
                        staff: r.get(1)?,
                        updated_at: r.get(2)?,
                        intake: parse_body(&r.get::<_, String>(3)?),
                    })
                },
            )
            .optional()?)
    }

    pub fn discard_draft(&mut self, id: i64) -> Result<()> {
        self.write(|tx| tx.execute("DELETE FROM drafts WHERE id = ?1", [id]))?;
        Ok(())
    }

    pub fn draft_count(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM drafts", [], |r| r.get(0))?)
    }
}
