//! The board, the case file and search: loading, moving cases, dialogs and live refresh.
//!
//! Over 600 lines while the board, case file and search share `App`; each goes to its own
//! module when screens get one trait (issue 15, the screens step, not done yet).

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::{App, Screen};
use crate::domain::access::AccessKind;
use crate::domain::case::{Card, Move, MoveError, Permission, Saved, Stage, check_move};
use crate::domain::intake::diff;
use crate::domain::merge::{choose, merge};
use crate::domain::vocab;
use crate::i18n::{self, Lang, Msg, fill};
use crate::store::casework::CaseEdit;
use crate::ui::action::Action;
use crate::ui::board::BoardEvent;
use crate::ui::casefile::{CaseView, Tab};
use crate::ui::flows::Flow;
use crate::ui::intake::IntakeForm;
use crate::ui::keymap::{CASE, CASE_REFERRALS, CaseKey};
use crate::ui::keys;
use crate::ui::theme::Theme;
use crate::ui::widgets::text::truncate;

/// How often the board and case file look for other workers' changes. `PRAGMA data_version`
/// is one cheap read; the screen is redrawn only when it moved.
pub const POLL: Duration = Duration::from_secs(15);

/// Results shown while typing in search.
const SEARCH_LIMIT: usize = 50;

#[derive(Debug, Default)]
pub struct SearchView {
    pub input: Input,
    pub results: Vec<Card>,
    pub cursor: usize,
}

impl SearchView {
    /// A paste into the search (a case number copied from a letter), cleaned to one line.
    pub fn paste(&mut self, text: &str) {
        let v = format!(
            "{}{}",
            self.input.value(),
            crate::domain::text::clean_line(text).trim()
        );
        self.input = Input::new(v.clone()).with_cursor(v.chars().count());
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, lang: Lang, theme: &Theme, today: NaiveDate) {
        if area.height < 2 {
            return;
        }
        let prompt = format!(" {}: ", Msg::SearchPrompt.get(lang));
        let plen = prompt.chars().count() as u16;
        f.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(prompt, theme.section()),
                Span::raw(self.input.value().to_string()),
            ])),
            Rect { height: 1, ..area },
        );
        f.set_cursor_position((area.x + plen + self.input.visual_cursor() as u16, area.y));
        let list_area = Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        };
        let items: Vec<ListItem> =
            if self.results.is_empty() && !self.input.value().trim().is_empty() {
                vec![ListItem::new(Span::styled(
                    Msg::SearchNone.get(lang),
                    theme.placeholder(),
                ))]
            } else {
                self.results
                    .iter()
                    .map(|c| {
                        let line = format!(
                            "{:<18} {:<8} {:<22} {:<8} {}",
                            c.number,
                            c.initials,
                            vocab::STAGES.label(c.stage.code(), lang),
                            vocab::RISK.label(&c.risk, lang),
                            fill(Msg::DaysShort.get(lang), &[&c.days_in_stage(today)])
                        );
                        ListItem::new(truncate(&line, area.width as usize))
                    })
                    .collect()
            };
        let mut state = ListState::default();
        if !self.results.is_empty() {
            state.select(Some(self.cursor.min(self.results.len() - 1)));
        }
        f.render_stateful_widget(
            List::new(items).highlight_style(theme.selected()),
            list_area,
            &mut state,
        );
    }
}

fn move_error(e: MoveError) -> Msg {
    match e {
        MoveError::SkipsStage => Msg::ErrSkipsStage,
        MoveError::WrongDirection => Msg::ErrWrongDirection,
        MoveError::ReasonRequired => Msg::ErrReasonRequired,
        MoveError::ClosureReasonRequired => Msg::ErrClosureReason,
        MoveError::Closed => Msg::ErrCaseClosed,
        MoveError::NotClosed => Msg::ErrCaseNotClosed,
        MoveError::NotPermitted => Msg::ErrNotPermitted,
    }
}

impl App {
    pub(super) fn confirm(&mut self, text: String, yes: Action) {
        self.flow = Some(Flow::confirm(text, yes));
    }

