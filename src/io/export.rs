//! Case exports as files: CSV for tools (comma, UTF-8, ISO dates), CSV for a spreadsheet set
//! to Indonesian (byte-order mark, semicolons, dates day first, identifiers kept as text), and
//! JSON. Every file is written private to its owner and whole or not at all.

use std::io::Write;

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

/// Writes an export a case at a time: the CSV header or the JSON document's opening first,
/// each case's rows as it comes, the closing last. The bytes are those of [`export_bytes`].
pub struct ExportWriter<W: Write> {
    out: Out<W>,
    deidentified: bool,
    dates: DateStyle,
    sheet: bool,
    head: Vec<&'static str>,
    rows: usize,
}

enum Out<W: Write> {
    Csv(Box<csv::Writer<W>>),
    Json(W),
}

fn csv_err(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

impl<W: Write> ExportWriter<W> {
    pub fn new(mut w: W, format: ExportFormat, deidentified: bool) -> std::io::Result<Self> {
        let dates = match format {
            ExportFormat::CsvExcelId => DateStyle::DayFirst,
            _ => DateStyle::Iso,
        };
        let head = header(deidentified);
        let sheet = format == ExportFormat::CsvExcelId;
        let out = match format {
            ExportFormat::Csv | ExportFormat::CsvExcelId => {
                if sheet {
                    w.write_all("\u{feff}".as_bytes())?;
                }
                let mut c = csv::WriterBuilder::new()
                    .delimiter(if sheet { b';' } else { b',' })
                    .terminator(csv::Terminator::CRLF)
                    .from_writer(w);
                c.write_record(&head).map_err(csv_err)?;
                Out::Csv(Box::new(c))
            }
            ExportFormat::Json => {
                // serde_json's pretty form of `JsonExport`, written by hand up to the rows.
                write!(
                    w,
                    "{{\n  \"format\": \"meja-ekspor\",\n  \"version\": 1,\n  \"deidentified\": {deidentified},\n  \"rows\": ["
                )?;
                Out::Json(w)
            }
        };
        Ok(ExportWriter {
            out,
            deidentified,
            dates,
            sheet,
            head,
            rows: 0,
        })
    }

    /// Writes the rows of one case (one per victim).
    pub fn add(&mut self, case: &ExportCase) -> std::io::Result<()> {
        let body = rows(std::slice::from_ref(case), self.deidentified, self.dates);
        for r in &body {
            match &mut self.out {
                Out::Csv(c) => if self.sheet {
                    c.write_record(r.iter().map(|v| sheet_cell(v)))
                } else {
                    c.write_record(r)
                }
                .map_err(csv_err)?,
                Out::Json(w) => {
                    let one = serde_json::to_string_pretty(&JsonRow(&self.head, r))
                        .map_err(std::io::Error::other)?;
                    w.write_all(if self.rows == 0 { b"\n" } else { b",\n" })?;
                    // The row sits two levels deep in the document.
                    for (i, line) in one.split('\n').enumerate() {
                        if i > 0 {
                            w.write_all(b"\n")?;
                        }
                        w.write_all(b"    ")?;
                        w.write_all(line.as_bytes())?;
                    }
                }
            }
            self.rows += 1;
        }
        Ok(())
    }

    /// Closes the document; returns the writer and the number of rows written.
    pub fn finish(self) -> std::io::Result<(W, usize)> {
        let w = match self.out {
            Out::Csv(c) => c.into_inner().map_err(|e| e.into_error())?,
            Out::Json(mut w) => {
                w.write_all(if self.rows == 0 {
                    b"]\n}\n"
                } else {
                    b"\n  ]\n}\n"
                })?;
                w
            }
        };
        Ok((w, self.rows))
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

    fn case(number: &str, victims: usize) -> ExportCase {
        let v = crate::domain::intake::PersonRecord {
            name: "Siti \"Nur\"\nAminah".into(),
            nik: Some("1872015502140001".into()),
            sex: Some("P".into()),
            age: Some(12),
            ampk: vec!["i".into()],
            ..Default::default()
        };
        ExportCase {
            number: number.into(),
            stage: "asesmen".into(),
            chronology: "=HYPERLINK(\"x\"); baris\r\ndua".into(),
            victims: vec![v; victims],
            ..Default::default()
        }
    }

    /// The streaming writer gives the very bytes of the whole-file encoding, for every
    /// format, with and without identities, for no rows, one, and several.
    #[test]
    fn an_export_written_case_by_case_is_the_same_file() {
        let sets = [
            vec![],
            vec![case("PPA/2026/0001", 1)],
            vec![
                case("PPA/2026/0001", 2),
                case("PPA/2026/0002", 0),
                case("PPA/2026/0003", 1),
            ],
        ];
        for cases in &sets {
            for format in [
                ExportFormat::Csv,
                ExportFormat::CsvExcelId,
                ExportFormat::Json,
            ] {
                for deid in [false, true] {
                    let (whole, n) = export_bytes(cases, format, deid);
                    let mut w = ExportWriter::new(Vec::new(), format, deid).unwrap();
                    for c in cases {
                        w.add(c).unwrap();
                    }
                    let (streamed, m) = w.finish().unwrap();
                    assert_eq!(n, m);
                    assert_eq!(
                        String::from_utf8_lossy(&streamed),
                        String::from_utf8_lossy(&whole),
                        "{format:?} deidentified={deid} cases={}",
                        cases.len()
                    );
                }
            }
        }
    }

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
