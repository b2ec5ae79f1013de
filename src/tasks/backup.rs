//! `meja backup` and `meja restore`: a checked snapshot of the database written as one file,
//! optionally encrypted with a passphrase in the age format (scrypt), which the standard `age`
//! and `rage` tools can also open, so a backup does not depend on meja to be read.

use std::io::{Read, Write};
use std::path::Path;

use age::secrecy::SecretString;
use chrono::{DateTime, Local};

use crate::domain::access::AccessKind;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::io::outfile::{self, OutRules};
use crate::store::Store;
use crate::store::backup::{self as sb, Restored};

/// The environment variable a passphrase may come from (a file is the other way).
pub const PASSPHRASE_ENV: &str = "MEJA_BACKUP_PASSPHRASE";

const AGE_MAGIC: &[u8] = b"age-encryption.org/v1";

/// The passphrase from `--passphrase-file` (its first line), else from the environment.
/// None when neither is given.
pub fn passphrase(file: Option<&Path>) -> Result<Option<SecretString>> {
    if let Some(f) = file {
        let text = std::fs::read_to_string(f)
            .map_err(|e| Error::new(Msg::ErrPassphraseFile, &[&f.display(), &e]))?;
        let line = text.lines().next().unwrap_or("").trim_end_matches('\r');
        if line.is_empty() {
            return Err(Error::new(Msg::ErrNoPassphrase, &[]));
        }
        return Ok(Some(SecretString::from(line.to_string())));
    }
    Ok(std::env::var(PASSPHRASE_ENV)
        .ok()
        .filter(|p| !p.is_empty())
        .map(SecretString::from))
}

fn encrypt(plain: &[u8], pass: SecretString) -> Result<Vec<u8>> {
    let fail = |e: &dyn std::fmt::Display| Error::new(Msg::ErrEncrypt, &[e]);
    let enc = age::Encryptor::with_user_passphrase(pass);
    let mut out = Vec::with_capacity(plain.len() + 1024);
    let mut w = enc.wrap_output(&mut out).map_err(|e| fail(&e))?;
    w.write_all(plain).map_err(|e| fail(&e))?;
    w.finish().map_err(|e| fail(&e))?;
    Ok(out)
}

fn decrypt(file: &Path, data: &[u8], pass: SecretString) -> Result<Vec<u8>> {
    let fail = |e: &dyn std::fmt::Display| Error::new(Msg::ErrDecrypt, &[&file.display(), e]);
    let d = age::Decryptor::new(data).map_err(|e| fail(&e))?;
    let identity = age::scrypt::Identity::new(pass);
    let mut r = d
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| fail(&e))?;
    let mut out = Vec::new();
    r.read_to_end(&mut out).map_err(|e| fail(&e))?;
    Ok(out)
}

pub fn is_encrypted(data: &[u8]) -> bool {
    data.starts_with(AGE_MAGIC)
}

/// Whether two paths name the same file (both must exist to be compared by inode).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// What `backup` wrote.
pub struct BackedUp {
    pub cases: i64,
    pub encrypted: bool,
    pub bytes: usize,
}

/// Writes a checked snapshot of `store` to `out` (owner-only, replaced only by a complete
/// file), encrypted when `pass` is given, and records it in the access log as an export by
/// `staff`.
pub fn backup(
    store: &mut Store,
    out: &Path,
    rules: &OutRules,
    pass: Option<SecretString>,
    staff: &str,
    now: DateTime<Local>,
) -> Result<BackedUp> {
    refuse_db_as_out(store.path(), out)?;
    outfile::check(out, rules)?;
    let done = write_snapshot(store.snapshot()?, out, rules, pass)?;
    store.log_access(now, staff, AccessKind::Export, None, &done.log_detail(out))?;
    Ok(done)
}

/// `meja migrate --backup FILE`: a checked copy of the database at `db` as it is, whatever
/// its schema version, written to `out` like any backup. The caller logs it once the
/// database can be opened (after the migration).
pub fn backup_before_migrate(
    db: &Path,
    out: &Path,
    rules: &OutRules,
    pass: Option<SecretString>,
) -> Result<BackedUp> {
    refuse_db_as_out(db, out)?;
    outfile::check(out, rules)?;
    write_snapshot(crate::store::backup::snapshot_file(db)?, out, rules, pass)
}

fn refuse_db_as_out(db: &Path, out: &Path) -> Result<()> {
    if same_file(out, db)
        || crate::store::perms::db_files(db)
            .iter()
            .any(|p| same_file(out, p))
    {
        return Err(Error::new(Msg::ErrBackupIsDb, &[&out.display()]));
    }
    Ok(())
}

fn write_snapshot(
    snap: crate::store::backup::Snapshot,
    out: &Path,
    rules: &OutRules,
    pass: Option<SecretString>,
) -> Result<BackedUp> {
    let encrypted = pass.is_some();
    let data = match pass {
        Some(p) => encrypt(&snap.bytes, p)?,
        None => snap.bytes,
    };
    outfile::write_new(out, rules, &data)?;
    Ok(BackedUp {
        cases: snap.cases,
        encrypted,
        bytes: data.len(),
    })
}

impl BackedUp {
    /// The access log's words for this backup (stored in Indonesian like every log entry).
    pub fn log_detail(&self, out: &Path) -> String {
        format!(
            "cadangan {} → {} ({} kasus)",
            if self.encrypted {
                "terenkripsi"
            } else {
                "tanpa enkripsi"
            },
            out.display(),
            self.cases
        )
    }
}

/// Reads a backup file as a plain SQLite image, decrypting it with `pass` when it is
/// encrypted.
pub fn read_backup(file: &Path, pass: Option<SecretString>) -> Result<Vec<u8>> {
    let data =
        std::fs::read(file).map_err(|e| Error::new(Msg::ErrBackupRead, &[&file.display(), &e]))?;
    if !is_encrypted(&data) {
        return Ok(data);
    }
    let pass = pass.ok_or_else(|| Error::new(Msg::ErrNoPassphrase, &[]))?;
    decrypt(file, &data, pass)
}

/// Restores the backup `file` into the database `target` after checking it whole; refused
/// while anyone has `target` open. The content it replaces is kept beside it.
pub fn restore(
    file: &Path,
    target: &Path,
    pass: Option<SecretString>,
    now: DateTime<Local>,
) -> Result<Restored> {
    if same_file(file, target) {
        return Err(Error::new(Msg::ErrBackupIsDb, &[&file.display()]));
    }
    let image = read_backup(file, pass)?;
    let stamp = now.format("%Y%m%d-%H%M%S").to_string();
    sb::restore(file, &image, target, &stamp)
}
