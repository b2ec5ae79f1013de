//! Controlled vocabularies from SIMFONI-PPA, UU 35/2014 and the case-management cycle.
//!
//! Each term has a stable `code` (what the database stores, never translated or renamed) and
//! Indonesian and English labels. They live here rather than in `i18n.rs` because they are
//! domain data: reports, exports and validation depend on the codes, not on the screen.

use crate::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub code: &'static str,
    pub id: &'static str,
    pub en: &'static str,
}

impl Term {
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Id => self.id,
            Lang::En => self.en,
        }
    }
}

/// A named list of terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vocab {
    pub name: &'static str,
    pub terms: &'static [Term],
}

impl Vocab {
    pub fn get(&self, code: &str) -> Option<&'static Term> {
        self.terms.iter().find(|t| t.code == code)
    }

    pub fn contains(&self, code: &str) -> bool {
        self.get(code).is_some()
    }

    /// The label for a stored code; an unknown code (from a newer meja, or an import) is shown
    /// as itself rather than hidden.
    pub fn label<'a>(&self, code: &'a str, lang: Lang) -> &'a str {
        self.get(code).map(|t| t.label(lang)).unwrap_or(code)
    }
}

const fn t(code: &'static str, id: &'static str, en: &'static str) -> Term {
    Term { code, id, en }
}

pub const STAGES: Vocab = Vocab {
    name: "tahap",
    terms: &[
        t("pengaduan", "Pengaduan", "Intake"),
        t("asesmen", "Asesmen", "Assessment"),
        t("rencana", "Rencana Intervensi", "Case plan"),
        t("intervensi", "Intervensi & Rujukan", "Services & referral"),
        t(
            "pemantauan",
            "Pemantauan & Evaluasi",
            "Monitoring & evaluation",
        ),
        t("terminasi", "Terminasi (ditutup)", "Closed"),
    ],
};

pub const VIOLENCE: Vocab = Vocab {
    name: "jenis_kekerasan",
    terms: &[
        t("fisik", "Fisik", "Physical"),
        t("psikis", "Psikis", "Psychological"),
        t("seksual", "Seksual", "Sexual"),
        t("eksploitasi", "Eksploitasi", "Exploitation"),
        t("trafficking", "Trafficking (TPPO)", "Trafficking"),
        t("penelantaran", "Penelantaran", "Neglect"),
        t("lainnya", "Lainnya", "Other"),
    ],
};

/// Jenis kekerasan from the most serious down, for the one a board card has room for (issue
/// 16: a child sexual-abuse case also recorded as psikis must not show `Psikis`). Sexual
/// violence and trafficking come first as the law treats them (UU 12/2022, UU 21/2007), then
/// exploitation, physical and psychological harm, neglect and other.
pub const VIOLENCE_SEVERITY: [&str; 7] = [
    "seksual",
    "trafficking",
    "eksploitasi",
    "fisik",
    "psikis",
    "penelantaran",
    "lainnya",
];

/// The most serious of a case's jenis kekerasan by [`VIOLENCE_SEVERITY`]; a code this build
/// does not know ranks after every known one (it is still shown rather than nothing).
pub fn most_serious_violence<'a>(codes: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    codes.into_iter().min_by_key(|c| {
        VIOLENCE_SEVERITY
            .iter()
            .position(|s| s == c)
            .unwrap_or(VIOLENCE_SEVERITY.len())
    })
}

/// UU No. 35 Tahun 2014 Pasal 59 ayat (2), letters a–o.
pub const AMPK: Vocab = Vocab {
    name: "ampk",
    terms: &[
        t(
            "a",
            "a. Anak dalam situasi darurat",
            "a. Child in an emergency",
        ),
        t(
            "b",
            "b. Anak yang berhadapan dengan hukum",
            "b. Child in conflict or contact with the law",
        ),
        t(
            "c",
            "c. Anak dari kelompok minoritas dan terisolasi",
            "c. Child from a minority or isolated group",
        ),
        t(
            "d",
            "d. Anak yang dieksploitasi secara ekonomi dan/atau seksual",
            "d. Child exploited economically and/or sexually",
        ),
        t(
            "e",
            "e. Anak korban penyalahgunaan narkotika, alkohol, psikotropika, dan zat adiktif lainnya",
            "e. Child victim of narcotics, alcohol, psychotropics or other addictive substances",
        ),
        t(
            "f",
            "f. Anak yang menjadi korban pornografi",
            "f. Child victim of pornography",
        ),
        t("g", "g. Anak dengan HIV/AIDS", "g. Child with HIV/AIDS"),
        t(
            "h",
            "h. Anak korban penculikan, penjualan, dan/atau perdagangan",
            "h. Child victim of abduction, sale and/or trafficking",
        ),
        t(
            "i",
            "i. Anak korban kekerasan fisik dan/atau psikis",
            "i. Child victim of physical and/or psychological violence",
        ),
        t(
            "j",
            "j. Anak korban kejahatan seksual",
            "j. Child victim of sexual crime",
        ),
        t(
            "k",
            "k. Anak korban jaringan terorisme",
            "k. Child victim of terrorist networks",
        ),
        t(
            "l",
            "l. Anak penyandang disabilitas",
            "l. Child with a disability",
        ),
        t(
            "m",
            "m. Anak korban perlakuan salah dan penelantaran",
            "m. Child victim of maltreatment and neglect",
        ),
        t(
            "n",
            "n. Anak dengan perilaku sosial menyimpang",
            "n. Child with deviant social behaviour",
        ),
        t(
            "o",
            "o. Anak korban stigmatisasi dari pelabelan terkait kondisi orang tuanya",
            "o. Child stigmatised for their parents' condition",
        ),
    ],
};

