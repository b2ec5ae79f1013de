//! Import and export of the agency directory: HSDS packages from other tools (1.x and 3.x
//! names), the simple spreadsheet CSV, round trips, and hostile text.

use std::path::{Path, PathBuf};

mod common;

use chrono::NaiveDate;
use meja::domain::agency::{Agency, Week};
use meja::i18n::{Lang, Msg};
use meja::io::{Format, Parsed, read_directory, read_hsds, read_sheet, write_directory};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn week(s: &str) -> Week {
    Week::parse(s).unwrap()
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn by_name<'a>(p: &'a Parsed, name: &str) -> &'a Agency {
    p.agencies
        .iter()
        .find(|a| a.name == name)
        .unwrap_or_else(|| panic!("{name} not read"))
}

/// What a test says an agency must be, field by field.
struct Want<'a> {
    name: &'a str,
    kind: &'a str,
    services: &'a [&'a str],
    areas: &'a [&'a str],
    phones: &'a [&'a str],
    hours: &'a str,
}

fn check(p: &Parsed, w: &Want) {
    let a = by_name(p, w.name);
    assert_eq!(a.kind, w.kind, "{} kind", w.name);
    assert_eq!(a.services, strings(w.services), "{} services", w.name);
    assert_eq!(a.areas, strings(w.areas), "{} areas", w.name);
    assert_eq!(a.phones, strings(w.phones), "{} phones", w.name);
    assert_eq!(a.hours, week(w.hours), "{} hours", w.name);
}

#[test]
fn an_hsds_1_package_from_another_tool_is_read_with_its_one_broken_row_reported() {
    let p = read_directory(&fixture("hsds-1")).unwrap();
    let names: Vec<&str> = p.agencies.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "Unit PPA Satreskrim Polres Metro",
            "RSUD Contoh Kota Metro",
            "Biro Psikologi Harapan Metro",
            "LBH Metro Adil",
            "Rumah Aman Pelangi",
            "Dinas Sosial Kota Metro",
        ]
    );
    // The organization without a name, on line 8 (the header is 1 and the blank row counts).
    // Its service and phone are reported too, as rows with no organization to go to.
    assert_eq!(p.problems.len(), 3, "{:?}", p.problems);
    assert!(
        p.problems[1..]
            .iter()
            .all(|x| x.reason.msg == Msg::RowNoOrganization),
        "{:?}",
        p.problems
    );
    let problem = &p.problems[0];
    assert_eq!(problem.file, "organizations.csv");
    assert_eq!(problem.line, 8);
    assert_eq!(problem.reason.msg, Msg::RowNameRequired);
    assert_eq!(
        problem.render(Lang::Id),
        "organizations.csv baris 8: kolom name: nama wajib diisi"
    );

    check(
        &p,
        &Want {
            name: "Unit PPA Satreskrim Polres Metro",
            kind: "unit_ppa",
            // One by its Indonesian label, one by its English label.
            services: &["penegakan_hukum", "pengaduan"],
            // "Kota Metro" and "18.72 Kota Metro" are one area.
            areas: &["18.72"],
            // The organization's, its service's, and its location's (the same number again).
            phones: &["0725000001", "081200000001"],
            // 00:00–23:59 every day is HSDS for "24 hours".
            hours: "Sen-Min 24 jam",
        },
    );
    check(
        &p,
        &Want {
            name: "RSUD Contoh Kota Metro",
            kind: "kesehatan",
            // "Layanan visum" by its taxonomy term, the other by its name.
            services: &["kesehatan", "psikologis"],
            areas: &["18.72"],
            // Linked through a service at a location.
            phones: &["0725000002"],
            hours: "Sen-Min 24 jam",
        },
    );
    check(
        &p,
        &Want {
            name: "Biro Psikologi Harapan Metro",
            kind: "psikolog",
            services: &["psikologis"],
            areas: &["18.72.01", "18.72.04"],
            phones: &["081300000003"],
            // Monday 09–12 and 13–17 become one span.
            hours: "Sen-Jum 09.00-17.00; Sab 09.00-13.00",
        },
    );
    check(
        &p,
        &Want {
            name: "LBH Metro Adil",
            kind: "bantuan_hukum",
            // Its id is in capitals in one file and small letters in the other.
            services: &["bantuan_hukum", "mediasi"],
            areas: &["18.72", "18.07"],
            phones: &["0725000004"],
            hours: "Sen-Jum 08.00-16.00",
        },
    );
    check(
        &p,
        &Want {
            name: "Rumah Aman Pelangi",
            kind: "rumah_aman",
            services: &["rumah_aman"],
            areas: &["18.72"],
            phones: &["081200000005"],
            hours: "",
        },
    );
    check(
        &p,
        &Want {
            name: "Dinas Sosial Kota Metro",
            kind: "dinsos",
            services: &["rehabilitasi_sosial", "pemulangan"],
            areas: &["18.72"],
            phones: &["0725000006"],
            hours: "Sen-Kam 07.30-16.00; Jum 07.30-16.30",
        },
    );

    let ppa = by_name(&p, "Unit PPA Satreskrim Polres Metro");
    assert_eq!(ppa.source_id, "6f1c2a9e-3b8d-4c1e-9a7f-1d2e3f4a5b6c");
    assert_eq!(ppa.address, "Jl. Contoh Raya No. 1, Metro, Lampung, 34111");
    // No email column on organizations: the service's is used.
    assert_eq!(ppa.email, "ppa.polresmetro@contoh.invalid");
    // The location's own name has no meja field: kept in the notes.
    assert_eq!(
        ppa.notes,
        "Menerima laporan kekerasan terhadap perempuan dan anak\nLokasi: Mapolres Metro"
    );
    assert!(ppa.active && !ppa.example && ppa.verified.is_none());
    let rsud = by_name(&p, "RSUD Contoh Kota Metro");
    // Its location names no organization; a service offered there does.
    assert_eq!(
        rsud.address,
        "Jl. Contoh Sehat No. 2, Metro, Lampung, 34112"
    );
    assert_eq!(rsud.source_id, "2");
    let lbh = by_name(&p, "LBH Metro Adil");
    assert_eq!(
        lbh.address,
        "Jl. Contoh Adil No. 4, Lantai 2, Metro, Lampung, 34111"
    );
    assert_eq!(
        lbh.notes,
        "Bantuan hukum gratis, pendampingan di kepolisian dan pengadilan\nLokasi: Kantor LBH"
    );
    assert_eq!(by_name(&p, "Rumah Aman Pelangi").address, "");
    // Every service inactive or defunct.
    assert!(!by_name(&p, "Dinas Sosial Kota Metro").active);

    // The package's datapackage.json, or the folder, give the same.
    assert_eq!(
        read_directory(&fixture("hsds-1/datapackage.json")).unwrap(),
        p
    );
    assert_eq!(read_hsds(&fixture("hsds-1")).unwrap(), p);
}

