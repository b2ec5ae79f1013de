//! The legal side of a case (issues 18, 19): qualification, legal events, the law's clocks
//! and checklist, mediation and its guard — in the store, through `meja hukum` and `meja
//! tugas`, and after migrating the schema-10 fixture.

use std::path::{Path, PathBuf};
use std::process::Output;

mod common;

use chrono::{DateTime, Duration, Local, NaiveDate, TimeZone};
use meja::domain::due::{self, Bucket, DueKind, Scope};
use meja::domain::intake::{Intake, Perpetrator};
use meja::domain::law::{self, ClockKind, ClockState, Limits, MediationRefused};
use meja::domain::legal::{
    Detail, EventIssue, EventKind, Matter, MediationIssue, NewEvent, QualificationIssue, Step,
};
use meja::store::Store;

fn now() -> DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 10, 9, 0, 0).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn at(d: u32, h: u32) -> DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, d, h, 0, 0).unwrap()
}

fn q(codes: &[&str]) -> Vec<String> {
    codes.iter().map(|c| c.to_string()).collect()
}

/// A case of `violence` against an adult woman, `risk`, with one alleged perpetrator of
/// `age` and `relation`, opened at `opened`.
fn intake(violence: &[&str], risk: &str, perp: (&str, &str)) -> Intake {
    let mut i = Intake::default();
    i.reporter.name = "Ibu Rina Wulandari".into();
    i.reporter.phone = "081234567890".into();
    i.victims[0].name = "Nur Aini".into();
    i.victims[0].sex = "P".into();
    i.victims[0].age = "24".into();
    i.perpetrators = vec![Perpetrator {
        name: "Budi".into(),
        sex: "L".into(),
        age: perp.0.into(),
        relation: perp.1.into(),
        ..Default::default()
    }];
    i.incident.violence = q(violence);
    i.incident.chronology = "Korban melapor ke kantor.".into();
    i.triage.risk = risk.into();
    i.consent.services = "ya".into();
    i
}

fn open_case(s: &mut Store, i: &Intake, opened: DateTime<Local>) -> i64 {
    let rec = i.to_record(opened.date_naive()).unwrap();
    s.open_case(&rec, "PPA", "ani", opened, None).unwrap().id
}

fn temp_store() -> (tempfile::TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meja.db");
    let s = Store::open(&path).unwrap();
    (dir, path, s)
}

/// (action, field, old, new) of a history row.
type HistoryRow = (String, Option<String>, Option<String>, Option<String>);

