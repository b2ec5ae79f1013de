//! A fictional office for newcomers (`meja --demo`) and for benchmarks (`meja demo`).
//!
//! Deterministic: the same seed and the same `as_of` date give the same file. The generator
//! is a hand-written SplitMix64 on purpose: a random-number crate may change its streams
//! between versions, and then benchmark databases would silently differ.

use std::cell::RefCell;

use chrono::{DateTime, Duration, Local, NaiveDate, TimeZone};

use crate::domain::agency::{Agency, Week};
use crate::domain::intake::{NewCase, PersonRecord};
use crate::domain::roughdate::RoughDate;
use crate::domain::vocab::{self, Vocab};
use crate::error::Result;
use crate::store::Store;
use crate::store::demo::{DemoCase, DemoRecords};

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

// The lists the demo drew from before SIMFONI's extra codes were added (issue 18): the same
// seed keeps making the same office, so screens and figures from it stay comparable.
const DEMO_CHANNELS: &[&str] = &[
    "datang",
    "telepon",
    "pesan",
    "rujukan_polisi",
    "rujukan_sekolah",
    "rujukan_faskes",
    "rujukan_lain",
    "penjangkauan",
    "lainnya",
];
const DEMO_PLACES: &[&str] = &[
    "rumah_tangga",
    "tempat_kerja",
    "sekolah",
    "fasilitas_umum",
    "daring",
    "lainnya",
];
const DEMO_RELATIONS: &[&str] = &[
    "orang_tua",
    "keluarga",
    "suami_istri",
    "tetangga",
    "pacar_teman",
    "guru",
    "majikan",
    "rekan_kerja",
    "lainnya",
    "tidak_dikenal",
];

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

/// The records after intake a demo case has by the stages it reached: an assessment once
/// assessed, a plan once planned (approved once services began), services given, follow-ups,
/// and a closure evaluation when closed. Drawn from a stream of their own (`seed` per case),
/// so adding them left the cases themselves, and every benchmark database, as they were.
fn after_intake(seed: u64, c: &DemoCase, as_of: NaiveDate) -> DemoRecords {
    let mut rng = Rng(seed ^ 0xA5A5_5A5A_DEAD_BEEF);
    let reached = |stage: &str| c.moves.iter().find(|(s, _)| *s == stage).map(|(_, w)| *w);
    let who = c.assigned_to.clone().unwrap_or_else(|| c.opened_by.clone());
    let mut r = DemoRecords::default();
    let Some(assessed) = reached("asesmen") else {
        return r;
    };
    let day = |t: DateTime<Local>| t.date_naive();
    let partner = c
        .rec
        .perpetrators
        .iter()
        .any(|p| matches!(p.relation.as_deref(), Some("suami_istri" | "pacar_teman")));
    let danger_yes: Vec<String> = if partner {
        crate::domain::assessment::DANGER_ITEMS
            .iter()
            .filter(|_| rng.chance(15))
            .map(|s| s.to_string())
            .collect()
    } else {
        Vec::new()
    };
    r.assessment = Some(crate::domain::assessment::Assessment {
        date: Some(day(assessed)),
        physical: rng.pick(DEMO_PHYSICAL).to_string(),
        psychological: rng.pick(DEMO_PSYCH).to_string(),
        social: rng.pick(DEMO_SOCIAL).to_string(),
        spiritual: String::new(),
        needs_hopes: rng.pick(DEMO_HOPES).to_string(),
        risk: c.rec.risk.clone(),
        danger_asked: partner,
        safety_plan: crate::domain::assessment::SafetyPlan {
            safe_contact: if danger_yes.is_empty() {
                String::new()
            } else {
                "Kakak kandung (contoh)".into()
            },
            ..Default::default()
        },
        danger_yes,
    });
    let Some(planned) = reached("rencana") else {
        return r;
    };
    let started = reached("intervensi");
    for (i, service) in c
        .rec
        .services
        .iter()
        .chain(["psikologis".to_string()].iter())
        .enumerate()
    {
        let due = day(planned) + Duration::days(7 + 7 * i as i64 + rng.below(14) as i64);
        let status = match started {
            Some(_) if due < as_of || rng.chance(40) => crate::domain::plan::ActionStatus::Selesai,
            Some(_) => crate::domain::plan::ActionStatus::Berjalan,
            None => crate::domain::plan::ActionStatus::Rencana,
        };
        r.actions.push(crate::domain::plan::PlanAction {
            id: 0,
            goal: format!("Korban mendapat layanan {}", service.replace('_', " ")),
            service: service.clone(),
            doer: crate::domain::plan::Doer::Staff(who.clone()),
            due: Some(due),
            status,
            reason: String::new(),
        });
    }
    r.plan_approved = started.is_some() || rng.chance(50);
    r.plan_requested = !r.plan_approved;
    let Some(started) = started else {
        return r;
    };
    for a in r
        .actions
        .iter()
        .filter(|a| a.status == crate::domain::plan::ActionStatus::Selesai)
    {
        let date = a.due.unwrap_or(day(started)).min(as_of);
        r.services.push((date, a.service.clone(), who.clone()));
    }
    if let Some(monitored) = reached("pemantauan") {
        let date = day(monitored);
        let next = date + Duration::days(14 + rng.below(30) as i64);
        let closed = reached("terminasi").is_some();
        r.follow_ups.push(crate::domain::followup::FollowUp {
            id: 0,
            date,
            kind: rng.pick(&crate::domain::followup::KINDS).to_string(),
            findings: rng.pick(DEMO_FINDINGS).to_string(),
            next: (!closed).then_some(next),
        });
    }
    if reached("terminasi").is_some() {
        r.satisfaction = Some(if rng.chance(10) {
            0
        } else {
            2 + rng.below(3) as u8
        });
    }
    r
}

