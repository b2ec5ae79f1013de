//! The agency directory as files: the Open Referral HSDS tabular package that directory tools
//! exchange, and a one-file CSV for offices that keep their list in a spreadsheet.
//!
//! Files only: reading gives agencies and the rows that could not be read; what to store is
//! the caller's decision. A bad row never stops a file from being read, because a directory of
//! two hundred agencies with one typo should still arrive; only a source that cannot be read
//! at all is an error.

pub mod export;
mod hsds;
pub mod legal;
pub mod outfile;
pub mod pdf;
pub mod report;
mod sheet;
pub mod simfoni;
mod table;

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use crate::domain::agency::Agency;
use crate::domain::region::{self, Region};
use crate::domain::text::clean_line;
use crate::domain::validate::parse_date;
use crate::domain::vocab::Vocab;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};

pub use hsds::read_hsds;
pub use sheet::{read_sheet, read_sheet_text};

/// One problem with one input row: which file, which line (1-based, as a spreadsheet shows it,
/// header = line 1), and why, in words from i18n.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub file: String,
    pub line: usize,
    pub reason: Error,
}

impl RowProblem {
    fn new(file: &str, line: usize, msg: Msg, args: &[&dyn std::fmt::Display]) -> RowProblem {
        RowProblem {
            file: file.to_string(),
            line,
            reason: Error::new(msg, args),
        }
    }

    /// `direktori.csv baris 5: kolom jenis: jenis lembaga tidak dikenal: Polisi`.
    pub fn render(&self, lang: Lang) -> String {
        fill(
            Msg::RowAt.get(lang),
            &[&self.file, &self.line, &self.reason.render(lang)],
        )
    }
}

/// What reading a source gave: the agencies it could read, in file order, and the rows it
/// skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub agencies: Vec<Agency>,
    pub problems: Vec<RowProblem>,
    /// Rows that were read, with something the office should know: text in a guessed
    /// encoding, values meja kept elsewhere or could not hold.
    pub notices: Vec<RowProblem>,
}

