//! A fictional office for newcomers (`meja --demo`) and for benchmarks (`meja demo`).
//!
//! Deterministic: the same seed and the same `as_of` date give the same file. The generator
//! is a hand-written SplitMix64 on purpose: a random-number crate may change its streams
//! between versions, and then benchmark databases would silently differ.

use chrono::{DateTime, Duration, Local, NaiveDate, TimeZone};

use crate::domain::agency::{Agency, Week};
use crate::domain::intake::{NewCase, PersonRecord};
use crate::domain::vocab::{self, Vocab};
use crate::error::Result;
use crate::store::Store;
use crate::store::demo::DemoCase;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    fn code(&mut self, v: Vocab) -> String {
        self.pick(v.terms).code.to_string()
    }
}

const WOMEN: &[&str] = &[
    "Siti", "Dewi", "Ayu", "Putri", "Rina", "Nur", "Fitri", "Wulan", "Indah", "Lestari", "Ratna",
    "Sri", "Yuni", "Maya", "Intan", "Anisa", "Dian", "Novi", "Rahma", "Kartika",
];
const MEN: &[&str] = &[
    "Budi", "Agus", "Andi", "Rizki", "Dimas", "Fajar", "Hendra", "Joko", "Eko", "Bayu", "Arif",
    "Yoga", "Rudi", "Wahyu", "Imam", "Dedi", "Ilham", "Reza", "Taufik", "Hadi",
];
const FAMILY: &[&str] = &[
    "Pratama",
    "Saputra",
    "Wijaya",
    "Lestari",
    "Rahayu",
    "Kurniawan",
    "Hidayat",
    "Susanti",
    "Nugroho",
    "Permata",
    "Setiawan",
    "Handayani",
    "Maharani",
    "Gunawan",
    "Anggraini",
];
const STREETS: &[&str] = &[
    "Jl. Melati",
    "Jl. Kenanga",
    "Jl. Merdeka",
    "Jl. Cempaka",
    "Jl. Anggrek",
    "Jl. Sudirman",
    "Gg. Mawar",
    "Jl. Pendidikan",
];
const STAFF: &[&str] = &["ani", "bagus", "citra", "dodi", "erna"];
const CHRONOLOGY: &[&str] = &[
    "Pelapor datang ke kantor dan menceritakan kejadian yang dialami korban.",
    "Korban menceritakan kejadian kepada guru BK, lalu sekolah menghubungi UPTD PPA.",
    "Tetangga mendengar keributan berulang kali dan melapor melalui telepon.",
    "Rujukan dari Unit PPA Polres setelah laporan polisi dibuat.",
    "Korban menerima pesan dan foto tidak pantas melalui media sosial.",
];

fn name(rng: &mut Rng, female: bool) -> String {
    let first = if female {
        rng.pick(WOMEN)
    } else {
        rng.pick(MEN)
    };
    if rng.chance(70) {
        format!("{first} {}", rng.pick(FAMILY))
    } else {
        first.to_string()
    }
}

fn at(date: NaiveDate, minutes: i64) -> DateTime<Local> {
    let naive = date.and_hms_opt(8, 0, 0).expect("08:00 exists") + Duration::minutes(minutes);
    Local
        .from_local_datetime(&naive)
        .earliest()
        .unwrap_or_else(|| Local.from_utc_datetime(&naive))
}

const FLOW: [&str; 5] = [
    "asesmen",
    "rencana",
    "intervensi",
    "pemantauan",
    "terminasi",
];

