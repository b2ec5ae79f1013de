//! Transfer format version 2: the case after intake travels too — assessments, the plan and
//! its actions, services given, follow-ups and the closing evaluation — and a version-1 file
//! (tests/fixtures/transfer-v1.json, the shape the version-1 release wrote) still imports.
//! Every check of the import holds for the new parts: a bad value refuses the whole file and
//! names its field.

use std::path::Path;

use chrono::{DateTime, Local, NaiveDate, TimeZone};
use meja::domain::agency::Agency;
use meja::domain::approval::{Approval, Decision};
use meja::domain::assessment::{Assessment, SafetyPlan};
use meja::domain::case::{Saved, Targets};
use meja::domain::followup::{Evaluation, FollowUp, Outcome, Satisfaction};
use meja::domain::intake::{Intake, Victim};
use meja::domain::plan::{ActionStatus, Doer, PlanAction};
use meja::domain::service::ServiceGiven;
use meja::domain::transfer::VERSION;
use meja::i18n::Lang;
use meja::store::Store;
use serde_json::json;

fn at(d: u32) -> DateTime<Local> {
    Local.with_ymd_and_hms(2026, 10, d, 10, 0, 0).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, d).unwrap()
}

/// A case with two victims and one of each record, written to `kasus.json`.
fn exported(dir: &Path) -> serde_json::Value {
    let mut s = Store::open(&dir.join("asal.db")).unwrap();
    let agency = match s
        .save_agency(
            &Agency {
                name: "Psikolog Klinik Harapan".into(),
                kind: "psikolog".into(),
                ..Default::default()
            },
            at(1),
        )
        .unwrap()
    {
        Saved::Done(id) => id,
        Saved::Conflict => unreachable!(),
    };
    let mut i = Intake::default();
    i.reporter.name = "Ibu Rina".into();
    i.victims = vec![
        Victim {
            name: "Siti Aminah".into(),
            sex: "P".into(),
            age: "30".into(),
            ..Default::default()
        },
        Victim {
            name: "Bayu Pratama".into(),
            sex: "L".into(),
            age: "12".into(),
            ampk: vec!["i".into()],
            ..Default::default()
        },
    ];
    i.incident.violence = vec!["fisik".into()];
    i.incident.chronology = "Kronologi.".into();
    i.triage.risk = "sedang".into();
    i.consent.services = "ya".into();
    let rec = i.to_record(day(2)).unwrap();
    let id = s.open_case(&rec, "MTR", "ani", at(2), None).unwrap().id;
    let a = Assessment {
        date: Some(day(3)),
        psychological: "Sulit tidur".into(),
        needs_hopes: "Ingin aman".into(),
        risk: "tinggi".into(),
        danger_asked: true,
        danger_yes: vec!["cekik".into()],
        safety_plan: SafetyPlan {
            safe_place: "Rumah kakak".into(),
            code_word: "mangga".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    s.add_assessment(id, &a, "rina", at(3)).unwrap().unwrap();
    let action = |goal: &str, doer| PlanAction {
        id: 0,
        goal: goal.into(),
        service: "psikologis".into(),
        doer,
        due: Some(day(20)),
        status: ActionStatus::Rencana,
        reason: String::new(),
    };
    let first = s
        .add_plan_action(
            id,
            &action("Konseling", Doer::Agency(agency)),
            "rina",
            at(4),
        )
        .unwrap()
        .unwrap();
    s.add_plan_action(
        id,
        &action("Kunjungan sekolah", Doer::Staff("rina".into())),
        "rina",
        at(4),
    )
    .unwrap()
    .unwrap();
    let req = Decision::Request { by: "rina".into() };
    s.decide_plan(id, &req, false, "rina", at(4))
        .unwrap()
        .unwrap();
    let ok = Decision::Approve { by: "sri".into() };
    s.decide_plan(id, &ok, true, "sri", at(5)).unwrap().unwrap();
    let bayu: i64 = rusqlite::Connection::open(dir.join("asal.db"))
        .unwrap()
        .query_row(
            "SELECT id FROM persons WHERE case_id = ?1 AND name = 'Bayu Pratama'",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    let g = ServiceGiven {
        id: 0,
        date: day(6),
        service: "psikologis".into(),
        victim_id: bayu,
        given_by: Doer::Agency(agency),
        note: "Sesi pertama".into(),
    };
    s.give_service(id, &g, None, "rina", at(6))
        .unwrap()
        .unwrap();
    let f = FollowUp {
        id: 0,
        date: day(8),
        kind: "kunjungan_rumah".into(),
        findings: "Korban tenang".into(),
        next: Some(day(30)),
    };
    s.add_follow_up(id, &f, "rina", at(8)).unwrap().unwrap();
    let e = Evaluation {
        outcomes: vec![Outcome {
            action_id: first,
            achieved: true,
            word: "Tiga sesi".into(),
        }],
        satisfaction: Some(Satisfaction::Score(4)),
        comment: "Puas".into(),
        approval: Approval::Draft,
    };
    s.save_evaluation(id, &e, 0, "rina", at(9)).unwrap();
    let number = s.case_file(id).unwrap().unwrap().card.number;
    let out = dir.join("kasus.json");
    let rules = meja::io::outfile::OutRules::new(&dir.join("asal.db"), false);
    meja::tasks::transfer::export_case(
        &mut s,
        &number,
        &out,
        &rules,
        None,
        "UPTD PPA Kota Metro",
        "ani",
        at(10),
    )
    .unwrap();
    serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap()
}

fn import(dir: &Path, v: &serde_json::Value, db: &str) -> Result<i64, String> {
    let f = dir.join("ubah.json");
    std::fs::write(&f, serde_json::to_string_pretty(v).unwrap()).unwrap();
    let mut s = Store::open(&dir.join(db)).unwrap();
    meja::tasks::transfer::import_case(&mut s, &f, None, "LTM", "dewi", Local::now(), Lang::Id)
        .map(|(_, o)| o.id)
        .map_err(|e| e.render(Lang::Id))
}

fn cases_in(db: &Path) -> i64 {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn version_2_carries_the_case_after_intake_and_the_new_office_counts_none_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let v = exported(dir.path());
    assert_eq!(v["version"], json!(VERSION));
    assert_eq!(v["assessments"][0]["danger_yes"], json!(["cekik"]));
    assert_eq!(v["plan"]["approval"], json!("disetujui"));
    assert_eq!(
        v["plan"]["actions"][0]["by"]["agency"],
        json!("Psikolog Klinik Harapan")
    );
    // The second victim, by place among the victims.
    assert_eq!(v["services_given"][0]["victim"], json!(1));
    assert_eq!(v["follow_ups"][0]["next"], json!("2026-10-30"));
    assert_eq!(v["closure"]["outcomes"][0]["goal"], json!("Konseling"));
    assert_eq!(v["closure"]["satisfaction"], json!(4));

    let id = import(dir.path(), &v, "tujuan.db").unwrap();
    let s = Store::open(&dir.path().join("tujuan.db")).unwrap();
    // The assessment arrives as an assessment, by its origin author.
    let got = s.assessments_of(id).unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1, "rina (UPTD PPA Kota Metro)");
    assert_eq!(got[0].2.danger_yes, vec!["cekik"]);
    assert_eq!(got[0].2.safety_plan.code_word, "mangga");
    // Plan, service, follow-up and closure are read in full as the origin's notes…
    let notes: Vec<String> = s
        .case_file(id)
        .unwrap()
        .unwrap()
        .notes
        .into_iter()
        .map(|n| n.body)
        .collect();
    let has = |words: &[&str]| notes.iter().any(|n| words.iter().all(|w| n.contains(w)));
    assert!(
        has(&[
            "Rencana intervensi di kantor asal UPTD PPA Kota Metro (Disetujui; 2 tindakan)",
            "Konseling",
            "Psikolog Klinik Harapan (UPTD PPA Kota Metro)",
            "20-10-2026",
        ]),
        "{notes:#?}"
    );
    assert!(
        has(&[
            "Layanan diberikan",
            "06-10-2026",
            "untuk Bayu Pratama",
            "Sesi pertama"
        ]),
        "{notes:#?}"
    );
    assert!(
        has(&["Pemantauan", "Kunjungan rumah", "Korban tenang"]),
        "{notes:#?}"
    );
    assert!(
        has(&["Evaluasi penutupan", "4/4", "Konseling: tercapai Tiga sesi"]),
        "{notes:#?}"
    );
    // …and not as this office's records: no plan to approve, nothing given here, nothing due.
    assert!(s.plan_of(id).unwrap().plan.actions.is_empty());
    assert!(s.services_given(id).unwrap().is_empty());
    assert!(s.follow_ups(id).unwrap().is_empty());
    let r = s
        .report(day(1), day(31), &Targets::default(), day(31))
        .unwrap();
    let given = r.table(meja::domain::report::TableKind::Service);
    assert!(given.rows.iter().all(|row| row.count == 0), "{given:?}");
}

#[test]
fn a_version_1_file_still_imports() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/transfer-v1.json"),
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["version"], json!(1));
    assert!(v.get("assessments").is_none());
    let id = import(dir.path(), &v, "tujuan.db").unwrap();
    let s = Store::open(&dir.path().join("tujuan.db")).unwrap();
    let file = s.case_file(id).unwrap().unwrap();
    assert_eq!(file.card.stage, meja::domain::case::Stage::Pengaduan);
    assert!(file.notes.iter().any(|n| n.body == "Catatan asal."));
    assert!(s.assessments_of(id).unwrap().is_empty());
}

