//! Dialogs as flows, driven by keys the way a new worker would press them: an answer that is
//! refused keeps the dialog open with the reason inside it, and what is typed next goes into
//! the dialog, never to the screen below (where `a` would open assign and `e` would edit).

mod common;

use chrono::{Local, NaiveDate, TimeZone};
use common::*;
use meja::domain::agency::{Agency, Week};
use meja::domain::intake::Intake;
use meja::i18n::Lang;
use meja::store::Store;
use meja::ui::App;
use meja::ui::app::Screen;
use meja::ui::screens::directory::SheetField;
use ratatui::crossterm::event::{Event, KeyCode};

/// Two agencies and one case (stage Pengaduan) whose consent to share is `share`.
fn setup(share: &str) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let mut s = Store::open(&path).unwrap();
    let now = Local.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
    let agency = |source: &str, name: &str, kind: &str, service: &str| Agency {
        source_id: source.into(),
        name: name.into(),
        kind: kind.into(),
        services: vec![service.into()],
        areas: vec!["18.72".into()],
        phones: vec!["0725000001".into()],
        hours: Week::parse("Sen-Jum 08.00-16.00").unwrap(),
        verified: NaiveDate::from_ymd_opt(2026, 10, 1),
        ..Default::default()
    };
    let list = vec![
        agency("1", "Biro Psikologi Harapan", "psikolog", "psikologis"),
        agency("2", "LBH Metro Adil", "bantuan_hukum", "bantuan_hukum"),
    ];
    s.import_agencies(&list, false, now).unwrap();
    let mut i = Intake::default();
    i.victims[0].name = "Siti Aminah".into();
    i.victims[0].sex = "P".into();
    i.victims[0].birth_date = "01-02-2014".into();
    i.victims[0].ampk = vec!["a".into()];
    i.incident.violence = vec!["psikis".into()];
    i.triage.risk = "tinggi".into();
    i.consent.services = "ya".into();
    i.consent.share = share.into();
    i.consent.relation = "orang_tua".into();
    i.consent.given_by = "Ibu Rahma".into();
    let rec = i.to_record(now.date_naive()).unwrap();
    let number = s.open_case(&rec, "PPA", "ani", now, None).unwrap().number;
    (dir, path, number)
}

fn open_case(app: &mut App, number: &str) {
    key(app, KeyCode::F(3));
    typ(app, "/");
    typ(app, number);
    key(app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Case, "{}", text(app));
}

fn text(app: &mut App) -> String {
    screen_text(&render(app, 80, 24))
}

/// `msg` is shown inside a dialog's frame (between its `│` borders), not on the status line.
fn shown_inside(app: &mut App, msg: &str) -> bool {
    text(app).lines().any(|l| {
        l.find(msg)
            .is_some_and(|at| l[..at].contains('│') && l[at + msg.len()..].contains('│'))
    })
}

fn assert_inside(app: &mut App, msg: &str) {
    let t = text(app);
    assert!(shown_inside(app, msg), "{msg:?} not inside a dialog:\n{t}");
}

fn stage(path: &std::path::Path, number: &str) -> String {
    let c = rusqlite::Connection::open(path).unwrap();
    c.query_row("SELECT stage FROM cases WHERE number = ?1", [number], |r| {
        r.get(0)
    })
    .unwrap()
}

fn last_history_note(path: &std::path::Path, number: &str) -> Option<String> {
    let c = rusqlite::Connection::open(path).unwrap();
    c.query_row(
        "SELECT h.note FROM case_history h JOIN cases c ON c.id = h.case_id
         WHERE c.number = ?1 ORDER BY h.id DESC LIMIT 1",
        [number],
        |r| r.get(0),
    )
    .unwrap()
}

fn clear_line(app: &mut App) {
    for _ in 0..80 {
        key(app, KeyCode::Backspace);
    }
}

#[test]
fn move_back_with_an_empty_reason_stays_open_and_takes_the_next_letters() {
    let (_d, path, number) = setup("ya");
    let mut app = app_on(&path, Lang::Id, "ani");
    open_case(&mut app, &number);
    typ(&mut app, ">");
    typ(&mut app, "y");
    assert_eq!(stage(&path, &number), "asesmen");
    typ(&mut app, "<");
    key(&mut app, KeyCode::Enter);
    assert_inside(&mut app, "Alasan wajib diisi.");
    assert_eq!(stage(&path, &number), "asesmen");
    // `a` would open assign on the case file: here it is the first letter of the reason.
    typ(&mut app, "ada data belum lengkap");
    let t = text(&mut app);
    assert!(t.contains("ada data belum lengkap"), "{t}");
    assert!(!t.contains("Tugaskan"), "assign opened underneath: {t}");
    key(&mut app, KeyCode::Enter);
    assert_eq!(stage(&path, &number), "pengaduan");
    assert_eq!(
        last_history_note(&path, &number).as_deref(),
        Some("ada data belum lengkap")
    );
    assert!(!shown_inside(&mut app, "Alasan wajib diisi."));
}

