//! The one-file CSV an office keeps in a spreadsheet: one agency per row, lists inside a cell.
//!
//! The column names are part of the format, not screen text: a file written in English must
//! read back in an Indonesian meja, so both sets are always accepted and live here.

use std::collections::HashMap;
use std::path::Path;

use super::table::Table;
use super::{
    Areas, Parsed, RowProblem, csv_bytes, export_ids, infer_kind, name_id, parse_day, parse_flag,
    vocab_code, write_file,
};
use crate::domain::agency::{Agency, Week};
use crate::domain::text::clean_line;
use crate::domain::vocab::{AGENCY_KINDS, SERVICES};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};

/// Each column's Indonesian and English header, in the order export writes them.
const COLUMNS: [(&str, &str); 14] = [
    ("id", "id"),
    ("nama", "name"),
    ("jenis", "type"),
    ("layanan", "services"),
    ("wilayah", "areas"),
    ("alamat", "address"),
    ("telepon", "phones"),
    ("email", "email"),
    ("jam_buka", "hours"),
    ("narahubung", "contact"),
    ("catatan", "notes"),
    ("aktif", "active"),
    ("diverifikasi", "verified"),
    // Only in files that hold demo entries, so an office's own export has the 13 columns it
    // knows.
    ("contoh", "example"),
];

const ID: usize = 0;
const NAME: usize = 1;
const KIND: usize = 2;
const SERVICES_COL: usize = 3;
const AREAS: usize = 4;
const ADDRESS: usize = 5;
const PHONES: usize = 6;
const EMAIL: usize = 7;
const HOURS: usize = 8;
const CONTACT: usize = 9;
const NOTES: usize = 10;
const ACTIVE: usize = 11;
const VERIFIED: usize = 12;
const EXAMPLE: usize = 13;

/// Reads the simple one-file CSV.
pub fn read_sheet(path: &Path) -> Result<Parsed> {
    if !path.is_file() {
        return Err(Error::new(Msg::ErrDirNotFound, &[&path.display()]));
    }
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let table = Table::read(path, &file)?;
    read_table(&table, &file)
}

/// Reads the simple CSV from text already in memory (the example directory compiled into
/// meja); `file` names it in problems.
pub fn read_sheet_text(file: &str, text: &str) -> Result<Parsed> {
    let table = Table::parse(text.trim_start_matches('\u{feff}'), file)?;
    read_table(&table, file)
}

fn read_table(table: &Table, file: &str) -> Result<Parsed> {
    if table.column(&[COLUMNS[NAME].0, COLUMNS[NAME].1]).is_none() {
        return Err(Error::new(Msg::ErrSheetNoName, &[&file]));
    }
    let mut out = Parsed {
        notices: table.notices.clone(),
        ..Parsed::default()
    };
    let mut areas = Areas::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for row in &table.rows {
        let mut r = RowReader {
            table,
            row,
            problems: Vec::new(),
        };
        let mut a = r.agency(&mut areas);
        if a.source_id.is_empty() {
            a.source_id = name_id(&a.name);
        }
        if r.problems.is_empty() {
            match seen.get(&a.source_id) {
                Some(first) => r.problem(
                    Msg::RowDuplicateId,
                    &[&r.column_name(ID), &a.source_id, first],
                ),
                None => {
                    seen.insert(a.source_id.clone(), row.line);
                }
            }
        }
        if r.problems.is_empty() {
            a.clean();
            out.agencies.push(a);
        } else {
            out.problems.append(&mut r.problems);
        }
    }
    Ok(out)
}

/// Reads one row, collecting every problem in it so a person fixes the row once.
struct RowReader<'a> {
    table: &'a Table,
    row: &'a super::table::Row,
    problems: Vec<RowProblem>,
}

impl<'a> RowReader<'a> {
    fn col(&self, c: usize) -> Option<usize> {
        self.table.column(&[COLUMNS[c].0, COLUMNS[c].1])
    }

