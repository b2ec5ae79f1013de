//! Working cases in the store: stage moves and their history, version conflicts between two
//! connections, notes, edits and search.

use chrono::{Local, TimeZone};
use meja::domain::case::{Move, Saved, Stage};
use meja::domain::intake::Intake;
use meja::store::Store;
use meja::store::casework::CaseEdit;

fn now() -> chrono::DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap()
}

fn intake(name: &str) -> Intake {
    let mut i = Intake::default();
    i.reporter.name = "Ibu Rina Wulandari".into();
    i.reporter.phone = "081234567890".into();
    i.victims[0].name = name.into();
    i.victims[0].nik = "3372015205900001".into();
    i.victims[0].sex = "P".into();
    i.victims[0].age = "30".into();
    i.incident.violence = vec!["psikis".into()];
    i.incident.chronology = "Korban diancam melalui pesan singkat oleh mantan suami.".into();
    i.triage.risk = "sedang".into();
    i.consent.services = "ya".into();
    i
}

fn open(store: &mut Store, name: &str) -> i64 {
    let rec = intake(name).to_record(now().date_naive()).unwrap();
    store.open_case(&rec, "PPA", "ani", now(), None).unwrap().id
}

/// Adds an account `user`, active or disabled (cases are assigned to accounts only).
fn worker(s: &mut Store, user: &str, active: bool) {
    let m = meja::domain::staff::StaffMember {
        username: user.into(),
        display_name: format!("Ibu {user}"),
        role: meja::domain::staff::Role::Petugas,
        active,
        has_pin: false,
    };
    s.add_staff(&m, None, now(), "setup").unwrap();
}

/// (action, field, old, new, note) of each history row, oldest first.
type Row = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn history(path: &std::path::Path) -> Vec<Row> {
    let c = rusqlite::Connection::open(path).unwrap();
    c.prepare("SELECT action, field, old_value, new_value, note FROM case_history ORDER BY id")
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn a_move_changes_the_stage_and_writes_history_together() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.db");
    let mut s = Store::open(&path).unwrap();
    let id = open(&mut s, "Dewi Lestari");
    let r = s
        .apply_move(
            id,
            1,
            Stage::Pengaduan,
            &Move::Forward(Stage::Asesmen),
            "budi",
            now(),
        )
        .unwrap();
    assert_eq!(r, Saved::Done(2));
    let back = Move::Back {
        to: Stage::Pengaduan,
        reason: "data belum lengkap".into(),
    };
    assert_eq!(
        s.apply_move(id, 2, Stage::Asesmen, &back, "budi", now())
            .unwrap(),
        Saved::Done(3)
    );
    let close = Move::Close {
        reason: "tidak_dapat_dihubungi".into(),
        note: String::new(),
    };
    assert_eq!(
        s.apply_move(id, 3, Stage::Pengaduan, &close, "budi", now())
            .unwrap(),
        Saved::Done(4)
    );
    let reopen = Move::Reopen {
        reason: "korban datang lagi".into(),
    };
    assert_eq!(
        s.apply_move(id, 4, Stage::Terminasi, &reopen, "budi", now())
            .unwrap(),
        Saved::Done(5)
    );
    let h = history(&path);
    let s2 = |x: &str| Some(x.to_string());
    assert_eq!(
        h,
        vec![
            ("dibuka".into(), s2("tahap"), None, s2("pengaduan"), None),
            (
                "tahap".into(),
                s2("tahap"),
                s2("pengaduan"),
                s2("asesmen"),
                None
            ),
            (
                "tahap_mundur".into(),
                s2("tahap"),
                s2("asesmen"),
                s2("pengaduan"),
                s2("data belum lengkap")
            ),
            (
                "ditutup".into(),
                s2("tahap"),
                s2("pengaduan"),
                s2("terminasi"),
                s2("tidak_dapat_dihubungi")
            ),
            (
                "dibuka_kembali".into(),
                s2("tahap"),
                s2("terminasi"),
                s2("asesmen"),
                s2("korban datang lagi")
            ),
        ]
    );
    let file = s.case_file(id).unwrap().unwrap();
    assert_eq!(file.card.stage, Stage::Asesmen);
    assert_eq!(file.closure_reason, None, "reopening clears the closure");
    assert_eq!(file.history.len(), 5);
    assert_eq!(file.history[0].action, "dibuka_kembali", "newest first");
}

