//! A terminal backend that sends as few bytes as it can, for slow ssh links.
//!
//! ratatui's crossterm backend is stateless between frames: each frame it moves the cursor
//! absolutely for every run of changed cells, resets colours and attributes at the end, and
//! shows and moves the cursor again — about 45 bytes of overhead on a one-letter change, and a
//! screen switch costs more than painting the new screen on a cleared terminal. `Lean` keeps
//! what the terminal already has (the cells on screen, the cursor position and visibility, the
//! current colours and attributes) and writes only the difference:
//!
//! - cursor moves take the shortest form (`CR LF`, relative, column-only or absolute), and
//!   none when the cursor is already there (typing: the cell after the last one drawn);
//! - one SGR sequence per style change, only when the style changes (reset once at the end
//!   of a frame when it is not plain);
//! - a frame that changes most of the screen is sent as clear + repaint when that is shorter;
//! - rows that only moved up or down (the form scrolling) are scrolled by the terminal
//!   (`term_scroll`: a scroll region and SU/SD) when that is shorter;
//! - the cursor is shown, hidden or moved only when that changes;
//! - a whole frame, synchronized-update markers included, leaves in one `write`.
//!
//! Positions are tracked for cells of width 1; after a wide or zero-width symbol, or at the
//! right margin, the next move is absolute, as with the crossterm backend.
//!
//! Over 600 lines with its tests (the last third): the byte counts they pin are what the
//! backend is for, so they stay beside it.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

use super::term_scroll;

/// Begin and end of a synchronized update (mode 2026): the terminal shows the frame whole.
pub const SYNC_BEGIN: &[u8] = b"\x1b[?2026h";
pub const SYNC_END: &[u8] = b"\x1b[?2026l";
/// Frames up to this size leave without the synchronized-update markers (see `end_frame`).
/// Below a TCP segment's payload, so one write is one packet on an ssh link.
pub const SYNC_WORTH: usize = 512;

/// Colours and attributes of the terminal's pen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    const PLAIN: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    fn of(c: &Cell) -> Pen {
        Pen {
            fg: c.fg,
            bg: c.bg,
            underline: c.underline_color,
            modifier: c.modifier,
        }
    }
}

/// What the terminal is known to show and where its cursor and pen are.
#[derive(Debug, Clone, Copy)]
struct State {
    at: Option<Position>,
    pen: Pen,
}

pub struct Lean<W: Write> {
    out: W,
    /// Bytes of the frame being built; written out in one go.
    pending: Vec<u8>,
    /// The cells on the terminal, as last sent.
    shown: Buffer,
    /// False after anything this backend cannot follow (a partial clear): no shortcuts that
    /// rely on `shown` until the next full clear.
    trusted: bool,
    state: State,
    cursor_visible: Option<bool>,
    /// Inside `begin_frame` … `end_frame`: `Backend::flush` waits for the end.
    holding: bool,
    /// Where the frame being built starts in `pending`.
    frame_start: usize,
    fixed: Option<Size>,
    scratch: Vec<u8>,
}

impl<W: Write> Lean<W> {
    /// For the real terminal: its size is asked when needed.
    pub fn new(out: W) -> Lean<W> {
        let size = ratatui::crossterm::terminal::size()
            .map(|(w, h)| Size::new(w, h))
            .unwrap_or(Size::new(80, 24));
        Lean::build(out, size, None)
    }

    /// For a terminal of a known, fixed size (tests and benchmarks).
    pub fn with_size(out: W, width: u16, height: u16) -> Lean<W> {
        let size = Size::new(width, height);
        Lean::build(out, size, Some(size))
    }

    fn build(out: W, size: Size, fixed: Option<Size>) -> Lean<W> {
        Lean {
            out,
            pending: Vec::with_capacity(16 * 1024),
            shown: Buffer::empty(Rect::new(0, 0, size.width, size.height)),
            // What is on the terminal before the first clear is not known.
            trusted: false,
            state: State {
                at: None,
                pen: Pen::PLAIN,
            },
            cursor_visible: None,
            holding: false,
            frame_start: 0,
            fixed,
            scratch: Vec::new(),
        }
    }

