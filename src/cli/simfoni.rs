//! `meja simfoni`: the month-end list of victims still to enter into SIMFONI-PPA (or changed
//! since), one victim's SIMFONI sheet, and the mark "diinput ke SIMFONI". Reporting work: a
//! role with the report permission, and every print in the access log.

use std::path::Path;

use chrono::Local;

use super::Env;
use crate::domain::access::AccessKind;
use crate::domain::case::Permission;
use crate::domain::report::{last_day, parse_month};
use crate::error::{Error, Result};
use crate::i18n::{Msg, fill};
use crate::store::Store;
use crate::tasks::simfoni::{SheetFormat, load, print};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SimfoniFormat {
    Text,
    Csv,
    Pdf,
}

impl SimfoniFormat {
    fn word(self) -> &'static str {
        match self {
            SimfoniFormat::Text => "text",
            SimfoniFormat::Csv => "csv",
            SimfoniFormat::Pdf => "pdf",
        }
    }
}

/// What `meja simfoni` was asked.
pub struct SimfoniArgs<'a> {
    pub month: Option<&'a str>,
    pub case: Option<&'a str>,
    /// From 1, as the case file numbers victims.
    pub victim: usize,
    pub mark: bool,
    pub reference: Option<&'a str>,
    pub format: SimfoniFormat,
    pub out: Option<&'a Path>,
}

pub fn run_simfoni(env: &Env, a: &SimfoniArgs<'_>) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    match (a.month, a.case) {
        (Some(month), None) => {
            let m = parse_month(month).ok_or_else(|| Error::new(Msg::ErrMonthArg, &[&month]))?;
            if a.format == SimfoniFormat::Pdf {
                return Err(Error::new(
                    Msg::ErrSimfoniFormat,
                    &[&a.format.word(), &Msg::SimWordList.get(lang)],
                ));
            }
            let mut store = Store::open(&env.db_path()?)?;
            let staff = env.actor(&mut store, &config, Permission::Report)?.username;
            let rules = env.out_rules()?;
            if let Some(p) = a.out {
                crate::io::outfile::check(p, &rules)?;
            }
            let day = last_day(m);
            let rows = store.simfoni_outstanding(day)?;
            let bytes = match a.format {
                SimfoniFormat::Csv => crate::io::simfoni::month_csv(&rows, lang),
                _ => crate::io::simfoni::month_text(&rows, day, lang).into_bytes(),
            };
            let detail = format!(
                "daftar SIMFONI {:02}-{}{}",
                m.month,
                m.year,
                a.out
                    .map(|p| format!(" → {}", p.display()))
                    .unwrap_or_default()
            );
            store.log_access(Local::now(), &staff, AccessKind::Print, None, &detail)?;
            match a.out {
                Some(p) => {
                    crate::io::outfile::write_new(p, &rules, &bytes)?;
                    Ok(String::new())
                }
                None => Ok(String::from_utf8_lossy(&bytes).into_owned()),
            }
        }
        (None, Some(number)) => {
            if a.format == SimfoniFormat::Csv {
                return Err(Error::new(
                    Msg::ErrSimfoniFormat,
                    &[&a.format.word(), &Msg::SimWordSheet.get(lang)],
                ));
            }
            if a.format == SimfoniFormat::Pdf && a.out.is_none() {
                return Err(Error::new(Msg::ErrPdfNeedsOut, &[]));
            }
            let mut store = Store::open(&env.db_path()?)?;
            let staff = env.actor(&mut store, &config, Permission::Report)?.username;
            let id = store
                .find_case_number(number)?
                .ok_or_else(|| Error::new(Msg::ErrNoCase, &[&number]))?;
            let victim = a
                .victim
                .checked_sub(1)
                .ok_or_else(|| Error::new(Msg::ErrNoVictim, &[&number, &a.victim]))?;
            let no_victim = || Error::new(Msg::ErrNoVictim, &[&number, &a.victim]);
            let now = Local::now();
            if a.mark {
                if !store.mark_simfoni(id, victim, a.reference.unwrap_or(""), &staff, now)? {
                    return Err(no_victim());
                }
                return Ok(fill(Msg::SimMarked.get(lang), &[&number, &a.victim]));
            }
            let sheet = load(&store, id, victim, lang)?.ok_or_else(no_victim)?;
            let format = match a.format {
                SimfoniFormat::Pdf => SheetFormat::Pdf,
                _ => SheetFormat::Text,
            };
            let rules = env.out_rules()?;
            let data = print(
                &mut store,
                &sheet,
                format,
                a.out.map(|p| (p, &rules)),
                &staff,
                lang,
                now,
            )?;
            match a.out {
                Some(p) => Ok(fill(
                    Msg::SimSheetWritten.get(lang),
                    &[&number, &a.victim, &p.display()],
                )),
                None => Ok(String::from_utf8_lossy(&data).into_owned()),
            }
        }
        _ => Err(Error::new(Msg::ErrSimfoniArgs, &[])),
    }
}