#[test]
fn the_second_of_two_connections_is_refused_and_nothing_is_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.db");
    let mut a = Store::open(&path).unwrap();
    let mut b = Store::open(&path).unwrap();
    let id = open(&mut a, "Dewi Lestari");
    worker(&mut a, "citra", true);
    let seen_by_a = a.case_file(id).unwrap().unwrap();
    let seen_by_b = b.case_file(id).unwrap().unwrap();
    // A edits the victim's name; B, working from the same version, moves the stage.
    let mut edited = seen_by_a.intake.clone();
    edited.victims[0].name = "Dewi L.".into();
    let rec = edited.to_record(now().date_naive()).unwrap();
    let edit = CaseEdit {
        before: &seen_by_a.intake,
        after: &edited,
        record: &rec,
    };
    assert_eq!(
        a.update_case(id, seen_by_a.card.version, &edit, "ani", now())
            .unwrap(),
        Saved::Done(2)
    );
    let mv = Move::Forward(Stage::Asesmen);
    assert_eq!(
        b.apply_move(
            id,
            seen_by_b.card.version,
            Stage::Pengaduan,
            &mv,
            "budi",
            now()
        )
        .unwrap(),
        Saved::Conflict
    );
    assert_eq!(
        b.assign(id, seen_by_b.card.version, "citra", "budi", now())
            .unwrap(),
        Saved::Conflict
    );
    let now_file = b.case_file(id).unwrap().unwrap();
    assert_eq!(now_file.card.stage, Stage::Pengaduan);
    assert_eq!(now_file.intake.victims[0].name, "Dewi L.");
    assert_eq!(now_file.card.assigned_to, None);
    let changes: Vec<_> = now_file
        .history
        .iter()
        .filter(|h| h.action == "diubah")
        .collect();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].field.as_deref(), Some("korban[1].name"));
    assert_eq!(
        (changes[0].old.as_deref(), changes[0].new.as_deref()),
        (Some("Dewi Lestari"), Some("Dewi L."))
    );
}

#[test]
fn the_case_file_gives_back_what_intake_recorded() {
    let mut s = Store::open_in_memory().unwrap();
    let mut typed = intake("Siti Aminah");
    typed.victims[0].age = String::new();
    typed.victims[0].birth_date = "01-02-2014".into();
    typed.victims[0].ampk = vec!["i".into(), "m".into()];
    typed.add_perpetrator();
    typed.perpetrators[0].name = "Budi".into();
    typed.perpetrators[0].relation = "orang_tua".into();
    typed.triage.services = vec!["psikologis".into()];
    let rec = typed.to_record(now().date_naive()).unwrap();
    let id = s.open_case(&rec, "PPA", "ani", now(), None).unwrap().id;
    let file = s.case_file(id).unwrap().unwrap();
    let mut expected = typed.clone();
    expected.triage.emergency = "tidak".into();
    assert_eq!(file.intake, expected);
    assert_eq!(file.card.initials, "S.A.");
    assert_eq!(file.card.age, Some(12));
}

#[test]
fn notes_are_kept_and_cannot_be_altered() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.db");
    let mut s = Store::open(&path).unwrap();
    let id = open(&mut s, "Dewi Lestari");
    s.add_note(
        id,
        "Kunjungan rumah: korban aman.\nAkan dipantau.",
        "citra",
        now(),
    )
    .unwrap();
    s.add_note(id, "Koreksi: kunjungan tanggal 22.", "citra", now())
        .unwrap();
    let file = s.case_file(id).unwrap().unwrap();
    assert_eq!(file.notes.len(), 2);
    assert_eq!(file.notes[0].body, "Koreksi: kunjungan tanggal 22.");
    let c = rusqlite::Connection::open(&path).unwrap();
    assert!(c.execute("UPDATE case_notes SET body = ''", []).is_err());
    assert!(c.execute("DELETE FROM case_notes", []).is_err());
}

