//! Backups taken while another connection writes, restores that check first and refuse a
//! database in use, and encrypted backups.

mod common;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use age::secrecy::SecretString;
use chrono::{Local, TimeZone};
use meja::domain::intake::Intake;
use meja::i18n::Msg;
use meja::store::Store;

fn now() -> chrono::DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap()
}

fn intake(name: &str) -> Intake {
    let mut i = Intake::default();
    i.victims[0].name = name.into();
    i.victims[0].sex = "P".into();
    i.victims[0].age = "30".into();
    i.incident.violence = vec!["psikis".into()];
    i.incident.chronology = format!("Kronologi {name}");
    i.triage.risk = "rendah".into();
    i.consent.services = "ya".into();
    i
}

fn open_cases(store: &mut Store, n: usize, tag: &str) {
    for k in 0..n {
        let rec = intake(&format!("{tag} {k}"))
            .to_record(now().date_naive())
            .unwrap();
        store.open_case(&rec, "PPA", "ani", now(), None).unwrap();
    }
}

/// Every row of the tables a case is made of, as text, in rowid order, up to `max_case`.
fn content(path: &Path, max_case: i64) -> Vec<String> {
    let c = rusqlite::Connection::open(path).unwrap();
    let mut out = Vec::new();
    for (table, cols) in [
        ("cases", "id, number, stage, risk, opened_at, chronology"),
        ("persons", "id, case_id, role, name, age"),
        ("codes", "case_id, person_id, vocab, code"),
        ("case_history", "id, case_id, action, new_value"),
    ] {
        let key = if table == "cases" { "id" } else { "case_id" };
        let sql = format!("SELECT {cols} FROM {table} WHERE {key} <= ?1 ORDER BY rowid");
        let mut st = c.prepare(&sql).unwrap();
        let n = cols.split(',').count();
        let rows = st
            .query_map([max_case], |r| {
                let mut s = format!("{table}:");
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    s.push_str(&format!("{v:?}|"));
                }
                Ok(s)
            })
            .unwrap();
        out.extend(rows.map(|r| r.unwrap()));
    }
    out
}

fn integrity(path: &Path) -> String {
    let c = rusqlite::Connection::open(path).unwrap();
    c.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn max_case(path: &Path) -> i64 {
    let c = rusqlite::Connection::open(path).unwrap();
    c.query_row("SELECT coalesce(max(id), 0) FROM cases", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_backup_taken_while_another_connection_writes_restores_identical_and_sound() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kantor.db");
    let mut store = Store::open(&db).unwrap();
    open_cases(&mut store, 40, "Awal");
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (db, stop) = (db.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut other = Store::open(&db).unwrap();
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) && n < 400 {
                open_cases(&mut other, 1, "Selama");
                n += 1;
            }
            n
        })
    };
    // Let the writer get going, then back up in the middle of its saves.
    while max_case(&db) < 45 {
        std::thread::yield_now();
    }
    let out = dir.path().join("cadangan.db");
    let done =
        meja::tasks::backup::backup(&mut store, &out, &Default::default(), None, "ani", now())
            .unwrap();
    stop.store(true, Ordering::Relaxed);
    let written = writer.join().unwrap();
    assert!(written > 5, "the writer kept writing ({written})");
    assert!(done.cases >= 45, "{}", done.cases);

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    let restored = dir.path().join("pulih.db");
    let r = meja::tasks::backup::restore(&out, &restored, None, now()).unwrap();
    assert_eq!(r.cases, done.cases);
    assert!(r.kept.is_none(), "nothing to keep for a new file");
    assert_eq!(integrity(&restored), "ok");
    let last = max_case(&restored);
    assert_eq!(last, done.cases, "case ids run without gaps");
    // Every row in the restore is the source's row, and none is missing up to that point:
    // a consistent snapshot, no half-written case.
    assert_eq!(content(&restored, last), content(&db, last));
    let c = rusqlite::Connection::open(&restored).unwrap();
    let (opened, victims): (i64, i64) = c
        .query_row(
            "SELECT (SELECT count(*) FROM case_history WHERE action = 'dibuka'),
                    (SELECT count(*) FROM persons WHERE role = 'korban')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((opened, victims), (last, last));
    // The restored file opens as a meja database, in WAL mode again.
    let s = Store::open(&restored).unwrap();
    assert_eq!(s.case_count().unwrap(), last);
    // The backup is in the access log of the source.
    let log = store
        .access_log(&meja::store::access::AccessFilter::default())
        .unwrap();
    assert!(
        log.iter()
            .any(|e| e.code == "ekspor" && e.detail.contains("cadangan.db")),
        "{log:?}"
    );
}

