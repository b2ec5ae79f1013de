//! `meja tugas`: the due list on the command line — the same list the Tugas screen shows,
//! derived from the records (`domain::due`), for a morning handover or a wall sheet.

use chrono::Local;

use super::Env;
use crate::domain::case::Permission;
use crate::domain::due::{Bucket, DueItem, Scope};
use crate::domain::staff::Role;
use crate::domain::vocab;
use crate::error::Result;
use crate::i18n::{Lang, Msg, fill};
use crate::store::Store;
use crate::tasks::tugas::{bucket_label, risk_label, what};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TugasFormat {
    Text,
    Csv,
    /// A one-page handover sheet of what falls due in the next 24 hours.
    Pdf,
}

/// The handover sheet covers what is overdue, today's and tomorrow's: the next 24 hours
/// whatever time of day it is printed.
const HANDOVER_DAYS: i64 = 1;

/// A cell a spreadsheet would run as a formula is kept as text (OWASP's CSV advice).
fn inert(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// `meja tugas [--staff USER | --all] [--days N] [--format text|csv|pdf] [--out FILE]`. A
/// worker sees their own list; another's, or everyone's, takes a role that assigns work (a
/// supervisor). `--out` writes the list to a new file (io::outfile); a PDF needs it.
pub fn run_tugas(
    env: &Env,
    staff: Option<&str>,
    all: bool,
    days: u32,
    format: TugasFormat,
    out: Option<&std::path::Path>,
) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    if format == TugasFormat::Pdf && out.is_none() {
        return Err(crate::error::Error::new(Msg::ErrPdfNeedsOut, &[]));
    }
    // A bad path is refused before anything is read.
    let rules = env.out_rules()?;
    if let Some(out) = out {
        crate::io::outfile::check(out, &rules)?;
    }
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
    let now = Local::now();
    let today = now.date_naive();
    let horizon = if format == TugasFormat::Pdf {
        HANDOVER_DAYS
    } else {
        i64::from(days)
    };
    let items = crate::tasks::tugas::due_list(&store, &config, now.naive_local(), horizon, &scope)?;
    let body = match format {
        TugasFormat::Text => text(&items, &scope, today, horizon, lang).into_bytes(),
        TugasFormat::Csv => csv(&items, lang).into_bytes(),
        TugasFormat::Pdf => {
            let sheet = handover(&items, &scope, &config.office.name, now, lang);
            let title = fill(Msg::HandoverTitle.get(lang), &[&whose(&scope, lang)]);
            crate::io::pdf::document_pdf(&title, &sheet)
        }
    };
    let Some(out) = out else {
        return Ok(String::from_utf8(body).expect("text and CSV are UTF-8"));
    };
    crate::io::outfile::write_new(out, &rules, &body)?;
    // A printed list of cases is a print of each of them, as a letter is: logged per case,
    // and a list the access log refuses is removed again.
    let mut ids: Vec<(i64, &str)> = items
        .iter()
        .map(|i| (i.case_id, i.number.as_str()))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    for (id, number) in ids {
        let detail = format!("tugas {number} → {}", out.display());
        if let Err(e) = store.log_access(
            now,
            &me.username,
            crate::domain::access::AccessKind::Print,
            Some(id),
            &detail,
        ) {
            let _ = std::fs::remove_file(out);
            return Err(e);
        }
    }
    Ok(fill(
        Msg::DueWritten.get(lang),
        &[&items.len(), &out.display()],
    ))
}

fn whose(scope: &Scope, lang: Lang) -> String {
    match scope {
        Scope::Everyone => Msg::DueEveryone.get(lang).to_string(),
        Scope::Mine { username, .. } => username.clone(),
    }
}

