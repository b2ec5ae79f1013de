//! A case moving to another UPTD PPA: one file with the case, its people, its history, notes
//! and referrals. The file is versioned: a meja refuses a file from a newer format rather
//! than read it half.
//!
//! On arrival the case gets a local number and keeps its origin number and office; it starts
//! at intake (the receiving office verifies and assesses it itself, as the SOP asks of any
//! report), and the origin's history and notes come along marked as the origin's, so this
//! office's figures count only what happened here.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Issue;
use super::intake::Person;
use super::legal::{self, Detail, EventIssue, NewEvent, Step};
use super::region;
use super::roughdate::RoughDate;
use super::text::{clean_line, clean_multiline, clean_name};
use super::validate::{normalize_phone, parse_age, parse_date, parse_nik, parse_time};
use super::vocab::{self, Vocab};

pub const FORMAT: &str = "meja-pindah-kasus";
/// 2 adds the case after intake: assessments, the plan and its actions, services given,
/// follow-ups and the closing evaluation. A version-1 file reads with those empty.
/// 3 adds the fields SIMFONI counts (each person's pendidikan, pekerjaan, perkawinan,
/// kewarganegaraan and domicile; the case's jenis kasus and kewenangan) and the legal side
/// (`legal`: qualification, legal events, mediation records, the checklist). An older file
/// reads with those empty, for the receiving office to fill in.
pub const VERSION: u32 = 3;

/// Actions in the history copied from the origin office carry this prefix.
pub const ORIGIN_PREFIX: &str = "asal:";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseTransfer {
    pub format: String,
    pub version: u32,
    /// The office that wrote the file (configuration `office.name`).
    pub office: String,
    pub exported_at: String,
    pub exported_by: String,
    pub case: TransferCase,
    pub persons: Vec<TransferPerson>,
    pub history: Vec<TransferHistory>,
    pub notes: Vec<TransferNote>,
    pub referrals: Vec<TransferReferral>,
    #[serde(default)]
    pub assessments: Vec<TransferAssessment>,
    #[serde(default)]
    pub plan: Option<TransferPlan>,
    #[serde(default)]
    pub services_given: Vec<TransferService>,
    #[serde(default)]
    pub follow_ups: Vec<TransferFollowUp>,
    #[serde(default)]
    pub closure: Option<TransferClosure>,
    #[serde(default)]
    pub legal: TransferLegal,
}

