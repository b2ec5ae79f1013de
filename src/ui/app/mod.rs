//! The app: the route of a key, the screens open (`nav.rs`), timers, and what is shared by
//! every screen (the status line, the open dialog, the draft's save state).
//!
//! The route of a key: `handle` → the open flow (a dialog, `ui::flows`) if there is one, else
//! the global keys, else the current screen (`ui::screens::Screen::on_key`), which looks the
//! key up in its key table (`ui::keymap`) and may answer with a `ui::Action`. Every action,
//! from a screen or a finished flow, is applied by `update` in `effects/`, the only code here
//! that touches the store. Drawing is in draw.rs and reads only what was loaded.

use std::time::{Duration, Instant};

use chrono::{DateTime, Local, NaiveDate};
use ratatui::crossterm::event::{Event, KeyEvent};

use crate::config::Config;
use crate::domain::case::{Permission, Targets};
use crate::domain::staff::{Actor, Role};
use crate::i18n::{Lang, Msg, fill};
use crate::store::Store;
use crate::ui::action::Action;
use crate::ui::flows::Flow;
use crate::ui::screens::board::Board;
use crate::ui::screens::casefile::CaseView;
use crate::ui::screens::directory::DirectoryView;
use crate::ui::screens::drafts::DraftsView;
use crate::ui::screens::help::HelpView;
use crate::ui::screens::intake::IntakeForm;
use crate::ui::screens::saved::SavedView;
use crate::ui::screens::search::SearchView;

/// What a screen may know, borrowed from the app field by field so that the screen itself can
/// be borrowed mutably beside it.
macro_rules! cx {
    ($app:ident, $now:expr) => {
        $crate::ui::screens::Cx {
            lang: $app.ctx.lang,
            theme: &$app.ctx.theme,
            today: $now.date_naive(),
            now: $now.naive_local(),
            targets: &$app.targets,
        }
    };
}

mod draw;
mod effects;
mod lock;
mod nav;
use crate::ui::keys::{self, Global};
use crate::ui::screens::lock::LockView;
pub use crate::ui::screens::lock::LockWhy;
use crate::ui::screens::{self, Cx};
use crate::ui::theme::Theme;
use nav::Nav;

/// Save the draft this long after the last keystroke…
const DRAFT_QUIET: Duration = Duration::from_millis(300);
/// …but never later than this after the first unsaved one: at most a second of typing is
/// ever at risk.
const DRAFT_MAX_DELAY: Duration = Duration::from_secs(1);
/// After a failed draft save (disk full, read-only), try again this often.
pub(crate) const DRAFT_RETRY: Duration = Duration::from_secs(2);

pub type Clock = Box<dyn Fn() -> DateTime<Local>>;

/// What the app needs from outside: the store, who is working, and what time it is.
pub struct Ctx {
    pub store: Store,
    /// The signed-in worker's username and role.
    pub staff: String,
    pub role: Role,
    pub lang: Lang,
    pub config: Config,
    pub theme: Theme,
    pub clock: Clock,
}