/// The handover sheet: the office, whose list and when, then each item of the next 24 hours
/// riskiest first within overdue and today, and a line to sign. It keeps to one page: items
/// that do not fit are counted at the foot ("… and 12 more: see meja tugas").
fn handover(
    items: &[DueItem],
    scope: &Scope,
    office: &str,
    now: chrono::DateTime<Local>,
    lang: Lang,
) -> Vec<crate::domain::letter::Block> {
    use crate::domain::letter::Block;
    use crate::domain::validate::format_date;
    let compose = |n: usize| -> Vec<Block> {
        let mut b = vec![
            Block::Head(office.to_string()),
            Block::Rule,
            Block::Strong(fill(Msg::HandoverTitle.get(lang), &[&whose(scope, lang)])),
            Block::Right(fill(
                Msg::HandoverPrinted.get(lang),
                &[&format_date(now.date_naive()), &now.format("%H:%M")],
            )),
        ];
        if items.is_empty() {
            b.push(Block::Para(Msg::DueNone.get(lang).to_string()));
        }
        let mut last = None;
        for i in &items[..n] {
            if last != Some(i.bucket) {
                b.push(Block::Blank);
                b.push(Block::Strong(bucket_label(i.bucket, lang).to_string()));
                last = Some(i.bucket);
            }
            let who = i
                .who
                .as_deref()
                .map(|w| format!(" ({w})"))
                .unwrap_or_default();
            b.push(Block::Para(format!(
                "{}   {}   {}   {}   {}{who}",
                format_date(i.due),
                i.number,
                i.initials,
                risk_label(&i.risk, lang),
                what(i, lang),
            )));
        }
        if n < items.len() {
            b.push(Block::Blank);
            b.push(Block::Para(fill(
                Msg::HandoverMore.get(lang),
                &[&(items.len() - n)],
            )));
        }
        b.push(Block::Blank);
        b.push(Block::Field(
            Msg::HandoverGivenBy.get(lang).to_string(),
            String::new(),
        ));
        b.push(Block::Field(
            Msg::HandoverTakenBy.get(lang).to_string(),
            String::new(),
        ));
        b
    };
    // Fewer items until the sheet fits one page: at most a handful of layouts, each cheap.
    let mut n = items.len();
    let mut blocks = compose(n);
    while n > 0 && crate::io::pdf::page_count(&blocks) > 1 {
        n -= 1;
        blocks = compose(n);
    }
    blocks
}

fn text(
    items: &[DueItem],
    scope: &Scope,
    today: chrono::NaiveDate,
    days: i64,
    lang: Lang,
) -> String {
    use crate::domain::validate::format_date;
    let mut out = vec![fill(
        Msg::DueHead.get(lang),
        &[&whose(scope, lang), &format_date(today), &days],
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::due::DueKind;
    use crate::domain::letter::Block;
    use chrono::TimeZone;

    fn item(n: usize, bucket: Bucket) -> DueItem {
        DueItem {
            case_id: n as i64,
            number: format!("PPA/2026/{n:04}"),
            initials: "S.A.".into(),
            risk: "tinggi".into(),
            kind: DueKind::FollowUp,
            due: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            bucket,
            who: Some("rina".into()),
        }
    }

    fn paras(b: &[Block]) -> Vec<&str> {
        b.iter()
            .filter_map(|b| match b {
                Block::Para(s) => Some(s.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_handover_sheet_keeps_to_one_page_and_counts_what_did_not_fit() {
        let now = Local.with_ymd_and_hms(2026, 11, 23, 7, 30, 0).unwrap();
        let scope = Scope::Everyone;
        let few: Vec<DueItem> = (1..=3).map(|n| item(n, Bucket::Today)).collect();
        let sheet = handover(&few, &scope, "UPTD PPA Kota Metro", now, Lang::Id);
        assert_eq!(crate::io::pdf::page_count(&sheet), 1);
        assert_eq!(paras(&sheet).len(), 3, "every item, no 'more' line");
        assert!(paras(&sheet)[0].contains("PPA/2026/0001"));
        assert!(sheet.contains(&Block::Strong("HARI INI".into())));
        // A busy office: the sheet is still one page, and says how many are left out.
        let many: Vec<DueItem> = (1..=120).map(|n| item(n, Bucket::Overdue)).collect();
        let sheet = handover(&many, &scope, "UPTD PPA Kota Metro", now, Lang::Id);
        assert_eq!(crate::io::pdf::page_count(&sheet), 1);
        let p = paras(&sheet);
        let shown = p.iter().filter(|l| l.contains("PPA/2026/")).count();
        assert!(shown > 20 && shown < 120, "{shown}");
        let more = format!("… dan {} lagi: lihat meja tugas", 120 - shown);
        assert_eq!(p.last(), Some(&more.as_str()));
    }
}
