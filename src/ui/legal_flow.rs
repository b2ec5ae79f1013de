//! The Hukum tab's dialogs (issues 18, 19), one question at a time, inside a `flows::Flow`
//! (which keeps its two rules: the flow takes every key, and a refused answer keeps it open
//! at the same step with the reason inside):
//! - the legal qualification, a multi-pick; a case of sexual violence is not let go without
//!   its TPKS kind (or "belum diketahui");
//! - a legal event: its kind, its date, then the fields that kind records, then the next date
//!   (offered as the kind's own: the next hearing, the end of a protection order …);
//! - a mediation step: which step, its date and its fields (the store refuses any step on a
//!   TPKS case, and the tab says why before the dialog opens);
//! - a checklist item to tick.

use chrono::{Duration, NaiveDate, NaiveTime};

use crate::domain::legal::{self, Detail, EventKind, Matter, NewEvent, Step};
use crate::domain::validate::{format_date, parse_date, parse_time};
use crate::domain::vocab::{self, Vocab};
use crate::i18n::{Lang, Msg, fill};
use crate::ui::action::{Action, LegalAsk, LegalEntry};
use crate::ui::widgets::modal::{Answer, Dialog};
use crate::ui::widgets::picklist::PickList;

/// The case a legal dialog writes to, and its assignee (for the role check).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegalCase {
    pub case_id: i64,
    pub assigned: Option<String>,
    /// Jenis kekerasan *Seksual*: the qualification must carry a TPKS kind.
    pub sexual: bool,
}

/// One question of an event's or a mediation step's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Q {
    /// One line; `true`: required.
    Text(Msg, bool),
    /// Several lines; `true`: required.
    Long(Msg, bool),
    Flag(Msg),
    /// A day up to today.
    Past(Msg),
    /// A day that may lie ahead; `true`: required.
    Ahead(Msg, bool),
    /// A time of day, optional.
    Time(Msg),
    /// Rupiah, optional.
    Amount(Msg),
    Matter(Msg),
}

/// An answer, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Val {
    Text(String),
    Flag(bool),
    Day(Option<NaiveDate>),
    Time(Option<NaiveTime>),
    Amount(Option<u64>),
    Matter(Matter),
}

fn event_questions(kind: EventKind) -> Vec<Q> {
    match kind {
        EventKind::LaporanPolisi => vec![
            Q::Text(Msg::HfUnit, true),
            Q::Text(Msg::HfNumber, true),
            Q::Text(Msg::HfInvestigator, false),
            Q::Time(Msg::HfTime),
        ],
        EventKind::Visum => vec![
            Q::Text(Msg::HfHospital, true),
            Q::Flag(Msg::HfResultReceived),
        ],
        EventKind::Bap => vec![Q::Text(Msg::HfAccompanied, false)],
        EventKind::Perlindungan => vec![Q::Past(Msg::HfFrom), Q::Ahead(Msg::HfTo, true)],
        EventKind::Pelimpahan => vec![Q::Flag(Msg::HfP21)],
        EventKind::Sidang => vec![
            Q::Text(Msg::HfCourt, true),
            Q::Text(Msg::HfCaseNumber, false),
            Q::Long(Msg::HfWhatHappened, false),
            Q::Text(Msg::HfAccompanied, false),
            Q::Ahead(Msg::HfNextHearing, false),
        ],
        EventKind::Putusan => vec![Q::Long(Msg::HfSentence, true)],
        EventKind::Restitusi => vec![
            Q::Flag(Msg::HfAsked),
            Q::Amount(Msg::HfAmount),
            Q::Flag(Msg::HfDecided),
            Q::Ahead(Msg::HfPaidBy, false),
            Q::Flag(Msg::HfPaid),
        ],
        EventKind::Lpsk => vec![Q::Text(Msg::HfDecision, false)],
    }
}

fn step_questions(step: &str) -> Vec<Q> {
    match step {
        "asesmen" => vec![
            Q::Matter(Msg::HfMatter),
            Q::Flag(Msg::HfFreeDecision),
            Q::Text(Msg::HfAssessedBy, true),
            Q::Long(Msg::HfNote, false),
        ],
        "sesi" => vec![Q::Text(Msg::HfAttended, true), Q::Long(Msg::HfResult, true)],
        "kesepakatan" => vec![
            Q::Long(Msg::HfPoints, true),
            Q::Ahead(Msg::HfFollowUp, false),
        ],
        _ => vec![
            Q::Flag(Msg::HfKept),
            Q::Long(Msg::HfNote, false),
            Q::Ahead(Msg::HfFollowUp, false),
        ],
    }
}