/// Each history row of a case, oldest first.
fn history(path: &Path, case: i64) -> Vec<HistoryRow> {
    let c = rusqlite::Connection::open(path).unwrap();
    c.prepare(
        "SELECT action, field, old_value, new_value FROM case_history WHERE case_id = ?1
         ORDER BY id",
    )
    .unwrap()
    .query_map([case], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
    .unwrap()
    .map(|r| r.unwrap())
    .collect()
}

fn police_report(date: NaiveDate) -> NewEvent {
    NewEvent {
        date,
        detail: Detail::LaporanPolisi {
            unit: "Unit PPA Polres Metro".into(),
            number: "LP/B/123/XI/2026".into(),
            investigator: "Bripka Sari".into(),
            time: None,
        },
        next: None,
        note: String::new(),
    }
}

#[test]
fn a_sexual_violence_case_is_refused_a_qualification_without_its_tpks_kind() {
    let (_d, path, mut s) = temp_store();
    let id = open_case(
        &mut s,
        &intake(&["seksual"], "rendah", ("35", "lainnya")),
        now(),
    );
    assert_eq!(
        s.set_legal_qualifications(id, &q(&["uu_pa"]), "ani", now())
            .unwrap(),
        Err(vec![QualificationIssue::SexualNeedsTpksKind])
    );
    assert!(s.legal_qualifications(id).unwrap().is_empty());
    s.set_legal_qualifications(id, &q(&["uu_pa", "tpks_belum_diketahui"]), "ani", now())
        .unwrap()
        .unwrap();
    // Vocabulary order, whatever the order typed.
    assert_eq!(
        s.legal_qualifications(id).unwrap(),
        q(&["tpks_belum_diketahui", "uu_pa"])
    );
    // Set again: one dropped, one added, each a history row.
    s.set_legal_qualifications(id, &q(&["tpks_perkosaan", "uu_pa"]), "ani", at(10, 10))
        .unwrap()
        .unwrap();
    let h: Vec<_> = history(&path, id)
        .into_iter()
        .filter(|(a, f, _, _)| a == "hukum" && f.as_deref() == Some("kualifikasi"))
        .map(|(_, _, o, n)| (o, n))
        .collect();
    assert_eq!(
        h,
        vec![
            (None, Some("uu_pa".into())),
            (None, Some("tpks_belum_diketahui".into())),
            (Some("tpks_belum_diketahui".into()), None),
            (None, Some("tpks_perkosaan".into())),
        ]
    );
}

#[test]
fn recording_the_police_report_stops_the_tpks_clock() {
    let (_d, _p, mut s) = temp_store();
    let id = open_case(
        &mut s,
        &intake(&["seksual"], "rendah", ("35", "lainnya")),
        now(),
    );
    s.set_legal_qualifications(id, &q(&["tpks_perkosaan"]), "ani", now())
        .unwrap()
        .unwrap();
    let l = Limits::default();
    let clocks = law::clocks(&s.clock_facts(id).unwrap(), &l);
    assert_eq!(clocks.len(), 1);
    assert_eq!(clocks[0].kind, ClockKind::TpksPoliceReport);
    assert_eq!(clocks[0].started, now().naive_local());
    assert_eq!(
        clocks[0].state(at(12, 9).naive_local()),
        ClockState::Running { hours_left: 24 }
    );
    assert_eq!(
        clocks[0].state(at(13, 15).naive_local()),
        ClockState::Breached { hours_over: 6 }
    );
    // The due list: breached, overdue, with the hours.
    let legal = s.legal_due(day(20)).unwrap();
    let items = due::legal_list(&legal, &l, at(13, 15).naive_local(), 7, &Scope::Everyone);
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].bucket, Bucket::Overdue);
    assert_eq!(items[0].initials, "N.A.");
    // Recorded on the 11th at 16:00 (no time given: the moment it was recorded).
    s.add_legal_event(id, &police_report(day(11)), "ani", at(11, 16))
        .unwrap()
        .unwrap();
    let clocks = law::clocks(&s.clock_facts(id).unwrap(), &l);
    assert_eq!(
        clocks[0].stopped,
        Some(at(11, 16).naive_local()),
        "stopped when recorded"
    );
    assert_eq!(clocks[0].state(at(20, 0).naive_local()), ClockState::Met);
    assert!(s.legal_due(day(20)).unwrap().is_empty());
}

#[test]
fn the_first_service_or_first_contact_stops_the_first_service_clock() {
    let (_d, _p, mut s) = temp_store();
    let id = open_case(
        &mut s,
        &intake(&["fisik"], "sedang", ("40", "lainnya")),
        now(),
    );
    let l = Limits::default();
    let facts = s.clock_facts(id).unwrap();
    let c = law::clocks(&facts, &l);
    assert_eq!(c[0].kind, ClockKind::FirstService);
    assert_eq!(c[0].deadline, at(10, 15).naive_local());
    assert!(matches!(
        c[0].state(at(10, 16).naive_local()),
        ClockState::Breached { hours_over: 1 }
    ));
    let victim = s.victim_ids(id).unwrap()[0];
    let service = meja::domain::service::ServiceGiven {
        id: 0,
        date: day(10),
        service: "psikologis".into(),
        victim_id: victim,
        given_by: meja::domain::plan::Doer::Staff("ani".into()),
        note: String::new(),
    };
    s.give_service(id, &service, None, "ani", at(10, 13))
        .unwrap()
        .unwrap();
    let c = law::clocks(&s.clock_facts(id).unwrap(), &l);
    assert_eq!(c[0].state(at(10, 16).naive_local()), ClockState::Met);
    // A follow-up alone (first contact) stops it too.
    let other = open_case(
        &mut s,
        &intake(&["fisik"], "tinggi", ("40", "lainnya")),
        now(),
    );
    let f = meja::domain::followup::FollowUp {
        id: 0,
        date: day(10),
        kind: "telepon".into(),
        findings: "Korban aman".into(),
        next: None,
    };
    s.add_follow_up(other, &f, "ani", at(10, 12))
        .unwrap()
        .unwrap();
    let c = law::clocks(&s.clock_facts(other).unwrap(), &l);
    assert_eq!(c[0].state(at(11, 0).naive_local()), ClockState::MetLate);
}