fn one_case(rng: &mut Rng, opened: NaiveDate, as_of: NaiveDate) -> DemoCase {
    let female = rng.chance(75);
    let child = rng.chance(70);
    let age = if child {
        rng.below(18) as u32
    } else {
        18 + rng.below(50) as u32
    };
    let birth = opened - Duration::days(age as i64 * 365 + rng.below(360) as i64);
    let victim_name = name(rng, female);
    // One of Kota Metro's five kecamatan, shared by the NIK and the address.
    let kec = 1 + rng.below(5);
    let nik = (!child || rng.chance(40)).then(|| {
        let day = birth.format("%d").to_string().parse::<u32>().unwrap_or(1)
            + if female { 40 } else { 0 };
        format!(
            "18720{kec}{day:02}{}{:04}",
            birth.format("%m%y"),
            1 + rng.below(9000)
        )
    });
    let mut violence = vec![rng.code(vocab::VIOLENCE)];
    if rng.chance(30) {
        let more = rng.code(vocab::VIOLENCE);
        if !violence.contains(&more) {
            violence.push(more);
        }
    }
    let risk = rng.code(vocab::RISK);
    let emergency = risk == "tinggi" && rng.chance(30);
    let victim = PersonRecord {
        name: victim_name,
        nik,
        sex: Some(if female { "P" } else { "L" }.into()),
        birth_date: rng.chance(60).then_some(birth),
        age: Some(age),
        address: format!("{} No. {}", rng.pick(STREETS), 1 + rng.below(120)),
        region: Some(format!("18.72.0{kec}")),
        disability: Some(if rng.chance(8) { "fisik" } else { "tidak" }.into()),
        schooling: if child {
            "SD/SMP Negeri (contoh)".into()
        } else {
            String::new()
        },
        guardian: if child {
            name(rng, true)
        } else {
            String::new()
        },
        ampk: if child {
            vec![
                if violence.contains(&"seksual".to_string()) {
                    "j"
                } else {
                    "i"
                }
                .into(),
            ]
        } else {
            vec![]
        },
        ..Default::default()
    };
    let perp_female = !rng.chance(85);
    let reporter_female = rng.chance(60);
    let perp = PersonRecord {
        name: name(rng, perp_female),
        sex: Some(if perp_female { "P" } else { "L" }.into()),
        age: Some(16 + rng.below(50) as u32),
        relation: Some(rng.code(vocab::PERPETRATOR_RELATIONS)),
        ..Default::default()
    };
    let reporter = PersonRecord {
        name: name(rng, reporter_female),
        phone: Some(format!("08{}", 1_000_000_000 + rng.below(8_999_999_999))),
        relation: Some(rng.code(vocab::REPORTER_RELATIONS)),
        ..Default::default()
    };
    let rec = NewCase {
        channel: Some(rng.code(vocab::CHANNELS)),
        reporter_kind: Some("disebut".into()),
        reporter,
        victims: vec![victim],
        perpetrators: vec![perp],
        incident_date: Some(opened - Duration::days(rng.below(14) as i64)),
        incident_time: None,
        place: Some(rng.code(vocab::PLACES)),
        incident_address: String::new(),
        incident_region: Some(format!("18.72.0{kec}")),
        violence,
        chronology: rng.pick(CHRONOLOGY).to_string(),
        risk,
        emergency,
        // The services a front desk asks for: "lainnya" is for imported directories, and
        // leaving it out keeps a seed's cases what they were before it existed.
        services: vec![
            rng.pick(&vocab::SERVICES.terms[..vocab::SERVICES.terms.len() - 1])
                .code
                .to_string(),
        ],
        consent_services: "ya".into(),
        consent_share: Some(if rng.chance(80) { "ya" } else { "tidak" }.into()),
        consent_by: if child {
            "Orang tua (contoh)".into()
        } else {
            "Korban".into()
        },
        consent_relation: Some(if child { "orang_tua" } else { "korban" }.into()),
        consent_withheld: String::new(),
        withhold: if rng.chance(30) {
            vec!["alamat".into(), "telepon".into()]
        } else {
            Vec::new()
        },
    };
    // How far along the cycle the case got: older cases further, most old ones closed.
    let age_days = (as_of - opened).num_days().max(0);
    let reached = if age_days > 120 {
        if rng.chance(99) { 5 } else { 4 }
    } else {
        let base = (age_days / 20).min(4) as usize;
        if rng.chance(35) { 5 } else { base }
    };
    let mut moves = Vec::new();
    let mut when = opened;
    for stage in FLOW.iter().take(reached) {
        let step = 1 + rng.below((age_days as u64 / (reached as u64 + 1)).max(1));
        when = (when + Duration::days(step as i64)).min(as_of);
        moves.push((*stage, at(when, rng.below(480) as i64)));
    }
    let opened_by = rng.pick(STAFF).to_string();
    DemoCase {
        rec,
        opened_at: at(opened, rng.below(480) as i64),
        assigned_to: (reached > 0).then(|| rng.pick(STAFF).to_string()),
        opened_by,
        closure_reason: (reached == 5).then(|| rng.pick(vocab::CLOSURE_REASONS.terms).code),
        moves,
    }
}

/// Kinds of agency with the name stems and services a demo directory gives them.
const AGENCY_KINDS: &[(&str, &str, &[&str])] = &[
    ("Unit PPA Polres", "unit_ppa", &["penegakan_hukum"]),
    ("Polsek", "unit_ppa", &["penegakan_hukum", "pengaduan"]),
    ("Puskesmas", "kesehatan", &["kesehatan"]),
    ("RSUD", "kesehatan", &["kesehatan", "psikologis"]),
    ("LBH", "bantuan_hukum", &["bantuan_hukum"]),
    ("Biro Psikologi", "psikolog", &["psikologis"]),
    ("Rumah Aman", "rumah_aman", &["rumah_aman"]),
    (
        "Dinas Sosial",
        "dinsos",
        &["rehabilitasi_sosial", "reintegrasi_sosial", "pemulangan"],
    ),
    ("Puspaga", "puspaga", &["mediasi", "psikologis"]),
    ("LPA", "lpa", &["penjangkauan", "mediasi"]),
    ("Dukcapil", "dukcapil", &["reintegrasi_sosial"]),
    ("Kejaksaan Negeri", "kejaksaan", &["penegakan_hukum"]),
    ("LKSA", "lksa", &["rehabilitasi_sosial", "tokoh_agama"]),
    ("PATBM", "patbm", &["penjangkauan"]),
];

