//! Backups and restores with SQLite's online backup API.
//!
//! A backup copies every page in one step, inside one read transaction: in WAL mode that is a
//! consistent snapshot while other workers keep saving (readers never block writers). The copy
//! goes to memory, is checked with `integrity_check`, and only then leaves as bytes, so a
//! plaintext copy never touches the disk when the backup is encrypted.
//!
//! A restore checks the backup whole before touching anything, refuses a database someone
//! has open, keeps the content it replaces in a file beside it, and writes through SQLite
//! (the backup API into the target's own connection), so a power cut mid-restore leaves the
//! old database, not half of the new one.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, ErrorCode, MAIN_DB, OpenFlags};

use super::{Store, schema};
use crate::error::{Error, Result};
use crate::i18n::Msg;

/// How long a backup waits for a busy source before giving up.
const BUSY_LIMIT: Duration = Duration::from_secs(30);
/// How long a restore waits for the target's lock: short, since a lock held longer means
/// someone has the database open.
const IN_USE_WAIT: Duration = Duration::from_millis(300);

/// Copies every page of `from` into `to` in one step.
fn copy_all(from: &Connection, to: &mut Connection) -> rusqlite::Result<()> {
    let b = Backup::new(from, to)?;
    let started = Instant::now();
    loop {
        match b.step(-1)? {
            StepResult::Done => return Ok(()),
            _ if started.elapsed() > BUSY_LIMIT => {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    None,
                ));
            }
            _ => std::thread::sleep(Duration::from_millis(20)),
        }
    }
}

/// `["ok"]` when the database is sound; otherwise SQLite's list of what is wrong.
pub(crate) fn integrity(c: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut st = c.prepare("PRAGMA integrity_check")?;
    st.query_map([], |r| r.get(0))?.collect()
}

fn integrity_ok(lines: &[String]) -> bool {
    lines.len() == 1 && lines[0] == "ok"
}

/// A checked copy of a database, as the bytes of a plain SQLite file.
pub struct Snapshot {
    pub bytes: Vec<u8>,
    pub cases: i64,
}

/// The file header says WAL (bytes 18 and 19 = 2) when the source was in WAL mode. A
/// snapshot has no WAL, and SQLite refuses to deserialize a WAL-mode image, so it is marked
/// as a rollback-journal file; meja turns WAL back on when it opens the restored file.
fn mark_rollback(bytes: &mut [u8]) {
    if bytes.len() > 19 && bytes[18] == 2 && bytes[19] == 2 {
        bytes[18] = 1;
        bytes[19] = 1;
    }
}

/// Loads a backup image into a private in-memory database and checks it is a sound meja
/// database this build can use.
fn load_checked(file: &Path, bytes: &[u8]) -> Result<Connection> {
    let broken =
        |e: &dyn std::fmt::Display| Error::new(Msg::ErrBackupBroken, &[&file.display(), e]);
    let not_meja = || Error::new(Msg::ErrBackupNotMeja, &[&file.display()]);
    if !bytes.starts_with(b"SQLite format 3\0") {
        return Err(not_meja());
    }
    let mut image = bytes.to_vec();
    mark_rollback(&mut image);
    let mut mem = Connection::open_in_memory()?;
    mem.deserialize_read_exact(MAIN_DB, &image[..], image.len(), false)
        .map_err(|e| broken(&e))?;
    let lines = integrity(&mem).map_err(|e| broken(&e))?;
    if !integrity_ok(&lines) {
        return Err(broken(&lines.join("; ")));
    }
    // The chain travels with the backup: a row changed in the file since it was written
    // (a raw edit, bytes gone bad that integrity_check cannot see inside a cell) is refused.
    for t in super::chain::ALL {
        if let super::chain::ChainState::Broken { id } =
            super::chain::verify(&mem, t).map_err(|e| broken(&e))?
        {
            return Err(broken(&format!("{} id {id}", t.table)));
        }
    }
    let has_cases: bool = mem
        .query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'cases'",
            [],
            |r| r.get(0),
        )
        .map_err(|e| broken(&e))?;
    if !has_cases {
        return Err(not_meja());
    }
    let version: i64 = mem.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > schema::latest() {
        return Err(Error::new(Msg::ErrDbTooNew, &[&file.display(), &version]));
    }
    Ok(mem)
}

/// Opens `path` and takes its exclusive lock for as long as the connection lives, or says it
/// is in use. In `EXCLUSIVE` locking mode SQLite keeps the lock after the transaction ends
/// and keeps the WAL index in its own memory, so no other connection can slip in between the
/// check and the restore.
fn lock_exclusive(path: &Path) -> Result<Connection> {
    let in_use = || Error::new(Msg::ErrDbInUse, &[&path.display()]);
    let c = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| Error::new(Msg::ErrDbOpen, &[&path.display(), &e]))?;
    c.busy_timeout(IN_USE_WAIT)?;
    let busy = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => in_use(),
        Some(ErrorCode::NotADatabase) => Error::new(Msg::ErrDbNotSqlite, &[&path.display()]),
        _ => Error::from(e),
    };
    c.pragma_update(None, "locking_mode", "EXCLUSIVE")
        .map_err(busy)?;
    c.execute_batch("BEGIN EXCLUSIVE; COMMIT;").map_err(busy)?;
    Ok(c)
}

/// A file name beside `db` that does not exist yet: `meja.db.sebelum-pulih-20261123-101500`.
fn aside_path(db: &Path, stamp: &str) -> PathBuf {
    let mut n = 0;
    loop {
        let mut s = db.as_os_str().to_owned();
        s.push(format!(".sebelum-pulih-{stamp}"));
        if n > 0 {
            s.push(format!("-{n}"));
        }
        let p = PathBuf::from(s);
        if !p.exists() {
            return p;
        }
        n += 1;
    }
}

