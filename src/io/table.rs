//! One CSV file read the way files arrive from other people's tools: any encoding Excel or a
//! database export produces, a byte-order mark, CRLF or LF, `,` `;` or tab between cells,
//! headers in any case and order, blank rows, short rows. Parsing is the `csv` crate's; this
//! only prepares the text, finds the delimiter and numbers the rows.

use std::path::Path;

use crate::error::{Error, Result};
use crate::i18n::Msg;

/// A file's rows under its header.
pub(super) struct Table {
    /// How problems name the file: its path inside the package, or its file name.
    pub file: String,
    /// Header cells as written (trimmed), for messages that name a column.
    headers: Vec<String>,
    /// The same, lower-cased, for lookups.
    keys: Vec<String>,
    pub rows: Vec<Row>,
}

/// One non-blank data row.
pub(super) struct Row {
    /// The row number a spreadsheet shows for it: the header is 1, blank rows count, a cell
    /// spanning several lines does not push the following rows down.
    pub line: usize,
    cells: Vec<String>,
}

impl Table {
    pub fn read(path: &Path, file: &str) -> Result<Table> {
        let bytes =
            std::fs::read(path).map_err(|e| Error::new(Msg::ErrDirRead, &[&path.display(), &e]))?;
        Table::parse(&decode(&bytes), file)
            .map_err(|e| Error::new(Msg::ErrDirRead, &[&path.display(), &e]))
    }

    pub fn parse(text: &str, file: &str) -> std::result::Result<Table, csv::Error> {
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(detect_delimiter(text))
            .flexible(true)
            .has_headers(false)
            .from_reader(text.as_bytes());
        let bytes = text.as_bytes();
        let mut table = Table {
            file: file.to_string(),
            headers: Vec::new(),
            keys: Vec::new(),
            rows: Vec::new(),
        };
        let mut header_seen = false;
        // Physical newlines before the current record, and those inside earlier quoted cells.
        let (mut cursor, mut newlines, mut inside) = (0usize, 0usize, 0usize);
        let mut rec = csv::ByteRecord::new();
        while rdr.read_byte_record(&mut rec)? {
            // The reader reports a record as starting at the LF of the CRLF that ended the one
            // before, so step over line ends to reach its first byte.
            let mut start = rec
                .position()
                .map_or(cursor, |p| p.byte() as usize)
                .max(cursor);
            while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
                start += 1;
            }
            newlines += bytes[cursor..start].iter().filter(|&&b| b == b'\n').count();
            cursor = start;
            let line = newlines + 1 - inside;
            let cells: Vec<String> = rec
                .iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect();
            inside += cells.iter().map(|c| c.matches('\n').count()).sum::<usize>();
            if !header_seen {
                header_seen = true;
                table.headers = cells
                    .iter()
                    .map(|h| h.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
                    .map(str::to_string)
                    .collect();
                table.keys = table.headers.iter().map(|h| h.to_lowercase()).collect();
            } else if cells.iter().any(|c| !c.trim().is_empty()) {
                table.rows.push(Row { line, cells });
            }
        }
        Ok(table)
    }

    /// The first of `names` (lower case) that the header has.
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.keys.iter().position(|k| k == n))
    }

    /// The header of a column as the file writes it, for messages.
    pub fn header(&self, col: Option<usize>, fallback: &str) -> String {
        col.and_then(|c| self.headers.get(c))
            .cloned()
            .unwrap_or_else(|| fallback.to_string())
    }

    /// The trimmed cell of the first of `names` the file has; empty when none or short row.
    pub fn cell<'a>(&self, row: &'a Row, names: &[&str]) -> &'a str {
        row.get(self.column(names))
    }
}

impl Row {
    pub fn get(&self, col: Option<usize>) -> &str {
        col.and_then(|c| self.cells.get(c)).map_or("", |s| s.trim())
    }
}

/// The delimiter the header line uses most, outside quotes: Indonesian-locale Excel saves
/// with `;` because `,` is its decimal separator; "Unicode text" saves with tabs.
fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3)
        .max_by_key(|&i| (counts[i], usize::from(i == 0)))
        .unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// Bytes to text: UTF-8 (with or without a byte-order mark), UTF-16 with a mark (Excel's
/// "Unicode text"), and otherwise Windows-1252, which is what Excel's plain "CSV" writes on an
/// Indonesian or English Windows. Never fails: a wrong guess shows as odd letters in a name,
/// which a person can fix, instead of a file that cannot be opened.
pub(super) fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| cp1252(b)).collect(),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Windows-1252: Latin-1 except 0x80–0x9F, which hold typographic quotes, dashes and a few
/// letters. The five unassigned bytes stay C1 controls, which text cleaning removes.
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(t: &Table) -> Vec<(usize, String)> {
        t.rows
            .iter()
            .map(|r| (r.line, r.get(Some(0)).to_string()))
            .collect()
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        // Blank rows count; a quoted cell over two lines is still one row.
        let text = "id,catatan\r\n1,a\r\n\r\n2,\"dua\r\nbaris\"\r\n3,c\r\n,\r\n5,e\n";
        let t = Table::parse(text, "x.csv").unwrap();
        assert_eq!(
            lines(&t),
            vec![
                (2, "1".into()),
                (4, "2".into()),
                (5, "3".into()),
                (7, "5".into())
            ]
        );
        let lf = Table::parse("id\n\n\n4\n5", "x.csv").unwrap();
        assert_eq!(lines(&lf), vec![(4, "4".into()), (5, "5".into())]);
    }

    #[test]
    fn headers_match_in_any_case_and_order_and_short_rows_read_empty() {
        let t = Table::parse("\u{feff} Name ;ID;Extra\n Budi ;7\n", "x.csv").unwrap();
        let row = &t.rows[0];
        assert_eq!(t.cell(row, &["id"]), "7");
        assert_eq!(t.cell(row, &["nama", "name"]), "Budi");
        assert_eq!(t.cell(row, &["extra"]), "");
        assert_eq!(t.cell(row, &["missing"]), "");
        assert_eq!(t.header(t.column(&["name"]), "?"), "Name");
    }

    #[test]
    fn the_delimiter_is_found_from_the_header_line() {
        assert_eq!(detect_delimiter("a,b,c\n1;2;3;4;5"), b',');
        assert_eq!(detect_delimiter("a;b;\"c,d,e\"\n"), b';');
        assert_eq!(detect_delimiter("a\tb\tc"), b'\t');
        assert_eq!(detect_delimiter("nama"), b',');
    }

    #[test]
    fn encodings_excel_writes_are_decoded() {
        assert_eq!(decode(b"\xEF\xBB\xBFid"), "id");
        assert_eq!(decode("Café".as_bytes()), "Café");
        // Windows-1252 from Excel's plain CSV: é and curly quotes.
        assert_eq!(decode(b"Caf\xe9 \x93ok\x94"), "Café “ok”");
        assert_eq!(decode(b"\xFF\xFEi\x00d\x00"), "id");
        assert_eq!(decode(b"\xFE\xFF\x00i\x00d"), "id");
    }
}
