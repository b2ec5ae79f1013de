//! App state and `update`: keys become actions, actions touch the store, drawing reads state.
//! Screens never run SQL while drawing; everything a screen shows was loaded here.
//!
//! The route of a key: `handle` → the open flow (a dialog, `ui::flows`) if there is one, else
//! the global keys, else the screen's key handler, which looks the key up in the screen's key
//! table (`ui::keymap`). A finished flow's `ui::Action` is applied by `update` (update.rs).
//! Drawing is in draw.rs. Over 600 lines while `App` still holds every screen's state; the
//! screens step of issue 15 moves it out.

use std::time::{Duration, Instant};

use chrono::{DateTime, Local, NaiveDate};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};

use crate::config::Config;
use crate::domain::case::{Permission, Targets};
use crate::domain::staff::{Actor, Role};
use crate::i18n::{self, Lang, Msg, fill};
use crate::store::Store;
use crate::store::drafts::Draft;
use crate::ui::action::Action;
use crate::ui::board::Board;
use crate::ui::casefile::CaseView;
use crate::ui::directory::DirectoryView;
use crate::ui::flows::Flow;
use crate::ui::intake::{FormEvent, IntakeForm, Section};
use casework::SearchView;

mod casework;
mod directory;
mod draw;
mod lock;
mod report;
mod update;
use crate::ui::keymap::{DRAFTS, DraftsKey, HELP, HelpKey};
use crate::ui::keys::{self, FormKey, Global};
use crate::ui::theme::Theme;
pub use lock::LockWhy;

/// Save the draft this long after the last keystroke…
const DRAFT_QUIET: Duration = Duration::from_millis(300);
/// …but never later than this after the first unsaved one: at most a second of typing is
/// ever at risk.
const DRAFT_MAX_DELAY: Duration = Duration::from_secs(1);
/// After a failed draft save (disk full, read-only), try again this often.
const DRAFT_RETRY: Duration = Duration::from_secs(2);

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
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Status {
    text: String,
    error: bool,
}

/// Unsaved changes in the open intake.
#[derive(Debug, Clone, Copy)]
struct Dirty {
    first: Instant,
    last: Instant,
    retry_at: Option<Instant>,
}

pub struct App {
    pub ctx: Ctx,
    screen: Screen,
    help_return: Screen,
    help_scroll: u16,
    form: Option<IntakeForm>,
    drafts: Vec<Draft>,
    drafts_cursor: usize,
    saved_number: Option<String>,
    /// The dialog in progress: it takes every key until it is done or cancelled.
    flow: Option<Flow>,
    board: Board,
    case: Option<CaseView>,
    search: SearchView,
    directory: DirectoryView,
    audit: crate::ui::audit::AuditView,
    /// Where Esc leaves the directory to.
    dir_return: Screen,
    report: crate::ui::report::ReportView,
    /// Where Esc leaves the report to.
    report_return: Screen,
    data_version: i64,
    /// The board holds outlines beyond the cards on screen (`meja --board`): read the rest
    /// before anything else.
    board_partial: bool,
    /// The database's change mark, the day and the closed-cases toggle the whole board was
    /// read at: F3 or Esc back to it redraws what is loaded while they are the same.
    board_mark: Option<((i64, u64), chrono::NaiveDate, bool)>,
    next_poll: Option<Instant>,
    targets: Targets,
    status: Option<Status>,
    dirty: Option<Dirty>,
    draft_saved_at: Option<DateTime<Local>>,
    draft_error: Option<String>,
    quit: bool,
    /// `meja --demo`: a throw-away fictional office, marked on every screen's title.
    demo: bool,
    lock: Option<lock::Lock>,
    /// The last key or paste: the idle lock counts from here.
    last_input: Instant,
}

