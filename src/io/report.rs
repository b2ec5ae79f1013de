//! The report as text for the terminal, CSV for a spreadsheet, or JSON for other tools. Every
//! form carries the same rows in the same order, so a worker can copy the figures into
//! SIMFONI-PPA field by field from any of them.

use serde::Serialize;

use crate::domain::region;
use crate::domain::report::{Month, Report, TableKind, Unit, counted_within};
use crate::domain::validate::format_date;
use crate::domain::vocab::{self, Vocab};
use crate::i18n::{Lang, Msg, fill};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Text,
    Csv,
    Json,
}

pub fn table_title(kind: TableKind, lang: Lang) -> &'static str {
    match kind {
        TableKind::Violence => Msg::RepTableViolence,
        TableKind::Sex => Msg::RepTableSex,
        TableKind::AgeBand => Msg::RepTableAge,
        TableKind::Ampk => Msg::RepTableAmpk,
        TableKind::Place => Msg::RepTablePlace,
        TableKind::Relation => Msg::RepTableRelation,
        TableKind::Service => Msg::RepTableService,
        TableKind::ServiceNeeded => Msg::RepTableServiceNeeded,
        TableKind::District => Msg::RepTableDistrict,
        TableKind::Stage => Msg::RepTableStage,
        TableKind::Risk => Msg::RepTableRisk,
        TableKind::Referral => Msg::RepTableReferral,
        TableKind::CaseKind => Msg::RepTableCaseKind,
        TableKind::Authority => Msg::RepTableAuthority,
        TableKind::Education => Msg::RepTableEducation,
        TableKind::Occupation => Msg::RepTableOccupation,
        TableKind::Marital => Msg::RepTableMarital,
        TableKind::Nationality => Msg::RepTableNationality,
        TableKind::PlaceSimfoni => Msg::RepTablePlaceSimfoni,
        TableKind::PerpetratorEducation => Msg::RepTablePerpetratorEducation,
        TableKind::PerpetratorOccupation => Msg::RepTablePerpetratorOccupation,
    }
    .get(lang)
}

pub fn unit_word(unit: Unit, lang: Lang) -> &'static str {
    match unit {
        Unit::Victims => Msg::RepUnitVictims,
        Unit::ChildVictims => Msg::RepUnitChildren,
        Unit::Perpetrators => Msg::RepUnitPerpetrators,
        Unit::Cases => Msg::RepUnitCases,
        Unit::Referrals => Msg::RepUnitReferrals,
    }
    .get(lang)
}

fn vocab_of(kind: TableKind) -> Option<Vocab> {
    Some(match kind {
        TableKind::Violence => vocab::VIOLENCE,
        TableKind::Sex => vocab::SEX,
        TableKind::AgeBand => vocab::AGE_BANDS,
        TableKind::Ampk => vocab::AMPK,
        TableKind::Place => vocab::PLACES,
        TableKind::Relation => vocab::PERPETRATOR_RELATIONS,
        TableKind::Service | TableKind::ServiceNeeded => vocab::SERVICES,
        TableKind::Stage => vocab::STAGES,
        TableKind::Risk => vocab::RISK,
        TableKind::Referral => vocab::REFERRAL_STATUS,
        TableKind::CaseKind => vocab::CASE_KINDS,
        TableKind::Authority => vocab::AUTHORITY,
        TableKind::Education | TableKind::PerpetratorEducation => vocab::EDUCATION,
        TableKind::Occupation | TableKind::PerpetratorOccupation => vocab::OCCUPATION,
        TableKind::Marital => vocab::MARITAL,
        TableKind::Nationality => vocab::NATIONALITY,
        TableKind::PlaceSimfoni => vocab::PLACES,
        TableKind::District => return None,
    })
}

