//! Backups and restores with SQLite's online backup API.
//!
//! A backup copies every page in one step, inside one read transaction: in WAL mode that is a
//! consistent snapshot while other workers keep saving (readers never block writers). The copy
//! goes straight to a file through SQLite's pager, so memory stays at the page cache whatever
//! the database's size (it went to memory before: 3× the file at peak, 5.1 GiB at 1M cases),
//! and that file is checked with `integrity_check` before it is used.
//!
//! A restore checks the backup whole before touching anything, refuses a database someone
//! has open, keeps the content it replaces in a file beside it, and writes through SQLite
//! (the backup API into the target's own connection), so a power cut mid-restore leaves the
//! old database, not half of the new one.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, ErrorCode, OpenFlags};

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

/// Page cache of the connections a backup or restore opens on its copies: the copy streams
/// through it, so this bounds what they hold (SQLite's default is 2 MiB).
const COPY_CACHE_KIB: i64 = 4096;

/// The file header says WAL (bytes 18 and 19 = 2) when the source was in WAL mode. A backup
/// file has no WAL beside it, so it is marked as a rollback-journal file; meja turns WAL back
/// on when it opens the restored file. Marking it in place keeps a stray `-wal` file beside a
/// backup from ever being read as part of it.
fn mark_rollback(bytes: &mut [u8]) {
    if bytes.len() > 19 && bytes[18] == 2 && bytes[19] == 2 {
        bytes[18] = 1;
        bytes[19] = 1;
    }
}

/// `mark_rollback` on the header of the file at `path`. False when it is not an SQLite file.
fn mark_file_rollback(path: &Path) -> std::io::Result<bool> {
    use std::io::{Read, Seek, SeekFrom, Write};
    let mut f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)?;
    let mut head = [0u8; 100];
    if f.read_exact(&mut head).is_err() || !head.starts_with(b"SQLite format 3\0") {
        return Ok(false);
    }
    let before = head;
    mark_rollback(&mut head);
    if head != before {
        f.seek(SeekFrom::Start(0))?;
        f.write_all(&head)?;
        f.sync_all()?;
    }
    Ok(true)
}

/// Opens the backup copy at `copy` (read from `file`, named in messages) and checks it is a
/// sound meja database this build can use; returns it with its number of cases.
fn open_checked(file: &Path, copy: &Path) -> Result<(Connection, i64)> {
    let broken =
        |e: &dyn std::fmt::Display| Error::new(Msg::ErrBackupBroken, &[&file.display(), e]);
    let not_meja = || Error::new(Msg::ErrBackupNotMeja, &[&file.display()]);
    if !mark_file_rollback(copy)
        .map_err(|e| Error::new(Msg::ErrBackupRead, &[&file.display(), &e]))?
    {
        return Err(not_meja());
    }
    let c = Connection::open_with_flags(
        copy,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| broken(&e))?;
    c.pragma_update(None, "cache_size", -COPY_CACHE_KIB)?;
    let lines = integrity(&c).map_err(|e| broken(&e))?;
    if !integrity_ok(&lines) {
        return Err(broken(&lines.join("; ")));
    }
    // The chain travels with the backup: a row changed in the file since it was written
    // (a raw edit, bytes gone bad that integrity_check cannot see inside a cell) is refused.
    for t in super::chain::ALL {
        if let super::chain::ChainState::Broken { id } =
            super::chain::verify(&c, t).map_err(|e| broken(&e))?
        {
            return Err(broken(&format!("{} id {id}", t.table)));
        }
    }
    let has_cases: bool = c
        .query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'cases'",
            [],
            |r| r.get(0),
        )
        .map_err(|e| broken(&e))?;
    if !has_cases {
        return Err(not_meja());
    }
    let version: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > schema::latest() {
        return Err(Error::new(Msg::ErrDbTooNew, &[&file.display(), &version]));
    }
    let cases = c
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .map_err(|e| broken(&e))?;
    Ok((c, cases))
}

/// A file meja is writing under a temporary name: removed when dropped unless `keep` was
/// called (renamed into place, or handed on), so a failed backup or restore leaves nothing.
pub struct TempFile {
    path: PathBuf,
    kept: bool,
}

impl TempFile {
    /// A name beside `near` (same folder, so same disk, same permissions around it, and a
    /// rename into place is atomic): `.NAME.TAG-PID-N.tmp`, not existing yet.
    pub fn beside(near: &Path, tag: &str) -> TempFile {
        let name = near
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "meja".into());
        let dir = near
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let mut n = 0;
        loop {
            let p = dir.join(format!(".{name}.{tag}-{}-{n}.tmp", std::process::id()));
            if !p.exists() {
                return TempFile {
                    path: p,
                    kept: false,
                };
            }
            n += 1;
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Renames the file to `to`, replacing it, and keeps it there.
    pub fn persist(mut self, to: &Path) -> std::io::Result<()> {
        std::fs::rename(&self.path, to)?;
        self.kept = true;
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
            let mut j = self.path.as_os_str().to_owned();
            j.push("-journal");
            let _ = std::fs::remove_file(PathBuf::from(j));
        }
    }
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
    /// Writes a consistent, checked copy of the whole database to the new file `dest`
    /// (owner-only, a plain SQLite file in rollback mode), safe to take while others write.
    /// Returns its number of cases. Memory stays at the page cache, whatever the size.
    pub fn backup_to_file(&self, dest: &Path) -> Result<i64> {
        backup_conn_to_file(self.conn(), self.path(), dest)
    }
}

