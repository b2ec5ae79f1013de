//! A case's long texts in full (issue 16, point 6, and the small thing "the chronology wraps
//! mid-word"): `b` in the case file opens a read-only pager any role may use, at 80×24 and
//! 160×50, wrapped at words.

mod common;

use chrono::{Local, TimeZone};
use common::*;
use meja::domain::intake::Intake;
use meja::domain::staff::Role;
use meja::store::Store;
use ratatui::crossterm::event::KeyCode;

/// A long chronology: forty numbered sentences, the last one saying where it ends.
fn chronology() -> String {
    let mut t = String::new();
    for n in 1..=40 {
        t.push_str(&format!(
            "Kalimat ke-{n}: korban menceritakan kejadian berulang di rumah kontrakan. "
        ));
        if n % 8 == 0 {
            t.push('\n');
        }
    }
    t.push_str("Akhir kronologi.");
    t
}

fn seeded() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let mut s = Store::open(&path).unwrap();
    add_worker(&mut s, "budi", Role::Petugas);
    let mut i = Intake::default();
    i.reporter.name = "Ibu Rina Wulandari".into();
    i.reporter.phone = "081234567890".into();
    i.victims[0].name = "Siti Aminah".into();
    i.victims[0].sex = "P".into();
    i.victims[0].age = "30".into();
    i.incident.violence = vec!["psikis".into()];
    i.incident.chronology = chronology();
    i.triage.risk = "sedang".into();
    i.consent.services = "ya".into();
    let at = Local.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
    let rec = i.to_record(at.date_naive()).unwrap();
    let id = s.open_case(&rec, "PPA", "sari", at, None).unwrap().id;
    s.add_note(id, "Kunjungan rumah: korban aman.", "sari", at)
        .unwrap();
    (dir, path)
}

fn petugas(path: &std::path::Path) -> meja::ui::App {
    let mut app = AppBuilder::new(path)
        .staff("budi", Role::Petugas)
        .no_color()
        .build();
    key(&mut app, KeyCode::F(3));
    key(&mut app, KeyCode::Enter);
    app
}

/// No word of the chronology is cut across two screen lines.
fn words_whole(text: &str) {
    for l in text.lines() {
        let l = l.trim_end();
        for bad in ["menceri", "kontra", "berulan"] {
            if let Some(at) = l.find(bad) {
                assert!(
                    !l[at..].trim_end().eq(bad),
                    "a word is cut at the line's end: {l:?}"
                );
            }
        }
    }
}

#[test]
fn a_petugas_reads_the_whole_chronology_with_b_at_80x24_and_160x50() {
    let (_dir, path) = seeded();
    for (w, h) in [(80u16, 24u16), (160, 50)] {
        let mut app = petugas(&path);
        let text = screen_text(&render(&mut app, w, h));
        assert!(!text.contains("Akhir kronologi"), "{text}");
        assert!(text.contains("b Baca"), "the key bar offers it: {text}");
        typ(&mut app, "b");
        let text = screen_text(&render(&mut app, w, h));
        assert!(text.contains("Kronologi"), "{text}");
        assert!(text.contains("Kalimat ke-1:"), "{text}");
        assert!(text.contains("baris 1–"), "{text}");
        words_whole(&text);
        // Page by page to the end: every sentence passes by, none is lost.
        let mut seen = String::new();
        for _ in 0..40 {
            seen.push_str(&screen_text(&render(&mut app, w, h)));
            key(&mut app, KeyCode::PageDown);
        }
        for n in 1..=40 {
            assert!(seen.contains(&format!("ke-{n}:")), "{n} at {w}×{h}");
        }
        let text = screen_text(&render(&mut app, w, h));
        assert!(text.contains("Akhir kronologi."), "{text}");
        assert!(text.contains("Kunjungan rumah: korban aman."), "{text}");
        words_whole(&text);
        key(&mut app, KeyCode::Home);
        assert!(screen_text(&render(&mut app, w, h)).contains("Kalimat ke-1:"));
        // Esc goes back to the case file, not to the board.
        key(&mut app, KeyCode::Esc);
        let text = screen_text(&render(&mut app, w, h));
        assert!(
            !text.contains("baris 1–") && text.contains("PPA/"),
            "{text}"
        );
    }
}

#[test]
fn the_pager_at_80x24_looks_like_this() {
    let (_dir, path) = seeded();
    let mut app = petugas(&path);
    typ(&mut app, "b");
    insta::assert_snapshot!(screen_text(&render(&mut app, 80, 24)));
}

#[test]
fn the_pager_lives_at_tiny_sizes() {
    let (_dir, path) = seeded();
    let mut app = petugas(&path);
    typ(&mut app, "b");
    for (w, h) in [(1, 1), (3, 2), (10, 3), (20, 5), (300, 2)] {
        render(&mut app, w, h);
        key(&mut app, KeyCode::End);
        render(&mut app, w, h);
    }
}