/// The words for a row: the vocabulary label, the kecamatan's name, or "not recorded".
pub fn row_label(kind: TableKind, code: &str, lang: Lang) -> String {
    if code.is_empty() {
        return Msg::RepNotRecorded.get(lang).to_string();
    }
    // meja's own services in the services-given table are already inside a SIMFONI row:
    // said so, so nobody adds them twice.
    if kind == TableKind::Service
        && let Some(within) = counted_within(code)
    {
        let v = vocab::SERVICES;
        return fill(
            Msg::RepWithin.get(lang),
            &[&v.label(code, lang), &v.label(within, lang)],
        );
    }
    match vocab_of(kind) {
        Some(v) => v.label(code, lang).to_string(),
        None => region::get(code)
            .map(|r| r.name.to_string())
            .unwrap_or_else(|| code.to_string()),
    }
}

fn days(v: Option<f64>, lang: Lang) -> String {
    v.map(|d| format!("{d:.1}"))
        .unwrap_or_else(|| Msg::RepNoValue.get(lang).to_string())
}

/// The summary figures as (code, label, value).
fn summary(r: &Report, lang: Lang) -> Vec<(&'static str, String, String)> {
    vec![
        (
            "kasus_dilaporkan",
            Msg::RepOpened.get(lang).to_string(),
            r.cases_opened.to_string(),
        ),
        (
            "korban",
            Msg::RepVictims.get(lang).to_string(),
            r.victims.to_string(),
        ),
        (
            "kasus_ditutup",
            Msg::RepClosed.get(lang).to_string(),
            r.cases_closed.to_string(),
        ),
        (
            "median_hari_asesmen",
            Msg::RepMedianAssess.get(lang).to_string(),
            days(r.median_days_to_assessment, lang),
        ),
        (
            "median_hari_penutupan",
            Msg::RepMedianClose.get(lang).to_string(),
            days(r.median_days_to_closure, lang),
        ),
        (
            "kasus_terlambat",
            fill(Msg::RepOverdue.get(lang), &[&format_date(r.as_of)]),
            r.overdue.to_string(),
        ),
        (
            "kasus_lapor_polisi",
            Msg::RepPoliceReports.get(lang).to_string(),
            r.police_reports.to_string(),
        ),
        (
            "kasus_putusan",
            Msg::RepVerdicts.get(lang).to_string(),
            r.verdicts.to_string(),
        ),
        (
            "simfoni_diinput",
            Msg::RepSimfoniEntered.get(lang).to_string(),
            r.simfoni.entered.to_string(),
        ),
        (
            "simfoni_berubah",
            Msg::RepSimfoniChanged.get(lang).to_string(),
            r.simfoni.changed.to_string(),
        ),
        (
            "simfoni_belum",
            Msg::RepSimfoniNotYet.get(lang).to_string(),
            r.simfoni.not_entered.to_string(),
        ),
    ]
}

/// The report as lines for a terminal or a printer, 80 columns wide at most, with the
/// 12-month trend as a row of bars.
pub fn text(r: &Report, trend: &[(Month, u64)], office: &str, lang: Lang) -> String {
    let mut out = Vec::new();
    out.push(fill(Msg::RepTitle.get(lang), &[&office]));
    out.push(fill(
        Msg::RepPeriod.get(lang),
        &[&format_date(r.from), &format_date(r.to)],
    ));
    out.push(String::new());
    for (_, label, value) in summary(r, lang) {
        out.push(format!("{label:<72} {value:>6}"));
    }
    for t in &r.tables {
        out.push(String::new());
        out.push(format!(
            "{} ({})",
            table_title(t.kind, lang),
            unit_word(t.unit, lang)
        ));
        for row in &t.rows {
            let label = row_label(t.kind, &row.code, lang);
            let label = if t.kind == TableKind::District && !row.code.is_empty() {
                format!("{} {label}", row.code)
            } else {
                label
            };
            let label: String = label.chars().take(70).collect();
            out.push(format!("  {label:<70} {:>6}", row.count));
        }
        if t.rows.is_empty() {
            out.push(format!("  {}", Msg::RepNoValue.get(lang)));
        }
    }
    if !trend.is_empty() {
        out.push(String::new());
        out.push(Msg::RepTrend.get(lang).to_string());
        let max = trend.iter().map(|t| t.1).max().unwrap_or(0).max(1);
        for (m, n) in trend {
            let bar = "#".repeat(((n * 50).div_ceil(max)) as usize);
            out.push(format!("  {:02}-{:04} {n:>6} {bar}", m.month, m.year));
        }
    }
    out.push(String::new());
    for rule in [
        Msg::RepRuleVictims,
        Msg::RepRuleGiven,
        Msg::RepRuleCases,
        Msg::RepRuleClosures,
    ] {
        out.extend(wrap(rule.get(lang), 78));
    }
    out.join("\n")
}