    /// The case-file form while it is being edited (keys and pastes go to it).
    pub(super) fn editing_form(&mut self) -> Option<&mut IntakeForm> {
        if self.screen != Screen::Case {
            return None;
        }
        self.case
            .as_mut()
            .filter(|c| c.editing && c.tab == Tab::Data)
            .map(|c| &mut c.form)
    }

    pub(super) fn open_board(&mut self) {
        // At a million cases reading the board takes most of a second: when nothing changed
        // since it was read (no write by anyone, same day, same toggle), what is loaded is
        // what a reload would give.
        let mark = self.ctx.store.change_mark().ok();
        let same = !self.board_partial
            && mark.is_some()
            && self.board_mark == mark.map(|m| (m, self.ctx.today(), self.board.show_closed));
        if !same {
            self.reload_board();
        }
        self.screen = Screen::Board;
    }

    /// `meja --board`: the first frame from the board's outline and the cards that fit in
    /// `rows` terminal rows; the rest is read right after it is drawn (see `tick`).
    pub(super) fn open_board_fast(&mut self, rows: u16) {
        let today = self.ctx.today();
        let Ok(outline) = self.ctx.store.board_outline() else {
            self.open_board();
            return;
        };
        self.board
            .set_cards(outline, &self.ctx.staff, &self.targets, today);
        // A card takes two rows at least.
        let ids = self.board.top_ids(usize::from(rows / 2 + 1));
        match self.ctx.store.cards(&ids) {
            Ok(cards) => self.board.fill_in(cards),
            Err(_) => {
                self.open_board();
                return;
            }
        }
        self.board_partial = true;
        self.data_version = self.ctx.store.data_version().unwrap_or(0);
        self.next_poll = Some(Instant::now() + POLL);
        self.screen = Screen::Board;
    }

    pub(super) fn reload_board(&mut self) {
        self.board_partial = false;
        let today = self.ctx.today();
        match self.ctx.store.board(false).and_then(|mut open| {
            if self.board.show_closed {
                open.extend(self.ctx.store.board(true)?);
            }
            Ok(open)
        }) {
            Ok(cards) => self
                .board
                .set_cards(cards, &self.ctx.staff, &self.targets, today),
            Err(e) => {
                let t = e.render(self.lang());
                self.set_status(t, true);
            }
        }
        self.data_version = self.ctx.store.data_version().unwrap_or(0);
        self.board_mark = self
            .ctx
            .store
            .change_mark()
            .ok()
            .map(|m| (m, today, self.board.show_closed));
        self.next_poll = Some(Instant::now() + POLL);
    }

    /// After this session changed case `id`: reads that card alone again, when no other
    /// session has written since the board was loaded (`data_version` moves only for other
    /// connections' commits), instead of all of the board's thousands. False when the whole
    /// board must be read.
    fn refresh_card(&mut self, id: i64) -> bool {
        if !self.board.has(id) || self.ctx.store.data_version().ok() != Some(self.data_version) {
            return false;
        }
        let Ok(mut found) = self.ctx.store.cards(&[id]) else {
            return false;
        };
        let today = self.ctx.today();
        let card = found.pop();
        self.board
            .replace_card(id, card, &self.ctx.staff, &self.targets, today);
        true
    }

    pub(super) fn reload_case(&mut self) {
        let Some(id) = self.case.as_ref().map(|c| c.file.card.id) else {
            return;
        };
        if let Ok(Some(file)) = self.ctx.store.case_file(id) {
            if let Some(c) = &mut self.case {
                c.refresh(file);
            }
        }
    }

    /// The access log, for those whose role reads it.
    fn open_audit(&mut self) {
        if !self.permitted(Permission::ReadAudit, None) {
            return;
        }
        let filter = crate::store::access::AccessFilter {
            limit: Some(crate::ui::audit::LOAD),
            ..Default::default()
        };
        match self.ctx.store.access_log(&filter) {
            Ok(rows) => {
                self.audit = crate::ui::audit::AuditView {
                    rows,
                    ..Default::default()
                };
                self.screen = Screen::Audit;
            }
            Err(e) => {
                let t = e.render(self.lang());
                self.set_status(t, true);
            }
        }
    }

