//! Partner agencies in the office's own directory: what they are, when they are open, and how
//! a worker finds one by typing a few letters.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};
use serde::{Deserialize, Serialize};

use super::region;
use super::text::clean_line;
use super::validate::normalize_phone;
use super::vocab::{AGENCY_KINDS, SERVICES};
use crate::lang::Lang;

/// One agency. Lists hold codes (`AGENCY_KINDS`, `SERVICES`, Kemendagri region codes), never
/// labels, so the directory reads the same in both languages and survives a relabelling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Agency {
    /// Row id in this database; 0 for one not stored yet.
    pub id: i64,
    /// Its id in the file it came from (HSDS organization id or the CSV's `id`). A re-import
    /// matches on it, so importing the same file twice changes nothing.
    pub source_id: String,
    pub name: String,
    pub kind: String,
    pub services: Vec<String>,
    pub areas: Vec<String>,
    pub address: String,
    pub phones: Vec<String>,
    pub email: String,
    pub hours: Week,
    pub contact: String,
    pub notes: String,
    pub active: bool,
    pub verified: Option<NaiveDate>,
    /// A fictional entry from the demo directory, shown as such until the office replaces it.
    pub example: bool,
    pub version: i64,
}

impl Default for Agency {
    fn default() -> Self {
        Agency {
            id: 0,
            source_id: String::new(),
            name: String::new(),
            kind: String::new(),
            services: Vec::new(),
            areas: Vec::new(),
            address: String::new(),
            phones: Vec::new(),
            email: String::new(),
            hours: Week::default(),
            contact: String::new(),
            notes: String::new(),
            active: true,
            verified: None,
            example: false,
            version: 0,
        }
    }
}

/// Why an agency cannot be saved as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgencyIssue {
    NameRequired,
    UnknownKind(String),
    UnknownService(String),
    UnknownArea(String),
    BadPhone(String),
    BadEmail(String),
    VerifiedInFuture,
}

impl Agency {
    /// Trims and cleans every text, drops duplicate codes and blank phones; keeps order.
    pub fn clean(&mut self) {
        for s in [
            &mut self.source_id,
            &mut self.name,
            &mut self.address,
            &mut self.email,
            &mut self.contact,
        ] {
            *s = clean_line(s.trim()).trim().to_string();
        }
        self.name = super::text::clean_name(&self.name).trim().to_string();
        self.contact = super::text::clean_name(&self.contact).trim().to_string();
        self.notes = super::text::clean_multiline(self.notes.trim());
        self.kind = self.kind.trim().to_string();
        for list in [&mut self.services, &mut self.areas, &mut self.phones] {
            let mut seen = Vec::new();
            for v in list.drain(..) {
                let v = clean_line(v.trim()).trim().to_string();
                if !v.is_empty() && !seen.contains(&v) {
                    seen.push(v);
                }
            }
            *list = seen;
        }
        // Numbers are compared as normalized: "0725 000 001" and "(0725) 000001" are one.
        let mut phones: Vec<String> = Vec::new();
        for p in self.phones.drain(..) {
            let p = normalize_phone(&p).unwrap_or(p);
            if !phones.contains(&p) {
                phones.push(p);
            }
        }
        self.phones = phones;
    }

    /// Everything that stops a save; an empty list means it can be stored.
    pub fn check(&self, today: NaiveDate) -> Vec<AgencyIssue> {
        let mut out = Vec::new();
        if self.name.trim().is_empty() {
            out.push(AgencyIssue::NameRequired);
        }
        if !self.kind.is_empty() && !AGENCY_KINDS.contains(&self.kind) {
            out.push(AgencyIssue::UnknownKind(self.kind.clone()));
        }
        for s in &self.services {
            if !SERVICES.contains(s) {
                out.push(AgencyIssue::UnknownService(s.clone()));
            }
        }
        for a in &self.areas {
            if region::get(a).is_none() {
                out.push(AgencyIssue::UnknownArea(a.clone()));
            }
        }
        for p in &self.phones {
            if !phone_ok(p) {
                out.push(AgencyIssue::BadPhone(p.clone()));
            }
        }
        if !self.email.trim().is_empty() && !super::validate::email_ok(&self.email) {
            out.push(AgencyIssue::BadEmail(self.email.clone()));
        }
        if self.verified.is_some_and(|d| d > today) {
            out.push(AgencyIssue::VerifiedInFuture);
        }
        out
    }

    pub fn is_open(&self, at: NaiveDateTime) -> bool {
        self.active && self.hours.is_open(at)
    }