#[test]
fn a_bad_value_in_the_new_records_refuses_the_whole_file_and_names_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let good = exported(dir.path());
    let cases: Vec<(&str, serde_json::Value, &str)> = vec![
        ("/assessments/0/risk", json!("gawat"), "assessments[0].risk"),
        ("/assessments/0/date", json!("31-02-2026"), "31-02-2026"),
        (
            "/assessments/0/danger_yes",
            json!(["terbang"]),
            "assessments[0].danger_yes[0]",
        ),
        (
            "/plan/actions/1/status",
            json!("mungkin"),
            "plan.actions[1].status",
        ),
        (
            "/plan/actions/0/service",
            json!("pijat"),
            "plan.actions[0].service",
        ),
        ("/plan/actions/0/goal", json!(""), "plan.actions[0].goal"),
        ("/plan/approval", json!("oke"), "plan.approval"),
        (
            "/services_given/0/victim",
            json!(7),
            "services_given[0].victim",
        ),
        (
            "/services_given/0/date",
            json!("2099-01-01"),
            "services_given[0].date",
        ),
        ("/services_given/0/by", json!({}), "services_given[0].by"),
        ("/follow_ups/0/kind", json!("mimpi"), "follow_ups[0].kind"),
        (
            "/follow_ups/0/next",
            json!("40-10-2026"),
            "follow_ups[0].next",
        ),
        ("/closure/satisfaction", json!(7), "closure.satisfaction"),
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