pub const PLACES: Vocab = Vocab {
    name: "tempat_kejadian",
    terms: &[
        t("rumah_tangga", "Rumah tangga", "Household"),
        t("tempat_kerja", "Tempat kerja", "Workplace"),
        t("sekolah", "Sekolah", "School"),
        t("fasilitas_umum", "Fasilitas umum", "Public facility"),
        t(
            "lembaga_pendidikan_kilat",
            "Lembaga Pendidikan Kilat",
            "Short-course institution",
        ),
        // meja's own: SIMFONI has no online place; `domain::simfoni::simfoni_place` maps it.
        t("daring", "Ranah daring", "Online"),
        t("lainnya", "Lainnya", "Other"),
    ],
};

/// Hubungan pelaku dengan korban (SIMFONI), plus "Tidak dikenal".
pub const PERPETRATOR_RELATIONS: Vocab = Vocab {
    name: "hubungan_pelaku",
    terms: &[
        t("orang_tua", "Orang tua", "Parent"),
        t("keluarga", "Keluarga/saudara", "Family/relative"),
        t("suami_istri", "Suami/istri", "Spouse"),
        t("tetangga", "Tetangga", "Neighbour"),
        t("pacar_teman", "Pacar/teman", "Partner/friend"),
        t("guru", "Guru", "Teacher"),
        t("majikan", "Majikan", "Employer"),
        t("rekan_kerja", "Rekan kerja", "Co-worker"),
        t("lainnya", "Lainnya", "Other"),
        t("tidak_dikenal", "Tidak dikenal", "Unknown person"),
        // SIMFONI's "NA": no data on the relation (as opposed to a stranger).
        t("na", "NA (tidak ada data)", "NA (no data)"),
    ],
};

/// Layanan: SIMFONI services and the UPTD PPA functions.
pub const SERVICES: Vocab = Vocab {
    name: "layanan",
    terms: &[
        t("pengaduan", "Pengaduan", "Complaint handling"),
        t("penjangkauan", "Penjangkauan", "Outreach"),
        t("kesehatan", "Kesehatan", "Health care"),
        t("bantuan_hukum", "Bantuan hukum", "Legal aid"),
        t("penegakan_hukum", "Penegakan hukum", "Law enforcement"),
        t(
            "rehabilitasi_sosial",
            "Rehabilitasi sosial",
            "Social rehabilitation",
        ),
        t(
            "reintegrasi_sosial",
            "Reintegrasi sosial",
            "Social reintegration",
        ),
        t("pemulangan", "Pemulangan", "Repatriation"),
        t(
            "tokoh_agama",
            "Pendampingan tokoh agama",
            "Faith leader support",
        ),
        t(
            "rumah_aman",
            "Penampungan sementara (rumah aman)",
            "Temporary shelter (safe house)",
        ),
        t("mediasi", "Mediasi", "Mediation"),
        t(
            "psikologis",
            "Pendampingan psikologis",
            "Psychological support",
        ),
        // Where an imported service lands when nothing says which of the above it is, for the
        // office to map on the agency sheet.
        t(
            "lainnya",
            "Layanan lain (belum dipetakan)",
            "Other service (not yet mapped)",
        ),
    ],
};

pub const RISK: Vocab = Vocab {
    name: "risiko",
    terms: &[
        t("tinggi", "Tinggi", "High"),
        t("sedang", "Sedang", "Medium"),
        t("rendah", "Rendah", "Low"),
    ],
};

/// Staff roles, as `domain::staff::Role::code` stores them.
pub const ROLES: Vocab = Vocab {
    name: "peran",
    terms: &[
        t("petugas", "Petugas layanan", "Front-desk staff"),
        t("manajer_kasus", "Manajer kasus", "Case manager"),
        t("supervisor", "Supervisor", "Supervisor"),
    ],
};