/// Which step a legal dialog is at, with what it has gathered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LegalFlow {
    Qualify(LegalCase),
    EventKind(LegalCase),
    EventDate(LegalCase, EventKind),
    EventField {
        case: LegalCase,
        kind: EventKind,
        date: NaiveDate,
        vals: Vec<Val>,
    },
    EventNext(LegalCase, NewEvent),
    StepKind(LegalCase),
    StepDate(LegalCase, String),
    StepField {
        case: LegalCase,
        step: String,
        date: NaiveDate,
        vals: Vec<Val>,
    },
    Tick(LegalCase),
}

/// What one answer did.
pub enum Outcome {
    Next(LegalFlow, Dialog),
    /// Stay at the same step with this reason shown.
    Stay(String),
    Done(Action),
}

fn pick(title: &str, vocab: Vocab, multi: bool, current: &[String]) -> Dialog {
    Dialog::Pick {
        title: title.to_string(),
        list: PickList::new(vocab, multi, current, String::new()),
    }
}

fn dialog(q: Q, lang: Lang) -> Dialog {
    match q {
        Q::Flag(m) => pick(m.get(lang), vocab::YES_NO, false, &[]),
        Q::Matter(m) => pick(m.get(lang), vocab::MEDIATION_MATTERS, false, &[]),
        Q::Long(m, _) => Dialog::note(m.get(lang).into()),
        Q::Text(m, _) | Q::Past(m) | Q::Ahead(m, _) | Q::Time(m) | Q::Amount(m) => {
            Dialog::line(m.get(lang).into(), "")
        }
    }
}

/// The first dialog of `what` on a case; `current` the qualification it has now.
pub fn start(
    what: LegalAsk,
    case: LegalCase,
    current: &[String],
    lang: Lang,
) -> (LegalFlow, Dialog) {
    match what {
        LegalAsk::Qualify => (
            LegalFlow::Qualify(case),
            pick(Msg::HfQualify.get(lang), vocab::LEGAL_BASIS, true, current),
        ),
        LegalAsk::Event => (
            LegalFlow::EventKind(case),
            pick(Msg::HfEventKind.get(lang), vocab::LEGAL_EVENTS, false, &[]),
        ),
        LegalAsk::Mediation => (
            LegalFlow::StepKind(case),
            pick(
                Msg::HfStepKind.get(lang),
                vocab::MEDIATION_STEPS,
                false,
                &[],
            ),
        ),
        LegalAsk::Tick => (
            LegalFlow::Tick(case),
            pick(Msg::HfTick.get(lang), vocab::LEGAL_CHECKLIST, false, &[]),
        ),
    }
}

/// What the steps read besides the answer: the language and the day (plain values, as a
/// flow's context; kept apart from `flows` so neither module imports the other).
#[derive(Debug, Clone, Copy)]
pub struct Cx {
    pub lang: Lang,
    pub today: NaiveDate,
}

/// Reads one answer to `q`; Err is the reason to show.
fn read(q: Q, a: Answer, cx: &Cx) -> Result<Val, String> {
    let lang = cx.lang;
    let ahead = cx.today + Duration::days(3650);
    let first = |c: Vec<String>| c.into_iter().next().unwrap_or_default();
    Ok(match (q, a) {
        (Q::Flag(_), Answer::Codes(c)) => Val::Flag(first(c) == "ya"),
        (Q::Matter(_), Answer::Codes(c)) => match Matter::from_code(&first(c)) {
            Some(m) => Val::Matter(m),
            None => return Err(Msg::HfPickOne.get(lang).into()),
        },
        (Q::Text(_, required) | Q::Long(_, required), Answer::Text(t)) => {
            if required && t.trim().is_empty() {
                return Err(Msg::HfRequired.get(lang).into());
            }
            Val::Text(t.trim().to_string())
        }
        (Q::Past(_), Answer::Text(t)) => match parse_date(&t, cx.today) {
            Ok(d) => Val::Day(Some(d)),
            Err(_) => return Err(fill(Msg::ErrPastDate.get(lang), &[&t])),
        },
        (Q::Ahead(_, false), Answer::Text(t)) if t.trim().is_empty() => Val::Day(None),
        (Q::Ahead(_, _), Answer::Text(t)) => match parse_date(&t, ahead) {
            Ok(d) => Val::Day(Some(d)),
            Err(_) => return Err(fill(Msg::AgBadDate.get(lang), &[&t])),
        },
        (Q::Time(_), Answer::Text(t)) if t.trim().is_empty() => Val::Time(None),
        (Q::Time(_), Answer::Text(t)) => match parse_time(&t) {
            Ok(t) => Val::Time(Some(t)),
            Err(_) => return Err(fill(Msg::HfBadTime.get(lang), &[&t])),
        },
        (Q::Amount(_), Answer::Text(t)) if t.trim().is_empty() => Val::Amount(None),
        (Q::Amount(_), Answer::Text(t)) => {
            // "Rp15.000.000" and "15 000 000" are how people write rupiah.
            let digits: String = t
                .trim()
                .trim_start_matches("Rp")
                .chars()
                .filter(|c| !matches!(c, '.' | ' ' | ','))
                .collect();
            match digits.parse::<u64>() {
                Ok(n) => Val::Amount(Some(n)),
                Err(_) => return Err(fill(Msg::HfBadAmount.get(lang), &[&t])),
            }
        }
        _ => return Err(Msg::HfPickOne.get(lang).into()),
    })
}

