//! One CSV file read the way files arrive from other people's tools: any encoding Excel or a
//! database export produces, a byte-order mark, CRLF or LF, `,` `;` or tab between cells,
//! headers in any case and order, blank rows, short rows. Parsing is the `csv` crate's; this
//! only prepares the text, finds the delimiter and numbers the rows.

use std::path::Path;

use super::RowProblem;
use crate::error::{Error, Result};
use crate::i18n::Msg;

/// The largest file an import reads (8 MiB) and the most rows it takes from one file (20,000):
/// a directory of partner agencies is far smaller (the benchmark's large office has 10,000),
/// and a file held whole must not take the memory of a shared server. A bigger file is
/// refused before it is read, saying which limit it passed; split it, or trim its columns.
pub(super) const MAX_FILE_BYTES: u64 = 8 << 20;
pub(super) const MAX_ROWS: usize = 20_000;

/// A file's rows under its header.
pub(super) struct Table {
    /// How problems name the file: its path inside the package, or its file name.
    pub file: String,
    /// Header cells as written (trimmed), for messages that name a column.
    headers: Vec<String>,
    /// The same, lower-cased, for lookups.
    keys: Vec<String>,
    pub rows: Vec<Row>,
    /// Rows read with something to tell: bytes that were not UTF-8, the encoding guessed.
    pub notices: Vec<RowProblem>,
}

/// One non-blank data row.
pub(super) struct Row {
    /// The row number a spreadsheet shows for it: the header is 1, blank rows count, a cell
    /// spanning several lines does not push the following rows down.
    pub line: usize,
    /// The cells in one buffer (the csv crate's record): a String per cell cost several
    /// times the file's size in allocations.
    cells: csv::StringRecord,
}

impl Table {
    pub fn read(path: &Path, file: &str) -> Result<Table> {
        let fail = |e: &dyn std::fmt::Display| Error::new(Msg::ErrDirRead, &[&path.display(), e]);
        let size = std::fs::metadata(path).map_err(|e| fail(&e))?.len();
        if size > MAX_FILE_BYTES {
            return Err(Error::new(
                Msg::ErrImportTooBig,
                &[&path.display(), &mib(size), &mib(MAX_FILE_BYTES)],
            ));
        }
        let bytes = std::fs::read(path).map_err(|e| fail(&e))?;
        let d = decode(&bytes);
        // Not held beside the text and the rows: the peak is the file's size a few times over.
        drop(bytes);
        let mut t = Table::parse_marked(&d.text, file, &d.repaired).map_err(|e| match e {
            Parsing::Csv(e) => fail(&e),
            Parsing::TooManyRows => {
                Error::new(Msg::ErrImportTooManyRows, &[&path.display(), &MAX_ROWS])
            }
        })?;
        if let Some(enc) = d.guessed {
            t.notices
                .insert(0, RowProblem::new(file, 1, Msg::RowFileEncoding, &[&enc]));
        }
        Ok(t)
    }

    pub fn parse(text: &str, file: &str) -> Result<Table> {
        Table::parse_marked(text, file, &[]).map_err(|e| match e {
            Parsing::Csv(e) => Error::new(Msg::ErrDirRead, &[&file, &e]),
            Parsing::TooManyRows => Error::new(Msg::ErrImportTooManyRows, &[&file, &MAX_ROWS]),
        })
    }