#[test]
fn search_finds_cases_by_every_kind_of_key() {
    let mut s = Store::open_in_memory().unwrap();
    let dewi = open(&mut s, "Dewi Lestari");
    let siti = open(&mut s, "Siti Nurhaliza");
    s.add_note(siti, "Rujukan ke puskesmas Mulyojati.", "ani", now())
        .unwrap();
    let find = |q: &str| s.search_cases(q, 50).unwrap();
    assert_eq!(find("PPA/2026/0002"), vec![siti]);
    assert_eq!(find("2026/2"), vec![siti], "unpadded sequence");
    assert_eq!(find("dew"), vec![dewi], "name prefix");
    assert_eq!(find("NURHAL"), vec![siti], "case-insensitive");
    assert_eq!(find("siti nur"), vec![siti], "every word");
    let mut both = find("3372015205900001");
    both.sort();
    assert_eq!(both, vec![dewi, siti], "NIK");
    assert_eq!(find("337201").len(), 2, "NIK prefix");
    assert_eq!(find("+62 812-3456-7890").len(), 2, "phone in any spelling");
    assert_eq!(find("mulyojati"), vec![siti], "words in notes");
    assert_eq!(
        find("ancam"),
        Vec::<i64>::new(),
        "prefixes only, not infixes"
    );
    assert_eq!(find("diancam").len(), 2, "words in the chronology");
    assert_eq!(find("rina"), find("rina"), "reporter names too");
    assert_eq!(find("rina").len(), 2);
}

#[test]
fn accents_do_not_matter_in_search() {
    let mut s = Store::open_in_memory().unwrap();
    let id = open(&mut s, "Désirée Putri");
    assert_eq!(s.search_cases("desiree", 10).unwrap(), vec![id]);
}

#[test]
fn the_board_lists_open_cases_with_initials_only() {
    let mut s = Store::open_in_memory().unwrap();
    let a = open(&mut s, "Dewi Lestari");
    let b = open(&mut s, "Siti Aminah");
    let close = Move::Close {
        reason: "tujuan_tercapai".into(),
        note: String::new(),
    };
    s.apply_move(b, 1, Stage::Pengaduan, &close, "ani", now())
        .unwrap();
    let open_cards = s.board(false).unwrap();
    assert_eq!(open_cards.len(), 1);
    assert_eq!(open_cards[0].id, a);
    assert_eq!(open_cards[0].initials, "D.L.");
    assert_eq!(open_cards[0].violence.as_deref(), Some("psikis"));
    let closed = s.board(true).unwrap();
    assert_eq!(closed.iter().map(|c| c.id).collect::<Vec<_>>(), vec![b]);
}

/// Issue 16 point 12: the card shows the most serious jenis kekerasan, not the first ticked.
#[test]
fn the_board_card_shows_the_most_serious_violence() {
    let mut s = Store::open_in_memory().unwrap();
    let mut i = intake("Rara Anjani");
    i.incident.violence = vec!["psikis".into(), "fisik".into(), "seksual".into()];
    let rec = i.to_record(now().date_naive()).unwrap();
    let id = s.open_case(&rec, "PPA", "ani", now(), None).unwrap().id;
    let card = s
        .board(false)
        .unwrap()
        .into_iter()
        .find(|c| c.id == id)
        .unwrap();
    assert_eq!(card.violence.as_deref(), Some("seksual"));
    let mut i = intake("Wati Lestari");
    i.incident.violence = vec!["penelantaran".into(), "trafficking".into()];
    let rec = i.to_record(now().date_naive()).unwrap();
    let id = s.open_case(&rec, "PPA", "ani", now(), None).unwrap().id;
    let card = s
        .board(false)
        .unwrap()
        .into_iter()
        .find(|c| c.id == id)
        .unwrap();
    assert_eq!(card.violence.as_deref(), Some("trafficking"));
}

