//! Addresses with Kemendagri region codes: the picker in the intake form, driven by keys.

mod common;

use common::*;
use meja::config::Config;
use meja::i18n::Lang;
use ratatui::crossterm::event::KeyCode;

fn metro_office() -> Config {
    let mut c = Config::default();
    c.region.province = "18".into();
    c.region.regency = "18.72".into();
    c
}

#[test]
fn a_victims_address_takes_a_few_keys_in_the_offices_city() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(&db_path(&dir), Lang::Id, "ani", metro_office());
    goto(&mut app, at::VICTIM_REGION);
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "utar");
    let term = render(&mut app, 80, 24);
    let text = screen_text(&term);
    assert!(text.contains("Lampung › Kota Metro › Kecamatan"), "{text}");
    assert!(text.contains("Metro Utara"), "{text}");
    insta::assert_snapshot!("region_picker_80x24", term.backend());
    key(&mut app, KeyCode::Enter); // into Metro Utara
    key(&mut app, KeyCode::Enter); // its first desa/kelurahan
    let region = app.form().unwrap().intake.victims[0].region.clone();
    assert!(region.starts_with("18.72.02."), "{region}");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("Metro Utara, Kota Metro, Lampung"), "{text}");
}

#[test]
fn the_nik_suggests_the_kecamatan_and_a_mismatch_is_only_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(&db_path(&dir), Lang::Id, "ani", metro_office());
    goto(&mut app, at::VICTIM_NIK);
    typ(&mut app, "1872035205900001"); // issued in 18.72.03 Metro Barat
    goto(&mut app, at::VICTIM_REGION);
    key(&mut app, KeyCode::Enter);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(
        text.contains("Metro Barat › Desa/Kelurahan") && text.contains("dari NIK"),
        "{text}"
    );
    key(&mut app, KeyCode::Esc);
    // Choose another kecamatan: the form warns, and saving is still allowed.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Backspace); // up to the kecamatan list
    typ(&mut app, "timur");
    key(&mut app, KeyCode::Tab); // stop at the kecamatan
    assert_eq!(app.form().unwrap().intake.victims[0].region, "18.72.04");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("alamat di kecamatan lain dari NIK"), "{text}");
}

#[test]
fn the_region_is_stored_with_the_case_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let mut app = app_with(&path, Lang::Id, "ani", metro_office());
    fill_minimum(&mut app);
    goto(&mut app, at::VICTIM_REGION);
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "pusat");
    key(&mut app, KeyCode::Tab);
    ctrl(&mut app, 's');
    let region: String = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT region FROM persons WHERE role = 'korban'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(region, "18.72.01");
}