#[test]
fn restore_onto_a_database_in_use_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("sumber.db");
    let mut s = Store::open(&src).unwrap();
    open_cases(&mut s, 3, "Sumber");
    let out = dir.path().join("cadangan.db");
    meja::tasks::backup::backup(&mut s, &out, &Default::default(), None, "ani", now()).unwrap();

    let target = dir.path().join("dipakai.db");
    let mut holder = Store::open(&target).unwrap();
    open_cases(&mut holder, 5, "Dipakai");
    let before = content(&target, i64::MAX);
    let err = meja::tasks::backup::restore(&out, &target, None, now())
        .err()
        .expect("refused while open");
    assert_eq!(err.msg, Msg::ErrDbInUse);
    assert_eq!(content(&target, i64::MAX), before, "untouched");
    // The holder still works.
    open_cases(&mut holder, 1, "Masih");
    drop(holder);

    // Once nobody has it open, the restore goes ahead and keeps the old content beside it.
    let r = meja::tasks::backup::restore(&out, &target, None, now()).unwrap();
    assert_eq!(r.cases, 3);
    assert_eq!(Store::open(&target).unwrap().case_count().unwrap(), 3);
    let kept = r.kept.expect("old content kept");
    assert_eq!(integrity(&kept), "ok");
    let old: i64 = rusqlite::Connection::open(&kept)
        .unwrap()
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap();
    assert_eq!(old, 6);
}

#[test]
fn an_encrypted_backup_needs_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("sumber.db");
    let mut s = Store::open(&src).unwrap();
    open_cases(&mut s, 2, "Rahasia Sekali");
    let out = dir.path().join("cadangan.age");
    let pass = || Some(SecretString::from("kuda-lumping-7".to_string()));
    let done = meja::tasks::backup::backup(&mut s, &out, &Default::default(), pass(), "ani", now())
        .unwrap();
    assert!(done.encrypted);
    let bytes = std::fs::read(&out).unwrap();
    assert!(meja::tasks::backup::is_encrypted(&bytes));
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.contains("Rahasia") && !text.contains("SQLite format"));

    let target = dir.path().join("pulih.db");
    let wrong = meja::tasks::backup::restore(
        &out,
        &target,
        Some(SecretString::from("salah".to_string())),
        now(),
    )
    .err()
    .unwrap();
    assert_eq!(wrong.msg, Msg::ErrDecrypt);
    let none = meja::tasks::backup::restore(&out, &target, None, now())
        .err()
        .unwrap();
    assert_eq!(none.msg, Msg::ErrNoPassphrase);
    let r = meja::tasks::backup::restore(&out, &target, pass(), now()).unwrap();
    assert_eq!(r.cases, 2);
    assert_eq!(integrity(&target), "ok");
}

#[test]
fn a_damaged_or_foreign_backup_is_refused_before_anything_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("sumber.db");
    let mut s = Store::open(&src).unwrap();
    open_cases(&mut s, 2, "Utuh");
    let out = dir.path().join("cadangan.db");
    meja::tasks::backup::backup(&mut s, &out, &Default::default(), None, "ani", now()).unwrap();
    // Damage the pages of the cases table itself: the middle of the file may fall in the free
    // space of some page, which no check can tell from data.
    let (root, page): (i64, i64) = {
        let c = rusqlite::Connection::open(&out).unwrap();
        let root = c
            .query_row(
                "SELECT rootpage FROM sqlite_schema WHERE name = 'cases'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        (
            root,
            c.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap(),
        )
    };
    let mut bytes = std::fs::read(&out).unwrap();
    let start = ((root - 1) * page) as usize;
    for b in &mut bytes[start..start + 2048] {
        *b ^= 0x5a;
    }
    let broken = dir.path().join("rusak.db");
    std::fs::write(&broken, &bytes).unwrap();
    let target = dir.path().join("tujuan.db");
    let err = meja::tasks::backup::restore(&broken, &target, None, now())
        .err()
        .unwrap();
    assert_eq!(err.msg, Msg::ErrBackupBroken, "{err}");
    assert!(!target.exists(), "no file made for a refused restore");

    let text = dir.path().join("catatan.txt");
    std::fs::write(&text, "bukan cadangan").unwrap();
    let err = meja::tasks::backup::restore(&text, &target, None, now())
        .err()
        .unwrap();
    assert_eq!(err.msg, Msg::ErrBackupNotMeja);
}