const AGENCY_NAMES: &[&str] = &[
    "Harapan",
    "Pelangi",
    "Bina Insani",
    "Kasih Ibu",
    "Cahaya",
    "Mentari",
    "Sejahtera",
    "Amanah",
    "Bakti",
    "Nusantara",
    "Melati",
    "Cendana",
    "Permata",
    "Lestari",
];

fn agency(rng: &mut Rng, i: usize) -> Agency {
    let (stem, kind, services) = AGENCY_KINDS[i % AGENCY_KINDS.len()];
    let kec = 1 + rng.below(5);
    let hours = if kind == "kesehatan" && rng.chance(50) {
        "Sen-Min 24 jam"
    } else if rng.chance(70) {
        "Sen-Kam 07.30-16.00; Jum 07.30-16.30"
    } else {
        "Sen-Sab 08.00-14.00"
    };
    Agency {
        source_id: format!("demo-{i}"),
        name: format!(
            "{stem} {} {} (contoh)",
            rng.pick(AGENCY_NAMES),
            1 + i / AGENCY_KINDS.len()
        ),
        kind: kind.into(),
        services: services.iter().map(|s| s.to_string()).collect(),
        areas: vec![if rng.chance(60) {
            "18.72".to_string()
        } else {
            format!("18.72.0{kec}")
        }],
        address: format!(
            "{} No. {} (alamat contoh)",
            rng.pick(STREETS),
            1 + rng.below(200)
        ),
        phones: vec![format!("0725{}", 100_000 + rng.below(899_999))],
        hours: Week::parse(hours).unwrap_or_default(),
        contact: String::new(),
        notes: String::new(),
        example: true,
        ..Default::default()
    }
}

#[derive(Debug, Clone, Copy)]
pub struct DemoOptions {
    pub cases: usize,
    pub agencies: usize,
    pub seed: u64,
    pub as_of: NaiveDate,
}

/// Fills `store` with fictional cases spread over the time before `as_of` (120 days for a
/// small office, up to four years for a large file, so about 5% of a big file is open).
pub fn fill(store: &mut Store, prefix: &str, o: DemoOptions) -> Result<(usize, usize)> {
    let mut rng = Rng(o.seed);
    let span = (o.cases as i64 / 10).clamp(120, 1500);
    let start = o.as_of - Duration::days(span);
    let n = o.cases.max(1) as i64;
    let cases: Vec<DemoCase> = (0..o.cases as i64)
        .map(|i| one_case(&mut rng, start + Duration::days(i * span / n), o.as_of))
        .collect();
    let agencies: Vec<Agency> = (0..o.agencies).map(|i| agency(&mut rng, i)).collect();
    store.insert_demo(prefix, cases, agencies)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stages(store: &Store) -> Vec<(String, i64)> {
        let mut st = store
            .conn()
            .prepare("SELECT stage, count(*) FROM cases GROUP BY stage ORDER BY stage")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    }

    #[test]
    fn the_same_seed_gives_the_same_office() {
        let o = DemoOptions {
            cases: 40,
            agencies: 5,
            seed: 7,
            as_of: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        };
        let mut a = Store::open_in_memory().unwrap();
        let mut b = Store::open_in_memory().unwrap();
        fill(&mut a, "PPA", o).unwrap();
        fill(&mut b, "PPA", o).unwrap();
        let names = |s: &Store| -> Vec<String> {
            let mut st = s
                .conn()
                .prepare("SELECT name FROM persons ORDER BY id")
                .unwrap();
            st.query_map([], |r| r.get(0))
                .unwrap()
                .map(|r| r.unwrap())
                .collect()
        };
        assert_eq!(names(&a), names(&b));
        assert_eq!(stages(&a), stages(&b));
    }

    #[test]
    fn a_small_office_has_cases_in_every_stage_and_valid_niks() {
        let o = DemoOptions {
            cases: 80,
            agencies: 12,
            seed: 1,
            as_of: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        };
        let mut s = Store::open_in_memory().unwrap();
        assert_eq!(fill(&mut s, "PPA", o).unwrap(), (80, 12));
        let found: Vec<String> = stages(&s).into_iter().map(|(st, _)| st).collect();
        for st in vocab::STAGES.terms {
            assert!(
                found.contains(&st.code.to_string()),
                "no case at {}",
                st.code
            );
        }
        let mut q = s
            .conn()
            .prepare("SELECT nik FROM persons WHERE nik IS NOT NULL")
            .unwrap();
        let niks: Vec<String> = q
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert!(!niks.is_empty());
        for n in niks {
            crate::domain::validate::parse_nik(&n).unwrap_or_else(|e| panic!("{n}: {e:?}"));
        }
    }
}
