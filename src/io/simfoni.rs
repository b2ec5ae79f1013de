//! The SIMFONI sheet and the month-end list as things to read or print: the sheet as a
//! document of a letter's blocks (the same text and PDF layout as referral letters), the list
//! as text or CSV. Words come from `i18n`; what is on them is `domain::simfoni`'s.

use chrono::NaiveDate;

use crate::domain::letter::{Block, Letter};
use crate::domain::simfoni::{EntryState, MonthRow, Section, SheetField, SheetLine};
use crate::domain::validate::format_date;
use crate::domain::vocab;
use crate::i18n::{Lang, Msg, fill};

pub fn section_title(s: Section, lang: Lang) -> String {
    match s {
        Section::Complaint => Msg::SimSecComplaint.get(lang).to_string(),
        Section::Victim => Msg::SimSecVictim.get(lang).to_string(),
        Section::Perpetrator(n) => fill(Msg::SimSecPerpetrator.get(lang), &[&(n + 1)]),
        Section::Incident => Msg::SimSecIncident.get(lang).to_string(),
        Section::Services => Msg::SimSecServices.get(lang).to_string(),
        Section::Handling => Msg::SimSecHandling.get(lang).to_string(),
    }
}

pub fn field_label(f: SheetField, lang: Lang) -> &'static str {
    use SheetField as F;
    let m = match f {
        F::RegisterNumber => Msg::SimRegisterNumber,
        F::ReportDate => Msg::SimReportDate,
        F::Channel => Msg::SimChannel,
        F::CaseKind => Msg::SimCaseKind,
        F::Authority => Msg::SimAuthority,
        F::Name => Msg::SimName,
        F::Nik => Msg::SimNik,
        F::Sex => Msg::SimSex,
        F::BirthDate => Msg::SimBirthDate,
        F::Age => Msg::SimAge,
        F::AgeBand => Msg::SimAgeBand,
        F::KtpAddress => Msg::SimKtpAddress,
        F::Domicile => Msg::SimDomicile,
        F::Region => Msg::SimRegion,
        F::Education => Msg::SimEducation,
        F::Occupation => Msg::SimOccupation,
        F::Marital => Msg::SimMarital,
        F::Nationality => Msg::SimNationality,
        F::Disability => Msg::SimDisability,
        F::Ampk => Msg::SimAmpk,
        F::OldSchooling => Msg::SimOldSchooling,
        F::Relation => Msg::SimRelation,
        F::IncidentDate => Msg::SimIncidentDate,
        F::Place => Msg::SimPlace,
        F::IncidentAddress => Msg::SimIncidentAddress,
        F::IncidentRegion => Msg::SimIncidentRegion,
        F::Violence => Msg::SimViolence,
        F::Chronology => Msg::SimChronology,
        // SIMFONI's own service names are the vocabulary's.
        F::Service(code) => return vocab::SERVICES.label(code, lang),
        F::Stage => Msg::SimStage,
        F::Closed => Msg::SimClosed,
    };
    m.get(lang)
}

/// "diinput 30-11-2026 oleh ani · ref. SIMFONI 123" and the like.
pub fn state_words(s: &EntryState, lang: Lang) -> String {
    let day = |at: &str| {
        NaiveDate::parse_from_str(at.get(..10).unwrap_or(""), "%Y-%m-%d")
            .map(format_date)
            .unwrap_or_else(|_| at.to_string())
    };
    match s {
        EntryState::NotEntered => Msg::SimStateNot.get(lang).to_string(),
        EntryState::Entered(e) | EntryState::Changed { entry: e, .. } => {
            let mut out = fill(Msg::SimStateEntered.get(lang), &[&day(&e.at), &e.by]);
            if !e.reference.is_empty() {
                out.push_str(" · ");
                out.push_str(&fill(Msg::SimReference.get(lang), &[&e.reference]));
            }
            if let EntryState::Changed { changed, .. } = s {
                out.push_str(" · ");
                out.push_str(&fill(Msg::SimStateChanged.get(lang), &[&day(changed)]));
            }
            out
        }
    }
}

