//! Effects of the case after intake on the terminal: services given and follow-ups recorded
//! from the case file, and the service given offered when a referral is done. Each write is
//! the store's (one transaction with its history row); the case file is read again after it.

use crate::domain::followup::{FollowUp, FollowUpIssue};
use crate::domain::plan::Doer;
use crate::domain::referral::Referral;
use crate::domain::service::{ServiceGiven, ServiceIssue};
use crate::i18n::Msg;
use crate::ui::action::{Action, FollowDraft, GiveDraft};
use crate::ui::app::App;
use crate::ui::flows::Flow;
use crate::ui::screens::casefile::{RecordLists, Tab};

impl App {
    /// Reads the records the case file's Layanan and Pemantauan tabs show.
    pub(in crate::ui::app) fn reload_case_records(&mut self) {
        let Some(id) = self.case.as_ref().map(|c| c.file.card.id) else {
            return;
        };
        let store = &self.ctx.store;
        let (Ok(services), Ok(follow_ups), Ok(victims)) = (
            store.services_given(id),
            store.follow_ups(id),
            store.victims_of(id),
        ) else {
            return;
        };
        let mut agencies = Vec::new();
        for s in &services {
            if let Doer::Agency(a) = s.given_by
                && !agencies.iter().any(|(x, _)| *x == a)
                && let Ok(Some(ag)) = store.agency(a)
            {
                agencies.push((a, ag.name));
            }
        }
        if let Some(c) = &mut self.case {
            c.records = RecordLists {
                services,
                follow_ups,
                victims,
                agencies,
            };
        }
    }

    pub(in crate::ui::app) fn ask_give_service(
        &mut self,
        case_id: i64,
        referral_id: Option<i64>,
        service: String,
    ) {
        let lang = self.lang();
        let victims = match self.ctx.store.victims_of(case_id) {
            Ok(v) => v,
            Err(e) => {
                let t = e.render(lang);
                self.set_status(t, true);
                return;
            }
        };
        let draft = GiveDraft {
            case_id,
            referral_id,
            victims,
            service,
            victim_id: 0,
            date: self.ctx.today(),
            note: String::new(),
        };
        self.flow = Some(Flow::give_service(draft, lang));
    }

    pub(in crate::ui::app) fn ask_follow_up(&mut self, case_id: i64) {
        let draft = FollowDraft {
            case_id,
            kind: String::new(),
            date: self.ctx.today(),
            findings: String::new(),
            next: None,
        };
        self.flow = Some(Flow::follow_up(draft, self.lang()));
    }

    /// After a referral is set to *selesai*: y records what the agency gave.
    pub(in crate::ui::app) fn offer_service_given(&mut self, r: &Referral) {
        let lang = self.lang();
        self.confirm(
            Msg::OfferServiceGiven.get(lang).into(),
            Action::AskGiveService {
                case_id: r.case_id,
                referral_id: Some(r.id),
                service: r.service.clone(),
            },
        );
    }

    /// Err keeps the flow open with the reason (a date in the future, a victim not of the
    /// case).
    pub(in crate::ui::app) fn give_service(&mut self, d: GiveDraft) -> Result<(), String> {
        let lang = self.lang();
        // What an agency gave through a referral is the agency's; anything else is the
        // worker's own.
        let given_by = match d
            .referral_id
            .and_then(|id| self.ctx.store.referral(id).ok())
        {
            Some(Some(r)) => Doer::Agency(r.agency_id),
            _ => Doer::Staff(self.ctx.staff.clone()),
        };
        let g = ServiceGiven {
            id: 0,
            date: d.date,
            service: d.service,
            victim_id: d.victim_id,
            given_by,
            note: d.note,
        };
        let now = self.ctx.now();
        match self
            .ctx
            .store
            .give_service(d.case_id, &g, d.referral_id, &self.ctx.staff, now)
        {
            Ok(Ok(_)) => {
                self.set_status(Msg::ServiceGivenSaved.get(lang).into(), false);
                // Shown where it went, whichever tab it was asked from.
                if let Some(c) = &mut self.case {
                    c.tab = Tab::Services;
                }
            }
            Ok(Err(issues)) => {
                let m = match issues.first() {
                    Some(ServiceIssue::DateFuture) => Msg::ErrRecordDateFuture,
                    Some(ServiceIssue::NoVictim) => Msg::ErrGiveVictim,
                    _ => Msg::ErrRefService,
                };
                return Err(m.get(lang).into());
            }
            Err(e) => {
                let t = e.render(lang);
                self.set_status(t, true);
            }
        }
        self.reload_case();
        Ok(())
    }

    pub(in crate::ui::app) fn add_follow_up(&mut self, d: FollowDraft) -> Result<(), String> {
        let lang = self.lang();
        let f = FollowUp {
            id: 0,
            date: d.date,
            kind: d.kind,
            findings: d.findings,
            next: d.next,
        };
        let now = self.ctx.now();
        match self
            .ctx
            .store
            .add_follow_up(d.case_id, &f, &self.ctx.staff, now)
        {
            Ok(Ok(_)) => {
                self.set_status(Msg::FollowUpSaved.get(lang).into(), false);
                if let Some(c) = &mut self.case {
                    c.tab = Tab::FollowUps;
                }
            }
            Ok(Err(issues)) => {
                let m = match issues.first() {
                    Some(FollowUpIssue::DateFuture) => Msg::ErrRecordDateFuture,
                    Some(FollowUpIssue::FindingsRequired) => Msg::ErrFollowFindings,
                    Some(FollowUpIssue::NextNotAfter) => Msg::ErrFollowNext,
                    _ => Msg::ErrFollowKind,
                };
                return Err(m.get(lang).into());
            }
            Err(e) => {
                let t = e.render(lang);
                self.set_status(t, true);
            }
        }
        self.reload_case();
        Ok(())
    }
}
