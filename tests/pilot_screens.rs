//! Screens a first week at a real desk trips over (issue 16, points 6, 14, 15 and the small
//! things), driven by keys on a demo office whose dates match the tests' clock.

mod common;

use chrono::NaiveDate;
use common::*;
use meja::i18n::Lang;
use meja::store::Store;
use meja::tasks::demo::{DemoOptions, fill};
use ratatui::crossterm::event::KeyCode;

fn seeded(cases: usize, agencies: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let mut s = Store::open(&path).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let opts = DemoOptions {
        cases,
        agencies,
        seed: 5,
        as_of,
    };
    fill(&mut s, "PPA", opts).unwrap();
    (dir, path)
}

fn title(app: &mut meja::ui::App, w: u16) -> String {
    screen_text(&render(app, w, 24))
        .lines()
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn a_board_filter_shows_on_the_title_line_and_x_clears_it() {
    let (_dir, path) = seeded(40, 0);
    let mut app = app_on(&path, Lang::Id, "ani");
    key(&mut app, KeyCode::F(3));
    assert!(!title(&mut app, 120).contains("Saring:"));
    typ(&mut app, "f");
    typ(&mut app, "darurat");
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Enter);
    let t = title(&mut app, 120);
    assert!(t.contains("Saring: Darurat (x hapus)"), "{t}");
    typ(&mut app, "x");
    let t = title(&mut app, 120);
    assert!(!t.contains("Saring:"), "{t}");
}
