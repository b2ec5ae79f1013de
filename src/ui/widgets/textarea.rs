//! A small multi-line editor for the chronology and notes: soft-wrapped to the field's
//! width, with the cursor kept on a character boundary. tui-input covers one line only.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthChar;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Changed,
    Moved,
    /// ↑ on the first row or ↓ on the last: the form moves focus.
    LeaveUp,
    LeaveDown,
    Ignored,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextArea {
    text: String,
    /// Byte offset, always on a char boundary.
    cursor: usize,
}

/// One display row: the byte range of `text` it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
}

impl TextArea {
    pub fn new(text: &str) -> Self {
        TextArea {
            text: text.to_string(),
            cursor: text.len(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn insert_str(&mut self, s: &str) {
        self.text.insert_str(self.cursor, s);
        self.cursor += s.len();
    }

    /// Soft-wraps into rows no wider than `width` cells; a hard newline always ends a row.
    pub fn rows(&self, width: usize) -> Vec<Row> {
        wrap(&self.text, width)
    }

    /// The cursor as (row, column in cells) within `rows(width)`.
    pub fn cursor_pos(&self, width: usize) -> (usize, usize) {
        let rows = self.rows(width);
        cursor_in(&self.text, &rows, self.cursor)
    }

    pub fn handle(&mut self, key: &KeyEvent, width: usize) -> Edit {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char(c) if !ctrl => {
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
                Edit::Changed
            }
            KeyCode::Enter => {
                self.text.insert(self.cursor, '\n');
                self.cursor += 1;
                Edit::Changed
            }
            KeyCode::Backspace => match self.text[..self.cursor].chars().next_back() {
                Some(c) => {
                    self.cursor -= c.len_utf8();
                    self.text.remove(self.cursor);
                    Edit::Changed
                }
                None => Edit::Moved,
            },
            KeyCode::Delete => {
                if self.cursor < self.text.len() {
                    self.text.remove(self.cursor);
                    Edit::Changed
                } else {
                    Edit::Moved
                }
            }
            KeyCode::Left => {
                if let Some(c) = self.text[..self.cursor].chars().next_back() {
                    self.cursor -= c.len_utf8();
                }
                Edit::Moved
            }
            KeyCode::Right => {
                if let Some(c) = self.text[self.cursor..].chars().next() {
                    self.cursor += c.len_utf8();
                }
                Edit::Moved
            }
            KeyCode::Home => {
                let rows = self.rows(width);
                let (r, _) = cursor_in(&self.text, &rows, self.cursor);
                self.cursor = rows[r].start;
                Edit::Moved
            }
            KeyCode::End => {
                let rows = self.rows(width);
                let (r, _) = cursor_in(&self.text, &rows, self.cursor);
                self.cursor = rows[r].end;
                Edit::Moved
            }
            KeyCode::Up | KeyCode::Down => {
                let rows = self.rows(width);
                let (r, col) = cursor_in(&self.text, &rows, self.cursor);
                let target = if key.code == KeyCode::Up {
                    if r == 0 {
                        return Edit::LeaveUp;
                    }
                    r - 1
                } else {
                    if r + 1 >= rows.len() {
                        return Edit::LeaveDown;
                    }
                    r + 1
                };
                self.cursor = offset_at_col(&self.text, rows[target], col);
                Edit::Moved
            }
            _ => Edit::Ignored,
        }
    }
}

/// Rows break after the last space that fits, so words stay whole (issue 16: "dipuk-ul");
/// a word longer than the row is cut where the row ends. Rows stay contiguous byte ranges
/// (a space that ends a row belongs to it), which the cursor arithmetic relies on.
fn wrap(text: &str, width: usize) -> Vec<Row> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut start = 0;
    let mut used = 0;
    // Just after the last space in the current row: where it may break.
    let mut space: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            rows.push(Row { start, end: i });
            start = i + 1;
            used = 0;
            space = None;
            continue;
        }
        let w = c.width().unwrap_or(0);
        if used + w > width && i > start {
            // A space that does not fit starts the next row rather than overhang this one.
            let end = if c == ' ' { i } else { space.unwrap_or(i) };
            rows.push(Row { start, end });
            start = end;
            used = text[start..i].chars().map(|c| c.width().unwrap_or(0)).sum();
            space = None;
        }
        used += w;
        if c == ' ' {
            space = Some(i + 1);
        }
    }
    rows.push(Row {
        start,
        end: text.len(),
    });
    rows
}