/// The legal side of a demo case that was assessed, from a stream of its own (so the cases
/// and their other records stay as they were): a qualification matching the violence, the
/// victim and the relation; for TPKS and high-risk cases in intervention a police report
/// (and a visum for bodily harm); for cases followed up a hearing — about a third of the open
/// ones with the next hearing within two weeks, so the board's hearing mark shows — and a
/// verdict for some closed ones; and on a spouse-only PKDRT case that is not TPKS, now and
/// then, a mediation: assessment, session, agreement with its follow-up date.
fn legal_side(seed: u64, c: &mut DemoCase, as_of: NaiveDate) {
    use crate::domain::legal::{Detail, Matter, NewEvent, Step};
    let mut rng = Rng(seed ^ 0x1E6A_15DE_C0DE_F00D);
    let reached = |stage: &str| {
        c.moves
            .iter()
            .find(|(s, _)| *s == stage)
            .map(|(_, w)| w.date_naive())
    };
    let Some(assessed) = reached("asesmen") else {
        return;
    };
    let (started, monitored, closed) = (
        reached("intervensi"),
        reached("pemantauan"),
        reached("terminasi"),
    );
    let has = |v: &str| c.rec.violence.iter().any(|x| x == v);
    let child = c
        .rec
        .victims
        .first()
        .and_then(|v| v.age)
        .is_some_and(|a| a < 18);
    let spouse = !c.rec.perpetrators.is_empty()
        && c.rec
            .perpetrators
            .iter()
            .all(|p| p.relation.as_deref() == Some("suami_istri"));
    let mut q: Vec<String> = Vec::new();
    if has("seksual") {
        let kind = if c.rec.place.as_deref() == Some("daring") {
            "tpks_ksbe"
        } else if spouse {
            "tpks_kdrt_seksual"
        } else if child {
            rng.pick(&["tpks_perkosaan", "tpks_cabul", "tpks_pelecehan_fisik"])
        } else {
            rng.pick(&[
                "tpks_pelecehan_fisik",
                "tpks_perkosaan",
                "tpks_belum_diketahui",
            ])
        };
        q.push(kind.into());
    }
    if spouse {
        for (v, code) in [
            ("fisik", "pkdrt_fisik"),
            ("psikis", "pkdrt_psikis"),
            ("penelantaran", "pkdrt_penelantaran"),
        ] {
            if has(v) {
                q.push(code.into());
            }
        }
    }
    if has("eksploitasi") || has("trafficking") {
        q.push("tppo".into());
    }
    if child {
        q.push("uu_pa".into());
    }
    let tpks = crate::domain::law::is_tpks(&q);
    let r = &mut c.records;
    r.qualifications = q;
    let event = |date: NaiveDate, detail| NewEvent {
        date: date.min(as_of),
        detail,
        next: None,
        note: String::new(),
    };
    let Some(started) = started else {
        return;
    };
    if tpks || c.rec.risk == "tinggi" || rng.chance(30) {
        let reported = (assessed + Duration::days(rng.below(3) as i64)).min(started);
        r.legal_events.push(event(
            reported,
            Detail::LaporanPolisi {
                unit: rng
                    .pick(&["Unit PPA Polres Metro", "Polsek Metro Pusat"])
                    .to_string(),
                number: format!(
                    "LP/B/{}/{}/SPKT/POLRES METRO (contoh)",
                    100 + rng.below(800),
                    reported.format("%Y")
                ),
                investigator: rng
                    .pick(&["Bripka Sari (contoh)", "Aipda Rudi (contoh)"])
                    .to_string(),
                time: None,
            },
        ));
        if has("fisik") || has("seksual") {
            r.legal_events.push(event(
                reported + Duration::days(1),
                Detail::Visum {
                    hospital: "RSUD Jend. Ahmad Yani (contoh)".into(),
                    result_received: monitored.is_some(),
                },
            ));
        }
        if let Some(monitored) = monitored {
            let held = if closed.is_none() && rng.chance(35) {
                // An open case with a hearing ahead: within the board's week for some.
                (as_of - Duration::days(1 + rng.below(7) as i64)).max(monitored)
            } else {
                monitored
            };
            let next = (closed.is_none()).then(|| as_of + Duration::days(1 + rng.below(14) as i64));
            r.legal_events.push(event(
                held,
                Detail::Sidang {
                    court: "Pengadilan Negeri Metro (contoh)".into(),
                    case_number: format!(
                        "{}/Pid.Sus/{}/PN Met",
                        10 + rng.below(90),
                        held.format("%Y")
                    ),
                    what_happened: rng
                        .pick(&[
                            "Pembacaan dakwaan (contoh).",
                            "Pemeriksaan saksi korban (contoh).",
                        ])
                        .to_string(),
                    accompanied_by: c.assigned_to.clone().unwrap_or_default(),
                    next_hearing: next.filter(|n| *n > held),
                },
            ));
            if let Some(closed) = closed
                && rng.chance(50)
            {
                r.legal_events.push(event(
                    closed,
                    Detail::Putusan {
                        sentence: "Pidana penjara 4 tahun (contoh).".into(),
                    },
                ));
            }
        }
    }
    if spouse && !tpks && rng.chance(40) {
        let who = c.assigned_to.clone().unwrap_or_else(|| c.opened_by.clone());
        r.mediation.push((
            started,
            Step::Asesmen {
                matter: Matter::Perdata,
                free_decision: true,
                assessed_by: format!("{who} (pekerja sosial)"),
                note: "Soal nafkah anak (contoh).".into(),
            },
        ));
        let session = (started + Duration::days(3)).min(as_of);
        r.mediation.push((
            session,
            Step::Sesi {
                attended: "Korban, suami, mediator (contoh)".into(),
                result: "Sepakat soal nafkah bulanan (contoh).".into(),
            },
        ));
        r.mediation.push((
            session,
            Step::Kesepakatan {
                points: "Nafkah Rp1.500.000 per bulan, dibayar tiap tanggal 5 (contoh).".into(),
                follow_up: Some((session + Duration::days(30)).max(as_of + Duration::days(1))),
            },
        ));
    }
}

