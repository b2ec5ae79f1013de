//! Shared helpers for integration tests: an app on a temp database with a fixed clock, key
//! helpers, and rendering into ratatui's TestBackend.
#![allow(dead_code)]

#[cfg(unix)]
pub mod pty;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{Local, TimeZone};
use meja::config::Config;
use meja::domain::intake::Field;
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

/// The one way tests build an app: on `path`, for `ani` (a supervisor), in Indonesian, with
/// the default configuration, colour on and the clock at 23-11-2026 10.15; each `with_`
/// changes one of these.
pub struct AppBuilder {
    path: PathBuf,
    staff: String,
    role: Role,
    lang: Lang,
    config: Config,
    color: bool,
    at: chrono::DateTime<Local>,
}

impl AppBuilder {
    pub fn new(path: &Path) -> AppBuilder {
        AppBuilder {
            path: path.to_path_buf(),
            staff: "ani".into(),
            role: Role::Supervisor,
            lang: Lang::Id,
            config: Config::default(),
            color: true,
            at: Local.with_ymd_and_hms(2026, 11, 23, 10, 15, 0).unwrap(),
        }
    }
    pub fn staff(mut self, staff: &str, role: Role) -> Self {
        self.staff = staff.into();
        self.role = role;
        self
    }
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }
    pub fn config(mut self, config: Config) -> Self {
        self.config = config;
        self
    }
    /// Without colour, as under NO_COLOR=1.
    pub fn no_color(mut self) -> Self {
        self.color = false;
        self
    }
    pub fn at(mut self, at: chrono::DateTime<Local>) -> Self {
        self.at = at;
        self
    }
    pub fn build(self) -> App {
        let at = self.at;
        App::new(Ctx {
            store: Store::open(&self.path).expect("open store"),
            staff: self.staff,
            role: self.role,
            lang: self.lang,
            config: self.config,
            theme: Theme { color: self.color },
            clock: Box::new(move || at),
        })
    }
}

pub fn app_with(path: &Path, lang: Lang, staff: &str, config: Config) -> App {
    AppBuilder::new(path)
        .staff(staff, Role::Supervisor)
        .lang(lang)
        .config(config)
        .build()
}

/// An app for `staff` in `role`, with `config`, without colour.
pub fn app_as(path: &Path, staff: &str, role: Role, config: Config) -> App {
    AppBuilder::new(path)
        .staff(staff, role)
        .config(config)
        .no_color()
        .build()
}

/// An app whose clock stands at `at`.
pub fn app_at(path: &Path, at: chrono::DateTime<Local>) -> App {
    AppBuilder::new(path).at(at).build()
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

/// How many Tabs from the first field of a new form (one victim, no perpetrator) reach `f`:
/// from the form's own field list, so a field added to the form moves no test.
pub fn position(f: Field) -> usize {
    meja::domain::intake::Intake::default()
        .fields()
        .iter()
        .position(|x| *x == f)
        .unwrap_or_else(|| panic!("{f:?} is not on a new form"))
}

/// Fields the tests go to by name.
pub mod at {
    use meja::domain::intake::{
        ConsentField as C, Field, IncidentField as I, ReporterField as R, TriageField as T,
        VictimField as V,
    };
    pub const CHANNEL: Field = Field::Reporter(R::Channel);
    pub const REPORTER_NAME: Field = Field::Reporter(R::Name);
    pub const REPORTER_PHONE: Field = Field::Reporter(R::Phone);
    pub const REPORTER_ADDRESS: Field = Field::Reporter(R::Address);
    pub const REPORTER_REGION: Field = Field::Reporter(R::Region);
    pub const VICTIM_NAME: Field = Field::Victim(0, V::Name);
    pub const VICTIM_NIK: Field = Field::Victim(0, V::Nik);
    pub const VICTIM_SEX: Field = Field::Victim(0, V::Sex);
    pub const VICTIM_BIRTH: Field = Field::Victim(0, V::BirthDate);
    pub const VICTIM_AGE: Field = Field::Victim(0, V::Age);
    pub const VICTIM_REGION: Field = Field::Victim(0, V::Region);
    pub const VICTIM_AMPK: Field = Field::Victim(0, V::Ampk);
    pub const INCIDENT_DATE: Field = Field::Incident(I::Date);
    pub const VIOLENCE: Field = Field::Incident(I::Violence);
    pub const CHRONOLOGY: Field = Field::Incident(I::Chronology);
    pub const RISK: Field = Field::Triage(T::Risk);
    pub const EMERGENCY: Field = Field::Triage(T::Emergency);
    pub const CONSENT: Field = Field::Consent(C::Services);
    pub const SHARE: Field = Field::Consent(C::Share);
    pub const GIVEN_BY: Field = Field::Consent(C::GivenBy);
    pub const RELATION: Field = Field::Consent(C::Relation);
}

/// Moves to field `f` of the intake form. The fields asked depend on the answers (an adult
/// victim is not asked for AMPK), so this Tabs until `f` has focus rather than counting;
/// a field the form does not ask now is a test failure.
pub fn goto(app: &mut App, f: Field) {
    for _ in 0..60 {
        shift_tab(app);
    }
    for _ in 0..100 {
        let form = if app.screen() == meja::ui::app::Screen::Case {
            app.form_in_case()
        } else {
            app.form()
        };
        if form.map(|x| x.focused()) == Some(f) {
            return;
        }
        key(app, KeyCode::Tab);
    }
    panic!("{f:?} is not asked on this form");
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

/// Adds an active account `user` with `role` (no PIN) unless it exists: cases are assigned
/// to accounts only.
pub fn add_worker(s: &mut Store, user: &str, role: Role) {
    if s.staff_member(user).unwrap().is_none() {
        let m = meja::domain::staff::StaffMember {
            username: user.into(),
            display_name: user.into(),
            role,
            active: true,
            has_pin: false,
        };
        s.add_staff(&m, None, Local::now(), "setup").unwrap();
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

/// The real `meja` binary for command-line tests, in one clean environment: nothing from the
/// developer's shell that changes what meja does (MEJA_DB, MEJA_LANG, MEJA_PIN, the backup
/// passphrase, SUDO_USER), USER set to `user`, and [`TEST_PIN`] as the PIN for sign-in and
/// for new accounts.
pub fn meja_command(user: &str) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_meja"));
    c.env_remove("MEJA_DB")
        .env_remove("MEJA_LANG")
        .env_remove("MEJA_BACKUP_PASSPHRASE")
        .env_remove("SUDO_USER")
        .env("USER", user)
        .env("MEJA_PIN", TEST_PIN)
        .env("MEJA_NEW_PIN", TEST_PIN)
        .env("RUST_BACKTRACE", "1");
    c
}
