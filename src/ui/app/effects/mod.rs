//! Effects: the one place an [`Action`] is applied, and the only UI code that touches the
//! store or files. Screens turn keys into actions and flows answer with them; `update` checks
//! the role once, from the action (`Action::permission`; a refusal is a status message), and
//! then does what was asked: opens a dialog, moves to a screen, or writes.
//!
//! `update` returns Err with a message when the action is refused for something the person
//! can fix in the dialog (a missing reason, an unknown case number): the flow then stays open
//! with that message inside it. Anything else (saved, a conflict, a store error) ends the flow
//! and shows on the status line.
//!
//! The effects of each part are in their own files: `cases.rs` (board, case file, search),
//! `directory.rs` (agencies, referrals, letters), `intake.rs` (drafts, opening a case),
//! `report.rs`, `access.rs` (the access log, sign-in).

mod access;
mod cases;
mod directory;
mod intake;
mod legal;
mod papers;
mod records;
mod report;
mod simfoni;
mod tugas;

use ratatui::crossterm::event::Event;

use super::{App, Screen};
use crate::domain::region;
use crate::i18n::{Msg, fill};
use crate::ui::action::Action;
use crate::ui::flows::{Flow, FlowCtx, Step};
use crate::ui::screens::search::SearchView;

impl App {
    fn flow_ctx(&self) -> FlowCtx {
        FlowCtx {
            lang: self.lang(),
            today: self.ctx.today(),
            regency: self.ctx.config.region.regency.clone(),
        }
    }

    /// A key or paste while a dialog is open: it goes to the dialog and nowhere else.
    pub(in crate::ui::app) fn on_flow(&mut self, ev: &Event) {
        let cx = self.flow_ctx();
        let Some(mut flow) = self.flow.take() else {
            return;
        };
        match flow.answer(ev, &cx) {
            Step::Continue => self.flow = Some(flow),
            Step::Cancelled => {}
            Step::Done(action) => {
                if let Err(why) = self.update(action) {
                    flow.refuse(why);
                    self.flow = Some(flow);
                }
            }
        }
    }

    /// An action asked for by a key: applied, and a refusal shown on the status line.
    pub(in crate::ui::app) fn act(&mut self, action: Action) {
        if let Err(why) = self.update(action) {
            self.set_status(why, true);
        }
    }

