//! The facts `meja check` judges, read without changing anything: no migration, no pragma
//! that writes.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::backup::integrity;
use crate::error::{Error, Result};
use crate::i18n::Msg;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    /// `["ok"]` when sound.
    pub integrity: Vec<String>,
    pub schema: i64,
    pub latest_schema: i64,
    pub cases: i64,
    pub agencies: i64,
    pub drafts: i64,
    /// Each append-only table's hash chain (`store::chain`).
    pub chains: Vec<(&'static str, super::chain::ChainState)>,
}

fn count(c: &Connection, table: &str) -> i64 {
    // A table missing from an old or foreign file counts as none; integrity says the rest.
    c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap_or(0)
}

/// Reads the facts of the database at `path`, which must exist.
pub fn facts(path: &Path) -> Result<Facts> {
    if !path.is_file() {
        return Err(Error::new(Msg::ErrCheckMissing, &[&path.display()]));
    }
    let c = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| Error::new(Msg::ErrDbOpen, &[&path.display(), &e]))?;
    c.busy_timeout(Duration::from_secs(10))?;
    let integrity = integrity(&c).map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => {
            Error::new(Msg::ErrDbNotSqlite, &[&path.display()])
        }
        _ => Error::from(e),
    })?;
    let chains = if integrity.len() == 1 && integrity[0] == "ok" {
        super::chain::ALL
            .iter()
            .map(|t| Ok((t.table, super::chain::verify(&c, *t)?)))
            .collect::<rusqlite::Result<_>>()?
    } else {
        // A damaged file is reported as such; walking it would only add noise.
        Vec::new()
    };
    Ok(Facts {
        integrity,
        schema: c.query_row("PRAGMA user_version", [], |r| r.get(0))?,
        latest_schema: super::schema::latest(),
        cases: count(&c, "cases"),
        agencies: count(&c, "agencies"),
        drafts: count(&c, "drafts"),
        chains,
    })
}