#[test]
fn an_hsds_3_package_with_schedules_by_day_and_addresses_is_read() {
    let p = read_directory(&fixture("hsds-3")).unwrap();
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(p.agencies.len(), 2);
    check(
        &p,
        &Want {
            name: "Pusat Pembelajaran Keluarga Kota Metro",
            // From an attribute in meja's kind vocabulary; the name alone says nothing.
            kind: "puspaga",
            services: &["psikologis"],
            areas: &["18.72"],
            phones: &["0725000101"],
            // The monthly "first Saturday" rule is not weekly opening hours.
            hours: "Sen-Kam 07.30-16.00; Jum 07.30-16.30",
        },
    );
    check(
        &p,
        &Want {
            name: "Klinik Pratama Contoh Sejahtera",
            kind: "kesehatan",
            services: &["kesehatan"],
            areas: &["18.72.03"],
            phones: &["0725000102"],
            // freq DAILY without days, linked through the service at its location.
            hours: "Sen-Min 24 jam",
        },
    );
    let puspaga = by_name(&p, "Pusat Pembelajaran Keluarga Kota Metro");
    // The postal address comes first in the file and is not where anyone goes.
    // The postcode is part of the address; Indonesia's own country code is implied.
    assert_eq!(
        puspaga.address,
        "Jl. Contoh Keluarga No. 5, Metro, Lampung, 34111"
    );
    // The contact's title comes along with the name.
    assert_eq!(puspaga.contact, "Ibu Contoh Rahayu (Konselor)");
    assert_eq!(puspaga.email, "puspaga@contoh.invalid");
    let klinik = by_name(&p, "Klinik Pratama Contoh Sejahtera");
    assert_eq!(klinik.contact, "dr. Contoh Sehat (Dokter)");
    assert_eq!(klinik.email, "klinik@contoh.invalid");
}

/// Writes `files` into a fresh folder and reads it as an HSDS package.
fn package(files: &[(&str, &str)]) -> (tempfile::TempDir, meja::error::Result<Parsed>) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let p = read_hsds(dir.path());
    (dir, p)
}

