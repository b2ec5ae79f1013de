//! `meja` and `meja --demo`: the terminal app on the configured database or on a throw-away
//! fictional office.

use chrono::Local;

use super::Env;
use crate::config::Config;
use crate::domain::staff::{Role, StaffMember};
use crate::error::Result;
use crate::i18n::Lang;
use crate::store::Store;
use crate::tasks::demo::{self, DemoOptions};
use crate::ui::{self, App, Ctx};

fn run_app(
    mut store: Store,
    config: Config,
    lang: Lang,
    me: StaffMember,
    board: bool,
    demo: bool,
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
    if demo {
        app.set_demo();
    }
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
    let me = crate::identity::app_member(env.user.as_deref(), lang, &mut store, &config)?;
    // Reading the example list parses the region table (2 MB): only when it is needed.
    if !store.directory_seeded()? {
        store.seed_directory(&example_directory(), Local::now())?;
    }
    run_app(store, config, lang, me, env.board, false)
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
            username: crate::identity::staff_identity(env.user.as_deref()),
            display_name: "Demo".into(),
            role: Role::Supervisor,
            active: true,
            has_pin: false,
        };
        store.add_staff(&me, None, Local::now(), &me.username)?;
        let mut config = config.clone();
        config.access.pin = false;
        run_app(store, config, lang, me, env.board, true)
    })();
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    result
}

/// The example directory compiled into meja: fictional agencies of a demo city, clearly
/// marked, so a new office sees how the directory works before it enters its own.
pub fn example_directory() -> Vec<crate::domain::agency::Agency> {
    // A test checks the file reads with no problems, so nothing is lost here.
    crate::io::read_sheet_text(
        "assets/direktori-contoh.csv",
        include_str!("../../assets/direktori-contoh.csv"),
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
