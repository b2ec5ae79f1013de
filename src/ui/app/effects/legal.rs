//! Effects of the case file's Hukum tab (issues 18, 19): reading the case's legal side for
//! the tab, opening its dialogs, and recording what they gathered — each write the store's
//! own (one transaction with its history row), the tab read again after it.

use crate::domain::case::Card;
use crate::domain::law::MediationRefused;
use crate::domain::legal::{MediationIssue, QualificationIssue, TAKEDOWN_REQUESTED};
use crate::domain::vocab;
use crate::i18n::{Msg, fill};
use crate::io::legal::{event_issue, mediation_issue};
use crate::ui::action::{LegalAsk, LegalEntry};
use crate::ui::app::App;
use crate::ui::flows::Flow;
use crate::ui::legal_flow::{self, LegalCase};
use crate::ui::screens::casefile::Tab;

impl App {
    /// Reads what the Hukum tab shows, as of now on the office's clock.
    pub(in crate::ui::app) fn reload_case_legal(&mut self) {
        let Some(id) = self.case.as_ref().map(|c| c.file.card.id) else {
            return;
        };
        let now = self.ctx.now().naive_local();
        let sheet = self.ctx.store.legal_sheet(id, &self.ctx.config.clocks, now);
        if let (Ok(sheet), Some(c)) = (sheet, &mut self.case) {
            c.legal = Some(sheet);
        }
    }

    /// Opens the dialog of `what`. A mediation the law does not allow on the case (UU TPKS
    /// Pasal 23) opens no dialog: the reason is shown instead.
    pub(in crate::ui::app) fn ask_legal(&mut self, card: Card, what: LegalAsk) {
        let lang = self.lang();
        let facts = match self.ctx.store.legal_facts(card.id, self.ctx.today()) {
            Ok(f) => f,
            Err(e) => {
                let t = e.render(lang);
                self.set_status(t, true);
                return;
            }
        };
        if let Some(c) = &mut self.case {
            c.tab = Tab::Legal;
        }
        if what == LegalAsk::Mediation
            && let Err(MediationRefused::TpksAdultPerpetrator) = facts.mediation_allowed()
        {
            let why = Msg::HkMediationRefused.get(lang).to_string();
            self.flow = Some(Flow::info(
                Msg::HkMediation.get(lang).trim_end_matches(':').to_string(),
                vec![why.clone()],
            ));
            self.set_status(why, true);
            return;
        }
        let case = LegalCase {
            case_id: card.id,
            assigned: card.assigned_to.clone(),
            sexual: facts.violence.iter().any(|v| v == "seksual"),
        };
        let (step, dialog) = legal_flow::start(what, case, &facts.qualifications, lang);
        self.flow = Some(Flow::legal(step, dialog));
    }

    /// Records one legal entry. Err keeps the dialog open with the reason.
    pub(in crate::ui::app) fn save_legal(
        &mut self,
        case_id: i64,
        entry: LegalEntry,
    ) -> Result<(), String> {
        let lang = self.lang();
        let now = self.ctx.now();
        let staff = self.ctx.staff.clone();
        let store = &mut self.ctx.store;
        let saved: crate::error::Result<Result<String, String>> = match entry {
            LegalEntry::Qualify(codes) => store
                .set_legal_qualifications(case_id, &codes, &staff, now)
                .map(|r| match r {
                    Ok(()) => Ok(Msg::HkQualifications.get(lang).trim_end_matches(':').into()),
                    Err(issues) => Err(match &issues[0] {
                        QualificationIssue::UnknownCode(c) => {
                            fill(Msg::ErrHkQualUnknown.get(lang), &[c])
                        }
                        QualificationIssue::SexualNeedsTpksKind => {
                            Msg::HkNeedsTpks.get(lang).into()
                        }
                    }),
                }),
            LegalEntry::Event(e) => {
                let label = vocab::LEGAL_EVENTS.label(e.detail.kind().code(), lang);
                store
                    .add_legal_event(case_id, &e, &staff, now)
                    .map(|r| match r {
                        Ok(_) => Ok(label.to_string()),
                        Err(issues) => Err(issues
                            .iter()
                            .map(|i| event_issue(*i).get(lang))
                            .collect::<Vec<_>>()
                            .join(" ")),
                    })
            }
            LegalEntry::Mediation(day, step) => {
                let label = vocab::MEDIATION_STEPS.label(step.code(), lang);
                store
                    .add_mediation(case_id, day, &step, &staff, now)
                    .map(|r| match r {
                        Ok(_) => Ok(label.to_string()),
                        Err(issues) => Err(issues
                            .iter()
                            .map(|i: &MediationIssue| mediation_issue(*i).get(lang))
                            .collect::<Vec<_>>()
                            .join(" ")),
                    })
            }
            LegalEntry::Tick(item) => {
                let label = vocab::LEGAL_CHECKLIST.label(&item, lang).to_string();
                let today = now.date_naive();
                if item == TAKEDOWN_REQUESTED {
                    // A take-down request is a service given (legal aid) as well as a tick.
                    let victim = store.victim_ids(case_id).map(|v| v.first().copied());
                    match victim {
                        Ok(Some(v)) => store
                            .request_takedown(
                                case_id,
                                v,
                                today,
                                Msg::HkTakedownNote.get(lang),
                                &staff,
                                now,
                            )
                            .map(|r| r.map(|_| label).map_err(|_| label_refused(lang))),
                        Ok(None) => Ok(Err(label_refused(lang))),
                        Err(e) => Err(e),
                    }
                } else {
                    store
                        .tick_legal_checklist(case_id, &item, today, &staff, now)
                        .map(|fresh| {
                            if fresh {
                                Ok(label)
                            } else {
                                Err(fill(Msg::HkAlreadyTicked.get(lang), &[&label]))
                            }
                        })
                }
            }
        };
        match saved {
            Ok(Ok(what)) => {
                let number = self
                    .case
                    .as_ref()
                    .map(|c| c.file.card.number.clone())
                    .unwrap_or_default();
                self.set_status(fill(Msg::HkEventSaved.get(lang), &[&what, &number]), false);
            }
            Ok(Err(why)) => return Err(why),
            Err(e) => {
                let t = e.render(lang);
                self.set_status(t, true);
            }
        }
        self.reload_case();
        if let Some(c) = &mut self.case {
            c.tab = Tab::Legal;
        }
        Ok(())
    }
}

/// A take-down that could not be recorded as a service: the case has no victim to give it to.
fn label_refused(lang: crate::i18n::Lang) -> String {
    Msg::ErrGiveVictim.get(lang).to_string()
}
