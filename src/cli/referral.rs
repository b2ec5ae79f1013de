//! `meja referral letter`: a referral letter written to a file.

use std::path::{Path, PathBuf};

use chrono::Local;
use clap::Subcommand;

use super::Env;
use crate::domain::access::AccessKind;
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
    },
}

/// `meja referral letter ID --out FILE`: text, or PDF when FILE ends in `.pdf`.
pub fn run_referral_letter(env: &Env, id: i64, out: &Path) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let mut store = Store::open(&env.db_path()?)?;
    let staff = env.actor(&mut store, &config, Permission::Refer)?.username;
    // Before the letter takes a number: a refused path must not use one up.
    let rules = env.out_rules()?;
    crate::io::outfile::check(out, &rules)?;
    let letter = crate::tasks::letters::build(
        &mut store,
        &config,
        id,
        &staff,
        lang,
        Local::now().date_naive(),
    )?;
    let format = crate::tasks::letters::LetterFormat::of(out);
    crate::io::outfile::write_new(out, &rules, &crate::tasks::letters::bytes(&letter, format))?;
    let case_id = store.referral(id)?.map(|r| r.case_id);
    let detail = format!("surat {} → {}", letter.number, out.display());
    store.log_access(Local::now(), &staff, AccessKind::Print, case_id, &detail)?;
    Ok(fill(
        Msg::RefLetterWrittenTo.get(lang),
        &[&letter.number, &out.display()],
    ))
}
