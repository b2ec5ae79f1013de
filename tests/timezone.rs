//! The office clock (issue #20): an office in WITA on a server whose clock runs on UTC. With a
//! fixed clock at 23.30 UTC on 31 October, history shows 07.30 on 1 November, the letter is
//! dated 1 November, and the case counts in November's report.
//!
//! One test in this binary on purpose: it sets `TZ` for the whole process, as `main` does, and
//! no other test may run beside it.

use chrono::{Duration, Local, NaiveDate, TimeZone, Utc};
use meja::config::Config;
use meja::domain::agency::Agency;
use meja::domain::case::{Everyone, Saved, Targets};
use meja::domain::intake::Intake;
use meja::domain::referral::NewReferral;
use meja::i18n::Lang;
use meja::store::Store;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn an_office_in_wita_on_a_utc_server_shows_and_counts_in_wita() {
    // The server runs on UTC. SAFETY: the only test of this binary, and nothing has read a
    // clock yet (chrono keeps the zone it read for a second, so none is read before the
    // office zone is applied, as in `main`).
    unsafe { std::env::set_var("TZ", "UTC") };
    let config = Config::parse(
        "[office]\nname = \"UPTD PPA Kota Makassar\"\ncity = \"Makassar\"\ntimezone = \"Asia/Makassar\"\n",
    )
    .unwrap();
    // SAFETY: as above, single-threaded here.
    unsafe { meja::clock::use_office_zone(&config.office.timezone).unwrap() };
    assert!(!meja::clock::local_is_utc());

    let now = Utc
        .with_ymd_and_hms(2026, 10, 31, 23, 30, 0)
        .unwrap()
        .with_timezone(&Local);
    assert_eq!(now.to_rfc3339(), "2026-11-01T07:30:00+08:00");

    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("meja.db")).unwrap();
    let mut i = Intake::default();
    i.victims[0].name = "Dewi Lestari".into();
    i.victims[0].sex = "P".into();
    i.victims[0].age = "30".into();
    i.incident.violence = vec!["psikis".into()];
    i.triage.risk = "rendah".into();
    i.consent.services = "ya".into();
    i.consent.share = "ya".into();
    let rec = i.to_record(now.date_naive()).unwrap();
    let case = s.open_case(&rec, "PPA", "ani", now, None).unwrap();

    // History: stored with its offset (one instant), shown on the office's wall clock.
    let file = s.case_file(case.id).unwrap().unwrap();
    let opened = &file.history[0];
    assert!(opened.at.ends_with("+08:00"), "{}", opened.at);
    assert_eq!(
        meja::clock::shown(&opened.at, "%d-%m-%Y %H:%M"),
        "01-11-2026 07:30"
    );
    // A time a UTC server wrote before the zone was configured shows in WITA too.
    assert_eq!(
        meja::clock::shown("2026-10-31T23:30:00+00:00", "%d-%m-%Y %H:%M"),
        "01-11-2026 07:30"
    );
    assert!(case.number.starts_with("PPA/2026/"), "{}", case.number);

    // The report month: November has the case, October does not.
    let targets = Targets::default();
    let nov = s
        .report(d(2026, 11, 1), d(2026, 11, 30), &targets, now.date_naive())
        .unwrap();
    let oct = s
        .report(d(2026, 10, 1), d(2026, 10, 31), &targets, now.date_naive())
        .unwrap();
    assert_eq!((nov.cases_opened, oct.cases_opened), (1, 0));

    // A letter written at that moment is dated 1 November, in Makassar.
    let agency = Agency {
        source_id: "org-1".into(),
        name: "Biro Psikologi Harapan".into(),
        kind: "psikolog".into(),
        services: vec!["psikologis".into()],
        ..Default::default()
    };
    let agency_id = match s.save_agency(&agency, now).unwrap() {
        Saved::Done(id) => id,
        Saved::Conflict => panic!("conflict"),
    };
    let referral = s
        .refer(
            case.id,
            &NewReferral {
                agency_id,
                service: "psikologis".into(),
                reason: "Asesmen psikologis".into(),
                follow_up: Some(now.date_naive() + Duration::days(7)),
                override_reason: None,
            },
            "ani",
            now,
            &Everyone,
        )
        .unwrap()
        .unwrap();
    let letter = meja::tasks::letters::build(
        &mut s,
        &config,
        referral.id,
        "Ani",
        Lang::Id,
        now.date_naive(),
        &[],
    )
    .unwrap();
    let text = letter.to_text(78);
    assert!(text.contains("Makassar, 1 November 2026"), "{text}");
    assert!(letter.number.contains("/XI/2026"), "{}", letter.number);
}
