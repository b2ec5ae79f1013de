//! The directory and referrals in the store: saving agencies, idempotent import, the consent
//! rule, every status change, letter numbers, and overdue referrals on the board.

use chrono::{Duration, Local, NaiveDate, TimeZone};
use meja::domain::agency::{Agency, Week};
use meja::domain::case::{Everyone, Permission, Policy, Saved};
use meja::domain::intake::Intake;
use meja::domain::referral::{NewReferral, ReferralError, Status};
use meja::store::Store;
use meja::store::agencies::Outcome;

fn now() -> chrono::DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap()
}

fn today() -> NaiveDate {
    now().date_naive()
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(&dir.path().join("meja.db")).unwrap();
    (dir, s)
}

fn case(s: &mut Store, share: &str) -> i64 {
    let mut i = Intake::default();
    i.victims[0].name = "Dewi Lestari".into();
    i.victims[0].sex = "P".into();
    i.victims[0].age = "30".into();
    i.incident.violence = vec!["psikis".into()];
    i.triage.risk = "rendah".into();
    i.consent.services = "ya".into();
    i.consent.share = share.into();
    let rec = i.to_record(today()).unwrap();
    s.open_case(&rec, "PPA", "ani", now(), None).unwrap().id
}

fn psychologist() -> Agency {
    Agency {
        source_id: "org-7".into(),
        name: "Biro Psikologi Harapan".into(),
        kind: "psikolog".into(),
        services: vec!["psikologis".into()],
        areas: vec!["18.72".into()],
        phones: vec!["0725000001".into()],
        hours: Week::parse("Sen-Jum 08.00-16.00").unwrap(),
        ..Default::default()
    }
}

fn add(s: &mut Store, a: &Agency) -> i64 {
    match s.save_agency(a, now()).unwrap() {
        Saved::Done(id) => id,
        Saved::Conflict => panic!("conflict on insert"),
    }
}

fn new_referral(agency_id: i64) -> NewReferral {
    NewReferral {
        agency_id,
        service: "psikologis".into(),
        reason: "Asesmen psikologis anak".into(),
        follow_up: Some(today() + Duration::days(7)),
        override_reason: None,
    }
}