/// Breaks `text` between words into lines of at most `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// One CSV line per figure: `tabel,satuan,kode,label,jumlah`, the summary first. The column
/// names are the format, so they do not change with the language; the labels do.
pub fn csv(r: &Report, lang: Lang) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Opened in a spreadsheet: a label or code from the database never runs as a formula.
    let mut put = |rec: [&str; 5]| {
        w.write_record(rec.map(|c| super::export::formula_safe(c).into_owned()))
            .expect("writing CSV to memory")
    };
    put(["tabel", "satuan", "kode", "label", "jumlah"]);
    let summary_word = Msg::RepSummary.get(lang);
    for (code, label, value) in summary(r, lang) {
        put([summary_word, "", code, &label, &value]);
    }
    for t in &r.tables {
        let title = table_title(t.kind, lang);
        let unit = unit_word(t.unit, lang);
        for row in &t.rows {
            let label = row_label(t.kind, &row.code, lang);
            put([title, unit, &row.code, &label, &row.count.to_string()]);
        }
    }
    w.into_inner().expect("flushing CSV to memory")
}

#[derive(Serialize)]
struct JsonRow {
    code: String,
    label: String,
    count: u64,
}

#[derive(Serialize)]
struct JsonTable {
    kind: TableKind,
    title: &'static str,
    unit: Unit,
    rows: Vec<JsonRow>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    format: &'static str,
    version: u32,
    office: &'a str,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    as_of: chrono::NaiveDate,
    cases_opened: u64,
    victims: u64,
    cases_closed: u64,
    median_days_to_assessment: Option<f64>,
    median_days_to_closure: Option<f64>,
    overdue: u64,
    police_reports: u64,
    verdicts: u64,
    tables: Vec<JsonTable>,
    trend: Vec<JsonMonth>,
}

#[derive(Serialize)]
struct JsonMonth {
    month: String,
    cases: u64,
}

/// The report as JSON (dates ISO 8601), with the 12-month trend.
pub fn json(r: &Report, trend: &[(Month, u64)], office: &str, lang: Lang) -> String {
    let doc = JsonReport {
        // 2: the "service" table counts services given; "service_needed" is what triage
        // and referrals asked for (version 1's "service").
        format: "meja-laporan",
        version: 2,
        office,
        from: r.from,
        to: r.to,
        as_of: r.as_of,
        cases_opened: r.cases_opened,
        victims: r.victims,
        cases_closed: r.cases_closed,
        median_days_to_assessment: r.median_days_to_assessment,
        median_days_to_closure: r.median_days_to_closure,
        overdue: r.overdue,
        police_reports: r.police_reports,
        verdicts: r.verdicts,
        tables: r
            .tables
            .iter()
            .map(|t| JsonTable {
                kind: t.kind,
                title: table_title(t.kind, lang),
                unit: t.unit,
                rows: t
                    .rows
                    .iter()
                    .map(|row| JsonRow {
                        code: row.code.clone(),
                        label: row_label(t.kind, &row.code, lang),
                        count: row.count,
                    })
                    .collect(),
            })
            .collect(),
        trend: trend
            .iter()
            .map(|(m, n)| JsonMonth {
                month: format!("{:04}-{:02}", m.year, m.month),
                cases: *n,
            })
            .collect(),
    };
    serde_json::to_string_pretty(&doc).expect("a report always serializes")
}