pub const CLOSURE_REASONS: Vocab = Vocab {
    name: "alasan_penutupan",
    terms: &[
        t(
            "tujuan_tercapai",
            "Tujuan layanan tercapai",
            "Service goals met",
        ),
        t(
            "dirujuk_wilayah_lain",
            "Dirujuk/dialihkan ke wilayah lain",
            "Transferred to another region",
        ),
        t(
            "menolak_layanan",
            "Klien menolak layanan",
            "Client declined services",
        ),
        t(
            "tidak_dapat_dihubungi",
            "Tidak dapat dihubungi",
            "Client unreachable",
        ),
        t("meninggal", "Klien meninggal dunia", "Client died"),
        t("lainnya", "Lainnya", "Other"),
    ],
};

pub const SEX: Vocab = Vocab {
    name: "jenis_kelamin",
    terms: &[t("P", "Perempuan", "Female"), t("L", "Laki-laki", "Male")],
};

/// How the report reached the desk.
pub const CHANNELS: Vocab = Vocab {
    name: "cara_melapor",
    terms: &[
        t("datang", "Datang langsung", "Walk-in"),
        t("telepon", "Telepon / hotline", "Phone / hotline"),
        t("pesan", "Pesan / media sosial", "Message / social media"),
        t("rujukan_polisi", "Rujukan polisi", "Police referral"),
        t("rujukan_sekolah", "Rujukan sekolah", "School referral"),
        t(
            "rujukan_faskes",
            "Rujukan rumah sakit / puskesmas",
            "Health facility referral",
        ),
        t(
            "rujukan_lain",
            "Rujukan lembaga lain",
            "Referral from another agency",
        ),
        t("penjangkauan", "Penjangkauan", "Outreach"),
        // The channels of desk systems that mirror KemenPPPA (domain.md, SIMFONI-PPA).
        t("sapa129_telepon", "SAPA 129 (telepon)", "SAPA 129 (phone)"),
        t("sapa129_wa", "SAPA 129 (WhatsApp)", "SAPA 129 (WhatsApp)"),
        t("sp4n_lapor", "SP4N-LAPOR!", "SP4N-LAPOR!"),
        t("surat", "Surat / nota dinas", "Letter / official memo"),
        t(
            "pelimpahan",
            "Pelimpahan dari layanan lain",
            "Handed over by another service",
        ),
        t("laporan_media", "Laporan media", "Media report"),
        t("lainnya", "Lainnya", "Other"),
    ],
};

/// Pendidikan terakhir (SIMFONI; victim and alleged perpetrator), in SIMFONI's order.
pub const EDUCATION: Vocab = Vocab {
    name: "pendidikan",
    terms: &[
        t("tidak_sekolah", "Tidak/Belum Sekolah", "No schooling yet"),
        t("paud_tk", "PAUD/TK", "Pre-school / kindergarten"),
        t("sd", "SD", "Primary school (SD)"),
        t("sltp", "SLTP", "Junior secondary (SLTP)"),
        t("slta", "SLTA", "Senior secondary (SLTA)"),
        t("pt", "Perguruan Tinggi", "Higher education"),
    ],
};

/// Pekerjaan (SIMFONI), in SIMFONI's order.
pub const OCCUPATION: Vocab = Vocab {
    name: "pekerjaan",
    terms: &[
        t("pelajar", "Pelajar", "Pupil / student"),
        t("irt", "Ibu Rumah Tangga", "Homemaker"),
        t("tidak_bekerja", "Tidak Bekerja", "Not working"),
        t("swasta_buruh", "Swasta/Buruh", "Private sector / labourer"),
        t("bekerja", "Bekerja", "Working (other)"),
        t("pns_aparat", "PNS/Aparat", "Civil servant / officer"),
        t(
            "pedagang_tani_nelayan",
            "Pedagang/Tani/Nelayan",
            "Trader / farmer / fisher",
        ),
        t("na", "N/A", "N/A"),
    ],
};

/// Status perkawinan (from clones of SIMFONI's form; domain.md marks it less certain).
pub const MARITAL: Vocab = Vocab {
    name: "status_perkawinan",
    terms: &[
        t("belum_menikah", "Belum Menikah", "Never married"),
        t("menikah", "Menikah", "Married"),
        t("duda_janda", "Duda/Janda", "Divorced or widowed"),
        t("sirri", "Sirri", "Unregistered (sirri) marriage"),
    ],
};

/// Kewarganegaraan; a WNA's country is kept beside it as text.
pub const NATIONALITY: Vocab = Vocab {
    name: "kewarganegaraan",
    terms: &[
        t("wni", "WNI", "Indonesian citizen"),
        t("wna", "WNA", "Foreign national"),
    ],
};