    /// Whether it serves `code` or a region inside it; an agency with no areas serves anywhere
    /// (a national hotline, say).
    pub fn serves_area(&self, code: &str) -> bool {
        self.areas.is_empty()
            || self
                .areas
                .iter()
                .any(|a| code.starts_with(a.as_str()) || a.starts_with(code))
    }

    /// The text fuzzy search looks through, in the language on screen.
    pub fn haystack(&self, lang: Lang) -> String {
        let mut s = self.name.clone();
        s.push_str("  ");
        s.push_str(AGENCY_KINDS.label(&self.kind, lang));
        for c in &self.services {
            s.push_str("  ");
            s.push_str(SERVICES.label(c, lang));
        }
        for a in &self.areas {
            if let Some(r) = region::get(a) {
                s.push_str("  ");
                s.push_str(r.name);
            }
        }
        // The notes hold what the office knows and the imports keep there — the services'
        // own descriptions among them ("Visum dan IGD 24 jam"): a worker searches for those
        // words too (issue 16).
        if !self.notes.is_empty() {
            s.push_str("  ");
            s.push_str(&self.notes.replace('\n', " "));
        }
        s
    }
}

/// An agency's phone as the directory takes it: a number `normalize_phone` reads, or a short
/// hotline. The one rule for the screen and every import (issue 16).
pub fn phone_ok(p: &str) -> bool {
    normalize_phone(p).is_ok() || is_hotline(p)
}

/// Short national numbers (110 police, 129 SAPA) that `normalize_phone` rightly refuses for
/// a person but an agency may list.
fn is_hotline(p: &str) -> bool {
    (3..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
}

/// Opening hours for one day, in minutes from midnight; `closes` may be 1440 (24:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opening {
    pub opens: u16,
    pub closes: u16,
}

/// Opening hours for a week, Monday first. `None` is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Week(pub [Option<Opening>; 7]);

const DAYS_ID: [&str; 7] = ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"];
const DAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
/// Longer spellings a person or a spreadsheet may use; index = weekday, Monday 0.
const DAY_NAMES: [&[&str]; 7] = [
    &["sen", "senin", "mon", "monday", "mo"],
    &["sel", "selasa", "tue", "tuesday", "tu"],
    &["rab", "rabu", "wed", "wednesday", "we"],
    &["kam", "kamis", "thu", "thursday", "th"],
    &["jum", "jumat", "jum'at", "fri", "friday", "fr"],
    &["sab", "sabtu", "sat", "saturday", "sa"],
    &["min", "minggu", "ahad", "sun", "sunday", "su"],
];

/// Monday 0 … Sunday 6, from a day name or abbreviation in either language.
pub fn weekday_index(name: &str) -> Option<usize> {
    let n = name.trim().to_lowercase();
    DAY_NAMES
        .iter()
        .position(|names| names.contains(&n.as_str()))
}

/// `08:00`, `8.00`, `8`, `24:00` → minutes from midnight.
pub fn parse_clock(s: &str) -> Option<u16> {
    let s = s.trim();
    let (h, m) = match s.split_once([':', '.']) {
        Some((h, m)) => (h, m.get(..2).unwrap_or(m)),
        None => (s, "0"),
    };
    let h: u16 = h.trim().parse().ok()?;
    let m: u16 = m.trim().parse().ok()?;
    let t = h * 60 + m;
    (h <= 24 && m < 60 && t <= 1440).then_some(t)
}

pub fn format_clock(m: u16) -> String {
    format!("{:02}.{:02}", m / 60, m % 60)
}

impl Opening {
    /// `08.00-16.00`, `08:00–16:00`, `24 jam`.
    pub fn parse(s: &str) -> Option<Opening> {
        let s = s.trim();
        let low = s.to_lowercase();
        if low == "24 jam" || low == "24 hours" || low == "24h" {
            return Some(Opening {
                opens: 0,
                closes: 1440,
            });
        }
        let (a, b) = s.split_once(['-', '–', '—'])?;
        let o = Opening {
            opens: parse_clock(a)?,
            closes: parse_clock(b)?,
        };
        (o.opens < o.closes).then_some(o)
    }

    pub fn format(&self) -> String {
        if self.opens == 0 && self.closes == 1440 {
            "24 jam".into()
        } else {
            format!("{}–{}", format_clock(self.opens), format_clock(self.closes))
        }
    }
}

impl Week {
    pub fn is_open(&self, at: NaiveDateTime) -> bool {
        let day = at.weekday().num_days_from_monday() as usize;
        let m = (at.hour() * 60 + at.minute()) as u16;
        self.0[day].is_some_and(|o| o.opens <= m && m < o.closes)
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }

    /// Reads `Sen-Jum 08.00-16.00; Sab 08.00-12.00`, days in either language, ranges or
    /// single days, `;` or newlines between groups. Returns the text of the group it could not
    /// read.
    pub fn parse(s: &str) -> Result<Week, String> {
        let mut w = Week::default();
        for group in s
            .split([';', '\n'])
            .map(str::trim)
            .filter(|g| !g.is_empty())
        {
            // Hours with no days ("24 jam", "08.00-16.00") are every day's (README; issue 16).
            if let Some(open) = Opening::parse(group) {
                w.0 = [Some(open); 7];
                continue;
            }
            let (days, time) = group
                .split_once(char::is_whitespace)
                .ok_or_else(|| group.to_string())?;
            let open = Opening::parse(time).ok_or_else(|| group.to_string())?;
            for part in days.split(',') {
                let (a, b) = match part.split_once(['-', '–']) {
                    Some((a, b)) => (a, b),
                    None => (part, part),
                };
                let (a, b) = (
                    weekday_index(a).ok_or_else(|| group.to_string())?,
                    weekday_index(b).ok_or_else(|| group.to_string())?,
                );
                if a > b {
                    return Err(group.to_string());
                }
                for d in a..=b {
                    w.0[d] = Some(open);
                }
            }
        }
        Ok(w)
    }

    /// Consecutive days with the same hours grouped: `Sen–Jum 08.00–16.00; Sab 08.00–12.00`.
    /// `Week::parse` reads it back.
    pub fn format(&self, lang: Lang) -> String {
        let names = match lang {
            Lang::Id => DAYS_ID,
            Lang::En => DAYS_EN,
        };
        let mut groups = Vec::new();
        let mut d = 0;
        while d < 7 {
            let Some(o) = self.0[d] else {
                d += 1;
                continue;
            };
            let mut e = d;
            while e + 1 < 7 && self.0[e + 1] == Some(o) {
                e += 1;
            }
            let days = if e == d {
                names[d].to_string()
            } else {
                format!("{}-{}", names[d], names[e])
            };
            groups.push(format!("{days} {}", o.format()));
            d = e + 1;
        }
        groups.join("; ")
    }
}

/// One agency found by a search, with the positions in its name (in chars) that matched, so
/// the screen can highlight them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub score: u32,
    /// Filled by [`Index::highlight`], for the rows on screen only: finding the positions
    /// costs more than scoring, and a list shows twenty of ten thousand hits.
    pub name_matches: Vec<u32>,
    /// For a hit found with one letter of the query dropped: which one.
    pub dropped: Option<usize>,
}

/// What a search is narrowed to besides the typed text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DirectoryFilter {
    pub service: Option<String>,
    pub area: Option<String>,
    /// Only agencies open at this moment ("buka sekarang").
    pub open_at: Option<NaiveDateTime>,
    pub active_only: bool,
}

impl DirectoryFilter {
    pub fn admits(&self, a: &Agency) -> bool {
        (!self.active_only || a.active)
            && self.service.as_ref().is_none_or(|s| a.services.contains(s))
            && self.area.as_ref().is_none_or(|c| a.serves_area(c))
            && self.open_at.is_none_or(|t| a.is_open(t))
    }
}

/// The directory prepared for searching on every keystroke: the haystacks and the tie-break
/// order are built once, when the directory is loaded, not per key.
pub struct Index {
    names: Vec<Utf32String>,
    hay: Vec<Utf32String>,
    /// Each agency's place in (active first, shorter name, name) order: ties in score are
    /// broken by one integer comparison instead of comparing names.
    order: Vec<u32>,
    /// The letters and digits in each name and haystack (see `letters`): a text lacking one
    /// of the query's cannot match it, and is skipped without running the matcher.
    name_letters: Vec<u64>,
    hay_letters: Vec<u64>,
    matcher: Matcher,
    /// A second matcher, for scoring half of a large directory on another core.
    helper: Matcher,
    /// The last ranked query, its filter, and the agencies whose haystack it matched. A query
    /// typed by appending to it can only match a subset of those (every word must still
    /// match, and a longer word is a longer subsequence), so only they are scored again.
    last: Option<(String, DirectoryFilter, Vec<usize>)>,
}