#[test]
fn hsds_rows_that_cannot_be_understood_are_reported_and_the_rest_imported() {
    let (_dir, p) = package(&[
        (
            "organizations.csv",
            "id,name,x_last_verified\n1,LBH Contoh,31-02-2026\n1,LBH Kembar,\n,Tanpa Id,\n",
        ),
        (
            "services.csv",
            "id,organization_id,name\ns1,1,Konsultasi gratis\ns2,1,Bantuan hukum\n",
        ),
        (
            "service_areas.csv",
            "id,service_id,service_area\na1,s2,Metro\na2,s2,Kota Metro\na3,s2,Atlantis\n",
        ),
        (
            "regular_schedules.csv",
            "id,service_id,weekday,opens_at,closes_at\n\
             r1,s2,8,08:00,16:00\nr2,s2,2,pagi,16:00\nr3,s2,3,16:00,08:00\nr4,s2,Wednesday,08:00,12:00\n",
        ),
    ]);
    let p = p.unwrap();
    assert_eq!(p.agencies.len(), 1);
    let a = &p.agencies[0];
    assert_eq!(a.name, "LBH Contoh");
    // A free-text service nothing maps is kept as "lainnya", its name in the notes.
    assert_eq!(a.services, strings(&["lainnya", "bantuan_hukum"]));
    assert!(a.notes.contains("Konsultasi gratis"), "{}", a.notes);
    assert_eq!(a.areas, strings(&["18.72"]));
    assert_eq!(a.hours, week("Rab 08.00-12.00"));
    assert_eq!(a.verified, None);
    let got: Vec<(&str, usize, Msg, Vec<String>)> = p
        .problems
        .iter()
        .map(|x| (x.file.as_str(), x.line, x.reason.msg, x.reason.args.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "organizations.csv",
                2,
                Msg::RowBadDate,
                strings(&["x_last_verified", "31-02-2026"])
            ),
            (
                "organizations.csv",
                3,
                Msg::RowDuplicateId,
                strings(&["id", "1", "2"])
            ),
            ("organizations.csv", 4, Msg::RowIdRequired, strings(&["id"])),
            (
                "regular_schedules.csv",
                2,
                Msg::RowBadDay,
                strings(&["weekday", "8"])
            ),
            (
                "regular_schedules.csv",
                3,
                Msg::RowBadTime,
                strings(&["opens_at", "pagi"])
            ),
            // Readable, but it closes before it opens.
            (
                "regular_schedules.csv",
                4,
                Msg::RowClosesBeforeOpens,
                strings(&["closes_at", "08:00", "16:00"])
            ),
            // "Metro" is the name of two villages.
            (
                "service_areas.csv",
                2,
                Msg::RowUnknownArea,
                strings(&["service_area", "Metro"])
            ),
            (
                "service_areas.csv",
                4,
                Msg::RowUnknownArea,
                strings(&["service_area", "Atlantis"])
            ),
        ]
    );
    assert_eq!(p.notices.len(), 1, "{:?}", p.notices);
    assert_eq!(
        p.notices[0].render(Lang::Id),
        "services.csv baris 2: kolom name: layanan \"Konsultasi gratis\" disimpan sebagai \
         Layanan lain (belum dipetakan); petakan di lembar lembaga (nama dan uraiannya di catatan)"
    );
    assert_eq!(
        p.notices[0].render(Lang::En),
        "services.csv line 2: column name: service \"Konsultasi gratis\" kept as Layanan lain \
         (belum dipetakan); map it on the agency sheet (name and description in the notes)"
    );
}

#[test]
fn sources_that_cannot_be_read_at_all_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let err = |p: &Path| read_directory(p).unwrap_err().msg;
    assert_eq!(err(&dir.path().join("nope")), Msg::ErrDirNotFound);
    assert_eq!(err(dir.path()), Msg::ErrDirNoOrganizations);
    let xlsx = dir.path().join("direktori.xlsx");
    std::fs::write(&xlsx, "PK").unwrap();
    assert_eq!(err(&xlsx), Msg::ErrDirUnknownFormat);
    let sheet = dir.path().join("tanpa-nama.csv");
    std::fs::write(&sheet, "id,telepon\n1,0725000001\n").unwrap();
    assert_eq!(err(&sheet), Msg::ErrSheetNoName);
    std::fs::write(dir.path().join("organizations.csv"), "id,name\n1,A\n").unwrap();
    std::fs::write(dir.path().join("datapackage.json"), "{ not json").unwrap();
    assert_eq!(err(dir.path()), Msg::ErrDirDatapackage);
    std::fs::remove_file(dir.path().join("datapackage.json")).unwrap();
    // Without datapackage.json the known file names are enough.
    assert_eq!(read_directory(dir.path()).unwrap().agencies.len(), 1);
    // A file where the package folder should be written.
    let blocked = dir.path().join("organizations.csv").join("out");
    let e =
        write_directory(Format::Hsds, &[], &blocked, Lang::Id, &Default::default()).unwrap_err();
    assert_eq!(e.msg, Msg::ErrDirWrite);
}

