//! The store on real files: migrations, concurrent case numbers, drafts, append-only history,
//! and the refusals a bad path gets.

use std::sync::{Arc, Barrier};

use chrono::{Local, TimeZone};
use meja::domain::intake::Intake;
use meja::i18n::Msg;
use meja::store::Store;

fn now() -> chrono::DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap()
}

fn minimal() -> Intake {
    let mut i = Intake::default();
    i.victims[0].name = "Dewi Lestari".into();
    i.victims[0].sex = "P".into();
    i.victims[0].age = "30".into();
    i.incident.violence = vec!["psikis".into()];
    i.triage.risk = "rendah".into();
    i.consent.services = "ya".into();
    i
}

#[test]
fn a_new_file_is_migrated_and_uses_wal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("baru.db");
    let store = Store::open(&path).unwrap();
    let version = store.schema_version().unwrap();
    assert!(version >= 3, "every migration ran: {version}");
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    for t in [
        "agencies",
        "case_history",
        "case_seq",
        "cases",
        "codes",
        "drafts",
        "persons",
    ] {
        assert!(
            tables.contains(&t.to_string()),
            "{t} missing from {tables:?}"
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "case data is not world-readable");
    }
    // Reopening an up-to-date file changes nothing.
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), version);
}

#[test]
fn workers_saving_at_the_same_instant_get_distinct_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bersama.db");
    Store::open(&path).unwrap();
    let workers = 6;
    let per_worker = 15;
    let barrier = Arc::new(Barrier::new(workers));
    let handles: Vec<_> = (0..workers)
        .map(|w| {
            let path = path.clone();
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&path).unwrap();
                let rec = minimal().to_record(now().date_naive()).unwrap();
                barrier.wait();
                (0..per_worker)
                    .map(|_| {
                        store
                            .open_case(&rec, "PPA", &format!("staf{w}"), now(), None)
                            .unwrap()
                            .number
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut numbers: Vec<String> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    numbers.sort();
    let expected: Vec<String> = (1..=workers * per_worker)
        .map(|i| format!("PPA/2026/{i:04}"))
        .collect();
    assert_eq!(numbers, expected);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let history: i64 = conn
        .query_row("SELECT count(*) FROM case_history", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        history,
        (workers * per_worker) as i64,
        "one history row per case"
    );
}

#[test]
fn numbering_restarts_each_year() {
    let mut store = Store::open_in_memory().unwrap();
    let rec = minimal().to_record(now().date_naive()).unwrap();
    let dec = Local.with_ymd_and_hms(2026, 12, 31, 23, 0, 0).unwrap();
    let jan = Local.with_ymd_and_hms(2027, 1, 1, 8, 0, 0).unwrap();
    assert_eq!(
        store
            .open_case(&rec, "PPA", "ani", dec, None)
            .unwrap()
            .number,
        "PPA/2026/0001"
    );
    assert_eq!(
        store
            .open_case(&rec, "PPA", "ani", jan, None)
            .unwrap()
            .number,
        "PPA/2027/0001"
    );
    assert_eq!(
        store
            .open_case(&rec, "PPA", "ani", jan, None)
            .unwrap()
            .number,
        "PPA/2027/0002"
    );
}

#[test]
fn a_draft_survives_closing_and_reopening_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draf.db");
    let mut typed = Intake::default();
    typed.victims[0].name = "Putri".into();
    typed.incident.chronology = "Baris satu\nBaris dua".into();
    typed.victims[0].birth_date = "31/02/2015".into(); // kept as typed, even though invalid
    let id = {
        let mut store = Store::open(&path).unwrap();
        store.save_draft(None, "ani", now(), &typed).unwrap()
    };
    let mut store = Store::open(&path).unwrap();
    let drafts = store.drafts_of("ani").unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].id, id);
    assert_eq!(drafts[0].intake, typed);
    assert!(
        store.drafts_of("budi").unwrap().is_empty(),
        "drafts are per worker"
    );
    // Saving again updates the same draft.
    typed.victims[0].name = "Putri Ayu".into();
    assert_eq!(
        store.save_draft(Some(id), "ani", now(), &typed).unwrap(),
        id
    );
    assert_eq!(
        store.draft(id).unwrap().unwrap().intake.victims[0].name,
        "Putri Ayu"
    );
    store.discard_draft(id).unwrap();
    assert!(store.drafts_of("ani").unwrap().is_empty());
    // A draft discarded elsewhere is recreated rather than lost.
    store.save_draft(Some(id), "ani", now(), &typed).unwrap();
    let drafts = store.drafts_of("ani").unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].intake.victims[0].name, "Putri Ayu");
}

#[test]
fn opening_a_case_removes_its_draft_in_the_same_transaction() {
    let mut store = Store::open_in_memory().unwrap();
    let i = minimal();
    let d = store.save_draft(None, "ani", now(), &i).unwrap();
    let rec = i.to_record(now().date_naive()).unwrap();
    store.open_case(&rec, "PPA", "ani", now(), Some(d)).unwrap();
    assert_eq!(store.draft_count().unwrap(), 0);
    assert_eq!(store.case_count().unwrap(), 1);
}

#[test]
fn history_cannot_be_changed_or_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("riwayat.db");
    let mut store = Store::open(&path).unwrap();
    let rec = minimal().to_record(now().date_naive()).unwrap();
    store.open_case(&rec, "PPA", "ani", now(), None).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let upd = conn.execute("UPDATE case_history SET staff = 'x'", []);
    assert!(upd.unwrap_err().to_string().contains("append-only"));
    let del = conn.execute("DELETE FROM case_history", []);
    assert!(del.unwrap_err().to_string().contains("append-only"));
}

#[test]
fn bad_paths_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let err = |p: &std::path::Path| Store::open(p).err().expect("refused").msg;
    assert_eq!(err(dir.path()), Msg::ErrDbIsDir);
    assert_eq!(
        err(&dir.path().join("tidak/ada/meja.db")),
        Msg::ErrDbNoFolder
    );
    let junk = dir.path().join("bukan.db");
    std::fs::write(
        &junk,
        "ini bukan basis data, hanya teks biasa yang cukup panjang untuk header",
    )
    .unwrap();
    assert_eq!(err(&junk), Msg::ErrDbNotSqlite);
    let newer = dir.path().join("baru.db");
    {
        let c = rusqlite::Connection::open(&newer).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
    }
    // Made with the umask, so open to every user: refused for that first.
    assert_eq!(err(&newer), Msg::ErrDbOpenToOthers);
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&newer, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert_eq!(err(&newer), Msg::ErrDbTooNew);
}
