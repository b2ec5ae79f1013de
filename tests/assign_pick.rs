//! Assign (`a`) picks an active account, shown by display name and username (issue 16,
//! point 2, the screen half): a disabled account is not offered, and text that matches no
//! account assigns nobody.

mod common;

use chrono::{Local, TimeZone};
use common::*;
use meja::domain::intake::Intake;
use meja::domain::staff::{Role, StaffMember};
use meja::store::Store;
use ratatui::crossterm::event::KeyCode;

fn seeded() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let mut s = Store::open(&path).unwrap();
    let now = Local::now();
    for (user, name, role) in [
        ("budi", "Budi Santoso", Role::ManajerKasus),
        ("citra", "Citra Lestari", Role::ManajerKasus),
        ("dewi", "Dewi Anggraini", Role::Petugas),
    ] {
        let m = StaffMember {
            username: user.into(),
            display_name: name.into(),
            role,
            active: true,
            has_pin: false,
        };
        s.add_staff(&m, None, now, "setup").unwrap();
    }
    s.set_staff_active("citra", false, now, "setup").unwrap();
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
    let at = Local.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
    let rec = i.to_record(at.date_naive()).unwrap();
    s.open_case(&rec, "PPA", "dewi", at, None).unwrap();
    (dir, path)
}

fn assignee(path: &std::path::Path) -> Option<String> {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row("SELECT assigned_to FROM cases", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn assign_picks_an_active_account_by_name_and_username() {
    let (_dir, path) = seeded();
    let mut app = AppBuilder::new(&path).no_color().build();
    key(&mut app, KeyCode::F(3));
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "a");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Budi Santoso (budi)"), "{text}");
    assert!(text.contains("Dewi Anggraini (dewi)"), "{text}");
    assert!(
        !text.contains("Citra"),
        "a disabled account is not offered: {text}"
    );
    // Text that matches no account picks nothing: the list stays, nothing is saved.
    typ(&mut app, "pak kades");
    key(&mut app, KeyCode::Enter);
    assert_eq!(assignee(&path), None);
    for _ in 0..9 {
        key(&mut app, KeyCode::Backspace);
    }
    // The display name finds the account; its username is what is saved.
    typ(&mut app, "santoso");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(!text.contains("Dewi Anggraini"), "{text}");
    key(&mut app, KeyCode::Enter);
    assert_eq!(assignee(&path).as_deref(), Some("budi"));
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Petugas budi"), "{text}");
}
