//! The case board, the case file and search, driven by key events on a seeded database.

mod common;

use chrono::NaiveDate;
use common::*;
use meja::i18n::Lang;
use meja::store::Store;
use meja::tasks::demo::{DemoOptions, fill};
use meja::ui::app::Screen;
use ratatui::crossterm::event::KeyCode;

/// A demo office whose dates line up with the tests' fixed clock (23-11-2026).
fn seeded(cases: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let mut s = Store::open(&path).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    fill(
        &mut s,
        "PPA",
        DemoOptions {
            cases,
            agencies: 0,
            seed: 5,
            as_of,
        },
    )
    .unwrap();
    (dir, path)
}

/// victim, sex, birth date, violence, risk, emergency, worker, stage, opened on (Nov) day.
type FixtureCase = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
    &'static str,
    meja::domain::case::Stage,
    u32,
);

/// A hand-built office for the screen snapshots: twelve cases with fixed names, dates,
/// stages and workers, so a change to the demo generator moves no snapshot. Every case is
/// opened by the store as an intake would be, then moved stage by stage.
fn board_fixture() -> (tempfile::TempDir, std::path::PathBuf) {
    use chrono::TimeZone;
    use meja::domain::case::{Move, Stage};
    use meja::domain::intake::{Intake, Perpetrator};
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let mut s = Store::open(&path).unwrap();
    // The fixture's history is stage moves only; the plan gate has its own tests.
    s.set_plan_gate(meja::domain::approval::Gate::Off);
    let cases: [FixtureCase; 12] = [
        (
            "Siti Aminah",
            "P",
            "01-03-2014",
            "seksual",
            "tinggi",
            true,
            "ani",
            Stage::Pengaduan,
            22,
        ),
        (
            "Dewi Lestari",
            "P",
            "12-08-1995",
            "fisik",
            "sedang",
            false,
            "",
            Stage::Pengaduan,
            21,
        ),
        (
            "Rudi Hartono",
            "L",
            "05-01-2012",
            "psikis",
            "rendah",
            false,
            "budi",
            Stage::Pengaduan,
            18,
        ),
        (
            "Nur Halimah",
            "P",
            "23-06-2010",
            "penelantaran",
            "sedang",
            false,
            "ani",
            Stage::Asesmen,
            15,
        ),
        (
            "Agus Salim",
            "L",
            "14-02-2016",
            "fisik",
            "tinggi",
            true,
            "budi",
            Stage::Asesmen,
            12,
        ),
        (
            "Maya Sari",
            "P",
            "30-09-1988",
            "psikis",
            "rendah",
            false,
            "",
            Stage::Asesmen,
            10,
        ),
        (
            "Rina Wati",
            "P",
            "02-11-2008",
            "seksual",
            "tinggi",
            false,
            "ani",
            Stage::Rencana,
            6,
        ),
        (
            "Bayu Pratama",
            "L",
            "19-04-2013",
            "eksploitasi",
            "sedang",
            false,
            "budi",
            Stage::Rencana,
            4,
        ),
        (
            "Lina Marlina",
            "P",
            "08-12-1990",
            "fisik",
            "sedang",
            false,
            "ani",
            Stage::Intervensi,
            3,
        ),
        (
            "Yusuf Ahmad",
            "L",
            "27-07-2011",
            "trafficking",
            "tinggi",
            true,
            "",
            Stage::Intervensi,
            2,
        ),
        (
            "Sri Wahyuni",
            "P",
            "11-05-2009",
            "psikis",
            "rendah",
            false,
            "budi",
            Stage::Pemantauan,
            1,
        ),
        (
            "Ika Putri",
            "P",
            "16-10-2015",
            "seksual",
            "sedang",
            false,
            "ani",
            Stage::Pemantauan,
            1,
        ),
    ];
    for (name, sex, birth, violence, risk, emergency, worker, stage, day) in cases {
        let at = chrono::Local
            .with_ymd_and_hms(2026, 11, day, 9, 30, 0)
            .unwrap();
        let mut i = Intake::default();
        i.reporter.name = "Pelapor".into();
        i.victims[0].name = name.into();
        i.victims[0].sex = sex.into();
        i.victims[0].birth_date = birth.into();
        i.victims[0].region = "18.72.01".into();
        let year: i32 = birth[6..].parse().unwrap();
        if year >= 2008 {
            i.victims[0].ampk = vec!["a".into()];
        }
        i.perpetrators = vec![Perpetrator {
            name: "Terlapor".into(),
            relation: "tetangga".into(),
            ..Default::default()
        }];
        i.incident.violence = vec![violence.into()];
        i.incident.chronology = format!("Kronologi kasus {name}.");
        i.triage.risk = risk.into();
        i.triage.emergency = if emergency { "ya" } else { "tidak" }.into();
        i.consent.services = "ya".into();
        i.consent.share = "ya".into();
        i.consent.relation = "orang_tua".into();
        i.consent.given_by = "Wali".into();
        let rec = i.to_record(at.date_naive()).unwrap();
        let opened = s.open_case(&rec, "PPA", "ani", at, None).unwrap();
        let mut version = 1;
        if !worker.is_empty() {
            add_worker(&mut s, worker, meja::domain::staff::Role::Petugas);
            s.assign(opened.id, version, worker, "ani", at).unwrap();
            version += 1;
        }
        let mut from = Stage::Pengaduan;
        while from != stage {
            let to = from.next().unwrap();
            let when = at + chrono::Duration::hours(version);
            s.apply_move(opened.id, version, from, &Move::Forward(to), "ani", when)
                .unwrap();
            version += 1;
            from = to;
        }
    }
    (dir, path)
}

