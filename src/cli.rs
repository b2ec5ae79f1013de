//! What the command line does once `main` has parsed it: resolve paths, language and staff
//! identity, then run the app or a subcommand.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{Local, NaiveDate};
use directories::ProjectDirs;

use crate::config::Config;
use crate::demo::{self, DemoOptions};
use crate::domain::access::AccessKind;
use crate::domain::case::Action;
use crate::domain::staff::{Role, StaffMember};
use crate::domain::text::clean_line;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};
use crate::store::Store;
use crate::ui::{self, App, Ctx};

/// Where meja keeps its files when no path is given.
pub fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("id", "UPTD PPA", "meja")
}

pub fn default_db_path() -> Result<PathBuf> {
    let dirs = project_dirs().ok_or_else(|| Error::new(Msg::ErrNoDataDir, &[]))?;
    Ok(dirs.data_dir().join("meja.db"))
}

pub fn default_config_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("config.toml"))
}

/// The worker: `--user`, else the account that ran `sudo`, else the login name.
pub fn staff_identity(flag: Option<&str>) -> String {
    let from_env = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
    let raw = flag
        .map(str::to_string)
        .or_else(|| from_env("SUDO_USER"))
        .or_else(|| from_env("USER"))
        .or_else(|| from_env("LOGNAME"))
        .unwrap_or_else(|| "tidak-dikenal".into());
    let clean = clean_line(raw.trim());
    if clean.is_empty() {
        "tidak-dikenal".into()
    } else {
        clean
    }
}

/// The data folder holds case files: owner-only when meja creates it.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
}

/// Resolved common options.
pub struct Env {
    pub db: Option<PathBuf>,
    pub config_path: Option<PathBuf>,
    pub lang_flag: Option<Lang>,
    pub user: Option<String>,
    /// `--board`: start on the case board instead of the intake.
    pub board: bool,
}

impl Env {
    pub fn config(&self) -> Result<Config> {
        match &self.config_path {
            Some(p) => Config::load(p),
            None => match default_config_path() {
                Some(p) => Config::load(&p),
                None => Ok(Config::default()),
            },
        }
    }

    /// Flag or MEJA_LANG first, then the configuration file, then Indonesian.
    pub fn lang(&self, config: Option<&Config>) -> Lang {
        self.lang_flag
            .or_else(|| config.and_then(Config::lang))
            .unwrap_or_default()
    }

    pub fn db_path(&self) -> Result<PathBuf> {
        match &self.db {
            Some(p) => Ok(p.clone()),
            None => {
                let p = default_db_path()?;
                if let Some(dir) = p.parent() {
                    // Only the default location is created: a mistyped --db folder is an error.
                    create_private_dir(dir)
                        .map_err(|e| Error::new(Msg::ErrDbOpen, &[&p.display(), &e]))?;
                }
                Ok(p)
            }
        }
    }
}

fn run_app(
    mut store: Store,
    config: Config,
    lang: Lang,
    me: StaffMember,
    board: bool,
) -> Result<()> {
    let pin = config.access.pin;
    if !pin {
        // No PIN asked: the login is the sign-in, and it is logged as one.
        store.sign_in(&me.username, None, Local::now(), Default::default())?;
    }
    let ctx = Ctx {
        store,
        staff: me.username,
        role: me.role,
        lang,
        config,
        theme: ui::theme::Theme::from_env(),
        clock: Box::new(Local::now),
    };
    let mut app = App::new(ctx);
    if board {
        let rows = ratatui::crossterm::terminal::size().map_or(24, |(_, h)| h);
        app.start_on_board(rows);
    }
    if pin {
        app.require_sign_in();
    }
    ui::run(app)
}

/// `meja`: the app on the configured database, for the worker at the keyboard.
pub fn run_default(env: &Env) -> Result<()> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let mut store = Store::open(&env.db_path()?)?;
    let me = crate::accounts::app_member(env, &mut store, &config)?;
    // Reading the example list parses the region table (2 MB): only when it is needed.
    if !store.directory_seeded()? {
        store.seed_directory(&example_directory(), Local::now())?;
    }
    run_app(store, config, lang, me, env.board)
}

/// `meja --demo`: the app on a throw-away database with a fictional office.
pub fn run_demo_app(env: &Env) -> Result<()> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let path = std::env::temp_dir().join(format!("meja-demo-{}.db", std::process::id()));
    let result = (|| {
        let mut store = Store::open(&path)?;
        let as_of = Local::now().date_naive();
        demo::fill(
            &mut store,
            &config.office.case_prefix,
            DemoOptions {
                cases: 60,
                agencies: 12,
                seed: 1,
                as_of,
            },
        )?;
        // The demo office has one account, a supervisor with no PIN: it is for looking
        // around, on data that vanishes when it closes.
        let me = StaffMember {
            username: staff_identity(env.user.as_deref()),
            display_name: "Demo".into(),
            role: Role::Supervisor,
            active: true,
            has_pin: false,
        };
        store.add_staff(&me, None, Local::now(), &me.username)?;
        let mut config = config.clone();
        config.access.pin = false;
        run_app(store, config, lang, me, env.board)
    })();
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    result
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

