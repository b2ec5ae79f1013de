//! Issue 19's papers to sign, read back from the PDF the way a reader extracts its text (as
//! the letter tests do): the right fields present, what a copy withholds absent; `meja print`
//! refusing a bad path with exit 2 and one line, and each print one access-log row.

use std::path::{Path, PathBuf};
use std::process::Output;

mod common;

use chrono::{Local, NaiveDate, TimeZone};
use common::meja_command;
use meja::config::Config;
use meja::domain::agency::Agency;
use meja::domain::case::{Everyone, Move, Saved, Stage};
use meja::domain::intake::{Intake, Perpetrator};
use meja::domain::legal::{Matter, Step};
use meja::domain::paper::{Copy, Kind};
use meja::domain::referral::NewReferral;
use meja::i18n::Lang;
use meja::io::outfile::OutRules;
use meja::store::Store;
use meja::store::access::AccessFilter;
use meja::tasks::papers::{Format, Request, print};

fn now() -> chrono::DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn config() -> Config {
    let mut c = Config::default();
    c.office.name = "UPTD PPA Kota Metro".into();
    c.office.letterhead = vec![
        "PEMERINTAH KOTA METRO".into(),
        "UPTD PERLINDUNGAN PEREMPUAN DAN ANAK".into(),
    ];
    c.office.city = "Metro".into();
    c.office.phone = "(0725) 000000".into();
    c.office.head_name = "Dra. Sri Handayani".into();
    c.office.head_title = "Kepala UPTD PPA Kota Metro".into();
    c.office.head_nip = "197003011995032001".into();
    c
}

/// A KDRT case (penelantaran: no maintenance paid) reported by the victim's sister; the
/// victim agreed to services and to sharing, but withheld her address and the chronology.
/// ani ("Ani Wulandari") is the supervisor. Returns the store and the case id.
fn setup(db: &Path) -> (Store, i64) {
    setup_with(db, |_| {})
}

fn setup_with(db: &Path, change: impl FnOnce(&mut Intake)) -> (Store, i64) {
    let mut s = Store::open(db).unwrap();
    let m = meja::domain::staff::StaffMember {
        username: "ani".into(),
        display_name: "Ani Wulandari".into(),
        role: meja::domain::staff::Role::Supervisor,
        active: true,
        has_pin: true,
    };
    s.add_staff(&m, Some(common::TEST_PIN), now(), "setup")
        .unwrap();
    let mut i = Intake::default();
    i.reporter.kind = "orang_lain".into();
    i.reporter.name = "Rina Marlina".into();
    i.reporter.phone = "081298765432".into();
    i.reporter.address = "Jl. Anggrek No. 3".into();
    i.victims[0].name = "Dewi Lestari".into();
    i.victims[0].nik = "1872015205960001".into();
    i.victims[0].sex = "P".into();
    i.victims[0].birth_date = "12-05-1996".into();
    i.victims[0].address = "Jl. Cempaka No. 9".into();
    i.victims[0].phone = "085712345678".into();
    i.victims[0].safe_contact = "tidak".into();
    i.perpetrators = vec![Perpetrator {
        name: "Bambang Sutejo".into(),
        sex: "L".into(),
        age: "35".into(),
        relation: "suami".into(),
        ..Default::default()
    }];
    i.incident.violence = vec!["penelantaran".into()];
    i.incident.chronology = "Suami tidak memberi nafkah sejak Juli.".into();
    i.triage.risk = "sedang".into();
    i.triage.services = vec!["bantuan_hukum".into(), "kesehatan".into()];
    i.consent.services = "ya".into();
    i.consent.share = "ya".into();
    i.consent.given_by = "Dewi Lestari".into();
    i.consent.relation = "korban".into();
    i.consent.withhold = vec!["alamat".into(), "kronologi".into()];
    change(&mut i);
    let rec = i.to_record(day(23)).unwrap();
    let case = s.open_case(&rec, "PPA", "ani", now(), None).unwrap();
    (s, case.id)
}