fn stage_of(path: &std::path::Path, number: &str) -> String {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row("SELECT stage FROM cases WHERE number = ?1", [number], |r| {
            r.get(0)
        })
        .unwrap()
}

/// The number of the selected card, read from the case file it opens.
fn open_selected(app: &mut meja::ui::App) -> String {
    key(app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Case);
    let text = screen_text(&render(app, 80, 24));
    let number = text
        .lines()
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    key(app, KeyCode::Esc);
    number
}

#[test]
fn board_at_80x24_and_160x48() {
    let (_dir, path) = board_fixture();
    let mut app = app_on(&path, Lang::Id, "ani");
    key(&mut app, KeyCode::F(3));
    assert_eq!(app.screen(), Screen::Board);
    let narrow = render(&mut app, 80, 24);
    let text = screen_text(&narrow);
    // A narrow column shortens its stage's name to keep its counts whole.
    for stage in ["Pengadu", "Asesmen (", "Rencana (", "Interve", "Pemanta"] {
        assert!(text.contains(stage), "{stage} column: {text}");
    }
    insta::assert_snapshot!("board_80x24", narrow.backend());
    insta::assert_snapshot!("board_160x48", render(&mut app, 160, 48).backend());
}

#[test]
fn the_board_never_shows_a_full_name() {
    let (_dir, path) = seeded(40);
    let names: Vec<String> = rusqlite::Connection::open(&path)
        .unwrap()
        .prepare("SELECT name FROM persons WHERE name LIKE '% %'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(!names.is_empty());
    let mut app = app_on(&path, Lang::Id, "ani");
    key(&mut app, KeyCode::F(3));
    typ(&mut app, "t"); // closed cases too
    for (w, h) in [(80, 24), (160, 48), (240, 60)] {
        let text = screen_text(&render(&mut app, w, h));
        for n in &names {
            assert!(!text.contains(n.as_str()), "{n} on the board");
        }
    }
}

#[test]
fn moving_a_card_forward_back_and_closing_it_is_confirmed_and_recorded() {
    let (_dir, path) = seeded(40);
    let mut app = app_on(&path, Lang::Id, "budi");
    key(&mut app, KeyCode::F(3));
    key(&mut app, KeyCode::Right); // Asesmen
    let number = open_selected(&mut app);
    assert_eq!(stage_of(&path, &number), "asesmen");

    typ(&mut app, ">");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(
        text.contains(&format!("Pindahkan {number} ke Rencana Intervensi? (y/t)")),
        "{text}"
    );
    typ(&mut app, "t"); // no
    assert_eq!(stage_of(&path, &number), "asesmen");
    typ(&mut app, ">");
    typ(&mut app, "y");
    assert_eq!(stage_of(&path, &number), "rencana");

    // The card followed its case into the next column; back needs a reason.
    typ(&mut app, "<");
    key(&mut app, KeyCode::Enter); // an empty reason is refused
    assert_eq!(stage_of(&path, &number), "rencana");
    assert!(screen_text(&render(&mut app, 80, 24)).contains("Alasan wajib diisi."));
    // The dialog stayed open: the reason typed next goes into it.
    typ(&mut app, "data keluarga belum lengkap");
    key(&mut app, KeyCode::Enter);
    assert_eq!(stage_of(&path, &number), "asesmen");

    typ(&mut app, "c");
    typ(&mut app, "tercapai");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "y");
    assert_eq!(stage_of(&path, &number), "terminasi");

    let conn = rusqlite::Connection::open(&path).unwrap();
    let rows: Vec<(String, String, Option<String>)> = conn
        .prepare(
            "SELECT h.action, h.staff, h.note FROM case_history h JOIN cases c ON c.id = h.case_id
             WHERE c.number = ?1 AND h.staff = 'budi' ORDER BY h.id",
        )
        .unwrap()
        .query_map([&number], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(
        rows,
        vec![
            ("tahap".into(), "budi".into(), None),
            (
                "tahap_mundur".into(),
                "budi".into(),
                Some("data keluarga belum lengkap".into())
            ),
            (
                "ditutup".into(),
                "budi".into(),
                Some("tujuan_tercapai".into())
            ),
        ]
    );
}

#[test]
fn case_file_and_its_timeline_at_80x24_and_160x48() {
    let (_dir, path) = board_fixture();
    let mut app = app_on(&path, Lang::Id, "ani");
    key(&mut app, KeyCode::F(3));
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "n");
    app.handle(&ratatui::crossterm::event::Event::Paste(
        "Kunjungan rumah.\nKorban aman.".into(),
    ));
    ctrl(&mut app, 's');
    insta::assert_snapshot!("case_file_80x24", render(&mut app, 80, 24).backend());
    // Data → Layanan → Pemantauan → Riwayat.
    typ(&mut app, "ttt");
    let term = render(&mut app, 80, 24);
    let text = screen_text(&term);
    assert!(
        text.contains("Catatan") && text.contains("Kunjungan rumah."),
        "{text}"
    );
    assert!(text.contains("Tahap: Pengaduan → Asesmen"), "{text}");
    insta::assert_snapshot!("case_timeline_80x24", term.backend());
    // → Rujukan → Hukum → Data.
    typ(&mut app, "ttt");
    insta::assert_snapshot!("case_file_160x48", render(&mut app, 160, 48).backend());
}

