//! The SIMFONI screens: one victim's sheet from the case file (`s`), read-only at 80×24, the
//! mark "diinput ke SIMFONI" (`m`), and the month-end list from the board (`S`).

mod common;

use chrono::{Local, TimeZone};
use common::*;
use meja::domain::intake::Intake;
use meja::domain::plan::Doer;
use meja::domain::service::ServiceGiven;
use meja::domain::staff::Role;
use meja::store::Store;
use meja::ui::app::Screen;
use ratatui::crossterm::event::KeyCode;

fn intake(name: &str) -> Intake {
    let mut i = Intake::default();
    i.reporter.channel = "sapa129_telepon".into();
    let v = &mut i.victims[0];
    v.name = name.into();
    v.sex = "P".into();
    v.birth_date = "14-02-2013".into();
    v.address = "Jl. Melati No. 4".into();
    v.domicile = "Jl. Mawar No. 9".into();
    v.region = "18.72.01".into();
    v.education = "sltp".into();
    v.occupation = "pelajar".into();
    v.marital = "belum_menikah".into();
    v.nationality = "wni".into();
    v.disability = "tidak".into();
    v.ampk = vec!["j".into()];
    i.add_perpetrator();
    let p = &mut i.perpetrators[0];
    p.sex = "L".into();
    p.age = "35".into();
    p.relation = "tetangga".into();
    p.education = "slta".into();
    p.occupation = "swasta_buruh".into();
    p.nationality = "wni".into();
    i.incident.date = "08-11-2026".into();
    i.incident.place = "daring".into();
    i.incident.violence = vec!["seksual".into()];
    i.incident.chronology = "Korban menerima pesan tidak pantas.".into();
    i.triage.risk = "tinggi".into();
    i.triage.authority = "daerah".into();
    i.consent.services = "ya".into();
    i
}

/// Two cases reported in November 2026; the first had a psychological service.
fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let mut s = Store::open(&path).unwrap();
    for (day, name) in [(10, "Siti Aminah"), (12, "Dewi Lestari")] {
        let when = Local.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap();
        let rec = intake(name).to_record(when.date_naive()).unwrap();
        let id = s.open_case(&rec, "PPA", "ani", when, None).unwrap().id;
        if day == 10 {
            let victim: i64 = rusqlite::Connection::open(&path)
                .unwrap()
                .query_row(
                    "SELECT id FROM persons WHERE case_id = ?1 AND role = 'korban'",
                    [id],
                    |r| r.get(0),
                )
                .unwrap();
            let g = ServiceGiven {
                id: 0,
                date: when.date_naive(),
                service: "psikologis".into(),
                victim_id: victim,
                given_by: Doer::Staff("ani".into()),
                note: String::new(),
            };
            s.give_service(id, &g, None, "ani", when).unwrap().unwrap();
        }
    }
    (dir, path)
}

/// The board, then the file of the first card (the oldest case).
fn open_first_case(app: &mut meja::ui::App) {
    key(app, KeyCode::F(3));
    key(app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Case);
}

#[test]
fn the_sheet_shows_simfonis_values_in_its_order_and_marks_the_victim_entered() {
    let (_dir, path) = setup();
    let mut app = AppBuilder::new(&path).build();
    open_first_case(&mut app);
    typ(&mut app, "s");
    assert_eq!(app.screen(), Screen::SimfoniSheet);
    let t = render(&mut app, 80, 24);
    let text = screen_text(&t);
    assert!(text.contains("belum diinput"), "{text}");
    insta::assert_snapshot!("simfoni_sheet_80x24", t.backend());
    let number = if text.contains("PPA/2026/0001") {
        "PPA/2026/0001"
    } else {
        panic!("{text}")
    };

    // Further down: meja's daring as SIMFONI's Lainnya, the service under SIMFONI's eight.
    for _ in 0..3 {
        key(&mut app, KeyCode::PageDown);
    }
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(
        text.contains("Rehabilitasi sosial") && text.contains("Ya (10-11-2026)"),
        "{text}"
    );

    typ(&mut app, "m");
    typ(&mut app, "SIM-42");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::SimfoniSheet);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(
        text.contains("diinput 23-11-2026 oleh ani · ref. SIMFONI SIM-42"),
        "{text}"
    );
    let s = Store::open(&path).unwrap();
    let id = s.find_case_number(number).unwrap().unwrap();
    assert!(matches!(
        s.simfoni_states(id).unwrap()[0],
        meja::domain::simfoni::EntryState::Entered(_)
    ));
    // Opening the sheet is in the access log, as opening the case file is.
    let log = s
        .access_log(&meja::store::access::AccessFilter::default())
        .unwrap();
    assert!(log.iter().any(|e| e.detail == "lembar SIMFONI korban 1"));

    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Case);
}