const DEMO_PHYSICAL: &[&str] = &[
    "Memar di lengan, sudah diperiksa dokter (contoh).",
    "Tidak tampak luka fisik (contoh).",
    "Nyeri di punggung, perlu visum (contoh).",
];
const DEMO_PSYCH: &[&str] = &[
    "Sulit tidur dan mudah terkejut (contoh).",
    "Menarik diri, tidak mau bercerita kepada keluarga (contoh).",
    "Cemas bila bertemu terlapor (contoh).",
];
const DEMO_SOCIAL: &[&str] = &[
    "Tinggal bersama ibu; ekonomi keluarga bergantung pada terlapor (contoh).",
    "Tidak masuk sekolah dua minggu (contoh).",
    "Didukung keluarga besar (contoh).",
];
const DEMO_HOPES: &[&str] = &[
    "Ingin merasa aman di rumah (contoh).",
    "Ingin tetap sekolah (contoh).",
    "Ingin terlapor diproses hukum (contoh).",
];
const DEMO_FINDINGS: &[&str] = &[
    "Korban sudah kembali sekolah (contoh).",
    "Kondisi membaik, masih perlu konseling (contoh).",
    "Keluarga mendukung, tidak ada ancaman baru (contoh).",
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
        // SIMFONI's fields follow from what was drawn, without drawing more: the same seed
        // keeps making the same cases.
        education: child.then(|| {
            match age {
                0..=5 => "paud_tk",
                6..=12 => "sd",
                13..=15 => "sltp",
                _ => "slta",
            }
            .to_string()
        }),
        occupation: child.then(|| "pelajar".to_string()),
        marital: child.then(|| "belum_menikah".to_string()),
        nationality: Some("wni".into()),
        ..Default::default()
    };
    let perp_female = !rng.chance(85);
    let reporter_female = rng.chance(60);
    let perp = PersonRecord {
        name: name(rng, perp_female),
        sex: Some(if perp_female { "P" } else { "L" }.into()),
        age: Some(16 + rng.below(50) as u32),
        relation: Some(rng.pick(DEMO_RELATIONS).to_string()),
        ..Default::default()
    };
    let reporter = PersonRecord {
        name: name(rng, reporter_female),
        phone: Some(format!("08{}", 1_000_000_000 + rng.below(8_999_999_999))),
        relation: Some(rng.code(vocab::REPORTER_RELATIONS)),
        ..Default::default()
    };
    let rec = NewCase {
        channel: Some(rng.pick(DEMO_CHANNELS).to_string()),
        reporter_kind: Some("disebut".into()),
        reporter,
        victims: vec![victim],
        perpetrators: vec![perp],
        incident_date: Some(RoughDate::Day(
            opened - Duration::days(rng.below(14) as i64),
        )),
        incident_ongoing: None,
        incident_time: None,
        place: Some(rng.pick(DEMO_PLACES).to_string()),
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
        case_kind: None,
        authority: Some("daerah".into()),
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
        records: DemoRecords::default(),
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
    // Cases and agencies are made as they are written, never all at once: a million cases
    // held in a Vec took 6 GB. One generator serves both, in the order `insert_demo` asks
    // (every case, then every agency), so a seed still gives the same office.
    let rng = RefCell::new(Rng(o.seed));
    let span = (o.cases as i64 / 10).clamp(120, 1500);
    let start = o.as_of - Duration::days(span);
    let n = o.cases.max(1) as i64;
    let cases = (0..o.cases as i64).map(|i| {
        let opened = start + Duration::days(i * span / n);
        let mut c = one_case(&mut rng.borrow_mut(), opened, o.as_of);
        c.records = after_intake(o.seed.wrapping_add(i as u64), &c, o.as_of);
        legal_side(o.seed.wrapping_add(i as u64), &mut c, o.as_of);
        c
    });
    let agencies = (0..o.agencies).map(|i| agency(&mut rng.borrow_mut(), i));
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
    fn demo_cases_carry_the_records_of_the_stages_they_reached() {
        let o = DemoOptions {
            cases: 200,
            agencies: 5,
            seed: 3,
            as_of: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        };
        let mut s = Store::open_in_memory().unwrap();
        fill(&mut s, "PPA", o).unwrap();
        let n = |sql: &str| -> i64 { s.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
        // Every case past intake was assessed; none still at intake was.
        assert_eq!(
            n("SELECT count(*) FROM cases c WHERE stage != 'pengaduan'
               AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.case_id = c.id)"),
            0
        );
        assert_eq!(
            n(
                "SELECT count(*) FROM assessments a JOIN cases c ON c.id = a.case_id
               WHERE c.stage = 'pengaduan'"
            ),
            0
        );
        // Services began only on an approved plan, and were given to a victim of the case.
        assert_eq!(
            n(
                "SELECT count(*) FROM cases c WHERE stage IN ('intervensi', 'pemantauan')
               AND NOT EXISTS (SELECT 1 FROM plans p WHERE p.case_id = c.id
                               AND p.approval = 'disetujui')"
            ),
            0
        );
        assert_eq!(
            n(
                "SELECT count(*) FROM services_given g JOIN persons p ON p.id = g.victim_id
               WHERE p.case_id != g.case_id OR p.role != 'korban'"
            ),
            0
        );
        assert!(n("SELECT count(*) FROM services_given") > 0);
        assert!(n("SELECT count(*) FROM follow_ups") > 0);
        assert!(n("SELECT count(*) FROM closures") > 0);
    }

    #[test]
    fn demo_cases_carry_a_legal_side_that_the_law_would_allow() {
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let o = DemoOptions {
            cases: 400,
            agencies: 5,
            seed: 7,
            as_of,
        };
        let mut s = Store::open_in_memory().unwrap();
        fill(&mut s, "PPA", o).unwrap();
        let n = |sql: &str| -> i64 { s.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
        // Qualified as the violence says: every assessed sexual-violence case has its TPKS kind.
        assert!(n("SELECT count(*) FROM legal_qualifications") > 0);
        assert_eq!(
            n("SELECT count(*) FROM cases c WHERE stage != 'pengaduan'
               AND EXISTS (SELECT 1 FROM codes k WHERE k.case_id = c.id
                           AND k.vocab = 'jenis_kekerasan' AND k.code = 'seksual')
               AND NOT EXISTS (SELECT 1 FROM legal_qualifications q
                               WHERE q.case_id = c.id AND q.code LIKE 'tpks%')"),
            0
        );
        assert!(n("SELECT count(*) FROM legal_events WHERE kind = 'laporan_polisi'") > 0);
        // No legal event dated after the demo's day; next dates may lie ahead.
        assert_eq!(
            n("SELECT count(*) FROM legal_events WHERE date > '2026-11-23'"),
            0
        );
        // Some open cases have a hearing this week, so the board's mark shows.
        let week = as_of + Duration::days(crate::domain::legal::HEARING_SOON_DAYS);
        let soon = s
            .legal_due(week)
            .unwrap()
            .iter()
            .filter(|c| {
                c.pending.iter().any(|(k, d)| {
                    *k == crate::domain::legal::EventKind::Sidang && *d >= as_of && *d <= week
                })
            })
            .count();
        assert!(soon > 0, "a hearing within the week");
        // Mediation only where the law allows it: never on a TPKS case, always assessed first.
        assert!(n("SELECT count(*) FROM mediation_records WHERE step = 'kesepakatan'") > 0);
        assert_eq!(
            n("SELECT count(*) FROM mediation_records m WHERE EXISTS
               (SELECT 1 FROM legal_qualifications q WHERE q.case_id = m.case_id
                AND q.code LIKE 'tpks%')"),
            0
        );
        for id in 1..=400 {
            let r = s.mediation_records(id).unwrap();
            if let Some(first) = r.first() {
                assert!(crate::domain::legal::eligible(&first.step), "case {id}");
            }
        }
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