#[test]
fn a_semicolon_sheet_from_indonesian_excel_is_read_with_its_bad_row_reported() {
    let p = read_sheet(&fixture("direktori.csv")).unwrap();
    let names: Vec<&str> = p.agencies.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "Unit PPA Polres Metro (uji)",
            "RSUD Contoh (uji)",
            "LBH Contoh (uji)",
            "Dinas Sosial Contoh (uji)"
        ]
    );
    // Row 6 as a spreadsheet shows it: the first row's note spans two lines of the file, and
    // the blank row counts.
    assert_eq!(p.problems.len(), 1, "{:?}", p.problems);
    let bad = &p.problems[0];
    assert_eq!((bad.file.as_str(), bad.line), ("direktori.csv", 6));
    assert_eq!(bad.reason.msg, Msg::RowUnknownKind);
    assert_eq!(bad.reason.args[..2], strings(&["jenis", "Polisi Hutan"]));
    assert!(
        bad.reason.args[2].contains("unit_ppa, kejaksaan"),
        "valid codes listed"
    );

    let ppa = by_name(&p, "Unit PPA Polres Metro (uji)");
    assert_eq!(ppa.source_id, "ppa-01");
    assert_eq!(ppa.kind, "unit_ppa");
    assert_eq!(ppa.services, strings(&["pengaduan", "penegakan_hukum"]));
    assert_eq!(ppa.phones, strings(&["0725000001", "081200000001"]));
    assert_eq!(ppa.hours, week("Sen-Min 24 jam"));
    assert_eq!(ppa.notes, "Lapor di SPKT;\nminta ke Unit PPA");
    assert_eq!(ppa.contact, "Bripka Contoh");
    assert_eq!(ppa.verified, NaiveDate::from_ymd_opt(2026, 11, 23));
    assert!(ppa.active);

    let rsud = by_name(&p, "RSUD Contoh (uji)");
    // No id: one derived from the name, so the same sheet imported again matches.
    assert_eq!(rsud.source_id, "nama:rsud contoh (uji)");
    assert_eq!(rsud.kind, "kesehatan");
    assert_eq!(rsud.services, strings(&["kesehatan", "psikologis"]));
    assert_eq!(rsud.areas, strings(&["18.72", "18.72.01"]));
    assert_eq!(rsud.verified, NaiveDate::from_ymd_opt(2026, 11, 1));

    let lbh = by_name(&p, "LBH Contoh (uji)");
    // English labels, a code Excel stripped of its dot, numbers split on a slash.
    assert_eq!(lbh.kind, "bantuan_hukum");
    assert_eq!(lbh.services, strings(&["bantuan_hukum", "mediasi"]));
    assert_eq!(lbh.areas, strings(&["18.72"]));
    assert_eq!(lbh.phones, strings(&["0725000004", "081300000004"]));
    assert_eq!(lbh.hours, week("Sen-Jum 08.00-16.00; Sab 08.00-12.00"));
    assert!(!lbh.active);

    // No type given: the name says it.
    let dinsos = by_name(&p, "Dinas Sosial Contoh (uji)");
    assert_eq!(dinsos.kind, "dinsos");
    assert!(dinsos.active);
}

