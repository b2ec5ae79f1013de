//! The referral letter (surat rujukan): what it says, as blocks that the text writer and the
//! PDF writer lay out each in their own way. Whatever the client's consent withholds is never
//! put into a block, so no layout can leak it.

use chrono::{Datelike, NaiveDate};

use super::agency::Agency;
use super::intake::Intake;
use super::referral::Referral;
use super::text::initials;
use super::validate::{age_on, parse_date};
use super::vocab::{self, Vocab};
use crate::lang::{Lang, fill};

/// One piece of a letter, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A letterhead line: centred, bold.
    Head(String),
    /// The rule under the letterhead.
    Rule,
    /// Place and date, right-aligned.
    Right(String),
    /// `label : value`, labels aligned in one column.
    Field(String, String),
    /// A paragraph, wrapped to the page.
    Para(String),
    /// A bold line: a section title or the signer's name.
    Strong(String),
    Blank,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub number: String,
    pub blocks: Vec<Block>,
}

/// Who signs for the office: the configured head (kepala UPTD). A letter signed with a login
/// name is no letter an agency files (issue 16).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signatory<'a> {
    pub name: &'a str,
    /// Jabatan, e.g. "Kepala UPTD PPA Kota Metro".
    pub title: &'a str,
    pub nip: &'a str,
}

/// What the office sends the letter as: from the configuration.
#[derive(Debug, Clone, Default)]
pub struct Sender<'a> {
    pub office: &'a str,
    pub letterhead: &'a [String],
    pub city: &'a str,
    pub phone: &'a str,
    /// The worker the agency should contact about this client: display name…
    pub contact: &'a str,
    /// …and role, in the letter's language.
    pub contact_role: &'a str,
    /// The head of office; None when not configured (the worker signs instead).
    pub head: Option<Signatory<'a>>,
}

/// What a letter may carry beyond the minimum when the client has not agreed to share her
/// data (`vocab::LETTER_ITEMS`): each only if the worker ticks it.
pub const MINIMUM_NOTE: &str = "minimum";

/// The fixed wording of a letter. The domain decides what a letter says and withholds;
/// `i18n::letter_word` says each of these in the letter's language, so every string a reader
/// sees stays in `i18n.rs` and the domain does not depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    LetterAddress,
    LetterAge,
    LetterAttachment,
    LetterBirth,
    LetterBirthAge,
    LetterCaseNumber,
    LetterChronology,
    LetterClientN,
    LetterConfidential,
    LetterContact,
    LetterGreeting,
    LetterGuardian,
    LetterName,
    LetterNature,
    LetterNumber,
    LetterOpening,
    LetterPerpetrator,
    LetterPhone,
    LetterPrivacy,
    LetterReason,
    LetterRegards,
    LetterReply,
    LetterReplyBy,
    LetterSafeNo,
    LetterSafeUnasked,
    LetterSafeYes,
    LetterSex,
    LetterSubject,
    LetterSubjectText,
    LetterTo,
    LetterVictimPhone,
    LetterViolence,
    LetterWithheldNote,
    LetterYears,
    LetterAgeBand,
    LetterMinimumNote,
    LetterNip,
}

/// Wording for a [`Word`] in a language: `i18n::letter_word` in the app.
pub type Words = fn(Word, Lang) -> &'static str;

/// Everything a letter is written from.
pub struct LetterInput<'a> {
    pub lang: Lang,
    pub words: Words,
    pub sender: Sender<'a>,
    pub number: &'a str,
    pub date: NaiveDate,
    pub agency: &'a Agency,
    pub referral: &'a Referral,
    pub case: &'a Intake,
    /// Items the worker ticked to add (`vocab::LETTER_ITEMS`), read only when the client has
    /// not agreed to share her data: then the letter carries the minimum and these.
    pub include: &'a [String],
}

/// True when the client agreed that her data may be shared with other agencies.
pub fn consent_to_share(case: &Intake) -> bool {
    case.consent.share == "ya"
}

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `23 November 2026`, as dates are written in letters.
pub fn long_date(d: NaiveDate, lang: Lang) -> String {
    let m = (d.month0()) as usize;
    let month = match lang {
        Lang::Id => MONTHS_ID[m],
        Lang::En => MONTHS_EN[m],
    };
    format!("{} {month} {}", d.day(), d.year())
}

