//! `meja case export|import`: one case moved to another UPTD PPA.

use std::path::{Path, PathBuf};

use chrono::Local;
use clap::Subcommand;

use super::Env;
use crate::domain::case::Permission;
use crate::error::Result;
use crate::i18n::{Msg, fill};
use crate::store::Store;

#[derive(Subcommand)]
pub enum CaseAction {
    /// Tulis satu kasus ke berkas pindah / write one case to a transfer file
    Export {
        number: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Terima kasus dari berkas pindah / receive a case from a transfer file
    Import { file: PathBuf },
}

/// `meja case export NUMBER --out FILE`.
pub fn run_case_export(env: &Env, number: &str, out: &Path) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let mut store = Store::open(&env.db_path()?)?;
    let staff = &env.actor(&mut store, &config, Permission::Report)?.username;
    let n = crate::tasks::transfer::export_case(
        &mut store,
        number,
        out,
        &env.out_rules()?,
        &config.office.name,
        staff,
        Local::now(),
    )?;
    Ok(fill(Msg::TransferExported.get(lang), &[&n, &out.display()]))
}

/// `meja case import FILE`.
pub fn run_case_import(env: &Env, file: &Path) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let mut store = Store::open(&env.db_path()?)?;
    let staff = &env.actor(&mut store, &config, Permission::Report)?.username;
    let (t, opened) = crate::tasks::transfer::import_case(
        &mut store,
        file,
        &config.office.case_prefix,
        staff,
        Local::now(),
        lang,
    )?;
    let mut out = fill(
        Msg::TransferImported.get(lang),
        &[&t.case.number, &t.office, &opened.number],
    );
    let others: Vec<&str> = t.other_people().map(|p| p.role.as_str()).collect();
    if !others.is_empty() {
        out.push('\n');
        out.push_str(&fill(
            Msg::TransferOtherPeople.get(lang),
            &[&others.len(), &others.join(", ")],
        ));
    }
    Ok(out)
}
