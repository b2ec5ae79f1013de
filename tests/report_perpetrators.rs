//! The report's tables of the alleged perpetrators' pendidikan and pekerjaan (issue 18), read
//! from the store and written by `meja report`: hand-counted from cases opened through the
//! intake.

use chrono::{Local, NaiveDate, TimeZone};
use meja::domain::case::Targets;
use meja::domain::intake::{Intake, Perpetrator};
use meja::domain::report::{TableKind, Unit};
use meja::store::Store;

fn perpetrator(education: &str, occupation: &str) -> Perpetrator {
    Perpetrator {
        name: "Budi".into(),
        sex: "L".into(),
        age: "40".into(),
        relation: "lainnya".into(),
        education: education.into(),
        occupation: occupation.into(),
        ..Default::default()
    }
}

/// Two cases: the first with two victims and one alleged perpetrator (SD, Pedagang/Tani/
/// Nelayan), the second with one victim and two (SD, Bekerja; nothing recorded). By hand:
/// SD 2, not recorded 1; Pedagang/Tani/Nelayan 1, Bekerja 1, not recorded 1.
#[test]
fn each_alleged_perpetrator_counts_once_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("meja.db")).unwrap();
    let at = Local.with_ymd_and_hms(2026, 11, 5, 10, 0, 0).unwrap();
    let day = at.date_naive();
    let open = |s: &mut Store, victims: &[(&str, &str)], perps: Vec<Perpetrator>| {
        let mut i = Intake::default();
        i.reporter.name = "Ibu Rina".into();
        i.victims = victims
            .iter()
            .map(|(name, age)| meja::domain::intake::Victim {
                name: (*name).into(),
                sex: "P".into(),
                age: (*age).into(),
                ampk: if age.parse::<u32>().unwrap() < 18 {
                    vec!["i".into()]
                } else {
                    vec![]
                },
                ..Default::default()
            })
            .collect();
        i.perpetrators = perps;
        i.incident.violence = vec!["fisik".into()];
        i.incident.chronology = "Kronologi.".into();
        i.triage.risk = "rendah".into();
        i.consent.services = "ya".into();
        let rec = i.to_record(day).unwrap();
        s.open_case(&rec, "PPA", "ani", at, None).unwrap();
    };
    open(
        &mut s,
        &[("Sari", "30"), ("Dewi", "10")],
        vec![perpetrator("sd", "pedagang_tani_nelayan")],
    );
    open(
        &mut s,
        &[("Wati", "25")],
        vec![perpetrator("sd", "bekerja"), perpetrator("", "")],
    );
    let first = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let r = s.report(first, last, &Targets::default(), last).unwrap();
    let edu = r.table(TableKind::PerpetratorEducation);
    assert_eq!(edu.unit, Unit::Perpetrators);
    assert_eq!((edu.count("sd"), edu.count("")), (2, 1));
    assert_eq!(edu.rows.iter().map(|r| r.count).sum::<u64>(), 3);
    let occ = r.table(TableKind::PerpetratorOccupation);
    assert_eq!(
        (
            occ.count("pedagang_tani_nelayan"),
            occ.count("bekerja"),
            occ.count("")
        ),
        (1, 1, 1)
    );
    // The victims' table still counts the three victims, none of whom has these codes.
    assert_eq!(r.table(TableKind::Education).count("sd"), 0);
    // And the text report names them, as a worker copies them into SIMFONI.
    let text = meja::io::report::text(&r, &[], "UPTD PPA Kota Metro", meja::i18n::Lang::Id);
    assert!(text.contains("Pendidikan terakhir terlapor"), "{text}");
    assert!(text.contains("Pekerjaan terlapor"), "{text}");
}
