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

/// The directory's filter line (the row under the search).
fn filter_line(app: &mut meja::ui::App) -> String {
    screen_text(&render(app, 100, 24))
        .lines()
        .nth(2)
        .unwrap()
        .to_string()
}

#[test]
fn each_directory_filter_clears_and_a_referral_starts_from_the_whole_directory() {
    let (_dir, path) = seeded(40, 12);
    let mut app = app_on(&path, Lang::Id, "ani");
    key(&mut app, KeyCode::F(4));
    let all = filter_line(&mut app);
    // The area filter, chosen across levels, then cleared with Del in its picker.
    key(&mut app, KeyCode::F(6));
    typ(&mut app, "kota metro");
    key(&mut app, KeyCode::Tab);
    let l = filter_line(&mut app);
    assert!(l.contains("Kota Metro"), "{l}");
    key(&mut app, KeyCode::F(6));
    key(&mut app, KeyCode::Delete);
    assert_eq!(filter_line(&mut app), all);
    // Search, open-now and area at once; F8 clears them all.
    typ(&mut app, "rsud");
    key(&mut app, KeyCode::F(7));
    key(&mut app, KeyCode::F(6));
    typ(&mut app, "kota metro");
    key(&mut app, KeyCode::Tab);
    assert_ne!(filter_line(&mut app), all);
    key(&mut app, KeyCode::F(8));
    assert_eq!(filter_line(&mut app), all);
    let search = screen_text(&render(&mut app, 100, 24));
    assert!(!search.lines().nth(1).unwrap().contains("rsud"), "{search}");
    // Leftovers from looking around do not narrow the next referral's list.
    key(&mut app, KeyCode::F(7));
    typ(&mut app, "rsud");
    key(&mut app, KeyCode::F(3));
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "r");
    let l = filter_line(&mut app);
    assert!(!l.contains("buka sekarang"), "{l}");
    assert!(
        l.starts_with(all.trim_end()),
        "every agency listed:\n{l}\n{all}"
    );
    let search = screen_text(&render(&mut app, 100, 24));
    assert!(!search.lines().nth(1).unwrap().contains("rsud"), "{search}");
}
