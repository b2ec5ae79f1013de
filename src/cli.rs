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
