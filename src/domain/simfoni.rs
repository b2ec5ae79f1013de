//! SIMFONI-PPA field by field (domain.md, "SIMFONI-PPA"): the ministry's web form has no
//! import, so a data officer re-types every victim. This module decides what that officer
//! reads — the sheet, in SIMFONI's order — how meja's own categories fold into SIMFONI's,
//! how the old free-text "Sekolah / pekerjaan" maps onto the two closed lists, and whether a
//! victim still has to be entered.
//!
//! The folding rule (README, "SIMFONI-PPA"): meja's place `daring` (online) has no SIMFONI
//! place, so it is counted as *Lainnya*; every other place is SIMFONI's own. meja's own rows
//! stay visible beside SIMFONI's in the report. Services follow `domain::service`.

use chrono::NaiveDate;

use super::case::Stage;
use super::intake::Intake;
use super::law::{CaseKind, case_kind};
use super::service::{SIMFONI_SERVICES, simfoni_service};
use super::vocab::{self, Vocab};
use crate::lang::Lang;

/// SIMFONI's six places, in its order.
pub const SIMFONI_PLACES: [&str; 6] = [
    "rumah_tangga",
    "tempat_kerja",
    "sekolah",
    "fasilitas_umum",
    "lembaga_pendidikan_kilat",
    "lainnya",
];

/// The SIMFONI place a meja place is counted under (None for a code this build does not know).
pub fn simfoni_place(code: &str) -> Option<&'static str> {
    if let Some(p) = SIMFONI_PLACES.iter().find(|p| **p == code) {
        return Some(p);
    }
    match code {
        "daring" => Some("lainnya"),
        _ => None,
    }
}

/// The stored code of a derived jenis kasus; None while no victim's sex and age are known.
pub fn case_kind_code(kind: CaseKind) -> Option<&'static str> {
    match kind {
        CaseKind::KekerasanPerempuan => Some("ktp"),
        CaseKind::Ampk => Some("ampk"),
        CaseKind::Keduanya => Some("keduanya"),
        CaseKind::BelumDiketahui => None,
    }
}

/// The case's jenis kasus: the one chosen on the form when there is one, else derived from
/// the victims' (sex, age).
pub fn effective_case_kind(
    chosen: Option<&str>,
    victims: &[(Option<&str>, Option<u32>)],
) -> Option<String> {
    match chosen.map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => Some(c.to_string()),
        None => case_kind_code(case_kind(victims)).map(str::to_string),
    }
}

/// What the old free text "Sekolah / pekerjaan" says, in SIMFONI's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Schooling {
    /// A `vocab::EDUCATION` code.
    pub education: Option<&'static str>,
    /// A `vocab::OCCUPATION` code.
    pub occupation: Option<&'static str>,
}

/// Words naming a school level, and the level. Tokens, not substrings: "sd" must not match
/// inside "Sdr." or a name.
const LEVEL_WORDS: &[(&str, &str)] = &[
    ("paud", "paud_tk"),
    ("tk", "paud_tk"),
    ("sd", "sd"),
    ("sdn", "sd"),
    ("sdit", "sd"),
    ("mi", "sd"),
    ("smp", "sltp"),
    ("smpn", "sltp"),
    ("smpit", "sltp"),
    ("mts", "sltp"),
    ("mtsn", "sltp"),
    ("sltp", "sltp"),
    ("sma", "slta"),
    ("sman", "slta"),
    ("smk", "slta"),
    ("smkn", "slta"),
    ("ma", "slta"),
    ("man", "slta"),
    ("stm", "slta"),
    ("slta", "slta"),
    ("s1", "pt"),
    ("s2", "pt"),
    ("s3", "pt"),
    ("d3", "pt"),
    ("d4", "pt"),
    ("sarjana", "pt"),
    ("diploma", "pt"),
    ("kuliah", "pt"),
    ("mahasiswa", "pt"),
    ("mahasiswi", "pt"),
    ("universitas", "pt"),
    ("politeknik", "pt"),
];

