//! The agency directory: read whole for fuzzy search, saved one agency at a time with a
//! version check, imported idempotently by source id.

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, Transaction, params_from_iter};

use super::{Store, timestamp};
use crate::domain::agency::{Agency, Week};
use crate::domain::case::Saved;
use crate::error::Result;

const COLS: &str = "id, coalesce(source_id, ''), name, kind, services, area, address, phone, \
                    email, hours, contact, notes, active, verified, is_example, version";

fn split(s: &str) -> Vec<String> {
    s.split(['|', ','])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

fn join(list: &[String]) -> String {
    list.join("|")
}

fn agency(r: &Row<'_>) -> rusqlite::Result<Agency> {
    let hours: String = r.get(9)?;
    Ok(Agency {
        id: r.get(0)?,
        source_id: r.get(1)?,
        name: r.get(2)?,
        kind: r.get(3)?,
        services: split(&r.get::<_, String>(4)?),
        areas: split(&r.get::<_, String>(5)?),
        address: r.get(6)?,
        phones: split(&r.get::<_, String>(7)?),
        email: r.get(8)?,
        // Stored as JSON; an unreadable value (hand-edited database) shows as no hours
        // rather than hiding the agency.
        hours: serde_json::from_str::<Week>(&hours).unwrap_or_default(),
        contact: r.get(10)?,
        notes: r.get(11)?,
        active: r.get(12)?,
        verified: r
            .get::<_, Option<String>>(13)?
            .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        example: r.get(14)?,
        version: r.get(15)?,
    })
}

fn hours_json(w: &Week) -> String {
    if w.is_empty() {
        String::new()
    } else {
        serde_json::to_string(w).unwrap_or_default()
    }
}

fn opt_source(a: &Agency) -> Option<&str> {
    (!a.source_id.is_empty()).then_some(a.source_id.as_str())
}

/// The agency's columns in the order both INSERT and UPDATE list them (?1 … ?15).
fn columns(a: &Agency, at: &str) -> Vec<Value> {
    vec![
        opt_source(a).map(str::to_string).into(),
        a.name.clone().into(),
        a.kind.clone().into(),
        join(&a.services).into(),
        join(&a.areas).into(),
        a.address.clone().into(),
        join(&a.phones).into(),
        a.email.clone().into(),
        hours_json(&a.hours).into(),
        a.contact.clone().into(),
        a.notes.clone().into(),
        a.active.into(),
        a.verified.map(|d| d.format("%Y-%m-%d").to_string()).into(),
        a.example.into(),
        at.to_string().into(),
    ]
}

pub(crate) fn insert_agency(tx: &Transaction<'_>, a: &Agency, at: &str) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "INSERT INTO agencies (source_id, name, kind, services, area, address, phone, email,
             hours, contact, notes, active, verified, is_example, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params_from_iter(columns(a, at)))?;
    Ok(tx.last_insert_rowid())
}

fn update_agency(tx: &Transaction<'_>, a: &Agency, at: &str) -> rusqlite::Result<bool> {
    let mut values = columns(a, at);
    values.extend([Value::from(a.id), Value::from(a.version)]);
    Ok(tx
        .prepare_cached(
            "UPDATE agencies SET source_id = ?1, name = ?2, kind = ?3, services = ?4, area = ?5,
                 address = ?6, phone = ?7, email = ?8, hours = ?9, contact = ?10, notes = ?11,
                 active = ?12, verified = ?13, is_example = ?14, updated_at = ?15,
                 version = version + 1
             WHERE id = ?16 AND version = ?17",
        )?
        .execute(params_from_iter(values))?
        == 1)
}

/// What an import did, or would do, with one agency from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Added,
    /// The agency existed (same source id); these fields differ.
    Updated(Vec<&'static str>),
    Unchanged,
}

/// The names of the fields that differ, as the import report shows them.
pub fn changed_fields(old: &Agency, new: &Agency) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut cmp = |name, same: bool| {
        if !same {
            out.push(name);
        }
    };
    cmp("nama", old.name == new.name);
    cmp("jenis", old.kind == new.kind);
    cmp("layanan", old.services == new.services);
    cmp("wilayah", old.areas == new.areas);
    cmp("alamat", old.address == new.address);
    cmp("telepon", old.phones == new.phones);
    cmp("email", old.email == new.email);
    cmp("jam_buka", old.hours == new.hours);
    cmp("narahubung", old.contact == new.contact);
    cmp("catatan", old.notes == new.notes);
    cmp("aktif", old.active == new.active);
    cmp("diverifikasi", old.verified == new.verified);
    cmp("contoh", old.example == new.example);
    out
}

