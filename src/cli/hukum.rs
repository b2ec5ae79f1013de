//! `meja hukum`: the legal side of a case on the command line — its qualification, the law's
//! clocks and checklist, the legal process (police, visum, hearings, verdict, restitution,
//! LPSK) and mediation where the law allows it. Recording is for the case's manager and the
//! supervisor; anyone signed in may read, and each reading is in the access log.

use chrono::{Local, NaiveDate, NaiveTime};
use clap::{Args, Subcommand};

use super::Env;
use super::report::parse_cli_date;
use crate::domain::access::AccessKind;
use crate::domain::case::Permission;
use crate::domain::legal::{self, Detail, EventKind, Matter, NewEvent, QualificationIssue, Step};
use crate::domain::staff::Actor;
use crate::domain::text::clean_line;
use crate::domain::vocab;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};
use crate::io::legal::{event_issue, mediation_issue};
use crate::store::Store;

#[derive(Subcommand)]
pub enum HukumAction {
    /// Kualifikasi, batas waktu, daftar periksa, proses hukum, mediasi / a case's legal side
    Show { case: String },
    /// Kode kualifikasi hukum / the legal qualification codes
    Codes,
    /// Tetapkan kualifikasi hukum (menggantikan yang lama) / set the legal qualification
    Qualify {
        case: String,
        #[arg(required = true, value_name = "CODE")]
        codes: Vec<String>,
    },
    /// Catat peristiwa hukum / record a legal event:
    /// laporan_polisi visum bap perlindungan pelimpahan sidang putusan restitusi lpsk
    Event {
        case: String,
        kind: String,
        #[command(flatten)]
        fields: Box<EventFields>,
    },
    /// Centang: korban diberi tahu hak restitusi dan LPSK / tick: victim told of restitution
    Told {
        case: String,
        /// Tanggal (hari-bulan-tahun) [default: hari ini] / date, day first [default: today]
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
    },
    /// Catat permintaan penghapusan konten (KSBE) / record a content take-down request
    Takedown {
        case: String,
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// Korban ke berapa (1, 2, …) / which victim
        #[arg(long, default_value_t = 1)]
        victim: usize,
    },
    /// Catat mediasi / record mediation: asesmen sesi kesepakatan tinjauan
    Mediation {
        case: String,
        step: String,
        #[command(flatten)]
        fields: Box<MediationFields>,
    },
}

#[derive(Args, Default)]
pub struct EventFields {
    /// Tanggal peristiwa / the event's date
    #[arg(long, value_name = "DATE")]
    date: String,
    /// Tanggal berikutnya untuk daftar tugas / a next date for the due list
    #[arg(long, value_name = "DATE")]
    next: Option<String>,
    #[arg(long, default_value = "")]
    note: String,
    /// laporan_polisi: Unit PPA Polres / Polsek
    #[arg(long, default_value = "")]
    unit: String,
    /// laporan_polisi: nomor laporan / report number
    #[arg(long, default_value = "")]
    number: String,
    /// laporan_polisi: penyidik / investigator
    #[arg(long, default_value = "")]
    investigator: String,
    /// laporan_polisi: jam / time (14:30)
    #[arg(long, value_name = "HH:MM")]
    time: Option<String>,
    /// visum: rumah sakit / hospital
    #[arg(long, default_value = "")]
    hospital: String,
    /// visum: hasil sudah diterima / result received
    #[arg(long)]
    result_received: bool,
    /// bap, sidang: didampingi oleh / accompanied by
    #[arg(long = "with", default_value = "")]
    accompanied_by: String,
    /// perlindungan: dari / from
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// perlindungan: sampai / to
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// pelimpahan: berkas lengkap (P21) / file complete (P21)
    #[arg(long)]
    p21: bool,
    /// sidang: pengadilan / court
    #[arg(long, default_value = "")]
    court: String,
    /// sidang: nomor perkara / case number
    #[arg(long, default_value = "")]
    case_number: String,
    /// sidang: apa yang terjadi / what happened
    #[arg(long, default_value = "")]
    what: String,
    /// sidang: sidang berikutnya / next hearing
    #[arg(long, value_name = "DATE")]
    next_hearing: Option<String>,
    /// putusan: amar / sentence
    #[arg(long, default_value = "")]
    sentence: String,
    /// restitusi: diminta / asked
    #[arg(long)]
    asked: bool,
    /// restitusi: jumlah (rupiah) / amount
    #[arg(long)]
    amount: Option<u64>,
    /// restitusi: diputus / decided
    #[arg(long)]
    decided: bool,
    /// restitusi: dibayar paling lambat / to be paid by
    #[arg(long, value_name = "DATE")]
    paid_by: Option<String>,
    /// restitusi: sudah dibayar / paid
    #[arg(long)]
    paid: bool,
    /// lpsk: keputusan / decision
    #[arg(long, default_value = "")]
    decision: String,
}

