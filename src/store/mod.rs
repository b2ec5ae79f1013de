//! Everything SQL. One SQLite file shared by every worker on the server.
//!
//! Rules (see design.md): WAL with `synchronous=FULL` so a confirmed save survives a power
//! cut; every write transaction is `BEGIN IMMEDIATE` (a deferred transaction that reads and
//! then writes fails at once with SQLITE_BUSY when another process writes, whatever the busy
//! timeout); transactions are short and never open across user input.

pub mod access;
pub mod agencies;
pub mod backup;
pub mod cases;
pub mod casework;
pub mod chain;
pub mod demo;
pub mod drafts;
pub mod due;
pub mod export;
pub mod health;
pub mod legal;
pub mod papers;
pub mod perms;
#[cfg(test)]
mod plans;
pub mod records;
pub mod referrals;
pub mod report;
pub mod schema;
pub mod search;
pub mod simfoni;
pub mod staff;
pub mod transfer;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Local, SecondsFormat};
use rusqlite::{Connection, ErrorCode, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Error, Result};
use crate::i18n::Msg;

/// SQLite before 3.51.3 can corrupt a WAL database when the WAL is reset while another
/// connection writes; the bundled build must not be older.
pub const MIN_SQLITE: i32 = 3_051_003;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Whether Rencana → Intervensi needs an approved plan (`[persetujuan] rencana`). Starts
    /// at `Require`, so a caller that forgets the office's setting errs on the strict side.
    plan_gate: crate::domain::approval::Gate,
}

/// Timestamps are stored as RFC 3339 with the office's UTC offset: readable in a plain
/// `sqlite3` session and unambiguous across a server's timezone change.
pub fn timestamp(t: DateTime<Local>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, false)
}

fn open_error(path: &Path, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Error::new(Msg::ErrDbNotSqlite, &[&path.display()]),
        Some(ErrorCode::ReadOnly) => Error::new(Msg::ErrDbReadOnly, &[&path.display()]),
        Some(ErrorCode::CannotOpen) | Some(ErrorCode::PermissionDenied) => {
            let reason = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(path)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_else(|| e.to_string());
            Error::new(Msg::ErrDbOpen, &[&path.display(), &reason])
        }
        _ => Error::new(Msg::ErrDbOpen, &[&path.display(), &e]),
    }
}

/// Creates a missing database file readable by its owner only, before SQLite does (SQLite
/// would use the umask, often world-readable). Its -wal and -shm files inherit the mode.
fn create_private(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
        {
            Ok(_) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
            Err(e) => Err(e),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(())
    }
}

/// Case files of child victims must not be readable by every account on a shared server:
/// 0600 for one user, 0660 with a group for a shared install. Anything wider is refused with
/// the command that fixes it, rather than silently tightened: the person who made it so
/// should know.
fn refuse_open_to_others(path: &Path) -> Result<()> {
    for f in perms::db_files(path) {
        if let Some(mode) = perms::world_accessible(&f) {
            return Err(Error::new(
                Msg::ErrDbOpenToOthers,
                &[&f.display(), &format!("{mode:o}"), &f.display()],
            ));
        }
    }
    Ok(())
}

/// Called by SQLite while another connection holds the write lock; true means try again
/// (for about 10 s, as the busy timeout did).
///
/// SQLite's own busy timeout sleeps longer and longer between tries (up to 100 ms each): the
/// sessions that are awake keep the lock, and with eight processes saving back to back a
/// save waited up to 0.7 s (benches/figures.rs). Polling at one steady rate is no fairer:
/// whoever tries first after a commit wins, and an unlucky save loses round after round
/// (p99 45-54 ms). Here a new waiter first backs off (1, 2, 5, 10 ms), leaving the lock to
/// the writers already running; one that has waited that long then tries every 0.05 ms, so
/// it takes the next free moment ahead of those still backing off. A/B, eight writers:
/// median 1 ms, p99 34-36 ms. After a second (an import, a migration) it tries every 1 ms.
fn wait_for_writer(tries: i32) -> bool {
    let pause = match tries {
        0 => 1000,
        1 => 2000,
        2 => 5000,
        3 => 10_000,
        4..20_004 => 50,
        20_004..29_004 => 1000,
        _ => return false,
    };
    std::thread::sleep(Duration::from_micros(pause));
    true
}