impl Parsed {
    /// Rows skipped: a row with three problems is one row (issue 16: "8 baris dilewati" was
    /// printed for 5 bad rows).
    pub fn skipped_rows(&self) -> usize {
        let mut rows: Vec<(&str, usize)> = self
            .problems
            .iter()
            .map(|p| (p.file.as_str(), p.line))
            .collect();
        rows.sort_unstable();
        rows.dedup();
        rows.len()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Open Referral HSDS: a folder with datapackage.json and one CSV per table.
    Hsds,
    /// The simple one-file CSV.
    Csv,
}

/// Reads a directory source: a folder containing datapackage.json (or the datapackage.json
/// path itself) = HSDS; a .csv file = the simple one-file CSV. Whole-source failures (missing
/// folder, no organizations file, unreadable file, unknown extension) are Err with a clear
/// message; bad rows are problems, never abort. A folder without datapackage.json is still
/// read as HSDS by the usual file names, as many tools leave the descriptor out.
pub fn read_directory(path: &Path) -> Result<Parsed> {
    if !path.exists() {
        return Err(Error::new(Msg::ErrDirNotFound, &[&path.display()]));
    }
    if path.is_dir() {
        return read_hsds(path);
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    // Someone choosing organizations.csv inside a package means the package: read as a
    // sheet it would lose everything the other tables hold.
    if name == "datapackage.json" || name == "organizations.csv" {
        return read_hsds(path);
    }
    if name.ends_with(".csv") {
        return read_sheet(path);
    }
    Err(Error::new(Msg::ErrDirUnknownFormat, &[&path.display()]))
}

/// Writes agencies; HSDS writes a folder (created if missing) with datapackage.json + CSVs;
/// Csv writes one file.
pub fn write_directory(
    format: Format,
    agencies: &[Agency],
    out: &Path,
    lang: Lang,
    rules: &outfile::OutRules,
) -> Result<()> {
    match format {
        Format::Hsds => hsds::write(agencies, out, lang, rules),
        Format::Csv => sheet::write(agencies, out, lang, rules),
    }
}

/// The id an agency is written under: the id it came with, else its row id, else (not stored
/// yet) the id the sheet reader derives from a name, so either way a re-import matches. A
/// repeat gets a suffix, because two organizations with one id would merge on the way back.
fn export_ids(agencies: &[Agency]) -> Vec<String> {
    let mut used = std::collections::HashSet::new();
    agencies
        .iter()
        .map(|a| {
            let base = if !a.source_id.trim().is_empty() {
                a.source_id.trim().to_string()
            } else if a.id > 0 {
                format!("meja-{}", a.id)
            } else {
                name_id(&a.name)
            };
            let mut id = base.clone();
            let mut n = 2;
            while !used.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            id
        })
        .collect()
}

/// The id of a sheet row that has none: its name, so the same sheet imported twice matches.
fn name_id(name: &str) -> String {
    format!("nama:{}", clean_line(name).trim().to_lowercase())
}

/// A vocabulary code from its code or either label, ignoring case and spacing.
fn vocab_code(vocab: &Vocab, text: &str) -> Option<&'static str> {
    let want = squash(text);
    if want.is_empty() {
        return None;
    }
    vocab
        .terms
        .iter()
        .find(|t| squash(t.code) == want || squash(t.id) == want || squash(t.en) == want)
        .map(|t| t.code)
}

fn squash(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `ya`/`tidak`, `yes`/`no`, `1`/`0`, `true`/`false`.
fn parse_flag(s: &str) -> Option<bool> {
    match squash(s).as_str() {
        "ya" | "y" | "yes" | "true" | "1" | "aktif" | "benar" => Some(true),
        "tidak" | "no" | "n" | "false" | "0" | "nonaktif" | "tidak aktif" | "salah" => Some(false),
        _ => None,
    }
}

/// A date day first (`23-11-2026`, `23/11/2026`) or ISO (`2026-11-23`). The domain's parser
/// also refuses future dates; an import has no clock, so the latest date stands in for
/// today and `Agency::check` judges the date later.
fn parse_day(s: &str) -> Option<NaiveDate> {
    parse_date(s, NaiveDate::MAX).ok()
}

/// A Kemendagri region code from what a file writes for an area: the code (`18.72`), the code
/// without dots as a spreadsheet may turn it into a number (`1872`), the code followed by the
/// name (`18.72.01 Metro Pusat`), or a name that only one region has ("Kota Metro"; a name
/// shared by a regency and villages means the regency).
struct Areas {
    by_name: HashMap<String, Option<&'static str>>,
}

impl Areas {
    fn new() -> Areas {
        Areas {
            by_name: HashMap::new(),
        }
    }

    fn code(&mut self, text: &str) -> Option<&'static str> {
        let text = text.trim();
        if let Some(c) = code_form(text) {
            return Some(c);
        }
        let lead: String = text
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        if lead.len() >= 2
            && let Some(c) = code_form(lead.trim_end_matches('.'))
        {
            return Some(c);
        }
        let name = squash(text);
        let name = match name.strip_prefix("kab. ").or(name.strip_prefix("kab ")) {
            Some(rest) => format!("kabupaten {rest}"),
            None => name,
        };
        *self
            .by_name
            .entry(name)
            .or_insert_with_key(|n| unique_name(n))
    }
}

/// A region code written with dots, or without them (`1872`, `187201`, `1872011001`), or with
/// the trailing zero a spreadsheet drops from a "number" (`11.1` for `11.10`).
fn code_form(s: &str) -> Option<&'static str> {
    let s = s.trim();
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let mut tries = vec![s.to_string()];
    if !s.contains('.') && matches!(s.len(), 4 | 6 | 10) {
        let mut dotted = format!("{}.{}", &s[0..2], &s[2..4]);
        if s.len() >= 6 {
            dotted.push('.');
            dotted.push_str(&s[4..6]);
        }
        if s.len() == 10 {
            dotted.push('.');
            dotted.push_str(&s[6..10]);
        }
        tries.push(dotted);
    }
    if let Some((p, k)) = s.split_once('.')
        && p.len() == 2
        && k.len() == 1
    {
        tries.push(format!("{s}0"));
    }
    tries
        .iter()
        .find_map(|t| region::get(t))
        .map(|r: Region| r.code)
}

