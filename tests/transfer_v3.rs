//! Transfer format version 3: the fields SIMFONI counts and the legal side of the case —
//! qualification, legal events, mediation records, the checklist — travel with it, and a
//! version-2 file (tests/fixtures/transfer-v2.json, written by the version-2 code) still
//! imports. A bad value in the new parts refuses the whole file and names its field.

use std::path::Path;

use chrono::{DateTime, Local, NaiveDate, TimeZone};
use meja::domain::intake::{Intake, Perpetrator};
use meja::domain::legal::{Detail, EventKind, Matter, NewEvent, Step};
use meja::domain::transfer::VERSION;
use meja::i18n::Lang;
use meja::store::Store;
use serde_json::json;

fn at(d: u32, h: u32) -> DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, d, h, 0, 0).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

/// A spouse PKDRT case with its SIMFONI fields, qualified, reported to the police, with a
/// hearing ahead, a mediation assessment and session, and the checklist ticked: written to
/// `kasus.json` by an origin office. Returns the file and the origin's database path.
fn exported(dir: &Path) -> serde_json::Value {
    let db = dir.join("asal.db");
    let mut s = Store::open(&db).unwrap();
    let mut i = Intake::default();
    i.reporter.name = "Nur Aini".into();
    i.victims[0].name = "Nur Aini".into();
    i.victims[0].sex = "P".into();
    i.victims[0].age = "29".into();
    i.victims[0].education = "slta".into();
    i.victims[0].occupation = "irt".into();
    i.victims[0].marital = "menikah".into();
    i.victims[0].nationality = "wni".into();
    i.victims[0].domicile = "Jl. Melati 4, Metro Pusat".into();
    i.perpetrators = vec![Perpetrator {
        name: "Budi".into(),
        sex: "L".into(),
        age: "33".into(),
        relation: "suami_istri".into(),
        education: "sltp".into(),
        occupation: "swasta_buruh".into(),
        nationality: "wna".into(),
        country: "Malaysia".into(),
    }];
    i.incident.violence = vec!["psikis".into()];
    i.incident.chronology = "Korban dimaki setiap hari.".into();
    i.triage.risk = "rendah".into();
    i.triage.authority = "daerah".into();
    i.triage.case_kind = "ktp".into();
    i.consent.services = "ya".into();
    let rec = i.to_record(day(2)).unwrap();
    let id = s.open_case(&rec, "MTR", "ani", at(2, 9), None).unwrap().id;
    let codes = vec!["pkdrt_psikis".to_string()];
    s.set_legal_qualifications(id, &codes, "rina", at(2, 10))
        .unwrap()
        .unwrap();
    let event = |date, detail| NewEvent {
        date,
        detail,
        next: None,
        note: String::new(),
    };
    s.add_legal_event(
        id,
        &event(
            day(3),
            Detail::LaporanPolisi {
                unit: "Unit PPA Polres Metro".into(),
                number: "LP/B/77/XI/2026".into(),
                investigator: "Bripka Sari".into(),
                time: None,
            },
        ),
        "rina",
        at(3, 11),
    )
    .unwrap()
    .unwrap();
    s.add_legal_event(
        id,
        &event(
            day(9),
            Detail::Sidang {
                court: "PN Metro".into(),
                case_number: "41/Pid.Sus/2026/PN Mtr".into(),
                what_happened: "Pembacaan dakwaan".into(),
                accompanied_by: "rina".into(),
                next_hearing: Some(day(23)),
            },
        ),
        "rina",
        at(9, 15),
    )
    .unwrap()
    .unwrap();
    let assess = Step::Asesmen {
        matter: Matter::Perdata,
        free_decision: true,
        assessed_by: "Rina (pekerja sosial)".into(),
        note: String::new(),
    };
    s.add_mediation(id, day(4), &assess, "rina", at(4, 10))
        .unwrap()
        .unwrap();
    let session = Step::Sesi {
        attended: "korban, suami, mediator".into(),
        result: "sepakat soal nafkah".into(),
    };
    s.add_mediation(id, day(5), &session, "rina", at(5, 10))
        .unwrap()
        .unwrap();
    s.tick_legal_checklist(id, "hak_restitusi_lpsk", day(3), "rina", at(3, 12))
        .unwrap();
    let number = s.case_file(id).unwrap().unwrap().card.number;
    let out = dir.join("kasus.json");
    let rules = meja::io::outfile::OutRules::new(&db, false);
    meja::tasks::transfer::export_case(
        &mut s,
        &number,
        &out,
        &rules,
        None,
        "UPTD PPA Kota Metro",
        "ani",
        at(10, 9),
    )
    .unwrap();
    serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap()
}

