//! Two workers editing one case in one process (issue 16, point 1): the fields both changed
//! are asked one by one with both values, and a file refreshed in the background while
//! editing does not let a save overwrite what it brought.

mod common;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use common::*;
use meja::i18n::Lang;
use meja::store::Store;
use meja::tasks::demo::{DemoOptions, fill};
use meja::ui::App;
use ratatui::crossterm::event::KeyCode;

fn seeded() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let mut s = Store::open(&path).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let opts = DemoOptions {
        cases: 40,
        agencies: 0,
        seed: 5,
        as_of,
    };
    fill(&mut s, "PPA", opts).unwrap();
    (dir, path)
}

fn edit_first_case(app: &mut App) {
    key(app, KeyCode::F(3));
    key(app, KeyCode::Enter);
    typ(app, "e");
}

fn retype(app: &mut App, f: meja::domain::intake::Field, text: &str) {
    goto(app, f);
    ctrl(app, 'u');
    typ(app, text);
}

fn reporter(path: &std::path::Path, case: &str) -> String {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row(
            "SELECT p.name || ' | ' || coalesce(p.address, '') FROM persons p
             JOIN cases c ON c.id = p.case_id WHERE p.role = 'pelapor' AND c.number = ?1",
            [case],
            |r| r.get(0),
        )
        .unwrap()
}

fn selected_number(app: &mut App) -> String {
    let text = screen_text(&render(app, 80, 24));
    text.lines()
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn a_field_both_changed_is_asked_with_both_values_and_the_choice_is_saved() {
    for (answer, want) in [('y', "Nama Budi"), ('o', "Nama Ani")] {
        let (_dir, path) = seeded();
        let mut a = app_on(&path, Lang::Id, "ani");
        let mut b = app_on(&path, Lang::Id, "budi");
        edit_first_case(&mut a);
        edit_first_case(&mut b);
        let number = selected_number(&mut a);
        retype(&mut a, at::REPORTER_NAME, "Nama Ani");
        ctrl(&mut a, 's');
        assert!(screen_text(&render(&mut a, 80, 24)).contains("Perubahan disimpan."));

        retype(&mut b, at::REPORTER_NAME, "Nama Budi");
        retype(&mut b, at::REPORTER_ADDRESS, "Gg. Budi");
        ctrl(&mut b, 's');
        let text = screen_text(&render(&mut b, 80, 24));
        for want in [
            "Diubah Anda dan orang lain: Nama pelapor",
            "Milik Anda: Nama Budi",
            "Milik orang lain: Nama Ani",
        ] {
            assert!(text.contains(want), "{want}:\n{text}");
        }
        typ(&mut b, &answer.to_string());
        let form = &b.form_in_case().unwrap().intake.reporter;
        assert_eq!(form.name, want);
        assert_eq!(form.address, "Gg. Budi", "B's own untouched change stays");
        ctrl(&mut b, 's');
        let text = screen_text(&render(&mut b, 80, 24));
        assert!(text.contains("Perubahan disimpan."), "{text}");
        assert_eq!(reporter(&path, &number), format!("{want} | Gg. Budi"));
    }
}

#[test]
fn a_file_refreshed_while_editing_does_not_let_the_save_overwrite_it() {
    let (_dir, path) = seeded();
    let mut a = app_on(&path, Lang::Id, "ani");
    let mut b = app_on(&path, Lang::Id, "budi");
    edit_first_case(&mut b);
    edit_first_case(&mut a);
    let number = selected_number(&mut a);
    retype(&mut a, at::REPORTER_ADDRESS, "Gg. Ani");
    ctrl(&mut a, 's');
    // B's app notices the change on its timer and reads the file again, B still editing.
    b.tick(Instant::now() + Duration::from_secs(10));
    retype(&mut b, at::REPORTER_NAME, "Nama Budi");
    ctrl(&mut b, 's');
    let text = screen_text(&render(&mut b, 80, 24));
    assert!(text.contains("Sudah diubah orang lain"), "{text}");
    key(&mut b, KeyCode::Enter);
    ctrl(&mut b, 's');
    assert_eq!(reporter(&path, &number), "Nama Budi | Gg. Ani");
}