#[derive(Args, Default)]
pub struct MediationFields {
    #[arg(long, value_name = "DATE")]
    date: String,
    /// asesmen: perdata | delik_aduan | lainnya
    #[arg(long)]
    matter: Option<String>,
    /// asesmen: korban dapat memutuskan dengan bebas / the victim can decide freely
    #[arg(long)]
    free_decision: bool,
    /// asesmen: yang menilai / who assessed
    #[arg(long, default_value = "")]
    assessed_by: String,
    /// sesi: yang hadir / who attended
    #[arg(long, default_value = "")]
    attended: String,
    /// sesi: hasil / result
    #[arg(long, default_value = "")]
    result: String,
    /// kesepakatan: butir kesepakatan / the points agreed
    #[arg(long, default_value = "")]
    points: String,
    /// kesepakatan, tinjauan: tanggal pemeriksaan berikutnya / next check
    #[arg(long, value_name = "DATE")]
    follow_up: Option<String>,
    /// tinjauan: kesepakatan ditepati / the agreement was kept
    #[arg(long)]
    kept: bool,
    #[arg(long, default_value = "")]
    note: String,
}

fn forbidden(actor: &Actor, lang: Lang) -> Error {
    let role = vocab::ROLES.label(actor.role.code(), lang);
    Error::new(Msg::ErrRoleForbids, &[&role])
}

/// Signs in, finds the case and, to record, checks the actor may record on it.
fn open(
    env: &Env,
    case: &str,
    record: bool,
) -> Result<(Store, Actor, i64, String, crate::config::Config, Lang)> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let mut store = Store::open(&env.db_path()?)?;
    let me = env.actor(&mut store, &config, Permission::OpenIntake)?;
    let id = store
        .find_case_number(case)?
        .ok_or_else(|| Error::new(Msg::ErrCaseNotFound, &[&case]))?;
    let card = store
        .cards(&[id])?
        .into_iter()
        .next()
        .ok_or_else(|| Error::new(Msg::ErrCaseNotFound, &[&case]))?;
    if record && !me.may(Permission::RecordLegal, card.assigned_to.as_deref()) {
        return Err(forbidden(&me, lang));
    }
    Ok((store, me, id, card.number, config, lang))
}

fn opt_date(flag: &str, s: &Option<String>) -> Result<Option<NaiveDate>> {
    s.as_deref().map(|s| parse_cli_date(flag, s)).transpose()
}

fn day_or_today(s: &Option<String>) -> Result<NaiveDate> {
    Ok(opt_date("--date", s)?.unwrap_or_else(|| Local::now().date_naive()))
}

/// `meja hukum codes`.
pub fn run_codes(env: &Env) -> Result<String> {
    let lang = env.lang(env.config().ok().as_ref());
    let mut out = vec![Msg::HkCodes.get(lang).to_string()];
    for t in vocab::LEGAL_BASIS.terms {
        out.push(format!("  {:<28} {}", t.code, t.label(lang)));
    }
    Ok(out.join("\n"))
}

/// `meja hukum qualify CASE CODE...`.
pub fn run_qualify(env: &Env, case: &str, codes: &[String]) -> Result<String> {
    let (mut store, me, id, number, _, lang) = open(env, case, true)?;
    let mut codes: Vec<String> = codes.iter().map(|c| c.trim().to_lowercase()).collect();
    codes.dedup();
    match store.set_legal_qualifications(id, &codes, &me.username, Local::now())? {
        Ok(()) => {
            let labels: Vec<&str> = store
                .legal_qualifications(id)?
                .iter()
                .map(|c| vocab::LEGAL_BASIS.get(c).map_or("?", |t| t.label(lang)))
                .collect();
            Ok(fill(
                Msg::HkQualSaved.get(lang),
                &[&number, &labels.join("; ")],
            ))
        }
        Err(issues) => Err(match &issues[0] {
            QualificationIssue::UnknownCode(c) => Error::new(Msg::ErrHkQualUnknown, &[c]),
            QualificationIssue::SexualNeedsTpksKind => Error::new(Msg::ErrHkNeedsTpks, &[]),
        }),
    }
}

