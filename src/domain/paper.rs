//! The papers an office prints for signing (issue 19): the complaint form, informed consent,
//! the victim's rights, the Berita Acara of a mediation, the final report. Each is composed
//! into the referral letter's [`Block`]s, so the one text writer and the one PDF writer
//! (`io/pdf.rs`) lay them out, under the same letterhead and signatory.
//!
//! The kinds are a closed list in one place, [`Kind`]: a new paper (the rumah aman Berita
//! Acara) is a new variant, its data in [`PaperInput`] and one `compose_…` function. As with
//! letters, whatever a copy must not carry is never put into a block, so no layout can leak it.

use chrono::NaiveDate;

use super::case::Stage;
use super::intake::{Intake, Victim};
use super::legal::{Detail, LegalEvent, MediationRecord, Step};
use super::letter::{Block, Letter, Sender, long_date};
use super::referral::Referral;
use super::text::initials;
use super::validate::{age_on, format_date, parse_date};
use super::vocab::{self, Term, Vocab};
use crate::lang::{Lang, fill};

/// Every paper meja prints. `code` is what `meja print` takes and the access log records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Formulir Penerimaan Pengaduan: the intake as the complaint form signed at the desk.
    Pengaduan,
    /// Persetujuan (informed consent): services, sharing and with whom, what is withheld.
    Persetujuan,
    /// Hak korban: one page of the victim's rights and what the office will do.
    HakKorban,
    /// Berita Acara mediasi: the mediation and its agreement.
    BaMediasi,
    /// Laporan akhir penanganan kasus: the case's course, at closure.
    LaporanAkhir,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Pengaduan,
        Kind::Persetujuan,
        Kind::HakKorban,
        Kind::BaMediasi,
        Kind::LaporanAkhir,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Pengaduan => "pengaduan",
            Kind::Persetujuan => "persetujuan",
            Kind::HakKorban => "hak-korban",
            Kind::BaMediasi => "ba-mediasi",
            Kind::LaporanAkhir => "laporan-akhir",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        let code = code.trim().to_lowercase().replace('_', "-");
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Offices give outgoing official papers — a Berita Acara, a report sent up to the Dinas —
    /// a number from the same register as letters; the forms a client signs at the desk carry
    /// the case number instead.
    pub fn numbered(self) -> bool {
        matches!(self, Kind::BaMediasi | Kind::LaporanAkhir)
    }

    /// Only the complaint form is given to others in two versions (the office's, and a copy
    /// that leaves out what consent withholds).
    pub fn has_copies(self) -> bool {
        matches!(self, Kind::Pengaduan)
    }

    /// Whether the chronology may be added on request (the final report leaves it out unless
    /// chosen).
    pub fn chronology_optional(self) -> bool {
        matches!(self, Kind::LaporanAkhir)
    }

    pub fn title(self) -> Word {
        match self {
            Kind::Pengaduan => Word::TitlePengaduan,
            Kind::Persetujuan => Word::TitlePersetujuan,
            Kind::HakKorban => Word::TitleHakKorban,
            Kind::BaMediasi => Word::TitleBaMediasi,
            Kind::LaporanAkhir => Word::TitleLaporanAkhir,
        }
    }
}

/// The papers' names, as the case file's menu and `meja print` show them: the labels live
/// beside [`Kind`] so a new kind is added in one file (a test checks they agree).
pub const PAPERS: Vocab = Vocab {
    name: "kertas",
    terms: &[
        Term {
            code: "pengaduan",
            id: "Formulir penerimaan pengaduan",
            en: "Complaint receipt form",
        },
        Term {
            code: "persetujuan",
            id: "Persetujuan (informed consent)",
            en: "Informed consent",
        },
        Term {
            code: "hak-korban",
            id: "Hak korban",
            en: "Victim's rights",
        },
        Term {
            code: "ba-mediasi",
            id: "Berita acara mediasi",
            en: "Record of mediation",
        },
        Term {
            code: "laporan-akhir",
            id: "Laporan akhir penanganan kasus",
            en: "Final case report",
        },
    ],
};

/// The copies of a paper that has two (`Kind::has_copies`).
pub const COPIES: Vocab = Vocab {
    name: "salinan",
    terms: &[
        Term {
            code: "kantor",
            id: "Arsip kantor (lengkap)",
            en: "Office file (complete)",
        },
        Term {
            code: "pihak-lain",
            id: "Salinan untuk pihak lain (tanpa yang dirahasiakan)",
            en: "Copy for others (without what is withheld)",
        },
    ],
};

