//! The directory screen (F4) and referrals from a case file, driven by keys.

mod common;

use chrono::{Local, NaiveDate, TimeZone};
use common::*;
use meja::domain::agency::{Agency, Week};
use meja::domain::intake::Intake;
use meja::i18n::Lang;
use meja::store::Store;
use meja::ui::app::Screen;
use ratatui::crossterm::event::{Event, KeyCode};

fn agency(source: &str, name: &str, kind: &str, services: &[&str], hours: &str) -> Agency {
    Agency {
        source_id: source.into(),
        name: name.into(),
        kind: kind.into(),
        services: services.iter().map(|s| s.to_string()).collect(),
        areas: vec!["18.72".into()],
        address: "Jl. Contoh No. 1, Metro".into(),
        phones: vec!["0725000001".into()],
        hours: Week::parse(hours).unwrap(),
        contact: "Bu Rina".into(),
        verified: NaiveDate::from_ymd_opt(2026, 10, 1),
        ..Default::default()
    }
}

/// A database with a small directory and one case whose consent to share is `share`.
fn setup(share: &str) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let mut s = Store::open(&path).unwrap();
    let now = Local.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
    let list = vec![
        agency(
            "1",
            "Unit PPA Polres Metro",
            "unit_ppa",
            &["penegakan_hukum"],
            "Sen-Min 24 jam",
        ),
        agency(
            "2",
            "Biro Psikologi Harapan",
            "psikolog",
            &["psikologis"],
            "Sen-Jum 08.00-16.00",
        ),
        agency(
            "3",
            "LBH Metro Adil",
            "bantuan_hukum",
            &["bantuan_hukum"],
            "Sen-Jum 09.00-15.00",
        ),
        agency(
            "4",
            "RSUD Jenderal Ahmad Yani",
            "kesehatan",
            &["kesehatan", "psikologis"],
            "Sen-Min 24 jam",
        ),
        agency(
            "5",
            "Rumah Aman Pelangi",
            "rumah_aman",
            &["rumah_aman"],
            "Sen-Sab 08.00-14.00",
        ),
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

/// In an open pick-list: filter and take the first match.
fn choose(app: &mut meja::ui::App, filter: &str) {
    typ(app, filter);
    key(app, KeyCode::Enter);
}

fn first_listed(app: &mut meja::ui::App) -> String {
    let text = screen_text(&render(app, 80, 24));
    let line = text
        .lines()
        .find(|l| l.contains('▶'))
        .unwrap_or_else(|| panic!("no selection in\n{text}"));
    line.split('▶').nth(1).unwrap().trim().to_string()
}

#[test]
fn directory_at_80x24_finds_polres_by_typing() {
    let (_d, path, _) = setup("ya");
    let mut app = app_on(&path, Lang::Id, "ani");
    key(&mut app, KeyCode::F(4));
    assert_eq!(app.screen(), Screen::Directory);
    typ(&mut app, "polres");
    insta::assert_snapshot!("directory_80x24", render(&mut app, 80, 24).backend());
    assert!(first_listed(&mut app).starts_with("Unit PPA Polres Metro"));
    // The matched letters are marked with a modifier, so they show without colour too.
    let term = render(&mut app, 80, 24);
    let buf = term.backend().buffer();
    let marked: String = (0..40u16)
        .map(|x| &buf[(x, 3)])
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::UNDERLINED))
        .map(|c| c.symbol().to_string())
        .collect();
    assert_eq!(marked, "Polres");
    // One wrong letter still finds it.
    key(&mut app, KeyCode::Esc);
    typ(&mut app, "psikilogi");
    assert!(first_listed(&mut app).starts_with("Biro Psikologi Harapan"));
    // The details pane shows the selected agency's hours and contact.
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Sen-Jum 08.00–16.00"), "{text}");
    assert!(text.contains("Bu Rina"), "{text}");
}

#[test]
fn open_now_filter_follows_the_clock() {
    let (_d, path, _) = setup("ya");
    // The fixed test clock is Monday 23-11-2026 10:15: offices are open. At 21:00 only the
    // 24-hour agencies are.
    let mut app = app_on(&path, Lang::Id, "ani");
    key(&mut app, KeyCode::F(4));
    key(&mut app, KeyCode::F(7));
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("5 dari 5 lembaga"), "{text}");
    assert!(text.contains("buka sekarang"), "{text}");
    let mut late = app_at(
        &path,
        Local.with_ymd_and_hms(2026, 11, 23, 21, 0, 0).unwrap(),
    );
    key(&mut late, KeyCode::F(4));
    key(&mut late, KeyCode::F(7));
    let text = screen_text(&render(&mut late, 80, 24));
    assert!(text.contains("2 dari 5 lembaga"), "{text}");
    assert!(!text.contains("LBH Metro Adil"), "{text}");
}