#[test]
fn an_edit_is_saved_field_by_field() {
    let (_dir, path) = seeded(40);
    let mut app = app_on(&path, Lang::Id, "ani");
    key(&mut app, KeyCode::F(3));
    let number = open_selected(&mut app);
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "e");
    goto(&mut app, at::REPORTER_ADDRESS);
    typ(&mut app, "Jl. Baru 1");
    ctrl(&mut app, 's');
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Perubahan disimpan."), "{text}");
    let (field, new): (String, String) = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT field, new_value FROM case_history h JOIN cases c ON c.id = h.case_id
             WHERE c.number = ?1 AND action = 'diubah'",
            [&number],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(field, "pelapor.address");
    assert!(new.ends_with("Jl. Baru 1"));
}

#[test]
fn a_conflicting_edit_is_refused_shown_and_kept_to_reapply() {
    let (_dir, path) = seeded(40);
    let mut a = app_on(&path, Lang::Id, "ani");
    let mut b = app_on(&path, Lang::Id, "budi");
    key(&mut a, KeyCode::F(3));
    key(&mut b, KeyCode::F(3));
    let number = open_selected(&mut a);
    key(&mut a, KeyCode::Enter);
    typ(&mut a, "e");
    goto(&mut a, at::REPORTER_ADDRESS);
    typ(&mut a, "Gg. Ani");
    // Meanwhile B moves the same case on.
    let b_number = open_selected(&mut b);
    assert_eq!(b_number, number);
    typ(&mut b, ">");
    typ(&mut b, "y");
    ctrl(&mut a, 's');
    let text = screen_text(&render(&mut a, 80, 24));
    assert!(text.contains("Sudah diubah orang lain"), "{text}");
    assert!(text.contains("tahap: Pengaduan → Asesmen"), "{text}");
    key(&mut a, KeyCode::Enter); // dismiss
    assert!(
        a.form_in_case()
            .unwrap()
            .intake
            .reporter
            .address
            .ends_with("Gg. Ani"),
        "the edit is kept"
    );
    ctrl(&mut a, 's');
    assert!(screen_text(&render(&mut a, 80, 24)).contains("Perubahan disimpan."));
    assert_eq!(
        stage_of(&path, &number),
        "asesmen",
        "B's move was not overwritten"
    );
}

