//! The legal side of a case, stored (schema `LEGAL_RECORDS`): its legal qualification, the
//! legal events, the mediation records and the law's checklist. Each write is one
//! transaction with its history row; events, mediation records and ticks are only ever
//! added. The rules are in `domain::legal` and `domain::law`; this module reads the facts
//! they need and writes what they allow.

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, Transaction, params};

use super::cases::{Entry, history};
use super::{Store, timestamp};
use crate::domain::law::{self, ClockFacts, MediationRefused, Prompt};
use crate::domain::legal::{
    self, EventIssue, LegalEvent, MediationIssue, MediationRecord, NewEvent, QualificationIssue,
    Step,
};
use crate::domain::plan::Doer;
use crate::domain::service::{ServiceGiven, ServiceIssue};
use crate::domain::validate::age_on;
use crate::error::Result;

/// A stored RFC 3339 time on the office's wall clock; None when it is not a time.
pub(super) fn local(stored: &str) -> Option<NaiveDateTime> {
    DateTime::parse_from_rfc3339(stored)
        .ok()
        .map(|t| t.with_timezone(&Local).naive_local())
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap_or_default()
}

/// Who writes to which case, when: what every history row of one write shares.
#[derive(Clone, Copy)]
struct By<'a> {
    case_id: i64,
    at: &'a str,
    staff: &'a str,
}

/// Qualification codes in the order of the legal-basis list (TPKS before PKDRT …).
pub(super) fn in_basis_order(codes: &mut [String]) {
    let rank = |c: &str| {
        crate::domain::vocab::LEGAL_BASIS
            .terms
            .iter()
            .position(|t| t.code == c)
            .unwrap_or(usize::MAX)
    };
    codes.sort_by_key(|c| rank(c));
}

/// The columns [`event_at`] reads, in its order.
pub(super) const EVENT_COLUMNS: &str = "id, date, next_date, detail, note, created_at, created_by";