fn print_to(
    s: &mut Store,
    id: i64,
    r: Request,
    out: &Path,
) -> meja::error::Result<meja::tasks::papers::Printed> {
    print(
        s,
        &config(),
        id,
        r,
        "ani",
        Lang::Id,
        now(),
        out,
        &OutRules::default(),
        Some(Format::Pdf),
    )
}

/// The PDF's text as a reader extracts it, every page.
fn pdf_text(path: &Path) -> String {
    let doc = lopdf::Document::load(path).expect("the PDF parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).unwrap()
}

fn pages(path: &Path) -> usize {
    lopdf::Document::load(path).unwrap().get_pages().len()
}

fn has_all(text: &str, want: &[&str]) {
    for w in want {
        assert!(text.contains(w), "missing {w:?} in\n{text}");
    }
}

fn has_none(text: &str, gone: &[&str]) {
    for g in gone {
        assert!(!text.contains(g), "{g:?} should not be in\n{text}");
    }
}

fn req(kind: Kind) -> Request {
    Request::new(kind)
}

#[test]
fn the_complaint_form_office_copy_carries_everything_and_the_copy_for_others_leaves_out_what_is_withheld()
 {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, id) = setup(&dir.path().join("meja.db"));
    let office = dir.path().join("pengaduan.pdf");
    let p = print_to(&mut s, id, req(Kind::Pengaduan), &office).unwrap();
    assert_eq!(p.number, None, "the complaint form carries the case number");
    let t = pdf_text(&office);
    has_all(
        &t,
        &[
            "PEMERINTAH KOTA METRO",
            "FORMULIR PENERIMAAN PENGADUAN",
            "Arsip kantor",
            "PPA/2026/0001",
            "Rina Marlina",
            "081298765432",
            "Dewi Lestari",
            "1872015205960001",
            "12-05-1996",
            "Jl. Cempaka No. 9",
            "085712345678 (TIDAK aman dihubungi)",
            "Bambang Sutejo",
            "Penelantaran",
            "Suami tidak memberi nafkah",
            "Metro, 23 November 2026",
            "Ani Wulandari",
            "Supervisor",
        ],
    );

    let others = dir.path().join("pengaduan-salinan.pdf");
    let r = Request {
        copy: Copy::Others,
        ..req(Kind::Pengaduan)
    };
    print_to(&mut s, id, r, &others).unwrap();
    let t = pdf_text(&others);
    has_all(
        &t,
        &[
            "FORMULIR PENERIMAAN PENGADUAN",
            "Salinan untuk pihak lain",
            "Dewi Lestari",
            "1872015205960001",
            "Penelantaran",
            "Bambang Sutejo",
        ],
    );
    // She withheld her address and the chronology: neither hers nor the incident's nor the
    // reporter's address, and no account of what happened.
    has_none(
        &t,
        &[
            "Jl. Cempaka",
            "Jl. Anggrek",
            "Suami tidak memberi nafkah",
            "Arsip kantor",
        ],
    );
}

#[test]
fn without_consent_to_share_the_copy_for_others_carries_no_identity() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, id) = setup_with(&dir.path().join("meja.db"), |i| {
        i.consent.share = "tidak".into();
        i.consent.withhold.clear();
    });
    let out = dir.path().join("salinan.pdf");
    let r = Request {
        copy: Copy::Others,
        ..req(Kind::Pengaduan)
    };
    print_to(&mut s, id, r, &out).unwrap();
    let t = pdf_text(&out);
    has_all(&t, &["D.L.", "Penelantaran"]);
    has_none(
        &t,
        &[
            "Dewi Lestari",
            "Rina Marlina",
            "1872015205960001",
            "12-05-1996",
            "Jl. Cempaka",
            "085712345678",
            "081298765432",
            "Bambang",
            "Suami tidak memberi nafkah",
        ],
    );
}