#[test]
fn search_finds_a_case_as_you_type_and_opens_it() {
    let (_dir, path) = seeded(30);
    let (number, name): (String, String) = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT c.number, p.name FROM cases c JOIN persons p ON p.case_id = c.id
             WHERE p.role = 'korban' AND p.name LIKE '% %' ORDER BY c.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let mut app = app_on(&path, Lang::Id, "ani");
    key(&mut app, KeyCode::F(3));
    typ(&mut app, "/");
    assert_eq!(app.screen(), Screen::Search);
    typ(&mut app, &number);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains(&number), "{text}");
    // The whole name finds the case among the results, which show initials only.
    for _ in 0..number.len() {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, &name.to_lowercase());
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains(&number), "{name} finds {number}: {text}");
    assert!(!text.contains(&name), "search results list initials only");
    // Back to the number, and Enter opens that case.
    for _ in 0..name.chars().count() {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, &number);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Case);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(
        text.contains(&name),
        "inside the case file the full name is shown: {text}"
    );
}

/// Sum of the "(n)" counts in the board's column titles.
fn board_total(text: &str) -> i64 {
    assert!(
        text.lines().next().unwrap().contains("Papan kasus"),
        "not the board: {text}"
    );
    let title_row = text.lines().nth(1).unwrap();
    title_row
        .split('(')
        .skip(1)
        // "(12)", or "(12 · 3 terlambat)" / "(12 !3)" when some are overdue: the first number
        // is the column's count.
        .filter_map(|p| p.split([')', ' ']).next()?.parse::<i64>().ok())
        .sum()
}

