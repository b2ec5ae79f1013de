//! What the screen shows and hides: sign-in, the idle lock, the privacy key, NIK masking, the
//! access log rows they leave, and what each role is offered.

mod common;

use std::time::{Duration, Instant};

use chrono::Local;
use common::*;
use meja::config::Config;
use meja::domain::access::AccessKind;
use meja::domain::staff::{Role, StaffMember};
use meja::store::Store;
use meja::store::access::AccessFilter;
use meja::ui::LockWhy;
use meja::ui::app::Screen;
use ratatui::crossterm::event::KeyCode;

const NIK: &str = "1872015205140001";

fn add(path: &std::path::Path, username: &str, role: Role) {
    let mut s = Store::open(path).unwrap();
    let m = StaffMember {
        username: username.into(),
        display_name: username.into(),
        role,
        active: true,
        has_pin: true,
    };
    s.add_staff(&m, Some("2468"), Local::now(), "setup")
        .unwrap();
}

/// A database with ani (supervisor) and one case typed by her, with a victim NIK.
fn with_case() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    add(&path, "ani", Role::Supervisor);
    let mut app = app_as(&path, "ani", Role::Supervisor, Config::default());
    fill_minimum(&mut app);
    goto(&mut app, at::VICTIM_NIK);
    typ(&mut app, NIK);
    ctrl(&mut app, 's');
    assert_eq!(app.screen(), Screen::Saved);
    (dir, path)
}

fn access(path: &std::path::Path, kind: AccessKind) -> Vec<(String, Option<String>)> {
    Store::open(path)
        .unwrap()
        .access_log(&AccessFilter::default())
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == Some(kind))
        .map(|e| (e.staff, e.case_number))
        .collect()
}

fn open_first_case(app: &mut meja::ui::App) {
    key(app, KeyCode::F(3));
    key(app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Case);
}

#[test]
fn a_nik_is_masked_in_the_case_file_until_revealed_and_each_reveal_is_logged() {
    let (_dir, path) = with_case();
    let mut app = app_as(&path, "ani", Role::Supervisor, Config::default());
    open_first_case(&mut app);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("1872••••••••0001"), "{text}");
    assert!(!text.contains(NIK), "{text}");
    assert_eq!(access(&path, AccessKind::Open).len(), 1);
    assert!(access(&path, AccessKind::Reveal).is_empty());

    typ(&mut app, "v");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains(NIK), "{text}");
    typ(&mut app, "v");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(!text.contains(NIK), "hidden again: {text}");
    typ(&mut app, "v");
    let reveals = access(&path, AccessKind::Reveal);
    assert_eq!(reveals.len(), 2, "two reveals, hiding is not one");
    assert_eq!(reveals[0].0, "ani");
    assert_eq!(reveals[0].1.as_deref(), Some("PPA/2026/0001"));
}

#[test]
fn saving_an_intake_and_editing_a_case_are_in_the_access_log() {
    let (_dir, path) = with_case();
    let edits = access(&path, AccessKind::Edit);
    assert_eq!(edits, [("ani".to_string(), Some("PPA/2026/0001".into()))]);
    let mut app = app_as(&path, "ani", Role::Supervisor, Config::default());
    open_first_case(&mut app);
    typ(&mut app, "e");
    goto(&mut app, at::REPORTER_ADDRESS);
    typ(&mut app, "Jl. Baru 1");
    ctrl(&mut app, 's');
    assert_eq!(access(&path, AccessKind::Edit).len(), 2);
    // Editing shows the NIK in full, so starting the edit counted as a reveal.
    assert_eq!(access(&path, AccessKind::Reveal).len(), 1);
}

#[test]
fn the_idle_lock_saves_the_draft_hides_the_form_and_the_pin_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    add(&path, "ani", Role::Petugas);
    let mut config = Config::default();
    config.access.idle_minutes = 1;
    let mut app = app_as(&path, "ani", Role::Petugas, config);
    goto(&mut app, at::VICTIM_NAME);
    typ(&mut app, "Rahasia Sekali");
    // Before the limit nothing happens; at it, the screen locks.
    assert!(!app.tick(Instant::now() + Duration::from_secs(5)) || app.locked().is_none());
    assert_eq!(app.locked(), None);
    app.tick(Instant::now() + Duration::from_secs(61));
    assert_eq!(app.locked(), Some(LockWhy::Idle));
    let drafts = Store::open(&path).unwrap().drafts_of("ani").unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].intake.victims[0].name, "Rahasia Sekali");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(!text.contains("Rahasia"), "{text}");
    assert!(text.contains("PIN"), "{text}");

    typ(&mut app, "1111");
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("PIN salah"), "{text}");
    assert_eq!(app.locked(), Some(LockWhy::Idle));
    typ(&mut app, "2468");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.locked(), None);
    assert_eq!(app.screen(), Screen::Intake);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(
        text.contains("Rahasia Sekali"),
        "the form is as it was: {text}"
    );
}

#[test]
fn after_the_privacy_key_the_pin_typed_at_once_unlocks() {
    let (_dir, path) = with_case();
    let mut app = app_as(&path, "ani", Role::Supervisor, Config::default());
    open_first_case(&mut app);
    key(&mut app, KeyCode::F(12));
    assert!(screen_text(&render(&mut app, 80, 24)).trim().is_empty());
    // The first digit is the PIN's first digit, not a wake-up key.
    typ(&mut app, "2468");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.locked(),
        None,
        "{}",
        screen_text(&render(&mut app, 80, 24))
    );
    assert_eq!(app.screen(), Screen::Case);
    let fails: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT failed_pins FROM staff WHERE username = 'ani'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(fails, 0, "no lock try spent");
}