#[test]
fn legal_events_are_recorded_checked_and_their_next_dates_join_the_due_list() {
    let (_d, path, mut s) = temp_store();
    let id = open_case(
        &mut s,
        &intake(&["fisik"], "rendah", ("40", "suami_istri")),
        now(),
    );
    let bad = NewEvent {
        detail: Detail::LaporanPolisi {
            unit: String::new(),
            number: "LP/1".into(),
            investigator: String::new(),
            time: None,
        },
        ..police_report(day(10))
    };
    assert_eq!(
        s.add_legal_event(id, &bad, "ani", now()).unwrap(),
        Err(vec![EventIssue::UnitRequired])
    );
    let hearing = NewEvent {
        date: day(10),
        detail: Detail::Sidang {
            court: "PN Metro".into(),
            case_number: "12/Pid.Sus/2026/PN Mtr".into(),
            what_happened: "Dakwaan dibacakan".into(),
            accompanied_by: "ani".into(),
            next_hearing: Some(day(17)),
        },
        next: None,
        note: String::new(),
    };
    s.add_legal_event(id, &hearing, "ani", now())
        .unwrap()
        .unwrap();
    let events = s.legal_events(id).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].next, Some(day(17)));
    assert_eq!(
        meja::domain::legal::hearing_soon(&events, day(10)),
        Some(day(17))
    );
    let legal = s.legal_due(day(17)).unwrap();
    let items = due::legal_list(
        &legal,
        &Limits::default(),
        now().naive_local(),
        7,
        &Scope::Everyone,
    );
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].kind, DueKind::LegalNext(EventKind::Sidang));
    assert_eq!(items[0].due, day(17));
    // The record is append-only: a raw UPDATE is refused.
    let c = rusqlite::Connection::open(&path).unwrap();
    assert!(
        c.execute("UPDATE legal_events SET date = '2026-01-01'", [])
            .is_err()
    );
    assert!(c.execute("DELETE FROM legal_events", []).is_err());
    // The report counts cases reported to the police and verdicts in the period.
    s.add_legal_event(id, &police_report(day(10)), "ani", now())
        .unwrap()
        .unwrap();
    let verdict = NewEvent {
        date: day(10),
        detail: Detail::Putusan {
            sentence: "Penjara 2 tahun".into(),
        },
        next: None,
        note: String::new(),
    };
    s.add_legal_event(id, &verdict, "ani", now())
        .unwrap()
        .unwrap();
    assert_eq!(s.legal_counts(day(1), day(30)).unwrap(), (1, 1));
    assert_eq!(s.legal_counts(day(11), day(30)).unwrap(), (0, 0));
    let r = s
        .report(day(1), day(30), &Default::default(), day(30))
        .unwrap();
    assert_eq!((r.police_reports, r.verdicts), (1, 1));
}

#[test]
fn mediation_on_a_tpks_case_is_refused_unless_a_perpetrator_is_a_child() {
    let (_d, _p, mut s) = temp_store();
    let assess = Step::Asesmen {
        matter: Matter::DelikAduan,
        free_decision: true,
        assessed_by: "Rina (pekerja sosial)".into(),
        note: String::new(),
    };
    let adult = open_case(
        &mut s,
        &intake(&["seksual"], "rendah", ("35", "lainnya")),
        now(),
    );
    s.set_legal_qualifications(adult, &q(&["tpks_cabul"]), "ani", now())
        .unwrap()
        .unwrap();
    assert_eq!(
        s.add_mediation(adult, day(10), &assess, "ani", now())
            .unwrap(),
        Err(vec![MediationIssue::Refused(
            MediationRefused::TpksAdultPerpetrator
        )])
    );
    assert!(s.mediation_records(adult).unwrap().is_empty());
    let child = open_case(
        &mut s,
        &intake(&["seksual"], "rendah", ("16", "pacar_teman")),
        now(),
    );
    s.set_legal_qualifications(child, &q(&["tpks_cabul"]), "ani", now())
        .unwrap()
        .unwrap();
    s.add_mediation(child, day(10), &assess, "ani", now())
        .unwrap()
        .unwrap();
    let agreement = Step::Kesepakatan {
        points: "Permintaan maaf tertulis; tidak mendekati korban".into(),
        follow_up: Some(day(24)),
    };
    s.add_mediation(child, day(10), &agreement, "ani", now())
        .unwrap()
        .unwrap();
    let legal = s.legal_due(day(24)).unwrap();
    let items = due::legal_list(
        &legal,
        &Limits::default(),
        now().naive_local(),
        14,
        &Scope::Everyone,
    );
    assert!(
        items
            .iter()
            .any(|i| i.kind == DueKind::MediationFollowUp && i.due == day(24)),
        "{items:?}"
    );
}