#[test]
fn a_sheet_row_reports_every_bad_cell_and_repeated_ids() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("daftar.csv");
    std::fs::write(
        &path,
        "Name,Type,Services,Areas,Hours,Active,Verified\n\
         A,psikolog,pijat,99.99,Sen 16-08,kadang,30-02-2026\n\
         B,,,,,,\n\
         B,,,,,,\n\
         ,lpa,,,,,\n",
    )
    .unwrap();
    let p = read_sheet(&path).unwrap();
    assert_eq!(p.agencies.len(), 1);
    assert_eq!(p.agencies[0].kind, "lainnya");
    let got: Vec<(usize, Msg, Vec<String>)> = p
        .problems
        .iter()
        .map(|x| (x.line, x.reason.msg, x.reason.args.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            (2, Msg::RowUnknownService, strings(&["Services", "pijat"])),
            (2, Msg::RowUnknownArea, strings(&["Areas", "99.99"])),
            (2, Msg::RowBadHours, strings(&["Hours", "Sen 16-08"])),
            (2, Msg::RowBadYesNo, strings(&["Active", "kadang"])),
            (2, Msg::RowBadDate, strings(&["Verified", "30-02-2026"])),
            (4, Msg::RowDuplicateId, strings(&["id", "nama:b", "3"])),
            (5, Msg::RowNameRequired, strings(&["Name"])),
        ]
    );
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A directory with every field used: 24-hour and split hours, several phones (a hotline
/// too), areas at three levels, an inactive agency, a demo one, one without services or
/// address, notes over two lines.
fn directory() -> Vec<Agency> {
    let mut v = vec![
        Agency {
            id: 4,
            version: 3,
            source_id: "ppa-polres-metro".into(),
            name: "Unit PPA Polres Metro".into(),
            kind: "unit_ppa".into(),
            services: strings(&["pengaduan", "penegakan_hukum"]),
            areas: strings(&["18.72", "18.72.01", "18.72.01.1001"]),
            address: "Jl. Contoh Raya No. 1, Metro Pusat".into(),
            phones: strings(&["0725000001", "081200000001", "110"]),
            email: "ppa@contoh.invalid".into(),
            hours: week("Sen-Min 24 jam"),
            contact: "Ipda Contoh Wulandari".into(),
            notes: "Lapor di SPKT.\nUnit PPA pada jam kantor, \"ruang ramah anak\".".into(),
            active: true,
            verified: Some(d(2026, 11, 2)),
            example: false,
        },
        Agency {
            source_id: "b2d7e3a0-1111-4c2b-9d3e-000000000002".into(),
            name: "Biro Psikologi Harapan".into(),
            kind: "psikolog".into(),
            services: strings(&["psikologis"]),
            areas: strings(&["18.72.04"]),
            address: "Jl. Contoh Harapan No. 8".into(),
            phones: strings(&["081300000008"]),
            hours: week("Sen 09.00-12.00; Sel-Jum 09.00-17.00; Sab 09.00-13.00"),
            contact: "Contoh Anggraini, M.Psi.".into(),
            verified: Some(d(2025, 1, 31)),
            ..Agency::default()
        },
        Agency {
            source_id: "77".into(),
            name: "LBH Metro Adil".into(),
            kind: "bantuan_hukum".into(),
            services: strings(&["bantuan_hukum", "mediasi", "pendampingan_baru"]),
            areas: strings(&["18.72", "18.07"]),
            hours: week("Sen-Jum 08.00-16.00"),
            active: false,
            ..Agency::default()
        },
        Agency {
            source_id: "contoh-dukcapil".into(),
            name: "Disdukcapil Kota Metro (CONTOH)".into(),
            kind: "dukcapil".into(),
            phones: strings(&["0725000013"]),
            hours: week("Sen-Kam 07.30-16.00; Jum 07.30-16.30"),
            notes: "Data contoh — ganti dengan data lembaga setempat.".into(),
            example: true,
            ..Agency::default()
        },
        Agency {
            id: 9,
            name: "Rumah Aman Pelangi".into(),
            kind: "rumah_aman".into(),
            services: strings(&["rumah_aman"]),
            ..Agency::default()
        },
    ];
    for a in &mut v {
        let before = a.clone();
        a.clean();
        assert_eq!(*a, before, "test data must already be clean");
    }
    v
}

/// `back` equals `sent` except the database's row id and version, which a file does not
/// carry, and the source id of an agency that had none, which export derived from its row id.
fn assert_round_trip(sent: &[Agency], back: &[Agency]) {
    assert_eq!(back.len(), sent.len());
    for (s, b) in sent.iter().zip(back) {
        let want_source = if s.source_id.is_empty() {
            format!("meja-{}", s.id)
        } else {
            s.source_id.clone()
        };
        assert_eq!(b.source_id, want_source);
        assert_eq!(b.name, s.name);
        assert_eq!(b.kind, s.kind, "{}", s.name);
        assert_eq!(b.services, s.services, "{}", s.name);
        assert_eq!(b.areas, s.areas, "{}", s.name);
        assert_eq!(b.address, s.address, "{}", s.name);
        assert_eq!(b.phones, s.phones, "{}", s.name);
        assert_eq!(b.email, s.email, "{}", s.name);
        assert_eq!(b.hours, s.hours, "{}", s.name);
        assert_eq!(b.contact, s.contact, "{}", s.name);
        assert_eq!(b.notes, s.notes, "{}", s.name);
        assert_eq!(b.active, s.active, "{}", s.name);
        assert_eq!(b.verified, s.verified, "{}", s.name);
        assert_eq!(b.example, s.example, "{}", s.name);
        assert_eq!((b.id, b.version), (0, 0));
    }
}

/// Every file under `dir`, by relative path, with its bytes.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn hsds_export_reads_back_the_same_directory_and_is_byte_stable() {
    let sent = directory();
    let dir = tempfile::tempdir().unwrap();
    for lang in [Lang::Id, Lang::En] {
        let out = dir.path().join(format!("ekspor-{lang:?}"));
        write_directory(Format::Hsds, &sent, &out, lang, &Default::default()).unwrap();
        let back = read_directory(&out).unwrap();
        // The one service code this meja does not know is written, and read back as a
        // service to map ("lainnya"), its name kept in the notes.
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        assert_eq!(back.notices.len(), 1, "{:?}", back.notices);
        assert_eq!(back.notices[0].reason.msg, Msg::RowServiceUnmapped);
        let mut want = sent.clone();
        want[2].services.pop();
        want[2].services.push("lainnya".into());
        want[2].notes = format!(
            "{}\nLayanan: pendampingan_baru (Layanan lain (belum dipetakan))",
            want[2].notes
        )
        .trim_start()
        .to_string();
        assert_round_trip(&want, &back.agencies);

        let again = dir.path().join(format!("lagi-{lang:?}"));
        write_directory(Format::Hsds, &sent, &again, lang, &Default::default()).unwrap();
        assert_eq!(files(&out), files(&again));
    }

    let out = dir.path().join("ekspor-Id");
    let names: Vec<PathBuf> = files(&out).into_iter().map(|(p, _)| p).collect();
    for f in [
        "datapackage.json",
        "organizations.csv",
        "services.csv",
        "locations.csv",
        "physical_addresses.csv",
        "services_at_location.csv",
        "phones.csv",
        "regular_schedules.csv",
        "service_areas.csv",
        "taxonomy.csv",
        "services_taxonomy.csv",
    ] {
        assert!(names.contains(&PathBuf::from(f)), "{f} missing");
    }
    // A valid tabular data package: every resource's file exists and its fields are the
    // file's header.
    let pkg: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("datapackage.json")).unwrap()).unwrap();
    assert_eq!(pkg["profile"], "tabular-data-package");
    assert!(pkg["name"].as_str().is_some_and(|n| !n.is_empty()));
    for r in pkg["resources"].as_array().unwrap() {
        let path = r["path"].as_str().unwrap();
        let text = std::fs::read_to_string(out.join(path)).unwrap();
        let header = text.lines().next().unwrap();
        let fields: Vec<&str> = r["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(header, fields.join(","), "{path}");
        assert!(r["name"].as_str().is_some());
    }
    let orgs = std::fs::read_to_string(out.join("organizations.csv")).unwrap();
    assert!(
        orgs.starts_with("id,name,description,email,url,x_last_verified,x_contact,x_example\r\n")
    );
    assert!(orgs.contains("\r\nppa-polres-metro,Unit PPA Polres Metro,"));
    // The agency that had no source id and the one with no services.
    assert!(orgs.contains("\r\nmeja-9,Rumah Aman Pelangi,"));
    let services = std::fs::read_to_string(out.join("services.csv")).unwrap();
    assert!(services.contains("\r\ncontoh-dukcapil-svc-general,contoh-dukcapil,Disdukcapil Kota Metro (CONTOH),,active\r\n"));
    assert!(services.contains("\r\n77-svc-mediasi,77,Mediasi,,inactive\r\n"));
    let areas = std::fs::read_to_string(out.join("service_areas.csv")).unwrap();
    assert!(areas.contains("\r\n77-svc-bantuan_hukum-area-2,77-svc-bantuan_hukum,Kabupaten Lampung Timur,\"Kabupaten Lampung Timur, Lampung\",18.07,kemendagri\r\n"));
    let schedules = std::fs::read_to_string(out.join("regular_schedules.csv")).unwrap();
    // ISO weekday numbers (1 = Monday) and iCal days side by side; 24 hours as 00:00–23:59.
    assert!(schedules.contains("\r\nppa-polres-metro-svc-pengaduan-day-7,ppa-polres-metro-svc-pengaduan,,,7,00:00,23:59,WEEKLY,SU\r\n"));
    assert!(schedules.contains("\r\nb2d7e3a0-1111-4c2b-9d3e-000000000002-svc-psikologis-day-1,b2d7e3a0-1111-4c2b-9d3e-000000000002-svc-psikologis,,,1,09:00,12:00,WEEKLY,MO\r\n"));
}

