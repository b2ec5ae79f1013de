//! Case transfer between offices: reading a case whole into a `CaseTransfer`, and writing one
//! in as a new local case. Both sides write the transfer into the case's history.

use chrono::{DateTime, Datelike, Local};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::cases::{CaseNo, Entry, Opened, history};
use super::export::{case_codes, people};
use super::{Store, timestamp};
use crate::domain::access::AccessKind;
use crate::domain::text::{clean_line, clean_multiline, clean_name};
use crate::domain::transfer::{
    CaseTransfer, FORMAT, ORIGIN_PREFIX, PERSON_ROLES, TransferCase, TransferHistory, TransferNote,
    TransferPerson, TransferReferral, VERSION,
};
use crate::domain::vocab;
use crate::error::Result;
use crate::i18n::{Lang, Msg, fill};

fn load_case(c: &Connection, id: i64) -> rusqlite::Result<TransferCase> {
    let mut t = c.query_row(
        "SELECT number, origin_number, origin_office, stage, risk, emergency, opened_at,
                opened_by, closed_at, closure_reason, closure_note, channel, reporter_kind,
                incident_date, incident_time, incident_place, incident_address,
                incident_region, chronology, consent_services, consent_share, consent_by,
                consent_relation, consent_withheld
         FROM cases WHERE id = ?1",
        [id],
        |r| {
            Ok(TransferCase {
                number: r.get(0)?,
                origin_number: r.get(1)?,
                origin_office: r.get(2)?,
                stage: r.get(3)?,
                risk: r.get(4)?,
                emergency: r.get(5)?,
                opened_at: r.get(6)?,
                opened_by: r.get(7)?,
                closed_at: r.get(8)?,
                closure_reason: r.get(9)?,
                closure_note: r.get(10)?,
                channel: r.get(11)?,
                reporter_kind: r.get(12)?,
                incident_date: r.get(13)?,
                incident_time: r.get(14)?,
                incident_place: r.get(15)?,
                incident_address: r.get(16)?,
                incident_region: r.get(17)?,
                chronology: r.get(18)?,
                consent_services: r.get(19)?,
                consent_share: r.get(20)?,
                consent_by: r.get(21)?,
                consent_relation: r.get(22)?,
                consent_withheld: r.get(23)?,
                ..TransferCase::default()
            })
        },
    )?;
    t.violence = case_codes(c, id, "jenis_kekerasan")?;
    t.services = case_codes(c, id, "layanan")?;
    t.withhold = case_codes(c, id, "dirahasiakan")?;
    Ok(t)
}

/// The people as the export reads them (one query and AMPK codes per person, in one place),
/// in the file's shape: stored dates as ISO text, entry order per role.
fn load_persons(c: &Connection, id: i64) -> rusqlite::Result<Vec<TransferPerson>> {
    let mut out = Vec::new();
    for role in ["pelapor", "korban", "terlapor"] {
        for (ord, p) in people(c, id, role)?.into_iter().enumerate() {
            out.push(TransferPerson {
                role: role.into(),
                ord: ord as i64,
                name: p.name,
                nik: p.nik,
                sex: p.sex,
                birth_date: p.birth_date.map(|d| d.to_string()),
                age: p.age,
                phone: p.phone,
                address: p.address,
                region: p.region,
                relation: p.relation,
                disability: p.disability,
                schooling: p.schooling,
                guardian: p.guardian,
                ampk: p.ampk,
            });
        }
    }
    Ok(out)
}

fn load_history(c: &Connection, id: i64) -> rusqlite::Result<Vec<TransferHistory>> {
    Ok(super::casework::case_history(c, id, false)?
        .into_iter()
        .map(|h| TransferHistory {
            at: h.at,
            staff: h.staff,
            action: h.action,
            field: h.field,
            old: h.old,
            new: h.new,
            note: h.note,
        })
        .collect())
}

fn load_notes(c: &Connection, id: i64) -> rusqlite::Result<Vec<TransferNote>> {
    let mut st =
        c.prepare_cached("SELECT at, staff, body FROM case_notes WHERE case_id = ?1 ORDER BY id")?;
    st.query_map([id], |r| {
        Ok(TransferNote {
            at: r.get(0)?,
            staff: r.get(1)?,
            body: r.get(2)?,
        })
    })?
    .collect()
}

fn load_referrals(c: &Connection, id: i64) -> rusqlite::Result<Vec<TransferReferral>> {
    let mut st = c.prepare_cached(
        "SELECT a.name, r.service, r.reason, r.follow_up, r.status, r.status_note,
                r.override_reason, r.letter_number, r.created_at, r.created_by
         FROM referrals r JOIN agencies a ON a.id = r.agency_id
         WHERE r.case_id = ?1 ORDER BY r.id",
    )?;
    st.query_map([id], |r| {
        Ok(TransferReferral {
            agency: r.get(0)?,
            service: r.get(1)?,
            reason: r.get(2)?,
            follow_up: r.get(3)?,
            status: r.get(4)?,
            status_note: r.get(5)?,
            override_reason: r.get(6)?,
            letter_number: r.get(7)?,
            created_at: r.get(8)?,
            created_by: r.get(9)?,
        })
    })?
    .collect()
}

