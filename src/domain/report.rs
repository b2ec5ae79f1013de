//! The monthly report: figures counted the way SIMFONI-PPA counts them, so a worker can copy
//! them into the national system field by field.
//!
//! Counting rules (also printed in the report's header):
//! - The period's cases are those *reported* (opened at this desk) between the two dates,
//!   inclusive, as SIMFONI counts by the date of the report.
//! - The SIMFONI tables count **victims**: a case with two victims counts twice. A victim is
//!   counted once under each jenis kekerasan, layanan and hubungan pelaku recorded on the case
//!   (several per case are allowed), so those tables may add up to more than the number of
//!   victims. Jenis kekerasan, tempat kejadian and layanan are stored per case and apply to
//!   every victim of it; sex, age, AMPK and kecamatan are per victim.
//! - The perpetrator's pendidikan and pekerjaan count **alleged perpetrators**: each one
//!   recorded on a period's case once, as SIMFONI counts perpetrators apart from victims.
//! - AMPK counts child victims only (under 18, UU 35/2014 Pasal 1), once per category.
//! - Layanan (services given) counts victims given each service on a date in the period,
//!   whenever their case was opened: each of SIMFONI's eight once per victim. meja's extra
//!   services count under the SIMFONI service `service::simfoni_service` maps them to, and
//!   also on their own rows below the eight.
//! - Layanan dibutuhkan (services needed) is what was recorded as needed at triage plus every
//!   service a referral asked for, unless the referral was rejected or revoked, for the
//!   period's cases.
//! - Stage and risk count **cases** (a case moves as one); referral outcomes count
//!   **referrals** made for the period's cases, by their status today.
//! - A case counts as closed when it was closed in the period and is still closed at its end;
//!   one reopened within the period is open at the end and stays out of the median days to
//!   closure (the store picks the closures: `Store::report_closures`).
//! - Rows follow the SIMFONI order of each list; a value this build does not know follows
//!   them, and "not recorded" comes last, so every table adds up.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::case::{Card, Targets};
use super::service::{GivenCounts, simfoni_service};
use super::simfoni::{SIMFONI_PLACES, effective_case_kind, simfoni_place};
use super::vocab::{self, ADULT_AGE, Vocab};

/// One victim of a case, as the report needs it: no name, no NIK.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VictimRow {
    pub sex: Option<String>,
    pub age: Option<u32>,
    pub ampk: Vec<String>,
    /// Kemendagri code of the victim's address, any level.
    pub region: Option<String>,
    /// SIMFONI's pendidikan, pekerjaan, status perkawinan and kewarganegaraan codes.
    pub education: Option<String>,
    pub occupation: Option<String>,
    pub marital: Option<String>,
    pub nationality: Option<String>,
}

/// One alleged perpetrator of a case, as the report needs it: no name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PerpetratorRow {
    /// SIMFONI's pendidikan and pekerjaan codes.
    pub education: Option<String>,
    pub occupation: Option<String>,
}

/// One case reported in the period.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CaseRow {
    pub id: i64,
    pub opened: NaiveDate,
    pub stage: String,
    pub risk: String,
    pub place: Option<String>,
    pub violence: Vec<String>,
    /// Layanan recorded at triage and asked for by referrals (see the module rules).
    pub services: Vec<String>,
    /// Each alleged perpetrator's relation to the victim (None when not recorded).
    pub relations: Vec<Option<String>>,
    /// The alleged perpetrators, in the order entered (beside `relations`).
    pub perpetrators: Vec<PerpetratorRow>,
    pub victims: Vec<VictimRow>,
    /// The status code of each referral made for the case.
    pub referrals: Vec<String>,
    /// The first day the case moved into assessment, if it has.
    pub assessed: Option<NaiveDate>,
    /// The jenis kasus chosen on the form (None: derived from the victims).
    pub case_kind: Option<String>,
    pub authority: Option<String>,
}

/// A case closed in the period and still closed at its end: when it was opened and when it was
/// closed (its last closure in the period).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closure {
    pub opened: NaiveDate,
    pub closed: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    Violence,
    Sex,
    AgeBand,
    Ampk,
    Place,
    Relation,
    /// Services given in the period (what SIMFONI counts).
    Service,
    /// Services needed: triage and referrals of the period's cases.
    ServiceNeeded,
    District,
    Stage,
    Risk,
    Referral,
    // SIMFONI's own tables (issue 18).
    CaseKind,
    Authority,
    Education,
    Occupation,
    Marital,
    Nationality,
    /// Tempat kejadian in SIMFONI's six, meja's `daring` counted as Lainnya
    /// (`domain::simfoni::simfoni_place`); `Place` keeps meja's own rows.
    PlaceSimfoni,
    /// The alleged perpetrators' pendidikan and pekerjaan (SIMFONI asks both of them too).
    PerpetratorEducation,
    PerpetratorOccupation,
}