    pub fn writer(&self) -> &W {
        &self.out
    }

    /// The writer, to take what was written (tests and benchmarks count it).
    pub fn writer_mut(&mut self) -> &mut W {
        &mut self.out
    }

    /// Starts a frame, written out at `end_frame` in one piece.
    pub fn begin_frame(&mut self) {
        self.frame_start = self.pending.len();
        self.holding = true;
    }

    /// Ends the frame and writes it. The pen is left plain: whatever else reaches the terminal
    /// between frames (a message on leaving, a clear) finds it so, and the next frame's clear
    /// + repaint needs no reset, so it never costs more than painting a fresh terminal.
    ///
    /// Only a frame larger than [`SYNC_WORTH`] is wrapped in a synchronized update: a smaller
    /// one leaves in one `write` that a pty or an ssh channel delivers in one piece, so the
    /// terminal cannot show half of it, and the 16 bytes of markers would be most of a
    /// keystroke's frame (a typed letter: 9 bytes without them).
    pub fn end_frame(&mut self) -> io::Result<()> {
        self.plain_pen();
        let start = self.frame_start.min(self.pending.len());
        if self.pending.len() - start > SYNC_WORTH {
            self.pending
                .splice(start..start, SYNC_BEGIN.iter().copied());
            self.pending.extend_from_slice(SYNC_END);
        }
        self.holding = false;
        self.send()
    }

    /// Leaves the pen plain (before handing the terminal back).
    pub fn plain_pen(&mut self) {
        if self.state.pen != Pen::PLAIN {
            self.pending.extend_from_slice(b"\x1b[0m");
            self.state.pen = Pen::PLAIN;
        }
    }

    fn send(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            self.out.write_all(&self.pending)?;
            self.pending.clear();
        }
        self.out.flush()
    }

    fn width(&self) -> u16 {
        self.shown.area.width
    }
}

/// Appends the shortest move from `from` to `to`.
fn move_to(buf: &mut Vec<u8>, from: Option<Position>, to: Position) {
    let absolute = match (to.x, to.y) {
        (0, 0) => "\x1b[H".to_string(),
        (0, y) => format!("\x1b[{}H", y + 1),
        (x, y) => format!("\x1b[{};{}H", y + 1, x + 1),
    };
    let mut best = absolute;
    if let Some(p) = from {
        let mut consider = |s: String| {
            if s.len() < best.len() {
                best = s;
            }
        };
        let n = |d: u16| if d == 1 { String::new() } else { d.to_string() };
        if p.y == to.y {
            if to.x > p.x {
                consider(format!("\x1b[{}C", n(to.x - p.x)));
            } else if to.x < p.x {
                consider(format!("\x1b[{}D", n(p.x - to.x)));
                if to.x == 0 {
                    consider("\r".into());
                }
            }
            consider(format!("\x1b[{}G", to.x + 1));
        } else {
            if to.y == p.y + 1 && to.x == 0 {
                consider("\r\n".into());
            }
            // Up or down, then along the row: relative moves never scroll, and a short
            // hop to a nearby row is often shorter than the absolute position.
            let vertical = if to.y > p.y {
                format!("\x1b[{}B", n(to.y - p.y))
            } else {
                format!("\x1b[{}A", n(p.y - to.y))
            };
            let mut along = vec![format!("\x1b[{}G", to.x + 1)];
            if to.x == p.x {
                along.push(String::new());
            } else if to.x > p.x {
                along.push(format!("\x1b[{}C", n(to.x - p.x)));
            } else {
                along.push(format!("\x1b[{}D", n(p.x - to.x)));
            }
            if to.x == 0 {
                along.push("\r".into());
            }
            for a in along {
                consider(format!("{vertical}{a}"));
            }
        }
    }
    buf.extend_from_slice(best.as_bytes());
}