    /// As `parse`; each row holding one of the `repaired` byte offsets (see `decode`) gets a
    /// notice naming the characters that were guessed.
    fn parse_marked(
        text: &str,
        file: &str,
        repaired: &[usize],
    ) -> std::result::Result<Table, Parsing> {
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
            notices: Vec::new(),
        };
        let mut next_repaired = 0usize;
        let mut header_seen = false;
        // Physical newlines before the current record, and those inside earlier quoted cells.
        let (mut cursor, mut newlines, mut inside) = (0usize, 0usize, 0usize);
        let mut rec = csv::StringRecord::new();
        while rdr.read_record(&mut rec).map_err(Parsing::Csv)? {
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
            let cells = rec.clone();
            inside += cells.iter().map(|c| c.matches('\n').count()).sum::<usize>();
            // Guessed characters inside this record: [its start, the next record's start).
            let end = rdr.position().byte() as usize;
            let mut guessed = String::new();
            while next_repaired < repaired.len() && repaired[next_repaired] < end {
                if repaired[next_repaired] >= start
                    && let Some(c) = text[repaired[next_repaired]..].chars().next()
                {
                    guessed.push(c);
                }
                next_repaired += 1;
            }
            if !guessed.is_empty() {
                table.notices.push(RowProblem::new(
                    file,
                    line,
                    Msg::RowMixedEncoding,
                    &[&guessed],
                ));
            }
            if !header_seen {
                header_seen = true;
                table.headers = cells
                    .iter()
                    .map(|h| h.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
                    .map(str::to_string)
                    .collect();
                table.keys = table.headers.iter().map(|h| h.to_lowercase()).collect();
            } else if cells.iter().any(|c| !c.trim().is_empty()) {
                if table.rows.len() == MAX_ROWS {
                    return Err(Parsing::TooManyRows);
                }
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

/// Why text did not become a table.
#[derive(Debug)]
pub(super) enum Parsing {
    Csv(csv::Error),
    TooManyRows,
}

/// `8.0 MiB`, for the limit messages.
fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / f64::from(1 << 20))
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

/// Text decoded from a file's bytes, and what the decoding had to guess.
pub(super) struct Decoded {
    pub text: String,
    /// Byte offsets in `text` of characters that were not valid UTF-8 in a UTF-8 file and
    /// were read as Windows-1252 instead: their rows are reported.
    pub repaired: Vec<usize>,
    /// The encoding a wholly non-UTF-8 file was read in, when it was not UTF-8 or UTF-16.
    pub guessed: Option<&'static str>,
}

/// Bytes to text: UTF-8 (with or without a byte-order mark), UTF-16 with a mark (Excel's
/// "Unicode text"), else what `chardetng` (Firefox's detector) finds: Windows-1252 for Excel's
/// plain "CSV" on an Indonesian or English Windows. Never fails and never drops a byte:
///
/// - strict UTF-8 first, per file;
/// - a file that is UTF-8 but for a few bytes (one row pasted from an old file) stays UTF-8,
///   and only those bytes are read as Windows-1252, each one's row reported, because reading
///   the whole file as Windows-1252 turns every `“` of the other rows into `â€œ`;
/// - a file with no UTF-8 in it at all is decoded whole in the detected encoding, and said so.
pub(super) fn decode(bytes: &[u8]) -> Decoded {
    let plain = |text: String| Decoded {
        text,
        repaired: Vec::new(),
        guessed: None,
    };
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8_mixed(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return plain(
            encoding_rs::UTF_16LE
                .decode_without_bom_handling(rest)
                .0
                .into_owned(),
        );
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return plain(
            encoding_rs::UTF_16BE
                .decode_without_bom_handling(rest)
                .0
                .into_owned(),
        );
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return plain(s.to_string());
    }
    let (valid, invalid) = utf8_census(bytes);
    if valid > 0 && invalid <= valid {
        return utf8_mixed(bytes);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let enc = detector.guess(None, true);
    let text = inert_c1(enc.decode_without_bom_handling(bytes).0.into_owned());
    Decoded {
        text,
        repaired: Vec::new(),
        guessed: Some(enc.name()),
    }
}

/// A legacy encoding's unassigned bytes decode to C1 controls, and the text cleaner reads
/// some of those (U+009D, U+0090) as the start of a terminal string and drops the rest of
/// the cell with it. In text from such a file they are never meant: shown as `�` instead.
fn inert_c1(text: String) -> String {
    if !text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)) {
        return text;
    }
    text.chars()
        .map(|c| {
            if ('\u{80}'..='\u{9f}').contains(&c) {
                char::REPLACEMENT_CHARACTER
            } else {
                c
            }
        })
        .collect()
}

/// How many valid multi-byte UTF-8 characters and how many invalid sequences `bytes` holds.
fn utf8_census(bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid += s.chars().filter(|c| !c.is_ascii()).count();
                return (valid, invalid);
            }
            Err(e) => {
                let (ok, bad) = rest.split_at(e.valid_up_to());
                valid += std::str::from_utf8(ok)
                    .map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                invalid += 1;
                let skip = e.error_len().unwrap_or(bad.len()).max(1);
                rest = &bad[skip..];
            }
        }
    }
}

/// UTF-8 with its invalid bytes read one by one as Windows-1252, their places kept.
fn utf8_mixed(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len());
    let mut repaired = Vec::new();
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                text.push_str(s);
                break;
            }
            Err(e) => {
                let (ok, bad) = rest.split_at(e.valid_up_to());
                text.push_str(std::str::from_utf8(ok).unwrap_or_default());
                let n = e.error_len().unwrap_or(bad.len()).max(1);
                for &b in &bad[..n] {
                    repaired.push(text.len());
                    text.push(cp1252(b));
                }
                rest = &bad[n..];
            }
        }
    }
    Decoded {
        text,
        repaired,
        guessed: None,
    }
}

/// Windows-1252: Latin-1 except 0x80–0x9F, which hold typographic quotes, dashes and a few
/// letters. The five unassigned bytes show as `�` (see `inert_c1`).
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '�', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '�', 'Ž', '�', '�', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '�', 'ž', 'Ÿ',
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
        let text = |b: &[u8]| decode(b).text;
        assert_eq!(text(b"\xEF\xBB\xBFid"), "id");
        assert_eq!(text("Café".as_bytes()), "Café");
        // Windows-1252 from Excel's plain CSV: é and curly quotes.
        assert_eq!(text(b"Caf\xe9 \x93ok\x94"), "Café “ok”");
        assert_eq!(decode(b"Caf\xe9 \x93ok\x94").guessed, Some("windows-1252"));
        assert_eq!(text(b"\xFF\xFEi\x00d\x00"), "id");
        assert_eq!(text(b"\xFE\xFF\x00i\x00d"), "id");
    }

    #[test]
    fn a_utf8_file_with_one_stray_byte_stays_utf8() {
        let mut bytes = "nama\nYayasan “Harapan” Ibu\nRumah Aman\n"
            .as_bytes()
            .to_vec();
        bytes.extend(b"Caf\xe9 Sehat\n");
        let d = decode(&bytes);
        assert_eq!(d.guessed, None);
        assert!(d.text.contains("Yayasan “Harapan” Ibu"), "{}", d.text);
        assert!(d.text.contains("Café Sehat"), "{}", d.text);
        assert_eq!(d.repaired.len(), 1);
        let t = Table::parse_marked(&d.text, "x.csv", &d.repaired).unwrap();
        assert_eq!(t.notices.len(), 1);
        assert_eq!(t.notices[0].line, 4);
    }
}