/// Which copy of a paper: the office's own file, or one meant for others (an agency, the
/// police, the family), which leaves out what the client's consent withholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Copy {
    #[default]
    Office,
    Others,
}

impl Copy {
    pub const ALL: [Copy; 2] = [Copy::Office, Copy::Others];

    pub fn code(self) -> &'static str {
        match self {
            Copy::Office => "kantor",
            Copy::Others => "pihak-lain",
        }
    }

    pub fn from_code(code: &str) -> Option<Copy> {
        let code = code.trim().to_lowercase().replace('_', "-");
        Copy::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// Why a paper cannot be written for a case yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A Berita Acara mediasi needs an agreement recorded.
    NoAgreement,
    /// A final report is written at closure.
    NotClosed,
}

/// The fixed wording of papers, said in a language by `i18n::paper_word` (as
/// [`super::letter::Word`] is for letters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    TitlePengaduan,
    TitlePersetujuan,
    TitleHakKorban,
    TitleBaMediasi,
    TitleLaporanAkhir,
    CopyOffice,
    CopyOthers,
    Number,
    CaseNumber,
    Received,
    Channel,
    SectionReporter,
    SectionVictim,
    SectionVictimN,
    SectionPerpetrator,
    SectionIncident,
    SectionNeeds,
    SectionConsent,
    Name,
    Nik,
    Sex,
    Birth,
    Age,
    Years,
    Address,
    Domicile,
    Phone,
    SafeYes,
    SafeNo,
    SafeUnasked,
    Disability,
    Guardian,
    Relation,
    IncidentDate,
    Ongoing,
    Place,
    Violence,
    Chronology,
    Risk,
    Services,
    ConsentServices,
    ConsentShare,
    ConsentWithhold,
    ConsentNote,
    NothingWithheld,
    NotRecorded,
    SignReporter,
    SignWorker,
    SignClient,
    SignHead,
    SignKnown,
    ConsentIntro,
    ConsentAs,
    ConsentExplained,
    ConsentWith,
    ConsentNoAgency,
    ConsentRevoke,
    RightsIntro,
    RightsHandling,
    RightsProtection,
    RightsRecovery,
    RightsList,
    OfficeWillTitle,
    OfficeWill,
    RightsContact,
    RightsReceived,
    MediationOpening,
    MediationParties,
    MediationVictim,
    MediationOther,
    MediationAssessment,
    MediationMatter,
    MediationFree,
    MediationAssessor,
    MediationSessions,
    MediationAttended,
    MediationResult,
    MediationAgreement,
    MediationFollowUp,
    MediationReviews,
    MediationKept,
    MediationNotKept,
    MediationClosing,
    SignFirst,
    SignSecond,
    SignMediator,
    ReportCase,
    ReportOpened,
    ReportClosed,
    ReportReason,
    ReportStages,
    ReportServices,
    ReportReferrals,
    ReportLegal,
    ReportMediation,
    ReportNone,
    ReportClosing,
    Yes,
    No,
}

/// Wording for a [`Word`] in a language.
pub type Words = fn(Word, Lang) -> &'static str;

/// A service given, as the final report lists it: date, `vocab::SERVICES` code, who gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GivenLine {
    pub date: NaiveDate,
    pub service: String,
    pub by: String,
}

/// Everything a paper is written from. The loader fills what its kind reads; the rest stays
/// empty.
pub struct PaperInput<'a> {
    pub lang: Lang,
    pub words: Words,
    /// The wording of letters, for what papers and letters share (the signatory's NIP, the
    /// closing "Hormat kami").
    pub letter_words: super::letter::Words,
    /// Letterhead, city, office phone, the worker (display name and role), the head of office.
    pub sender: Sender<'a>,
    /// The register number, for kinds that are [`Kind::numbered`].
    pub number: Option<&'a str>,
    pub date: NaiveDate,
    pub case_number: &'a str,
    pub opened: NaiveDate,
    pub case: &'a Intake,
    pub copy: Copy,
    /// Add the chronology where it is optional (the final report).
    pub chronology: bool,
    pub referrals: &'a [Referral],
    pub given: &'a [GivenLine],
    pub legal: &'a [LegalEvent],
    pub mediation: &'a [MediationRecord],
    /// Stage changes in order: the day and the stage entered.
    pub stages: &'a [(NaiveDate, Stage)],
    /// The closure's day and `vocab::CLOSURE_REASONS` code.
    pub closure: Option<(NaiveDate, String)>,
}