#[test]
fn the_checklist_is_ticked_once_and_a_takedown_is_a_service_given() {
    let (_d, path, mut s) = temp_store();
    let id = open_case(
        &mut s,
        &intake(&["seksual"], "rendah", ("35", "lainnya")),
        now(),
    );
    s.set_legal_qualifications(id, &q(&["tpks_ksbe"]), "ani", now())
        .unwrap()
        .unwrap();
    let facts = s.legal_facts(id, day(10)).unwrap();
    assert_eq!(
        facts.prompts(),
        vec![
            law::Prompt::TakeDownContent,
            law::Prompt::TellRestitutionAndLpsk
        ]
    );
    assert!(
        s.tick_legal_checklist(id, "hak_restitusi_lpsk", day(10), "ani", now())
            .unwrap()
    );
    assert!(
        !s.tick_legal_checklist(id, "hak_restitusi_lpsk", day(11), "ani", now())
            .unwrap(),
        "a second tick changes nothing"
    );
    let victim = s.victim_ids(id).unwrap()[0];
    s.request_takedown(
        id,
        victim,
        day(10),
        "Permintaan penghapusan konten",
        "ani",
        now(),
    )
    .unwrap()
    .unwrap();
    let ticked: Vec<String> = s
        .legal_checklist(id)
        .unwrap()
        .into_iter()
        .map(|(i, _, _)| i)
        .collect();
    assert_eq!(ticked, q(&["hak_restitusi_lpsk", "penghapusan_konten"]));
    let given = s.services_given(id).unwrap();
    assert_eq!(given.len(), 1);
    assert_eq!(given[0].service, "bantuan_hukum");
    let c = rusqlite::Connection::open(&path).unwrap();
    assert!(
        c.execute(
            "INSERT OR REPLACE INTO legal_checklist VALUES (?1, 'hak_restitusi_lpsk', '2026-11-01', 'x', 'x')",
            [id]
        )
        .is_err(),
        "a tick cannot be rewritten"
    );
    // A spouse-only PKDRT case notes the complaint offence.
    let kdrt = open_case(
        &mut s,
        &intake(&["fisik"], "rendah", ("40", "suami_istri")),
        now(),
    );
    s.set_legal_qualifications(kdrt, &q(&["pkdrt_fisik"]), "ani", now())
        .unwrap()
        .unwrap();
    assert_eq!(
        s.legal_facts(kdrt, day(10)).unwrap().prompts(),
        vec![law::Prompt::ComplaintOffence]
    );
}

const V10: &str = "tests/fixtures/v10.db";