/// How the period's victims stand with SIMFONI-PPA (the mark "diinput ke SIMFONI").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct SimfoniCounts {
    pub entered: u64,
    /// Entered, and the case changed after.
    pub changed: u64,
    pub not_entered: u64,
}

/// What a table's numbers count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Victims,
    ChildVictims,
    Perpetrators,
    Cases,
    Referrals,
}

/// One line of a table. An empty code is "not recorded".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub code: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    pub kind: TableKind,
    pub unit: Unit,
    pub rows: Vec<Row>,
}

impl Table {
    pub fn count(&self, code: &str) -> u64 {
        self.rows
            .iter()
            .find(|r| r.code == code)
            .map_or(0, |r| r.count)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The day overdue cases were counted on.
    pub as_of: NaiveDate,
    pub cases_opened: u64,
    pub victims: u64,
    pub cases_closed: u64,
    pub median_days_to_assessment: Option<f64>,
    pub median_days_to_closure: Option<f64>,
    /// Open cases past their follow-up target (or with an unanswered referral) on `as_of`.
    pub overdue: u64,
    /// Cases reported to the police, and cases with a verdict, in the period (legal events
    /// dated in it; filled by the store, 0 where no legal process is read).
    pub police_reports: u64,
    pub verdicts: u64,
    pub tables: Vec<Table>,
    /// Filled by the store, which knows the marks; zero when not read.
    pub simfoni: SimfoniCounts,
}

impl Report {
    pub fn table(&self, kind: TableKind) -> &Table {
        self.tables
            .iter()
            .find(|t| t.kind == kind)
            .expect("every kind is built")
    }
}

/// Tally that remembers nothing about who was counted.
#[derive(Default)]
struct Tally(BTreeMap<String, u64>);

impl Tally {
    fn add(&mut self, code: Option<&str>) {
        let code = code.map(str::trim).unwrap_or("");
        *self.0.entry(code.to_string()).or_default() += 1;
    }

    /// Every code of `order` (zeros included), then unknown codes, then "not recorded".
    fn rows(mut self, order: &[&str]) -> Vec<Row> {
        let mut out: Vec<Row> = order
            .iter()
            .map(|c| Row {
                code: (*c).to_string(),
                count: self.0.remove(*c).unwrap_or(0),
            })
            .collect();
        let missing = self.0.remove("");
        out.extend(self.0.into_iter().map(|(code, count)| Row { code, count }));
        if let Some(count) = missing {
            out.push(Row {
                code: String::new(),
                count,
            });
        }
        out
    }
}

fn codes(v: &Vocab) -> Vec<&'static str> {
    v.terms.iter().map(|t| t.code).collect()
}

/// Distinct values in first-seen order: a case listing "fisik" twice is one kind of violence.
fn distinct<'a>(items: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// The kecamatan a region code lies in (`18.72.01.1001` → `18.72.01`); None above that level.
pub fn kecamatan(code: &str) -> Option<&str> {
    let mut parts = code.match_indices('.');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(_), Some(_), Some((third, _))) => Some(&code[..third]),
        (Some(_), Some(_), None) => Some(code),
        _ => None,
    }
}

/// The kab/kota a region code lies in (`18.72.01` → `18.72`); None above that level.
pub fn kabkota(code: &str) -> Option<&str> {
    let mut parts = code.match_indices('.');
    match (parts.next(), parts.next()) {
        (Some(_), Some((second, _))) => Some(&code[..second]),
        (Some(_), None) => Some(code),
        _ => None,
    }
}

/// The middle value, or the mean of the two middle values; None for no values.
pub fn median(mut days: Vec<i64>) -> Option<f64> {
    if days.is_empty() {
        return None;
    }
    days.sort_unstable();
    let n = days.len();
    Some(if n % 2 == 1 {
        days[n / 2] as f64
    } else {
        (days[n / 2 - 1] + days[n / 2]) as f64 / 2.0
    })
}

