//! Cleaning of text typed or imported by a person.
//!
//! Text reaches the database from key presses, pastes and imports. Anything that a terminal
//! would interpret (escape sequences, C0/C1 controls) or that reorders what the reader sees
//! (bidi overrides and isolates) is removed before it is stored, so a name can never repaint
//! a colleague's screen or disguise itself. The same cleaning runs again on every path that
//! prints outside ratatui.

/// Bidi formatting characters that let text display in a different order than it is stored
/// (the "Trojan Source" family), plus the Arabic letter mark.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Removes escape sequences, control characters and bidi controls. Keeps newlines only when
/// `multiline`; tabs become a space so columns stay predictable.
fn clean(input: &str, multiline: bool) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape_sequence(&mut chars),
            // C1 CSI / OSC / DCS / etc.: consume the sequence they introduce, as for ESC.
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\r' => {
                if multiline {
                    if chars.peek() != Some(&'\n') {
                        out.push('\n');
                    }
                } else {
                    out.push(' ');
                }
            }
            // LINE and PARAGRAPH SEPARATOR end a line in Unicode (pasted from Word or a web
            // page) but not in a terminal, where the text after them vanished from view.
            '\n' | '\u{2028}' | '\u{2029}' => out.push(if multiline { '\n' } else { ' ' }),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c if is_bidi_control(c) => {}
            // Non-characters and the replacement for lone surrogates say nothing to a reader.
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => {
            chars.next();
            skip_string(chars);
        }
        // Two-character escapes (ESC c, ESC 7, …) and charset selections (ESC ( B).
        Some('(') | Some(')') | Some('*') | Some('+') => {
            chars.next();
            chars.next();
        }
        Some(c) if ('\u{20}'..='\u{7e}').contains(c) => {
            chars.next();
        }
        _ => {}
    }
}

/// CSI: parameter and intermediate bytes, then one final byte in @..~.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
        if !('\u{20}'..='\u{3f}').contains(&c) {
            break;
        }
    }
}

/// OSC/DCS/APC/PM/SOS: everything up to BEL or ST (ESC \ or U+009C).
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

/// Cleans one-line text (names, phone numbers, addresses).
pub fn clean_line(input: &str) -> String {
    clean(input, false)
}

/// Characters that take no room on screen: zero-width space and joiners, word joiner and the
/// invisible operators, the byte-order mark, soft hyphen, Mongolian vowel separator,
/// combining grapheme joiner and the Hangul fillers.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{180E}'
            | '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{3164}'
            | '\u{FFA0}'
    )
}

/// Cleans a person's or an agency's name: as [`clean_line`], and without invisible
/// characters, so two names that look the same are the same (a name with a zero-width space
/// would escape a duplicate check and a search). Not for free text, where a zero-width joiner
/// holds an emoji together.
pub fn clean_name(input: &str) -> String {
    clean_line(input)
        .chars()
        .filter(|c| !is_invisible(*c))
        .collect()
}