fn import(dir: &Path, v: &serde_json::Value, db: &str) -> Result<i64, String> {
    let f = dir.join("ubah.json");
    std::fs::write(&f, serde_json::to_string_pretty(v).unwrap()).unwrap();
    let mut s = Store::open(&dir.join(db)).unwrap();
    meja::tasks::transfer::import_case(&mut s, &f, None, "LTM", "dewi", at(10, 14), Lang::Id)
        .map(|(_, o)| o.id)
        .map_err(|e| e.render(Lang::Id))
}

fn cases_in(db: &Path) -> i64 {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap()
}

/// (education, occupation, marital, nationality, country, domicile) of each person of `role`.
type Simfoni = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    String,
);

fn simfoni_of(db: &Path, case: i64, role: &str) -> Vec<Simfoni> {
    let c = rusqlite::Connection::open(db).unwrap();
    c.prepare(
        "SELECT education, occupation, marital, nationality, country, domicile FROM persons
         WHERE case_id = ?1 AND role = ?2 ORDER BY ord",
    )
    .unwrap()
    .query_map(rusqlite::params![case, role], |r| {
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
    .collect()
}

fn s(v: &str) -> Option<String> {
    Some(v.to_string())
}

#[test]
fn version_3_carries_the_simfoni_fields_and_the_legal_side() {
    let dir = tempfile::tempdir().unwrap();
    let v = exported(dir.path());
    assert_eq!(v["version"], json!(VERSION));
    assert_eq!(VERSION, 3);
    assert_eq!(v["case"]["authority"], json!("daerah"));
    assert_eq!(v["persons"][1]["education"], json!("slta"));
    assert_eq!(
        v["legal"]["qualifications"][0]["code"],
        json!("pkdrt_psikis")
    );
    assert_eq!(v["legal"]["events"][1]["detail"]["kind"], json!("sidang"));
    assert_eq!(v["legal"]["events"][1]["next"], json!("2026-11-23"));
    assert_eq!(v["legal"]["mediation"][1]["step"]["step"], json!("sesi"));
    assert_eq!(
        v["legal"]["checklist"][0]["item"],
        json!("hak_restitusi_lpsk")
    );

    let id = import(dir.path(), &v, "tujuan.db").unwrap();
    let db = dir.path().join("tujuan.db");
    // The SIMFONI fields arrive in the people's own fields, not as text to retype.
    assert_eq!(
        simfoni_of(&db, id, "korban"),
        vec![(
            s("slta"),
            s("irt"),
            s("menikah"),
            s("wni"),
            String::new(),
            "Jl. Melati 4, Metro Pusat".into()
        )]
    );
    assert_eq!(
        simfoni_of(&db, id, "terlapor"),
        vec![(
            s("sltp"),
            s("swasta_buruh"),
            None,
            s("wna"),
            "Malaysia".into(),
            String::new()
        )]
    );
    let (kind, authority): (Option<String>, Option<String>) = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT case_kind, authority FROM cases WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((kind, authority), (s("ktp"), s("daerah")));

    let st = Store::open(&db).unwrap();
    assert_eq!(st.legal_qualifications(id).unwrap(), vec!["pkdrt_psikis"]);
    let events = st.legal_events(id).unwrap();
    assert_eq!(
        events.iter().map(|e| e.detail.kind()).collect::<Vec<_>>(),
        vec![EventKind::LaporanPolisi, EventKind::Sidang]
    );
    assert_eq!(events[0].by, "rina (UPTD PPA Kota Metro)");
    // The next hearing is due here: the accompaniment goes on at the new office.
    assert_eq!(
        meja::domain::legal::hearing_soon(&events, day(20)),
        Some(day(23))
    );
    let mediation = st.mediation_records(id).unwrap();
    assert_eq!(mediation.len(), 2);
    assert!(matches!(mediation[1].step, Step::Sesi { .. }));
    let ticks = st.legal_checklist(id).unwrap();
    assert_eq!(
        ticks,
        vec![(
            "hak_restitusi_lpsk".to_string(),
            day(3),
            "rina (UPTD PPA Kota Metro)".to_string()
        )]
    );
    // The origin counts its police report; this office does not count it again.
    let origin = Store::open(&dir.path().join("asal.db")).unwrap();
    assert_eq!(origin.legal_counts(day(1), day(30)).unwrap(), (1, 0));
    assert_eq!(st.legal_counts(day(1), day(30)).unwrap(), (0, 0));

    // Passed on again, the records keep the office they were recorded at.
    let mut st = st;
    let number = st.case_file(id).unwrap().unwrap().card.number;
    let again = dir.path().join("lagi.json");
    let rules = meja::io::outfile::OutRules::new(&db, false);
    meja::tasks::transfer::export_case(
        &mut st,
        &number,
        &again,
        &rules,
        None,
        "UPTD PPA Lampung Timur",
        "dewi",
        at(11, 9),
    )
    .unwrap();
    let v2: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&again).unwrap()).unwrap();
    assert_eq!(
        v2["legal"]["events"][0]["office"],
        json!("UPTD PPA Kota Metro")
    );
    let third = import(dir.path(), &v2, "ketiga.db").unwrap();
    let t = Store::open(&dir.path().join("ketiga.db")).unwrap();
    assert_eq!(
        t.legal_events(third).unwrap()[0].by,
        "rina (UPTD PPA Kota Metro)"
    );
}