/// The report's counts, kept as cases arrive one at a time, so a report over a million
/// cases holds its tallies and not its cases.
#[derive(Default)]
pub struct Tallies {
    violence: Tally,
    sex: Tally,
    age: Tally,
    ampk: Tally,
    place: Tally,
    relation: Tally,
    service: Tally,
    district: Tally,
    stage: Tally,
    risk: Tally,
    referral: Tally,
    case_kind: Tally,
    authority: Tally,
    education: Tally,
    occupation: Tally,
    marital: Tally,
    nationality: Tally,
    place_simfoni: Tally,
    perpetrator_education: Tally,
    perpetrator_occupation: Tally,
    victims: u64,
    cases: u64,
    to_assessment: Vec<i64>,
}

impl Tallies {
    /// Counts one case reported in the period.
    pub fn add(&mut self, c: &CaseRow) {
        self.cases += 1;
        let kinds = distinct(c.violence.iter().map(String::as_str));
        let services = distinct(c.services.iter().map(String::as_str));
        let relations = distinct(c.relations.iter().map(|r| r.as_deref().unwrap_or("")));
        let ages: Vec<(Option<&str>, Option<u32>)> = c
            .victims
            .iter()
            .map(|v| (v.sex.as_deref(), v.age))
            .collect();
        self.case_kind
            .add(effective_case_kind(c.case_kind.as_deref(), &ages).as_deref());
        self.authority.add(c.authority.as_deref());
        // A place this build does not know stays itself, as in meja's own table.
        let place_simfoni = c.place.as_deref().map(|p| simfoni_place(p).unwrap_or(p));
        for v in &c.victims {
            self.education.add(v.education.as_deref());
            self.occupation.add(v.occupation.as_deref());
            self.marital.add(v.marital.as_deref());
            self.nationality.add(v.nationality.as_deref());
            self.place_simfoni.add(place_simfoni);
            self.victims += 1;
            if kinds.is_empty() {
                self.violence.add(None);
            }
            for k in &kinds {
                self.violence.add(Some(k));
            }
            self.sex.add(v.sex.as_deref());
            self.age.add(v.age.map(vocab::age_band));
            if v.age.is_none_or(|a| a < ADULT_AGE) && !(v.age.is_none() && v.ampk.is_empty()) {
                if v.ampk.is_empty() {
                    self.ampk.add(None);
                }
                for a in distinct(v.ampk.iter().map(String::as_str)) {
                    self.ampk.add(Some(a));
                }
            }
            self.place.add(c.place.as_deref());
            if relations.is_empty() {
                self.relation.add(None);
            }
            for r in &relations {
                self.relation.add(Some(r));
            }
            if services.is_empty() {
                self.service.add(None);
            }
            for s in &services {
                self.service.add(Some(s));
            }
            self.district.add(v.region.as_deref().and_then(kecamatan));
        }
        for p in &c.perpetrators {
            self.perpetrator_education.add(p.education.as_deref());
            self.perpetrator_occupation.add(p.occupation.as_deref());
        }
        self.stage.add(Some(&c.stage));
        self.risk.add(Some(&c.risk));
        for r in &c.referrals {
            self.referral.add(Some(r));
        }
        if let Some(a) = c.assessed {
            self.to_assessment.push((a - c.opened).num_days().max(0));
        }
    }