fn history_actions(s: &Store, path: &std::path::Path, case_id: i64) -> Vec<(String, String)> {
    let _ = s;
    let c = rusqlite::Connection::open(path).unwrap();
    let mut st = c
        .prepare(
            "SELECT action, coalesce(note, '') FROM case_history WHERE case_id = ?1 ORDER BY id",
        )
        .unwrap();
    st.query_map([case_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn agencies_save_with_a_version_check_and_read_back_whole() {
    let (_d, mut s) = store();
    let id = add(&mut s, &psychologist());
    let mut a = s.agency(id).unwrap().unwrap();
    assert_eq!(a.name, "Biro Psikologi Harapan");
    assert_eq!(a.hours, psychologist().hours);
    assert_eq!(a.phones, vec!["0725000001"]);
    let stale = a.clone();
    a.notes = "Antrean 2 minggu".into();
    assert_eq!(
        s.save_agency(&a, now()).unwrap(),
        Saved::Done(a.version + 1)
    );
    // Someone else saved since `stale` was read: refused, nothing written.
    let mut late = stale;
    late.name = "Nama lain".into();
    assert_eq!(s.save_agency(&late, now()).unwrap(), Saved::Conflict);
    let back = s.agency(id).unwrap().unwrap();
    assert_eq!(back.name, "Biro Psikologi Harapan");
    assert_eq!(back.notes, "Antrean 2 minggu");
}

#[test]
fn reimporting_the_same_data_changes_nothing_and_a_dry_run_writes_nothing() {
    let (_d, mut s) = store();
    let mut other = psychologist();
    other.source_id = "org-8".into();
    other.name = "LBH Metro Adil".into();
    let list = vec![psychologist(), other];
    let dry = s.import_agencies(&list, true, now()).unwrap();
    assert_eq!(dry, vec![Outcome::Added, Outcome::Added]);
    assert_eq!(s.agency_count().unwrap(), 0);
    let first = s.import_agencies(&list, false, now()).unwrap();
    assert_eq!(first, vec![Outcome::Added, Outcome::Added]);
    let again = s.import_agencies(&list, false, now()).unwrap();
    assert_eq!(again, vec![Outcome::Unchanged, Outcome::Unchanged]);
    assert_eq!(s.agency_count().unwrap(), 2);
    let mut changed = list.clone();
    changed[1].phones = vec!["0725999999".into()];
    let third = s.import_agencies(&changed, false, now()).unwrap();
    assert_eq!(third[1], Outcome::Updated(vec!["telepon"]));
    assert_eq!(s.agency_count().unwrap(), 2);
}

#[test]
fn the_example_directory_is_loaded_once() {
    let (_d, mut s) = store();
    assert!(s.seed_directory(&[psychologist()], now()).unwrap());
    assert!(!s.seed_directory(&[psychologist()], now()).unwrap());
    assert_eq!(s.agency_count().unwrap(), 1);
}

#[test]
fn no_referral_without_consent_unless_overridden_in_writing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meja.db");
    let mut s = Store::open(&path).unwrap();
    let agency = add(&mut s, &psychologist());
    let no = case(&mut s, "tidak");
    let got = s
        .refer(no, &new_referral(agency), "ani", now(), &Everyone)
        .unwrap();
    assert_eq!(got, Err(ReferralError::NoConsent));
    assert!(s.referrals_of(no).unwrap().is_empty());

    let mut r = new_referral(agency);
    r.override_reason = Some("Anak butuh visum hari ini; wali belum bisa dihubungi".into());
    let made = s.refer(no, &r, "budi", now(), &Everyone).unwrap().unwrap();
    assert_eq!(made.status, Status::Dikirim);
    assert_eq!(made.created_by, "budi");
    assert!(made.override_reason.as_deref().unwrap().contains("visum"));
    let h = history_actions(&s, &path, no);
    assert!(h.iter().any(|(a, _)| a == "rujukan"));
    assert!(
        h.iter()
            .any(|(a, n)| a == "tanpa_persetujuan" && n.contains("visum")),
        "{h:?}"
    );

    // With consent given, no override is kept even if one was typed.
    let yes = case(&mut s, "ya");
    let made = s.refer(yes, &r, "ani", now(), &Everyone).unwrap().unwrap();
    assert_eq!(made.override_reason, None);

    // A policy that does not allow overriding refuses even with a reason.
    struct Strict;
    impl Policy for Strict {
        fn allows(&self, _: &str, a: Permission) -> bool {
            a != Permission::OverrideConsent
        }
    }
    assert_eq!(
        s.refer(no, &r, "ani", now(), &Strict).unwrap(),
        Err(ReferralError::NotPermitted)
    );
}

#[test]
fn every_status_change_lands_in_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meja.db");
    let mut s = Store::open(&path).unwrap();
    let agency = add(&mut s, &psychologist());
    let c = case(&mut s, "ya");
    let mk = |s: &mut Store| {
        s.refer(c, &new_referral(agency), "ani", now(), &Everyone)
            .unwrap()
            .unwrap()
    };
    // dikirim → diterima → selesai
    let r = mk(&mut s);
    let r = s
        .set_referral_status(
            r.id,
            r.version,
            Status::Diterima,
            "",
            "ani",
            now(),
            &Everyone,
        )
        .unwrap()
        .unwrap();
    assert_eq!(
        s.set_referral_status(
            r.id,
            r.version,
            Status::Selesai,
            " ",
            "ani",
            now(),
            &Everyone
        )
        .unwrap(),
        Err(ReferralError::NoteRequired)
    );
    let done = s
        .set_referral_status(
            r.id,
            r.version,
            Status::Selesai,
            "Konseling 4 sesi selesai",
            "ani",
            now(),
            &Everyone,
        )
        .unwrap()
        .unwrap();
    assert_eq!(done.status, Status::Selesai);
    assert_eq!(done.status_note, "Konseling 4 sesi selesai");
    // Final: nothing further, not even a revocation.
    assert_eq!(
        s.set_referral_status(
            done.id,
            done.version,
            Status::Dibatalkan,
            "x",
            "ani",
            now(),
            &Everyone
        )
        .unwrap(),
        Err(ReferralError::NotAllowed)
    );
    // dikirim → ditolak (with reason)
    let r = mk(&mut s);
    let rej = s
        .set_referral_status(
            r.id,
            r.version,
            Status::Ditolak,
            "Kuota penuh",
            "ani",
            now(),
            &Everyone,
        )
        .unwrap()
        .unwrap();
    assert_eq!(rej.status, Status::Ditolak);
    // dikirim → dibatalkan; a stale version is a conflict.
    let r = mk(&mut s);
    let ok = s
        .set_referral_status(
            r.id,
            r.version,
            Status::Dibatalkan,
            "Klien pindah",
            "ani",
            now(),
            &Everyone,
        )
        .unwrap();
    assert!(ok.is_ok());
    assert_eq!(
        s.set_referral_status(
            r.id,
            r.version,
            Status::Diterima,
            "",
            "ani",
            now(),
            &Everyone
        )
        .unwrap(),
        Err(ReferralError::Conflict)
    );
    let h = history_actions(&s, &path, c);
    let statuses: Vec<&str> = h
        .iter()
        .filter(|(a, _)| a == "status_rujukan")
        .map(|(_, n)| n.as_str())
        .collect();
    assert_eq!(
        statuses,
        vec![
            "",
            "Konseling 4 sesi selesai",
            "Kuota penuh",
            "Klien pindah"
        ]
    );
}

#[test]
fn an_agency_with_referrals_is_never_deleted() {
    let (_d, mut s) = store();
    let used = add(&mut s, &psychologist());
    let mut spare = psychologist();
    spare.source_id = "org-9".into();
    let spare = add(&mut s, &spare);
    let c = case(&mut s, "ya");
    s.refer(c, &new_referral(used), "ani", now(), &Everyone)
        .unwrap()
        .unwrap();
    assert!(!s.delete_agency(used).unwrap());
    assert!(s.agency(used).unwrap().is_some());
    assert!(s.delete_agency(spare).unwrap());
    // Not even through SQL.
    let c = rusqlite::Connection::open(_d.path().join("meja.db")).unwrap();
    c.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    let err = c
        .execute("DELETE FROM agencies WHERE id = ?1", [used])
        .unwrap_err();
    assert!(err.to_string().contains("deactivate"), "{err}");
}

#[test]
fn an_inactive_agency_takes_no_new_referrals() {
    let (_d, mut s) = store();
    let id = add(&mut s, &psychologist());
    let mut a = s.agency(id).unwrap().unwrap();
    a.active = false;
    s.save_agency(&a, now()).unwrap();
    let c = case(&mut s, "ya");
    assert_eq!(
        s.refer(c, &new_referral(id), "ani", now(), &Everyone)
            .unwrap(),
        Err(ReferralError::AgencyInactive)
    );
}

#[test]
fn letter_numbers_run_per_year_and_a_reprint_keeps_its_number() {
    let (_d, mut s) = store();
    let a = add(&mut s, &psychologist());
    let c = case(&mut s, "ya");
    let r1 = s
        .refer(c, &new_referral(a), "ani", now(), &Everyone)
        .unwrap()
        .unwrap();
    let r2 = s
        .refer(c, &new_referral(a), "ani", now(), &Everyone)
        .unwrap()
        .unwrap();
    let d = today();
    assert_eq!(
        s.letter_number(r1.id, "UPTD-PPA", d).unwrap(),
        "001/UPTD-PPA/XI/2026"
    );
    assert_eq!(
        s.letter_number(r2.id, "UPTD-PPA", d).unwrap(),
        "002/UPTD-PPA/XI/2026"
    );
    assert_eq!(
        s.letter_number(r1.id, "UPTD-PPA", d).unwrap(),
        "001/UPTD-PPA/XI/2026"
    );
    assert_eq!(
        s.referral(r1.id).unwrap().unwrap().letter_number.as_deref(),
        Some("001/UPTD-PPA/XI/2026")
    );
}

#[test]
fn an_unanswered_referral_past_follow_up_makes_the_case_overdue_on_the_board() {
    let (_d, mut s) = store();
    let a = add(&mut s, &psychologist());
    let c = case(&mut s, "ya");
    let targets = meja::domain::case::Targets::default();
    let r = s
        .refer(c, &new_referral(a), "ani", now(), &Everyone)
        .unwrap()
        .unwrap();
    let card = |s: &Store| {
        s.board(false)
            .unwrap()
            .into_iter()
            .find(|x| x.id == c)
            .unwrap()
    };
    let follow_up = r.follow_up.unwrap();
    assert!(!card(&s).referral_overdue(follow_up));
    let later = follow_up + Duration::days(1);
    assert!(card(&s).referral_overdue(later));
    assert!(card(&s).overdue(&targets, later));
    // A reply ends it.
    s.set_referral_status(
        r.id,
        r.version,
        Status::Diterima,
        "",
        "ani",
        now(),
        &Everyone,
    )
    .unwrap()
    .unwrap();
    assert!(!card(&s).referral_overdue(later));
}