/// The paper of `kind`, or why it cannot be written yet.
pub fn compose(kind: Kind, i: &PaperInput<'_>) -> Result<Letter, Refusal> {
    let mut b = Paper::new(i);
    b.head(kind);
    match kind {
        Kind::Pengaduan => b.pengaduan(),
        Kind::Persetujuan => b.persetujuan(),
        Kind::HakKorban => b.hak_korban(),
        Kind::BaMediasi => b.ba_mediasi()?,
        Kind::LaporanAkhir => b.laporan_akhir()?,
    }
    Ok(b.finish())
}

/// What a copy for others leaves out: what the client withheld, and — without her consent
/// to share at all — everything that identifies her (the letters' rule, issue 16).
fn withheld(i: &PaperInput<'_>, code: &str) -> bool {
    if i.copy == Copy::Office {
        return false;
    }
    !super::letter::consent_to_share(i.case) || i.case.consent.withhold.iter().any(|c| c == code)
}

fn label(v: Vocab, code: &str, lang: Lang) -> String {
    v.label(code, lang).to_string()
}

struct Paper<'a, 'i> {
    i: &'i PaperInput<'a>,
    b: Vec<Block>,
}

impl<'a, 'i> Paper<'a, 'i> {
    fn new(i: &'i PaperInput<'a>) -> Self {
        Paper { i, b: Vec::new() }
    }

