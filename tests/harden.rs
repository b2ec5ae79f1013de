//! Issue 14, hardening: the real binary against what an attacker at the front desk, or an
//! office importing other people's files, would try. Each test names the point it covers.

use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Output};

mod common;

fn cmd(args: &[&str]) -> Command {
    let mut c = common::meja_command("ani");
    c.args(args);
    c
}

fn meja(args: &[&str]) -> Output {
    cmd(args).output().expect("run meja")
}

/// The binary run with umask 000, as a careless service unit would: every file it makes must
/// still be owner-only.
fn meja_umask0(args: &[&str]) -> Output {
    let mut c = cmd(args);
    // SAFETY: umask is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        c.pre_exec(|| {
            libc::umask(0);
            Ok(())
        });
    }
    c.output().expect("run meja")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn supervisor(db: &Path) {
    let o = meja(&[
        "--db",
        db.to_str().unwrap(),
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

fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// Nothing a terminal would act on: no ESC, BEL, C1 control (U+0080..U+009F).
fn terminal_safe(s: &str) -> bool {
    !s.chars()
        .any(|c| c == '\u{1b}' || c == '\u{7}' || ('\u{80}'..='\u{9f}').contains(&c))
}

// ---- 11: values echoed in errors are cleaned, clap's included ----

#[test]
fn p11_a_bad_argument_value_is_echoed_clean() {
    for bad in ["x\u{1b}]0;pwned\u{7}", "x\u{9b}2J", "x\u{9d}0;t\u{9c}"] {
        let o = meja(&["report", "--format", bad]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(terminal_safe(&err), "{err:?}");
        assert!(err.contains("--format"), "{err}");
    }
    // Unknown subcommands and flags echo what was typed too.
    let o = meja(&["x\u{1b}]0;pwned\u{7}"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(terminal_safe(&stderr(&o)), "{:?}", stderr(&o));
    let o = meja(&["--x\u{9b}31m"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(terminal_safe(&stderr(&o)), "{:?}", stderr(&o));
    // Help and version still go to stdout with exit code 0.
    let o = meja(&["--help"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("--db"));
}

#[test]
fn p11_a_bad_date_argument_is_echoed_clean() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    supervisor(&db);
    let o = meja(&[
        "--db",
        db.to_str().unwrap(),
        "report",
        "--from",
        "1\u{9b}2J\u{1b}]0;x\u{7}",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(terminal_safe(&stderr(&o)), "{:?}", stderr(&o));
}

// ---- 12: files meja makes are owner-only; a configuration others may write is refused ----

#[test]
fn p12_config_init_is_owner_only_whatever_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("config.toml");
    let o = meja_umask0(&["config", "init", "--config", p.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(mode(&p), 0o600);
}

#[test]
fn p12_agency_exports_are_owner_only_whatever_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    supervisor(&db);
    let d = db.to_str().unwrap();
    let csv = dir.path().join("direktori.csv");
    let o = meja_umask0(&[
        "--db",
        d,
        "agencies",
        "export",
        "--format",
        "csv",
        "--out",
        csv.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(mode(&csv), 0o600);
    let pkg = dir.path().join("hsds");
    let o = meja_umask0(&[
        "--db",
        d,
        "agencies",
        "export",
        "--format",
        "hsds",
        "--out",
        pkg.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(mode(&pkg), 0o700);
    for f in std::fs::read_dir(&pkg).unwrap() {
        let f = f.unwrap().path();
        assert_eq!(mode(&f), 0o600, "{}", f.display());
    }
}

#[test]
fn p12_a_configuration_others_may_write_is_refused_with_its_chmod() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    supervisor(&db);
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, "[akses]\npin = false\n").unwrap();
    for m in [0o666, 0o620, 0o602] {
        std::fs::set_permissions(&cfg, std::fs::Permissions::from_mode(m)).unwrap();
        let o = meja(&[
            "--db",
            db.to_str().unwrap(),
            "--config",
            cfg.to_str().unwrap(),
            "staff",
            "list",
        ]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{m:o}: {err}");
        assert!(err.contains("chmod go-w"), "{err}");
        assert!(err.contains(cfg.to_str().unwrap()), "{err}");
    }
    std::fs::set_permissions(&cfg, std::fs::Permissions::from_mode(0o644)).unwrap();
    let o = meja(&[
        "--db",
        db.to_str().unwrap(),
        "--config",
        cfg.to_str().unwrap(),
        "staff",
        "list",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

// ---- 13: separators are newlines; names lose invisible characters; staff list holds ----

fn now() -> chrono::DateTime<chrono::Local> {
    use chrono::TimeZone;
    chrono::Local
        .with_ymd_and_hms(2026, 11, 23, 9, 30, 0)
        .unwrap()
}

fn intake(name: &str) -> meja::domain::intake::Intake {
    let mut i = meja::domain::intake::Intake::default();
    i.reporter.name = "Ibu Rina Wulandari".into();
    i.reporter.phone = "081234567890".into();
    i.victims[0].name = name.into();
    i.victims[0].sex = "P".into();
    i.victims[0].age = "30".into();
    i.incident.violence = vec!["psikis".into()];
    i.incident.chronology = "Korban diancam.".into();
    i.triage.risk = "sedang".into();
    i.consent.services = "ya".into();
    i
}

#[test]
fn p13_text_after_a_line_separator_shows_in_the_chronology() {
    let mut s = meja::store::Store::open_in_memory().unwrap();
    let mut i = intake("Siti Aminah");
    i.incident.chronology = "Baris satu\u{2028}Baris dua\u{2029}Baris tiga".into();
    let rec = i.to_record(now().date_naive()).unwrap();
    let id = s.open_case(&rec, "PPA", "ani", now(), None).unwrap().id;
    let file = s.case_file(id).unwrap().unwrap();
    let lines: Vec<&str> = file.intake.incident.chronology.lines().collect();
    assert_eq!(lines, ["Baris satu", "Baris dua", "Baris tiga"]);
}

#[test]
fn p13_two_names_that_look_the_same_are_the_same() {
    let mut s = meja::store::Store::open_in_memory().unwrap();
    let mut i = intake("Si\u{200B}ti Ami\u{200D}nah\u{FEFF}");
    i.reporter.name = "Ibu\u{2060} Rina".into();
    let rec = i.to_record(now().date_naive()).unwrap();
    let id = s.open_case(&rec, "PPA", "ani", now(), None).unwrap().id;
    let file = s.case_file(id).unwrap().unwrap();
    assert_eq!(file.intake.victims[0].name, "Siti Aminah");
    assert_eq!(file.intake.reporter.name, "Ibu Rina");
    assert_eq!(s.search_cases("Siti Aminah", 10).unwrap(), vec![id]);
}

#[test]
fn p13_staff_list_keeps_its_columns_with_a_huge_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    supervisor(&db);
    let long = format!("Budi\u{200B}{}", "x".repeat(10_000));
    let o = meja(&[
        "--db",
        db.to_str().unwrap(),
        "staff",
        "add",
        "budi",
        "--name",
        &long,
        "--role",
        "petugas",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = meja(&["--db", db.to_str().unwrap(), "staff", "list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    use unicode_width::UnicodeWidthStr;
    for line in out.lines() {
        assert!(line.width() <= 80, "{} columns: {line:.100}", line.width());
    }
    let budi = out.lines().find(|l| l.starts_with("budi")).unwrap();
    assert!(budi.contains("Budixxx") && budi.contains('…'), "{budi}");
    // The status column is still there, at the same place as the header's.
    let head = out.lines().next().unwrap();
    let col = head.find("STATUS").unwrap();
    let at = budi.rfind("aktif").unwrap();
    assert_eq!(budi[..at].width(), head[..col].width(), "{budi}");
}

// ---- 7: every CSV meant for a spreadsheet neutralises formula cells ----

fn import(db: &Path, path: &Path) -> Output {
    meja(&[
        "--db",
        db.to_str().unwrap(),
        "agencies",
        "import",
        path.to_str().unwrap(),
    ])
}

#[test]
fn p7_the_agency_csv_export_writes_no_live_formula_and_reads_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    supervisor(&db);
    let src = dir.path().join("masuk.csv");
    std::fs::write(
        &src,
        "nama,alamat,narahubung,catatan\n\
         \"=HYPERLINK(\"\"http://jahat.example\"\",\"\"klik\"\")\",@SUM(A1),\"+cmd|' /C calc'!A0\",-2+3\n",
    )
    .unwrap();
    let o = import(&db, &src);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = dir.path().join("keluar.csv");
    let o = meja(&[
        "--db",
        db.to_str().unwrap(),
        "agencies",
        "export",
        "--format",
        "csv",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut cells = 0;
    for rec in rdr.records() {
        for c in rec.unwrap().iter() {
            cells += 1;
            assert!(!c.starts_with(['=', '+', '-', '@']), "live formula: {c}");
        }
    }
    assert!(cells > 0);
    assert!(text.contains("'=HYPERLINK"), "{text}");
    // Read back, the guard comes off: a second import finds nothing changed.
    let db2 = dir.path().join("m2.db");
    supervisor(&db2);
    let o = import(&db2, &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let c = rusqlite::Connection::open(&db2).unwrap();
    let (name, contact): (String, String) = c
        .query_row("SELECT name, contact FROM agencies", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(name, "=HYPERLINK(\"http://jahat.example\",\"klik\")");
    assert_eq!(contact, "+cmd|' /C calc'!A0");
}

// ---- 4 and 5: a case transfer file is cleaned and held to the intake's rules ----

/// A case in a fresh database, written to a transfer file; the file's JSON to tamper with.
fn transfer_file(dir: &Path) -> serde_json::Value {
    use meja::domain::intake::Perpetrator;
    let mut s = meja::store::Store::open(&dir.join("asal.db")).unwrap();
    let mut i = intake("Siti Aminah");
    i.victims[0].nik = "1872015502170001".into();
    i.victims[0].birth_date = "15-02-2017".into();
    i.victims[0].age = String::new();
    i.victims[0].ampk = vec!["i".into()];
    i.perpetrators = vec![Perpetrator {
        name: "Slamet".into(),
        sex: "L".into(),
        age: "41".into(),
        relation: "orang_tua".into(),
        ..Default::default()
    }];
    i.incident.date = "01-11-2026".into();
    i.incident.time = "14:30".into();
    i.incident.place = "rumah_tangga".into();
    i.incident.region = "18.72".into();
    let rec = i.to_record(now().date_naive()).unwrap();
    let opened = s.open_case(&rec, "MTR", "ani", now(), None).unwrap();
    s.add_note(opened.id, "Catatan asal.", "budi", now())
        .unwrap();
    let out = dir.join("kasus.json");
    let rules = meja::io::outfile::OutRules::new(&dir.join("asal.db"), false);
    meja::tasks::transfer::export_case(
        &mut s,
        &opened.number,
        &out,
        &rules,
        None,
        "UPTD PPA Asal",
        "ani",
        now(),
    )
    .unwrap();
    serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap()
}

fn import_json(dir: &Path, v: &serde_json::Value, lang: meja::i18n::Lang) -> Result<i64, String> {
    let f = dir.join("ubah.json");
    std::fs::write(&f, serde_json::to_string_pretty(v).unwrap()).unwrap();
    let mut s = meja::store::Store::open(&dir.join("tujuan.db")).unwrap();
    meja::tasks::transfer::import_case(&mut s, &f, None, "PPA", "dewi", chrono::Local::now(), lang)
        .map(|(_, o)| o.id)
        .map_err(|e| e.render(lang))
}

fn cases_in(db: &Path) -> i64 {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn p4_every_string_from_a_transfer_file_is_cleaned_office_included() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = transfer_file(dir.path());
    v["office"] = "Kantor\u{1b}]0;pwned\u{7} \u{9b}2JJahat\u{202E}".into();
    for h in v["history"].as_array_mut().unwrap() {
        h["staff"] = "ani\u{1b}[2J".into();
        h["action"] = "buka\u{9d}0;x\u{9c}".into();
    }
    for n in v["notes"].as_array_mut().unwrap() {
        n["staff"] = "budi\u{1b}[31m".into();
        n["body"] = "isi\u{1b}]52;c;aGk=\u{7}".into();
    }
    v["persons"][0]["name"] = "Ibu\u{200B} Rina\u{1b}[H".into();
    let id = import_json(dir.path(), &v, meja::i18n::Lang::Id).unwrap();
    let c = rusqlite::Connection::open(dir.path().join("tujuan.db")).unwrap();
    let mut texts: Vec<String> = Vec::new();
    for sql in [
        "SELECT staff || action || coalesce(note, '') FROM case_history WHERE case_id = ?1",
        "SELECT staff || body FROM case_notes WHERE case_id = ?1",
        "SELECT staff || detail FROM access_log WHERE case_id = ?1",
        "SELECT name FROM persons WHERE case_id = ?1",
        "SELECT origin_office FROM cases WHERE id = ?1",
    ] {
        let mut st = c.prepare(sql).unwrap();
        texts.extend(
            st.query_map([id], |r| r.get::<_, String>(0))
                .unwrap()
                .map(Result::unwrap),
        );
    }
    assert!(texts.len() > 5, "{texts:?}");
    for t in &texts {
        assert!(terminal_safe(t) && !t.contains('\u{202E}'), "{t:?}");
        assert!(!t.contains("pwned") && !t.contains("aGk="), "{t:?}");
    }
    assert!(
        texts.iter().any(|t| t.contains("ani (Kantor Jahat)")),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t == "Ibu Rina"), "{texts:?}");
}

#[test]
fn p5_each_impossible_value_is_refused_whole_naming_its_field() {
    use serde_json::json;
    let dir = tempfile::tempdir().unwrap();
    let good = transfer_file(dir.path());
    let victim = good["persons"]
        .as_array()
        .unwrap()
        .iter()
        .position(|p| p["role"] == "korban")
        .unwrap();
    let reporter = good["persons"]
        .as_array()
        .unwrap()
        .iter()
        .position(|p| p["role"] == "pelapor")
        .unwrap();
    let cases: Vec<(String, serde_json::Value, &str)> = vec![
        (format!("/persons/{victim}/sex"), json!("X"), "X"),
        ("/case/violence".into(), json!(["zz"]), "zz"),
        ("/case/violence".into(), json!([]), "case.violence"),
        ("/case/incident_place".into(), json!("bulan"), "bulan"),
        ("/case/incident_region".into(), json!("00.00"), "00.00"),
        (
            format!("/persons/{victim}/birth_date"),
            json!("2099-13-45"),
            "2099-13-45",
        ),
        (
            "/case/incident_date".into(),
            json!("31-02-2026"),
            "31-02-2026",
        ),
        ("/case/incident_time".into(), json!("25:61"), "25:61"),
        ("/case/consent_services".into(), json!("mungkin"), "mungkin"),
        (
            format!("/persons/{victim}/nik"),
            json!("18720155O2170001"),
            "18720155O2170001",
        ),
        (
            format!("/persons/{reporter}/phone"),
            json!("telepon saya"),
            "telepon saya",
        ),
        ("/case/risk".into(), json!("gawat"), "gawat"),
        (format!("/persons/{victim}/ampk"), json!(["q"]), "q"),
    ];
    for (pointer, value, shown) in cases {
        let mut v = good.clone();
        *v.pointer_mut(&pointer)
            .unwrap_or_else(|| panic!("{pointer}")) = value;
        let err = import_json(dir.path(), &v, meja::i18n::Lang::Id).unwrap_err();
        assert!(err.contains("ditolak seluruhnya"), "{pointer}: {err}");
        assert!(err.contains(shown), "{pointer}: {shown} in {err}");
        assert_eq!(
            cases_in(&dir.path().join("tujuan.db")),
            0,
            "{pointer}: {err}"
        );
    }
    // The field is named as the file names it.
    let mut v = good.clone();
    v["persons"][victim]["sex"] = json!("X");
    let err = import_json(dir.path(), &v, meja::i18n::Lang::En).unwrap_err();
    assert!(
        err.contains(&format!("persons[{victim}].sex = \"X\"")),
        "{err}"
    );
    // A file that is not JSON of this shape says where.
    let mut v = good.clone();
    v["persons"][victim]["age"] = json!("dua belas");
    let err = import_json(dir.path(), &v, meja::i18n::Lang::Id).unwrap_err();
    assert!(err.contains("baris") && err.contains("kolom"), "{err}");
    // The untouched file still arrives.
    import_json(dir.path(), &good, meja::i18n::Lang::Id).unwrap();
    assert_eq!(cases_in(&dir.path().join("tujuan.db")), 1);
}

#[test]
fn p5_a_person_with_an_unknown_role_is_kept_as_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = transfer_file(dir.path());
    v["persons"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "role": "hakim",
            "ord": 0,
            "name": "Hakim Bijaksana",
            "phone": "0812-1111-2222",
            "address": "Pengadilan Negeri Metro",
        }));
    let id = import_json(dir.path(), &v, meja::i18n::Lang::Id).unwrap();
    let c = rusqlite::Connection::open(dir.path().join("tujuan.db")).unwrap();
    let notes: Vec<String> = c
        .prepare("SELECT body FROM case_notes WHERE case_id = ?1")
        .unwrap()
        .query_map([id], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let hakim = notes
        .iter()
        .find(|n| n.contains("Hakim Bijaksana"))
        .unwrap_or_else(|| panic!("{notes:?}"));
    assert!(
        hakim.contains("hakim") && hakim.contains("0812-1111-2222"),
        "{hakim}"
    );
    assert!(hakim.contains("Pengadilan Negeri Metro"), "{hakim}");
}

// ---- 3: each append-only row is chained to the one before; `meja check` finds a break ----

fn check(db: &Path) -> Output {
    meja(&["--db", db.to_str().unwrap(), "check"])
}

/// A database with rows in the history, the notes and the access log, written by meja.
fn chained_db(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("m.db");
    supervisor(&db);
    let mut s = meja::store::Store::open(&db).unwrap();
    for name in ["Siti Aminah", "Rina Wulandari", "Dewi Lestari"] {
        let rec = intake(name).to_record(now().date_naive()).unwrap();
        let id = s.open_case(&rec, "PPA", "ani", now(), None).unwrap().id;
        s.add_note(id, "Catatan pertama.", "ani", now()).unwrap();
        s.add_note(id, "Catatan kedua.", "ani", now()).unwrap();
        s.log_access(
            now(),
            "ani",
            meja::domain::access::AccessKind::Open,
            Some(id),
            "",
        )
        .unwrap();
    }
    db
}

/// What someone with `sqlite3` and the file can do: lift the guard, change a row, put the
/// guard back, so the triggers look untouched.
fn raw_edit(db: &Path, table: &str, id: i64, set: &str) {
    let c = rusqlite::Connection::open(db).unwrap();
    let trigger: String = c
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = ?1",
            [format!("{table}_no_update")],
            |r| r.get(0),
        )
        .unwrap();
    c.execute_batch(&format!(
        "DROP TRIGGER {table}_no_update; UPDATE {table} SET {set} WHERE id = {id}; {trigger};"
    ))
    .unwrap();
}

#[test]
fn p3_check_names_the_first_row_changed_by_a_raw_edit() {
    let dir = tempfile::tempdir().unwrap();
    let db = chained_db(dir.path());
    let o = check(&db);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    for table in ["case_history", "case_notes", "access_log"] {
        assert!(
            stdout(&o).contains(&format!("rantai hash {table}:")),
            "{}",
            stdout(&o)
        );
    }
    for (table, set) in [
        ("case_history", "staff = 'budi'"),
        ("case_notes", "body = 'Catatan yang dipalsukan.'"),
        ("access_log", "detail = 'tidak pernah dibuka'"),
    ] {
        let copy = dir.path().join(format!("{table}.db"));
        std::fs::copy(&db, &copy).unwrap();
        raw_edit(&copy, table, 2, set);
        let o = check(&copy);
        let out = stdout(&o);
        assert_eq!(o.status.code(), Some(1), "{table}: {out}");
        let broken = out.lines().find(|l| l.starts_with('✗')).unwrap_or_default();
        assert!(
            broken.contains(table) && broken.contains("id 2"),
            "{table}: {out}"
        );
    }
}

#[test]
fn p3_a_row_removed_or_slipped_in_breaks_the_chain_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = chained_db(dir.path());
    // Removed: the row after it no longer follows.
    let gone = dir.path().join("gone.db");
    std::fs::copy(&db, &gone).unwrap();
    {
        let c = rusqlite::Connection::open(&gone).unwrap();
        let trigger: String = c
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = 'case_notes_no_delete'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        c.execute_batch(&format!(
            "DROP TRIGGER case_notes_no_delete; DELETE FROM case_notes WHERE id = 3; {trigger};"
        ))
        .unwrap();
    }
    let o = check(&gone);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("case_notes putus di baris id 4"),
        "{}",
        stdout(&o)
    );
    // Slipped in by a raw INSERT, even one copying a real row's hash.
    let forged = dir.path().join("forged.db");
    std::fs::copy(&db, &forged).unwrap();
    {
        let c = rusqlite::Connection::open(&forged).unwrap();
        c.execute(
            "INSERT INTO access_log (at, staff, action, case_id, detail, hash)
             SELECT at, 'budi', action, case_id, detail, hash FROM access_log
             ORDER BY id DESC LIMIT 1",
            [],
        )
        .unwrap();
    }
    let o = check(&forged);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stdout(&o).contains("access_log putus"), "{}", stdout(&o));
}

#[test]
fn p3_the_chain_travels_with_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = chained_db(dir.path());
    let bak = dir.path().join("cadangan.db");
    let o = meja(&[
        "--db",
        db.to_str().unwrap(),
        "backup",
        bak.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = check(&bak);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let head = |out: &str| -> Vec<String> {
        out.lines()
            .filter(|l| l.contains("rantai hash"))
            .map(str::to_string)
            .collect()
    };
    raw_edit(&bak, "case_history", 1, "action = 'tutup'");
    let o = check(&bak);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        head(&stdout(&o))
            .iter()
            .any(|l| l.contains("case_history putus di baris id 1")),
        "{}",
        stdout(&o)
    );
    // And a restore refuses it before touching anything.
    let target = dir.path().join("pulih.db");
    let o = meja(&[
        "--db",
        target.to_str().unwrap(),
        "restore",
        bak.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("case_history id 1"), "{}", stderr(&o));
    assert!(!target.exists());
}

#[test]
fn p3_the_migration_chains_rows_already_there_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lama.db");
    {
        // A database at the last schema before the chain, with rows written raw.
        let mut c = rusqlite::Connection::open(&db).unwrap();
        let before = meja::store::schema::chain_version() - 1;
        meja::store::schema::migrations()
            .to_version(&mut c, before)
            .unwrap();
        c.execute_batch(
            "INSERT INTO cases (id, number, year, seq, stage, stage_since, risk, opened_at,
                                opened_by, consent_services)
             VALUES (1, 'PPA/2026/0001', 2026, 1, 'pengaduan', '2026-11-01T09:00:00+07:00',
                     'sedang', '2026-11-01T09:00:00+07:00', 'ani', 'ya');
             INSERT INTO case_history (case_id, at, staff, action) VALUES
                 (1, '2026-11-01T09:00:00+07:00', 'ani', 'buka'),
                 (1, '2026-11-02T09:00:00+07:00', 'ani', 'tahap');
             INSERT INTO case_notes (case_id, at, staff, body) VALUES
                 (1, '2026-11-02T10:00:00+07:00', 'ani', 'Catatan lama.');
             INSERT INTO access_log (at, staff, action, case_id, detail) VALUES
                 ('2026-11-02T10:00:00+07:00', 'ani', 'buka', 1, '');",
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let o = meja(&["--db", db.to_str().unwrap(), "migrate"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = check(&db);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.contains("rantai hash case_history: 2 baris utuh"),
        "{out}"
    );
    assert!(
        out.contains("rantai hash case_notes: 1 baris utuh"),
        "{out}"
    );
    // New rows chain on the backfilled ones; the guard is back.
    let mut s = meja::store::Store::open(&db).unwrap();
    s.add_note(1, "Catatan baru.", "ani", now()).unwrap();
    let c = rusqlite::Connection::open(&db).unwrap();
    assert!(
        c.execute("UPDATE case_history SET staff = 'x' WHERE id = 1", [])
            .is_err()
    );
    drop(c);
    let o = check(&db);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    raw_edit(&db, "case_notes", 1, "body = 'Dipalsukan.'");
    let o = check(&db);
    assert!(
        stdout(&o).contains("case_notes putus di baris id 1"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn p3_many_writers_at_once_keep_one_chain() {
    let dir = tempfile::tempdir().unwrap();
    let db = chained_db(dir.path());
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let db = db.clone();
            std::thread::spawn(move || {
                let mut s = meja::store::Store::open(&db).unwrap();
                for i in 0..40 {
                    s.log_access(
                        now(),
                        "ani",
                        meja::domain::access::AccessKind::Open,
                        Some(1),
                        &format!("penulis {w} ke-{i}"),
                    )
                    .unwrap();
                    if i % 4 == 0 {
                        s.add_note(1, &format!("catatan {w}-{i}"), "ani", now())
                            .unwrap();
                    }
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let o = check(&db);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

// ---- 6: one non-UTF-8 byte does not spoil an agency CSV ----

fn agency_names(db: &Path) -> Vec<String> {
    let c = rusqlite::Connection::open(db).unwrap();
    c.prepare("SELECT name FROM agencies ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn p6_a_utf8_csv_with_one_latin1_byte_stays_utf8_and_the_row_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    supervisor(&db);
    let csv = dir.path().join("lembaga.csv");
    let mut bytes = "nama,catatan\n\
                     Yayasan “Harapan” Ibu,Pendampingan — psikologis\n\
                     Rumah Aman Melati,Buka 24 jam\n"
        .as_bytes()
        .to_vec();
    // The last row typed in an old program: é as the single Latin-1 byte 0xE9, and 0x9D,
    // which Windows-1252 leaves unassigned.
    bytes.extend(b"Klinik Caf\xe9 Sehat,catatan \x9d sesudahnya tetap ada\n");
    std::fs::write(&csv, bytes).unwrap();
    let o = import(&db, &csv);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(
        agency_names(&db),
        [
            "Yayasan “Harapan” Ibu",
            "Rumah Aman Melati",
            "Klinik Café Sehat"
        ],
        "{out}"
    );
    let c = rusqlite::Connection::open(&db).unwrap();
    let notes: String = c
        .query_row(
            "SELECT notes FROM agencies WHERE name LIKE 'Klinik%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(notes.contains("sesudahnya tetap ada"), "{notes:?}");
    let noted: Vec<&str> = out.lines().filter(|l| l.starts_with("catatan")).collect();
    assert_eq!(noted.len(), 1, "{out}");
    assert!(
        noted[0].contains("lembaga.csv baris 4") && noted[0].contains("Windows-1252"),
        "{out}"
    );
}

#[test]
fn p6_a_wholly_windows_1252_csv_is_read_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    supervisor(&db);
    let csv = dir.path().join("lama.csv");
    std::fs::write(&csv, b"nama\n\x93Caf\xe9\x94 Bunda\nPuskesmas Kec. Metro\n").unwrap();
    let o = import(&db, &csv);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(agency_names(&db), ["“Café” Bunda", "Puskesmas Kec. Metro"]);
    assert!(stdout(&o).contains("windows-1252"), "{}", stdout(&o));
}

// ---- 8: an HSDS package with free-text services keeps them, and says what it could not ----

#[test]
fn p8_free_text_services_arrive_mapped_or_as_lainnya_and_nothing_goes_unsaid() {
    use meja::i18n::Msg;
    let p = meja::io::read_directory(Path::new("tests/fixtures/hsds-freetext")).unwrap();
    let by = |n: &str| p.agencies.iter().find(|a| a.name == n).unwrap();
    let legal = by("Example Legal Services");
    assert_eq!(legal.services, ["bantuan_hukum", "lainnya"]);
    for kept in [
        "Free civil legal help for survivors",
        "Situs: https://legal.example.org",
        "Lokasi: Brooklyn Office",
        "Layanan: Legal Aid Clinic (Bantuan hukum): Walk-in advice on protection orders",
        "Layanan: Court Accompaniment (Layanan lain (belum dipetakan))",
    ] {
        assert!(legal.notes.contains(kept), "{kept:?} in {:?}", legal.notes);
    }
    // A number the agency sheet would refuse (this one is American) is reported and its row
    // skipped, with its extension: imported, it would block saving the agency on screen
    // (issue 16, point 20).
    assert!(legal.phones.is_empty(), "{:?}", legal.phones);
    assert!(
        p.problems
            .iter()
            .any(|x| x.file == "phones.csv" && x.line == 2 && x.reason.msg == Msg::RowBadPhone),
        "the refused phone is reported"
    );
    // Postcode and country stay with the address.
    assert_eq!(legal.address, "350 Jay Street, Brooklyn, NY, 11201, US");
    assert_eq!(legal.contact, "Maria Example (Intake Coordinator)");
    assert_eq!(legal.email, "maria@legal.example.org");
    let family = by("Example Family Center");
    assert_eq!(family.services, ["lainnya", "psikologis"]);
    assert!(
        family.notes.contains("Layanan: Food Pantry"),
        "{}",
        family.notes
    );
    assert!(
        family.notes.contains("Libur: 2026-12-25: tutup"),
        "{}",
        family.notes
    );
    assert_eq!(family.address, "1 Example Plaza, New York, NY, 10007, US");

    let problems: Vec<(String, usize, Msg)> = p
        .problems
        .iter()
        .map(|x| (x.file.clone(), x.line, x.reason.msg))
        .collect();
    assert!(
        problems.contains(&("regular_schedules.csv".into(), 2, Msg::RowClosesBeforeOpens)),
        "{problems:?}"
    );
    for (file, line) in [("services.csv", 6), ("locations.csv", 4), ("phones.csv", 4)] {
        assert!(
            problems.contains(&(file.into(), line, Msg::RowNoOrganization)),
            "{file} {line}: {problems:?}"
        );
    }
    let closes = p
        .problems
        .iter()
        .find(|x| x.reason.msg == Msg::RowClosesBeforeOpens)
        .unwrap()
        .render(meja::i18n::Lang::En);
    assert!(
        closes.contains("closes at 05:00 before it opens at 09:00"),
        "{closes}"
    );
    let notices: Vec<(String, usize, Msg)> = p
        .notices
        .iter()
        .map(|x| (x.file.clone(), x.line, x.reason.msg))
        .collect();
    for want in [
        ("services.csv".to_string(), 2, Msg::RowServiceMapped),
        ("services.csv".to_string(), 3, Msg::RowServiceUnmapped),
        ("organizations.csv".to_string(), 2, Msg::RowKeptInNotes),
        ("locations.csv".to_string(), 2, Msg::RowKeptInNotes),
        (
            "holiday_schedules.csv".to_string(),
            2,
            Msg::RowHolidayInNotes,
        ),
    ] {
        assert!(notices.contains(&want), "{want:?} in {notices:?}");
    }
}

#[test]
fn p8_a_new_york_address_is_exported_as_us_not_id() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    supervisor(&db);
    let o = import(&db, Path::new("tests/fixtures/hsds-freetext"));
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Court Accompaniment"), "{out}");
    assert!(out.contains("tidak merujuk organisasi"), "{out}");
    let pkg = dir.path().join("keluar");
    let o = meja(&[
        "--db",
        db.to_str().unwrap(),
        "agencies",
        "export",
        "--format",
        "hsds",
        "--out",
        pkg.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let addresses = std::fs::read_to_string(pkg.join("physical_addresses.csv")).unwrap();
    let lines: Vec<&str> = addresses
        .lines()
        .filter(|l| l.contains("Brooklyn"))
        .collect();
    assert_eq!(lines.len(), 1, "{addresses}");
    assert!(lines[0].trim_end().ends_with(",US"), "{addresses}");
}

// ---- 9: imports take bounded memory; a file over the limits is refused with a message ----

/// The binary run with its address space limited to `bytes`, as `prlimit --as` would.
fn meja_within(bytes: u64, args: &[&str]) -> Output {
    let mut c = cmd(args);
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        c.pre_exec(move || {
            let lim = libc::rlimit {
                rlim_cur: bytes as libc::rlim_t,
                rlim_max: bytes as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    c.output().expect("run meja")
}

const SIXTY_FOUR_MIB: u64 = 64 << 20;

fn rows_csv(path: &Path, rows: usize, note: &str) {
    use std::io::Write;
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(f, "nama,alamat,telepon,catatan").unwrap();
    for i in 0..rows {
        writeln!(
            f,
            "Lembaga Contoh {i},Jl. Contoh No. {i} Metro,0725-{:06},{note} {i}",
            i % 1_000_000
        )
        .unwrap();
    }
}

#[test]
fn p9_a_large_directory_imports_within_64_mib() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    supervisor(&db);
    // 20,000 agencies (the row limit), 4 MiB: twice the benchmark's large office.
    let csv = dir.path().join("besar.csv");
    rows_csv(&csv, 20_000, &"Catatan panjang ".repeat(9));
    let size = std::fs::metadata(&csv).unwrap().len();
    assert!(size > 4_000_000, "{size}");
    let d = db.to_str().unwrap();
    let o = meja_within(
        SIXTY_FOUR_MIB,
        &["--db", d, "agencies", "import", csv.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("20000 ditambah"),
        "{}",
        stdout(&o).lines().last().unwrap_or_default()
    );
}

#[test]
fn p9_a_file_over_the_limits_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    supervisor(&db);
    let d = db.to_str().unwrap();
    // 2 GB of nothing (a sparse file): refused by its size, under the same 64 MiB.
    let huge = dir.path().join("raksasa.csv");
    std::fs::write(&huge, "nama\nA\n").unwrap();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&huge)
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    let o = meja_within(
        SIXTY_FOUR_MIB,
        &["--db", d, "agencies", "import", huge.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("terlalu besar"), "{}", stderr(&o));
    assert!(stderr(&o).contains("batas 8.0 MiB"), "{}", stderr(&o));
    // The same in an HSDS package.
    let pkg = dir.path().join("paket");
    std::fs::create_dir(&pkg).unwrap();
    std::fs::write(pkg.join("organizations.csv"), "id,name\n1,LBH\n").unwrap();
    let services = pkg.join("services.csv");
    std::fs::write(&services, "id,organization_id,name\n").unwrap();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&services)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let o = meja_within(
        SIXTY_FOUR_MIB,
        &["--db", d, "agencies", "import", pkg.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("services.csv terlalu besar"),
        "{}",
        stderr(&o)
    );
    // Too many rows, however short.
    let many = dir.path().join("banyak.csv");
    rows_csv(&many, 20_001, "");
    let o = meja(&["--db", d, "agencies", "import", many.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("lebih dari 20000 baris"),
        "{}",
        stderr(&o)
    );
    // Nothing was written.
    let c = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = c
        .query_row("SELECT count(*) FROM agencies", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn p3_many_processes_writing_at_once_keep_one_chain() {
    let dir = tempfile::tempdir().unwrap();
    let db = chained_db(dir.path());
    // Each `meja report` signs in and writes access-log rows: four processes at once.
    let children: Vec<_> = (0..4)
        .map(|_| {
            let db = db.clone();
            std::thread::spawn(move || {
                for _ in 0..3 {
                    let o = meja(&["--db", db.to_str().unwrap(), "report"]);
                    assert!(o.status.success(), "{}", stderr(&o));
                }
            })
        })
        .collect();
    for c in children {
        c.join().unwrap();
    }
    let o = check(&db);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let c = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = c
        .query_row(
            "SELECT count(*) FROM access_log WHERE action = 'cetak'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(n >= 12, "{n}");
}
