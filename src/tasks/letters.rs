//! Writing a referral letter: gather the referral, its case and agency from the store, give
//! it a number, compose it, and write it as text or PDF. Shared by the case-file screen and
//! `meja referral letter`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::config::Config;
use crate::domain::letter::{Letter, LetterInput, Sender, Signatory, compose};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::store::Store;

/// What a referral's letter is written from, read before it has a number.
struct Loaded {
    contact: String,
    role: &'static str,
    referral: crate::domain::referral::Referral,
    agency: crate::domain::agency::Agency,
    file: crate::domain::case::CaseFile,
}

fn load(store: &Store, id: i64, staff: &str, lang: Lang) -> Result<Loaded> {
    let member = store.staff_member(staff)?;
    let contact = member
        .as_ref()
        .map(|m| m.display_name.trim())
        .filter(|n| !n.is_empty())
        .unwrap_or(staff)
        .to_string();
    let role = member
        .map(|m| crate::domain::vocab::ROLES.label(m.role.code(), lang))
        .unwrap_or("");
    let referral = store
        .referral(id)?
        .ok_or_else(|| Error::new(Msg::ErrNoReferral, &[&id]))?;
    let agency = store
        .agency(referral.agency_id)?
        .ok_or_else(|| Error::new(Msg::ErrNoReferral, &[&id]))?;
    let file = store
        .case_file(referral.case_id)?
        .ok_or_else(|| Error::new(Msg::ErrNoReferral, &[&id]))?;
    Ok(Loaded {
        contact,
        role,
        referral,
        agency,
        file,
    })
}

impl Loaded {
    fn compose(
        &self,
        config: &Config,
        number: &str,
        lang: Lang,
        today: NaiveDate,
        include: &[String],
    ) -> Letter {
        let o = &config.office;
        let head = (!o.head_name.is_empty()).then(|| Signatory {
            name: &o.head_name,
            title: &o.head_title,
            nip: &o.head_nip,
        });
        compose(&LetterInput {
            lang,
            words: crate::i18n::letter_word,
            sender: Sender {
                office: &o.name,
                letterhead: &o.letterhead,
                city: &o.city,
                phone: &o.phone,
                contact: &self.contact,
                contact_role: self.role,
                head,
            },
            number,
            date: today,
            agency: &self.agency,
            referral: &self.referral,
            case: &self.file.intake,
            include,
        })
    }
}

/// The letter for referral `id`, with `staff` (a username) as the contact, named by display
/// name and role. `include`: what the worker ticked to add to the minimum when the client has
/// not agreed to share her data (`vocab::LETTER_ITEMS`). Its number is taken on the first
/// letter and kept after. (Writing a letter goes through [`write_letter`], which takes the
/// number only with the file written.)
pub fn build(
    store: &mut Store,
    config: &Config,
    id: i64,
    staff: &str,
    lang: Lang,
    today: NaiveDate,
    include: &[String],
) -> Result<Letter> {
    let mut loaded = load(store, id, staff, lang)?;
    let number = store.letter_number(id, &config.office.letter_prefix, today)?;
    loaded.referral.letter_number = Some(number.clone());
    Ok(loaded.compose(config, &number, lang, today, include))
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

/// Where a letter goes: one file named by the worker (text, or PDF by its extension), or
/// both forms into `surat/` beside the database.
#[derive(Debug, Clone, Copy)]
pub enum Destination<'a> {
    /// Written under the command line's `--out` rules (never over the database, nor over an
    /// existing file without `--force`).
    File(&'a Path, &'a crate::io::outfile::OutRules),
    BesideDatabase(&'a Path),
}

/// A letter written and recorded.
#[derive(Debug, Clone)]
pub struct Written {
    pub number: String,
    pub case_id: i64,
    /// The files, text first when both were written.
    pub files: Vec<PathBuf>,
}

/// Which letter: the referral, and what the worker ticked to add to the minimum when the
/// client has not agreed to share her data (`vocab::LETTER_ITEMS`; read only then).
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub referral: i64,
    pub include: &'a [String],
}

/// The one path a referral letter takes, from the screen and from `meja referral letter`:
/// number, compose, write, and record the print in the access log (and, without consent to
/// share, what the letter carried in the case history). A letter the log cannot record is
/// removed again and the error returned: no printed client data nobody can account for.
pub fn write_letter(
    store: &mut Store,
    config: &Config,
    request: Request<'_>,
    staff: &str,
    lang: Lang,
    now: chrono::DateTime<chrono::Local>,
    to: Destination<'_>,
) -> Result<Written> {
    let Request {
        referral: referral_id,
        include,
    } = request;
    let today = now.date_naive();
    let mut loaded = load(store, referral_id, staff, lang)?;
    let case_id = loaded.referral.case_id;
    // Without consent to share, what the worker added to the minimum is part of the record:
    // the history says it, under the letter's number.
    let content: Option<Vec<String>> =
        (!crate::domain::letter::consent_to_share(&loaded.file.intake)).then(|| {
            let mut items: Vec<String> = include.to_vec();
            items.retain(|c| crate::domain::vocab::LETTER_ITEMS.contains(c));
            items
        });
    // The number, the files, the access-log row and the history row in one transaction: a
    // letter that cannot be written uses no number (issue 16), and a letter the log cannot
    // record is removed again — no printed client data nobody can account for.
    let mut composed = None;
    let (_, files) = store.print_letter(
        crate::store::papers::LetterPrint {
            referral_id,
            case_id,
            prefix: &config.office.letter_prefix,
            date: today,
            content: content.as_deref(),
        },
        staff,
        now,
        |number| {
            loaded.referral.letter_number = Some(number.to_string());
            let letter = loaded.compose(config, number, lang, today, include);
            let files = match to {
                Destination::File(out, rules) => {
                    crate::io::outfile::write_new(
                        out,
                        rules,
                        &bytes(&letter, LetterFormat::of(out)),
                    )?;
                    vec![out.to_path_buf()]
                }
                Destination::BesideDatabase(db) => {
                    let (txt, pdf) = write_both(&letter, &letters_dir(db)?)?;
                    vec![txt, pdf]
                }
            };
            let last = files.last().expect("at least one file");
            let detail = format!("surat {} → {}", letter.number, last.display());
            composed = Some(letter.number);
            Ok((files, detail))
        },
    )?;
    Ok(Written {
        number: composed.unwrap_or_default(),
        case_id,
        files,
    })
}