fn color_params(c: Color, base: u8, out: &mut Vec<String>) {
    // base 30: foreground, 40: background.
    let named = |i: u8| -> String {
        if i < 8 {
            (base + i).to_string()
        } else {
            (base + 60 + i - 8).to_string()
        }
    };
    out.push(match c {
        Color::Reset => (base + 9).to_string(),
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => named(8),
        Color::LightRed => named(9),
        Color::LightGreen => named(10),
        Color::LightYellow => named(11),
        Color::LightBlue => named(12),
        Color::LightMagenta => named(13),
        Color::LightCyan => named(14),
        Color::White => named(15),
        Color::Indexed(i) => format!("{};5;{i}", base + 8),
        Color::Rgb(r, g, b) => format!("{};2;{r};{g};{b}", base + 8),
    });
}

fn underline_params(c: Color, out: &mut Vec<String>) {
    let index = |i: u8| format!("58;5;{i}");
    out.push(match c {
        Color::Reset => "59".into(),
        Color::Black => index(0),
        Color::Red => index(1),
        Color::Green => index(2),
        Color::Yellow => index(3),
        Color::Blue => index(4),
        Color::Magenta => index(5),
        Color::Cyan => index(6),
        Color::Gray => index(7),
        Color::DarkGray => index(8),
        Color::LightRed => index(9),
        Color::LightGreen => index(10),
        Color::LightYellow => index(11),
        Color::LightBlue => index(12),
        Color::LightMagenta => index(13),
        Color::LightCyan => index(14),
        Color::White => index(15),
        Color::Indexed(i) => index(i),
        Color::Rgb(r, g, b) => format!("58;2;{r};{g};{b}"),
    });
}

const MODIFIER_CODES: [(Modifier, &str); 9] = [
    (Modifier::BOLD, "1"),
    (Modifier::DIM, "2"),
    (Modifier::ITALIC, "3"),
    (Modifier::UNDERLINED, "4"),
    (Modifier::SLOW_BLINK, "5"),
    (Modifier::RAPID_BLINK, "6"),
    (Modifier::REVERSED, "7"),
    (Modifier::HIDDEN, "8"),
    (Modifier::CROSSED_OUT, "9"),
];

/// The parameters that take the pen from `from` to `to`, relative (removing only what goes).
fn relative(from: Pen, to: Pen) -> Vec<String> {
    let mut p = Vec::new();
    let gone = from.modifier - to.modifier;
    let mut add = to.modifier - from.modifier;
    let off = [
        (Modifier::BOLD | Modifier::DIM, "22"),
        (Modifier::ITALIC, "23"),
        (Modifier::UNDERLINED, "24"),
        (Modifier::SLOW_BLINK | Modifier::RAPID_BLINK, "25"),
        (Modifier::REVERSED, "27"),
        (Modifier::HIDDEN, "28"),
        (Modifier::CROSSED_OUT, "29"),
    ];
    for (m, code) in off {
        if gone.intersects(m) {
            p.push(code.to_string());
            // 22 and 25 turn off both of a pair: the one that stays is turned on again.
            add |= to.modifier & m;
        }
    }
    for (m, code) in MODIFIER_CODES {
        if add.contains(m) {
            p.push(code.to_string());
        }
    }
    if from.fg != to.fg {
        color_params(to.fg, 30, &mut p);
    }
    if from.bg != to.bg {
        color_params(to.bg, 40, &mut p);
    }
    if from.underline != to.underline {
        underline_params(to.underline, &mut p);
    }
    p
}

/// The parameters that reset the pen and set `to` from scratch.
fn absolute(to: Pen) -> Vec<String> {
    let mut p = vec!["0".to_string()];
    p.extend(relative(Pen::PLAIN, to));
    p
}

fn set_pen(buf: &mut Vec<u8>, from: Pen, to: Pen) {
    let a = relative(from, to);
    let b = absolute(to);
    let len = |v: &Vec<String>| v.iter().map(|s| s.len() + 1).sum::<usize>();
    let p = if len(&b) < len(&a) { b } else { a };
    buf.extend_from_slice(b"\x1b[");
    buf.extend_from_slice(p.join(";").as_bytes());
    buf.push(b'm');
}

/// Whether cells erased with this pen might not be blank: terminals with "background colour
/// erase" fill them with the current background, some with more of the pen.
fn erase_shows(pen: Pen) -> bool {
    pen != Pen::PLAIN
}

/// A symbol whose width the terminal surely agrees with: one printable ASCII character, or
/// one character of width 1.
fn narrow(symbol: &str) -> bool {
    let b = symbol.as_bytes();
    (b.len() == 1 && (0x20..0x7f).contains(&b[0])) || symbol.width() == 1
}

