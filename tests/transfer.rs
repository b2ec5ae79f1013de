//! Moving a case between two offices' databases: one file out, a new local case in, both
//! histories told, nothing of the people, notes or referrals lost.

mod common;

use std::path::Path;

use common::*;
use ratatui::crossterm::event::KeyCode;

use chrono::{DateTime, Datelike, Local, TimeZone};
use meja::domain::agency::Agency;
use meja::domain::case::{Everyone, Move, Saved, Stage};
use meja::domain::intake::{Intake, Perpetrator, Victim};
use meja::domain::referral::NewReferral;
use meja::i18n::{Lang, Msg};
use meja::store::Store;

fn at(d: u32, h: u32) -> DateTime<Local> {
    Local.with_ymd_and_hms(2026, 10, d, h, 0, 0).unwrap()
}

/// A case with two child victims, a perpetrator, a move, a note and a referral.
fn origin_case(s: &mut Store) -> (i64, String) {
    let mut i = Intake::default();
    i.reporter.name = "Ibu Rina Wulandari".into();
    i.reporter.phone = "081234567890".into();
    i.reporter.relation = "orang_tua".into();
    i.victims = vec![
        Victim {
            name: "Siti Nur Aminah".into(),
            nik: "1872015502170001".into(),
            sex: "P".into(),
            birth_date: "15-02-2017".into(),
            address: "Jl. Melati No. 4".into(),
            region: "18.72.01.1001".into(),
            ampk: vec!["i".into()],
            ..Default::default()
        },
        Victim {
            name: "Bayu Pratama".into(),
            sex: "L".into(),
            age: "12".into(),
            ampk: vec!["i".into(), "m".into()],
            ..Default::default()
        },
    ];
    i.perpetrators = vec![Perpetrator {
        name: "Slamet Riyadi".into(),
        sex: "L".into(),
        age: "41".into(),
        relation: "orang_tua".into(),
        ..Default::default()
    }];
    i.incident.violence = vec!["fisik".into(), "psikis".into()];
    i.incident.place = "rumah_tangga".into();
    i.incident.chronology = "Baris satu.\nBaris dua.".into();
    i.triage.risk = "tinggi".into();
    i.triage.services = vec!["kesehatan".into()];
    i.consent.services = "ya".into();
    i.consent.share = "ya".into();
    i.consent.withhold = vec!["alamat".into()];
    let rec = i.to_record(at(3, 9).date_naive()).unwrap();
    let opened = s.open_case(&rec, "MTR", "ani", at(3, 9), None).unwrap();
    let v = s.case_file(opened.id).unwrap().unwrap().card.version;
    assert_eq!(
        s.apply_move(
            opened.id,
            v,
            Stage::Pengaduan,
            &Move::Forward(Stage::Asesmen),
            "budi",
            at(5, 9)
        )
        .unwrap(),
        Saved::Done(v + 1)
    );
    s.add_note(
        opened.id,
        "Keluarga pindah ke Lampung Timur.",
        "budi",
        at(6, 9),
    )
    .unwrap();
    let agency = match s
        .save_agency(
            &Agency {
                name: "RSUD Jend. A. Yani".into(),
                kind: "kesehatan".into(),
                ..Default::default()
            },
            at(1, 9),
        )
        .unwrap()
    {
        Saved::Done(id) => id,
        Saved::Conflict => unreachable!(),
    };
    let r = NewReferral {
        agency_id: agency,
        service: "kesehatan".into(),
        reason: "Visum et repertum".into(),
        follow_up: None,
        override_reason: None,
    };
    s.refer(opened.id, &r, "budi", at(7, 9), &Everyone)
        .unwrap()
        .unwrap();
    (opened.id, opened.number)
}

type PersonRow = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<i64>,
    String,
);