/// Scores `indices` in order with `score`, keeping those that match. A large directory
/// is split in two and scored on two cores: the office PCs have two, and a keystroke
/// over ten thousand agencies is otherwise near the 5 ms it may take.
fn score_each<F>(
    main: &mut Matcher,
    helper: &mut Matcher,
    indices: &[usize],
    score: F,
) -> Vec<(usize, u32)>
where
    F: Fn(&mut Matcher, usize) -> Option<u32> + Sync,
{
    let run = |m: &mut Matcher, part: &[usize]| -> Vec<(usize, u32)> {
        part.iter()
            .filter_map(|&i| score(m, i).map(|s| (i, s)))
            .collect()
    };
    if indices.len() < PARALLEL_FROM {
        return run(main, indices);
    }
    let (first, second) = indices.split_at(indices.len() / 2);
    std::thread::scope(|s| {
        let other = s.spawn(|| run(helper, second));
        let mut out = run(main, first);
        out.extend(
            other
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        );
        out
    })
}

/// The ASCII letters (case folded) and digits in a text, one bit each. A text with any other
/// letter (an accented one may match a plain query letter) gets every bit: never skipped.
fn letters(text: &str) -> u64 {
    let mut m = 0u64;
    for c in text.chars() {
        match c.to_ascii_lowercase() {
            l @ 'a'..='z' => m |= 1 << (l as u32 - 'a' as u32),
            d @ '0'..='9' => m |= 1 << (26 + d as u32 - '0' as u32),
            c if c.is_alphanumeric() => return u64::MAX,
            _ => {}
        }
    }
    m
}

/// The letters a text must contain to match `q`; none (0) when `q` has anything but ASCII
/// letters, digits and spaces, where the matcher's own rules apply.
fn needed(q: &str) -> u64 {
    if plain_query(q) { letters(q) } else { 0 }
}

/// From this many agencies to score, the work is shared by two threads.
const PARALLEL_FROM: usize = 2000;

/// The most a fuzzy match of `q` can score on any text: every letter matched with the
/// largest bonus there is, doubled as for a first letter (nucleo-matcher: 16 per letter,
/// bonus at most 10, first-letter multiplier 2; plus the prefix bonus, 8, per word).
fn score_ceiling(q: &str) -> u32 {
    let letters = q.chars().filter(|c| !c.is_whitespace()).count() as u32;
    let words = q.split_whitespace().count() as u32;
    letters * (16 + 2 * 10) + words * 8
}

/// Plain letters, digits and spaces: no pattern syntax (`^ $ ! ' \\`) and nothing that changes
/// how the matcher normalises, so extending the query can only narrow what it matches.
fn plain_query(q: &str) -> bool {
    q.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ')
}

impl Index {
    pub fn new(agencies: &[Agency], lang: Lang) -> Index {
        let mut by: Vec<usize> = (0..agencies.len()).collect();
        by.sort_by(|&a, &b| {
            let (x, y) = (&agencies[a], &agencies[b]);
            y.active
                .cmp(&x.active)
                .then_with(|| x.name.len().cmp(&y.name.len()))
                .then_with(|| x.name.cmp(&y.name))
        });
        let mut order = vec![0u32; agencies.len()];
        for (rank, i) in by.into_iter().enumerate() {
            order[i] = rank as u32;
        }
        let hays: Vec<String> = agencies.iter().map(|a| a.haystack(lang)).collect();
        Index {
            names: agencies
                .iter()
                .map(|a| Utf32String::from(a.name.as_str()))
                .collect(),
            name_letters: agencies.iter().map(|a| letters(&a.name)).collect(),
            hay_letters: hays.iter().map(|h| letters(h)).collect(),
            hay: hays.iter().map(|h| Utf32String::from(h.as_str())).collect(),
            order,
            matcher: Matcher::new(Config::DEFAULT),
            helper: Matcher::new(Config::DEFAULT),
            last: None,
        }
    }

