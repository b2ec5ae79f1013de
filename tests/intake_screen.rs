//! The intake screen, rendered into TestBackend and driven by key events only.

mod common;

use common::*;
use meja::i18n::Lang;
use meja::ui::app::Screen;
use ratatui::crossterm::event::{Event, KeyCode};
use ratatui::style::Modifier;

#[test]
fn new_form_in_indonesian_at_80x24() {
    let mut t = new_app(Lang::Id);
    insta::assert_snapshot!(render(&mut t.app, 80, 24).backend());
}

#[test]
fn new_form_in_english_at_80x24() {
    let mut t = new_app(Lang::En);
    insta::assert_snapshot!(render(&mut t.app, 80, 24).backend());
}

#[test]
fn typed_victim_with_checks_beside_the_fields() {
    let mut t = new_app(Lang::Id);
    let app = &mut t.app;
    goto(app, at::REPORTER_PHONE);
    typ(app, "+62 812-3456-7890");
    goto(app, at::VICTIM_NAME);
    typ(app, "Siti Aminah");
    key(app, KeyCode::Tab);
    typ(app, "3372015205900001");
    key(app, KeyCode::Tab);
    pick(app, "laki");
    // Now on the birth date: a date in the future is refused once the field is left.
    typ(app, "01-01-2030");
    key(app, KeyCode::Tab);
    let_draft_save(app);
    let term = render(app, 80, 24);
    let text = screen_text(&term);
    assert!(text.contains("tanggal di masa depan"), "{text}");
    assert!(
        text.contains("NIK tidak cocok dengan jenis kelamin"),
        "{text}"
    );
    assert!(text.contains("Draf tersimpan 10:15:00"), "{text}");
    insta::assert_snapshot!(term.backend());
    // The phone was normalized when the field was left.
    assert_eq!(app.form().unwrap().intake.reporter.phone, "081234567890");
}

#[test]
fn typed_victim_in_english() {
    let mut t = new_app(Lang::En);
    let app = &mut t.app;
    goto(app, at::VICTIM_NAME);
    typ(app, "Siti Aminah");
    goto(app, at::VICTIM_BIRTH);
    typ(app, "1/2/2014");
    key(app, KeyCode::Tab);
    let term = render(app, 80, 24);
    let text = screen_text(&term);
    assert!(
        text.contains("01-02-2014"),
        "date rewritten day first: {text}"
    );
    assert!(text.contains("age 12"), "{text}");
    insta::assert_snapshot!(term.backend());
}

#[test]
fn saving_with_something_missing_goes_to_the_first_problem() {
    let mut t = new_app(Lang::Id);
    let app = &mut t.app;
    goto(app, at::VICTIM_NAME);
    typ(app, "Siti");
    goto(app, at::CONSENT);
    ctrl(app, 's');
    let term = render(app, 80, 24);
    let text = screen_text(&term);
    assert_eq!(app.screen(), Screen::Intake);
    assert!(
        text.contains("Belum bisa disimpan: Jenis kelamin — wajib diisi"),
        "{text}"
    );
    assert_eq!(
        app.form().unwrap().focused(),
        meja::domain::intake::Field::Victim(0, meja::domain::intake::VictimField::Sex)
    );
    insta::assert_snapshot!(term.backend());
}

#[test]
fn pick_list_filters_as_you_type() {
    let mut t = new_app(Lang::Id);
    let app = &mut t.app;
    goto(app, at::VIOLENCE);
    key(app, KeyCode::Enter);
    typ(app, "ks");
    let term = render(app, 80, 24);
    let text = screen_text(&term);
    assert!(
        text.contains("Seksual") && text.contains("Eksploitasi"),
        "{text}"
    );
    assert!(
        !text.contains("Fisik") && !text.contains("Psikis"),
        "filtered out: {text}"
    );
    insta::assert_snapshot!(term.backend());
}