/// Each person's (role, name, nik, sex, age, ampk) and the case-level codes, in order.
fn people_and_codes(path: &Path, id: i64) -> (Vec<PersonRow>, Vec<(String, String)>) {
    let c = rusqlite::Connection::open(path).unwrap();
    let people = c
        .prepare(
            "SELECT role, name, nik, sex, age,
                    (SELECT coalesce(group_concat(code, '|'), '') FROM codes k
                     WHERE k.person_id = p.id)
             FROM persons p WHERE case_id = ?1 ORDER BY role, ord",
        )
        .unwrap()
        .query_map([id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let codes = c
        .prepare(
            "SELECT vocab, code FROM codes WHERE case_id = ?1 AND person_id IS NULL ORDER BY rowid",
        )
        .unwrap()
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    (people, codes)
}

fn actions(path: &Path, id: i64) -> Vec<(String, String, String)> {
    let c = rusqlite::Connection::open(path).unwrap();
    c.prepare(
        "SELECT action, staff, coalesce(note, '') FROM case_history WHERE case_id = ?1 ORDER BY id",
    )
    .unwrap()
    .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
    .unwrap()
    .map(|r| r.unwrap())
    .collect()
}

#[test]
fn a_case_moves_between_two_databases_whole_and_both_histories_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let a_path = dir.path().join("kota-metro.db");
    let b_path = dir.path().join("lampung-timur.db");
    let mut a = Store::open(&a_path).unwrap();
    let (a_id, a_number) = origin_case(&mut a);
    let file = dir.path().join("pindah.json");
    let now = Local::now();
    let exported = meja::tasks::transfer::export_case(
        &mut a,
        &a_number,
        &file,
        &Default::default(),
        None,
        "UPTD PPA Kota Metro",
        "ani",
        now,
    )
    .unwrap();
    assert_eq!(exported, a_number);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // The origin's history and access log record the transfer.
    let a_hist = actions(&a_path, a_id);
    let last = a_hist.last().unwrap();
    assert_eq!(last.0, "pindah_keluar");
    assert!(last.2.contains("pindah.json"));
    let log = a
        .access_log(&meja::store::access::AccessFilter::default())
        .unwrap();
    assert!(
        log.iter()
            .any(|e| e.code == "ekspor" && e.case_id == Some(a_id)),
        "{log:?}"
    );

    let mut b = Store::open(&b_path).unwrap();
    let (t, opened) =
        meja::tasks::transfer::import_case(&mut b, &file, None, "LTM", "dewi", now, Lang::Id)
            .unwrap();
    assert_eq!(t.case.number, a_number);
    assert_eq!(opened.number, format!("LTM/{}/0001", now.year()));
    let c = rusqlite::Connection::open(&b_path).unwrap();
    let (origin, office, stage): (String, String, String) = c
        .query_row(
            "SELECT origin_number, origin_office, stage FROM cases WHERE id = ?1",
            [opened.id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (origin.as_str(), office.as_str(), stage.as_str()),
        (a_number.as_str(), "UPTD PPA Kota Metro", "pengaduan")
    );
    // People and codes arrive exactly as they were.
    assert_eq!(
        people_and_codes(&b_path, opened.id),
        people_and_codes(&a_path, a_id)
    );
    // The origin's history comes along marked as the origin's, then the arrival.
    let b_hist = actions(&b_path, opened.id);
    // (The file was written before the origin recorded sending it.)
    let sent = &a_hist[..a_hist.len() - 1];
    let origin_part: Vec<String> = sent.iter().map(|h| format!("asal:{}", h.0)).collect();
    assert_eq!(
        b_hist[..sent.len()]
            .iter()
            .map(|h| h.0.clone())
            .collect::<Vec<_>>(),
        origin_part
    );
    assert_eq!(b_hist[0].1, "ani (UPTD PPA Kota Metro)");
    let arrival = b_hist.last().unwrap();
    assert_eq!(arrival.0, "pindah_masuk");
    assert_eq!(arrival.1, "dewi");
    assert!(arrival.2.contains(&a_number));
    // The note and the referral are there as notes.
    let file_b = b.case_file(opened.id).unwrap().unwrap();
    let bodies: Vec<&str> = file_b.notes.iter().map(|n| n.body.as_str()).collect();
    assert!(
        bodies.contains(&"Keluarga pindah ke Lampung Timur."),
        "{bodies:?}"
    );
    assert!(
        bodies
            .iter()
            .any(|b| b.contains("RSUD Jend. A. Yani") && b.contains("Visum et repertum")),
        "{bodies:?}"
    );
    assert_eq!(file_b.intake.incident.chronology, "Baris satu.\nBaris dua.");
    assert_eq!(file_b.intake.consent.withhold, vec!["alamat"]);
    // Found by its origin number too, and not counted in the new office's assessments.
    assert_eq!(b.find_case_number(&opened.number).unwrap(), Some(opened.id));

    // The case file's timeline tells the arrival and marks the origin's history.
    drop(b);
    let mut app = app_on(&b_path, Lang::Id, "dewi");
    key(&mut app, KeyCode::F(3));
    key(&mut app, KeyCode::Enter);
    // Data → Layanan → Pemantauan → Riwayat.
    for _ in 0..3 {
        key(&mut app, KeyCode::Char('t'));
    }
    let text = screen_text(&render(&mut app, 120, 40));
    assert!(text.contains("Diterima dari UPTD PPA Kota Metro"), "{text}");
    assert!(text.contains("[kantor asal] Kasus dibuka"), "{text}");
    assert!(text.contains("ani (UPTD PPA Kota Metro)"), "{text}");
    drop(app);
    let mut b = Store::open(&b_path).unwrap();

    // The same file again is refused: one case, one local number.
    let again =
        meja::tasks::transfer::import_case(&mut b, &file, None, "LTM", "dewi", now, Lang::Id)
            .err()
            .unwrap();
    assert_eq!(again.msg, Msg::ErrTransferDuplicate);
    assert_eq!(b.case_count().unwrap(), 1);
}

#[test]
fn the_case_commands_round_trip_and_refuse_a_foreign_file() {
    let dir = tempfile::tempdir().unwrap();
    let a_path = dir.path().join("a.db");
    let b_path = dir.path().join("b.db");
    let mut a = Store::open(&a_path).unwrap();
    let (_, number) = origin_case(&mut a);
    drop(a);
    // The receiving office's database exists, with its own staff.
    drop(Store::open(&b_path).unwrap());
    let cfg = dir.path().join("b.toml");
    std::fs::write(
        &cfg,
        "[office]\nname = \"UPTD PPA Lampung Timur\"\ncase_prefix = \"LTM\"\n",
    )
    .unwrap();
    let file = dir.path().join("kasus.json");
    let meja_with = |db: &Path, args: &[&str], pass: Option<&str>| {
        ensure_supervisor(db, "sari");
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_meja"));
        c.arg("--db")
            .arg(db)
            .arg("--config")
            .arg(&cfg)
            .args(["--user", "sari"])
            .args(args)
            .env_remove("MEJA_LANG")
            .env_remove("SUDO_USER")
            .env_remove("MEJA_TRANSFER_PASSPHRASE")
            .env_remove("MEJA_BACKUP_PASSPHRASE")
            .env("MEJA_PIN", "2468");
        if let Some(p) = pass {
            c.env("MEJA_TRANSFER_PASSPHRASE", p);
        }
        c.output().unwrap()
    };
    let meja = |db: &Path, args: &[&str]| meja_with(db, args, None);
    let f = file.to_str().unwrap();

    // Encrypted by default: without a passphrase nothing is written, and the words say how
    // to give one (or how to write it plain).
    let o = meja(&a_path, &["case", "export", &number, "--out", f]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("MEJA_TRANSFER_PASSPHRASE") && err.contains("--plain"),
        "{err}"
    );
    assert!(!file.exists());

    let o = meja_with(
        &a_path,
        &["case", "export", &number, "--out", f],
        Some("kuda laut biru"),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("frasa sandi"));
    let raw = std::fs::read(&file).unwrap();
    assert!(raw.starts_with(b"age-encryption.org/v1"));
    let seen = String::from_utf8_lossy(&raw);
    assert!(!seen.contains("Siti") && !seen.contains("1872015502170001"));
    // The origin's history says the file left encrypted.
    let c = rusqlite::Connection::open(&a_path).unwrap();
    let note: String = c
        .query_row(
            "SELECT note FROM case_history WHERE action = 'pindah_keluar' ORDER BY id DESC",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(note.ends_with("terenkripsi"), "{note}");

    // The receiving office needs the passphrase, and the right one.
    let o = meja(&b_path, &["case", "import", f]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("terenkripsi"));
    let o = meja_with(&b_path, &["case", "import", f], Some("kuda laut merah"));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("frasa sandi salah"));
    let passfile = dir.path().join("sandi.txt");
    std::fs::write(&passfile, "kuda laut biru\n").unwrap();
    let o = meja(
        &b_path,
        &[
            "case",
            "import",
            f,
            "--passphrase-file",
            passfile.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains(&number) && out.contains("LTM/"), "{out}");

    // --plain writes readable JSON, with a warning; import reads it too (the case is then
    // already there, which is the refusal it gets).
    let plain = dir.path().join("polos.json");
    let p = plain.to_str().unwrap();
    let o = meja(&a_path, &["case", "export", &number, "--out", p, "--plain"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("TANPA enkripsi"));
    assert!(std::fs::read_to_string(&plain).unwrap().contains("Siti"));
    let o = meja(&b_path, &["case", "import", p]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("sudah diterima"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    let o = meja(
        &a_path,
        &[
            "case",
            "export",
            "XXX/2026/9999",
            "--out",
            "/tmp/x.json",
            "--plain",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("tidak ditemukan"));

    let foreign = dir.path().join("lain.json");
    std::fs::write(&foreign, "{\"format\": \"lain\"}").unwrap();
    let o = meja(&b_path, &["case", "import", foreign.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bukan berkas pindah kasus"));
}