    pub(super) fn open_case(&mut self, id: i64) {
        match self.ctx.store.case_file(id) {
            Ok(Some(file)) => {
                // Re-opening the case already on screen (after a referral) is not a new look.
                let same = self.case.as_ref().is_some_and(|c| c.file.card.id == id);
                if !same && !self.log_access(AccessKind::Open, Some(id), "") {
                    return;
                }
                self.case = Some(CaseView::new(file));
                self.screen = Screen::Case;
                self.reload_case_referrals();
            }
            Ok(None) => {}
            Err(e) => {
                let t = e.render(self.lang());
                self.set_status(t, true);
            }
        }
    }

    /// Starts what a board or case-file key asked for: a confirmation, a reason, a list.
    fn request(&mut self, ev: BoardEvent) {
        let lang = self.lang();
        // What the role may not do is refused here, before any dialog opens: one gate for
        // the board and the case file alike.
        let gate = match &ev {
            BoardEvent::Forward(c) | BoardEvent::Back(c) => Some((Permission::Move, c)),
            BoardEvent::Close(c) => Some((Permission::Close, c)),
            BoardEvent::Reopen(c) => Some((Permission::Reopen, c)),
            BoardEvent::Assign(c) => Some((Permission::Assign, c)),
            _ => None,
        };
        if let Some((action, card)) = gate {
            let assigned = card.assigned_to.clone();
            if !self.permitted(action, assigned.as_deref()) {
                return;
            }
        }
        match ev {
            BoardEvent::None => {}
            BoardEvent::Open(id) => self.open_case(id),
            BoardEvent::Forward(card) => {
                let Some(next) = card.stage.next().filter(|s| *s != Stage::Terminasi) else {
                    self.set_status(Msg::ErrWrongDirection.get(lang).into(), true);
                    return;
                };
                let label = vocab::STAGES.label(next.code(), lang);
                let jump = card.emergency && card.stage == Stage::Pengaduan;
                let mut text = fill(Msg::ConfirmMove.get(lang), &[&card.number, &label]);
                if jump {
                    text = format!("{text} {}", Msg::ConfirmJump.get(lang));
                }
                let yes = Action::Move {
                    card: card.clone(),
                    mv: Move::Forward(next),
                };
                self.flow = Some(if jump {
                    let alt = Action::Move {
                        card,
                        mv: Move::Forward(Stage::Intervensi),
                    };
                    Flow::confirm_or(text, yes, 'd', alt)
                } else {
                    Flow::confirm(text, yes)
                });
            }
            BoardEvent::Back(card) => {
                let Some(prev) = card.stage.prev().filter(|_| card.stage != Stage::Terminasi)
                else {
                    self.set_status(Msg::ErrWrongDirection.get(lang).into(), true);
                    return;
                };
                self.flow = Some(Flow::move_back(card, prev, lang));
            }
            BoardEvent::Close(card) => {
                if card.stage == Stage::Terminasi {
                    self.set_status(Msg::ErrCaseClosed.get(lang).into(), true);
                    return;
                }
                self.flow = Some(Flow::close(card, lang));
            }
            BoardEvent::Reopen(card) => {
                if card.stage != Stage::Terminasi {
                    self.set_status(Msg::ErrCaseNotClosed.get(lang).into(), true);
                    return;
                }
                self.flow = Some(Flow::reopen(card, lang));
            }
            BoardEvent::Assign(card) => {
                let current = card
                    .assigned_to
                    .clone()
                    .unwrap_or_else(|| self.ctx.staff.clone());
                self.flow = Some(Flow::assign(card, &current, lang));
            }
            BoardEvent::Search => {
                self.search = SearchView::default();
                self.screen = Screen::Search;
            }
            BoardEvent::Filter => {
                // Ticked: what is in force now, including the dates and region asked apart.
                let mut chosen = self.board.filter.codes.clone();
                if self.board.filter.opened.is_some() {
                    chosen.push("dates".into());
                }
                if self.board.filter.region.is_some() {
                    chosen.push("region".into());
                }
                let region = self.board.filter.region.clone().unwrap_or_default();
                self.flow = Some(Flow::board_filter(&chosen, &region, lang));
            }
            BoardEvent::ClearFilter => {
                if self.board.filter.is_active() {
                    self.board.filter = crate::ui::board::Filter::default();
                    let today = self.ctx.today();
                    self.board.rebuild(&self.ctx.staff, &self.targets, today);
                }
            }
            BoardEvent::ToggleClosed => {
                self.board.show_closed = !self.board.show_closed;
                self.reload_board();
            }
            BoardEvent::Audit => self.open_audit(),
            BoardEvent::Report => {
                if self.permitted(Permission::Report, None) {
                    self.open_report();
                }
            }
            BoardEvent::Leave => self.leave_board(),
        }
    }