/// Creates `path` empty, owner-only, failing if it exists.
fn create_new_private(path: &Path) -> std::io::Result<()> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(path).map(|_| ())
}

/// What a restore did.
pub struct Restored {
    pub cases: i64,
    /// Where the replaced database's content was kept, if there was one.
    pub kept: Option<PathBuf>,
}

impl Store {
    /// A consistent, checked copy of the whole database, safe to take while others write.
    pub fn snapshot(&self) -> Result<Snapshot> {
        snapshot_of(self.conn(), self.path())
    }
}

fn snapshot_of(conn: &Connection, path: &Path) -> Result<Snapshot> {
    let mut mem = Connection::open_in_memory()?;
    copy_all(conn, &mut mem)?;
    let lines = integrity(&mem)?;
    if !integrity_ok(&lines) {
        return Err(Error::new(
            Msg::ErrBackupBroken,
            &[&path.display(), &lines.join("; ")],
        ));
    }
    let cases: i64 = mem.query_row("SELECT count(*) FROM cases", [], |r| r.get(0))?;
    let mut bytes = mem.serialize(MAIN_DB)?.to_vec();
    mark_rollback(&mut bytes);
    Ok(Snapshot { bytes, cases })
}

/// A checked copy of the database file at `path` as it is, whatever its schema version: the
/// copy `meja migrate --backup` keeps before it upgrades. Opening through [`Store::open`]
/// would refuse an old schema, and the copy must be of the old one.
pub fn snapshot_file(path: &Path) -> Result<Snapshot> {
    // Read-write without create: a reader of a WAL database needs its -shm file, and a
    // missing database is the caller's to report, not a new empty file.
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)
        .map_err(|e| Error::new(Msg::ErrDbOpen, &[&path.display(), &e]))?;
    conn.busy_timeout(BUSY_LIMIT)?;
    snapshot_of(&conn, path)
}

/// Checks a backup image without touching any database: how many cases it holds.
pub fn verify(file: &Path, bytes: &[u8]) -> Result<i64> {
    let mem = load_checked(file, bytes)?;
    Ok(mem.query_row("SELECT count(*) FROM cases", [], |r| r.get(0))?)
}

/// Restores the backup image `bytes` (read from `file`) into the database at `target`.
/// `stamp` names the file that keeps the replaced content.
pub fn restore(file: &Path, bytes: &[u8], target: &Path, stamp: &str) -> Result<Restored> {
    let mem = load_checked(file, bytes)?;
    let cases: i64 = mem.query_row("SELECT count(*) FROM cases", [], |r| r.get(0))?;
    if target.is_dir() {
        return Err(Error::new(Msg::ErrDbIsDir, &[&target.display()]));
    }
    let exists = target.exists();
    if !exists {
        create_new_private(target)
            .map_err(|e| Error::new(Msg::ErrDbOpen, &[&target.display(), &e]))?;
    }
    let mut dest = lock_exclusive(target)?;
    let kept = if exists && std::fs::metadata(target).map(|m| m.len()).unwrap_or(0) > 0 {
        let aside = aside_path(target, stamp);
        create_new_private(&aside)
            .map_err(|e| Error::new(Msg::ErrWriteFile, &[&aside.display(), &e]))?;
        let mut old = Connection::open(&aside)?;
        copy_all(&dest, &mut old)?;
        old.pragma_update(None, "journal_mode", "DELETE")?;
        drop(old);
        Some(aside)
    } else {
        None
    };
    copy_all(&mem, &mut dest)?;
    let lines = integrity(&dest)?;
    if !integrity_ok(&lines) {
        return Err(Error::new(
            Msg::ErrBackupBroken,
            &[&target.display(), &lines.join("; ")],
        ));
    }
    dest.pragma_update(None, "journal_mode", "WAL")?;
    drop(dest);
    Ok(Restored { cases, kept })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wal_header_is_marked_as_rollback_only_when_it_says_wal() {
        let mut b = vec![0u8; 100];
        b[18] = 2;
        b[19] = 2;
        mark_rollback(&mut b);
        assert_eq!((b[18], b[19]), (1, 1));
        let mut short = vec![2u8; 10];
        mark_rollback(&mut short);
        assert_eq!(short, vec![2u8; 10]);
    }

    #[test]
    fn a_file_at_an_old_schema_is_copied_as_it_is() {
        // The copy `meja migrate --backup` keeps must be of the database before the upgrade:
        // Store::open refuses an old schema, so snapshot_file reads it without one.
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("lama.db");
        let mut c = Connection::open(&db).unwrap();
        c.pragma_update(None, "journal_mode", "WAL").unwrap();
        schema::migrations().to_version(&mut c, 1).unwrap();
        c.execute(
            "INSERT INTO cases (number, year, seq, stage, stage_since, risk, opened_at,
                                opened_by, consent_services)
             VALUES ('PPA/2025/0001', 2025, 1, 'pengaduan', '2025-01-02', 'rendah',
                     '2025-01-02T09:00:00+07:00', 'ani', 'ya')",
            [],
        )
        .unwrap();
        assert!(Store::open(&db).is_err(), "an old schema needs migrate");
        let snap = snapshot_file(&db).unwrap();
        assert_eq!(snap.cases, 1);
        let mem = load_checked(&db, &snap.bytes).unwrap();
        let v: i64 = mem
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1, "the copy keeps the old schema version");
        // And the database itself is untouched.
        let v: i64 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1);
        assert!(snapshot_file(&dir.path().join("tidak-ada.db")).is_err());
        assert!(!dir.path().join("tidak-ada.db").exists());
    }
}