#[test]
fn close_as_other_without_a_description_stays_open() {
    let (_d, path, number) = setup("ya");
    let mut app = app_on(&path, Lang::Id, "ani");
    open_case(&mut app, &number);
    typ(&mut app, "c");
    typ(&mut app, "lainnya");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter); // no description
    assert_inside(&mut app, "Pilih alasan penutupan");
    // `e` would start editing the case file.
    typ(&mut app, "ekonomi keluarga pindah kota");
    key(&mut app, KeyCode::Enter);
    let t = text(&mut app);
    assert!(t.contains("(y/t)"), "the closing is confirmed next: {t}");
    typ(&mut app, "y");
    assert_eq!(stage(&path, &number), "terminasi");
}

#[test]
fn reopen_with_an_empty_reason_stays_open() {
    let (_d, path, number) = setup("ya");
    let mut app = app_on(&path, Lang::Id, "ani");
    open_case(&mut app, &number);
    typ(&mut app, "c");
    typ(&mut app, "tercapai");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "y");
    assert_eq!(stage(&path, &number), "terminasi");
    typ(&mut app, "o");
    key(&mut app, KeyCode::Enter);
    assert_inside(&mut app, "Alasan wajib diisi.");
    // `n` would open a note on the case file.
    typ(&mut app, "nenek melapor kejadian baru");
    key(&mut app, KeyCode::Enter);
    assert_ne!(stage(&path, &number), "terminasi");
    assert_eq!(
        last_history_note(&path, &number).as_deref(),
        Some("nenek melapor kejadian baru")
    );
}

#[test]
fn assign_keeps_every_letter_in_its_field() {
    let (_d, path, number) = setup("ya");
    add_worker(
        &mut meja::store::Store::open(&path).unwrap(),
        "centr",
        meja::domain::staff::Role::Petugas,
    );
    let mut app = app_on(&path, Lang::Id, "ani");
    open_case(&mut app, &number);
    typ(&mut app, "a");
    clear_line(&mut app);
    // c, e, n, r, t are all keys of the case file underneath.
    typ(&mut app, "centr");
    assert_eq!(app.screen(), Screen::Case);
    key(&mut app, KeyCode::Enter);
    let who: Option<String> = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT assigned_to FROM cases WHERE number = ?1",
            [&number],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(who.as_deref(), Some("centr"));
    assert_eq!(stage(&path, &number), "pengaduan", "nothing else happened");
}

#[test]
fn board_filter_with_unreadable_dates_stays_open() {
    let (_d, path, _number) = setup("ya");
    let mut app = app_on(&path, Lang::Id, "ani");
    key(&mut app, KeyCode::F(3));
    typ(&mut app, "f");
    typ(&mut app, "tanggal");
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "minggu lalu");
    key(&mut app, KeyCode::Enter);
    assert_inside(&mut app, "Tulis dua tanggal");
    clear_line(&mut app);
    // `t` on the board would show closed cases; `/` would open the search.
    typ(&mut app, "01-11-2026 s/d 23-11-2026");
    assert_eq!(app.screen(), Screen::Board);
    key(&mut app, KeyCode::Enter);
    let t = text(&mut app);
    assert!(!shown_inside(&mut app, "Tulis dua tanggal"), "{t}");
    assert!(t.contains("Papan kasus"), "{t}");
    assert!(!t.contains("Dibuka antara (mis."), "the dialog closed: {t}");
}

#[test]
fn an_agency_field_that_does_not_read_stays_open() {
    let (_d, path, _number) = setup("ya");
    let mut app = app_on(&path, Lang::Id, "ani");
    key(&mut app, KeyCode::F(4));
    typ(&mut app, "lbh");
    key(&mut app, KeyCode::Enter);
    // The sheet lists its fields in `SheetField::ALL` order, starting on the first.
    let hours = SheetField::ALL
        .iter()
        .position(|f| *f == SheetField::Hours)
        .unwrap();
    for _ in 0..hours {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    clear_line(&mut app);
    typ(&mut app, "kapan saja");
    key(&mut app, KeyCode::Enter);
    assert_inside(&mut app, "Jam buka tidak terbaca");
    clear_line(&mut app);
    // `r` on the sheet would start a referral.
    typ(&mut app, "Sen-Sab 08.00-12.00");
    key(&mut app, KeyCode::Enter);
    let t = text(&mut app);
    assert!(t.contains("Sen-Sab 08.00"), "{t}");
    assert!(!t.contains("Rujuk untuk nomor kasus"), "{t}");
}

#[test]
fn a_case_number_that_is_not_found_stays_in_the_dialog() {
    let (_d, path, number) = setup("ya");
    let mut app = app_on(&path, Lang::Id, "ani");
    key(&mut app, KeyCode::F(4));
    typ(&mut app, "lbh");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "r");
    typ(&mut app, "PPA/2026/9999");
    key(&mut app, KeyCode::Enter);
    assert_inside(&mut app, "Kasus PPA/2026/9999 tidak ditemukan.");
    clear_line(&mut app);
    typ(&mut app, &number);
    key(&mut app, KeyCode::Enter);
    let t = text(&mut app);
    assert!(
        t.contains("Layanan yang diminta"),
        "the wizard goes on: {t}"
    );
}

