//! Case data as rows for a spreadsheet or another tool: one row per victim, as SIMFONI-PPA
//! takes one entry per victim. The de-identified form is decided here, column by column, so
//! what leaves the office without names is one list a reviewer can read.

use chrono::NaiveDate;

use super::intake::PersonRecord;
use super::report::kabkota;
use super::roughdate::RoughDate;
use super::simfoni::effective_case_kind;
use super::text::initials;
use super::vocab::age_band;

/// One case, everything an export may need. Vocabulary values are codes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExportCase {
    pub number: String,
    pub origin_number: Option<String>,
    pub opened: NaiveDate,
    pub stage: String,
    pub risk: String,
    pub emergency: bool,
    pub channel: Option<String>,
    /// At its precision: `2026-11` or `2020` when the day (or month) was not known.
    pub incident_date: Option<RoughDate>,
    pub place: Option<String>,
    pub incident_address: String,
    pub incident_region: Option<String>,
    pub violence: Vec<String>,
    pub services: Vec<String>,
    pub chronology: String,
    pub reporter: Option<PersonRecord>,
    pub victims: Vec<PersonRecord>,
    pub perpetrators: Vec<PersonRecord>,
    pub closed: Option<NaiveDate>,
    pub closure_reason: Option<String>,
    pub referrals: usize,
    /// The jenis kasus chosen on the form (None: derived from the victims).
    pub case_kind: Option<String>,
    pub authority: Option<String>,
}

/// How dates are written: ISO for tools, day first for a spreadsheet set to Indonesian.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    Iso,
    DayFirst,
}

impl DateStyle {
    pub fn write(self, d: NaiveDate) -> String {
        match self {
            DateStyle::Iso => d.format("%Y-%m-%d").to_string(),
            DateStyle::DayFirst => d.format("%d/%m/%Y").to_string(),
        }
    }

    /// A date known to a day, a month or a year, at its precision.
    pub fn write_rough(self, d: RoughDate) -> String {
        match self {
            DateStyle::Iso => d.iso(),
            DateStyle::DayFirst => d.written('/'),
        }
    }
}

/// What a de-identified export does with a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Deid {
    Keep,
    /// Left out: names, NIK, phones, street addresses, birth dates, exact ages, free text.
    Drop,
    /// A name becomes initials, under another column name.
    Initials(&'static str),
    /// A region code is cut to its kab/kota.
    KabKota,
}

/// Column names are the format: Indonesian, stable, whatever the screen's language.
const COLUMNS: &[(&str, Deid)] = &[
    ("nomor_kasus", Deid::Keep),
    ("nomor_asal", Deid::Keep),
    ("tanggal_lapor", Deid::Keep),
    ("tahap", Deid::Keep),
    ("risiko", Deid::Keep),
    ("darurat", Deid::Keep),
    ("cara_melapor", Deid::Keep),
    ("tanggal_kejadian", Deid::Keep),
    ("tempat_kejadian", Deid::Keep),
    ("alamat_kejadian", Deid::Drop),
    ("wilayah_kejadian", Deid::KabKota),
    ("jenis_kekerasan", Deid::Keep),
    ("layanan", Deid::Keep),
    ("korban_ke", Deid::Keep),
    ("nama_korban", Deid::Initials("inisial_korban")),
    ("nik_korban", Deid::Drop),
    ("jenis_kelamin", Deid::Keep),
    ("tanggal_lahir", Deid::Drop),
    ("umur", Deid::Drop),
    ("kelompok_umur", Deid::Keep),
    ("alamat_korban", Deid::Drop),
    ("wilayah_korban", Deid::KabKota),
    ("disabilitas", Deid::Keep),
    ("sekolah_pekerjaan", Deid::Drop),
    ("orang_tua_wali", Deid::Drop),
    ("ampk", Deid::Keep),
    ("jumlah_terlapor", Deid::Keep),
    ("hubungan_terlapor", Deid::Keep),
    ("nama_terlapor", Deid::Drop),
    ("nama_pelapor", Deid::Drop),
    ("hubungan_pelapor", Deid::Keep),
    ("telepon_pelapor", Deid::Drop),
    ("alamat_pelapor", Deid::Drop),
    ("kronologi", Deid::Drop),
    ("tanggal_tutup", Deid::Keep),
    ("alasan_tutup", Deid::Keep),
    ("jumlah_rujukan", Deid::Keep),
    // The fields SIMFONI counts (issue 18), after the older columns so tools reading those
    // by position still find them. Pendidikan, pekerjaan and perkawinan are counted in
    // SIMFONI's tables and stay in the de-identified form; the domicile is an address, and a
    // WNA's country would single her out in a small office.
    ("jenis_kasus", Deid::Keep),
    ("kewenangan", Deid::Keep),
    ("alamat_domisili", Deid::Drop),
    ("pendidikan", Deid::Keep),
    ("pekerjaan", Deid::Keep),
    ("status_perkawinan", Deid::Keep),
    ("kewarganegaraan", Deid::Keep),
    ("negara", Deid::Drop),
    ("pendidikan_terlapor", Deid::Keep),
    ("pekerjaan_terlapor", Deid::Keep),
    ("kewarganegaraan_terlapor", Deid::Keep),
];

