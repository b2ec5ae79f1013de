//! App state and `update`: keys become actions, actions touch the store, drawing reads state.
//! Screens never run SQL while drawing; everything a screen shows was loaded here.

use std::time::{Duration, Instant};

use chrono::{DateTime, Local, NaiveDate};
use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};

use crate::config::Config;
use crate::domain::case::{Card, Move, Permission, Targets};
use crate::domain::staff::{Actor, Role};
use crate::domain::vocab;
use crate::i18n::{self, Lang, Msg, fill};
use crate::store::Store;
use crate::store::drafts::Draft;
use crate::ui::board::Board;
use crate::ui::casefile::CaseView;
use crate::ui::directory::DirectoryView;
use crate::ui::intake::{FormEvent, IntakeForm, Section};
use crate::ui::widgets::modal::Dialog;
use crate::ui::widgets::text::truncate;
use casework::SearchView;

mod casework;
mod directory;
mod lock;
mod report;
use crate::ui::keys::{self, FormKey, Global};
use crate::ui::theme::Theme;
use directory::DirThen;
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

/// What to do with the answer of the open dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Then {
    DiscardDraft(i64),
    RemovePerson(Section),
    QuitUnsaved,
    Move {
        card: Card,
        mv: Move,
        alt: Option<Move>,
    },
    BackReason(Card),
    ReopenReason(Card),
    Assign(Card),
    CloseReason(Card),
    CloseNote(Card, String),
    Note(i64),
    Filter,
    FilterDates,
    FilterRegion,
    Dismiss,
    CancelEdit,
    Dir(DirThen),
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
    modal: Option<(Dialog, Then)>,
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
    next_poll: Option<Instant>,
    targets: Targets,
    status: Option<Status>,
    dirty: Option<Dirty>,
    draft_saved_at: Option<DateTime<Local>>,
    draft_error: Option<String>,
    quit: bool,
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
            modal: None,
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
            next_poll: None,
            targets: Targets::default(),
            status: None,
            dirty: None,
            draft_saved_at: None,
            draft_error: None,
            quit: false,
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
            Event::Paste(_) if self.modal.is_some() => {
                self.on_dialog(ev);
                true
            }
            Event::Paste(_) => {
                let today = self.ctx.today();
                if let Some(form) = self.editing_form() {
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
        if self.modal.is_some() {
            self.on_dialog(&Event::Key(*key));
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
            Screen::Help => match key.code {
                KeyCode::Esc | KeyCode::Enter => self.screen = self.help_return,
                KeyCode::Up | KeyCode::Char('k') => {
                    self.help_scroll = self.help_scroll.saturating_sub(1)
                }
                KeyCode::Down | KeyCode::Char('j') => self.help_scroll += 1,
                KeyCode::PageUp => self.help_scroll = self.help_scroll.saturating_sub(10),
                KeyCode::PageDown | KeyCode::Char(' ') => self.help_scroll += 10,
                KeyCode::Home => self.help_scroll = 0,
                _ => {}
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
                    self.confirm(msg, Then::QuitUnsaved);
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
                            self.confirm(m, Then::RemovePerson(who));
                        }
                    }
                    Some(who @ Section::Perpetrator(i)) => {
                        let m = fill(Msg::ConfirmRemovePerp.get(lang), &[&(i + 1)]);
                        self.confirm(m, Then::RemovePerson(who));
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
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => {
                self.drafts_cursor = self.drafts_cursor.saturating_sub(1)
            }
            KeyCode::Down | KeyCode::Char('j') if self.drafts_cursor + 1 < n => {
                self.drafts_cursor += 1
            }
            KeyCode::Enter => {
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
            KeyCode::Delete | KeyCode::Char('d') | KeyCode::Char('x') => {
                if let Some(d) = self.drafts.get(self.drafts_cursor) {
                    let m = fill(
                        Msg::ConfirmDiscard.get(self.lang()),
                        &[&d.intake.victim_initials()],
                    );
                    let id = d.id;
                    self.confirm(m, Then::DiscardDraft(id));
                }
            }
            KeyCode::Esc if self.form.is_some() => self.screen = Screen::Intake,
            _ => {}
        }
    }

    fn run_intake_then(&mut self, p: Then) {
        match p {
            Then::DiscardDraft(id) => {
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
            Then::RemovePerson(who) => {
                if let Some(form) = &mut self.form
                    && form.remove_person(who)
                {
                    self.mark_dirty();
                }
            }
            Then::QuitUnsaved => self.quit = true,
            _ => {}
        }
    }

    // ---- drawing -------------------------------------------------------------------------

    pub fn draw(&mut self, f: &mut Frame) {
        if self.lock.is_some() {
            self.draw_lock(f);
            return;
        }
        let area = f.area();
        let lang = self.lang();
        let theme = self.ctx.theme;
        if area.width < 40 || area.height < 10 {
            f.render_widget(
                Paragraph::new(Msg::TooSmall.get(lang)).wrap(Wrap { trim: true }),
                area,
            );
            return;
        }
        let [top, body, status, keybar] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        self.draw_title(f, top);
        let today = self.ctx.today();
        match self.screen {
            Screen::Intake => {
                if let Some(form) = &mut self.form {
                    form.draw(f, body, lang, &theme, today);
                }
            }
            Screen::Drafts => self.draw_drafts(f, body),
            Screen::Saved => self.draw_saved(f, body),
            Screen::Help => self.help_scroll = draw_help(f, body, lang, &theme, self.help_scroll),
            Screen::Board => self.board.draw(f, body, lang, &theme, &self.targets, today),
            Screen::Case => {
                if let Some(c) = &mut self.case {
                    c.draw(f, body, lang, &theme, today);
                }
            }
            Screen::Search => self.search.draw(f, body, lang, &theme, today),
            Screen::Directory => self.directory.draw(f, body, lang, &theme, today),
            Screen::Audit => self.audit.draw(f, body, lang, &theme),
            Screen::Report => self.report.draw(f, body, lang, &theme),
        }
        self.draw_status(f, status);
        self.draw_keybar(f, keybar);
        if let Some((d, _)) = &self.modal {
            d.draw(f, body, lang, &theme);
        }
    }

    fn draw_title(&self, f: &mut Frame, area: Rect) {
        let lang = self.lang();
        let theme = self.ctx.theme;
        let title = match self.screen {
            Screen::Intake => Msg::TitleIntake,
            Screen::Drafts => Msg::TitleDrafts,
            Screen::Saved => Msg::TitleSaved,
            Screen::Help => Msg::TitleHelp,
            Screen::Board => Msg::TitleBoard,
            Screen::Case => Msg::TitleCase,
            Screen::Search => Msg::TitleSearch,
            Screen::Directory => Msg::TitleDirectory,
            Screen::Audit => Msg::TitleAudit,
            Screen::Report => Msg::TitleReport,
        };
        let left = format!(
            " meja · {} · {}",
            self.ctx.config.office.name,
            title.get(lang)
        );
        let right = format!("{} ", self.ctx.staff);
        let w = area.width as usize;
        let left = truncate(&left, w.saturating_sub(right.chars().count() + 1));
        let pad = w.saturating_sub(left.chars().count() + right.chars().count());
        f.render_widget(
            Paragraph::new(Line::from(Span::styled(
                format!("{left}{}{right}", " ".repeat(pad)),
                theme.title(),
            ))),
            area,
        );
    }

    fn draw_status(&self, f: &mut Frame, area: Rect) {
        let lang = self.lang();
        let theme = self.ctx.theme;
        let mut spans = Vec::new();
        if let Some(s) = &self.status {
            spans.push(Span::styled(
                format!(" {}", s.text),
                if s.error { theme.error() } else { theme.ok() },
            ));
        } else if self.screen == Screen::Intake {
            if let Some(e) = &self.draft_error {
                spans.push(Span::styled(
                    format!(" {}", fill(Msg::DraftNotSaved.get(lang), &[e])),
                    theme.error(),
                ));
            } else if let Some(t) = self.draft_saved_at {
                let t = t.format("%H:%M:%S").to_string();
                spans.push(Span::styled(
                    format!(" {}", fill(Msg::DraftSavedAt.get(lang), &[&t])),
                    theme.placeholder(),
                ));
            }
        }
        f.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    fn draw_keybar(&self, f: &mut Frame, area: Rect) {
        let lang = self.lang();
        let theme = self.ctx.theme;
        let mut items: Vec<(&str, Msg)> = vec![("F1", Msg::KeyHelp)];
        match self.screen {
            Screen::Intake => {
                if self
                    .form
                    .as_ref()
                    .is_some_and(|f| f.pick.is_some() || f.region_pick.is_some())
                {
                    items.extend([("Enter", Msg::KeyPick), ("Esc", Msg::KeyBack)]);
                } else {
                    items.extend([
                        ("^S", Msg::KeySave),
                        ("F5", Msg::KeyAddVictim),
                        ("F6", Msg::KeyAddPerp),
                        ("F8", Msg::KeyRemovePerson),
                        ("F2", Msg::KeyNew),
                    ]);
                }
            }
            Screen::Drafts => items.extend([
                ("Enter", Msg::KeyResume),
                ("Del", Msg::KeyDiscard),
                ("F2", Msg::KeyNew),
            ]),
            Screen::Saved => items.push(("Enter", Msg::KeyNew)),
            Screen::Board => items.extend([
                ("Enter", Msg::KeyOpen),
                (">", Msg::KeyForward),
                ("<", Msg::KeyBackStage),
                ("c", Msg::KeyClose),
                ("a", Msg::KeyAssign),
                ("/", Msg::KeySearch),
                ("f", Msg::KeyFilterBoard),
                ("t", Msg::KeyClosed),
                ("L", Msg::KeyAudit),
                ("R", Msg::KeyReport),
            ]),
            Screen::Audit => items.extend([("a–z", Msg::KeyNarrow), ("Esc", Msg::KeyBack)]),
            Screen::Case => {
                if self.case.as_ref().is_some_and(|c| c.editing) {
                    items.extend([("^S", Msg::KeySave), ("Esc", Msg::KeyBack)]);
                } else {
                    let on_referrals = self
                        .case
                        .as_ref()
                        .is_some_and(|c| c.tab == crate::ui::casefile::Tab::Referrals);
                    if on_referrals {
                        items.extend([
                            ("r", Msg::KeyRefer),
                            ("s", Msg::KeyStatus),
                            ("l", Msg::KeyLetter),
                            ("t", Msg::KeyTabs),
                            ("Esc", Msg::KeyBack),
                        ]);
                    } else {
                        items.extend([
                            ("e", Msg::KeyEdit),
                            ("n", Msg::KeyNote),
                            ("v", Msg::KeyRevealNik),
                            ("r", Msg::KeyRefer),
                            ("t", Msg::KeyTabs),
                            (">", Msg::KeyForward),
                            ("c", Msg::KeyClose),
                            ("Esc", Msg::KeyBack),
                        ]);
                    }
                }
            }
            Screen::Search => items.extend([("Enter", Msg::KeyOpen), ("Esc", Msg::KeyBack)]),
            Screen::Directory => {
                if self.directory.sheet.is_some() {
                    items.extend([
                        ("Enter", Msg::KeyEdit),
                        ("^S", Msg::KeySave),
                        ("F8", Msg::KeyActive),
                        ("r", Msg::KeyRefer),
                        ("Esc", Msg::KeyBack),
                    ]);
                } else {
                    let enter = if self.directory.picking_for.is_some() {
                        Msg::KeyChoose
                    } else {
                        Msg::KeyOpen
                    };
                    items.extend([
                        ("Enter", enter),
                        ("F5", Msg::KeyFilterService),
                        ("F6", Msg::KeyFilterArea),
                        ("F7", Msg::KeyOpenNow),
                        ("F9", Msg::KeyAdd),
                        ("Esc", Msg::KeyBack),
                    ]);
                }
            }
            Screen::Report => items.extend([
                ("←", Msg::KeyPrevMonth),
                ("→", Msg::KeyNextMonth),
                ("Esc", Msg::KeyBack),
            ]),
            _ => items.extend([("F2", Msg::KeyNew), ("Esc", Msg::KeyBack)]),
        }
        // What the role may not do is not offered.
        let assignee = match self.screen {
            Screen::Board => self.board.selected().and_then(|c| c.assigned_to.clone()),
            Screen::Case => self
                .case
                .as_ref()
                .and_then(|c| c.file.card.assigned_to.clone()),
            _ => None,
        };
        let in_directory = self.screen == Screen::Directory;
        items.retain(|(_, m)| {
            let action = match m {
                Msg::KeyForward | Msg::KeyBackStage => Permission::Move,
                Msg::KeyClose => Permission::Close,
                Msg::KeyAssign => Permission::Assign,
                Msg::KeyNote => Permission::AddNote,
                Msg::KeyAudit => Permission::ReadAudit,
                Msg::KeyReport => Permission::Report,
                Msg::KeyEdit | Msg::KeySave | Msg::KeyActive | Msg::KeyAdd if in_directory => {
                    Permission::ManageDirectory
                }
                Msg::KeyEdit => Permission::Edit,
                _ => return true,
            };
            self.may(action, assignee.as_deref())
        });
        // Quit is always shown: it goes last, and the bar drops middle items to keep it.
        let quit = ("F10", Msg::KeyQuit);
        let width = |(k, m): &(&str, Msg)| k.chars().count() + m.get(lang).chars().count() + 2;
        let budget = (area.width as usize).saturating_sub(width(&quit));
        let mut used = 0;
        let mut shown: Vec<(&str, Msg)> = Vec::new();
        for it in items {
            if used + width(&it) > budget {
                break;
            }
            used += width(&it);
            shown.push(it);
        }
        shown.push(quit);
        let mut spans = Vec::new();
        for (k, m) in shown {
            spans.push(Span::styled(k.to_string(), theme.key()));
            spans.push(Span::styled(
                format!(" {} ", m.get(lang)),
                theme.key_label(),
            ));
        }
        f.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    fn draw_drafts(&self, f: &mut Frame, area: Rect) {
        let lang = self.lang();
        let theme = self.ctx.theme;
        let [intro, list] =
            Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
        f.render_widget(
            Paragraph::new(Msg::DraftsIntro.get(lang))
                .wrap(Wrap { trim: true })
                .block(Block::default().borders(Borders::NONE)),
            Rect {
                x: intro.x + 1,
                width: intro.width.saturating_sub(2),
                ..intro
            },
        );
        let items: Vec<ListItem> = self
            .drafts
            .iter()
            .map(|d| {
                let when = crate::clock::shown(&d.updated_at, "%d-%m-%Y %H:%M");
                let kinds: Vec<&str> = d
                    .intake
                    .incident
                    .violence
                    .iter()
                    .map(|c| vocab::VIOLENCE.label(c, lang))
                    .collect();
                let kinds = if kinds.is_empty() {
                    Msg::NoneChosen.get(lang).to_string()
                } else {
                    kinds.join(", ")
                };
                ListItem::new(fill(
                    Msg::DraftRow.get(lang),
                    &[&when, &d.intake.victim_initials(), &kinds],
                ))
            })
            .collect();
        let mut state = ListState::default();
        if !self.drafts.is_empty() {
            state.select(Some(self.drafts_cursor));
        }
        f.render_stateful_widget(
            List::new(items)
                .highlight_style(theme.selected())
                .highlight_symbol("▶ "),
            list,
            &mut state,
        );
    }

    fn draw_saved(&self, f: &mut Frame, area: Rect) {
        let lang = self.lang();
        let theme = self.ctx.theme;
        let number = self.saved_number.clone().unwrap_or_default();
        let lines = vec![
            Line::raw(""),
            Line::from(Span::styled(
                format!("  {}", Msg::TitleSaved.get(lang)),
                theme.ok(),
            )),
            Line::raw(""),
            Line::from(Span::styled(
                format!("  {}", fill(Msg::CaseOpenedNumber.get(lang), &[&number])),
                theme.section(),
            )),
            Line::raw(""),
            Line::raw(format!("  {}", Msg::WriteOnPaper.get(lang))),
            Line::raw(""),
            Line::raw(format!("  {}", Msg::SavedNext.get(lang))),
        ];
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
    }
}

fn draw_help(f: &mut Frame, area: Rect, lang: Lang, theme: &Theme, scroll: u16) -> u16 {
    let key = |k: &str| Span::styled(format!("  {k:<16}"), theme.label_focused());
    let mut lines = vec![Line::from(Span::styled(
        Msg::HelpGlobal.get(lang),
        theme.section(),
    ))];
    for (fk, ck, g) in keys::HELP {
        let what = match g {
            Global::Help => Msg::HHelp,
            Global::NewIntake => Msg::HNew,
            Global::Board => Msg::HBoard,
            Global::Directory => Msg::HDirectory,
            Global::Quit => Msg::HQuit,
        };
        lines.push(Line::from(vec![
            key(&format!("{fk} / {ck}")),
            Span::raw(what.get(lang)),
        ]));
    }
    lines.push(Line::from(vec![
        key("F12 / Ctrl-Z"),
        Span::raw(Msg::HPrivacy.get(lang)),
    ]));
    lines.push(Line::from(vec![
        key("Esc"),
        Span::raw(Msg::HBack.get(lang)),
    ]));
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        Msg::HelpForm.get(lang),
        theme.section(),
    )));
    for (k, m) in [
        ("Tab / ↓ / Enter", Msg::HMove),
        ("PgDn / PgUp", Msg::HSection),
        ("Enter / Spasi", Msg::HPick),
        ("Ctrl-S / F9", Msg::HSave),
        ("F5 / Ctrl-T", Msg::HAddVictim),
        ("F6 / Ctrl-R", Msg::HAddPerp),
        ("F8 / Ctrl-X", Msg::HRemove),
        ("←→ ^W ^U", Msg::HEdit),
    ] {
        lines.push(Line::from(vec![key(k), Span::raw(m.get(lang))]));
    }
    lines.push(Line::raw(format!("  {}", Msg::HLongText.get(lang))));
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        Msg::HelpList.get(lang),
        theme.section(),
    )));
    lines.push(Line::from(vec![
        key("Spasi"),
        Span::raw(Msg::HToggle.get(lang)),
    ]));
    lines.push(Line::from(vec![
        key("Enter"),
        Span::raw(Msg::HChoose.get(lang)),
    ]));
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        Msg::HelpBoard.get(lang),
        theme.section(),
    )));
    for (k, m) in [
        ("← → ↑ ↓ / h l k j", Msg::HBoardMove),
        ("Enter", Msg::HBoardOpen),
        ("> / <", Msg::HBoardStage),
        ("c / o", Msg::HBoardClose),
        ("a", Msg::HBoardAssign),
        ("/", Msg::HBoardSearch),
        ("f / t", Msg::HBoardFilter),
        ("L", Msg::HBoardAudit),
        ("R", Msg::HReport),
    ] {
        lines.push(Line::from(vec![key(k), Span::raw(m.get(lang))]));
    }
    lines.push(Line::raw(format!("  {}", Msg::HBoardMarks.get(lang))));
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        Msg::HelpCase.get(lang),
        theme.section(),
    )));
    for (k, m) in [
        ("e", Msg::HCaseEdit),
        ("n", Msg::HCaseNote),
        ("v", Msg::HCaseReveal),
        ("t", Msg::HCaseTab),
        ("r", Msg::HCaseRefer),
        ("s / l", Msg::HCaseStatus),
        ("Esc", Msg::HBack),
    ] {
        lines.push(Line::from(vec![key(k), Span::raw(m.get(lang))]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        Msg::HelpDirectory.get(lang),
        theme.section(),
    )));
    for (k, m) in [
        ("a–z", Msg::HDirType),
        ("F5 F6 F7 / ^L ^R ^O", Msg::HDirFilters),
        ("Enter", Msg::HDirOpen),
        ("F9 / Ctrl-T", Msg::HDirAdd),
    ] {
        lines.push(Line::from(vec![key(k), Span::raw(m.get(lang))]));
    }
    lines.push(Line::raw(format!("  {}", Msg::HDirSheet.get(lang))));
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        Msg::HelpReport.get(lang),
        theme.section(),
    )));
    for (k, m) in [
        ("← → / [ ]", Msg::HReportMonth),
        ("↑ ↓ PgUp PgDn", Msg::HReportScroll),
    ] {
        lines.push(Line::from(vec![key(k), Span::raw(m.get(lang))]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        Msg::HelpDrafts.get(lang),
        theme.section(),
    )));
    lines.push(Line::from(vec![
        key("Enter"),
        Span::raw(Msg::HResume.get(lang)),
    ]));
    lines.push(Line::from(vec![
        key("Del / d"),
        Span::raw(Msg::HDiscard.get(lang)),
    ]));
    lines.push(Line::raw(""));
    lines.push(Line::raw(Msg::HelpCtrlNote.get(lang)));
    let w = area.width.max(1) as usize;
    let total = lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(w))
        .sum::<usize>() as u16;
    let para = Paragraph::new(lines).wrap(Wrap { trim: false });
    let max = total.saturating_sub(area.height);
    let scroll = scroll.min(max);
    f.render_widget(para.scroll((scroll, 0)), area);
    if scroll < max && area.height > 0 {
        let more = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        f.render_widget(Clear, more);
        f.render_widget(
            Paragraph::new(Span::styled(
                format!("  ↓ {}", Msg::HelpMore.get(lang)),
                theme.placeholder(),
            )),
            more,
        );
    }
    scroll
}
