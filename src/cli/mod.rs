//! The command line: clap's arguments (`Args`), one module per command group, each with its
//! subcommands and what they do, and the dispatch from a parsed command to them. `main.rs`
//! only calls [`main`].

mod agencies;
mod app;
mod audit;
mod case;
mod config;
mod db;
mod env;
mod hukum;
mod print;
mod referral;
mod report;
mod simfoni;
mod staff;
mod tugas;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::domain::text::clean_line;
use crate::domain::validate::parse_date;
use crate::error::Error;
use crate::i18n::{Lang, Msg};

pub use app::example_directory;
pub use env::{Env, default_config_path, default_db_path, project_dirs};
pub use report::parse_cli_date;

/// meja — meja pengaduan UPTD PPA di terminal (the intake desk of a UPTD PPA).
#[derive(Parser)]
#[command(name = "meja", version, about, long_about = None)]
struct Args {
    /// Berkas basis data / database file [default: folder data pengguna]
    #[arg(long, global = true, env = "MEJA_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    /// Berkas konfigurasi / configuration file
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,
    /// Bahasa / language: id | en
    #[arg(long, global = true, env = "MEJA_LANG", value_name = "LANG")]
    lang: Option<String>,
    /// Nama petugas / staff name [default: SUDO_USER or USER]
    #[arg(long, global = true, value_name = "NAME")]
    user: Option<String>,
    /// Ganti berkas --out yang sudah ada (tidak pernah basis data) / replace an existing --out
    /// file (never the database)
    #[arg(long, global = true)]
    force: bool,
    /// Buka dengan kantor contoh di basis data sementara / open a fictional demo office
    #[arg(long)]
    demo: bool,
    /// Buka papan kasus saat mulai / open on the case board
    #[arg(long)]
    board: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Konfigurasi / configuration
    Config {
        #[command(subcommand)]
        action: config::ConfigAction,
    },
    /// Direktori lembaga / agency directory
    Agencies {
        #[command(subcommand)]
        action: agencies::AgencyAction,
    },
    /// Rujukan / referrals
    Referral {
        #[command(subcommand)]
        action: referral::ReferralAction,
    },
    /// Akun petugas / staff accounts
    Staff {
        #[command(subcommand)]
        action: staff::StaffAction,
    },
    /// Log akses: siapa membuka, melihat, mengubah, mengekspor / the access log
    Audit {
        /// Hanya petugas ini / only this staff account
        #[arg(long)]
        staff: Option<String>,
        /// Hanya kasus ini (nomor) / only this case (number)
        #[arg(long)]
        case: Option<String>,
        /// Dari tanggal (hari-bulan-tahun) / from date, day first
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Sampai tanggal / to date
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
    },
    /// Perbarui skema basis data (langkah pemasangan) / bring the schema up to date (deploy step)
    Migrate {
        /// Salin dulu basis data yang ada ke berkas ini / first copy the existing database here
        #[arg(long, value_name = "FILE")]
        backup: Option<PathBuf>,
        /// Enkripsi salinan itu; baris pertama berkas ini frasa sandinya / encrypt that copy
        #[arg(long, value_name = "FILE", requires = "backup")]
        passphrase_file: Option<PathBuf>,
    },
    /// Isi berkas --db dengan kasus sintetis / fill --db with synthetic cases
    Demo {
        #[arg(long, default_value_t = 1000)]
        cases: usize,
        #[arg(long, default_value_t = 50)]
        agencies: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Tanggal acuan (hari-bulan-tahun) / reference date, day first [default: today]
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
    /// Laporan bulanan seperti SIMFONI-PPA / monthly report as SIMFONI-PPA counts
    Report {
        /// Awal periode (hari-bulan-tahun) / first day [default: awal bulan lalu]
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Akhir periode / last day [default: akhir bulan lalu]
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        #[arg(long, value_enum, default_value_t = report::ReportFormatArg::Text)]
        format: report::ReportFormatArg,
        /// Tulis ke berkas / write to a file [default: layar]
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Ekspor kasus (satu baris per korban) / export cases, one row per victim
    Export {
        #[arg(long, value_enum)]
        format: report::CaseExportFormat,
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Kasus yang dibuka sejak / cases opened from
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Kasus yang dibuka sampai / cases opened until
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Tanpa nama, NIK, telepon, alamat / without names, NIK, phones, addresses
        #[arg(long)]
        deidentified: bool,
        /// CSV untuk spreadsheet berbahasa Indonesia: BOM, titik koma, tanggal dd/mm/yyyy
        /// / CSV for a spreadsheet set to Indonesian
        #[arg(long)]
        excel_id: bool,
    },
    /// Cadangkan basis data (aman saat dipakai) / back up the database (safe while in use)
    Backup {
        path: PathBuf,
        /// Enkripsi dengan frasa sandi (MEJA_BACKUP_PASSPHRASE) / encrypt with a passphrase
        #[arg(long)]
        encrypt: bool,
        /// Baris pertama berkas ini adalah frasa sandi / the passphrase is this file's first line
        #[arg(long, value_name = "FILE")]
        passphrase_file: Option<PathBuf>,
        /// Tugas sistem tanpa PIN (cadangan malam), ditolak lewat sudo / system job, no PIN
        #[arg(long)]
        unattended: bool,
    },
    /// Pulihkan --db dari cadangan / restore --db from a backup
    Restore {
        path: PathBuf,
        #[arg(long, value_name = "FILE")]
        passphrase_file: Option<PathBuf>,
    },
    /// Periksa kesehatan basis data / check the database's health
    Check,
    /// Pindah kasus antar-UPTD PPA / move a case to another UPTD PPA
    Case {
        #[command(subcommand)]
        action: case::CaseAction,
    },
    /// Hukum: kualifikasi, batas waktu, proses hukum, mediasi / the legal side of a case
    Hukum {
        #[command(subcommand)]
        action: hukum::HukumAction,
    },
    /// Daftar yang jatuh tempo: rencana, pemantauan, rujukan, persetujuan, batas tahap
    /// / what falls due: plan actions, follow-ups, referrals, approvals, stage targets
    Tugas {
        /// Tugas petugas lain (supervisor) / another worker's list (supervisor)
        #[arg(long, value_name = "USER")]
        staff: Option<String>,
        /// Tugas semua petugas (supervisor) / everyone's (supervisor)
        #[arg(long, conflicts_with = "staff")]
        all: bool,
        /// Berapa hari ke depan / how many days ahead
        #[arg(long, default_value_t = 7)]
        days: u32,
        /// text, csv, atau pdf: lembar serah terima satu halaman, 24 jam ke depan
        /// / text, csv, or pdf: a one-page handover sheet of the next 24 hours
        #[arg(long, value_enum, default_value_t = tugas::TugasFormat::Text)]
        format: tugas::TugasFormat,
        /// Tulis ke berkas (wajib untuk pdf) / write to a file (needed for pdf)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Cetak kertas untuk ditandatangani / print a paper to sign: pengaduan, persetujuan,
    /// hak-korban, ba-mediasi, laporan-akhir
    Print {
        /// Jenis kertas / which paper
        kind: String,
        /// Nomor kasus / case number
        case: String,
        /// Berkas tujuan (.txt atau .pdf) / the file to write
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// text atau pdf [default: menurut akhiran berkas / by the file's extension]
        #[arg(long, value_enum)]
        format: Option<print::PaperFormat>,
        /// Salinan formulir pengaduan: kantor | pihak-lain (tanpa yang dirahasiakan)
        /// / which copy of the complaint form: kantor | pihak-lain (without what is withheld)
        #[arg(long, value_name = "COPY")]
        copy: Option<String>,
        /// Sertakan kronologi di laporan akhir / add the chronology to the final report
        #[arg(long)]
        chronology: bool,
    },
    /// SIMFONI-PPA: korban yang belum diinput, lembar per korban, tanda sudah diinput
    /// / victims still to enter, one victim's sheet, the entered mark
    Simfoni {
        /// Bulan (bulan-tahun, mis. 11-2026): belum diinput atau berubah s.d. akhir bulan
        /// / month: victims to enter or changed, cases up to its last day
        #[arg(long, value_name = "MONTH", conflicts_with = "case")]
        month: Option<String>,
        /// Nomor kasus: lembar SIMFONI satu korban / case number: one victim's sheet
        #[arg(long, value_name = "NUMBER")]
        case: Option<String>,
        /// Korban ke- (mulai 1) / which victim, from 1
        #[arg(long, default_value_t = 1, requires = "case")]
        victim: usize,
        /// Tandai korban sudah diinput ke SIMFONI / mark the victim as entered into SIMFONI
        #[arg(long, requires = "case")]
        mark: bool,
        /// Nomor referensi dari SIMFONI / SIMFONI's own reference
        #[arg(long = "ref", value_name = "REF", requires = "mark")]
        reference: Option<String>,
        #[arg(long, value_enum, default_value_t = simfoni::SimfoniFormat::Text)]
        format: simfoni::SimfoniFormat,
        /// Tulis ke berkas / write to a file [default: layar]
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
}

pub fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => return clap_fail(&e),
    };
    let lang_flag = match args.lang.as_deref().map(|l| (l, Lang::parse(l))) {
        Some((_, Some(l))) => Some(l),
        Some((bad, None)) => return fail(Error::new(Msg::ErrLang, &[&bad]), Lang::Id),
        None => None,
    };
    let env = Env {
        db: args.db.clone(),
        config_path: args.config.clone(),
        lang_flag,
        user: args.user.clone(),
        board: args.board,
        force: args.force,
    };
    let lang = env.lang(None);
    // The office's zone becomes the process's local zone before anything reads a clock or
    // starts a thread (see clock.rs). A configuration that does not read is left for the
    // command to report, next to its line.
    if let Ok(config) = env.config() {
        // SAFETY: nothing else runs yet: no thread has been started.
        if let Err(e) = unsafe { crate::clock::use_office_zone(&config.office.timezone) } {
            return fail(e, env.lang(Some(&config)));
        }
    }
    let result = match args.command {
        None if args.demo => app::run_demo_app(&env).map(|_| None),
        None => app::run_default(&env).map(|_| None),
        Some(Command::Config {
            action: config::ConfigAction::Init,
        }) => config::run_config_init(&env).map(Some),
        Some(Command::Agencies {
            action: agencies::AgencyAction::Import { path, dry_run },
        }) => agencies::run_agencies_import(&env, &path, dry_run).map(Some),
        Some(Command::Agencies {
            action: agencies::AgencyAction::Export { format, out },
        }) => {
            let format = match format {
                agencies::ExportFormat::Hsds => crate::io::Format::Hsds,
                agencies::ExportFormat::Csv => crate::io::Format::Csv,
            };
            agencies::run_agencies_export(&env, format, &out).map(Some)
        }
        Some(Command::Referral {
            action: referral::ReferralAction::Letter { id, out, include },
        }) => referral::run_referral_letter(&env, id, &out, &include).map(Some),
        Some(Command::Staff { action }) => match action {
            staff::StaffAction::Add {
                username,
                name,
                role,
            } => staff::run_staff_add(&env, &username, &name, &role),
            staff::StaffAction::List => staff::run_staff_list(&env),
            staff::StaffAction::Disable { username } => {
                staff::run_staff_disable(&env, &username, false)
            }
            staff::StaffAction::Enable { username } => {
                staff::run_staff_disable(&env, &username, true)
            }
            staff::StaffAction::SetPin { username } => staff::run_staff_set_pin(&env, &username),
        }
        .map(Some),
        Some(Command::Audit {
            staff,
            case,
            from,
            to,
        }) => {
            let date = |flag: &str, s: Option<String>| -> Result<Option<NaiveDate>, Error> {
                s.map(|s| report::parse_cli_date(flag, &s)).transpose()
            };
            match (date("--from", from), date("--to", to)) {
                (Ok(from), Ok(to)) => audit::run_audit(&env, staff, case, from, to).map(Some),
                (Err(e), _) | (_, Err(e)) => Err(e),
            }
        }
        Some(Command::Migrate {
            backup,
            passphrase_file,
        }) => db::run_migrate(&env, backup.as_deref(), passphrase_file.as_deref()).map(Some),
        Some(Command::Report {
            from,
            to,
            format,
            out,
        }) => {
            let format = match format {
                report::ReportFormatArg::Text => crate::io::report::ReportFormat::Text,
                report::ReportFormatArg::Csv => crate::io::report::ReportFormat::Csv,
                report::ReportFormatArg::Json => crate::io::report::ReportFormat::Json,
            };
            report::run_report(&env, from.as_deref(), to.as_deref(), format, out.as_deref())
                .map(Some)
        }
        Some(Command::Export {
            format,
            out,
            from,
            to,
            deidentified,
            excel_id,
        }) => {
            let format = match (format, excel_id) {
                (report::CaseExportFormat::Csv, false) => crate::io::export::ExportFormat::Csv,
                (report::CaseExportFormat::Csv, true) => {
                    crate::io::export::ExportFormat::CsvExcelId
                }
                (report::CaseExportFormat::Json, false) => crate::io::export::ExportFormat::Json,
                (report::CaseExportFormat::Json, true) => {
                    return fail(Error::new(Msg::ErrSepNeedsCsv, &[]), lang);
                }
            };
            report::run_export(
                &env,
                format,
                &out,
                from.as_deref(),
                to.as_deref(),
                deidentified,
            )
            .map(Some)
        }
        Some(Command::Backup {
            path,
            encrypt,
            passphrase_file,
            unattended,
        }) => {
            db::run_backup(&env, &path, encrypt, passphrase_file.as_deref(), unattended).map(Some)
        }
        Some(Command::Restore {
            path,
            passphrase_file,
        }) => db::run_restore(&env, &path, passphrase_file.as_deref()).map(Some),
        Some(Command::Check) => {
            // Healthy or not is the exit code (0 or 1), so scripts can act on it; a check
            // that could not run at all is an error (2) like any other.
            return match db::run_check(&env) {
                Ok((text, healthy)) => {
                    for line in text.lines() {
                        println!("{}", clean_line(line));
                    }
                    ExitCode::from(if healthy { 0 } else { 1 })
                }
                Err(e) => fail(e, lang),
            };
        }
        Some(Command::Case {
            action:
                case::CaseAction::Export {
                    number,
                    out,
                    passphrase_file,
                    plain,
                },
        }) => {
            case::run_case_export(&env, &number, &out, passphrase_file.as_deref(), plain).map(Some)
        }
        Some(Command::Case {
            action:
                case::CaseAction::Import {
                    file,
                    passphrase_file,
                },
        }) => case::run_case_import(&env, &file, passphrase_file.as_deref()).map(Some),
        Some(Command::Hukum { action }) => match action {
            hukum::HukumAction::Show { case } => hukum::run_show(&env, &case),
            hukum::HukumAction::Codes => hukum::run_codes(&env),
            hukum::HukumAction::Qualify { case, codes } => hukum::run_qualify(&env, &case, &codes),
            hukum::HukumAction::Event { case, kind, fields } => {
                hukum::run_event(&env, &case, &kind, &fields)
            }
            hukum::HukumAction::Told { case, date } => hukum::run_told(&env, &case, &date),
            hukum::HukumAction::Takedown { case, date, victim } => {
                hukum::run_takedown(&env, &case, &date, victim)
            }
            hukum::HukumAction::Mediation { case, step, fields } => {
                hukum::run_mediation(&env, &case, &step, &fields)
            }
        }
        .map(Some),
        Some(Command::Tugas {
            staff,
            all,
            days,
            format,
            out,
        }) => tugas::run_tugas(&env, staff.as_deref(), all, days, format, out.as_deref()).map(Some),
        Some(Command::Print {
            kind,
            case,
            out,
            format,
            copy,
            chronology,
        }) => print::run_print(
            &env,
            &print::PrintArgs {
                kind: &kind,
                case: &case,
                out: &out,
                format,
                copy: copy.as_deref(),
                chronology,
            },
        )
        .map(Some),
        Some(Command::Simfoni {
            month,
            case,
            victim,
            mark,
            reference,
            format,
            out,
        }) => simfoni::run_simfoni(
            &env,
            &simfoni::SimfoniArgs {
                month: month.as_deref(),
                case: case.as_deref(),
                victim,
                mark,
                reference: reference.as_deref(),
                format,
                out: out.as_deref(),
            },
        )
        .map(Some),
        Some(Command::Demo {
            cases,
            agencies,
            seed,
            as_of,
        }) => {
            let Some(db) = env.db.clone() else {
                eprintln!("meja demo: --db PATH (berkas baru / a new file)");
                return ExitCode::from(2);
            };
            let today = chrono::Local::now().date_naive();
            let as_of: Option<NaiveDate> = match as_of.map(|s| parse_date(&s, NaiveDate::MAX)) {
                Some(Ok(d)) => Some(d),
                Some(Err(_)) => {
                    eprintln!("meja demo: --as-of 23-11-2026");
                    return ExitCode::from(2);
                }
                None => Some(today),
            };
            db::run_demo_fill(&env, &db, cases, agencies, seed, as_of).map(Some)
        }
    };
    match result {
        Ok(Some(msg)) if msg.is_empty() => ExitCode::SUCCESS,
        Ok(Some(msg)) => {
            // Reports run over several lines; each is cleaned, since names come from files.
            // A reader that stops early (`| head`) is not an error.
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            for line in msg.lines() {
                if writeln!(out, "{}", clean_line(line)).is_err() {
                    break;
                }
            }
            ExitCode::SUCCESS
        }
        Ok(None) => ExitCode::SUCCESS,
        Err(e) => fail(e, lang),
    }
}

/// clap echoes the offending value in its message (`invalid value 'x…' for '--format'`):
/// the text is cleaned line by line like every other error, so a value cannot set the
/// terminal's title or slip a C1 control through a log. Help and version go to stdout.
fn clap_fail(e: &clap::Error) -> ExitCode {
    use std::io::Write;
    let text = e.render().to_string();
    let clean: String = text.lines().map(|l| clean_line(l) + "\n").collect();
    let _ = if e.use_stderr() {
        std::io::stderr().lock().write_all(clean.as_bytes())
    } else {
        std::io::stdout().lock().write_all(clean.as_bytes())
    };
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

fn fail(e: Error, lang: Lang) -> ExitCode {
    eprintln!("meja: {}", e.render(lang));
    ExitCode::from(e.exit_code())
}