    /// The report of the cases counted (reported between `from` and `to`), the services
    /// `given` in the period, the `closures` in it, and `overdue` open cases on `today`.
    pub fn finish(
        self,
        from: NaiveDate,
        to: NaiveDate,
        given: &GivenCounts,
        closures: &[Closure],
        overdue: u64,
        today: NaiveDate,
    ) -> Report {
        let districts: Vec<&str> = Vec::new();
        let table = |kind, unit, t: Tally, order: &[&str]| Table {
            kind,
            unit,
            rows: t.rows(order),
        };
        let tables = vec![
            table(
                TableKind::Violence,
                Unit::Victims,
                self.violence,
                &codes(&vocab::VIOLENCE),
            ),
            table(TableKind::Sex, Unit::Victims, self.sex, &codes(&vocab::SEX)),
            table(
                TableKind::AgeBand,
                Unit::Victims,
                self.age,
                &codes(&vocab::AGE_BANDS),
            ),
            table(
                TableKind::Ampk,
                Unit::ChildVictims,
                self.ampk,
                &codes(&vocab::AMPK),
            ),
            table(
                TableKind::Place,
                Unit::Victims,
                self.place,
                &codes(&vocab::PLACES),
            ),
            table(
                TableKind::Relation,
                Unit::Victims,
                self.relation,
                &codes(&vocab::PERPETRATOR_RELATIONS),
            ),
            given_table(given),
            table(
                TableKind::ServiceNeeded,
                Unit::Victims,
                self.service,
                &codes(&vocab::SERVICES),
            ),
            // Kecamatan have no fixed list: those with victims, in code order.
            table(
                TableKind::District,
                Unit::Victims,
                self.district,
                &districts,
            ),
            table(
                TableKind::Stage,
                Unit::Cases,
                self.stage,
                &codes(&vocab::STAGES),
            ),
            table(
                TableKind::Risk,
                Unit::Cases,
                self.risk,
                &codes(&vocab::RISK),
            ),
            table(
                TableKind::Referral,
                Unit::Referrals,
                self.referral,
                &codes(&vocab::REFERRAL_STATUS),
            ),
            table(
                TableKind::CaseKind,
                Unit::Cases,
                self.case_kind,
                &codes(&vocab::CASE_KINDS),
            ),
            table(
                TableKind::Authority,
                Unit::Cases,
                self.authority,
                &codes(&vocab::AUTHORITY),
            ),
            table(
                TableKind::Education,
                Unit::Victims,
                self.education,
                &codes(&vocab::EDUCATION),
            ),
            table(
                TableKind::Occupation,
                Unit::Victims,
                self.occupation,
                &codes(&vocab::OCCUPATION),
            ),
            table(
                TableKind::Marital,
                Unit::Victims,
                self.marital,
                &codes(&vocab::MARITAL),
            ),
            table(
                TableKind::Nationality,
                Unit::Victims,
                self.nationality,
                &codes(&vocab::NATIONALITY),
            ),
            table(
                TableKind::PlaceSimfoni,
                Unit::Victims,
                self.place_simfoni,
                &SIMFONI_PLACES,
            ),
            table(
                TableKind::PerpetratorEducation,
                Unit::Perpetrators,
                self.perpetrator_education,
                &codes(&vocab::EDUCATION),
            ),
            table(
                TableKind::PerpetratorOccupation,
                Unit::Perpetrators,
                self.perpetrator_occupation,
                &codes(&vocab::OCCUPATION),
            ),
        ];
        let to_closure = closures
            .iter()
            .map(|c| (c.closed - c.opened).num_days().max(0))
            .collect();
        Report {
            from,
            to,
            as_of: today,
            cases_opened: self.cases,
            victims: self.victims,
            cases_closed: closures.len() as u64,
            median_days_to_assessment: median(self.to_assessment),
            median_days_to_closure: median(to_closure),
            overdue,
            police_reports: 0,
            verdicts: 0,
            tables,
            simfoni: SimfoniCounts::default(),
        }
    }
}

/// Services given: SIMFONI's eight (zeros included), then each of meja's own services that
/// counts under one of them (penjangkauan, rumah aman, mediasi, psikologis: zeros included,
/// so the table has the same rows every month), then any other given (such as "lainnya",
/// which has no SIMFONI row).
pub fn given_table(g: &GivenCounts) -> Table {
    let mut rows: Vec<Row> = g
        .simfoni
        .iter()
        .map(|(code, n)| Row {
            code: (*code).to_string(),
            count: *n as u64,
        })
        .collect();
    let own = |code: &str| g.own.iter().find(|(c, _)| c == code).map_or(0, |(_, n)| *n);
    for t in vocab::SERVICES.terms {
        let mapped = simfoni_service(t.code);
        if mapped == Some(t.code) {
            continue;
        }
        let n = own(t.code);
        if mapped.is_some() || n > 0 {
            rows.push(Row {
                code: t.code.to_string(),
                count: n as u64,
            });
        }
    }
    Table {
        kind: TableKind::Service,
        unit: Unit::Victims,
        rows,
    }
}

/// Whether a row of the services-given table is one of meja's own services, already counted
/// in the SIMFONI row it maps to (so a reader does not add it twice): that row's code.
pub fn counted_within(code: &str) -> Option<&'static str> {
    simfoni_service(code).filter(|s| *s != code)
}

