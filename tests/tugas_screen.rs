//! Tugas on screen (F11 / Ctrl-V), driven by keys: a case manager's own list, overdue first,
//! the supervisor's approvals and everyone's list, Enter opening the case where the item is
//! worked, and the board's columns counting their cases with something overdue.

mod common;

use chrono::{Duration, Local, TimeZone};
use common::*;
use meja::domain::approval::Decision;
use meja::domain::followup::FollowUp;
use meja::domain::intake::Intake;
use meja::domain::plan::{ActionStatus, Doer, PlanAction};
use meja::domain::staff::Role;
use meja::store::Store;
use meja::ui::app::Screen;
use ratatui::crossterm::event::KeyCode;

/// The app's clock stands at 23 November 10.15. Two cases opened on 20 November: S.A.
/// (tinggi, rina's) with a plan action two days late, a follow-up due today and its plan
/// waiting for approval; D.L. (rendah, budi's) with a follow-up in three days.
fn office() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(&dir);
    let mut s = Store::open(&path).unwrap();
    add_supervisor(&mut s, "ani");
    add_worker(&mut s, "rina", Role::ManajerKasus);
    add_worker(&mut s, "budi", Role::ManajerKasus);
    let opened = Local.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
    let today = Local.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap();
    let case = |s: &mut Store, name: &str, risk: &str, who: &str| {
        let mut i = Intake::default();
        i.reporter.name = "Ibu Rina".into();
        i.victims[0].name = name.into();
        i.victims[0].sex = "P".into();
        i.victims[0].age = "30".into();
        i.incident.violence = vec!["fisik".into()];
        i.incident.chronology = "Dipukul suami.".into();
        i.triage.risk = risk.into();
        i.consent.services = "ya".into();
        let rec = i.to_record(opened.date_naive()).unwrap();
        let id = s.open_case(&rec, "PPA", "ani", opened, None).unwrap().id;
        s.assign(id, 1, who, "ani", opened).unwrap();
        id
    };
    let a = case(&mut s, "Siti Aminah", "tinggi", "rina");
    let action = PlanAction {
        id: 0,
        goal: "Visum di RSUD".into(),
        service: "kesehatan".into(),
        doer: Doer::Staff("rina".into()),
        due: Some(today.date_naive() - Duration::days(2)),
        status: ActionStatus::Rencana,
        reason: String::new(),
    };
    s.add_plan_action(a, &action, "rina", opened)
        .unwrap()
        .unwrap();
    let visit = |next: i64| FollowUp {
        id: 0,
        date: opened.date_naive(),
        kind: "telepon".into(),
        findings: "Aman di rumah orang tua".into(),
        next: Some(today.date_naive() + Duration::days(next)),
    };
    s.add_follow_up(a, &visit(0), "rina", opened)
        .unwrap()
        .unwrap();
    let req = Decision::Request { by: "rina".into() };
    s.decide_plan(a, &req, false, "rina", today)
        .unwrap()
        .unwrap();
    let b = case(&mut s, "Dewi Lestari", "rendah", "budi");
    s.add_follow_up(b, &visit(3), "budi", opened)
        .unwrap()
        .unwrap();
    (dir, path)
}

#[test]
fn a_case_manager_works_her_own_list_and_opens_the_case_where_the_item_is() {
    let (_dir, path) = office();
    let mut app = AppBuilder::new(&path)
        .staff("rina", Role::ManajerKasus)
        .build();
    key(&mut app, KeyCode::F(11));
    assert_eq!(app.screen(), Screen::Tugas);
    let text = screen_text(&render(&mut app, 160, 48));
    let late = text.find("TERLAMBAT").expect(&text);
    let action = text.find("Tindakan rencana: Visum di RSUD").expect(&text);
    let today = text.find("HARI INI").expect(&text);
    let follow = text.find("Pemantauan berikutnya").expect(&text);
    assert!(late < action && action < today && today < follow, "{text}");
    // Initials only; the approval is a supervisor's, budi's case is not on her list.
    assert!(text.contains("S.A.") && !text.contains("Siti"), "{text}");
    assert!(
        !text.contains("Persetujuan") && !text.contains("D.L."),
        "{text}"
    );
    insta::assert_snapshot!("tugas_mine_80x24", render(&mut app, 80, 24).backend());
    insta::assert_snapshot!("tugas_mine_160x48", render(&mut app, 160, 48).backend());
    // Everyone's list is for a supervisor: refused, the list stays hers.
    typ(&mut app, "a");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("hanya untuk supervisor"), "{text}");
    assert!(!text.contains("D.L."), "{text}");
    // The items in order: the late action, the stage target, today's follow-up.
    let text = screen_text(&render(&mut app, 160, 48));
    assert!(text.contains("Batas waktu tahap Pengaduan"), "{text}");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Case);
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(
        text.contains("Aman di rumah orang tua"),
        "opened at the follow-ups: {text}"
    );
    // Esc goes back to the list.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Tugas);
}

#[test]
fn a_supervisor_sees_the_approval_and_everyones_list_and_the_board_counts_what_is_late() {
    let (_dir, path) = office();
    let mut app = AppBuilder::new(&path)
        .staff("ani", Role::Supervisor)
        .build();
    ctrl(&mut app, 'v');
    assert_eq!(app.screen(), Screen::Tugas);
    let text = screen_text(&render(&mut app, 160, 48));
    assert!(text.contains("Persetujuan rencana intervensi"), "{text}");
    assert!(!text.contains("D.L."), "{text}");
    typ(&mut app, "a");
    let text = screen_text(&render(&mut app, 160, 48));
    assert!(text.contains("semua petugas"), "{text}");
    assert!(text.contains("D.L.") && text.contains("(budi)"), "{text}");
    // The riskiest first within a bucket: S.A.'s items before D.L.'s in the week ahead.
    insta::assert_snapshot!("tugas_everyone_80x24", render(&mut app, 80, 24).backend());
    insta::assert_snapshot!("tugas_everyone_160x48", render(&mut app, 160, 48).backend());
    // The board: one of the two cases in Pengaduan has something overdue.
    key(&mut app, KeyCode::F(3));
    let text = screen_text(&render(&mut app, 160, 48));
    assert!(text.contains("Pengaduan (2 · 1 terlambat)"), "{text}");
    let text = screen_text(&render(&mut app, 80, 24));
    assert!(text.contains("(2 !1)"), "{text}");
    insta::assert_snapshot!(
        "board_overdue_counts_80x24",
        render(&mut app, 80, 24).backend()
    );
}
