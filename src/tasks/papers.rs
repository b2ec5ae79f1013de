//! Printing a paper (issue 19): gather what its kind reads from the store, compose it
//! (`domain::paper`), and write it as text or PDF (`io/pdf.rs`, the letters' writer) under the
//! `--out` rules, numbered where offices number it and recorded in the access log — one path
//! for the case file's keys and `meja print`.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, NaiveDate};

use crate::config::Config;
use crate::domain::case::{CaseFile, Stage};
use crate::domain::legal::Step;
use crate::domain::letter::{Letter, Sender, Signatory};
use crate::domain::paper::{self, Copy, GivenLine, Kind, PaperInput, Refusal};
use crate::domain::plan::Doer;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::io::outfile::{OutFile, OutRules};
use crate::store::Store;
use crate::store::papers::Numbering;

/// Which paper, which copy, and whether the chronology goes in where it is optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    pub kind: Kind,
    pub copy: Copy,
    pub chronology: bool,
}

impl Request {
    pub fn new(kind: Kind) -> Request {
        Request {
            kind,
            copy: Copy::Office,
            chronology: false,
        }
    }
}

/// Text or PDF: asked for, or by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Pdf,
}

impl Format {
    pub fn of(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("pdf") => Format::Pdf,
            _ => Format::Text,
        }
    }
}

/// A paper printed: its register number where it has one, and the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printed {
    pub number: Option<String>,
    pub file: PathBuf,
}

/// What a case's papers are written from, read once.
struct Facts {
    file: CaseFile,
    referrals: Vec<crate::domain::referral::Referral>,
    given: Vec<GivenLine>,
    legal: Vec<crate::domain::legal::LegalEvent>,
    mediation: Vec<crate::domain::legal::MediationRecord>,
    stages: Vec<(NaiveDate, Stage)>,
    closure: Option<(NaiveDate, String)>,
    contact: String,
    role: String,
}

fn display_name(store: &Store, username: &str) -> Result<String> {
    Ok(store
        .staff_member(username)?
        .map(|m| m.display_name.trim().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| username.to_string()))
}

fn facts(store: &Store, case_id: i64, staff: &str, lang: Lang) -> Result<Option<Facts>> {
    let Some(file) = store.case_file(case_id)? else {
        return Ok(None);
    };
    let member = store.staff_member(staff)?;
    let contact = member
        .as_ref()
        .map(|m| m.display_name.trim().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| staff.to_string());
    let role = member
        .map(|m| {
            crate::domain::vocab::ROLES
                .label(m.role.code(), lang)
                .to_string()
        })
        .unwrap_or_default();
    let mut given = Vec::new();
    for g in store.services_given(case_id)? {
        let by = match &g.given_by {
            Doer::Staff(u) => display_name(store, u)?,
            Doer::Agency(id) => store.agency(*id)?.map(|a| a.name).unwrap_or_default(),
        };
        given.push(GivenLine {
            date: g.date,
            service: g.service,
            by,
        });
    }
    // The stage moves as the history has them: every row on the field `tahap` names the
    // stage entered.
    let stages = file
        .history
        .iter()
        .filter(|h| h.field.as_deref() == Some("tahap"))
        .filter_map(|h| {
            let day = NaiveDate::parse_from_str(h.at.get(..10)?, "%Y-%m-%d").ok()?;
            Some((day, Stage::from_code(h.new.as_deref()?)?))
        })
        .collect();
    Ok(Some(Facts {
        referrals: store.referrals_of(case_id)?,
        given,
        legal: store.legal_events(case_id)?,
        mediation: store.mediation_records(case_id)?,
        closure: store.closure_of(case_id)?,
        stages,
        file,
        contact,
        role,
    }))
}

fn input<'a>(
    f: &'a Facts,
    config: &'a Config,
    r: Request,
    number: Option<&'a str>,
    lang: Lang,
    today: NaiveDate,
) -> PaperInput<'a> {
    let o = &config.office;
    let head = (!o.head_name.is_empty()).then(|| Signatory {
        name: &o.head_name,
        title: &o.head_title,
        nip: &o.head_nip,
    });
    PaperInput {
        lang,
        words: crate::i18n::paper_word,
        letter_words: crate::i18n::letter_word,
        sender: Sender {
            office: &o.name,
            letterhead: &o.letterhead,
            city: &o.city,
            phone: &o.phone,
            contact: &f.contact,
            contact_role: &f.role,
            head,
        },
        number,
        date: today,
        case_number: &f.file.card.number,
        opened: f.file.card.opened,
        case: &f.file.intake,
        copy: if r.kind.has_copies() {
            r.copy
        } else {
            Copy::Office
        },
        chronology: r.chronology && r.kind.chronology_optional(),
        referrals: &f.referrals,
        given: &f.given,
        legal: &f.legal,
        mediation: &f.mediation,
        stages: &f.stages,
        closure: f.closure.clone(),
    }
}

