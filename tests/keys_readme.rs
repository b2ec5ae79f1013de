//! The key tables (`ui::keymap`) are the one description of each screen's keys: the handler
//! looks keys up in them, the key bar and help are drawn from them, and README's key tables
//! must list the same keys in the same order. These tests hold README and help to that.

mod common;

use common::*;
use meja::i18n::Lang;
use meja::ui::keymap::{self, Described};
use ratatui::crossterm::event::KeyCode;

/// The first cells of the Markdown table that follows `<!-- keys: NAME -->` in README.
fn readme_keys(readme: &str, name: &str) -> Vec<String> {
    let marker = format!("<!-- keys: {name} -->");
    let at = readme
        .find(&marker)
        .unwrap_or_else(|| panic!("README has no {marker}"));
    readme[at + marker.len()..]
        .lines()
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| l.starts_with('|'))
        .skip(2) // header and separator
        .map(|l| {
            l.trim_start_matches('|')
                .split(" | ")
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches('`')
                .to_string()
        })
        .collect()
}

fn table_keys(t: &dyn Described) -> Vec<String> {
    t.lines().into_iter().map(|(k, _)| k.to_string()).collect()
}

#[test]
fn readme_key_tables_agree_with_the_key_tables() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let tables: [(&str, &dyn Described); 10] = [
        ("global", &keymap::GLOBAL),
        ("form", &keymap::FORM),
        ("drafts", &keymap::DRAFTS),
        ("board", &keymap::BOARD),
        ("case", &keymap::CASE),
        ("referrals", &keymap::CASE_REFERRALS),
        ("legal", &keymap::CASE_LEGAL),
        ("simfoni", &keymap::SIMFONI_SHEET),
        ("simfoni-month", &keymap::SIMFONI_MONTH),
        ("tugas", &keymap::TUGAS),
    ];
    for (name, table) in tables {
        assert_eq!(
            readme_keys(&readme, name),
            table_keys(table),
            "README's `{name}` key table differs from ui::keymap"
        );
    }
}

/// The column where the description starts on the help line that shows `keys`.
fn description_column(text: &str, keys: &str) -> usize {
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with(keys))
        .unwrap_or_else(|| panic!("no help line for {keys:?}:\n{text}"));
    let after = line.find(keys).unwrap() + keys.len();
    let rest = &line[after..];
    let gap = rest.len() - rest.trim_start().len();
    assert!(gap >= 2, "no gap after {keys:?}: {line:?}");
    line[..after + gap].chars().count()
}

#[test]
fn help_shows_the_current_screens_keys_first_in_one_aligned_column() {
    let mut t = new_app(Lang::Id);
    let app = &mut t.app;
    key(app, KeyCode::F(3));
    key(app, KeyCode::F(1));
    let text = screen_text(&render(app, 80, 24));
    let body: Vec<&str> = text.lines().skip(1).collect();
    assert!(
        body[0].contains("Di papan kasus"),
        "the board's keys come first:\n{text}"
    );
    let global = body.iter().position(|l| l.contains("Di semua layar"));
    let form = body
        .iter()
        .position(|l| l.contains("Di formulir pengaduan"));
    assert!(
        global.is_some() && form.is_none(),
        "then every screen's keys (the form's further down):\n{text}"
    );
    // Today's drift, fixed: the longest key no longer runs into its description.
    let moves = description_column(&text, "← → ↑ ↓ / h l k j");
    assert_eq!(moves, description_column(&text, "Enter"), "{text}");
    assert_eq!(moves, description_column(&text, "F1 / Ctrl-G"), "{text}");

    // From the drafts, the drafts' keys come first, with the keys that work there.
    let path = db_path(&t.dir);
    let mut draft = meja::domain::intake::Intake::default();
    draft.victims[0].name = "Siti".into();
    let now = chrono::Local::now();
    meja::store::Store::open(&path)
        .unwrap()
        .save_draft(None, "ani", now, &draft)
        .unwrap();
    let mut app = app_on(&path, Lang::Id, "ani");
    assert_eq!(app.screen(), meja::ui::app::Screen::Drafts);
    key(&mut app, KeyCode::F(1));
    let text = screen_text(&render(&mut app, 80, 24));
    let body: Vec<&str> = text.lines().skip(1).collect();
    assert!(body[0].contains("Di daftar draf"), "{text}");
    assert!(text.contains("Del / d / x"), "{text}");
}