fn cursor_in(text: &str, rows: &[Row], cursor: usize) -> (usize, usize) {
    // A cursor at a soft-wrap boundary belongs to the later row; at a hard newline's end, to
    // the row the newline ends.
    let mut r = 0;
    for (i, row) in rows.iter().enumerate() {
        if cursor >= row.start && cursor <= row.end {
            r = i;
            if cursor < row.end {
                break;
            }
        }
    }
    let row = rows[r];
    let col = text[row.start..cursor.clamp(row.start, row.end)]
        .chars()
        .map(|c| c.width().unwrap_or(0))
        .sum();
    (r, col)
}

fn offset_at_col(text: &str, row: Row, col: usize) -> usize {
    let mut used = 0;
    for (i, c) in text[row.start..row.end].char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > col {
            return row.start + i;
        }
        used += w;
    }
    row.end
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEvent;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn typed(s: &str) -> TextArea {
        let mut t = TextArea::new("");
        for c in s.chars() {
            let code = if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            t.handle(&key(code), 10);
        }
        t
    }

    #[test]
    fn typing_and_enter_make_lines() {
        let t = typed("ab\ncd");
        assert_eq!(t.text(), "ab\ncd");
        assert_eq!(t.rows(10).len(), 2);
        assert_eq!(t.cursor_pos(10), (1, 2));
    }

    #[test]
    fn long_lines_wrap_and_the_cursor_follows() {
        let t = typed("0123456789abc");
        let rows = t.rows(10);
        assert_eq!(rows.len(), 2);
        assert_eq!(&t.text()[rows[1].start..rows[1].end], "abc");
        assert_eq!(t.cursor_pos(10), (1, 3));
    }

    #[test]
    fn up_and_down_keep_the_column_and_leave_at_the_edges() {
        let mut t = typed("abcd\nxy");
        assert_eq!(t.handle(&key(KeyCode::Down), 10), Edit::LeaveDown);
        assert_eq!(t.handle(&key(KeyCode::Up), 10), Edit::Moved);
        assert_eq!(t.cursor_pos(10), (0, 2));
        assert_eq!(t.handle(&key(KeyCode::Up), 10), Edit::LeaveUp);
    }

    #[test]
    fn backspace_removes_whole_characters() {
        let mut t = typed("é🙂");
        t.handle(&key(KeyCode::Backspace), 10);
        assert_eq!(t.text(), "é");
        t.handle(&key(KeyCode::Left), 10);
        t.handle(&key(KeyCode::Delete), 10);
        assert_eq!(t.text(), "");
        assert_eq!(t.handle(&key(KeyCode::Backspace), 10), Edit::Moved);
    }

    #[test]
    fn rows_break_between_words_and_cut_only_a_word_longer_than_the_row() {
        let t = TextArea::new("Korban dipukul ayahnya berulang kali sejak 2019");
        let shown: Vec<&str> = t
            .rows(12)
            .iter()
            .map(|r| &t.text()[r.start..r.end])
            .collect();
        assert_eq!(
            shown,
            [
                "Korban ",
                "dipukul ",
                "ayahnya ",
                "berulang ",
                "kali sejak ",
                "2019"
            ]
        );
        for r in t.rows(12) {
            assert!(t.text()[r.start..r.end].chars().count() <= 12);
        }
        let long = TextArea::new("abcdefghijklmnop qr");
        let shown: Vec<&str> = long
            .rows(6)
            .iter()
            .map(|r| &long.text()[r.start..r.end])
            .collect();
        assert_eq!(shown, ["abcdef", "ghijkl", "mnop ", "qr"]);
    }

    #[test]
    fn wide_characters_never_overflow_the_width() {
        let t = typed("🙂🙂🙂🙂🙂🙂");
        for r in t.rows(5) {
            let w: usize = t.text()[r.start..r.end]
                .chars()
                .map(|c| c.width().unwrap_or(0))
                .sum();
            assert!(w <= 5);
        }
    }
}
