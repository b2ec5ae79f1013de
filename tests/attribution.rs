//! Two meja processes, two staff, one database, at the same time: each one's actions are
//! written under their own name, in the history and in the access log.

#![cfg(unix)]

mod common;

use std::path::Path;

use common::pty::{F3, Opts, Session, ctrl};
use meja::domain::intake::Intake;

fn meja(db: &Path, user: &str, args: &[&str]) {
    let o = common::meja_command(user)
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{o:?}");
}

#[test]
fn two_staff_in_two_processes_are_each_credited_with_their_own_actions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    meja(
        &db,
        "ani",
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
    meja(
        &db,
        "ani",
        &[
            "staff", "add", "budi", "--name", "Budi", "--role", "petugas",
        ],
    );
    {
        let mut s = meja::store::Store::open(&db).unwrap();
        let mut i = Intake::default();
        i.victims[0].name = "Siti Aminah".into();
        i.victims[0].nik = "1872015205140001".into();
        i.victims[0].sex = "P".into();
        i.victims[0].age = "12".into();
        i.victims[0].ampk = vec!["a".into()];
        i.incident.violence = vec!["psikis".into()];
        i.triage.risk = "sedang".into();
        i.consent.services = "ya".into();
        let now = chrono::Local::now();
        let rec = i.to_record(now.date_naive()).unwrap();
        s.open_case(&rec, "PPA", "ani", now, None).unwrap();
    }

    // Both signed in at once.
    let mut ani = Session::start(&db, Opts::default().user("ani"));
    let mut budi = Session::start(&db, Opts::default().user("budi"));
    ani.wait_for("Pengaduan baru");
    budi.wait_for("Pengaduan baru");
    for s in [&mut ani, &mut budi] {
        s.send(F3);
        s.wait_for("0001");
        s.send("\r");
        s.wait_for("1872••••••••0001");
    }
    ani.send("n");
    ani.wait_for("Ctrl-S");
    ani.typ("Kunjungan rumah oleh Ani.");
    ani.send(&ctrl('s'));
    ani.wait_for("Catatan disimpan");
    budi.send("v");
    budi.wait_for("1872015205140001");
    ani.quit();
    budi.quit();

    let c = rusqlite::Connection::open(&db).unwrap();
    let rows: Vec<(String, String)> = c
        .prepare("SELECT staff, action FROM access_log WHERE case_id IS NOT NULL ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let has = |staff: &str, action: &str| rows.iter().any(|(s, a)| s == staff && a == action);
    assert!(has("ani", "buka") && has("budi", "buka"), "{rows:?}");
    assert!(has("ani", "ubah"), "the note: {rows:?}");
    assert!(has("budi", "tampil_nik"), "{rows:?}");
    assert!(
        !has("ani", "tampil_nik") && !rows.iter().any(|(s, a)| s == "budi" && a == "ubah"),
        "{rows:?}"
    );
    let note_by: String = c
        .query_row("SELECT staff FROM case_notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(note_by, "ani");
    let signed_in: i64 = c
        .query_row(
            "SELECT count(DISTINCT staff) FROM access_log WHERE action = 'masuk'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(signed_in, 2);
}

#[test]
fn a_new_database_asks_for_its_first_supervisor_then_signs_her_in() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    let mut s = Session::spawn(&db, &Opts::default().user("ani"));
    s.wait_for("supervisor pertama");
    s.wait_for("Nama lengkap [ani]");
    s.send("Ani Wulandari\r");
    s.wait_for("PIN baru");
    s.send("12\r");
    s.wait_for("4–12 angka");
    s.send(&format!("{}\r", common::TEST_PIN));
    s.wait_for("Ulangi PIN");
    s.send(&format!("{}\r", common::TEST_PIN));
    // Then the sign-in screen, which wants the PIN just chosen.
    s.wait_for("Masuk");
    s.send("1111\r");
    s.wait_for("PIN salah");
    s.send(&format!("{}\r", common::TEST_PIN));
    s.wait_for("Pengaduan baru");
    s.quit();
    let c = rusqlite::Connection::open(&db).unwrap();
    let (name, role): (String, String) = c
        .query_row(
            "SELECT display_name, role FROM staff WHERE username = 'ani'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (name.as_str(), role.as_str()),
        ("Ani Wulandari", "supervisor")
    );
}
