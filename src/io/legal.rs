//! A case's legal side in words (issues 18, 19): the lines `meja hukum show` prints and the
//! case file's Hukum tab shows — qualification, the law's clocks with hours left and what to
//! do, the checklist, the legal-event timeline and mediation — and the words for each clock,
//! due item and refused entry. Built from what `Store::legal_sheet` read; no SQL here.

use chrono::NaiveDateTime;

use crate::domain::law::{ClockKind, ClockState, MediationRefused, Prompt};
use crate::domain::legal::{
    self, Detail, EventIssue, EventKind, LegalEvent, MediationIssue, MediationRecord, Step,
};
use crate::domain::validate::format_date;
use crate::domain::vocab;
use crate::i18n::{Lang, Msg, fill};
use crate::store::legal::LegalSheet;

/// The label of a clock.
pub fn clock_label(k: ClockKind, lang: Lang) -> &'static str {
    match k {
        ClockKind::TpksPoliceReport => Msg::ClockPolice.get(lang),
        ClockKind::FirstService => Msg::ClockFirstService.get(lang),
        ClockKind::ShelterReview => Msg::ClockShelter.get(lang),
    }
}

/// A clock's state in words: hours left or over, met.
pub fn clock_state(s: ClockState, lang: Lang) -> String {
    match s {
        ClockState::Running { hours_left } => fill(Msg::ClockLeft.get(lang), &[&hours_left]),
        ClockState::Breached { hours_over } => fill(Msg::ClockOver.get(lang), &[&hours_over]),
        ClockState::Met => Msg::ClockMet.get(lang).to_string(),
        ClockState::MetLate => Msg::ClockMetLate.get(lang).to_string(),
    }
}

pub fn when(t: NaiveDateTime) -> String {
    format!("{} {}", format_date(t.date()), t.format("%H:%M"))
}

/// A clock as a due-list task: what to do, by when, and the hours.
pub fn clock_due(k: ClockKind, s: ClockState, deadline: NaiveDateTime, lang: Lang) -> String {
    let m = match k {
        ClockKind::TpksPoliceReport => Msg::DueClockPolice,
        ClockKind::FirstService => Msg::DueClockFirstService,
        ClockKind::ShelterReview => Msg::DueClockShelter,
    };
    fill(m.get(lang), &[&when(deadline), &clock_state(s, lang)])
}

/// A legal event's next date as a due-list task.
pub fn next_due(k: EventKind, lang: Lang) -> String {
    match k {
        EventKind::Sidang => Msg::DueNextSidang.get(lang).to_string(),
        EventKind::Perlindungan => Msg::DueNextPerlindungan.get(lang).to_string(),
        EventKind::Restitusi => Msg::DueNextRestitusi.get(lang).to_string(),
        k => fill(
            Msg::DueNextOther.get(lang),
            &[&vocab::LEGAL_EVENTS.label(k.code(), lang)],
        ),
    }
}

/// The words for an event's problem.
pub fn event_issue(i: EventIssue) -> Msg {
    match i {
        EventIssue::DateFuture => Msg::ErrHkDateFuture,
        EventIssue::UnitRequired => Msg::ErrHkUnit,
        EventIssue::NumberRequired => Msg::ErrHkNumber,
        EventIssue::HospitalRequired => Msg::ErrHkHospital,
        EventIssue::CourtRequired => Msg::ErrHkCourt,
        EventIssue::SentenceRequired => Msg::ErrHkSentence,
        EventIssue::ProtectionEnds => Msg::ErrHkProtection,
        EventIssue::NextNotAfter => Msg::ErrHkNextNotAfter,
        EventIssue::AmountNotAsked => Msg::ErrHkAmountNotAsked,
    }
}

