//! Case transfer between offices: reading a case whole into a `CaseTransfer`, and writing one
//! in as a new local case. Both sides write the transfer into the case's history.

use chrono::{DateTime, Datelike, Local};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::cases::{CaseNo, Entry, Opened, history};
use super::export::{case_codes, people};
use super::{Store, timestamp};
use crate::domain::access::AccessKind;
use crate::domain::assessment::Assessment;
use crate::domain::followup::Satisfaction;
use crate::domain::plan::Doer;
use crate::domain::text::{clean_line, clean_multiline, clean_name};
use crate::domain::transfer::{
    CaseTransfer, FORMAT, ORIGIN_PREFIX, PERSON_ROLES, TransferAction, TransferAssessment,
    TransferCase, TransferClosure, TransferDoer, TransferFollowUp, TransferHistory, TransferLegal,
    TransferLegalEvent, TransferMediation, TransferNote, TransferOutcome, TransferPerson,
    TransferPlan, TransferQualification, TransferReferral, TransferService, TransferTick, VERSION,
};
use crate::domain::validate::format_date;
use crate::domain::vocab;
use crate::error::Result;
use crate::i18n::{Lang, Msg, fill};

fn load_case(c: &Connection, id: i64) -> rusqlite::Result<TransferCase> {
    let mut t = c.query_row(
        "SELECT number, origin_number, origin_office, stage, risk, emergency, opened_at,
                opened_by, closed_at, closure_reason, closure_note, channel, reporter_kind,
                incident_date, incident_time, incident_place, incident_address,
                incident_region, chronology, consent_services, consent_share, consent_by,
                consent_relation, consent_withheld, incident_ongoing, case_kind, authority
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
                incident_ongoing: r.get(24)?,
                case_kind: r.get(25)?,
                authority: r.get(26)?,
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
                person: p.with_text_date(),
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

/// The case after intake in the file's shape (version 2): agencies by name, victims by their
/// place among the case's victims, plan actions in outcomes by their goal.
fn load_records(store: &Store, c: &Connection, id: i64, t: &mut CaseTransfer) -> Result<()> {
    let agency = |aid: i64| -> rusqlite::Result<Option<String>> {
        c.query_row("SELECT name FROM agencies WHERE id = ?1", [aid], |r| {
            r.get(0)
        })
        .optional()
    };
    let doer = |d: &Doer| -> rusqlite::Result<TransferDoer> {
        Ok(match d {
            Doer::Staff(s) => TransferDoer {
                staff: Some(s.clone()),
                agency: None,
            },
            Doer::Agency(a) => TransferDoer {
                staff: None,
                agency: Some(agency(*a)?.unwrap_or_else(|| a.to_string())),
            },
        })
    };
    t.assessments = store
        .assessments_of(id)?
        .into_iter()
        .map(|(_, author, a)| TransferAssessment {
            date: a.date.map(|d| d.to_string()).unwrap_or_default(),
            author,
            physical: a.physical,
            psychological: a.psychological,
            social: a.social,
            spiritual: a.spiritual,
            needs_hopes: a.needs_hopes,
            risk: a.risk,
            danger_asked: a.danger_asked,
            danger_yes: a.danger_yes,
            safety_plan: a.safety_plan,
        })
        .collect();
    let stored = store.plan_of(id)?;
    let plan = &stored.plan;
    if stored.version > 0 || !plan.actions.is_empty() {
        let (approval_by, approval_comment) = match &plan.approval {
            crate::domain::approval::Approval::Draft => (None, String::new()),
            crate::domain::approval::Approval::Requested { by }
            | crate::domain::approval::Approval::Approved { by } => {
                (Some(by.clone()), String::new())
            }
            crate::domain::approval::Approval::Returned { by, comment } => {
                (Some(by.clone()), comment.clone())
            }
        };
        let mut actions = Vec::new();
        for a in &plan.actions {
            actions.push(TransferAction {
                goal: a.goal.clone(),
                service: a.service.clone(),
                by: doer(&a.doer)?,
                due: a.due.map(|d| d.to_string()),
                status: a.status.code().into(),
                reason: a.reason.clone(),
            });
        }
        t.plan = Some(TransferPlan {
            with_client: plan.with_client,
            participants: plan.participants.clone(),
            approval: plan.approval.code().into(),
            approval_by,
            approval_comment,
            actions,
        });
    }
    let victims: Vec<i64> = {
        let mut st = c.prepare_cached(
            "SELECT id FROM persons WHERE case_id = ?1 AND role = 'korban' ORDER BY ord, id",
        )?;
        st.query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?
    };
    for g in store.services_given(id)? {
        t.services_given.push(TransferService {
            date: g.date.to_string(),
            service: g.service,
            victim: victims.iter().position(|v| *v == g.victim_id).unwrap_or(0) as i64,
            by: doer(&g.given_by)?,
            note: g.note,
        });
    }
    t.follow_ups = store
        .follow_ups(id)?
        .into_iter()
        .map(|f| TransferFollowUp {
            date: f.date.to_string(),
            kind: f.kind,
            findings: f.findings,
            next: f.next.map(|d| d.to_string()),
        })
        .collect();
    if let (Some(e), _) = store.evaluation_of(id)? {
        let goal = |aid: i64| {
            plan.actions
                .iter()
                .find(|a| a.id == aid)
                .map(|a| a.goal.clone())
                .unwrap_or_default()
        };
        t.closure = Some(TransferClosure {
            outcomes: e
                .outcomes
                .iter()
                .map(|o| TransferOutcome {
                    goal: goal(o.action_id),
                    achieved: o.achieved,
                    word: o.word.clone(),
                })
                .collect(),
            satisfaction: e.satisfaction.map(|s| match s {
                Satisfaction::Declined => 0,
                Satisfaction::Score(n) => n,
            }),
            comment: e.comment.clone(),
            approval: e.approval.code().into(),
            approval_by: match &e.approval {
                crate::domain::approval::Approval::Draft => None,
                crate::domain::approval::Approval::Requested { by }
                | crate::domain::approval::Approval::Approved { by }
                | crate::domain::approval::Approval::Returned { by, .. } => Some(by.clone()),
            },
        });
    }
    Ok(())
}

/// The legal side in the file's shape (version 3): every record as stored, with the office it
/// came from when it arrived with an earlier transfer.
fn load_legal(c: &Connection, id: i64) -> rusqlite::Result<TransferLegal> {
    let mut l = TransferLegal::default();
    let mut st = c.prepare_cached(
        "SELECT code, added_at, added_by FROM legal_qualifications WHERE case_id = ?1
         ORDER BY added_at, code",
    )?;
    l.qualifications = st
        .query_map([id], |r| {
            Ok(TransferQualification {
                code: r.get(0)?,
                added_at: r.get(1)?,
                added_by: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let json = |s: String| serde_json::from_str(&s).unwrap_or(serde_json::Value::Null);
    let mut st = c.prepare_cached(
        "SELECT date, next_date, detail, note, created_at, created_by, origin
         FROM legal_events WHERE case_id = ?1 ORDER BY date, id",
    )?;
    l.events = st
        .query_map([id], |r| {
            Ok(TransferLegalEvent {
                date: r.get(0)?,
                next: r.get(1)?,
                detail: json(r.get(2)?),
                note: r.get(3)?,
                recorded_at: r.get(4)?,
                by: r.get(5)?,
                office: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut st = c.prepare_cached(
        "SELECT date, detail, created_at, created_by, origin
         FROM mediation_records WHERE case_id = ?1 ORDER BY date, id",
    )?;
    l.mediation = st
        .query_map([id], |r| {
            Ok(TransferMediation {
                date: r.get(0)?,
                step: json(r.get(1)?),
                recorded_at: r.get(2)?,
                by: r.get(3)?,
                office: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut st = c.prepare_cached(
        "SELECT item, date, done_at, done_by FROM legal_checklist WHERE case_id = ?1
         ORDER BY done_at, item",
    )?;
    l.checklist = st
        .query_map([id], |r| {
            Ok(TransferTick {
                item: r.get(0)?,
                date: r.get(1)?,
                at: r.get(2)?,
                by: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(l)
}

/// The origin's legal side as this case's own records, by their origin authors: the
/// qualification sets the law's clocks and guards here, a police report made there stops the
/// TPKS clock here, a hearing's next date is due here (the accompaniment goes on) and the
/// mediation guard reads the steps taken there. Events and mediation records keep the office
/// they were recorded at (`LEGAL_ORIGIN`), so this office's report does not count them.
fn insert_legal(tx: &Transaction<'_>, id: i64, t: &CaseTransfer) -> rusqlite::Result<()> {
    // A record that came to the origin with an earlier transfer names its author already.
    let by = |who: &str, office: &Option<String>| match office {
        Some(_) => clean_line(who),
        None => t.origin_staff(&clean_line(who)),
    };
    let office = |o: &Option<String>| clean_opt(o).unwrap_or_else(|| clean_line(&t.office));
    for q in &t.legal.qualifications {
        tx.prepare_cached(
            "INSERT INTO legal_qualifications (case_id, code, added_at, added_by)
             VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
        )?
        .execute(params![
            id,
            clean_line(&q.code),
            clean_line(&q.added_at),
            t.origin_staff(&clean_line(&q.added_by))
        ])?;
    }
    for (e, new) in t.legal_events() {
        let detail = serde_json::to_string(&new.detail).expect("an event serializes");
        tx.prepare_cached(
            "INSERT INTO legal_events (case_id, kind, date, next_date, detail, note,
                 created_at, created_by, origin)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            id,
            new.detail.kind().code(),
            new.date.to_string(),
            new.next.map(|d| d.to_string()),
            detail,
            clean_multiline(&new.note),
            clean_line(&e.recorded_at),
            by(&e.by, &e.office),
            office(&e.office),
        ])?;
    }
    for (m, date, step) in t.mediation_steps() {
        let detail = serde_json::to_string(&step).expect("a step serializes");
        tx.prepare_cached(
            "INSERT INTO mediation_records (case_id, step, date, next_date, detail,
                 created_at, created_by, origin)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            id,
            step.code(),
            date.to_string(),
            step.next().map(|d| d.to_string()),
            detail,
            clean_line(&m.recorded_at),
            by(&m.by, &m.office),
            office(&m.office),
        ])?;
    }
    for k in &t.legal.checklist {
        tx.prepare_cached(
            "INSERT INTO legal_checklist (case_id, item, date, done_at, done_by)
             SELECT ?1, ?2, ?3, ?4, ?5
             WHERE NOT EXISTS (SELECT 1 FROM legal_checklist WHERE case_id = ?1 AND item = ?2)",
        )?
        .execute(params![
            id,
            clean_line(&k.item),
            clean_line(&k.date),
            clean_line(&k.at),
            t.origin_staff(&clean_line(&k.by))
        ])?;
    }
    Ok(())
}

/// Who a transferred record names: an origin account or agency, marked as the origin's.
fn origin_doer(t: &CaseTransfer, d: &TransferDoer) -> String {
    match (&d.staff, &d.agency) {
        (Some(s), _) => t.origin_staff(&clean_line(s)),
        (None, Some(a)) => t.origin_staff(&clean_name(a)),
        (None, None) => t.origin_staff(""),
    }
}

/// The origin's plan, services given, follow-ups and closing evaluation as notes on the case,
/// in the importer's language. They are the origin's work: as notes they are read in full,
/// yet this office's report does not count a service the origin gave (the origin counted it),
/// Tugas does not list the origin's next follow-up as this office's, and no approval by the
/// origin's supervisor stands for this office's.
fn records_as_notes(t: &CaseTransfer, lang: Lang) -> Vec<String> {
    let label = |v: vocab::Vocab, code: &str| v.label(code, lang).to_string();
    let day = |s: &str| {
        s.parse::<chrono::NaiveDate>()
            .map(format_date)
            .unwrap_or_else(|_| s.to_string())
    };
    let office = clean_line(&t.office);
    let mut out = Vec::new();
    if let Some(p) = &t.plan {
        let mut body = fill(
            Msg::TransferPlanNote.get(lang),
            &[
                &office,
                &label(vocab::APPROVALS, &p.approval),
                &p.actions.len(),
            ],
        );
        if !p.participants.trim().is_empty() {
            body.push('\n');
            body.push_str(&clean_line(&p.participants));
        }
        for a in &p.actions {
            body.push('\n');
            body.push_str(&format!(
                "- {} — {} — {} — {} — {}",
                clean_line(&a.goal),
                label(vocab::SERVICES, &a.service),
                origin_doer(t, &a.by),
                a.due.as_deref().map(day).unwrap_or_default(),
                label(vocab::ACTION_STATUS, &a.status),
            ));
        }
        out.push(body);
    }
    let victims: Vec<&TransferPerson> = t.persons.iter().filter(|p| p.role == "korban").collect();
    for g in &t.services_given {
        let victim = victims
            .iter()
            .find(|v| v.ord == g.victim)
            .map(|v| clean_name(&v.name))
            .unwrap_or_default();
        let mut body = fill(
            Msg::TransferServiceNote.get(lang),
            &[
                &office,
                &day(&g.date),
                &label(vocab::SERVICES, &g.service),
                &victim,
                &origin_doer(t, &g.by),
            ],
        );
        let note = clean_multiline(&g.note);
        if !note.trim().is_empty() {
            body.push('\n');
            body.push_str(&note);
        }
        out.push(body);
    }
    for f in &t.follow_ups {
        let mut body = fill(
            Msg::TransferFollowUpNote.get(lang),
            &[
                &office,
                &day(&f.date),
                &label(vocab::FOLLOW_UP_KINDS, &f.kind),
            ],
        );
        body.push('\n');
        body.push_str(&clean_multiline(&f.findings));
        out.push(body);
    }
    if let Some(k) = &t.closure {
        let satisfaction = match k.satisfaction {
            None => Msg::RepNoValue.get(lang).to_string(),
            Some(0) => Msg::SatisfactionDeclined.get(lang).to_string(),
            Some(n) => format!("{n}/4"),
        };
        let mut body = fill(
            Msg::TransferClosureNote.get(lang),
            &[
                &office,
                &label(vocab::APPROVALS, &k.approval),
                &satisfaction,
            ],
        );
        for o in &k.outcomes {
            let word = if o.achieved {
                Msg::OutcomeAchieved
            } else {
                Msg::OutcomeNotAchieved
            };
            body.push('\n');
            body.push_str(&format!(
                "- {}: {} {}",
                clean_line(&o.goal),
                word.get(lang),
                clean_line(&o.word)
            ));
        }
        let comment = clean_multiline(&k.comment);
        if !comment.trim().is_empty() {
            body.push('\n');
            body.push_str(&comment);
        }
        out.push(body);
    }
    out
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
            &clean_opt(&p.safe_contact),
        ],
        // Files before format 3 have no SIMFONI fields: the receiving office fills them in.
        &super::cases::SimfoniPerson {
            education: p.education.as_deref(),
            occupation: p.occupation.as_deref(),
            marital: p.marital.as_deref(),
            nationality: p.nationality.as_deref(),
            country: &p.country,
            domicile: &p.domicile,
        },
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
        let mut t = CaseTransfer {
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
            assessments: Vec::new(),
            plan: None,
            services_given: Vec::new(),
            follow_ups: Vec::new(),
            closure: None,
            legal: load_legal(c, id)?,
        };
        load_records(self, c, id, &mut t)?;
        Ok(Some((id, t)))
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
                    consent_withheld, origin_number, origin_office, incident_ongoing,
                    case_kind, authority)
                 VALUES (?1, ?2, ?3, 'pengaduan', ?4, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,
                    ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
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
                    k.incident_ongoing,
                    clean_opt(&k.case_kind),
                    clean_opt(&k.authority),
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
            // The origin's assessments are the victim's condition as found there: kept as
            // assessments, by their origin author, for this office's own to follow.
            for a in &t.assessments {
                let a2 = Assessment {
                    date: a.date.parse().ok(),
                    physical: clean_multiline(&a.physical),
                    psychological: clean_multiline(&a.psychological),
                    social: clean_multiline(&a.social),
                    spiritual: clean_multiline(&a.spiritual),
                    needs_hopes: clean_multiline(&a.needs_hopes),
                    risk: clean_line(&a.risk),
                    danger_yes: a.danger_yes.iter().map(|d| clean_line(d)).collect(),
                    danger_asked: a.danger_asked,
                    safety_plan: a.safety_plan.clone(),
                };
                let author = t.origin_staff(&clean_line(&a.author));
                super::records::insert_assessment(tx, id, &a2, &author, &at)?;
            }
            for body in records_as_notes(t, lang) {
                note(&at, staff, &body)?;
            }
            insert_legal(tx, id, t)?;
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