/// A cell an erase leaves exactly as the terminal would: a space in the plain pen.
fn blank(c: &Cell) -> bool {
    c.symbol() == " " && Pen::of(c) == Pen::PLAIN
}

/// Decimal digits of `n`.
fn digits(n: usize) -> usize {
    n.to_string().len()
}

/// Appends the cells (in row-major order) to `buf`, starting from `state`; returns the state
/// after. `shown` is the screen after these cells: for reprinting short gaps instead of
/// moving, and for erasing instead of printing spaces. Spaces in the plain pen to the end of
/// a row the screen has blank there become EL (`CSI K`, 3 bytes however many), and a longer
/// run of them inside a row becomes ECH (`CSI n X`), which erases without moving the cursor.
fn encode(
    buf: &mut Vec<u8>,
    cells: &[(u16, u16, &Cell)],
    mut state: State,
    shown: Option<&Buffer>,
    width: u16,
) -> State {
    let mut i = 0;
    while i < cells.len() {
        let (x, y, cell) = cells[i];
        let to = Position { x, y };
        // What erasing could replace: the rest of this row's updates, from here.
        let mut erase: Option<(&[u8], usize)> = None;
        if let Some(shown) = shown
            && blank(cell)
        {
            let row_end = cells[i..]
                .iter()
                .position(|(_, cy, _)| *cy != y)
                .map_or(cells.len(), |n| i + n);
            let to_margin = (x..width).all(|gx| shown.cell((gx, y)).is_some_and(blank));
            if to_margin && row_end - i > 3 {
                erase = Some((b"\x1b[K", row_end - i));
            } else {
                // A run of blank updates on consecutive columns.
                let run = cells[i..row_end]
                    .iter()
                    .enumerate()
                    .take_while(|(k, (cx, _, c))| {
                        usize::from(*cx) == usize::from(x) + k && blank(c)
                    })
                    .count();
                // ECH and the move past it against printing the spaces.
                if run > 2 * (3 + digits(run)) + 1 {
                    erase = Some((b"", run));
                }
            }
        }
        if state.at != Some(to) {
            let mut filled = false;
            // A gap of one or two cells in the same style is cheaper to print again.
            if let (Some(p), Some(shown)) = (state.at, shown)
                && p.y == y
                && x > p.x
                && x - p.x <= 2
            {
                let gap: Vec<&Cell> = (p.x..x).filter_map(|gx| shown.cell((gx, y))).collect();
                if gap.len() == usize::from(x - p.x)
                    && gap.iter().all(|c| {
                        Pen::of(c) == state.pen && c.symbol().len() == 1 && narrow(c.symbol())
                    })
                {
                    for c in gap {
                        buf.extend_from_slice(c.symbol().as_bytes());
                    }
                    filled = true;
                }
            }
            if !filled {
                move_to(buf, state.at, to);
            }
        }
        let pen = Pen::of(cell);
        if pen != state.pen {
            set_pen(buf, state.pen, pen);
            state.pen = pen;
        }
        if let Some((seq, n)) = erase {
            if seq.is_empty() {
                buf.extend_from_slice(format!("\x1b[{n}X").as_bytes());
            } else {
                buf.extend_from_slice(seq);
            }
            // Neither erase moves the cursor.
            state.at = Some(to);
            i += n;
            continue;
        }
        let symbol = cell.symbol();
        buf.extend_from_slice(symbol.as_bytes());
        state.at = if narrow(symbol) && x + 1 < width {
            Some(Position { x: x + 1, y })
        } else {
            // Wide or zero-width symbols, and the right margin: where the cursor went is up
            // to the terminal.
            None
        };
        i += 1;
    }
    state
}

impl<W: Write> Write for Lean<W> {
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}

