//! The effects of the directory and of referrals: filters, the agency sheet's edits and saves,
//! and making a referral (case → agency → service → reason → follow-up → consent check), its
//! status changes and its letter.

use crate::domain::agency::Agency;
use crate::domain::case::Saved;
use crate::domain::referral::{NewReferral, Referral, ReferralError, Status};
use crate::domain::vocab;
use crate::i18n::{Msg, fill};
use crate::ui::action::{Action, AgencyEdit, RefDraft};
use crate::ui::app::{App, Screen};
use crate::ui::flows::Flow;
use crate::ui::screens::casefile::Tab;
use crate::ui::screens::directory::{Sheet, SheetField};

fn referral_error(e: ReferralError) -> Msg {
    match e {
        ReferralError::NoConsent => Msg::ErrRefNoConsent,
        ReferralError::CaseClosed => Msg::ErrRefCaseClosed,
        ReferralError::NotPermitted => Msg::ErrNotPermitted,
        ReferralError::AgencyInactive => Msg::ErrRefInactive,
        ReferralError::ServiceRequired => Msg::ErrRefService,
        ReferralError::ReasonRequired => Msg::ErrRefReason,
        ReferralError::FollowUpInPast => Msg::ErrRefPast,
        ReferralError::NotAllowed => Msg::ErrRefNotAllowed,
        ReferralError::NoteRequired => Msg::ErrRefNote,
        ReferralError::Conflict => Msg::ErrRefConflict,
    }
}

impl App {
    pub(in crate::ui::app) fn open_directory(&mut self) {
        // The directory opens over the screen it was asked from, never over help.
        if self.screen() == Screen::Help {
            self.nav.pop();
        }
        self.directory_if_changed();
        self.nav.push(Screen::Directory);
    }

    /// F4 at 10,000 agencies reads and indexes them all (tens of ms): when nothing was
    /// written since they were read (the database's change mark, which an access-log row
    /// does not move — see `log_access`), the search runs again over what is loaded.
    fn directory_if_changed(&mut self) {
        let mark = self.ctx.store.change_mark().ok();
        if mark.is_some() && self.directory_mark == mark && self.directory.is_loaded() {
            let now = self.ctx.now().naive_local();
            self.directory.refresh(now);
        } else {
            self.reload_directory();
        }
    }

    pub(in crate::ui::app) fn reload_directory(&mut self) {
        let now = self.ctx.now().naive_local();
        match self.ctx.store.agencies() {
            Ok(list) => {
                self.directory.load(list, self.lang(), now);
                self.directory_mark = self.ctx.store.change_mark().ok();
            }
            Err(e) => {
                self.directory_mark = None;
                let t = e.render(self.lang());
                self.set_status(t, true);
            }
        }
    }

    /// Esc in the directory: back where it was opened from. Choosing an agency for a
    /// referral was started in a case file: back to it, on the Referrals tab.
    pub(in crate::ui::app) fn leave_directory(&mut self) {
        if let Some((case_id, _)) = self.directory.picking_for.take() {
            self.directory.search(self.ctx.now().naive_local());
            self.open_case(case_id);
            if let Some(c) = &mut self.case {
                c.tab = Tab::Referrals;
            }
            return;
        }
        self.back();
    }

    pub(in crate::ui::app) fn ask_directory_service(&mut self) {
        let current = self.directory.service.as_deref();
        self.flow = Some(Flow::directory_service(current, self.lang()));
    }

    pub(in crate::ui::app) fn ask_directory_area(&mut self) {
        let current = self.directory.area.clone().unwrap_or_default();
        let regency = self.ctx.config.region.regency.clone();
        self.flow = Some(Flow::directory_area(&current, &regency));
    }

    pub(in crate::ui::app) fn pick_agency(&mut self, agency_id: i64) {
        if let Some((case_id, number)) = self.directory.picking_for.clone() {
            self.ask_service(case_id, number, agency_id);
        }
    }

    pub(in crate::ui::app) fn new_agency(&mut self) {
        let mut a = Agency::default();
        if !self.ctx.config.region.regency.is_empty() {
            a.areas = vec![self.ctx.config.region.regency.clone()];
        }
        self.directory.sheet = Some(Sheet::new(a));
    }

    pub(in crate::ui::app) fn ask_toggle_active(&mut self) {
        let Some(s) = &self.directory.sheet else {
            return;
        };
        let m = if s.agency.active {
            Msg::AgConfirmDeactivate
        } else {
            Msg::AgConfirmActivate
        };
        let text = fill(m.get(self.lang()), &[&s.agency.name]);
        self.confirm(text, Action::ToggleAgencyActive);
    }

