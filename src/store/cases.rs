//! Opening cases: the case row, its people and codes, its first history entry, one transaction.

use chrono::{DateTime, Datelike, Local};
use rusqlite::{Transaction, params};

use super::{Store, timestamp};
use crate::domain::intake::{NewCase, PersonRecord};
use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub id: i64,
    pub number: String,
}

/// `{prefix}/{yyyy}/{seq}`, the sequence zero-padded to four digits so paper files sort.
pub fn case_number(prefix: &str, year: i32, seq: i64) -> String {
    format!("{prefix}/{year}/{seq:04}")
}

/// Takes the next number of `year`. Must run inside an IMMEDIATE transaction: the lock makes
/// the read-increment atomic across processes, and UNIQUE(year, seq) is the backstop.
pub(crate) fn next_seq(tx: &Transaction<'_>, year: i32) -> rusqlite::Result<i64> {
    tx.query_row(
        "INSERT INTO case_seq (year, last) VALUES (?1, 1)
         ON CONFLICT (year) DO UPDATE SET last = last + 1
         RETURNING last",
        [year],
        |r| r.get(0),
    )
}

/// The fields SIMFONI counts of a person (schema `SIMFONI_FIELDS`), as stored.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct SimfoniPerson<'a> {
    pub education: Option<&'a str>,
    pub occupation: Option<&'a str>,
    pub marital: Option<&'a str>,
    pub nationality: Option<&'a str>,
    pub country: &'a str,
    pub domicile: &'a str,
}

impl<'a> SimfoniPerson<'a> {
    pub(crate) fn of(p: &'a PersonRecord) -> Self {
        SimfoniPerson {
            education: p.education.as_deref(),
            occupation: p.occupation.as_deref(),
            marital: p.marital.as_deref(),
            nationality: p.nationality.as_deref(),
            country: &p.country,
            domicile: &p.domicile,
        }
    }
}

/// The one `INSERT` of a person row, with its AMPK codes: shared by a new intake and a case
/// received from another office (`transfer`), which map their own types to these values.
/// `values` are, in order: role, ord, name, nik, sex, birth_date, age, phone, address,
/// relation, disability, schooling, guardian, region, safe_contact; `simfoni` the fields
/// SIMFONI counts.
pub(super) fn insert_person_row(
    tx: &Transaction<'_>,
    case_id: i64,
    values: [&dyn rusqlite::ToSql; 15],
    simfoni: &SimfoniPerson<'_>,
    ampk: &[String],
) -> rusqlite::Result<()> {
    let s = simfoni;
    let more: [&dyn rusqlite::ToSql; 6] = [
        &s.education,
        &s.occupation,
        &s.marital,
        &s.nationality,
        &s.country,
        &s.domicile,
    ];
    tx.prepare_cached(
        "INSERT INTO persons (case_id, role, ord, name, nik, sex, birth_date, age, phone,
                              address, relation, disability, schooling, guardian, region,
                              safe_contact, education, occupation, marital, nationality, country,
                              domicile)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                 ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
    )?
    .execute(rusqlite::params_from_iter(
        std::iter::once(&case_id as &dyn rusqlite::ToSql)
            .chain(values)
            .chain(more),
    ))?;
    let person_id = tx.last_insert_rowid();
    for code in ampk {
        insert_code(tx, case_id, Some(person_id), "ampk", code)?;
    }
    Ok(())
}

fn insert_person(
    tx: &Transaction<'_>,
    case_id: i64,
    role: &str,
    ord: usize,
    p: &PersonRecord,
) -> rusqlite::Result<()> {
    let birth = p.birth_date.map(|d| d.to_string());
    insert_person_row(
        tx,
        case_id,
        [
            &role,
            &(ord as i64),
            &p.name,
            &p.nik,
            &p.sex,
            &birth,
            &p.age,
            &p.phone,
            &p.address,
            &p.relation,
            &p.disability,
            &p.schooling,
            &p.guardian,
            &p.region,
            &p.safe_contact,
        ],
        &SimfoniPerson::of(p),
        &p.ampk,
    )
}

