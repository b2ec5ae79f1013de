//! The intake form as typed, its rules, and the validated record a case is opened from.
//!
//! `Intake` keeps exactly what the person typed (a date still as `23/11/2026`, an invalid
//! NIK as it was entered) because it is also the draft: reopening a draft must give back the
//! words, not our interpretation of them. `Intake::to_record` turns it into a `NewCase` of
//! parsed values once every rule holds.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::roughdate::RoughDate;
use super::text::{clean_line, clean_multiline, clean_name, initials};
use super::validate::{
    PROVINCE_CODES, age_on, format_date, normalize_phone, parse_age, parse_date, parse_nik,
    parse_time,
};
use super::vocab::{self, ADULT_AGE, Vocab};
use super::{Issue, region};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Reporter {
    pub channel: String,
    pub kind: String,
    pub name: String,
    pub relation: String,
    pub phone: String,
    pub address: String,
    /// Kemendagri region code (any level), see `domain::region`.
    pub region: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Victim {
    pub name: String,
    pub nik: String,
    pub sex: String,
    pub birth_date: String,
    pub age: String,
    pub address: String,
    pub region: String,
    /// A number she can be reached on, and whether calling it is safe (`vocab::YES_NO`): a
    /// phone the perpetrator may answer or read must not be rung.
    pub phone: String,
    pub safe_contact: String,
    pub disability: String,
    /// The free text of the old "Sekolah / pekerjaan" field, kept beside the closed fields
    /// it was mapped onto (`domain::simfoni::map_schooling`).
    pub schooling: String,
    pub guardian: String,
    pub ampk: Vec<String>,
    /// Where she lives now, when not at the KTP address (Permen PPPA 2/2022 asks for both).
    pub domicile: String,
    /// `vocab::EDUCATION`, `OCCUPATION`, `MARITAL`, `NATIONALITY` codes.
    pub education: String,
    pub occupation: String,
    pub marital: String,
    pub nationality: String,
    /// A WNA's country, as text.
    pub country: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Perpetrator {
    pub name: String,
    pub sex: String,
    pub age: String,
    pub relation: String,
    pub education: String,
    pub occupation: String,
    pub nationality: String,
    pub country: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Incident {
    /// A day, a month (`11-2026`) or a year (`2020`): see `domain::roughdate`.
    pub date: String,
    /// "ya" when the violence is still going on (`vocab::YES_NO`), e.g. "sejak 2019".
    pub ongoing: String,
    pub time: String,
    pub place: String,
    pub address: String,
    pub region: String,
    pub violence: Vec<String>,
    pub chronology: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Triage {
    pub risk: String,
    pub emergency: String,
    pub services: Vec<String>,
    /// `vocab::CASE_KINDS`: empty means derived from the victims (`domain::simfoni`).
    pub case_kind: String,
    /// `vocab::AUTHORITY`.
    pub authority: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Consent {
    pub services: String,
    pub share: String,
    pub given_by: String,
    pub relation: String,
    /// What a referral letter must leave out (`vocab::WITHHOLD`).
    pub withhold: Vec<String>,
    pub withheld: String,
}

/// Everything taken at the front desk for one report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Intake {
    pub reporter: Reporter,
    pub victims: Vec<Victim>,
    pub perpetrators: Vec<Perpetrator>,
    pub incident: Incident,
    pub triage: Triage,
    pub consent: Consent,
}

impl Default for Intake {
    /// A new intake always has one victim to fill in.
    fn default() -> Self {
        Intake {
            reporter: Reporter::default(),
            victims: vec![Victim::default()],
            perpetrators: Vec::new(),
            incident: Incident::default(),
            triage: Triage::default(),
            consent: Consent::default(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReporterField {
    Channel,
    Kind,
    Name,
    Relation,
    Phone,
    Address,
    Region,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VictimField {
    Name,
    Nik,
    Sex,
    BirthDate,
    Age,
    Address,
    Domicile,
    Region,
    Phone,
    SafeContact,
    Disability,
    Education,
    Occupation,
    Schooling,
    Marital,
    Nationality,
    Country,
    Guardian,
    Ampk,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PerpetratorField {
    Name,
    Sex,
    Age,
    Relation,
    Education,
    Occupation,
    Nationality,
    Country,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IncidentField {
    Date,
    Ongoing,
    Time,
    Place,
    Address,
    Region,
    Violence,
    Chronology,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TriageField {
    Risk,
    Emergency,
    Services,
    CaseKind,
    Authority,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConsentField {
    Services,
    Share,
    GivenBy,
    Relation,
    Withhold,
    Withheld,
}

impl ReporterField {
    pub const ALL: [Self; 7] = [
        Self::Channel,
        Self::Kind,
        Self::Name,
        Self::Relation,
        Self::Phone,
        Self::Address,
        Self::Region,
    ];
}
impl VictimField {
    /// In form order. `Country` is only offered to a WNA (see `Intake::fields`).
    pub const ALL: [Self; 19] = [
        Self::Name,
        Self::Nik,
        Self::Sex,
        Self::BirthDate,
        Self::Age,
        Self::Address,
        Self::Domicile,
        Self::Region,
        Self::Phone,
        Self::SafeContact,
        Self::Disability,
        Self::Education,
        Self::Occupation,
        Self::Schooling,
        Self::Marital,
        Self::Nationality,
        Self::Country,
        Self::Guardian,
        Self::Ampk,
    ];
}
impl PerpetratorField {
    pub const ALL: [Self; 8] = [
        Self::Name,
        Self::Sex,
        Self::Age,
        Self::Relation,
        Self::Education,
        Self::Occupation,
        Self::Nationality,
        Self::Country,
    ];
}
impl IncidentField {
    pub const ALL: [Self; 8] = [
        Self::Date,
        Self::Ongoing,
        Self::Time,
        Self::Place,
        Self::Address,
        Self::Region,
        Self::Violence,
        Self::Chronology,
    ];
}
impl TriageField {
    pub const ALL: [Self; 5] = [
        Self::Risk,
        Self::Emergency,
        Self::Services,
        Self::CaseKind,
        Self::Authority,
    ];
}
impl ConsentField {
    pub const ALL: [Self; 6] = [
        Self::Services,
        Self::Share,
        Self::GivenBy,
        Self::Relation,
        Self::Withhold,
        Self::Withheld,
    ];
}

/// One field of the form; victims and perpetrators are numbered from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Reporter(ReporterField),
    Victim(usize, VictimField),
    Perpetrator(usize, PerpetratorField),
    Incident(IncidentField),
    Triage(TriageField),
    Consent(ConsentField),
}

/// What kind of value a field holds, which decides its widget and its rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    LongText,
    Date,
    /// A day, a month of a year or a year (`domain::roughdate`).
    RoughDate,
    Time,
    Nik,
    Phone,
    Age,
    One(Vocab),
    Many(Vocab),
    /// A Kemendagri region code, chosen level by level.
    Region,
}

impl Field {
    pub fn kind(self) -> Kind {
        use Kind::*;
        match self {
            Field::Reporter(f) => match f {
                ReporterField::Channel => One(vocab::CHANNELS),
                ReporterField::Kind => One(vocab::REPORTER_KINDS),
                ReporterField::Name | ReporterField::Address => Text,
                ReporterField::Relation => One(vocab::REPORTER_RELATIONS),
                ReporterField::Phone => Phone,
                ReporterField::Region => Region,
            },
            Field::Victim(_, f) => match f {
                VictimField::Name
                | VictimField::Address
                | VictimField::Domicile
                | VictimField::Schooling
                | VictimField::Country
                | VictimField::Guardian => Text,
                VictimField::Education => One(vocab::EDUCATION),
                VictimField::Occupation => One(vocab::OCCUPATION),
                VictimField::Marital => One(vocab::MARITAL),
                VictimField::Nationality => One(vocab::NATIONALITY),
                VictimField::Nik => Nik,
                VictimField::Phone => Phone,
                VictimField::SafeContact => One(vocab::YES_NO),
                VictimField::Sex => One(vocab::SEX),
                VictimField::BirthDate => Date,
                VictimField::Age => Age,
                VictimField::Disability => One(vocab::DISABILITY),
                VictimField::Ampk => Many(vocab::AMPK),
                VictimField::Region => Region,
            },
            Field::Perpetrator(_, f) => match f {
                PerpetratorField::Name | PerpetratorField::Country => Text,
                PerpetratorField::Education => One(vocab::EDUCATION),
                PerpetratorField::Occupation => One(vocab::OCCUPATION),
                PerpetratorField::Nationality => One(vocab::NATIONALITY),
                PerpetratorField::Sex => One(vocab::SEX),
                PerpetratorField::Age => Age,
                PerpetratorField::Relation => One(vocab::PERPETRATOR_RELATIONS),
            },
            Field::Incident(f) => match f {
                IncidentField::Date => RoughDate,
                IncidentField::Ongoing => One(vocab::YES_NO),
                IncidentField::Time => Time,
                IncidentField::Place => One(vocab::PLACES),
                IncidentField::Address => Text,
                IncidentField::Violence => Many(vocab::VIOLENCE),
                IncidentField::Chronology => LongText,
                IncidentField::Region => Region,
            },
            Field::Triage(f) => match f {
                TriageField::Risk => One(vocab::RISK),
                TriageField::Emergency => One(vocab::YES_NO),
                TriageField::Services => Many(vocab::SERVICES),
                TriageField::CaseKind => One(vocab::CASE_KINDS),
                TriageField::Authority => One(vocab::AUTHORITY),
            },
            Field::Consent(f) => match f {
                ConsentField::Services => One(vocab::CONSENT_ANSWERS),
                ConsentField::Share => One(vocab::YES_NO),
                ConsentField::GivenBy | ConsentField::Withheld => Text,
                ConsentField::Relation => One(vocab::CONSENT_GIVERS),
                ConsentField::Withhold => Many(vocab::WITHHOLD),
            },
        }
    }

    /// Required fields: the minimum a front desk always has.
    pub fn required(self) -> bool {
        matches!(
            self,
            Field::Victim(_, VictimField::Name | VictimField::Sex)
                | Field::Incident(IncidentField::Violence)
                | Field::Triage(TriageField::Risk)
                | Field::Consent(ConsentField::Services)
        )
    }
}

impl Field {
    /// A stable name for history rows: `korban[1].nik`, `kejadian.kronologi`.
    pub fn key(self) -> String {
        match self {
            Field::Reporter(f) => format!("pelapor.{}", format!("{f:?}").to_lowercase()),
            Field::Victim(i, f) => format!("korban[{}].{}", i + 1, format!("{f:?}").to_lowercase()),
            Field::Perpetrator(i, f) => {
                format!("terlapor[{}].{}", i + 1, format!("{f:?}").to_lowercase())
            }
            Field::Incident(f) => format!("kejadian.{}", format!("{f:?}").to_lowercase()),
            Field::Triage(f) => format!("triase.{}", format!("{f:?}").to_lowercase()),
            Field::Consent(f) => format!("persetujuan.{}", format!("{f:?}").to_lowercase()),
        }
    }
}

/// A field whose value differs between two versions of an intake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub field: Field,
    pub old: String,
    pub new: String,
}

/// What changed from `old` to `new`, field by field; added or removed people show as their
/// fields going from or to empty.
pub fn diff(old: &Intake, new: &Intake) -> Vec<Change> {
    let value = |i: &Intake, f: Field| -> String {
        match i.codes(f) {
            Some(c) => c.join(","),
            None => i.text(f).unwrap_or("").trim().to_string(),
        }
    };
    let mut fields = old.fields();
    for f in new.fields() {
        if !fields.contains(&f) {
            fields.push(f);
        }
    }
    fields
        .into_iter()
        .filter_map(|f| {
            let (a, b) = (value(old, f), value(new, f));
            (a != b).then_some(Change {
                field: f,
                old: a,
                new: b,
            })
        })
        .collect()
}

/// A rule that does not hold, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finding {
    pub field: Field,
    pub issue: Issue,
}

/// A person as recorded on a case.
pub type PersonRecord = Person<NaiveDate>;

/// A person's fields, with the birth date as `D`: a date on a case ([`PersonRecord`]), the
/// text a transfer file holds (`domain::transfer::TransferPerson`, checked on import). One
/// list of fields, so a field added to the people of a case reaches the transfer file too.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, bound(deserialize = "D: Deserialize<'de> + Default"))]
pub struct Person<D> {
    pub name: String,
    pub nik: Option<String>,
    pub sex: Option<String>,
    pub birth_date: Option<D>,
    pub age: Option<u32>,
    pub phone: Option<String>,
    /// Whether the phone may be rung (`ya`/`tidak`); asked of victims only.
    pub safe_contact: Option<String>,
    pub address: String,
    pub region: Option<String>,
    pub relation: Option<String>,
    pub disability: Option<String>,
    pub schooling: String,
    pub guardian: String,
    pub ampk: Vec<String>,
    pub domicile: String,
    pub education: Option<String>,
    pub occupation: Option<String>,
    pub marital: Option<String>,
    pub nationality: Option<String>,
    pub country: String,
}

impl PersonRecord {
    /// The same person with the birth date as ISO text (`2015-03-09`), as a transfer file
    /// keeps it.
    pub fn with_text_date(self) -> Person<String> {
        Person {
            birth_date: self.birth_date.map(|d| d.to_string()),
            name: self.name,
            nik: self.nik,
            sex: self.sex,
            age: self.age,
            phone: self.phone,
            safe_contact: self.safe_contact,
            address: self.address,
            region: self.region,
            relation: self.relation,
            disability: self.disability,
            schooling: self.schooling,
            guardian: self.guardian,
            ampk: self.ampk,
            domicile: self.domicile,
            education: self.education,
            occupation: self.occupation,
            marital: self.marital,
            nationality: self.nationality,
            country: self.country,
        }
    }
}

/// A validated intake, ready to open a case from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCase {
    pub channel: Option<String>,
    pub reporter_kind: Option<String>,
    pub reporter: PersonRecord,
    pub victims: Vec<PersonRecord>,
    pub perpetrators: Vec<PersonRecord>,
    /// At the precision it was given (a day, a month, a year).
    pub incident_date: Option<RoughDate>,
    /// The violence is still going on ("masih berlangsung"); None when not asked.
    pub incident_ongoing: Option<bool>,
    pub incident_time: Option<NaiveTime>,
    pub place: Option<String>,
    pub incident_address: String,
    pub incident_region: Option<String>,
    pub violence: Vec<String>,
    pub chronology: String,
    pub risk: String,
    pub emergency: bool,
    pub services: Vec<String>,
    /// The jenis kasus chosen over the derived one (None: derived).
    pub case_kind: Option<String>,
    pub authority: Option<String>,
    pub consent_services: String,
    pub consent_share: Option<String>,
    pub consent_by: String,
    pub consent_relation: Option<String>,
    pub consent_withheld: String,
    pub withhold: Vec<String>,
}

/// The date after a leading "sejak" / "since", if the text starts with one.
fn since(s: &str) -> Option<&str> {
    let t = s.trim_start();
    let lower = t.to_lowercase();
    ["sejak ", "since "]
        .iter()
        .find(|w| lower.starts_with(*w))
        .and_then(|w| t.get(w.len()..))
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// A country is kept only for a WNA: one typed before switching back to WNI is not a fact.
fn country_of(nationality: &str, country: &str) -> String {
    if nationality == "wna" {
        country.trim().to_string()
    } else {
        String::new()
    }
}

impl Intake {
    /// Fields in form order, for the current number of victims and perpetrators.
    pub fn fields(&self) -> Vec<Field> {
        let mut out: Vec<Field> = ReporterField::ALL.map(Field::Reporter).to_vec();
        // A country is asked only of a WNA: for everyone else it is one row fewer to pass.
        for (i, v) in self.victims.iter().enumerate() {
            out.extend(
                VictimField::ALL
                    .into_iter()
                    .filter(|f| *f != VictimField::Country || v.nationality == "wna")
                    .map(|f| Field::Victim(i, f)),
            );
        }
        for (i, p) in self.perpetrators.iter().enumerate() {
            out.extend(
                PerpetratorField::ALL
                    .into_iter()
                    .filter(|f| *f != PerpetratorField::Country || p.nationality == "wna")
                    .map(|f| Field::Perpetrator(i, f)),
            );
        }
        out.extend(IncidentField::ALL.map(Field::Incident));
        out.extend(TriageField::ALL.map(Field::Triage));
        out.extend(ConsentField::ALL.map(Field::Consent));
        out
    }

    /// The fields the form asks now, in form order: [`Intake::fields`] less those that do
    /// not apply to this report (see [`Intake::applies`]). The values of the others are
    /// kept, so they come back as they were when the answer that hid them changes.
    pub fn asked(&self, today: NaiveDate) -> Vec<Field> {
        self.fields()
            .into_iter()
            .filter(|&f| self.applies(f, today))
            .collect()
    }

    /// Whether `f` is a question for this report. A victim reporting herself is not asked
    /// again who reported (her own details are the reporter's, see `to_record`); guardian
    /// and AMPK concern children only, so they are not asked once the victim is known to be
    /// 18 or older (an unknown age asks them).
    pub fn applies(&self, f: Field, today: NaiveDate) -> bool {
        match f {
            Field::Reporter(
                ReporterField::Name
                | ReporterField::Relation
                | ReporterField::Phone
                | ReporterField::Address
                | ReporterField::Region,
            ) => !self.victim_reports(),
            Field::Victim(i, VictimField::Guardian | VictimField::Ampk) => {
                self.victim_age(i, today).is_none_or(|a| a < ADULT_AGE)
            }
            _ => true,
        }
    }

    /// "Korban sendiri": the victim made the report herself.
    pub fn victim_reports(&self) -> bool {
        self.reporter.kind == "korban"
    }

    /// The text of a text-like or single-choice field.
    pub fn text(&self, f: Field) -> Option<&str> {
        Some(match f {
            Field::Reporter(r) => {
                let p = &self.reporter;
                match r {
                    ReporterField::Channel => &p.channel,
                    ReporterField::Kind => &p.kind,
                    ReporterField::Name => &p.name,
                    ReporterField::Relation => &p.relation,
                    ReporterField::Phone => &p.phone,
                    ReporterField::Address => &p.address,
                    ReporterField::Region => &p.region,
                }
            }
            Field::Victim(i, v) => {
                let p = self.victims.get(i)?;
                match v {
                    VictimField::Name => &p.name,
                    VictimField::Nik => &p.nik,
                    VictimField::Sex => &p.sex,
                    VictimField::BirthDate => &p.birth_date,
                    VictimField::Age => &p.age,
                    VictimField::Address => &p.address,
                    VictimField::Domicile => &p.domicile,
                    VictimField::Region => &p.region,
                    VictimField::Phone => &p.phone,
                    VictimField::SafeContact => &p.safe_contact,
                    VictimField::Disability => &p.disability,
                    VictimField::Education => &p.education,
                    VictimField::Occupation => &p.occupation,
                    VictimField::Marital => &p.marital,
                    VictimField::Nationality => &p.nationality,
                    VictimField::Country => &p.country,
                    VictimField::Schooling => &p.schooling,
                    VictimField::Guardian => &p.guardian,
                    VictimField::Ampk => return None,
                }
            }
            Field::Perpetrator(i, v) => {
                let p = self.perpetrators.get(i)?;
                match v {
                    PerpetratorField::Name => &p.name,
                    PerpetratorField::Sex => &p.sex,
                    PerpetratorField::Age => &p.age,
                    PerpetratorField::Relation => &p.relation,
                    PerpetratorField::Education => &p.education,
                    PerpetratorField::Occupation => &p.occupation,
                    PerpetratorField::Nationality => &p.nationality,
                    PerpetratorField::Country => &p.country,
                }
            }
            Field::Incident(x) => match x {
                IncidentField::Date => &self.incident.date,
                IncidentField::Ongoing => &self.incident.ongoing,
                IncidentField::Time => &self.incident.time,
                IncidentField::Place => &self.incident.place,
                IncidentField::Address => &self.incident.address,
                IncidentField::Region => &self.incident.region,
                IncidentField::Chronology => &self.incident.chronology,
                IncidentField::Violence => return None,
            },
            Field::Triage(x) => match x {
                TriageField::Risk => &self.triage.risk,
                TriageField::Emergency => &self.triage.emergency,
                TriageField::CaseKind => &self.triage.case_kind,
                TriageField::Authority => &self.triage.authority,
                TriageField::Services => return None,
            },
            Field::Consent(x) => match x {
                ConsentField::Services => &self.consent.services,
                ConsentField::Share => &self.consent.share,
                ConsentField::GivenBy => &self.consent.given_by,
                ConsentField::Relation => &self.consent.relation,
                ConsentField::Withheld => &self.consent.withheld,
                ConsentField::Withhold => return None,
            },
        })
    }

    pub fn text_mut(&mut self, f: Field) -> Option<&mut String> {
        Some(match f {
            Field::Reporter(r) => {
                let p = &mut self.reporter;
                match r {
                    ReporterField::Channel => &mut p.channel,
                    ReporterField::Kind => &mut p.kind,
                    ReporterField::Name => &mut p.name,
                    ReporterField::Relation => &mut p.relation,
                    ReporterField::Phone => &mut p.phone,
                    ReporterField::Address => &mut p.address,
                    ReporterField::Region => &mut p.region,
                }
            }
            Field::Victim(i, v) => {
                let p = self.victims.get_mut(i)?;
                match v {
                    VictimField::Name => &mut p.name,
                    VictimField::Nik => &mut p.nik,
                    VictimField::Sex => &mut p.sex,
                    VictimField::BirthDate => &mut p.birth_date,
                    VictimField::Age => &mut p.age,
                    VictimField::Address => &mut p.address,
                    VictimField::Domicile => &mut p.domicile,
                    VictimField::Region => &mut p.region,
                    VictimField::Phone => &mut p.phone,
                    VictimField::SafeContact => &mut p.safe_contact,
                    VictimField::Disability => &mut p.disability,
                    VictimField::Education => &mut p.education,
                    VictimField::Occupation => &mut p.occupation,
                    VictimField::Marital => &mut p.marital,
                    VictimField::Nationality => &mut p.nationality,
                    VictimField::Country => &mut p.country,
                    VictimField::Schooling => &mut p.schooling,
                    VictimField::Guardian => &mut p.guardian,
                    VictimField::Ampk => return None,
                }
            }
            Field::Perpetrator(i, v) => {
                let p = self.perpetrators.get_mut(i)?;
                match v {
                    PerpetratorField::Name => &mut p.name,
                    PerpetratorField::Sex => &mut p.sex,
                    PerpetratorField::Age => &mut p.age,
                    PerpetratorField::Relation => &mut p.relation,
                    PerpetratorField::Education => &mut p.education,
                    PerpetratorField::Occupation => &mut p.occupation,
                    PerpetratorField::Nationality => &mut p.nationality,
                    PerpetratorField::Country => &mut p.country,
                }
            }
            Field::Incident(x) => match x {
                IncidentField::Date => &mut self.incident.date,
                IncidentField::Ongoing => &mut self.incident.ongoing,
                IncidentField::Time => &mut self.incident.time,
                IncidentField::Place => &mut self.incident.place,
                IncidentField::Address => &mut self.incident.address,
                IncidentField::Region => &mut self.incident.region,
                IncidentField::Chronology => &mut self.incident.chronology,
                IncidentField::Violence => return None,
            },
            Field::Triage(x) => match x {
                TriageField::Risk => &mut self.triage.risk,
                TriageField::Emergency => &mut self.triage.emergency,
                TriageField::CaseKind => &mut self.triage.case_kind,
                TriageField::Authority => &mut self.triage.authority,
                TriageField::Services => return None,
            },
            Field::Consent(x) => match x {
                ConsentField::Services => &mut self.consent.services,
                ConsentField::Share => &mut self.consent.share,
                ConsentField::GivenBy => &mut self.consent.given_by,
                ConsentField::Relation => &mut self.consent.relation,
                ConsentField::Withheld => &mut self.consent.withheld,
                ConsentField::Withhold => return None,
            },
        })
    }

    /// The codes of a multiple-choice field.
    pub fn codes(&self, f: Field) -> Option<&Vec<String>> {
        match f {
            Field::Victim(i, VictimField::Ampk) => self.victims.get(i).map(|v| &v.ampk),
            Field::Incident(IncidentField::Violence) => Some(&self.incident.violence),
            Field::Triage(TriageField::Services) => Some(&self.triage.services),
            Field::Consent(ConsentField::Withhold) => Some(&self.consent.withhold),
            _ => None,
        }
    }

    pub fn codes_mut(&mut self, f: Field) -> Option<&mut Vec<String>> {
        match f {
            Field::Victim(i, VictimField::Ampk) => self.victims.get_mut(i).map(|v| &mut v.ampk),
            Field::Incident(IncidentField::Violence) => Some(&mut self.incident.violence),
            Field::Triage(TriageField::Services) => Some(&mut self.triage.services),
            Field::Consent(ConsentField::Withhold) => Some(&mut self.consent.withhold),
            _ => None,
        }
    }

    /// Cleans every text field (see `text::clean_line`). Idempotent.
    pub fn clean(&mut self) {
        for f in self.fields() {
            let multiline = f.kind() == Kind::LongText;
            let name = matches!(
                f,
                Field::Reporter(ReporterField::Name)
                    | Field::Victim(_, VictimField::Name | VictimField::Guardian)
                    | Field::Perpetrator(_, PerpetratorField::Name)
            );
            if let Some(s) = self.text_mut(f) {
                let c = if multiline {
                    clean_multiline(s)
                } else if name {
                    clean_name(s)
                } else {
                    clean_line(s)
                };
                if c != *s {
                    *s = c;
                }
            }
        }
    }

    /// Rewrites a field into its canonical spelling once the person leaves it: dates day
    /// first with dashes, phones in national form, NIK as bare digits. Text that does not
    /// parse is left exactly as typed, so the message beside it refers to what is visible.
    pub fn normalize(&mut self, f: Field, today: NaiveDate) {
        // "sejak 2019" (since 2019) typed as the incident date is the date and the ongoing
        // flag at once: the worker writes what the victim says.
        if f == Field::Incident(IncidentField::Date)
            && let Some(rest) = since(&self.incident.date)
            && RoughDate::parse(rest, today).is_ok()
        {
            self.incident.date = rest.trim().to_string();
            self.incident.ongoing = "ya".into();
        }
        let kind = f.kind();
        let Some(s) = self.text_mut(f) else { return };
        let new = match kind {
            Kind::Date => parse_date(s, today).ok().map(format_date),
            Kind::RoughDate => RoughDate::parse(s, today).ok().map(|d| d.written('-')),
            Kind::Time => parse_time(s).ok().map(|t| t.format("%H:%M").to_string()),
            Kind::Phone => normalize_phone(s).ok(),
            Kind::Nik => parse_nik(s).ok().map(|n| n.digits),
            Kind::Age => parse_age(s).ok().map(|a| a.to_string()),
            Kind::Text => Some(s.trim().to_string()),
            _ => None,
        };
        if let Some(new) = new.filter(|n| !s.trim().is_empty() && n != s) {
            *s = new;
        }
    }

    /// The victim's age: from the birth date when it parses, else the age typed.
    pub fn victim_age(&self, i: usize, today: NaiveDate) -> Option<u32> {
        let v = self.victims.get(i)?;
        if let Ok(b) = parse_date(&v.birth_date, today) {
            return Some(age_on(b, today));
        }
        parse_age(&v.age).ok()
    }

    /// Copies victim `i`'s KTP address into her domicile (one key on the form): most live
    /// where their KTP says, and the form should not make anyone type it twice.
    pub fn copy_address_to_domicile(&mut self, i: usize) -> bool {
        match self.victims.get_mut(i) {
            Some(v) if !v.address.trim().is_empty() => {
                v.domicile = v.address.clone();
                true
            }
            _ => false,
        }
    }

    pub fn add_victim(&mut self) -> usize {
        self.victims.push(Victim::default());
        self.victims.len() - 1
    }

    /// Removes a victim; the last one stays (a case always has a victim).
    pub fn remove_victim(&mut self, i: usize) -> bool {
        if self.victims.len() > 1 && i < self.victims.len() {
            self.victims.remove(i);
            true
        } else {
            false
        }
    }

    pub fn add_perpetrator(&mut self) -> usize {
        self.perpetrators.push(Perpetrator::default());
        self.perpetrators.len() - 1
    }

    pub fn remove_perpetrator(&mut self, i: usize) -> bool {
        if i < self.perpetrators.len() {
            self.perpetrators.remove(i);
            true
        } else {
            false
        }
    }

    /// True when nothing has been entered: such a draft is not worth keeping.
    pub fn is_blank(&self) -> bool {
        *self == Intake::default()
    }

    /// Initials of every named victim, for lists.
    pub fn victim_initials(&self) -> String {
        let v: Vec<String> = self
            .victims
            .iter()
            .filter(|v| !v.name.trim().is_empty())
            .map(|v| initials(&v.name))
            .collect();
        if v.is_empty() {
            "?".into()
        } else {
            v.join(", ")
        }
    }

    /// Every rule, in form order. Errors and warnings alike; see `Issue::is_warning`.
    pub fn check(&self, today: NaiveDate) -> Vec<Finding> {
        let mut out = Vec::new();
        let mut push = |field, issue| out.push(Finding { field, issue });

        if let Some(p) = opt(&self.reporter.phone)
            && let Err(e) = normalize_phone(&p)
        {
            push(Field::Reporter(ReporterField::Phone), e);
        }

        let mut any_child = false;
        for (i, v) in self.victims.iter().enumerate() {
            let f = |x| Field::Victim(i, x);
            if v.name.trim().is_empty() {
                push(f(VictimField::Name), Issue::Required);
            }
            if v.sex.is_empty() {
                push(f(VictimField::Sex), Issue::Required);
            }
            let birth = match opt(&v.birth_date) {
                Some(s) => match parse_date(&s, today) {
                    Ok(d) => Some(d),
                    Err(e) => {
                        push(f(VictimField::BirthDate), e);
                        None
                    }
                },
                None => None,
            };
            let typed_age = match opt(&v.age) {
                Some(s) => match parse_age(&s) {
                    Ok(a) => Some(a),
                    Err(e) => {
                        push(f(VictimField::Age), e);
                        None
                    }
                },
                None => None,
            };
            if v.birth_date.trim().is_empty() && v.age.trim().is_empty() {
                push(f(VictimField::Age), Issue::AgeRequired);
            }
            if let Some(p) = opt(&v.phone) {
                match normalize_phone(&p) {
                    Err(e) => push(f(VictimField::Phone), e),
                    // A number nobody has said is safe to ring is the one that gets rung.
                    Ok(_) if v.safe_contact.is_empty() => {
                        push(f(VictimField::SafeContact), Issue::SafeContactUnanswered)
                    }
                    Ok(_) => {}
                }
            }
            if let (Some(b), Some(a)) = (birth, typed_age)
                && age_on(b, today).abs_diff(a) > 1
            {
                push(f(VictimField::Age), Issue::AgeBirthMismatch);
            }
            if let Some(s) = opt(&v.nik) {
                match parse_nik(&s) {
                    Err(e) => push(f(VictimField::Nik), e),
                    Ok(nik) => {
                        if !PROVINCE_CODES.contains(&nik.province()) {
                            push(f(VictimField::Nik), Issue::NikUnknownProvince);
                        }
                        if !v.sex.is_empty() && (v.sex == "P") != nik.female {
                            push(f(VictimField::Nik), Issue::NikSexMismatch);
                        }
                        if let Some(b) = birth
                            && !nik.matches_birth(b)
                        {
                            push(f(VictimField::Nik), Issue::NikBirthMismatch);
                        }
                        // Compared at kecamatan level: people move, and old or split
                        // kecamatan keep their NIK, so this is only ever a warning.
                        if let Some(kec) = region::nik_kecamatan(&nik.region)
                            && PROVINCE_CODES.contains(&nik.province())
                        {
                            if region::get(&kec).is_none() {
                                push(f(VictimField::Nik), Issue::NikUnknownRegion);
                            } else if region::level(&v.region) >= 3 && !v.region.starts_with(&kec) {
                                push(f(VictimField::Region), Issue::NikRegionMismatch);
                            }
                        }
                    }
                }
            }
            if v.nationality == "wna" && v.country.trim().is_empty() {
                push(f(VictimField::Country), Issue::CountryMissing);
            }
            let age = birth.map(|b| age_on(b, today)).or(typed_age);
            if let Some(a) = age
                && a < ADULT_AGE
            {
                any_child = true;
                if v.ampk.is_empty() {
                    push(f(VictimField::Ampk), Issue::AmpkRequiredForChild);
                }
            }
        }

        for (i, p) in self.perpetrators.iter().enumerate() {
            if let Some(s) = opt(&p.age)
                && let Err(e) = parse_age(&s)
            {
                push(Field::Perpetrator(i, PerpetratorField::Age), e);
            }
            if p.nationality == "wna" && p.country.trim().is_empty() {
                push(
                    Field::Perpetrator(i, PerpetratorField::Country),
                    Issue::CountryMissing,
                );
            }
        }

        if let Some(s) = opt(&self.incident.date)
            && let Err(e) = RoughDate::parse(since(&s).unwrap_or(&s), today)
        {
            push(Field::Incident(IncidentField::Date), e);
        }
        if let Some(s) = opt(&self.incident.time)
            && let Err(e) = parse_time(&s)
        {
            push(Field::Incident(IncidentField::Time), e);
        }
        if self.incident.violence.is_empty() {
            push(Field::Incident(IncidentField::Violence), Issue::Required);
        }
        if self.triage.risk.is_empty() {
            push(Field::Triage(TriageField::Risk), Issue::Required);
        }
        if self.consent.services.is_empty() {
            push(Field::Consent(ConsentField::Services), Issue::Required);
        }
        // UU 27/2022 Pasal 25: a child's consent comes from a parent or guardian.
        if any_child && self.consent.relation == "korban" {
            push(
                Field::Consent(ConsentField::Relation),
                Issue::ChildConsentBySelf,
            );
        }
        // …unless that person is the alleged perpetrator.
        let giver = self.consent.given_by.trim().to_lowercase();
        if !giver.is_empty()
            && self
                .perpetrators
                .iter()
                .any(|p| p.name.trim().to_lowercase() == giver)
        {
            push(
                Field::Consent(ConsentField::GivenBy),
                Issue::ConsentGiverIsPerpetrator,
            );
        }
        // A question not asked cannot be wrong: a stale value in a hidden field (a reporter
        // phone typed before "Korban sendiri" was chosen) must not block the save.
        out.retain(|x| self.applies(x.field, today));
        out
    }

    /// The first error in form order, if any: where a save attempt sends the cursor.
    pub fn first_error(&self, today: NaiveDate) -> Option<Finding> {
        self.check(today)
            .into_iter()
            .find(|f| !f.issue.is_warning())
    }

    /// The validated record, or every error (warnings do not block).
    pub fn to_record(&self, today: NaiveDate) -> Result<NewCase, Vec<Finding>> {
        let errors: Vec<Finding> = self
            .check(today)
            .into_iter()
            .filter(|f| !f.issue.is_warning())
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut me = self.clone();
        me.clean();
        let r = &me.reporter;
        let reporter = match me.victims.first() {
            // She reported herself: the reporter is her, as typed in the victim's section.
            Some(v) if me.victim_reports() => PersonRecord {
                name: v.name.trim().to_string(),
                phone: opt(&v.phone).and_then(|p| normalize_phone(&p).ok()),
                address: v.address.trim().to_string(),
                region: opt(&v.region),
                ..Default::default()
            },
            _ => PersonRecord {
                name: r.name.trim().to_string(),
                phone: opt(&r.phone).and_then(|p| normalize_phone(&p).ok()),
                address: r.address.trim().to_string(),
                region: opt(&r.region),
                relation: opt(&r.relation),
                ..Default::default()
            },
        };
        let victims = me
            .victims
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let birth = opt(&v.birth_date).and_then(|s| parse_date(&s, today).ok());
                // What the form did not ask (an adult's guardian and AMPK) is not recorded.
                let asked = |x| me.applies(Field::Victim(i, x), today);
                PersonRecord {
                    name: v.name.trim().to_string(),
                    nik: opt(&v.nik)
                        .and_then(|s| parse_nik(&s).ok())
                        .map(|n| n.digits),
                    sex: opt(&v.sex),
                    birth_date: birth,
                    age: me.victim_age(i, today),
                    address: v.address.trim().to_string(),
                    region: opt(&v.region),
                    phone: opt(&v.phone).and_then(|p| normalize_phone(&p).ok()),
                    safe_contact: opt(&v.safe_contact),
                    disability: opt(&v.disability),
                    schooling: v.schooling.trim().to_string(),
                    guardian: if asked(VictimField::Guardian) {
                        v.guardian.trim().to_string()
                    } else {
                        String::new()
                    },
                    ampk: if asked(VictimField::Ampk) {
                        v.ampk.clone()
                    } else {
                        Vec::new()
                    },
                    domicile: v.domicile.trim().to_string(),
                    education: opt(&v.education),
                    occupation: opt(&v.occupation),
                    marital: opt(&v.marital),
                    nationality: opt(&v.nationality),
                    country: country_of(&v.nationality, &v.country),
                    ..Default::default()
                }
            })
            .collect();
        let perpetrators = me
            .perpetrators
            .iter()
            .map(|p| PersonRecord {
                name: p.name.trim().to_string(),
                sex: opt(&p.sex),
                age: opt(&p.age).and_then(|s| parse_age(&s).ok()),
                relation: opt(&p.relation),
                education: opt(&p.education),
                occupation: opt(&p.occupation),
                nationality: opt(&p.nationality),
                country: country_of(&p.nationality, &p.country),
                ..Default::default()
            })
            .collect();
        let i = &me.incident;
        Ok(NewCase {
            channel: opt(&r.channel),
            reporter_kind: opt(&r.kind),
            reporter,
            victims,
            perpetrators,
            incident_date: opt(&i.date)
                .and_then(|s| RoughDate::parse(since(&s).unwrap_or(&s), today).ok()),
            incident_ongoing: if since(&i.date).is_some() {
                Some(true)
            } else {
                opt(&i.ongoing).map(|o| o == "ya")
            },
            incident_time: opt(&i.time).and_then(|s| parse_time(&s).ok()),
            place: opt(&i.place),
            incident_address: i.address.trim().to_string(),
            incident_region: opt(&i.region),
            violence: i.violence.clone(),
            chronology: i.chronology.trim_end().to_string(),
            risk: me.triage.risk.clone(),
            emergency: me.triage.emergency == "ya",
            services: me.triage.services.clone(),
            case_kind: opt(&me.triage.case_kind),
            authority: opt(&me.triage.authority),
            consent_services: me.consent.services.clone(),
            consent_share: opt(&me.consent.share),
            consent_by: me.consent.given_by.trim().to_string(),
            consent_relation: opt(&me.consent.relation),
            consent_withheld: me.consent.withheld.trim().to_string(),
            withhold: me.consent.withhold.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn minimal() -> Intake {
        let mut i = Intake::default();
        i.victims[0].name = "Siti Aminah".into();
        i.victims[0].sex = "P".into();
        i.victims[0].age = "24".into();
        i.incident.violence = vec!["psikis".into()];
        i.triage.risk = "sedang".into();
        i.consent.services = "ya".into();
        i
    }

    fn issues(i: &Intake) -> Vec<(Field, Issue)> {
        i.check(today())
            .into_iter()
            .map(|f| (f.field, f.issue))
            .collect()
    }

    #[test]
    fn an_empty_form_names_each_required_field_in_form_order() {
        let found = issues(&Intake::default());
        assert_eq!(
            found,
            vec![
                (Field::Victim(0, VictimField::Name), Issue::Required),
                (Field::Victim(0, VictimField::Sex), Issue::Required),
                (Field::Victim(0, VictimField::Age), Issue::AgeRequired),
                (Field::Incident(IncidentField::Violence), Issue::Required),
                (Field::Triage(TriageField::Risk), Issue::Required),
                (Field::Consent(ConsentField::Services), Issue::Required),
            ]
        );
        assert_eq!(
            Intake::default().first_error(today()).map(|f| f.field),
            Some(Field::Victim(0, VictimField::Name))
        );
    }

    #[test]
    fn an_incident_date_may_be_a_month_or_a_year_and_the_incident_ongoing() {
        let mut i = minimal();
        for (typed, shown) in [
            ("11/2026", "11-2026"),
            ("2020", "2020"),
            ("3.2019", "03-2019"),
        ] {
            i.incident.date = typed.into();
            assert_eq!(issues(&i), vec![], "{typed}");
            i.normalize(Field::Incident(IncidentField::Date), today());
            assert_eq!(i.incident.date, shown);
        }
        let rec = i.to_record(today()).unwrap();
        assert_eq!(
            rec.incident_date,
            Some(RoughDate::Month {
                year: 2019,
                month: 3
            })
        );
        assert_eq!(rec.incident_ongoing, None);
        i.incident.date = "12-2026".into();
        assert_eq!(
            issues(&i),
            vec![(Field::Incident(IncidentField::Date), Issue::DateFuture)]
        );
        // "sejak 2019" is the year and the ongoing flag at once.
        i.incident.date = "Sejak 2019".into();
        assert_eq!(issues(&i), vec![]);
        i.normalize(Field::Incident(IncidentField::Date), today());
        assert_eq!(
            (i.incident.date.as_str(), i.incident.ongoing.as_str()),
            ("2019", "ya")
        );
        let rec = i.to_record(today()).unwrap();
        assert_eq!(rec.incident_date, Some(RoughDate::Year(2019)));
        assert_eq!(rec.incident_ongoing, Some(true));
        i.incident.ongoing = "tidak".into();
        assert_eq!(i.to_record(today()).unwrap().incident_ongoing, Some(false));
        // A birth date stays a whole date: an age is asked for instead.
        i.victims[0].birth_date = "2014".into();
        assert_eq!(
            issues(&i),
            vec![(Field::Victim(0, VictimField::BirthDate), Issue::DateFormat)]
        );
    }

    #[test]
    fn the_minimum_opens_a_case() {
        let rec = minimal().to_record(today()).unwrap();
        assert_eq!(rec.victims[0].age, Some(24));
        assert_eq!(rec.risk, "sedang");
        assert!(!rec.emergency);
    }

    #[test]
    fn a_child_victim_needs_an_ampk_category() {
        let mut i = minimal();
        i.victims[0].age = String::new();
        i.victims[0].birth_date = "01/02/2014".into();
        assert_eq!(
            issues(&i),
            vec![(
                Field::Victim(0, VictimField::Ampk),
                Issue::AmpkRequiredForChild
            )]
        );
        i.victims[0].ampk = vec!["i".into()];
        let rec = i.to_record(today()).unwrap();
        assert_eq!(rec.victims[0].age, Some(12));
        assert_eq!(
            rec.victims[0].birth_date,
            NaiveDate::from_ymd_opt(2014, 2, 1)
        );
    }

    #[test]
    fn nik_disagreeing_with_sex_or_birth_is_a_warning_not_an_error() {
        let mut i = minimal();
        i.victims[0].age = String::new();
        i.victims[0].birth_date = "12-05-1990".into();
        i.victims[0].sex = "L".into();
        i.victims[0].nik = "3372015205900001".into(); // a woman born 12-05-90
        assert_eq!(
            issues(&i),
            vec![(Field::Victim(0, VictimField::Nik), Issue::NikSexMismatch)]
        );
        i.victims[0].birth_date = "13-05-1990".into();
        assert!(
            issues(&i).contains(&(Field::Victim(0, VictimField::Nik), Issue::NikBirthMismatch))
        );
        i.victims[0].nik = "9972015205900001".into();
        assert!(issues(&i).contains(&(
            Field::Victim(0, VictimField::Nik),
            Issue::NikUnknownProvince
        )));
        assert!(i.to_record(today()).is_ok(), "warnings never block a save");
        i.victims[0].nik = "123".into();
        assert!(i.to_record(today()).is_err());
    }

    #[test]
    fn the_nik_kecamatan_is_compared_with_the_address_as_a_warning() {
        let mut i = minimal();
        i.victims[0].sex = "P".into();
        i.victims[0].nik = "1872035205900001".into(); // issued in 18.72.03, Metro Barat
        i.victims[0].region = "18.72.03".into();
        assert!(issues(&i).is_empty(), "{:?}", issues(&i));
        i.victims[0].region = "18.72".into(); // only the city known: nothing to compare
        assert!(issues(&i).is_empty());
        i.victims[0].region = "18.72.04".into();
        assert_eq!(
            issues(&i),
            vec![(
                Field::Victim(0, VictimField::Region),
                Issue::NikRegionMismatch
            )]
        );
        i.victims[0].nik = "1899995205900001".into(); // a kecamatan not in the table
        assert_eq!(
            issues(&i),
            vec![(Field::Victim(0, VictimField::Nik), Issue::NikUnknownRegion)]
        );
        assert!(i.to_record(today()).is_ok(), "warnings never block");
    }

    #[test]
    fn typed_age_far_from_birth_date_is_flagged() {
        let mut i = minimal();
        i.victims[0].birth_date = "01-01-2000".into();
        i.victims[0].age = "40".into();
        assert!(
            issues(&i).contains(&(Field::Victim(0, VictimField::Age), Issue::AgeBirthMismatch))
        );
    }

    #[test]
    fn future_incident_and_bad_phone_are_refused_beside_their_field() {
        let mut i = minimal();
        i.incident.date = "01-01-2027".into();
        i.reporter.phone = "12".into();
        i.incident.time = "99:99".into();
        assert_eq!(
            issues(&i),
            vec![
                (Field::Reporter(ReporterField::Phone), Issue::PhoneInvalid),
                (Field::Incident(IncidentField::Date), Issue::DateFuture),
                (Field::Incident(IncidentField::Time), Issue::TimeFormat),
            ]
        );
    }

    #[test]
    fn consent_from_a_child_or_from_the_perpetrator_is_questioned() {
        let mut i = minimal();
        i.victims[0].age = "9".into();
        i.victims[0].ampk = vec!["m".into()];
        i.consent.relation = "korban".into();
        i.add_perpetrator();
        i.perpetrators[0].name = "Budi Santoso".into();
        i.consent.given_by = " budi santoso ".into();
        let found = issues(&i);
        assert!(found.contains(&(
            Field::Consent(ConsentField::Relation),
            Issue::ChildConsentBySelf
        )));
        assert!(found.contains(&(
            Field::Consent(ConsentField::GivenBy),
            Issue::ConsentGiverIsPerpetrator
        )));
    }

    #[test]
    fn normalizing_rewrites_only_what_parses() {
        let mut i = minimal();
        i.reporter.phone = "+62 812-3456-7890".into();
        i.victims[0].birth_date = "1/2/2014".into();
        i.incident.date = "besok".into();
        i.normalize(Field::Reporter(ReporterField::Phone), today());
        i.normalize(Field::Victim(0, VictimField::BirthDate), today());
        i.normalize(Field::Incident(IncidentField::Date), today());
        assert_eq!(i.reporter.phone, "081234567890");
        assert_eq!(i.victims[0].birth_date, "01-02-2014");
        assert_eq!(i.incident.date, "besok");
    }

    #[test]
    fn people_are_added_and_removed_but_one_victim_always_stays() {
        let mut i = Intake::default();
        assert_eq!(i.add_victim(), 1);
        assert!(i.fields().contains(&Field::Victim(1, VictimField::Ampk)));
        assert!(i.remove_victim(0));
        assert!(!i.remove_victim(0));
        assert_eq!(i.add_perpetrator(), 0);
        assert!(
            i.fields()
                .contains(&Field::Perpetrator(0, PerpetratorField::Relation))
        );
        assert!(i.remove_perpetrator(0));
        assert!(i.is_blank());
    }

    #[test]
    fn diff_names_each_changed_field_with_old_and_new() {
        let a = minimal();
        let mut b = a.clone();
        b.victims[0].name = "Siti A.".into();
        b.incident.violence.push("fisik".into());
        b.add_perpetrator();
        b.perpetrators[0].name = "Budi".into();
        let d = diff(&a, &b);
        assert_eq!(
            d,
            vec![
                Change {
                    field: Field::Victim(0, VictimField::Name),
                    old: "Siti Aminah".into(),
                    new: "Siti A.".into()
                },
                Change {
                    field: Field::Incident(IncidentField::Violence),
                    old: "psikis".into(),
                    new: "psikis,fisik".into()
                },
                Change {
                    field: Field::Perpetrator(0, PerpetratorField::Name),
                    old: "".into(),
                    new: "Budi".into()
                },
            ]
        );
        assert_eq!(d[0].field.key(), "korban[1].name");
        assert!(diff(&a, &a).is_empty());
    }

    #[test]
    fn a_victim_reporting_herself_is_not_asked_again_and_is_the_reporter() {
        let mut i = minimal();
        i.victims[0].phone = "0812 3456 7890".into();
        i.victims[0].safe_contact = "tidak".into();
        i.victims[0].address = "Jl. Melati 3".into();
        i.reporter.name = "typed before the choice".into();
        i.reporter.phone = "12".into(); // would be refused if it were still asked
        assert!(
            i.asked(today())
                .contains(&Field::Reporter(ReporterField::Name))
        );
        i.reporter.kind = "korban".into();
        let asked = i.asked(today());
        for f in [
            ReporterField::Name,
            ReporterField::Relation,
            ReporterField::Phone,
            ReporterField::Address,
            ReporterField::Region,
        ] {
            assert!(!asked.contains(&Field::Reporter(f)), "{f:?} asked again");
        }
        assert!(asked.contains(&Field::Reporter(ReporterField::Channel)));
        assert!(issues(&i).is_empty(), "{:?}", issues(&i));
        let rec = i.to_record(today()).unwrap();
        assert_eq!(rec.reporter.name, "Siti Aminah");
        assert_eq!(rec.reporter.phone.as_deref(), Some("081234567890"));
        assert_eq!(rec.reporter.address, "Jl. Melati 3");
        // Back to a named reporter: what was typed there is back too.
        i.reporter.kind = "disebut".into();
        assert_eq!(
            issues(&i),
            vec![(Field::Reporter(ReporterField::Phone), Issue::PhoneInvalid)]
        );
    }

    #[test]
    fn child_only_questions_leave_for_an_adult_and_come_back_with_a_younger_age() {
        let mut i = minimal();
        i.victims[0].age = "12".into();
        i.victims[0].guardian = "Ibu Ani".into();
        i.victims[0].ampk = vec!["j".into()];
        let child = i.asked(today());
        assert!(child.contains(&Field::Victim(0, VictimField::Guardian)));
        assert!(child.contains(&Field::Victim(0, VictimField::Ampk)));
        i.victims[0].age = "36".into();
        let adult = i.asked(today());
        assert!(!adult.contains(&Field::Victim(0, VictimField::Guardian)));
        assert!(!adult.contains(&Field::Victim(0, VictimField::Ampk)));
        let rec = i.to_record(today()).unwrap();
        assert!(rec.victims[0].ampk.is_empty(), "an adult has no AMPK");
        assert_eq!(rec.victims[0].guardian, "");
        // A birth date decides as well; an unknown age asks everything.
        i.victims[0].age = String::new();
        i.victims[0].birth_date = "01-02-2014".into();
        assert_eq!(i.asked(today()), child);
        i.victims[0].birth_date = String::new();
        assert_eq!(i.asked(today()), i.fields());
        i.victims[0].birth_date = "01-02-1990".into();
        assert_eq!(i.asked(today()), adult);
    }

    #[test]
    fn a_victim_phone_is_checked_and_asks_whether_it_is_safe_to_ring() {
        let mut i = minimal();
        i.victims[0].phone = "12".into();
        assert_eq!(
            issues(&i),
            vec![(Field::Victim(0, VictimField::Phone), Issue::PhoneInvalid)]
        );
        i.victims[0].phone = "+62 812-3456-7890".into();
        assert_eq!(
            issues(&i),
            vec![(
                Field::Victim(0, VictimField::SafeContact),
                Issue::SafeContactUnanswered
            )]
        );
        assert!(i.to_record(today()).is_ok(), "only a warning");
        i.victims[0].safe_contact = "tidak".into();
        assert!(issues(&i).is_empty());
        let rec = i.to_record(today()).unwrap();
        assert_eq!(rec.victims[0].phone.as_deref(), Some("081234567890"));
        assert_eq!(rec.victims[0].safe_contact.as_deref(), Some("tidak"));
    }

    #[test]
    fn every_text_field_is_reachable_for_cleaning() {
        let mut i = minimal();
        i.add_perpetrator();
        for f in i.fields() {
            if let Some(s) = i.text_mut(f) {
                s.push_str("\u{1b}[31m\u{202e}x");
            }
        }
        i.clean();
        for f in i.fields() {
            if let Some(s) = i.text(f) {
                assert!(
                    !s.contains('\u{1b}') && !s.contains('\u{202e}'),
                    "{f:?}: {s:?}"
                );
            }
        }
    }
}
