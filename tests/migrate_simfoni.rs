//! The SIMFONI fields migration (issue 18) on a database written by the schema-10 release
//! (`tests/fixtures/v10.db`, see tests/migrate.rs): the old free text "Sekolah / pekerjaan"
//! is kept, and what it says unambiguously is mapped onto the closed fields.

use std::path::{Path, PathBuf};

use meja::store::Store;
use rusqlite::{Connection, OpenFlags, params};

const V10: &str = "tests/fixtures/v10.db";

fn copy_of(fixture: &str, dir: &Path) -> PathBuf {
    let db = dir.join("meja.db");
    std::fs::copy(fixture, &db).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    db
}

/// What a front desk typed (text, age) and the (education, occupation) expected after it.
type Typed = (
    &'static str,
    Option<u32>,
    Option<&'static str>,
    Option<&'static str>,
);

/// (schooling, age) → (education, occupation) after migrating.
const TYPED: &[Typed] = &[
    ("kelas 3 SD", Some(9), Some("sd"), Some("pelajar")),
    ("SMP", Some(14), Some("sltp"), Some("pelajar")),
    ("SD", Some(41), Some("sd"), None),
    ("IRT", Some(35), None, Some("irt")),
    (
        "lulusan S1, karyawan swasta",
        Some(29),
        Some("pt"),
        Some("swasta_buruh"),
    ),
    ("entahlah", Some(20), None, None),
];

#[test]
fn the_old_schooling_text_is_kept_and_mapped_onto_the_simfoni_fields() {
    let dir = tempfile::tempdir().unwrap();
    let db = copy_of(V10, dir.path());
    // Rows the way the schema-10 release wrote them, with texts a front desk types.
    {
        let c = Connection::open(&db).unwrap();
        let version: i64 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, 10);
        for (n, (text, age, _, _)) in TYPED.iter().enumerate() {
            c.execute(
                "INSERT INTO persons (case_id, role, ord, name, sex, age, schooling)
                 VALUES (1, 'korban', ?1, ?2, 'P', ?3, ?4)",
                params![10 + n as i64, format!("Korban Uji {n}"), age, text],
            )
            .unwrap();
        }
    }
    let before: Vec<(i64, String)> = {
        let c = Connection::open(&db).unwrap();
        c.prepare("SELECT id, schooling FROM persons ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert!(before.len() > 120);

    Store::migrate_file(&db).unwrap();

    let c = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let after: Vec<(i64, String, Option<String>, Option<String>)> = c
        .prepare("SELECT id, schooling, education, occupation FROM persons ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(after.len(), before.len(), "every person is still there");
    for ((id, old), (id2, kept, _, _)) in before.iter().zip(&after) {
        assert_eq!((id, old), (id2, kept), "the old text stays as it was");
    }
    for (text, _, education, occupation) in TYPED {
        let row = after.iter().find(|r| r.1 == *text).unwrap();
        assert_eq!(
            (row.2.as_deref(), row.3.as_deref()),
            (*education, *occupation),
            "{text}"
        );
    }
    // The release's demo children were "SD/SMP Negeri (contoh)": at school, but which one is
    // not said, so only the occupation is filled.
    let demo: Vec<_> = after
        .iter()
        .filter(|r| r.1 == "SD/SMP Negeri (contoh)")
        .collect();
    assert_eq!(demo.len(), 26);
    for r in demo {
        assert_eq!((r.2.as_deref(), r.3.as_deref()), (None, Some("pelajar")));
    }
    // Nobody without a text gets a guessed value.
    assert!(
        after
            .iter()
            .filter(|r| r.1.trim().is_empty())
            .all(|r| r.2.is_none() && r.3.is_none())
    );
    // The new columns start empty for the rest, and every case is still there.
    let cases: i64 = c
        .query_row(
            "SELECT count(*) FROM cases WHERE case_kind IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(cases, 40);
}

#[test]
fn a_migrated_case_opens_with_its_mapped_fields_beside_the_old_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = copy_of(V10, dir.path());
    Store::migrate_file(&db).unwrap();
    let store = Store::open(&db).unwrap();
    let c = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let id: i64 = c
        .query_row(
            "SELECT case_id FROM persons WHERE schooling = 'SD/SMP Negeri (contoh)' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let file = store.case_file(id).unwrap().unwrap();
    let v = &file.intake.victims[0];
    assert_eq!(v.schooling, "SD/SMP Negeri (contoh)");
    assert_eq!(v.occupation, "pelajar");
    assert_eq!(v.education, "");
}
