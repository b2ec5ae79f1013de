//! Issue 16 points 3 and 19 through the real binary: a letter for a client who did not agree
//! to share her data carries the minimum and what the worker adds with `--include`, the
//! choice goes into the case history; the configured head of office signs.

use std::path::Path;
use std::process::Output;

mod common;

use common::meja_command;
use meja::domain::agency::Agency;
use meja::domain::case::{Everyone, Saved};
use meja::domain::intake::Intake;
use meja::domain::referral::NewReferral;

fn meja(args: &[&str]) -> Output {
    meja_command("ani").args(args).output().expect("run meja")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A KDRT client who answered "Setuju data dibagi = Tidak", referred to a rumah aman with an
/// override reason; ani (display name "Ani Wulandari") is the supervisor. The referral's id.
fn setup(db: &Path) -> String {
    let now = chrono::Local::now();
    let mut s = meja::store::Store::open(db).unwrap();
    let m = meja::domain::staff::StaffMember {
        username: "ani".into(),
        display_name: "Ani Wulandari".into(),
        role: meja::domain::staff::Role::Supervisor,
        active: true,
        has_pin: true,
    };
    s.add_staff(&m, Some(common::TEST_PIN), now, "setup")
        .unwrap();
    let Saved::Done(agency) = s
        .save_agency(
            &Agency {
                name: "Rumah Aman Metro".into(),
                kind: "rumah_aman".into(),
                services: vec!["rumah_aman".into()],
                ..Default::default()
            },
            now,
        )
        .unwrap()
    else {
        panic!()
    };
    let mut i = Intake::default();
    i.victims[0].name = "Dewi Lestari".into();
    i.victims[0].nik = "3372015205960001".into();
    i.victims[0].sex = "P".into();
    i.victims[0].age = "30".into();
    i.victims[0].address = "Jl. Cempaka No. 9".into();
    i.reporter.phone = "081298765432".into();
    i.incident.violence = vec!["fisik".into()];
    i.incident.chronology = "Dipukul suami berulang kali di rumah.".into();
    i.triage.risk = "tinggi".into();
    i.consent.services = "ya".into();
    i.consent.share = "tidak".into();
    let rec = i.to_record(now.date_naive()).unwrap();
    let case = s.open_case(&rec, "PPA", "ani", now, None).unwrap();
    let r = NewReferral {
        agency_id: agency,
        service: "rumah_aman".into(),
        reason: "Korban tidak aman di rumah.".into(),
        follow_up: None,
        override_reason: Some("Nyawa terancam, tidak bisa menunggu persetujuan".into()),
    };
    s.refer(case.id, &r, "ani", now, &Everyone)
        .unwrap()
        .unwrap()
        .id
        .to_string()
}

fn letter(db: &Path, config: &Path, id: &str, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "--db",
        db.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
        "referral",
        "letter",
        id,
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    meja(&args)
}

fn private_config(dir: &Path, text: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let p = dir.join("meja.toml");
    std::fs::write(&p, text).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
    p
}

#[test]
fn a_letter_without_consent_carries_the_minimum_and_the_ticked_items_go_in_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    let id = setup(&db);
    let config = private_config(
        dir.path(),
        "[office]\nname = \"UPTD PPA Kota Metro\"\ncity = \"Metro\"\nphone = \"(0725) 000000\"\n\
         head_name = \"Dra. Sri Handayani\"\nhead_title = \"Kepala UPTD PPA Kota Metro\"\n\
         head_nip = \"197003011995032001\"\n",
    );
    let first = dir.path().join("surat1.txt");
    let o = letter(&db, &config, &id, &first, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&first).unwrap();
    for gone in [
        "Dewi Lestari",
        "3372015205960001",
        "Jl. Cempaka",
        "081298765432",
        "Dipukul suami",
        "Fisik",
    ] {
        assert!(!text.contains(gone), "{gone:?} in\n{text}");
    }
    for want in [
        "D.L.",
        "25–44 tahun",
        "Perempuan",
        "Ani Wulandari, Supervisor — (0725) 000000",
        "Dra. Sri Handayani",
        "NIP. 197003011995032001",
        "Kepala UPTD PPA Kota Metro",
    ] {
        assert!(text.contains(want), "{want:?} missing in\n{text}");
    }
    assert!(!text.contains("ani ("), "no login name: {text}");
    // The worker adds the chronology and the type of violence, nothing else.
    let second = dir.path().join("surat2.txt");
    let o = letter(
        &db,
        &config,
        &id,
        &second,
        &["--include", "kronologi,kekerasan"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&second).unwrap();
    assert!(
        text.contains("Dipukul suami") && text.contains("Fisik"),
        "{text}"
    );
    assert!(!text.contains("Dewi Lestari") && !text.contains("Jl. Cempaka"));
    // Both choices are in the case history, under the letter's number.
    let c = rusqlite::Connection::open(&db).unwrap();
    let rows: Vec<(String, String)> = c
        .prepare("SELECT new_value, note FROM case_history WHERE action = 'isi_surat' ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0].0, "minimum");
    assert_eq!(rows[1].0, "kronologi,kekerasan");
    assert!(rows[1].1.contains("/UPTD-PPA/"), "{rows:?}");
    // An item meja does not know is refused, naming the ones it does.
    let o = letter(
        &db,
        &config,
        &id,
        &dir.path().join("surat3.txt"),
        &["--include", "alamat_rumah"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("alamat_rumah") && err.contains("kronologi"),
        "{err}"
    );
    assert!(!dir.path().join("surat3.txt").exists());
}