/// The first issue, as the error; every issue is on its own line after it.
fn issues_error(msgs: Vec<Msg>, lang: Lang) -> Error {
    let rest: Vec<&str> = msgs[1..].iter().map(|m| m.get(lang)).collect();
    if rest.is_empty() {
        Error::new(msgs[0], &[])
    } else {
        Error::new(Msg::ErrHkMany, &[&msgs[0].get(lang), &rest.join("; ")])
    }
}

fn detail(kind: EventKind, f: &EventFields) -> Result<Detail> {
    let clean = |s: &str| clean_line(s.trim());
    let need = |flag: &str, d: Option<NaiveDate>| {
        d.ok_or_else(|| Error::new(Msg::ErrHkFlagNeeded, &[&flag, &kind.code()]))
    };
    Ok(match kind {
        EventKind::LaporanPolisi => Detail::LaporanPolisi {
            unit: clean(&f.unit),
            number: clean(&f.number),
            investigator: clean(&f.investigator),
            time: match &f.time {
                None => None,
                Some(t) => Some(
                    NaiveTime::parse_from_str(t.trim(), "%H:%M")
                        .or_else(|_| NaiveTime::parse_from_str(t.trim(), "%H.%M"))
                        .map_err(|_| Error::new(Msg::ErrHkTime, &[t]))?,
                ),
            },
        },
        EventKind::Visum => Detail::Visum {
            hospital: clean(&f.hospital),
            result_received: f.result_received,
        },
        EventKind::Bap => Detail::Bap {
            accompanied_by: clean(&f.accompanied_by),
        },
        EventKind::Perlindungan => Detail::Perlindungan {
            from: need("--from", opt_date("--from", &f.from)?)?,
            to: need("--to", opt_date("--to", &f.to)?)?,
        },
        EventKind::Pelimpahan => Detail::Pelimpahan { p21: f.p21 },
        EventKind::Sidang => Detail::Sidang {
            court: clean(&f.court),
            case_number: clean(&f.case_number),
            what_happened: clean(&f.what),
            accompanied_by: clean(&f.accompanied_by),
            next_hearing: opt_date("--next-hearing", &f.next_hearing)?,
        },
        EventKind::Putusan => Detail::Putusan {
            sentence: clean(&f.sentence),
        },
        EventKind::Restitusi => Detail::Restitusi {
            asked: f.asked,
            amount: f.amount,
            decided: f.decided,
            paid_by: opt_date("--paid-by", &f.paid_by)?,
            paid: f.paid,
        },
        EventKind::Lpsk => Detail::Lpsk {
            decision: clean(&f.decision),
        },
    })
}

/// `meja hukum event CASE KIND --date D …`.
pub fn run_event(env: &Env, case: &str, kind: &str, f: &EventFields) -> Result<String> {
    let lang = env.lang(env.config().ok().as_ref());
    let codes: Vec<&str> = EventKind::ALL.iter().map(|k| k.code()).collect();
    let kind = EventKind::from_code(&kind.trim().to_lowercase().replace('-', "_"))
        .ok_or_else(|| Error::new(Msg::ErrHkKind, &[&kind, &codes.join(", ")]))?;
    let e = NewEvent {
        date: parse_cli_date("--date", &f.date)?,
        detail: detail(kind, f)?,
        next: opt_date("--next", &f.next)?,
        note: clean_line(f.note.trim()),
    };
    let (mut store, me, id, number, _, _) = open(env, case, true)?;
    match store.add_legal_event(id, &e, &me.username, Local::now())? {
        Ok(_) => Ok(fill(
            Msg::HkEventSaved.get(lang),
            &[&vocab::LEGAL_EVENTS.label(kind.code(), lang), &number],
        )),
        Err(issues) => Err(issues_error(
            issues.into_iter().map(event_issue).collect(),
            lang,
        )),
    }
}