fn unique_name(name: &str) -> Option<&'static str> {
    let found: Vec<Region> = region::all()
        .iter()
        .filter(|r| r.name.to_lowercase() == name)
        .copied()
        .collect();
    let regencies: Vec<&Region> = found.iter().filter(|r| r.level() == 2).collect();
    match (found.as_slice(), regencies.as_slice()) {
        ([one], _) => Some(one.code),
        (_, [one]) => Some(one.code),
        _ => None,
    }
}

/// The agency kind a name suggests, for files that do not say: "Unit PPA Polres Metro" is a
/// police unit, "RSUD Ahmad Yani" a hospital. First rule wins, so a safe house or legal aid
/// office run by a department is filed as what it is, and a hospital named after the police
/// (RS Bhayangkara Polda) stays a hospital.
fn infer_kind(name: &str) -> &'static str {
    const RULES: &[(&str, &[&str])] = &[
        ("rumah_aman", &["rumah aman", "shelter", "safe house"]),
        ("bantuan_hukum", &["lbh", "bantuan hukum", "posbakum"]),
        (
            "kesehatan",
            &["rsud", "rumah sakit", "rs", "rsu", "puskesmas", "klinik"],
        ),
        (
            "unit_ppa",
            &[
                "unit ppa",
                "polres",
                "polresta",
                "polrestabes",
                "polsek",
                "polda",
            ],
        ),
        ("kejaksaan", &["kejaksaan", "kejari", "kejati"]),
        ("pengadilan", &["pengadilan"]),
        ("bapas", &["bapas", "balai pemasyarakatan"]),
        ("psikolog", &["psikolog", "psikologi"]),
        ("dinsos", &["dinas sosial", "dinsos"]),
        ("disdik", &["dinas pendidikan", "disdik", "disdikbud"]),
        (
            "dukcapil",
            &[
                "dukcapil",
                "disdukcapil",
                "kependudukan dan pencatatan sipil",
            ],
        ),
        ("puspaga", &["puspaga"]),
        ("lpa", &["lpa", "lembaga perlindungan anak"]),
        ("lksa", &["lksa", "panti asuhan"]),
        ("patbm", &["patbm"]),
    ];
    first_rule(name, RULES).unwrap_or("lainnya")
}