    fn after_write(&mut self, id: i64, r: crate::error::Result<Saved>, done: Msg) {
        let lang = self.lang();
        match r {
            Ok(Saved::Done(_)) => {
                self.set_status(done.get(lang).into(), false);
                if self.refresh_card(id) {
                    self.reload_case();
                    return;
                }
            }
            Ok(Saved::Conflict) => self.set_status(Msg::ConflictReloaded.get(lang).into(), true),
            Err(e) => {
                let t = e.render(lang);
                self.set_status(t, true);
            }
        }
        self.reload_board();
        self.reload_case();
    }

    /// Applies a stage move. A missing reason is refused (Err: the flow that asked stays open
    /// with the message); any other refusal goes to the status line.
    pub(super) fn apply_move(&mut self, card: &Card, mv: Move) -> Result<(), String> {
        let lang = self.lang();
        let actor = self.ctx.actor();
        let policy = actor.on_case(card.assigned_to.as_deref());
        if let Err(e) = check_move(card.stage, card.emergency, &mv, &self.ctx.staff, &policy) {
            let why = move_error(e).get(lang).to_string();
            if matches!(
                e,
                MoveError::ReasonRequired | MoveError::ClosureReasonRequired
            ) {
                return Err(why);
            }
            self.set_status(why, true);
            return Ok(());
        }
        let now = self.ctx.now();
        let r =
            self.ctx
                .store
                .apply_move(card.id, card.version, card.stage, &mv, &self.ctx.staff, now);
        self.after_write(card.id, r, Msg::Moved);
        Ok(())
    }

    pub(super) fn assign(&mut self, card: &Card, name: &str) {
        if !self.permitted(Permission::Assign, None) {
            return;
        }
        let now = self.ctx.now();
        let r = self
            .ctx
            .store
            .assign(card.id, card.version, name, &self.ctx.staff, now);
        self.after_write(card.id, r, Msg::Assigned);
    }

    pub(super) fn on_board_key(&mut self, key: &KeyEvent) {
        let ev = self.board.handle(key);
        self.request(ev);
    }

    fn leave_board(&mut self) {
        self.screen = if self.form.is_some() {
            Screen::Intake
        } else {
            Screen::Drafts
        };
        if self.screen == Screen::Drafts && self.drafts.is_empty() {
            self.new_intake();
        }
    }