    fn cell(&self, c: usize) -> &'a str {
        super::export::sheet_value(self.row.get(self.col(c)))
    }

    fn column_name(&self, c: usize) -> String {
        self.table.header(self.col(c), COLUMNS[c].0)
    }

    fn problem(&mut self, msg: Msg, args: &[&dyn std::fmt::Display]) {
        self.problems
            .push(RowProblem::new(&self.table.file, self.row.line, msg, args));
    }

    /// `msg` for column `c` and its value: "kolom jenis: jenis lembaga tidak dikenal: X".
    fn bad(&mut self, c: usize, msg: Msg, value: &str) {
        let column = self.column_name(c);
        self.problem(msg, &[&column, &value]);
    }

    fn agency(&mut self, areas: &mut Areas) -> Agency {
        let name = clean_line(self.cell(NAME)).trim().to_string();
        if name.is_empty() {
            let column = self.column_name(NAME);
            self.problem(Msg::RowNameRequired, &[&column]);
        }
        let kind = match self.cell(KIND) {
            "" => infer_kind(&name),
            k => vocab_code(&AGENCY_KINDS, k).unwrap_or_else(|| {
                // The valid codes, so the office can fix the file without the README.
                let column = self.column_name(KIND);
                let valid: Vec<&str> = AGENCY_KINDS.terms.iter().map(|t| t.code).collect();
                self.problem(Msg::RowUnknownKind, &[&column, &k, &valid.join(", ")]);
                ""
            }),
        };
        let mut services = Vec::new();
        for s in split_list(self.cell(SERVICES_COL), false) {
            match vocab_code(&SERVICES, &s) {
                Some(code) => services.push(code.to_string()),
                None => self.bad(SERVICES_COL, Msg::RowUnknownService, &s),
            }
        }
        let mut codes = Vec::new();
        for s in split_list(self.cell(AREAS), false) {
            match areas.code(&s) {
                Some(code) => codes.push(code.to_string()),
                None => self.bad(AREAS, Msg::RowUnknownArea, &s),
            }
        }
        let hours = Week::parse(self.cell(HOURS)).unwrap_or_else(|group| {
            self.bad(HOURS, Msg::RowBadHours, &group);
            Week::default()
        });
        let active = self.flag(ACTIVE, true);
        let example = self.flag(EXAMPLE, false);
        let verified = match self.cell(VERIFIED) {
            "" => None,
            v => {
                let d = parse_day(v);
                if d.is_none() {
                    self.bad(VERIFIED, Msg::RowBadDate, v);
                }
                // The screen refuses a verification in the future; so does the import.
                if d.is_some_and(|d| d > chrono::Local::now().date_naive()) {
                    self.bad(VERIFIED, Msg::RowVerifiedFuture, v);
                }
                d
            }
        };
        // A number the agency sheet would refuse on save is refused here, not imported to
        // block that save later.
        let email = self.cell(EMAIL);
        if !email.trim().is_empty() && !crate::domain::validate::email_ok(email) {
            self.bad(EMAIL, Msg::RowBadEmail, email);
        }
        let phones = split_list(self.cell(PHONES), true);
        for p in &phones {
            if !crate::domain::agency::phone_ok(p) {
                self.bad(PHONES, Msg::RowBadPhone, p);
            }
        }
        Agency {
            source_id: clean_line(self.cell(ID)).trim().to_string(),
            name,
            kind: kind.to_string(),
            services,
            areas: codes,
            address: self.cell(ADDRESS).to_string(),
            // A phone cell often separates numbers with a slash ("0725-41234 / 0812…").
            phones,
            email: self.cell(EMAIL).to_string(),
            hours,
            contact: self.cell(CONTACT).to_string(),
            notes: self.cell(NOTES).to_string(),
            active,
            verified,
            example,
            ..Agency::default()
        }
    }

    fn flag(&mut self, c: usize, empty: bool) -> bool {
        let v = self.cell(c);
        if v.is_empty() {
            return empty;
        }
        parse_flag(v).unwrap_or_else(|| {
            self.bad(c, Msg::RowBadYesNo, v);
            empty
        })
    }
}

/// A list inside one cell: `|`, `;` or `,` between items (a `;` file can only hold `;` in a
/// quoted cell, so splitting on all three is safe in both kinds of file).
fn split_list(cell: &str, slash: bool) -> Vec<String> {
    cell.split(|c| matches!(c, '|' | ';' | ',') || (slash && c == '/'))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Comma-separated UTF-8 with a byte-order mark, which is what makes Excel open it as UTF-8
/// instead of the Windows code page; headers in `lang`; lists joined with `|`, which no code,
/// label or phone number contains.
pub(super) fn write(
    agencies: &[Agency],
    out: &Path,
    lang: Lang,
    rules: &super::outfile::OutRules,
) -> Result<()> {
    super::outfile::check(out, rules)?;
    let with_example = agencies.iter().any(|a| a.example);
    let n = if with_example { 14 } else { 13 };
    let header: Vec<&str> = COLUMNS[..n]
        .iter()
        .map(|(id, en)| match lang {
            Lang::Id => *id,
            Lang::En => *en,
        })
        .collect();
    let yes_no = |b: bool| {
        match (b, lang) {
            (true, Lang::Id) => "ya",
            (false, Lang::Id) => "tidak",
            (true, Lang::En) => "yes",
            (false, Lang::En) => "no",
        }
        .to_string()
    };
    let rows: Vec<Vec<String>> = agencies
        .iter()
        .zip(export_ids(agencies))
        .map(|(a, id)| {
            let mut r = vec![
                id,
                a.name.clone(),
                a.kind.clone(),
                a.services.join("|"),
                a.areas.join("|"),
                a.address.clone(),
                a.phones.join("|"),
                a.email.clone(),
                a.hours.format(lang),
                a.contact.clone(),
                a.notes.clone(),
                yes_no(a.active),
                a.verified
                    .map(|d| d.format("%d-%m-%Y").to_string())
                    .unwrap_or_default(),
            ];
            if with_example {
                r.push(yes_no(a.example));
            }
            r
        })
        .collect();
    // Meant for Excel (hence the byte-order mark): no cell may run as a formula. Reading the
    // file back takes the guard off again (`RowReader::cell`).
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|c| super::export::formula_safe(&c).into_owned())
                .collect()
        })
        .collect();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(csv_bytes(&header, &rows));
    write_file(out, &bytes, rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_on_every_separator_and_phones_also_on_slashes() {
        assert_eq!(
            split_list(" kesehatan | psikologis;mediasi, ", false),
            vec!["kesehatan", "psikologis", "mediasi"]
        );
        assert_eq!(
            split_list("0725-41234 / 0812-1111-2222", true),
            vec!["0725-41234", "0812-1111-2222"]
        );
        assert!(split_list(" | ", false).is_empty());
    }

    #[test]
    fn no_label_contains_the_list_separators() {
        for v in [AGENCY_KINDS, SERVICES] {
            for t in v.terms {
                for s in [t.code, t.id, t.en] {
                    assert!(!s.contains(['|', ';', ',']), "{s}");
                }
            }
        }
    }
}