/// Words saying the person is at school now.
const PUPIL_WORDS: &[&str] = &[
    "kelas",
    "siswa",
    "siswi",
    "murid",
    "pelajar",
    "santri",
    "mahasiswa",
    "mahasiswi",
    "kuliah",
    "negeri",
    "sdn",
    "smpn",
    "sman",
    "smkn",
    "mtsn",
];

/// Words naming an occupation, and SIMFONI's code for it.
const WORK_WORDS: &[(&str, &str)] = &[
    ("irt", "irt"),
    ("buruh", "swasta_buruh"),
    ("karyawan", "swasta_buruh"),
    ("karyawati", "swasta_buruh"),
    ("swasta", "swasta_buruh"),
    ("pabrik", "swasta_buruh"),
    ("art", "swasta_buruh"),
    ("pembantu", "swasta_buruh"),
    ("pns", "pns_aparat"),
    ("asn", "pns_aparat"),
    ("tni", "pns_aparat"),
    ("polri", "pns_aparat"),
    ("polisi", "pns_aparat"),
    ("aparat", "pns_aparat"),
    ("pedagang", "pedagang_tani_nelayan"),
    ("dagang", "pedagang_tani_nelayan"),
    ("berdagang", "pedagang_tani_nelayan"),
    ("jualan", "pedagang_tani_nelayan"),
    ("berjualan", "pedagang_tani_nelayan"),
    ("petani", "pedagang_tani_nelayan"),
    ("tani", "pedagang_tani_nelayan"),
    ("nelayan", "pedagang_tani_nelayan"),
    ("menganggur", "tidak_bekerja"),
    ("pengangguran", "tidak_bekerja"),
    ("wiraswasta", "bekerja"),
    ("honorer", "bekerja"),
    ("guru", "bekerja"),
    ("ojek", "bekerja"),
];

/// Phrases of several words, looked for in the text's words joined by single spaces.
const WORK_PHRASES: &[(&str, &str)] = &[
    ("ibu rumah tangga", "irt"),
    ("mengurus rumah tangga", "irt"),
    ("asisten rumah tangga", "swasta_buruh"),
    ("tidak bekerja", "tidak_bekerja"),
    ("belum bekerja", "tidak_bekerja"),
    ("tidak kerja", "tidak_bekerja"),
    ("perangkat desa", "pns_aparat"),
];

/// The one value all `found` agree on; None when there is none or they disagree ("SD/SMP"
/// could be either: a guess would put a wrong figure into a national count).
fn only(found: Vec<&'static str>) -> Option<&'static str> {
    let first = *found.first()?;
    found.iter().all(|f| *f == first).then_some(first)
}

/// Maps the old free text onto SIMFONI's pendidikan and pekerjaan, as far as it says so
/// unambiguously. `age` (when known) tells a pupil from a graduate: "SD" for a child is the
/// school she attends, for an adult the last one she finished.
///
/// - a school level ("SD", "SMPN 2", "kelas 3 SD", "MTs", "S1") → that level; "kelas 7"–"12"
///   without a level → SLTP/SLTA; "tidak/belum sekolah" → Tidak/Belum Sekolah;
/// - at school now ("kelas", "siswa", a school's name, or a level for a child) → Pelajar;
/// - an occupation word ("IRT", "buruh", "petani", "tidak bekerja") → its SIMFONI code;
/// - two levels or two occupations that disagree → left empty for the data officer.
pub fn map_schooling(text: &str, age: Option<u32>) -> Schooling {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let joined = format!(" {} ", words.join(" "));
    let has = |phrase: &str| joined.contains(&format!(" {phrase} "));

    let no_school = has("tidak sekolah") || has("belum sekolah") || has("tidak belum sekolah");
    let mut levels: Vec<&'static str> = words
        .iter()
        .filter_map(|w| LEVEL_WORDS.iter().find(|(k, _)| k == w).map(|(_, v)| *v))
        .collect();
    // "kelas 8" names the level by its grade.
    for pair in words.windows(2) {
        if pair[0] == "kelas"
            && let Ok(n) = pair[1].parse::<u32>()
        {
            match n {
                7..=9 => levels.push("sltp"),
                10..=12 => levels.push("slta"),
                _ => {}
            }
        }
    }
    if no_school {
        levels.push("tidak_sekolah");
    }
    let education = only(levels.clone());

    let mut work: Vec<&'static str> = WORK_PHRASES
        .iter()
        .filter(|(p, _)| has(p))
        .map(|(_, v)| *v)
        .collect();
    // A phrase's own words ("rumah tangga") are not counted again as single words.
    if work.is_empty() {
        work = words
            .iter()
            .filter_map(|w| WORK_WORDS.iter().find(|(k, _)| k == w).map(|(_, v)| *v))
            .collect();
    }
    let child = age.is_some_and(|a| a < vocab::ADULT_AGE);
    let pupil = !no_school
        && (words.iter().any(|w| PUPIL_WORDS.contains(w))
            || (child && !levels.is_empty() && work.is_empty()));
    if pupil {
        work.push("pelajar");
    }
    Schooling {
        education,
        occupation: only(work),
    }
}

/// Where a victim stands with SIMFONI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryState {
    NotEntered,
    Entered(Entry),
    /// Entered, and the case changed after: `changed` is the first change's timestamp.
    Changed {
        entry: Entry,
        changed: String,
    },
}

