//! Case exports as files: CSV for tools (comma, UTF-8, ISO dates), CSV for a spreadsheet set
//! to Indonesian (byte-order mark, semicolons, dates day first, identifiers kept as text), and
//! JSON. Every file is written private to its owner and whole or not at all.

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::domain::export::{DateStyle, ExportCase, header, rows};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Comma-separated, UTF-8 without BOM, ISO dates: for tools.
    Csv,
    /// Semicolon-separated, UTF-8 with BOM, dates dd/mm/yyyy: Excel, LibreOffice or WPS
    /// set to Indonesian (where the comma is the decimal mark) open it as columns.
    CsvExcelId,
    Json,
}

/// A spreadsheet turns `081234567890` into 81234567890, a NIK into 1.87E+15 and `18.72` into
/// a number; `="…"` keeps them text. A cell starting with `=`, `+`, `-` or `@` would run as
/// a formula: a leading `'` keeps it text (OWASP's CSV injection advice).
fn sheet_cell(s: &str) -> String {
    let digits_and_dots = !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    // A lone 0 is a count, not an identifier with a leading zero.
    let numberish = digits_and_dots
        && ((s.starts_with('0') && s.len() > 1) || s.contains('.') || s.len() >= 12);
    if numberish {
        format!("=\"{s}\"")
    } else {
        formula_safe(s).into_owned()
    }
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or CR before
/// one) gets a leading `'`, which the spreadsheet hides and keeps the text inert. For every
/// CSV meant for a spreadsheet: the agency directory, the reports, the `--excel-id` export.
pub fn formula_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// Undoes `sheet_cell` for a value read back from a spreadsheet CSV.
pub fn sheet_value(s: &str) -> &str {
    if let Some(inner) = s.strip_prefix("=\"").and_then(|x| x.strip_suffix('"')) {
        return inner;
    }
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => s,
    }
}

/// The export as bytes; also the number of rows (one per victim).
pub fn export_bytes(
    cases: &[ExportCase],
    format: ExportFormat,
    deidentified: bool,
) -> (Vec<u8>, usize) {
    let dates = match format {
        ExportFormat::CsvExcelId => DateStyle::DayFirst,
        _ => DateStyle::Iso,
    };
    let head = header(deidentified);
    let body = rows(cases, deidentified, dates);
    let n = body.len();
    let bytes = match format {
        ExportFormat::Csv | ExportFormat::CsvExcelId => {
            let sheet = format == ExportFormat::CsvExcelId;
            let start = if sheet {
                "\u{feff}".as_bytes().to_vec()
            } else {
                Vec::new()
            };
            let mut w = csv::WriterBuilder::new()
                .delimiter(if sheet { b';' } else { b',' })
                .terminator(csv::Terminator::CRLF)
                .from_writer(start);
            w.write_record(&head).expect("writing CSV to memory");
            for r in &body {
                if sheet {
                    w.write_record(r.iter().map(|c| sheet_cell(c)))
                } else {
                    w.write_record(r)
                }
                .expect("writing CSV to memory");
            }
            w.into_inner().expect("flushing CSV to memory")
        }
        ExportFormat::Json => {
            let doc = JsonExport {
                deidentified,
                header: &head,
                rows: &body,
            };
            let mut s = serde_json::to_string_pretty(&doc).expect("an export always serializes");
            s.push('\n');
            s.into_bytes()
        }
    };
    (bytes, n)
}

/// `{"format": "meja-ekspor", "version": 1, "deidentified": …, "rows": [{column: value}]}`,
/// columns in the CSV's order.
struct JsonExport<'a> {
    deidentified: bool,
    header: &'a [&'static str],
    rows: &'a [Vec<String>],
}

struct JsonRow<'a>(&'a [&'static str], &'a [String]);

impl Serialize for JsonRow<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0.iter().zip(self.1) {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

struct JsonRows<'a>(&'a [&'static str], &'a [Vec<String>]);

impl Serialize for JsonRows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.1.len()))?;
        for r in self.1 {
            seq.serialize_element(&JsonRow(self.0, r))?;
        }
        seq.end()
    }
}

impl Serialize for JsonExport<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("format", "meja-ekspor")?;
        m.serialize_entry("version", &1)?;
        m.serialize_entry("deidentified", &self.deidentified)?;
        m.serialize_entry("rows", &JsonRows(self.header, self.rows))?;
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheet_cells_keep_identifiers_as_text_and_formulas_inert() {
        assert_eq!(sheet_cell("081234567890"), "=\"081234567890\"");
        assert_eq!(sheet_cell("1872015502140001"), "=\"1872015502140001\"");
        assert_eq!(sheet_cell("18.72"), "=\"18.72\"");
        assert_eq!(sheet_cell("12"), "12");
        assert_eq!(sheet_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(sheet_cell("Siti"), "Siti");
        for s in ["081234567890", "18.72", "=1+1", "-3", "Siti", "'quoted"] {
            assert_eq!(sheet_value(&sheet_cell(s)), s);
        }
    }
}