impl Store {
    /// The whole directory, by name. At 10,000 agencies this is a few megabytes, read once
    /// when the directory screen opens.
    pub fn agencies(&self) -> Result<Vec<Agency>> {
        let mut st = self.conn().prepare_cached(&format!(
            "SELECT {COLS} FROM agencies ORDER BY name COLLATE NOCASE"
        ))?;
        Ok(st
            .query_map([], agency)?
            .collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn agency(&self, id: i64) -> Result<Option<Agency>> {
        Ok(self
            .conn()
            .query_row(
                &format!("SELECT {COLS} FROM agencies WHERE id = ?1"),
                [id],
                agency,
            )
            .optional()?)
    }

    /// Inserts a new agency (`id` 0: gives `Done(id)`) or updates one if nobody saved it
    /// since it was read (`Done(new version)`, or `Conflict`).
    pub fn save_agency(&mut self, a: &Agency, now: DateTime<Local>) -> Result<Saved> {
        let at = timestamp(now);
        self.write(|tx| {
            if a.id == 0 {
                return insert_agency(tx, a, &at).map(Saved::Done);
            }
            if update_agency(tx, a, &at)? {
                Ok(Saved::Done(a.version + 1))
            } else {
                Ok(Saved::Conflict)
            }
        })
    }

    /// How many referrals name this agency: one or more and it can only be deactivated.
    pub fn agency_referrals(&self, id: i64) -> Result<i64> {
        Ok(self.conn().query_row(
            "SELECT count(*) FROM referrals WHERE agency_id = ?1",
            [id],
            |r| r.get(0),
        )?)
    }

    /// Deletes an agency nobody was ever referred to; false (and nothing deleted) otherwise.
    pub fn delete_agency(&mut self, id: i64) -> Result<bool> {
        self.write(|tx| {
            let used: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM referrals WHERE agency_id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if used {
                return Ok(false);
            }
            Ok(tx.execute("DELETE FROM agencies WHERE id = ?1", [id])? == 1)
        })
    }

    /// Adds or updates agencies matched on their source id; in a dry run reports the same
    /// outcomes and writes nothing. Agencies without a source id are always added.
    pub fn import_agencies(
        &mut self,
        list: &[Agency],
        dry_run: bool,
        now: DateTime<Local>,
    ) -> Result<Vec<Outcome>> {
        let at = timestamp(now);
        let tx = self
            .conn_mut()
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut out = Vec::with_capacity(list.len());
        {
            let mut find =
                tx.prepare_cached(&format!("SELECT {COLS} FROM agencies WHERE source_id = ?1"))?;
            for a in list {
                let existing = match opt_source(a) {
                    Some(s) => find.query_row([s], agency).optional()?,
                    None => None,
                };
                match existing {
                    None => {
                        insert_agency(&tx, a, &at)?;
                        out.push(Outcome::Added);
                    }
                    Some(old) => {
                        let fields = changed_fields(&old, a);
                        if fields.is_empty() {
                            out.push(Outcome::Unchanged);
                        } else {
                            let mut new = a.clone();
                            new.id = old.id;
                            new.version = old.version;
                            update_agency(&tx, &new, &at)?;
                            out.push(Outcome::Updated(fields));
                        }
                    }
                }
            }
        }
        if dry_run {
            tx.rollback()?;
        } else {
            tx.commit()?;
        }
        Ok(out)
    }

    /// Whether the directory was ever seeded or filled: one read, so that start-up neither
    /// builds the example list nor takes the write lock when there is nothing to do.
    pub fn directory_seeded(&self) -> Result<bool> {
        Ok(self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'directory_seeded')
                 OR EXISTS (SELECT 1 FROM agencies)",
            [],
            |r| r.get(0),
        )?)
    }

    /// Loads the example directory into a database that has never had one; true if it did.
    /// Remembered in `meta`, so a directory the office emptied is not refilled.
    pub fn seed_directory(&mut self, list: &[Agency], now: DateTime<Local>) -> Result<bool> {
        let at = timestamp(now);
        self.write(|tx| {
            let done: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'directory_seeded')
                     OR EXISTS (SELECT 1 FROM agencies)",
                [],
                |r| r.get(0),
            )?;
            if done {
                return Ok(false);
            }
            for a in list {
                insert_agency(tx, a, &at)?;
            }
            tx.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('directory_seeded', ?1)",
                [&at],
            )?;
            Ok(true)
        })
    }
}
