//! `meja agencies import|export`: the agency directory in and out of files.

use std::path::{Path, PathBuf};

use chrono::Local;
use clap::Subcommand;

use super::Env;
use crate::domain::case::Permission;
use crate::domain::text::clean_line;
use crate::error::{Error, Result};
use crate::i18n::{Msg, fill};
use crate::store::Store;

#[derive(Subcommand)]
pub enum AgencyAction {
    /// Impor HSDS (folder/datapackage.json) atau CSV / import HSDS or CSV
    Import {
        path: PathBuf,
        /// Tampilkan saja, jangan tulis / report only, write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Ekspor direktori / export the directory
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    Hsds,
    Csv,
}

/// `meja agencies import PATH [--dry-run]`: what each agency in the file does to the
/// directory, row by row, then the totals.
pub fn run_agencies_import(env: &Env, path: &Path, dry_run: bool) -> Result<String> {
    use crate::store::agencies::Outcome;
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    // A path that is not there is said before the PIN is asked.
    if !path.exists() {
        return Err(Error::new(Msg::ErrDirNotFound, &[&path.display()]));
    }
    let mut store = Store::open(&env.db_path()?)?;
    // Signed in before the file is read: the PIN check's memory (Argon2) is given back before
    // the file's is taken, so the two never add up.
    env.actor(&mut store, &config, Permission::ManageDirectory)?;
    let parsed = crate::io::read_directory(path)?;
    let outcomes = store.import_agencies(&parsed.agencies, dry_run, Local::now())?;
    let mut out = Vec::new();
    let (mut added, mut updated, mut same) = (0, 0, 0);
    for (a, o) in parsed.agencies.iter().zip(&outcomes) {
        let name = clean_line(&a.name);
        out.push(match o {
            Outcome::Added => {
                added += 1;
                fill(Msg::ImportAdded.get(lang), &[&name])
            }
            Outcome::Updated(fields) => {
                updated += 1;
                fill(Msg::ImportUpdated.get(lang), &[&name, &fields.join(", ")])
            }
            Outcome::Unchanged => {
                same += 1;
                fill(Msg::ImportUnchanged.get(lang), &[&name])
            }
        });
    }
    for p in &parsed.notices {
        out.push(fill(
            Msg::ImportNotice.get(lang),
            &[&p.file, &p.line, &p.reason.render(lang)],
        ));
    }
    for p in &parsed.problems {
        out.push(fill(
            Msg::ImportSkipped.get(lang),
            &[&p.file, &p.line, &p.reason.render(lang)],
        ));
    }
    let total = if dry_run {
        Msg::ImportTotalDry
    } else {
        Msg::ImportTotal
    };
    out.push(fill(
        total.get(lang),
        &[&added, &updated, &same, &parsed.skipped_rows()],
    ));
    Ok(out.join("\n"))
}

/// `meja agencies export --format hsds|csv --out PATH`.
pub fn run_agencies_export(env: &Env, format: crate::io::Format, out: &Path) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let mut store = Store::open(&env.db_path()?)?;
    env.actor(&mut store, &config, Permission::OpenIntake)?;
    let agencies = store.agencies()?;
    crate::io::write_directory(format, &agencies, out, lang, &env.out_rules()?)?;
    Ok(fill(
        Msg::ExportDone.get(lang),
        &[&agencies.len(), &out.display()],
    ))
}