impl Store {
    /// Opens (creating if needed) the database at `path`. A new file gets the whole schema; an
    /// existing one must already be current: upgrading is `meja migrate`, a deliberate deploy
    /// step, so several sessions starting after an upgrade never race a migration.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, false).map(|(s, _)| s)
    }

    /// `meja migrate`: opens `path` and brings its schema up to date. Returns the schema
    /// version before and after.
    pub fn migrate_file(path: &Path) -> Result<(i64, i64)> {
        let (s, before) = Store::open_with(path, true)?;
        Ok((before, s.schema_version()?))
    }

    /// Opens `path`; returns the store and the schema version the file had.
    fn open_with(path: &Path, upgrade: bool) -> Result<(Store, i64)> {
        if rusqlite::version_number() < MIN_SQLITE {
            return Err(Error::new(Msg::ErrSqliteOld, &[&rusqlite::version()]));
        }
        if path.is_dir() {
            return Err(Error::new(Msg::ErrDbIsDir, &[&path.display()]));
        }
        if let Some(parent) = path.parent()
            && !parent.as_os_str().is_empty()
            && !parent.is_dir()
        {
            return Err(Error::new(Msg::ErrDbNoFolder, &[&parent.display()]));
        }
        create_private(path).map_err(|e| Error::new(Msg::ErrDbOpen, &[&path.display(), &e]))?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| open_error(path, e))?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            plan_gate: Default::default(),
        };
        store.configure().map_err(|e| open_error(path, e))?;
        // After the header check, so a file that is not a database is called that first.
        refuse_open_to_others(path)?;
        if store.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
            return Err(Error::new(Msg::ErrDbReadOnly, &[&path.display()]));
        }
        let before = store.migrate(upgrade)?;
        Ok((store, before))
    }

    /// A private in-memory database, for tests.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store {
            conn,
            path: PathBuf::from(":memory:"),
            plan_gate: Default::default(),
        };
        store.configure()?;
        store.migrate(true)?;
        Ok(store)
    }

    fn configure(&mut self) -> rusqlite::Result<()> {
        let c = &mut self.conn;
        c.busy_handler(Some(wait_for_writer))?;
        // The first statement reads the file header: a non-SQLite file fails here.
        let mode: String = c.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        debug_assert!(mode == "wal" || mode == "memory", "journal mode {mode}");
        c.pragma_update(None, "synchronous", "FULL")?;
        c.pragma_update(None, "foreign_keys", "ON")?;
        c.pragma_update(None, "secure_delete", "ON")?;
        c.set_transaction_behavior(TransactionBehavior::Immediate);
        Ok(())
    }

    /// Brings a new database to the latest schema, and an older one too when `upgrade`.
    /// Returns the version found.
    fn migrate(&mut self, upgrade: bool) -> Result<i64> {
        let migrations = schema::migrations();
        let version = |c: &Connection| -> Result<i64> {
            Ok(c.query_row("PRAGMA user_version", [], |r| r.get(0))?)
        };
        let current = version(&self.conn)?;
        let pending = migrations
            .pending_migrations(&self.conn)
            .map_err(|e| Error::new(Msg::ErrDb, &[&e]))?;
        let latest = current + i64::from(pending);
        if current > latest {
            return Err(Error::new(
                Msg::ErrDbTooNew,
                &[&self.path.display(), &current],
            ));
        }
        if current == latest {
            return Ok(current);
        }
        if current > 0 && !upgrade {
            return Err(Error::new(
                Msg::ErrNeedsMigrate,
                &[&self.path.display(), &current, &latest],
            ));
        }
        if let Err(e) = migrations.to_latest(&mut self.conn) {
            // Two processes opening a new database at once both see version 0; the loser of
            // the IMMEDIATE lock then finds the tables made. It is done if the winner is.
            if version(&self.conn)? == latest {
                return Ok(current);
            }
            return Err(Error::new(Msg::ErrDb, &[&e]));
        }
        Ok(current)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The office's plan gate (from the configuration) for the moves this store makes.
    pub fn set_plan_gate(&mut self, g: crate::domain::approval::Gate) {
        self.plan_gate = g;
    }

    pub fn plan_gate(&self) -> crate::domain::approval::Gate {
        self.plan_gate
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction, committed if it returns Ok.
    pub(crate) fn write<T>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// Changes whenever another connection commits: cheap to poll for "someone else saved".
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Changes whenever the database does, by this connection or another: `data_version`
    /// moves only for other connections' commits, `total_changes` counts this one's rows.
    /// What is on screen is still current while it stays the same.
    pub fn change_mark(&self) -> Result<(i64, u64)> {
        Ok((self.data_version()?, self.conn.total_changes()))
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_is_migrated_to_the_latest_schema() {
        let s = Store::open_in_memory().unwrap();
        assert!(s.schema_version().unwrap() >= 1);
        let tables: i64 = s
            .conn()
            .query_row("SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('cases','drafts','case_history')", [], |r| r.get(0))
            .unwrap();
        assert_eq!(tables, 3);
    }
}