    fn w(&self, word: Word) -> &'static str {
        (self.i.words)(word, self.i.lang)
    }

    fn t(&self, word: Word) -> String {
        self.w(word).to_string()
    }

    fn field(&mut self, word: Word, value: impl Into<String>) {
        let value = value.into();
        if !value.trim().is_empty() {
            let l = self.t(word);
            self.b.push(Block::Field(l, value));
        }
    }

    fn section(&mut self, word: Word) {
        self.b.push(Block::Blank);
        let t = self.t(word);
        self.b.push(Block::Strong(t));
    }

    fn vocab(&self, v: Vocab, code: &str) -> String {
        if code.trim().is_empty() {
            String::new()
        } else {
            label(v, code, self.i.lang)
        }
    }

    fn date(&self, d: NaiveDate) -> String {
        long_date(d, self.i.lang)
    }

    fn head(&mut self, kind: Kind) {
        let s = &self.i.sender;
        if s.letterhead.iter().all(|l| l.trim().is_empty()) {
            self.b.push(Block::Head(s.office.to_string()));
        } else {
            let lines: Vec<Block> = s
                .letterhead
                .iter()
                .filter(|l| !l.trim().is_empty())
                .map(|l| Block::Head(l.clone()))
                .collect();
            self.b.extend(lines);
        }
        self.b.push(Block::Rule);
        self.b.push(Block::Head(self.t(kind.title())));
        if let Some(n) = self.i.number.filter(|n| !n.is_empty()) {
            self.b
                .push(Block::Head(format!("{} {n}", self.w(Word::Number))));
        }
        if kind.has_copies() {
            let w = match self.i.copy {
                Copy::Office => Word::CopyOffice,
                Copy::Others => Word::CopyOthers,
            };
            self.b.push(Block::Para(self.t(w)));
        }
        self.b.push(Block::Blank);
        let n = self.i.case_number.to_string();
        self.field(Word::CaseNumber, n);
    }

    /// Place and date, right-aligned, as a letter is dated.
    fn dated(&mut self) {
        let city = self.i.sender.city;
        let d = self.date(self.i.date);
        self.b.push(Block::Blank);
        self.b.push(Block::Right(if city.is_empty() {
            d
        } else {
            format!("{city}, {d}")
        }));
    }

    /// A signature: who signs as what, room to sign, the name (or a line to write it on).
    /// Right-aligned as under a letter, so the PDF keeps the signatures together on a page.
    fn sign(&mut self, as_what: &str, name: &str, below: &str) {
        self.b.push(Block::Blank);
        self.b.push(Block::Right(as_what.to_string()));
        self.b.push(Block::Blank);
        self.b.push(Block::Blank);
        let name = if name.trim().is_empty() {
            "(.................................)".to_string()
        } else {
            format!("( {} )", name.trim())
        };
        self.b.push(Block::Right(name));
        if !below.trim().is_empty() {
            self.b.push(Block::Right(below.trim().to_string()));
        }
    }

    /// The worker who took part, by display name and role.
    fn sign_worker(&mut self, as_word: Word) {
        let s = &self.i.sender;
        let (name, role) = (s.contact.to_string(), s.contact_role.to_string());
        let as_what = self.t(as_word);
        self.sign(&as_what, &name, &role);
    }

    /// The head of office, right-aligned as under a letter: jabatan, room, name, NIP. Without
    /// one configured, the office name and an empty line to sign on.
    fn sign_head(&mut self, lead: Word) {
        self.b.push(Block::Blank);
        self.b.push(Block::Right(self.t(lead)));
        let office = self.i.sender.office.to_string();
        match &self.i.sender.head {
            Some(h) => {
                let title = if h.title.is_empty() {
                    office
                } else {
                    h.title.to_string()
                };
                self.b.push(Block::Right(title));
                self.b.push(Block::Blank);
                self.b.push(Block::Blank);
                self.b.push(Block::Right(h.name.to_string()));
                if !h.nip.is_empty() {
                    let nip = (self.i.letter_words)(super::letter::Word::LetterNip, self.i.lang);
                    self.b.push(Block::Right(format!("{nip} {}", h.nip)));
                }
            }
            None => {
                self.b.push(Block::Right(office));
                self.b.push(Block::Blank);
                self.b.push(Block::Blank);
                self.b
                    .push(Block::Right("(.................................)".into()));
            }
        }
    }

    fn age(&self, v: &Victim) -> Option<String> {
        parse_date(&v.birth_date, self.i.date)
            .ok()
            .map(|d| age_on(d, self.i.date).to_string())
            .or_else(|| (!v.age.trim().is_empty()).then(|| v.age.trim().to_string()))
    }

    fn victim_name(&self, v: &Victim) -> String {
        if withheld(self.i, "nama") {
            initials(&v.name)
        } else {
            v.name.trim().to_string()
        }
    }

    fn safe_words(&self, v: &Victim) -> &'static str {
        self.w(match v.safe_contact.as_str() {
            "ya" => Word::SafeYes,
            "tidak" => Word::SafeNo,
            _ => Word::SafeUnasked,
        })
    }

    fn victims(&mut self, full: bool) {
        let i = self.i;
        let many = i.case.victims.len() > 1;
        for (n, v) in i.case.victims.iter().enumerate() {
            if many {
                self.b.push(Block::Blank);
                self.b.push(Block::Strong(fill(
                    self.w(Word::SectionVictimN),
                    &[&(n + 1)],
                )));
            }
            let name = self.victim_name(v);
            self.field(Word::Name, name);
            if !full {
                continue;
            }
            if !withheld(i, "nik") {
                self.field(Word::Nik, v.nik.trim());
            }
            let sex = self.vocab(vocab::SEX, &v.sex);
            self.field(Word::Sex, sex);
            let birth = parse_date(&v.birth_date, i.date).ok();
            match (birth, self.age(v)) {
                (Some(d), Some(a)) if !withheld(i, "tanggal_lahir") => {
                    let years = fill(self.w(Word::Years), &[&a]);
                    self.field(Word::Birth, format!("{} ({years})", format_date(d)));
                }
                (_, Some(a)) => {
                    let years = fill(self.w(Word::Years), &[&a]);
                    self.field(Word::Age, years);
                }
                _ => {}
            }
            if !withheld(i, "alamat") {
                let mut addr = v.address.trim().to_string();
                if !v.region.is_empty() {
                    let r = super::region::describe(&v.region);
                    addr = if addr.is_empty() {
                        r
                    } else {
                        format!("{addr}, {r}")
                    };
                }
                self.field(Word::Address, addr);
                self.field(Word::Domicile, v.domicile.trim());
            }
            if !withheld(i, "telepon") && !v.phone.trim().is_empty() {
                let safe = self.safe_words(v);
                self.field(Word::Phone, format!("{} ({safe})", v.phone.trim()));
            }
            let dis = self.vocab(vocab::DISABILITY, &v.disability);
            self.field(Word::Disability, dis);
            if !withheld(i, "nama") {
                self.field(Word::Guardian, v.guardian.trim());
            }
        }
    }

    fn pengaduan(&mut self) {
        let i = self.i;
        let c = i.case;
        self.field(Word::Received, self.date(i.opened));
        let channel = self.vocab(vocab::CHANNELS, &c.reporter.channel);
        self.field(Word::Channel, channel);

        self.section(Word::SectionReporter);
        if c.victim_reports() {
            let kind = self.vocab(vocab::REPORTER_KINDS, &c.reporter.kind);
            self.field(Word::Relation, kind);
        } else {
            let name = if withheld(i, "nama") {
                initials(&c.reporter.name)
            } else {
                c.reporter.name.trim().to_string()
            };
            self.field(Word::Name, name);
            let rel = self.vocab(vocab::REPORTER_RELATIONS, &c.reporter.relation);
            self.field(Word::Relation, rel);
            if !withheld(i, "telepon") {
                self.field(Word::Phone, c.reporter.phone.trim());
            }
            if !withheld(i, "alamat") {
                let mut addr = c.reporter.address.trim().to_string();
                if !c.reporter.region.is_empty() {
                    let r = super::region::describe(&c.reporter.region);
                    addr = if addr.is_empty() {
                        r
                    } else {
                        format!("{addr}, {r}")
                    };
                }
                self.field(Word::Address, addr);
            }
        }

        self.section(Word::SectionVictim);
        self.victims(true);

        if !withheld(i, "pelaku") && !c.perpetrators.is_empty() {
            self.section(Word::SectionPerpetrator);
            for p in &c.perpetrators {
                let mut who = vec![p.name.trim().to_string()];
                if !p.relation.is_empty() {
                    who.push(self.vocab(vocab::PERPETRATOR_RELATIONS, &p.relation));
                }
                if !p.age.trim().is_empty() {
                    who.push(fill(self.w(Word::Years), &[&p.age.trim()]));
                }
                who.retain(|s| !s.is_empty());
                self.field(Word::Name, who.join(", "));
            }
        }

        self.section(Word::SectionIncident);
        let mut when = c.incident.date.trim().to_string();
        if c.incident.ongoing == "ya" {
            when = format!("{when} ({})", self.w(Word::Ongoing));
        }
        self.field(Word::IncidentDate, when.trim().to_string());
        let place = self.vocab(vocab::PLACES, &c.incident.place);
        self.field(Word::Place, place);
        if !withheld(i, "alamat") {
            self.field(Word::Address, c.incident.address.trim());
        }
        let kinds: Vec<String> = c
            .incident
            .violence
            .iter()
            .map(|v| self.vocab(vocab::VIOLENCE, v))
            .collect();
        self.field(Word::Violence, kinds.join(", "));
        if !withheld(i, "kronologi") && !c.incident.chronology.trim().is_empty() {
            self.b.push(Block::Blank);
            self.b.push(Block::Strong(self.t(Word::Chronology)));
            for para in c.incident.chronology.trim().split("\n\n") {
                self.b.push(Block::Para(para.trim().to_string()));
            }
        }

        self.section(Word::SectionNeeds);
        let risk = self.vocab(vocab::RISK, &c.triage.risk);
        self.field(Word::Risk, risk);
        let services: Vec<String> = c
            .triage
            .services
            .iter()
            .map(|s| self.vocab(vocab::SERVICES, s))
            .collect();
        self.field(Word::Services, services.join(", "));

        self.section(Word::SectionConsent);
        self.consent_fields();

        self.dated();
        let reporter = if c.victim_reports() {
            c.victims
                .first()
                .map(|v| self.victim_name(v))
                .unwrap_or_default()
        } else if withheld(i, "nama") {
            initials(&c.reporter.name)
        } else {
            c.reporter.name.trim().to_string()
        };
        let as_what = self.t(Word::SignReporter);
        self.sign(&as_what, &reporter, "");
        self.sign_worker(Word::SignWorker);
    }

    /// The consent answers, as the complaint form and the consent paper both give them.
    fn consent_fields(&mut self) {
        let c = &self.i.case.consent;
        let services = self.vocab(vocab::CONSENT_ANSWERS, &c.services);
        let services = if services.is_empty() {
            self.t(Word::NotRecorded)
        } else {
            services
        };
        self.field(Word::ConsentServices, services);
        let share = self.vocab(vocab::YES_NO, &c.share);
        let share = if share.is_empty() {
            self.t(Word::NotRecorded)
        } else {
            share
        };
        self.field(Word::ConsentShare, share);
        let kept: Vec<String> = c
            .withhold
            .iter()
            .map(|w| self.vocab(vocab::WITHHOLD, w))
            .collect();
        let kept = if kept.is_empty() {
            self.t(Word::NothingWithheld)
        } else {
            kept.join(", ")
        };
        self.field(Word::ConsentWithhold, kept);
        self.field(Word::ConsentNote, c.withheld.trim());
    }

    fn persetujuan(&mut self) {
        let i = self.i;
        let c = i.case;
        let giver = c.consent.given_by.trim().to_string();
        let relation = self.vocab(vocab::CONSENT_GIVERS, &c.consent.relation);
        self.b.push(Block::Blank);
        self.b.push(Block::Para(self.t(Word::ConsentIntro)));
        self.field(Word::Name, giver.clone());
        self.field(Word::ConsentAs, relation.clone());
        self.section(Word::SectionVictim);
        self.victims(false);
        self.b.push(Block::Blank);
        self.b.push(Block::Para(self.t(Word::ConsentExplained)));
        self.b.push(Block::Blank);
        self.consent_fields();
        let services: Vec<String> = c
            .triage
            .services
            .iter()
            .map(|s| self.vocab(vocab::SERVICES, s))
            .collect();
        self.field(Word::Services, services.join(", "));
        // With whom her data goes: the agencies she is referred to so far.
        let mut with: Vec<String> = Vec::new();
        for r in i.referrals {
            let line = format!(
                "{} ({})",
                r.agency_name.trim(),
                self.vocab(vocab::SERVICES, &r.service)
            );
            if !with.contains(&line) {
                with.push(line);
            }
        }
        let with = if with.is_empty() {
            self.t(Word::ConsentNoAgency)
        } else {
            with.join("; ")
        };
        self.field(Word::ConsentWith, with);
        self.b.push(Block::Blank);
        self.b.push(Block::Para(self.t(Word::ConsentRevoke)));
        self.dated();
        let as_what = self.t(Word::SignClient);
        self.sign(&as_what, &giver, &relation);
        self.sign_worker(Word::SignWorker);
    }

    fn hak_korban(&mut self) {
        let i = self.i;
        if let Some(v) = i.case.victims.first() {
            let name = v.name.trim().to_string();
            self.field(Word::Name, name);
        }
        self.b.push(Block::Blank);
        self.b.push(Block::Para(self.t(Word::RightsIntro)));
        for w in [
            Word::RightsHandling,
            Word::RightsProtection,
            Word::RightsRecovery,
            Word::RightsList,
        ] {
            self.b.push(Block::Para(self.t(w)));
        }
        self.section(Word::OfficeWillTitle);
        self.b.push(Block::Para(self.t(Word::OfficeWill)));
        let s = &i.sender;
        let mut contact = s.office.to_string();
        if !s.phone.is_empty() {
            contact = format!("{contact}, {}", s.phone);
        }
        let who = if s.contact_role.is_empty() {
            s.contact.to_string()
        } else {
            format!("{} ({})", s.contact, s.contact_role)
        };
        self.b.push(Block::Blank);
        self.b.push(Block::Para(fill(
            self.w(Word::RightsContact),
            &[&who, &contact],
        )));
        self.dated();
        let received = self.t(Word::RightsReceived);
        let name = i
            .case
            .victims
            .first()
            .map(|v| v.name.clone())
            .unwrap_or_default();
        self.sign(&received, &name, "");
        self.sign_worker(Word::SignWorker);
    }

    fn ba_mediasi(&mut self) -> Result<(), Refusal> {
        let i = self.i;
        let agreement = i
            .mediation
            .iter()
            .rev()
            .find(|r| matches!(r.step, Step::Kesepakatan { .. }))
            .ok_or(Refusal::NoAgreement)?;
        self.b.push(Block::Blank);
        self.b.push(Block::Para(fill(
            self.w(Word::MediationOpening),
            &[&self.date(agreement.date), &i.sender.office],
        )));
        self.section(Word::MediationParties);
        let victim = i
            .case
            .victims
            .first()
            .map(|v| v.name.trim().to_string())
            .unwrap_or_default();
        self.field(Word::MediationVictim, victim.clone());
        let other: Vec<String> = i
            .case
            .perpetrators
            .iter()
            .map(|p| p.name.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect();
        let other = other.join(", ");
        self.field(Word::MediationOther, other.clone());

        if let Some(Step::Asesmen {
            matter,
            free_decision,
            assessed_by,
            note,
        }) = i
            .mediation
            .iter()
            .rev()
            .filter(|r| r.date <= agreement.date)
            .map(|r| &r.step)
            .find(|s| matches!(s, Step::Asesmen { .. }))
        {
            self.section(Word::MediationAssessment);
            let m = self.vocab(vocab::MEDIATION_MATTERS, matter.code());
            self.field(Word::MediationMatter, m);
            let free = self.t(if *free_decision { Word::Yes } else { Word::No });
            self.field(Word::MediationFree, free);
            self.field(Word::MediationAssessor, assessed_by.trim());
            if !note.trim().is_empty() {
                self.b.push(Block::Para(note.trim().to_string()));
            }
        }
        let sessions: Vec<&MediationRecord> = i
            .mediation
            .iter()
            .filter(|r| matches!(r.step, Step::Sesi { .. }))
            .collect();
        if !sessions.is_empty() {
            self.section(Word::MediationSessions);
            for r in sessions {
                if let Step::Sesi { attended, result } = &r.step {
                    self.b.push(Block::Para(format_date(r.date)));
                    self.field(Word::MediationAttended, attended.trim());
                    self.field(Word::MediationResult, result.trim());
                }
            }
        }
        if let Step::Kesepakatan { points, follow_up } = &agreement.step {
            self.section(Word::MediationAgreement);
            for line in points.trim().split('\n') {
                if !line.trim().is_empty() {
                    self.b.push(Block::Para(line.trim().to_string()));
                }
            }
            if let Some(d) = follow_up {
                self.field(Word::MediationFollowUp, self.date(*d));
            }
        }
        let reviews: Vec<&MediationRecord> = i
            .mediation
            .iter()
            .filter(|r| matches!(r.step, Step::Tinjauan { .. }) && r.date >= agreement.date)
            .collect();
        if !reviews.is_empty() {
            self.section(Word::MediationReviews);
            for r in reviews {
                if let Step::Tinjauan { kept, note, .. } = &r.step {
                    let k = self.t(if *kept {
                        Word::MediationKept
                    } else {
                        Word::MediationNotKept
                    });
                    let mut line = format!("{}: {k}", format_date(r.date));
                    if !note.trim().is_empty() {
                        line = format!("{line}. {}", note.trim());
                    }
                    self.b.push(Block::Para(line));
                }
            }
        }
        self.b.push(Block::Blank);
        self.b.push(Block::Para(self.t(Word::MediationClosing)));
        self.dated();
        let first = self.t(Word::SignFirst);
        self.sign(&first, &victim, "");
        let second = self.t(Word::SignSecond);
        self.sign(&second, &other, "");
        self.sign_worker(Word::SignMediator);
        self.sign_head(Word::SignKnown);
        Ok(())
    }

    fn laporan_akhir(&mut self) -> Result<(), Refusal> {
        let i = self.i;
        let (closed, reason) = i.closure.clone().ok_or(Refusal::NotClosed)?;
        // A report that goes up to the Dinas names the client by initials, as boards do.
        for (n, v) in i.case.victims.iter().enumerate() {
            let mut who = vec![initials(&v.name)];
            let sex = self.vocab(vocab::SEX, &v.sex);
            if !sex.is_empty() {
                who.push(sex);
            }
            if let Some(a) = self.age(v) {
                who.push(fill(self.w(Word::Years), &[&a]));
            }
            let l = if i.case.victims.len() > 1 {
                fill(self.w(Word::SectionVictimN), &[&(n + 1)])
            } else {
                self.t(Word::SectionVictim)
            };
            self.b.push(Block::Field(l, who.join(", ")));
        }
        let kinds: Vec<String> = i
            .case
            .incident
            .violence
            .iter()
            .map(|v| self.vocab(vocab::VIOLENCE, v))
            .collect();
        self.field(Word::Violence, kinds.join(", "));
        self.field(Word::ReportOpened, self.date(i.opened));
        self.field(Word::ReportClosed, self.date(closed));
        let reason = self.vocab(vocab::CLOSURE_REASONS, &reason);
        self.field(Word::ReportReason, reason);

        self.section(Word::ReportStages);
        if i.stages.is_empty() {
            self.b.push(Block::Para(self.t(Word::ReportNone)));
        }
        for (d, s) in i.stages {
            let l = format!(
                "{} — {}",
                format_date(*d),
                self.vocab(vocab::STAGES, s.code())
            );
            self.b.push(Block::Para(l));
        }

        self.section(Word::ReportServices);
        if i.given.is_empty() {
            self.b.push(Block::Para(self.t(Word::ReportNone)));
        }
        for g in i.given {
            let s = self.vocab(vocab::SERVICES, &g.service);
            let mut l = format!("{} — {s}", format_date(g.date));
            if !g.by.trim().is_empty() {
                l = format!("{l} ({})", g.by.trim());
            }
            self.b.push(Block::Para(l));
        }

        self.section(Word::ReportReferrals);
        if i.referrals.is_empty() {
            self.b.push(Block::Para(self.t(Word::ReportNone)));
        }
        for r in i.referrals {
            let l = format!(
                "{} — {}, {} ({})",
                format_date(r.created),
                r.agency_name.trim(),
                self.vocab(vocab::SERVICES, &r.service),
                self.vocab(vocab::REFERRAL_STATUS, r.status.code()),
            );
            self.b.push(Block::Para(l));
        }

        self.section(Word::ReportLegal);
        if i.legal.is_empty() {
            self.b.push(Block::Para(self.t(Word::ReportNone)));
        }
        for e in i.legal {
            let kind = self.vocab(vocab::LEGAL_EVENTS, e.detail.kind().code());
            let what = legal_summary(&e.detail);
            let mut l = format!("{} — {kind}", format_date(e.date));
            if !what.is_empty() {
                l = format!("{l}: {what}");
            }
            self.b.push(Block::Para(l));
        }
        if !i.mediation.is_empty() {
            self.section(Word::ReportMediation);
            for r in i.mediation {
                let step = self.vocab(vocab::MEDIATION_STEPS, r.step.code());
                let what = match &r.step {
                    Step::Asesmen { matter, .. } => {
                        self.vocab(vocab::MEDIATION_MATTERS, matter.code())
                    }
                    Step::Sesi { result, .. } => result.trim().to_string(),
                    Step::Kesepakatan { points, .. } => points.trim().replace('\n', "; "),
                    Step::Tinjauan { kept, .. } => self.t(if *kept {
                        Word::MediationKept
                    } else {
                        Word::MediationNotKept
                    }),
                };
                let mut l = format!("{} — {step}", format_date(r.date));
                if !what.is_empty() {
                    l = format!("{l}: {what}");
                }
                self.b.push(Block::Para(l));
            }
        }
        if i.chronology && !i.case.incident.chronology.trim().is_empty() {
            self.section(Word::Chronology);
            for para in i.case.incident.chronology.trim().split("\n\n") {
                self.b.push(Block::Para(para.trim().to_string()));
            }
        }
        self.b.push(Block::Blank);
        self.b.push(Block::Para(self.t(Word::ReportClosing)));
        self.dated();
        self.sign_worker(Word::SignWorker);
        self.sign_head(Word::SignKnown);
        Ok(())
    }

    fn finish(self) -> Letter {
        // As a letter, a paper leaves meja: everything is cleaned again on the way out.
        use super::text::{clean_line, clean_multiline};
        let mut b = self.b;
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
            number: clean_line(self.i.number.unwrap_or(self.i.case_number)),
            blocks: b,
        }
    }
}

