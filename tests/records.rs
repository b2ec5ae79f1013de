//! The case after intake in the store: assessments move the case's risk, plans are approved
//! and guarded by versions across two connections, services given are counted per victim, and
//! every change is in the history.

use chrono::{Local, NaiveDate, TimeZone};
use meja::domain::approval::{Approval, ApprovalError, Decision};
use meja::domain::assessment::{Assessment, AssessmentIssue};
use meja::domain::case::Saved;
use meja::domain::followup::FollowUp;
use meja::domain::intake::Intake;
use meja::domain::plan::{ActionStatus, Doer, PlanAction};
use meja::domain::service::ServiceGiven;
use meja::store::Store;

fn now() -> chrono::DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn open(store: &mut Store, victims: usize) -> i64 {
    let mut i = Intake::default();
    i.reporter.name = "Ibu Rina Wulandari".into();
    i.reporter.phone = "081234567890".into();
    while i.victims.len() < victims {
        i.victims.push(i.victims[0].clone());
    }
    for (n, v) in i.victims.iter_mut().enumerate() {
        v.name = format!("Korban {n}");
        v.sex = "P".into();
        v.age = "30".into();
    }
    i.incident.violence = vec!["psikis".into()];
    i.incident.chronology = "Korban diancam oleh mantan suami.".into();
    i.triage.risk = "sedang".into();
    i.consent.services = "ya".into();
    let rec = i.to_record(now().date_naive()).unwrap();
    store.open_case(&rec, "PPA", "ani", now(), None).unwrap().id
}

/// (action, field, old, new) of each history row, oldest first.
type Row = (String, Option<String>, Option<String>, Option<String>);

