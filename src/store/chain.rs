//! A hash chain over the append-only tables (case history, notes, access log).
//!
//! Triggers stop an UPDATE, DELETE or REPLACE from any connection, but not someone who drops
//! the trigger in a raw session, or edits the file's bytes. So each row also carries
//! `hash = SHA-256(table, id, the previous row's hash, every column)`: a row changed, removed
//! or slipped in afterwards no longer matches, and `meja check` names the first row that
//! does not. The chain lives in the rows, so it travels with every backup.
//!
//! What it cannot see on its own: someone who rewrites a row *and* recomputes every later
//! hash with this code. `meja check` prints each chain's last hash; an office that notes it
//! (on paper, in a backup log) can tell its record was not rewritten since.
//!
//! The previous hash is read inside the writer's own transaction, and every write
//! transaction is `BEGIN IMMEDIATE`: two processes appending at once are serialised by
//! SQLite's write lock, so neither can chain onto a row the other is replacing.

use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, OptionalExtension, params_from_iter};
use sha2::{Digest, Sha256};

/// One chained table and its columns in hashing order (every column but `id` and `hash`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chained {
    pub table: &'static str,
    columns: &'static [&'static str],
}

pub const HISTORY: Chained = Chained {
    table: "case_history",
    columns: &[
        "case_id",
        "at",
        "staff",
        "action",
        "field",
        "old_value",
        "new_value",
        "note",
    ],
};

pub const NOTES: Chained = Chained {
    table: "case_notes",
    columns: &["case_id", "at", "staff", "body"],
};

pub const ACCESS: Chained = Chained {
    table: "access_log",
    columns: &["at", "staff", "action", "case_id", "detail"],
};

pub const ALL: [Chained; 3] = [HISTORY, NOTES, ACCESS];

/// The row's hash, as lowercase hex. Every value is typed and length-prefixed, so no two
/// different rows encode alike (`("ab", "c")` is not `("a", "bc")`, NULL is not `''`).
fn digest(t: Chained, id: i64, prev: &str, values: &[ValueRef<'_>]) -> String {
    let mut h = Sha256::new();
    let mut put = |tag: u8, bytes: &[u8]| {
        h.update([tag]);
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    put(b'T', t.table.as_bytes());
    put(b'I', &id.to_le_bytes());
    put(b'P', prev.as_bytes());
    for v in values {
        match v {
            ValueRef::Null => put(0, &[]),
            ValueRef::Integer(i) => put(1, &i.to_le_bytes()),
            ValueRef::Real(f) => put(2, &f.to_le_bytes()),
            ValueRef::Text(s) => put(3, s),
            ValueRef::Blob(b) => put(4, b),
        }
    }
    h.finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>()
}

/// A text column's value; None is NULL.
pub(crate) fn text(s: Option<&str>) -> Value {
    s.map_or(Value::Null, |s| Value::Text(s.to_string()))
}

/// The last row's id and hash ("" before the first row).
fn last(c: &Connection, t: Chained) -> rusqlite::Result<(i64, String)> {
    Ok(c.prepare_cached(&format!(
        "SELECT id, coalesce(hash, '') FROM {} ORDER BY id DESC LIMIT 1",
        t.table
    ))?
    .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
    .optional()?
    .unwrap_or((0, String::new())))
}

/// Appends a row (values in `t`'s column order) chained to the last one. Must run inside
/// the caller's write transaction, which is what makes "the last one" well defined.
pub(crate) fn append(c: &Connection, t: Chained, values: &[Value]) -> rusqlite::Result<i64> {
    debug_assert_eq!(values.len(), t.columns.len(), "{}", t.table);
    let (last_id, prev) = last(c, t)?;
    let id = last_id + 1;
    let refs: Vec<ValueRef<'_>> = values.iter().map(ValueRef::from).collect();
    let hash = digest(t, id, &prev, &refs);
    let marks: Vec<String> = (1..=values.len() + 2).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO {} (id, {}, hash) VALUES ({})",
        t.table,
        t.columns.join(", "),
        marks.join(", ")
    );
    let all = std::iter::once(Value::Integer(id))
        .chain(values.iter().cloned())
        .chain(std::iter::once(Value::Text(hash)));
    c.prepare_cached(&sql)?.execute(params_from_iter(all))?;
    Ok(id)
}

/// Walks `t` in id order and calls `f(id, stored hash, computed hash)` for each row.
fn walk(
    c: &Connection,
    t: Chained,
    mut f: impl FnMut(i64, Option<&str>, &str) -> rusqlite::Result<bool>,
) -> rusqlite::Result<()> {
    let sql = format!(
        "SELECT id, hash, {} FROM {} ORDER BY id",
        t.columns.join(", "),
        t.table
    );
    let mut st = c.prepare(&sql)?;
    let mut rows = st.query([])?;
    let mut prev = String::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let stored: Option<String> = r.get(1)?;
        let values: Vec<ValueRef<'_>> = (0..t.columns.len())
            .map(|i| r.get_ref(i + 2))
            .collect::<rusqlite::Result<_>>()?;
        let computed = digest(t, id, &prev, &values);
        if !f(id, stored.as_deref(), &computed)? {
            return Ok(());
        }
        // The next row chains on what is stored: one broken row is reported once, and a
        // row after it that was not touched still verifies.
        prev = stored.unwrap_or(computed);
    }
    Ok(())
}

