//! The one place a finished dialog's [`Action`] is applied. `update` returns Err with a
//! message when the action is refused for something the person can fix in the dialog (a
//! missing reason, an unknown case number): the flow then stays open with that message inside
//! it. Anything else (saved, a conflict, a store error) ends the flow and shows on the status
//! line.

use ratatui::crossterm::event::Event;

use super::App;
use crate::domain::region;
use crate::i18n::{Msg, fill};
use crate::ui::action::Action;
use crate::ui::flows::{FlowCtx, Step};

impl App {
    fn flow_ctx(&self) -> FlowCtx {
        FlowCtx {
            lang: self.lang(),
            today: self.ctx.today(),
            regency: self.ctx.config.region.regency.clone(),
        }
    }

    /// A key or paste while a dialog is open: it goes to the dialog and nowhere else.
    pub(super) fn on_flow(&mut self, ev: &Event) {
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

    /// Applies one action. See the module comment for what Err means.
    pub(super) fn update(&mut self, action: Action) -> Result<(), String> {
        let lang = self.lang();
        let now = self.ctx.now();
        match action {
            Action::QuitUnsaved => self.quit = true,
            Action::DiscardDraft(id) => self.discard_draft(id),
            Action::RemovePerson(who) => self.remove_person(who),
            Action::Move { card, mv } => return self.apply_move(&card, mv),
            Action::Assign { card, to } => self.assign(&card, &to),
            Action::AddNote { case_id, body } => {
                match self
                    .ctx
                    .store
                    .add_note(case_id, &body, &self.ctx.staff, now)
                {
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