/// SIMFONI's jenis kasus (Permen PPPA 2/2022: identify the case as KtP or AMPK). Derived from
/// the victims by `domain::law::case_kind`; a stored code overrides it.
pub const CASE_KINDS: Vocab = Vocab {
    name: "jenis_kasus",
    terms: &[
        t(
            "ktp",
            "Kekerasan terhadap Perempuan",
            "Violence against women",
        ),
        t(
            "ampk",
            "Anak yang Memerlukan Perlindungan Khusus",
            "Child in need of special protection",
        ),
        t("keduanya", "KtP dan AMPK", "Both"),
    ],
};

/// Kewenangan: a central matter goes to KemenPPPA with a referral letter.
pub const AUTHORITY: Vocab = Vocab {
    name: "kewenangan",
    terms: &[
        t("daerah", "Daerah", "Regional"),
        t("pusat", "Pusat (KemenPPPA)", "Central (KemenPPPA)"),
    ],
};

/// Kinds of partner agency in the directory (domain.md, issue #4).
pub const AGENCY_KINDS: Vocab = Vocab {
    name: "jenis_lembaga",
    terms: &[
        t(
            "unit_ppa",
            "Unit PPA Polres/Polsek",
            "Police women & children unit",
        ),
        t("kejaksaan", "Kejaksaan", "Prosecutor's office"),
        t("pengadilan", "Pengadilan", "Court"),
        t("bapas", "Bapas", "Probation office (Bapas)"),
        t(
            "kesehatan",
            "Rumah sakit / Puskesmas",
            "Hospital / health centre",
        ),
        t("psikolog", "Psikolog", "Psychologist"),
        t("bantuan_hukum", "LBH / Bantuan hukum", "Legal aid"),
        t("rumah_aman", "Rumah aman", "Safe house"),
        t("dinsos", "Dinas Sosial", "Social affairs office"),
        t("disdik", "Dinas Pendidikan", "Education office"),
        t("dukcapil", "Dukcapil", "Civil registry (Dukcapil)"),
        t("puspaga", "Puspaga", "Family learning centre (Puspaga)"),
        t("lpa", "LPA", "Child protection institute (LPA)"),
        t("lksa", "LKSA", "Child welfare institution (LKSA)"),
        t("patbm", "PATBM", "Community child protection (PATBM)"),
        t("lainnya", "Lainnya", "Other"),
    ],
};

/// What a referral letter may leave out when consent withholds it.
pub const WITHHOLD: Vocab = Vocab {
    name: "dirahasiakan",
    terms: &[
        t(
            "nama",
            "Nama lengkap (hanya inisial)",
            "Full name (initials only)",
        ),
        t("nik", "NIK", "NIK"),
        t(
            "tanggal_lahir",
            "Tanggal lahir (hanya umur)",
            "Birth date (age only)",
        ),
        t("alamat", "Alamat", "Address"),
        t("telepon", "Nomor telepon", "Phone number"),
        t("kronologi", "Kronologi", "Account of the incident"),
        t("pelaku", "Data terlapor", "Alleged perpetrator"),
    ],
};

/// What a referral letter may add to the minimum when the client has not agreed to share her
/// data; the worker ticks each (issue 16). The minimum is initials, age band, sex, the
/// service asked for and the office contact.
pub const LETTER_ITEMS: Vocab = Vocab {
    name: "isi_surat",
    terms: &[
        t("nama", "Nama lengkap", "Full name"),
        t("umur", "Tanggal lahir dan umur", "Birth date and age"),
        t("nik", "NIK", "NIK"),
        t("alamat", "Alamat", "Address"),
        t("wali", "Orang tua/wali", "Parent/guardian"),
        t("telepon", "Nomor telepon", "Phone number"),
        t("kekerasan", "Jenis kekerasan", "Type of violence"),
        t("pelaku", "Data terlapor", "Alleged perpetrator"),
        t("kronologi", "Kronologi", "Account of the incident"),
    ],
};

/// The letter dialog without consent to share: "the minimum only" first, highlighted, so
/// Enter with nothing ticked writes the minimum; then every item of [`LETTER_ITEMS`].
pub const LETTER_PICK: Vocab = Vocab {
    name: "isi_surat_pilih",
    terms: &[
        t(MINIMUM_ONLY, "Hanya data minimum", "The minimum only"),
        t("nama", "Nama lengkap", "Full name"),
        t("umur", "Tanggal lahir dan umur", "Birth date and age"),
        t("nik", "NIK", "NIK"),
        t("alamat", "Alamat", "Address"),
        t("wali", "Orang tua/wali", "Parent/guardian"),
        t("telepon", "Nomor telepon", "Phone number"),
        t("kekerasan", "Jenis kekerasan", "Type of violence"),
        t("pelaku", "Data terlapor", "Alleged perpetrator"),
        t("kronologi", "Kronologi", "Account of the incident"),
    ],
};

