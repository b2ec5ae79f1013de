//! The real binary under failure: killed at random moments while typing and while saving,
//! and a disk that stops taking writes mid-session.
//!
//! "Random" moments come from a seeded generator, so a failure repeats run after run. Every
//! assertion is on screen text or database content; waits only bound a hang.
#![cfg(target_os = "linux")]

mod common;

use common::pty::*;

const TITLE_NEW: &str = "· Pengaduan baru";

/// Starts a session on a new, blank intake (leaving any drafts in the list).
fn blank_intake(db: &std::path::Path) -> Session {
    let mut s = Session::start_default(db);
    let (which, _) = s.wait_for_any(&[TITLE_NEW, "Draf yang belum selesai"]);
    if which == 1 {
        s.send(F2);
        s.wait_for(TITLE_NEW);
    }
    s
}

/// SIGKILL while a worker types, at a random point, again and again on one database. After
/// each restart: the file is intact, every earlier draft is still there, and this draft holds
/// everything typed before the last pause and nothing that was not typed.
///
/// The "pause" is the worker stopping for a moment: the test types nothing more until the
/// database shows the draft (the app writes it on its own timer, at most a second after the
/// first unsaved key; no keystroke triggers it). Then it types on and is killed mid-word,
/// mid-draft-save, or between keys.
#[test]
fn killed_while_typing_loses_nothing_before_the_last_pause() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepare_db(dir.path());
    let mut rng = Rng::new(0x5eed_0001);
    let after = " Lalu korban lari ke rumah nenek dan menangis lama sekali.";
    for i in 0..6 {
        let mut s = blank_intake(&db);
        let name = format!("Uji{i} Korban");
        let before = format!("Awal cerita ke-{i}.");
        s.goto_field(at::VICTIM_NAME);
        s.typ(&name);
        s.goto_field(at::CHRONOLOGY);
        s.typ(&before);
        wait_db("the draft after the pause", || {
            draft_named(&db, &name).is_some_and(|d| d.incident.chronology == before)
        });
        let cut = rng.below(after.len() as u64 + 1) as usize;
        for c in after[..cut].chars() {
            s.send(&c.to_string());
            // Now and then a longer pause, so kills also land around the draft timer.
            if rng.below(8) == 0 {
                std::thread::sleep(std::time::Duration::from_millis(rng.below(700)));
            }
        }
        s.sigkill();

        assert_eq!(integrity(&db), "ok", "after kill {i}");
        let typed = format!("{before}{}", &after[..cut]);
        let kept = draft_named(&db, &name)
            .unwrap_or_else(|| panic!("draft {i} lost"))
            .incident
            .chronology;
        assert!(
            kept.starts_with(&before) && typed.starts_with(&kept),
            "kill {i}: typed {typed:?}, draft holds {kept:?}"
        );
        assert_eq!(drafts(&db).len(), i + 1, "every earlier draft is kept");
    }
    // And the app offers them all.
    let s = Session::start_default(&db);
    s.wait_for("Draf yang belum selesai");
    let text = s.wait_for("U.K.");
    assert_eq!(text.matches("korban U.K.").count(), 6, "{text}");
}