pub fn run_config_init(env: &Env) -> Result<String> {
    let path = match &env.config_path {
        Some(p) => p.clone(),
        None => default_config_path().ok_or_else(|| Error::new(Msg::ErrNoDataDir, &[]))?,
    };
    let written = Config::init(&path)?;
    let lang = env.lang(None);
    Ok(fill(Msg::ConfigWritten.get(lang), &[&written.display()]))
}

/// The example directory compiled into meja: fictional agencies of a demo city, clearly
/// marked, so a new office sees how the directory works before it enters its own.
pub fn example_directory() -> Vec<crate::domain::agency::Agency> {
    // A test checks the file reads with no problems, so nothing is lost here.
    crate::io::read_sheet_text(
        "assets/direktori-contoh.csv",
        include_str!("../assets/direktori-contoh.csv"),
    )
    .map(|p| p.agencies)
    .unwrap_or_default()
    .into_iter()
    .map(|mut a| {
        a.example = true;
        a
    })
    .collect()
}

/// `meja agencies import PATH [--dry-run]`: what each agency in the file does to the
/// directory, row by row, then the totals.
pub fn run_agencies_import(env: &Env, path: &Path, dry_run: bool) -> Result<String> {
    use crate::store::agencies::Outcome;
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let parsed = crate::io::read_directory(path)?;
    let mut store = Store::open(&env.db_path()?)?;
    crate::accounts::actor_for(env, &mut store, &config, Action::ManageDirectory)?;
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
        &[&added, &updated, &same, &parsed.problems.len()],
    ));
    Ok(out.join("\n"))
}

/// `meja agencies export --format hsds|csv --out PATH`.
pub fn run_agencies_export(env: &Env, format: crate::io::Format, out: &Path) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let mut store = Store::open(&env.db_path()?)?;
    crate::accounts::actor_for(env, &mut store, &config, Action::OpenIntake)?;
    let agencies = store.agencies()?;
    crate::io::write_directory(format, &agencies, out, lang)?;
    Ok(fill(
        Msg::ExportDone.get(lang),
        &[&agencies.len(), &out.display()],
    ))
}

/// `meja referral letter ID --out FILE`: text, or PDF when FILE ends in `.pdf`.
pub fn run_referral_letter(env: &Env, id: i64, out: &Path) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let mut store = Store::open(&env.db_path()?)?;
    let staff = crate::accounts::actor_for(env, &mut store, &config, Action::Refer)?.username;
    let letter = crate::letters::build(
        &mut store,
        &config,
        id,
        &staff,
        lang,
        Local::now().date_naive(),
    )?;
    let format = crate::letters::LetterFormat::of(out);
    crate::letters::write_private(out, &crate::letters::bytes(&letter, format))?;
    let case_id = store.referral(id)?.map(|r| r.case_id);
    let detail = format!("surat {} → {}", letter.number, out.display());
    store.log_access(Local::now(), &staff, AccessKind::Print, case_id, &detail)?;
    Ok(fill(
        Msg::RefLetterWrittenTo.get(lang),
        &[&letter.number, &out.display()],
    ))
}

// ---- Reports, exports, backups, check and case transfer (issue #6) -----------------------
//
// Each command takes the acting worker as `staff` from `staff_identity`: the one place a
// role check (supervisors only for reports and exports) plugs in.

/// A date from the command line, day first or ISO; `flag` names it in the error.
pub fn parse_cli_date(flag: &str, text: &str) -> Result<NaiveDate> {
    crate::domain::validate::parse_date(text, NaiveDate::MAX)
        .map_err(|_| Error::new(Msg::ErrDateArg, &[&flag, &text]))
}

/// The period from `--from`/`--to`; each missing end defaults to last month's.
fn period(from: Option<&str>, to: Option<&str>) -> Result<(NaiveDate, NaiveDate)> {
    let (dfrom, dto) = crate::domain::report::last_month(Local::now().date_naive());
    let from = from
        .map(|s| parse_cli_date("--from", s))
        .transpose()?
        .unwrap_or(dfrom);
    let to = to
        .map(|s| parse_cli_date("--to", s))
        .transpose()?
        .unwrap_or(dto);
    if from > to {
        return Err(Error::new(
            Msg::ErrPeriod,
            &[
                &crate::domain::validate::format_date(from),
                &crate::domain::validate::format_date(to),
            ],
        ));
    }
    Ok((from, to))
}

