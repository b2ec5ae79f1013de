//! `meja simfoni`: the month-end list of victims still to enter into SIMFONI-PPA, the mark
//! "diinput ke SIMFONI" and "berubah sejak diinput", one victim's sheet as text or PDF, and
//! the monthly report's entered / not yet counts.

use std::path::{Path, PathBuf};
use std::process::Output;

mod common;

use chrono::{Datelike, Local};
use meja::domain::intake::Intake;
use meja::store::Store;
use meja::store::casework::CaseEdit;

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

fn this_month() -> String {
    let t = Local::now().date_naive();
    format!("{:02}-{}", t.month(), t.year())
}

fn intake() -> Intake {
    let mut i = Intake::default();
    i.reporter.channel = "sapa129_wa".into();
    let v = &mut i.victims[0];
    v.name = "Siti Aminah".into();
    v.sex = "P".into();
    v.age = "30".into();
    v.address = "Jl. Melati 3".into();
    v.domicile = "Jl. Mawar 9".into();
    v.education = "slta".into();
    v.occupation = "irt".into();
    v.marital = "menikah".into();
    v.nationality = "wni".into();
    i.incident.place = "daring".into();
    i.incident.violence = vec!["psikis".into()];
    i.triage.risk = "sedang".into();
    i.triage.authority = "daerah".into();
    i.consent.services = "ya".into();
    i
}

/// ani (supervisor) and rina (case manager); case 1 with one victim, case 2 with two.
fn office(dir: &Path) -> (PathBuf, Intake) {
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
    let one = intake();
    s.open_case(&one.to_record(today).unwrap(), "PPA", "ani", now, None)
        .unwrap();
    let mut two = intake();
    two.victims[0].name = "Dewi Lestari".into();
    two.add_victim();
    two.victims[1].name = "Putri Ayu".into();
    two.victims[1].sex = "P".into();
    two.victims[1].age = "9".into();
    two.victims[1].ampk = vec!["i".into()];
    s.open_case(&two.to_record(today).unwrap(), "PPA", "ani", now, None)
        .unwrap();
    (db, one)
}

fn number(n: u32) -> String {
    format!("PPA/{}/{n:04}", Local::now().year())
}

#[test]
fn the_month_end_list_shows_who_is_still_to_enter_and_who_changed_since() {
    let dir = tempfile::tempdir().unwrap();
    let (db, one) = office(dir.path());
    let month = this_month();
    let list = out(&meja_as("ani", &db, &["simfoni", "--month", &month]));
    assert!(list.contains("3 belum diinput · 0 berubah"), "{list}");
    // A list: initials, never names.
    assert!(
        list.contains("1 S.A. P 30") && list.contains("2 P.A. P 9"),
        "{list}"
    );
    assert!(!list.contains("Siti") && !list.contains("Putri"), "{list}");

    let first = number(1);
    let marked = out(&meja_as(
        "ani",
        &db,
        &["simfoni", "--case", &first, "--mark", "--ref", "SIM-7781"],
    ));
    assert!(marked.contains("ditandai diinput"), "{marked}");
    let list = out(&meja_as("ani", &db, &["simfoni", "--month", &month]));
    assert!(list.contains("2 belum diinput · 0 berubah"), "{list}");
    assert!(
        !list.contains(&first),
        "an entered victim leaves the list: {list}"
    );

    // A note changes nothing SIMFONI holds; an edit of the case does.
    let mut s = Store::open(&db).unwrap();
    let id = s.find_case_number(&first).unwrap().unwrap();
    s.add_note(id, "Menelepon ibu korban.", "ani", Local::now())
        .unwrap();
    let list = out(&meja_as("ani", &db, &["simfoni", "--month", &month]));
    assert!(!list.contains(&first), "{list}");
    let mut after = one.clone();
    after.victims[0].occupation = "swasta_buruh".into();
    let rec = after.to_record(Local::now().date_naive()).unwrap();
    let version = s.case_file(id).unwrap().unwrap().card.version;
    s.update_case(
        id,
        version,
        &CaseEdit {
            before: &one,
            after: &after,
            record: &rec,
        },
        "ani",
        Local::now(),
    )
    .unwrap();
    let list = out(&meja_as("ani", &db, &["simfoni", "--month", &month]));
    assert!(list.contains("2 belum diinput · 1 berubah"), "{list}");
    let line = list.lines().find(|l| l.starts_with(&first)).expect(&list);
    assert!(
        line.contains("oleh ani") && line.contains("SIM-7781") && line.contains("berubah sejak"),
        "{line}"
    );

    let csv = out(&meja_as(
        "ani",
        &db,
        &["simfoni", "--month", &month, "--format", "csv"],
    ));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "nomor_kasus,tanggal_lapor,korban_ke,inisial,jenis_kelamin,umur,status,keterangan"
    );
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(lines[1].starts_with(&format!("{first},")) && lines[1].contains(",berubah,"));
    assert!(lines.iter().filter(|l| l.contains(",belum,")).count() == 2);

    // A month before the cases: nothing to enter.
    let empty = out(&meja_as("ani", &db, &["simfoni", "--month", "01-2020"]));
    assert!(empty.contains("Semua korban sudah diinput"), "{empty}");

    // The monthly report says how many are entered and how many not yet.
    let t = Local::now().date_naive();
    let from = format!("01-{:02}-{}", t.month(), t.year());
    let to = t.format("%d-%m-%Y").to_string();
    let report = out(&meja_as(
        "ani",
        &db,
        &["report", "--from", &from, "--to", &to],
    ));
    let figure = |label: &str| {
        report
            .lines()
            .find(|l| l.contains(label))
            .unwrap_or_else(|| panic!("{label}: {report}"))
            .split_whitespace()
            .last()
            .unwrap()
            .to_string()
    };
    assert_eq!(figure("Korban sudah diinput ke SIMFONI"), "0");
    assert_eq!(figure("Korban berubah sejak diinput"), "1");
    assert_eq!(figure("Korban belum diinput ke SIMFONI"), "2");
}