/// SIGKILL at a random moment during a save: the intake's Ctrl-S, or a stage move. Whatever
/// the moment, a save the screen confirmed is in the database, an intake is either a case or
/// still a draft (never both, never neither), a case's stage and its history agree, and the
/// file is intact.
#[test]
fn killed_during_saves_keeps_every_confirmed_save() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepare_db(dir.path());
    let mut rng = Rng::new(0x5eed_0002);
    let mut confirmed_cases = Vec::new();
    let mut confirmed_moves = Vec::new();
    let rounds = 8;
    for i in 0..rounds {
        let mut s = blank_intake(&db);
        let name = format!("Simpan{i} Korban");
        type_intake(
            &mut s,
            &IntakeKeys {
                victim: name.clone(),
                ..IntakeKeys::default()
            },
        );
        // The worker looks the form over; the draft is on disk before the save.
        wait_db("the whole intake as a draft", || {
            draft_named(&db, &name).is_some_and(|d| d.consent.relation == "orang_tua")
        });
        if i % 2 == 0 {
            s.send_now(&ctrl('s'));
        } else {
            s.send(&ctrl('s'));
            // Let this save finish, then kill during a stage move instead.
            let text = s.wait_for("Nomor kasus:");
            let number = case_number_after(&text, "Nomor kasus:").unwrap();
            confirmed_cases.push(number.clone());
            s.send(ENTER);
            s.wait_for(TITLE_NEW);
            s.send(&ctrl('p'));
            s.wait_for("Papan kasus");
            s.send("/");
            s.wait_for("Cari kasus");
            s.typ(&number);
            s.wait_for(&format!("{number} "));
            s.send(ENTER);
            s.wait_for("Berkas kasus");
            s.send(">");
            s.wait_for("(y/t)");
            s.send_now("y");
        }
        // The random moment: at once (before the app has read the key) in a third of the
        // rounds, else up to 1.5 ms later, about as long as a save takes here.
        let delay = if rng.below(3) == 0 {
            0
        } else {
            rng.below(1500)
        };
        std::thread::sleep(std::time::Duration::from_micros(delay));
        let seen = s.text();
        s.sigkill();

        assert_eq!(integrity(&db), "ok", "after kill {i}");
        if let Some(n) = case_number_after(&seen, "Nomor kasus:") {
            confirmed_cases.push(n);
        }
        if seen.contains("Tahap diperbarui.") {
            confirmed_moves.push(confirmed_cases.last().unwrap().clone());
        }
        let cases = count(
            &db,
            &format!("SELECT count(*) FROM persons WHERE role = 'korban' AND name = '{name}'"),
        );
        let draft = draft_named(&db, &name).is_some();
        eprintln!("round {i}: killed {delay} µs after the key; case {cases}, draft {draft}");
        assert!(
            (cases == 1) != draft,
            "round {i}: {cases} case(s) and draft {draft}; screen was\n{seen}"
        );
    }
    for n in &confirmed_cases {
        assert_eq!(
            count(
                &db,
                &format!("SELECT count(*) FROM cases WHERE number = '{n}'")
            ),
            1,
            "confirmed case {n} is in the database"
        );
    }
    for n in &confirmed_moves {
        assert_eq!(
            column(
                &db,
                &format!("SELECT stage FROM cases WHERE number = '{n}'")
            ),
            vec!["asesmen".to_string()],
            "confirmed move of {n}"
        );
    }
    // Stage and history agree for every case, however the kill fell.
    let rows = column(
        &db,
        "SELECT c.number || ' ' || c.stage || ' ' ||
                (SELECT count(*) FROM case_history h WHERE h.case_id = c.id AND h.action = 'dibuka')
                || ' ' ||
                (SELECT count(*) FROM case_history h WHERE h.case_id = c.id AND h.action = 'tahap')
         FROM cases c",
    );
    for r in &rows {
        let f: Vec<&str> = r.split(' ').collect();
        let expect_moves = if f[1] == "asesmen" { "1" } else { "0" };
        assert_eq!((f[2], f[3]), ("1", expect_moves), "{r}");
    }
    assert_eq!(
        count(&db, "SELECT count(DISTINCT number) FROM cases"),
        rows.len() as i64
    );
    assert!(!confirmed_cases.is_empty());
}

/// The disk stops taking writes mid-session: the worker is told in plain words, the form
/// stays on screen with everything typed, and once writing works again the draft is saved by
/// itself and Ctrl-S opens the case.
///
/// How: the test lowers the running app's file-size limit (RLIMIT_FSIZE, as `prlimit` does)
/// to zero, so every write to the database files fails as it would on a full disk or a
/// filesystem remounted read-only. Making the file read-only with chmod is not used: it
/// does not reach a file SQLite already holds open, and root (CI containers) ignores it.
/// A size-limited filesystem would need mount privileges CI does not have.
#[test]
fn a_disk_that_stops_writing_keeps_the_form_and_saves_later() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepare_db(dir.path());
    let mut s = blank_intake(&db);
    let keys = IntakeKeys {
        victim: "Sri Rahayu".into(),
        ..IntakeKeys::default()
    };
    type_intake(&mut s, &keys);
    wait_db("the draft", || {
        draft_named(&db, "Sri Rahayu").is_some_and(|d| d.consent.relation == "orang_tua")
    });

    s.limit_file_size(Some(0));
    // Typing goes on: the reporter's address.
    s.goto_field(at::REPORTER_ADDRESS);
    s.typ("Jl. Melati 7");
    let text = s.wait_for("Draf belum tersimpan: disk");
    assert!(text.contains("Jl. Melati 7"), "{text}");
    s.send(&ctrl('s'));
    let text = s.wait_for("Gagal menyimpan: disk");
    assert!(text.contains("coba ^S lagi"), "{text}");
    assert!(text.contains(TITLE_NEW), "still the form:\n{text}");
    assert!(text.contains("Jl. Melati 7"), "{text}");
    assert!(s.is_running());
    assert_eq!(count(&db, "SELECT count(*) FROM cases"), 0);
    assert!(
        !draft_named(&db, "Sri Rahayu")
            .unwrap()
            .reporter
            .address
            .contains("Melati")
    );
    // Nothing is lost on quitting either: quitting asks first.
    s.send(&ctrl('q'));
    s.wait_for("Tetap keluar? (y/t)");
    s.send("t");

    // Space again: the draft catches up by itself, then the save goes through.
    s.limit_file_size(None);
    wait_db("the address in the draft", || {
        draft_named(&db, "Sri Rahayu").is_some_and(|d| d.reporter.address == "Jl. Melati 7")
    });
    s.send(&ctrl('s'));
    let text = s.wait_for("Nomor kasus:");
    let number = case_number_after(&text, "Nomor kasus:").unwrap();
    assert_eq!(
        column(
            &db,
            &format!(
                "SELECT p.address FROM persons p JOIN cases c ON c.id = p.case_id
                 WHERE c.number = '{number}' AND p.role = 'pelapor'"
            )
        ),
        vec!["Jl. Melati 7".to_string()]
    );
    assert_eq!(integrity(&db), "ok");
    s.send(ENTER);
    s.quit();
}