/// The code of "the minimum only" in [`LETTER_PICK`]: never an item a letter carries.
pub const MINIMUM_ONLY: &str = "minimum";

/// Where a referral stands (Primero's transitions).
pub const REFERRAL_STATUS: Vocab = Vocab {
    name: "status_rujukan",
    terms: &[
        t("dikirim", "Dikirim", "Sent"),
        t("diterima", "Diterima", "Accepted"),
        t("ditolak", "Ditolak", "Rejected"),
        t("selesai", "Selesai", "Done"),
        t("dibatalkan", "Dibatalkan", "Revoked"),
    ],
};

pub const REPORTER_KINDS: Vocab = Vocab {
    name: "identitas_pelapor",
    terms: &[
        t("disebut", "Disebutkan", "Named"),
        t("anonim", "Anonim", "Anonymous"),
        t("korban", "Korban sendiri", "The victim herself/himself"),
    ],
};

pub const REPORTER_RELATIONS: Vocab = Vocab {
    name: "hubungan_pelapor",
    terms: &[
        t("orang_tua", "Orang tua", "Parent"),
        t("keluarga", "Keluarga/saudara", "Family/relative"),
        t("suami_istri", "Suami/istri", "Spouse"),
        t("guru", "Guru / sekolah", "Teacher / school"),
        t("tetangga", "Tetangga", "Neighbour"),
        t("teman", "Teman", "Friend"),
        t(
            "tokoh_masyarakat",
            "Tokoh masyarakat / RT / RW",
            "Community leader",
        ),
        t("polisi", "Polisi", "Police"),
        t("tenaga_kesehatan", "Tenaga kesehatan", "Health worker"),
        t("pendamping", "Pendamping / LSM", "Caseworker / NGO"),
        t("lainnya", "Lainnya", "Other"),
    ],
};

pub const DISABILITY: Vocab = Vocab {
    name: "disabilitas",
    terms: &[
        t("tidak", "Tidak ada", "None"),
        t("fisik", "Fisik", "Physical"),
        t("intelektual", "Intelektual", "Intellectual"),
        t("mental", "Mental", "Psychosocial"),
        t("sensorik", "Sensorik", "Sensory"),
        t("ganda", "Ganda", "Multiple"),
        t("tidak_diketahui", "Tidak diketahui", "Unknown"),
    ],
};

pub const YES_NO: Vocab = Vocab {
    name: "ya_tidak",
    terms: &[t("ya", "Ya", "Yes"), t("tidak", "Tidak", "No")],
};

/// The danger checklist's items (`domain::assessment::DANGER_ITEMS`), drawn from the public
/// Danger Assessment items (Campbell); yes/no questions, never a score.
pub const DANGER_ITEMS: Vocab = Vocab {
    name: "bahaya",
    terms: &[
        t(
            "senjata",
            "Diancam atau dilukai dengan senjata",
            "Threatened or hurt with a weapon",
        ),
        t("cekik", "Pernah dicekik", "Ever choked or strangled"),
        t(
            "makin_sering",
            "Kekerasan makin sering atau makin berat setahun ini",
            "Violence more frequent or severe this past year",
        ),
        t(
            "ancam_bunuh",
            "Diancam akan dibunuh (korban atau anak)",
            "Threatened to kill her or the children",
        ),
        t(
            "cemburu_mengontrol",
            "Cemburu berlebihan, mengatur kegiatan sehari-hari",
            "Violently jealous, controls her daily activities",
        ),
        t(
            "paksa_seks",
            "Dipaksa berhubungan seksual",
            "Forced to have sex",
        ),
        t(
            "hamil_dipukul",
            "Dipukul saat hamil",
            "Beaten while pregnant",
        ),
        t(
            "pelaku_menganggur",
            "Terlapor tidak bekerja",
            "Perpetrator unemployed",
        ),
        t(
            "akses_senjata_api",
            "Terlapor punya atau bisa memperoleh senjata api",
            "Perpetrator owns or can get a gun",
        ),
        t(
            "ancam_bunuh_diri",
            "Terlapor mengancam atau mencoba bunuh diri",
            "Perpetrator threatened or tried suicide",
        ),
        t(
            "pisah_setelah_hidup",
            "Korban pergi atau mencoba pergi setahun ini",
            "She left or tried to leave this past year",
        ),
        t(
            "anak_bukan_pelaku",
            "Ada anak korban yang bukan anak terlapor di rumah",
            "A child of hers not his lives with them",
        ),
    ],
};

