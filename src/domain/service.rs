//! Services given (layanan diberikan): what SIMFONI-PPA counts, per victim, rather than what
//! triage said was needed.
//!
//! SIMFONI has eight services. The UPTD PPA's own extra services are mapped onto them by one
//! rule (README, "Layanan diberikan"), and are also counted on their own so nothing is hidden:
//! - penjangkauan (outreach) is the field leg of complaint handling → Pengaduan;
//! - penampungan sementara (rumah aman) and pendampingan psikologis are social
//!   rehabilitation in SIMFONI's terms → Rehabilitasi Sosial;
//! - mediasi is a legal-aid service of the UPTD PPA → Bantuan Hukum.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::plan::Doer;
use super::vocab;

/// SIMFONI-PPA's services, in its order.
pub const SIMFONI_SERVICES: [&str; 8] = [
    "pengaduan",
    "kesehatan",
    "bantuan_hukum",
    "penegakan_hukum",
    "rehabilitasi_sosial",
    "reintegrasi_sosial",
    "pemulangan",
    "tokoh_agama",
];

/// The SIMFONI service a meja service is counted under.
pub fn simfoni_service(code: &str) -> Option<&'static str> {
    if let Some(s) = SIMFONI_SERVICES.iter().find(|s| **s == code) {
        return Some(s);
    }
    match code {
        "penjangkauan" => Some("pengaduan"),
        "rumah_aman" | "psikologis" => Some("rehabilitasi_sosial"),
        "mediasi" => Some("bantuan_hukum"),
        _ => None,
    }
}

/// One service given to one victim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceGiven {
    pub id: i64,
    pub date: NaiveDate,
    /// A `vocab::SERVICES` code.
    pub service: String,
    /// The victim (a `persons` row of role korban).
    pub victim_id: i64,
    pub given_by: Doer,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServiceIssue {
    UnknownService,
    DateFuture,
    NoVictim,
}

pub fn check(s: &ServiceGiven, victims: &[i64], today: NaiveDate) -> Vec<ServiceIssue> {
    let mut out = Vec::new();
    if !vocab::SERVICES.contains(&s.service) {
        out.push(ServiceIssue::UnknownService);
    }
    if s.date > today {
        out.push(ServiceIssue::DateFuture);
    }
    if !victims.contains(&s.victim_id) {
        out.push(ServiceIssue::NoVictim);
    }
    out
}

/// The count of victims given each service in `[from, to]`: a victim given one service three
/// times in the month counts once, as SIMFONI counts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GivenCounts {
    /// SIMFONI's eight, in its order, zeros included.
    pub simfoni: Vec<(&'static str, usize)>,
    /// Every meja service given at least once, by its own code (the extras visible).
    pub own: Vec<(String, usize)>,
}

/// Counts victims per service in one pass over (victim, service) rows that arrive grouped by
/// victim (all of one victim's rows together, as `ORDER BY victim_id` gives them). It holds one
/// victim's services at a time, so a report over a year of a busy office stays small.
#[derive(Debug, Default)]
pub struct GivenTally {
    simfoni: [usize; SIMFONI_SERVICES.len()],
    own: BTreeMap<String, usize>,
    victim: Option<i64>,
    /// The current victim's services so far: their SIMFONI rows and their own codes.
    seen_simfoni: [bool; SIMFONI_SERVICES.len()],
    seen_own: Vec<String>,
}

impl GivenTally {
    pub fn add(&mut self, victim: i64, service: &str) {
        if self.victim != Some(victim) {
            self.flush();
            self.victim = Some(victim);
        }
        if let Some(s) = simfoni_service(service)
            && let Some(i) = SIMFONI_SERVICES.iter().position(|x| *x == s)
        {
            self.seen_simfoni[i] = true;
        }
        if !self.seen_own.iter().any(|o| o == service) {
            self.seen_own.push(service.to_string());
        }
    }