#[test]
fn the_sheet_of_a_victim_prints_simfonis_values_and_is_access_logged() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = office(dir.path());
    let second = number(2);
    let text = out(&meja_as(
        "ani",
        &db,
        &["simfoni", "--case", &second, "--victim", "2"],
    ));
    assert!(text.contains("Lembar SIMFONI-PPA"), "{text}");
    assert!(text.contains("Korban 2 dari 2"), "{text}");
    assert!(
        text.contains("Putri Ayu"),
        "inside a case, the full name: {text}"
    );
    assert!(
        text.contains("Anak yang Memerlukan Perlindungan Khusus") || text.contains("KtP dan AMPK"),
        "{text}"
    );
    assert!(text.contains("Lainnya (Ranah daring)"), "{text}");
    assert!(text.contains("SAPA 129 (WhatsApp)"), "{text}");
    assert!(text.contains("belum diinput"), "{text}");

    let pdf = dir.path().join("lembar.pdf");
    let msg = out(&meja_as(
        "ani",
        &db,
        &[
            "simfoni",
            "--case",
            &second,
            "--format",
            "pdf",
            "--out",
            pdf.to_str().unwrap(),
        ],
    ));
    assert!(msg.contains("ditulis ke"), "{msg}");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&pdf).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // Never over a file it did not make.
    let again = meja_as(
        "ani",
        &db,
        &[
            "simfoni",
            "--case",
            &second,
            "--format",
            "pdf",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(std::fs::read(&pdf).unwrap(), bytes);

    let log = out(&meja_as("ani", &db, &["audit", "--case", &second]));
    assert_eq!(
        log.lines().filter(|l| l.contains("lembar SIMFONI")).count(),
        2,
        "the terminal print and the PDF: {log}"
    );
}

#[test]
fn bad_requests_are_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = office(dir.path());
    let first = number(1);
    for (args, words) in [
        (
            vec!["simfoni", "--month", "November"],
            "bulan tidak terbaca",
        ),
        (vec!["simfoni"], "--month"),
        (
            vec!["simfoni", "--case", &first, "--victim", "3"],
            "tidak punya korban ke-3",
        ),
        (
            vec!["simfoni", "--case", "PPA/1999/0001"],
            "tidak ditemukan",
        ),
        (
            vec!["simfoni", "--case", &first, "--format", "pdf"],
            "--out",
        ),
        (
            vec!["simfoni", "--month", "11-2026", "--format", "pdf"],
            "--format pdf",
        ),
    ] {
        let o = meja_as("ani", &db, &args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(words), "{args:?}: {err}");
    }
    // Reporting work: a case manager may not.
    let o = meja_as("rina", &db, &["simfoni", "--month", &this_month()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("tidak boleh"));
}

#[test]
fn a_service_given_after_the_mark_flags_the_victim_and_a_new_mark_clears_it() {
    use meja::domain::plan::Doer;
    use meja::domain::service::ServiceGiven;
    use meja::domain::simfoni::EntryState;
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = office(dir.path());
    let mut s = Store::open(&db).unwrap();
    let id = s.find_case_number(&number(2)).unwrap().unwrap();
    let now = Local::now();
    assert!(s.mark_simfoni(id, 1, " SIM-1 ", "ani", now).unwrap());
    assert!(
        !s.mark_simfoni(id, 2, "", "ani", now).unwrap(),
        "no third victim"
    );
    let states = s.simfoni_states(id).unwrap();
    assert_eq!(states[0], EntryState::NotEntered);
    let EntryState::Entered(e) = &states[1] else {
        panic!("{states:?}")
    };
    assert_eq!((e.by.as_str(), e.reference.as_str()), ("ani", "SIM-1"));

    let girl: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT id FROM persons WHERE case_id = ?1 AND role = 'korban' AND ord = 1",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    let given = ServiceGiven {
        id: 0,
        date: now.date_naive(),
        service: "psikologis".into(),
        victim_id: girl,
        given_by: Doer::Staff("ani".into()),
        note: String::new(),
    };
    s.give_service(id, &given, None, "ani", now)
        .unwrap()
        .unwrap();
    let states = s.simfoni_states(id).unwrap();
    assert!(
        matches!(states[1], EntryState::Changed { .. }),
        "{states:?}"
    );
    // The sheet shows it under SIMFONI's service, with its date.
    let sheet = meja::tasks::simfoni::load(&s, id, 1, meja::i18n::Lang::Id)
        .unwrap()
        .unwrap();
    let rehab = sheet
        .lines
        .iter()
        .find(|l| l.field == meja::domain::simfoni::SheetField::Service("rehabilitasi_sosial"))
        .unwrap();
    assert_eq!(
        rehab.value,
        format!("Ya ({})", now.date_naive().format("%d-%m-%Y"))
    );
    assert!(s.mark_simfoni(id, 1, "", "ani", now).unwrap());
    assert!(matches!(
        s.simfoni_states(id).unwrap()[1],
        EntryState::Entered(_)
    ));
}