fn label(v: Vocab, code: &str, lang: Lang) -> String {
    v.label(code, lang).to_string()
}

pub fn compose(i: &LetterInput<'_>) -> Letter {
    let lang = i.lang;
    let w = |m: Word| (i.words)(m, lang);
    let t = |m: Word| w(m).to_string();
    // Without consent to share, a letter carries the minimum — initials, age band, sex, the
    // service asked for, the office contact — and each further item only when the worker
    // ticked it (issue 16). With consent, everything but what the client withheld.
    let share = consent_to_share(i.case);
    let withheld = |code: &str| i.case.consent.withhold.iter().any(|c| c == code);
    let has = |item: &str| {
        let withheld_as = match item {
            "umur" => "tanggal_lahir",
            "wali" => "nama",
            other => other,
        };
        !withheld(withheld_as) && (share || i.include.iter().any(|c| c == item))
    };
    let mut b = Vec::new();

    if i.sender.letterhead.is_empty() {
        b.push(Block::Head(i.sender.office.to_string()));
    } else {
        b.extend(i.sender.letterhead.iter().map(|l| Block::Head(l.clone())));
    }
    b.push(Block::Rule);
    let place = if i.sender.city.is_empty() {
        long_date(i.date, lang)
    } else {
        format!("{}, {}", i.sender.city, long_date(i.date, lang))
    };
    b.push(Block::Right(place));
    b.push(Block::Field(t(Word::LetterNumber), i.number.to_string()));
    b.push(Block::Field(
        t(Word::LetterNature),
        t(Word::LetterConfidential),
    ));
    b.push(Block::Field(t(Word::LetterAttachment), "-".into()));
    b.push(Block::Field(
        t(Word::LetterSubject),
        fill(
            w(Word::LetterSubjectText),
            &[&label(vocab::SERVICES, &i.referral.service, lang)],
        ),
    ));
    b.push(Block::Blank);
    b.push(Block::Para(t(Word::LetterTo)));
    b.push(Block::Strong(i.agency.name.clone()));
    if !i.agency.address.is_empty() {
        b.push(Block::Para(i.agency.address.clone()));
    }
    b.push(Block::Blank);
    b.push(Block::Para(t(Word::LetterGreeting)));
    b.push(Block::Para(fill(
        w(Word::LetterOpening),
        &[&label(vocab::SERVICES, &i.referral.service, lang)],
    )));
    b.push(Block::Blank);
    b.push(Block::Field(
        t(Word::LetterCaseNumber),
        i.referral.case_number.clone(),
    ));

    let many = i.case.victims.len() > 1;
    for (n, v) in i.case.victims.iter().enumerate() {
        if many {
            b.push(Block::Strong(fill(w(Word::LetterClientN), &[&(n + 1)])));
        }
        let name = if has("nama") {
            v.name.clone()
        } else {
            initials(&v.name)
        };
        b.push(Block::Field(t(Word::LetterName), name));
        if !v.sex.is_empty() {
            b.push(Block::Field(
                t(Word::LetterSex),
                label(vocab::SEX, &v.sex, lang),
            ));
        }
        let birth = parse_date(&v.birth_date, i.date).ok();
        let age = birth
            .map(|d| age_on(d, i.date).to_string())
            .or_else(|| (!v.age.trim().is_empty()).then(|| v.age.trim().to_string()));
        match (birth, age) {
            (_, Some(a)) if !share && !has("umur") => {
                if let Ok(years) = a.parse::<u32>() {
                    b.push(Block::Field(
                        t(Word::LetterAgeBand),
                        fill(
                            w(Word::LetterYears),
                            &[&vocab::AGE_BANDS.label(vocab::age_band(years), lang)],
                        ),
                    ));
                }
            }
            (Some(d), Some(a)) if has("umur") => b.push(Block::Field(
                t(Word::LetterBirth),
                fill(
                    w(Word::LetterBirthAge),
                    &[&super::validate::format_date(d), &a],
                ),
            )),
            (_, Some(a)) => b.push(Block::Field(
                t(Word::LetterAge),
                fill(w(Word::LetterYears), &[&a]),
            )),
            _ => {}
        }
        if has("nik") && !v.nik.trim().is_empty() {
            b.push(Block::Field("NIK".into(), v.nik.trim().to_string()));
        }
        if has("alamat") {
            let mut addr = v.address.trim().to_string();
            if !v.region.is_empty() {
                let r = super::region::describe(&v.region);
                addr = if addr.is_empty() {
                    r
                } else {
                    format!("{addr}, {r}")
                };
            }
            if !addr.is_empty() {
                b.push(Block::Field(t(Word::LetterAddress), addr));
            }
        }
        // Her phone never travels without the answer to "aman dihubungi?": the agency that
        // rings a number the perpetrator answers puts her in danger.
        if has("telepon") && !v.phone.trim().is_empty() {
            let safe = match v.safe_contact.as_str() {
                "ya" => Word::LetterSafeYes,
                "tidak" => Word::LetterSafeNo,
                _ => Word::LetterSafeUnasked,
            };
            b.push(Block::Field(
                t(Word::LetterVictimPhone),
                format!("{} ({})", v.phone.trim(), w(safe)),
            ));
        }
        if !v.guardian.trim().is_empty() && has("wali") {
            b.push(Block::Field(
                t(Word::LetterGuardian),
                v.guardian.trim().into(),
            ));
        }
    }
    // A victim who reported herself has her own phone above, with its safety answer.
    if has("telepon") && !i.case.victim_reports() && !i.case.reporter.phone.trim().is_empty() {
        b.push(Block::Field(
            t(Word::LetterPhone),
            i.case.reporter.phone.trim().to_string(),
        ));
    }
    if has("kekerasan") && !i.case.incident.violence.is_empty() {
        let kinds: Vec<_> = i
            .case
            .incident
            .violence
            .iter()
            .map(|c| label(vocab::VIOLENCE, c, lang))
            .collect();
        b.push(Block::Field(t(Word::LetterViolence), kinds.join(", ")));
    }
    if has("pelaku") {
        for p in &i.case.perpetrators {
            let mut who = Vec::new();
            if !p.relation.is_empty() {
                who.push(label(vocab::PERPETRATOR_RELATIONS, &p.relation, lang));
            }
            if !p.age.trim().is_empty() {
                who.push(fill(w(Word::LetterYears), &[&p.age.trim()]));
            }
            if !who.is_empty() {
                b.push(Block::Field(t(Word::LetterPerpetrator), who.join(", ")));
            }
        }
    }
    if has("kronologi") && !i.case.incident.chronology.trim().is_empty() {
        b.push(Block::Blank);
        b.push(Block::Strong(t(Word::LetterChronology)));
        for para in i.case.incident.chronology.trim().split("\n\n") {
            b.push(Block::Para(para.trim().to_string()));
        }
    }
    b.push(Block::Blank);
    b.push(Block::Strong(t(Word::LetterReason)));
    b.push(Block::Para(i.referral.reason.trim().to_string()));
    b.push(Block::Blank);
    let reply = match i.referral.follow_up {
        Some(d) => fill(w(Word::LetterReplyBy), &[&long_date(d, lang)]),
        None => t(Word::LetterReply),
    };
    b.push(Block::Para(reply));
    // The worker by name and role, then the office phone: "Ani Wulandari, Petugas —
    // (0725) 000000", never a login name.
    let mut contact = i.sender.contact.to_string();
    if !i.sender.contact_role.is_empty() {
        contact = format!("{contact}, {}", i.sender.contact_role);
    }
    if !i.sender.phone.is_empty() {
        contact = format!("{contact} — {}", i.sender.phone);
    }
    b.push(Block::Field(t(Word::LetterContact), contact));
    b.push(Block::Blank);
    b.push(Block::Para(t(Word::LetterPrivacy)));
    if !share {
        b.push(Block::Para(t(Word::LetterMinimumNote)));
    } else if !i.case.consent.withhold.is_empty() {
        b.push(Block::Para(t(Word::LetterWithheldNote)));
    }
    b.push(Block::Blank);
    b.push(Block::Right(t(Word::LetterRegards)));
    match &i.sender.head {
        Some(h) => {
            let title = if h.title.is_empty() {
                i.sender.office
            } else {
                h.title
            };
            b.push(Block::Right(title.to_string()));
            b.push(Block::Blank);
            b.push(Block::Blank);
            b.push(Block::Right(h.name.to_string()));
            if !h.nip.is_empty() {
                b.push(Block::Right(format!("{} {}", w(Word::LetterNip), h.nip)));
            }
        }
        None => {
            b.push(Block::Right(i.sender.office.to_string()));
            b.push(Block::Blank);
            b.push(Block::Blank);
            b.push(Block::Right(i.sender.contact.to_string()));
            if !i.sender.contact_role.is_empty() {
                b.push(Block::Right(i.sender.contact_role.to_string()));
            }
        }
    }

    // Everything above came from the database or the configuration file and was cleaned on
    // the way in; a letter leaves meja, so it is cleaned again on the way out.
    use super::text::{clean_line, clean_multiline};
    for block in &mut b {
        match block {
            Block::Head(x) | Block::Right(x) | Block::Strong(x) => *x = clean_line(x),
            Block::Field(l, v) => {
                *l = clean_line(l);
                *v = clean_multiline(v);
            }
            Block::Para(x) => *x = clean_multiline(x),
            Block::Rule | Block::Blank => {}
        }
    }
    Letter {
        number: clean_line(i.number),
        blocks: b,
    }
}