/// A checked copy of the database file at `path` as it is, whatever its schema version,
/// written to the new file `dest`: the copy `meja migrate --backup` keeps before it upgrades.
/// Opening through [`Store::open`] would refuse an old schema, and the copy must be of the
/// old one.
pub fn backup_file_to_file(path: &Path, dest: &Path) -> Result<i64> {
    // Read-write without create: a reader of a WAL database needs its -shm file, and a
    // missing database is the caller's to report, not a new empty file.
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)
        .map_err(|e| Error::new(Msg::ErrDbOpen, &[&path.display(), &e]))?;
    conn.busy_timeout(BUSY_LIMIT)?;
    backup_conn_to_file(&conn, path, dest)
}

/// The online backup of `src` (the database at `path`) into the new file `dest`, checked.
fn backup_conn_to_file(src: &Connection, path: &Path, dest: &Path) -> Result<i64> {
    {
        let fail = |e: &dyn std::fmt::Display| Error::new(Msg::ErrWriteFile, &[&dest.display(), e]);
        // A new file, or the empty temporary an `OutFile` made for it; never a file with
        // content.
        if std::fs::metadata(dest).is_ok_and(|m| m.len() > 0) {
            return Err(fail(&std::io::Error::from(
                std::io::ErrorKind::AlreadyExists,
            )));
        }
        if !dest.exists() {
            create_new_private(dest).map_err(|e| fail(&e))?;
        }
        let mut out = Connection::open_with_flags(
            dest,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| fail(&e))?;
        out.pragma_update(None, "cache_size", -COPY_CACHE_KIB)?;
        copy_all(src, &mut out).map_err(|e| match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull)
            | Some(ErrorCode::CannotOpen)
            | Some(ErrorCode::SystemIoFailure) => fail(&e),
            _ => Error::from(e),
        })?;
        // The copied header says WAL like its source; a backup is one file.
        out.pragma_update(None, "journal_mode", "DELETE")?;
        drop(out);
        let (_, cases) = open_checked(path, dest).map_err(|e| {
            if e.msg == Msg::ErrBackupBroken {
                e
            } else {
                Error::new(Msg::ErrBackupBroken, &[&path.display(), &e])
            }
        })?;
        Ok(cases)
    }
}

/// Checks a backup copy on disk without touching any database: how many cases it holds.
/// `file` is the name the person gave (for messages); `copy` is a plain SQLite file meja may
/// mark as rollback-mode in place.
pub fn verify(file: &Path, copy: &Path) -> Result<i64> {
    open_checked(file, copy).map(|(_, n)| n)
}

/// Restores the backup copy at `copy` (a plain SQLite file, read from `file`) into the
/// database at `target`. `stamp` names the file that keeps the replaced content.
pub fn restore(file: &Path, copy: &Path, target: &Path, stamp: &str) -> Result<Restored> {
    let (src, cases) = open_checked(file, copy)?;
    if target.is_dir() {
        return Err(Error::new(Msg::ErrDbIsDir, &[&target.display()]));
    }
    let exists = target.exists();
    if !exists {
        create_new_private(target)
            .map_err(|e| Error::new(Msg::ErrDbOpen, &[&target.display(), &e]))?;
    }
    let mut dest = lock_exclusive(target)?;
    dest.pragma_update(None, "cache_size", -COPY_CACHE_KIB)?;
    let kept = if exists && std::fs::metadata(target).map(|m| m.len()).unwrap_or(0) > 0 {
        let aside = aside_path(target, stamp);
        create_new_private(&aside)
            .map_err(|e| Error::new(Msg::ErrWriteFile, &[&aside.display(), &e]))?;
        let mut old = Connection::open(&aside)?;
        old.pragma_update(None, "cache_size", -COPY_CACHE_KIB)?;
        copy_all(&dest, &mut old)?;
        old.pragma_update(None, "journal_mode", "DELETE")?;
        drop(old);
        Some(aside)
    } else {
        None
    };
    copy_all(&src, &mut dest)?;
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
        // Store::open refuses an old schema, so backup_file_to_file reads it without one.
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
        let copy = dir.path().join("salinan.db");
        assert_eq!(backup_file_to_file(&db, &copy).unwrap(), 1);
        let (mem, _) = open_checked(&db, &copy).unwrap();
        let v: i64 = mem
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1, "the copy keeps the old schema version");
        // And the database itself is untouched.
        let v: i64 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1);
        let other = dir.path().join("salinan-2.db");
        assert!(backup_file_to_file(&dir.path().join("tidak-ada.db"), &other).is_err());
        assert!(!dir.path().join("tidak-ada.db").exists());
    }
}
