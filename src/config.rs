//! The office's configuration file (TOML). A missing file means defaults; a broken one is an
//! error that names the line, because a silently ignored typo in a case-number prefix would
//! put wrong numbers on paper files.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::domain::text::clean_line;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Office {
    pub name: String,
    pub letterhead: Vec<String>,
    pub case_prefix: String,
    /// The middle part of letter numbers: `{seq}/{letter_prefix}/{roman month}/{yyyy}`.
    pub letter_prefix: String,
    /// Where letters are dated from: "Metro, 23 November 2026".
    pub city: String,
    /// The office phone printed beside the contact person in letters.
    pub phone: String,
    /// The office's time zone, an IANA name ("Asia/Makassar"); empty: the server's zone.
    /// Every time meja shows, stores or counts is in it (see `clock`).
    pub timezone: String,
    /// The head of office who signs letters (kepala UPTD): name, jabatan and NIP.
    pub head_name: String,
    pub head_title: String,
    pub head_nip: String,
}

impl Default for Office {
    fn default() -> Self {
        Office {
            name: "UPTD PPA".into(),
            letterhead: Vec::new(),
            case_prefix: "PPA".into(),
            letter_prefix: "UPTD-PPA".into(),
            city: String::new(),
            phone: String::new(),
            timezone: String::new(),
            head_name: String::new(),
            head_title: String::new(),
            head_nip: String::new(),
        }
    }
}

/// What a letter needs from the configuration and does not have yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Letterhead,
    City,
    Signatory,
}

impl Office {
    /// What of letterhead, city and signatory is not configured: told to a supervisor at
    /// start, so letters do not go out unsigned or undated (issue 16).
    pub fn missing_for_letters(&self) -> Vec<Missing> {
        let mut out = Vec::new();
        if self.letterhead.iter().all(|l| l.trim().is_empty()) {
            out.push(Missing::Letterhead);
        }
        if self.city.is_empty() {
            out.push(Missing::City);
        }
        if self.head_name.is_empty() {
            out.push(Missing::Signatory);
        }
        out
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Region {
    /// Kemendagri province code, e.g. `18` (Lampung).
    pub province: String,
    /// Kemendagri kab/kota code, e.g. `18.72` (Kota Metro).
    pub regency: String,
}

/// Sign-in and screen locking. The defaults suit a shared front-desk terminal.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Access {
    /// Ask for the worker's PIN at sign-in and to unlock.
    pub pin: bool,
    /// Lock the screen after this many minutes without a key; 0 never locks.
    pub idle_minutes: u32,
    /// Wrong PINs in a row that lock the account…
    pub lock_tries: u32,
    /// …for this many minutes.
    pub lock_minutes: u32,
    /// The worker who took an intake may add notes to it and correct it for this many hours
    /// after saving, whatever their role (`domain::staff::correction_window`); 0 turns it off.
    pub correction_hours: u32,
}

impl Default for Access {
    fn default() -> Self {
        Access {
            pin: true,
            idle_minutes: 10,
            lock_tries: 5,
            lock_minutes: 15,
            correction_hours: 24,
        }
    }
}

/// Which steps wait for a supervisor's approval (`require`), only warn (`warn`) or not (`off`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Approvals {
    /// Moving a case from Rencana to Intervensi needs an approved plan.
    #[serde(rename = "rencana")]
    pub plan: crate::domain::approval::Gate,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub language: Option<String>,
    pub office: Office,
    pub region: Region,
    /// Follow-up targets in days per stage, for [tinggi, sedang, rendah] risk.
    pub targets: crate::domain::case::Targets,
    #[serde(rename = "akses")]
    pub access: Access,
    #[serde(rename = "persetujuan")]
    pub approvals: Approvals,
    /// The law's clocks in hours (days for the rumah aman review), each with its source in
    /// `domain::law::Limits`.
    pub clocks: crate::domain::law::Limits,
}

/// Written by `meja config init`: every setting, commented, with its default.
pub const TEMPLATE: &str = r#"# Konfigurasi meja — configuration for meja
# Baris yang diawali # adalah komentar. Lines starting with # are comments.