impl Letter {
    /// Plain text, wrapped at `width` columns: for the screen, a text file, or a printer.
    pub fn to_text(&self, width: usize) -> String {
        let width = width.max(40);
        let label_w = self
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Field(l, _) => Some(l.chars().count()),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        let mut out = String::new();
        for b in &self.blocks {
            match b {
                Block::Head(s) => {
                    let pad = width.saturating_sub(s.chars().count()) / 2;
                    out.push_str(&" ".repeat(pad));
                    out.push_str(s);
                    out.push('\n');
                }
                Block::Rule => {
                    out.push_str(&"=".repeat(width));
                    out.push('\n');
                }
                Block::Right(s) => {
                    let pad = width.saturating_sub(s.chars().count());
                    out.push_str(&" ".repeat(pad));
                    out.push_str(s);
                    out.push('\n');
                }
                Block::Field(l, v) => {
                    let head = format!("{l:<label_w$} : ");
                    let indent = head.chars().count();
                    for (n, line) in wrap(v, width.saturating_sub(indent).max(20))
                        .into_iter()
                        .enumerate()
                    {
                        if n == 0 {
                            out.push_str(&head);
                        } else {
                            out.push_str(&" ".repeat(indent));
                        }
                        out.push_str(&line);
                        out.push('\n');
                    }
                }
                Block::Para(s) | Block::Strong(s) => {
                    for line in wrap(s, width) {
                        out.push_str(&line);
                        out.push('\n');
                    }
                }
                Block::Blank => out.push('\n'),
            }
        }
        out
    }
}

