//! `meja case export|import`: one case moved to another UPTD PPA.

use std::path::{Path, PathBuf};

use chrono::Local;
use clap::Subcommand;

use super::Env;
use crate::domain::case::Permission;
use crate::error::{Error, Result};
use crate::i18n::{Msg, fill};
use crate::store::Store;
use crate::tasks::backup::passphrase_from;
use crate::tasks::transfer::PASSPHRASE_ENV;

#[derive(Subcommand)]
pub enum CaseAction {
    /// Tulis satu kasus ke berkas pindah / write one case to a transfer file
    Export {
        number: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Baris pertama berkas ini frasa sandinya / the passphrase is this file's first line
        #[arg(long, value_name = "FILE")]
        passphrase_file: Option<PathBuf>,
        /// Tulis tanpa enkripsi (tidak disarankan) / write it unencrypted (not advised)
        #[arg(long)]
        plain: bool,
    },
    /// Terima kasus dari berkas pindah / receive a case from a transfer file
    Import {
        file: PathBuf,
        /// Baris pertama berkas ini frasa sandinya / the passphrase is this file's first line
        #[arg(long, value_name = "FILE")]
        passphrase_file: Option<PathBuf>,
    },
}

/// `meja case export NUMBER --out FILE [--passphrase-file FILE | --plain]`: encrypted unless
/// `--plain`, which warns on stderr.
pub fn run_case_export(
    env: &Env,
    number: &str,
    out: &Path,
    passphrase_file: Option<&Path>,
    plain: bool,
) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let pass = if plain {
        if passphrase_file.is_some() {
            return Err(Error::new(Msg::ErrTransferPlainAndPass, &[]));
        }
        None
    } else {
        Some(
            passphrase_from(passphrase_file, PASSPHRASE_ENV)?
                .ok_or_else(|| Error::new(Msg::ErrTransferNoPassphrase, &[]))?,
        )
    };
    let mut store = Store::open(&env.db_path()?)?;
    let staff = &env.actor(&mut store, &config, Permission::Report)?.username;
    let n = crate::tasks::transfer::export_case(
        &mut store,
        number,
        out,
        &env.out_rules()?,
        pass,
        &config.office.name,
        staff,
        Local::now(),
    )?;
    let done = fill(Msg::TransferExported.get(lang), &[&n, &out.display()]);
    if plain {
        eprintln!(
            "meja: {}",
            fill(Msg::TransferPlainWarning.get(lang), &[&out.display()])
        );
        Ok(done)
    } else {
        Ok(format!("{done}\n{}", Msg::TransferEncrypted.get(lang)))
    }
}

/// `meja case import FILE [--passphrase-file FILE]`: a plain or an encrypted file.
pub fn run_case_import(env: &Env, file: &Path, passphrase_file: Option<&Path>) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let pass = passphrase_from(passphrase_file, PASSPHRASE_ENV)?;
    let mut store = Store::open(&env.db_path()?)?;
    let staff = &env.actor(&mut store, &config, Permission::Report)?.username;
    let (t, opened) = crate::tasks::transfer::import_case(
        &mut store,
        file,
        pass,
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