# Bahasa tampilan: "id" (Bahasa Indonesia) atau "en" (English).
# --lang dan MEJA_LANG mengalahkan pengaturan ini.
language = "id"

[office]
# Nama kantor, tampil di judul layar dan surat.
name = "UPTD PPA"
# Kop surat, satu baris per butir.
letterhead = [
  # "PEMERINTAH KOTA CONTOH",
  # "DINAS PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK",
  # "UPTD PERLINDUNGAN PEREMPUAN DAN ANAK",
  # "Jl. Contoh No. 1, Telp. (0725) 000000",
]
# Awalan nomor kasus: {awalan}/{tahun}/{urutan}, mis. PPA/2026/0001.
case_prefix = "PPA"
# Nomor surat rujukan: {urutan}/{awalan}/{bulan romawi}/{tahun}, mis. 007/UPTD-PPA/XI/2026.
letter_prefix = "UPTD-PPA"
# Kota tempat surat ditandatangani, dan telepon kantor untuk narahubung.
city = ""
phone = ""
# Penanda tangan surat: kepala kantor (nama, jabatan, NIP).
head_name = ""
head_title = ""
head_nip = ""
# Zona waktu kantor: "Asia/Jakarta" (WIB), "Asia/Makassar" (WITA), "Asia/Jayapura" (WIT).
# Semua jam dan tanggal (riwayat, surat, laporan, draf, target) memakai zona ini, apa pun
# zona jam server. Kosong: zona waktu server (meja check mengingatkan bila server memakai UTC).
timezone = ""

[region]
# Kode wilayah Kemendagri untuk alamat bawaan.
# province = "18"      # Lampung
# regency = "18.72"    # Kota Metro

[persetujuan]
# Pindah dari Rencana ke Intervensi perlu rencana intervensi yang disetujui supervisor:
# "require" (wajib), "warn" (boleh, dengan peringatan dan catatan di riwayat), "off" (tidak).
# Moving a case from Rencana to Intervensi needs a plan approved by a supervisor.
rencana = "require"

[akses]
# Minta PIN saat masuk dan membuka kunci layar (disarankan untuk terminal bersama).
pin = true
# Kunci layar setelah sekian menit tanpa ketikan (0 = tidak pernah). Draf disimpan dulu.
idle_minutes = 10
# Sekian PIN salah berturut-turut mengunci akun selama lock_minutes menit.
lock_tries = 5
lock_minutes = 15
# Petugas yang menerima pengaduan boleh menambah catatan dan membetulkan isiannya selama
# sekian jam setelah menyimpan, apa pun perannya (0 = tidak). Keduanya tercatat di riwayat.
# The worker who took an intake may add notes and correct it for this many hours (0 = never).
correction_hours = 24

[targets]
# Target tindak lanjut (hari) per tahap, untuk risiko [tinggi, sedang, rendah].
# Kasus yang melewati target ditandai * di papan.
pengaduan = [1, 3, 7]
asesmen = [3, 7, 14]
rencana = [7, 14, 21]
intervensi = [14, 30, 60]
pemantauan = [30, 60, 90]

[clocks]
# Batas waktu hukum, dihitung per kasus sejak pengaduan diterima, pada jam kantor (timezone).
# Tampil di meja tugas dengan yang harus dilakukan.
# UU 12/2022 (TPKS) Pasal 41: kasus kekerasan seksual dilaporkan ke polisi dalam 3×24 jam.
# Mencatat laporan polisi (meja hukum event ... laporan_polisi) menghentikannya.
tpks_police_hours = 72
# Standar layanan UPTD PPA (SIPPN): risiko tinggi dilayani segera (dihitung 1 jam),
# risiko sedang dalam ±6 jam. Layanan pertama atau kontak pertama yang dicatat menghentikannya.
first_service_tinggi_hours = 1
first_service_sedang_hours = 6
# Standar yang sama: tinggal di rumah aman paling lama 7 hari, diperpanjang setelah ditinjau.
shelter_review_days = 7
"#;