#[test]
fn the_consent_paper_says_what_she_agreed_to_with_whom_and_what_is_withheld() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, id) = setup(&dir.path().join("meja.db"));
    let Saved::Done(agency) = s
        .save_agency(
            &Agency {
                name: "LBH APIK Lampung".into(),
                kind: "lbh".into(),
                services: vec!["bantuan_hukum".into()],
                ..Default::default()
            },
            now(),
        )
        .unwrap()
    else {
        panic!()
    };
    let r = NewReferral {
        agency_id: agency,
        service: "bantuan_hukum".into(),
        reason: "Gugatan nafkah.".into(),
        follow_up: None,
        override_reason: None,
    };
    s.refer(id, &r, "ani", now(), &Everyone).unwrap().unwrap();
    let out = dir.path().join("persetujuan.pdf");
    print_to(&mut s, id, req(Kind::Persetujuan), &out).unwrap();
    let t = pdf_text(&out);
    has_all(
        &t,
        &[
            "PERSETUJUAN SETELAH PENJELASAN (INFORMED CONSENT)",
            "Dewi Lestari",
            "Korban sendiri",
            "Setuju menerima layanan",
            "Ya, setuju",
            "LBH APIK Lampung",
            "Alamat, Kronologi",
            "ditarik kembali",
            "( Dewi Lestari )",
            "( Ani Wulandari )",
        ],
    );
    has_none(
        &t,
        &["1872015205960001", "Jl. Cempaka", "Suami tidak memberi"],
    );
}

#[test]
fn the_rights_sheet_is_one_page_of_plain_rights_and_the_office_contact() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, id) = setup(&dir.path().join("meja.db"));
    let out = dir.path().join("hak.pdf");
    print_to(&mut s, id, req(Kind::HakKorban), &out).unwrap();
    assert_eq!(pages(&out), 1, "{}", pdf_text(&out));
    let t = pdf_text(&out);
    has_all(
        &t,
        &[
            "HAK-HAK ANDA SEBAGAI KORBAN",
            "UU No. 12 Tahun 2022",
            "kerahasiaan identitas",
            "restitusi",
            "YANG AKAN DILAKUKAN UPTD PPA",
            "3 × 24 jam",
            "(0725) 000000",
            "Ani Wulandari",
        ],
    );
}

#[test]
fn the_berita_acara_of_a_mediation_needs_its_agreement_and_keeps_its_number() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, id) = setup(&dir.path().join("meja.db"));
    let out = dir.path().join("ba.pdf");
    let e = print_to(&mut s, id, req(Kind::BaMediasi), &out).unwrap_err();
    assert!(
        e.render(Lang::Id).contains("kesepakatan mediasi"),
        "{}",
        e.render(Lang::Id)
    );
    assert!(!out.exists());
    for step in [
        Step::Asesmen {
            matter: Matter::Perdata,
            free_decision: true,
            assessed_by: "Ani Wulandari".into(),
            note: String::new(),
        },
        Step::Sesi {
            attended: "Korban, suami, mediator".into(),
            result: "Sepakat soal nafkah anak".into(),
        },
        Step::Kesepakatan {
            points: "Suami membayar nafkah Rp1.500.000 tiap bulan\nTidak mendatangi rumah korban"
                .into(),
            follow_up: Some(day(30)),
        },
    ] {
        s.add_mediation(id, day(20), &step, "ani", now())
            .unwrap()
            .unwrap();
    }
    let p = print_to(&mut s, id, req(Kind::BaMediasi), &out).unwrap();
    let number = p.number.clone().expect("a Berita Acara is numbered");
    assert_eq!(number, "001/UPTD-PPA/XI/2026");
    let t = pdf_text(&out);
    has_all(
        &t,
        &[
            "BERITA ACARA MEDIASI",
            &format!("Nomor: {number}"),
            "Dewi Lestari",
            "Bambang Sutejo",
            "Perkara perdata",
            "Sepakat soal nafkah anak",
            "Suami membayar nafkah Rp1.500.000 tiap bulan",
            "Tidak mendatangi rumah korban",
            "30 November 2026",
            "Mediator,",
            "Dra. Sri Handayani",
            "NIP. 197003011995032001",
        ],
    );
    // A reprint keeps the number; the next numbered paper takes the next one.
    let again = dir.path().join("ba2.pdf");
    assert_eq!(
        print_to(&mut s, id, req(Kind::BaMediasi), &again)
            .unwrap()
            .number,
        Some(number)
    );
}

