//! `meja backup` and `meja restore`: a checked snapshot of the database written as one file,
//! optionally encrypted with a passphrase in the age format (scrypt), which the standard `age`
//! and `rage` tools can also open, so a backup does not depend on meja to be read.
//!
//! Everything streams, so memory does not grow with the database (issue 21: 5.1 GiB at 1M
//! cases when the copy was held in memory). An encrypted backup is first copied plain into a
//! temporary file *beside the database* (owner-only, on the disk that already holds the same
//! plaintext, never where the backup goes), checked there, encrypted from it in 64 KiB age
//! chunks, decrypted back and compared byte for byte, and the plain copy removed. A restore
//! likewise decrypts or copies into a temporary file beside the target and checks that.

use std::io::{Read, Write};
use std::path::Path;

use age::secrecy::{ExposeSecret, SecretString};
use chrono::{DateTime, Local};

use crate::domain::access::AccessKind;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::io::outfile::{self, OutRules};
use crate::store::Store;
use crate::store::backup::{self as sb, Restored, TempFile};

/// The environment variable a passphrase may come from (a file is the other way).
pub const PASSPHRASE_ENV: &str = "MEJA_BACKUP_PASSPHRASE";

/// scrypt's work factor for backup passphrases: 2^18, which takes 256 MiB and about half a
/// second here. age would otherwise size it for a second of work on the machine at hand:
/// 2^19-2^20 on the test machine (512 MiB-1 GiB, measured), so a backup made on a fast
/// server could need 1 GiB to restore on a 4 GB office PC, and its memory would depend on
/// how busy the machine was.
const SCRYPT_LOG_N: u8 = 18;

const AGE_MAGIC: &[u8] = b"age-encryption.org/v1";

/// The passphrase from `--passphrase-file` (its first line), else from the environment.
/// None when neither is given.
pub fn passphrase(file: Option<&Path>) -> Result<Option<SecretString>> {
    passphrase_from(file, PASSPHRASE_ENV)
}

/// The passphrase from `file` (its first line), else from the environment variable `env`.
/// None when neither is given. Case transfers use this with their own variable.
pub fn passphrase_from(file: Option<&Path>, env: &str) -> Result<Option<SecretString>> {
    if let Some(f) = file {
        let text = std::fs::read_to_string(f)
            .map_err(|e| Error::new(Msg::ErrPassphraseFile, &[&f.display(), &e]))?;
        let line = text.lines().next().unwrap_or("").trim_end_matches('\r');
        if line.is_empty() {
            return Err(Error::new(Msg::ErrNoPassphrase, &[]));
        }
        return Ok(Some(SecretString::from(line.to_string())));
    }
    Ok(std::env::var(env)
        .ok()
        .filter(|p| !p.is_empty())
        .map(SecretString::from))
}

/// Encrypts the file `plain` into `out` with `pass`, streaming.
fn encrypt_into(plain: &Path, out: &mut impl Write, pass: SecretString) -> Result<()> {
    let fail = |e: &dyn std::fmt::Display| Error::new(Msg::ErrEncrypt, &[e]);
    let mut r = age::scrypt::Recipient::new(pass);
    r.set_work_factor(SCRYPT_LOG_N);
    let enc = age::Encryptor::with_recipients(std::iter::once(&r as &dyn age::Recipient))
        .map_err(|e| fail(&e))?;
    let mut src = std::io::BufReader::new(std::fs::File::open(plain).map_err(|e| fail(&e))?);
    let mut w = enc
        .wrap_output(std::io::BufWriter::new(out))
        .map_err(|e| fail(&e))?;
    std::io::copy(&mut src, &mut w).map_err(|e| fail(&e))?;
    w.finish()
        .and_then(|b| b.into_inner().map(|_| ()).map_err(|e| e.into_error()))
        .map_err(|e| fail(&e))
}