#[test]
fn a_chronology_stored_with_line_separators_reads_as_lines() {
    // Text saved before U+2028/U+2029 were cleaned on input: a terminal does not break on
    // them, so what followed never showed.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.db");
    let mut s = Store::open(&path).unwrap();
    let id = open(&mut s, "Dewi Lestari");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE cases SET chronology = 'Awal.\u{2028}Lalu korban pergi.\u{2029}Akhir.' WHERE id = ?1",
            [id],
        )
        .unwrap();
    let f = s.case_file(id).unwrap().unwrap();
    assert_eq!(
        f.intake.incident.chronology,
        "Awal.\nLalu korban pergi.\nAkhir."
    );
}

/// Issue 16 point 10: an incident date known only to the month or the year, and an incident
/// still going on, are kept at their precision and shown as typed when the case is read back.
#[test]
fn a_rough_incident_date_and_the_ongoing_flag_are_kept_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.db");
    let mut s = Store::open(&path).unwrap();
    let mut i = intake("Rina Marlina");
    i.incident.date = "11/2026".into();
    let rec = i.to_record(now().date_naive()).unwrap();
    let a = s.open_case(&rec, "PPA", "ani", now(), None).unwrap().id;
    let mut i = intake("Sri Wahyuni");
    i.incident.date = "sejak 2019".into();
    let rec = i.to_record(now().date_naive()).unwrap();
    let b = s.open_case(&rec, "PPA", "ani", now(), None).unwrap().id;
    let fa = s.case_file(a).unwrap().unwrap().intake.incident;
    assert_eq!((fa.date.as_str(), fa.ongoing.as_str()), ("11-2026", ""));
    let fb = s.case_file(b).unwrap().unwrap().intake.incident;
    assert_eq!((fb.date.as_str(), fb.ongoing.as_str()), ("2019", "ya"));
    let c = rusqlite::Connection::open(&path).unwrap();
    let stored: Vec<(Option<String>, Option<bool>)> = c
        .prepare("SELECT incident_date, incident_ongoing FROM cases ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(
        stored,
        vec![
            (Some("2026-11".into()), None),
            (Some("2019".into()), Some(true))
        ]
    );
}

/// Issue 16 point 2: a case is assigned to an active account only — a display name, a typo or
/// a disabled account is refused and nothing changes; an empty name unassigns.
#[test]
fn assigning_to_an_unknown_or_disabled_account_is_refused() {
    let mut s = Store::open_in_memory().unwrap();
    let id = open(&mut s, "Dewi Lestari");
    worker(&mut s, "budi", true);
    worker(&mut s, "wati", false);
    let refused = |s: &mut Store, to: &str| s.assign(id, 1, to, "ani", now()).unwrap_err();
    let e = refused(&mut s, "Ibu budi");
    assert!(
        e.render(meja::i18n::Lang::Id)
            .contains("Tidak ada akun Ibu budi"),
        "{e}"
    );
    let e = refused(&mut s, "wati");
    assert!(e.render(meja::i18n::Lang::Id).contains("nonaktif"), "{e}");
    let file = s.case_file(id).unwrap().unwrap();
    assert_eq!((file.card.version, file.card.assigned_to), (1, None));
    assert_eq!(
        s.assign(id, 1, " budi ", "ani", now()).unwrap(),
        Saved::Done(2)
    );
    let card = s.case_file(id).unwrap().unwrap().card;
    assert_eq!(card.assigned_to.as_deref(), Some("budi"));
    assert_eq!(s.assign(id, 2, "", "ani", now()).unwrap(), Saved::Done(3));
    assert_eq!(s.case_file(id).unwrap().unwrap().card.assigned_to, None);
}
