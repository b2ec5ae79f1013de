//! `meja case export` and `meja case import`: one case moved to another UPTD PPA as a JSON
//! file (`domain::transfer`), written private to its owner and recorded on both sides.
//!
//! The file holds a child's whole record and travels between offices (issue 16), so it is
//! encrypted by default, in the age format with a passphrase as `meja backup --encrypt` is
//! (`tasks::backup`), and the receiving office's `age`/`rage` can open it too. A plain file is
//! written only when asked for. Import reads both, telling them apart by age's magic line.

use std::path::Path;

use age::secrecy::SecretString;
use chrono::{DateTime, Local, NaiveDate};

use crate::domain::transfer::{CaseTransfer, FileError};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::io::outfile::{self, OutRules};
use crate::store::Store;
use crate::store::cases::Opened;
use crate::store::transfer::ImportRefused;

/// The environment variable a transfer's passphrase may come from (`--passphrase-file` is
/// the other way). Not the backups' variable: the receiving office learns this passphrase,
/// and it must not be the one that opens this office's backups.
pub const PASSPHRASE_ENV: &str = "MEJA_TRANSFER_PASSPHRASE";

/// Writes case `number` to `out` — encrypted with `pass`, plain when `pass` is None — and
/// records the transfer in its history and the access log, saying which it was. The file is
/// written first and removed again if the record cannot be made: no case leaves without its
/// log row.
#[allow(clippy::too_many_arguments)]
pub fn export_case(
    store: &mut Store,
    number: &str,
    out: &Path,
    rules: &OutRules,
    pass: Option<SecretString>,
    office: &str,
    staff: &str,
    now: DateTime<Local>,
) -> Result<String> {
    let number = number.trim();
    outfile::check(out, rules)?;
    let (id, file) = store
        .transfer_file(number, office, staff, now)?
        .ok_or_else(|| Error::new(Msg::ErrCaseNotFound, &[&number]))?;
    let mut json = serde_json::to_string_pretty(&file).expect("a case always serializes");
    json.push('\n');
    let (bytes, how) = match pass {
        Some(p) => (
            super::backup::encrypt_bytes(json.as_bytes(), p)
                .map_err(|e| Error::new(Msg::ErrTransferEncrypt, &[&e]))?,
            "terenkripsi",
        ),
        None => (json.into_bytes(), "tanpa enkripsi"),
    };
    outfile::write_new(out, rules, &bytes)?;
    let what = format!("{}, {how}", out.display());
    if let Err(e) = store.record_transfer_out(id, &what, staff, now) {
        let _ = std::fs::remove_file(out);
        return Err(e);
    }
    Ok(file.case.number)
}

/// Reads and checks a transfer file, decrypting it with `pass` when it is encrypted: every
/// string cleaned, every value held to the intake's rules. A file with one impossible value is
/// refused whole, naming the field and value, so the sending office can fix it; nothing of it
/// is written.
pub fn read_file(
    path: &Path,
    pass: Option<SecretString>,
    today: NaiveDate,
    lang: Lang,
) -> Result<CaseTransfer> {
    let raw = std::fs::read(path)
        .map_err(|e| Error::new(Msg::ErrTransferRead, &[&path.display(), &e]))?;
    let raw = if super::backup::is_encrypted(&raw) {
        let pass = pass.ok_or_else(|| Error::new(Msg::ErrTransferLocked, &[&path.display()]))?;
        super::backup::decrypt_bytes(&raw, pass)
            .map_err(|e| Error::new(Msg::ErrTransferDecrypt, &[&path.display(), &e]))?
    } else {
        raw
    };
    let text = String::from_utf8(raw)
        .map_err(|_| Error::new(Msg::ErrTransferFormat, &[&path.display()]))?;
    let mut t: CaseTransfer = serde_json::from_str(&text).map_err(|e| {
        // serde's own words name the field or type at fault ("invalid type: string, expected
        // u32"); the line and column say where.
        let why = e.to_string();
        let why = why
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_string();
        Error::new(
            Msg::ErrTransferJson,
            &[&path.display(), &e.line(), &e.column(), &why],
        )
    })?;
    let refused = |e: FileError| match e {
        FileError::NotATransfer => Error::new(Msg::ErrTransferFormat, &[&path.display()]),
        FileError::TooNew(v) => Error::new(Msg::ErrTransferVersion, &[&path.display(), &v]),
        FileError::Bad(b) => {
            // In the words the intake uses beside a field.
            let why = match b.issue {
                Some(i) => format!("({})", crate::i18n::issue(i, lang)),
                None => Msg::TransferNotACode.get(lang).to_string(),
            };
            Error::new(
                Msg::ErrTransferBad,
                &[&path.display(), &b.field, &b.value, &why],
            )
        }
    };
    t.check().map_err(refused)?;
    t.clean();
    t.validate(today).map_err(refused)?;
    Ok(t)
}

/// Imports the case in `path` as a new local case numbered with `prefix`.
pub fn import_case(
    store: &mut Store,
    path: &Path,
    pass: Option<SecretString>,
    prefix: &str,
    staff: &str,
    now: DateTime<Local>,
    lang: Lang,
) -> Result<(CaseTransfer, Opened)> {
    let t = read_file(path, pass, now.date_naive(), lang)?;
    match store.import_transfer(&t, prefix, staff, now, lang)? {
        Ok(opened) => Ok((t, opened)),
        Err(ImportRefused::Duplicate(local)) => Err(Error::new(
            Msg::ErrTransferDuplicate,
            &[&t.case.number, &t.office, &local],
        )),
    }
}
