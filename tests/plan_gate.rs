//! Rencana → Intervensi waits for an approved plan, as the office configures it: `require`
//! refuses and writes nothing, `warn` moves and the history says the plan was not approved,
//! `off` moves as before. The emergency jump from intake is never held back.

use chrono::{Local, TimeZone};
use meja::domain::approval::{Decision, Gate, GateOutcome};
use meja::domain::case::{Move, Saved, Stage};
use meja::domain::intake::Intake;
use meja::domain::plan::{ActionStatus, Doer, PlanAction};
use meja::i18n::{Lang, Msg};
use meja::store::Store;

fn now() -> chrono::DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap()
}

/// A case moved on to Rencana; its id and version.
fn case_in_rencana(s: &mut Store, emergency: bool) -> (i64, i64) {
    let mut i = Intake::default();
    i.reporter.name = "Ibu Rina".into();
    i.victims[0].name = "Dewi Lestari".into();
    i.victims[0].sex = "P".into();
    i.victims[0].age = "30".into();
    i.incident.violence = vec!["psikis".into()];
    i.incident.chronology = "Korban diancam.".into();
    i.triage.risk = "sedang".into();
    i.triage.emergency = if emergency { "ya" } else { "tidak" }.into();
    i.consent.services = "ya".into();
    let rec = i.to_record(now().date_naive()).unwrap();
    let id = s.open_case(&rec, "PPA", "ani", now(), None).unwrap().id;
    if emergency {
        return (id, 1);
    }
    let mut v = 1;
    for (from, to) in [
        (Stage::Pengaduan, Stage::Asesmen),
        (Stage::Asesmen, Stage::Rencana),
    ] {
        let r = s.apply_move(id, v, from, &Move::Forward(to), "ani", now());
        assert_eq!(r.unwrap(), Saved::Done(v + 1));
        v += 1;
    }
    (id, v)
}

fn plan_with_one_action(s: &mut Store, id: i64) {
    let a = PlanAction {
        id: 0,
        goal: "Konseling psikolog".into(),
        service: "psikologis".into(),
        doer: Doer::Staff("rina".into()),
        due: Some(now().date_naive() + chrono::Duration::days(7)),
        status: ActionStatus::Rencana,
        reason: String::new(),
    };
    s.add_plan_action(id, &a, "rina", now()).unwrap().unwrap();
}

fn approve(s: &mut Store, id: i64) {
    let req = Decision::Request { by: "rina".into() };
    s.decide_plan(id, &req, false, "rina", now())
        .unwrap()
        .unwrap();
    let ok = Decision::Approve { by: "sri".into() };
    s.decide_plan(id, &ok, true, "sri", now()).unwrap().unwrap();
}

fn stage_and_last_action(path: &std::path::Path, id: i64) -> (String, String) {
    let c = rusqlite::Connection::open(path).unwrap();
    let stage = c
        .query_row("SELECT stage FROM cases WHERE id = ?1", [id], |r| r.get(0))
        .unwrap();
    let action = c
        .query_row(
            "SELECT action FROM case_history WHERE case_id = ?1 AND field = 'tahap'
             ORDER BY id DESC LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    (stage, action)
}

const TO_SERVICES: Move = Move::Forward(Stage::Intervensi);

#[test]
fn require_refuses_without_an_approved_plan_and_moves_once_approved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.db");
    let mut s = Store::open(&path).unwrap();
    assert_eq!(s.plan_gate(), Gate::Require, "strict unless told otherwise");
    let (id, v) = case_in_rencana(&mut s, false);
    // No plan at all.
    let e = s
        .apply_move(id, v, Stage::Rencana, &TO_SERVICES, "ani", now())
        .unwrap_err();
    assert_eq!(e.msg, Msg::ErrPlanNotApproved);
    assert!(e.render(Lang::Id).contains("belum disetujui"));
    // A plan asked for but not yet approved: still refused, and nothing was written.
    plan_with_one_action(&mut s, id);
    let req = Decision::Request { by: "rina".into() };
    s.decide_plan(id, &req, false, "rina", now())
        .unwrap()
        .unwrap();
    assert_eq!(
        s.move_gate(id, Stage::Rencana, &TO_SERVICES).unwrap(),
        GateOutcome::Refuse
    );
    assert!(
        s.apply_move(id, v, Stage::Rencana, &TO_SERVICES, "ani", now())
            .is_err()
    );
    let (stage, _) = stage_and_last_action(&path, id);
    assert_eq!(stage, "rencana");
    assert_eq!(s.case_file(id).unwrap().unwrap().card.version, v);
    // Approved: the move goes through as an ordinary one.
    let ok = Decision::Approve { by: "sri".into() };
    s.decide_plan(id, &ok, true, "sri", now()).unwrap().unwrap();
    let r = s.apply_move(id, v, Stage::Rencana, &TO_SERVICES, "ani", now());
    assert_eq!(r.unwrap(), Saved::Done(v + 1));
    assert_eq!(
        stage_and_last_action(&path, id),
        ("intervensi".into(), "tahap".into())
    );
}

#[test]
fn warn_moves_on_and_the_history_says_the_plan_was_not_approved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.db");
    let mut s = Store::open(&path).unwrap();
    s.set_plan_gate(Gate::Warn);
    let (id, v) = case_in_rencana(&mut s, false);
    plan_with_one_action(&mut s, id);
    assert_eq!(
        s.move_gate(id, Stage::Rencana, &TO_SERVICES).unwrap(),
        GateOutcome::Warn
    );
    let r = s.apply_move(id, v, Stage::Rencana, &TO_SERVICES, "ani", now());
    assert_eq!(r.unwrap(), Saved::Done(v + 1));
    assert_eq!(
        stage_and_last_action(&path, id),
        ("intervensi".into(), "tahap_tanpa_rencana".into())
    );
    // With an approved plan a `warn` office's move is an ordinary one.
    let (id, v) = case_in_rencana(&mut s, false);
    plan_with_one_action(&mut s, id);
    approve(&mut s, id);
    s.apply_move(id, v, Stage::Rencana, &TO_SERVICES, "ani", now())
        .unwrap();
    assert_eq!(stage_and_last_action(&path, id).1, "tahap");
}

#[test]
fn off_moves_without_a_plan_and_an_emergency_jump_is_never_held() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.db");
    let mut s = Store::open(&path).unwrap();
    // Require, but an emergency goes from intake straight to services.
    let (id, v) = case_in_rencana(&mut s, true);
    let r = s.apply_move(id, v, Stage::Pengaduan, &TO_SERVICES, "ani", now());
    assert_eq!(r.unwrap(), Saved::Done(v + 1));
    s.set_plan_gate(Gate::Off);
    let (id, v) = case_in_rencana(&mut s, false);
    assert_eq!(
        s.move_gate(id, Stage::Rencana, &TO_SERVICES).unwrap(),
        GateOutcome::Pass
    );
    let r = s.apply_move(id, v, Stage::Rencana, &TO_SERVICES, "ani", now());
    assert_eq!(r.unwrap(), Saved::Done(v + 1));
    assert_eq!(
        stage_and_last_action(&path, id),
        ("intervensi".into(), "tahap".into())
    );
}
