//! The database file itself: `meja migrate`, `backup`, `restore`, `check` and `demo` (fill a
//! file with synthetic cases).

use std::path::Path;
use std::time::Instant;

use chrono::{Local, NaiveDate};

use super::Env;
use crate::domain::case::Permission;
use crate::error::{Error, Result};
use crate::i18n::{Msg, fill};
use crate::store::Store;
use crate::tasks::demo::{self, DemoOptions};

/// `meja migrate`: the deploy step that brings the schema up to date, once, before staff
/// sessions start.
pub fn run_migrate(env: &Env) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let path = env.db_path()?;
    let (before, after) = Store::migrate_file(&path)?;
    Ok(if before == after {
        fill(Msg::MigrateCurrent.get(lang), &[&after])
    } else {
        fill(Msg::MigrateDone.get(lang), &[&before, &after])
    })
}

/// `meja backup PATH [--encrypt] [--passphrase-file FILE]`.
pub fn run_backup(
    env: &Env,
    out: &Path,
    encrypt: bool,
    passphrase_file: Option<&Path>,
) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let pass = if encrypt || passphrase_file.is_some() {
        Some(
            crate::tasks::backup::passphrase(passphrase_file)?
                .ok_or_else(|| Error::new(Msg::ErrNoPassphrase, &[]))?,
        )
    } else {
        None
    };
    let mut store = Store::open(&env.db_path()?)?;
    let staff = env.actor(&mut store, &config, Permission::Report)?.username;
    let rules = env.out_rules()?;
    let done = crate::tasks::backup::backup(&mut store, out, &rules, pass, &staff, Local::now())?;
    let enc = if done.encrypted {
        Msg::BackupEncrypted.get(lang)
    } else {
        ""
    };
    Ok(fill(
        Msg::BackupDone.get(lang),
        &[&out.display(), &done.cases, &enc],
    ))
}

/// `meja restore PATH [--passphrase-file FILE]` into `--db`.
pub fn run_restore(env: &Env, file: &Path, passphrase_file: Option<&Path>) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let target = env.db_path()?;
    // Replacing a working database is a supervisor's act. A missing or unopenable one (the
    // disaster restore is for) has nobody to sign in against.
    if target.exists()
        && let Ok(mut store) = Store::open(&target)
        && store.staff_count()? > 0
    {
        env.actor(&mut store, &config, Permission::Report)?;
    }
    let pass = crate::tasks::backup::passphrase(passphrase_file)?;
    let r = crate::tasks::backup::restore(file, &target, pass, Local::now())?;
    let mut out = vec![fill(
        Msg::RestoreDone.get(lang),
        &[&file.display(), &target.display(), &r.cases],
    )];
    if let Some(k) = &r.kept {
        out.push(fill(Msg::RestoreKeptOld.get(lang), &[&k.display()]));
    }
    Ok(out.join("\n"))
}

/// `meja check`: the lines to print and whether the database is healthy.
pub fn run_check(env: &Env) -> Result<(String, bool)> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let c = crate::tasks::check::check(&env.db_path()?, lang)?;
    Ok((c.lines.join("\n"), c.healthy()))
}

/// `meja demo`: fills a new (or empty) database file with synthetic cases.
pub fn run_demo_fill(
    env: &Env,
    path: &Path,
    cases: usize,
    agencies: usize,
    seed: u64,
    as_of: Option<NaiveDate>,
) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let started = Instant::now();
    let mut store = Store::open(path)?;
    let as_of = as_of.unwrap_or_else(|| Local::now().date_naive());
    let (c, a) = demo::fill(
        &mut store,
        &config.office.case_prefix,
        DemoOptions {
            cases,
            agencies,
            seed,
            as_of,
        },
    )?;
    let secs = started.elapsed().as_secs_f64();
    Ok(fill(
        Msg::DemoDone.get(lang),
        &[&c, &a, &path.display(), &secs],
    ))
}
