//! Writing a referral letter: gather the referral, its case and agency from the store, give
//! it a number, compose it, and write it as text or PDF. Shared by the case-file screen and
//! `meja referral letter`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::config::Config;
use crate::domain::letter::{Letter, LetterInput, Sender, compose};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::store::Store;

/// The letter for referral `id`. Its number is taken on the first letter and kept after.
pub fn build(
    store: &mut Store,
    config: &Config,
    id: i64,
    contact: &str,
    lang: Lang,
    today: NaiveDate,
) -> Result<Letter> {
    let referral = store
        .referral(id)?
        .ok_or_else(|| Error::new(Msg::ErrNoReferral, &[&id]))?;
    let agency = store
        .agency(referral.agency_id)?
        .ok_or_else(|| Error::new(Msg::ErrNoReferral, &[&id]))?;
    let file = store
        .case_file(referral.case_id)?
        .ok_or_else(|| Error::new(Msg::ErrNoReferral, &[&id]))?;
    let number = store.letter_number(id, &config.office.letter_prefix, today)?;
    let referral = store.referral(id)?.unwrap_or(referral);
    Ok(compose(&LetterInput {
        lang,
        words: crate::i18n::letter_word,
        sender: Sender {
            office: &config.office.name,
            letterhead: &config.office.letterhead,
            city: &config.office.city,
            phone: &config.office.phone,
            contact,
        },
        number: &number,
        date: today,
        agency: &agency,
        referral: &referral,
        case: &file.intake,
    }))
}

/// Text or PDF, by what the caller asks or by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterFormat {
    Text,
    Pdf,
}

impl LetterFormat {
    pub fn of(path: &Path) -> LetterFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("pdf") => LetterFormat::Pdf,
            _ => LetterFormat::Text,
        }
    }
}

pub fn bytes(letter: &Letter, format: LetterFormat) -> Vec<u8> {
    match format {
        LetterFormat::Text => letter.to_text(78).into_bytes(),
        LetterFormat::Pdf => crate::io::pdf::letter_pdf(letter),
    }
}

/// Writes a letter to a new owner-only file; never over an existing one (a letter number is
/// used once, so a file of that name is not ours to replace).
pub fn write_private(path: &Path, data: &[u8]) -> Result<()> {
    crate::io::outfile::write_new(path, &crate::io::outfile::OutRules::default(), data)
}

/// Where the screen puts letters: `surat/` beside the database, private to its owner.
pub fn letters_dir(db: &Path) -> Result<PathBuf> {
    let dir = db
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("surat");
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(&dir)
        .map_err(|e| Error::new(Msg::ErrWriteFile, &[&dir.display(), &e]))?;
    Ok(dir)
}

/// A file name from a letter number: `007/UPTD-PPA/XI/2026` → `surat-007-UPTD-PPA-XI-2026`.
pub fn file_stem(number: &str) -> String {
    let s: String = number
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("surat-{s}")
}

/// Writes the letter as both text and PDF into `dir`; returns the two paths.
pub fn write_both(letter: &Letter, dir: &Path) -> Result<(PathBuf, PathBuf)> {
    let stem = file_stem(&letter.number);
    let txt = dir.join(format!("{stem}.txt"));
    let pdf = dir.join(format!("{stem}.pdf"));
    write_private(&txt, &bytes(letter, LetterFormat::Text))?;
    write_private(&pdf, &bytes(letter, LetterFormat::Pdf))?;
    Ok((txt, pdf))
}