/// `data` encrypted with `pass` in the age format, with the backups' work factor: for a file
/// small enough to hold in memory (a case transfer).
pub fn encrypt_bytes(data: &[u8], pass: SecretString) -> std::result::Result<Vec<u8>, String> {
    let mut r = age::scrypt::Recipient::new(pass);
    r.set_work_factor(SCRYPT_LOG_N);
    let enc = age::Encryptor::with_recipients(std::iter::once(&r as &dyn age::Recipient))
        .map_err(|e| e.to_string())?;
    let mut out = Vec::with_capacity(data.len() + 256);
    let mut w = enc.wrap_output(&mut out).map_err(|e| e.to_string())?;
    w.write_all(data).map_err(|e| e.to_string())?;
    w.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

/// The plaintext of the age-encrypted `data`; the error says why (wrong passphrase, damage).
pub fn decrypt_bytes(data: &[u8], pass: SecretString) -> std::result::Result<Vec<u8>, String> {
    let d = age::Decryptor::new(data).map_err(|e| e.to_string())?;
    let identity = age::scrypt::Identity::new(pass);
    let mut r = d
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    r.read_to_end(&mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

/// A streaming reader of the plaintext of the encrypted file `file`.
fn decrypt_reader(file: &Path, pass: SecretString) -> Result<impl Read> {
    let fail = |e: &dyn std::fmt::Display| Error::new(Msg::ErrDecrypt, &[&file.display(), e]);
    let f = std::fs::File::open(file)
        .map_err(|e| Error::new(Msg::ErrBackupRead, &[&file.display(), &e]))?;
    let d = age::Decryptor::new_buffered(std::io::BufReader::new(f)).map_err(|e| fail(&e))?;
    let identity = age::scrypt::Identity::new(pass);
    d.decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| fail(&e))
}

/// Whether the readers `a` and `b` give the same bytes.
fn same_bytes(mut a: impl Read, mut b: impl Read) -> std::io::Result<bool> {
    let (mut x, mut y) = (vec![0u8; 64 * 1024], vec![0u8; 64 * 1024]);
    loop {
        let n = read_full(&mut a, &mut x)?;
        let m = read_full(&mut b, &mut y)?;
        if n != m || x[..n] != y[..m] {
            return Ok(false);
        }
        if n == 0 {
            return Ok(true);
        }
    }
}

/// Reads until `buf` is full or the reader ends; the number of bytes read.
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// Creates `path` new and owner-only.
fn create_private(path: &Path) -> Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(path)
        .map_err(|e| Error::new(Msg::ErrWriteFile, &[&path.display(), &e]))
}

fn copy_secret(p: &SecretString) -> SecretString {
    SecretString::from(p.expose_secret().to_string())
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
    let done = write_backup(
        store.path(),
        |dest| store.backup_to_file(dest),
        out,
        rules,
        pass,
    )?;
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
    write_backup(
        db,
        |dest| sb::backup_file_to_file(db, dest),
        out,
        rules,
        pass,
    )
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

/// Writes the backup made by `copy` (which writes a checked plain copy into the file it is
/// given and returns its number of cases) to `out`, encrypted when `pass` is given. `db` is
/// the database: the plain copy of an encrypted backup is made beside it.
fn write_backup(
    db: &Path,
    copy: impl FnOnce(&Path) -> Result<i64>,
    out: &Path,
    rules: &OutRules,
    pass: Option<SecretString>,
) -> Result<BackedUp> {
    let encrypted = pass.is_some();
    // The destination's temporary file (owner-only, beside it): SQLite's backup writes into
    // it by path, the encryption through the handle; committed only once checked.
    let mut dest = outfile::OutFile::create(out, rules)?;
    let cases = match pass {
        None => copy(dest.tmp_path())?,
        Some(p) => {
            let plain = TempFile::beside(db, "cadangan");
            let cases = copy(plain.path())?;
            encrypt_into(plain.path(), &mut dest, copy_secret(&p))?;
            let plain_now = std::fs::File::open(plain.path())
                .map_err(|e| Error::new(Msg::ErrBackupRead, &[&plain.path().display(), &e]))?;
            let back = decrypt_reader(dest.tmp_path(), p)?;
            let same = same_bytes(std::io::BufReader::new(plain_now), back)
                .map_err(|e| Error::new(Msg::ErrDecrypt, &[&out.display(), &e]))?;
            if !same {
                return Err(Error::new(Msg::ErrBackupBroken, &[&out.display(), &"≠"]));
            }
            cases
        }
    };
    let bytes = std::fs::metadata(dest.tmp_path())
        .map(|m| m.len())
        .unwrap_or(0) as usize;
    dest.commit()?;
    Ok(BackedUp {
        cases,
        encrypted,
        bytes,
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

/// Puts the plain SQLite image of the backup `file` into the new file `copy`, decrypting it
/// with `pass` when it is encrypted, streaming.
pub fn stage_backup(file: &Path, copy: &Path, pass: Option<SecretString>) -> Result<()> {
    let read_err = |e: std::io::Error| Error::new(Msg::ErrBackupRead, &[&file.display(), &e]);
    let mut head = [0u8; AGE_MAGIC.len()];
    let n = {
        let mut f = std::fs::File::open(file).map_err(read_err)?;
        read_full(&mut f, &mut head).map_err(read_err)?
    };
    let mut dest = create_private(copy)?;
    let write_err = |e: std::io::Error| Error::new(Msg::ErrWriteFile, &[&copy.display(), &e]);
    if is_encrypted(&head[..n]) {
        let pass = pass.ok_or_else(|| Error::new(Msg::ErrNoPassphrase, &[]))?;
        let mut r = decrypt_reader(file, pass)?;
        std::io::copy(&mut r, &mut dest)
            .map_err(|e| Error::new(Msg::ErrDecrypt, &[&file.display(), &e]))?;
    } else {
        let mut f = std::fs::File::open(file).map_err(read_err)?;
        std::io::copy(&mut f, &mut dest).map_err(write_err)?;
    }
    dest.sync_all().map_err(write_err)
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
    let copy = TempFile::beside(target, "pulih");
    stage_backup(file, copy.path(), pass)?;
    let stamp = now.format("%Y%m%d-%H%M%S").to_string();
    sb::restore(file, copy.path(), target, &stamp)
}