#[test]
fn sheet_export_reads_back_the_same_directory_and_is_byte_stable() {
    let mut sent = directory();
    // The sheet refuses a code it does not know, so the export would not read back whole.
    sent[2].services.pop();
    let dir = tempfile::tempdir().unwrap();
    for lang in [Lang::Id, Lang::En] {
        let out = dir.path().join(format!("direktori-{lang:?}.csv"));
        write_directory(Format::Csv, &sent, &out, lang, &Default::default()).unwrap();
        let back = read_directory(&out).unwrap();
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        assert_round_trip(&sent, &back.agencies);
        let again = dir.path().join(format!("lagi-{lang:?}.csv"));
        write_directory(Format::Csv, &sent, &again, lang, &Default::default()).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&again).unwrap());
    }
    let id = std::fs::read_to_string(dir.path().join("direktori-Id.csv")).unwrap();
    assert!(id.starts_with(
        "\u{feff}id,nama,jenis,layanan,wilayah,alamat,telepon,email,jam_buka,narahubung,catatan,aktif,diverifikasi,contoh\r\n"
    ));
    assert!(id.contains(
        "\r\nppa-polres-metro,Unit PPA Polres Metro,unit_ppa,pengaduan|penegakan_hukum,18.72|18.72.01|18.72.01.1001,"
    ));
    assert!(id.contains(",Sen-Min 24 jam,"));
    assert!(id.contains(",ya,02-11-2026,tidak\r\n"));
    let en = std::fs::read_to_string(dir.path().join("direktori-En.csv")).unwrap();
    assert!(en.starts_with("\u{feff}id,name,type,services,areas,"));
    assert!(en.contains(",Mon-Fri 08.00–16.00,,,no,,no\r\n"));

    // Without a demo entry the file has exactly the 13 documented columns.
    let plain = dir.path().join("tanpa-contoh.csv");
    write_directory(
        Format::Csv,
        &sent[..3],
        &plain,
        Lang::Id,
        &Default::default(),
    )
    .unwrap();
    let text = std::fs::read_to_string(&plain).unwrap();
    assert!(text.starts_with(
        "\u{feff}id,nama,jenis,layanan,wilayah,alamat,telepon,email,jam_buka,narahubung,catatan,aktif,diverifikasi\r\n"
    ));
}