fn refused(r: Refusal, case_number: &str) -> Error {
    match r {
        Refusal::NoAgreement => Error::new(Msg::ErrPaperNoAgreement, &[&case_number]),
        Refusal::NotClosed => Error::new(Msg::ErrPaperNotClosed, &[&case_number]),
    }
}

/// Which register entry a numbered paper takes: one per mediation agreement, one final
/// report per case.
fn subject(kind: Kind, f: &Facts) -> i64 {
    match kind {
        Kind::BaMediasi => f
            .mediation
            .iter()
            .rev()
            .find(|m| matches!(m.step, Step::Kesepakatan { .. }))
            .map_or(0, |m| m.id),
        _ => 0,
    }
}

/// The paper composed, without a number taken or anything logged: for the tests and a
/// preview. A numbered paper shows the number it was given before, if any.
pub fn compose(
    store: &Store,
    config: &Config,
    case_id: i64,
    r: Request,
    staff: &str,
    lang: Lang,
    today: NaiveDate,
) -> Result<Letter> {
    let f = facts(store, case_id, staff, lang)?
        .ok_or_else(|| Error::new(Msg::ErrNoCase, &[&case_id]))?;
    let before = store.paper_number(case_id, r.kind.code(), subject(r.kind, &f))?;
    paper::compose(
        r.kind,
        &input(&f, config, r, before.as_deref(), lang, today),
    )
    .map_err(|e| refused(e, &f.file.card.number))
}

pub fn bytes(letter: &Letter, kind: Kind, format: Format, lang: Lang) -> Vec<u8> {
    match format {
        Format::Text => letter.to_text(78).into_bytes(),
        Format::Pdf => crate::io::pdf::document_pdf(
            &format!(
                "{} {}",
                crate::i18n::paper_kind_label(kind, lang),
                letter.number
            ),
            &letter.blocks,
        ),
    }
}

/// Prints paper `r` of case `case_id` to `out` (a new 0600 file under `rules`), as text or
/// PDF, and records it. A paper that cannot be written for the case yet (no mediation
/// agreement, not closed), a path the rules refuse, or a failed write takes no number.
#[allow(clippy::too_many_arguments)]
pub fn print(
    store: &mut Store,
    config: &Config,
    case_id: i64,
    r: Request,
    staff: &str,
    lang: Lang,
    now: DateTime<Local>,
    out: &Path,
    rules: &OutRules,
    format: Option<Format>,
) -> Result<Printed> {
    let today = now.date_naive();
    let f = facts(store, case_id, staff, lang)?
        .ok_or_else(|| Error::new(Msg::ErrNoCase, &[&case_id]))?;
    let case_number = f.file.card.number.clone();
    // Refusals and a bad path before a number is taken.
    paper::compose(r.kind, &input(&f, config, r, None, lang, today))
        .map_err(|e| refused(e, &case_number))?;
    crate::io::outfile::check(out, rules)?;
    let format = format.unwrap_or_else(|| Format::of(out));
    let subject = subject(r.kind, &f);
    let numbering = r.kind.numbered().then_some(Numbering {
        case_id,
        kind: r.kind.code(),
        subject,
        prefix: &config.office.letter_prefix,
        date: today,
    });
    let (number, _) = store.print_paper(case_id, numbering, staff, now, |number| {
        let letter = paper::compose(r.kind, &input(&f, config, r, number, lang, today))
            .map_err(|e| refused(e, &case_number))?;
        let data = bytes(&letter, r.kind, format, lang);
        let mut file = OutFile::create(out, rules)?;
        file.write_all(&data)
            .map_err(|e| Error::new(Msg::ErrWriteFile, &[&out.display(), &e]))?;
        file.commit()?;
        let mut detail = format!("kertas {}", r.kind.code());
        if r.kind.has_copies() {
            detail.push_str(&format!(" salinan {}", r.copy.code()));
        }
        if let Some(n) = number {
            detail.push_str(&format!(" nomor {n}"));
        }
        detail.push_str(&format!(" → {}", out.display()));
        Ok((vec![out.to_path_buf()], detail))
    })?;
    Ok(Printed {
        number,
        file: out.to_path_buf(),
    })
}
