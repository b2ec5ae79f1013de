//! The case file's Hukum tab (issues 18, 19), driven by keys at 80×24: the qualification set
//! with a multi-pick (a sexual-violence case asks its TPKS kind and the dialog stays open
//! until it has one), the clocks with the hours and what to do, a hearing recorded through
//! the event dialog with its next date, the checklist ticked — and a mediation on a TPKS case
//! refused with the reason on screen (issue 18's acceptance), while a spouse PKDRT case
//! records its eligibility assessment. `s` opens the SIMFONI sheet from every tab, the
//! Rujukan tab's included.

mod common;

use chrono::{Local, TimeZone};
use common::*;
use meja::domain::intake::{Intake, Perpetrator};
use meja::store::Store;
use meja::ui::app::Screen;
use ratatui::crossterm::event::KeyCode;

/// A case against an adult woman opened on 20 November at 09:00 (the app's clock is 23
/// November, 10:15), with one adult alleged perpetrator of `relation`.
fn case(s: &mut Store, violence: &str, risk: &str, relation: &str) -> (i64, String) {
    let mut i = Intake::default();
    i.reporter.name = "Ibu Rina".into();
    i.victims[0].name = "Nur Aini".into();
    i.victims[0].sex = "P".into();
    i.victims[0].age = "24".into();
    i.perpetrators = vec![Perpetrator {
        name: "Budi".into(),
        sex: "L".into(),
        age: "35".into(),
        relation: relation.into(),
        ..Default::default()
    }];
    i.incident.violence = vec![violence.into()];
    i.incident.chronology = "Korban melapor ke kantor.".into();
    i.triage.risk = risk.into();
    i.consent.services = "ya".into();
    let at = Local.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
    let rec = i.to_record(at.date_naive()).unwrap();
    let o = s.open_case(&rec, "PPA", "ani", at, None).unwrap();
    (o.id, o.number)
}

fn open_case(app: &mut meja::ui::App, number: &str) {
    key(app, KeyCode::F(3));
    typ(app, "/");
    typ(app, number);
    key(app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Case);
}

/// `t` until the Hukum tab is shown.
fn to_legal_tab(app: &mut meja::ui::App) {
    for _ in 0..6 {
        if text(app).contains("Kualifikasi hukum:") {
            return;
        }
        typ(app, "t");
    }
    panic!("no Hukum tab: {}", text(app));
}

fn text(app: &mut meja::ui::App) -> String {
    screen_text(&render(app, 80, 24))
}

fn erase(app: &mut meja::ui::App) {
    for _ in 0..12 {
        key(app, KeyCode::Backspace);
    }
}

/// Picks the first match of `filter` in a single-choice list.
fn choose(app: &mut meja::ui::App, filter: &str) {
    typ(app, filter);
    key(app, KeyCode::Enter);
}

/// Types a line's answer and Enter.
fn answer(app: &mut meja::ui::App, s: &str) {
    typ(app, s);
    key(app, KeyCode::Enter);
}