/// How a follow-up was made (`domain::followup::KINDS`).
pub const FOLLOW_UP_KINDS: Vocab = Vocab {
    name: "jenis_pemantauan",
    terms: &[
        t("kunjungan_rumah", "Kunjungan rumah", "Home visit"),
        t("telepon", "Telepon", "Telephone"),
        t("kantor", "Di kantor", "At the office"),
        t("sekolah", "Di sekolah", "At school"),
        t("lainnya", "Lainnya", "Other"),
    ],
};

/// A supervisor's approval of a plan or a closure (`domain::approval::Approval::code`).
pub const APPROVALS: Vocab = Vocab {
    name: "persetujuan",
    terms: &[
        t("draf", "Draf", "Draft"),
        t("diajukan", "Diajukan", "Requested"),
        t("disetujui", "Disetujui", "Approved"),
        t("dikembalikan", "Dikembalikan", "Returned"),
    ],
};

/// A plan action's status (`domain::plan::ActionStatus::code`).
pub const ACTION_STATUS: Vocab = Vocab {
    name: "status_tindakan",
    terms: &[
        t("rencana", "Rencana", "Planned"),
        t("berjalan", "Berjalan", "Under way"),
        t("selesai", "Selesai", "Done"),
        t("batal", "Batal", "Dropped"),
    ],
};

/// The legal qualification of a case (domain.md: UU 12/2022 TPKS Pasal 4, UU 23/2004 PKDRT
/// Pasal 5, TPPO, UU Perlindungan Anak). Codes group by prefix: `tpks_`, `pkdrt_`.
pub const LEGAL_BASIS: Vocab = Vocab {
    name: "kualifikasi_hukum",
    terms: &[
        t(
            "tpks_pelecehan_nonfisik",
            "TPKS: pelecehan seksual nonfisik",
            "TPKS: non-physical sexual harassment",
        ),
        t(
            "tpks_pelecehan_fisik",
            "TPKS: pelecehan seksual fisik",
            "TPKS: physical sexual harassment",
        ),
        t(
            "tpks_pemaksaan_kontrasepsi",
            "TPKS: pemaksaan kontrasepsi",
            "TPKS: forced contraception",
        ),
        t(
            "tpks_pemaksaan_sterilisasi",
            "TPKS: pemaksaan sterilisasi",
            "TPKS: forced sterilisation",
        ),
        t(
            "tpks_pemaksaan_perkawinan",
            "TPKS: pemaksaan perkawinan",
            "TPKS: forced marriage",
        ),
        t(
            "tpks_penyiksaan_seksual",
            "TPKS: penyiksaan seksual",
            "TPKS: sexual torture",
        ),
        t(
            "tpks_eksploitasi_seksual",
            "TPKS: eksploitasi seksual",
            "TPKS: sexual exploitation",
        ),
        t(
            "tpks_perbudakan_seksual",
            "TPKS: perbudakan seksual",
            "TPKS: sexual slavery",
        ),
        t(
            "tpks_ksbe",
            "TPKS: kekerasan seksual berbasis elektronik",
            "TPKS: electronic sexual violence",
        ),
        t("tpks_perkosaan", "TPKS: perkosaan", "TPKS: rape"),
        t(
            "tpks_cabul",
            "TPKS: perbuatan cabul",
            "TPKS: indecent assault",
        ),
        t(
            "tpks_anak",
            "TPKS: persetubuhan/cabul/eksploitasi seksual terhadap anak",
            "TPKS: sexual abuse or exploitation of a child",
        ),
        t(
            "tpks_pornografi",
            "TPKS: pornografi anak atau kekerasan seksual",
            "TPKS: child or violent pornography",
        ),
        t(
            "tpks_pelacuran",
            "TPKS: pemaksaan pelacuran",
            "TPKS: forced prostitution",
        ),
        t(
            "tpks_tppo_seksual",
            "TPKS: TPPO untuk eksploitasi seksual",
            "TPKS: trafficking for sexual exploitation",
        ),
        t(
            "tpks_kdrt_seksual",
            "TPKS: kekerasan seksual dalam rumah tangga",
            "TPKS: sexual violence in the household",
        ),
        t(
            "tpks_belum_diketahui",
            "TPKS: jenis belum diketahui",
            "TPKS: kind not yet known",
        ),
        t(
            "pkdrt_fisik",
            "PKDRT: kekerasan fisik",
            "Domestic violence: physical",
        ),
        t(
            "pkdrt_psikis",
            "PKDRT: kekerasan psikis",
            "Domestic violence: psychological",
        ),
        t(
            "pkdrt_seksual",
            "PKDRT: kekerasan seksual",
            "Domestic violence: sexual",
        ),
        t(
            "pkdrt_penelantaran",
            "PKDRT: penelantaran rumah tangga",
            "Domestic violence: neglect",
        ),
        t("tppo", "TPPO (perdagangan orang)", "Trafficking in persons"),
        t("uu_pa", "UU Perlindungan Anak", "Child Protection Law"),
    ],
};