#[test]
fn migrating_v10_adds_empty_legal_records_and_starts_the_clocks_at_the_migration() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    std::fs::copy(V10, &db).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let before = Local::now();
    let (from, to) = Store::migrate_file(&db).unwrap();
    assert_eq!((from, to), (10, meja::store::schema::latest()));
    let mut s = Store::open(&db).unwrap();
    let c = rusqlite::Connection::open(&db).unwrap();
    let version: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, meja::store::schema::latest());
    for table in [
        "legal_qualifications",
        "legal_events",
        "mediation_records",
        "legal_checklist",
    ] {
        let n: i64 = c
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0, "{table}");
    }
    // Old cases had no place to record a first service or police report: no clock for them,
    // however high their risk, so the due list is not flooded with breaches nobody could stop.
    let since = s
        .clocks_since()
        .unwrap()
        .expect("set for an existing database");
    assert!(
        since >= (before - Duration::seconds(2)).naive_local(),
        "{since}"
    );
    let ids: Vec<i64> = c
        .prepare("SELECT id FROM cases WHERE risk IN ('tinggi', 'sedang')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(!ids.is_empty(), "the fixture has risky cases");
    for id in &ids {
        let facts = s.clock_facts(*id).unwrap();
        assert!(
            law::clocks(&facts, &Limits::default()).is_empty(),
            "case {id}"
        );
    }
    // New records can be written on a migrated case.
    let id = ids[0];
    s.add_legal_event(
        id,
        &police_report(Local::now().date_naive()),
        "sup",
        Local::now(),
    )
    .unwrap()
    .unwrap();
    assert_eq!(s.legal_events(id).unwrap().len(), 1);
    // A new database has no such cut-off.
    let (_d, _p, fresh) = temp_store();
    assert_eq!(fresh.clocks_since().unwrap(), None);
}

// The command line.