/// `meja hukum told CASE [--date D]`.
pub fn run_told(env: &Env, case: &str, date: &Option<String>) -> Result<String> {
    let day = day_or_today(date)?;
    let (mut store, me, id, number, _, lang) = open(env, case, true)?;
    let item = legal::TOLD_RESTITUTION_LPSK;
    let label = vocab::LEGAL_CHECKLIST.label(item, lang);
    if store.tick_legal_checklist(id, item, day, &me.username, Local::now())? {
        Ok(fill(Msg::HkTicked.get(lang), &[&number, &label]))
    } else {
        Ok(fill(Msg::HkAlreadyTicked.get(lang), &[&label]))
    }
}

/// `meja hukum takedown CASE [--date D] [--victim N]`.
pub fn run_takedown(env: &Env, case: &str, date: &Option<String>, victim: usize) -> Result<String> {
    let day = day_or_today(date)?;
    let (mut store, me, id, number, _, lang) = open(env, case, true)?;
    let victims = store.victim_ids(id)?;
    let victim_id = victim
        .checked_sub(1)
        .and_then(|i| victims.get(i))
        .copied()
        .ok_or_else(|| Error::new(Msg::ErrHkVictim, &[&victim]))?;
    let note = Msg::HkTakedownNote.get(lang);
    match store.request_takedown(id, victim_id, day, note, &me.username, Local::now())? {
        Ok(_) => Ok(fill(Msg::HkTakedownSaved.get(lang), &[&number])),
        Err(_) => Err(Error::new(Msg::ErrHkDateFuture, &[])),
    }
}

/// `meja hukum mediation CASE STEP --date D …`.
pub fn run_mediation(env: &Env, case: &str, step: &str, f: &MediationFields) -> Result<String> {
    let lang = env.lang(env.config().ok().as_ref());
    let clean = |s: &str| clean_line(s.trim());
    let follow_up = opt_date("--follow-up", &f.follow_up)?;
    let step = match step.trim().to_lowercase().as_str() {
        "asesmen" => {
            let m = f.matter.as_deref().unwrap_or("");
            Step::Asesmen {
                matter: Matter::from_code(m.trim())
                    .ok_or_else(|| Error::new(Msg::ErrHkMatter, &[&m]))?,
                free_decision: f.free_decision,
                assessed_by: clean(&f.assessed_by),
                note: clean(&f.note),
            }
        }
        "sesi" => Step::Sesi {
            attended: clean(&f.attended),
            result: clean(&f.result),
        },
        "kesepakatan" => Step::Kesepakatan {
            points: clean(&f.points),
            follow_up,
        },
        "tinjauan" => Step::Tinjauan {
            kept: f.kept,
            note: clean(&f.note),
            next: follow_up,
        },
        other => {
            let codes: Vec<&str> = vocab::MEDIATION_STEPS
                .terms
                .iter()
                .map(|t| t.code)
                .collect();
            return Err(Error::new(Msg::ErrHkStep, &[&other, &codes.join(", ")]));
        }
    };
    let day = parse_cli_date("--date", &f.date)?;
    let (mut store, me, id, number, _, _) = open(env, case, true)?;
    match store.add_mediation(id, day, &step, &me.username, Local::now())? {
        Ok(_) => Ok(fill(
            Msg::HkEventSaved.get(lang),
            &[&vocab::MEDIATION_STEPS.label(step.code(), lang), &number],
        )),
        Err(issues) => Err(issues_error(
            issues.into_iter().map(mediation_issue).collect(),
            lang,
        )),
    }
}

/// `meja hukum show CASE`: the same lines as the case file's Hukum tab.
pub fn run_show(env: &Env, case: &str) -> Result<String> {
    let (mut store, me, id, number, config, lang) = open(env, case, false)?;
    let now = Local::now();
    store.log_access(now, &me.username, AccessKind::Open, Some(id), "hukum")?;
    let sheet = store.legal_sheet(id, &config.clocks, now.naive_local())?;
    let mut out = vec![fill(Msg::HkHead.get(lang), &[&number]), String::new()];
    out.extend(crate::io::legal::lines(&sheet, lang));
    Ok(out.join("\n"))
}
