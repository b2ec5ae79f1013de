//! The case search index (FTS5): case number, every person's name, NIK and phone, and the words
//! of the chronology and notes. Rebuilt per case inside the transaction that changes it.
//!
//! Names are found as people write them (issue 16 point 17): each name word is indexed in
//! its folded spelling too (`domain::spelling`), and `name_keys` finds the folded words one
//! typo away from a typed word, which then join the query as alternatives.

use rusqlite::OptionalExtension;
use rusqlite::{Connection, params};

use super::Store;
use crate::domain::spelling;
use crate::domain::validate::normalize_phone;
use crate::error::Result;

/// Re-indexes one case from its stored rows.
pub(crate) fn reindex(c: &Connection, case_id: i64) -> rusqlite::Result<()> {
    let (number, seq, chronology): (String, i64, String) = c.query_row(
        "SELECT number, seq, chronology FROM cases WHERE id = ?1",
        [case_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let mut people = String::new();
    let mut ids = seq.to_string();
    let mut st = c.prepare_cached(
        "SELECT name, coalesce(nik, ''), coalesce(phone, ''), guardian FROM persons WHERE case_id = ?1",
    )?;
    let mut rows = st.query([case_id])?;
    while let Some(r) = rows.next()? {
        let name: String = r.get(0)?;
        let guardian: String = r.get(3)?;
        people.push_str(&name);
        people.push(' ');
        people.push_str(&guardian);
        people.push(' ');
        for i in [r.get::<_, String>(1)?, r.get::<_, String>(2)?] {
            ids.push(' ');
            ids.push_str(&i);
        }
    }
    // The folded spellings beside the names, so that a folded query word finds them; and
    // their keys, so that a typo finds them.
    let mut keys =
        c.prepare_cached("INSERT OR IGNORE INTO name_keys (key, fold) VALUES (?1, ?2)")?;
    for fold in spelling::name_words(&people) {
        for key in spelling::keys(&fold) {
            keys.execute(params![key, fold])?;
        }
        people.push(' ');
        people.push_str(&fold);
    }
    let mut story = chronology;
    let mut st = c.prepare_cached("SELECT body FROM case_notes WHERE case_id = ?1")?;
    let mut rows = st.query([case_id])?;
    while let Some(r) = rows.next()? {
        story.push('\n');
        story.push_str(&r.get::<_, String>(0)?);
    }
    c.prepare_cached("DELETE FROM case_search WHERE rowid = ?1")?
        .execute([case_id])?;
    c.prepare_cached(
        "INSERT INTO case_search (rowid, number, people, ids, story) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![case_id, number, people, ids, story])?;
    Ok(())
}

/// Turns what a person typed into an FTS5 query: every word must match as a prefix. Quotes
/// make each word a literal, so FTS syntax typed by accident (or on purpose) is not run.
pub fn fts_query(input: &str) -> Option<String> {
    fts_query_with(input, |_| Vec::new())
}

/// As `fts_query`, with a name word also matching its folded spelling as a prefix and the
/// folded words `typos` gives for it (whole words, one typo away).
fn fts_query_with(input: &str, typos: impl Fn(&str) -> Vec<String>) -> Option<String> {
    let mut terms = Vec::new();
    // A phone number in any spelling is searched in the stored national form.
    if let Ok(p) = normalize_phone(input)
        && input.chars().filter(|c| c.is_ascii_digit()).count() >= 6
    {
        return Some(format!("\"{p}\"*"));
    }
    for word in input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let w = word.to_lowercase();
        // Case numbers are typed without padding ("12" for 0012): match either.
        let trimmed = w.trim_start_matches('0');
        if w.chars().all(|c| c.is_ascii_digit()) && !trimmed.is_empty() && trimmed != w {
            terms.push(format!("(\"{w}\"* OR \"{trimmed}\"*)"));
        } else if w.chars().all(char::is_alphabetic) {
            let fold = spelling::fold(&w);
            let mut alts = vec![format!("\"{w}\"*")];
            if fold != w {
                alts.push(format!("people : \"{fold}\"*"));
            }
            // Only names are folded and matched with a typo: a chronology's words are not.
            alts.extend(
                typos(&fold)
                    .into_iter()
                    .map(|t| format!("people : \"{t}\"")),
            );
            if alts.len() == 1 {
                terms.push(alts.remove(0));
            } else {
                terms.push(format!("({})", alts.join(" OR ")));
            }
        } else {
            terms.push(format!("\"{w}\"*"));
        }
    }
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

/// At most this many spellings one typo away join a typed word in the query.
const MAX_TYPOS: usize = 16;

/// `…/2026/12` or `2026/0012`: a case number's year and sequence, looked up exactly.
fn case_number_query(input: &str) -> Option<(i64, i64)> {
    let mut parts = input.trim().rsplit('/');
    let seq = parts.next()?.trim().parse::<i64>().ok()?;
    let year = parts.next()?.trim();
    if year.len() != 4 {
        return None;
    }
    Some((year.parse().ok()?, seq))
}

impl Store {
    /// Case ids matching `input`, newest first, at most `limit`. Newest first rather than by
    /// rank: the desk usually looks for a recent case, and FTS5 can stop at the limit when
    /// walking rowids, where ranking must score every match (100 ms for one letter at 100k).
    /// The case with exactly this number (case-insensitive), as written on paper files.
    pub fn find_case_number(&self, number: &str) -> Result<Option<i64>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id FROM cases WHERE number = ?1 COLLATE NOCASE",
                [number.trim()],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The indexed folded name words one typo away from the folded word `fold` (not itself:
    /// the prefix match finds that). A handful of indexed look-ups, whatever the size.
    fn typos_of(&self, fold: &str) -> rusqlite::Result<Vec<String>> {
        let keys = spelling::keys(fold);
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let mut st = self
            .conn()
            .prepare_cached("SELECT fold FROM name_keys WHERE key = ?1")?;
        let mut found = Vec::new();
        for k in &keys {
            let mut rows = st.query([k])?;
            while let Some(r) = rows.next()? {
                let f: String = r.get(0)?;
                if f != fold && !found.contains(&f) && spelling::one_typo(fold, &f) {
                    found.push(f);
                }
            }
        }
        // A word shared by many names must not grow the query without bound.
        found.sort_unstable();
        found.truncate(MAX_TYPOS);
        Ok(found)
    }

    pub fn search_cases(&self, input: &str, limit: usize) -> Result<Vec<i64>> {
        if let Some((year, seq)) = case_number_query(input) {
            let mut st = self
                .conn()
                .prepare_cached("SELECT id FROM cases WHERE year = ?1 AND seq = ?2")?;
            return Ok(st
                .query_map(params![year, seq], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<i64>>>()?);
        }
        let Some(q) = fts_query_with(input, |w| self.typos_of(w).unwrap_or_default()) else {
            return Ok(Vec::new());
        };
        let mut st = self.conn().prepare_cached(
            "SELECT rowid FROM case_search WHERE case_search MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
        )?;
        let ids = st
            .query_map(params![q, limit as i64], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(ids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_words_become_quoted_prefixes() {
        assert_eq!(fts_query("siti ami").unwrap(), "\"siti\"* AND \"ami\"*");
        assert_eq!(
            fts_query("PPA/2026/0012").unwrap(),
            "(\"ppa\"* OR people : \"pa\"*) AND \"2026\"* AND (\"0012\"* OR \"12\"*)"
        );
        assert_eq!(
            fts_query("Soekarno").unwrap(),
            "(\"soekarno\"* OR people : \"sukarno\"*)",
            "a name word also in its folded spelling, among names only"
        );
        assert_eq!(fts_query("+62 812-3456-7890").unwrap(), "\"081234567890\"*");
        assert_eq!(
            fts_query("\" OR *").unwrap(),
            "\"or\"*",
            "operators become plain words"
        );
        assert_eq!(fts_query("\"*() -"), None);
        assert_eq!(
            fts_query("NEAR(a b)").unwrap(),
            "\"near\"* AND \"a\"* AND \"b\"*"
        );
    }
}