    /// Ranks the agencies the filter admits. An empty query lists them all, active first,
    /// then by name. A query that matches nothing is retried with one letter dropped at a
    /// time, so one mistyped letter ("polers", "psikilog") still finds the agency.
    pub fn search(
        &mut self,
        agencies: &[Agency],
        query: &str,
        filter: &DirectoryFilter,
    ) -> Vec<Hit> {
        let admitted = |i: &usize| filter.admits(&agencies[*i]);
        let q = query.trim();
        if q.is_empty() {
            self.last = None;
            let mut all: Vec<usize> = (0..agencies.len()).filter(admitted).collect();
            all.sort_by(|&a, &b| {
                let (x, y) = (&agencies[a], &agencies[b]);
                y.active
                    .cmp(&x.active)
                    .then_with(|| x.name.to_lowercase().cmp(&y.name.to_lowercase()))
            });
            return all
                .into_iter()
                .map(|index| Hit {
                    index,
                    score: 0,
                    name_matches: Vec::new(),
                    dropped: None,
                })
                .collect();
        }
        let mut hits = self.rank(agencies, q, filter);
        // A strong match scores near what the query scores against itself; anything far below
        // is letters scattered across words, which is what a typo produces. Then retry the
        // names with one letter dropped at a time, so "polers" and "psikilogi" still find
        // "Polres" and "Psikologi". Only then: it costs one pass per letter.
        let perfect = self.perfect_score(q);
        let weak = hits
            .first()
            .is_none_or(|h| u64::from(h.score) * 10 < u64::from(perfect) * 9);
        if weak && q.chars().count() >= 4 {
            let chars: Vec<char> = q.chars().collect();
            let mut seen: std::collections::HashMap<usize, usize> = hits
                .iter()
                .enumerate()
                .map(|(at, h)| (h.index, at))
                .collect();
            for skip in 0..chars.len() {
                let variant: String = chars
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != skip)
                    .map(|(_, c)| c)
                    .collect();
                for mut h in self.rank_names(agencies, &variant, filter) {
                    h.dropped = Some(skip);
                    match seen.get(&h.index) {
                        Some(&at) if hits[at].score >= h.score => {}
                        Some(&at) => hits[at] = h,
                        None => {
                            seen.insert(h.index, hits.len());
                            hits.push(h);
                        }
                    }
                }
            }
            self.sort_hits(&mut hits, agencies);
        }
        hits
    }

    /// The score of the query matched against a name that is exactly the query: the best
    /// any hit can get.
    fn perfect_score(&mut self, q: &str) -> u32 {
        let pattern = Pattern::parse(q, CaseMatching::Ignore, Normalization::Smart);
        let me = Utf32String::from(q);
        pattern
            .score(me.slice(..), &mut self.matcher)
            .unwrap_or(0)
            .saturating_mul(2)
    }

    fn rank_names(&mut self, agencies: &[Agency], q: &str, filter: &DirectoryFilter) -> Vec<Hit> {
        let pattern = Pattern::parse(q, CaseMatching::Ignore, Normalization::Smart);
        let need = needed(q);
        let admitted: Vec<usize> = (0..agencies.len())
            .filter(|&i| self.name_letters[i] & need == need && filter.admits(&agencies[i]))
            .collect();
        let names = &self.names;
        score_each(&mut self.matcher, &mut self.helper, &admitted, |m, i| {
            pattern
                .score(names[i].slice(..), m)
                .map(|s| s.saturating_mul(2))
        })
        .into_iter()
        .map(|(index, score)| Hit {
            index,
            score,
            name_matches: Vec::new(),
            dropped: None,
        })
        .collect()
    }

    /// Marks which letters of each hit's name the query matched.
    pub fn highlight(&mut self, query: &str, hits: &mut [Hit]) {
        let chars: Vec<char> = query.trim().chars().collect();
        let mut idx = Vec::new();
        for h in hits {
            if !h.name_matches.is_empty() || chars.is_empty() {
                continue;
            }
            let q: String = chars
                .iter()
                .enumerate()
                .filter(|(i, _)| Some(*i) != h.dropped)
                .map(|(_, c)| c)
                .collect();
            let pattern = Pattern::parse(&q, CaseMatching::Ignore, Normalization::Smart);
            idx.clear();
            if pattern
                .indices(self.names[h.index].slice(..), &mut self.matcher, &mut idx)
                .is_some()
            {
                idx.sort_unstable();
                idx.dedup();
                h.name_matches = idx.clone();
            }
        }
    }

    /// The agencies worth scoring for `q`: the last query's matches when `q` extends it,
    /// and only those whose haystack has every letter of `q`.
    fn candidates(&self, agencies: &[Agency], q: &str, filter: &DirectoryFilter) -> Vec<usize> {
        let need = needed(q);
        let has = |i: &usize| self.hay_letters[*i] & need == need;
        match &self.last {
            Some((last, f, found))
                if f == filter && plain_query(q) && plain_query(last) && q.starts_with(last) =>
            {
                found.iter().copied().filter(has).collect()
            }
            _ => (0..agencies.len())
                .filter(|i| has(i) && filter.admits(&agencies[*i]))
                .collect(),
        }
    }

    fn rank(&mut self, agencies: &[Agency], q: &str, filter: &DirectoryFilter) -> Vec<Hit> {
        let pattern = Pattern::parse(q, CaseMatching::Ignore, Normalization::Smart);
        let ceiling = score_ceiling(q);
        let candidates = self.candidates(agencies, q, filter);
        let (names, hay) = (&self.names, &self.hay);
        let scored = score_each(&mut self.matcher, &mut self.helper, &candidates, |m, i| {
            // A match in the name outranks one spread over services and areas: "polres"
            // should put "Unit PPA Polres" above a clinic whose area is "Polres Street". The
            // name is scored first (it is short); when twice its score reaches the most any
            // text can score, the longer haystack (which starts with the name, so matches
            // too) cannot win and is not scored.
            let name = pattern.score(names[i].slice(..), m);
            match name {
                Some(n) if n.saturating_mul(2) >= ceiling => Some(n.saturating_mul(2)),
                _ => {
                    let hay = pattern.score(hay[i].slice(..), m)?;
                    Some(name.map_or(hay, |n| n.saturating_mul(2).max(hay)))
                }
            }
        });
        let found = scored.iter().map(|(i, _)| *i).collect();
        let mut hits: Vec<Hit> = scored
            .into_iter()
            .map(|(index, score)| Hit {
                index,
                score,
                name_matches: Vec::new(),
                dropped: None,
            })
            .collect();
        self.last = Some((q.to_string(), filter.clone(), found));
        self.sort_hits(&mut hits, agencies);
        hits
    }

    /// Active first, then by score, then shorter and alphabetical names.
    fn sort_hits(&self, hits: &mut [Hit], agencies: &[Agency]) {
        hits.sort_unstable_by_key(|h| {
            (
                !agencies[h.index].active,
                std::cmp::Reverse(h.score),
                self.order[h.index],
            )
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agency(name: &str, kind: &str, services: &[&str], areas: &[&str]) -> Agency {
        Agency {
            name: name.into(),
            kind: kind.into(),
            services: services.iter().map(|s| s.to_string()).collect(),
            areas: areas.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        }
    }

    fn directory() -> Vec<Agency> {
        vec![
            agency(
                "RSUD Jenderal Ahmad Yani",
                "kesehatan",
                &["kesehatan"],
                &["18.72"],
            ),
            agency(
                "Unit PPA Polres Metro",
                "unit_ppa",
                &["penegakan_hukum"],
                &["18.72"],
            ),
            agency(
                "Biro Psikologi Harapan",
                "psikolog",
                &["psikologis"],
                &["18.72.01"],
            ),
            agency(
                "LBH Metro Adil",
                "bantuan_hukum",
                &["bantuan_hukum"],
                &["18.72"],
            ),
            agency(
                "Rumah Aman Pelangi",
                "rumah_aman",
                &["rumah_aman"],
                &["18.72"],
            ),
            agency(
                "Dinas Sosial Kota Metro",
                "dinsos",
                &["rehabilitasi_sosial"],
                &["18.72"],
            ),
            agency(
                "Polsek Metro Pusat",
                "unit_ppa",
                &["penegakan_hukum"],
                &["18.72.01"],
            ),
        ]
    }

    fn names(q: &str) -> Vec<String> {
        let d = directory();
        let mut ix = Index::new(&d, Lang::Id);
        ix.search(&d, q, &DirectoryFilter::default())
            .into_iter()
            .map(|h| d[h.index].name.clone())
            .collect()
    }

    /// Issue 16 point 16: the notes (where service descriptions are kept) are searched.
    #[test]
    fn a_word_in_the_notes_finds_the_agency_first() {
        let mut d = directory();
        d.push(agency("Disdukcapil Kota Metro", "lainnya", &[], &["18.72"]));
        let rsud = d.iter_mut().find(|a| a.name.starts_with("RSUD")).unwrap();
        rsud.notes = "Visum dan IGD 24 jam".into();
        let mut ix = Index::new(&d, Lang::Id);
        let hits = ix.search(&d, "visum", &DirectoryFilter::default());
        assert_eq!(d[hits[0].index].name, "RSUD Jenderal Ahmad Yani");
    }

    /// Issue 16 point 20: a bare `24 jam` (or a bare time range) is every day's hours.
    #[test]
    fn hours_without_days_are_every_days() {
        let w = Week::parse("24 jam").unwrap();
        assert_eq!(w.format(Lang::Id), "Sen-Min 24 jam");
        let w = Week::parse("08.00-16.00").unwrap();
        assert!(w.0.iter().all(|d| *d == Opening::parse("08.00-16.00")));
        assert_eq!(Week::parse("kadang-kadang"), Err("kadang-kadang".into()));
    }

    #[test]
    fn typical_queries_rank_the_expected_agency_first() {
        assert_eq!(names("polres")[0], "Unit PPA Polres Metro");
        assert_eq!(names("rsud")[0], "RSUD Jenderal Ahmad Yani");
        assert_eq!(names("psiko")[0], "Biro Psikologi Harapan");
        assert_eq!(names("rmh aman")[0], "Rumah Aman Pelangi");
        assert_eq!(names("lbh")[0], "LBH Metro Adil");
        // By type and by service, not only by name.
        assert!(names("bantuan hukum").contains(&"LBH Metro Adil".to_string()));
        assert_eq!(names("dinsos")[0], "Dinas Sosial Kota Metro");
    }

    /// The ranking as first written: every admitted agency scored on name and haystack, sorted
    /// by comparing names. The index's shortcuts must give exactly this.
    fn reference(agencies: &[Agency], q: &str) -> Vec<(usize, u32)> {
        let pattern = Pattern::parse(q, CaseMatching::Ignore, Normalization::Smart);
        let mut m = Matcher::new(Config::DEFAULT);
        let mut hits: Vec<(usize, u32)> = Vec::new();
        for (i, a) in agencies.iter().enumerate() {
            let hay = Utf32String::from(a.haystack(Lang::Id).as_str());
            let name = Utf32String::from(a.name.as_str());
            let Some(h) = pattern.score(hay.slice(..), &mut m) else {
                continue;
            };
            let score = match pattern.score(name.slice(..), &mut m) {
                Some(n) => n.saturating_mul(2).max(h),
                None => h,
            };
            hits.push((i, score));
        }
        hits.sort_by(|a, b| {
            let (x, y) = (&agencies[a.0], &agencies[b.0]);
            y.active
                .cmp(&x.active)
                .then(b.1.cmp(&a.1))
                .then_with(|| x.name.len().cmp(&y.name.len()))
                .then_with(|| x.name.cmp(&y.name))
        });
        hits
    }

    #[test]
    fn typing_letter_by_letter_ranks_as_a_full_search() {
        let mut store = crate::store::Store::open_in_memory().unwrap();
        let o = crate::tasks::demo::DemoOptions {
            cases: 0,
            // Above PARALLEL_FROM, so the two-thread scoring is checked too.
            agencies: 2500,
            seed: 3,
            as_of: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        };
        crate::tasks::demo::fill(&mut store, "PPA", o).unwrap();
        let mut d = store.agencies().unwrap();
        d.extend(directory());
        d[5].active = false;
        let mut ix = Index::new(&d, Lang::Id);
        let f = DirectoryFilter::default();
        for q in [
            "polres",
            "rumah aman",
            "psikolog",
            "lbh metro",
            "p",
            "po s",
            "dinsos 2",
        ] {
            for end in 1..=q.len() {
                let prefix = &q[..end];
                // Only the main ranking: short or strong queries, where no typo pass runs.
                let got: Vec<(usize, u32)> = ix
                    .rank(&d, prefix.trim(), &f)
                    .iter()
                    .map(|h| (h.index, h.score))
                    .collect();
                assert_eq!(got, reference(&d, prefix.trim()), "query {prefix:?}");
                // And a fresh index (no previous query) agrees.
                let mut fresh = Index::new(&d, Lang::Id);
                let again: Vec<usize> = fresh
                    .search(&d, prefix, &f)
                    .iter()
                    .map(|h| h.index)
                    .collect();
                let typed: Vec<usize> = ix.search(&d, prefix, &f).iter().map(|h| h.index).collect();
                assert_eq!(typed, again, "query {prefix:?}");
            }
        }
    }

    #[test]
    fn a_text_skipped_for_missing_letters_never_matches() {
        let mut d = directory();
        d[0].name = "Klinik Psikologi Ébène 24 jam".into();
        let mut m = Matcher::new(Config::DEFAULT);
        for q in [
            "polres",
            "olres",
            "psikilogi",
            "sikilogi",
            "ebene",
            "24",
            "aman rmh",
            "zz",
        ] {
            let p = Pattern::parse(q, CaseMatching::Ignore, Normalization::Smart);
            for a in &d {
                for text in [a.name.clone(), a.haystack(Lang::Id)] {
                    let t = Utf32String::from(text.as_str());
                    if p.score(t.slice(..), &mut m).is_some() {
                        assert_eq!(letters(&text) & needed(q), needed(q), "{q:?} in {text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn one_mistyped_letter_still_finds_it() {
        assert_eq!(names("polers")[0], "Unit PPA Polres Metro");
        assert_eq!(names("psikilogi")[0], "Biro Psikologi Harapan");
        assert!(names("zzzzqqq").is_empty());
    }

    #[test]
    fn matched_letters_are_reported_in_the_name() {
        let d = directory();
        let mut ix = Index::new(&d, Lang::Id);
        let mut hits = ix.search(&d, "polres", &DirectoryFilter::default());
        ix.highlight("polres", &mut hits[..1]);
        let first = &hits[0];
        let lit: String = d[first.index]
            .name
            .chars()
            .enumerate()
            .filter(|(i, _)| first.name_matches.contains(&(*i as u32)))
            .map(|(_, c)| c)
            .collect();
        assert_eq!(lit.to_lowercase(), "polres");
    }

    #[test]
    fn filters_narrow_by_service_area_and_opening_hours() {
        let mut d = directory();
        d[0].hours = Week::parse("Sen-Min 24 jam").unwrap();
        d[1].hours = Week::parse("Sen-Jum 08.00-16.00").unwrap();
        d[3].active = false;
        let mut ix = Index::new(&d, Lang::Id);
        let monday_night = NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(21, 0, 0)
            .unwrap();
        let f = DirectoryFilter {
            open_at: Some(monday_night),
            ..Default::default()
        };
        let open: Vec<_> = ix.search(&d, "", &f).iter().map(|h| h.index).collect();
        assert_eq!(open, vec![0]);
        let f = DirectoryFilter {
            service: Some("penegakan_hukum".into()),
            area: Some("18.72.01.1001".into()),
            ..Default::default()
        };
        assert_eq!(ix.search(&d, "", &f).len(), 2);
        let f = DirectoryFilter {
            area: Some("18.72.02".into()),
            ..Default::default()
        };
        // The psychologist serves only Metro Pusat (18.72.01).
        assert!(!ix.search(&d, "", &f).iter().any(|h| h.index == 2));
        // Inactive agencies come last, and can be left out.
        let all = ix.search(&d, "", &DirectoryFilter::default());
        assert_eq!(all.last().unwrap().index, 3);
        let f = DirectoryFilter {
            active_only: true,
            ..Default::default()
        };
        assert!(!ix.search(&d, "", &f).iter().any(|h| h.index == 3));
    }

    #[test]
    fn hours_parse_format_and_round_trip() {
        let w = Week::parse("Sen-Jum 08.00-16.00; Sab 08:00–12:00").unwrap();
        assert_eq!(
            w.0[0],
            Some(Opening {
                opens: 480,
                closes: 960
            })
        );
        assert_eq!(w.0[6], None);
        assert_eq!(w.format(Lang::Id), "Sen-Jum 08.00–16.00; Sab 08.00–12.00");
        assert_eq!(Week::parse(&w.format(Lang::Id)).unwrap(), w);
        assert_eq!(Week::parse(&w.format(Lang::En)).unwrap(), w);
        assert_eq!(
            Week::parse("Monday,Wed 9-15").unwrap().0[2].unwrap().opens,
            540
        );
        assert_eq!(
            Week::parse("Sen 16.00-08.00"),
            Err("Sen 16.00-08.00".into())
        );
        assert_eq!(Week::parse("Jum-Sen 08-12"), Err("Jum-Sen 08-12".into()));
        assert!(Week::parse("").unwrap().is_empty());
        let at = |h, m| {
            NaiveDate::from_ymd_opt(2026, 11, 28) // a Saturday
                .unwrap()
                .and_hms_opt(h, m, 0)
                .unwrap()
        };
        assert!(w.is_open(at(11, 59)));
        assert!(!w.is_open(at(12, 0)));
    }

    #[test]
    fn check_names_what_is_wrong() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut a = agency(" ", "polisi", &["pijat"], &["99.99"]);
        a.phones = vec!["12ab".into()];
        a.email = "p2tp2a@".into();
        a.verified = today.succ_opt();
        assert_eq!(
            a.check(today),
            vec![
                AgencyIssue::NameRequired,
                AgencyIssue::UnknownKind("polisi".into()),
                AgencyIssue::UnknownService("pijat".into()),
                AgencyIssue::UnknownArea("99.99".into()),
                AgencyIssue::BadPhone("12ab".into()),
                AgencyIssue::BadEmail("p2tp2a@".into()),
                AgencyIssue::VerifiedInFuture,
            ]
        );
        assert!(directory()[1].check(today).is_empty());
    }

    #[test]
    fn clean_strips_controls_and_duplicates() {
        let mut a = agency(
            " LBH\u{1b}[2J  Adil ",
            "bantuan_hukum",
            &["x", "x", " "],
            &[],
        );
        a.phones = vec![
            "0812-3456-7890".into(),
            "".into(),
            "+62 812 3456 7890".into(),
        ];
        a.clean();
        assert!(!a.name.contains('\u{1b}'));
        assert_eq!(a.services, vec!["x"]);
        assert_eq!(a.phones, vec!["081234567890"]);
    }
}
