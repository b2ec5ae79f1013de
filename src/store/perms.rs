//! File modes of the database and its companions. A case database readable by other accounts
//! on a shared server is a breach waiting to happen (UU 27/2022), so `meja check` reports it,
//! and opening can refuse it.

use std::path::{Path, PathBuf};

/// The database file and the -wal and -shm files SQLite keeps beside it.
pub fn db_files(db: &Path) -> [PathBuf; 3] {
    let with = |suffix: &str| {
        let mut s = db.as_os_str().to_owned();
        s.push(suffix);
        PathBuf::from(s)
    };
    [db.to_path_buf(), with("-wal"), with("-shm")]
}

/// The permission bits of `path` (`0o600`), or None when it does not exist (or on a system
/// without Unix modes).
pub fn mode(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path)
            .ok()
            .map(|m| m.permissions().mode() & 0o7777)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// The mode of `path` when accounts other than the owner and group can read or write it.
pub fn world_accessible(path: &Path) -> Option<u32> {
    mode(path).filter(|m| m & 0o006 != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn companions_are_named_as_sqlite_names_them() {
        let [db, wal, shm] = db_files(Path::new("/data/meja.db"));
        assert_eq!(db, Path::new("/data/meja.db"));
        assert_eq!(wal, Path::new("/data/meja.db-wal"));
        assert_eq!(shm, Path::new("/data/meja.db-shm"));
    }

    #[cfg(unix)]
    #[test]
    fn only_other_read_or_write_counts_as_world_accessible() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.db");
        std::fs::write(&p, b"x").unwrap();
        for (m, open) in [(0o600, false), (0o640, false), (0o644, true), (0o602, true)] {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(m)).unwrap();
            assert_eq!(world_accessible(&p).is_some(), open, "{m:o}");
        }
        assert_eq!(world_accessible(&dir.path().join("none")), None);
    }
}
