//! The intake form fits adult women as well as children (issue 16, points 5, 8, 9, 11):
//! driven by keys, read from the screen and the database.

mod common;

use common::*;
use meja::domain::intake::{Field, ReporterField, VictimField};
use meja::i18n::Lang;
use meja::ui::app::Screen;
use ratatui::crossterm::event::KeyCode;

const KIND: Field = Field::Reporter(ReporterField::Kind);
const VICTIM_PHONE: Field = Field::Victim(0, VictimField::Phone);
const SAFE: Field = Field::Victim(0, VictimField::SafeContact);
const VICTIM_ADDRESS: Field = Field::Victim(0, VictimField::Address);

fn one(path: &std::path::Path, sql: &str) -> Option<String> {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

/// Saves the form and opens its case file from the board.
fn save_and_open(app: &mut meja::ui::App) {
    ctrl(app, 's');
    assert_eq!(
        app.screen(),
        Screen::Saved,
        "{}",
        screen_text(&render(app, 80, 24))
    );
    key(app, KeyCode::F(3));
    key(app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Case);
}

#[test]
fn a_victim_reporting_herself_is_not_asked_for_the_reporter_again() {
    let mut t = new_app(Lang::Id);
    let path = db_path(&t.dir);
    let app = &mut t.app;
    let before = screen_text(&render(app, 80, 24));
    assert!(before.contains("Nama pelapor"), "{before}");
    goto(app, KIND);
    pick(app, "sendiri");
    let text = screen_text(&render(app, 80, 24));
    assert!(text.contains("Korban sendiri"), "{text}");
    for gone in ["Nama pelapor", "Hubungan dg korban"] {
        assert!(!text.contains(gone), "{gone} still asked:\n{text}");
    }
    // The choice made, the next question is the victim's name.
    assert_eq!(app.form().unwrap().focused(), at::VICTIM_NAME);
    fill_minimum(app);
    goto(app, VICTIM_ADDRESS);
    typ(app, "Jl. Melati 3");
    goto(app, VICTIM_PHONE);
    typ(app, "0812 3456 7890");
    goto(app, SAFE);
    pick(app, "ya");
    ctrl(app, 's');
    assert_eq!(app.screen(), Screen::Saved);
    let reporter = one(
        &path,
        "SELECT name || ' | ' || phone || ' | ' || address FROM persons WHERE role = 'pelapor'",
    );
    assert_eq!(
        reporter.as_deref(),
        Some("Siti Aminah | 081234567890 | Jl. Melati 3")
    );
}

#[test]
fn guardian_and_ampk_leave_for_an_adult_and_come_back_for_a_child() {
    let mut t = new_app(Lang::Id);
    let app = &mut t.app;
    goto(app, at::VICTIM_AGE);
    typ(app, "36");
    let text = screen_text(&render(app, 80, 40));
    for gone in ["Kategori AMPK", "Orang tua / wali"] {
        assert!(
            !text.contains(gone),
            "{gone} asked of a 36-year-old:\n{text}"
        );
    }
    assert!(text.contains("Ket. sekolah/kerja"), "{text}");
    // Tab from the last adult question goes on to the next section.
    goto(app, Field::Victim(0, VictimField::Nationality));
    key(app, KeyCode::Tab);
    assert!(!matches!(app.form().unwrap().focused(), Field::Victim(..)));
    // A corrected age brings them back, with nothing lost.
    goto(app, at::VICTIM_AGE);
    key(app, KeyCode::Backspace);
    key(app, KeyCode::Backspace);
    typ(app, "12");
    let text = screen_text(&render(app, 80, 40));
    for back in ["Kategori AMPK", "Orang tua / wali"] {
        assert!(text.contains(back), "{back} not asked of a child:\n{text}");
    }
    goto(app, at::VICTIM_AMPK);
}

#[test]
fn an_adult_intake_saves_without_ampk_or_guardian() {
    let mut t = new_app(Lang::Id);
    let path = db_path(&t.dir);
    let app = &mut t.app;
    goto(app, at::VICTIM_NAME);
    typ(app, "Rina Wati");
    goto(app, at::VICTIM_SEX);
    pick(app, "perem");
    goto(app, at::VICTIM_AGE);
    typ(app, "36");
    goto(app, at::VIOLENCE);
    pick_many(app, &["psikis"]);
    goto(app, at::RISK);
    pick(app, "sedang");
    goto(app, at::CONSENT);
    pick(app, "setuju");
    ctrl(app, 's');
    assert_eq!(app.screen(), Screen::Saved);
    assert_eq!(
        one(
            &path,
            "SELECT count(*) || '' FROM codes WHERE vocab = 'ampk'"
        )
        .as_deref(),
        Some("0")
    );
}

#[test]
fn the_victim_phone_and_whether_it_is_safe_show_in_the_case_file() {
    let mut t = new_app(Lang::Id);
    let path = db_path(&t.dir);
    let app = &mut t.app;
    fill_minimum(app);
    goto(app, VICTIM_PHONE);
    typ(app, "+62 812-3456-7890");
    key(app, KeyCode::Tab);
    // A number without the answer is doubted beside the question, never refused.
    let text = screen_text(&render(app, 80, 24));
    assert!(text.contains("Telepon korban"), "{text}");
    assert!(text.contains("Aman dihubungi?"), "{text}");
    assert!(text.contains("aman dihubungi di nomor ini?"), "{text}");
    pick(app, "tidak");
    save_and_open(app);
    assert_eq!(
        one(
            &path,
            "SELECT phone || ' ' || safe_contact FROM persons WHERE role = 'korban'"
        )
        .as_deref(),
        Some("081234567890 tidak")
    );
    let text = screen_text(&render(app, 100, 60));
    let line = |label: &str| {
        text.lines()
            .find(|l| l.contains(label))
            .unwrap_or_else(|| panic!("no {label} in\n{text}"))
            .to_string()
    };
    assert!(line("Telepon korban").contains("081234567890"), "{text}");
    assert!(line("Aman dihubungi?").contains("Tidak"), "{text}");
}

#[test]
fn enter_on_an_untouched_multiple_choice_ticks_the_highlighted_item() {
    let mut t = new_app(Lang::Id);
    let app = &mut t.app;
    goto(app, at::VICTIM_AMPK);
    key(app, KeyCode::Enter);
    for _ in 0..9 {
        key(app, KeyCode::Down);
    }
    key(app, KeyCode::Enter);
    assert_eq!(app.form().unwrap().intake.victims[0].ampk, ["j"]);
    let text = screen_text(&render(app, 80, 24));
    let ampk = text
        .lines()
        .find(|l| l.contains("Kategori AMPK"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(ampk.contains("j. kejahatan seksual"), "{ampk}");
}