/// The words for a mediation step's problem.
pub fn mediation_issue(i: MediationIssue) -> Msg {
    match i {
        MediationIssue::Refused(MediationRefused::TpksAdultPerpetrator) => Msg::HkMediationRefused,
        MediationIssue::DateFuture => Msg::ErrHkDateFuture,
        MediationIssue::AssessorRequired => Msg::ErrHkAssessor,
        MediationIssue::NotAssessed => Msg::ErrHkNotAssessed,
        MediationIssue::NotEligible => Msg::ErrHkNotEligible,
        MediationIssue::AttendedRequired => Msg::ErrHkAttended,
        MediationIssue::ResultRequired => Msg::ErrHkResult,
        MediationIssue::PointsRequired => Msg::ErrHkPoints,
        MediationIssue::NoAgreement => Msg::ErrHkNoAgreement,
        MediationIssue::NextNotAfter => Msg::ErrHkNextNotAfter,
    }
}

pub fn yes(b: bool, lang: Lang) -> &'static str {
    if b {
        Msg::HkYes.get(lang)
    } else {
        Msg::HkNo.get(lang)
    }
}

/// One event's fields, in a line.
pub fn event_text(e: &LegalEvent, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut add = |s: String| {
        if !s.trim().is_empty() {
            parts.push(s)
        }
    };
    match &e.detail {
        Detail::LaporanPolisi {
            unit,
            number,
            investigator,
            time,
        } => {
            add(time
                .map(|t| t.format("%H:%M").to_string())
                .unwrap_or_default());
            add(unit.clone());
            add(number.clone());
            add(investigator.clone());
        }
        Detail::Visum {
            hospital,
            result_received,
        } => {
            add(hospital.clone());
            add(fill(
                Msg::HkResultReceived.get(lang),
                &[&yes(*result_received, lang)],
            ));
        }
        Detail::Bap { accompanied_by } => add(accompanied_by.clone()),
        Detail::Perlindungan { from, to } => {
            add(format!("{} – {}", format_date(*from), format_date(*to)))
        }
        Detail::Pelimpahan { p21 } => add(format!("P21: {}", yes(*p21, lang))),
        Detail::Sidang {
            court,
            case_number,
            what_happened,
            accompanied_by,
            ..
        } => {
            add(court.clone());
            add(case_number.clone());
            add(what_happened.clone());
            add(accompanied_by.clone());
        }
        Detail::Putusan { sentence } => add(sentence.clone()),
        Detail::Restitusi {
            asked,
            amount,
            decided,
            paid,
            ..
        } => {
            add(fill(
                Msg::HkRestitution.get(lang),
                &[
                    &yes(*asked, lang),
                    &amount
                        .map(|a| format!("Rp{a}"))
                        .unwrap_or_else(|| "-".into()),
                    &yes(*decided, lang),
                    &yes(*paid, lang),
                ],
            ));
        }
        Detail::Lpsk { decision } => add(decision.clone()),
    }
    add(e.note.clone());
    let mut line = format!(
        "  {}  {}",
        format_date(e.date),
        vocab::LEGAL_EVENTS.label(e.detail.kind().code(), lang)
    );
    if !parts.is_empty() {
        line.push_str(" — ");
        line.push_str(&parts.join(", "));
    }
    if let Some(n) = e.next {
        line.push_str(&format!(
            " · {}",
            fill(Msg::HkNext.get(lang), &[&format_date(n)])
        ));
    }
    line.push_str(&format!(" ({})", fill(Msg::HkBy.get(lang), &[&e.by])));
    line
}

pub fn mediation_text(r: &MediationRecord, lang: Lang) -> String {
    let what = match &r.step {
        Step::Asesmen {
            matter,
            free_decision,
            assessed_by,
            note,
        } => {
            let mut s = format!(
                "{}; {}: {}; {}",
                vocab::MEDIATION_MATTERS.label(matter.code(), lang),
                Msg::HkFreeDecision.get(lang),
                yes(*free_decision, lang),
                assessed_by
            );
            if !note.is_empty() {
                s.push_str(&format!("; {note}"));
            }
            s
        }
        Step::Sesi { attended, result } => format!("{attended}; {result}"),
        Step::Kesepakatan { points, .. } => points.clone(),
        Step::Tinjauan { kept, note, .. } => {
            let mut s = fill(Msg::HkKept.get(lang), &[&yes(*kept, lang)]);
            if !note.is_empty() {
                s.push_str(&format!("; {note}"));
            }
            s
        }
    };
    let mut line = format!(
        "  {}  {} — {}",
        format_date(r.date),
        vocab::MEDIATION_STEPS.label(r.step.code(), lang),
        what
    );
    if let Some(n) = r.step.next() {
        line.push_str(&format!(
            " · {}",
            fill(Msg::HkNext.get(lang), &[&format_date(n)])
        ));
    }
    line
}