impl Ctx {
    fn now(&self) -> DateTime<Local> {
        (self.clock)()
    }
    fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
    pub fn actor(&self) -> Actor {
        Actor::new(self.staff.clone(), self.role)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Case,
    Search,
    Drafts,
    Intake,
    Saved,
    Help,
    Board,
    Directory,
    Audit,
    Report,
    SimfoniSheet,
    SimfoniMonth,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Status {
    text: String,
    error: bool,
}

/// Unsaved changes in the open intake.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Dirty {
    first: Instant,
    last: Instant,
    retry_at: Option<Instant>,
}

pub struct App {
    pub ctx: Ctx,
    /// The screens open, the current one on top.
    nav: Nav,
    help: HelpView,
    form: Option<IntakeForm>,
    drafts: DraftsView,
    saved: SavedView,
    /// The dialog in progress: it takes every key until it is done or cancelled.
    flow: Option<Flow>,
    /// A supervisor was told what letters and papers still lack in the configuration: once
    /// per session (issue 16).
    told_office: bool,
    board: Board,
    case: Option<CaseView>,
    search: SearchView,
    directory: DirectoryView,
    audit: crate::ui::screens::audit::AuditView,
    report: crate::ui::screens::report::ReportView,
    simfoni: crate::ui::screens::simfoni::SheetView,
    simfoni_month: crate::ui::screens::simfoni::MonthView,
    data_version: i64,
    /// The board holds outlines beyond the cards on screen (`meja --board`): read the rest
    /// before anything else.
    board_partial: bool,
    /// The database's change mark, the day and the closed-cases toggle the whole board was
    /// read at: F3 or Esc back to it redraws what is loaded while they are the same.
    board_mark: Option<((i64, u64), chrono::NaiveDate, bool)>,
    /// The database's change mark the directory was read at: F4 answers from what is loaded
    /// while it is the same.
    directory_mark: Option<(i64, u64)>,
    next_poll: Option<Instant>,
    targets: Targets,
    status: Option<Status>,
    dirty: Option<Dirty>,
    draft_saved_at: Option<DateTime<Local>>,
    draft_error: Option<String>,
    quit: bool,
    /// `meja --demo`: a throw-away fictional office, marked on every screen's title.
    demo: bool,
    lock: Option<LockView>,
    /// The last key or paste: the idle lock counts from here.
    last_input: Instant,
}

impl App {
    /// Starts on the worker's unfinished drafts when there are any, else on a new intake.
    pub fn new(mut ctx: Ctx) -> App {
        // Every move this app makes goes through the office's plan gate.
        ctx.store.set_plan_gate(ctx.config.approvals.plan);
        let mut app = App {
            ctx,
            nav: Nav::new(Screen::Intake),
            help: HelpView::default(),
            form: None,
            drafts: DraftsView::default(),
            saved: SavedView::default(),
            flow: None,
            board: Board::default(),
            case: None,
            search: SearchView::default(),
            directory: DirectoryView::default(),
            audit: Default::default(),
            report: Default::default(),
            simfoni: Default::default(),
            simfoni_month: Default::default(),
            data_version: 0,
            board_partial: false,
            board_mark: None,
            directory_mark: None,
            next_poll: None,
            targets: Targets::default(),
            status: None,
            dirty: None,
            draft_saved_at: None,
            draft_error: None,
            quit: false,
            demo: false,
            told_office: false,
            lock: None,
            last_input: Instant::now(),
        };
        app.targets = app.ctx.config.targets.clone();
        app.load_drafts();
        if app.drafts.list.is_empty() {
            app.new_intake();
        } else {
            app.nav.show(Screen::Drafts);
        }
        app
    }

    /// `meja --board`: starts on the case board rather than the intake (Esc still leads to
    /// the intake or the drafts). The first frame needs only the cards that fit in `rows`
    /// terminal rows; the rest of the board is read just after it is drawn.
    pub fn start_on_board(&mut self, rows: u16) {
        self.open_board_fast(rows);
    }

    pub fn screen(&self) -> Screen {
        self.nav.current()
    }

    /// Marks this app as the demo (`meja --demo`): DEMO on the title line, and on quitting a
    /// draft is said to go with the demo, not to be kept.
    pub fn set_demo(&mut self) {
        self.demo = true;
    }

    pub fn is_demo(&self) -> bool {
        self.demo
    }

