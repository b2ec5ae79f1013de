//! The due list (Tugas) as the screen and `meja tugas` both read and word it: the records'
//! items and the law's, merged in the order staff work them (`domain::due`).

use chrono::{Duration, NaiveDateTime};

use crate::config::Config;
use crate::domain::due::{self, Bucket, DueItem, DueKind, LegalCaseDue, Scope};
use crate::domain::vocab;
use crate::error::Result;
use crate::i18n::{Lang, Msg, fill, stage_short};
use crate::store::Store;

/// What is due for `scope` from `now`'s day to `horizon` days ahead: plan actions,
/// follow-ups, referrals, approvals and stage targets, and the law's clocks and legal dates
/// counted on the office's clock.
pub fn due_list(
    store: &Store,
    config: &Config,
    now: NaiveDateTime,
    horizon: i64,
    scope: &Scope,
) -> Result<Vec<DueItem>> {
    let by = now.date() + Duration::days(horizon);
    due_list_with(store, config, now, horizon, scope, &store.legal_due(by)?)
}

/// As [`due_list`], with the law's items already read (`Store::legal_due`) up to `horizon`
/// or beyond: the items past `horizon` are left out here.
pub fn due_list_with(
    store: &Store,
    config: &Config,
    now: NaiveDateTime,
    horizon: i64,
    scope: &Scope,
    legal: &[LegalCaseDue],
) -> Result<Vec<DueItem>> {
    let today = now.date();
    let cases = store.due_cases(&config.targets, today + Duration::days(horizon))?;
    let items = due::list(&cases, &config.targets, today, horizon, scope);
    Ok(due::merge(
        items,
        due::legal_list(legal, &config.clocks, now, horizon, scope),
    ))
}

/// What an item asks, in words.
pub fn what(item: &DueItem, lang: Lang) -> String {
    match &item.kind {
        DueKind::PlanAction { goal, .. } => fill(Msg::DuePlanAction.get(lang), &[goal]),
        DueKind::FollowUp => Msg::DueFollowUp.get(lang).to_string(),
        DueKind::ReferralReply { agency, .. } => fill(Msg::DueReferral.get(lang), &[agency]),
        DueKind::PlanApproval => Msg::DuePlanApproval.get(lang).to_string(),
        DueKind::ClosureApproval => Msg::DueClosureApproval.get(lang).to_string(),
        DueKind::StageTarget(s) => fill(Msg::DueStageTarget.get(lang), &[&stage_short(*s, lang)]),
        DueKind::Clock {
            kind,
            state,
            deadline,
        } => clock_due(*kind, *state, *deadline, lang),
        DueKind::LegalNext(k) => next_due(*k, lang),
        DueKind::MediationFollowUp => Msg::DueMediation.get(lang).to_string(),
    }
}

pub fn bucket_label(b: Bucket, lang: Lang) -> &'static str {
    match b {
        Bucket::Overdue => Msg::DueOverdue.get(lang),
        Bucket::Today => Msg::DueToday.get(lang),
        Bucket::Soon => Msg::DueSoon.get(lang),
    }
}

pub fn risk_label(code: &str, lang: Lang) -> &str {
    vocab::RISK.get(code).map_or(code, |t| t.label(lang))
}

// A clock's words and a legal item's task words are written once, in `io::legal`, which
// `meja hukum show` and the case file's Hukum tab share with the due list.
pub use crate::io::legal::{clock_due, clock_state, next_due, when};