/// Greedy word wrap by characters; a word longer than the line is cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let mut word = word.to_string();
            while word.chars().count() > width {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                let head: String = word.chars().take(width).collect();
                word = word.chars().skip(width).collect();
                lines.push(head);
            }
            let need = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
            if need > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::intake::{Perpetrator, Victim};
    use crate::domain::referral::Status;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn case() -> Intake {
        let mut i = Intake::default();
        i.reporter.phone = "081234567890".into();
        i.victims = vec![Victim {
            name: "Siti Aminah".into(),
            nik: "1872014103140001".into(),
            sex: "P".into(),
            birth_date: "01-03-2014".into(),
            address: "Jl. Melati No. 5".into(),
            guardian: "Ibu Rahma".into(),
            ..Default::default()
        }];
        i.perpetrators = vec![Perpetrator {
            name: "Budi Santoso".into(),
            relation: "tetangga".into(),
            age: "40".into(),
            ..Default::default()
        }];
        i.incident.violence = vec!["seksual".into()];
        i.incident.chronology = "Kejadian di rumah tetangga pada sore hari.".into();
        i.consent.share = "ya".into();
        i
    }

    fn referral() -> Referral {
        Referral {
            id: 1,
            case_id: 1,
            case_number: "PPA/2026/0001".into(),
            agency_id: 1,
            agency_name: "Biro Psikologi Harapan".into(),
            service: "psikologis".into(),
            reason: "Anak menunjukkan tanda trauma; mohon asesmen psikologis.".into(),
            follow_up: NaiveDate::from_ymd_opt(2026, 11, 30),
            status: Status::Dikirim,
            status_note: String::new(),
            override_reason: None,
            letter_number: None,
            created: today(),
            created_by: "ani".into(),
            version: 1,
        }
    }

    fn letter(c: &Intake) -> String {
        letter_with(c, &[], None)
    }

    fn letter_with(c: &Intake, include: &[String], head: Option<Signatory<'_>>) -> String {
        let agency = Agency {
            name: "Biro Psikologi Harapan".into(),
            address: "Jl. Kenanga 2, Metro".into(),
            ..Default::default()
        };
        let letterhead = vec!["PEMERINTAH KOTA CONTOH".to_string(), "UPTD PPA".to_string()];
        compose(&LetterInput {
            lang: Lang::Id,
            words: crate::i18n::letter_word,
            sender: Sender {
                office: "UPTD PPA Kota Contoh",
                letterhead: &letterhead,
                city: "Metro",
                phone: "0725-000000",
                contact: "Ani Lestari",
                contact_role: "Petugas layanan",
                head,
            },
            number: "007/UPTD-PPA/XI/2026",
            date: today(),
            agency: &agency,
            referral: &referral(),
            case: c,
            include,
        })
        .to_text(78)
    }

    #[test]
    fn a_letter_with_full_consent_carries_the_client_data() {
        let t = letter(&case());
        for want in [
            "PEMERINTAH KOTA CONTOH",
            "Metro, 23 November 2026",
            "007/UPTD-PPA/XI/2026",
            "Biro Psikologi Harapan",
            "PPA/2026/0001",
            "Siti Aminah",
            "1872014103140001",
            "01-03-2014",
            "Jl. Melati No. 5",
            "081234567890",
            "Perempuan",
            "Seksual",
            "Kejadian di rumah tetangga",
            "mohon asesmen psikologis",
            "30 November 2026",
            "Ani Lestari, Petugas layanan — 0725-000000",
        ] {
            assert!(t.contains(want), "missing {want:?} in\n{t}");
        }
        // The alleged perpetrator is described, never named, in a letter about the victim.
        assert!(!t.contains("Budi"));
        assert!(t.lines().all(|l| l.chars().count() <= 78), "{t}");
    }

    #[test]
    fn the_victim_phone_travels_with_whether_it_is_safe_to_ring() {
        let mut c = case();
        c.victims[0].phone = "085712345678".into();
        c.victims[0].safe_contact = "tidak".into();
        let t = letter(&c);
        let line = t.lines().find(|l| l.contains("085712345678")).unwrap();
        assert!(line.contains("Telepon korban"), "{t}");
        assert!(line.contains("TIDAK aman dihubungi"), "{t}");
        c.victims[0].safe_contact = String::new();
        assert!(letter(&c).contains("belum ditanya apakah aman dihubungi"));
        // Reporting herself, her number is the reporter's: written once, with the answer.
        c.reporter.kind = "korban".into();
        c.reporter.phone = "085712345678".into();
        assert_eq!(letter(&c).matches("085712345678").count(), 1);
        c.consent.withhold = vec!["telepon".into()];
        assert!(!letter(&c).contains("085712345678"));
    }

    #[test]
    fn what_consent_withholds_is_absent() {
        let mut c = case();
        c.consent.withhold = vocab::WITHHOLD
            .terms
            .iter()
            .map(|t| t.code.into())
            .collect();
        let t = letter(&c);
        for gone in [
            "Siti Aminah",
            "Ibu Rahma",
            "1872014103140001",
            "01-03-2014",
            "Jl. Melati",
            "081234567890",
            "Kejadian di rumah tetangga",
            "Tetangga",
        ] {
            assert!(!t.contains(gone), "{gone:?} leaked into\n{t}");
        }
        assert!(t.contains("S.A."));
        assert!(t.contains("12 tahun"), "{t}");
        assert!(t.contains("mohon asesmen psikologis"));
    }

    /// Issue 16 point 3: without consent to share (a "tidak", or never asked), the letter
    /// carries initials, age band, sex, the service asked for and the office contact; nothing
    /// else unless the worker ticks it, and what the client withheld stays out even then.
    #[test]
    fn without_consent_to_share_a_letter_carries_the_minimum_and_what_was_ticked() {
        for share in ["tidak", ""] {
            let mut c = case();
            c.consent.share = share.into();
            let t = letter(&c);
            for gone in [
                "Siti Aminah",
                "Ibu Rahma",
                "1872014103140001",
                "01-03-2014",
                ": 12 tahun",
                "(12 tahun)",
                "Jl. Melati",
                "081234567890",
                "Seksual",
                "Tetangga",
                "Kejadian di rumah tetangga",
            ] {
                assert!(!t.contains(gone), "{gone:?} leaked into\n{t}");
            }
            for want in [
                "S.A.",
                "Kelompok umur : 6–12 tahun",
                "Perempuan",
                "psikologis",
                "Ani Lestari, Petugas layanan — 0725-000000",
                "belum menyetujui datanya dibagi",
            ] {
                assert!(t.contains(want), "missing {want:?} in\n{t}");
            }
        }
        let mut c = case();
        c.consent.share = "tidak".into();
        c.consent.withhold = vec!["alamat".into()];
        let ticked: Vec<String> = ["kekerasan", "alamat", "umur"].map(String::from).to_vec();
        let t = letter_with(&c, &ticked, None);
        assert!(t.contains("Seksual"), "{t}");
        assert!(t.contains("01-03-2014 (12 tahun)"), "{t}");
        assert!(!t.contains("Jl. Melati"), "withheld wins over a tick: {t}");
        assert!(
            !t.contains("Siti Aminah") && !t.contains("Kejadian di rumah"),
            "{t}"
        );
        // With consent, ticks change nothing: everything not withheld is there.
        assert!(letter_with(&case(), &[], None).contains("Kejadian di rumah tetangga"));
    }

    /// Issue 16 point 19: the configured head of office signs (name, jabatan, NIP); without
    /// one, the worker signs by display name and role, never a login name.
    #[test]
    fn the_head_of_office_signs_and_the_worker_is_named_by_name_and_role() {
        let head = Signatory {
            name: "Dra. Sri Handayani, M.Si.",
            title: "Kepala UPTD PPA Kota Contoh",
            nip: "197003011995032001",
        };
        let t = letter_with(&case(), &[], Some(head));
        let tail: Vec<&str> = t.lines().rev().take(8).map(str::trim).collect();
        assert!(tail.contains(&"Dra. Sri Handayani, M.Si."), "{t}");
        assert!(tail.contains(&"Kepala UPTD PPA Kota Contoh"), "{t}");
        assert!(tail.contains(&"NIP. 197003011995032001"), "{t}");
        assert!(!tail.contains(&"Ani Lestari"), "{t}");
        let t = letter(&case());
        let tail: Vec<&str> = t.lines().rev().take(4).map(str::trim).collect();
        assert_eq!(tail[..2], ["Petugas layanan", "Ani Lestari"], "{t}");
    }

    #[test]
    fn wrap_keeps_words_and_cuts_only_overlong_ones() {
        assert_eq!(wrap("satu dua tiga", 8), vec!["satu dua", "tiga"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 10), vec![""]);
    }

    #[test]
    fn a_letter_carries_no_terminal_controls_even_from_a_tampered_database() {
        let mut c = case();
        c.victims[0].name = "Siti\x1b]52;c;aGk=\x07 \u{202E}Aminah".into();
        c.incident.chronology = "baris\x1b[2J satu\nbaris \u{9b}31mdua".into();
        let text = letter(&c);
        assert!(text.contains("Siti Aminah"), "{text}");
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
        assert!(!text.contains('\u{202E}'));
    }
}
