//! Dialogs as typed flows. A flow is one multi-step interaction (move a case back with a
//! reason, close it, assign it, the referral wizard, the board filter, an agency field …) held
//! as a value with its own state. Each key goes to [`Flow::answer`], which says whether the
//! flow goes on, is done (with the [`Action`] to apply) or was cancelled.
//!
//! Two rules make flows safe for a new worker:
//! - while a flow is open it takes every key and paste, so nothing typed into a dialog can
//!   reach the screen below it;
//! - input the flow (or `App::update`, through [`Flow::refuse`]) finds wrong keeps the flow
//!   open at the same step, with the message inside the dialog next to what was typed.
//!
//! Every flow is here, over 600 lines, so those two rules are written once; the flows move to
//! their screens' modules with the screen trait.

use chrono::{Duration, NaiveDate};
use ratatui::Frame;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;

use crate::domain::agency::{Agency, Week};
use crate::domain::case::{Card, Move, Stage};
use crate::domain::referral::{Referral, Status};
use crate::domain::validate::{format_date, parse_date};
use crate::domain::vocab::{self, AGENCY_KINDS, SERVICES, Vocab};
use crate::i18n::{Lang, Msg, fill};
use crate::ui::action::{Action, AgencyEdit, FollowDraft, GiveDraft, RefDraft};
use crate::ui::screens::directory::{SheetField, field_text};
use crate::ui::theme::Theme;
use crate::ui::widgets::modal::{Answer, Dialog};
use crate::ui::widgets::picklist::PickList;
use crate::ui::widgets::regionpicker::RegionPicker;
use crate::ui::widgets::textarea::TextArea;

mod paper;

/// What one key did to a flow.
// One Step per key, used at once and never stored: boxing the action would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Still open: more to type, or the input was refused (the reason is shown inside).
    Continue,
    Done(Action),
    Cancelled,
}

/// What a flow may read while it answers: plain values, never the store.
#[derive(Debug, Clone)]
pub struct FlowCtx {
    pub lang: Lang,
    pub today: NaiveDate,
    /// The office's kabupaten/kota: where region pickers start.
    pub regency: String,
}

/// Which flow, and the step it is at with what it has gathered so far.
#[derive(Debug, Clone)]
enum Kind {
    /// y / t, with an optional extra key (`alt`) and its own action.
    Confirm {
        yes: Box<Action>,
        alt: Option<Box<Action>>,
    },
    Info,
    MoveBack {
        card: Card,
        to: Stage,
    },
    Reopen {
        card: Card,
    },
    Assign {
        card: Card,
    },
    CloseReason {
        card: Card,
    },
    CloseNote {
        card: Card,
        reason: String,
    },
    Note {
        case_id: i64,
    },
    SimfoniMark {
        case_id: i64,
        victim: usize,
    },
    BoardFilter {
        region: String,
    },
    BoardRegion {
        codes: Vec<String>,
    },
    BoardDates {
        codes: Vec<String>,
    },
    DirectoryService,
    DirectoryArea,
    AgencyField(SheetField),
    ReferCase {
        agency_id: i64,
    },
    RefService(RefDraft),
    RefReason(RefDraft),
    RefFollowUp(RefDraft),
    RefOverride(RefDraft),
    RefStatus(Referral),
    RefStatusNote(Referral, Status),
    /// `l` without consent to share: the items to add to the minimum.
    LetterItems(Referral),
    // ---- the case after intake (issue 17)
    GiveService(GiveDraft),
    GiveVictim(GiveDraft),
    GiveDate(GiveDraft),
    GiveNote(GiveDraft),
    FollowHow(FollowDraft),
    FollowDate(FollowDraft),
    FollowFindings(FollowDraft),
    FollowNext(FollowDraft),
    // ---- the Hukum tab (issues 18, 19): its steps in `ui::legal_flow`
    Legal(crate::ui::legal_flow::LegalFlow),
    // ---- papers to sign (issue 19): the steps in `flows/paper.rs`
    Paper(paper::PaperStep),
}

#[derive(Debug)]
pub struct Flow {
    kind: Kind,
    dialog: Dialog,
    /// Why the last answer was refused; shown inside the dialog until the flow moves on.
    error: Option<String>,
}

