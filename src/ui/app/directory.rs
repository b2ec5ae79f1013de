//! The directory screen's flows and referrals: filters, the agency sheet's edits and saves,
//! and making a referral (case → agency → service → reason → follow-up → consent check), its
//! status changes and its letter.

use chrono::{Duration, NaiveDate};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{App, Screen, Then};
use crate::domain::access::AccessKind;
use crate::domain::agency::{Agency, Week};
use crate::domain::case::{Permission, Saved};
use crate::domain::referral::{NewReferral, Referral, ReferralError, Status};
use crate::domain::region;
use crate::domain::validate::{format_date, parse_date};
use crate::domain::vocab::{self, AGENCY_KINDS, SERVICES, Term, Vocab};
use crate::i18n::{Msg, fill};
use crate::ui::casefile::Tab;
use crate::ui::directory::{DirEvent, Sheet, SheetField, field_text};
use crate::ui::widgets::modal::{Answer, Dialog};
use crate::ui::widgets::picklist::PickList;
use crate::ui::widgets::regionpicker::RegionPicker;

/// A referral being put together, one dialog at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefDraft {
    pub case_id: i64,
    pub number: String,
    pub agency_id: i64,
    pub agency_name: String,
    pub service: String,
    pub reason: String,
    pub follow_up: Option<NaiveDate>,
}

/// What a directory or referral dialog's answer is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirThen {
    FilterService,
    FilterArea,
    Field(SheetField),
    ToggleActive,
    Delete,
    LeaveSheet,
    ReferCase(i64),
    Service(RefDraft),
    Reason(RefDraft),
    FollowUp(RefDraft),
    Override(RefDraft),
    Status(Referral),
    StatusNote(Referral, Status),
}

const NEXT_FROM_DIKIRIM: Vocab = Vocab {
    name: "status_rujukan",
    terms: &[
        vocab::REFERRAL_STATUS.terms[1],
        vocab::REFERRAL_STATUS.terms[2],
        vocab::REFERRAL_STATUS.terms[4],
    ],
};
const NEXT_FROM_DITERIMA: Vocab = Vocab {
    name: "status_rujukan",
    terms: &[
        vocab::REFERRAL_STATUS.terms[3],
        vocab::REFERRAL_STATUS.terms[4],
    ],
};

/// A "semua" (all) entry first, so a filter can be cleared from the same list.
const SERVICE_FILTER_LEN: usize = vocab::SERVICES.terms.len() + 1;
const SERVICE_FILTER_TERMS: [Term; SERVICE_FILTER_LEN] = {
    let mut out = [vocab::SERVICES.terms[0]; SERVICE_FILTER_LEN];
    out[0] = Term {
        code: "",
        id: "(semua layanan)",
        en: "(all services)",
    };
    let mut i = 0;
    while i < SERVICE_FILTER_LEN - 1 {
        out[i + 1] = vocab::SERVICES.terms[i];
        i += 1;
    }
    out
};
const SERVICE_FILTER: Vocab = Vocab {
    name: "layanan",
    terms: &SERVICE_FILTER_TERMS,
};

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