/// Builds the report of `cases` (reported between `from` and `to`), the services `given` in
/// the period, the `closures` in it, and the open cases' `cards` for what is overdue on
/// `today`.
#[allow(clippy::too_many_arguments)]
pub fn build(
    from: NaiveDate,
    to: NaiveDate,
    cases: &[CaseRow],
    given: &GivenCounts,
    closures: &[Closure],
    cards: &[Card],
    targets: &Targets,
    today: NaiveDate,
) -> Report {
    let mut t = Tallies::default();
    for c in cases {
        t.add(c);
    }
    let overdue = cards.iter().filter(|c| c.overdue(targets, today)).count() as u64;
    t.finish(from, to, given, closures, overdue, today)
}

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn of(d: NaiveDate) -> Month {
        Month {
            year: d.year(),
            month: d.month(),
        }
    }

    pub fn prev(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default()
    }

    /// The `n` months ending with this one, oldest first.
    pub fn last(self, n: usize) -> Vec<Month> {
        let mut out = Vec::with_capacity(n);
        let mut m = self;
        for _ in 0..n {
            out.push(m);
            m = m.prev();
        }
        out.reverse();
        out
    }
}

/// New cases per month for each of `months`, zero where none were opened.
pub fn trend(months: &[Month], counts: &[(Month, u64)]) -> Vec<(Month, u64)> {
    months
        .iter()
        .map(|m| {
            let n = counts.iter().filter(|(c, _)| c == m).map(|(_, n)| n).sum();
            (*m, n)
        })
        .collect()
}

/// The first and last day of the month before the one `today` is in: the usual report period.
pub fn last_month(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let this = Month::of(today).first_day();
    let prev = Month::of(today).prev().first_day();
    (prev, this.pred_opt().unwrap_or(this))
}

/// A month as a data officer writes it: `11-2026`, `11/2026`, `2026-11`. None otherwise.
pub fn parse_month(s: &str) -> Option<Month> {
    let parts: Vec<&str> = s.trim().split(['-', '/', '.']).collect();
    let [a, b] = parts.as_slice() else {
        return None;
    };
    let (m, y) = if a.len() == 4 { (b, a) } else { (a, b) };
    let (month, year) = (m.parse::<u32>().ok()?, y.parse::<i32>().ok()?);
    ((1..=12).contains(&month) && y.len() == 4).then_some(Month { year, month })
}

