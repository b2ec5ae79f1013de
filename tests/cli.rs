//! The real binary's command line: version, help, expected failures, config and demo.

use std::process::{Command, Output};

fn meja(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_meja"))
        .args(args)
        .env_remove("MEJA_DB")
        .env_remove("MEJA_LANG")
        .env("RUST_BACKTRACE", "1")
        .output()
        .expect("run meja")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// An expected failure: exit code 2, one line, no panic or backtrace.
fn assert_clean_failure(o: &Output, needle: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains(needle), "{needle:?} in {err}");
    assert!(
        !err.contains("panicked") && !err.contains("backtrace"),
        "{err}"
    );
}

#[test]
fn version_and_help() {
    let o = meja(&["--version"]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains(env!("CARGO_PKG_VERSION")));
    let o = meja(&["--help"]);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("--db") && out.contains("--lang") && out.contains("--demo"),
        "{out}"
    );
}

#[test]
fn a_directory_as_database_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = meja(&["--db", dir.path().to_str().unwrap()]);
    assert_clean_failure(&o, "adalah folder");
    let o = meja(&["--db", dir.path().to_str().unwrap(), "--lang", "en"]);
    assert_clean_failure(&o, "is a directory");
}

#[test]
fn a_file_that_is_not_sqlite_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("catatan.txt");
    std::fs::write(&p, "Catatan rapat — bukan basis data. ".repeat(20)).unwrap();
    let o = meja(&["--db", p.to_str().unwrap()]);
    assert_clean_failure(&o, "bukan basis data meja");
    assert_eq!(
        std::fs::read_to_string(&p).unwrap().len(),
        "Catatan rapat — bukan basis data. ".len() * 20,
        "untouched"
    );
}

#[test]
fn an_unreadable_database_path_is_refused() {
    let o = meja(&["--db", "/tidak/ada/folder/meja.db"]);
    assert_clean_failure(&o, "folder untuk basis data tidak ada");
}

#[test]
fn an_unknown_language_is_refused() {
    let o = meja(&["--lang", "fr", "--db", "/tmp/x.db"]);
    assert_clean_failure(&o, "bahasa tidak dikenal");
}

#[test]
fn config_init_writes_a_commented_default_once() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("conf/config.toml");
    let o = meja(&["config", "init", "--config", p.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(
        text.contains("case_prefix") && text.contains("# "),
        "{text}"
    );
    let o = meja(&["config", "init", "--config", p.to_str().unwrap()]);
    assert_clean_failure(&o, "sudah ada");
}

#[test]
fn a_broken_configuration_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    std::fs::write(
        &cfg,
        "language = \"id\"\n[office]\nname = \"UPTD PPA\"\ncase_prefix = PPA\n",
    )
    .unwrap();
    let db = dir.path().join("m.db");
    let o = meja(&[
        "demo",
        "--db",
        db.to_str().unwrap(),
        "--cases",
        "1",
        "--config",
        cfg.to_str().unwrap(),
    ]);
    assert_clean_failure(&o, "baris 4");
}

#[test]
fn demo_fills_a_file_deterministically() {
    let dir = tempfile::tempdir().unwrap();
    let dump = |name: &str| -> Vec<(String, String, String)> {
        let db = dir.path().join(name);
        let o = meja(&[
            "demo",
            "--db",
            db.to_str().unwrap(),
            "--cases",
            "300",
            "--agencies",
            "20",
            "--seed",
            "42",
            "--as-of",
            "23-11-2026",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(String::from_utf8_lossy(&o.stdout).contains("300 kasus dan 20 lembaga"));
        let c = rusqlite::Connection::open(&db).unwrap();
        c.prepare("SELECT c.number, c.stage, p.name FROM cases c JOIN persons p ON p.case_id = c.id ORDER BY p.id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    let a = dump("a.db");
    assert_eq!(a, dump("b.db"));
    assert!(
        a.iter().any(|(_, s, _)| s == "terminasi") && a.iter().any(|(_, s, _)| s == "pengaduan")
    );
}
