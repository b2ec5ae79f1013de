//! `meja report` and `meja export`: the monthly counts and the case export, both a
//! supervisor's, both in the access log.

use std::path::Path;

use chrono::{Local, NaiveDate};

use super::Env;
use crate::domain::case::Permission;
use crate::error::{Error, Result};
use crate::i18n::{Msg, fill};
use crate::store::Store;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ReportFormatArg {
    Text,
    Csv,
    Json,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum CaseExportFormat {
    Csv,
    Json,
}

// ---- Reports, exports, backups, check and case transfer (issue #6) -----------------------
//
// Each command takes the acting worker as `staff` from `staff_identity`: the one place a
// role check (supervisors only for reports and exports) plugs in.

/// A date from the command line, day first or ISO; `flag` names it in the error.
pub fn parse_cli_date(flag: &str, text: &str) -> Result<NaiveDate> {
    crate::domain::validate::parse_date(text, NaiveDate::MAX)
        .map_err(|_| Error::new(Msg::ErrDateArg, &[&flag, &text]))
}

/// The period from `--from`/`--to`; each missing end defaults to last month's.
fn period(from: Option<&str>, to: Option<&str>) -> Result<(NaiveDate, NaiveDate)> {
    let (dfrom, dto) = crate::domain::report::last_month(Local::now().date_naive());
    let from = from
        .map(|s| parse_cli_date("--from", s))
        .transpose()?
        .unwrap_or(dfrom);
    let to = to
        .map(|s| parse_cli_date("--to", s))
        .transpose()?
        .unwrap_or(dto);
    if from > to {
        return Err(Error::new(
            Msg::ErrPeriod,
            &[
                &crate::domain::validate::format_date(from),
                &crate::domain::validate::format_date(to),
            ],
        ));
    }
    Ok((from, to))
}

/// `meja report [--from DATE] [--to DATE] [--format text|csv|json] [--out PATH]`.
pub fn run_report(
    env: &Env,
    from: Option<&str>,
    to: Option<&str>,
    format: crate::io::report::ReportFormat,
    out: Option<&Path>,
) -> Result<String> {
    use crate::io::report::{self, ReportFormat};
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let (from, to) = period(from, to)?;
    let mut store = Store::open(&env.db_path()?)?;
    let staff = &env.actor(&mut store, &config, Permission::Report)?.username;
    let rules = env.out_rules()?;
    if let Some(p) = out {
        crate::io::outfile::check(p, &rules)?;
    }
    let now = Local::now();
    let r = store.report(from, to, &config.targets, now.date_naive())?;
    let trend = store.trend(to)?;
    let office = config.office.name.as_str();
    let (bytes, name) = match format {
        ReportFormat::Text => (report::text(&r, &trend, office, lang).into_bytes(), "teks"),
        ReportFormat::Csv => (report::csv(&r, lang), "csv"),
        ReportFormat::Json => (report::json(&r, &trend, office, lang).into_bytes(), "json"),
    };
    let detail = format!(
        "laporan {name} {from}..{to}{}",
        out.map(|p| format!(" → {}", p.display()))
            .unwrap_or_default()
    );
    store.log_access(
        now,
        staff,
        crate::domain::access::AccessKind::Print,
        None,
        &detail,
    )?;
    match out {
        Some(p) => {
            crate::io::outfile::write_new(p, &rules, &bytes)?;
            Ok(String::new())
        }
        None => Ok(String::from_utf8_lossy(&bytes).into_owned()),
    }
}

/// `meja export --format csv|json --out PATH [--from] [--to] [--deidentified] [--excel-id]`.
#[allow(clippy::too_many_arguments)]
pub fn run_export(
    env: &Env,
    format: crate::io::export::ExportFormat,
    out: &Path,
    from: Option<&str>,
    to: Option<&str>,
    deidentified: bool,
) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let from = from.map(|s| parse_cli_date("--from", s)).transpose()?;
    let to = to.map(|s| parse_cli_date("--to", s)).transpose()?;
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        use crate::domain::validate::format_date;
        return Err(Error::new(
            Msg::ErrPeriod,
            &[&format_date(f), &format_date(t)],
        ));
    }
    let mut store = Store::open(&env.db_path()?)?;
    let staff = &env.actor(&mut store, &config, Permission::Report)?.username;
    let rules = env.out_rules()?;
    crate::io::outfile::check(out, &rules)?;
    // Streamed: each case goes to the file as it is read, so memory does not grow with the
    // database (issue 21: 459 MiB at 100k cases when the export was built whole).
    let io_err = |e: std::io::Error| Error::new(Msg::ErrWriteFile, &[&out.display(), &e]);
    let file = crate::io::outfile::OutFile::create(out, &rules)?;
    let buffered = std::io::BufWriter::with_capacity(64 * 1024, file);
    let mut x =
        crate::io::export::ExportWriter::new(buffered, format, deidentified).map_err(io_err)?;
    let mut cases = 0usize;
    store.export_each(from, to, |c| {
        cases += 1;
        x.add(&c).map_err(io_err)
    })?;
    let (buffered, rows) = x.finish().map_err(io_err)?;
    let file = buffered.into_inner().map_err(|e| io_err(e.into_error()))?;
    file.commit()?;
    let span = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let detail = format!(
        "ekspor {:?}{} {}..{} → {} ({} baris, {} kasus)",
        format,
        if deidentified { " tanpa-identitas" } else { "" },
        span(from),
        span(to),
        out.display(),
        rows,
        cases
    );
    if let Err(e) = store.log_access(
        Local::now(),
        staff,
        crate::domain::access::AccessKind::Export,
        None,
        &detail,
    ) {
        // An export nobody can account for must not stay on disk.
        let _ = std::fs::remove_file(out);
        return Err(e);
    }
    let note = if deidentified {
        Msg::CaseExportDeidentified.get(lang)
    } else {
        ""
    };
    Ok(fill(
        Msg::CaseExportDone.get(lang),
        &[&rows, &cases, &out.display(), &note],
    ))
}