    /// Del on a sheet: only an agency no referral names can go.
    pub(in crate::ui::app) fn ask_delete_agency(&mut self) {
        let lang = self.lang();
        let Some(s) = &self.directory.sheet else {
            return;
        };
        let (id, name) = (s.agency.id, s.agency.name.clone());
        if id == 0 {
            self.directory.sheet = None;
            return;
        }
        match self.ctx.store.agency_referrals(id) {
            Ok(0) => {
                let text = fill(Msg::AgConfirmDelete.get(lang), &[&name]);
                self.confirm(text, Action::DeleteAgency);
            }
            Ok(_) => self.set_status(fill(Msg::AgHasReferrals.get(lang), &[&name]), true),
            Err(e) => {
                let t = e.render(lang);
                self.set_status(t, true);
            }
        }
    }

    /// `r` on a sheet: which case to refer to this agency (the sheet must be saved first).
    pub(in crate::ui::app) fn ask_refer_case(&mut self, agency_id: i64) {
        let lang = self.lang();
        if self.directory.sheet.as_ref().is_some_and(Sheet::changed) {
            self.set_status(Msg::AgSaveFirst.get(lang).into(), true);
            return;
        }
        self.flow = Some(Flow::refer_case(agency_id, lang));
    }

    pub(in crate::ui::app) fn edit_agency_field(&mut self, field: SheetField) {
        let lang = self.lang();
        let Some(sheet) = &self.directory.sheet else {
            return;
        };
        let regency = &self.ctx.config.region.regency;
        self.flow = Some(Flow::agency_field(field, &sheet.agency, regency, lang));
    }

    pub(in crate::ui::app) fn edit_agency(&mut self, edit: AgencyEdit) {
        let today = self.ctx.today();
        let Some(s) = &mut self.directory.sheet else {
            return;
        };
        let a = &mut s.agency;
        match edit {
            AgencyEdit::Kind(k) => a.kind = k,
            AgencyEdit::Services(c) => a.services = c,
            AgencyEdit::ToggleArea(code) => {
                // One area is chosen at a time; choosing one already listed removes it.
                if let Some(i) = a.areas.iter().position(|x| *x == code) {
                    a.areas.remove(i);
                } else if !code.is_empty() {
                    a.areas.push(code);
                }
            }
            AgencyEdit::Hours(w) => a.hours = w,
            AgencyEdit::Phones(p) => a.phones = p,
            AgencyEdit::Verified(d) => a.verified = d,
            AgencyEdit::Name(t) => a.name = t,
            AgencyEdit::Address(t) => a.address = t,
            AgencyEdit::Email(t) => a.email = t,
            AgencyEdit::Contact(t) => a.contact = t,
            AgencyEdit::Notes(t) => a.notes = t,
        }
        a.clean();
        if !s.issues.is_empty() {
            s.issues = a.check(today);
        }
    }

    pub(in crate::ui::app) fn save_agency(&mut self) {
        let lang = self.lang();
        let today = self.ctx.today();
        let now = self.ctx.now();
        let Some(s) = &mut self.directory.sheet else {
            return;
        };
        s.agency.clean();
        s.issues = s.agency.check(today);
        if !s.issues.is_empty() {
            self.set_status(Msg::AgFixFirst.get(lang).into(), true);
            return;
        }
        let mut a = s.agency.clone();
        if a.verified.is_none() && a.id == 0 {
            // Someone typing an agency in has just checked it.
            a.verified = Some(today);
        }
        // An edited example entry is the office's own now.
        a.example = false;
        match self.ctx.store.save_agency(&a, now) {
            Ok(Saved::Done(v)) => {
                if a.id == 0 {
                    a.id = v;
                }
                let fresh = self.ctx.store.agency(a.id).ok().flatten().unwrap_or(a);
                self.directory.sheet = Some(Sheet::new(fresh));
                self.reload_directory();
                self.set_status(Msg::AgSaved.get(lang).into(), false);
            }
            Ok(Saved::Conflict) => {
                if let Ok(Some(fresh)) = self.ctx.store.agency(a.id) {
                    self.directory.sheet = Some(Sheet::new(fresh));
                }
                self.set_status(Msg::AgConflict.get(lang).into(), true);
            }
            Err(e) => {
                let t = e.render(lang);
                self.set_status(t, true);
            }
        }
    }

    /// Starts a referral from the case file: choose the agency in the directory.
    pub(in crate::ui::app) fn start_referral(&mut self, case_id: i64, number: String) {
        self.directory.picking_for = Some((case_id, number));
        self.directory.sheet = None;
        // A referral starts from the whole directory, not from the last search's leftovers.
        self.directory.clear_filters();
        self.directory_if_changed();
        self.nav.push(Screen::Directory);
    }