#[test]
fn the_privacy_key_blanks_the_screen_at_once() {
    let (_dir, path) = with_case();
    let mut app = app_as(&path, "ani", Role::Supervisor, Config::default());
    open_first_case(&mut app);
    key(&mut app, KeyCode::F(12));
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.trim().is_empty(), "nothing at all: {text}");
    // The first key shows the PIN prompt, still without case data.
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("PIN") && !text.contains("PPA/2026"), "{text}");
    typ(&mut app, "2468");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Case);
    // The Ctrl twin does the same, from inside a dialog too, and the half-written note is
    // still there after the PIN.
    typ(&mut app, "n");
    typ(&mut app, "Catatan rahasia");
    ctrl(&mut app, 'z');
    assert_eq!(app.locked(), Some(LockWhy::Privacy));
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(!text.contains("Catatan rahasia"), "{text}");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "2468");
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Catatan rahasia"), "{text}");
}

#[test]
fn sign_in_needs_the_right_pin_and_five_wrong_ones_lock_the_account() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    add(&path, "budi", Role::Petugas);
    let mut app = app_as(&path, "budi", Role::Petugas, Config::default());
    app.require_sign_in();
    for _ in 0..5 {
        typ(&mut app, "0000");
        key(&mut app, KeyCode::Enter);
    }
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Akun dikunci"), "{text}");
    typ(&mut app, "2468");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.locked(),
        Some(LockWhy::SignIn),
        "locked even for the right PIN"
    );
    let failed = access(&path, AccessKind::SignInFailed);
    assert_eq!(failed.len(), 6);
}

#[test]
fn a_front_desk_worker_is_not_offered_moves_and_cannot_make_them() {
    let (_dir, path) = with_case();
    add(&path, "budi", Role::Petugas);
    let mut app = app_as(&path, "budi", Role::Petugas, Config::default());
    key(&mut app, KeyCode::F(3));
    let text = screen_text(&render(&mut app, 80, 24));
    let bar = text.lines().last().unwrap().to_string();
    assert!(!bar.contains("Maju") && !bar.contains("Tutup"), "{bar}");
    typ(&mut app, ">");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("tidak boleh"), "{text}");
    typ(&mut app, "R");
    assert_eq!(app.screen(), Screen::Board, "reports are the supervisor's");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "e");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("tidak boleh"), "{text}");
    let bar = text.lines().last().unwrap().to_string();
    assert!(bar.contains("Rujuk") && !bar.contains("Ubah"), "{bar}");
}

#[test]
fn a_case_manager_moves_their_own_cases_only() {
    let (_dir, path) = with_case();
    add(&path, "citra", Role::ManajerKasus);
    let stage = || -> String {
        rusqlite::Connection::open(&path)
            .unwrap()
            .query_row("SELECT stage FROM cases", [], |r| r.get(0))
            .unwrap()
    };
    let mut app = app_as(&path, "citra", Role::ManajerKasus, Config::default());
    open_first_case(&mut app);
    typ(&mut app, ">");
    typ(&mut app, "y");
    assert_eq!(stage(), "pengaduan", "not hers yet");
    // The supervisor assigns it to her.
    let mut sup = app_as(&path, "ani", Role::Supervisor, Config::default());
    open_first_case(&mut sup);
    typ(&mut sup, "a");
    for _ in 0..10 {
        key(&mut sup, KeyCode::Backspace);
    }
    typ(&mut sup, "citra");
    key(&mut sup, KeyCode::Enter);
    let mut app = app_as(&path, "citra", Role::ManajerKasus, Config::default());
    open_first_case(&mut app);
    typ(&mut app, ">");
    typ(&mut app, "y");
    assert_eq!(stage(), "asesmen");
    // Closing is still the supervisor's.
    typ(&mut app, "c");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("tidak boleh"), "{text}");
}

#[test]
fn the_lock_screen_never_panics_at_tiny_sizes() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let mut app = app_as(&path, "ani", Role::Petugas, Config::default());
    app.require_sign_in();
    for (w, h) in [(1, 1), (2, 1), (10, 3), (20, 5), (80, 24), (200, 60)] {
        render(&mut app, w, h);
    }
}

#[test]
fn a_supervisor_reads_the_access_log_on_screen_and_others_cannot() {
    let (_dir, path) = with_case();
    add(&path, "budi", Role::Petugas);
    let mut budi = app_as(&path, "budi", Role::Petugas, Config::default());
    open_first_case(&mut budi);
    typ(&mut budi, "v");
    key(&mut budi, KeyCode::Esc);
    typ(&mut budi, "L");
    assert_eq!(budi.screen(), Screen::Board, "not for front desk");

    let mut ani = app_as(&path, "ani", Role::Supervisor, Config::default());
    key(&mut ani, KeyCode::F(3));
    let bar = screen_text(&render(&mut ani, 120, 24));
    assert!(bar.lines().last().unwrap().contains("L Log"), "{bar}");
    typ(&mut ani, "L");
    assert_eq!(ani.screen(), Screen::Audit);
    typ(&mut ani, "budi");
    let text = screen_text(&render(&mut ani, 80, 24));
    assert!(
        text.contains("tampil NIK") && text.contains("PPA/2026/0001"),
        "{text}"
    );
    let rows: Vec<&str> = text
        .lines()
        .skip(3)
        .filter(|l| l.contains("23-11-2026"))
        .collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(
        rows.iter().all(|l| l.contains(" budi ")),
        "narrowed to budi: {text}"
    );
    for (w, h) in [(1, 1), (20, 4), (80, 24)] {
        render(&mut ani, w, h);
    }
}