/// The one or two facts of a legal event a final report names.
fn legal_summary(d: &Detail) -> String {
    let parts: Vec<&str> = match d {
        Detail::LaporanPolisi { unit, number, .. } => vec![unit, number],
        Detail::Visum { hospital, .. } => vec![hospital],
        Detail::Bap { accompanied_by } => vec![accompanied_by],
        Detail::Perlindungan { .. } | Detail::Pelimpahan { .. } | Detail::Restitusi { .. } => {
            vec![]
        }
        Detail::Sidang {
            court,
            case_number,
            what_happened,
            ..
        } => vec![court, case_number, what_happened],
        Detail::Putusan { sentence } => vec![sentence],
        Detail::Lpsk { decision } => vec![decision],
    };
    let mut out: Vec<String> = parts
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if let Detail::Perlindungan { from, to } = d {
        out.push(format!("{} – {}", format_date(*from), format_date(*to)));
    }
    out.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_name_and_every_name_a_kind() {
        let codes: Vec<&str> = PAPERS.terms.iter().map(|t| t.code).collect();
        assert_eq!(codes, Kind::ALL.map(Kind::code).to_vec());
        for k in Kind::ALL {
            assert_eq!(Kind::from_code(k.code()), Some(k));
        }
        let copies: Vec<&str> = COPIES.terms.iter().map(|t| t.code).collect();
        assert_eq!(copies, Copy::ALL.map(Copy::code).to_vec());
        assert_eq!(Kind::from_code("BA_MEDIASI"), Some(Kind::BaMediasi));
        assert_eq!(Kind::from_code("surat"), None);
    }
}