/// The legal side of the case (version 3), as the origin recorded it. Times are RFC 3339 as
/// meja writes them; the records name their author and, when they came to the origin with an
/// earlier transfer, the office they were recorded at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferLegal {
    pub qualifications: Vec<TransferQualification>,
    pub events: Vec<TransferLegalEvent>,
    pub mediation: Vec<TransferMediation>,
    pub checklist: Vec<TransferTick>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferQualification {
    /// A `vocab::LEGAL_BASIS` code.
    pub code: String,
    pub added_at: String,
    pub added_by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferLegalEvent {
    /// ISO date.
    pub date: String,
    pub next: Option<String>,
    /// `legal::Detail` as stored, tagged by `kind`; read as JSON so that a kind this meja
    /// does not know names its field rather than failing the whole file's syntax.
    pub detail: serde_json::Value,
    pub note: String,
    pub recorded_at: String,
    pub by: String,
    /// The office it was recorded at when not the file's (an earlier transfer).
    pub office: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferMediation {
    pub date: String,
    /// `legal::Step` as stored, tagged by `step`.
    pub step: serde_json::Value,
    pub recorded_at: String,
    pub by: String,
    pub office: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferTick {
    /// A `legal::CHECKLIST` item.
    pub item: String,
    pub date: String,
    pub at: String,
    pub by: String,
}

/// An assessment as the origin wrote it; its author is an origin account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferAssessment {
    /// ISO date.
    pub date: String,
    pub author: String,
    pub physical: String,
    pub psychological: String,
    pub social: String,
    pub spiritual: String,
    pub needs_hopes: String,
    pub risk: String,
    pub danger_asked: bool,
    pub danger_yes: Vec<String>,
    pub safety_plan: super::assessment::SafetyPlan,
}

/// Who did a plan action or gave a service at the origin: one of its accounts, or an agency
/// of its directory by name (agency ids mean nothing in another office's directory).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferDoer {
    pub staff: Option<String>,
    pub agency: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferAction {
    pub goal: String,
    pub service: String,
    pub by: TransferDoer,
    pub due: Option<String>,
    pub status: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferPlan {
    pub with_client: bool,
    pub participants: String,
    /// `approval::Approval::code`: draf, diajukan, disetujui, dikembalikan.
    pub approval: String,
    pub approval_by: Option<String>,
    pub approval_comment: String,
    pub actions: Vec<TransferAction>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferService {
    pub date: String,
    pub service: String,
    /// The victim, as the `ord` of a `korban` in `persons`.
    pub victim: i64,
    pub by: TransferDoer,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferFollowUp {
    pub date: String,
    pub kind: String,
    pub findings: String,
    pub next: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferOutcome {
    /// The plan action's goal (action ids are the origin's).
    pub goal: String,
    pub achieved: bool,
    pub word: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferClosure {
    pub outcomes: Vec<TransferOutcome>,
    /// 1 to 4; 0 the client declined to answer; None not asked.
    pub satisfaction: Option<u8>,
    pub comment: String,
    pub approval: String,
    pub approval_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferCase {
    pub number: String,
    /// Where the case came from before, if it was itself transferred.
    pub origin_number: Option<String>,
    pub origin_office: Option<String>,
    pub stage: String,
    pub risk: String,
    pub emergency: bool,
    pub opened_at: String,
    pub opened_by: String,
    pub closed_at: Option<String>,
    pub closure_reason: Option<String>,
    pub closure_note: Option<String>,
    pub channel: Option<String>,
    pub reporter_kind: Option<String>,
    /// ISO at its precision: a day, `2026-11` or `2020` (`domain::roughdate`).
    pub incident_date: Option<String>,
    /// Still going on; absent from files written before it existed.
    pub incident_ongoing: Option<bool>,
    pub incident_time: Option<String>,
    pub incident_place: Option<String>,
    pub incident_address: String,
    pub incident_region: Option<String>,
    pub chronology: String,
    pub consent_services: String,
    pub consent_share: Option<String>,
    pub consent_by: String,
    pub consent_relation: Option<String>,
    pub consent_withheld: String,
    pub violence: Vec<String>,
    pub services: Vec<String>,
    pub withhold: Vec<String>,
    /// The jenis kasus chosen over the derived one (version 3).
    pub case_kind: Option<String>,
    pub authority: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferPerson {
    /// `pelapor`, `korban` or `terlapor`.
    pub role: String,
    pub ord: i64,
    /// The person's fields as a case has them, the birth date as the file's text (checked
    /// on import, so a bad date is reported by its field). Fields added since format 1
    /// (`safe_contact`; the SIMFONI ones of format 3) are absent from older files and read
    /// as empty.
    #[serde(flatten)]
    pub person: Person<String>,
}

/// `p.name` for `p.person.name`: a transfer person is a person with a role and a place.
impl std::ops::Deref for TransferPerson {
    type Target = Person<String>;
    fn deref(&self) -> &Person<String> {
        &self.person
    }
}

impl std::ops::DerefMut for TransferPerson {
    fn deref_mut(&mut self) -> &mut Person<String> {
        &mut self.person
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferHistory {
    pub at: String,
    pub staff: String,
    pub action: String,
    pub field: Option<String>,
    pub old: Option<String>,
    pub new: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferNote {
    pub at: String,
    pub staff: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferReferral {
    pub agency: String,
    pub service: String,
    pub reason: String,
    pub follow_up: Option<String>,
    pub status: String,
    pub status_note: String,
    pub override_reason: Option<String>,
    pub letter_number: Option<String>,
    pub created_at: String,
    pub created_by: String,
}

/// Why a transfer file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    NotATransfer,
    /// Made by a newer meja: this format version.
    TooNew(u32),
    /// A value this office's intake would refuse.
    Bad(BadValue),
}

/// A value in a transfer file that the intake would refuse: the field as the JSON names it
/// (`persons[2].sex`), the value as written, and why (None: not one of the known codes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadValue {
    pub field: String,
    pub value: String,
    pub issue: Option<Issue>,
}

/// The roles a person in a case can have here; a file may hold others (an older or newer
/// meja, a hand-edited file), which arrive as a note rather than vanish.
pub const PERSON_ROLES: [&str; 3] = ["pelapor", "korban", "terlapor"];

fn line(s: &mut String) {
    *s = clean_line(s).trim().to_string();
}

fn name(s: &mut String) {
    *s = clean_name(s).trim().to_string();
}

fn multi(s: &mut String) {
    *s = clean_multiline(s).trim_end().to_string();
}

fn opt_line(s: &mut Option<String>) {
    if let Some(v) = s {
        line(v);
    }
    if s.as_deref() == Some("") {
        *s = None;
    }
}

fn opt_multi(s: &mut Option<String>) {
    if let Some(v) = s {
        multi(v);
    }
}

fn codes(list: &mut Vec<String>) {
    list.iter_mut().for_each(line);
    list.retain(|c| !c.is_empty());
}

/// Checks one value against the intake's rules, naming the field when it fails.
struct Checker {
    today: NaiveDate,
}

impl Checker {
    fn bad(field: &str, value: &str, issue: Option<Issue>) -> FileError {
        FileError::Bad(BadValue {
            field: field.to_string(),
            value: value.to_string(),
            issue,
        })
    }

    fn code(&self, field: &str, v: &str, vocab: Vocab) -> Result<(), FileError> {
        if vocab.contains(v) {
            Ok(())
        } else {
            Err(Self::bad(field, v, None))
        }
    }

    fn opt_code(&self, field: &str, v: &Option<String>, vocab: Vocab) -> Result<(), FileError> {
        v.as_deref().map_or(Ok(()), |v| self.code(field, v, vocab))
    }

    fn codes(&self, field: &str, list: &[String], vocab: Vocab) -> Result<(), FileError> {
        for (i, v) in list.iter().enumerate() {
            self.code(&format!("{field}[{i}]"), v, vocab)?;
        }
        Ok(())
    }

    fn region(&self, field: &str, v: &Option<String>) -> Result<(), FileError> {
        match v.as_deref() {
            Some(code) if region::get(code).is_none() => Err(Self::bad(field, code, None)),
            _ => Ok(()),
        }
    }

    /// A stored date (ISO, as the export writes it); rewritten ISO when given day first.
    fn date(&self, field: &str, v: &mut Option<String>) -> Result<(), FileError> {
        if let Some(s) = v {
            let d = parse_date(s, self.today).map_err(|i| Self::bad(field, s, Some(i)))?;
            *s = d.to_string();
        }
        Ok(())
    }

    /// A date known to a day, a month or a year, rewritten as ISO at its precision.
    fn rough_date(&self, field: &str, v: &mut Option<String>) -> Result<(), FileError> {
        if let Some(s) = v {
            let d = RoughDate::parse(s, self.today).map_err(|i| Self::bad(field, s, Some(i)))?;
            *s = d.iso();
        }
        Ok(())
    }

    /// A date that may lie ahead (a plan action's due date, the next follow-up).
    fn later_date(&self, field: &str, v: &mut Option<String>) -> Result<(), FileError> {
        Checker {
            today: NaiveDate::MAX,
        }
        .date(field, v)
    }

    fn time(&self, field: &str, v: &mut Option<String>) -> Result<(), FileError> {
        if let Some(s) = v {
            let t = parse_time(s).map_err(|i| Self::bad(field, s, Some(i)))?;
            *s = t.format("%H:%M").to_string();
        }
        Ok(())
    }

    /// A moment in the history, notes or referrals: RFC 3339 as meja writes it.
    fn moment(&self, field: &str, v: &str) -> Result<(), FileError> {
        chrono::DateTime::parse_from_rfc3339(v)
            .map(|_| ())
            .map_err(|_| Self::bad(field, v, Some(Issue::DateFormat)))
    }
}

impl CaseTransfer {
    /// Cleans every string the file holds, as any typed or imported text is cleaned: the
    /// office's name too, since it is written beside each origin staff name forever.
    pub fn clean(&mut self) {
        for s in [
            &mut self.format,
            &mut self.office,
            &mut self.exported_at,
            &mut self.exported_by,
        ] {
            line(s);
        }
        let k = &mut self.case;
        for s in [
            &mut k.number,
            &mut k.stage,
            &mut k.risk,
            &mut k.opened_at,
            &mut k.opened_by,
            &mut k.incident_address,
            &mut k.consent_services,
        ] {
            line(s);
        }
        name(&mut k.consent_by);
        for s in [
            &mut k.origin_number,
            &mut k.origin_office,
            &mut k.closed_at,
            &mut k.closure_reason,
            &mut k.channel,
            &mut k.reporter_kind,
            &mut k.incident_date,
            &mut k.incident_time,
            &mut k.incident_place,
            &mut k.incident_region,
            &mut k.consent_share,
            &mut k.consent_relation,
            &mut k.case_kind,
            &mut k.authority,
        ] {
            opt_line(s);
        }
        opt_multi(&mut k.closure_note);
        multi(&mut k.chronology);
        multi(&mut k.consent_withheld);
        for list in [&mut k.violence, &mut k.services, &mut k.withhold] {
            codes(list);
        }
        for t in &mut self.persons {
            line(&mut t.role);
            let p = &mut t.person;
            name(&mut p.name);
            name(&mut p.guardian);
            line(&mut p.address);
            line(&mut p.schooling);
            line(&mut p.country);
            line(&mut p.domicile);
            for s in [
                &mut p.nik,
                &mut p.sex,
                &mut p.birth_date,
                &mut p.phone,
                &mut p.region,
                &mut p.relation,
                &mut p.disability,
                &mut p.education,
                &mut p.occupation,
                &mut p.marital,
                &mut p.nationality,
            ] {
                opt_line(s);
            }
            codes(&mut p.ampk);
        }
        for h in &mut self.history {
            line(&mut h.at);
            line(&mut h.staff);
            line(&mut h.action);
            opt_line(&mut h.field);
            for v in [&mut h.old, &mut h.new].into_iter().flatten() {
                *v = clean_line(v);
            }
            opt_multi(&mut h.note);
        }
        for n in &mut self.notes {
            line(&mut n.at);
            line(&mut n.staff);
            multi(&mut n.body);
        }
        for r in &mut self.referrals {
            name(&mut r.agency);
            for s in [
                &mut r.service,
                &mut r.status,
                &mut r.created_at,
                &mut r.created_by,
            ] {
                line(s);
            }
            multi(&mut r.reason);
            multi(&mut r.status_note);
            opt_line(&mut r.follow_up);
            opt_line(&mut r.letter_number);
            opt_multi(&mut r.override_reason);
        }
        self.clean_records();
        self.clean_legal();
    }

    /// Version 3's legal records, cleaned as typed text is. The details inside events and
    /// mediation steps are cleaned once they are read as their types (`legal_records`).
    fn clean_legal(&mut self) {
        let l = &mut self.legal;
        for q in &mut l.qualifications {
            for s in [&mut q.code, &mut q.added_at, &mut q.added_by] {
                line(s);
            }
        }
        for e in &mut l.events {
            for s in [&mut e.date, &mut e.recorded_at, &mut e.by] {
                line(s);
            }
            opt_line(&mut e.next);
            opt_line(&mut e.office);
            multi(&mut e.note);
        }
        for m in &mut l.mediation {
            for s in [&mut m.date, &mut m.recorded_at, &mut m.by] {
                line(s);
            }
            opt_line(&mut m.office);
        }
        for t in &mut l.checklist {
            for s in [&mut t.item, &mut t.date, &mut t.at, &mut t.by] {
                line(s);
            }
        }
    }

    /// Version 2's records, cleaned as typed text is.
    fn clean_records(&mut self) {
        let doer = |d: &mut TransferDoer| {
            opt_line(&mut d.staff);
            if let Some(a) = &mut d.agency {
                name(a);
            }
            if d.agency.as_deref() == Some("") {
                d.agency = None;
            }
        };
        for a in &mut self.assessments {
            for s in [&mut a.date, &mut a.author, &mut a.risk] {
                line(s);
            }
            for s in [
                &mut a.physical,
                &mut a.psychological,
                &mut a.social,
                &mut a.spiritual,
                &mut a.needs_hopes,
            ] {
                multi(s);
            }
            codes(&mut a.danger_yes);
            let sp = &mut a.safety_plan;
            for s in [&mut sp.safe_contact, &mut sp.safe_place, &mut sp.code_word] {
                line(s);
            }
            multi(&mut sp.note);
        }
        if let Some(p) = &mut self.plan {
            line(&mut p.participants);
            line(&mut p.approval);
            opt_line(&mut p.approval_by);
            multi(&mut p.approval_comment);
            for a in &mut p.actions {
                line(&mut a.goal);
                line(&mut a.service);
                line(&mut a.status);
                multi(&mut a.reason);
                opt_line(&mut a.due);
                doer(&mut a.by);
            }
        }
        for g in &mut self.services_given {
            line(&mut g.date);
            line(&mut g.service);
            multi(&mut g.note);
            doer(&mut g.by);
        }
        for f in &mut self.follow_ups {
            line(&mut f.date);
            line(&mut f.kind);
            multi(&mut f.findings);
            opt_line(&mut f.next);
        }
        if let Some(c) = &mut self.closure {
            for o in &mut c.outcomes {
                line(&mut o.goal);
                line(&mut o.word);
            }
            multi(&mut c.comment);
            line(&mut c.approval);
            opt_line(&mut c.approval_by);
        }
    }

    /// Holds the file to the intake's rules, value by value, and stops at the first value
    /// the intake would refuse: a sex `X`, violence `zz`, a date 31-02, a NIK with letters.
    /// Dates, times, NIK and phones are rewritten in the form meja stores. People with a
    /// role meja does not know are kept (see [`CaseTransfer::other_people`]).
    pub fn validate(&mut self, today: NaiveDate) -> Result<(), FileError> {
        let c = Checker { today };
        let k = &mut self.case;
        if k.number.is_empty() {
            return Err(Checker::bad("case.number", "", Some(Issue::Required)));
        }
        c.code("case.risk", &k.risk, vocab::RISK)?;
        c.opt_code("case.channel", &k.channel, vocab::CHANNELS)?;
        c.opt_code(
            "case.reporter_kind",
            &k.reporter_kind,
            vocab::REPORTER_KINDS,
        )?;
        c.rough_date("case.incident_date", &mut k.incident_date)?;
        c.time("case.incident_time", &mut k.incident_time)?;
        c.opt_code("case.incident_place", &k.incident_place, vocab::PLACES)?;
        c.region("case.incident_region", &k.incident_region)?;
        if k.violence.is_empty() {
            return Err(Checker::bad("case.violence", "", Some(Issue::Required)));
        }
        c.codes("case.violence", &k.violence, vocab::VIOLENCE)?;
        c.codes("case.services", &k.services, vocab::SERVICES)?;
        c.codes("case.withhold", &k.withhold, vocab::WITHHOLD)?;
        c.code(
            "case.consent_services",
            &k.consent_services,
            vocab::CONSENT_ANSWERS,
        )?;
        c.opt_code("case.consent_share", &k.consent_share, vocab::YES_NO)?;
        c.opt_code(
            "case.consent_relation",
            &k.consent_relation,
            vocab::CONSENT_GIVERS,
        )?;
        c.opt_code("case.case_kind", &k.case_kind, vocab::CASE_KINDS)?;
        c.opt_code("case.authority", &k.authority, vocab::AUTHORITY)?;
        let mut victims = 0;
        for (i, p) in self.persons.iter_mut().enumerate() {
            let f = |name: &str| format!("persons[{i}].{name}");
            if !PERSON_ROLES.contains(&p.role.as_str()) {
                continue;
            }
            let victim = p.role == "korban";
            victims += usize::from(victim);
            if victim && p.name.is_empty() {
                return Err(Checker::bad(&f("name"), "", Some(Issue::Required)));
            }
            if victim && p.sex.is_none() {
                return Err(Checker::bad(&f("sex"), "", Some(Issue::Required)));
            }
            c.opt_code(&f("sex"), &p.sex, vocab::SEX)?;
            if let Some(n) = &mut p.nik {
                *n = parse_nik(n)
                    .map_err(|i| Checker::bad(&f("nik"), n, Some(i)))?
                    .digits;
            }
            c.date(&f("birth_date"), &mut p.birth_date)?;
            if let Some(a) = p.age {
                parse_age(&a.to_string())
                    .map_err(|i| Checker::bad(&f("age"), &a.to_string(), Some(i)))?;
            }
            if let Some(ph) = &mut p.phone {
                *ph = normalize_phone(ph).map_err(|i| Checker::bad(&f("phone"), ph, Some(i)))?;
            }
            c.region(&f("region"), &p.region)?;
            let relations = match p.role.as_str() {
                "pelapor" => Some(vocab::REPORTER_RELATIONS),
                "terlapor" => Some(vocab::PERPETRATOR_RELATIONS),
                _ => None,
            };
            match (relations, &p.relation) {
                (Some(v), r) => c.opt_code(&f("relation"), r, v)?,
                (None, Some(r)) => return Err(Checker::bad(&f("relation"), r, None)),
                (None, None) => {}
            }
            c.opt_code(&f("safe_contact"), &p.safe_contact, vocab::YES_NO)?;
            c.opt_code(&f("disability"), &p.disability, vocab::DISABILITY)?;
            c.codes(&f("ampk"), &p.ampk, vocab::AMPK)?;
            c.opt_code(&f("education"), &p.education, vocab::EDUCATION)?;
            c.opt_code(&f("occupation"), &p.occupation, vocab::OCCUPATION)?;
            c.opt_code(&f("marital"), &p.marital, vocab::MARITAL)?;
            c.opt_code(&f("nationality"), &p.nationality, vocab::NATIONALITY)?;
        }
        if victims == 0 {
            return Err(Checker::bad(
                "persons[].role",
                "korban",
                Some(Issue::Required),
            ));
        }
        for (i, h) in self.history.iter().enumerate() {
            c.moment(&format!("history[{i}].at"), &h.at)?;
        }
        for (i, n) in self.notes.iter().enumerate() {
            c.moment(&format!("notes[{i}].at"), &n.at)?;
        }
        for (i, r) in self.referrals.iter().enumerate() {
            c.moment(&format!("referrals[{i}].created_at"), &r.created_at)?;
        }
        self.validate_records(&c)?;
        self.validate_legal(&c).map(|_| ())
    }

    /// Version 3's legal events as their type, text cleaned, each beside its record in the
    /// file. After [`CaseTransfer::validate`] every one reads; one that does not is left out.
    pub fn legal_events(&self) -> Vec<(&TransferLegalEvent, NewEvent)> {
        self.legal
            .events
            .iter()
            .filter_map(|e| {
                let date = e.date.parse::<NaiveDate>().ok()?;
                let detail = serde_json::from_value::<Detail>(e.detail.clone()).ok()?;
                Some((
                    e,
                    NewEvent {
                        date,
                        detail: clean_detail(detail),
                        next: e.next.as_deref().and_then(|d| d.parse().ok()),
                        note: e.note.clone(),
                    },
                ))
            })
            .collect()
    }

    /// Version 3's mediation steps as their type, as [`CaseTransfer::legal_events`]. What the
    /// case's qualification allows (mediation on TPKS) was the origin's to decide when it
    /// recorded them; they arrive as the record of what happened there.
    pub fn mediation_steps(&self) -> Vec<(&TransferMediation, NaiveDate, Step)> {
        self.legal
            .mediation
            .iter()
            .filter_map(|m| {
                let date = m.date.parse::<NaiveDate>().ok()?;
                let step = serde_json::from_value::<Step>(m.step.clone()).ok()?;
                Some((m, date, clean_step(step)))
            })
            .collect()
    }

    /// Version 3's legal records held to the rules their own forms keep: known codes and
    /// kinds, real dates and times, the fields each kind of event requires.
    fn validate_legal(&mut self, c: &Checker) -> Result<(), FileError> {
        let day = |field: &str, v: &mut String| -> Result<(), FileError> {
            if v.is_empty() {
                return Err(Checker::bad(field, "", Some(Issue::Required)));
            }
            let mut o = Some(std::mem::take(v));
            let r = c.date(field, &mut o);
            *v = o.unwrap_or_default();
            r
        };
        let l = &mut self.legal;
        for (i, q) in l.qualifications.iter().enumerate() {
            let f = |n: &str| format!("legal.qualifications[{i}].{n}");
            c.code(&f("code"), &q.code, vocab::LEGAL_BASIS)?;
            c.moment(&f("added_at"), &q.added_at)?;
        }
        for (i, e) in l.events.iter_mut().enumerate() {
            let f = |n: &str| format!("legal.events[{i}].{n}");
            day(&f("date"), &mut e.date)?;
            c.later_date(&f("next"), &mut e.next)?;
            c.moment(&f("recorded_at"), &e.recorded_at)?;
            let kind = e.detail.get("kind").and_then(|k| k.as_str()).unwrap_or("");
            let detail: Detail = serde_json::from_value(e.detail.clone())
                .map_err(|_| Checker::bad(&f("detail.kind"), kind, None))?;
            let new = NewEvent {
                date: e.date.parse().unwrap_or_default(),
                detail,
                next: e.next.as_deref().and_then(|d| d.parse().ok()),
                note: String::new(),
            };
            if let Some(issue) = legal::check_event(&new, c.today).first() {
                let (field, issue) = event_issue(*issue);
                return Err(Checker::bad(&f(field), "", issue));
            }
        }
        for (i, m) in l.mediation.iter_mut().enumerate() {
            let f = |n: &str| format!("legal.mediation[{i}].{n}");
            day(&f("date"), &mut m.date)?;
            c.moment(&f("recorded_at"), &m.recorded_at)?;
            let code = m.step.get("step").and_then(|k| k.as_str()).unwrap_or("");
            if serde_json::from_value::<Step>(m.step.clone()).is_err() {
                return Err(Checker::bad(&f("step.step"), code, None));
            }
        }
        for (i, t) in l.checklist.iter_mut().enumerate() {
            let f = |n: &str| format!("legal.checklist[{i}].{n}");
            c.code(&f("item"), &t.item, vocab::LEGAL_CHECKLIST)?;
            day(&f("date"), &mut t.date)?;
            c.moment(&f("at"), &t.at)?;
        }
        Ok(())
    }

    /// Version 2's records against the rules their own forms keep: known codes, real dates,
    /// a service given to a victim the file names, a satisfaction of 0 to 4.
    fn validate_records(&mut self, c: &Checker) -> Result<(), FileError> {
        let required = |field: &str, v: &str| {
            if v.is_empty() {
                Err(Checker::bad(field, "", Some(Issue::Required)))
            } else {
                Ok(())
            }
        };
        let day = |field: &str, v: &mut String| -> Result<(), FileError> {
            required(field, v)?;
            let mut o = Some(std::mem::take(v));
            let r = c.date(field, &mut o);
            *v = o.unwrap_or_default();
            r
        };
        let doer = |field: &str, d: &TransferDoer| match (&d.staff, &d.agency) {
            (None, None) => Err(Checker::bad(field, "", Some(Issue::Required))),
            _ => Ok(()),
        };
        let approval = |field: &str, v: &str| c.code(field, v, vocab::APPROVALS);
        for (i, a) in self.assessments.iter_mut().enumerate() {
            let f = |n: &str| format!("assessments[{i}].{n}");
            day(&f("date"), &mut a.date)?;
            c.code(&f("risk"), &a.risk, vocab::RISK)?;
            c.codes(&f("danger_yes"), &a.danger_yes, vocab::DANGER_ITEMS)?;
        }
        if let Some(p) = &mut self.plan {
            approval("plan.approval", &p.approval)?;
            for (i, a) in p.actions.iter_mut().enumerate() {
                let f = |n: &str| format!("plan.actions[{i}].{n}");
                required(&f("goal"), &a.goal)?;
                c.code(&f("service"), &a.service, vocab::SERVICES)?;
                c.code(&f("status"), &a.status, vocab::ACTION_STATUS)?;
                c.later_date(&f("due"), &mut a.due)?;
                doer(&f("by"), &a.by)?;
            }
        }
        let victims: Vec<i64> = self
            .persons
            .iter()
            .filter(|p| p.role == "korban")
            .map(|p| p.ord)
            .collect();
        for (i, g) in self.services_given.iter_mut().enumerate() {
            let f = |n: &str| format!("services_given[{i}].{n}");
            day(&f("date"), &mut g.date)?;
            c.code(&f("service"), &g.service, vocab::SERVICES)?;
            if !victims.contains(&g.victim) {
                return Err(Checker::bad(&f("victim"), &g.victim.to_string(), None));
            }
            doer(&f("by"), &g.by)?;
        }
        for (i, u) in self.follow_ups.iter_mut().enumerate() {
            let f = |n: &str| format!("follow_ups[{i}].{n}");
            day(&f("date"), &mut u.date)?;
            c.code(&f("kind"), &u.kind, vocab::FOLLOW_UP_KINDS)?;
            required(&f("findings"), &u.findings)?;
            c.later_date(&f("next"), &mut u.next)?;
        }
        if let Some(k) = &self.closure {
            approval("closure.approval", &k.approval)?;
            if let Some(n) = k.satisfaction.filter(|n| *n > 4) {
                return Err(Checker::bad("closure.satisfaction", &n.to_string(), None));
            }
        }
        Ok(())
    }

    /// People whose role this meja does not know (`hakim`, say): kept as a note on the case
    /// so the person is seen, never dropped.
    pub fn other_people(&self) -> impl Iterator<Item = &TransferPerson> {
        self.persons
            .iter()
            .filter(|p| !PERSON_ROLES.contains(&p.role.as_str()))
    }

    /// Checks the header before anything is written.
    pub fn check(&self) -> Result<(), FileError> {
        if self.format != FORMAT || self.case.number.trim().is_empty() {
            return Err(FileError::NotATransfer);
        }
        if self.version > VERSION {
            return Err(FileError::TooNew(self.version));
        }
        if !self.persons.iter().any(|p| p.role == "korban") {
            return Err(FileError::NotATransfer);
        }
        Ok(())
    }

    /// How the origin's staff are named here: `ani (UPTD PPA Kota Contoh)`, so nobody takes
    /// them for a local worker of the same name.
    pub fn origin_staff(&self, staff: &str) -> String {
        format!("{staff} ({})", clean_line(&self.office).trim())
    }
}

/// Where an event's first problem is, as the file names it, and in the intake's words.
fn event_issue(i: EventIssue) -> (&'static str, Option<Issue>) {
    match i {
        EventIssue::DateFuture => ("date", Some(Issue::DateFuture)),
        EventIssue::UnitRequired => ("detail.unit", Some(Issue::Required)),
        EventIssue::NumberRequired => ("detail.number", Some(Issue::Required)),
        EventIssue::HospitalRequired => ("detail.hospital", Some(Issue::Required)),
        EventIssue::CourtRequired => ("detail.court", Some(Issue::Required)),
        EventIssue::SentenceRequired => ("detail.sentence", Some(Issue::Required)),
        EventIssue::ProtectionEnds => ("detail.to", Some(Issue::DateImpossible)),
        EventIssue::NextNotAfter => ("next", Some(Issue::DateImpossible)),
        EventIssue::AmountNotAsked => ("detail.amount", None),
    }
}

/// An event's text fields cleaned as typed text is.
fn clean_detail(d: Detail) -> Detail {
    let l = |s: String| clean_line(&s).trim().to_string();
    match d {
        Detail::LaporanPolisi {
            unit,
            number,
            investigator,
            time,
        } => Detail::LaporanPolisi {
            unit: l(unit),
            number: l(number),
            investigator: l(investigator),
            time,
        },
        Detail::Visum {
            hospital,
            result_received,
        } => Detail::Visum {
            hospital: l(hospital),
            result_received,
        },
        Detail::Bap { accompanied_by } => Detail::Bap {
            accompanied_by: l(accompanied_by),
        },
        Detail::Sidang {
            court,
            case_number,
            what_happened,
            accompanied_by,
            next_hearing,
        } => Detail::Sidang {
            court: l(court),
            case_number: l(case_number),
            what_happened: clean_multiline(&what_happened).trim_end().to_string(),
            accompanied_by: l(accompanied_by),
            next_hearing,
        },
        Detail::Putusan { sentence } => Detail::Putusan {
            sentence: clean_multiline(&sentence).trim_end().to_string(),
        },
        Detail::Lpsk { decision } => Detail::Lpsk {
            decision: l(decision),
        },
        other => other,
    }
}

/// A mediation step's text fields cleaned as typed text is.
fn clean_step(s: Step) -> Step {
    let l = |s: String| clean_line(&s).trim().to_string();
    let m = |s: String| clean_multiline(&s).trim_end().to_string();
    match s {
        Step::Asesmen {
            matter,
            free_decision,
            assessed_by,
            note,
        } => Step::Asesmen {
            matter,
            free_decision,
            assessed_by: l(assessed_by),
            note: m(note),
        },
        Step::Sesi { attended, result } => Step::Sesi {
            attended: l(attended),
            result: m(result),
        },
        Step::Kesepakatan { points, follow_up } => Step::Kesepakatan {
            points: m(points),
            follow_up,
        },
        Step::Tinjauan { kept, note, next } => Step::Tinjauan {
            kept,
            note: m(note),
            next,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> CaseTransfer {
        CaseTransfer {
            format: FORMAT.into(),
            version: VERSION,
            office: "UPTD PPA Kota Contoh".into(),
            exported_at: String::new(),
            exported_by: "ani".into(),
            case: TransferCase {
                number: "PPA/2026/0001".into(),
                ..Default::default()
            },
            persons: vec![TransferPerson {
                role: "korban".into(),
                ..Default::default()
            }],
            history: vec![],
            notes: vec![],
            referrals: vec![],
            assessments: vec![],
            plan: None,
            services_given: vec![],
            follow_ups: vec![],
            closure: None,
            legal: TransferLegal::default(),
        }
    }

    #[test]
    fn a_newer_format_or_a_foreign_file_is_refused() {
        assert_eq!(file().check(), Ok(()));
        let mut newer = file();
        newer.version = VERSION + 1;
        assert_eq!(newer.check(), Err(FileError::TooNew(VERSION + 1)));
        let mut other = file();
        other.format = "sesuatu-lain".into();
        assert_eq!(other.check(), Err(FileError::NotATransfer));
        let mut nobody = file();
        nobody.persons.clear();
        assert_eq!(nobody.check(), Err(FileError::NotATransfer));
    }

    #[test]
    fn origin_staff_carry_their_office() {
        assert_eq!(file().origin_staff("ani"), "ani (UPTD PPA Kota Contoh)");
    }
}
