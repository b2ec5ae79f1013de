//! No `--out` writes over the database or a file meja did not make (issue: Hardening, 1).
//!
//! In the shared-server layout every worker runs meja as the service account, so these are
//! tried as a petugas, the least trusted role, and as a supervisor with `--force`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use chrono::Local;
use meja::domain::case::Everyone;
use meja::domain::referral::NewReferral;
use meja::store::Store;

const PIN: &str = common::TEST_PIN;

fn meja_as(user: &str, db: &Path, args: &[&str]) -> Output {
    common::meja_command(user)
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("run meja")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn assert_refused(o: &Output, needle: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains(needle), "{needle:?} in {err}");
}

/// A database with demo cases, ani (supervisor), budi (petugas) and one referral; returns it
/// and the referral's id.
fn office(dir: &Path) -> (PathBuf, i64) {
    let db = dir.join("meja.db");
    let o = meja_as("ani", &db, &["demo", "--cases", "12", "--agencies", "5"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for (user, role) in [("ani", "supervisor"), ("budi", "petugas")] {
        let o = meja_as(
            "ani",
            &db,
            &["staff", "add", user, "--name", user, "--role", role],
        );
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let raw = rusqlite::Connection::open(&db).unwrap();
    let case: i64 = raw
        .query_row(
            "SELECT id FROM cases WHERE stage != 'terminasi' ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let agency: i64 = raw
        .query_row("SELECT min(id) FROM agencies", [], |r| r.get(0))
        .unwrap();
    let mut s = Store::open(&db).unwrap();
    let r = NewReferral {
        agency_id: agency,
        service: "kesehatan".into(),
        reason: "Visum".into(),
        follow_up: None,
        override_reason: Some("Darurat".into()),
    };
    let id = s
        .refer(case, &r, "ani", Local::now(), &Everyone)
        .unwrap()
        .unwrap()
        .id;
    (db, id)
}

/// What must survive: the cases, the history and a healthy file.
fn fingerprint(db: &Path) -> (i64, i64) {
    let s = rusqlite::Connection::open(db).unwrap();
    let n = |sql: &str| -> i64 { s.query_row(sql, [], |r| r.get(0)).unwrap() };
    let ok: String = s
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    (
        n("SELECT count(*) FROM cases"),
        n("SELECT count(*) FROM case_history"),
    )
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_petugas_cannot_write_a_letter_or_directory_over_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let (db, referral) = office(dir.path());
    let before = fingerprint(&db);
    let id = referral.to_string();
    for target in ["meja.db", "meja.db-wal", "meja.db-shm"] {
        let t = dir.path().join(target);
        for force in [false, true] {
            let mut args = vec!["referral", "letter", &id, "--out", path(&t)];
            let mut dir_args = vec!["agencies", "export", "--format", "csv", "--out", path(&t)];
            if force {
                args.push("--force");
                dir_args.push("--force");
            }
            assert_refused(&meja_as("budi", &db, &args), "basis data meja");
            assert_refused(&meja_as("budi", &db, &dir_args), "basis data meja");
        }
    }
    // Another spelling of the same file is the same file.
    std::fs::create_dir(dir.path().join("surat")).unwrap();
    let sneaky = dir.path().join("surat/../meja.db");
    let o = meja_as(
        "budi",
        &db,
        &["referral", "letter", &id, "--out", path(&sneaky), "--force"],
    );
    assert_refused(&o, "basis data meja");
    assert_eq!(fingerprint(&db), before);
    // A refused letter took no number: the next one written is the first of the year.
    let out = dir.path().join("surat.txt");
    let o = meja_as(
        "budi",
        &db,
        &["referral", "letter", &id, "--out", path(&out)],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("001/"), "{text}");
}

#[test]
fn no_supervisor_command_writes_over_the_database_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = office(dir.path());
    let before = fingerprint(&db);
    let number: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("SELECT number FROM cases ORDER BY id LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let d = path(&db);
    for args in [
        vec!["export", "--format", "csv", "--out", d, "--force"],
        vec!["report", "--out", d, "--force"],
        vec!["case", "export", &number, "--out", d, "--force", "--plain"],
        vec![
            "agencies", "export", "--format", "csv", "--out", d, "--force",
        ],
    ] {
        assert_refused(&meja_as("ani", &db, &args), "basis data meja");
    }
    // A backup over the database has its own words.
    let o = meja_as("ani", &db, &["backup", d, "--force"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(fingerprint(&db), before);
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let (db, referral) = office(dir.path());
    let id = referral.to_string();
    let mine = dir.path().join("catatan-saya.txt");
    let number: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("SELECT number FROM cases ORDER BY id LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let m = path(&mine);
    let commands: Vec<(&str, Vec<&str>)> = vec![
        ("ani", vec!["export", "--format", "csv", "--out", m]),
        ("ani", vec!["report", "--out", m]),
        (
            "ani",
            vec!["case", "export", &number, "--out", m, "--plain"],
        ),
        ("ani", vec!["backup", m]),
        (
            "budi",
            vec!["agencies", "export", "--format", "csv", "--out", m],
        ),
        ("budi", vec!["referral", "letter", &id, "--out", m]),
    ];
    for (user, args) in &commands {
        std::fs::write(&mine, "tulisan saya").unwrap();
        let o = meja_as(user, &db, args);
        assert_refused(&o, "sudah ada");
        assert_eq!(std::fs::read_to_string(&mine).unwrap(), "tulisan saya");
        let mut forced = args.clone();
        forced.push("--force");
        let o = meja_as(user, &db, &forced);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert_ne!(
            std::fs::read_to_string(&mine).ok(),
            Some("tulisan saya".into())
        );
    }
    // No temporary file is left beside them.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn files_written_with_out_are_owner_only_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = office(dir.path());
    let csv = dir.path().join("direktori.csv");
    let hsds = dir.path().join("hsds");
    let cases = dir.path().join("kasus.csv");
    for (user, args) in [
        (
            "budi",
            format!("agencies export --format csv --out {}", path(&csv)),
        ),
        (
            "budi",
            format!("agencies export --format hsds --out {}", path(&hsds)),
        ),
        ("ani", format!("export --format csv --out {}", path(&cases))),
    ] {
        let o = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("umask 000; exec \"$0\" --db \"$1\" {args}",))
            .arg(env!("CARGO_BIN_EXE_meja"))
            .arg(&db)
            .env_remove("MEJA_DB")
            .env_remove("SUDO_USER")
            .env("USER", user)
            .env("MEJA_PIN", PIN)
            .output()
            .unwrap();
        assert!(o.status.success(), "{args}: {}", stderr(&o));
    }
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&csv), 0o600);
    assert_eq!(mode(&cases), 0o600);
    assert_eq!(mode(&hsds), 0o700);
    for e in std::fs::read_dir(&hsds).unwrap() {
        let p = e.unwrap().path();
        assert_eq!(mode(&p), 0o600, "{}", p.display());
    }
}

#[test]
fn demo_refuses_a_live_database_and_refills_only_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("kantor.db");
    // A real office: one supervisor, one petugas, one case from the fixture's release.
    std::fs::copy("tests/fixtures/v5.db", &live).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&live, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let o = meja_as("ani", &live, &["migrate"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = fingerprint(&live);
    for user in ["budi", "sup", "nobody"] {
        let o = meja_as(user, &live, &["demo", "--cases", "50"]);
        assert_refused(&o, "demo hanya mengisi berkas baru");
    }
    assert_eq!(fingerprint(&live), before);

    // A new file with only an account in it is an office too.
    let staffed = dir.path().join("baru.db");
    let o = meja_as(
        "ani",
        &staffed,
        &[
            "staff",
            "add",
            "ani",
            "--name",
            "Ani",
            "--role",
            "supervisor",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_refused(
        &meja_as("ani", &staffed, &["demo", "--cases", "5"]),
        "demo hanya mengisi berkas baru",
    );

    // A file demo made may be filled again.
    let own = dir.path().join("demo.db");
    for agencies in ["1", "0"] {
        let o = meja_as(
            "ani",
            &own,
            &["demo", "--cases", "5", "--agencies", agencies],
        );
        assert!(o.status.success(), "{}", stderr(&o));
    }
    assert_eq!(fingerprint(&own).0, 10);
}
