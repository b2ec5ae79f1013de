//! Shared helpers for integration tests: an app on a temp database with a fixed clock, key
//! helpers, and rendering into ratatui's TestBackend.
#![allow(dead_code)]

#[cfg(unix)]
pub mod pty;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{Local, TimeZone};
use meja::config::Config;
use meja::domain::staff::Role;
use meja::i18n::Lang;
use meja::store::Store;
use meja::ui::theme::Theme;
use meja::ui::{App, Ctx};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

pub struct TestApp {
    pub app: App,
    pub dir: tempfile::TempDir,
}

pub fn db_path(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("meja.db")
}

pub fn app_on(path: &Path, lang: Lang, staff: &str) -> App {
    app_with(path, lang, staff, Config::default())
}

pub fn app_with(path: &Path, lang: Lang, staff: &str, config: Config) -> App {
    let store = Store::open(path).expect("open store");
    let ctx = Ctx {
        store,
        staff: staff.into(),
        role: Role::Supervisor,
        lang,
        config,
        theme: Theme { color: true },
        clock: Box::new(|| Local.with_ymd_and_hms(2026, 11, 23, 10, 15, 0).unwrap()),
    };
    App::new(ctx)
}

/// An app for `staff` in `role`, with `config`.
pub fn app_as(path: &Path, staff: &str, role: Role, config: Config) -> App {
    let ctx = Ctx {
        store: Store::open(path).expect("open store"),
        staff: staff.into(),
        role,
        lang: Lang::Id,
        config,
        theme: Theme { color: false },
        clock: Box::new(|| Local.with_ymd_and_hms(2026, 11, 23, 10, 15, 0).unwrap()),
    };
    App::new(ctx)
}

/// An app whose clock stands at `at`.
pub fn app_at(path: &Path, at: chrono::DateTime<Local>) -> App {
    let ctx = Ctx {
        store: Store::open(path).expect("open store"),
        staff: "ani".into(),
        role: Role::Supervisor,
        lang: Lang::Id,
        config: Config::default(),
        theme: Theme { color: true },
        clock: Box::new(move || at),
    };
    App::new(ctx)
}

pub fn new_app(lang: Lang) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let app = app_on(&db_path(&dir), lang, "ani");
    TestApp { app, dir }
}

pub fn key(app: &mut App, code: KeyCode) {
    app.handle(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

pub fn shift_tab(app: &mut App) {
    app.handle(&Event::Key(KeyEvent::new(
        KeyCode::BackTab,
        KeyModifiers::SHIFT,
    )));
}

pub fn ctrl(app: &mut App, c: char) {
    app.handle(&Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

pub fn typ(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c));
    }
}

pub fn tab(app: &mut App, n: usize) {
    for _ in 0..n {
        key(app, KeyCode::Tab);
    }
}

/// Lets the draft timer fire as if time had passed.
pub fn let_draft_save(app: &mut App) {
    app.tick(Instant::now() + Duration::from_secs(5));
}

pub fn render(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    t
}

pub fn screen_text(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Field order from the top of a new form (see domain::intake): the number of Tabs from the
/// first field to reach each.
pub mod at {
    pub const CHANNEL: usize = 0;
    pub const REPORTER_NAME: usize = 2;
    pub const REPORTER_PHONE: usize = 4;
    pub const REPORTER_ADDRESS: usize = 5;
    pub const REPORTER_REGION: usize = 6;
    pub const VICTIM_NAME: usize = 7;
    pub const VICTIM_NIK: usize = 8;
    pub const VICTIM_SEX: usize = 9;
    pub const VICTIM_BIRTH: usize = 10;
    pub const VICTIM_AGE: usize = 11;
    pub const VICTIM_REGION: usize = 13;
    pub const VICTIM_AMPK: usize = 17;
    /// With no perpetrator: the incident section follows the victim.
    pub const INCIDENT_DATE: usize = 18;
    pub const VIOLENCE: usize = 23;
    pub const CHRONOLOGY: usize = 24;
    pub const RISK: usize = 25;
    pub const EMERGENCY: usize = 26;
    pub const CONSENT: usize = 28;
}

/// Moves to the n-th field from the top of the form.
pub fn goto(app: &mut App, n: usize) {
    for _ in 0..40 {
        shift_tab(app);
    }
    tab(app, n);
}

/// Opens the pick-list of the focused field, filters by `filter`, and picks the first match.
pub fn pick(app: &mut App, filter: &str) {
    key(app, KeyCode::Enter);
    typ(app, filter);
    key(app, KeyCode::Enter);
}

/// Multiple choice: ticks the first match of each filter, then closes.
pub fn pick_many(app: &mut App, filters: &[&str]) {
    key(app, KeyCode::Enter);
    for f in filters {
        typ(app, f);
        key(app, KeyCode::Char(' '));
        for _ in 0..f.chars().count() {
            key(app, KeyCode::Backspace);
        }
    }
    key(app, KeyCode::Enter);
}

/// Fills the minimum a case needs: a child victim with AMPK, violence, risk and consent.
pub fn fill_minimum(app: &mut App) {
    goto(app, at::VICTIM_NAME);
    typ(app, "Siti Aminah");
    goto(app, at::VICTIM_SEX);
    pick(app, "perem");
    goto(app, at::VICTIM_BIRTH);
    typ(app, "01/02/2014");
    goto(app, at::VICTIM_AMPK);
    pick_many(app, &["kekerasan fisik"]);
    goto(app, at::VIOLENCE);
    pick_many(app, &["psikis", "fisik"]);
    goto(app, at::RISK);
    pick(app, "tinggi");
    goto(app, at::CONSENT);
    pick(app, "setuju");
}

/// The PIN of every account the tests make.
pub const TEST_PIN: &str = "2468";

/// Adds a supervisor `user` with [`TEST_PIN`] unless the account exists.
pub fn add_supervisor(s: &mut Store, user: &str) {
    if s.staff_member(user).unwrap().is_none() {
        let m = meja::domain::staff::StaffMember {
            username: user.into(),
            display_name: user.into(),
            role: Role::Supervisor,
            active: true,
            has_pin: true,
        };
        // Two sessions adding the same worker at once: the loser finds it made.
        let _ = s.add_staff(&m, Some(TEST_PIN), Local::now(), "setup");
    }
}

/// Gives an existing, openable database file a supervisor `user` (see [`add_supervisor`]);
/// the command-line helpers pass the PIN in `MEJA_PIN`.
pub fn ensure_supervisor(db: &Path, user: &str) {
    if !db.exists() {
        return;
    }
    // A file a test has made unopenable (wrong mode, not a database) is left as it is.
    let Ok(mut s) = Store::open(db) else { return };
    add_supervisor(&mut s, user);
}
