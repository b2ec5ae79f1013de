//! Every file a command writes where a person asked (`--out`, a letter, a backup) goes
//! through here, so that no command can write over the database or a file it did not make.
//!
//! In the shared-server layout every worker runs meja as the service account: a `--out`
//! naming `meja.db` once replaced the live database with a letter. The rules:
//! - the database, its `-wal`, `-shm` and `-journal` are never a target, whatever the flags
//!   (compared by path and, for an existing file, by inode, so links do not get round it);
//! - an existing file is replaced only with `--force`;
//! - the content goes to a new owner-only temporary file beside the target, synced, then put
//!   in place, so a full disk or a crash never leaves half a file where the old one was.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::i18n::Msg;

/// What a write may do: which database to keep clear of, and whether an existing file may
/// be replaced.
#[derive(Debug, Clone, Default)]
pub struct OutRules {
    pub db: Option<PathBuf>,
    pub force: bool,
}

impl OutRules {
    pub fn new(db: &Path, force: bool) -> OutRules {
        OutRules {
            db: Some(db.to_path_buf()),
            force,
        }
    }
}

/// `path` with its folder resolved through links; the name itself as given (it may not exist).
fn resolved(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    let name = path.file_name().map(PathBuf::from).unwrap_or_default();
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::canonicalize(parent)
        .map(|p| p.join(&name))
        .unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(unix)]