fn history(path: &std::path::Path) -> Vec<Row> {
    let c = rusqlite::Connection::open(path).unwrap();
    c.prepare("SELECT action, field, old_value, new_value FROM case_history ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

fn victims(path: &std::path::Path, case: i64) -> Vec<i64> {
    let c = rusqlite::Connection::open(path).unwrap();
    c.prepare("SELECT id FROM persons WHERE case_id = ?1 AND role = 'korban' ORDER BY ord")
        .unwrap()
        .query_map([case], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

fn action(goal: &str, due: u32) -> PlanAction {
    PlanAction {
        id: 0,
        goal: goal.into(),
        service: "psikologis".into(),
        doer: Doer::Staff("rina".into()),
        due: Some(day(due)),
        status: ActionStatus::Rencana,
        reason: String::new(),
    }
}

#[test]
fn an_assessment_sets_the_case_risk_and_the_history_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.db");
    let mut s = Store::open(&path).unwrap();
    let id = open(&mut s, 1);
    let bad = Assessment::default();
    let e = s
        .add_assessment(id, &bad, "rina", now())
        .unwrap()
        .unwrap_err();
    assert!(e.contains(&AssessmentIssue::RiskRequired), "{e:?}");
    let a = Assessment {
        date: Some(day(23)),
        psychological: "Sulit tidur, takut keluar rumah".into(),
        needs_hopes: "Ingin anaknya tetap sekolah".into(),
        risk: "tinggi".into(),
        danger_asked: true,
        danger_yes: vec!["cekik".into()],
        safety_plan: meja::domain::assessment::SafetyPlan {
            safe_place: "Rumah kakak di Metro Barat".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    s.add_assessment(id, &a, "rina", now()).unwrap().unwrap();
    let stored = s.assessments_of(id).unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].1, "rina");
    assert_eq!(stored[0].2, a, "read back as written");
    let card = s.case_file(id).unwrap().unwrap();
    assert_eq!(card.card.risk, "tinggi");
    let h = history(&path);
    assert!(h.contains(&(
        "ubah".into(),
        Some("risiko".into()),
        Some("sedang".into()),
        Some("tinggi".into())
    )));
    assert!(h.iter().any(|r| r.0 == "asesmen"));
}

#[test]
fn a_plan_is_requested_returned_and_approved_and_a_change_unapproves_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.db");
    let mut s = Store::open(&path).unwrap();
    let id = open(&mut s, 1);
    // Nothing to approve yet.
    let req = Decision::Request { by: "rina".into() };
    assert_eq!(
        s.decide_plan(id, &req, false, "rina", now()).unwrap(),
        Err(ApprovalError::NotRequested)
    );
    s.add_plan_action(id, &action("Konseling psikolog", 30), "rina", now())
        .unwrap()
        .unwrap();
    s.decide_plan(id, &req, false, "rina", now())
        .unwrap()
        .unwrap();
    // A case manager cannot approve; a supervisor returns with a comment, then approves.
    let approve = Decision::Approve { by: "sri".into() };
    assert_eq!(
        s.decide_plan(id, &approve, false, "rina", now()).unwrap(),
        Err(ApprovalError::NotPermitted)
    );
    let back = Decision::Return {
        by: "sri".into(),
        comment: "Tambahkan pendampingan hukum".into(),
    };
    s.decide_plan(id, &back, true, "sri", now())
        .unwrap()
        .unwrap();
    s.decide_plan(id, &req, false, "rina", now())
        .unwrap()
        .unwrap();
    let got = s
        .decide_plan(id, &approve, true, "sri", now())
        .unwrap()
        .unwrap();
    assert!(got.is_approved());
    assert!(s.plan_of(id).unwrap().plan.approval.is_approved());
    // A new action means the approved plan is not what is written any more.
    s.add_plan_action(id, &action("Visum", 28), "rina", now())
        .unwrap()
        .unwrap();
    assert_eq!(s.plan_of(id).unwrap().plan.approval, Approval::Draft);
    let approvals: Vec<_> = history(&path)
        .into_iter()
        .filter(|r| r.0 == "persetujuan")
        .map(|r| r.3.unwrap())
        .collect();
    assert_eq!(
        approvals,
        vec!["diajukan", "dikembalikan", "diajukan", "disetujui"]
    );
}

#[test]
fn two_workers_editing_one_action_never_overwrite_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.db");
    let mut a = Store::open(&path).unwrap();
    let mut b = Store::open(&path).unwrap();
    let id = open(&mut a, 1);
    a.add_plan_action(id, &action("Konseling", 30), "rina", now())
        .unwrap()
        .unwrap();
    let seen_a = a.plan_of(id).unwrap();
    let seen_b = b.plan_of(id).unwrap();
    let mut mine = seen_a.plan.actions[0].clone();
    mine.status = ActionStatus::Berjalan;
    let r = a
        .update_plan_action(id, &mine, seen_a.action_versions[0], "rina", now())
        .unwrap()
        .unwrap();
    assert_eq!(r, Saved::Done(2));
    let mut theirs = seen_b.plan.actions[0].clone();
    theirs.goal = "Konseling keluarga".into();
    let r = b
        .update_plan_action(id, &theirs, seen_b.action_versions[0], "budi", now())
        .unwrap()
        .unwrap();
    assert_eq!(r, Saved::Conflict, "b saw version 1, a saved 2");
    let now_stored = b.plan_of(id).unwrap().plan.actions[0].clone();
    assert_eq!(now_stored.status, ActionStatus::Berjalan);
    assert_eq!(now_stored.goal, "Konseling");
    // Dropping an action needs a reason, and the refusal writes nothing.
    let mut drop = now_stored.clone();
    drop.status = ActionStatus::Batal;
    let v = b.plan_of(id).unwrap().action_versions[0];
    assert!(
        b.update_plan_action(id, &drop, v, "budi", now())
            .unwrap()
            .is_err()
    );
    assert_eq!(b.plan_of(id).unwrap().action_versions[0], v);
}

#[test]
fn services_given_are_counted_once_per_victim_and_service() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.db");
    let mut s = Store::open(&path).unwrap();
    let one = open(&mut s, 2);
    let other = open(&mut s, 1);
    let v1 = victims(&path, one);
    let v2 = victims(&path, other);
    let give = |s: &mut Store, case: i64, victim: i64, d: u32, service: &str| {
        let g = ServiceGiven {
            id: 0,
            date: day(d),
            service: service.into(),
            victim_id: victim,
            given_by: Doer::Staff("rina".into()),
            note: String::new(),
        };
        s.give_service(case, &g, None, "rina", now()).unwrap()
    };
    // Hand-counted for 1–30 November: kesehatan for 3 victims (v1[0] twice), psikologis and
    // rumah aman (both rehabilitasi sosial) for v1[1] once each.
    give(&mut s, one, v1[0], 3, "kesehatan").unwrap();
    give(&mut s, one, v1[0], 10, "kesehatan").unwrap();
    give(&mut s, one, v1[1], 11, "kesehatan").unwrap();
    give(&mut s, other, v2[0], 12, "kesehatan").unwrap();
    give(&mut s, one, v1[1], 13, "psikologis").unwrap();
    give(&mut s, one, v1[1], 14, "rumah_aman").unwrap();
    // Refused: a victim of another case, a date to come.
    assert!(give(&mut s, one, v2[0], 12, "kesehatan").is_err());
    assert!(give(&mut s, one, v1[0], 25, "kesehatan").is_err());
    let c = s.services_given_counts(day(1), day(30)).unwrap();
    let get = |k: &str| c.simfoni.iter().find(|(s, _)| *s == k).unwrap().1;
    assert_eq!(get("kesehatan"), 3);
    assert_eq!(get("rehabilitasi_sosial"), 1);
    assert_eq!(get("bantuan_hukum"), 0);
    assert!(c.own.contains(&("rumah_aman".to_string(), 1)));
    assert_eq!(s.services_given(one).unwrap().len(), 5);
    assert_eq!(
        history(&path).iter().filter(|r| r.0 == "layanan").count(),
        6
    );
}