fn insert_code(
    tx: &Transaction<'_>,
    case_id: i64,
    person_id: Option<i64>,
    vocab: &str,
    code: &str,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO codes (case_id, person_id, vocab, code) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![case_id, person_id, vocab, code])?;
    Ok(())
}

/// One row of a case's history: who did what, and the field's value before and after.
pub(crate) struct Entry<'a> {
    pub case_id: i64,
    pub at: &'a str,
    pub staff: &'a str,
    pub action: &'a str,
    pub field: Option<&'a str>,
    pub old: Option<&'a str>,
    pub new: Option<&'a str>,
    /// A reason or comment: why a case went back, was closed or reopened.
    pub note: Option<&'a str>,
}

/// Writes a history row and, once per change, the access-log row that says who edited the
/// case: every change to a case goes through here, so none escapes the log.
pub(crate) fn history(tx: &Transaction<'_>, e: &Entry<'_>) -> rusqlite::Result<()> {
    history_row(tx, e)?;
    // One edit writes a history row per changed field, all with one action and timestamp;
    // the access log wants one row for it. (Two edits of one case by one worker within the
    // same second therefore share a row: the history keeps both in full.)
    let logged: bool = tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM access_log
                            WHERE case_id = ?3 AND staff = ?2 AND action = 'ubah' AND at = ?1
                              AND detail = ?4)",
        )?
        .query_row(params![e.at, e.staff, e.case_id, e.action], |r| r.get(0))?;
    if !logged {
        use super::chain::{ACCESS, append, text};
        append(
            tx,
            ACCESS,
            &[
                text(Some(e.at)),
                text(Some(e.staff)),
                text(Some("ubah")),
                e.case_id.into(),
                text(Some(e.action)),
            ],
        )?;
    }
    Ok(())
}

/// A history row alone: for generated demo data, which nobody accessed.
pub(crate) fn history_row(tx: &Transaction<'_>, e: &Entry<'_>) -> rusqlite::Result<()> {
    use super::chain::{HISTORY, append, text};
    append(
        tx,
        HISTORY,
        &[
            e.case_id.into(),
            text(Some(e.at)),
            text(Some(e.staff)),
            text(Some(e.action)),
            text(e.field),
            text(e.old),
            text(e.new),
            text(e.note),
        ],
    )?;
    Ok(())
}

/// A case number and the (year, sequence) it was made from.
pub(crate) struct CaseNo {
    pub number: String,
    pub year: i32,
    pub seq: i64,
}

impl CaseNo {
    /// Takes the next number of `year` (see `next_seq`).
    pub(crate) fn take(tx: &Transaction<'_>, prefix: &str, year: i32) -> rusqlite::Result<CaseNo> {
        let seq = next_seq(tx, year)?;
        Ok(CaseNo {
            number: case_number(prefix, year, seq),
            year,
            seq,
        })
    }
}

/// Writes a whole new case inside `tx`, at stage `pengaduan`. Shared by intake and the demo generator.
pub(crate) fn insert_case(
    tx: &Transaction<'_>,
    rec: &NewCase,
    no: &CaseNo,
    staff: &str,
    at: &str,
) -> rusqlite::Result<i64> {
    // The row is created with what only a new case has; everything recorded at intake is
    // then written by the same function an edit uses, so the column list lives once.
    tx.prepare_cached(
        "INSERT INTO cases (number, year, seq, stage, stage_since, opened_at, opened_by, risk,
                            consent_services)
         VALUES (?1, ?2, ?3, 'pengaduan', ?4, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        no.number,
        no.year,
        no.seq,
        at,
        staff,
        rec.risk,
        rec.consent_services
    ])?;
    let id = tx.last_insert_rowid();
    write_recorded(tx, id, rec)?;
    let opened = Entry {
        case_id: id,
        at,
        staff,
        action: "dibuka",
        field: Some("tahap"),
        old: None,
        new: Some("pengaduan"),
        note: None,
    };
    history(tx, &opened)?;
    super::search::reindex(tx, id)?;
    Ok(id)
}