fn line(title: impl Into<String>, value: &str) -> Dialog {
    Dialog::line(title.into(), value)
}

fn pick(title: impl Into<String>, vocab: Vocab, multi: bool, current: &[String]) -> Dialog {
    Dialog::Pick {
        title: title.into(),
        list: PickList::new(vocab, multi, current, String::new()),
    }
}

fn region(current: &str, regency: &str) -> Dialog {
    Dialog::Region {
        picker: RegionPicker::new(current, None, regency),
    }
}

/// Comma- or semicolon-separated items, trimmed, empty ones dropped.
fn split_list(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// Two dates in any order, `01-10-2026 - 23-11-2026` or `… s/d …`.
pub fn parse_range(text: &str, today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let t = text
        .replace("s/d", " ")
        .replace(" sd ", " ")
        .replace(" to ", " ")
        .replace(" - ", " ");
    let dates: Vec<NaiveDate> = t
        .split_whitespace()
        .filter_map(|p| parse_date(p, today).ok())
        .collect();
    match dates.as_slice() {
        [a, b] => Some(((*a).min(*b), (*a).max(*b))),
        _ => None,
    }
}

/// The statuses a referral may move to from where it is.
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
const SERVICE_FILTER_TERMS: [vocab::Term; SERVICE_FILTER_LEN] = {
    let mut out = [vocab::SERVICES.terms[0]; SERVICE_FILTER_LEN];
    out[0] = vocab::Term {
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

impl Flow {
    fn new(kind: Kind, dialog: Dialog) -> Flow {
        Flow {
            kind,
            dialog,
            error: None,
        }
    }

    // ---- the flows, each opened by one constructor ------------------------------------

    /// y applies `yes`; t, n or Esc cancels.
    pub fn confirm(text: String, yes: Action) -> Flow {
        let dialog = Dialog::Confirm { text, alt: None };
        Flow::new(
            Kind::Confirm {
                yes: Box::new(yes),
                alt: None,
            },
            dialog,
        )
    }

    /// Like [`Flow::confirm`], with one more key that applies `alt` instead.
    pub fn confirm_or(text: String, yes: Action, key: char, alt: Action) -> Flow {
        let dialog = Dialog::Confirm {
            text,
            alt: Some(key),
        };
        Flow::new(
            Kind::Confirm {
                yes: Box::new(yes),
                alt: Some(Box::new(alt)),
            },
            dialog,
        )
    }

    /// Lines to read, dismissed with Enter or Esc.
    pub fn info(title: String, lines: Vec<String>) -> Flow {
        Flow::new(Kind::Info, Dialog::Info { title, lines })
    }

    /// `<`: back to the previous stage, with a written reason.
    pub fn move_back(card: Card, to: Stage, lang: Lang) -> Flow {
        let title = fill(
            Msg::BackPrompt.get(lang),
            &[&vocab::STAGES.label(to.code(), lang)],
        );
        Flow::new(Kind::MoveBack { card, to }, line(title, ""))
    }

    /// `o`: reopen a closed case, with a written reason.
    pub fn reopen(card: Card, lang: Lang) -> Flow {
        Flow::new(Kind::Reopen { card }, line(Msg::ReopenPrompt.get(lang), ""))
    }

    /// `a`: who the case is assigned to (empty: nobody).
    /// `a`: an account from the active ones (`accounts`), the current assignee highlighted.
    pub fn assign(card: Card, current: &str, accounts: Vocab, lang: Lang) -> Flow {
        Flow::new(
            Kind::Assign { card },
            pick(
                Msg::AssignPrompt.get(lang),
                accounts,
                false,
                &[current.to_string()],
            ),
        )
    }

    /// `c`: a closure reason from the list, a description for "lainnya", then y/t.
    pub fn close(card: Card, lang: Lang) -> Flow {
        let dialog = pick(
            Msg::ClosePrompt.get(lang),
            vocab::CLOSURE_REASONS,
            false,
            &[],
        );
        Flow::new(Kind::CloseReason { card }, dialog)
    }

    /// `n`: a note on the case (append-only).
    pub fn note(case_id: i64, lang: Lang) -> Flow {
        Flow::new(
            Kind::Note { case_id },
            Dialog::note(Msg::NotePrompt.get(lang).into()),
        )
    }

    /// `m` on the SIMFONI sheet: SIMFONI's reference for the victim just entered (may be
    /// empty), then the mark.
    pub fn simfoni_mark(case_id: i64, victim: usize, lang: Lang) -> Flow {
        Flow::new(
            Kind::SimfoniMark { case_id, victim },
            line(Msg::SimMarkPrompt.get(lang), ""),
        )
    }

    /// `f` on the board: what to show (ticked: what is in force now), then the region and
    /// the dates when those are ticked.
    pub fn board_filter(chosen: &[String], region: &str, lang: Lang) -> Flow {
        let dialog = pick(
            Msg::FilterPrompt.get(lang),
            crate::i18n::BOARD_FILTERS,
            true,
            chosen,
        );
        Flow::new(
            Kind::BoardFilter {
                region: region.to_string(),
            },
            dialog,
        )
    }

    /// F5 in the directory: one service, or all.
    pub fn directory_service(current: Option<&str>, lang: Lang) -> Flow {
        let current: Vec<String> = current.map(str::to_string).into_iter().collect();
        let dialog = pick(Msg::AgServices.get(lang), SERVICE_FILTER, false, &current);
        Flow::new(Kind::DirectoryService, dialog)
    }

    /// F6 in the directory: one area, or the whole country.
    pub fn directory_area(current: &str, regency: &str) -> Flow {
        Flow::new(Kind::DirectoryArea, region(current, regency))
    }

    /// Enter on a field of the agency sheet.
    pub fn agency_field(field: SheetField, a: &Agency, regency: &str, lang: Lang) -> Flow {
        let title = field.label().get(lang).to_string();
        let dialog = match field {
            SheetField::Kind => pick(title, AGENCY_KINDS, false, std::slice::from_ref(&a.kind)),
            SheetField::Services => pick(title, SERVICES, true, &a.services),
            SheetField::Areas => region(&a.areas.first().cloned().unwrap_or_default(), regency),
            SheetField::Hours => line(Msg::AgHoursPrompt.get(lang), &a.hours.format(lang)),
            SheetField::Phones => line(
                fill(Msg::AgListPrompt.get(lang), &[&title]),
                &a.phones.join(", "),
            ),
            SheetField::Notes => Dialog::Note {
                title,
                area: TextArea::new(&a.notes),
            },
            other => line(title, &field_text(a, other, lang)),
        };
        Flow::new(Kind::AgencyField(field), dialog)
    }

    /// `r` on an agency's sheet: which case to refer to it.
    pub fn refer_case(agency_id: i64, lang: Lang) -> Flow {
        Flow::new(
            Kind::ReferCase { agency_id },
            line(Msg::RefCasePrompt.get(lang), ""),
        )
    }

    /// The referral wizard, once case and agency are known: service, reason, follow-up.
    pub fn referral(draft: RefDraft, services: &[String], lang: Lang) -> Flow {
        let current: Vec<String> = services.first().cloned().into_iter().collect();
        let dialog = pick(Msg::RefServicePrompt.get(lang), SERVICES, false, &current);
        Flow::new(Kind::RefService(draft), dialog)
    }

    /// No consent to share is recorded: why refer anyway (kept in the history).
    pub fn override_consent(draft: RefDraft, lang: Lang) -> Flow {
        Flow::new(
            Kind::RefOverride(draft),
            Dialog::note(Msg::RefOverridePrompt.get(lang).into()),
        )
    }

    /// `l` on a referral whose client did not agree to share her data: what to add to the
    /// minimum, "the minimum only" highlighted (issue 16 point 3).
    pub fn letter_items(r: Referral, lang: Lang) -> Flow {
        let dialog = pick(
            Msg::LetterItemsPrompt.get(lang),
            vocab::LETTER_PICK,
            true,
            &[],
        );
        Flow::new(Kind::LetterItems(r), dialog)
    }

    /// `s` on a referral: its next status, and a note where the status needs one. None when
    /// the status is final.
    pub fn referral_status(r: Referral, lang: Lang) -> Option<Flow> {
        let next = match r.status {
            Status::Dikirim => NEXT_FROM_DIKIRIM,
            Status::Diterima => NEXT_FROM_DITERIMA,
            _ => return None,
        };
        let dialog = pick(Msg::RefStatusPrompt.get(lang), next, false, &[]);
        Some(Flow::new(Kind::RefStatus(r), dialog))
    }

    /// A service given: which service (the referral's, when it comes from one), to which
    /// victim (asked only when the case has several), on which day, and a short note.
    pub fn give_service(draft: GiveDraft, lang: Lang) -> Flow {
        let current: Vec<String> = Some(draft.service.clone())
            .filter(|s| !s.is_empty())
            .into_iter()
            .collect();
        let dialog = pick(Msg::GivePromptService.get(lang), SERVICES, false, &current);
        Flow::new(Kind::GiveService(draft), dialog)
    }

    /// A follow-up: how it was made, when, what was found, and the next date.
    pub fn follow_up(draft: FollowDraft, lang: Lang) -> Flow {
        let dialog = pick(
            Msg::FollowPromptKind.get(lang),
            vocab::FOLLOW_UP_KINDS,
            false,
            &[],
        );
        Flow::new(Kind::FollowHow(draft), dialog)
    }

    /// A Hukum-tab dialog (`ui::legal_flow`) at its first step.
    pub fn legal(step: crate::ui::legal_flow::LegalFlow, dialog: Dialog) -> Flow {
        Flow::new(Kind::Legal(step), dialog)
    }

    // ---- answering -----------------------------------------------------------------------

    /// Keeps the flow open at its current step with `why` shown inside it: `update` refused
    /// what the flow asked for.
    pub fn refuse(&mut self, why: String) {
        self.error = Some(why);
    }

    /// The message shown inside the dialog, if the last answer was refused.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Moves to the next step of the same flow.
    fn next(&mut self, kind: Kind, dialog: Dialog) -> Step {
        self.kind = kind;
        self.dialog = dialog;
        self.error = None;
        Step::Continue
    }

    fn stay(&mut self, why: Msg, lang: Lang) -> Step {
        self.error = Some(why.get(lang).to_string());
        Step::Continue
    }

    pub fn answer(&mut self, ev: &Event, cx: &FlowCtx) -> Step {
        let answer = self.dialog.handle(ev);
        match answer {
            Answer::Pending => return Step::Continue,
            Answer::Cancel => return Step::Cancelled,
            _ => {}
        }
        let lang = cx.lang;
        // The step's state is read from a copy: a refused answer (here or by `update`, after
        // Done) leaves the flow at the same step; `next` moves it on.
        let kind = self.kind.clone();
        match (kind, answer) {
            (Kind::Confirm { yes, .. }, Answer::Yes) => Step::Done(*yes),
            (Kind::Confirm { alt: Some(alt), .. }, Answer::Alt) => Step::Done(*alt),
            (Kind::MoveBack { card, to }, Answer::Text(reason)) => {
                if reason.trim().is_empty() {
                    return self.stay(Msg::ErrReasonRequired, lang);
                }
                Step::Done(Action::Move {
                    card,
                    mv: Move::Back { to, reason },
                })
            }
            (Kind::Reopen { card }, Answer::Text(reason)) => {
                if reason.trim().is_empty() {
                    return self.stay(Msg::ErrReasonRequired, lang);
                }
                Step::Done(Action::Move {
                    card,
                    mv: Move::Reopen { reason },
                })
            }
            (Kind::Assign { card }, Answer::Codes(codes)) => match codes.into_iter().next() {
                Some(to) => Step::Done(Action::Assign { card, to }),
                None => self.stay(Msg::ErrAssignPick, lang),
            },
            (Kind::SimfoniMark { case_id, victim }, Answer::Text(reference)) => {
                Step::Done(Action::MarkSimfoni {
                    case_id,
                    victim,
                    reference,
                })
            }
            (Kind::CloseReason { card }, Answer::Codes(codes)) => {
                let Some(reason) = codes.into_iter().next() else {
                    return self.stay(Msg::ErrClosureReason, lang);
                };
                if reason == "lainnya" {
                    let dialog = line(Msg::CloseNotePrompt.get(lang), "");
                    return self.next(Kind::CloseNote { card, reason }, dialog);
                }
                self.confirm_close(card, reason, String::new(), lang)
            }
            (Kind::CloseNote { card, reason }, Answer::Text(note)) => {
                if note.trim().is_empty() {
                    return self.stay(Msg::ErrClosureReason, lang);
                }
                self.confirm_close(card, reason, note, lang)
            }
            // An empty note adds nothing, as before flows: Ctrl-S on nothing just closes.
            (Kind::Note { .. }, Answer::Text(body)) if body.is_empty() => Step::Cancelled,
            (Kind::Note { case_id }, Answer::Text(body)) => {
                Step::Done(Action::AddNote { case_id, body })
            }
            (Kind::BoardFilter { region: current }, Answer::Codes(codes)) => {
                let wants_dates = codes.iter().any(|c| c == "dates");
                let wants_region = codes.iter().any(|c| c == "region");
                let codes: Vec<String> = codes
                    .into_iter()
                    .filter(|c| c != "dates" && c != "region")
                    .collect();
                if wants_region {
                    let dialog = region(&current, &cx.regency);
                    self.next(Kind::BoardRegion { codes }, dialog)
                } else if wants_dates {
                    let dialog = line(Msg::DatesPrompt.get(lang), "");
                    self.next(Kind::BoardDates { codes }, dialog)
                } else {
                    Step::Done(Action::SetBoardFilter {
                        codes,
                        region: None,
                        opened: Some(None),
                    })
                }
            }
            (Kind::BoardRegion { codes }, Answer::Text(code)) => {
                // The dates in force stay: the region is asked on its own. No region (Del
                // in the picker) clears it.
                Step::Done(Action::SetBoardFilter {
                    codes,
                    region: (!code.is_empty()).then_some(code),
                    opened: None,
                })
            }
            (Kind::BoardDates { codes }, Answer::Text(text)) => {
                match parse_range(&text, cx.today) {
                    Some(range) => Step::Done(Action::SetBoardFilter {
                        codes,
                        region: None,
                        opened: Some(Some(range)),
                    }),
                    None => self.stay(Msg::ErrDates, lang),
                }
            }
            (Kind::DirectoryService, Answer::Codes(c)) => Step::Done(Action::SetDirectoryService(
                c.into_iter().find(|x| !x.is_empty()),
            )),
            (Kind::DirectoryArea, Answer::Text(code)) => Step::Done(Action::SetDirectoryArea(code)),
            (Kind::AgencyField(field), answer) => match agency_edit(field, answer, cx) {
                Ok(edit) => Step::Done(Action::EditAgency(edit)),
                Err(why) => {
                    self.error = Some(why);
                    Step::Continue
                }
            },
            (Kind::ReferCase { agency_id }, Answer::Text(number)) => {
                Step::Done(Action::ReferCaseNumber {
                    agency_id,
                    number: number.trim().to_string(),
                })
            }
            (Kind::RefService(mut d), Answer::Codes(c)) => {
                let Some(service) = c.into_iter().next() else {
                    return self.stay(Msg::ErrRefService, lang);
                };
                d.service = service;
                let dialog = Dialog::note(Msg::RefReasonPrompt.get(lang).into());
                self.next(Kind::RefReason(d), dialog)
            }
            (Kind::RefReason(mut d), Answer::Text(reason)) => {
                if reason.trim().is_empty() {
                    return self.stay(Msg::ErrRefReason, lang);
                }
                d.reason = reason;
                let default = format_date(cx.today + Duration::days(7));
                let dialog = line(Msg::RefFollowUpPrompt.get(lang), &default);
                self.next(Kind::RefFollowUp(d), dialog)
            }
            (Kind::RefFollowUp(mut d), Answer::Text(t)) => {
                if t.trim().is_empty() {
                    d.follow_up = None;
                } else {
                    match parse_date(&t, cx.today + Duration::days(3650)) {
                        Ok(date) => d.follow_up = Some(date),
                        Err(_) => {
                            self.error = Some(fill(Msg::AgBadDate.get(lang), &[&t]));
                            return Step::Continue;
                        }
                    }
                }
                Step::Done(Action::Refer {
                    draft: d,
                    override_reason: None,
                })
            }
            (Kind::RefOverride(d), Answer::Text(why)) => {
                if why.trim().is_empty() {
                    return self.stay(Msg::ErrRefNoConsent, lang);
                }
                Step::Done(Action::Refer {
                    draft: d,
                    override_reason: Some(why),
                })
            }
            (Kind::LetterItems(referral), Answer::Codes(c)) => {
                let include = c.into_iter().filter(|c| c != vocab::MINIMUM_ONLY).collect();
                Step::Done(Action::WriteLetterWith { referral, include })
            }
            (Kind::RefStatus(r), Answer::Codes(c)) => {
                let Some(to) = c.first().and_then(|x| Status::from_code(x)) else {
                    return Step::Continue;
                };
                if to.needs_note() {
                    let m = match to {
                        Status::Ditolak => Msg::RefNoteRejected,
                        Status::Selesai => Msg::RefNoteDone,
                        _ => Msg::RefNoteRevoked,
                    };
                    let dialog = Dialog::note(m.get(lang).into());
                    return self.next(Kind::RefStatusNote(r, to), dialog);
                }
                Step::Done(Action::SetReferralStatus {
                    referral: r,
                    to,
                    note: String::new(),
                })
            }
            (Kind::RefStatusNote(r, to), Answer::Text(note)) => {
                if note.trim().is_empty() {
                    return self.stay(Msg::ErrRefNote, lang);
                }
                Step::Done(Action::SetReferralStatus {
                    referral: r,
                    to,
                    note,
                })
            }
            (Kind::GiveService(mut d), Answer::Codes(c)) => {
                let Some(service) = c.into_iter().next() else {
                    return self.stay(Msg::ErrRefService, lang);
                };
                d.service = service;
                if d.victims.len() > 1 {
                    let names: Vec<String> = d
                        .victims
                        .iter()
                        .enumerate()
                        .map(|(i, (_, n))| format!("{} {n}", i + 1))
                        .collect();
                    let title = fill(Msg::GivePromptVictim.get(lang), &[&names.join(" · ")]);
                    return self.next(Kind::GiveVictim(d), line(title, "1"));
                }
                d.victim_id = d.victims.first().map_or(0, |v| v.0);
                let dialog = line(Msg::GivePromptDate.get(lang), &format_date(cx.today));
                self.next(Kind::GiveDate(d), dialog)
            }
            (Kind::GiveVictim(mut d), Answer::Text(t)) => {
                let Some((id, _)) = t
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .and_then(|i| d.victims.get(i))
                else {
                    return self.stay(Msg::ErrGiveVictim, lang);
                };
                d.victim_id = *id;
                let dialog = line(Msg::GivePromptDate.get(lang), &format_date(cx.today));
                self.next(Kind::GiveDate(d), dialog)
            }
            (Kind::GiveDate(mut d), Answer::Text(t)) => match parse_date(&t, cx.today) {
                Ok(date) => {
                    d.date = date;
                    let dialog = line(Msg::GivePromptNote.get(lang), "");
                    self.next(Kind::GiveNote(d), dialog)
                }
                Err(_) => {
                    self.error = Some(fill(Msg::ErrPastDate.get(lang), &[&t]));
                    Step::Continue
                }
            },
            (Kind::GiveNote(mut d), Answer::Text(note)) => {
                d.note = note.trim().to_string();
                Step::Done(Action::GiveService(d))
            }
            (Kind::FollowHow(mut d), Answer::Codes(c)) => {
                let Some(kind) = c.into_iter().next() else {
                    return self.stay(Msg::ErrFollowKind, lang);
                };
                d.kind = kind;
                let dialog = line(Msg::FollowPromptDate.get(lang), &format_date(cx.today));
                self.next(Kind::FollowDate(d), dialog)
            }
            (Kind::FollowDate(mut d), Answer::Text(t)) => match parse_date(&t, cx.today) {
                Ok(date) => {
                    d.date = date;
                    let dialog = Dialog::note(Msg::FollowPromptFindings.get(lang).into());
                    self.next(Kind::FollowFindings(d), dialog)
                }
                Err(_) => {
                    self.error = Some(fill(Msg::ErrPastDate.get(lang), &[&t]));
                    Step::Continue
                }
            },
            (Kind::FollowFindings(mut d), Answer::Text(t)) => {
                if t.trim().is_empty() {
                    return self.stay(Msg::ErrFollowFindings, lang);
                }
                d.findings = t;
                let default = format_date(d.date + Duration::days(30));
                let dialog = line(Msg::FollowPromptNext.get(lang), &default);
                self.next(Kind::FollowNext(d), dialog)
            }
            (Kind::FollowNext(mut d), Answer::Text(t)) => {
                if t.trim().is_empty() {
                    d.next = None;
                } else {
                    match parse_date(&t, cx.today + Duration::days(3650)) {
                        Ok(date) if date >= d.date => d.next = Some(date),
                        _ => {
                            self.error = Some(fill(Msg::AgBadDate.get(lang), &[&t]));
                            return Step::Continue;
                        }
                    }
                }
                Step::Done(Action::AddFollowUp(d))
            }
            (Kind::Legal(step), a) => match step.answer(
                a,
                &crate::ui::legal_flow::Cx {
                    lang,
                    today: cx.today,
                },
            ) {
                crate::ui::legal_flow::Outcome::Next(step, dialog) => {
                    self.next(Kind::Legal(step), dialog)
                }
                crate::ui::legal_flow::Outcome::Stay(why) => {
                    self.error = Some(why);
                    Step::Continue
                }
                crate::ui::legal_flow::Outcome::Done(action) => Step::Done(action),
            },
            (Kind::Paper(step), answer) => self.paper_answer(step, answer, lang),
            // An answer of a shape this step does not take (Enter on an info box): done
            // with nothing to apply.
            (_, _) => Step::Cancelled,
        }
    }

    fn confirm_close(&mut self, card: Card, reason: String, note: String, lang: Lang) -> Step {
        let text = fill(
            Msg::ConfirmClose.get(lang),
            &[&card.number, &vocab::CLOSURE_REASONS.label(&reason, lang)],
        );
        let yes = Action::Move {
            card,
            mv: Move::Close { reason, note },
        };
        self.next(
            Kind::Confirm {
                yes: Box::new(yes),
                alt: None,
            },
            Dialog::Confirm { text, alt: None },
        )
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        self.dialog
            .draw(f, area, lang, theme, self.error.as_deref());
    }
}

/// What was typed or picked for one agency field, read; Err is the message to show inside.
fn agency_edit(
    field: SheetField,
    answer: Answer,
    cx: &FlowCtx,
) -> std::result::Result<AgencyEdit, String> {
    let lang = cx.lang;
    Ok(match (field, answer) {
        (SheetField::Kind, Answer::Codes(c)) => {
            AgencyEdit::Kind(c.into_iter().next().unwrap_or_default())
        }
        (SheetField::Services, Answer::Codes(c)) => AgencyEdit::Services(c),
        (SheetField::Areas, Answer::Text(code)) => AgencyEdit::ToggleArea(code),
        (SheetField::Hours, Answer::Text(t)) => match Week::parse(&t) {
            Ok(w) => AgencyEdit::Hours(w),
            Err(bad) => return Err(fill(Msg::AgBadHours.get(lang), &[&bad])),
        },
        (SheetField::Phones, Answer::Text(t)) => AgencyEdit::Phones(split_list(&t)),
        (SheetField::Verified, Answer::Text(t)) if t.trim().is_empty() => {
            AgencyEdit::Verified(None)
        }
        (SheetField::Verified, Answer::Text(t)) => match parse_date(&t, cx.today) {
            Ok(d) => AgencyEdit::Verified(Some(d)),
            Err(_) => return Err(fill(Msg::AgBadDate.get(lang), &[&t])),
        },
        (SheetField::Name, Answer::Text(t)) => AgencyEdit::Name(t),
        (SheetField::Address, Answer::Text(t)) => AgencyEdit::Address(t),
        (SheetField::Email, Answer::Text(t)) => AgencyEdit::Email(t),
        (SheetField::Contact, Answer::Text(t)) => AgencyEdit::Contact(t),
        (SheetField::Notes, Answer::Text(t)) => AgencyEdit::Notes(t),
        // A picker's answer for a text field cannot happen; say nothing changes.
        (_, _) => return Err(String::new()),
    })
}