/// `s` cut to `width` terminal columns (an ellipsis marks the cut) and padded to exactly
/// `width`, so a 10,000-character name cannot break a table's columns.
pub fn fit(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    let mut out = String::new();
    let mut used = 0;
    if total <= width {
        out.push_str(s);
        used = total;
    } else if width > 0 {
        for c in s.chars() {
            let w = c.width().unwrap_or(0);
            if used + w + 1 > width {
                break;
            }
            out.push(c);
            used += w;
        }
        out.push('…');
        used += 1;
    }
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

/// Cleans multi-line text (chronology, notes): newlines kept, CRLF folded to LF.
pub fn clean_multiline(input: &str) -> String {
    clean(input, true)
}

/// Initials for boards and lists: "Siti Nur Aminah" → "S.N.A.". Never more than four letters,
/// so a long name cannot be read back from its initials.
pub fn initials(name: &str) -> String {
    let mut out = String::new();
    for word in name.split_whitespace().take(4) {
        if let Some(c) = word.chars().find(|c| c.is_alphanumeric()) {
            out.extend(c.to_uppercase());
            out.push('.');
        }
    }
    if out.is_empty() { "?".into() } else { out }
}

/// A NIK as lists and screens show it until revealed: the province and regency (the first
/// four digits) and the last four, `3372••••••••0001`. Anything too short to mask is hidden
/// whole.
pub fn mask_nik(nik: &str) -> String {
    let chars: Vec<char> = nik.chars().filter(|c| !c.is_whitespace()).collect();
    if chars.len() < 9 {
        return "•".repeat(chars.len().max(4));
    }
    let n = chars.len();
    chars[..4]
        .iter()
        .chain(std::iter::repeat_n(&'•', n - 8))
        .chain(&chars[n - 4..])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A corpus of strings that must never reach a terminal intact.
    const HOSTILE: &[&str] = &[
        "\u{1b}[2J\u{1b}[HSiti",
        "Siti\u{1b}]0;pwned\u{7}",
        "Siti\u{1b}]52;c;ZXZpbA==\u{1b}\\",
        "\u{9b}31mSiti",
        "Si\u{0}ti\u{7}\u{8}",
        "\u{202E}itiS",
        "\u{2066}Siti\u{2069}",
        "Siti\u{1b}P+q544e\u{1b}\\",
        "Siti\u{85}\u{9c}",
    ];

    #[test]
    fn hostile_strings_lose_every_control_and_keep_the_words() {
        for s in HOSTILE {
            let c = clean_line(s);
            assert!(
                !c.chars().any(|ch| ch.is_control() || is_bidi_control(ch)),
                "{s:?} -> {c:?}"
            );
            assert!(c.contains("Siti") || c.contains("itiS"), "{s:?} -> {c:?}");
            assert!(
                !c.contains("pwned") && !c.contains("ZXZpbA"),
                "{s:?} -> {c:?}"
            );
        }
    }

    #[test]
    fn newlines_are_kept_only_in_multiline_text() {
        assert_eq!(clean_line("a\nb\r\nc"), "a b  c");
        assert_eq!(clean_multiline("a\nb\r\nc\rd"), "a\nb\nc\nd");
        assert_eq!(clean_multiline("a\tb"), "a b");
    }

    #[test]
    fn line_and_paragraph_separators_are_newlines() {
        assert_eq!(
            clean_multiline("satu\u{2028}dua\u{2029}tiga"),
            "satu\ndua\ntiga"
        );
        assert_eq!(clean_line("satu\u{2028}dua"), "satu dua");
    }

    #[test]
    fn names_lose_invisible_characters() {
        assert_eq!(
            clean_name("Si\u{200B}ti\u{200D} Ami\u{FEFF}nah\u{2060}"),
            "Siti Aminah"
        );
        assert_eq!(clean_name("Bu\u{00AD}di"), "Budi");
        // Free text keeps its joiners (an emoji family is one picture).
        assert_eq!(clean_line("👩\u{200D}👧"), "👩\u{200D}👧");
    }

    #[test]
    fn fit_cuts_and_pads_to_columns() {
        assert_eq!(fit("Ani", 6), "Ani   ");
        assert_eq!(fit("Anindita", 6), "Anind…");
        assert_eq!(fit("名字名字", 5), "名字…");
        assert_eq!(fit(&"x".repeat(10_000), 24).chars().count(), 24);
    }

    #[test]
    fn ordinary_text_is_untouched() {
        for s in [
            "Siti Aminah",
            "Ni Luh Putu Ayu",
            "O'Neil — 🙂 ‍👩‍👧",
            "Jl. Merdeka No. 5, RT 02/RW 03",
        ] {
            assert_eq!(clean_line(s), *s);
        }
    }

    #[test]
    fn initials_hide_the_name() {
        assert_eq!(initials("Siti Nur Aminah"), "S.N.A.");
        assert_eq!(initials("  budi  "), "B.");
        assert_eq!(initials(""), "?");
        assert_eq!(initials("a b c d e f"), "A.B.C.D.");
        assert_eq!(initials("'ayu"), "A.");
    }

    #[test]
    fn a_nik_is_masked_to_its_region_and_last_four() {
        assert_eq!(mask_nik("3372015205900001"), "3372••••••••0001");
        assert_eq!(mask_nik("3372 0152 0590 0001"), "3372••••••••0001");
        assert_eq!(mask_nik("12345"), "•••••");
        assert_eq!(mask_nik(""), "••••");
    }
}