/// The code of the first rule one of whose keys stands in `name` as whole words: "lpa" must
/// not match inside "selpa", nor "rs" inside "universitas".
fn first_rule(name: &str, rules: &[(&'static str, &[&str])]) -> Option<&'static str> {
    let words: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let padded = format!(
        " {} ",
        words.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    rules
        .iter()
        .find(|(_, keys)| keys.iter().any(|k| padded.contains(&format!(" {k} "))))
        .map(|(code, _)| *code)
}

/// Writes a file whole or not at all, under the `--out` rules (never the database, an
/// existing file only with `--force`).
fn write_file(path: &Path, bytes: &[u8], rules: &outfile::OutRules) -> Result<()> {
    outfile::write_new(path, rules, bytes)
}

/// Rows to CSV text: CRLF as RFC 4180 and Excel expect, quoting only where needed.
fn csv_bytes(header: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing into memory cannot fail; the error type is the writer's, not the disk's.
    let mut put = |r: &[&str]| w.write_record(r).expect("writing CSV to memory");
    put(header);
    for r in rows {
        put(&r.iter().map(String::as_str).collect::<Vec<_>>());
    }
    w.into_inner().expect("flushing CSV to memory")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vocab::{AGENCY_KINDS, SERVICES};

    #[test]
    fn kinds_are_inferred_from_whole_words_in_the_name() {
        for (name, kind) in [
            ("Unit PPA Polres Metro", "unit_ppa"),
            ("Polsek Metro Pusat", "unit_ppa"),
            ("Kejaksaan Negeri Metro", "kejaksaan"),
            ("Kejari Metro", "kejaksaan"),
            ("Pengadilan Negeri Metro Kelas IB", "pengadilan"),
            ("Bapas Kelas II Metro", "bapas"),
            ("RSUD Jend. Ahmad Yani", "kesehatan"),
            ("RS Bhayangkara Polda Lampung", "kesehatan"),
            ("Puskesmas Yosomulyo", "kesehatan"),
            ("Biro Psikologi Harapan", "psikolog"),
            ("LBH Metro Adil", "bantuan_hukum"),
            ("Rumah Aman Pelangi (Dinas Sosial)", "rumah_aman"),
            ("Dinas Sosial Kota Metro", "dinsos"),
            ("Dinas Pendidikan dan Kebudayaan", "disdik"),
            ("Disdukcapil Kota Metro", "dukcapil"),
            ("PUSPAGA Kota Metro", "puspaga"),
            ("LPA Kota Metro", "lpa"),
            ("LKSA Kasih Ibu", "lksa"),
            ("PATBM Kelurahan Hadimulyo", "patbm"),
            ("Universitas Selpa", "lainnya"),
            ("Yayasan Cahaya", "lainnya"),
        ] {
            assert_eq!(infer_kind(name), kind, "{name}");
            assert!(AGENCY_KINDS.contains(kind));
        }
    }

    #[test]
    fn areas_are_found_by_code_or_by_a_name_only_one_region_has() {
        let mut a = Areas::new();
        assert_eq!(a.code("18.72"), Some("18.72"));
        assert_eq!(a.code("1872"), Some("18.72"));
        assert_eq!(a.code("187201"), Some("18.72.01"));
        assert_eq!(a.code("18.72.01 Metro Pusat"), Some("18.72.01"));
        assert_eq!(a.code("18.72.01 - Metro Pusat"), Some("18.72.01"));
        assert_eq!(a.code("kota metro"), Some("18.72"));
        assert_eq!(a.code("Metro Timur"), Some("18.72.04"));
        assert_eq!(a.code("Kab. Lampung Selatan"), Some("18.01"));
        // A spreadsheet turned 11.10 into the number 11.1.
        assert_eq!(a.code("11.1"), region::get("11.10").map(|r| r.code));
        // "Metro" is two villages: not guessed.
        assert_eq!(a.code("Metro"), None);
        assert_eq!(a.code("99.99"), None);
        assert_eq!(a.code("Atlantis"), None);
    }

    #[test]
    fn vocabulary_terms_are_found_by_code_or_either_label() {
        assert_eq!(
            vocab_code(&SERVICES, "bantuan_hukum"),
            Some("bantuan_hukum")
        );
        assert_eq!(
            vocab_code(&SERVICES, " Bantuan  HUKUM "),
            Some("bantuan_hukum")
        );
        assert_eq!(vocab_code(&SERVICES, "Legal aid"), Some("bantuan_hukum"));
        assert_eq!(vocab_code(&AGENCY_KINDS, "Safe house"), Some("rumah_aman"));
        assert_eq!(vocab_code(&SERVICES, "pijat"), None);
        assert_eq!(vocab_code(&SERVICES, ""), None);
    }

    #[test]
    fn export_ids_are_stable_and_unique() {
        let a = |source: &str, id: i64, name: &str| Agency {
            source_id: source.into(),
            id,
            name: name.into(),
            ..Default::default()
        };
        let ids = export_ids(&[
            a("org-1", 9, "A"),
            a("", 5, "B"),
            a("", 0, " LBH  Adil "),
            a("org-1", 0, "C"),
        ]);
        assert_eq!(ids, vec!["org-1", "meja-5", "nama:lbh  adil", "org-1-2"]);
    }

    #[test]
    fn flags_and_dates_read_both_languages_and_orders() {
        assert_eq!(parse_flag("Ya"), Some(true));
        assert_eq!(parse_flag("no"), Some(false));
        assert_eq!(parse_flag("0"), Some(false));
        assert_eq!(parse_flag("mungkin"), None);
        let d = NaiveDate::from_ymd_opt(2026, 11, 23);
        assert_eq!(parse_day("23-11-2026"), d);
        assert_eq!(parse_day("2026-11-23"), d);
        assert_eq!(parse_day("23/11/2026"), d);
        assert_eq!(parse_day("31-02-2026"), None);
    }
}