#[test]
fn the_final_report_is_written_at_closure_with_the_course_and_the_chronology_only_when_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, id) = setup(&dir.path().join("meja.db"));
    let out = dir.path().join("akhir.pdf");
    let e = print_to(&mut s, id, req(Kind::LaporanAkhir), &out).unwrap_err();
    assert!(
        e.render(Lang::Id).contains("belum ditutup"),
        "{}",
        e.render(Lang::Id)
    );
    let v = s.case_file(id).unwrap().unwrap().card.version;
    let Saved::Done(v) = s
        .apply_move(
            id,
            v,
            Stage::Pengaduan,
            &Move::Forward(Stage::Asesmen),
            "ani",
            now(),
        )
        .unwrap()
    else {
        panic!()
    };
    let close = Move::Close {
        reason: "tujuan_tercapai".into(),
        note: String::new(),
    };
    s.apply_move(id, v, Stage::Asesmen, &close, "ani", now())
        .unwrap();
    let p = print_to(&mut s, id, req(Kind::LaporanAkhir), &out).unwrap();
    assert!(p.number.is_some());
    let t = pdf_text(&out);
    has_all(
        &t,
        &[
            "LAPORAN AKHIR PENANGANAN KASUS",
            "D.L.",
            "Penelantaran",
            "TAHAPAN",
            "Asesmen",
            "Tujuan layanan tercapai",
            "LAYANAN YANG DIBERIKAN",
            "RUJUKAN",
            "PROSES HUKUM",
            "Dra. Sri Handayani",
        ],
    );
    // A report that goes up names her by initials, and leaves the chronology out unless asked.
    has_none(&t, &["Dewi Lestari", "Suami tidak memberi nafkah"]);
    let with = dir.path().join("akhir-kronologi.pdf");
    let r = Request {
        chronology: true,
        ..req(Kind::LaporanAkhir)
    };
    print_to(&mut s, id, r, &with).unwrap();
    has_all(
        &pdf_text(&with),
        &["KRONOLOGI", "Suami tidak memberi nafkah"],
    );
}

fn meja(args: &[&str]) -> Output {
    meja_command("ani").args(args).output().expect("run meja")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn cli_print(db: &Path, kind: &str, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "--db",
        db.to_str().unwrap(),
        "print",
        kind,
        "PPA/2026/0001",
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    meja(&args)
}

fn prints_logged(db: &Path) -> Vec<String> {
    let s = Store::open(db).unwrap();
    s.access_log(&AccessFilter::default())
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == Some(meja::domain::access::AccessKind::Print))
        .map(|e| e.detail)
        .collect()
}