fn same_inode(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_inode(_: &Path, _: &Path) -> bool {
    false
}

/// True when `target` is the database at `db` or one of the files SQLite keeps beside it.
pub fn is_database_file(target: &Path, db: &Path) -> bool {
    let mut files: Vec<PathBuf> = crate::store::perms::db_files(db).into();
    let mut journal = db.as_os_str().to_owned();
    journal.push("-journal");
    files.push(PathBuf::from(journal));
    let t = resolved(target);
    files
        .iter()
        .any(|f| resolved(f) == t || same_inode(target, f))
}

/// Checks `target` against `rules` before anything is written.
pub fn check(target: &Path, rules: &OutRules) -> Result<()> {
    if let Some(db) = &rules.db
        && is_database_file(target, db)
    {
        return Err(Error::new(Msg::ErrOutIsDb, &[&target.display()]));
    }
    if target.is_dir() {
        return Err(Error::new(Msg::ErrOutIsDir, &[&target.display()]));
    }
    if !rules.force && std::fs::symlink_metadata(target).is_ok() {
        return Err(Error::new(Msg::ErrOutExists, &[&target.display()]));
    }
    Ok(())
}

/// A file being written: a private temporary beside the target until [`OutFile::commit`]
/// puts it in place. Dropped without a commit, it removes the temporary.
pub struct OutFile {
    dest: PathBuf,
    tmp: PathBuf,
    file: Option<File>,
    force: bool,
}

impl OutFile {
    pub fn create(dest: &Path, rules: &OutRules) -> Result<OutFile> {
        check(dest, rules)?;
        let fail = |e: std::io::Error| Error::new(Msg::ErrWriteFile, &[&dest.display(), &e]);
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut n = 0u32;
        loop {
            let tmp = dest.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()));
            let mut opts = std::fs::OpenOptions::new();
            opts.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                opts.mode(0o600);
            }
            match opts.open(&tmp) {
                Ok(file) => {
                    return Ok(OutFile {
                        dest: dest.to_path_buf(),
                        tmp,
                        file: Some(file),
                        force: rules.force,
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => n += 1,
                Err(e) => return Err(fail(e)),
            }
        }
    }

    /// The temporary file's path, for writers that need a path rather than a handle
    /// (SQLite's online backup).
    pub fn tmp_path(&self) -> &Path {
        &self.tmp
    }

    /// Syncs the content and puts it at the target. Without `force` the target must still
    /// not exist: a hard link refuses to replace, so a file made meanwhile is not lost.
    pub fn commit(mut self) -> Result<()> {
        let dest = self.dest.clone();
        let fail = |e: std::io::Error| Error::new(Msg::ErrWriteFile, &[&dest.display(), &e]);
        if let Some(f) = self.file.take() {
            f.sync_all().map_err(fail)?;
        }
        if self.force {
            std::fs::rename(&self.tmp, &self.dest).map_err(fail)?;
        } else {
            match std::fs::hard_link(&self.tmp, &self.dest) {
                Ok(()) => {
                    let _ = std::fs::remove_file(&self.tmp);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    return Err(Error::new(Msg::ErrOutExists, &[&self.dest.display()]));
                }
                // Some filesystems (a FAT USB stick) have no hard links: check, then rename.
                Err(_) => {
                    if std::fs::symlink_metadata(&self.dest).is_ok() {
                        return Err(Error::new(Msg::ErrOutExists, &[&self.dest.display()]));
                    }
                    std::fs::rename(&self.tmp, &self.dest).map_err(fail)?;
                }
            }
        }
        Ok(())
    }
}

impl Write for OutFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.file {
            Some(f) => f.write(buf),
            None => Err(std::io::Error::other("committed")),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for OutFile {
    fn drop(&mut self) {
        // After a commit the temporary is gone (renamed, or unlinked after the link).
        let _ = std::fs::remove_file(&self.tmp);
    }
}

/// Writes `bytes` to `dest` under `rules`, whole or not at all.
pub fn write_new(dest: &Path, rules: &OutRules, bytes: &[u8]) -> Result<()> {
    let mut f = OutFile::create(dest, rules)?;
    f.write_all(bytes)
        .map_err(|e| Error::new(Msg::ErrWriteFile, &[&dest.display(), &e]))?;
    f.commit()
}

/// A folder meja makes for its own files (an HSDS package): created owner-only if missing.
pub fn create_dir(dir: &Path, rules: &OutRules) -> Result<()> {
    if let Some(db) = &rules.db
        && is_database_file(dir, db)
    {
        return Err(Error::new(Msg::ErrOutIsDb, &[&dir.display()]));
    }
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
        .map_err(|e| Error::new(Msg::ErrDirWrite, &[&dir.display(), &e]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(p: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn the_database_and_its_companions_are_never_a_target() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("meja.db");
        std::fs::write(&db, b"db").unwrap();
        for name in ["meja.db", "meja.db-wal", "meja.db-shm", "meja.db-journal"] {
            let rules = OutRules::new(&db, true);
            let e = write_new(&dir.path().join(name), &rules, b"letter").unwrap_err();
            assert_eq!(e.msg, Msg::ErrOutIsDb, "{name}");
        }
        // Through another spelling of the path, a symlink and a hard link.
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let other = dir.path().join("sub/../meja.db");
        std::os::unix::fs::symlink(&db, dir.path().join("link")).unwrap();
        std::fs::hard_link(&db, dir.path().join("hard")).unwrap();
        for t in [other, dir.path().join("link"), dir.path().join("hard")] {
            let e = write_new(&t, &OutRules::new(&db, true), b"x").unwrap_err();
            assert_eq!(e.msg, Msg::ErrOutIsDb, "{}", t.display());
        }
        assert_eq!(std::fs::read(&db).unwrap(), b"db");
    }

    #[test]
    fn an_existing_file_is_replaced_only_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("meja.db");
        let out = dir.path().join("laporan.csv");
        std::fs::write(&out, b"mine").unwrap();
        let e = write_new(&out, &OutRules::new(&db, false), b"new").unwrap_err();
        assert_eq!(e.msg, Msg::ErrOutExists);
        assert_eq!(std::fs::read(&out).unwrap(), b"mine");
        write_new(&out, &OutRules::new(&db, true), b"new").unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"new");
        assert_eq!(mode(&out), 0o600);
        // Nothing left behind.
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1);
    }

    #[test]
    fn a_write_dropped_before_commit_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("x.json");
        {
            let mut f = OutFile::create(&out, &OutRules::default()).unwrap();
            f.write_all(b"half").unwrap();
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