#[test]
fn a_version_2_file_still_imports_with_the_new_parts_empty() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/transfer-v2.json"),
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["version"], json!(2));
    assert!(v.get("legal").is_none());
    assert!(v["persons"][1].get("education").is_none());
    let id = import(dir.path(), &v, "tujuan.db").unwrap();
    let db = dir.path().join("tujuan.db");
    let st = Store::open(&db).unwrap();
    // Version 2's own records still arrive…
    assert_eq!(st.assessments_of(id).unwrap().len(), 1);
    // …and the new fields are there to fill in.
    assert!(
        simfoni_of(&db, id, "korban")
            .iter()
            .all(|p| p.0.is_none() && p.1.is_none() && p.5.is_empty())
    );
    assert!(st.legal_qualifications(id).unwrap().is_empty());
    assert!(st.legal_events(id).unwrap().is_empty());
    assert!(st.mediation_records(id).unwrap().is_empty());
}

#[test]
fn a_bad_value_in_the_new_parts_refuses_the_whole_file_and_names_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let good = exported(dir.path());
    let cases: Vec<(&str, serde_json::Value, &str)> = vec![
        ("/persons/1/education", json!("s3"), "persons[1].education"),
        (
            "/persons/2/nationality",
            json!("mars"),
            "persons[2].nationality",
        ),
        ("/case/case_kind", json!("lain"), "case.case_kind"),
        (
            "/legal/qualifications/0/code",
            json!("kuhp_999"),
            "legal.qualifications[0].code",
        ),
        (
            "/legal/events/0/detail/kind",
            json!("sumpah"),
            "legal.events[0].detail.kind",
        ),
        (
            "/legal/events/1/detail/court",
            json!(" "),
            "legal.events[1].detail.court",
        ),
        (
            "/legal/events/0/date",
            json!("2099-01-01"),
            "legal.events[0].date",
        ),
        (
            "/legal/events/1/recorded_at",
            json!("kemarin"),
            "legal.events[1].recorded_at",
        ),
        (
            "/legal/mediation/0/step/step",
            json!("damai"),
            "legal.mediation[0].step.step",
        ),
        (
            "/legal/checklist/0/item",
            json!("lupa"),
            "legal.checklist[0].item",
        ),
    ];
    for (pointer, value, shown) in cases {
        let mut v = good.clone();
        *v.pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{pointer}")) = value;
        let err = import(dir.path(), &v, "tujuan.db").unwrap_err();
        assert!(err.contains("ditolak seluruhnya"), "{pointer}: {err}");
        assert!(err.contains(shown), "{pointer}: {shown} in {err}");
        assert_eq!(cases_in(&dir.path().join("tujuan.db")), 0, "{pointer}");
    }
    import(dir.path(), &good, "tujuan.db").unwrap();
    assert_eq!(cases_in(&dir.path().join("tujuan.db")), 1);
}

/// `LEGAL_ORIGIN` on the schema-14 fixture: every legal event and mediation record it holds
/// was recorded at this office, and the report still counts its police reports and verdicts.
#[test]
fn migrating_from_v14_marks_every_legal_record_as_recorded_here() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v14.db"),
        &db,
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let (police, verdicts): (i64, i64) = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT count(DISTINCT CASE WHEN kind = 'laporan_polisi' THEN case_id END),
                    count(DISTINCT CASE WHEN kind = 'putusan' THEN case_id END)
             FROM legal_events",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(police > 0, "the fixture holds a police report");
    Store::migrate_file(&db).unwrap();
    let c = rusqlite::Connection::open(&db).unwrap();
    for table in ["legal_events", "mediation_records"] {
        let (all, here): (i64, i64) = c
            .query_row(
                &format!("SELECT count(*), count(*) FILTER (WHERE origin IS NULL) FROM {table}"),
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert!(all > 0, "{table} is empty in the fixture");
        assert_eq!(all, here, "{table}");
    }
    let st = Store::open(&db).unwrap();
    let from = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let to = NaiveDate::from_ymd_opt(2100, 1, 1).unwrap();
    assert_eq!(
        st.legal_counts(from, to).unwrap(),
        (police as u64, verdicts as u64)
    );
}