    pub(in crate::ui::app) fn ask_service(&mut self, case_id: i64, number: String, agency_id: i64) {
        let lang = self.lang();
        let agency = self
            .directory
            .agencies
            .iter()
            .find(|a| a.id == agency_id)
            .cloned()
            .unwrap_or_default();
        let draft = RefDraft {
            case_id,
            number,
            agency_id,
            agency_name: agency.name,
            service: String::new(),
            reason: String::new(),
            follow_up: None,
        };
        self.flow = Some(Flow::referral(draft, &agency.services, lang));
    }

    pub(in crate::ui::app) fn make_referral(
        &mut self,
        d: RefDraft,
        override_reason: Option<String>,
    ) {
        let lang = self.lang();
        let now = self.ctx.now();
        let r = NewReferral {
            agency_id: d.agency_id,
            service: d.service.clone(),
            reason: d.reason.clone(),
            follow_up: d.follow_up,
            override_reason,
        };
        let assignee = self.ctx.store.case_assignee(d.case_id).ok().flatten();
        let actor = self.ctx.actor();
        let policy = actor.on_case(assignee.as_deref());
        match self
            .ctx
            .store
            .refer(d.case_id, &r, &self.ctx.staff, now, &policy)
        {
            Ok(Ok(made)) => {
                self.directory.picking_for = None;
                self.open_case(d.case_id);
                if let Some(c) = &mut self.case {
                    c.tab = Tab::Referrals;
                    c.ref_cursor = c.referrals.len().saturating_sub(1);
                }
                self.set_status(fill(Msg::RefMade.get(lang), &[&made.agency_name]), false);
            }
            Ok(Err(ReferralError::NoConsent)) => {
                self.flow = Some(Flow::override_consent(d, lang));
            }
            Ok(Err(e)) => self.set_status(referral_error(e).get(lang).into(), true),
            Err(e) => {
                let t = e.render(lang);
                self.set_status(t, true);
            }
        }
    }

    /// `s` on a referral: the statuses it may move to, or why it may not.
    pub(in crate::ui::app) fn ask_referral_status(&mut self, r: Referral) {
        let lang = self.lang();
        match Flow::referral_status(r, lang) {
            Some(flow) => self.flow = Some(flow),
            None => self.set_status(Msg::RefFinal.get(lang).into(), true),
        }
    }

    /// `l` on a referral: without the client's consent to share, first which items to add to
    /// the minimum (nothing ticked: the minimum); with it, the letter at once.
    pub(in crate::ui::app) fn ask_letter(&mut self, r: Referral) {
        let share = self
            .case
            .as_ref()
            .filter(|v| v.file.card.id == r.case_id)
            .map(|v| crate::domain::letter::consent_to_share(&v.file.intake));
        match share {
            Some(false) => self.flow = Some(Flow::letter_items(r, self.lang())),
            _ => self.write_letter(&r, &[]),
        }
    }

    pub(in crate::ui::app) fn write_letter(&mut self, r: &Referral, include: &[String]) {
        use crate::tasks::letters::{Destination, Request, write_letter};
        let lang = self.lang();
        let now = self.ctx.now();
        let staff = self.ctx.staff.clone();
        let db = self.ctx.store.path().to_path_buf();
        let config = self.ctx.config.clone();
        let result = write_letter(
            &mut self.ctx.store,
            &config,
            Request {
                referral: r.id,
                include,
            },
            &staff,
            lang,
            now,
            Destination::BesideDatabase(&db),
        );
        self.reload_case_referrals();
        match result {
            Ok(w) => {
                let mut lines = vec![fill(Msg::RefLetterWritten.get(lang), &[&w.number])];
                lines.extend(w.files.iter().map(|p| p.display().to_string()));
                self.flow = Some(Flow::info(Msg::KeyLetter.get(lang).into(), lines));
            }
            Err(e) => {
                let t = fill(Msg::RefLetterFailed.get(lang), &[&e.render(lang)]);
                self.set_status(t, true);
            }
        }
    }

    pub(in crate::ui::app) fn reload_case_referrals(&mut self) {
        let Some(view) = &mut self.case else { return };
        if let Ok(list) = self.ctx.store.referrals_of(view.file.card.id) {
            view.ref_cursor = view.ref_cursor.min(list.len().saturating_sub(1));
            view.referrals = list;
        }
    }