/// A legal event from the [`EVENT_COLUMNS`] starting at column `at`; None for a kind this
/// build does not know (written by a newer meja): left out rather than shown wrong.
pub(super) fn event_at(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Option<LegalEvent>> {
    let detail: String = r.get(at + 3)?;
    let Ok(detail) = serde_json::from_str(&detail) else {
        return Ok(None);
    };
    let day: String = r.get(at + 1)?;
    let next: Option<String> = r.get(at + 2)?;
    let recorded: String = r.get(at + 5)?;
    Ok(Some(LegalEvent {
        id: r.get(at)?,
        date: date(&day),
        detail,
        next: next.map(|d| date(&d)),
        note: r.get(at + 4)?,
        recorded: local(&recorded).unwrap_or_default(),
        by: r.get(at + 6)?,
    }))
}

/// The columns [`mediation_at`] reads, in its order.
pub(super) const MEDIATION_COLUMNS: &str = "id, date, detail, created_by";

/// A mediation record from the [`MEDIATION_COLUMNS`] starting at column `at`; None for a
/// step this build does not know.
pub(super) fn mediation_at(
    r: &rusqlite::Row<'_>,
    at: usize,
) -> rusqlite::Result<Option<MediationRecord>> {
    let detail: String = r.get(at + 2)?;
    let Ok(step) = serde_json::from_str::<Step>(&detail) else {
        return Ok(None);
    };
    let day: String = r.get(at + 1)?;
    Ok(Some(MediationRecord {
        id: r.get(at)?,
        date: date(&day),
        step,
        by: r.get(at + 3)?,
    }))
}

/// Keeps in `best` the earlier of it and a service or contact recorded on `day` at `at`.
pub(super) fn earliest(best: &mut Option<NaiveDateTime>, day: &str, at: &str) {
    if let Some(recorded) = local(at) {
        let t = legal::happened_at(date(day), None, recorded);
        *best = Some(best.map_or(t, |b| b.min(t)));
    }
}

/// What a case's clocks run on, from what the store read of it (`Store::clock_facts` for one
/// case, `Store::legal_due` for all at once). A case opened before the clocks began has none.
pub(super) fn clock_facts_of(
    opened: &str,
    risk: String,
    since: Option<NaiveDateTime>,
    first_service: Option<NaiveDateTime>,
    qualifications: Vec<String>,
    events: &[LegalEvent],
) -> ClockFacts {
    let reported = local(opened).filter(|r| since.is_none_or(|s| *r >= s));
    ClockFacts {
        reported,
        risk,
        qualifications,
        police_report: legal::police_reported(events),
        first_service,
        shelter_admitted: None,
        shelter_reviewed: None,
    }
}

fn log(
    tx: &Transaction<'_>,
    by: By<'_>,
    action: &str,
    field: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> rusqlite::Result<()> {
    let e = Entry {
        case_id: by.case_id,
        at: by.at,
        staff: by.staff,
        action,
        field: Some(field),
        old,
        new,
        note: None,
    };
    history(tx, &e)
}

/// What the law's rules need to know about a case, read in one place.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LegalFacts {
    /// Jenis kekerasan codes.
    pub violence: Vec<String>,
    pub qualifications: Vec<String>,
    /// Each alleged perpetrator's age at the incident (or today when its date is unknown);
    /// None when unknown.
    pub perpetrator_ages: Vec<Option<u32>>,
    pub perpetrator_relations: Vec<Option<String>>,
}

impl LegalFacts {
    pub fn mediation_allowed(&self) -> std::result::Result<(), MediationRefused> {
        law::mediation_allowed(&self.qualifications, &self.perpetrator_ages)
    }

    /// What the law asks or notes on this case.
    pub fn prompts(&self) -> Vec<Prompt> {
        law::prompts(
            &self.qualifications,
            legal::spouse_only(&self.perpetrator_relations),
        )
    }

    /// Jenis kekerasan *Seksual* without a TPKS kind yet.
    pub fn needs_tpks_kind(&self) -> bool {
        legal::needs_tpks_kind(&self.violence, &self.qualifications)
    }
}

/// Everything of a case's legal side that is shown together (the Hukum tab, `meja hukum
/// show`): read at one moment, the clocks worked out for it.
#[derive(Debug, Clone, Default)]
pub struct LegalSheet {
    pub now: NaiveDateTime,
    pub facts: LegalFacts,
    pub clocks: Vec<law::Clock>,
    /// Checklist items ticked: (item, the day, by whom).
    pub ticked: Vec<(String, NaiveDate, String)>,
    pub events: Vec<LegalEvent>,
    pub mediation: Vec<MediationRecord>,
}

impl Store {
    /// The case's legal side as of `now` on the office's clock, clocks under `limits`.
    pub fn legal_sheet(
        &self,
        case_id: i64,
        limits: &law::Limits,
        now: NaiveDateTime,
    ) -> Result<LegalSheet> {
        Ok(LegalSheet {
            now,
            facts: self.legal_facts(case_id, now.date())?,
            clocks: law::clocks(&self.clock_facts(case_id)?, limits),
            ticked: self.legal_checklist(case_id)?,
            events: self.legal_events(case_id)?,
            mediation: self.mediation_records(case_id)?,
        })
    }

    /// The case's legal qualifications, in vocabulary order.
    pub fn legal_qualifications(&self, case_id: i64) -> Result<Vec<String>> {
        let mut st = self
            .conn()
            .prepare_cached("SELECT code FROM legal_qualifications WHERE case_id = ?1")?;
        let mut codes: Vec<String> = st
            .query_map([case_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        in_basis_order(&mut codes);
        Ok(codes)
    }

    /// Sets the case's legal qualifications to `codes`: each one added or dropped is a
    /// history row. A case of sexual violence must carry a TPKS kind (or "belum diketahui").
    pub fn set_legal_qualifications(
        &mut self,
        case_id: i64,
        codes: &[String],
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<std::result::Result<(), Vec<QualificationIssue>>> {
        let violence = self.violence_of(case_id)?;
        let issues = legal::check_qualifications(&violence, codes);
        if !issues.is_empty() {
            return Ok(Err(issues));
        }
        let old = self.legal_qualifications(case_id)?;
        let at = timestamp(now);
        self.write(|tx| {
            let by = By {
                case_id,
                at: &at,
                staff,
            };
            // One history row per code dropped (old → none) or added (none → new).
            for c in old.iter().filter(|c| !codes.contains(c)) {
                tx.execute(
                    "DELETE FROM legal_qualifications WHERE case_id = ?1 AND code = ?2",
                    params![case_id, c],
                )?;
                log(tx, by, "hukum", "kualifikasi", Some(c), None)?;
            }
            for c in codes.iter().filter(|c| !old.contains(c)) {
                tx.execute(
                    "INSERT INTO legal_qualifications (case_id, code, added_at, added_by)
                     VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
                    params![case_id, c, at, staff],
                )?;
                log(tx, by, "hukum", "kualifikasi", None, Some(c))?;
            }
            Ok(Ok(()))
        })
    }

    fn violence_of(&self, case_id: i64) -> Result<Vec<String>> {
        let mut st = self.conn().prepare_cached(
            "SELECT code FROM codes WHERE case_id = ?1 AND person_id IS NULL
             AND vocab = 'jenis_kekerasan' ORDER BY rowid",
        )?;
        Ok(st
            .query_map([case_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The facts the law's rules are worked out from; ages as on `today` when the incident's
    /// date is unknown.
    pub fn legal_facts(&self, case_id: i64, today: NaiveDate) -> Result<LegalFacts> {
        let incident: Option<String> = self
            .conn()
            .query_row(
                "SELECT incident_date FROM cases WHERE id = ?1",
                [case_id],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        let on = incident.and_then(|d| d.parse().ok()).unwrap_or(today);
        let mut st = self.conn().prepare_cached(
            "SELECT age, birth_date, relation FROM persons
             WHERE case_id = ?1 AND role = 'terlapor' ORDER BY ord",
        )?;
        let people: Vec<(Option<i64>, Option<String>, Option<String>)> = st
            .query_map([case_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let (perpetrator_ages, perpetrator_relations) = people
            .into_iter()
            .map(|(age, birth, relation)| {
                // A birth date tells the age at the incident; a typed age is as at intake.
                let age = birth
                    .and_then(|b| b.parse::<NaiveDate>().ok())
                    .map(|b| age_on(b, on))
                    .or(age.and_then(|a| u32::try_from(a).ok()));
                (age, relation)
            })
            .unzip();
        Ok(LegalFacts {
            violence: self.violence_of(case_id)?,
            qualifications: self.legal_qualifications(case_id)?,
            perpetrator_ages,
            perpetrator_relations,
        })
    }

    /// Records a legal event; its next date is worked out now (`legal::derived_next`).
    pub fn add_legal_event(
        &mut self,
        case_id: i64,
        e: &NewEvent,
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<std::result::Result<i64, Vec<EventIssue>>> {
        let issues = legal::check_event(e, now.date_naive());
        if !issues.is_empty() {
            return Ok(Err(issues));
        }
        let at = timestamp(now);
        let kind = e.detail.kind().code();
        let detail = serde_json::to_string(&e.detail).expect("an event serializes");
        let next = legal::derived_next(e).map(|d| d.to_string());
        self.write(|tx| {
            tx.execute(
                "INSERT INTO legal_events (case_id, kind, date, next_date, detail, note,
                     created_at, created_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    case_id,
                    kind,
                    e.date.to_string(),
                    next,
                    detail,
                    e.note,
                    at,
                    staff
                ],
            )?;
            let id = tx.last_insert_rowid();
            let day = e.date.to_string();
            log(
                tx,
                By {
                    case_id,
                    at: &at,
                    staff,
                },
                "hukum",
                kind,
                None,
                Some(&day),
            )?;
            Ok(Ok(id))
        })
    }

    /// The case's legal events, in the order they happened.
    pub fn legal_events(&self, case_id: i64) -> Result<Vec<LegalEvent>> {
        let mut st = self.conn().prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS} FROM legal_events WHERE case_id = ?1 ORDER BY date, id"
        ))?;
        let rows = st.query_map([case_id], |r| event_at(r, 0))?;
        let mut out = Vec::new();
        for row in rows {
            out.extend(row?);
        }
        Ok(out)
    }

    /// The checklist items ticked on a case: (item, the day, by whom).
    pub fn legal_checklist(&self, case_id: i64) -> Result<Vec<(String, NaiveDate, String)>> {
        let mut st = self.conn().prepare_cached(
            "SELECT item, date, done_by FROM legal_checklist WHERE case_id = ?1 ORDER BY done_at",
        )?;
        let rows = st.query_map([case_id], |r| {
            Ok((r.get(0)?, date(&r.get::<_, String>(1)?), r.get(2)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Ticks a checklist item (`legal::CHECKLIST`); false when it was ticked already.
    pub fn tick_legal_checklist(
        &mut self,
        case_id: i64,
        item: &str,
        day: NaiveDate,
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<bool> {
        let at = timestamp(now);
        self.write(|tx| tick(tx, case_id, item, day, staff, &at))
    }

    /// Records the request to take content down (TPKS Pasal 68) for a KSBE case: a service
    /// given to the victim (legal aid) and the checklist item, in one transaction.
    pub fn request_takedown(
        &mut self,
        case_id: i64,
        victim_id: i64,
        day: NaiveDate,
        note: &str,
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<std::result::Result<i64, Vec<ServiceIssue>>> {
        let victims = self.victim_ids(case_id)?;
        let s = ServiceGiven {
            id: 0,
            date: day,
            service: legal::TAKEDOWN_SERVICE.into(),
            victim_id,
            given_by: Doer::Staff(staff.into()),
            note: note.into(),
        };
        let issues = crate::domain::service::check(&s, &victims, now.date_naive());
        if !issues.is_empty() {
            return Ok(Err(issues));
        }
        let at = timestamp(now);
        self.write(|tx| {
            tx.execute(
                "INSERT INTO services_given (case_id, victim_id, date, service, by_staff, note,
                     created_at, created_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    case_id,
                    victim_id,
                    day.to_string(),
                    s.service,
                    staff,
                    s.note,
                    at,
                    staff
                ],
            )?;
            let id = tx.last_insert_rowid();
            log(
                tx,
                By {
                    case_id,
                    at: &at,
                    staff,
                },
                "layanan",
                "layanan",
                None,
                Some(&s.service),
            )?;
            tick(tx, case_id, legal::TAKEDOWN_REQUESTED, day, staff, &at)?;
            Ok(Ok(id))
        })
    }

    /// The case's victims' person ids, in the order they were entered.
    pub fn victim_ids(&self, case_id: i64) -> Result<Vec<i64>> {
        let mut st = self.conn().prepare_cached(
            "SELECT id FROM persons WHERE case_id = ?1 AND role = 'korban' ORDER BY ord",
        )?;
        Ok(st
            .query_map([case_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The case's mediation records, in the order they happened.
    pub fn mediation_records(&self, case_id: i64) -> Result<Vec<MediationRecord>> {
        let mut st = self.conn().prepare_cached(&format!(
            "SELECT {MEDIATION_COLUMNS} FROM mediation_records
             WHERE case_id = ?1 ORDER BY date, id"
        ))?;
        let rows = st.query_map([case_id], |r| mediation_at(r, 0))?;
        let mut out = Vec::new();
        for row in rows {
            out.extend(row?);
        }
        Ok(out)
    }

    /// Records a mediation step, where the law allows mediation on the case at all (TPKS
    /// Pasal 23) and the steps before it allow this one (`legal::check_mediation`).
    pub fn add_mediation(
        &mut self,
        case_id: i64,
        day: NaiveDate,
        step: &Step,
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<std::result::Result<i64, Vec<MediationIssue>>> {
        let today = now.date_naive();
        let guard = self.legal_facts(case_id, today)?.mediation_allowed();
        let earlier = self.mediation_records(case_id)?;
        let issues = legal::check_mediation(step, day, &earlier, guard, today);
        if !issues.is_empty() {
            return Ok(Err(issues));
        }
        let at = timestamp(now);
        let detail = serde_json::to_string(step).expect("a step serializes");
        self.write(|tx| {
            tx.execute(
                "INSERT INTO mediation_records (case_id, step, date, next_date, detail,
                     created_at, created_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    case_id,
                    step.code(),
                    day.to_string(),
                    step.next().map(|d| d.to_string()),
                    detail,
                    at,
                    staff
                ],
            )?;
            let id = tx.last_insert_rowid();
            let d = day.to_string();
            log(
                tx,
                By {
                    case_id,
                    at: &at,
                    staff,
                },
                "mediasi",
                step.code(),
                None,
                Some(&d),
            )?;
            Ok(Ok(id))
        })
    }

    /// When this database's clocks began (`LEGAL_RECORDS`): None for a database made after.
    pub fn clocks_since(&self) -> Result<Option<NaiveDateTime>> {
        let v: Option<String> = self
            .conn()
            .query_row(
                "SELECT value FROM meta WHERE key = 'clocks_since'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok(v.and_then(|v| local(&v)))
    }

    /// What the law's clocks on a case run on, on the office's clock: the report's time (the
    /// case's opening), its risk and qualification, the police report, and the first service
    /// given or first contact (a follow-up). A case opened before the clocks began has none.
    pub fn clock_facts(&self, case_id: i64) -> Result<ClockFacts> {
        let (opened, risk): (String, String) = self.conn().query_row(
            "SELECT opened_at, risk FROM cases WHERE id = ?1",
            [case_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let first = |sql: &str| -> Result<Option<NaiveDateTime>> {
            let mut st = self.conn().prepare_cached(sql)?;
            let mut best = None;
            for row in st.query_map([case_id], |r| Ok((r.get(0)?, r.get(1)?)))? {
                let (day, at): (String, String) = row?;
                earliest(&mut best, &day, &at);
            }
            Ok(best)
        };
        let service = first("SELECT date, created_at FROM services_given WHERE case_id = ?1")?;
        let contact = first("SELECT date, created_at FROM follow_ups WHERE case_id = ?1")?;
        Ok(clock_facts_of(
            &opened,
            risk,
            self.clocks_since()?,
            [service, contact].into_iter().flatten().min(),
            self.legal_qualifications(case_id)?,
            &self.legal_events(case_id)?,
        ))
    }

    /// Cases reported to the police, and cases with a verdict, in `[from, to]` (by the
    /// event's date; a case counts once in each). Events that came with a transferred case
    /// are the origin's to count (`LEGAL_ORIGIN`).
    pub fn legal_counts(&self, from: NaiveDate, to: NaiveDate) -> Result<(u64, u64)> {
        let count = |kind: &str| -> Result<u64> {
            let n: i64 = self.conn().query_row(
                "SELECT count(DISTINCT case_id) FROM legal_events
                 WHERE kind = ?1 AND date BETWEEN ?2 AND ?3 AND origin IS NULL",
                params![kind, from.to_string(), to.to_string()],
                |r| r.get(0),
            )?;
            Ok(n.max(0) as u64)
        };
        Ok((
            count(legal::EventKind::LaporanPolisi.code())?,
            count(legal::EventKind::Putusan.code())?,
        ))
    }
}

/// One tick, if not ticked already (the table refuses a second one: it is append-only).
fn tick(
    tx: &Transaction<'_>,
    case_id: i64,
    item: &str,
    day: NaiveDate,
    staff: &str,
    at: &str,
) -> rusqlite::Result<bool> {
    let n = tx.execute(
        "INSERT INTO legal_checklist (case_id, item, date, done_at, done_by)
         SELECT ?1, ?2, ?3, ?4, ?5
         WHERE NOT EXISTS (SELECT 1 FROM legal_checklist WHERE case_id = ?1 AND item = ?2)",
        params![case_id, item, day.to_string(), at, staff],
    )?;
    if n == 1 {
        log(
            tx,
            By { case_id, at, staff },
            "hukum",
            item,
            None,
            Some("ya"),
        )?;
    }
    Ok(n == 1)
}
