//! The database file itself: `meja migrate`, `backup`, `restore`, `check` and `demo` (fill a
//! file with synthetic cases).

use std::path::Path;
use std::time::Instant;

use chrono::{Local, NaiveDate};

use super::Env;
use crate::domain::access::AccessKind;
use crate::domain::case::Permission;
use crate::error::{Error, Result};
use crate::i18n::{Msg, fill};
use crate::store::Store;
use crate::tasks::demo::{self, DemoOptions};

/// `meja migrate [--backup FILE [--passphrase-file FILE]]`: the deploy step that brings the
/// schema up to date, once, before staff sessions start. With `--backup`, a database that
/// already holds data is first copied, checked, to FILE as it is: the package's upgrade step,
/// so a migration that goes wrong never costs a case.
pub fn run_migrate(
    env: &Env,
    backup: Option<&Path>,
    passphrase_file: Option<&Path>,
) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let path = env.db_path()?;
    let mut out = Vec::new();
    let mut saved = None;
    if let Some(file) = backup
        && std::fs::metadata(&path).is_ok_and(|m| m.len() > 0)
    {
        let pass = crate::tasks::backup::passphrase(passphrase_file)?;
        let rules = env.out_rules()?;
        let done = crate::tasks::backup::backup_before_migrate(&path, file, &rules, pass)?;
        let enc = if done.encrypted {
            Msg::BackupEncrypted.get(lang)
        } else {
            ""
        };
        out.push(fill(
            Msg::BackupDone.get(lang),
            &[&file.display(), &done.cases, &enc],
        ));
        saved = Some((file, done));
    }
    let (before, after) = Store::migrate_file(&path)?;
    if let Some((file, done)) = saved {
        // Logged once the database opens at its new schema, under the system account.
        let mut store = Store::open(&path)?;
        let who = crate::identity::system_actor()?;
        store.log_access(
            Local::now(),
            &who,
            AccessKind::Export,
            None,
            &done.log_detail(file),
        )?;
    }
    out.push(if before == after {
        fill(Msg::MigrateCurrent.get(lang), &[&after])
    } else {
        fill(Msg::MigrateDone.get(lang), &[&before, &after])
    });
    Ok(out.join("\n"))
}

/// `meja backup PATH [--encrypt] [--passphrase-file FILE] [--unattended]`.
pub fn run_backup(
    env: &Env,
    out: &Path,
    encrypt: bool,
    passphrase_file: Option<&Path>,
    unattended: bool,
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
    let staff = if unattended {
        crate::identity::system_actor()?
    } else {
        env.actor(&mut store, &config, Permission::Report)?.username
    };
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
    let mut c = crate::tasks::check::check(&env.db_path()?, lang)?;
    if config.office.timezone.is_empty() && crate::clock::local_is_utc() {
        // A warning, not a fault: the database is sound, and the nightly backup's check
        // must not fail for it.
        let at = c.lines.len().saturating_sub(1);
        c.lines
            .insert(at, Msg::CheckServerUtc.get(lang).to_string());
    }
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