impl App {
    /// Starts on the worker's unfinished drafts when there are any, else on a new intake.
    pub fn new(ctx: Ctx) -> App {
        let mut app = App {
            ctx,
            screen: Screen::Intake,
            help_return: Screen::Intake,
            help_scroll: 0,
            form: None,
            drafts: Vec::new(),
            drafts_cursor: 0,
            saved_number: None,
            flow: None,
            board: Board::default(),
            case: None,
            search: SearchView::default(),
            directory: DirectoryView::default(),
            audit: Default::default(),
            dir_return: Screen::Board,
            report: Default::default(),
            report_return: Screen::Board,
            data_version: 0,
            board_partial: false,
            board_mark: None,
            next_poll: None,
            targets: Targets::default(),
            status: None,
            dirty: None,
            draft_saved_at: None,
            draft_error: None,
            quit: false,
            demo: false,
            lock: None,
            last_input: Instant::now(),
        };
        app.targets = app.ctx.config.targets.clone();
        app.load_drafts();
        if app.drafts.is_empty() {
            app.new_intake();
        } else {
            app.screen = Screen::Drafts;
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
        self.screen
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

    fn load_drafts(&mut self) {
        match self.ctx.store.drafts_of(&self.ctx.staff) {
            Ok(d) => self.drafts = d,
            Err(e) => {
                self.drafts.clear();
                let t = e.render(self.lang());
                self.set_status(t, true);
            }
        }
        self.drafts_cursor = self.drafts_cursor.min(self.drafts.len().saturating_sub(1));
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
        self.screen = Screen::Intake;
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

    /// Like `may`, but says so on the status line when the answer is no.
    fn permitted(&mut self, action: Permission, assigned_to: Option<&str>) -> bool {
        if self.may(action, assigned_to) {
            return true;
        }
        let role = crate::domain::vocab::ROLES.label(self.ctx.role.code(), self.lang());
        let t = fill(Msg::ErrRoleForbids.get(self.lang()), &[&role]);
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

    /// Saves the open intake as a draft now if it has unsaved changes. Returns false when the
    /// save failed (the changes stay marked unsaved and are retried).
    pub fn flush_draft(&mut self, now: Instant) -> bool {
        let Some(dirty) = self.dirty else { return true };
        let Some(form) = &mut self.form else {
            self.dirty = None;
            return true;
        };
        if form.intake.is_blank() && form.draft_id.is_none() {
            self.dirty = None;
            return true;
        }
        form.intake.clean();
        let when = (self.ctx.clock)();
        match self
            .ctx
            .store
            .save_draft(form.draft_id, &self.ctx.staff, when, &form.intake)
        {
            Ok(id) => {
                form.draft_id = Some(id);
                self.dirty = None;
                self.draft_saved_at = Some(when);
                self.draft_error = None;
                true
            }
            Err(e) => {
                self.draft_error = Some(e.render(self.ctx.lang));
                self.dirty = Some(Dirty {
                    retry_at: Some(now + DRAFT_RETRY),
                    ..dirty
                });
                false
            }
        }
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
                let today = self.ctx.today();
                if self.screen == Screen::Search {
                    self.search.paste(text);
                    self.run_search();
                } else if self.screen == Screen::Directory {
                    let now = self.ctx.now().naive_local();
                    self.directory.paste(text, now);
                } else if let Some(form) = self.editing_form() {
                    form.handle(ev, today);
                } else if self.screen == Screen::Intake
                    && let Some(form) = &mut self.form
                    && form.handle(ev, self.ctx.today()) == FormEvent::Changed
                {
                    self.mark_dirty();
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
        match self.screen {
            Screen::Intake => self.on_form_key(key),
            Screen::Drafts => self.on_drafts_key(key),
            Screen::Saved => {
                if matches!(key.code, KeyCode::Enter) {
                    self.new_intake();
                }
            }
            Screen::Help => match HELP.lookup(key) {
                Some(HelpKey::Leave) => self.screen = self.help_return,
                Some(HelpKey::Up) => self.help_scroll = self.help_scroll.saturating_sub(1),
                Some(HelpKey::Down) => self.help_scroll += 1,
                Some(HelpKey::PageUp) => self.help_scroll = self.help_scroll.saturating_sub(10),
                Some(HelpKey::PageDown) => self.help_scroll += 10,
                Some(HelpKey::Top) => self.help_scroll = 0,
                None => {}
            },
            Screen::Board => self.on_board_key(key),
            Screen::Case => self.on_case_key(key),
            Screen::Search => self.on_search_key(key),
            Screen::Directory => self.on_directory_key(key),
            Screen::Audit => {
                if let crate::ui::audit::AuditEvent::Leave = self.audit.handle(key) {
                    self.audit = Default::default();
                    self.open_board();
                }
            }
            Screen::Report => self.on_report_key(key),
        }
    }

    fn on_global(&mut self, g: Global) {
        match g {
            Global::Help => {
                if self.screen == Screen::Help {
                    self.screen = self.help_return;
                } else {
                    self.help_return = self.screen;
                    self.help_scroll = 0;
                    self.screen = Screen::Help;
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
        match self.screen {
            Screen::Intake => {
                let blank = self.form.as_ref().is_none_or(|f| f.intake.is_blank());
                if blank {
                    return;
                }
                self.flush_draft(Instant::now());
                self.form = None;
                self.load_drafts();
                self.drafts_cursor = 0;
                self.screen = Screen::Drafts;
            }
            Screen::Drafts | Screen::Saved => {
                self.flush_draft(Instant::now());
                self.new_intake();
            }
            _ => {
                if self.form.is_some() {
                    self.screen = Screen::Intake;
                } else {
                    self.new_intake();
                }
            }
        }
    }

    fn on_form_key(&mut self, key: &KeyEvent) {
        let today = self.ctx.today();
        let lang = self.lang();
        let Some(form) = &mut self.form else { return };
        if form.pick.is_none()
            && form.region_pick.is_none()
            && let Some(fk) = keys::form(key)
        {
            match fk {
                FormKey::Save => self.save_intake(),
                FormKey::AddVictim => {
                    form.add_victim(today);
                    self.mark_dirty();
                }
                FormKey::AddPerpetrator => {
                    form.add_perpetrator(today);
                    self.mark_dirty();
                }
                FormKey::RemovePerson => match form.person_at_focus() {
                    Some(who @ Section::Victim(i)) => {
                        if form.intake.victims.len() == 1 {
                            self.set_status(Msg::LastVictimStays.get(lang).into(), true);
                        } else {
                            let m = fill(Msg::ConfirmRemoveVictim.get(lang), &[&(i + 1)]);
                            self.confirm(m, Action::RemovePerson(who));
                        }
                    }
                    Some(who @ Section::Perpetrator(i)) => {
                        let m = fill(Msg::ConfirmRemovePerp.get(lang), &[&(i + 1)]);
                        self.confirm(m, Action::RemovePerson(who));
                    }
                    _ => self.set_status(Msg::NotOnPerson.get(lang).into(), true),
                },
            }
            return;
        }
        if form.handle(&Event::Key(*key), today) == FormEvent::Changed {
            self.mark_dirty();
        }
    }

    fn save_intake(&mut self) {
        let today = self.ctx.today();
        let lang = self.lang();
        let Some(form) = &mut self.form else { return };
        form.attempted_save();
        form.intake.clean();
        match form.intake.to_record(today) {
            Err(errors) => {
                let first = errors[0];
                form.focus_field(first.field, today);
                let what = format!(
                    "{} — {}",
                    i18n::field_label(first.field, lang),
                    i18n::issue(first.issue, lang)
                );
                self.set_status(fill(Msg::FixFirst.get(lang), &[&what]), true);
            }
            Ok(rec) => {
                let now = (self.ctx.clock)();
                let prefix = self.ctx.config.office.case_prefix.clone();
                match self
                    .ctx
                    .store
                    .open_case(&rec, &prefix, &self.ctx.staff, now, form.draft_id)
                {
                    Ok(opened) => {
                        self.form = None;
                        self.dirty = None;
                        self.draft_saved_at = None;
                        self.saved_number = Some(opened.number);
                        self.screen = Screen::Saved;
                    }
                    Err(e) => {
                        let t = fill(Msg::SaveFailed.get(lang), &[&e.render(lang)]);
                        self.set_status(t, true);
                        self.mark_dirty();
                    }
                }
            }
        }
    }

    fn on_drafts_key(&mut self, key: &KeyEvent) {
        let n = self.drafts.len();
        match DRAFTS.lookup(key) {
            Some(DraftsKey::Up) => self.drafts_cursor = self.drafts_cursor.saturating_sub(1),
            Some(DraftsKey::Down) if self.drafts_cursor + 1 < n => self.drafts_cursor += 1,
            Some(DraftsKey::Resume) => {
                if let Some(d) = self.drafts.get(self.drafts_cursor).cloned() {
                    // Re-read: another session of the same worker may have typed since.
                    let d = self.ctx.store.draft(d.id).ok().flatten().unwrap_or(d);
                    let mut form = self.new_form(d.intake, Some(d.id));
                    form.mark_all_touched();
                    self.form = Some(form);
                    self.dirty = None;
                    self.draft_saved_at = None;
                    self.screen = Screen::Intake;
                }
            }
            Some(DraftsKey::Discard) => {
                if let Some(d) = self.drafts.get(self.drafts_cursor) {
                    let m = fill(
                        Msg::ConfirmDiscard.get(self.lang()),
                        &[&d.intake.victim_initials()],
                    );
                    let id = d.id;
                    self.confirm(m, Action::DiscardDraft(id));
                }
            }
            Some(DraftsKey::Back) if self.form.is_some() => self.screen = Screen::Intake,
            _ => {}
        }
    }

    fn discard_draft(&mut self, id: i64) {
        match self.ctx.store.discard_draft(id) {
            Ok(()) => self.set_status(Msg::DraftDiscarded.get(self.lang()).into(), false),
            Err(e) => {
                let t = e.render(self.lang());
                self.set_status(t, true);
            }
        }
        self.load_drafts();
        if self.drafts.is_empty() {
            self.new_intake();
        }
    }

    fn remove_person(&mut self, who: Section) {
        if let Some(form) = &mut self.form
            && form.remove_person(who)
        {
            self.mark_dirty();
        }
    }
}
