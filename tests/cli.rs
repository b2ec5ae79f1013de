//! The real binary's command line: version, help, expected failures, config and demo.

use std::process::Output;

mod common;

use common::meja_command;

fn meja(args: &[&str]) -> Output {
    meja_command("ani").args(args).output().expect("run meja")
}

/// Makes ani (with TEST_PIN, as `meja` above types it) the first supervisor of `db`.
fn supervisor(db: &str) {
    let o = meja(&[
        "--db",
        db,
        "staff",
        "add",
        "ani",
        "--name",
        "Ani",
        "--role",
        "supervisor",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
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

/// A wrong time zone in the configuration is said in the person's language: Indonesian by
/// default, English with `--lang en` (it was English in both).
#[test]
fn a_wrong_time_zone_is_said_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, "[office]\nname = \"UPTD PPA\"\ntimezone = \"WITA\"\n").unwrap();
    let db = dir.path().join("m.db");
    let run = |lang: &str| {
        meja(&[
            "--lang",
            lang,
            "demo",
            "--db",
            db.to_str().unwrap(),
            "--cases",
            "1",
            "--config",
            cfg.to_str().unwrap(),
        ])
    };
    let id = run("id");
    assert_clean_failure(
        &id,
        "baris 3: timezone = \"WITA\": bukan zona waktu; pakai \"Asia/Jakarta\" (WIB), \"Asia/Makassar\" (WITA) atau \"Asia/Jayapura\" (WIT)",
    );
    let en = run("en");
    assert_clean_failure(
        &en,
        "line 3: timezone = \"WITA\": not a time zone; use \"Asia/Jakarta\" (WIB)",
    );
    assert!(!db.exists(), "nothing written");
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

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn agencies_import_reports_row_by_row_and_a_reimport_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    let db = db.to_str().unwrap();
    let csv = dir.path().join("lembaga.csv");
    std::fs::write(
        &csv,
        "\u{feff}nama;jenis;layanan;wilayah;telepon;jam_buka\r\n\
         Unit PPA Polres Metro;unit_ppa;penegakan_hukum;18.72;0725000001;Sen-Min 24 jam\r\n\
         ;psikolog;psikologis;18.72;;\r\n\
         Biro Psikologi Harapan;psikolog;psikologis;18.72;0725000002;\"Sen-Jum 08.00-16.00\"\r\n",
    )
    .unwrap();
    let csv = csv.to_str().unwrap();
    supervisor(db);
    let dry = meja(&["--db", db, "agencies", "import", csv, "--dry-run"]);
    let out = stdout(&dry);
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert!(out.contains("tambah   Unit PPA Polres Metro"), "{out}");
    assert!(
        out.contains("baris 3"),
        "the nameless row is reported: {out}"
    );
    assert!(out.contains("Uji coba"), "{out}");
    let first = meja(&["--db", db, "agencies", "import", csv]);
    let out = stdout(&first);
    assert!(
        out.contains("2 ditambah, 0 diubah, 0 tetap, 1 baris dilewati"),
        "{out}"
    );
    let again = meja(&["--db", db, "agencies", "import", csv]);
    let out = stdout(&again);
    assert!(
        out.contains("0 ditambah, 0 diubah, 2 tetap, 1 baris dilewati"),
        "{out}"
    );
    // And out again, as CSV and as HSDS.
    let out_csv = dir.path().join("keluar.csv");
    let o = meja(&[
        "--db",
        db,
        "agencies",
        "export",
        "--format",
        "csv",
        "--out",
        out_csv.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out_csv).unwrap();
    assert!(text.contains("Biro Psikologi Harapan"), "{text}");
    let hsds = dir.path().join("hsds");
    let o = meja(&[
        "--db",
        db,
        "agencies",
        "export",
        "--format",
        "hsds",
        "--out",
        hsds.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(hsds.join("datapackage.json").exists());
    // The HSDS package re-imports onto the same agencies: nothing changes.
    let o = meja(&["--db", db, "agencies", "import", hsds.to_str().unwrap()]);
    let out = stdout(&o);
    assert!(out.contains("0 ditambah"), "{out}");
}

#[test]
fn a_missing_import_file_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    let o = meja(&[
        "--db",
        db.to_str().unwrap(),
        "agencies",
        "import",
        "/nonexistent/lembaga.csv",
    ]);
    assert_clean_failure(&o, "lembaga.csv");
}

#[test]
fn referral_letter_as_pdf_and_text_leaves_out_what_consent_withholds() {
    use meja::domain::agency::Agency;
    use meja::domain::case::{Everyone, Saved};
    use meja::domain::intake::Intake;
    use meja::domain::referral::NewReferral;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    let now = chrono::Local::now();
    let mut s = meja::store::Store::open(&db).unwrap();
    let Saved::Done(agency) = s
        .save_agency(
            &Agency {
                name: "Biro Psikologi Harapan".into(),
                kind: "psikolog".into(),
                services: vec!["psikologis".into()],
                ..Default::default()
            },
            now,
        )
        .unwrap()
    else {
        panic!()
    };
    let mut i = Intake::default();
    i.victims[0].name = "Siti Aminah".into();
    i.victims[0].nik = "1872014103140001".into();
    i.victims[0].sex = "P".into();
    i.victims[0].age = "12".into();
    i.victims[0].ampk = vec!["a".into()];
    i.victims[0].address = "Jl. Melati No. 5".into();
    i.incident.violence = vec!["psikis".into()];
    i.triage.risk = "sedang".into();
    i.consent.services = "ya".into();
    i.consent.share = "ya".into();
    i.consent.relation = "orang_tua".into();
    i.consent.given_by = "Ibu Rahma".into();
    i.consent.withhold = vec!["nik".into(), "alamat".into()];
    let rec = i.to_record(now.date_naive()).unwrap();
    let case = s.open_case(&rec, "PPA", "ani", now, None).unwrap();
    let r = NewReferral {
        agency_id: agency,
        service: "psikologis".into(),
        reason: "Asesmen psikologis".into(),
        follow_up: None,
        override_reason: None,
    };
    let made = s
        .refer(case.id, &r, "ani", now, &Everyone)
        .unwrap()
        .unwrap();
    drop(s);
    supervisor(db.to_str().unwrap());
    let id = made.id.to_string();
    let txt = dir.path().join("surat.txt");
    let o = meja(&[
        "--db",
        db.to_str().unwrap(),
        "referral",
        "letter",
        &id,
        "--out",
        txt.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&txt).unwrap();
    assert!(text.contains("Siti Aminah") && text.contains("Biro Psikologi Harapan"));
    assert!(
        !text.contains("1872014103140001") && !text.contains("Melati"),
        "{text}"
    );
    let pdf = dir.path().join("surat.pdf");
    let o = meja(&[
        "--db",
        db.to_str().unwrap(),
        "referral",
        "letter",
        &id,
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = lopdf::Document::load(&pdf).expect("the PDF parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let body = doc.extract_text(&pages).unwrap();
    assert!(body.contains("Siti Aminah"), "{body}");
    assert!(!body.contains("1872014103140001") && !body.contains("Melati"));
    // The same number on both: a reprint keeps its letter number.
    let number = text
        .lines()
        .find(|l| l.starts_with("Nomor "))
        .unwrap()
        .split(": ")
        .nth(1)
        .unwrap()
        .trim()
        .to_string();
    assert!(body.contains(&number), "{number} in {body}");
    // Each letter written is a print in the access log, under the case.
    let audit = stdout(&meja(&["--db", db.to_str().unwrap(), "audit"]));
    let prints: Vec<&str> = audit.lines().filter(|l| l.contains(" cetak ")).collect();
    assert_eq!(prints.len(), 2, "{audit}");
    assert!(
        prints
            .iter()
            .all(|l| l.contains("PPA/") && l.contains("ani")),
        "{audit}"
    );
    let o = meja(&[
        "--db",
        db.to_str().unwrap(),
        "referral",
        "letter",
        "999",
        "--out",
        "/tmp/x.txt",
    ]);
    assert_clean_failure(&o, "999");
}

#[test]
fn a_database_open_to_every_user_is_refused_with_the_fix() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    let dbs = db.to_str().unwrap();
    supervisor(dbs);
    let meta = std::fs::metadata(&db).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600, "made private");
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let o = meja(&["--db", dbs, "staff", "list"]);
    assert_clean_failure(&o, "chmod 600");
    // A shared install's group access is fine.
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o660)).unwrap();
    let o = meja(&["--db", dbs, "staff", "list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // (A stray -wal or -shm wider than the database is no risk: SQLite gives them the
    // database's mode when it opens them.)
}

#[test]
fn staff_commands_need_a_supervisor_and_the_right_pin() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    let db = db.to_str().unwrap();
    // The first account must be a supervisor.
    let o = meja(&[
        "--db", db, "staff", "add", "budi", "--name", "Budi", "--role", "petugas",
    ]);
    assert_clean_failure(&o, "supervisor");
    supervisor(db);
    let o = meja(&[
        "--db", db, "staff", "add", "budi", "--name", "Budi", "--role", "petugas",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let list = stdout(&meja(&["--db", db, "staff", "list"]));
    assert!(
        list.contains("budi") && list.contains("Petugas layanan"),
        "{list}"
    );
    // Budi is front desk: no staff management, no audit.
    let as_budi = |args: &[&str]| {
        meja_command("budi")
            .args(args)
            .env("MEJA_NEW_PIN", "1357")
            .output()
            .unwrap()
    };
    let o = as_budi(&["--db", db, "staff", "list"]);
    assert_clean_failure(&o, "tidak boleh");
    let o = as_budi(&["--db", db, "audit"]);
    assert_clean_failure(&o, "tidak boleh");
    for cmd in [
        &["report"][..],
        &["export", "--format", "csv", "--out", "/tmp/never.csv"],
        &["backup", "/tmp/never.db"],
    ] {
        let args: Vec<&str> = ["--db", db].iter().chain(cmd).copied().collect();
        assert_clean_failure(&as_budi(&args), "tidak boleh");
    }
    assert!(!std::path::Path::new("/tmp/never.csv").exists());
    // But he may change his own PIN.
    let o = as_budi(&["--db", db, "staff", "set-pin", "budi"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = as_budi(&["--db", db, "staff", "list"]);
    assert_clean_failure(&o, "PIN salah");
    // A wrong PIN for ani counts down, and the audit shows all of it.
    let o = meja_command("ani")
        .args(["--db", db, "audit"])
        .env("MEJA_PIN", "0000")
        .output()
        .unwrap();
    assert_clean_failure(&o, "sisa 4");
    let audit = stdout(&meja(&["--db", db, "audit", "--staff", "budi"]));
    assert!(audit.contains("ganti PIN budi"), "{audit}");
    assert!(audit.contains("gagal masuk"), "{audit}");
    assert!(!audit.contains("tambah budi"), "that row is ani's: {audit}");
}

#[test]
fn user_flag_cannot_borrow_a_colleague_under_sudo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    let db = db.to_str().unwrap();
    supervisor(db);
    let o = meja_command("ani")
        .args(["--db", db, "--user", "ani", "audit"])
        .env("SUDO_USER", "budi")
        .output()
        .unwrap();
    assert_clean_failure(&o, "sudo");
}

#[test]
fn an_older_database_waits_for_meja_migrate() {
    // A database written by the release at schema 5 (tests/migrate.rs says what it holds).
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    let dbs = db.to_str().unwrap();
    std::fs::copy("tests/fixtures/v5.db", &db).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let o = meja(&["--db", dbs, "audit"]);
    assert_clean_failure(&o, "meja migrate");
    let o = meja(&["--db", dbs, "migrate"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("diperbarui"), "{}", stdout(&o));
    let o = meja(&["--db", dbs, "migrate"]);
    assert!(stdout(&o).contains("sudah terbaru"), "{}", stdout(&o));
}

/// The office zone through the real binary on a server whose clock runs on UTC: what it
/// stores carries the office's offset, `meja check` warns only while no zone is set, and a
/// misspelt zone is refused next to its line.
#[test]
fn the_office_time_zone_applies_to_a_utc_server_and_check_warns_without_one() {
    let dir = tempfile::tempdir().unwrap();
    let run = |config: &std::path::Path, db: &str, args: &[&str]| {
        meja_command("ani")
            .arg("--db")
            .arg(db)
            .arg("--config")
            .arg(config)
            .args(args)
            .env("TZ", "UTC")
            .output()
            .unwrap()
    };
    let wita = dir.path().join("wita.toml");
    std::fs::write(&wita, "[office]\ntimezone = \"Asia/Makassar\"\n").unwrap();
    let none = dir.path().join("none.toml");
    std::fs::write(&none, "[office]\nname = \"UPTD PPA\"\n").unwrap();
    let stored = |db: &str| -> String {
        let c = rusqlite::Connection::open(db).unwrap();
        c.query_row(
            "SELECT at FROM access_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let add = [
        "staff",
        "add",
        "ani",
        "--name",
        "Ani",
        "--role",
        "supervisor",
    ];

    let db = dir.path().join("wita.db");
    let db = db.to_str().unwrap();
    let o = run(&wita, db, &add);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stored(db).ends_with("+08:00"), "{}", stored(db));
    let o = run(&wita, db, &["check"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(!out.contains("UTC"), "{out}");

    let db = dir.path().join("utc.db");
    let db = db.to_str().unwrap();
    let o = run(&none, db, &add);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stored(db).ends_with("+00:00"), "{}", stored(db));
    let o = run(&none, db, &["--lang", "en", "check"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "a warning, not a fault: {out}");
    assert!(
        out.contains("runs on UTC") && out.contains("Asia/Makassar"),
        "{out}"
    );

    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "[office]\nname = \"X\"\ntimezone = \"Asia/Makasar\"\n",
    )
    .unwrap();
    let o = run(&bad, db, &["check"]);
    assert_clean_failure(&o, "Asia/Makasar");
    assert!(
        stderr(&o).contains("baris 3"),
        "names the line: {}",
        stderr(&o)
    );
}