impl Config {
    /// Reads `path`; a file that does not exist gives the defaults.
    pub fn load(path: &Path) -> Result<Config> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => return Err(Error::new(Msg::ErrConfigRead, &[&path.display(), &e])),
        };
        // A configuration that other accounts may write lets any of them set `pin = false`:
        // refused, with the chmod that fixes it.
        if let Some(m) = crate::store::perms::mode(path).filter(|m| m & 0o022 != 0) {
            return Err(Error::new(
                Msg::ErrConfigWritable,
                &[&path.display(), &format!("{m:03o}"), &path.display()],
            ));
        }
        Config::parse(&text).map_err(|(line, reason)| {
            Error::within(Msg::ErrConfigParse, &[&path.display(), &line], reason)
        })
    }

    /// Parses configuration text; on error, the 1-based line and the reason (meja's own in
    /// both languages; the TOML parser's as it says it).
    pub fn parse(text: &str) -> std::result::Result<Config, (usize, Error)> {
        let mut cfg: Config = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
                .unwrap_or(1);
            (line, Error::new(Msg::ConfigSyntax, &[&e.message().trim()]))
        })?;
        if let Some(l) = &cfg.language
            && Lang::parse(l).is_none()
        {
            let line = text
                .lines()
                .position(|x| x.trim_start().starts_with("language"))
                .map(|i| i + 1)
                .unwrap_or(1);
            return Err((
                line,
                Error::new(Msg::ConfigBadLanguage, &[&format!("{l:?}")]),
            ));
        }
        cfg.office.case_prefix = clean_line(cfg.office.case_prefix.trim());
        if cfg.office.case_prefix.is_empty() {
            cfg.office.case_prefix = Office::default().case_prefix;
        }
        cfg.office.name = clean_line(&cfg.office.name);
        cfg.office.letter_prefix = clean_line(cfg.office.letter_prefix.trim());
        if cfg.office.letter_prefix.is_empty() {
            cfg.office.letter_prefix = Office::default().letter_prefix;
        }
        cfg.office.timezone = cfg.office.timezone.trim().to_string();
        if !cfg.office.timezone.is_empty()
            // The one reader of zone names; `clock` takes the name, not the configuration,
            // so the two modules do not import each other.
            && crate::clock::parse_zone(&cfg.office.timezone).is_none()
        {
            let line = text
                .lines()
                .position(|x| x.trim_start().starts_with("timezone"))
                .map(|i| i + 1)
                .unwrap_or(1);
            return Err((
                line,
                Error::new(Msg::ConfigBadZone, &[&format!("{:?}", cfg.office.timezone)]),
            ));
        }
        if let Some((key, _)) = cfg.clocks.zero_limit() {
            let line = text
                .lines()
                .position(|x| x.trim_start().starts_with(key))
                .map(|i| i + 1)
                .unwrap_or(1);
            return Err((line, Error::new(Msg::ConfigZeroLimit, &[&key])));
        }
        cfg.office.city = clean_line(cfg.office.city.trim());
        cfg.office.head_name = clean_line(cfg.office.head_name.trim());
        cfg.office.head_title = clean_line(cfg.office.head_title.trim());
        cfg.office.head_nip = clean_line(cfg.office.head_nip.trim());
        cfg.office.phone = clean_line(cfg.office.phone.trim());
        for l in &mut cfg.office.letterhead {
            *l = clean_line(l);
        }
        Ok(cfg)
    }

    pub fn lang(&self) -> Option<Lang> {
        self.language.as_deref().and_then(Lang::parse)
    }

    /// Writes the commented template; never overwrites an existing file.
    pub fn init(path: &Path) -> Result<PathBuf> {
        if path.exists() {
            return Err(Error::new(Msg::ErrConfigExists, &[&path.display()]));
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::new(Msg::ErrConfigRead, &[&dir.display(), &e]))?;
        }
        // Owner-only whatever the umask: whoever can write the configuration can turn the
        // PIN off. `create_new` also closes the race with another `config init`.
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let fail = |e: std::io::Error| Error::new(Msg::ErrConfigRead, &[&path.display(), &e]);
        let mut f = opts.open(path).map_err(fail)?;
        std::io::Write::write_all(&mut f, TEMPLATE.as_bytes())
            .and_then(|_| f.sync_all())
            .map_err(fail)?;
        Ok(path.to_path_buf())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_parses_to_the_defaults() {
        let c = Config::parse(TEMPLATE).unwrap();
        assert_eq!(c.office, Office::default());
        // Issue 16: what letters lack is named, so a supervisor can be told.
        use super::Missing::*;
        assert_eq!(
            c.office.missing_for_letters(),
            vec![Letterhead, City, Signatory]
        );
        assert_eq!(c.targets, crate::domain::case::Targets::default());
        assert_eq!(c.clocks, crate::domain::law::Limits::default());
        assert_eq!(c.lang(), Some(Lang::Id));
    }

    #[test]
    fn the_plan_gate_is_read_and_a_wrong_word_names_its_line() {
        use crate::domain::approval::Gate;
        assert_eq!(Config::default().approvals.plan, Gate::Require);
        let c = Config::parse("[persetujuan]\nrencana = \"warn\"\n").unwrap();
        assert_eq!(c.approvals.plan, Gate::Warn);
        let c = Config::parse("[persetujuan]\nrencana = \"off\"\n").unwrap();
        assert_eq!(c.approvals.plan, Gate::Off);
        let (line, e) = Config::parse("[persetujuan]\n\nrencana = \"maybe\"\n").unwrap_err();
        assert_eq!(line, 3);
        let msg = e.render(Lang::En);
        assert!(msg.contains("maybe"), "{msg}");
    }

    #[test]
    fn a_broken_file_names_the_line() {
        let text =
            "language = \"en\"\n[office]\nname = \"UPTD PPA Kota Metro\"\ncase_prefx = \"X\"\n";
        let (line, e) = Config::parse(text).unwrap_err();
        assert_eq!(line, 4);
        let msg = e.render(Lang::En);
        assert!(msg.contains("case_prefx"), "{msg}");
        let (line, _) = Config::parse("[office]\nname = \n").unwrap_err();
        assert_eq!(line, 2);
        let (line, e) = Config::parse("\nlanguage = \"fr\"\n").unwrap_err();
        assert_eq!(line, 2);
        let msg = e.render(Lang::En);
        assert!(msg.contains("fr"));
        let (line, e) =
            Config::parse("[office]\nname = \"X\"\ntimezone = \"Asia/Makasar\"\n").unwrap_err();
        assert_eq!(line, 3);
        let msg = e.render(Lang::En);
        assert!(
            msg.contains("Asia/Makasar") && msg.contains("Asia/Makassar"),
            "{msg}"
        );
        let c = Config::parse("[office]\ntimezone = \" Asia/Jayapura \"\n").unwrap();
        assert_eq!(c.office.timezone, "Asia/Jayapura");
    }

    #[test]
    fn settings_are_read_and_cleaned() {
        let c = Config::parse(
            "[office]\ncase_prefix = \"UPTD-PPA/MTR\\u001b[2J\"\nletterhead = [\"A\", \"B\"]\n[region]\nprovince = \"18\"\nregency = \"18.72\"\n",
        )
        .unwrap();
        assert_eq!(c.office.case_prefix, "UPTD-PPA/MTR");
        assert_eq!(c.office.letterhead, vec!["A", "B"]);
        assert_eq!(c.region.regency, "18.72");
    }

    #[test]
    fn the_clocks_are_read_and_a_zero_limit_is_refused() {
        let c = Config::parse("[clocks]\nfirst_service_sedang_hours = 4\n").unwrap();
        assert_eq!(c.clocks.first_service_sedang_hours, 4);
        assert_eq!(
            c.clocks.tpks_police_hours, 72,
            "the others keep their defaults"
        );
        let (line, e) =
            Config::parse("[clocks]\ntpks_police_hours = 72\nshelter_review_days = 0\n")
                .unwrap_err();
        assert_eq!(line, 3);
        let msg = e.render(Lang::En);
        assert!(msg.contains("shelter_review_days"), "{msg}");
        let (line, e) = Config::parse("[clocks]\ntpks_hours = 72\n").unwrap_err();
        assert_eq!(line, 2);
        let msg = e.render(Lang::En);
        assert!(msg.contains("tpks_hours"), "{msg}");
    }

    #[test]
    fn a_missing_file_means_defaults() {
        let c = Config::load(Path::new("/nonexistent/meja/config.toml")).unwrap();
        assert_eq!(c, Config::default());
    }
}
