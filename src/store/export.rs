//! Reading cases whole for exports: the case row, its people with their AMPK codes, its
//! case-level codes.

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::Store;
use crate::domain::export::ExportCase;
use crate::domain::intake::PersonRecord;
use crate::domain::roughdate::RoughDate;
use crate::error::Result;

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(s.get(..10).unwrap_or(""), "%Y-%m-%d").ok())
}

/// The people of case `id` by role (`pelapor`, `korban`, `terlapor`), in entry order.
pub(crate) fn people(c: &Connection, id: i64, role: &str) -> rusqlite::Result<Vec<PersonRecord>> {
    let mut st = c.prepare_cached(
        "SELECT id, name, nik, sex, birth_date, age, phone, address, region, relation,
                disability, schooling, guardian, education, occupation, marital, nationality,
                country, domicile, safe_contact
         FROM persons WHERE case_id = ?1 AND role = ?2 ORDER BY ord, id",
    )?;
    let rows = st
        .query_map(params![id, role], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                PersonRecord {
                    name: r.get(1)?,
                    nik: r.get(2)?,
                    sex: r.get(3)?,
                    birth_date: date(r.get(4)?),
                    age: r.get(5)?,
                    phone: r.get(6)?,
                    address: r.get(7)?,
                    region: r.get(8)?,
                    relation: r.get(9)?,
                    disability: r.get(10)?,
                    schooling: r.get(11)?,
                    guardian: r.get(12)?,
                    safe_contact: r.get(19)?,
                    ampk: Vec::new(),
                    education: r.get(13)?,
                    occupation: r.get(14)?,
                    marital: r.get(15)?,
                    nationality: r.get(16)?,
                    country: r.get(17)?,
                    domicile: r.get(18)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut q = c.prepare_cached(
        "SELECT code FROM codes WHERE person_id = ?1 AND vocab = 'ampk' ORDER BY rowid",
    )?;
    let mut out = Vec::with_capacity(rows.len());
    for (pid, mut p) in rows {
        p.ampk = q
            .query_map([pid], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        out.push(p);
    }
    Ok(out)
}

/// The case-level codes of one vocabulary, in entry order.
pub(crate) fn case_codes(c: &Connection, id: i64, vocab: &str) -> rusqlite::Result<Vec<String>> {
    let mut st = c.prepare_cached(
        "SELECT code FROM codes WHERE case_id = ?1 AND person_id IS NULL AND vocab = ?2
         ORDER BY rowid",
    )?;
    st.query_map(params![id, vocab], |r| r.get(0))?.collect()
}

impl Store {
    /// Every case opened between `from` and `to` (inclusive, either open-ended), by number.
    pub fn export_cases(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<ExportCase>> {
        let mut out = Vec::new();
        self.export_each(from, to, |c| {
            out.push(c);
            Ok(())
        })?;
        Ok(out)
    }

    /// Calls `f` with each case opened between `from` and `to` (inclusive, either
    /// open-ended), by number, as it is read: an export of any size holds one case at a time
    /// (it held them all: 4.5 GiB at 1M cases). Stops at the first error `f` returns.
    pub fn export_each(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        mut f: impl FnMut(ExportCase) -> Result<()>,
    ) -> Result<()> {
        let c = self.conn();
        let mut st = c.prepare(
            "SELECT id, number, origin_number, opened_at, stage, risk, emergency, channel,
                    incident_date, incident_place, incident_address, incident_region,
                    chronology, closed_at, closure_reason,
                    (SELECT count(*) FROM referrals r WHERE r.case_id = cases.id),
                    case_kind, authority
             FROM cases
             WHERE (?1 IS NULL OR substr(opened_at, 1, 10) >= ?1)
               AND (?2 IS NULL OR substr(opened_at, 1, 10) <= ?2)
             ORDER BY year, seq, id",
        )?;
        let base = st.query_map(
            params![from.map(|d| d.to_string()), to.map(|d| d.to_string())],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    ExportCase {
                        number: r.get(1)?,
                        origin_number: r.get(2)?,
                        opened: date(r.get(3)?).unwrap_or_default(),
                        stage: r.get(4)?,
                        risk: r.get(5)?,
                        emergency: r.get(6)?,
                        channel: r.get(7)?,
                        incident_date: r
                            .get::<_, Option<String>>(8)?
                            .and_then(|s| RoughDate::from_iso(&s)),
                        place: r.get(9)?,
                        incident_address: r.get(10)?,
                        incident_region: r.get(11)?,
                        chronology: r.get(12)?,
                        closed: date(r.get(13)?),
                        closure_reason: r.get(14)?,
                        referrals: r.get::<_, i64>(15)? as usize,
                        case_kind: r.get(16)?,
                        authority: r.get(17)?,
                        ..ExportCase::default()
                    },
                ))
            },
        )?;
        for row in base {
            let (id, mut e) = row?;
            e.violence = case_codes(c, id, "jenis_kekerasan")?;
            e.services = case_codes(c, id, "layanan")?;
            e.reporter = people(c, id, "pelapor")?.into_iter().next();
            e.victims = people(c, id, "korban")?;
            e.perpetrators = people(c, id, "terlapor")?;
            f(e)?;
        }
        Ok(())
    }
}
