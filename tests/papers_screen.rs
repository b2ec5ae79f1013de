//! Issue 19's papers from the case file, driven by keys: `d` asks which paper, which copy and
//! where (offered in `surat/`), a path the print refuses keeps the dialog open with the reason,
//! and the printed paper is the copy chosen, with its access-log row.

mod common;

use chrono::{Local, TimeZone};
use common::*;
use meja::domain::intake::Intake;
use meja::domain::staff::Role;
use meja::store::Store;
use meja::store::access::AccessFilter;
use meja::ui::app::Screen;
use ratatui::crossterm::event::KeyCode;

fn office() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let mut s = Store::open(&path).unwrap();
    let mut i = Intake::default();
    i.reporter.name = "Ibu Rina".into();
    i.victims[0].name = "Siti Aminah".into();
    i.victims[0].sex = "P".into();
    i.victims[0].age = "30".into();
    i.victims[0].address = "Jl. Melati No. 5".into();
    i.incident.violence = vec!["fisik".into()];
    i.incident.chronology = "Dipukul di rumah.".into();
    i.triage.risk = "sedang".into();
    i.consent.services = "ya".into();
    i.consent.share = "ya".into();
    i.consent.withhold = vec!["alamat".into()];
    let at = Local.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
    let rec = i.to_record(at.date_naive()).unwrap();
    let number = s.open_case(&rec, "PPA", "ani", at, None).unwrap().number;
    (dir, path, number)
}

fn erase(app: &mut meja::ui::App) {
    for _ in 0..300 {
        key(app, KeyCode::Backspace);
    }
}

#[test]
fn a_worker_prints_the_complaint_form_copy_for_others_from_the_case_file() {
    let (dir, path, number) = office();
    let mut app = AppBuilder::new(&path).staff("dewi", Role::Petugas).build();
    key(&mut app, KeyCode::F(3));
    typ(&mut app, "/");
    typ(&mut app, &number);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Case);

    typ(&mut app, "d");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Cetak kertas apa?"), "{text}");
    assert!(text.contains("Berita acara mediasi"), "{text}");
    insta::assert_snapshot!("paper_pick_80x24", render(&mut app, 80, 24).backend());
    // The complaint form is highlighted first: Enter takes it, then the copy.
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Salinan yang mana?"), "{text}");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Tulis ke berkas"), "{text}");
    assert!(
        text.contains("-salinan.pdf"),
        "a file in surat/ is offered: {text}"
    );

    // Over the database: refused, the dialog stays open at the path with the reason.
    erase(&mut app);
    typ(&mut app, path.to_str().unwrap());
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Tulis ke berkas"), "still open: {text}");
    assert!(text.contains("basis data"), "the reason is shown: {text}");
    let out = dir.path().join("salinan.pdf");
    erase(&mut app);
    typ(&mut app, out.to_str().unwrap());
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(!text.contains("Tulis ke berkas"), "closed: {text}");
    assert!(text.contains("ditulis ke"), "{text}");

    let doc = lopdf::Document::load(&out).expect("the PDF parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let body = doc.extract_text(&pages).unwrap();
    assert!(body.contains("Salinan untuk pihak lain"), "{body}");
    assert!(body.contains("Siti Aminah"), "{body}");
    assert!(
        !body.contains("Jl. Melati"),
        "the address was withheld: {body}"
    );
    let s = Store::open(&path).unwrap();
    let rows: Vec<String> = s
        .access_log(&AccessFilter::default())
        .unwrap()
        .into_iter()
        .filter(|e| e.detail.starts_with("kertas "))
        .map(|e| format!("{} {}", e.staff, e.detail))
        .collect();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(
        rows[0].starts_with("dewi kertas pengaduan salinan pihak-lain"),
        "{rows:?}"
    );
}

fn add_staff(path: &std::path::Path, username: &str, role: Role) {
    let mut s = Store::open(path).unwrap();
    let m = meja::domain::staff::StaffMember {
        username: username.into(),
        display_name: username.into(),
        role,
        active: true,
        has_pin: true,
    };
    s.add_staff(&m, Some("2468"), Local::now(), "setup")
        .unwrap();
}

fn signed_in(
    path: &std::path::Path,
    who: &str,
    role: Role,
    config: meja::config::Config,
) -> String {
    add_staff(path, who, role);
    let mut app = app_as(path, who, role, config);
    app.require_sign_in();
    typ(&mut app, "2468");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.locked(), None);
    let text = screen_text(&render(&mut app, 80, 24));
    // A privacy lock and back is the same session: nothing is told again.
    key(&mut app, KeyCode::Down);
    ctrl(&mut app, 'z');
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "2468");
    key(&mut app, KeyCode::Enter);
    let again = screen_text(&render(&mut app, 80, 24));
    assert!(!again.contains("Belum diatur untuk surat"), "{again}");
    text
}

/// Issue 16 point 19: at sign-in a supervisor is told, once, what of the letterhead, city and
/// signatory is not configured; a petugas is not, nor anyone when all three are set.
#[test]
fn a_supervisor_is_told_once_what_letters_lack_in_the_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let text = signed_in(
        &path,
        "sup",
        Role::Supervisor,
        meja::config::Config::default(),
    );
    assert!(
        text.contains("Belum diatur untuk surat: kop surat, kota, penandatangan"),
        "{text}"
    );
    let mut partly = meja::config::Config::default();
    partly.office.city = "Metro".into();
    partly.office.letterhead = vec!["PEMERINTAH KOTA METRO".into()];
    let text = signed_in(&path, "sup2", Role::Supervisor, partly.clone());
    assert!(
        text.contains("Belum diatur untuk surat: penandatangan"),
        "{text}"
    );
    let text = signed_in(
        &path,
        "budi",
        Role::Petugas,
        meja::config::Config::default(),
    );
    assert!(!text.contains("Belum diatur untuk surat"), "{text}");
    let mut full = partly;
    full.office.head_name = "Dra. Sri Handayani".into();
    let text = signed_in(&path, "sup3", Role::Supervisor, full);
    assert!(!text.contains("Belum diatur untuk surat"), "{text}");
}