/// What `meja check` finds in one chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainState {
    /// A database from before the chain (`meja migrate` adds it).
    Missing,
    /// Every row matches: how many, and the last hash.
    Sound { rows: i64, head: String },
    /// The first row that does not match its hash.
    Broken { id: i64 },
}

fn has_hash_column(c: &Connection, t: Chained) -> rusqlite::Result<bool> {
    let n: i64 = c.query_row(
        &format!(
            "SELECT count(*) FROM pragma_table_info('{}') WHERE name = 'hash'",
            t.table
        ),
        [],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

/// Verifies one table's chain.
pub fn verify(c: &Connection, t: Chained) -> rusqlite::Result<ChainState> {
    if !has_hash_column(c, t)? {
        return Ok(ChainState::Missing);
    }
    let mut state = ChainState::Sound {
        rows: 0,
        head: String::new(),
    };
    walk(c, t, |id, stored, computed| {
        if stored != Some(computed) {
            state = ChainState::Broken { id };
            return Ok(false);
        }
        if let ChainState::Sound { rows, head } = &mut state {
            *rows += 1;
            *head = computed.to_string();
        }
        Ok(true)
    })?;
    Ok(state)
}

/// The migration that starts the chain: hashes every existing row in id order. The tables
/// refuse UPDATE, so their guard is lifted for this one transaction and put back as it was.
pub fn backfill(tx: &rusqlite::Transaction<'_>) -> rusqlite_migration::HookResult {
    for t in ALL {
        tx.execute_batch(&format!("DROP TRIGGER {}_no_update;", t.table))?;
        let mut hashes = Vec::new();
        walk(tx, t, |id, _, computed| {
            hashes.push((id, computed.to_string()));
            Ok(true)
        })?;
        // `walk` chains on the stored hash, which is NULL here: it used the computed one.
        let mut st = tx.prepare(&format!("UPDATE {} SET hash = ?2 WHERE id = ?1", t.table))?;
        for (id, h) in hashes {
            st.execute(rusqlite::params![id, h])?;
        }
        tx.execute_batch(&format!(
            "CREATE TRIGGER {0}_no_update BEFORE UPDATE ON {0}
             BEGIN SELECT RAISE(ABORT, '{0} is append-only'); END;",
            t.table
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_framed_so_no_two_rows_encode_alike() {
        let a = digest(NOTES, 1, "", &[ValueRef::Text(b"ab"), ValueRef::Text(b"c")]);
        let b = digest(NOTES, 1, "", &[ValueRef::Text(b"a"), ValueRef::Text(b"bc")]);
        let n = digest(NOTES, 1, "", &[ValueRef::Null]);
        let e = digest(NOTES, 1, "", &[ValueRef::Text(b"")]);
        assert_ne!(a, b);
        assert_ne!(n, e);
        assert_eq!(a.len(), 64);
        // The table and the id are part of the row: a row copied elsewhere does not verify.
        assert_ne!(digest(HISTORY, 1, "", &[]), digest(NOTES, 1, "", &[]));
        assert_ne!(digest(NOTES, 1, "", &[]), digest(NOTES, 2, "", &[]));
    }
}