/// The sheet's lines, from the qualification down to mediation, each section headed.
pub fn lines(s: &LegalSheet, lang: Lang) -> Vec<String> {
    let today = s.now.date();
    let facts = &s.facts;
    let mut out = vec![Msg::HkQualifications.get(lang).to_string()];
    if facts.qualifications.is_empty() {
        out.push(format!("  {}", Msg::HkNone.get(lang)));
    }
    for q in &facts.qualifications {
        out.push(format!("  {}", vocab::LEGAL_BASIS.label(q, lang)));
    }
    if facts.needs_tpks_kind() {
        out.push(format!("  ! {}", Msg::HkNeedsTpks.get(lang)));
    }
    if !s.clocks.is_empty() {
        out.push(String::new());
        out.push(Msg::HkClocks.get(lang).to_string());
        for c in &s.clocks {
            let state = c.state(s.now);
            out.push(fill(
                Msg::HkClockLine.get(lang),
                &[
                    &clock_label(c.kind, lang),
                    &when(c.deadline),
                    &clock_state(state, lang),
                ],
            ));
            // What to do, while it is still to be done.
            if matches!(
                state,
                ClockState::Running { .. } | ClockState::Breached { .. }
            ) {
                out.push(format!("    → {}", clock_todo(c.kind, lang)));
            }
        }
    }
    let prompts = facts.prompts();
    let items: Vec<&str> = prompts.iter().filter_map(|p| p.checklist_item()).collect();
    if !items.is_empty() {
        out.push(String::new());
        out.push(Msg::HkChecklist.get(lang).to_string());
        for item in items {
            let label = vocab::LEGAL_CHECKLIST.label(item, lang);
            match s.ticked.iter().find(|(i, _, _)| i == item) {
                Some((_, d, by)) => out.push(format!(
                    "  [x] {label} — {} ({})",
                    format_date(*d),
                    fill(Msg::HkBy.get(lang), &[by])
                )),
                None => out.push(format!("  [ ] {label}")),
            }
        }
    }
    if prompts.contains(&Prompt::ComplaintOffence) {
        out.push(String::new());
        out.push(Msg::HkComplaintOffence.get(lang).to_string());
    }
    out.push(String::new());
    out.push(Msg::HkEvents.get(lang).to_string());
    if s.events.is_empty() {
        out.push(format!("  {}", Msg::HkNone.get(lang)));
    }
    for e in &s.events {
        out.push(event_text(e, lang));
    }
    if let Some(d) = legal::hearing_soon(&s.events, today) {
        out.push(format!(
            "  ! {}",
            fill(Msg::HkHearingSoon.get(lang), &[&format_date(d)])
        ));
    }
    out.push(String::new());
    out.push(Msg::HkMediation.get(lang).to_string());
    if facts.mediation_allowed().is_err() {
        out.push(format!("  {}", Msg::HkMediationRefused.get(lang)));
    } else if s.mediation.is_empty() {
        out.push(format!("  {}", Msg::HkNone.get(lang)));
    }
    for r in &s.mediation {
        out.push(mediation_text(r, lang));
    }
    out
}

/// What a running or breached clock asks the worker to do.
pub fn clock_todo(k: ClockKind, lang: Lang) -> &'static str {
    match k {
        ClockKind::TpksPoliceReport => Msg::HkTodoPolice,
        ClockKind::FirstService => Msg::HkTodoFirstService,
        ClockKind::ShelterReview => Msg::HkTodoShelter,
    }
    .get(lang)
}