    pub(super) fn on_case_key(&mut self, key: &KeyEvent) {
        let lang = self.lang();
        let today = self.ctx.today();
        let Some(view) = &mut self.case else { return };
        if view.editing {
            if keys::form(key) == Some(keys::FormKey::Save) {
                self.save_case_edit();
                return;
            }
            if key.code == KeyCode::Esc
                && view.form.pick.is_none()
                && view.form.region_pick.is_none()
            {
                if view.form.intake == view.base {
                    view.stop_edit();
                } else {
                    self.confirm(Msg::ConfirmCancelEdit.get(lang).into(), Action::CancelEdit);
                }
                return;
            }
            if let Some(k) = keys::form(key) {
                match k {
                    keys::FormKey::AddVictim => {
                        view.form.add_victim(today);
                    }
                    keys::FormKey::AddPerpetrator => {
                        view.form.add_perpetrator(today);
                    }
                    _ => {}
                }
                return;
            }
            view.form.handle(&Event::Key(*key), today);
            return;
        }
        let card = view.file.card.clone();
        let table = if view.tab == Tab::Referrals {
            &CASE_REFERRALS
        } else {
            &CASE
        };
        let Some(k) = table.lookup(key) else {
            // The Data tab is the read-only form: its own keys move through it.
            if view.tab == Tab::Data {
                view.form.handle(&Event::Key(*key), today);
            }
            return;
        };
        match k {
            CaseKey::Leave => {
                self.case = None;
                self.open_board();
            }
            CaseKey::Tab => view.tab = view.tab.next(),
            CaseKey::Refer => self.start_referral(card.id, card.number.clone()),
            _ if view.tab == Tab::Referrals => self.on_referrals_key(k),
            CaseKey::Edit => {
                if !self.permitted(Permission::Edit, card.assigned_to.as_deref()) {
                    return;
                }
                // Editing shows the NIK in full: that is a reveal, and logged as one.
                if self.case.as_ref().is_some_and(|c| c.has_nik())
                    && !self.log_access(AccessKind::Reveal, Some(card.id), "ubah")
                {
                    return;
                }
                let Some(view) = &mut self.case else { return };
                view.start_edit();
                view.form.default_region = self.ctx.config.region.regency.clone();
            }
            CaseKey::Reveal => {
                let revealing = !view.form.reveal_nik;
                if revealing
                    && (!view.has_nik() || !self.log_access(AccessKind::Reveal, Some(card.id), ""))
                {
                    return;
                }
                let Some(view) = &mut self.case else { return };
                view.form.reveal_nik = revealing;
            }
            CaseKey::Note => {
                if !self.permitted(Permission::AddNote, card.assigned_to.as_deref()) {
                    return;
                }
                self.flow = Some(Flow::note(card.id, lang));
            }
            CaseKey::Forward => self.request(BoardEvent::Forward(card)),
            CaseKey::Back => self.request(BoardEvent::Back(card)),
            CaseKey::Close => self.request(BoardEvent::Close(card)),
            CaseKey::Reopen => self.request(BoardEvent::Reopen(card)),
            CaseKey::Assign => self.request(BoardEvent::Assign(card)),
            CaseKey::Up if view.tab == Tab::Timeline => view.scroll = view.scroll.saturating_sub(1),
            CaseKey::Down if view.tab == Tab::Timeline => view.scroll += 1,
            CaseKey::PageUp if view.tab == Tab::Timeline => {
                view.scroll = view.scroll.saturating_sub(10)
            }
            CaseKey::PageDown if view.tab == Tab::Timeline => view.scroll += 10,
            CaseKey::Up | CaseKey::Down | CaseKey::PageUp | CaseKey::PageDown => {
                if view.tab == Tab::Data {
                    view.form.handle(&Event::Key(*key), today);
                }
            }
            CaseKey::Status | CaseKey::Letter => {}
        }
    }

    /// After a refused save: the worker's answer on the first contested field, then the
    /// question on the next one.
    pub(super) fn choose_contested(&mut self, mine: bool) {
        let lang = self.lang();
        let Some(view) = &mut self.case else { return };
        if view.contested.is_empty() {
            return;
        }
        let c = view.contested.remove(0);
        let mut intake = view.form.intake.clone();
        choose(&mut intake, &c, mine);
        view.form.replace_intake(intake);
        if let Some(next) = view.contested.first() {
            let left = view.contested.len() - 1;
            self.flow = Some(crate::ui::conflict::ask(next, left, &[], lang));
        }
    }

