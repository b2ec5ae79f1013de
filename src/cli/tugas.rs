//! `meja tugas`: the due list on the command line — the same list the Tugas screen shows,
//! derived from the records (`domain::due`), for a morning handover or a wall sheet.

use chrono::{Duration, Local};

use super::Env;
use crate::domain::case::Permission;
use crate::domain::due::{self, Bucket, DueItem, DueKind, Scope};
use crate::domain::staff::Role;
use crate::domain::vocab;
use crate::error::Result;
use crate::i18n::{Lang, Msg, fill, stage_short};
use crate::store::Store;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum TugasFormat {
    Text,
    Csv,
}

/// What an item asks, in words.
fn what(item: &DueItem, lang: Lang) -> String {
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
        } => super::hukum::clock_due(*kind, *state, *deadline, lang),
        DueKind::LegalNext(k) => super::hukum::next_due(*k, lang),
        DueKind::MediationFollowUp => Msg::DueMediation.get(lang).to_string(),
    }
}

fn bucket_label(b: Bucket, lang: Lang) -> &'static str {
    match b {
        Bucket::Overdue => Msg::DueOverdue.get(lang),
        Bucket::Today => Msg::DueToday.get(lang),
        Bucket::Soon => Msg::DueSoon.get(lang),
    }
}

fn risk_label(code: &str, lang: Lang) -> &str {
    vocab::RISK.get(code).map_or(code, |t| t.label(lang))
}

/// A cell a spreadsheet would run as a formula is kept as text (OWASP's CSV advice).
fn inert(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// `meja tugas [--staff USER | --all] [--days N] [--format text|csv]`. A worker sees their
/// own list; another's, or everyone's, takes a role that assigns work (a supervisor).
pub fn run_tugas(
    env: &Env,
    staff: Option<&str>,
    all: bool,
    days: u32,
    format: TugasFormat,
) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let mut store = Store::open(&env.db_path()?)?;
    let me = env.actor(&mut store, &config, Permission::OpenIntake)?;
    // Another's list, or everyone's, is for whoever hands out the work.
    let others = all || staff.is_some_and(|s| s != me.username);
    if others && !me.may(Permission::Assign, None) {
        let role = vocab::ROLES.label(me.role.code(), lang);
        return Err(crate::error::Error::new(Msg::ErrRoleForbids, &[&role]));
    }
    let scope = if all {
        Scope::Everyone
    } else {
        let who = staff.unwrap_or(&me.username).to_string();
        let approves = if who == me.username {
            me.role == Role::Supervisor
        } else {
            store
                .staff_member(&who)?
                .is_some_and(|m| m.role == Role::Supervisor)
        };
        Scope::Mine {
            username: who,
            approves,
        }
    };
    let today = Local::now().date_naive();
    let horizon = i64::from(days);
    let cases = store.due_cases(&config.targets, today + Duration::days(horizon))?;
    let items = due::list(&cases, &config.targets, today, horizon, &scope);
    // The law's clocks and the legal process's next dates, counted on the office's clock.
    let legal = store.legal_due(today + Duration::days(horizon))?;
    let now = Local::now().naive_local();
    let items = due::merge(
        items,
        due::legal_list(&legal, &config.clocks, now, horizon, &scope),
    );
    Ok(match format {
        TugasFormat::Text => text(&items, &scope, today, horizon, lang),
        TugasFormat::Csv => csv(&items, lang),
    })
}

fn text(
    items: &[DueItem],
    scope: &Scope,
    today: chrono::NaiveDate,
    days: i64,
    lang: Lang,
) -> String {
    use crate::domain::validate::format_date;
    let whose = match scope {
        Scope::Everyone => Msg::DueEveryone.get(lang).to_string(),
        Scope::Mine { username, .. } => username.clone(),
    };
    let mut out = vec![fill(
        Msg::DueHead.get(lang),
        &[&whose, &format_date(today), &days],
    )];
    if items.is_empty() {
        out.push(Msg::DueNone.get(lang).to_string());
        return out.join("\n");
    }
    let mut last = None;
    for i in items {
        if last != Some(i.bucket) {
            out.push(String::new());
            out.push(bucket_label(i.bucket, lang).to_string());
            last = Some(i.bucket);
        }
        out.push(format!(
            "  {}  {:<15} {:<6} {:<7} {}{}",
            format_date(i.due),
            i.number,
            i.initials,
            risk_label(&i.risk, lang),
            what(i, lang),
            i.who
                .as_deref()
                .map(|w| format!(" ({w})"))
                .unwrap_or_default()
        ));
    }
    let n = |b: Bucket| items.iter().filter(|i| i.bucket == b).count();
    out.push(String::new());
    out.push(fill(
        Msg::DueTotals.get(lang),
        &[&n(Bucket::Overdue), &n(Bucket::Today), &n(Bucket::Soon)],
    ));
    out.join("\n")
}

fn csv(items: &[DueItem], lang: Lang) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let header: Vec<&str> = Msg::DueCsvHeader.get(lang).split(',').collect();
    // Writing into memory cannot fail.
    w.write_record(&header).expect("CSV into memory");
    for i in items {
        w.write_record([
            bucket_label(i.bucket, lang).to_string(),
            i.due.to_string(),
            inert(&i.number),
            inert(&i.initials),
            risk_label(&i.risk, lang).to_string(),
            inert(&what(i, lang)),
            inert(i.who.as_deref().unwrap_or("")),
        ])
        .expect("CSV into memory");
    }
    String::from_utf8(w.into_inner().expect("CSV into memory")).expect("CSV of UTF-8 strings")
}