/// The kinds of legal event on a case's timeline (`domain::legal::EventKind`).
pub const LEGAL_EVENTS: Vocab = Vocab {
    name: "peristiwa_hukum",
    terms: &[
        t("laporan_polisi", "Laporan polisi", "Police report"),
        t("visum", "Visum et repertum", "Forensic examination (visum)"),
        t(
            "bap",
            "BAP (pemeriksaan korban)",
            "Victim's police examination (BAP)",
        ),
        t(
            "perlindungan",
            "Perlindungan sementara",
            "Temporary protection",
        ),
        t(
            "pelimpahan",
            "Pelimpahan ke kejaksaan / P21",
            "File sent to the prosecutor / P21",
        ),
        t("sidang", "Sidang", "Hearing"),
        t("putusan", "Putusan", "Verdict"),
        t("restitusi", "Restitusi", "Restitution"),
        t("lpsk", "Permohonan LPSK", "Request to LPSK"),
    ],
};

/// The steps of a mediation (`domain::legal::Step`).
pub const MEDIATION_STEPS: Vocab = Vocab {
    name: "tahap_mediasi",
    terms: &[
        t("asesmen", "Asesmen kelayakan", "Eligibility assessment"),
        t("sesi", "Sesi mediasi", "Mediation session"),
        t("kesepakatan", "Kesepakatan", "Agreement"),
        t("tinjauan", "Tinjauan kesepakatan", "Agreement review"),
    ],
};

/// What a mediation is about (`domain::legal::Matter`).
pub const MEDIATION_MATTERS: Vocab = Vocab {
    name: "perkara_mediasi",
    terms: &[
        t(
            "perdata",
            "Perkara perdata (nafkah, hak asuh, harta bersama)",
            "Civil matter (maintenance, custody, joint property)",
        ),
        t(
            "delik_aduan",
            "Delik aduan, korban tidak ingin menuntut",
            "Complaint offence, the victim does not want prosecution",
        ),
        t(
            "lainnya",
            "Lainnya (bukan untuk mediasi)",
            "Other (not for mediation)",
        ),
    ],
};

/// The law's checklist on a case (`domain::legal::CHECKLIST`).
pub const LEGAL_CHECKLIST: Vocab = Vocab {
    name: "daftar_periksa_hukum",
    terms: &[
        t(
            "hak_restitusi_lpsk",
            "Korban diberi tahu hak restitusi dan LPSK",
            "Victim told of her right to restitution and of LPSK",
        ),
        t(
            "penghapusan_konten",
            "Permintaan penghapusan konten diajukan",
            "Content take-down requested",
        ),
    ],
};

pub const CONSENT_ANSWERS: Vocab = Vocab {
    name: "persetujuan",
    terms: &[
        t("ya", "Ya, setuju", "Yes, consents"),
        t("tidak", "Tidak setuju", "Does not consent"),
        t("belum", "Belum dapat ditanyakan", "Could not be asked yet"),
    ],
};

pub const CONSENT_GIVERS: Vocab = Vocab {
    name: "pemberi_persetujuan",
    terms: &[
        t("korban", "Korban sendiri", "The victim"),
        t("orang_tua", "Orang tua", "Parent"),
        t("wali", "Wali", "Guardian"),
        t("keluarga", "Keluarga lain", "Other relative"),
        t(
            "pendamping",
            "Pendamping / pekerja sosial",
            "Caseworker / social worker",
        ),
        t("lainnya", "Lainnya", "Other"),
    ],
};

/// SIMFONI-PPA age bands, in report order.
pub const AGE_BANDS: Vocab = Vocab {
    name: "kelompok_umur",
    terms: &[
        t("0-5", "0–5", "0–5"),
        t("6-12", "6–12", "6–12"),
        t("13-17", "13–17", "13–17"),
        t("18-24", "18–24", "18–24"),
        t("25-44", "25–44", "25–44"),
        t("45-59", "45–59", "45–59"),
        t("60+", "60+", "60+"),
    ],
};

/// The age band code for an age in whole years.
pub fn age_band(age: u32) -> &'static str {
    match age {
        0..=5 => "0-5",
        6..=12 => "6-12",
        13..=17 => "13-17",
        18..=24 => "18-24",
        25..=44 => "25-44",
        45..=59 => "45-59",
        _ => "60+",
    }
}

