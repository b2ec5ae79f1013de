//! Scrolling part of the screen instead of repainting it, for `term::Lean`.
//!
//! A Tab that moves the intake form down one field repaints every row of the form (1.1–1.4 KB,
//! over a second at 9600 baud) although each row only moved up. When a band of whole rows of
//! the new frame is the old screen shifted by a few rows, the terminal can shift them itself:
//! a scroll region (DECSTBM, `CSI top;bottom r`), a scroll up or down within it (SU `CSI n S`
//! / SD `CSI n T`), and the region reset (`CSI r`) — about 14 bytes — and then only the cells
//! that still differ are sent. `Lean` encodes both ways and sends the shorter.
//!
//! Rows are compared whole: a scroll region spans the full width, so a band qualifies only
//! when everything in its rows moved together (the form's rows do; a list beside a fixed pane
//! does not, and is then diffed as before).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Scroll no further than this: beyond it the search costs more than the frames it saves.
const MAX_SHIFT: u16 = 12;

/// Rows `top..=bottom` (0-based) scrolled by `by` rows: positive up (SU: the content moves
/// up, blank rows enter at the bottom), negative down (SD).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scroll {
    pub top: u16,
    pub bottom: u16,
    pub by: i16,
}

fn row_eq(a: &Buffer, ay: u16, b: &Buffer, by: u16) -> bool {
    let w = a.area.width;
    (0..w).all(|x| a.cell((x, ay)) == b.cell((x, by)))
}

/// The scroll that fixes the most rows of `old` (rows that then equal `new` and did not
/// before, less those it breaks): a run of rows where `new[y] == old[y + k]` (up) or
/// `new[y] == old[y - k]` (down), with the `k` blank rows it brings in. None when no scroll
/// fixes two rows or more.
pub fn find(old: &Buffer, new: &Buffer) -> Option<Scroll> {
    if old.area != new.area || old.area.x != 0 || old.area.y != 0 {
        return None;
    }
    let h = old.area.height;
    let w = old.area.width;
    let same: Vec<bool> = (0..h).map(|y| row_eq(new, y, old, y)).collect();
    let blank_cell = ratatui::buffer::Cell::default();
    let blank: Vec<bool> = (0..h)
        .map(|y| (0..w).all(|x| new.cell((x, y)) == Some(&blank_cell)))
        .collect();
    // What a row brought in blank does: fixes it when the new row is blank, breaks it when
    // it was right.
    let entering = |y: u16| i32::from(blank[usize::from(y)]) - i32::from(same[usize::from(y)]);
    let mut best: Option<(i32, Scroll)> = None;
    for k in 1..=MAX_SHIFT.min(h.saturating_sub(1)) {
        for up in [true, false] {
            // new[y] shows old[src(y)] for y in the band.
            let src = |y: u16| if up { y + k } else { y - k };
            let ys: Vec<u16> = if up {
                (0..h - k).collect()
            } else {
                (k..h).collect()
            };
            let close = |start: u16, end: u16, gained: i32, best: &mut Option<(i32, Scroll)>| {
                // The region: the matched rows and the k rows scrolled in beside them.
                let (s, entered) = if up {
                    let s = Scroll {
                        top: start,
                        bottom: end + k,
                        by: k as i16,
                    };
                    (s, end + 1..=end + k)
                } else {
                    let s = Scroll {
                        top: start - k,
                        bottom: end,
                        by: -(k as i16),
                    };
                    (s, start - k..=start - 1)
                };
                let score = gained + entered.map(entering).sum::<i32>();
                if score >= 2 && best.as_ref().is_none_or(|(g, _)| score > *g) {
                    *best = Some((score, s));
                }
            };
            let mut run: Option<(u16, i32)> = None;
            let mut last = 0;
            for &y in &ys {
                if row_eq(new, y, old, src(y)) {
                    let (start, gained) = run.unwrap_or((y, 0));
                    run = Some((start, gained + i32::from(!same[usize::from(y)])));
                    last = y;
                } else if let Some((start, gained)) = run.take() {
                    close(start, last, gained, &mut best);
                }
            }
            if let Some((start, gained)) = run {
                close(start, last, gained, &mut best);
            }
        }
    }
    best.map(|(_, s)| s)
}