const HOSTILE: &str = "\u{1b}[2J\u{1b}]0;pwned\u{7}Unit\u{0} PPA \u{202E}Polres\u{202C} Metro";

fn assert_clean(name: &str) {
    assert_eq!(name, "Unit PPA Polres Metro");
    assert!(!name.chars().any(|c| c.is_control()), "{name:?}");
}

#[test]
fn escape_sequences_controls_and_bidi_overrides_are_removed_from_imported_names() {
    let (_dir, p) = package(&[
        (
            "organizations.csv",
            &format!("id,name,description\n1,{HOSTILE},\"baris\u{1b}[31m merah\"\n"),
        ),
        (
            "contacts.csv",
            "id,organization_id,name\nc1,1,\u{1b}]52;c;ZXZpbA==\u{7}Budi\n",
        ),
    ]);
    let p = p.unwrap();
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let a = &p.agencies[0];
    assert_clean(&a.name);
    assert_eq!(a.notes, "baris merah");
    assert_eq!(a.contact, "Budi");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("daftar.csv");
    std::fs::write(&path, format!("nama;telepon\n\"{HOSTILE}\";0725000001\n")).unwrap();
    let p = read_sheet(&path).unwrap();
    assert_clean(&p.agencies[0].name);
    assert_eq!(p.agencies[0].source_id, "nama:unit ppa polres metro");

    // A file name or value in a problem is cleaned too.
    std::fs::write(&path, format!("nama;jenis\nA;{HOSTILE}\n")).unwrap();
    let p = read_sheet(&path).unwrap();
    assert!(!p.problems[0].render(Lang::Id).contains('\u{1b}'));
}

