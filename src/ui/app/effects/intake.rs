//! The effects of the intake and the drafts: saving the draft as the worker types, opening
//! the case from a finished intake, resuming and discarding drafts.

use std::time::Instant;

use crate::i18n::{self, Msg, fill};
use crate::ui::action::Action;
use crate::ui::app::{App, DRAFT_RETRY, Dirty, Screen};
use crate::ui::screens::intake::Section;

impl App {
    pub(in crate::ui::app) fn load_drafts(&mut self) {
        match self.ctx.store.drafts_of(&self.ctx.staff) {
            Ok(d) => self.drafts.list = d,
            Err(e) => {
                self.drafts.list.clear();
                let t = e.render(self.lang());
                self.set_status(t, true);
            }
        }
        self.drafts.cursor = self
            .drafts
            .cursor
            .min(self.drafts.list.len().saturating_sub(1));
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

    pub(in crate::ui::app) fn save_intake(&mut self) {
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
                        self.saved.number = Some(opened.number);
                        self.nav.show(Screen::Saved);
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

    /// Enter on a draft: back into it, re-read first (another session of the same worker may
    /// have typed since).
    pub(in crate::ui::app) fn resume_draft(&mut self, id: i64) {
        let Some(d) = self.drafts.list.iter().find(|d| d.id == id).cloned() else {
            return;
        };
        let d = self.ctx.store.draft(d.id).ok().flatten().unwrap_or(d);
        let mut form = self.new_form(d.intake, Some(d.id));
        form.mark_all_touched();
        self.form = Some(form);
        self.dirty = None;
        self.draft_saved_at = None;
        self.nav.show(Screen::Intake);
    }

    /// Ctrl-D on the form: confirm removing the person the cursor is on (one victim stays).
    pub(in crate::ui::app) fn ask_remove_person(&mut self, who: Option<Section>) {
        let lang = self.lang();
        match who {
            Some(who @ Section::Victim(i)) => {
                if self
                    .form
                    .as_ref()
                    .is_some_and(|f| f.intake.victims.len() == 1)
                {
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
        }
    }

    pub(in crate::ui::app) fn discard_draft(&mut self, id: i64) {
        match self.ctx.store.discard_draft(id) {
            Ok(()) => self.set_status(Msg::DraftDiscarded.get(self.lang()).into(), false),
            Err(e) => {
                let t = e.render(self.lang());
                self.set_status(t, true);
            }
        }
        self.load_drafts();
        if self.drafts.list.is_empty() {
            self.new_intake();
        }
    }

    pub(in crate::ui::app) fn remove_person(&mut self, who: Section) {
        if let Some(form) = &mut self.form
            && form.remove_person(who)
        {
            self.mark_dirty();
        }
    }
}