#[test]
fn an_agency_is_added_from_the_screen_and_found() {
    let (_d, path, _) = setup("ya");
    let mut app = app_on(&path, Lang::Id, "ani");
    key(&mut app, KeyCode::F(4));
    key(&mut app, KeyCode::F(9));
    // Saving with no name is refused, with the reason next to the field.
    ctrl(&mut app, 's');
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Nama wajib diisi"), "{text}");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "Puskesmas Metro Barat");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Down);
    pick(&mut app, "puskes");
    ctrl(&mut app, 's');
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Lembaga disimpan"), "{text}");
    key(&mut app, KeyCode::Esc);
    typ(&mut app, "pkm barat");
    assert!(first_listed(&mut app).starts_with("Puskesmas Metro Barat"));
    let s = Store::open(&path).unwrap();
    let a = s
        .agencies()
        .unwrap()
        .into_iter()
        .find(|a| a.name == "Puskesmas Metro Barat")
        .unwrap();
    assert_eq!(a.kind, "kesehatan");
}

/// Makes a referral by keys: from the case file, `r`, choose the agency, the service, the
/// reason and the follow-up date.
fn refer(app: &mut meja::ui::App, number: &str, agency: &str) {
    key(app, KeyCode::F(3));
    typ(app, "/");
    typ(app, number);
    key(app, KeyCode::Enter);
    assert_eq!(
        app.screen(),
        Screen::Case,
        "{}",
        screen_text(&render(app, 80, 24))
    );
    typ(app, "r");
    assert_eq!(app.screen(), Screen::Directory);
    typ(app, agency);
    key(app, KeyCode::Enter);
    // Service: the agency's first service is offered.
    key(app, KeyCode::Enter);
    app.handle(&Event::Paste("Anak menunjukkan tanda trauma.".into()));
    ctrl(app, 's');
    // Follow-up: the default a week ahead.
    key(app, KeyCode::Enter);
}

#[test]
fn a_referral_is_made_moved_and_written_as_a_letter() {
    let (dir, path, number) = setup("ya");
    let mut app = app_on(&path, Lang::Id, "ani");
    refer(&mut app, &number, "psiko");
    assert_eq!(app.screen(), Screen::Case);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(
        text.contains("Rujukan ke Biro Psikologi Harapan dicatat"),
        "{text}"
    );
    assert!(text.contains("Dikirim · Biro Psikologi Harapan"), "{text}");
    assert!(text.contains("tindak lanjut 30-11-2026"), "{text}");
    insta::assert_snapshot!("case_referrals_80x24", render(&mut app, 80, 24).backend());
    // dikirim → diterima (`u`, ubah status)
    typ(&mut app, "u");
    choose(&mut app, "diterima");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Diterima · Biro Psikologi Harapan"), "{text}");
    // The letter: text and PDF beside the database, private to the owner.
    typ(&mut app, "l");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("001/UPTD-PPA/XI/2026"), "{text}");
    let txt = dir
        .path()
        .join("surat")
        .join("surat-001-UPTD-PPA-XI-2026.txt");
    let letter = std::fs::read_to_string(&txt).unwrap();
    assert!(letter.contains("Siti Aminah"), "{letter}");
    assert!(letter.contains("Anak menunjukkan tanda trauma."));
    let prints: i64 = rusqlite::Connection::open(db_path(&dir))
        .unwrap()
        .query_row(
            "SELECT count(*) FROM access_log WHERE action = 'cetak' AND case_id IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(prints, 1, "the letter is a print in the access log");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&txt).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    key(&mut app, KeyCode::Enter);
    // diterima → selesai needs the provider's note.
    typ(&mut app, "u");
    choose(&mut app, "selesai");
    app.handle(&Event::Paste("Konseling 4 sesi.".into()));
    ctrl(&mut app, 's');
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Selesai · Biro Psikologi Harapan"), "{text}");
    assert!(text.contains("Konseling 4 sesi."), "{text}");
    // A referral done offers to record the service the agency gave: y, the referral's
    // service already chosen, today's date, a note.
    assert!(
        text.contains("Rujukan selesai. Catat layanan yang diberikan? (y/t)"),
        "{text}"
    );
    typ(&mut app, "y");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Layanan yang diberikan"), "{text}");
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("23-11-2026"), "today offered: {text}");
    // A date ahead is refused inside the dialog, which stays open.
    for _ in 0..12 {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "30-11-2026");
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(
        text.contains("tanggal tidak terbaca atau di masa depan"),
        "{text}"
    );
    for _ in 0..12 {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "22-11-2026");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "Sesi keempat");
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Layanan yang diberikan dicatat."), "{text}");
    let s = Store::open(&path).unwrap();
    let id = s.find_case_number(&number).unwrap().unwrap();
    let given = s.services_given(id).unwrap();
    assert_eq!(given.len(), 1, "{given:?}");
    let referral = &s.referrals_of(id).unwrap()[0];
    assert_eq!(given[0].service, referral.service);
    assert_eq!(given[0].date.to_string(), "2026-11-22");
    assert_eq!(
        given[0].given_by,
        meja::domain::plan::Doer::Agency(referral.agency_id),
        "what a referral gave is the agency's"
    );
    assert_eq!(given[0].note, "Sesi keempat");
    // The Layanan tab shows it; then on to the history.
    assert_eq!(app.screen(), Screen::Case);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(
        text.contains("22-11-2026 Pendampingan psikologis"),
        "{text}"
    );
    assert!(text.contains("oleh Biro Psikologi Harapan"), "{text}");
    typ(&mut app, "tt");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(
        text.contains("Status rujukan: Diterima → Selesai"),
        "{text}"
    );
}