fn meja_as(user: &str, db: &Path, args: &[&str]) -> Output {
    common::meja_command(user)
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("run meja")
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn refused(o: &Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// ani (supervisor), rina (case manager of the case), budi (case manager of another), and
/// sari (petugas); one case of sexual violence by an adult, opened just now, rina's.
fn office(dir: &Path) -> (PathBuf, String) {
    let db = dir.join("meja.db");
    for (user, role) in [
        ("ani", "supervisor"),
        ("rina", "manajer_kasus"),
        ("budi", "manajer_kasus"),
        ("sari", "petugas"),
    ] {
        ok(&meja_as(
            "ani",
            &db,
            &["staff", "add", user, "--name", user, "--role", role],
        ));
    }
    let mut s = Store::open(&db).unwrap();
    let now = Local::now();
    let id = open_case(
        &mut s,
        &intake(&["seksual"], "rendah", ("35", "lainnya")),
        now,
    );
    s.assign(id, 1, "rina", "ani", now).unwrap();
    let number = s.cards(&[id]).unwrap()[0].number.clone();
    (db, number)
}

#[test]
fn the_case_manager_records_the_legal_side_and_a_petugas_only_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let (db, n) = office(dir.path());
    // A sexual-violence case asks for its TPKS kind.
    let e = refused(&meja_as("rina", &db, &["hukum", "qualify", &n, "uu_pa"]));
    assert!(e.contains("Seksual"), "{e}");
    let shown = ok(&meja_as("sari", &db, &["hukum", "show", &n]));
    assert!(shown.contains("tetapkan jenis TPKS"), "{shown}");
    // Who may record: the case's manager and the supervisor, not another manager or petugas.
    for user in ["budi", "sari"] {
        let e = refused(&meja_as(
            user,
            &db,
            &["hukum", "qualify", &n, "tpks_perkosaan"],
        ));
        assert!(e.contains("tidak boleh"), "{user}: {e}");
    }
    ok(&meja_as(
        "rina",
        &db,
        &["hukum", "qualify", &n, "tpks_perkosaan", "uu_pa"],
    ));
    // The TPKS clock runs and is on rina's due list with what to do.
    let tugas = ok(&meja_as("rina", &db, &["tugas"]));
    assert!(
        tugas.contains("Laporkan kasus TPKS ke polisi sebelum"),
        "{tugas}"
    );
    assert!(
        tugas.contains("sisa 71 jam") || tugas.contains("sisa 72 jam"),
        "{tugas}"
    );
    assert!(!tugas.contains("Nur Aini"), "initials only: {tugas}");
    // A police report without its unit is refused with the flag named.
    let today = Local::now().format("%d-%m-%Y").to_string();
    let e = refused(&meja_as(
        "rina",
        &db,
        &[
            "hukum",
            "event",
            &n,
            "laporan_polisi",
            "--date",
            &today,
            "--number",
            "LP/B/9",
        ],
    ));
    assert!(e.contains("--unit"), "{e}");
    ok(&meja_as(
        "rina",
        &db,
        &[
            "hukum",
            "event",
            &n,
            "laporan_polisi",
            "--date",
            &today,
            "--unit",
            "Unit PPA Polres Metro",
            "--number",
            "LP/B/9/XII/2026",
        ],
    ));
    let tugas = ok(&meja_as("rina", &db, &["tugas"]));
    assert!(
        !tugas.contains("Laporkan kasus TPKS"),
        "the clock stopped: {tugas}"
    );
    ok(&meja_as("ani", &db, &["hukum", "told", &n]));
    // Mediation is refused with the reason: TPKS, an adult perpetrator.
    let e = refused(&meja_as(
        "rina",
        &db,
        &[
            "hukum",
            "mediation",
            &n,
            "asesmen",
            "--date",
            &today,
            "--matter",
            "delik_aduan",
            "--free-decision",
            "--assessed-by",
            "rina",
        ],
    ));
    assert!(e.contains("Pasal 23"), "{e}");
    let shown = ok(&meja_as("sari", &db, &["hukum", "show", &n]));
    for want in [
        "TPKS: perkosaan",
        "UU Perlindungan Anak",
        "Lapor ke polisi (UU TPKS Pasal 41)",
        "terpenuhi",
        "[x] Korban diberi tahu hak restitusi dan LPSK",
        "Laporan polisi — Unit PPA Polres Metro, LP/B/9/XII/2026",
        "Mediasi tidak boleh dicatat",
    ] {
        assert!(shown.contains(want), "{want}: {shown}");
    }
    // Reading the case's legal side is in the access log.
    let s = Store::open(&db).unwrap();
    let log = s
        .access_log(&meja::store::access::AccessFilter {
            staff: Some("sari".into()),
            ..Default::default()
        })
        .unwrap();
    assert!(log.iter().any(|e| e.detail == "hukum"), "{log:?}");
}

#[test]
fn a_hearing_s_next_date_and_a_mediation_on_a_civil_matter_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    ok(&meja_as(
        "ani",
        &db,
        &[
            "staff",
            "add",
            "ani",
            "--name",
            "ani",
            "--role",
            "supervisor",
        ],
    ));
    let mut s = Store::open(&db).unwrap();
    let now = Local::now();
    let id = open_case(
        &mut s,
        &intake(&["penelantaran"], "rendah", ("40", "suami_istri")),
        now,
    );
    let n = s.cards(&[id]).unwrap()[0].number.clone();
    drop(s);
    let d = |days: i64| (now + Duration::days(days)).format("%d-%m-%Y").to_string();
    ok(&meja_as(
        "ani",
        &db,
        &["hukum", "qualify", &n, "pkdrt_penelantaran"],
    ));
    ok(&meja_as(
        "ani",
        &db,
        &[
            "hukum",
            "event",
            &n,
            "sidang",
            "--date",
            &d(0),
            "--court",
            "PA Metro",
            "--next-hearing",
            &d(5),
            "--what",
            "Mediasi pengadilan",
        ],
    ));
    let shown = ok(&meja_as("ani", &db, &["hukum", "show", &n]));
    assert!(shown.contains("Sidang dalam 7 hari"), "{shown}");
    assert!(shown.contains("delik aduan"), "spouse-only PKDRT: {shown}");
    // A session before any assessment is refused; after one, recorded.
    let e = refused(&meja_as(
        "ani",
        &db,
        &[
            "hukum",
            "mediation",
            &n,
            "sesi",
            "--date",
            &d(0),
            "--attended",
            "korban, suami",
            "--result",
            "sepakat",
        ],
    ));
    assert!(e.contains("asesmen"), "{e}");
    ok(&meja_as(
        "ani",
        &db,
        &[
            "hukum",
            "mediation",
            &n,
            "asesmen",
            "--date",
            &d(0),
            "--matter",
            "perdata",
            "--free-decision",
            "--assessed-by",
            "Rina (pekerja sosial)",
        ],
    ));
    ok(&meja_as(
        "ani",
        &db,
        &[
            "hukum",
            "mediation",
            &n,
            "kesepakatan",
            "--date",
            &d(0),
            "--points",
            "Nafkah anak Rp1.500.000 per bulan",
            "--follow-up",
            &d(3),
        ],
    ));
    let tugas = ok(&meja_as("ani", &db, &["tugas", "--all"]));
    assert!(tugas.contains("Dampingi sidang berikutnya"), "{tugas}");
    assert!(
        tugas.contains("Periksa apakah kesepakatan mediasi ditepati"),
        "{tugas}"
    );
    let e = refused(&meja_as(
        "ani",
        &db,
        &["hukum", "event", &n, "banding", "--date", &d(0)],
    ));
    assert!(e.contains("laporan_polisi"), "{e}");
}

