//! Eight workers at once on one database, each the real app in its own pty, typing intakes
//! key by key and moving their cases on: no errors on any screen, no case number twice, and
//! every history row in place.
//!
//! Bounded by work, not by the clock: each worker opens `CASES_EACH` cases and moves each
//! twice (Pengaduan → Asesmen → Rencana), while every form's draft is saved on its timer
//! beside the others' writes. On a 2-core machine this takes about half a minute.
#![cfg(target_os = "linux")]

mod common;

use std::collections::BTreeSet;

use common::pty::*;

const WORKERS: usize = 8;
const CASES_EACH: usize = 4;

/// What a screen says when a write failed.
const ERRORS: &[&str] = &[
    "galat",
    "Gagal",
    "sibuk",
    "tidak bisa ditulis",
    "hanya-baca",
    "orang lain",
];

/// Waits for `needle`; fails at once if an error shows instead.
fn expect(s: &Session, who: &str, needle: &str) -> String {
    let text = s.wait_until(needle, |t| {
        t.contains(needle) || ERRORS.iter().any(|e| t.contains(e))
    });
    assert!(
        !ERRORS.iter().any(|e| text.contains(e)),
        "{who} saw an error waiting for {needle:?}:\n{text}"
    );
    text
}

/// One worker's session: returns the case numbers its screen confirmed.
fn worker(db: &std::path::Path, w: usize) -> Vec<String> {
    let who = format!("petugas{w}");
    let mut s = Session::start(db, Opts::default().user(&who));
    expect(&s, &who, "· Pengaduan baru");
    let mut numbers = Vec::new();
    for k in 0..CASES_EACH {
        let keys = IntakeKeys {
            victim: format!("Serentak{w}x{k} Korban"),
            ..IntakeKeys::default()
        };
        type_intake(&mut s, &keys);
        s.send(&ctrl('s'));
        let text = expect(&s, &who, "Nomor kasus:");
        let number = case_number_after(&text, "Nomor kasus:").expect("number");
        s.send(ENTER);
        expect(&s, &who, "· Pengaduan baru");
        // Find the case on the board by its number and move it on twice.
        s.send(&ctrl('p'));
        expect(&s, &who, "Papan kasus");
        s.send("/");
        expect(&s, &who, "Cari kasus");
        s.typ(&number);
        expect(&s, &who, &format!("{number} "));
        s.send(ENTER);
        expect(&s, &who, "Berkas kasus");
        for stage in ["Asesmen", "Rencana Intervensi"] {
            s.send(">");
            expect(&s, &who, &format!("Pindahkan {number} ke {stage}? (y/t)"));
            s.send("y");
            expect(&s, &who, "Tahap diperbarui.");
        }
        numbers.push(number);
        s.send(&ctrl('n'));
        expect(&s, &who, "· Pengaduan baru");
    }
    s.quit();
    numbers
}

#[test]
fn eight_workers_at_once_lose_nothing_and_share_no_number() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepare_db(dir.path());
    // The database exists before the rush (as on a server in use).
    let mut first = Session::start_default(&db);
    first.quit();

    let confirmed: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..WORKERS)
            .map(|w| {
                let db = db.clone();
                scope.spawn(move || worker(&db, w))
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a worker failed"))
            .collect()
    });

    assert_eq!(confirmed.len(), WORKERS * CASES_EACH);
    let unique: BTreeSet<_> = confirmed.iter().collect();
    assert_eq!(
        unique.len(),
        confirmed.len(),
        "a number shown twice: {confirmed:?}"
    );
    assert_eq!(integrity(&db), "ok");
    let total = (WORKERS * CASES_EACH) as i64;
    assert_eq!(count(&db, "SELECT count(*) FROM cases"), total);
    assert_eq!(
        count(&db, "SELECT count(DISTINCT number) FROM cases"),
        total
    );
    let in_db: BTreeSet<String> = column(&db, "SELECT number FROM cases")
        .into_iter()
        .collect();
    assert_eq!(in_db, unique.into_iter().cloned().collect());
    assert_eq!(
        count(&db, "SELECT count(*) FROM drafts"),
        0,
        "every draft became its case"
    );
    // Every case: opened, then two moves, all by the worker who typed it, ending in Rencana.
    for w in 0..WORKERS {
        for k in 0..CASES_EACH {
            let victim = format!("Serentak{w}x{k} Korban");
            let history = column(
                &db,
                &format!(
                    "SELECT h.action || ' ' || h.staff || ' ' || c.stage
                     FROM case_history h JOIN cases c ON c.id = h.case_id
                     JOIN persons p ON p.case_id = c.id AND p.role = 'korban'
                     WHERE p.name = '{victim}' ORDER BY h.id"
                ),
            );
            let who = format!("petugas{w}");
            assert_eq!(
                history,
                vec![
                    format!("dibuka {who} rencana"),
                    format!("tahap {who} rencana"),
                    format!("tahap {who} rencana"),
                ],
                "{victim}"
            );
        }
    }
}
