//! Bytes a key sends to the terminal, through the app's real backend (`ui::term::Lean`) and
//! replayed into a vt100 terminal that must then show exactly what the app drew.
//!
//! Issue 21: over a 9600-baud line (960 B/s) every byte of a frame is a millisecond. Bytes are
//! deterministic, unlike time, so these tests assert them; the bench reports the same figures
//! at 100,000 cases.

mod common;

use chrono::NaiveDate;
use common::*;
use meja::store::Store;
use meja::tasks::demo::{DemoOptions, fill};
use meja::ui::App;
use meja::ui::term::Lean;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

const W: u16 = 80;
const H: u16 = 24;

/// The app drawn through `Lean` at 80×24, each frame replayed into a vt100 screen.
struct Wire {
    app: App,
    term: Terminal<Lean<Vec<u8>>>,
    vt: vt100::Parser,
}

impl Wire {
    fn new(app: App) -> Wire {
        let term = Terminal::with_options(
            Lean::with_size(Vec::new(), W, H),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, W, H)),
            },
        )
        .unwrap();
        let vt = vt100::Parser::new(
            std::num::NonZero::new(H).unwrap(),
            std::num::NonZero::new(W).unwrap(),
            0,
        );
        let mut w = Wire { app, term, vt };
        // The event loop's first frame follows a clear, as on entering the alternate screen.
        ratatui::backend::Backend::clear(w.term.backend_mut()).unwrap();
        w.frame();
        w
    }

    /// One frame as the event loop draws it; returns its bytes after checking the replay.
    fn frame(&mut self) -> Vec<u8> {
        meja::ui::draw(&mut self.app, &mut self.term).unwrap();
        let bytes = std::mem::take(self.term.backend_mut().writer_mut());
        self.vt.process(&bytes);
        self.check();
        bytes
    }

    /// A key as the event loop handles it; the bytes of the frame it caused (none if none).
    fn key_with(&mut self, code: KeyCode, mods: KeyModifiers) -> Vec<u8> {
        let redraw = self.app.handle(&Event::Key(KeyEvent::new(code, mods)));
        if redraw { self.frame() } else { Vec::new() }
    }

    fn key(&mut self, code: KeyCode) -> Vec<u8> {
        self.key_with(code, KeyModifiers::NONE)
    }

    /// The vt100 screen shows every symbol and attribute the app drew.
    fn check(&mut self) {
        let mut t = Terminal::new(TestBackend::new(W, H)).unwrap();
        t.draw(|f| self.app.draw(f)).unwrap();
        let want = t.backend().buffer().clone();
        let screen = self.vt.screen();
        for y in 0..H {
            for x in 0..W {
                let w = &want[(x, y)];
                let got = screen.cell(y, x).unwrap();
                let sym = if got.contents().is_empty() {
                    " ".to_string()
                } else {
                    got.contents().to_string()
                };
                assert_eq!(sym, w.symbol(), "symbol at {x},{y}:\n{}", screen.contents());
                use ratatui::style::Modifier;
                assert_eq!(
                    got.inverse(),
                    w.modifier.contains(Modifier::REVERSED),
                    "reverse at {x},{y}"
                );
                assert_eq!(
                    got.bold(),
                    w.modifier.contains(Modifier::BOLD),
                    "bold at {x},{y}"
                );
            }
        }
    }
}

fn show(b: &[u8]) -> String {
    String::from_utf8_lossy(b).escape_debug().to_string()
}

fn seeded(cases: usize, agencies: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let mut s = Store::open(&path).unwrap();
    fill(
        &mut s,
        "PPA",
        DemoOptions {
            cases,
            agencies,
            seed: 5,
            as_of: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        },
    )
    .unwrap();
    (dir, path)
}

/// Issue 21's targets over a 9600-baud line (960 B/s): a Tab within 64 B (67 ms), a board ↓
/// within 96 B (100 ms).
const TAB_TARGET: usize = 64;
const DOWN_TARGET: usize = 96;

