//! `meja print KIND CASE --out FILE`: one of the papers an office signs (issue 19), written
//! by the same path as the case file's keys (`tasks::papers`).

use std::path::Path;

use chrono::Local;

use super::Env;
use crate::domain::case::Permission;
use crate::domain::paper::{Copy, Kind};
use crate::error::{Error, Result};
use crate::i18n::{Msg, fill, paper_kind_label};
use crate::store::Store;
use crate::tasks::papers::{Format, Request, print};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PaperFormat {
    Text,
    Pdf,
}

/// What `meja print` was asked.
pub struct PrintArgs<'a> {
    pub kind: &'a str,
    pub case: &'a str,
    pub out: &'a Path,
    pub format: Option<PaperFormat>,
    pub copy: Option<&'a str>,
    pub chronology: bool,
}

fn known_kinds() -> String {
    Kind::ALL.map(Kind::code).join(", ")
}

pub fn run_print(env: &Env, a: &PrintArgs<'_>) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let kind = Kind::from_code(a.kind)
        .ok_or_else(|| Error::new(Msg::ErrPaperKind, &[&a.kind, &known_kinds()]))?;
    let copy = match a.copy {
        None => Copy::Office,
        Some(_) if !kind.has_copies() => {
            return Err(Error::new(Msg::ErrPaperNoCopies, &[&kind.code()]));
        }
        Some(c) => Copy::from_code(c).ok_or_else(|| Error::new(Msg::ErrPaperCopy, &[&c]))?,
    };
    let mut store = Store::open(&env.db_path()?)?;
    let staff = env
        .actor(&mut store, &config, Permission::RecordService)?
        .username;
    let rules = env.out_rules()?;
    // A refused path is told before anything else is looked at.
    crate::io::outfile::check(a.out, &rules)?;
    let id = store
        .find_case_number(a.case)?
        .ok_or_else(|| Error::new(Msg::ErrNoCase, &[&a.case]))?;
    let format = a.format.map(|f| match f {
        PaperFormat::Text => Format::Text,
        PaperFormat::Pdf => Format::Pdf,
    });
    let printed = print(
        &mut store,
        &config,
        id,
        Request {
            kind,
            copy,
            chronology: a.chronology,
        },
        &staff,
        lang,
        Local::now(),
        a.out,
        &rules,
        format,
    )?;
    let name = paper_kind_label(kind, lang);
    Ok(match &printed.number {
        Some(n) => fill(
            Msg::PaperWrittenNumbered.get(lang),
            &[&name, n, &printed.file.display()],
        ),
        None => fill(
            Msg::PaperWrittenTo.get(lang),
            &[&name, &printed.file.display()],
        ),
    })
}