fn clean_opt(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(|v| clean_line(v).trim().to_string())
        .filter(|v| !v.is_empty())
}

fn insert_person(tx: &Transaction<'_>, case_id: i64, p: &TransferPerson) -> rusqlite::Result<()> {
    let ampk: Vec<String> = p.ampk.iter().map(|c| clean_line(c)).collect();
    super::cases::insert_person_row(
        tx,
        case_id,
        [
            &p.role,
            &p.ord,
            &clean_name(&p.name),
            &clean_opt(&p.nik),
            &clean_opt(&p.sex),
            &clean_opt(&p.birth_date),
            &p.age,
            &clean_opt(&p.phone),
            &clean_line(&p.address),
            &clean_opt(&p.relation),
            &clean_opt(&p.disability),
            &clean_line(&p.schooling),
            &clean_name(&p.guardian),
            &clean_opt(&p.region),
        ],
        // Transfer format 1 has no SIMFONI fields: the receiving office fills them in.
        &super::cases::SimfoniPerson::default(),
        &ampk,
    )
}

/// Why an import did not happen (beyond database errors).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportRefused {
    /// The same case from the same office is here already, under this local number.
    Duplicate(String),
}

impl Store {
    /// Reads case `number` whole, for a transfer file written by `office`.
    pub fn transfer_file(
        &self,
        number: &str,
        office: &str,
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<Option<(i64, CaseTransfer)>> {
        let Some(id) = self.find_case_number(number)? else {
            return Ok(None);
        };
        let c = self.conn();
        Ok(Some((
            id,
            CaseTransfer {
                format: FORMAT.into(),
                version: VERSION,
                office: office.into(),
                exported_at: timestamp(now),
                exported_by: staff.into(),
                case: load_case(c, id)?,
                persons: load_persons(c, id)?,
                history: load_history(c, id)?,
                notes: load_notes(c, id)?,
                referrals: load_referrals(c, id)?,
            },
        )))
    }

    /// Records that case `id` left as the file `file`: a history row and an access-log row,
    /// in one transaction.
    pub fn record_transfer_out(
        &mut self,
        id: i64,
        file: &str,
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<()> {
        let at = timestamp(now);
        self.write(|tx| {
            let e = Entry {
                case_id: id,
                at: &at,
                staff,
                action: "pindah_keluar",
                field: None,
                old: None,
                new: None,
                note: Some(file),
            };
            history(tx, &e)?;
            super::access::log(
                tx,
                now,
                staff,
                AccessKind::Export,
                Some(id),
                &format!("pindah kasus → {file}"),
            )
        })
    }

    /// Writes a transferred case in as a new local case numbered with `prefix`, at intake,
    /// keeping its origin number and office. Refused when that case was received before.
    pub fn import_transfer(
        &mut self,
        t: &CaseTransfer,
        prefix: &str,
        staff: &str,
        now: DateTime<Local>,
        lang: Lang,
    ) -> Result<std::result::Result<Opened, ImportRefused>> {
        let at = timestamp(now);
        let office = clean_line(&t.office);
        let origin_number = clean_line(&t.case.number);
        self.write(|tx| {
            let dup: Option<String> = tx
                .query_row(
                    "SELECT number FROM cases WHERE origin_number = ?1 AND origin_office = ?2",
                    params![origin_number, office],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(n) = dup {
                return Ok(Err(ImportRefused::Duplicate(n)));
            }
            let no = CaseNo::take(tx, prefix, now.year())?;
            let k = &t.case;
            let risk = if vocab::RISK.contains(&k.risk) {
                k.risk.clone()
            } else {
                "tinggi".to_string()
            };
            tx.execute(
                "INSERT INTO cases (number, year, seq, stage, stage_since, opened_at, opened_by,
                    risk, emergency, channel, reporter_kind, incident_date, incident_time,
                    incident_place, incident_address, incident_region, chronology,
                    consent_services, consent_share, consent_by, consent_relation,
                    consent_withheld, origin_number, origin_office)
                 VALUES (?1, ?2, ?3, 'pengaduan', ?4, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,
                    ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
                params![
                    no.number,
                    no.year,
                    no.seq,
                    at,
                    staff,
                    risk,
                    k.emergency,
                    clean_opt(&k.channel),
                    clean_opt(&k.reporter_kind),
                    clean_opt(&k.incident_date),
                    clean_opt(&k.incident_time),
                    clean_opt(&k.incident_place),
                    clean_line(&k.incident_address),
                    clean_opt(&k.incident_region),
                    clean_multiline(&k.chronology),
                    clean_line(&k.consent_services),
                    clean_opt(&k.consent_share),
                    clean_line(&k.consent_by),
                    clean_opt(&k.consent_relation),
                    clean_multiline(&k.consent_withheld),
                    origin_number,
                    office,
                ],
            )?;
            let id = tx.last_insert_rowid();
            for p in &t.persons {
                if PERSON_ROLES.contains(&p.role.as_str()) {
                    insert_person(tx, id, p)?;
                }
            }
            for (vocab, list) in [
                ("jenis_kekerasan", &k.violence),
                ("layanan", &k.services),
                ("dirahasiakan", &k.withhold),
            ] {
                for code in list {
                    tx.prepare_cached(
                        "INSERT INTO codes (case_id, person_id, vocab, code)
                         VALUES (?1, NULL, ?2, ?3)",
                    )?
                    .execute(params![id, vocab, clean_line(code)])?;
                }
            }
            // The origin's history, marked as the origin's: same times, its staff named with
            // their office, actions prefixed so this office's figures do not count them.
            for h in &t.history {
                let staff = t.origin_staff(&clean_line(&h.staff));
                let action = format!("{ORIGIN_PREFIX}{}", clean_line(&h.action));
                let note = h.note.as_deref().map(clean_multiline);
                let (field, old, new) = (
                    clean_opt(&h.field),
                    h.old.as_deref().map(clean_line),
                    h.new.as_deref().map(clean_line),
                );
                let e = Entry {
                    case_id: id,
                    at: &clean_line(&h.at),
                    staff: &staff,
                    action: &action,
                    field: field.as_deref(),
                    old: old.as_deref(),
                    new: new.as_deref(),
                    note: note.as_deref(),
                };
                history(tx, &e)?;
            }
            let note = |when: &str, who: &str, body: &str| {
                super::chain::append(
                    tx,
                    super::chain::NOTES,
                    &[
                        id.into(),
                        when.to_string().into(),
                        who.to_string().into(),
                        body.to_string().into(),
                    ],
                )
                .map(|_| ())
            };
            for n in &t.notes {
                note(
                    &clean_line(&n.at),
                    &t.origin_staff(&clean_line(&n.staff)),
                    &clean_multiline(&n.body),
                )?;
            }
            // A person with a role meja does not know (`hakim`) has no place among the
            // case's people, but must not vanish: a note holds what the file says of them.
            for p in t.other_people() {
                let details: Vec<String> = [
                    Some(p.name.clone()),
                    p.nik.clone(),
                    p.sex.clone(),
                    p.birth_date.clone(),
                    p.age.map(|a| a.to_string()),
                    p.phone.clone(),
                    Some(p.address.clone()),
                    p.region.clone(),
                    p.relation.clone(),
                    p.disability.clone(),
                    Some(p.schooling.clone()),
                    Some(p.guardian.clone()),
                ]
                .into_iter()
                .flatten()
                .map(|v| clean_line(&v).trim().to_string())
                .filter(|v| !v.is_empty())
                .collect();
                let body = fill(
                    Msg::TransferOtherPerson.get(lang),
                    &[&clean_line(&p.role), &details.join(", ")],
                );
                note(&at, staff, &body)?;
            }
            // Referrals name the origin's agencies, which are not in this directory: they
            // arrive as notes, so nothing of them is lost and no agency is made up.
            for r in &t.referrals {
                let mut body = fill(
                    Msg::TransferReferralNote.get(lang),
                    &[
                        &clean_line(&r.agency),
                        &vocab::SERVICES.label(&r.service, lang),
                        &vocab::REFERRAL_STATUS.label(&r.status, lang),
                    ],
                );
                for extra in [&r.reason, &r.status_note] {
                    let extra = clean_multiline(extra);
                    if !extra.trim().is_empty() {
                        body.push('\n');
                        body.push_str(&extra);
                    }
                }
                note(
                    &clean_line(&r.created_at),
                    &t.origin_staff(&clean_line(&r.created_by)),
                    &body,
                )?;
            }
            let opened = Entry {
                case_id: id,
                at: &at,
                staff,
                action: "pindah_masuk",
                field: Some("tahap"),
                old: None,
                new: Some("pengaduan"),
                note: Some(&format!("{office}: {origin_number}")),
            };
            history(tx, &opened)?;
            super::access::log(
                tx,
                now,
                staff,
                AccessKind::Edit,
                Some(id),
                &format!("terima pindahan {origin_number} dari {office}"),
            )?;
            super::search::reindex(tx, id)?;
            Ok(Ok(Opened {
                id,
                number: no.number,
            }))
        })
    }
}