    /// Applies one action. See the module comment for what Err means.
    pub(in crate::ui::app) fn update(&mut self, action: Action) -> Result<(), String> {
        // A note or a correction on the case file may come under its intake worker's window.
        let on_case = match &action {
            Action::StartEdit(c) | Action::AskNote(c) => Some(c.id),
            _ => None,
        };
        if let Some((needs, assigned)) = action.permission()
            && !self.permitted_on(needs, assigned, on_case)
        {
            return Ok(());
        }
        let lang = self.lang();
        let now = self.ctx.now();
        match action {
            Action::SignIn => {
                let pin = self.lock.as_mut().map(|l| std::mem::take(&mut l.pin));
                self.sign_in(&pin.unwrap_or_default());
            }
            Action::Unlock => self.unlock(),
            Action::QuitLocked => {
                self.flush_draft(std::time::Instant::now());
                self.quit = true;
            }
            Action::Back => self.back(),
            Action::OpenCase(id) => self.open_case(id),
            Action::OpenSearch => {
                self.search = SearchView::default();
                self.nav.push(Screen::Search);
            }
            Action::OpenAudit => self.open_audit(),
            Action::OpenReport => self.open_report(),
            Action::LeaveBoard => self.leave_board(),
            Action::LeaveCase => {
                self.case = None;
                self.back();
            }
            Action::LeaveDirectory => self.leave_directory(),
            Action::ReportMonth(m) => self.load_report(m),
            Action::OpenSimfoniSheet { case_id, victim } => {
                self.open_simfoni_sheet(case_id, victim)
            }
            Action::OpenSimfoniMonth => self.open_simfoni_month(),
            Action::OpenCaseAt { case_id, tab } => self.open_case_at(case_id, tab),
            Action::TugasScope(everyone) => self.tugas_scope(everyone),
            Action::SimfoniMonth(m) => self.load_simfoni_month(m),
            Action::AskSimfoniMark { case_id, victim } => {
                self.flow = Some(Flow::simfoni_mark(case_id, victim, lang))
            }
            Action::MarkSimfoni {
                case_id,
                victim,
                reference,
            } => self.mark_simfoni(case_id, victim, &reference),
            Action::PrintSimfoniSheet { case_id, victim } => {
                self.print_simfoni_sheet(case_id, victim)
            }
            Action::Search(q) => self.run_search(&q),
            Action::FormChanged => self.mark_dirty(),
            Action::SaveIntake => self.save_intake(),
            Action::AskRemovePerson(who) => self.ask_remove_person(who),
            Action::NewIntake => self.new_intake(),
            Action::ResumeDraft(id) => self.resume_draft(id),
            Action::AskDiscardDraft { id, initials } => {
                let m = fill(Msg::ConfirmDiscard.get(lang), &[&initials]);
                self.confirm(m, Action::DiscardDraft(id));
            }
            Action::BackToIntake => self.nav.show(Screen::Intake),
            Action::AskForward(card) => self.ask_forward(card),
            Action::AskBack(card) => self.ask_back(card),
            Action::AskClose(card) => self.ask_close(card),
            Action::AskReopen(card) => self.ask_reopen(card),
            Action::AskAssign(card) => self.ask_assign(card),
            Action::AskBoardFilter => self.ask_board_filter(),
            Action::ClearBoardFilter => {
                if self.board.filter.is_active() {
                    self.board.filter = crate::ui::screens::board::Filter::default();
                    let today = self.ctx.today();
                    self.board.rebuild(&self.ctx.staff, &self.targets, today);
                }
            }
            Action::ToggleClosed => {
                self.board.show_closed = !self.board.show_closed;
                self.reload_board();
            }
            Action::AskNote(card) => self.flow = Some(Flow::note(card.id, lang)),
            Action::StartEdit(card) => self.start_edit(&card),
            Action::AskCancelEdit => {
                self.confirm(Msg::ConfirmCancelEdit.get(lang).into(), Action::CancelEdit)
            }
            Action::SaveCaseEdit => self.save_case_edit(),
            Action::RevealNik(case_id) => self.reveal_nik(case_id),
            Action::StartReferral { case_id, number } => self.start_referral(case_id, number),
            Action::AskReferralStatus(r) => self.ask_referral_status(r),
            Action::WriteLetter(r) => self.ask_letter(r),
            Action::WriteLetterWith { referral, include } => self.write_letter(&referral, &include),
            Action::AskDirectoryService => self.ask_directory_service(),
            Action::AskDirectoryArea => self.ask_directory_area(),
            Action::PickAgency(id) => self.pick_agency(id),
            Action::NewAgency => self.new_agency(),
            Action::AskAgencyField(field) => self.edit_agency_field(field),
            Action::SaveAgency => self.save_agency(),
            Action::AskToggleAgencyActive => self.ask_toggle_active(),
            Action::AskDeleteAgency => self.ask_delete_agency(),
            Action::AskReferCase(agency_id) => self.ask_refer_case(agency_id),
            Action::AskLeaveAgencySheet => self.confirm(
                Msg::AgConfirmLeave.get(lang).into(),
                Action::LeaveAgencySheet,
            ),
            Action::QuitUnsaved => self.quit = true,
            Action::DiscardDraft(id) => self.discard_draft(id),
            Action::RemovePerson(who) => self.remove_person(who),
            Action::Move { card, mv } => return self.apply_move(&card, mv),
            Action::Assign { card, to } => self.assign(&card, &to),
            Action::AddNote { case_id, body } => self.add_note(case_id, &body),
            Action::ChooseContested { mine } => self.choose_contested(mine),
            Action::CancelEdit => {
                if let Some(c) = &mut self.case {
                    c.stop_edit();
                }
            }
            Action::SetBoardFilter {
                codes,
                region,
                opened,
            } => {
                self.board.filter.codes = codes;
                self.board.filter.region = region;
                if let Some(opened) = opened {
                    self.board.filter.opened = opened;
                }
                let today = self.ctx.today();
                self.board.rebuild(&self.ctx.staff, &self.targets, today);
            }
            Action::SetDirectoryService(service) => {
                self.directory.service = service;
                self.directory.search(now.naive_local());
            }
            Action::SetDirectoryArea(code) => {
                // Choosing the whole country (no code) clears the filter.
                self.directory.area =
                    (!code.is_empty() && region::get(&code).is_some()).then_some(code);
                self.directory.search(now.naive_local());
            }
            Action::EditAgency(edit) => self.edit_agency(edit),
            Action::ToggleAgencyActive => {
                if let Some(s) = &mut self.directory.sheet {
                    s.agency.active = !s.agency.active;
                }
                self.save_agency();
            }
            Action::DeleteAgency => self.delete_agency(),
            Action::LeaveAgencySheet => self.directory.sheet = None,
            Action::ReferCaseNumber { agency_id, number } => {
                match self.ctx.store.find_case_number(&number) {
                    Ok(Some(case_id)) => self.ask_service(case_id, number, agency_id),
                    Ok(None) => return Err(fill(Msg::RefCaseNotFound.get(lang), &[&number])),
                    Err(e) => {
                        let t = e.render(lang);
                        self.set_status(t, true);
                    }
                }
            }
            Action::Refer {
                draft,
                override_reason,
            } => self.make_referral(draft, override_reason),
            Action::SetReferralStatus { referral, to, note } => {
                self.set_status_of(referral, to, note)
            }
            Action::AskGiveService {
                case_id,
                referral_id,
                service,
            } => self.ask_give_service(case_id, referral_id, service),
            Action::AskFollowUp(case_id) => self.ask_follow_up(case_id),
            Action::GiveService(d) => return self.give_service(d),
            Action::AddFollowUp(d) => return self.add_follow_up(d),
            Action::AskLegal { card, what } => self.ask_legal(card, what),
            Action::SaveLegal { case_id, entry, .. } => return self.save_legal(case_id, entry),
            Action::AskPaper { case_id, number } => self.ask_paper(case_id, number),
            Action::PrintPaper(d) => return self.print_paper(d),
        }
        Ok(())
    }

    fn delete_agency(&mut self) {
        let lang = self.lang();
        let Some(id) = self.directory.sheet.as_ref().map(|s| s.agency.id) else {
            return;
        };
        match self.ctx.store.delete_agency(id) {
            Ok(true) => {
                self.directory.sheet = None;
                self.reload_directory();
                self.set_status(Msg::AgDeleted.get(lang).into(), false);
            }
            Ok(false) => {
                let name = self.directory.sheet.as_ref().map(|s| s.agency.name.clone());
                self.set_status(
                    fill(Msg::AgHasReferrals.get(lang), &[&name.unwrap_or_default()]),
                    true,
                );
            }
            Err(e) => {
                let t = e.render(lang);
                self.set_status(t, true);
            }
        }
    }
}
