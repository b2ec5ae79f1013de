//! How one name is written several ways (issue 16 point 17): a returning client whose name is
//! typed `Angraini` at the desk, or spelled in the old way (`Soekarno`, `Djoko`) on one paper
//! and the new way on another, must still be found, or she becomes a second case.
//!
//! Two rules, both used by the case search and the duplicate warning at intake:
//! - [`fold`] writes a name word in one spelling: the old Indonesian spellings (dj → j,
//!   tj → c, oe → u), doubled letters as one, and a final y as i;
//! - [`one_typo`]: two folded words that differ by one letter added, dropped, changed, or two
//!   neighbours swapped.
//!
//! The store finds the words one typo away without reading every name: it keeps, for each
//! folded word, the word and each way of dropping one of its letters ([`keys`]); two words
//! are at most one typo apart only if these sets meet (the deletion neighbourhood, as in
//! SymSpell), and [`one_typo`] then checks the few words found.

/// Folded words shorter than this are matched by their spelling only, never with a typo:
/// one letter off in `ani` is `adi`, `ana`, `anis` — another person, not a typo.
pub const MIN_TYPO_LEN: usize = 4;

/// The word in one spelling: lower case, old spellings in the new, doubled letters as one,
/// a final `y` as `i`. `Anggraini`, `Angraini` → `angraini`; `Soekarno` → `sukarno`;
/// `Djoko` → `joko`; `Tjahya` → `cahia`; `Hendry` → `hendri`.
pub fn fold(word: &str) -> String {
    let lower = word.to_lowercase();
    // The 1947 and van Ophuijsen spellings still on older documents and in many names.
    let modern = lower
        .replace("dj", "j")
        .replace("tj", "c")
        .replace("oe", "u");
    let mut out = String::with_capacity(modern.len());
    let mut last = None;
    for c in modern.chars() {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    if out.chars().count() > 1 && out.ends_with('y') {
        out.pop();
        out.push('i');
    }
    out
}

/// The name words of `text`, folded: letters only (a NIK or a number is no name), once each.
pub fn name_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.chars().all(char::is_alphabetic))
        .map(fold)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// What the store keeps for a folded word so that words one typo away can be looked up:
/// the word itself and the word with each one letter dropped. Empty for a word too short to
/// be matched with a typo.
pub fn keys(folded: &str) -> Vec<String> {
    let chars: Vec<char> = folded.chars().collect();
    if chars.len() < MIN_TYPO_LEN {
        return Vec::new();
    }
    let mut out = vec![folded.to_string()];
    for i in 0..chars.len() {
        let k: String = chars[..i].iter().chain(&chars[i + 1..]).collect();
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// Whether two folded words are at most one typo apart (one letter added, dropped or
/// changed, or two neighbours swapped). Words too short for a typo must be equal.
pub fn one_typo(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.chars().count().min(b.chars().count()) < MIN_TYPO_LEN {
        return false;
    }
    strsim::osa_distance(a, b) <= 1
}

/// Whether two whole names are the same name as people write it: every folded word of the
/// shorter name matches a word of the other with at most one typo (`Siti Anggraini` and
/// `Siti Angraeni`, `Dewi Anggraini` and `Anggraini`). Empty names match nothing.
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (name_words(a), name_words(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && short.iter().all(|w| long.iter().any(|o| one_typo(w, o)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_spellings_doubled_letters_and_a_final_y_fold_to_one_spelling() {
        assert_eq!(fold("Anggraini"), fold("Angraini"));
        assert_eq!(fold("Soekarno"), fold("Sukarno"));
        assert_eq!(fold("Djoko"), fold("Joko"));
        assert_eq!(fold("Tjahjono"), fold("Cahjono"));
        assert_eq!(fold("Hendry"), fold("Hendri"));
        assert_eq!(fold("Muhammad"), fold("Muhamad"));
        assert_ne!(fold("Yani"), fold("Iani"), "only a final y");
        assert_eq!(fold("Y"), "y");
    }

    #[test]
    fn one_typo_but_not_two_and_not_in_short_words() {
        assert!(one_typo(&fold("Anggraeni"), &fold("Anggraini")));
        assert!(one_typo("lestari", "lestri"));
        assert!(one_typo("lestari", "letsari"), "neighbours swapped");
        assert!(!one_typo("lestari", "lstri"));
        assert!(!one_typo("ani", "adi"));
        assert!(one_typo("ani", "ani"));
        assert!(!one_typo("ani", "anis"));
    }

    #[test]
    fn keys_meet_exactly_when_a_typo_may_separate_two_words() {
        let meet = |a: &str, b: &str| keys(a).iter().any(|k| keys(b).contains(k));
        assert!(meet("angraini", "angraeni"), "a letter changed");
        assert!(meet("angraini", "angrain"), "a letter dropped");
        assert!(meet("lestari", "letsari"), "neighbours swapped");
        assert!(!meet("angraini", "sukarno"));
        assert!(keys("an").is_empty());
        assert!(keys("ani").is_empty());
        assert_eq!(keys("anis").len(), 5);
    }

    #[test]
    fn whole_names_match_word_by_word() {
        assert!(same_name("Siti Anggraini", "siti angraeni"));
        assert!(same_name("Anggraini", "Dewi Angraini"));
        assert!(!same_name("Siti Anggraini", "Siti Rahma"));
        assert!(!same_name("", "Siti"));
    }
}