/// Lists inside a cell, as in the directory sheet.
pub const LIST_SEP: &str = "|";

/// The header of an export.
pub fn header(deidentified: bool) -> Vec<&'static str> {
    COLUMNS
        .iter()
        .filter_map(|(name, d)| match (deidentified, d) {
            (true, Deid::Drop) => None,
            (true, Deid::Initials(other)) => Some(*other),
            _ => Some(*name),
        })
        .collect()
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

fn list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items.into_iter().collect::<Vec<_>>().join(LIST_SEP)
}

/// One row per victim of each case, aligned with `header(deidentified)`.
pub fn rows(cases: &[ExportCase], deidentified: bool, dates: DateStyle) -> Vec<Vec<String>> {
    let date = |d: Option<NaiveDate>| d.map(|d| dates.write(d)).unwrap_or_default();
    let mut out = Vec::new();
    for c in cases {
        let reporter = c.reporter.clone().unwrap_or_default();
        let ages: Vec<(Option<&str>, Option<u32>)> = c
            .victims
            .iter()
            .map(|v| (v.sex.as_deref(), v.age))
            .collect();
        let kind = effective_case_kind(c.case_kind.as_deref(), &ages).unwrap_or_default();
        let of_perpetrators = |f: fn(&PersonRecord) -> &Option<String>| {
            list(c.perpetrators.iter().filter_map(|p| f(p).as_deref()))
        };
        for (i, v) in c.victims.iter().enumerate() {
            let full: Vec<String> = vec![
                c.number.clone(),
                opt(&c.origin_number),
                dates.write(c.opened),
                c.stage.clone(),
                c.risk.clone(),
                if c.emergency { "ya" } else { "tidak" }.into(),
                opt(&c.channel),
                c.incident_date
                    .map(|d| dates.write_rough(d))
                    .unwrap_or_default(),
                opt(&c.place),
                c.incident_address.clone(),
                opt(&c.incident_region),
                list(c.violence.iter().map(String::as_str)),
                list(c.services.iter().map(String::as_str)),
                (i + 1).to_string(),
                v.name.clone(),
                opt(&v.nik),
                opt(&v.sex),
                date(v.birth_date),
                v.age.map(|a| a.to_string()).unwrap_or_default(),
                v.age.map(age_band).unwrap_or_default().to_string(),
                v.address.clone(),
                opt(&v.region),
                opt(&v.disability),
                v.schooling.clone(),
                v.guardian.clone(),
                list(v.ampk.iter().map(String::as_str)),
                c.perpetrators.len().to_string(),
                list(c.perpetrators.iter().filter_map(|p| p.relation.as_deref())),
                list(
                    c.perpetrators
                        .iter()
                        .map(|p| p.name.as_str())
                        .filter(|n| !n.is_empty()),
                ),
                reporter.name.clone(),
                opt(&reporter.relation),
                opt(&reporter.phone),
                reporter.address.clone(),
                c.chronology.clone(),
                date(c.closed),
                opt(&c.closure_reason),
                c.referrals.to_string(),
                kind.clone(),
                opt(&c.authority),
                v.domicile.clone(),
                opt(&v.education),
                opt(&v.occupation),
                opt(&v.marital),
                opt(&v.nationality),
                v.country.clone(),
                of_perpetrators(|p| &p.education),
                of_perpetrators(|p| &p.occupation),
                of_perpetrators(|p| &p.nationality),
            ];
            debug_assert_eq!(full.len(), COLUMNS.len());
            let row = if deidentified {
                full.into_iter()
                    .zip(COLUMNS)
                    .filter_map(|(value, (_, d))| match d {
                        Deid::Keep => Some(value),
                        Deid::Drop => None,
                        Deid::Initials(_) => Some(if value.trim().is_empty() {
                            String::new()
                        } else {
                            initials(&value)
                        }),
                        Deid::KabKota => Some(kabkota(&value).unwrap_or("").to_string()),
                    })
                    .collect()
            } else {
                full
            };
            out.push(row);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ExportCase {
        let victim = PersonRecord {
            name: "Siti Nur Aminah".into(),
            nik: Some("1872015502140001".into()),
            sex: Some("P".into()),
            birth_date: NaiveDate::from_ymd_opt(2014, 2, 15),
            age: Some(12),
            address: "Jl. Melati No. 4".into(),
            region: Some("18.72.01.1001".into()),
            ampk: vec!["i".into(), "j".into()],
            domicile: "Jl. Mawar No. 9".into(),
            education: Some("sd".into()),
            occupation: Some("pelajar".into()),
            marital: Some("belum_menikah".into()),
            nationality: Some("wna".into()),
            country: "Timor-Leste".into(),
            ..Default::default()
        };
        ExportCase {
            number: "PPA/2026/0001".into(),
            opened: NaiveDate::from_ymd_opt(2026, 10, 5).unwrap(),
            stage: "asesmen".into(),
            risk: "tinggi".into(),
            violence: vec!["fisik".into(), "seksual".into()],
            reporter: Some(PersonRecord {
                name: "Rina Wulandari".into(),
                phone: Some("081234567890".into()),
                ..Default::default()
            }),
            victims: vec![victim],
            ..Default::default()
        }
    }

    #[test]
    fn full_rows_align_with_the_header_and_join_lists() {
        let r = rows(&[sample()], false, DateStyle::DayFirst);
        let h = header(false);
        assert_eq!(r[0].len(), h.len());
        let at = |k: &str| &r[0][h.iter().position(|x| *x == k).unwrap()];
        assert_eq!(at("tanggal_lapor"), "05/10/2026");
        assert_eq!(at("jenis_kekerasan"), "fisik|seksual");
        assert_eq!(at("kelompok_umur"), "6-12");
        assert_eq!(at("nik_korban"), "1872015502140001");
    }

    #[test]
    fn deidentified_rows_keep_initials_band_sex_and_kabkota_only() {
        let r = rows(&[sample()], true, DateStyle::Iso);
        let h = header(true);
        assert_eq!(r[0].len(), h.len());
        let joined = r[0].join(",");
        for secret in [
            "Siti",
            "Aminah",
            "1872015502140001",
            "Melati",
            "Rina",
            "0812",
            "2014",
            "Mawar",
            "Timor",
        ] {
            assert!(!joined.contains(secret), "{secret} leaked: {joined}");
        }
        let at = |k: &str| &r[0][h.iter().position(|x| *x == k).unwrap()];
        assert_eq!(at("inisial_korban"), "S.N.A.");
        assert_eq!(at("wilayah_korban"), "18.72");
        assert_eq!(at("kelompok_umur"), "6-12");
        assert_eq!(at("jenis_kelamin"), "P");
        assert!(!h.contains(&"umur") && !h.contains(&"nama_korban"));
        // SIMFONI's counted fields stay; the domicile and a WNA's country go.
        assert_eq!(at("pendidikan"), "sd");
        assert_eq!(at("pekerjaan"), "pelajar");
        assert_eq!(at("status_perkawinan"), "belum_menikah");
        assert_eq!(at("jenis_kasus"), "ampk");
        assert!(!h.contains(&"alamat_domisili") && !h.contains(&"negara"));
    }

    #[test]
    fn full_rows_carry_the_simfoni_fields() {
        let mut c = sample();
        c.perpetrators = vec![PersonRecord {
            education: Some("slta".into()),
            occupation: Some("swasta_buruh".into()),
            nationality: Some("wni".into()),
            ..Default::default()
        }];
        c.authority = Some("pusat".into());
        let r = rows(&[c], false, DateStyle::Iso);
        let h = header(false);
        let at = |k: &str| &r[0][h.iter().position(|x| *x == k).unwrap()];
        assert_eq!(at("alamat_domisili"), "Jl. Mawar No. 9");
        assert_eq!(at("negara"), "Timor-Leste");
        assert_eq!(at("kewenangan"), "pusat");
        assert_eq!(at("pendidikan_terlapor"), "slta");
        assert_eq!(at("pekerjaan_terlapor"), "swasta_buruh");
        assert_eq!(
            at("jenis_kasus"),
            "ampk",
            "derived from the 12-year-old victim"
        );
    }
}