/// `meja report [--from DATE] [--to DATE] [--format text|csv|json] [--out PATH]`.
pub fn run_report(
    env: &Env,
    from: Option<&str>,
    to: Option<&str>,
    format: crate::io::report::ReportFormat,
    out: Option<&Path>,
) -> Result<String> {
    use crate::io::report::{self, ReportFormat};
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let (from, to) = period(from, to)?;
    let mut store = Store::open(&env.db_path()?)?;
    let staff = &crate::accounts::actor_for(env, &mut store, &config, Action::Report)?.username;
    let now = Local::now();
    let r = store.report(from, to, &config.targets, now.date_naive())?;
    let trend = store.trend(to)?;
    let office = config.office.name.as_str();
    let (bytes, name) = match format {
        ReportFormat::Text => (report::text(&r, &trend, office, lang).into_bytes(), "teks"),
        ReportFormat::Csv => (report::csv(&r, lang), "csv"),
        ReportFormat::Json => (report::json(&r, &trend, office, lang).into_bytes(), "json"),
    };
    let detail = format!(
        "laporan {name} {from}..{to}{}",
        out.map(|p| format!(" → {}", p.display()))
            .unwrap_or_default()
    );
    store.log_access(
        now,
        staff,
        crate::domain::access::AccessKind::Print,
        None,
        &detail,
    )?;
    match out {
        Some(p) => {
            crate::io::export::write_private(p, &bytes)?;
            Ok(String::new())
        }
        None => Ok(String::from_utf8_lossy(&bytes).into_owned()),
    }
}

/// `meja export --format csv|json --out PATH [--from] [--to] [--deidentified] [--excel-id]`.
#[allow(clippy::too_many_arguments)]
pub fn run_export(
    env: &Env,
    format: crate::io::export::ExportFormat,
    out: &Path,
    from: Option<&str>,
    to: Option<&str>,
    deidentified: bool,
) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let from = from.map(|s| parse_cli_date("--from", s)).transpose()?;
    let to = to.map(|s| parse_cli_date("--to", s)).transpose()?;
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        use crate::domain::validate::format_date;
        return Err(Error::new(
            Msg::ErrPeriod,
            &[&format_date(f), &format_date(t)],
        ));
    }
    let mut store = Store::open(&env.db_path()?)?;
    let staff = &crate::accounts::actor_for(env, &mut store, &config, Action::Report)?.username;
    // Streamed: each case goes to the file as it is read, so memory does not grow with the
    // database (issue 21).
    let io_err = |e: std::io::Error| Error::new(Msg::ErrWriteFile, &[&out.display(), &e]);
    let (rows, cases) = crate::io::export::write_private_with(out, |w| {
        let mut x =
            crate::io::export::ExportWriter::new(w, format, deidentified).map_err(io_err)?;
        let mut cases = 0usize;
        store.export_each(from, to, |c| {
            cases += 1;
            x.add(&c).map_err(io_err)
        })?;
        let (_, rows) = x.finish().map_err(io_err)?;
        Ok((rows, cases))
    })?;
    let span = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let detail = format!(
        "ekspor {:?}{} {}..{} → {} ({} baris, {} kasus)",
        format,
        if deidentified { " tanpa-identitas" } else { "" },
        span(from),
        span(to),
        out.display(),
        rows,
        cases
    );
    if let Err(e) = store.log_access(
        Local::now(),
        staff,
        crate::domain::access::AccessKind::Export,
        None,
        &detail,
    ) {
        // An export nobody can account for must not stay on disk.
        let _ = std::fs::remove_file(out);
        return Err(e);
    }
    let note = if deidentified {
        Msg::CaseExportDeidentified.get(lang)
    } else {
        ""
    };
    Ok(fill(
        Msg::CaseExportDone.get(lang),
        &[&rows, &cases, &out.display(), &note],
    ))
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
            crate::backup::passphrase(passphrase_file)?
                .ok_or_else(|| Error::new(Msg::ErrNoPassphrase, &[]))?,
        )
    } else {
        None
    };
    let mut store = Store::open(&env.db_path()?)?;
    let staff = crate::accounts::actor_for(env, &mut store, &config, Action::Report)?.username;
    let done = crate::backup::backup(&mut store, out, pass, &staff, Local::now())?;
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
        crate::accounts::actor_for(env, &mut store, &config, Action::Report)?;
    }
    let pass = crate::backup::passphrase(passphrase_file)?;
    let r = crate::backup::restore(file, &target, pass, Local::now())?;
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
    let c = crate::check::check(&env.db_path()?, lang)?;
    Ok((c.lines.join("\n"), c.healthy()))
}

/// `meja case export NUMBER --out FILE`.
pub fn run_case_export(env: &Env, number: &str, out: &Path) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let mut store = Store::open(&env.db_path()?)?;
    let staff = &crate::accounts::actor_for(env, &mut store, &config, Action::Report)?.username;
    let n = crate::transfer::export_case(
        &mut store,
        number,
        out,
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
    let staff = &crate::accounts::actor_for(env, &mut store, &config, Action::Report)?.username;
    let (t, opened) = crate::transfer::import_case(
        &mut store,
        file,
        &config.office.case_prefix,
        staff,
        Local::now(),
        lang,
    )?;
    Ok(fill(
        Msg::TransferImported.get(lang),
        &[&t.case.number, &t.office, &opened.number],
    ))
}