/// Writes everything recorded at intake onto case `id`: its columns, its people and its codes
/// (replacing any there were). Used when a case is opened and when its file is edited.
pub(crate) fn write_recorded(tx: &Transaction<'_>, id: i64, rec: &NewCase) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE cases SET risk = ?1, emergency = ?2, channel = ?3, reporter_kind = ?4,
            incident_date = ?5, incident_time = ?6, incident_place = ?7, incident_address = ?8,
            chronology = ?9, consent_services = ?10, consent_share = ?11, consent_by = ?12,
            consent_relation = ?13, consent_withheld = ?14, incident_region = ?15,
            case_kind = ?16, authority = ?17, incident_ongoing = ?19
         WHERE id = ?18",
    )?
    .execute(params![
        rec.risk,
        rec.emergency,
        rec.channel,
        rec.reporter_kind,
        rec.incident_date.map(|d| d.iso()),
        rec.incident_time.map(|t| t.format("%H:%M").to_string()),
        rec.place,
        rec.incident_address,
        rec.chronology,
        rec.consent_services,
        rec.consent_share,
        rec.consent_by,
        rec.consent_relation,
        rec.consent_withheld,
        rec.incident_region,
        rec.case_kind,
        rec.authority,
        id,
        rec.incident_ongoing,
    ])?;
    // The people are rewritten below, but a service given names its victim by row: each
    // service follows its victim to the new row by role and position. The key is checked at
    // commit, so a victim removed from the case while services name her refuses the save.
    let before: Vec<(i64, String, i64)> = tx
        .prepare_cached("SELECT id, role, ord FROM persons WHERE case_id = ?1")?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    tx.pragma_update(None, "defer_foreign_keys", "ON")?;
    tx.prepare_cached("DELETE FROM codes WHERE case_id = ?1")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM persons WHERE case_id = ?1")?
        .execute([id])?;
    insert_people(tx, id, rec)?;
    for (old, role, ord) in before {
        tx.prepare_cached(
            "UPDATE services_given SET victim_id = (
                 SELECT id FROM persons WHERE case_id = ?1 AND role = ?2 AND ord = ?3)
             WHERE victim_id = ?4
               AND EXISTS (SELECT 1 FROM persons WHERE case_id = ?1 AND role = ?2 AND ord = ?3)",
        )?
        .execute(rusqlite::params![id, role, ord, old])?;
    }
    Ok(())
}

/// The case's people and its multi-valued codes.
fn insert_people(tx: &Transaction<'_>, id: i64, rec: &NewCase) -> rusqlite::Result<()> {
    let r = &rec.reporter;
    if !(r.name.is_empty() && r.phone.is_none() && r.address.is_empty() && r.relation.is_none()) {
        insert_person(tx, id, "pelapor", 0, r)?;
    }
    for (i, v) in rec.victims.iter().enumerate() {
        insert_person(tx, id, "korban", i, v)?;
    }
    for (i, p) in rec.perpetrators.iter().enumerate() {
        insert_person(tx, id, "terlapor", i, p)?;
    }
    for c in &rec.violence {
        insert_code(tx, id, None, "jenis_kekerasan", c)?;
    }
    for c in &rec.services {
        insert_code(tx, id, None, "layanan", c)?;
    }
    for c in &rec.withhold {
        insert_code(tx, id, None, "dirahasiakan", c)?;
    }
    Ok(())
}

impl Store {
    /// Opens a case at stage `pengaduan` and, in the same transaction, removes the draft it
    /// was typed in: either both happen or neither does.
    pub fn open_case(
        &mut self,
        rec: &NewCase,
        prefix: &str,
        staff: &str,
        now: DateTime<Local>,
        draft: Option<i64>,
    ) -> Result<Opened> {
        let at = timestamp(now);
        let year = now.year();
        self.write(|tx| {
            let no = CaseNo::take(tx, prefix, year)?;
            let id = insert_case(tx, rec, &no, staff, &at)?;
            if let Some(d) = draft {
                tx.execute("DELETE FROM drafts WHERE id = ?1", [d])?;
            }
            Ok(Opened {
                id,
                number: no.number,
            })
        })
    }

    pub fn case_count(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_padded_and_carry_the_prefix() {
        assert_eq!(case_number("PPA", 2026, 7), "PPA/2026/0007");
        assert_eq!(
            case_number("UPTD-PPA/MTR", 2026, 12345),
            "UPTD-PPA/MTR/2026/12345"
        );
    }
}
