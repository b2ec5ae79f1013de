//! Issue 16 point 17: the case search finds a returning client whose name is typed with one
//! typo or in another common Indonesian spelling, so she is not taken in as a new case.

use chrono::{Local, TimeZone};
use meja::domain::intake::Intake;
use meja::store::Store;

fn intake(victim: &str, reporter: &str) -> Intake {
    let mut i = Intake::default();
    i.victims[0].name = victim.into();
    i.victims[0].sex = "P".into();
    i.victims[0].age = "30".into();
    i.reporter.name = reporter.into();
    i.incident.violence = vec!["psikis".into()];
    i.triage.risk = "rendah".into();
    i.consent.services = "ya".into();
    i
}

#[test]
fn names_are_found_with_one_typo_and_in_old_spellings() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("meja.db")).unwrap();
    let now = Local.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap();
    let mut open = |victim: &str, reporter: &str| -> i64 {
        let rec = intake(victim, reporter)
            .to_record(now.date_naive())
            .unwrap();
        s.open_case(&rec, "PPA", "ani", now, None).unwrap().id
    };
    let anggraini = open("Siti Anggraini", "Budi");
    let soekarno = open("Sri Soekarno", "Djoko Hendry");
    let lestari = open("Dewi Lestari", "Tjahya");
    let ani = open("Ani", "Rudi");
    let s = Store::open(&dir.path().join("meja.db")).unwrap();
    let found = |q: &str| s.search_cases(q, 50).unwrap();

    // The example: one typo, the doubled letter missing.
    assert_eq!(found("Angraini"), [anggraini]);
    assert_eq!(found("siti angraini"), [anggraini]);
    // One letter changed, and two neighbours swapped.
    assert_eq!(found("Anggraeni"), [anggraini]);
    assert_eq!(found("Lestrai"), [lestari]);
    // Old spellings either way round: oe/u, dj/j, tj/c, a final y/i.
    assert_eq!(found("Sukarno"), [soekarno]);
    assert_eq!(found("Joko Hendri"), [soekarno]);
    assert_eq!(found("Cahya"), [lestari]);
    // Typed letter by letter, the folded spelling matches as a prefix.
    assert_eq!(found("Angr"), [anggraini]);
    assert_eq!(found("Suka"), [soekarno]);
    // Not two typos, not a typo in a short word, and a name's typo is not a chronology's.
    assert!(found("Angrxeni").is_empty());
    assert!(found("Adi").is_empty());
    assert_eq!(found("Ani"), [ani]);
    // Whatever matched before still does.
    assert_eq!(found("Anggraini"), [anggraini]);
    assert_eq!(found("dewi lestari"), [lestari]);
}