#[test]
fn filters_narrow_the_board() {
    let (_dir, path) = seeded(60);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    let mut app = app_on(&path, Lang::Id, "ani");
    key(&mut app, KeyCode::F(3));
    let all = board_total(&screen_text(&render(&mut app, 160, 48)));
    assert_eq!(
        all,
        count("SELECT count(*) FROM cases WHERE stage != 'terminasi'")
    );

    typ(&mut app, "f");
    typ(&mut app, "darurat");
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&render(&mut app, 160, 48));
    let emergencies =
        count("SELECT count(*) FROM cases WHERE stage != 'terminasi' AND emergency = 1");
    assert!(emergencies > 0 && emergencies < all);
    assert_eq!(board_total(&text), emergencies, "{text}");

    // Replace the filter with a date range.
    typ(&mut app, "f");
    typ(&mut app, "darurat");
    key(&mut app, KeyCode::Char(' '));
    for _ in 0.."darurat".len() {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "tanggal");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("[ ] Dibuka antara"), "{text}");
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Dibuka antara (mis."), "{text}");
    typ(&mut app, "01-11-2026 - 23-11-2026");
    key(&mut app, KeyCode::Enter);
    let in_range = count(
        "SELECT count(*) FROM cases WHERE stage != 'terminasi' AND substr(opened_at, 1, 10) BETWEEN '2026-11-01' AND '2026-11-23'",
    );
    assert!(in_range > 0 && in_range < all);
    let text = screen_text(&render(&mut app, 160, 48));
    assert_eq!(board_total(&text), in_range, "{text}");

    // Reopening the filter keeps what is in force (Esc on the dates keeps them).
    typ(&mut app, "f");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        board_total(&screen_text(&render(&mut app, 160, 48))),
        in_range
    );

    // And narrows further to one kecamatan, chosen level by level.
    typ(&mut app, "f");
    typ(&mut app, "wilayah");
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Provinsi"), "the region picker opens: {text}");
    typ(&mut app, "lampung");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "kt metro");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "pusat");
    key(&mut app, KeyCode::Tab);
    let in_pusat = count(
        "SELECT count(*) FROM cases c JOIN persons p ON p.case_id = c.id AND p.role = 'korban' AND p.ord = 0
         WHERE c.stage != 'terminasi' AND substr(c.opened_at, 1, 10) BETWEEN '2026-11-01' AND '2026-11-23'
           AND p.region LIKE '18.72.01%'",
    );
    assert!(in_pusat < in_range);
    let text = screen_text(&render(&mut app, 160, 48));
    assert_eq!(board_total(&text), in_pusat, "{text}");
}

#[test]
fn another_workers_change_appears_without_a_keypress() {
    let (_dir, path) = seeded(20);
    let mut watcher = app_on(&path, Lang::Id, "ani");
    key(&mut watcher, KeyCode::F(3));
    let before = board_total(&screen_text(&render(&mut watcher, 160, 48)));
    // Nothing changed: the timer fires and nothing is redrawn.
    assert!(!watcher.tick(std::time::Instant::now() + std::time::Duration::from_secs(16)));

    let mut other = app_on(&path, Lang::Id, "budi");
    fill_minimum(&mut other);
    ctrl(&mut other, 's');
    assert_eq!(other.screen(), Screen::Saved);

    assert!(
        watcher.next_deadline().is_some(),
        "the board waits on a timer, not on keys"
    );
    let redraw = watcher.tick(std::time::Instant::now() + std::time::Duration::from_secs(60));
    assert!(redraw, "the change was noticed");
    assert_eq!(
        board_total(&screen_text(&render(&mut watcher, 160, 48))),
        before + 1
    );
}

#[test]
fn starting_on_the_board_shows_the_same_first_screen_then_the_whole_board() {
    let (_dir, path) = seeded(400);
    for (w, h) in [(80, 24), (160, 48)] {
        let mut full = app_on(&path, Lang::Id, "ani");
        key(&mut full, KeyCode::F(3));
        let want = screen_text(&render(&mut full, w, h));

        // `meja --board`: outlines, with the cards that fit in the terminal complete.
        let mut fast = app_on(&path, Lang::Id, "ani");
        fast.start_on_board(h);
        assert_eq!(fast.screen(), Screen::Board);
        assert_eq!(
            screen_text(&render(&mut fast, w, h)),
            want,
            "first frame {w}x{h}"
        );
        // The rest is read at once, before any key: the board is then the full one.
        assert!(fast.next_deadline().is_some());
        assert!(fast.tick(std::time::Instant::now()));
        assert_eq!(screen_text(&render(&mut fast, w, h)), want);
        key(&mut fast, KeyCode::End);
        key(&mut full, KeyCode::End);
        assert_eq!(
            screen_text(&render(&mut fast, w, h)),
            screen_text(&render(&mut full, w, h))
        );
    }
}