#[test]
fn a_mediation_on_a_tpks_case_is_refused_and_the_screen_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let mut s = Store::open(&path).unwrap();
    let (id, number) = case(&mut s, "seksual", "rendah", "lainnya");
    drop(s);
    let mut app = AppBuilder::new(&path).no_color().build();
    open_case(&mut app, &number);
    to_legal_tab(&mut app);

    // q: the qualification. Sexual violence without a TPKS kind is refused inside the list.
    typ(&mut app, "q");
    typ(&mut app, "perlindungan");
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Enter);
    let t = text(&mut app);
    assert!(t.contains("tetapkan jenis TPKS"), "{t}");
    assert!(t.contains("Spasi memilih"), "the list stays open: {t}");
    erase(&mut app);
    typ(&mut app, "perkosaan");
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Enter);
    let t = text(&mut app);
    assert!(t.contains("TPKS: perkosaan"), "{t}");
    // The TPKS clock: 72 hours from the report on the 20th at 09:00, now past, with what
    // to do — readable without colour.
    assert!(
        t.contains("Lapor ke polisi (UU TPKS Pasal 41): batas 23-11-2026 09:00"),
        "{t}"
    );
    assert!(t.contains("→ Laporkan ke polisi"), "{t}");
    assert!(t.contains("Mediasi tidak boleh dicatat"), "{t}");

    // m: no dialog to fill in — the reason, in a box and on the status line.
    typ(&mut app, "m");
    let t = text(&mut app);
    assert!(t.contains("UU TPKS Pasal"), "{t}");
    insta::assert_snapshot!(
        "legal_mediation_refused_80x24",
        render(&mut app, 80, 24).backend()
    );
    key(&mut app, KeyCode::Enter);
    let store = Store::open(&path).unwrap();
    assert!(store.mediation_records(id).unwrap().is_empty());
    assert_eq!(
        store.legal_qualifications(id).unwrap(),
        vec!["tpks_perkosaan", "uu_pa"]
    );

    // h: the police report stops the clock.
    typ(&mut app, "h");
    choose(&mut app, "laporan");
    erase(&mut app);
    answer(&mut app, "22-11-2026");
    // Unit and number are required: refused inside the dialog.
    key(&mut app, KeyCode::Enter);
    let t = text(&mut app);
    assert!(t.contains("Wajib diisi."), "{t}");
    answer(&mut app, "Unit PPA Polres Metro");
    answer(&mut app, "LP/B/123/XI/2026");
    answer(&mut app, "Bripka Sari");
    answer(&mut app, "14:30");
    // No next date for a police report.
    key(&mut app, KeyCode::Enter);
    let t = text(&mut app);
    assert!(t.contains("Unit PPA Polres Metro"), "{t}");
    assert!(t.contains("terpenuhi"), "the clock met: {t}");

    // i: the restitution and LPSK item, ticked.
    assert!(t.contains("[ ] Korban diberi tahu"), "{t}");
    typ(&mut app, "i");
    choose(&mut app, "restitusi");
    let t = text(&mut app);
    assert!(t.contains("[x] Korban diberi tahu"), "{t}");
    insta::assert_snapshot!("legal_tab_80x24", render(&mut app, 80, 24).backend());
}

#[test]
fn a_hearing_and_a_spouse_mediation_recorded_from_the_tab_and_s_is_the_simfoni_sheet_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let mut s = Store::open(&path).unwrap();
    let (id, number) = case(&mut s, "psikis", "rendah", "suami_istri");
    drop(s);
    let mut app = AppBuilder::new(&path).no_color().build();
    open_case(&mut app, &number);
    to_legal_tab(&mut app);
    typ(&mut app, "q");
    typ(&mut app, "pkdrt_psikis");
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Enter);
    let t = text(&mut app);
    assert!(t.contains("delik aduan"), "the spouse note: {t}");

    // h: a hearing, with its next hearing four days ahead — offered as the next date.
    typ(&mut app, "h");
    choose(&mut app, "sidang");
    erase(&mut app);
    answer(&mut app, "23-11-2026");
    answer(&mut app, "PN Metro");
    answer(&mut app, "41/Pid.Sus/2026/PN Mtr");
    typ(&mut app, "Pembacaan dakwaan");
    ctrl(&mut app, 's');
    answer(&mut app, "rina");
    answer(&mut app, "27-11-2026");
    let t = text(&mut app);
    assert!(t.contains("27-11-2026"), "offered as the next date: {t}");
    key(&mut app, KeyCode::Enter);
    let t = text(&mut app);
    assert!(t.contains("PN Metro"), "{t}");
    assert!(t.contains("berikutnya 27-11-2026"), "{t}");
    assert!(t.contains("! Sidang dalam 7 hari: 27-11-2026"), "{t}");

    // m: the eligibility assessment of a civil matter, which the law allows here.
    typ(&mut app, "m");
    choose(&mut app, "asesmen");
    erase(&mut app);
    answer(&mut app, "23-11-2026");
    choose(&mut app, "perdata");
    choose(&mut app, "ya");
    answer(&mut app, "Rina (pekerja sosial)");
    ctrl(&mut app, 's');
    let t = text(&mut app);
    assert!(t.contains("Asesmen kelayakan"), "{t}");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.mediation_records(id).unwrap().len(), 1);
    assert_eq!(store.legal_events(id).unwrap().len(), 1);
    drop(store);

    // `s` is the SIMFONI sheet on every tab, Rujukan included.
    for _ in 0..6 {
        typ(&mut app, "t");
        let on = text(&mut app);
        typ(&mut app, "s");
        assert_eq!(app.screen(), Screen::SimfoniSheet, "{on}");
        key(&mut app, KeyCode::Esc);
        assert_eq!(app.screen(), Screen::Case);
    }
}
