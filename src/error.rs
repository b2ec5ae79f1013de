//! Expected failures: a one-line message in the person's language and exit code 2.

use crate::domain::text::clean_line;
use crate::i18n::{Lang, Msg, fill};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub msg: Msg,
    pub args: Vec<String>,
    /// A message that fills the last `{}` of `msg`, rendered in the same language (the
    /// reason inside "configuration X line N: …").
    pub inner: Option<Box<Error>>,
}

impl Error {
    pub fn new(msg: Msg, args: &[&dyn std::fmt::Display]) -> Self {
        Error {
            msg,
            // Arguments may carry paths or text from files: cleaned so an error message can
            // never smuggle escape sequences onto the terminal.
            args: args.iter().map(|a| clean_line(&a.to_string())).collect(),
            inner: None,
        }
    }

    /// `msg` with `args`, its last `{}` filled by `inner` in whichever language it is shown.
    pub fn within(msg: Msg, args: &[&dyn std::fmt::Display], inner: Error) -> Self {
        Error {
            inner: Some(Box::new(inner)),
            ..Error::new(msg, args)
        }
    }

    pub fn render(&self, lang: Lang) -> String {
        let inner = self.inner.as_ref().map(|e| e.render(lang));
        let args: Vec<&dyn std::fmt::Display> = self
            .args
            .iter()
            .chain(inner.as_ref())
            .map(|a| a as &dyn std::fmt::Display)
            .collect();
        fill(self.msg.get(lang), &args)
    }

    /// Every expected failure exits with 2, as `clap` does for bad arguments.
    pub fn exit_code(&self) -> u8 {
        2
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::Id))
    }
}

impl std::error::Error for Error {}

impl From<rusqlite::Error> for Error {
    /// The failures a front desk can act on get words of their own; SQLite's English text
    /// ("disk I/O error") says nothing to a worker.
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::*;
        use rusqlite::ffi;
        let extended = e.sqlite_error().map(|f| f.extended_code);
        match e.sqlite_error_code() {
            Some(DiskFull) => Error::new(Msg::ErrDiskFull, &[]),
            // A write the system refused: a file-size limit (EFBIG), a filesystem remounted
            // read-only (EROFS), a disk that fails. Read errors keep SQLite's own words.
            Some(SystemIoFailure)
                if matches!(
                    extended,
                    Some(
                        ffi::SQLITE_IOERR_WRITE
                            | ffi::SQLITE_IOERR_FSYNC
                            | ffi::SQLITE_IOERR_DIR_FSYNC
                            | ffi::SQLITE_IOERR_TRUNCATE
                            | ffi::SQLITE_IOERR_SHMSIZE
                            | ffi::SQLITE_IOERR_SHMMAP
                    )
                ) =>
            {
                Error::new(Msg::ErrDiskRefused, &[])
            }
            Some(ReadOnly) | Some(PermissionDenied) => Error::new(Msg::ErrDbReadOnlyNow, &[]),
            Some(DatabaseBusy) | Some(DatabaseLocked) => Error::new(Msg::ErrDbBusy, &[]),
            _ => Error::new(Msg::ErrDb, &[&e]),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite(code: i32) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
    }

    #[test]
    fn write_failures_are_said_in_words_a_worker_can_act_on() {
        let say = |code| Error::from(sqlite(code)).render(Lang::Id);
        assert_eq!(say(rusqlite::ffi::SQLITE_FULL), "disk penuh");
        assert!(say(rusqlite::ffi::SQLITE_IOERR_WRITE).starts_with("disk tidak bisa ditulis"));
        assert!(say(rusqlite::ffi::SQLITE_READONLY).contains("hanya-baca"));
        assert!(say(rusqlite::ffi::SQLITE_BUSY).contains("sibuk"));
        assert!(say(rusqlite::ffi::SQLITE_CORRUPT).starts_with("galat basis data"));
        assert!(say(rusqlite::ffi::SQLITE_IOERR_READ).starts_with("galat basis data"));
    }
}