#[test]
fn the_referral_wizard_keeps_each_step_open_until_it_reads() {
    let (_d, path, number) = setup("ya");
    let mut app = app_on(&path, Lang::Id, "ani");
    open_case(&mut app, &number);
    typ(&mut app, "r");
    typ(&mut app, "psiko");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter); // the agency's service
    ctrl(&mut app, 's'); // no reason
    assert_inside(&mut app, "Alasan rujukan wajib diisi.");
    typ(&mut app, "trauma setelah kejadian");
    ctrl(&mut app, 's');
    clear_line(&mut app);
    typ(&mut app, "31-02-2026");
    key(&mut app, KeyCode::Enter);
    assert_inside(&mut app, "Tanggal tidak terbaca: 31-02-2026");
    clear_line(&mut app);
    key(&mut app, KeyCode::Enter); // no follow-up date
    assert_eq!(app.screen(), Screen::Case);
    let t = text(&mut app);
    assert!(t.contains("Dikirim · Biro Psikologi Harapan"), "{t}");

    // Its status (`u`): a rejection needs the reason.
    typ(&mut app, "u");
    typ(&mut app, "ditolak");
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    assert_inside(&mut app, "Keterangan wajib diisi.");
    // `l` would write the letter.
    typ(&mut app, "layanan penuh bulan ini");
    ctrl(&mut app, 's');
    let t = text(&mut app);
    assert!(t.contains("Ditolak · Biro Psikologi Harapan"), "{t}");
    assert!(!t.contains("Surat 001"), "no letter was written: {t}");
}

#[test]
fn a_referral_without_consent_needs_the_written_reason_in_its_dialog() {
    let (_d, path, number) = setup("tidak");
    let mut app = app_on(&path, Lang::Id, "ani");
    open_case(&mut app, &number);
    typ(&mut app, "r");
    typ(&mut app, "lbh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    app.handle(&Event::Paste("Pendampingan hukum.".into()));
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Enter);
    assert!(text(&mut app).contains("TIDAK tercatat"));
    ctrl(&mut app, 's'); // no reason to override
    assert_inside(&mut app, "Persetujuan berbagi data belum tercatat.");
    app.handle(&Event::Paste("Wali tidak dapat dihubungi.".into()));
    ctrl(&mut app, 's');
    let t = text(&mut app);
    assert!(t.contains("tanpa persetujuan: Wali tidak"), "{t}");
}

#[test]
fn discarding_a_draft_is_asked_and_other_keys_stay_in_the_question() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let mut s = Store::open(&path).unwrap();
    let now = Local.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    for name in ["Ani Lestari", "Budi Santoso"] {
        let mut i = Intake::default();
        i.victims[0].name = name.into();
        s.save_draft(None, "ani", now, &i).unwrap();
    }
    let mut app = app_on(&path, Lang::Id, "ani");
    assert_eq!(app.screen(), Screen::Drafts);
    let drafts = |p: &std::path::Path| Store::open(p).unwrap().drafts_of("ani").unwrap().len();
    assert_eq!(drafts(&path), 2);
    typ(&mut app, "x");
    assert!(text(&mut app).contains("(y/t)"));
    // j would move the list, x ask again, Enter resume the draft: all stay in the question.
    typ(&mut app, "jx");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Drafts);
    assert!(text(&mut app).contains("(y/t)"));
    typ(&mut app, "t");
    assert_eq!(drafts(&path), 2);
    typ(&mut app, "x");
    typ(&mut app, "y");
    assert_eq!(drafts(&path), 1);
}