fn split_list(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

impl App {
    pub(super) fn open_directory(&mut self) {
        if self.screen != super::Screen::Directory {
            self.dir_return = self.screen;
        }
        self.reload_directory();
        self.screen = Screen::Directory;
    }

    fn reload_directory(&mut self) {
        let now = self.ctx.now().naive_local();
        match self.ctx.store.agencies() {
            Ok(list) => self.directory.load(list, self.lang(), now),
            Err(e) => {
                let t = e.render(self.lang());
                self.set_status(t, true);
            }
        }
    }

    fn leave_directory(&mut self) {
        if let Some((case_id, _)) = self.directory.picking_for.take() {
            self.directory.search(self.ctx.now().naive_local());
            self.open_case(case_id);
            if let Some(c) = &mut self.case {
                c.tab = Tab::Referrals;
            }
            return;
        }
        self.screen = match self.dir_return {
            Screen::Directory | Screen::Help => Screen::Board,
            Screen::Intake if self.form.is_none() => Screen::Drafts,
            s => s,
        };
        if self.screen == Screen::Board {
            self.open_board();
        }
    }

    pub(super) fn on_directory_key(&mut self, key: &KeyEvent) {
        let now = self.ctx.now().naive_local();
        let lang = self.lang();
        let ev = self.directory.handle(key, now);
        let manages = matches!(
            ev,
            DirEvent::NewAgency
                | DirEvent::EditField(_)
                | DirEvent::Save
                | DirEvent::ToggleActive
                | DirEvent::Delete
        );
        if manages && !self.permitted(Permission::ManageDirectory, None) {
            return;
        }
        match ev {
            DirEvent::None => {}
            DirEvent::Leave => self.leave_directory(),
            DirEvent::FilterService => {
                let current: Vec<String> = self.directory.service.iter().cloned().collect();
                let list = PickList::new(SERVICE_FILTER, false, &current, String::new());
                self.modal = Some((
                    Dialog::Pick {
                        title: Msg::AgServices.get(lang).into(),
                        list,
                    },
                    Then::Dir(DirThen::FilterService),
                ));
            }
            DirEvent::FilterArea => {
                let current = self.directory.area.clone().unwrap_or_default();
                let regency = self.ctx.config.region.regency.clone();
                let picker = RegionPicker::new(&current, None, &regency);
                self.modal = Some((Dialog::Region { picker }, Then::Dir(DirThen::FilterArea)));
            }
            DirEvent::Pick(agency_id) => {
                if let Some((case_id, number)) = self.directory.picking_for.clone() {
                    self.ask_service(case_id, number, agency_id);
                }
            }
            DirEvent::NewAgency => {
                let mut a = Agency::default();
                if !self.ctx.config.region.regency.is_empty() {
                    a.areas = vec![self.ctx.config.region.regency.clone()];
                }
                self.directory.sheet = Some(Sheet::new(a));
            }
            DirEvent::EditField(field) => self.edit_agency_field(field),
            DirEvent::Save => self.save_agency(),
            DirEvent::ToggleActive => {
                let Some(s) = &self.directory.sheet else {
                    return;
                };
                let m = if s.agency.active {
                    Msg::AgConfirmDeactivate
                } else {
                    Msg::AgConfirmActivate
                };
                let text = fill(m.get(lang), &[&s.agency.name]);
                self.confirm(text, Then::Dir(DirThen::ToggleActive));
            }
            DirEvent::Delete => {
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
                        self.confirm(text, Then::Dir(DirThen::Delete));
                    }
                    Ok(_) => self.set_status(fill(Msg::AgHasReferrals.get(lang), &[&name]), true),
                    Err(e) => {
                        let t = e.render(lang);
                        self.set_status(t, true);
                    }
                }
            }
            DirEvent::Refer(agency_id) => {
                if self.directory.sheet.as_ref().is_some_and(Sheet::changed) {
                    self.set_status(Msg::AgSaveFirst.get(lang).into(), true);
                    return;
                }
                self.modal = Some((
                    Dialog::line(Msg::RefCasePrompt.get(lang).into(), ""),
                    Then::Dir(DirThen::ReferCase(agency_id)),
                ));
            }
            DirEvent::LeaveSheet => {
                self.confirm(
                    Msg::AgConfirmLeave.get(lang).into(),
                    Then::Dir(DirThen::LeaveSheet),
                );
            }
        }
    }

    fn edit_agency_field(&mut self, field: SheetField) {
        let lang = self.lang();
        let Some(s) = &self.directory.sheet else {
            return;
        };
        let a = &s.agency;
        let title = field.label().get(lang).to_string();
        let dialog = match field {
            SheetField::Kind => Dialog::Pick {
                title,
                list: PickList::new(
                    AGENCY_KINDS,
                    false,
                    std::slice::from_ref(&a.kind),
                    String::new(),
                ),
            },
            SheetField::Services => Dialog::Pick {
                title,
                list: PickList::new(SERVICES, true, &a.services, String::new()),
            },
            SheetField::Areas => {
                let regency = self.ctx.config.region.regency.clone();
                let current = a.areas.first().cloned().unwrap_or_default();
                Dialog::Region {
                    picker: RegionPicker::new(&current, None, &regency),
                }
            }
            SheetField::Hours => {
                Dialog::line(Msg::AgHoursPrompt.get(lang).into(), &a.hours.format(lang))
            }
            SheetField::Phones => Dialog::line(
                fill(Msg::AgListPrompt.get(lang), &[&title]),
                &a.phones.join(", "),
            ),
            SheetField::Notes => Dialog::Note {
                title,
                area: crate::ui::widgets::textarea::TextArea::new(&a.notes),
            },
            other => Dialog::line(title, &field_text(a, other, lang)),
        };
        self.modal = Some((dialog, Then::Dir(DirThen::Field(field))));
    }

    fn set_agency_field(&mut self, field: SheetField, answer: Answer) {
        let lang = self.lang();
        let today = self.ctx.today();
        let Some(s) = &mut self.directory.sheet else {
            return;
        };
        let a = &mut s.agency;
        let mut error = None;
        match (field, answer) {
            (SheetField::Kind, Answer::Codes(c)) => {
                a.kind = c.into_iter().next().unwrap_or_default()
            }
            (SheetField::Services, Answer::Codes(c)) => a.services = c,
            (SheetField::Areas, Answer::Text(code)) => {
                // One area is chosen at a time; choosing one already listed removes it.
                if let Some(i) = a.areas.iter().position(|x| *x == code) {
                    a.areas.remove(i);
                } else if !code.is_empty() {
                    a.areas.push(code);
                }
            }
            (SheetField::Hours, Answer::Text(t)) => match Week::parse(&t) {
                Ok(w) => a.hours = w,
                Err(bad) => error = Some(fill(Msg::AgBadHours.get(lang), &[&bad])),
            },
            (SheetField::Phones, Answer::Text(t)) => a.phones = split_list(&t),
            (SheetField::Verified, Answer::Text(t)) => {
                if t.trim().is_empty() {
                    a.verified = None;
                } else {
                    match parse_date(&t, today) {
                        Ok(d) => a.verified = Some(d),
                        Err(_) => error = Some(fill(Msg::AgBadDate.get(lang), &[&t])),
                    }
                }
            }
            (SheetField::Name, Answer::Text(t)) => a.name = t,
            (SheetField::Address, Answer::Text(t)) => a.address = t,
            (SheetField::Email, Answer::Text(t)) => a.email = t,
            (SheetField::Contact, Answer::Text(t)) => a.contact = t,
            (SheetField::Notes, Answer::Text(t)) => a.notes = t,
            _ => {}
        }
        a.clean();
        if !s.issues.is_empty() {
            s.issues = a.check(today);
        }
        if let Some(e) = error {
            self.set_status(e, true);
        }
    }

    fn save_agency(&mut self) {
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
    pub(super) fn start_referral(&mut self, case_id: i64, number: String) {
        self.directory.picking_for = Some((case_id, number));
        self.directory.sheet = None;
        self.dir_return = Screen::Case;
        self.reload_directory();
        self.screen = Screen::Directory;
    }

    fn ask_service(&mut self, case_id: i64, number: String, agency_id: i64) {
        let lang = self.lang();
        let agency = self
            .directory
            .agencies
            .iter()
            .find(|a| a.id == agency_id)
            .cloned()
            .unwrap_or_default();
        let current: Vec<String> = agency.services.first().cloned().into_iter().collect();
        let draft = RefDraft {
            case_id,
            number,
            agency_id,
            agency_name: agency.name,
            service: String::new(),
            reason: String::new(),
            follow_up: None,
        };
        self.modal = Some((
            Dialog::Pick {
                title: Msg::RefServicePrompt.get(lang).into(),
                list: PickList::new(SERVICES, false, &current, String::new()),
            },
            Then::Dir(DirThen::Service(draft)),
        ));
    }

    fn make_referral(&mut self, d: RefDraft, override_reason: Option<String>) {
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
                self.modal = Some((
                    Dialog::note(Msg::RefOverridePrompt.get(lang).into()),
                    Then::Dir(DirThen::Override(d)),
                ));
            }
            Ok(Err(e)) => self.set_status(referral_error(e).get(lang).into(), true),
            Err(e) => {
                let t = e.render(lang);
                self.set_status(t, true);
            }
        }
    }

    /// Keys of the case file's Referrals tab; false when the key is not theirs.
    pub(super) fn on_referrals_key(&mut self, key: &KeyEvent) -> bool {
        let lang = self.lang();
        let Some(view) = &mut self.case else {
            return false;
        };
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => view.ref_cursor = view.ref_cursor.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                if view.ref_cursor + 1 < view.referrals.len() {
                    view.ref_cursor += 1;
                }
            }
            KeyCode::Char('s') | KeyCode::Enter => {
                let Some(r) = view.selected_referral().cloned() else {
                    return true;
                };
                let next = match r.status {
                    Status::Dikirim => NEXT_FROM_DIKIRIM,
                    Status::Diterima => NEXT_FROM_DITERIMA,
                    _ => {
                        self.set_status(Msg::RefFinal.get(lang).into(), true);
                        return true;
                    }
                };
                self.modal = Some((
                    Dialog::Pick {
                        title: Msg::RefStatusPrompt.get(lang).into(),
                        list: PickList::new(next, false, &[], String::new()),
                    },
                    Then::Dir(DirThen::Status(r)),
                ));
            }
            KeyCode::Char('l') => {
                let Some(r) = view.selected_referral().cloned() else {
                    return true;
                };
                self.write_letter(&r);
            }
            _ => return false,
        }
        true
    }

    fn write_letter(&mut self, r: &Referral) {
        let lang = self.lang();
        let today = self.ctx.today();
        let staff = self.ctx.staff.clone();
        let result = crate::tasks::letters::build(
            &mut self.ctx.store,
            &self.ctx.config,
            r.id,
            &staff,
            lang,
            today,
        )
        .and_then(|letter| {
            let dir = crate::tasks::letters::letters_dir(self.ctx.store.path())?;
            let (txt, pdf) = crate::tasks::letters::write_both(&letter, &dir)?;
            Ok((letter.number, txt, pdf))
        });
        match result {
            Ok((number, txt, pdf)) => {
                let detail = format!("surat {number} → {}", pdf.display());
                self.log_access(AccessKind::Print, Some(r.case_id), &detail);
                self.reload_case_referrals();
                self.modal = Some((
                    Dialog::Info {
                        title: Msg::KeyLetter.get(lang).into(),
                        lines: vec![
                            fill(Msg::RefLetterWritten.get(lang), &[&number]),
                            txt.display().to_string(),
                            pdf.display().to_string(),
                        ],
                    },
                    Then::Dismiss,
                ));
            }
            Err(e) => {
                let t = fill(Msg::RefLetterFailed.get(lang), &[&e.render(lang)]);
                self.set_status(t, true);
            }
        }
    }

    pub(super) fn reload_case_referrals(&mut self) {
        let Some(view) = &mut self.case else { return };
        if let Ok(list) = self.ctx.store.referrals_of(view.file.card.id) {
            view.ref_cursor = view.ref_cursor.min(list.len().saturating_sub(1));
            view.referrals = list;
        }
    }

    fn set_status_of(&mut self, r: Referral, to: Status, note: String) {
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

    pub(super) fn on_dir_answer(&mut self, answer: Answer, then: DirThen) {
        let lang = self.lang();
        let now = self.ctx.now();
        let today = now.date_naive();
        match (answer, then) {
            (Answer::Codes(c), DirThen::FilterService) => {
                self.directory.service = c.into_iter().find(|x| !x.is_empty());
                self.directory.search(now.naive_local());
            }
            (Answer::Text(code), DirThen::FilterArea) => {
                // Choosing the whole country (no code) clears the filter.
                self.directory.area =
                    (!code.is_empty() && region::get(&code).is_some()).then_some(code);
                self.directory.search(now.naive_local());
            }
            (a, DirThen::Field(f)) => self.set_agency_field(f, a),
            (Answer::Yes, DirThen::ToggleActive) => {
                if let Some(s) = &mut self.directory.sheet {
                    s.agency.active = !s.agency.active;
                }
                self.save_agency();
            }
            (Answer::Yes, DirThen::Delete) => {
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
            (Answer::Yes, DirThen::LeaveSheet) => self.directory.sheet = None,
            (Answer::Text(number), DirThen::ReferCase(agency_id)) => {
                match self.ctx.store.find_case_number(number.trim()) {
                    Ok(Some(case_id)) => {
                        let number = number.trim().to_string();
                        self.ask_service(case_id, number, agency_id)
                    }
                    Ok(None) => self.set_status(
                        fill(Msg::RefCaseNotFound.get(lang), &[&number.trim()]),
                        true,
                    ),
                    Err(e) => {
                        let t = e.render(lang);
                        self.set_status(t, true);
                    }
                }
            }
            (Answer::Codes(c), DirThen::Service(mut d)) => {
                let Some(service) = c.into_iter().next() else {
                    return;
                };
                d.service = service;
                self.modal = Some((
                    Dialog::note(Msg::RefReasonPrompt.get(lang).into()),
                    Then::Dir(DirThen::Reason(d)),
                ));
            }
            (Answer::Text(reason), DirThen::Reason(mut d)) => {
                if reason.trim().is_empty() {
                    self.set_status(Msg::ErrRefReason.get(lang).into(), true);
                    return;
                }
                d.reason = reason;
                let default = format_date(today + Duration::days(7));
                self.modal = Some((
                    Dialog::line(Msg::RefFollowUpPrompt.get(lang).into(), &default),
                    Then::Dir(DirThen::FollowUp(d)),
                ));
            }
            (Answer::Text(t), DirThen::FollowUp(mut d)) => {
                if t.trim().is_empty() {
                    d.follow_up = None;
                } else {
                    match parse_date(&t, today + Duration::days(3650)) {
                        Ok(date) => d.follow_up = Some(date),
                        Err(_) => {
                            self.set_status(fill(Msg::AgBadDate.get(lang), &[&t]), true);
                            let text = t.clone();
                            self.modal = Some((
                                Dialog::line(Msg::RefFollowUpPrompt.get(lang).into(), &text),
                                Then::Dir(DirThen::FollowUp(d)),
                            ));
                            return;
                        }
                    }
                }
                self.make_referral(d, None);
            }
            (Answer::Text(why), DirThen::Override(d)) => {
                if why.trim().is_empty() {
                    self.set_status(Msg::ErrRefNoConsent.get(lang).into(), true);
                    return;
                }
                self.make_referral(d, Some(why));
            }
            (Answer::Codes(c), DirThen::Status(r)) => {
                let Some(to) = c.first().and_then(|x| Status::from_code(x)) else {
                    return;
                };
                if to.needs_note() {
                    let m = match to {
                        Status::Ditolak => Msg::RefNoteRejected,
                        Status::Selesai => Msg::RefNoteDone,
                        _ => Msg::RefNoteRevoked,
                    };
                    self.modal = Some((
                        Dialog::note(m.get(lang).into()),
                        Then::Dir(DirThen::StatusNote(r, to)),
                    ));
                } else {
                    self.set_status_of(r, to, String::new());
                }
            }
            (Answer::Text(note), DirThen::StatusNote(r, to)) => self.set_status_of(r, to, note),
            _ => {}
        }
    }
}