fn meja(db: &Path, args: &[&str]) -> std::process::Output {
    common::ensure_supervisor(db, "ani");
    common::meja_command("ani")
        .arg("--db")
        .arg(db)
        .args(["--config", "/nonexistent/meja.toml", "--user", "ani"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn check_is_healthy_only_when_nothing_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    let mut s = Store::open(&db).unwrap();
    open_cases(&mut s, 2, "Sehat");
    drop(s);
    let o = meja(&db, &["check"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.contains("Integritas: ok") && out.contains("Sehat."),
        "{out}"
    );
    assert!(out.contains("Kasus: 2"), "{out}");
    assert!(out.contains(&format!("SQLite: {}", rusqlite::version())));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
        let o = meja(&db, &["--lang", "en", "check"]);
        let out = String::from_utf8_lossy(&o.stdout);
        assert_eq!(o.status.code(), Some(1), "{out}");
        assert!(out.contains("0644") && out.contains("chmod 600"), "{out}");
        assert!(out.contains("NOT HEALTHY: 1"), "{out}");
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let o = meja(&dir.path().join("tidak-ada.db"), &["check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("tidak ada"));
    assert!(
        !dir.path().join("tidak-ada.db").exists(),
        "check creates nothing"
    );
}

#[test]
fn backup_and_restore_commands() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    let mut s = Store::open(&db).unwrap();
    open_cases(&mut s, 3, "Perintah");
    drop(s);
    let out = dir.path().join("cadangan.db");
    let o = meja(&db, &["backup", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("3 kasus, integritas ok"));
    // Refused: encrypting without a passphrase, and writing over the database itself.
    let o = meja(&db, &["backup", "--encrypt", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("MEJA_BACKUP_PASSPHRASE"));
    let o = meja(&db, &["backup", db.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(Store::open(&db).unwrap().case_count().unwrap(), 3);

    let fresh = dir.path().join("baru.db");
    let o = meja(&fresh, &["restore", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(Store::open(&fresh).unwrap().case_count().unwrap(), 3);
    let o = meja(&fresh, &["check"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}

/// Makes the database at `db` about `mib` MiB larger with a table of random blobs: pages a
/// backup must copy like any other, written in seconds where demo cases would take minutes.
fn add_ballast(db: &Path, mib: usize) {
    let c = rusqlite::Connection::open(db).unwrap();
    c.execute_batch("CREATE TABLE ballast (b BLOB); BEGIN;")
        .unwrap();
    for _ in 0..mib {
        c.execute("INSERT INTO ballast VALUES (randomblob(1048576))", [])
            .unwrap();
    }
    c.execute_batch("COMMIT; PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
}

/// `meja` with its address space limited to `limit` bytes (RLIMIT_AS, as `prlimit --as`),
/// so a command that held the database in memory fails with an allocation error.
fn meja_limited(
    db: &Path,
    args: &[&str],
    limit: u64,
    envs: &[(&str, &str)],
) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    common::ensure_supervisor(db, "ani");
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_meja"));
    cmd.arg("--db")
        .arg(db)
        .args(["--config", "/nonexistent/meja.toml", "--user", "ani"])
        .args(args)
        .env_remove("MEJA_LANG")
        .env_remove(meja::tasks::backup::PASSPHRASE_ENV)
        .env_remove("SUDO_USER")
        .env("MEJA_PIN", "2468")
        .envs(envs.iter().copied());
    // SAFETY: setrlimit(2) in the forked child before exec: async-signal-safe, no
    // allocation, touches only the child's own limits.
    unsafe {
        cmd.pre_exec(move || {
            let lim = libc::rlimit {
                rlim_cur: limit,
                rlim_max: limit,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    cmd.output().unwrap()
}

/// Issue 21: `meja backup` held the whole database in memory, three times over (5.1 GiB at
/// 1M cases), so an office PC with 4 GB failed. With the address space limited to less than
/// the database's size, the backup (plain and encrypted) still succeeds, and restores.
#[test]
fn a_backup_larger_than_the_memory_limit_still_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    let mut s = Store::open(&db).unwrap();
    open_cases(&mut s, 3, "Besar");
    drop(s);
    add_ballast(&db, 400);
    let size = std::fs::metadata(&db).unwrap().len();
    const MIB: u64 = 1024 * 1024;
    // Room for the program and the PIN check (Argon2, 19 MiB), not for the data.
    let limit = 300 * MIB;
    assert!(
        size > limit,
        "the database ({size} B) must exceed the limit"
    );

    let out = dir.path().join("cadangan.db");
    let o = meja_limited(&db, &["backup", out.to_str().unwrap()], limit, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("3 kasus, integritas ok"));
    assert_eq!(integrity(&out), "ok");

    let fresh = dir.path().join("pulih.db");
    let o = meja_limited(&fresh, &["restore", out.to_str().unwrap()], limit, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(Store::open(&fresh).unwrap().case_count().unwrap(), 3);
    std::fs::remove_file(&fresh).unwrap();
    std::fs::remove_file(&out).unwrap();

    // Encrypting adds scrypt's work memory, fixed by the work factor (2^18: 256 MiB; tasks/
    // backup.rs) and not by the database; decrypting it back to check takes as much again,
    // after. Holding the database in memory even once more would pass this limit.
    let enc = dir.path().join("cadangan.age");
    let pass = [(meja::tasks::backup::PASSPHRASE_ENV, "kuda-lumping-7")];
    let o = meja_limited(
        &db,
        &["backup", "--encrypt", enc.to_str().unwrap()],
        limit + 1024 * MIB,
        &pass,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::metadata(&enc).unwrap().len() > size);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// The nightly timer runs `meja backup --unattended` as the meja account: no PIN, logged as
/// the system, and refused to a worker who comes through sudo (a person signs in).
#[test]
fn an_unattended_backup_needs_no_pin_is_logged_as_the_system_and_is_refused_under_sudo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    let mut s = Store::open(&db).unwrap();
    open_cases(&mut s, 2, "Malam");
    drop(s);
    common::ensure_supervisor(&db, "ani");
    let run = |out: &Path, sudo: Option<&str>| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_meja"));
        c.arg("--db")
            .arg(&db)
            .args([
                "--config",
                "/nonexistent/meja.toml",
                "backup",
                "--unattended",
            ])
            .arg(out)
            .env_remove("MEJA_LANG")
            .env_remove("MEJA_PIN")
            .env_remove(meja::tasks::backup::PASSPHRASE_ENV)
            .env("USER", "meja")
            .stdin(std::process::Stdio::null());
        match sudo {
            Some(u) => c.env("SUDO_USER", u),
            None => c.env_remove("SUDO_USER"),
        };
        c.output().unwrap()
    };
    let out = dir.path().join("malam.db");
    let o = run(&out, None);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("2 kasus, integritas ok"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let log = Store::open(&db)
        .unwrap()
        .access_log(&Default::default())
        .unwrap();
    assert!(
        log.iter()
            .any(|e| e.staff == "sistem:meja" && e.detail.contains("malam.db")),
        "logged under the system account"
    );

    let refused = dir.path().join("budi.db");
    let o = run(&refused, Some("budi"));
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("--unattended") && err.contains("budi"),
        "{err}"
    );
    assert!(!refused.exists());
}

/// The package's upgrade step: `meja migrate --backup FILE` keeps a checked copy first, and
/// on a new database (nothing to lose) writes none.
#[test]
fn migrate_with_backup_copies_an_existing_database_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    let copy = dir.path().join("sebelum.db");
    let migrate = |db: &Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_meja"))
            .arg("--db")
            .arg(db)
            .args(["--config", "/nonexistent/meja.toml", "migrate", "--backup"])
            .arg(&copy)
            .env_remove("MEJA_LANG")
            .env_remove("SUDO_USER")
            .env_remove(meja::tasks::backup::PASSPHRASE_ENV)
            .env("USER", "meja")
            .output()
            .unwrap()
    };
    let o = migrate(&db);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!copy.exists(), "a new database has nothing to copy");

    let mut s = Store::open(&db).unwrap();
    open_cases(&mut s, 3, "Naik");
    drop(s);
    let o = migrate(&db);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(text.contains("3 kasus, integritas ok"), "{text}");
    assert!(text.contains("sudah terbaru"), "{text}");
    assert_eq!(content(&copy, 99), content(&db, 99));
    assert_eq!(integrity(&copy), "ok");
}