fn text(v: &Val) -> String {
    match v {
        Val::Text(t) => t.clone(),
        _ => String::new(),
    }
}

fn flag(v: &Val) -> bool {
    matches!(v, Val::Flag(true))
}

fn day(v: &Val) -> Option<NaiveDate> {
    match v {
        Val::Day(d) => *d,
        _ => None,
    }
}

fn event_detail(kind: EventKind, v: &[Val], date: NaiveDate) -> Detail {
    match kind {
        EventKind::LaporanPolisi => Detail::LaporanPolisi {
            unit: text(&v[0]),
            number: text(&v[1]),
            investigator: text(&v[2]),
            time: match v[3] {
                Val::Time(t) => t,
                _ => None,
            },
        },
        EventKind::Visum => Detail::Visum {
            hospital: text(&v[0]),
            result_received: flag(&v[1]),
        },
        EventKind::Bap => Detail::Bap {
            accompanied_by: text(&v[0]),
        },
        EventKind::Perlindungan => Detail::Perlindungan {
            from: day(&v[0]).unwrap_or(date),
            to: day(&v[1]).unwrap_or(date),
        },
        EventKind::Pelimpahan => Detail::Pelimpahan { p21: flag(&v[0]) },
        EventKind::Sidang => Detail::Sidang {
            court: text(&v[0]),
            case_number: text(&v[1]),
            what_happened: text(&v[2]),
            accompanied_by: text(&v[3]),
            next_hearing: day(&v[4]),
        },
        EventKind::Putusan => Detail::Putusan {
            sentence: text(&v[0]),
        },
        EventKind::Restitusi => Detail::Restitusi {
            asked: flag(&v[0]),
            amount: match v[1] {
                Val::Amount(a) => a,
                _ => None,
            },
            decided: flag(&v[2]),
            paid_by: day(&v[3]),
            paid: flag(&v[4]),
        },
        EventKind::Lpsk => Detail::Lpsk {
            decision: text(&v[0]),
        },
    }
}

fn step_of(step: &str, v: &[Val]) -> Step {
    match step {
        "asesmen" => Step::Asesmen {
            matter: match v[0] {
                Val::Matter(m) => m,
                _ => Matter::Lainnya,
            },
            free_decision: flag(&v[1]),
            assessed_by: text(&v[2]),
            note: text(&v[3]),
        },
        "sesi" => Step::Sesi {
            attended: text(&v[0]),
            result: text(&v[1]),
        },
        "kesepakatan" => Step::Kesepakatan {
            points: text(&v[0]),
            follow_up: day(&v[1]),
        },
        _ => Step::Tinjauan {
            kept: flag(&v[0]),
            note: text(&v[1]),
            next: day(&v[2]),
        },
    }
}

impl LegalFlow {
    fn save(case: LegalCase, entry: LegalEntry) -> Outcome {
        Outcome::Done(Action::SaveLegal {
            case_id: case.case_id,
            assigned: case.assigned,
            entry,
        })
    }