#[test]
fn without_consent_the_referral_needs_a_written_override() {
    let (_d, path, number) = setup("tidak");
    let mut app = app_on(&path, Lang::Id, "ani");
    refer(&mut app, &number, "polres");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("TIDAK tercatat"), "{text}");
    // Esc: nothing is made.
    key(&mut app, KeyCode::Esc);
    let s = Store::open(&path).unwrap();
    let id = s.find_case_number(&number).unwrap().unwrap();
    assert!(s.referrals_of(id).unwrap().is_empty());
    // Again, with a reason.
    refer(&mut app, &number, "polres");
    app.handle(&Event::Paste(
        "Perlu visum segera; wali tidak dapat dihubungi.".into(),
    ));
    ctrl(&mut app, 's');
    let list = s.referrals_of(id).unwrap();
    assert_eq!(list.len(), 1);
    assert!(
        list[0]
            .override_reason
            .as_deref()
            .is_some_and(|r| r.contains("visum"))
    );
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("tanpa persetujuan: Perlu visum"), "{text}");
}

#[test]
fn directory_and_sheet_never_panic_at_any_size() {
    let (_d, path, _) = setup("ya");
    let mut app = app_on(&path, Lang::En, "ani");
    key(&mut app, KeyCode::F(4));
    typ(&mut app, "metro");
    for (w, h) in [
        (0, 0),
        (1, 1),
        (20, 6),
        (39, 9),
        (40, 10),
        (69, 24),
        (70, 24),
        (200, 60),
    ] {
        render(&mut app, w, h);
    }
    key(&mut app, KeyCode::Enter);
    for w in (10..130).step_by(9) {
        for h in [3, 8, 12, 24] {
            render(&mut app, w, h);
        }
    }
    // English labels on the sheet.
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Opening hours"), "{text}");
}

#[test]
fn a_referral_can_start_from_the_directory_with_a_case_number() {
    let (_d, path, number) = setup("ya");
    let mut app = app_on(&path, Lang::Id, "ani");
    key(&mut app, KeyCode::F(4));
    typ(&mut app, "lbh");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "r");
    // A number that does not exist is said so, and nothing is made.
    typ(&mut app, "PPA/2026/9999");
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(
        text.contains("Kasus PPA/2026/9999 tidak ditemukan"),
        "{text}"
    );
    // The dialog stays open with the message inside it: correct the number there.
    for _ in 0.."PPA/2026/9999".len() {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, &number.to_lowercase());
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    app.handle(&Event::Paste("Pendampingan hukum di kepolisian.".into()));
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Case);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(
        text.contains("Dikirim · LBH Metro Adil · Bantuan hukum"),
        "{text}"
    );
}
