//! The effects of the board, the case file and search: loading them, the dialogs their keys
//! ask for, moving and assigning cases, notes, edits, and live refresh.

use std::time::{Duration, Instant};

use crate::domain::access::AccessKind;
use crate::domain::case::{Card, Move, MoveError, Saved, Stage, check_move};
use crate::domain::intake::diff;
use crate::domain::merge::{choose, merge};
use crate::domain::vocab;
use crate::i18n::{self, Msg, fill};
use crate::store::casework::CaseEdit;
use crate::ui::action::Action;
use crate::ui::app::{App, Screen};
use crate::ui::flows::Flow;
use crate::ui::screens::casefile::CaseView;

/// How often the board and case file look for other workers' changes. `PRAGMA data_version`
/// is one cheap read; the screen is redrawn only when it moved.
pub const POLL: Duration = Duration::from_secs(15);

/// Results shown while typing in search.
const SEARCH_LIMIT: usize = 50;

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
    pub(in crate::ui::app) fn confirm(&mut self, text: String, yes: Action) {
        self.flow = Some(Flow::confirm(text, yes));
    }

    pub(in crate::ui::app) fn open_board(&mut self) {
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
        self.nav.show(Screen::Board);
    }

    /// `meja --board`: the first frame from the board's outline and the cards that fit in
    /// `rows` terminal rows; the rest is read right after it is drawn (see `tick`).
    pub(in crate::ui::app) fn open_board_fast(&mut self, rows: u16) {
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
        self.load_legal_marks();
        self.board_partial = true;
        self.data_version = self.ctx.store.data_version().unwrap_or(0);
        self.next_poll = Some(Instant::now() + POLL);
        self.nav.show(Screen::Board);
    }

    /// The law's marks on the cards (clocks still running or breached, hearings this week)
    /// and each column's count of cases with something overdue. The week's legal items hold
    /// today's, so one read serves both: the board's start-up waits for it.
    fn load_legal_marks(&mut self) {
        let week =
            self.ctx.today() + chrono::Duration::days(crate::domain::legal::HEARING_SOON_DAYS);
        match self.ctx.store.legal_due(week) {
            Ok(due) => {
                self.load_overdue_counts(&due);
                self.board.set_legal(due, self.ctx.config.clocks.clone());
            }
            Err(e) => {
                let t = e.render(self.lang());
                self.set_status(t, true);
            }
        }
    }

    pub(in crate::ui::app) fn reload_board(&mut self) {
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
        self.load_legal_marks();
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

    pub(in crate::ui::app) fn reload_case(&mut self) {
        let Some(id) = self.case.as_ref().map(|c| c.file.card.id) else {
            return;
        };
        if let Ok(Some(file)) = self.ctx.store.case_file(id) {
            if let Some(c) = &mut self.case {
                c.refresh(file);
            }
        }
        self.reload_case_records();
        self.reload_case_legal();
    }

    /// The access log, for those whose role reads it.
    pub(in crate::ui::app) fn open_audit(&mut self) {
        let filter = crate::store::access::AccessFilter {
            limit: Some(crate::ui::screens::audit::LOAD),
            ..Default::default()
        };
        match self.ctx.store.access_log(&filter) {
            Ok(rows) => {
                self.audit = crate::ui::screens::audit::AuditView {
                    rows,
                    ..Default::default()
                };
                self.nav.push(Screen::Audit);
            }
            Err(e) => {
                let t = e.render(self.lang());
                self.set_status(t, true);
            }
        }
    }

    pub(in crate::ui::app) fn open_case(&mut self, id: i64) {
        match self.ctx.store.case_file(id) {
            Ok(Some(file)) => {
                // Re-opening the case already on screen (after a referral) is not a new look.
                let same = self.case.as_ref().is_some_and(|c| c.file.card.id == id);
                if !same && !self.log_access(AccessKind::Open, Some(id), "") {
                    return;
                }
                self.case = Some(CaseView::new(file));
                // A case found by search takes the search's place: Esc leads to the board.
                if self.screen() == Screen::Search {
                    self.nav.replace(Screen::Case);
                } else {
                    self.nav.push(Screen::Case);
                }
                self.reload_case_referrals();
                self.reload_case_records();
                self.reload_case_legal();
            }
            Ok(None) => {}
            Err(e) => {
                let t = e.render(self.lang());
                self.set_status(t, true);
            }
        }
    }

    /// `>`: confirm moving the case one stage on (an emergency may jump to intervention).
    pub(in crate::ui::app) fn ask_forward(&mut self, card: Card) {
        let lang = self.lang();
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

    pub(in crate::ui::app) fn ask_back(&mut self, card: Card) {
        let lang = self.lang();
        let Some(prev) = card.stage.prev().filter(|_| card.stage != Stage::Terminasi) else {
            self.set_status(Msg::ErrWrongDirection.get(lang).into(), true);
            return;
        };
        self.flow = Some(Flow::move_back(card, prev, lang));
    }

    pub(in crate::ui::app) fn ask_close(&mut self, card: Card) {
        let lang = self.lang();
        if card.stage == Stage::Terminasi {
            self.set_status(Msg::ErrCaseClosed.get(lang).into(), true);
            return;
        }
        self.flow = Some(Flow::close(card, lang));
    }

    pub(in crate::ui::app) fn ask_reopen(&mut self, card: Card) {
        let lang = self.lang();
        if card.stage != Stage::Terminasi {
            self.set_status(Msg::ErrCaseNotClosed.get(lang).into(), true);
            return;
        }
        self.flow = Some(Flow::reopen(card, lang));
    }

    pub(in crate::ui::app) fn ask_assign(&mut self, card: Card) {
        let current = card
            .assigned_to
            .clone()
            .unwrap_or_else(|| self.ctx.staff.clone());
        let accounts = match self.ctx.store.staff_list() {
            Ok(list) => crate::ui::widgets::accounts::vocab(&list),
            Err(e) => {
                let t = e.render(self.lang());
                self.set_status(t, true);
                return;
            }
        };
        self.flow = Some(Flow::assign(card, &current, accounts, self.lang()));
    }

    pub(in crate::ui::app) fn ask_board_filter(&mut self) {
        // Ticked: what is in force now, including the dates and region asked apart.
        let mut chosen = self.board.filter.codes.clone();
        if self.board.filter.opened.is_some() {
            chosen.push("dates".into());
        }
        if self.board.filter.region.is_some() {
            chosen.push("region".into());
        }
        let region = self.board.filter.region.clone().unwrap_or_default();
        self.flow = Some(Flow::board_filter(&chosen, &region, self.lang()));
    }

    /// `e` on the case file. Editing shows the NIK in full: that is a reveal, and logged as
    /// one.
    pub(in crate::ui::app) fn start_edit(&mut self, card: &Card) {
        if self.case.as_ref().is_some_and(|c| c.has_nik())
            && !self.log_access(AccessKind::Reveal, Some(card.id), "ubah")
        {
            return;
        }
        let Some(view) = &mut self.case else { return };
        view.start_edit();
        view.form.default_region = self.ctx.config.region.regency.clone();
    }

    pub(in crate::ui::app) fn reveal_nik(&mut self, case_id: i64) {
        if !self.log_access(AccessKind::Reveal, Some(case_id), "") {
            return;
        }
        if let Some(view) = &mut self.case {
            view.form.reveal_nik = true;
        }
    }

    pub(in crate::ui::app) fn add_note(&mut self, case_id: i64, body: &str) {
        let lang = self.lang();
        let now = self.ctx.now();
        match self.ctx.store.add_note(case_id, body, &self.ctx.staff, now) {
            Ok(()) => {
                self.set_status(Msg::NoteAdded.get(lang).into(), false);
                self.reload_case();
            }
            Err(e) => {
                let t = e.render(lang);
                self.set_status(t, true);
            }
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
    pub(in crate::ui::app) fn apply_move(&mut self, card: &Card, mv: Move) -> Result<(), String> {
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
        // A `warn` office moves on without an approved plan, and the worker is told.
        let unapproved = matches!(
            self.ctx.store.move_gate(card.id, card.stage, &mv),
            Ok(crate::domain::approval::GateOutcome::Warn)
        );
        let r =
            self.ctx
                .store
                .apply_move(card.id, card.version, card.stage, &mv, &self.ctx.staff, now);
        let done = if unapproved {
            Msg::MovedNoPlan
        } else {
            Msg::Moved
        };
        self.after_write(card.id, r, done);
        Ok(())
    }

    pub(in crate::ui::app) fn assign(&mut self, card: &Card, name: &str) {
        let now = self.ctx.now();
        let r = self
            .ctx
            .store
            .assign(card.id, card.version, name, &self.ctx.staff, now);
        self.after_write(card.id, r, Msg::Assigned);
    }

    pub(in crate::ui::app) fn leave_board(&mut self) {
        self.nav.show(if self.form.is_some() {
            Screen::Intake
        } else {
            Screen::Drafts
        });
        if self.screen() == Screen::Drafts && self.drafts.list.is_empty() {
            self.new_intake();
        }
    }

    /// After a refused save: the worker's answer on the first contested field, then the
    /// question on the next one.
    pub(in crate::ui::app) fn choose_contested(&mut self, mine: bool) {
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
    pub(in crate::ui::app) fn save_case_edit(&mut self) {
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

    pub(in crate::ui::app) fn run_search(&mut self, q: &str) {
        let found = self
            .ctx
            .store
            .search_cases(q, SEARCH_LIMIT)
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
    pub(in crate::ui::app) fn poll_changes(&mut self, now: Instant) -> bool {
        if !matches!(self.screen(), Screen::Board | Screen::Case | Screen::Search) {
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

/// An empty value, shown as a dash.
fn or_dash(s: &str) -> &str {
    if s.is_empty() { "—" } else { s }
}
