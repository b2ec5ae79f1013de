//! `meja referral letter`: a referral letter written to a file.

use std::path::{Path, PathBuf};

use chrono::Local;
use clap::Subcommand;

use super::Env;
use crate::domain::case::Permission;
use crate::error::Result;
use crate::i18n::{Msg, fill};
use crate::store::Store;

#[derive(Subcommand)]
pub enum ReferralAction {
    /// Tulis surat rujukan (.txt atau .pdf) / write the referral letter
    Letter {
        id: i64,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Tanpa persetujuan berbagi data: tambahan di atas data minimum, dipisah koma /
        /// without consent to share: what to add to the minimum, comma-separated
        /// (nama, umur, nik, alamat, wali, telepon, kekerasan, pelaku, kronologi)
        #[arg(long, value_name = "ITEMS", value_delimiter = ',')]
        include: Vec<String>,
    },
}

/// `meja referral letter ID --out FILE`: text, or PDF when FILE ends in `.pdf`.
pub fn run_referral_letter(env: &Env, id: i64, out: &Path, include: &[String]) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let items = crate::domain::vocab::LETTER_ITEMS;
    let include: Vec<String> = include.iter().map(|c| c.trim().to_lowercase()).collect();
    if let Some(bad) = include.iter().find(|c| !items.contains(c)) {
        let valid: Vec<&str> = items.terms.iter().map(|t| t.code).collect();
        return Err(crate::error::Error::new(
            Msg::ErrLetterItem,
            &[bad, &valid.join(", ")],
        ));
    }
    let mut store = Store::open(&env.db_path()?)?;
    let staff = env.actor(&mut store, &config, Permission::Refer)?.username;
    // Before the letter takes a number: a refused path must not use one up.
    let rules = env.out_rules()?;
    crate::io::outfile::check(out, &rules)?;
    let written = crate::tasks::letters::write_letter(
        &mut store,
        &config,
        crate::tasks::letters::Request {
            referral: id,
            include: &include,
        },
        &staff,
        lang,
        Local::now(),
        crate::tasks::letters::Destination::File(out, &rules),
    )?;
    Ok(fill(
        Msg::RefLetterWrittenTo.get(lang),
        &[&written.number, &out.display()],
    ))
}
