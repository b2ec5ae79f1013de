//! The real binary's first words and last (issue 16, point 18): `--demo` is marked DEMO on
//! the title line, and quitting with a half-typed intake says the draft is kept, and where.
#![cfg(target_os = "linux")]

mod common;

use common::pty::*;

#[test]
fn the_demo_is_marked_and_says_its_draft_goes_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("unused.db");
    let opts = Opts {
        args: vec!["--demo".into()],
        ..Opts::default()
    };
    let mut s = Session::spawn(&db, &opts);
    let text = s.wait_for(" meja · ");
    let title = text.lines().next().unwrap_or("");
    assert!(title.contains("DEMO"), "{text}");
    s.goto_field(at::VICTIM_NAME);
    s.typ("Siti");
    s.wait_for("Siti");
    s.send(F10);
    let st = s.wait_exit();
    assert!(st.success(), "{st:?}");
    let text = s.text();
    assert!(text.contains("hilang bersama basis data demo"), "{text}");
}

#[test]
fn quitting_a_half_typed_intake_says_where_the_draft_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepare_db(dir.path());
    let mut s = Session::start(&db, Opts::default().size(200, 24));
    let text = s.text();
    assert!(!text.contains("DEMO"), "{text}");
    s.goto_field(at::VICTIM_NAME);
    s.typ("Siti");
    s.wait_for("Siti");
    s.send(F10);
    let st = s.wait_exit();
    assert!(st.success(), "{st:?}");
    let text = s.text();
    assert!(text.contains("tetap ada sebagai draf di"), "{text}");
    assert!(text.contains(&db.display().to_string()), "{text}");
    assert_eq!(drafts(&db).len(), 1);
}