#[test]
fn a_letter_the_access_log_cannot_record_is_refused_and_not_left_on_disk() {
    let (dir, path, number) = setup("ya");
    let mut app = app_on(&path, Lang::Id, "ani");
    open_case(&mut app, &number);
    typ(&mut app, "r");
    typ(&mut app, "psiko");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "trauma");
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Enter);
    // The access log stops taking prints (as a full disk would, for this one kind of row).
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER no_prints BEFORE INSERT ON access_log WHEN NEW.action = 'cetak'
             BEGIN SELECT RAISE(ABORT, 'disk penuh'); END;",
        )
        .unwrap();
    typ(&mut app, "l");
    let t = text(&mut app);
    assert!(t.contains("Surat tidak dapat ditulis"), "{t}");
    assert!(
        !t.contains("Surat 001/UPTD-PPA/XI/2026 ditulis"),
        "no letter box: {t}"
    );
    let letters = std::fs::read_dir(dir.path().join("surat"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(letters, 0, "no letter stays on disk unrecorded");
}

#[test]
fn a_case_number_pasted_into_the_case_search_finds_the_case() {
    let (_d, path, number) = setup("ya");
    let mut app = app_on(&path, Lang::Id, "ani");
    key(&mut app, KeyCode::F(3));
    typ(&mut app, "/");
    // As copied from a letter: with a line break and a control character around it.
    app.handle(&Event::Paste(format!("{number}\r\n\u{1b}")));
    let t = text(&mut app);
    assert!(t.contains(&number), "{t}");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Case, "{}", text(&mut app));
}

#[test]
fn a_name_pasted_into_the_directory_search_narrows_the_list() {
    let (_d, path, _number) = setup("ya");
    let mut app = app_on(&path, Lang::Id, "ani");
    key(&mut app, KeyCode::F(4));
    app.handle(&Event::Paste("LBH Metro".into()));
    let t = text(&mut app);
    assert!(t.contains("LBH Metro Adil"), "{t}");
    assert!(!t.contains("Biro Psikologi Harapan"), "{t}");
}

/// Issue 16 point 3 on screen: `l` for a client who did not agree to share her data asks
/// what to add to the minimum; Enter alone writes the minimum, a ticked item is added, an
/// unticked one stays out, and each choice goes into the case history.
#[test]
fn a_letter_without_consent_asks_what_to_add_and_carries_only_the_ticked_items() {
    let (dir, path, number) = setup("tidak");
    let mut app = app_on(&path, Lang::Id, "ani");
    open_case(&mut app, &number);
    typ(&mut app, "r");
    typ(&mut app, "lbh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    app.handle(&Event::Paste("Pendampingan hukum.".into()));
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Enter);
    app.handle(&Event::Paste("Wali tidak dapat dihubungi.".into()));
    ctrl(&mut app, 's');
    assert!(text(&mut app).contains("tanpa persetujuan"));
    let read = |n: &str| {
        let p = dir
            .path()
            .join("surat")
            .join(format!("surat-{n}-UPTD-PPA-XI-2026.txt"));
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    };
    // Enter alone: the minimum.
    typ(&mut app, "l");
    let t = text(&mut app);
    assert!(t.contains("Tanpa persetujuan: data minimum"), "{t}");
    assert!(t.contains("Hanya data minimum"), "{t}");
    insta::assert_snapshot!("letter_items_80x24", render(&mut app, 80, 24).backend());
    key(&mut app, KeyCode::Enter);
    assert!(text(&mut app).contains("001/UPTD-PPA/XI/2026"));
    key(&mut app, KeyCode::Enter);
    let first = read("001");
    assert!(first.contains("S.A."), "{first}");
    for gone in ["Siti Aminah", "01-02-2014", "1 Februari 2014"] {
        assert!(!first.contains(gone), "{gone:?} in\n{first}");
    }
    // The full name ticked (Space), the birth date not. The reprint keeps the referral's
    // number; the first file was taken away (a reprint never overwrites a letter).
    for ext in ["txt", "pdf"] {
        std::fs::remove_file(
            dir.path()
                .join("surat")
                .join(format!("surat-001-UPTD-PPA-XI-2026.{ext}")),
        )
        .unwrap();
    }
    typ(&mut app, "l");
    typ(&mut app, "nama lengkap");
    typ(&mut app, " ");
    key(&mut app, KeyCode::Enter);
    let t = text(&mut app);
    assert!(t.contains("001/UPTD-PPA/XI/2026 ditulis"), "{t}");
    key(&mut app, KeyCode::Enter);
    let second = read("001");
    assert!(second.contains("Siti Aminah"), "{second}");
    for gone in ["01-02-2014", "1 Februari 2014"] {
        assert!(!second.contains(gone), "{gone:?} in\n{second}");
    }
    // Esc: no letter, nothing in the history.
    typ(&mut app, "l");
    key(&mut app, KeyCode::Esc);
    assert!(!text(&mut app).contains("ditulis"));
    let rows: Vec<String> = rusqlite::Connection::open(&path)
        .unwrap()
        .prepare("SELECT new_value FROM case_history WHERE action = 'isi_surat' ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows, ["minimum", "nama"]);
}