    /// What to tell the worker once the terminal is back, after quitting: a half-typed intake
    /// is kept as a draft, and where (or, in the demo, that it goes with the demo).
    pub fn farewell(&self) -> Option<String> {
        let form = self.form.as_ref()?;
        if form.intake.is_blank() {
            return None;
        }
        let lang = self.lang();
        Some(if self.demo {
            Msg::QuitDemoDraftGone.get(lang).to_string()
        } else {
            let path = self.ctx.store.path().display().to_string();
            fill(Msg::QuitDraftKept.get(lang), &[&path])
        })
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn form(&self) -> Option<&IntakeForm> {
        self.form.as_ref()
    }

    /// The form of the open case file (read-only unless editing).
    pub fn form_in_case(&self) -> Option<&IntakeForm> {
        self.case.as_ref().map(|c| &c.form)
    }

    fn lang(&self) -> Lang {
        self.ctx.lang
    }

    fn set_status(&mut self, text: String, error: bool) {
        self.status = Some(Status { text, error });
    }

    fn new_form(&self, intake: crate::domain::intake::Intake, draft: Option<i64>) -> IntakeForm {
        let mut f = IntakeForm::new(intake, draft);
        f.default_region = self.ctx.config.region.regency.clone();
        f
    }

    fn new_intake(&mut self) {
        self.form = Some(self.new_form(Default::default(), None));
        self.dirty = None;
        self.draft_saved_at = None;
        self.draft_error = None;
        self.nav.show(Screen::Intake);
    }

    /// Esc or back: to the screen below, brought up to date as it is arrived at. At the
    /// root the screen stays.
    fn back(&mut self) {
        if !self.nav.pop() {
            return;
        }
        match self.screen() {
            Screen::Board => self.open_board(),
            Screen::Intake if self.form.is_none() => self.leave_board(),
            _ => {}
        }
    }

    /// When the next timer is due (a draft save, the idle lock); None means block until input.
    pub fn next_deadline(&self) -> Option<Instant> {
        let draft = self.dirty.map(|d| match d.retry_at {
            Some(r) => r,
            None => (d.last + DRAFT_QUIET).min(d.first + DRAFT_MAX_DELAY),
        });
        let idle = self
            .idle_limit()
            .filter(|_| self.lock.is_none())
            .map(|l| self.last_input + l);
        let board = self.board_partial.then(Instant::now);
        [draft, self.next_poll, idle, board]
            .into_iter()
            .flatten()
            .min()
    }

    /// Whether the worker's role allows `action` on a case assigned to `assigned_to`.
    fn may(&self, action: Permission, assigned_to: Option<&str>) -> bool {
        self.ctx.actor().may(action, assigned_to)
    }

    /// Whether the open case file lets the worker do `action` now, with its intake worker's
    /// correction window: what the key bar offers.
    fn window_allows(&self, action: Permission, assigned_to: Option<&str>) -> bool {
        let id = self.case.as_ref().map(|c| c.file.card.id);
        self.decide_on(action, assigned_to, id) == crate::domain::staff::Decision::Allowed
    }

    /// The role's answer, with the correction window for the case `case_id` when it is the
    /// one open in the case file.
    fn decide_on(
        &self,
        action: Permission,
        assigned_to: Option<&str>,
        case_id: Option<i64>,
    ) -> crate::domain::staff::Decision {
        use crate::domain::staff::Taken;
        let now = self.ctx.now().fixed_offset();
        let window = chrono::Duration::hours(i64::from(self.ctx.config.access.correction_hours));
        let file = self
            .case
            .as_ref()
            .map(|c| &c.file)
            .filter(|f| Some(f.card.id) == case_id);
        let at = file.and_then(|f| chrono::DateTime::parse_from_rfc3339(&f.opened_at).ok());
        let taken = file.zip(at).map(|(f, at)| Taken {
            by: &f.opened_by,
            at,
        });
        self.ctx
            .actor()
            .decide(action, assigned_to, taken.as_ref(), now, window)
    }

    /// Like `may`, but says so on the status line when the answer is no. For the case `case_id` open in the case file, the intake worker's
    /// correction window counts too (`domain::staff::correction_window`), and a closed
    /// window is said as such.
    fn permitted_on(
        &mut self,
        action: Permission,
        assigned_to: Option<&str>,
        case_id: Option<i64>,
    ) -> bool {
        use crate::domain::staff::Decision;
        let decision = self.decide_on(action, assigned_to, case_id);
        let lang = self.lang();
        let t = match decision {
            Decision::Allowed => return true,
            Decision::Refused => {
                let role = crate::domain::vocab::ROLES.label(self.ctx.role.code(), lang);
                fill(Msg::ErrRoleForbids.get(lang), &[&role])
            }
            Decision::WindowClosed(until) => {
                // In the offset the intake was saved in: the office's.
                let until = until.format("%d-%m-%Y %H:%M");
                fill(Msg::ErrCorrectionWindowClosed.get(lang), &[&until])
            }
        };
        self.set_status(t, true);
        false
    }

    /// Runs what is due at `now`. Returns true when the screen changed.
    pub fn tick(&mut self, now: Instant) -> bool {
        let mut changed = false;
        if self.board_partial {
            self.reload_board();
            changed = true;
        }
        if let Some(d) = self.dirty {
            let due = d
                .retry_at
                .unwrap_or((d.last + DRAFT_QUIET).min(d.first + DRAFT_MAX_DELAY));
            if due <= now {
                self.flush_draft(now);
                changed = true;
            }
        }
        if self.next_poll.is_some_and(|t| t <= now) {
            changed |= self.poll_changes(now);
        }
        if self.lock.is_none()
            && let Some(limit) = self.idle_limit()
            && now >= self.last_input + limit
        {
            self.lock_screen(LockWhy::Idle);
            changed = true;
        }
        changed
    }

    fn mark_dirty(&mut self) {
        let now = Instant::now();
        self.dirty = Some(match self.dirty {
            Some(d) => Dirty {
                last: now,
                retry_at: d.retry_at,
                ..d
            },
            None => Dirty {
                first: now,
                last: now,
                retry_at: None,
            },
        });
    }

    /// Handles one input event. Returns true when something on screen may have changed.
    pub fn handle(&mut self, ev: &Event) -> bool {
        if matches!(ev, Event::Key(_) | Event::Paste(_)) {
            self.last_input = Instant::now();
        }
        if self.board_partial {
            // Keys act on the whole board (filters, scrolling), never on its outline.
            self.reload_board();
        }
        if self.lock.is_some() {
            match ev {
                Event::Key(key) if keys::is_press(key) => self.on_lock_key(key),
                // A paste into a locked screen is dropped: it could be anything.
                Event::Paste(_) => return false,
                _ => {}
            }
            return true;
        }
        match ev {
            Event::Key(key) if keys::is_press(key) => {
                self.on_key(key);
                true
            }
            Event::Paste(_) if self.flow.is_some() => {
                self.on_flow(ev);
                true
            }
            Event::Paste(text) => {
                if let Some(Some(a)) = self.with_screen(|s, cx| s.on_paste(text, cx)) {
                    self.act(a);
                }
                true
            }
            Event::Resize(..) => true,
            _ => false,
        }
    }

    fn on_key(&mut self, key: &KeyEvent) {
        if keys::privacy(key) {
            self.lock_screen(LockWhy::Privacy);
            return;
        }
        if self.flow.is_some() {
            self.on_flow(&Event::Key(*key));
            return;
        }
        self.status = None;
        // A pick-list owns the keyboard except for the global keys.
        if let Some(g) = keys::global(key) {
            self.on_global(g);
            return;
        }
        if let Some(Some(a)) = self.with_screen(|s, cx| s.on_key(key, cx)) {
            self.act(a);
        }
    }

    /// Runs `f` on the current screen with what it may know; None when there is none to run
    /// it on (no intake open).
    fn with_screen<R>(&mut self, f: impl FnOnce(&mut dyn screens::Screen, &Cx) -> R) -> Option<R> {
        let now = self.ctx.now();
        let cx = cx!(self, now);
        self.drafts.form_open = self.form.is_some();
        let screen: &mut dyn screens::Screen = match self.nav.current() {
            Screen::Intake => self.form.as_mut()?,
            Screen::Drafts => &mut self.drafts,
            Screen::Saved => &mut self.saved,
            Screen::Help => &mut self.help,
            Screen::Board => &mut self.board,
            Screen::Case => self.case.as_mut()?,
            Screen::Search => &mut self.search,
            Screen::Directory => &mut self.directory,
            Screen::Audit => &mut self.audit,
            Screen::Report => &mut self.report,
            Screen::SimfoniSheet => &mut self.simfoni,
            Screen::SimfoniMonth => &mut self.simfoni_month,
        };
        Some(f(screen, &cx))
    }

    fn on_global(&mut self, g: Global) {
        match g {
            Global::Help => {
                if self.screen() == Screen::Help {
                    self.back();
                } else {
                    // Help lists the keys of the screen it opens over first.
                    let over = self.with_screen(|s, _| s.keys()).unwrap_or_default();
                    self.help = HelpView { scroll: 0, over };
                    self.nav.push(Screen::Help);
                }
            }
            Global::NewIntake => self.on_new_intake_key(),
            Global::Privacy => self.lock_screen(LockWhy::Privacy),
            Global::Board => self.open_board(),
            Global::Directory => self.open_directory(),
            Global::Quit => {
                if self.flush_draft(Instant::now()) {
                    self.quit = true;
                } else {
                    let msg = fill(
                        Msg::ConfirmQuitUnsaved.get(self.lang()),
                        &[&self.draft_error.clone().unwrap_or_default()],
                    );
                    self.confirm(msg, Action::QuitUnsaved);
                }
            }
        }
    }

    /// F2: back to the intake in progress; from a filled form, to the list of drafts (so a
    /// second F2 starts another intake while the first waits as a draft).
    fn on_new_intake_key(&mut self) {
        match self.screen() {
            Screen::Intake => {
                let blank = self.form.as_ref().is_none_or(|f| f.intake.is_blank());
                if blank {
                    return;
                }
                self.flush_draft(Instant::now());
                self.form = None;
                self.load_drafts();
                self.drafts.cursor = 0;
                self.nav.show(Screen::Drafts);
            }
            Screen::Drafts | Screen::Saved => {
                self.flush_draft(Instant::now());
                self.new_intake();
            }
            _ => {
                if self.form.is_some() {
                    self.nav.show(Screen::Intake);
                } else {
                    self.new_intake();
                }
            }
        }
    }
}