#[test]
fn a_complete_intake_opens_case_number_one_and_removes_the_draft() {
    let mut t = new_app(Lang::Id);
    let path = db_path(&t.dir);
    let app = &mut t.app;
    fill_minimum(app);
    let_draft_save(app);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let drafts: i64 = conn
        .query_row("SELECT count(*) FROM drafts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(drafts, 1, "the typed form was kept as a draft");
    ctrl(app, 's');
    assert_eq!(app.screen(), Screen::Saved);
    let term = render(app, 80, 24);
    assert!(screen_text(&term).contains("Nomor kasus: PPA/2026/0001"));
    insta::assert_snapshot!(term.backend());

    let (stage, risk, by): (String, String, String) = conn
        .query_row(
            "SELECT stage, risk, opened_by FROM cases WHERE number = 'PPA/2026/0001'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (stage.as_str(), risk.as_str(), by.as_str()),
        ("pengaduan", "tinggi", "ani")
    );
    let (name, birth, age): (String, String, i64) = conn
        .query_row(
            "SELECT name, birth_date, age FROM persons WHERE role = 'korban'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (name.as_str(), birth.as_str(), age),
        ("Siti Aminah", "2014-02-01", 12)
    );
    let kinds: Vec<String> = conn
        .prepare("SELECT code FROM codes WHERE vocab = 'jenis_kekerasan' ORDER BY code")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(kinds, ["fisik", "psikis"]);
    let history: (String, String) = conn
        .query_row("SELECT action, staff FROM case_history", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(history, ("dibuka".into(), "ani".into()));
    let drafts: i64 = conn
        .query_row("SELECT count(*) FROM drafts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(drafts, 0, "the draft went with the save");

    // Enter starts the next intake; its number follows.
    key(app, KeyCode::Enter);
    fill_minimum(app);
    ctrl(app, 's');
    let term = render(app, 80, 24);
    assert!(screen_text(&term).contains("PPA/2026/0002"));
}

#[test]
fn victims_and_perpetrators_are_added_and_removed_with_one_key() {
    let mut t = new_app(Lang::Id);
    let app = &mut t.app;
    key(app, KeyCode::F(5));
    typ(app, "Korban Dua");
    key(app, KeyCode::F(6));
    typ(app, "Pak Budi");
    let text = screen_text(&render(app, 80, 24));
    assert!(text.contains("Terlapor 1/1"), "{text}");
    assert_eq!(app.form().unwrap().intake.victims.len(), 2);
    assert_eq!(app.form().unwrap().intake.victims[1].name, "Korban Dua");
    assert_eq!(app.form().unwrap().intake.perpetrators[0].name, "Pak Budi");
    key(app, KeyCode::F(8));
    let text = screen_text(&render(app, 80, 24));
    assert!(
        text.contains("Hapus terlapor 1 dari formulir? (y/t)"),
        "{text}"
    );
    typ(app, "y");
    assert!(app.form().unwrap().intake.perpetrators.is_empty());
    // The Ctrl twin adds a perpetrator too.
    ctrl(app, 'r');
    assert_eq!(app.form().unwrap().intake.perpetrators.len(), 1);
}

#[test]
fn hostile_text_is_stored_clean_and_keeps_the_layout() {
    let mut t = new_app(Lang::Id);
    let path = db_path(&t.dir);
    let app = &mut t.app;
    let hostile = [
        "\u{1b}[2J\u{1b}[31mSiti\u{7}",
        "\u{202e}animA itiS",
        "Si\u{0}ti\u{1b}]0;judul\u{7}",
        &"panjang ".repeat(1250),
        "🙂👩‍👧 Siti 漢字",
    ];
    // Every single-line text field of the form.
    use meja::domain::intake::{Field, IncidentField as I, ReporterField as R, VictimField as V};
    let fields = [
        Field::Reporter(R::Name),
        Field::Reporter(R::Address),
        Field::Victim(0, V::Name),
        Field::Victim(0, V::Nik),
        Field::Victim(0, V::Address),
        Field::Victim(0, V::Schooling),
        Field::Victim(0, V::Guardian),
        Field::Incident(I::Date),
        Field::Incident(I::Time),
        Field::Incident(I::Address),
    ];
    for (n, field) in fields.iter().enumerate() {
        goto(app, *field);
        let s = hostile[n % hostile.len()];
        app.handle(&Event::Paste(s.to_string()));
        typ(app, "x");
    }
    goto(app, at::CHRONOLOGY);
    app.handle(&Event::Paste("baris 1\r\nbaris 2\u{1b}[H\u{202d}".into()));
    let_draft_save(app);
    let term = render(app, 80, 24);
    let text = screen_text(&term);
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 24);
    assert!(
        rows[0].starts_with(" meja · UPTD PPA · Pengaduan baru"),
        "{}",
        rows[0]
    );
    assert!(rows[23].starts_with("F1 Bantuan"), "{}", rows[23]);
    for r in &rows {
        assert!(!r.contains('\u{1b}') && !r.contains('\u{202e}'), "{r:?}");
    }
    let body: String = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT body FROM drafts", [], |r| r.get(0))
        .unwrap();
    let intake: meja::domain::intake::Intake = serde_json::from_str(&body).unwrap();
    assert_eq!(intake.reporter.name, "Sitix");
    assert_eq!(intake.victims[0].name, "Sitix");
    assert_eq!(
        intake.reporter.address, "animA itiSx",
        "bidi override gone, text kept"
    );
    assert_eq!(intake.victims[0].address, "🙂👩‍👧 Siti 漢字x");
    assert!(intake.incident.chronology.starts_with("baris 1\nbaris 2"));
    for s in [
        &intake.victims[0].nik,
        &intake.reporter.address,
        &intake.incident.chronology,
    ] {
        assert!(
            !s.chars()
                .any(|c| c == '\u{1b}' || c == '\u{202e}' || c == '\u{202d}' || c == '\0'),
            "{s:?}"
        );
    }
    assert!(
        intake.victims[0].nik.len() >= 9_000,
        "long text kept, not truncated"
    );
}

#[test]
fn focus_stays_visible_without_colour() {
    let mut t = new_app(Lang::Id);
    t.app.ctx.theme = meja::ui::theme::Theme { color: false };
    let app = &mut t.app;
    goto(app, at::VICTIM_NAME);
    let term = render(app, 80, 24);
    let buf = term.backend().buffer();
    let text = screen_text(&term);
    let row = text
        .lines()
        .position(|l| l.starts_with("Nama / inisial"))
        .unwrap() as u16;
    // The empty focused value is one reversed cell where the cursor is (column 22, after
    // the labels); the label is bold.
    let cell = &buf[(22, row)];
    assert!(
        cell.modifier.contains(Modifier::REVERSED),
        "focused value is reversed"
    );
    assert!(
        buf[(0, row)].modifier.contains(Modifier::BOLD),
        "label bold"
    );
    assert_eq!(
        cell.fg,
        ratatui::style::Color::Reset,
        "and no colour is used"
    );
    let other = text.lines().position(|l| l.starts_with("NIK")).unwrap() as u16;
    assert!(!buf[(22, other)].modifier.contains(Modifier::REVERSED));
    assert!(!buf[(0, other)].modifier.contains(Modifier::BOLD));
}

#[test]
fn no_panic_at_tiny_sizes_or_while_resizing() {
    let mut t = new_app(Lang::Id);
    let app = &mut t.app;
    fill_minimum(app);
    key(app, KeyCode::F(6));
    goto(app, at::VIOLENCE);
    key(app, KeyCode::Enter); // with the pick-list open
    for (w, h) in [
        (20, 6),
        (1, 1),
        (0, 0),
        (39, 9),
        (40, 10),
        (80, 24),
        (200, 60),
        (45, 12),
    ] {
        let text = screen_text(&render(app, w, h));
        if (w, h) == (20, 6) {
            assert!(text.contains("Layar"), "a small screen says so: {text}");
        }
    }
    for w in (10..130).step_by(7) {
        for h in (3..50).step_by(5) {
            render(app, w, h);
        }
    }
}

#[test]
fn help_lists_every_screens_keys_and_scrolls_at_80x24() {
    let mut t = new_app(Lang::Id);
    let app = &mut t.app;
    key(app, KeyCode::F(1));
    assert_eq!(app.screen(), Screen::Help);
    let mut seen = String::new();
    for _ in 0..6 {
        seen.push_str(&screen_text(&render(app, 80, 24)));
        key(app, KeyCode::PageDown);
    }
    for needle in [
        "F2 / Ctrl-N",
        "Ctrl-S / F9",
        "Di daftar pilihan",
        "Di papan kasus",
        "Di berkas kasus",
        "Di daftar draf",
        "Ctrl-huruf",
    ] {
        assert!(seen.contains(needle), "{needle} missing from help");
    }
    key(app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Intake);
}

/// Issue 16 point 10: a month-year or a year alone is taken as the incident date and shown as
/// typed; "sejak 2019" also ticks "Masih berlangsung".
#[test]
fn a_rough_incident_date_is_taken_and_sejak_marks_it_ongoing() {
    let mut t = new_app(Lang::Id);
    let app = &mut t.app;
    goto(app, at::INCIDENT_DATE);
    typ(app, "11/2026");
    key(app, KeyCode::Tab);
    let text = screen_text(&render(app, 80, 24));
    assert!(text.contains("11-2026"), "{text}");
    assert!(!text.contains("tulis tanggal seperti"), "{text}");
    goto(app, at::INCIDENT_DATE);
    for _ in 0.."11-2026".len() {
        key(app, KeyCode::Backspace);
    }
    typ(app, "sejak 2019");
    key(app, KeyCode::Tab);
    let text = screen_text(&render(app, 80, 24));
    let line = text
        .lines()
        .find(|l| l.starts_with("Masih berlangsung"))
        .unwrap_or_default()
        .to_string();
    assert!(line.contains("Ya"), "{text}");
    let form = &app.form().unwrap().intake.incident;
    assert_eq!((form.date.as_str(), form.ongoing.as_str()), ("2019", "ya"));
}