/// The sheet of victim `victim` (from 0) of `of` as a document: title, case and victim, then
/// each section's lines as `label : value`, and where the victim stands with SIMFONI.
pub fn sheet_document(
    number: &str,
    victim: usize,
    of: usize,
    lines: &[SheetLine],
    state: &EntryState,
    lang: Lang,
) -> Letter {
    let mut blocks = vec![
        Block::Head(Msg::SimTitle.get(lang).to_string()),
        Block::Rule,
        Block::Field(
            Msg::SimColCase.get(lang).to_string(),
            format!(
                "{number} · {}",
                fill(Msg::SimVictimOf.get(lang), &[&(victim + 1), &of])
            ),
        ),
        Block::Field(
            Msg::SimColState.get(lang).to_string(),
            state_words(state, lang),
        ),
    ];
    let mut section = None;
    for l in lines {
        if section != Some(l.section) {
            blocks.push(Block::Blank);
            blocks.push(Block::Strong(section_title(l.section, lang)));
            section = Some(l.section);
        }
        // A chronology keeps its lines apart; every other value is one line.
        let value = l.value.split('\n').collect::<Vec<_>>().join(" / ");
        blocks.push(Block::Field(field_label(l.field, lang).to_string(), value));
    }
    Letter {
        number: number.to_string(),
        blocks,
    }
}

/// The sheet as plain text, 78 columns, as a letter is.
pub fn sheet_text(doc: &Letter) -> String {
    doc.to_text(78)
}

pub fn sheet_pdf(doc: &Letter, lang: Lang) -> Vec<u8> {
    super::pdf::document_pdf(
        &format!("{} {}", Msg::SimTitle.get(lang), doc.number),
        &doc.blocks,
    )
}

fn victim_words(r: &MonthRow) -> String {
    let mut s = format!("{} {}", r.victim + 1, r.initials);
    if let Some(sex) = &r.sex {
        s.push_str(&format!(" {sex}"));
    }
    if let Some(age) = r.age {
        s.push_str(&format!(" {age}"));
    }
    s
}

/// The month-end list as text: a header with the counts, then one line per victim.
pub fn month_text(rows: &[MonthRow], last_day: NaiveDate, lang: Lang) -> String {
    let changed = rows
        .iter()
        .filter(|r| matches!(r.state, EntryState::Changed { .. }))
        .count();
    let mut out = vec![
        fill(Msg::SimMonthHead.get(lang), &[&format_date(last_day)]),
        fill(
            Msg::SimMonthCounts.get(lang),
            &[&(rows.len() - changed), &changed],
        ),
        String::new(),
    ];
    if rows.is_empty() {
        out.push(Msg::SimMonthEmpty.get(lang).to_string());
    } else {
        out.push(format!(
            "{:<20} {:<10} {:<14} {}",
            Msg::SimColCase.get(lang),
            Msg::SimColOpened.get(lang),
            Msg::SimColVictim.get(lang),
            Msg::SimColState.get(lang)
        ));
        for r in rows {
            out.push(format!(
                "{:<20} {:<10} {:<14} {}",
                r.number,
                format_date(r.opened),
                victim_words(r),
                state_words(&r.state, lang)
            ));
        }
    }
    out.join("\n") + "\n"
}

/// The month-end list as CSV: `nomor_kasus,tanggal_lapor,korban_ke,inisial,jenis_kelamin,
/// umur,status,keterangan`. Column names and the status code are the format; the last
/// column is in the reader's language.
pub fn month_csv(rows: &[MonthRow], lang: Lang) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut put = |rec: Vec<String>| {
        w.write_record(
            rec.iter()
                .map(|c| super::export::formula_safe(c).into_owned()),
        )
        .expect("writing CSV to memory")
    };
    put([
        "nomor_kasus",
        "tanggal_lapor",
        "korban_ke",
        "inisial",
        "jenis_kelamin",
        "umur",
        "status",
        "keterangan",
    ]
    .map(str::to_string)
    .to_vec());
    for r in rows {
        put(vec![
            r.number.clone(),
            r.opened.to_string(),
            (r.victim + 1).to_string(),
            r.initials.clone(),
            r.sex.clone().unwrap_or_default(),
            r.age.map(|a| a.to_string()).unwrap_or_default(),
            r.state.code().to_string(),
            state_words(&r.state, lang),
        ]);
    }
    w.into_inner().expect("flushing CSV to memory")
}