/// A victim marked "diinput ke SIMFONI".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The stored timestamp of the mark.
    pub at: String,
    pub by: String,
    /// SIMFONI's own reference number, when the officer noted it.
    pub reference: String,
}

impl EntryState {
    pub fn code(&self) -> &'static str {
        match self {
            EntryState::NotEntered => "belum",
            EntryState::Entered(_) => "sudah",
            EntryState::Changed { .. } => "berubah",
        }
    }

    /// True when the officer still has something to type.
    pub fn outstanding(&self) -> bool {
        !matches!(self, EntryState::Entered(_))
    }
}

/// The history actions that do not change anything SIMFONI holds: the mark itself, notes
/// (kept at the office) and who the case is assigned to. Every other action after a mark —
/// an edit, a stage move, a service given, and whatever later builds add — flags the victim
/// "berubah sejak diinput": wrongly asking for a check is cheap, a stale national figure is not.
pub const UNCHANGING_ACTIONS: &[&str] = &[MARK_ACTION, "catatan", "ditugaskan"];

/// The history action of the mark; its `field` names the victim (`korban[1]`).
pub const MARK_ACTION: &str = "simfoni";

/// The history `field` of victim `ord` (from 0): the same name edits use (`korban[1].nama`).
pub fn victim_key(ord: usize) -> String {
    format!("korban[{}]", ord + 1)
}

/// The victim (from 0) a mark's `field` names.
pub fn victim_of_key(key: &str) -> Option<usize> {
    key.strip_prefix("korban[")?
        .strip_suffix(']')?
        .parse::<usize>()
        .ok()?
        .checked_sub(1)
}

/// One line of the month-end list: a victim still to enter, or changed since entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthRow {
    pub case_id: i64,
    pub number: String,
    pub opened: NaiveDate,
    /// Victim, from 0.
    pub victim: usize,
    pub initials: String,
    pub sex: Option<String>,
    pub age: Option<u32>,
    pub state: EntryState,
}

/// The parts of the sheet, in SIMFONI's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Complaint,
    Victim,
    Perpetrator(usize),
    Incident,
    Services,
    Handling,
}

/// Each value SIMFONI asks, as its form words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetField {
    RegisterNumber,
    ReportDate,
    Channel,
    CaseKind,
    Authority,
    Name,
    Nik,
    Sex,
    BirthDate,
    Age,
    AgeBand,
    KtpAddress,
    Domicile,
    Region,
    Education,
    Occupation,
    Marital,
    Nationality,
    Disability,
    Ampk,
    OldSchooling,
    Relation,
    IncidentDate,
    Place,
    IncidentAddress,
    IncidentRegion,
    Violence,
    Chronology,
    /// One of SIMFONI's eight services: "Ya" with the dates, or "-".
    Service(&'static str),
    Stage,
    Closed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetLine {
    pub section: Section,
    pub field: SheetField,
    pub value: String,
}

/// What the sheet of one victim is made from. `given` are the services given to this victim
/// (meja codes with their dates); `region_name` names a Kemendagri code in full.
pub struct SheetInput<'a> {
    pub number: &'a str,
    pub opened: NaiveDate,
    pub stage: Stage,
    pub closed: Option<(NaiveDate, String)>,
    pub intake: &'a Intake,
    pub victim: usize,
    pub given: &'a [(NaiveDate, String)],
    pub region_name: &'a dyn Fn(&str) -> String,
}