#[test]
fn a_tab_on_the_intake_form_sends_at_most_64_bytes() {
    for color in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let mut b = AppBuilder::new(&db_path(&dir));
        if !color {
            b = b.no_color();
        }
        let mut w = Wire::new(b.build());
        // The victim's name, half typed, then on to the NIK and back, as the bench does.
        goto(&mut w.app, at::VICTIM_NAME);
        w.frame();
        for c in "Siti Amin".chars() {
            w.key(KeyCode::Char(c));
        }
        for _ in 0..3 {
            let tab = w.key(KeyCode::Tab);
            assert!(
                tab.len() <= TAB_TARGET,
                "colour {color}: a Tab sent {} B: {}",
                tab.len(),
                show(&tab)
            );
            // The focus moved, and the replay (checked in `frame`) shows it.
            assert!(
                w.vt.screen().contents().contains("Siti Amin"),
                "{}",
                w.vt.screen().contents()
            );
            w.key_with(KeyCode::BackTab, KeyModifiers::SHIFT);
        }
        // Nor does a letter typed there cost more than it did (9 B: style on, letter, off).
        let typed = w.key(KeyCode::Char('a'));
        assert!(
            typed.len() <= 9,
            "a letter sent {} B: {}",
            typed.len(),
            show(&typed)
        );
    }
}

#[test]
fn a_board_down_sends_at_most_96_bytes_and_the_selection_shows_without_colour() {
    let (_d, path) = seeded(60, 0);
    for color in [true, false] {
        let mut b = AppBuilder::new(&path);
        if !color {
            b = b.no_color();
        }
        let mut w = Wire::new(b.build());
        w.key(KeyCode::F(3));
        assert!(w.vt.screen().contents().contains("Papan kasus"));
        for _ in 0..3 {
            for code in [KeyCode::Down, KeyCode::Down, KeyCode::Up, KeyCode::Up] {
                let sent = w.key(code);
                assert!(
                    !sent.is_empty() && sent.len() <= DOWN_TARGET,
                    "colour {color}: {code:?} sent {} B: {}",
                    sent.len(),
                    show(&sent)
                );
            }
        }
        w.key(KeyCode::Down);
        // Exactly one card's line is reversed on the terminal: the selected one, visible
        // without colour.
        let screen = w.vt.screen();
        let reversed_rows: Vec<u16> = (0..H)
            .filter(|&y| (0..W).any(|x| screen.cell(y, x).is_some_and(|c| c.inverse())))
            .collect();
        let card_rows: Vec<u16> = reversed_rows
            .iter()
            .copied()
            .filter(|y| (2..H - 2).contains(y))
            .collect();
        assert_eq!(card_rows.len(), 1, "reversed rows {reversed_rows:?}");
        let row = screen.contents_between(card_rows[0], 0, card_rows[0], 15);
        assert!(row.contains("2026/"), "{row:?}");
    }
}

/// Issue 21: a Tab that scrolls the form repainted it, 1.1–1.4 KB (over a second at 9600
/// baud). The rows only moved: the terminal scrolls them itself (a scroll region and SU/SD),
/// and only what is new is sent. The replay checks every cell after each frame.
#[test]
fn a_tab_that_scrolls_the_form_moves_its_rows_instead_of_repainting_them() {
    for color in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let mut b = AppBuilder::new(&db_path(&dir));
        if !color {
            b = b.no_color();
        }
        let mut w = Wire::new(b.build());
        let (mut sizes, mut scrolled) = (vec![], 0);
        let mut step = |w: &mut Wire, sent: Vec<u8>| {
            let s = String::from_utf8_lossy(&sent).to_string();
            // `CSI n S` / `CSI n T` (SU / SD), possibly inside a scroll region.
            if s.contains("S\x1b[r")
                || s.contains("T\x1b[r")
                || s.contains("[S")
                || s.contains("[T")
            {
                scrolled += 1;
            }
            if !sent.is_empty() {
                sizes.push(sent.len());
            }
            let _ = w;
        };
        // Down the whole form and back up. Before: up to 1,396 B a Tab, median about 900 B
        // (a few frames still bring in several new rows of box-drawing, 3 bytes a cell).
        for _ in 0..45 {
            let sent = w.key(KeyCode::Tab);
            step(&mut w, sent);
        }
        for _ in 0..45 {
            let sent = w.key_with(KeyCode::BackTab, KeyModifiers::SHIFT);
            step(&mut w, sent);
        }
        assert!(
            scrolled >= 10,
            "colour {color}: only {scrolled} frames scrolled: {sizes:?}"
        );
        let max = sizes.iter().max().copied().unwrap_or(0);
        assert!(max <= 800, "colour {color}: a Tab sent {max} B: {sizes:?}");
        let mut sorted = sizes.clone();
        sorted.sort();
        let median = sorted[sorted.len() / 2];
        assert!(
            median <= 128,
            "colour {color}: median Tab {median} B: {sizes:?}"
        );
    }
}
