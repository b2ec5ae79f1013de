//! `meja tugas`: the due list printed from the records, mine or everyone's.

use std::path::Path;
use std::process::Output;

mod common;

use chrono::{Duration, Local};
use meja::domain::approval::Decision;
use meja::domain::followup::FollowUp;
use meja::domain::intake::Intake;
use meja::domain::plan::{ActionStatus, Doer, PlanAction};
use meja::store::Store;

fn meja_as(user: &str, db: &Path, args: &[&str]) -> Output {
    common::meja_command(user)
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("run meja")
}

fn out(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// ani (supervisor) and rina (case manager); one case of rina's with a late plan action, a
/// follow-up due today and its plan waiting for approval; one of nobody's, freshly opened.
fn office(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("meja.db");
    for (user, role) in [("ani", "supervisor"), ("rina", "manajer_kasus")] {
        out(&meja_as(
            "ani",
            &db,
            &["staff", "add", user, "--name", user, "--role", role],
        ));
    }
    let mut s = Store::open(&db).unwrap();
    let now = Local::now();
    let today = now.date_naive();
    let mut i = Intake::default();
    i.reporter.name = "Ibu Rina".into();
    i.reporter.phone = "081234567890".into();
    i.victims[0].name = "Siti Aminah".into();
    i.victims[0].sex = "P".into();
    i.victims[0].age = "30".into();
    i.incident.violence = vec!["fisik".into()];
    i.incident.chronology = "Dipukul suami.".into();
    i.triage.risk = "tinggi".into();
    i.consent.services = "ya".into();
    let rec = i.to_record(today).unwrap();
    let id = s.open_case(&rec, "PPA", "ani", now, None).unwrap().id;
    s.assign(id, 1, "rina", "ani", now).unwrap();
    let earlier = now - Duration::days(10);
    let action = PlanAction {
        id: 0,
        goal: "Visum di RSUD".into(),
        service: "kesehatan".into(),
        doer: Doer::Staff("rina".into()),
        due: Some(today - Duration::days(2)),
        status: ActionStatus::Rencana,
        reason: String::new(),
    };
    s.add_plan_action(id, &action, "rina", earlier)
        .unwrap()
        .unwrap();
    let f = FollowUp {
        id: 0,
        date: today - Duration::days(7),
        kind: "telepon".into(),
        findings: "Aman di rumah orang tua".into(),
        next: Some(today),
    };
    s.add_follow_up(id, &f, "rina", now).unwrap().unwrap();
    let req = Decision::Request { by: "rina".into() };
    s.decide_plan(id, &req, false, "rina", now)
        .unwrap()
        .unwrap();
    i.victims[0].name = "Dewi Lestari".into();
    i.triage.risk = "rendah".into();
    let rec = i.to_record(today).unwrap();
    s.open_case(&rec, "PPA", "ani", now, None).unwrap();
    db
}

#[test]
fn a_case_manager_sees_her_own_list_overdue_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    let text = out(&meja_as("rina", &db, &["tugas"]));
    let late = text.find("TERLAMBAT").expect(&text);
    let today = text.find("HARI INI").expect(&text);
    assert!(late < today, "{text}");
    let action = text.find("Tindakan rencana: Visum di RSUD").expect(&text);
    let follow = text.find("Pemantauan berikutnya").expect(&text);
    assert!(late < action && action < today && today < follow, "{text}");
    // Initials only, never the name; the approval is a supervisor's, not on her list.
    assert!(text.contains("S.A.") && !text.contains("Siti"), "{text}");
    assert!(!text.contains("Persetujuan"), "{text}");
}

#[test]
fn a_supervisor_sees_approvals_and_everyones_list_and_a_case_manager_may_not() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    let mine = out(&meja_as("ani", &db, &["tugas"]));
    assert!(mine.contains("Persetujuan rencana intervensi"), "{mine}");
    let all = out(&meja_as("ani", &db, &["tugas", "--all"]));
    assert!(
        all.contains("Visum di RSUD") && all.contains("D.L."),
        "{all}"
    );
    let rinas = out(&meja_as("ani", &db, &["tugas", "--staff", "rina"]));
    assert!(rinas.contains("Visum di RSUD"), "{rinas}");
    let o = meja_as("rina", &db, &["tugas", "--all"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("tidak boleh"));
}

#[test]
fn the_list_as_csv_has_one_row_per_item() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    let csv = out(&meja_as("rina", &db, &["tugas", "--format", "csv"]));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "kelompok,tanggal,nomor,inisial,risiko,tugas,petugas"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("TERLAMBAT,") && l.contains("Visum"))
    );
    let text = out(&meja_as("rina", &db, &["tugas"]));
    let items = text.lines().filter(|l| l.starts_with("  ")).count();
    assert_eq!(lines.len() - 1, items, "{csv}\n{text}");
}

/// (kind code, case id, detail) of each access-log row.
fn access(db: &Path) -> Vec<(String, Option<i64>, String)> {
    Store::open(db)
        .unwrap()
        .access_log(&meja::store::access::AccessFilter::default())
        .unwrap()
        .into_iter()
        .map(|e| (e.code.to_string(), e.case_id, e.detail))
        .collect()
}

#[test]
fn the_handover_pdf_is_a_new_private_file_and_a_logged_print_of_each_case_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    let pdf = dir.path().join("serah-terima.pdf");
    let o = meja_as(
        "ani",
        &db,
        &[
            "tugas",
            "--all",
            "--format",
            "pdf",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    let said = out(&o);
    assert!(said.contains("serah-terima.pdf"), "{said}");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    // One page, with the items' numbers and initials in it, never a name.
    let text = String::from_utf8_lossy(&bytes);
    let pages = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
    assert_eq!(pages, 1, "one page");
    assert!(
        text.contains("PPA/") && text.contains("S.A."),
        "numbers and initials"
    );
    assert!(!text.contains("Siti") && !text.contains("Aminah"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&pdf).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let prints: Vec<_> = access(&db)
        .into_iter()
        .filter(|(k, _, d)| k == "cetak" && d.starts_with("tugas "))
        .collect();
    assert!(
        !prints.is_empty() && prints.iter().all(|p| p.1.is_some()),
        "{prints:?}"
    );
    // Never over an existing file, never without --out.
    let o = meja_as(
        "ani",
        &db,
        &[
            "tugas",
            "--all",
            "--format",
            "pdf",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("sudah ada"));
    assert_eq!(std::fs::read(&pdf).unwrap(), bytes);
    let o = meja_as("ani", &db, &["tugas", "--format", "pdf"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--out"));
}
