//! Two workers edit one case in two real processes (issue 16, point 1): the second save is
//! refused, the form then holds the first worker's values merged with the second's own
//! change, and saving again keeps both — never puts the first worker's old value back.
#![cfg(target_os = "linux")]

mod common;

use common::pty::*;

/// Opens case `number` from the board's search and starts editing it.
fn edit_case(s: &mut Session, number: &str) {
    s.send(&ctrl('p'));
    s.wait_for("Papan kasus");
    s.send("/");
    s.wait_for("Cari kasus");
    s.typ(number);
    s.wait_for(&format!("{number} "));
    s.send(ENTER);
    s.wait_for("Berkas kasus");
    s.send("e");
    s.wait_for("Simpan");
}

/// On the edit form: replaces the text of field `f` with `text`.
fn retype(s: &mut Session, f: meja::domain::intake::Field, text: &str) {
    s.goto_field(f);
    s.send(&ctrl('u'));
    s.typ(text);
}

#[test]
fn a_second_save_after_a_conflict_keeps_the_colleagues_change() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepare_db(dir.path());
    ensure_account(&db, "budi");

    let mut a = Session::start(&db, Opts::default());
    a.wait_for("· Pengaduan baru");
    type_intake(&mut a, &IntakeKeys::default());
    a.send(&ctrl('s'));
    let text = a.wait_for("Nomor kasus:");
    let number = case_number_after(&text, "Nomor kasus:").expect("number");
    a.send(ENTER);

    let mut b = Session::start(&db, Opts::default().user("budi"));
    b.wait_for("· Pengaduan baru");
    edit_case(&mut a, &number);
    edit_case(&mut b, &number);

    // A saves a new reporter phone.
    retype(&mut a, at::REPORTER_PHONE, "0813-1111-2222");
    a.send(&ctrl('s'));
    a.wait_for("Perubahan disimpan.");
    wait_db("A's phone", || {
        column(&db, "SELECT phone FROM persons WHERE role = 'pelapor'") == ["081311112222"]
    });

    // B, who opened the file before A saved, changes the reporter's name.
    retype(&mut b, at::REPORTER_NAME, "Rina Baru");
    b.send(&ctrl('s'));
    let text = b.wait_until("the save refused or made", |t| {
        t.contains("Sudah diubah orang lain") || t.contains("Perubahan disimpan.")
    });
    assert!(
        text.contains("Sudah diubah orang lain"),
        "B's save went through over A's:\n{text}"
    );
    b.send(ENTER);
    // The form now shows A's phone beside B's own change; saving again keeps both.
    b.goto_field(at::REPORTER_PHONE);
    b.wait_for("081311112222");
    b.send(&ctrl('s'));
    b.wait_for("Perubahan disimpan.");
    wait_db("B's name", || {
        column(&db, "SELECT name FROM persons WHERE role = 'pelapor'") == ["Rina Baru"]
    });
    assert_eq!(
        column(&db, "SELECT phone FROM persons WHERE role = 'pelapor'"),
        ["081311112222"],
        "B's second save put A's old phone back"
    );
    assert_eq!(
        column(
            &db,
            "SELECT staff || ' ' || field FROM case_history WHERE field LIKE 'pelapor.%' ORDER BY id"
        ),
        ["ani pelapor.phone", "budi pelapor.name"],
        "each worker's history row is their own change only"
    );
    a.quit();
    b.quit();
}