#[test]
fn the_demo_directory_reads_without_a_problem() {
    let p =
        read_directory(&Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/direktori-contoh.csv"))
            .unwrap();
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert!(p.agencies.len() >= 12, "{}", p.agencies.len());
    let today = d(2026, 11, 23);
    for a in &p.agencies {
        assert!(a.name.ends_with(" (CONTOH)"), "{}", a.name);
        assert!(a.example, "{}", a.name);
        assert!(a.verified.is_none(), "{}", a.name);
        assert!(!a.hours.is_empty() && !a.contact.is_empty(), "{}", a.name);
        assert!(
            a.notes
                .starts_with("Data contoh — ganti dengan data lembaga setempat")
        );
        assert!(
            a.check(today).is_empty(),
            "{}: {:?}",
            a.name,
            a.check(today)
        );
        assert!(
            a.phones
                .iter()
                .all(|p| p.starts_with("0725000") || p.starts_with("08")),
            "{}: {:?}",
            a.name,
            a.phones
        );
    }
    let kinds: Vec<&str> = p.agencies.iter().map(|a| a.kind.as_str()).collect();
    for k in [
        "unit_ppa",
        "kejaksaan",
        "pengadilan",
        "bapas",
        "kesehatan",
        "psikolog",
        "bantuan_hukum",
        "rumah_aman",
        "dinsos",
        "disdik",
        "dukcapil",
        "puspaga",
        "lpa",
    ] {
        assert!(kinds.contains(&k), "no {k}");
    }
    let rsud = p
        .agencies
        .iter()
        .find(|a| a.name.starts_with("RSUD"))
        .unwrap();
    assert_eq!(rsud.hours, week("Sen-Min 24 jam"));
}

/// Issue 16 point 20: the import takes what the agency sheet takes and refuses what it
/// refuses: a bare `24 jam`, an invalid phone refused at import (reported, row skipped), an
/// unknown `jenis` refused listing the valid codes, a future verification date refused; and
/// the count of skipped rows counts rows, not problems.
#[test]
fn the_sheet_import_shares_the_agency_rules_and_counts_skipped_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lembaga.csv");
    std::fs::write(
        &path,
        "nama,jenis,telepon,jam_buka,diverifikasi\n\
         RSUD Contoh,kesehatan,0725-41234,24 jam,\n\
         LBH Satu,lbh,12,,\n\
         Polres Dua,polisi,0812,kadang,\n\
         Puskesmas Tiga,,0725-41234 / 99,,\n\
         Dinsos Empat,,,,01-01-2099\n\
         Klinik Lima,xx,abc,,\n",
    )
    .unwrap();
    let p = read_sheet(&path).unwrap();
    let names: Vec<&str> = p.agencies.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["RSUD Contoh"]);
    assert_eq!(p.agencies[0].hours, week("Sen-Min 24 jam"));
    let kinds = p
        .problems
        .iter()
        .find(|x| x.line == 3 && x.reason.msg == Msg::RowUnknownKind)
        .expect("lbh refused");
    let listed = kinds.reason.render(meja::i18n::Lang::Id);
    assert!(
        listed.contains("bantuan_hukum") && listed.contains("unit_ppa"),
        "{listed}"
    );
    assert!(
        p.problems
            .iter()
            .any(|x| x.line == 5 && x.reason.msg == Msg::RowBadPhone)
    );
    assert!(
        p.problems
            .iter()
            .any(|x| x.line == 6 && x.reason.msg == Msg::RowVerifiedFuture)
    );
    assert!(p.problems.len() > 5, "several rows have two problems");
    assert_eq!(p.skipped_rows(), 5);
    // The command says the same.
    let db = dir.path().join("meja.db");
    common::add_supervisor(&mut meja::store::Store::open(&db).unwrap(), "ani");
    let o = common::meja_command("ani")
        .args(["--db", db.to_str().unwrap(), "agencies", "import"])
        .arg(&path)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("5 baris dilewati"), "{out}");
}

/// Issue 16 point 20: an HSDS package's phones follow the rule the agency sheet and the
/// spreadsheet import use. A phone row the sheet would refuse is reported and skipped (the
/// agency keeps its good numbers), and the command counts the skipped rows.
#[test]
fn hsds_phones_follow_the_agency_rules_and_bad_rows_are_skipped_and_counted() {
    let files = [
        (
            "organizations.csv",
            "id,name\n1,LBH Contoh\n2,RSUD Contoh\n",
        ),
        (
            "phones.csv",
            "id,organization_id,number\n\
             p1,1,0725-41234\n\
             p2,1,12\n\
             p3,2,abc\n\
             p4,2,129\n\
             p5,2,+62 812-3456-7890\n",
        ),
    ];
    let (dir, p) = package(&files);
    let p = p.unwrap();
    assert_eq!(by_name(&p, "LBH Contoh").phones, strings(&["072541234"]));
    assert_eq!(
        by_name(&p, "RSUD Contoh").phones,
        strings(&["129", "081234567890"])
    );
    let bad: Vec<(usize, Msg, Vec<String>)> = p
        .problems
        .iter()
        .map(|x| (x.line, x.reason.msg, x.reason.args.clone()))
        .collect();
    assert_eq!(
        bad,
        vec![
            (3, Msg::RowBadPhone, strings(&["number", "12"])),
            (4, Msg::RowBadPhone, strings(&["number", "abc"])),
        ]
    );
    assert!(
        p.problems.iter().all(|x| x.file == "phones.csv"),
        "{:?}",
        p.problems
    );
    assert_eq!(p.skipped_rows(), 2);
    // Every agency the import takes can be saved on the sheet afterwards.
    let today = d(2026, 11, 23);
    for a in &p.agencies {
        assert!(
            a.check(today).is_empty(),
            "{}: {:?}",
            a.name,
            a.check(today)
        );
    }
    // The command says the same.
    let db = dir.path().join("meja.db");
    common::add_supervisor(&mut meja::store::Store::open(&db).unwrap(), "ani");
    let o = common::meja_command("ani")
        .args(["--db", db.to_str().unwrap(), "agencies", "import"])
        .arg(dir.path())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("2 ditambah, 0 diubah, 0 tetap, 2 baris dilewati"),
        "{out}"
    );
    assert!(out.contains("nomor telepon tidak valid: abc"), "{out}");
}
