//! The law's marks read set-based (`Store::legal_due`, every board load; issue 21's start-up
//! at 100k waited a quarter of a second for eight statements a case) agree with what the
//! store reads of each case alone (`clock_facts`, `legal_events`, `mediation_records`), on
//! the schema-14 fixture migrated and on a demo office.

use std::path::Path;

use chrono::NaiveDate;
use meja::store::Store;

fn agrees(s: &Store, horizon: NaiveDate) -> usize {
    let due = s.legal_due(horizon).unwrap();
    let (mut quals, mut police, mut first, mut pending) = (0, 0, 0, 0);
    for d in &due {
        let alone = s.clock_facts(d.case_id).unwrap();
        assert_eq!(
            format!("{:?}", d.facts),
            format!("{alone:?}"),
            "case {}",
            d.number
        );
        let events = s.legal_events(d.case_id).unwrap();
        assert_eq!(
            d.pending,
            meja::domain::legal::pending(&events),
            "{}",
            d.number
        );
        let mediation = s.mediation_records(d.case_id).unwrap();
        assert_eq!(
            d.mediation_next,
            meja::domain::legal::mediation_next(&mediation),
            "{}",
            d.number
        );
        quals += usize::from(!d.facts.qualifications.is_empty());
        police += usize::from(d.facts.police_report.is_some());
        first += usize::from(d.facts.first_service.is_some());
        pending += usize::from(!d.pending.is_empty());
    }
    // The comparison means something only if the cases carry what is compared.
    assert!(
        quals > 0 && pending > 0,
        "{quals} {police} {first} {pending}"
    );
    due.len()
}

#[test]
fn after_migrating_v14_the_legal_marks_are_each_case_read_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    std::fs::copy(Path::new("tests/fixtures/v14.db"), &db).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).unwrap();
    Store::migrate_file(&db).unwrap();
    let s = Store::open(&db).unwrap();
    let n = agrees(&s, NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
    assert!(n > 0);
}

#[test]
fn on_a_demo_office_the_legal_marks_are_each_case_read_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("meja.db")).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let o = meja::tasks::demo::DemoOptions {
        cases: 600,
        agencies: 20,
        seed: 5,
        as_of,
    };
    meja::tasks::demo::fill(&mut s, "PPA", o).unwrap();
    for days in [7, 60] {
        let n = agrees(&s, as_of + chrono::Duration::days(days));
        assert!(n > 10, "{n} cases with a legal mark");
    }
}