#[test]
fn back_on_the_board_every_change_shows_whoever_made_it() {
    // F3 and Esc redraw the loaded board when nothing changed; any write, this session's or
    // another's, must still show on the way back.
    let (_dir, path) = seeded(20);
    let mut me = app_on(&path, Lang::Id, "ani");
    key(&mut me, KeyCode::F(3));
    let start = board_total(&screen_text(&render(&mut me, 160, 48)));
    // Away and back with nothing written: the same board.
    key(&mut me, KeyCode::F(4));
    key(&mut me, KeyCode::F(3));
    assert_eq!(board_total(&screen_text(&render(&mut me, 160, 48))), start);
    // Another worker saves a case while this one is in the directory.
    key(&mut me, KeyCode::F(4));
    let mut other = app_on(&path, Lang::Id, "budi");
    fill_minimum(&mut other);
    ctrl(&mut other, 's');
    assert_eq!(other.screen(), Screen::Saved);
    key(&mut me, KeyCode::F(3));
    assert_eq!(
        board_total(&screen_text(&render(&mut me, 160, 48))),
        start + 1
    );
    // This worker saves one: its own write shows too.
    key(&mut me, KeyCode::F(2));
    fill_minimum(&mut me);
    ctrl(&mut me, 's');
    assert_eq!(me.screen(), Screen::Saved);
    key(&mut me, KeyCode::F(3));
    assert_eq!(
        board_total(&screen_text(&render(&mut me, 160, 48))),
        start + 2
    );
}

/// The number of the first case, for tests that only need one.
fn first_number(path: &std::path::Path) -> String {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row("SELECT number FROM cases ORDER BY id LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap()
}

#[test]
fn a_case_found_by_search_goes_back_to_the_board_not_the_search() {
    let (_dir, path) = seeded(5);
    let number = first_number(&path);
    let mut app = app_on(&path, Lang::Id, "ani");
    key(&mut app, KeyCode::F(3));
    typ(&mut app, "/");
    typ(&mut app, &number);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Case);
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        app.screen(),
        Screen::Board,
        "the case took the search's place"
    );
    key(&mut app, KeyCode::Esc);
    assert_ne!(app.screen(), Screen::Board, "Esc on the board leaves it");
}

#[test]
fn help_opens_over_the_current_screen_with_its_keys_first_and_pops_back_to_it() {
    let (_dir, path) = seeded(5);
    let number = first_number(&path);
    let mut app = app_on(&path, Lang::Id, "ani");
    key(&mut app, KeyCode::F(3));
    typ(&mut app, "/");
    typ(&mut app, &number);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Case);
    key(&mut app, KeyCode::F(1));
    assert_eq!(app.screen(), Screen::Help);
    let text = screen_text(&render(&mut app, 80, 24));
    let case = text.find("Di berkas kasus").expect("the case file's keys");
    let global = text.find("Di semua layar").unwrap_or(usize::MAX);
    assert!(case < global, "the case file's keys come first: {text}");
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        app.screen(),
        Screen::Case,
        "help pops back to the case file"
    );
    // F1 in help closes it too, and help never stacks on itself.
    key(&mut app, KeyCode::F(1));
    key(&mut app, KeyCode::F(1));
    assert_eq!(app.screen(), Screen::Case);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Board);
}

#[test]
fn search_keys_come_from_its_table_and_the_rest_is_typed() {
    let (_dir, path) = seeded(5);
    let mut app = app_on(&path, Lang::Id, "ani");
    key(&mut app, KeyCode::F(3));
    typ(&mut app, "/");
    // `j` and `k` are letters of a name here, not moves.
    typ(&mut app, "jk");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains(": jk"), "{text}");
    key(&mut app, KeyCode::F(1));
    let text = screen_text(&render(&mut app, 80, 24));
    let at = text
        .find("Di pencarian kasus")
        .expect("search's keys first");
    assert!(
        text[at..].contains("↑ ↓"),
        "help lists the arrow keys: {text}"
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Search);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Board);
}
