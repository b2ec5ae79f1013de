//! Kemendagri region codes (Kepmendagri No. 300.2.2-2138 Tahun 2025): province `18`,
//! kab/kota `18.72`, kecamatan `18.72.01`, desa/kelurahan `18.72.01.1001`.
//!
//! The table is compiled in (assets/wilayah.csv, MIT, from cahyadsn/wilayah) and read the first
//! time it is needed, not at start-up. Entries borrow from the compiled text, so the 91,599 rows
//! cost one vector of slices rather than two allocations each.

use std::sync::OnceLock;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};

const DATA: &str = include_str!("../../assets/wilayah.csv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub code: &'static str,
    pub name: &'static str,
}

impl Region {
    /// 1 province, 2 kab/kota, 3 kecamatan, 4 desa/kelurahan.
    pub fn level(&self) -> usize {
        level(self.code)
    }
}

pub fn level(code: &str) -> usize {
    if code.is_empty() {
        0
    } else {
        code.split('.').count()
    }
}

/// The parent's code: `18.72.01` → `18.72`.
pub fn parent(code: &str) -> Option<&str> {
    code.rsplit_once('.').map(|(p, _)| p)
}

/// One line of the file: `kode,nama`, where a name containing a comma is quoted. The format is
/// fixed (we ship the file), so a split is enough; a test checks it against the csv crate.
fn parse_line(line: &'static str) -> Option<Region> {
    let (code, name) = line.split_once(',')?;
    let name = name.trim_end_matches('\r');
    let name = name
        .strip_prefix('"')
        .and_then(|n| n.strip_suffix('"'))
        .unwrap_or(name);
    Some(Region { code, name })
}

/// Every region, sorted by code, so a region's descendants follow it contiguously.
pub fn all() -> &'static [Region] {
    static TABLE: OnceLock<Vec<Region>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut v: Vec<Region> = DATA.lines().skip(1).filter_map(parse_line).collect();
        v.sort_unstable_by(|a, b| a.code.cmp(b.code));
        v
    })
}

pub fn get(code: &str) -> Option<Region> {
    let t = all();
    t.binary_search_by(|r| r.code.cmp(code)).ok().map(|i| t[i])
}

/// Direct children of `parent` (the provinces for None), in code order.
pub fn children(parent: Option<&str>) -> Vec<Region> {
    let t = all();
    match parent {
        None => t.iter().filter(|r| r.level() == 1).copied().collect(),
        Some(p) => {
            let prefix = format!("{p}.");
            let start = t.partition_point(|r| r.code < prefix.as_str());
            let want = level(p) + 1;
            t[start..]
                .iter()
                .take_while(|r| r.code.starts_with(&prefix))
                .filter(|r| r.level() == want)
                .copied()
                .collect()
        }
    }
}

/// From the province down to `code`.
pub fn path(code: &str) -> Vec<Region> {
    let mut out = Vec::new();
    let mut c = Some(code);
    while let Some(x) = c {
        if let Some(r) = get(x) {
            out.push(r);
        }
        c = parent(x);
    }
    out.reverse();
    out
}