    pub(in crate::ui::app) fn set_status_of(&mut self, r: Referral, to: Status, note: String) {
        let lang = self.lang();
        let now = self.ctx.now();
        let assignee = self.ctx.store.case_assignee(r.case_id).ok().flatten();
        let actor = self.ctx.actor();
        let policy = actor.on_case(assignee.as_deref());
        match self.ctx.store.set_referral_status(
            r.id,
            r.version,
            to,
            &note,
            &self.ctx.staff,
            now,
            &policy,
        ) {
            Ok(Ok(done)) => {
                let label = vocab::REFERRAL_STATUS.label(done.status.code(), lang);
                self.set_status(fill(Msg::RefStatusSaved.get(lang), &[&label]), false);
                // A referral done means the agency gave its service: offer to record it.
                if done.status == Status::Selesai {
                    self.offer_service_given(&done);
                }
            }
            Ok(Err(e)) => self.set_status(referral_error(e).get(lang).into(), true),
            Err(e) => {
                let t = e.render(lang);
                self.set_status(t, true);
            }
        }
        self.reload_case_referrals();
        self.reload_case_history();
    }

    fn reload_case_history(&mut self) {
        let Some(id) = self.case.as_ref().map(|c| c.file.card.id) else {
            return;
        };
        if let Ok(Some(file)) = self.ctx.store.case_file(id)
            && let Some(c) = &mut self.case
        {
            c.refresh(file);
        }
    }
}

#[cfg(test)]
mod tests {
    //! F4 answers from the loaded directory while the database is unchanged (issue 21: it
    //! read and indexed 10,000 agencies every time), and reads it again once anyone wrote.

    use std::sync::Mutex;

    use chrono::{Local, TimeZone};
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use rusqlite::trace::{TraceEvent, TraceEventCodes};

    use crate::config::Config;
    use crate::domain::agency::Agency;
    use crate::domain::staff::Role;
    use crate::i18n::Lang;
    use crate::store::Store;
    use crate::ui::app::{App, Ctx, Screen};
    use crate::ui::theme::Theme;

    static SEEN: Mutex<Vec<String>> = Mutex::new(Vec::new());

    fn record(e: TraceEvent<'_>) {
        if let TraceEvent::Stmt(stmt, _) = e {
            SEEN.lock().unwrap().push(stmt.sql().into_owned());
        }
    }

    fn agency(name: &str) -> Agency {
        Agency {
            name: name.into(),
            kind: "unit_ppa".into(),
            services: vec!["penegakan_hukum".into()],
            areas: vec!["18.72".into()],
            ..Default::default()
        }
    }

    fn key(app: &mut App, code: KeyCode) {
        app.handle(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    fn listed(app: &App) -> Vec<String> {
        let d = &app.directory;
        d.hits()
            .iter()
            .map(|h| d.agencies[h.index].name.clone())
            .collect()
    }

    #[test]
    fn f4_again_reads_no_agency_until_the_database_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("meja.db");
        let now = Local.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
        let mut other = Store::open(&path).unwrap();
        other
            .save_agency(&agency("Unit PPA Polres Metro"), now)
            .unwrap();
        let mut app = App::new(Ctx {
            store: Store::open(&path).unwrap(),
            staff: "petugas".into(),
            role: Role::Supervisor,
            lang: Lang::Id,
            config: Config::default(),
            theme: Theme { color: false },
            clock: Box::new(move || now),
        });
        key(&mut app, KeyCode::F(4));
        assert_eq!(app.screen(), Screen::Directory);
        assert_eq!(listed(&app), ["Unit PPA Polres Metro"]);
        key(&mut app, KeyCode::Esc);

        app.ctx
            .store
            .conn()
            .trace_v2(TraceEventCodes::SQLITE_TRACE_STMT, Some(record));
        key(&mut app, KeyCode::F(4));
        app.ctx
            .store
            .conn()
            .trace_v2(TraceEventCodes::empty(), None);
        let seen = std::mem::take(&mut *SEEN.lock().unwrap());
        assert!(
            !seen.iter().any(|q| q.contains("FROM agencies")),
            "F4 read the directory again: {seen:#?}"
        );
        assert_eq!(app.screen(), Screen::Directory);
        assert_eq!(listed(&app), ["Unit PPA Polres Metro"]);

        // Another worker adds an agency: the next F4 shows it.
        key(&mut app, KeyCode::Esc);
        other.save_agency(&agency("LBH Metro Adil"), now).unwrap();
        key(&mut app, KeyCode::F(4));
        let mut names = listed(&app);
        names.sort();
        assert_eq!(names, ["LBH Metro Adil", "Unit PPA Polres Metro"]);
    }
}