fn label(v: Vocab, code: &str, lang: Lang) -> String {
    if code.trim().is_empty() {
        String::new()
    } else {
        v.label(code, lang).to_string()
    }
}

fn labels(v: Vocab, codes: &[String], lang: Lang) -> String {
    codes
        .iter()
        .map(|c| v.label(c, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

fn nationality(code: &str, country: &str, lang: Lang) -> String {
    let l = label(vocab::NATIONALITY, code, lang);
    if code == "wna" && !country.trim().is_empty() {
        format!("{l} ({})", country.trim())
    } else {
        l
    }
}

/// A value that SIMFONI folds from meja's own: SIMFONI's label, with meja's in brackets
/// when they differ, so the officer picks SIMFONI's and the office still sees its own.
fn folded(v: Vocab, own: &str, simfoni: Option<&str>, lang: Lang) -> String {
    match simfoni {
        Some(s) if s != own => format!("{} ({})", v.label(s, lang), v.label(own, lang)),
        _ => label(v, own, lang),
    }
}

/// The sheet of one victim, every line SIMFONI asks in its order; empty values stay as
/// lines so the officer sees what is missing rather than skipping a field unawares.
pub fn sheet(input: &SheetInput<'_>, lang: Lang) -> Vec<SheetLine> {
    let i = input.intake;
    let mut out = Vec::new();
    let mut push = |section, field, value: String| {
        out.push(SheetLine {
            section,
            field,
            value,
        })
    };
    let ages: Vec<(Option<&str>, Option<u32>)> = (0..i.victims.len())
        .map(|n| {
            let sex = i.victims[n].sex.as_str();
            (
                (!sex.is_empty()).then_some(sex),
                i.victim_age(n, input.opened),
            )
        })
        .collect();
    let kind = effective_case_kind(Some(&i.triage.case_kind), &ages).unwrap_or_default();

    use SheetField as F;
    let c = Section::Complaint;
    push(c, F::RegisterNumber, input.number.to_string());
    push(
        c,
        F::ReportDate,
        input.opened.format("%d-%m-%Y").to_string(),
    );
    push(
        c,
        F::Channel,
        label(vocab::CHANNELS, &i.reporter.channel, lang),
    );
    push(c, F::CaseKind, label(vocab::CASE_KINDS, &kind, lang));
    push(
        c,
        F::Authority,
        label(vocab::AUTHORITY, &i.triage.authority, lang),
    );

    let s = Section::Victim;
    let empty = Default::default();
    let v = i.victims.get(input.victim).unwrap_or(&empty);
    let age = i.victim_age(input.victim, input.opened);
    push(s, F::Name, v.name.clone());
    push(s, F::Nik, v.nik.clone());
    push(s, F::Sex, label(vocab::SEX, &v.sex, lang));
    push(s, F::BirthDate, v.birth_date.clone());
    push(s, F::Age, age.map(|a| a.to_string()).unwrap_or_default());
    push(
        s,
        F::AgeBand,
        age.map(|a| label(vocab::AGE_BANDS, vocab::age_band(a), lang))
            .unwrap_or_default(),
    );
    push(s, F::KtpAddress, v.address.clone());
    push(s, F::Domicile, v.domicile.clone());
    push(
        s,
        F::Region,
        if v.region.is_empty() {
            String::new()
        } else {
            (input.region_name)(&v.region)
        },
    );
    push(s, F::Education, label(vocab::EDUCATION, &v.education, lang));
    push(
        s,
        F::Occupation,
        label(vocab::OCCUPATION, &v.occupation, lang),
    );
    push(s, F::Marital, label(vocab::MARITAL, &v.marital, lang));
    push(
        s,
        F::Nationality,
        nationality(&v.nationality, &v.country, lang),
    );
    push(
        s,
        F::Disability,
        label(vocab::DISABILITY, &v.disability, lang),
    );
    if age.is_none_or(|a| a < vocab::ADULT_AGE) || !v.ampk.is_empty() {
        push(s, F::Ampk, labels(vocab::AMPK, &v.ampk, lang));
    }
    if !v.schooling.trim().is_empty() {
        push(s, F::OldSchooling, v.schooling.clone());
    }

    for (n, p) in i.perpetrators.iter().enumerate() {
        let s = Section::Perpetrator(n);
        push(s, F::Sex, label(vocab::SEX, &p.sex, lang));
        push(s, F::Age, p.age.clone());
        let rel = vocab::PERPETRATOR_RELATIONS;
        push(
            s,
            F::Relation,
            // "Tidak dikenal" is meja's own; SIMFONI counts a stranger under Lainnya.
            if p.relation == "tidak_dikenal" {
                folded(rel, &p.relation, Some("lainnya"), lang)
            } else {
                label(rel, &p.relation, lang)
            },
        );
        push(s, F::Education, label(vocab::EDUCATION, &p.education, lang));
        push(
            s,
            F::Occupation,
            label(vocab::OCCUPATION, &p.occupation, lang),
        );
        push(
            s,
            F::Nationality,
            nationality(&p.nationality, &p.country, lang),
        );
    }

    let s = Section::Incident;
    push(s, F::IncidentDate, i.incident.date.clone());
    push(
        s,
        F::Place,
        folded(
            vocab::PLACES,
            &i.incident.place,
            simfoni_place(&i.incident.place),
            lang,
        ),
    );
    push(s, F::IncidentAddress, i.incident.address.clone());
    push(
        s,
        F::IncidentRegion,
        if i.incident.region.is_empty() {
            String::new()
        } else {
            (input.region_name)(&i.incident.region)
        },
    );
    push(
        s,
        F::Violence,
        labels(vocab::VIOLENCE, &i.incident.violence, lang),
    );
    push(s, F::Chronology, i.incident.chronology.clone());

    for service in SIMFONI_SERVICES {
        let mut dates: Vec<NaiveDate> = input
            .given
            .iter()
            .filter(|(_, code)| simfoni_service(code) == Some(service))
            .map(|(d, _)| *d)
            .collect();
        dates.sort();
        dates.dedup();
        let value = if dates.is_empty() {
            "-".to_string()
        } else {
            let yes = vocab::YES_NO.label("ya", lang);
            let days: Vec<String> = dates
                .iter()
                .map(|d| d.format("%d-%m-%Y").to_string())
                .collect();
            format!("{yes} ({})", days.join(", "))
        };
        push(Section::Services, F::Service(service), value);
    }

    let s = Section::Handling;
    push(s, F::Stage, label(vocab::STAGES, input.stage.code(), lang));
    if let Some((day, reason)) = &input.closed {
        push(
            s,
            F::Closed,
            format!(
                "{} · {}",
                day.format("%d-%m-%Y"),
                label(vocab::CLOSURE_REASONS, reason, lang)
            ),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(s: &str) -> (Option<&str>, Option<&str>) {
        let m = map_schooling(s, None);
        (m.education, m.occupation)
    }

    fn map_child(s: &str) -> (Option<&str>, Option<&str>) {
        let m = map_schooling(s, Some(9));
        (m.education, m.occupation)
    }

    #[test]
    fn school_levels_map_onto_simfonis_pendidikan() {
        assert_eq!(map("SD").0, Some("sd"));
        assert_eq!(map("SMP").0, Some("sltp"));
        assert_eq!(map("kelas 3 SD"), (Some("sd"), Some("pelajar")));
        assert_eq!(map("SMPN 2 Metro"), (Some("sltp"), Some("pelajar")));
        assert_eq!(map("MTs Al-Hikmah"), (Some("sltp"), None));
        assert_eq!(map("SMK kelas 11"), (Some("slta"), Some("pelajar")));
        assert_eq!(map("kelas 8"), (Some("sltp"), Some("pelajar")));
        assert_eq!(map("TK Pertiwi").0, Some("paud_tk"));
        assert_eq!(map("lulusan S1"), (Some("pt"), None));
        assert_eq!(map("mahasiswi"), (Some("pt"), Some("pelajar")));
        assert_eq!(map("belum sekolah"), (Some("tidak_sekolah"), None));
        assert_eq!(map("Tidak/belum sekolah"), (Some("tidak_sekolah"), None));
    }

    #[test]
    fn occupations_map_onto_simfonis_pekerjaan() {
        assert_eq!(map("IRT"), (None, Some("irt")));
        assert_eq!(map("ibu rumah tangga"), (None, Some("irt")));
        assert_eq!(map("Buruh pabrik"), (None, Some("swasta_buruh")));
        assert_eq!(map("petani"), (None, Some("pedagang_tani_nelayan")));
        assert_eq!(map("tidak bekerja"), (None, Some("tidak_bekerja")));
        assert_eq!(map("PNS guru SD").1, None, "two occupations disagree");
        assert_eq!(map("IRT, tamat SMA"), (Some("slta"), Some("irt")));
        assert_eq!(map("asisten rumah tangga"), (None, Some("swasta_buruh")));
    }

    #[test]
    fn a_level_for_a_child_is_the_school_she_attends() {
        assert_eq!(map_child("SD"), (Some("sd"), Some("pelajar")));
        assert_eq!(map_schooling("SD", Some(40)).occupation, None);
    }

    #[test]
    fn ambiguous_or_unknown_text_is_left_for_the_data_officer() {
        assert_eq!(map("SD/SMP Negeri (contoh)"), (None, Some("pelajar")));
        assert_eq!(map(""), (None, None));
        assert_eq!(map("Sdr. Budi"), (None, None), "whole words only");
        assert_eq!(map("ada"), (None, None));
        assert_eq!(map("kelas 3"), (None, Some("pelajar")));
    }

    #[test]
    fn daring_is_counted_as_lainnya_and_every_simfoni_place_as_itself() {
        assert_eq!(simfoni_place("daring"), Some("lainnya"));
        for p in SIMFONI_PLACES {
            assert_eq!(simfoni_place(p), Some(p));
            assert!(vocab::PLACES.contains(p), "{p}");
        }
        // Every meja place has a SIMFONI one: nothing falls out of SIMFONI's table.
        for t in vocab::PLACES.terms {
            assert!(simfoni_place(t.code).is_some(), "{}", t.code);
        }
        assert_eq!(simfoni_place("kapal"), None);
    }

    #[test]
    fn jenis_kasus_is_derived_from_the_victims_unless_chosen() {
        let woman = (Some("P"), Some(30));
        let girl = (Some("P"), Some(12));
        let boy = (Some("L"), Some(8));
        let man = (Some("L"), Some(40));
        assert_eq!(effective_case_kind(None, &[woman]).as_deref(), Some("ktp"));
        assert_eq!(effective_case_kind(None, &[boy]).as_deref(), Some("ampk"));
        assert_eq!(
            effective_case_kind(None, &[woman, girl]).as_deref(),
            Some("keduanya")
        );
        assert_eq!(effective_case_kind(None, &[man]), None);
        assert_eq!(effective_case_kind(Some(""), &[(None, None)]), None);
        assert_eq!(
            effective_case_kind(Some("ampk"), &[woman]).as_deref(),
            Some("ampk"),
            "the form's choice wins"
        );
    }

    #[test]
    fn victim_keys_round_trip() {
        assert_eq!(victim_key(0), "korban[1]");
        assert_eq!(victim_of_key("korban[3]"), Some(2));
        assert_eq!(victim_of_key("korban[0]"), None);
        assert_eq!(victim_of_key("korban[1].nik"), None);
    }

    fn fixture() -> Intake {
        let mut i = Intake::default();
        i.reporter.channel = "sapa129_wa".into();
        let v = &mut i.victims[0];
        v.name = "Siti Aminah".into();
        v.sex = "P".into();
        v.birth_date = "01-02-2014".into();
        v.address = "Jl. Melati 3".into();
        v.domicile = "Jl. Mawar 9".into();
        v.education = "sd".into();
        v.occupation = "pelajar".into();
        v.nationality = "wna".into();
        v.country = "Timor-Leste".into();
        v.ampk = vec!["j".into()];
        v.schooling = "kelas 6 SD".into();
        i.add_perpetrator();
        i.perpetrators[0].relation = "tidak_dikenal".into();
        i.incident.place = "daring".into();
        i.incident.violence = vec!["seksual".into(), "psikis".into()];
        i.triage.authority = "daerah".into();
        i
    }

    #[test]
    fn the_sheet_follows_simfonis_order_and_folds_meja_categories() {
        let i = fixture();
        let given = [
            (
                NaiveDate::from_ymd_opt(2026, 11, 3).unwrap(),
                "psikologis".into(),
            ),
            (
                NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
                "rumah_aman".into(),
            ),
            (
                NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
                "pengaduan".into(),
            ),
        ];
        let name = |c: &str| format!("wilayah {c}");
        let lines = sheet(
            &SheetInput {
                number: "PPA/2026/0001",
                opened: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
                stage: Stage::Asesmen,
                closed: None,
                intake: &i,
                victim: 0,
                given: &given,
                region_name: &name,
            },
            Lang::Id,
        );
        let get = |s: Section, f: SheetField| {
            lines
                .iter()
                .find(|l| l.section == s && l.field == f)
                .map(|l| l.value.as_str())
                .unwrap_or("(none)")
        };
        assert_eq!(
            get(Section::Complaint, SheetField::CaseKind),
            "Anak yang Memerlukan Perlindungan Khusus"
        );
        assert_eq!(
            get(Section::Complaint, SheetField::Channel),
            "SAPA 129 (WhatsApp)"
        );
        assert_eq!(get(Section::Victim, SheetField::Age), "12");
        assert_eq!(
            get(Section::Victim, SheetField::Nationality),
            "WNA (Timor-Leste)"
        );
        assert_eq!(get(Section::Victim, SheetField::OldSchooling), "kelas 6 SD");
        assert_eq!(
            get(Section::Incident, SheetField::Place),
            "Lainnya (Ranah daring)"
        );
        assert_eq!(
            get(Section::Perpetrator(0), SheetField::Relation),
            "Lainnya (Tidak dikenal)"
        );
        assert_eq!(
            get(
                Section::Services,
                SheetField::Service("rehabilitasi_sosial")
            ),
            "Ya (02-11-2026, 03-11-2026)"
        );
        assert_eq!(
            get(Section::Services, SheetField::Service("kesehatan")),
            "-"
        );
        // Sections come in SIMFONI's order, each once.
        let mut order: Vec<Section> = Vec::new();
        for l in &lines {
            if order.last() != Some(&l.section) {
                assert!(!order.contains(&l.section), "{:?} twice", l.section);
                order.push(l.section);
            }
        }
        assert_eq!(
            order,
            vec![
                Section::Complaint,
                Section::Victim,
                Section::Perpetrator(0),
                Section::Incident,
                Section::Services,
                Section::Handling
            ]
        );
    }

    #[test]
    fn an_entry_is_outstanding_until_marked_and_again_after_a_change() {
        let e = Entry {
            at: "2026-11-30T10:00:00+07:00".into(),
            by: "ani".into(),
            reference: String::new(),
        };
        assert!(EntryState::NotEntered.outstanding());
        assert!(!EntryState::Entered(e.clone()).outstanding());
        assert!(
            EntryState::Changed {
                entry: e,
                changed: "2026-12-01T09:00:00+07:00".into()
            }
            .outstanding()
        );
    }
}