#[test]
fn meja_print_writes_each_paper_with_an_access_log_row_and_refuses_a_bad_path_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    drop(setup(&db));
    let mut files: Vec<PathBuf> = Vec::new();
    for (n, kind) in ["pengaduan", "persetujuan", "hak-korban"]
        .iter()
        .enumerate()
    {
        let out = dir.path().join(format!("{kind}.pdf"));
        let o = cli_print(&db, kind, &out, &[]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(pdf_text(&out).contains("PPA/2026/0001"));
        assert_eq!(prints_logged(&db).len(), n + 1);
        files.push(out);
    }
    let log = prints_logged(&db);
    assert!(log[0].starts_with("kertas hak-korban"), "{log:?}");
    assert!(log[2].contains("salinan kantor"), "{log:?}");
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&files[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let txt = dir.path().join("salinan.txt");
    let o = cli_print(
        &db,
        "pengaduan",
        &txt,
        &["--copy", "pihak-lain", "--format", "text"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let t = std::fs::read_to_string(&txt).unwrap();
    assert!(
        t.contains("Salinan untuk pihak lain") && !t.contains("Jl. Cempaka"),
        "{t}"
    );

    // Bad paths: one line, exit 2, nothing written, nothing logged.
    let before = prints_logged(&db).len();
    for (out, extra) in [
        (dir.path().join("missing/dir/x.pdf"), vec![]),
        (db.clone(), vec!["--force"]),
        (files[0].clone(), vec![]),
        (dir.path().to_path_buf(), vec![]),
    ] {
        let o = cli_print(&db, "hak-korban", &out, &extra);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert_eq!(stderr(&o).trim().lines().count(), 1, "{}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"));
    }
    let o = cli_print(&db, "surat-cinta", &dir.path().join("y.pdf"), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("ba-mediasi"),
        "the valid kinds are listed: {}",
        stderr(&o)
    );
    assert_eq!(prints_logged(&db).len(), before);
    // The database is still a database.
    assert!(Store::open(&db).unwrap().case_file(1).unwrap().is_some());
}

#[test]
fn a_refused_paper_or_a_failed_write_takes_no_number() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    let (mut s, id) = setup(&db);
    s.add_mediation(
        id,
        day(20),
        &Step::Asesmen {
            matter: Matter::Perdata,
            free_decision: true,
            assessed_by: "Ani".into(),
            note: String::new(),
        },
        "ani",
        now(),
    )
    .unwrap()
    .unwrap();
    s.add_mediation(
        id,
        day(20),
        &Step::Kesepakatan {
            points: "Nafkah dibayar".into(),
            follow_up: None,
        },
        "ani",
        now(),
    )
    .unwrap()
    .unwrap();
    drop(s);
    // The final report is refused (not closed), the Berita Acara's folder does not exist:
    // neither takes a number, so the first that is written gets 001.
    let o = cli_print(&db, "laporan-akhir", &dir.path().join("a.pdf"), &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = cli_print(&db, "ba-mediasi", &dir.path().join("nope/ba.pdf"), &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let ok = dir.path().join("ba.pdf");
    let o = cli_print(&db, "ba-mediasi", &ok, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("001/UPTD-PPA/"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}

/// The `PAPER_NUMBERS` migration from the schema-14 release: the register of papers starts
/// empty, and the first numbered paper on the migrated database continues the letters' own
/// register instead of starting it again at 001 (one outgoing register per office).
#[test]
fn after_migrating_from_v14_a_paper_number_follows_the_letters_already_numbered() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    std::fs::copy("tests/fixtures/v14.db", &db).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    Store::migrate_file(&db).unwrap();
    let mut s = Store::open(&db).unwrap();
    let raw = rusqlite::Connection::open(&db).unwrap();
    let count: i64 = raw
        .query_row("SELECT count(*) FROM paper_numbers", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 0);
    let letters: Vec<String> = raw
        .prepare("SELECT letter_number FROM referrals WHERE letter_number IS NOT NULL")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!letters.is_empty());
    let case: i64 = raw
        .query_row(
            "SELECT case_id FROM mediation_records WHERE step = 'kesepakatan' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let seq = |n: &str| n.split('/').next().unwrap().parse::<u32>().unwrap();
    let year = |n: &str| n.rsplit('/').next().unwrap().to_string();
    let out = dir.path().join("ba.txt");
    let p = print(
        &mut s,
        &config(),
        case,
        req(Kind::BaMediasi),
        "sup",
        Lang::Id,
        Local::now(),
        &out,
        &OutRules::default(),
        None,
    )
    .unwrap();
    let n = p.number.unwrap();
    let same_year: Vec<u32> = letters
        .iter()
        .filter(|l| year(l) == year(&n))
        .map(|l| seq(l))
        .collect();
    if let Some(max) = same_year.iter().max() {
        assert!(seq(&n) > *max, "{n} after {letters:?}");
    }
    assert!(!letters.contains(&n));
    assert!(std::fs::read_to_string(&out).unwrap().contains(&n));
}
