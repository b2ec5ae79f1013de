//! The report screen (F12): a month's figures and the year's trend as bars, at 80×24 and at
//! every size down to a sliver, in colour and without.

mod common;

use chrono::{Local, TimeZone};
use common::*;
use meja::domain::intake::Intake;
use meja::i18n::Lang;
use meja::store::Store;
use meja::ui::app::Screen;
use ratatui::crossterm::event::KeyCode;

/// Cases opened over the autumn: two in August, one in September, three in October (one with
/// two victims); the neglect case of October reported to the police on the 20th.
fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let mut s = Store::open(&path).unwrap();
    let cases: [(u32, u32, &str, &[&str]); 6] = [
        (8, 4, "fisik", &["P"]),
        (8, 19, "psikis", &["L"]),
        (9, 9, "seksual", &["P"]),
        (10, 2, "fisik", &["P", "L"]),
        (10, 15, "penelantaran", &["L"]),
        (10, 30, "psikis", &["P"]),
    ];
    for (m, d, kind, sexes) in cases {
        let mut i = Intake::default();
        i.victims.clear();
        for (k, sex) in sexes.iter().enumerate() {
            i.victims.push(meja::domain::intake::Victim {
                name: format!("Anak Rahasia {k}"),
                sex: sex.to_string(),
                age: "10".into(),
                ampk: vec!["i".into()],
                region: "18.72.01".into(),
                ..Default::default()
            });
        }
        i.incident.violence = vec![kind.into()];
        i.incident.place = "rumah_tangga".into();
        i.triage.risk = "sedang".into();
        i.consent.services = "ya".into();
        let when = Local.with_ymd_and_hms(2026, m, d, 9, 0, 0).unwrap();
        let rec = i.to_record(when.date_naive()).unwrap();
        let id = s.open_case(&rec, "PPA", "ani", when, None).unwrap().id;
        if kind == "penelantaran" {
            let police = meja::domain::legal::NewEvent {
                date: chrono::NaiveDate::from_ymd_opt(2026, 10, 20).unwrap(),
                detail: meja::domain::legal::Detail::LaporanPolisi {
                    unit: "Unit PPA Polres Metro".into(),
                    number: "LP/B/9/X/2026".into(),
                    investigator: String::new(),
                    time: None,
                },
                next: None,
                note: String::new(),
            };
            let later = Local.with_ymd_and_hms(2026, 10, 20, 14, 0, 0).unwrap();
            s.add_legal_event(id, &police, "ani", later)
                .unwrap()
                .unwrap();
        }
    }
    (dir, path)
}

#[test]
fn r_on_the_board_shows_last_months_figures_and_the_trend() {
    let (_dir, path) = setup();
    let mut app = app_on(&path, Lang::Id, "ani");
    open_report(&mut app);
    assert_eq!(app.screen(), Screen::Report);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(
        text.contains("Periode 01-10-2026 s.d. 31-10-2026"),
        "{text}"
    );
    assert!(text.contains("Kasus dilaporkan: 3"), "{text}");
    assert!(text.contains("Korban: 4"), "{text}");
    assert!(
        text.contains("Kasus dilaporkan ke polisi: 1   Kasus dengan putusan pengadilan: 0"),
        "{text}"
    );
    assert!(!text.contains("Rahasia"), "no names on the report");
    insta::assert_snapshot!("report_80x24", render(&mut app, 80, 24).backend());

    // ← goes to September, → back; not past the current month.
    key(&mut app, KeyCode::Left);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("01-09-2026 s.d. 30-09-2026"), "{text}");
    assert!(text.contains("Kasus dilaporkan: 1"), "{text}");
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("01-11-2026 s.d. 30-11-2026"), "{text}");
    // Scrolling reaches the tables further down, the alleged perpetrators' last.
    let mut seen = String::new();
    for _ in 0..30 {
        key(&mut app, KeyCode::PageDown);
        seen.push_str(&screen_text(&render(&mut app, 80, 24)));
    }
    for title in [
        "Tempat kejadian menurut SIMFONI",
        "Pendidikan terakhir terlapor (terlapor)",
        "Pekerjaan terlapor (terlapor)",
    ] {
        assert!(seen.contains(title), "{title}");
    }
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Board);
}

/// Reports are the supervisor's: `R` on the board (the test apps sign in as supervisors).
fn open_report(app: &mut meja::ui::App) {
    key(app, KeyCode::F(3));
    typ(app, "R");
}

#[test]
fn the_report_reads_without_colour_in_english() {
    let (_dir, path) = setup();
    let mut app = app_on(&path, Lang::En, "ani");
    app.ctx.theme = meja::ui::theme::Theme { color: false };
    open_report(&mut app);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Period 01-10-2026 to 31-10-2026"), "{text}");
    assert!(text.contains("New cases per month"), "{text}");
    // The bars are drawn with block characters, so the trend shows with no colour at all.
    assert!(text.contains('█'), "{text}");
}

#[test]
fn the_report_never_panics_at_any_size() {
    let (_dir, path) = setup();
    let mut app = app_on(&path, Lang::Id, "ani");
    open_report(&mut app);
    for (w, h) in [
        (1, 1),
        (20, 5),
        (40, 10),
        (41, 12),
        (60, 16),
        (80, 24),
        (200, 60),
    ] {
        render(&mut app, w, h);
    }
    for w in (10..130).step_by(9) {
        for h in (3..40).step_by(5) {
            render(&mut app, w, h);
        }
    }
}