    /// Saves an edited case file; when someone saved first, merges what they changed into
    /// this edit field by field (see `ui::conflict`), now based on their version, to save
    /// again.
    fn save_case_edit(&mut self) {
        let lang = self.lang();
        let today = self.ctx.today();
        let now = self.ctx.now();
        let Some(view) = &mut self.case else { return };
        view.form.attempted_save();
        view.form.intake.clean();
        let after = view.form.intake.clone();
        let rec = match after.to_record(today) {
            Ok(r) => r,
            Err(errors) => {
                let first = errors[0];
                view.form.focus_field(first.field, today);
                let what = format!(
                    "{} — {}",
                    i18n::field_label(first.field, lang),
                    i18n::issue(first.issue, lang)
                );
                self.set_status(fill(Msg::FixFirst.get(lang), &[&what]), true);
                return;
            }
        };
        let edit = CaseEdit {
            before: &view.base,
            after: &after,
            record: &rec,
        };
        let (id, version) = (view.file.card.id, view.base_version);
        match self
            .ctx
            .store
            .update_case(id, version, &edit, &self.ctx.staff, now)
        {
            Ok(Saved::Done(_)) => {
                self.set_status(Msg::CaseSaved.get(lang).into(), false);
                if let Ok(Some(file)) = self.ctx.store.case_file(id)
                    && let Some(v) = &mut self.case
                {
                    v.file = file;
                    v.stop_edit();
                }
            }
            Ok(Saved::Conflict) => {
                let Ok(Some(current)) = self.ctx.store.case_file(id) else {
                    return;
                };
                let Some(view) = &mut self.case else { return };
                let mut lines: Vec<String> = diff(&view.base, &current.intake)
                    .into_iter()
                    .map(|c| {
                        format!(
                            "{}: {} → {}",
                            i18n::field_label(c.field, lang),
                            or_dash(&c.old),
                            or_dash(&c.new)
                        )
                    })
                    .collect();
                if current.card.stage != view.file.card.stage {
                    lines.push(format!(
                        "{}: {} → {}",
                        Msg::StageWord.get(lang),
                        vocab::STAGES.label(view.file.card.stage.code(), lang),
                        vocab::STAGES.label(current.card.stage.code(), lang)
                    ));
                }
                lines.insert(0, Msg::ConflictExplain.get(lang).to_string());
                lines.push(Msg::ConflictMerged.get(lang).to_string());
                // The person's own changes stay where the other did not touch the field; the
                // other's are taken everywhere else, so saving again reverts nothing. The
                // edit is now measured against the version just read.
                let merged = merge(&view.base, &current.intake, &view.form.intake);
                view.form.replace_intake(merged.merged);
                view.base = current.intake.clone();
                view.base_version = current.card.version;
                view.file = current;
                view.contested = merged.contested;
                self.flow = Some(match view.contested.first() {
                    Some(c) => {
                        let left = view.contested.len() - 1;
                        crate::ui::conflict::ask(c, left, &lines, lang)
                    }
                    None => Flow::info(Msg::ConflictTitle.get(lang).into(), lines),
                });
            }
            Err(e) => {
                let t = e.render(lang);
                self.set_status(t, true);
            }
        }
    }

    pub(super) fn on_search_key(&mut self, key: &KeyEvent) {
        match key.code {
            KeyCode::Esc => self.open_board(),
            KeyCode::Up => self.search.cursor = self.search.cursor.saturating_sub(1),
            KeyCode::Down if self.search.cursor + 1 < self.search.results.len() => {
                self.search.cursor += 1
            }
            KeyCode::Enter => {
                if let Some(c) = self.search.results.get(self.search.cursor) {
                    let id = c.id;
                    self.open_case(id);
                }
            }
            _ => {
                if self
                    .search
                    .input
                    .handle_event(&Event::Key(*key))
                    .is_some_and(|s| s.value)
                {
                    self.run_search();
                }
            }
        }
    }

    pub(super) fn run_search(&mut self) {
        let q = self.search.input.value().to_string();
        let found = self
            .ctx
            .store
            .search_cases(&q, SEARCH_LIMIT)
            .and_then(|ids| self.ctx.store.cards(&ids));
        match found {
            Ok(cards) => {
                self.search.results = cards;
                self.search.cursor = 0;
            }
            Err(e) => {
                let t = e.render(self.lang());
                self.set_status(t, true);
            }
        }
    }

    /// Reloads what is on screen when another worker changed the database.
    pub(super) fn poll_changes(&mut self, now: Instant) -> bool {
        if !matches!(self.screen, Screen::Board | Screen::Case | Screen::Search) {
            self.next_poll = None;
            return false;
        }
        self.next_poll = Some(now + POLL);
        let v = self.ctx.store.data_version().unwrap_or(self.data_version);
        if v == self.data_version {
            return false;
        }
        self.reload_board();
        self.reload_case();
        true
    }
}

/// Two day-first dates separated by `-`, `s/d`, `sd` or `to` (order does not matter).
fn or_dash(s: &str) -> &str {
    if s.is_empty() { "—" } else { s }
}
