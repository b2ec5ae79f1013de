//! The intake worker's correction window (issue 16, point 7): the petugas who saved an intake
//! may add a note and correct its fields for `[akses] correction_hours` after saving (24 by
//! default), both recorded in the history; after that the petugas is told why not.

mod common;

use chrono::{DateTime, Local, TimeZone};
use common::*;
use meja::config::Config;
use meja::domain::intake::{Field, Intake, ReporterField};
use meja::domain::staff::Role;
use meja::store::Store;
use ratatui::crossterm::event::KeyCode;

fn saved_at() -> DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

/// A case whose intake `rina` (a petugas) saved at 09.00.
fn taken_by_rina(path: &std::path::Path) -> i64 {
    let mut s = Store::open(path).unwrap();
    add_worker(&mut s, "rina", Role::Petugas);
    add_worker(&mut s, "budi", Role::Petugas);
    let mut i = Intake::default();
    i.reporter.name = "Ibu Rina Wulandari".into();
    i.reporter.phone = "081234567890".into();
    i.victims[0].name = "Siti Aminah".into();
    i.victims[0].sex = "P".into();
    i.victims[0].age = "30".into();
    i.incident.violence = vec!["psikis".into()];
    i.incident.chronology = "Korban diancam.".into();
    i.triage.risk = "sedang".into();
    i.consent.services = "ya".into();
    let rec = i.to_record(saved_at().date_naive()).unwrap();
    s.open_case(&rec, "PPA", "rina", saved_at(), None)
        .unwrap()
        .id
}

fn open_case(app: &mut meja::ui::App) {
    key(app, KeyCode::F(3));
    key(app, KeyCode::Enter);
}

fn history(path: &std::path::Path, id: i64) -> Vec<(String, String, Option<String>)> {
    let c = rusqlite::Connection::open(path).unwrap();
    let mut st = c
        .prepare("SELECT action, staff, field FROM case_history WHERE case_id = ?1 ORDER BY id")
        .unwrap();
    st.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn the_petugas_who_took_the_intake_corrects_it_and_adds_a_note_within_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let id = taken_by_rina(&path);
    // 23 hours later, still within the default 24.
    let mut app = AppBuilder::new(&path)
        .staff("rina", Role::Petugas)
        .at(saved_at() + chrono::Duration::hours(23))
        .build();
    open_case(&mut app);
    // The key bar offers both while the window is open.
    let bar = screen_text(&render(&mut app, 120, 24));
    let bar = bar.lines().last().unwrap();
    assert!(bar.contains("e Ubah") && bar.contains("n Catatan"), "{bar}");
    typ(&mut app, "e");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(!text.contains("tidak boleh"), "{text}");
    goto(&mut app, Field::Reporter(ReporterField::Phone));
    ctrl(&mut app, 'u');
    typ(&mut app, "081234567899");
    ctrl(&mut app, 's');
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Perubahan disimpan"), "{text}");
    typ(&mut app, "n");
    typ(&mut app, "Nomor pelapor dibetulkan.");
    ctrl(&mut app, 's');
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Catatan disimpan"), "{text}");
    let h = history(&path, id);
    assert!(
        h.iter()
            .any(|(a, s, f)| a == "diubah" && s == "rina" && f.as_deref() == Some("pelapor.phone")),
        "{h:?}"
    );
    assert!(
        h.iter().any(|(a, s, _)| a == "catatan" && s == "rina"),
        "{h:?}"
    );
}

#[test]
fn after_the_window_the_petugas_is_refused_with_the_reason_and_others_never_had_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let id = taken_by_rina(&path);
    let before = history(&path, id).len();
    let mut app = AppBuilder::new(&path)
        .staff("rina", Role::Petugas)
        .at(saved_at() + chrono::Duration::hours(25))
        .build();
    open_case(&mut app);
    let bar = screen_text(&render(&mut app, 120, 24));
    let bar = bar.lines().last().unwrap();
    assert!(
        !bar.contains("e Ubah") && !bar.contains("n Catatan"),
        "{bar}"
    );
    for k in ["e", "n"] {
        typ(&mut app, k);
        let text = screen_text(&render(&mut app, 80, 24));
        assert!(
            text.contains("Waktu pembetulan") && text.contains("24-11-2026 09:00"),
            "{k}: {text}"
        );
        assert!(
            !text.contains("MENGUBAH") && !text.contains("Catatan baru"),
            "{text}"
        );
    }
    // Another petugas is refused for their role, within the window too.
    let mut other = AppBuilder::new(&path)
        .staff("budi", Role::Petugas)
        .at(saved_at() + chrono::Duration::hours(1))
        .build();
    open_case(&mut other);
    typ(&mut other, "e");
    let text = screen_text(&render(&mut other, 80, 24));
    assert!(text.contains("tidak boleh"), "{text}");
    // A window the office set to 2 hours has closed after 3.
    let mut cfg = Config::default();
    cfg.access.correction_hours = 2;
    let mut short = AppBuilder::new(&path)
        .staff("rina", Role::Petugas)
        .config(cfg)
        .at(saved_at() + chrono::Duration::hours(3))
        .build();
    open_case(&mut short);
    typ(&mut short, "n");
    let text = screen_text(&render(&mut short, 80, 24));
    assert!(text.contains("23-11-2026 11:00"), "{text}");
    assert_eq!(history(&path, id).len(), before);
}

#[test]
fn a_closed_case_offers_reopening_in_the_key_bar_not_closing() {
    use meja::domain::case::{Move, Stage};
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let id = taken_by_rina(&path);
    let mut app = AppBuilder::new(&path).build();
    open_case(&mut app);
    let bar = screen_text(&render(&mut app, 160, 24));
    let bar = bar.lines().last().unwrap().to_string();
    assert!(bar.contains("c Tutup") && bar.contains("> Maju"), "{bar}");
    key(&mut app, KeyCode::Esc);
    let mut s = Store::open(&path).unwrap();
    let v = s.case_file(id).unwrap().unwrap().card.version;
    let close = Move::Close {
        reason: "tujuan_tercapai".into(),
        note: String::new(),
    };
    s.apply_move(id, v, Stage::Pengaduan, &close, "ani", saved_at())
        .unwrap();
    let mut app = AppBuilder::new(&path).build();
    key(&mut app, KeyCode::F(3));
    // Closed cases are on the board's `t` view.
    typ(&mut app, "t");
    for _ in 0..6 {
        key(&mut app, KeyCode::Right);
    }
    let bar = screen_text(&render(&mut app, 160, 24));
    let bar = bar.lines().last().unwrap().to_string();
    assert!(!bar.contains("c Tutup") && !bar.contains("Maju"), "{bar}");
    key(&mut app, KeyCode::Enter);
    let bar = screen_text(&render(&mut app, 160, 24));
    assert!(bar.contains("PPA/"), "{bar}");
    let bar = bar.lines().last().unwrap().to_string();
    assert!(!bar.contains("Tutup") && !bar.contains("Maju"), "{bar}");
    assert!(bar.contains("o Buka lagi"), "{bar}");
}