/// The last day of a month: where the month-end list stops.
pub fn last_day(m: Month) -> NaiveDate {
    let first = m.next().first_day();
    first.pred_opt().unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_read_as_a_data_officer_writes_them() {
        let nov = Month {
            year: 2026,
            month: 11,
        };
        assert_eq!(parse_month("11-2026"), Some(nov));
        assert_eq!(parse_month(" 11/2026 "), Some(nov));
        assert_eq!(parse_month("2026-11"), Some(nov));
        assert_eq!(parse_month("13-2026"), None);
        assert_eq!(parse_month("11-26"), None);
        assert_eq!(parse_month("November"), None);
        assert_eq!(
            last_day(nov),
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
        );
        assert_eq!(
            last_day(Month {
                year: 2026,
                month: 12
            }),
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
        );
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn victim(sex: &str, age: u32, ampk: &[&str], region: &str) -> VictimRow {
        VictimRow {
            sex: Some(sex.into()),
            age: Some(age),
            ampk: ampk.iter().map(|s| s.to_string()).collect(),
            region: Some(region.into()),
            ..Default::default()
        }
    }

    fn case(violence: &[&str], victims: Vec<VictimRow>) -> CaseRow {
        CaseRow {
            id: 1,
            opened: d(2026, 10, 5),
            stage: "pengaduan".into(),
            risk: "sedang".into(),
            place: Some("rumah_tangga".into()),
            violence: violence.iter().map(|s| s.to_string()).collect(),
            services: vec![],
            relations: vec![Some("orang_tua".into())],
            victims,
            referrals: vec![],
            assessed: None,
            ..Default::default()
        }
    }

    fn report(cases: &[CaseRow]) -> Report {
        build(
            d(2026, 10, 1),
            d(2026, 10, 31),
            cases,
            &crate::domain::service::count_given([], d(2026, 10, 1), d(2026, 10, 31)),
            &[],
            &[],
            &Targets::default(),
            d(2026, 11, 1),
        )
    }

    /// Hand-counted: case 1 has two victims (10, 11), needed kesehatan + psikologis at triage;
    /// case 2 has one victim (20), needed nothing recorded. In October victim 10 was given
    /// kesehatan twice, psikologis and rumah aman (both Rehabilitasi sosial: one victim
    /// there); victim 11 penjangkauan (Pengaduan) and pengaduan itself (still one victim);
    /// victim 20 mediasi (Bantuan hukum) and "lainnya". Victim 20's kesehatan on 1 November is
    /// outside the period.
    #[test]
    fn services_given_count_once_per_victim_and_apart_from_those_needed() {
        use crate::domain::plan::Doer;
        use crate::domain::service::{ServiceGiven, count_given};
        let given = |victim, day, service: &str| ServiceGiven {
            id: 0,
            date: d(2026, 10, day),
            service: service.into(),
            victim_id: victim,
            given_by: Doer::Staff("budi".into()),
            note: String::new(),
        };
        let mut nov = given(20, 1, "kesehatan");
        nov.date = d(2026, 11, 1);
        let g = [
            given(10, 3, "kesehatan"),
            given(11, 4, "penjangkauan"),
            given(10, 9, "psikologis"),
            given(20, 12, "mediasi"),
            given(10, 17, "kesehatan"),
            given(11, 18, "pengaduan"),
            given(10, 21, "rumah_aman"),
            given(20, 28, "lainnya"),
            nov,
        ];
        let counts = count_given(&g, d(2026, 10, 1), d(2026, 10, 31));
        let mut c1 = case(
            &["fisik"],
            vec![
                victim("P", 9, &[], "18.72.01"),
                victim("L", 12, &[], "18.72.01"),
            ],
        );
        c1.services = vec!["kesehatan".into(), "psikologis".into()];
        let c2 = case(&["psikis"], vec![victim("P", 30, &[], "18.72.02")]);
        let r = build(
            d(2026, 10, 1),
            d(2026, 10, 31),
            &[c1, c2],
            &counts,
            &[],
            &[],
            &Targets::default(),
            d(2026, 11, 1),
        );
        let rows = |k| -> Vec<(String, u64)> {
            r.table(k)
                .rows
                .iter()
                .map(|x| (x.code.clone(), x.count))
                .collect()
        };
        let own = |v: &[(&str, u64)]| -> Vec<(String, u64)> {
            v.iter().map(|(c, n)| (c.to_string(), *n)).collect()
        };
        assert_eq!(
            rows(TableKind::Service),
            own(&[
                ("pengaduan", 1),
                ("kesehatan", 1),
                ("bantuan_hukum", 1),
                ("penegakan_hukum", 0),
                ("rehabilitasi_sosial", 1),
                ("reintegrasi_sosial", 0),
                ("pemulangan", 0),
                ("tokoh_agama", 0),
                // meja's own, already inside the rows above, then "lainnya" on its own.
                ("penjangkauan", 1),
                ("rumah_aman", 1),
                ("mediasi", 1),
                ("psikologis", 1),
                ("lainnya", 1),
            ])
        );
        assert_eq!(counted_within("rumah_aman"), Some("rehabilitasi_sosial"));
        assert_eq!(counted_within("kesehatan"), None);
        assert_eq!(counted_within("lainnya"), None);
        // Needed: both victims of case 1 under each, and case 2's victim as not recorded.
        let needed = r.table(TableKind::ServiceNeeded);
        assert_eq!(needed.count("kesehatan"), 2);
        assert_eq!(needed.count("psikologis"), 2);
        assert_eq!(needed.count("rumah_aman"), 0);
        assert_eq!(needed.count(""), 1);
    }

    #[test]
    fn a_case_with_two_victims_counts_twice_in_victim_tables_once_in_case_tables() {
        let c = case(
            &["fisik", "psikis"],
            vec![
                victim("P", 9, &["i"], "18.72.01.1001"),
                victim("L", 12, &["i", "m"], "18.72.02"),
            ],
        );
        let r = report(&[c]);
        assert_eq!(r.victims, 2);
        assert_eq!(r.cases_opened, 1);
        let v = r.table(TableKind::Violence);
        assert_eq!((v.count("fisik"), v.count("psikis")), (2, 2));
        assert_eq!(r.table(TableKind::Place).count("rumah_tangga"), 2);
        assert_eq!(r.table(TableKind::Relation).count("orang_tua"), 2);
        assert_eq!(r.table(TableKind::Stage).count("pengaduan"), 1);
        assert_eq!(r.table(TableKind::Risk).count("sedang"), 1);
        let a = r.table(TableKind::Ampk);
        assert_eq!((a.count("i"), a.count("m")), (2, 1));
        let k = r.table(TableKind::District);
        assert_eq!((k.count("18.72.01"), k.count("18.72.02")), (1, 1));
        assert_eq!(r.table(TableKind::AgeBand).count("6-12"), 2);
    }

    #[test]
    fn tables_keep_simfoni_order_with_zeros_and_put_not_recorded_last() {
        let mut c = case(&["seksual"], vec![victim("P", 30, &[], "18")]);
        c.victims.push(VictimRow::default());
        c.place = None;
        let r = report(&[c]);
        let v = r.table(TableKind::Violence);
        let order: Vec<&str> = v.rows.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(
            order,
            [
                "fisik",
                "psikis",
                "seksual",
                "eksploitasi",
                "trafficking",
                "penelantaran",
                "lainnya"
            ]
        );
        let sex = r.table(TableKind::Sex);
        assert_eq!(sex.rows.last().unwrap().code, "", "not recorded last");
        assert_eq!(sex.count(""), 1);
        assert_eq!(r.table(TableKind::Place).count(""), 2);
        // A region above kecamatan level is not a kecamatan.
        assert_eq!(r.table(TableKind::District).count(""), 2);
        // Adults are not in the AMPK table; a victim of unknown age with no AMPK neither.
        assert!(r.table(TableKind::Ampk).rows.iter().all(|r| r.count == 0));
    }

    /// Hand-counted: four cases, five victims.
    /// - A: daring, a woman of 30 (SLTA, IRT, menikah) and her girl of 9 (SD, pelajar);
    /// - B: lembaga pendidikan kilat, a girl of 16 (SLTA, pelajar), kewenangan pusat;
    /// - C: daring, a man of 40 (nothing SIMFONI can count for jenis kasus);
    /// - D: lainnya, a woman of 25 marked AMPK on the form (chosen over the derived KtP).
    ///
    /// SIMFONI's places: Lainnya = A's two + C's one + D's one = 4 victims, LPK 1, the rest 0;
    /// meja's own table keeps daring 3 and lainnya 1 apart.
    #[test]
    fn daring_folds_into_lainnya_and_the_simfoni_tables_count_by_hand() {
        let person = |sex: &str, age: u32, edu: Option<&str>, occ: Option<&str>| VictimRow {
            sex: Some(sex.into()),
            age: Some(age),
            education: edu.map(str::to_string),
            occupation: occ.map(str::to_string),
            ..Default::default()
        };
        let mut a = case(
            &["fisik"],
            vec![
                VictimRow {
                    marital: Some("menikah".into()),
                    nationality: Some("wni".into()),
                    ..person("P", 30, Some("slta"), Some("irt"))
                },
                person("P", 9, Some("sd"), Some("pelajar")),
            ],
        );
        a.place = Some("daring".into());
        a.authority = Some("daerah".into());
        let mut b = case(
            &["seksual"],
            vec![person("P", 16, Some("slta"), Some("pelajar"))],
        );
        b.place = Some("lembaga_pendidikan_kilat".into());
        b.authority = Some("pusat".into());
        let mut c = case(&["psikis"], vec![person("L", 40, None, None)]);
        c.place = Some("daring".into());
        let mut d = case(&["psikis"], vec![person("P", 25, None, None)]);
        d.place = Some("lainnya".into());
        d.case_kind = Some("ampk".into());
        let r = report(&[a, b, c, d]);

        let simfoni = r.table(TableKind::PlaceSimfoni);
        let rows: Vec<(&str, u64)> = simfoni
            .rows
            .iter()
            .map(|r| (r.code.as_str(), r.count))
            .collect();
        assert_eq!(
            rows,
            [
                ("rumah_tangga", 0),
                ("tempat_kerja", 0),
                ("sekolah", 0),
                ("fasilitas_umum", 0),
                ("lembaga_pendidikan_kilat", 1),
                ("lainnya", 4),
            ],
            "no daring row in SIMFONI's table, and it adds up to the victims"
        );
        let own = r.table(TableKind::Place);
        assert_eq!((own.count("daring"), own.count("lainnya")), (3, 1));

        let kind = r.table(TableKind::CaseKind);
        assert_eq!(
            (
                kind.count("keduanya"),
                kind.count("ampk"),
                kind.count("ktp"),
                kind.count("")
            ),
            (1, 2, 0, 1),
            "A both, B and D AMPK, C not known"
        );
        let auth = r.table(TableKind::Authority);
        assert_eq!(
            (auth.count("daerah"), auth.count("pusat"), auth.count("")),
            (1, 1, 2)
        );
        let edu = r.table(TableKind::Education);
        assert_eq!(
            (edu.count("slta"), edu.count("sd"), edu.count("")),
            (2, 1, 2)
        );
        let occ = r.table(TableKind::Occupation);
        assert_eq!(
            (occ.count("pelajar"), occ.count("irt"), occ.count("")),
            (2, 1, 2)
        );
        assert_eq!(r.table(TableKind::Marital).count("menikah"), 1);
        assert_eq!(r.table(TableKind::Nationality).count(""), 4);
    }

    /// Hand-counted: three cases. A: two victims and one alleged perpetrator (SLTP,
    /// swasta/buruh); B: one victim and two alleged perpetrators (SLTA, PNS/aparat; nothing
    /// recorded); C: one victim, no perpetrator recorded. Perpetrators count once each however
    /// many victims the case has: SLTP 1, SLTA 1, not recorded 1 — three in all.
    #[test]
    fn the_perpetrators_education_and_occupation_count_each_perpetrator_once() {
        let p = |edu: Option<&str>, occ: Option<&str>| PerpetratorRow {
            education: edu.map(str::to_string),
            occupation: occ.map(str::to_string),
        };
        let mut a = case(
            &["fisik"],
            vec![victim("P", 30, &[], "18.72"), victim("P", 8, &[], "18.72")],
        );
        a.perpetrators = vec![p(Some("sltp"), Some("swasta_buruh"))];
        let mut b = case(&["psikis"], vec![victim("P", 20, &[], "18.72")]);
        b.relations = vec![Some("suami_istri".into()), Some("keluarga".into())];
        b.perpetrators = vec![p(Some("slta"), Some("pns_aparat")), p(None, None)];
        let mut c = case(&["psikis"], vec![victim("P", 40, &[], "18.72")]);
        c.relations = vec![];
        let r = report(&[a, b, c]);
        let edu = r.table(TableKind::PerpetratorEducation);
        assert_eq!(edu.unit, Unit::Perpetrators);
        let rows: Vec<(&str, u64)> = edu
            .rows
            .iter()
            .map(|r| (r.code.as_str(), r.count))
            .collect();
        assert_eq!(
            rows,
            [
                ("tidak_sekolah", 0),
                ("paud_tk", 0),
                ("sd", 0),
                ("sltp", 1),
                ("slta", 1),
                ("pt", 0),
                ("", 1),
            ]
        );
        let occ = r.table(TableKind::PerpetratorOccupation);
        assert_eq!(
            (
                occ.count("swasta_buruh"),
                occ.count("pns_aparat"),
                occ.count("")
            ),
            (1, 1, 1)
        );
        assert_eq!(occ.rows.iter().map(|r| r.count).sum::<u64>(), 3);
        // The victims' own tables are not touched by the perpetrators'.
        assert_eq!(r.table(TableKind::Education).count("sltp"), 0);
    }

    #[test]
    fn an_unknown_code_is_shown_not_dropped() {
        let c = case(&["siber"], vec![victim("P", 15, &["a"], "18.72.01")]);
        let v = report(&[c]).table(TableKind::Violence).clone();
        assert_eq!(v.rows.len(), 8);
        assert_eq!(v.rows[7].code, "siber");
    }

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![5, 1, 3]), Some(3.0));
        assert_eq!(median(vec![4, 1, 2, 10]), Some(3.0));
        assert_eq!(median(vec![1, 2]), Some(1.5));
    }

    #[test]
    fn region_levels_cut_to_kecamatan_and_kabkota() {
        assert_eq!(kecamatan("18.72.01.1001"), Some("18.72.01"));
        assert_eq!(kecamatan("18.72.01"), Some("18.72.01"));
        assert_eq!(kecamatan("18.72"), None);
        assert_eq!(kabkota("18.72.01.1001"), Some("18.72"));
        assert_eq!(kabkota("18.72"), Some("18.72"));
        assert_eq!(kabkota("18"), None);
    }

    #[test]
    fn months_run_back_across_the_new_year() {
        let m = Month::of(d(2026, 2, 14)).last(3);
        assert_eq!(
            m,
            [
                Month {
                    year: 2025,
                    month: 12
                },
                Month {
                    year: 2026,
                    month: 1
                },
                Month {
                    year: 2026,
                    month: 2
                }
            ]
        );
        let t = trend(&m, &[(m[1], 4)]);
        assert_eq!(t.iter().map(|x| x.1).collect::<Vec<_>>(), [0, 4, 0]);
        assert_eq!(last_month(d(2026, 3, 10)), (d(2026, 2, 1), d(2026, 2, 28)));
        assert_eq!(m[0].next(), m[1]);
        assert_eq!(m[2].prev(), m[1]);
    }
}