    fn flush(&mut self) {
        for (n, seen) in self.simfoni.iter_mut().zip(self.seen_simfoni) {
            *n += usize::from(seen);
        }
        for o in self.seen_own.drain(..) {
            *self.own.entry(o).or_default() += 1;
        }
        self.seen_simfoni = Default::default();
    }

    pub fn finish(mut self) -> GivenCounts {
        self.flush();
        GivenCounts {
            simfoni: SIMFONI_SERVICES.iter().copied().zip(self.simfoni).collect(),
            own: vocab::SERVICES
                .terms
                .iter()
                .filter_map(|t| self.own.get(t.code).map(|n| (t.code.to_string(), *n)))
                .collect(),
        }
    }
}

/// `count_given` over records in memory (a case file, tests): the same counting as the
/// report's stream.
pub fn count_given<'a>(
    given: impl IntoIterator<Item = &'a ServiceGiven>,
    from: NaiveDate,
    to: NaiveDate,
) -> GivenCounts {
    let mut rows: Vec<(i64, &str)> = given
        .into_iter()
        .filter(|g| g.date >= from && g.date <= to)
        .map(|g| (g.victim_id, g.service.as_str()))
        .collect();
    rows.sort_unstable();
    let mut t = GivenTally::default();
    for (victim, service) in rows {
        t.add(victim, service);
    }
    t.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn given(d: u32, service: &str, victim: i64) -> ServiceGiven {
        ServiceGiven {
            id: 0,
            date: day(d),
            service: service.into(),
            victim_id: victim,
            given_by: Doer::Staff("budi".into()),
            note: String::new(),
        }
    }

    #[test]
    fn every_meja_service_counts_under_one_simfoni_service() {
        // "lainnya" (an imported agency's service not mapped yet) has no SIMFONI row: it is
        // counted on its own only.
        for t in vocab::SERVICES.terms.iter().filter(|t| t.code != "lainnya") {
            assert!(simfoni_service(t.code).is_some(), "{}", t.code);
        }
        assert_eq!(simfoni_service("lainnya"), None);
        assert_eq!(simfoni_service("mediasi"), Some("bantuan_hukum"));
        assert_eq!(simfoni_service("tidak-ada"), None);
    }

    #[test]
    fn victims_are_counted_once_per_service_in_the_period() {
        // Hand-counted: victim 1 gets kesehatan twice and psikologis once; victim 2 gets
        // rumah aman; victim 3 gets kesehatan on 1 December (outside November).
        let g = [
            given(3, "kesehatan", 1),
            given(17, "kesehatan", 1),
            given(4, "psikologis", 1),
            given(9, "rumah_aman", 2),
            given(30, "pengaduan", 2),
        ];
        let dec = ServiceGiven {
            date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            ..given(1, "kesehatan", 3)
        };
        let c = count_given(g.iter().chain([&dec]), day(1), day(30));
        let get = |s: &str| c.simfoni.iter().find(|(k, _)| *k == s).unwrap().1;
        assert_eq!(get("kesehatan"), 1);
        // Psikologis (victim 1) and rumah aman (victim 2) are both social rehabilitation.
        assert_eq!(get("rehabilitasi_sosial"), 2);
        assert_eq!(get("pengaduan"), 1);
        assert_eq!(get("pemulangan"), 0);
        assert_eq!(c.simfoni.len(), 8);
        assert_eq!(
            c.own,
            vec![
                ("pengaduan".to_string(), 1),
                ("kesehatan".to_string(), 1),
                ("rumah_aman".to_string(), 1),
                ("psikologis".to_string(), 1),
            ]
        );
    }

    #[test]
    fn a_service_needs_a_known_code_a_past_date_and_a_victim_of_the_case() {
        let s = given(20, "pijat", 9);
        assert_eq!(
            check(&s, &[1, 2], day(10)),
            vec![
                ServiceIssue::UnknownService,
                ServiceIssue::DateFuture,
                ServiceIssue::NoVictim
            ]
        );
        assert!(check(&given(10, "kesehatan", 1), &[1], day(10)).is_empty());
    }
}