    /// The next step after `answer`, from a copy of this one (a refused answer leaves the
    /// flow where it was).
    pub fn answer(self, answer: Answer, cx: &Cx) -> Outcome {
        let lang = cx.lang;
        let date_dialog = |m: Msg| Dialog::line(m.get(lang).into(), &format_date(cx.today));
        match (self, answer) {
            (LegalFlow::Qualify(case), Answer::Codes(codes)) => {
                // Asked here, with the list still open: sexual violence needs its TPKS kind.
                if case.sexual && !crate::domain::law::is_tpks(&codes) {
                    return Outcome::Stay(Msg::HkNeedsTpks.get(lang).into());
                }
                Self::save(case, LegalEntry::Qualify(codes))
            }
            (LegalFlow::EventKind(case), Answer::Codes(c)) => {
                match c.first().and_then(|k| EventKind::from_code(k)) {
                    Some(kind) => {
                        Outcome::Next(LegalFlow::EventDate(case, kind), date_dialog(Msg::HfDate))
                    }
                    None => Outcome::Stay(Msg::HfPickOne.get(lang).into()),
                }
            }
            (LegalFlow::EventDate(case, kind), Answer::Text(t)) => match parse_date(&t, cx.today) {
                Ok(date) => {
                    let q = event_questions(kind)[0];
                    Outcome::Next(
                        LegalFlow::EventField {
                            case,
                            kind,
                            date,
                            vals: Vec::new(),
                        },
                        dialog(q, lang),
                    )
                }
                Err(_) => Outcome::Stay(fill(Msg::ErrPastDate.get(lang), &[&t])),
            },
            (
                LegalFlow::EventField {
                    case,
                    kind,
                    date,
                    mut vals,
                },
                a,
            ) => {
                let qs = event_questions(kind);
                match read(qs[vals.len()], a, cx) {
                    Err(why) => Outcome::Stay(why),
                    Ok(v) => {
                        vals.push(v);
                        if let Some(q) = qs.get(vals.len()) {
                            return Outcome::Next(
                                LegalFlow::EventField {
                                    case,
                                    kind,
                                    date,
                                    vals,
                                },
                                dialog(*q, lang),
                            );
                        }
                        let e = NewEvent {
                            date,
                            detail: event_detail(kind, &vals, date),
                            next: None,
                            note: String::new(),
                        };
                        // The kind's own next date, offered to keep or change.
                        let offered = legal::derived_next(&e).map(format_date).unwrap_or_default();
                        Outcome::Next(
                            LegalFlow::EventNext(case, e),
                            Dialog::line(Msg::HfNext.get(lang).into(), &offered),
                        )
                    }
                }
            }
            (LegalFlow::EventNext(case, mut e), Answer::Text(t)) => {
                if !t.trim().is_empty() {
                    match parse_date(&t, cx.today + Duration::days(3650)) {
                        Ok(d) => e.next = Some(d),
                        Err(_) => return Outcome::Stay(fill(Msg::AgBadDate.get(lang), &[&t])),
                    }
                }
                Self::save(case, LegalEntry::Event(e))
            }
            (LegalFlow::StepKind(case), Answer::Codes(c)) => match c.into_iter().next() {
                Some(step) => {
                    Outcome::Next(LegalFlow::StepDate(case, step), date_dialog(Msg::HfDate))
                }
                None => Outcome::Stay(Msg::HfPickOne.get(lang).into()),
            },
            (LegalFlow::StepDate(case, step), Answer::Text(t)) => match parse_date(&t, cx.today) {
                Ok(date) => {
                    let q = step_questions(&step)[0];
                    Outcome::Next(
                        LegalFlow::StepField {
                            case,
                            step,
                            date,
                            vals: Vec::new(),
                        },
                        dialog(q, lang),
                    )
                }
                Err(_) => Outcome::Stay(fill(Msg::ErrPastDate.get(lang), &[&t])),
            },
            (
                LegalFlow::StepField {
                    case,
                    step,
                    date,
                    mut vals,
                },
                a,
            ) => {
                let qs = step_questions(&step);
                match read(qs[vals.len()], a, cx) {
                    Err(why) => Outcome::Stay(why),
                    Ok(v) => {
                        vals.push(v);
                        if let Some(q) = qs.get(vals.len()) {
                            return Outcome::Next(
                                LegalFlow::StepField {
                                    case,
                                    step,
                                    date,
                                    vals,
                                },
                                dialog(*q, lang),
                            );
                        }
                        Self::save(case, LegalEntry::Mediation(date, step_of(&step, &vals)))
                    }
                }
            }
            (LegalFlow::Tick(case), Answer::Codes(c)) => match c.into_iter().next() {
                Some(item) => Self::save(case, LegalEntry::Tick(item)),
                None => Outcome::Stay(Msg::HfPickOne.get(lang).into()),
            },
            (_, _) => Outcome::Stay(Msg::HfPickOne.get(lang).into()),
        }
    }
}