impl<W: Write> Backend for Lean<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let updates: Vec<(u16, u16, &Cell)> = content.collect();
        if updates.is_empty() {
            return Ok(());
        }
        // The screen after this frame.
        let (mut w, mut h) = (self.shown.area.width, self.shown.area.height);
        for (x, y, _) in &updates {
            w = w.max(x + 1);
            h = h.max(y + 1);
        }
        if (w, h) != (self.shown.area.width, self.shown.area.height) {
            self.shown.resize(Rect::new(0, 0, w, h));
        }
        // More than a row's worth changed: perhaps rows that only moved (see `term_scroll`).
        let before = (self.trusted && updates.len() > usize::from(w)).then(|| self.shown.clone());
        for (x, y, cell) in &updates {
            if let Some(c) = self.shown.cell_mut((*x, *y)) {
                *c = (*cell).clone();
            }
        }
        let width = self.width();
        let shown = self.trusted.then_some(&self.shown);
        let mut diff = std::mem::take(&mut self.scratch);
        diff.clear();
        let mut after_diff = encode(&mut diff, &updates, self.state, shown, width);
        if let Some(mut base) = before
            && let Some(first) = term_scroll::find(&base, &self.shown)
        {
            let mut scrolled = Vec::with_capacity(diff.len());
            let mut pen = self.state.pen;
            // The rows scrolled in take the pen's background.
            if pen != Pen::PLAIN {
                scrolled.extend_from_slice(b"\x1b[0m");
                pen = Pen::PLAIN;
            }
            // Parts of the screen may have moved by different amounts (a field appeared
            // above): a few scrolls, each fixing rows the one before did not.
            let mut next = Some(first);
            for _ in 0..3 {
                let Some(s) = next else { break };
                term_scroll::sequence(s, self.shown.area.height, &mut scrolled);
                base = term_scroll::apply(&base, s);
                next = term_scroll::find(&base, &self.shown);
            }
            let cells = term_scroll::diff(&base, &self.shown);
            let start = State { at: None, pen };
            let after = encode(&mut scrolled, &cells, start, Some(&self.shown), width);
            if scrolled.len() < diff.len() {
                diff = scrolled;
                after_diff = after;
            }
        }
        // A frame that changes much of the screen may be cheaper as clear + repaint: for any
        // frame longer than a few lines of text, both are encoded and the shorter is sent.
        if diff.len() > 256 {
            let mut full = Vec::with_capacity(diff.len());
            let mut pen = self.state.pen;
            if erase_shows(pen) {
                full.extend_from_slice(b"\x1b[0m");
                pen = Pen::PLAIN;
            }
            full.extend_from_slice(b"\x1b[2J");
            let blank = Buffer::empty(self.shown.area);
            let cells = blank.diff(&self.shown);
            let start = State { at: None, pen };
            let after_full = encode(&mut full, &cells, start, Some(&self.shown), width);
            if full.len() < diff.len() {
                self.pending.extend_from_slice(&full);
                self.state = after_full;
                self.trusted = true;
                self.scratch = diff;
                return Ok(());
            }
        }
        self.pending.extend_from_slice(&diff);
        self.state = after_diff;
        self.scratch = diff;
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_visible != Some(false) {
            self.pending.extend_from_slice(b"\x1b[?25l");
            self.cursor_visible = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_visible != Some(true) {
            self.pending.extend_from_slice(b"\x1b[?25h");
            self.cursor_visible = Some(true);
        }
        Ok(())
    }

    /// Where this backend left the cursor; the terminal is never asked (a round trip on ssh).
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.state.at.unwrap_or_default())
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let to = position.into();
        if self.state.at != Some(to) {
            move_to(&mut self.pending, self.state.at, to);
            self.state.at = Some(to);
        }
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // Erased cells take the current background in many terminals.
        if erase_shows(self.state.pen) {
            self.plain_pen();
        }
        let seq: &[u8] = match clear_type {
            ClearType::All => b"\x1b[2J",
            ClearType::AfterCursor => b"\x1b[J",
            ClearType::BeforeCursor => b"\x1b[1J",
            ClearType::CurrentLine => b"\x1b[2K",
            ClearType::UntilNewLine => b"\x1b[K",
        };
        self.pending.extend_from_slice(seq);
        if clear_type == ClearType::All {
            let size = self.size().unwrap_or(self.shown.area.as_size());
            self.shown = Buffer::empty(Rect::new(0, 0, size.width, size.height));
            self.trusted = true;
        } else {
            self.trusted = false;
        }
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        match self.fixed {
            Some(s) => Ok(s),
            None => {
                let (w, h) = ratatui::crossterm::terminal::size()?;
                Ok(Size::new(w, h))
            }
        }
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let ws = ratatui::crossterm::terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size::new(ws.columns, ws.rows),
            pixels: Size::new(ws.width, ws.height),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.holding {
            return Ok(());
        }
        self.send()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;
    use ratatui::{Terminal, TerminalOptions, Viewport};

    const W: u16 = 40;
    const H: u16 = 8;

    fn terminal() -> Terminal<Lean<Vec<u8>>> {
        Terminal::with_options(
            Lean::with_size(Vec::new(), W, H),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, W, H)),
            },
        )
        .unwrap()
    }

    /// Draws `paint` through `Lean` and checks a vt100 terminal fed its bytes shows exactly
    /// the buffer: every symbol, colour and attribute. Returns the bytes of that frame.
    fn frame(
        t: &mut Terminal<Lean<Vec<u8>>>,
        vt: &mut vt100::Parser,
        cursor: Option<(u16, u16)>,
        paint: impl FnOnce(&mut Buffer),
    ) -> Vec<u8> {
        t.backend_mut().begin_frame();
        let done = t
            .draw(|f| {
                paint(f.buffer_mut());
                if let Some(c) = cursor {
                    f.set_cursor_position(c);
                }
            })
            .unwrap();
        let expected = done.buffer.clone();
        t.backend_mut().end_frame().unwrap();
        let bytes = std::mem::take(&mut t.backend_mut().out);
        vt.process(&bytes);
        let screen = vt.screen();
        for y in 0..H {
            for x in 0..W {
                let want = &expected[(x, y)];
                let got = screen.cell(y, x).unwrap();
                let sym = if got.contents().is_empty() {
                    " ".to_string()
                } else {
                    got.contents().to_string()
                };
                assert_eq!(sym, want.symbol(), "symbol at {x},{y}");
                let vt_color = |c: vt100::Color| match c {
                    vt100::Color::Default => Color::Reset,
                    vt100::Color::Idx(i) => [
                        Color::Black,
                        Color::Red,
                        Color::Green,
                        Color::Yellow,
                        Color::Blue,
                        Color::Magenta,
                        Color::Cyan,
                        Color::Gray,
                        Color::DarkGray,
                        Color::LightRed,
                        Color::LightGreen,
                        Color::LightYellow,
                        Color::LightBlue,
                        Color::LightMagenta,
                        Color::LightCyan,
                        Color::White,
                    ]
                    .get(usize::from(i))
                    .copied()
                    .unwrap_or(Color::Indexed(i)),
                    vt100::Color::Rgb(r, g, b) => Color::Rgb(r, g, b),
                };
                assert_eq!(vt_color(got.fgcolor()), want.fg, "fg at {x},{y}");
                assert_eq!(vt_color(got.bgcolor()), want.bg, "bg at {x},{y}");
                assert_eq!(
                    got.bold(),
                    want.modifier.contains(Modifier::BOLD),
                    "bold {x},{y} {want:?} in {}",
                    String::from_utf8_lossy(&bytes).escape_debug()
                );
                assert_eq!(
                    got.inverse(),
                    want.modifier.contains(Modifier::REVERSED),
                    "reverse at {x},{y}"
                );
                assert_eq!(
                    got.underline(),
                    want.modifier.contains(Modifier::UNDERLINED),
                    "underline at {x},{y}"
                );
            }
        }
        if let Some((x, y)) = cursor {
            assert_eq!(screen.cursor_position(), (y, x), "cursor");
            assert!(!screen.hide_cursor());
        }
        bytes
    }

    fn parser() -> vt100::Parser {
        vt100::Parser::new(
            std::num::NonZero::new(H).unwrap(),
            std::num::NonZero::new(W).unwrap(),
            0,
        )
    }

    /// A small deterministic generator: the test covers many frames without a crate.
    struct Rng(u64);
    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }
    }

    fn style(r: &mut Rng) -> Style {
        let colors = [
            Color::Reset,
            Color::Black,
            Color::Cyan,
            Color::Red,
            Color::DarkGray,
            Color::White,
            Color::Indexed(200),
            Color::Rgb(10, 20, 30),
        ];
        let mods = [
            Modifier::empty(),
            Modifier::BOLD,
            Modifier::REVERSED,
            Modifier::BOLD | Modifier::REVERSED,
            Modifier::UNDERLINED,
            // Not DIM: vt100 (like many terminals) keeps one intensity, bold or dim.
            Modifier::BOLD | Modifier::UNDERLINED,
        ];
        Style::new()
            .fg(colors[r.below(8) as usize])
            .bg(colors[r.below(8) as usize])
            .add_modifier(mods[r.below(6) as usize])
    }

    #[test]
    fn what_the_terminal_shows_is_always_the_buffer() {
        let mut t = terminal();
        let mut vt = parser();
        let mut r = Rng(7);
        let words = ["Pengaduan", "│", "─┐", "Siti", "ab", "•", "  ", "x"];
        let (mut el, mut ech) = (0, 0);
        for round in 0..300 {
            let changes = if round % 10 == 0 {
                120
            } else {
                1 + r.below(12)
            };
            let mut spots = Vec::new();
            for _ in 0..changes {
                spots.push((
                    r.below(u64::from(W)) as u16,
                    r.below(u64::from(H)) as u16,
                    words[r.below(words.len() as u64) as usize],
                    style(&mut r),
                ));
            }
            let cursor = (r.below(2) == 0)
                .then(|| (r.below(u64::from(W)) as u16, r.below(u64::from(H)) as u16));
            // Now and then whole rows or long stretches go blank, as when a hint or a list
            // row empties: erased with EL and ECH, which the replay must agree with.
            let wipe = (round % 7 == 3).then(|| r.below(u64::from(H)) as u16);
            // The whole screen is redrawn each frame, as an app does; what differs is sparse.
            let base = r.below(3);
            let bytes = frame(&mut t, &mut vt, cursor, |b| {
                let filler = match base {
                    0 => "",
                    1 => "board board board",
                    _ => "intake",
                };
                b.set_string(0, 0, filler, Style::new().fg(Color::Cyan));
                for (x, y, s, st) in spots {
                    if wipe.is_some_and(|w| w == y || w + 1 == y) {
                        continue;
                    }
                    b.set_stringn(x, y, s, usize::from(W - x), st);
                }
                // Long lines on even rows: the next frame that leaves them out erases them;
                // and odd rows keep their ends while their middle empties (ECH).
                if round % 5 == 1 || round % 5 == 2 {
                    for y in 1..H {
                        let fill = if round % 5 == 1 { "-" } else { " " };
                        let text = if y % 2 == 0 {
                            "long line long line long line".to_string()
                        } else {
                            format!("a{}z", fill.repeat(usize::from(W) - 2))
                        };
                        b.set_stringn(0, y, text, usize::from(W), Style::new());
                    }
                }
            });
            let text = String::from_utf8_lossy(&bytes);
            el += text.matches("\x1b[K").count();
            ech += text.matches('X').count();
        }
        // The replay above checked frames that erase, not only frames that print.
        assert!(el > 20 && ech > 5, "EL {el} times, ECH {ech} times");
    }

    /// A list between a fixed header and footer scrolled by random steps up and down, with
    /// styled rows and a pen left coloured: the replay shows the buffer, scrolls are used, and
    /// a one-row scroll costs a fraction of repainting the rows.
    #[test]
    fn rows_that_moved_are_scrolled_and_the_replay_agrees() {
        let mut t = terminal();
        let mut vt = parser();
        let mut r = Rng(11);
        // As the app starts: a clear, so the backend knows what the terminal shows.
        ratatui::backend::Backend::clear(t.backend_mut()).unwrap();
        let mut top = 0i64;
        let (mut scrolls, mut one_step) = (0, Vec::new());
        for round in 0..200 {
            let step = [1i64, -1, 2, -3, 5, 0][r.below(6) as usize];
            top = (top + step).clamp(0, 60);
            let bytes = frame(&mut t, &mut vt, None, |b| {
                b.set_string(0, 0, "header ─ fixed", Style::new().fg(Color::Cyan));
                for y in 1..H - 1 {
                    let n = top + i64::from(y);
                    let st = if n % 3 == 0 {
                        Style::new().add_modifier(Modifier::BOLD)
                    } else {
                        Style::new().fg(Color::Yellow).bg(Color::Blue)
                    };
                    b.set_stringn(
                        0,
                        y,
                        // Rows unlike their neighbours, as a form's are: moved, not retouched.
                        format!(
                            "{:<w$}│ {}",
                            ["Kronologi", "Jam", "Tempat kejadian", "Wilayah", "Darurat"]
                                [(n % 5) as usize],
                            "x".repeat((n % 11) as usize),
                            w = (n % 7 + 10) as usize
                        ),
                        usize::from(W),
                        st,
                    );
                }
                b.set_string(0, H - 1, format!("footer {round}"), Style::new());
            });
            let text = String::from_utf8_lossy(&bytes);
            if text.contains('S') && text.contains("\x1b[r")
                || text.contains('T') && text.contains("\x1b[r")
            {
                scrolls += 1;
            }
            if step == 1 && top < 60 && round > 0 {
                one_step.push(bytes.len());
            }
        }
        assert!(scrolls > 50, "scrolled {scrolls} times");
        let worst = one_step.iter().max().copied().unwrap_or(0);
        // Six rows of about 30 cells repainted would be over 200 B.
        assert!(worst < 120, "a one-row scroll sent {worst} B: {one_step:?}");
    }

    #[test]
    fn blanks_are_erased_not_printed() {
        let mut t = terminal();
        let mut vt = parser();
        // Erasing relies on knowing the screen, as after the app's first (full-screen) clear.
        Backend::clear(t.backend_mut()).unwrap();
        let plain = Style::new();
        frame(&mut t, &mut vt, None, |b| {
            b.set_string(0, 2, "x".repeat(usize::from(W)), plain);
            b.set_string(0, 3, "a".repeat(usize::from(W)), plain);
        });
        let bytes = frame(&mut t, &mut vt, None, |b| {
            b.set_string(0, 3, "a", plain);
            b.set_string(W - 1, 3, "a", plain);
        });
        let text = String::from_utf8_lossy(&bytes);
        // Row 2 to its end: EL. Row 3 between its two letters: ECH of 38.
        assert!(text.contains("\x1b[K"), "{text:?}");
        assert!(text.contains("\x1b[38X"), "{text:?}");
        assert!(bytes.len() <= 20, "{} bytes: {text:?}", bytes.len());
    }

    #[test]
    fn a_typed_letter_costs_a_few_bytes_and_a_switch_no_more_than_a_repaint() {
        let mut t = terminal();
        let mut vt = parser();
        let field = Style::new().add_modifier(Modifier::UNDERLINED);
        let form = |text: &'static str| {
            move |b: &mut Buffer| {
                b.set_string(0, 0, " meja · Pengaduan baru", Style::new().bg(Color::Cyan));
                b.set_string(
                    2,
                    3,
                    "Nama korban",
                    Style::new().add_modifier(Modifier::BOLD),
                );
                b.set_string(16, 3, format!("{text:<20}"), field);
            }
        };
        frame(&mut t, &mut vt, Some((25, 3)), form("Siti Amin"));
        let typed = frame(&mut t, &mut vt, Some((26, 3)), form("Siti Amina")).len();
        // The field's style on and off (8), the letter; no cursor move, and no sync markers
        // for a frame this small.
        assert!(typed <= 9, "{typed} bytes for one letter");
        let other = |b: &mut Buffer| {
            for y in 1..H {
                b.set_string(
                    0,
                    y,
                    "x".repeat(usize::from(W)),
                    Style::new().fg(Color::Red),
                );
            }
        };
        let switch = frame(&mut t, &mut vt, None, other).len();
        // The same screen painted on a fresh terminal: clear, every cell.
        let mut fresh = terminal();
        let mut vt2 = parser();
        fresh.clear().unwrap();
        let repaint = frame(&mut fresh, &mut vt2, None, other).len();
        assert!(switch <= repaint, "switch {switch} > repaint {repaint}");
    }
}