/// "Metro Pusat, Kota Metro, Lampung" — most specific first, as an address is read.
pub fn describe(code: &str) -> String {
    let p = path(code);
    if p.is_empty() {
        return code.to_string();
    }
    p.iter()
        .rev()
        .map(|r| r.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The kecamatan code a NIK was issued in: `337201…` → `33.72.01`.
pub fn nik_kecamatan(nik_region: &str) -> Option<String> {
    let d = nik_region.as_bytes();
    (d.len() >= 6 && d[..6].iter().all(u8::is_ascii_digit)).then(|| {
        format!(
            "{}.{}.{}",
            &nik_region[0..2],
            &nik_region[2..4],
            &nik_region[4..6]
        )
    })
}

/// The regions among `candidates` that match what was typed, best first. Fuzzy, case- and
/// accent-insensitive: "kota metro", "metro" and "kt metro" all find Kota Metro.
pub fn search(candidates: &[Region], query: &str) -> Vec<Region> {
    if query.trim().is_empty() {
        return candidates.to_vec();
    }
    let mut matcher = Matcher::new(Config::DEFAULT);
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let names: Vec<&str> = candidates.iter().map(|r| r.name).collect();
    let ranked = pattern.match_list(
        names.iter().enumerate().map(|(i, n)| Indexed(i, n)),
        &mut matcher,
    );
    ranked
        .into_iter()
        .map(|(Indexed(i, _), _)| candidates[i])
        .collect()
}

/// Every region below `parent` (all of them for None), at any depth: one contiguous run
/// of the code-sorted table.
pub fn below(parent: Option<&str>) -> &'static [Region] {
    let t = all();
    match parent {
        None => t,
        Some(p) => {
            let prefix = format!("{p}.");
            let start = t.partition_point(|r| r.code < prefix.as_str());
            let len = t[start..]
                .iter()
                .take_while(|r| r.code.starts_with(&prefix))
                .count();
            &t[start..start + len]
        }
    }
}

/// What was typed, searched at every level below `parent` (issue 16, point 21: "kota metro"
/// typed among the provinces finds the city). Best match first; among equal matches the
/// higher level first (a kab/kota before the desa named after it); at most `limit`.
pub fn search_below(parent: Option<&str>, query: &str, limit: usize) -> Vec<Region> {
    let candidates = below(parent);
    if query.trim().is_empty() {
        return Vec::new();
    }
    let mut matcher = Matcher::new(Config::DEFAULT);
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let mut ranked: Vec<(Region, u32)> = pattern
        .match_list(
            candidates
                .iter()
                .enumerate()
                .map(|(i, r)| Indexed(i, r.name)),
            &mut matcher,
        )
        .into_iter()
        .map(|(Indexed(i, _), score)| (candidates[i], score))
        .collect();
    ranked.sort_by(|(a, sa), (b, sb)| {
        sb.cmp(sa)
            .then(a.level().cmp(&b.level()))
            .then(a.code.cmp(b.code))
    });
    ranked.into_iter().take(limit).map(|(r, _)| r).collect()
}

/// A name that remembers its position, so ranking can give back the region.
struct Indexed<'a>(usize, &'a str);

impl AsRef<str> for Indexed<'_> {
    fn as_ref(&self) -> &str {
        self.1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_level_has_the_official_count() {
        let count = |l| all().iter().filter(|r| r.level() == l).count();
        assert_eq!(count(1), 38);
        assert_eq!(count(2), 514);
        assert_eq!(count(3), 7_285);
        assert_eq!(count(4), 83_762);
        assert_eq!(children(None).len(), 38);
    }

    #[test]
    fn the_table_agrees_with_a_real_csv_reader() {
        let mut rdr = csv::Reader::from_reader(DATA.as_bytes());
        let mut n = 0;
        for row in rdr.records() {
            let row = row.unwrap();
            let r = get(&row[0]).unwrap_or_else(|| panic!("{} missing", &row[0]));
            assert_eq!(r.name, &row[1]);
            n += 1;
        }
        assert_eq!(n, all().len());
        assert_eq!(get("12.07.28.1007").unwrap().name, "Lubuk Pakam I,II");
    }

    #[test]
    fn lookups_at_every_level() {
        assert_eq!(get("18").unwrap().name, "Lampung");
        assert_eq!(get("18.72").unwrap().name, "Kota Metro");
        assert_eq!(get("18.72.01").unwrap().name, "Metro Pusat");
        let desa = children(Some("18.72.01"));
        assert!(
            !desa.is_empty()
                && desa
                    .iter()
                    .all(|d| d.level() == 4 && d.code.starts_with("18.72.01."))
        );
        let kab = children(Some("18"));
        assert!(kab.iter().any(|r| r.name == "Kota Metro"));
        assert!(kab.iter().all(|r| r.level() == 2));
        assert_eq!(path(desa[0].code).len(), 4);
        assert!(describe("18.72.01").starts_with("Metro Pusat, Kota Metro, Lampung"));
        assert_eq!(parent("18.72.01"), Some("18.72"));
        assert_eq!(get("99.99"), None);
    }

    #[test]
    fn fuzzy_search_finds_kota_metro_however_it_is_typed() {
        let kab = children(Some("18"));
        for q in ["kota metro", "metro", "kt metro", "KOTA METRO", "kota metr"] {
            assert_eq!(
                search(&kab, q).first().map(|r| r.name),
                Some("Kota Metro"),
                "{q}"
            );
        }
        let prov = children(None);
        assert_eq!(
            search(&prov, "jawa tengah").first().map(|r| r.name),
            Some("Jawa Tengah")
        );
        assert_eq!(search(&prov, "").len(), 38);
    }

    #[test]
    fn nik_regions_map_to_kecamatan_codes() {
        assert_eq!(nik_kecamatan("187201").as_deref(), Some("18.72.01"));
        assert_eq!(nik_kecamatan("18a201"), None);
        assert!(get(&nik_kecamatan("187201").unwrap()).is_some());
    }
}