#[test]
fn the_month_end_list_shows_who_is_left_and_opens_their_sheet() {
    let (_dir, path) = setup();
    let mut s = Store::open(&path).unwrap();
    let first = s.find_case_number("PPA/2026/0001").unwrap().unwrap();
    s.mark_simfoni(first, 0, "", "ani", Local::now()).unwrap();
    let mut app = AppBuilder::new(&path).build();
    key(&mut app, KeyCode::F(3));
    typ(&mut app, "S");
    assert_eq!(app.screen(), Screen::SimfoniMonth);
    let t = render(&mut app, 80, 24);
    let text = screen_text(&t);
    assert!(text.contains("1 belum diinput · 0 berubah"), "{text}");
    assert!(text.contains("PPA/2026/0002") && !text.contains("PPA/2026/0001"));
    assert!(
        text.contains("D.L.") && !text.contains("Dewi"),
        "initials only: {text}"
    );
    insta::assert_snapshot!("simfoni_month_80x24", t.backend());

    // The month before: no case yet, nothing to enter.
    key(&mut app, KeyCode::Left);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Semua korban sudah diinput"), "{text}");
    key(&mut app, KeyCode::Right);

    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::SimfoniSheet);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("PPA/2026/0002") && text.contains("Dewi Lestari"));
    // Marked from the sheet, the victim leaves the list.
    typ(&mut app, "m");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::SimfoniMonth);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Semua korban sudah diinput"), "{text}");
}

#[test]
fn the_sheet_reads_without_colour_survives_any_size_and_is_a_supervisors() {
    let (_dir, path) = setup();
    let mut app = AppBuilder::new(&path).no_color().build();
    open_first_case(&mut app);
    typ(&mut app, "s");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Data korban") && text.contains("Pendidikan terakhir"));
    for (w, h) in [(1, 1), (10, 3), (30, 8), (200, 60), (80, 24)] {
        render(&mut app, w, h);
    }
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    typ(&mut app, "S");
    for (w, h) in [(1, 1), (10, 3), (30, 8), (200, 60)] {
        render(&mut app, w, h);
    }

    // A front-desk worker may not: the case file stays, with the reason.
    let mut app = AppBuilder::new(&path).staff("budi", Role::Petugas).build();
    open_first_case(&mut app);
    typ(&mut app, "s");
    assert_eq!(app.screen(), Screen::Case);
}

#[test]
fn f7_copies_the_ktp_address_into_the_domicile() {
    let mut t = new_app(meja::i18n::Lang::Id);
    goto(&mut t.app, at::VICTIM_NAME);
    typ(&mut t.app, "Siti");
    goto(
        &mut t.app,
        meja::domain::intake::Field::Victim(0, meja::domain::intake::VictimField::Address),
    );
    typ(&mut t.app, "Jl. Melati No. 4");
    key(&mut t.app, KeyCode::F(7));
    let text = screen_text(&render(&mut t.app, 80, 24));
    let domicile = text
        .lines()
        .find(|l| l.starts_with("Alamat domisili"))
        .expect(&text);
    assert!(domicile.contains("Jl. Melati No. 4"), "{domicile}");
}