/// `old` as the terminal shows it after `s`: the band's rows moved, blank rows (a space in
/// the plain pen, what a scroll brings in when the pen is plain) where they left.
pub fn apply(old: &Buffer, s: Scroll) -> Buffer {
    let mut out = old.clone();
    let w = old.area.width;
    let blank = ratatui::buffer::Cell::default();
    for y in s.top..=s.bottom {
        let from = i32::from(y) + i32::from(s.by);
        for x in 0..w {
            let c = if (i32::from(s.top)..=i32::from(s.bottom)).contains(&from) {
                old.cell((x, from as u16)).cloned().unwrap_or_default()
            } else {
                blank.clone()
            };
            if let Some(cell) = out.cell_mut((x, y)) {
                *cell = c;
            }
        }
    }
    out
}

/// The bytes that make the terminal scroll: region, scroll, region reset. The pen must be
/// plain (the rows brought in take the pen's background), and the cursor's position is
/// unknown after (DECSTBM homes it on most terminals, not all).
pub fn sequence(s: Scroll, height: u16, buf: &mut Vec<u8>) {
    let whole = s.top == 0 && s.bottom + 1 == height;
    if !whole {
        buf.extend_from_slice(format!("\x1b[{};{}r", s.top + 1, s.bottom + 1).as_bytes());
    }
    let n = s.by.unsigned_abs();
    let n = if n == 1 { String::new() } else { n.to_string() };
    let op = if s.by > 0 { 'S' } else { 'T' };
    buf.extend_from_slice(format!("\x1b[{n}{op}").as_bytes());
    if !whole {
        buf.extend_from_slice(b"\x1b[r");
    }
}

/// The cells of `new` that differ from `base`, in row-major order, as `Backend::draw` takes
/// them.
pub fn diff<'a>(base: &Buffer, new: &'a Buffer) -> Vec<(u16, u16, &'a ratatui::buffer::Cell)> {
    let Rect { width, height, .. } = new.area;
    let mut out = Vec::new();
    for y in 0..height {
        for x in 0..width {
            let n = &new[(x, y)];
            if base.cell((x, y)) != Some(n) {
                out.push((x, y, n));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(rows: &[&str]) -> Buffer {
        let w = rows.iter().map(|r| r.len()).max().unwrap_or(1) as u16;
        let mut b = Buffer::empty(Rect::new(0, 0, w, rows.len() as u16));
        for (y, r) in rows.iter().enumerate() {
            b.set_string(0, y as u16, r, ratatui::style::Style::default());
        }
        b
    }

    #[test]
    fn a_band_moved_up_one_row_is_found_and_applied() {
        let old = lines(&["head", "a1", "b2", "c3", "d4", "foot"]);
        let new = lines(&["head", "b2", "c3", "d4", "e5", "foot"]);
        let s = find(&old, &new).unwrap();
        assert_eq!(
            s,
            Scroll {
                top: 1,
                bottom: 4,
                by: 1
            }
        );
        let after = apply(&old, s);
        // Only the row brought in is left to draw.
        let left: Vec<u16> = diff(&after, &new).iter().map(|(_, y, _)| *y).collect();
        assert!(left.iter().all(|y| *y == 4), "{left:?}");
    }

    #[test]
    fn a_band_moved_down_two_rows_is_found() {
        let old = lines(&["head", "c3", "d4", "e5", "f6", "foot"]);
        let new = lines(&["head", "a1", "b2", "c3", "d4", "foot"]);
        let s = find(&old, &new).unwrap();
        assert_eq!(
            s,
            Scroll {
                top: 1,
                bottom: 4,
                by: -2
            }
        );
        // Only the two rows brought in are left to draw.
        let left: Vec<u16> = diff(&apply(&old, s), &new)
            .iter()
            .map(|(_, y, _)| *y)
            .collect();
        assert!(left.iter().all(|y| [1, 2].contains(y)), "{left:?}");
    }

    #[test]
    fn unchanged_or_unrelated_screens_do_not_scroll() {
        let old = lines(&["head", "a1", "b2", "c3", "foot"]);
        assert_eq!(find(&old, &old), None);
        let other = lines(&["head", "x9", "y8", "z7", "foot"]);
        assert_eq!(find(&old, &other), None);
    }
}
