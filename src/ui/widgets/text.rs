//! Text measured in terminal cells, not bytes or chars: a wide letter (CJK, emoji) takes two
//! cells, a combining mark none. Every cut of a label or a field goes through here.

/// The longest prefix of `s` that fits in `w` cells.
pub fn truncate(s: &str, w: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw > w {
            break;
        }
        used += cw;
        out.push(c);
    }
    out
}

/// `s` without its first `cells` display cells.
pub fn skip_cells(s: &str, cells: usize) -> String {
    let mut used = 0;
    let mut it = s.chars();
    for c in it.by_ref() {
        if used >= cells {
            return std::iter::once(c).chain(it).collect();
        }
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    }
    String::new()
}