#[test]
fn follow_ups_are_kept_in_order_with_the_next_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.db");
    let mut s = Store::open(&path).unwrap();
    let id = open(&mut s, 1);
    let f = FollowUp {
        id: 0,
        date: day(20),
        kind: "telepon".into(),
        findings: "Korban aman, tinggal di rumah kakak".into(),
        next: Some(day(27)),
    };
    s.add_follow_up(id, &f, "budi", now()).unwrap().unwrap();
    let bad = FollowUp {
        kind: "merpati".into(),
        ..f.clone()
    };
    assert!(s.add_follow_up(id, &bad, "budi", now()).unwrap().is_err());
    let got = s.follow_ups(id).unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(meja::domain::followup::next_due(&got), Some(day(27)));
}

#[test]
fn a_closure_is_sent_only_with_a_complete_evaluation_and_then_approved() {
    use meja::domain::followup::{Evaluation, Outcome, Satisfaction};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.db");
    let mut s = Store::open(&path).unwrap();
    let id = open(&mut s, 1);
    let act = s
        .add_plan_action(id, &action("Konseling psikolog", 30), "rina", now())
        .unwrap()
        .unwrap();
    let req = Decision::Request { by: "rina".into() };
    // Nothing evaluated yet.
    assert_eq!(
        s.decide_closure(id, &req, false, "rina", now()).unwrap(),
        Err(ApprovalError::NotRequested)
    );
    let mut e = Evaluation {
        outcomes: vec![],
        satisfaction: Some(Satisfaction::Declined),
        comment: String::new(),
        approval: Approval::Draft,
    };
    assert_eq!(
        s.save_evaluation(id, &e, 0, "rina", now()).unwrap(),
        Saved::Done(1)
    );
    // The plan's action has no outcome yet: still not sent.
    assert_eq!(
        s.decide_closure(id, &req, false, "rina", now()).unwrap(),
        Err(ApprovalError::NotRequested)
    );
    e.outcomes.push(Outcome {
        action_id: act,
        achieved: true,
        word: "Tiga sesi selesai".into(),
    });
    // A stale version is refused; the current one saves.
    assert_eq!(
        s.save_evaluation(id, &e, 0, "rina", now()).unwrap(),
        Saved::Conflict
    );
    assert_eq!(
        s.save_evaluation(id, &e, 1, "rina", now()).unwrap(),
        Saved::Done(2)
    );
    s.decide_closure(id, &req, false, "rina", now())
        .unwrap()
        .unwrap();
    let ok = Decision::Approve { by: "sri".into() };
    assert!(
        s.decide_closure(id, &ok, true, "sri", now())
            .unwrap()
            .unwrap()
            .is_approved()
    );
    let (stored, _) = s.evaluation_of(id).unwrap();
    let stored = stored.unwrap();
    assert!(stored.approval.is_approved());
    assert_eq!(stored.outcomes, e.outcomes);
    assert_eq!(stored.satisfaction, Some(Satisfaction::Declined));
    assert!(history(&path).contains(&(
        "persetujuan".into(),
        Some("penutupan".into()),
        Some("diajukan".into()),
        Some("disetujui".into())
    )));
}

/// Editing a case after a service was given to one of its victims: the save goes through and
/// the service still belongs to the same victim (the people of a case are rewritten on every
/// edit, and services name their victim by row).
#[test]
fn a_case_with_a_service_given_can_still_be_edited_and_the_service_keeps_its_victim() {
    use meja::store::casework::CaseEdit;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.db");
    let mut s = Store::open(&path).unwrap();
    let case = open(&mut s, 2);
    let second = victims(&path, case)[1];
    let g = ServiceGiven {
        id: 0,
        date: day(3),
        service: "kesehatan".into(),
        victim_id: second,
        given_by: Doer::Staff("rina".into()),
        note: String::new(),
    };
    s.give_service(case, &g, None, "rina", now())
        .unwrap()
        .unwrap();
    let file = s.case_file(case).unwrap().unwrap();
    let mut edited = file.intake.clone();
    edited.victims[1].name = "Sari Dewi".into();
    let rec = edited.to_record(now().date_naive()).unwrap();
    let edit = CaseEdit {
        before: &file.intake,
        after: &edited,
        record: &rec,
    };
    assert!(matches!(
        s.update_case(case, file.card.version, &edit, "rina", now())
            .unwrap(),
        Saved::Done(_)
    ));
    let c = rusqlite::Connection::open(&path).unwrap();
    let name: String = c
        .query_row(
            "SELECT p.name FROM services_given g JOIN persons p ON p.id = g.victim_id",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(name, "Sari Dewi");
}
