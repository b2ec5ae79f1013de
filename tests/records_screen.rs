//! The case after intake on the case file's tabs, driven by keys: a service given to one of
//! two victims and a follow-up recorded from the screen (each dialog refusing what its form
//! would refuse and staying open), shown on the Layanan and Pemantauan tabs at 80×24 and
//! 160×48, and kept in the store with the history row.

mod common;

use chrono::{Local, TimeZone};
use common::*;
use meja::domain::intake::{Intake, Victim};
use meja::domain::staff::Role;
use meja::i18n::Lang;
use meja::store::Store;
use meja::ui::app::Screen;
use ratatui::crossterm::event::{Event, KeyCode};

/// One case with two victims, opened on 20 November; the app's clock is 23 November.
fn office() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let mut s = Store::open(&path).unwrap();
    let mut i = Intake::default();
    i.reporter.name = "Ibu Rina".into();
    i.victims = vec![
        Victim {
            name: "Siti Aminah".into(),
            sex: "P".into(),
            age: "30".into(),
            ..Default::default()
        },
        Victim {
            name: "Bayu Pratama".into(),
            sex: "L".into(),
            age: "12".into(),
            ampk: vec!["i".into()],
            ..Default::default()
        },
    ];
    i.incident.violence = vec!["fisik".into()];
    i.incident.chronology = "Kronologi.".into();
    i.triage.risk = "sedang".into();
    i.consent.services = "ya".into();
    let at = Local.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
    let rec = i.to_record(at.date_naive()).unwrap();
    let number = s.open_case(&rec, "PPA", "ani", at, None).unwrap().number;
    (dir, path, number)
}

fn open_case(app: &mut meja::ui::App, number: &str) {
    key(app, KeyCode::F(3));
    typ(app, "/");
    typ(app, number);
    key(app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Case);
}

fn erase(app: &mut meja::ui::App) {
    for _ in 0..12 {
        key(app, KeyCode::Backspace);
    }
}

#[test]
fn a_front_desk_worker_records_a_service_given_and_a_follow_up_from_the_case_file() {
    let (_dir, path, number) = office();
    // A petugas (front desk) may record both on any case.
    let mut app = AppBuilder::new(&path).staff("dewi", Role::Petugas).build();
    open_case(&mut app, &number);
    // l: the service, the victim (two on this case), the date, a note.
    typ(&mut app, "l");
    typ(&mut app, "kesehatan");
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(
        text.contains("1 Siti Aminah · 2 Bayu Pratama"),
        "the victims by number: {text}"
    );
    erase(&mut app);
    typ(&mut app, "3");
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Tulis nomor korban dari daftar"), "{text}");
    erase(&mut app);
    typ(&mut app, "2");
    key(&mut app, KeyCode::Enter);
    erase(&mut app);
    typ(&mut app, "21-11-2026");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "Visum di RSUD");
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Layanan yang diberikan dicatat."), "{text}");
    assert!(
        text.contains("21-11-2026 Kesehatan — Bayu Pratama — oleh dewi"),
        "{text}"
    );
    insta::assert_snapshot!("case_services_80x24", render(&mut app, 80, 24).backend());
    insta::assert_snapshot!("case_services_160x48", render(&mut app, 160, 48).backend());

    // p: how, when, what was found (a note: Ctrl-S), and the next date.
    typ(&mut app, "p");
    typ(&mut app, "rumah");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    // Nothing found written: refused inside the dialog.
    ctrl(&mut app, 's');
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Tulis apa yang ditemukan"), "{text}");
    app.handle(&Event::Paste(
        "Korban aman di rumah orang tua.\nAnak kembali sekolah.".into(),
    ));
    ctrl(&mut app, 's');
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("23-12-2026"), "a month ahead offered: {text}");
    erase(&mut app);
    typ(&mut app, "07-12-2026");
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Pemantauan dicatat."), "{text}");
    assert!(
        text.contains("23-11-2026 Kunjungan rumah · berikutnya 07-12-2026"),
        "{text}"
    );
    assert!(text.contains("Anak kembali sekolah."), "{text}");
    insta::assert_snapshot!("case_follow_ups_80x24", render(&mut app, 80, 24).backend());
    insta::assert_snapshot!(
        "case_follow_ups_160x48",
        render(&mut app, 160, 48).backend()
    );

    let s = Store::open(&path).unwrap();
    let id = s.find_case_number(&number).unwrap().unwrap();
    let given = s.services_given(id).unwrap();
    assert_eq!(given.len(), 1);
    assert_eq!(given[0].service, "kesehatan");
    assert_eq!(s.victims_of(id).unwrap()[1].0, given[0].victim_id);
    let f = s.follow_ups(id).unwrap();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].kind, "kunjungan_rumah");
    assert_eq!(
        f[0].next.map(|d| d.to_string()).as_deref(),
        Some("2026-12-07")
    );
    // Both in the history, by who recorded them.
    let c = rusqlite::Connection::open(&path).unwrap();
    let by_dewi: i64 = c
        .query_row(
            "SELECT count(*) FROM case_history WHERE case_id = ?1 AND staff = 'dewi'",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    assert!(by_dewi >= 2, "{by_dewi}");
}

#[test]
fn esc_in_a_record_dialog_writes_nothing() {
    let (_dir, path, number) = office();
    let mut app = app_on(&path, Lang::Id, "ani");
    open_case(&mut app, &number);
    typ(&mut app, "l");
    key(&mut app, KeyCode::Esc);
    typ(&mut app, "p");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Case);
    let s = Store::open(&path).unwrap();
    let id = s.find_case_number(&number).unwrap().unwrap();
    assert!(s.services_given(id).unwrap().is_empty());
    assert!(s.follow_ups(id).unwrap().is_empty());
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Belum ada pemantauan"), "{text}");
}