#[test]
fn the_clocks_run_on_the_office_s_clock_with_the_configured_limits() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    ok(&meja_as(
        "ani",
        &db,
        &[
            "staff",
            "add",
            "ani",
            "--name",
            "ani",
            "--role",
            "supervisor",
        ],
    ));
    let mut s = Store::open(&db).unwrap();
    // 00:30 UTC on 10 November: 07:30 in WIB, 09:30 in WIT.
    let opened = chrono::Utc
        .with_ymd_and_hms(2026, 11, 10, 0, 30, 0)
        .unwrap()
        .with_timezone(&Local);
    let id = open_case(
        &mut s,
        &intake(&["seksual"], "sedang", ("35", "lainnya")),
        opened,
    );
    s.set_legal_qualifications(id, &q(&["tpks_perkosaan"]), "ani", opened)
        .unwrap()
        .unwrap();
    let n = s.cards(&[id]).unwrap()[0].number.clone();
    drop(s);
    let show = |zone: &str, clocks: &str| {
        let config = dir.path().join(format!("{}.toml", zone.replace('/', "_")));
        std::fs::write(
            &config,
            format!("[office]\ntimezone = \"{zone}\"\n[clocks]\n{clocks}\n"),
        )
        .unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let config = config.display().to_string();
        ok(&meja_as(
            "ani",
            &db,
            &["--config", &config, "hukum", "show", &n],
        ))
    };
    let wib = show("Asia/Jakarta", "");
    assert!(wib.contains("batas 13-11-2026 07:30"), "{wib}");
    assert!(
        wib.contains("Layanan pertama: batas 10-11-2026 13:30"),
        "{wib}"
    );
    let wit = show("Asia/Jayapura", "first_service_sedang_hours = 2");
    assert!(wit.contains("batas 13-11-2026 09:30"), "{wit}");
    assert!(
        wit.contains("Layanan pertama: batas 10-11-2026 11:30"),
        "{wit}"
    );
}

// The board card's marks.

#[test]
fn a_board_card_shows_the_police_clock_s_hours_and_a_hearing_this_week_without_colour() {
    use common::{AppBuilder, key, render, screen_text};
    use ratatui::crossterm::event::KeyCode;
    let (_d, path, mut s) = temp_store();
    common::add_supervisor(&mut s, "ani");
    // Opened at 09:00 on the 23rd; the test clock is 10:15 that day: 70 whole hours left.
    let opened = at(23, 9);
    let id = open_case(
        &mut s,
        &intake(&["seksual"], "rendah", ("35", "lainnya")),
        opened,
    );
    s.set_legal_qualifications(id, &q(&["tpks_perkosaan"]), "ani", opened)
        .unwrap()
        .unwrap();
    let other = open_case(
        &mut s,
        &intake(&["fisik"], "rendah", ("40", "suami_istri")),
        opened,
    );
    let hearing = NewEvent {
        date: day(23),
        detail: Detail::Sidang {
            court: "PN Metro".into(),
            case_number: String::new(),
            what_happened: String::new(),
            accompanied_by: String::new(),
            next_hearing: Some(day(26)),
        },
        next: None,
        note: String::new(),
    };
    s.add_legal_event(other, &hearing, "ani", opened)
        .unwrap()
        .unwrap();
    drop(s);
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = AppBuilder::new(&path).no_color().build();
        key(&mut app, KeyCode::F(3));
        let text = screen_text(&render(&mut app, w, h));
        assert!(text.contains("P70"), "{w}x{h}: {text}");
        assert!(text.contains("S3h"), "{w}x{h}: {text}");
    }
    let mut app = AppBuilder::new(&path).no_color().build();
    key(&mut app, KeyCode::F(3));
    insta::assert_snapshot!("legal_board_80x24", render(&mut app, 80, 24).backend());
}
