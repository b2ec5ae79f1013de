//! The history, the notes and the access log can only grow, whatever SQL is tried on the file.

use std::path::Path;

use meja::store::Store;
use rusqlite::Connection;

const TABLES: &[&str] = &["case_history", "case_notes", "access_log"];

/// A migrated copy of the schema-5 fixture, which has rows in all three tables, and a raw
/// connection to it: what someone with `sqlite3` and the file could do.
fn raw_db(dir: &Path) -> Connection {
    let db = dir.join("meja.db");
    std::fs::copy("tests/fixtures/v5.db", &db).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    Store::migrate_file(&db).unwrap();
    Connection::open(&db).unwrap()
}

fn row(c: &Connection, table: &str, id: i64) -> String {
    c.query_row(&format!("SELECT * FROM {table} WHERE id = ?1"), [id], |r| {
        let n = r.as_ref().column_count();
        Ok((0..n)
            .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
            .collect::<Vec<_>>()
            .join("|"))
    })
    .unwrap()
}

fn count(c: &Connection, table: &str) -> i64 {
    c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// The statement that rewrites row 1 of `table` through a REPLACE, in the given form.
fn rewrite(table: &str, form: &str) -> String {
    let values = match table {
        "case_history" => {
            "(1, 1, '2026-01-01T00:00:00+00:00', 'x', 'tahap', NULL, NULL, NULL, NULL, NULL)"
        }
        // The last NULL is the hash column of the chain (`store::chain`).
        "case_notes" => "(1, 1, '2026-01-01T00:00:00+00:00', 'x', 'dipalsukan', NULL)",
        _ => "(1, '2026-01-01T00:00:00+00:00', 'x', 'buka', NULL, 'dipalsukan', NULL)",
    };
    format!("{form} {table} VALUES {values}")
}

#[test]
fn replace_cannot_rewrite_an_append_only_row() {
    let dir = tempfile::tempdir().unwrap();
    let c = raw_db(dir.path());
    for table in TABLES {
        let before = row(&c, table, 1);
        let n = count(&c, table);
        for form in ["INSERT OR REPLACE INTO", "REPLACE INTO"] {
            let sql = rewrite(table, form);
            let e = c.execute(&sql, []).expect_err(&sql);
            assert!(e.to_string().contains("append-only"), "{sql}: {e}");
            assert_eq!(row(&c, table, 1), before, "{sql} changed the row");
            assert_eq!(count(&c, table), n, "{sql} changed the count");
        }
    }
}

#[test]
fn upsert_update_and_delete_are_refused_too() {
    let dir = tempfile::tempdir().unwrap();
    let c = raw_db(dir.path());
    for table in TABLES {
        let before = row(&c, table, 1);
        for sql in [
            format!(
                "{} ON CONFLICT(id) DO UPDATE SET staff = 'x'",
                rewrite(table, "INSERT INTO")
            ),
            format!("UPDATE {table} SET staff = 'x' WHERE id = 1"),
            format!("DELETE FROM {table} WHERE id = 1"),
        ] {
            assert!(c.execute(&sql, []).is_err(), "{sql} was accepted");
            assert_eq!(row(&c, table, 1), before, "{sql} changed the row");
        }
    }
}

#[test]
fn new_rows_are_still_appended() {
    let dir = tempfile::tempdir().unwrap();
    let c = raw_db(dir.path());
    for table in TABLES {
        let n = count(&c, table);
        // An explicit id not yet used, and no id at all, both append.
        let sql = rewrite(table, "INSERT INTO").replacen("(1,", "(100000,", 1);
        c.execute(&sql, []).unwrap();
        let sql = rewrite(table, "INSERT INTO").replacen("(1,", "(NULL,", 1);
        c.execute(&sql, []).unwrap();
        assert_eq!(count(&c, table), n + 2, "{table}");
    }
}