/// Under 18 is a child (UU 35/2014 Pasal 1).
pub const ADULT_AGE: u32 = 18;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_letter_dialog_offers_the_minimum_then_every_letter_item() {
        assert_eq!(LETTER_PICK.terms[0].code, MINIMUM_ONLY);
        assert!(!LETTER_ITEMS.contains(MINIMUM_ONLY));
        let rest: Vec<_> = LETTER_PICK.terms[1..]
            .iter()
            .map(|t| (t.code, t.id, t.en))
            .collect();
        let items: Vec<_> = LETTER_ITEMS
            .terms
            .iter()
            .map(|t| (t.code, t.id, t.en))
            .collect();
        assert_eq!(rest, items);
    }

    #[test]
    fn the_most_serious_violence_is_sexual_then_trafficking_down_to_other() {
        assert_eq!(
            most_serious_violence(["psikis", "fisik", "seksual"]),
            Some("seksual")
        );
        assert_eq!(
            most_serious_violence(["penelantaran", "eksploitasi", "trafficking"]),
            Some("trafficking")
        );
        assert_eq!(most_serious_violence(["zz", "lainnya"]), Some("lainnya"));
        assert_eq!(most_serious_violence(["zz"]), Some("zz"));
        assert_eq!(most_serious_violence([]), None);
        // Every code of the vocabulary has its place in the order, and only those.
        let mut order = VIOLENCE_SEVERITY.to_vec();
        order.sort();
        let mut codes: Vec<_> = VIOLENCE.terms.iter().map(|t| t.code).collect();
        codes.sort();
        assert_eq!(order, codes);
    }

    #[test]
    fn codes_are_unique_within_each_vocabulary() {
        for v in [
            STAGES,
            VIOLENCE,
            AMPK,
            PLACES,
            PERPETRATOR_RELATIONS,
            SERVICES,
            AGENCY_KINDS,
            WITHHOLD,
            REFERRAL_STATUS,
            RISK,
            CLOSURE_REASONS,
            SEX,
            CHANNELS,
            REPORTER_KINDS,
            REPORTER_RELATIONS,
            DISABILITY,
            YES_NO,
            CONSENT_ANSWERS,
            CONSENT_GIVERS,
            AGE_BANDS,
            DANGER_ITEMS,
            FOLLOW_UP_KINDS,
            LEGAL_BASIS,
            LEGAL_EVENTS,
            MEDIATION_STEPS,
            MEDIATION_MATTERS,
            LEGAL_CHECKLIST,
            APPROVALS,
            ACTION_STATUS,
            EDUCATION,
            OCCUPATION,
            MARITAL,
            NATIONALITY,
            CASE_KINDS,
            AUTHORITY,
        ] {
            let mut codes: Vec<_> = v.terms.iter().map(|t| t.code).collect();
            codes.sort();
            codes.dedup();
            assert_eq!(codes.len(), v.terms.len(), "duplicate code in {}", v.name);
        }
    }

    #[test]
    fn the_record_vocabularies_label_every_code_the_rules_use() {
        let codes = |v: Vocab| v.terms.iter().map(|t| t.code).collect::<Vec<_>>();
        assert_eq!(
            codes(DANGER_ITEMS),
            crate::domain::assessment::DANGER_ITEMS.to_vec()
        );
        assert_eq!(
            codes(FOLLOW_UP_KINDS),
            crate::domain::followup::KINDS.to_vec()
        );
        let statuses: Vec<&str> = crate::domain::plan::ActionStatus::ALL
            .iter()
            .map(|s| s.code())
            .collect();
        assert_eq!(codes(ACTION_STATUS), statuses);
        use crate::domain::approval::Approval;
        let by = String::new;
        let approvals = [
            Approval::Draft.code(),
            Approval::Requested { by: by() }.code(),
            Approval::Approved { by: by() }.code(),
            Approval::Returned {
                by: by(),
                comment: by(),
            }
            .code(),
        ];
        assert_eq!(codes(APPROVALS), approvals.to_vec());
    }

    #[test]
    fn ampk_has_the_fifteen_letters_of_pasal_59() {
        let letters: String = AMPK.terms.iter().map(|t| t.code).collect();
        assert_eq!(letters, "abcdefghijklmno");
    }

    #[test]
    fn age_bands_follow_simfoni_edges() {
        assert_eq!(age_band(0), "0-5");
        assert_eq!(age_band(5), "0-5");
        assert_eq!(age_band(6), "6-12");
        assert_eq!(age_band(17), "13-17");
        assert_eq!(age_band(18), "18-24");
        assert_eq!(age_band(44), "25-44");
        assert_eq!(age_band(59), "45-59");
        assert_eq!(age_band(60), "60+");
        for b in ["0-5", "6-12", "13-17", "18-24", "25-44", "45-59", "60+"] {
            assert!(AGE_BANDS.contains(b));
        }
    }
}
