//! The SIMFONI sheet of one victim, from the store to a document, and printed to a file or
//! the terminal with its access-log row: shared by the sheet screen and `meja simfoni --case`.

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Local};

use crate::domain::access::AccessKind;
use crate::domain::letter::Letter;
use crate::domain::region;
use crate::domain::simfoni::{EntryState, SheetInput, SheetLine, sheet};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::io::outfile::{OutFile, OutRules};
use crate::store::Store;

/// One victim's sheet, as the screen shows it and the document prints it.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub case_id: i64,
    pub number: String,
    pub victim: usize,
    pub victims: usize,
    pub lines: Vec<SheetLine>,
    pub state: EntryState,
}

impl Sheet {
    pub fn document(&self, lang: Lang) -> Letter {
        crate::io::simfoni::sheet_document(
            &self.number,
            self.victim,
            self.victims,
            &self.lines,
            &self.state,
            lang,
        )
    }
}

/// The sheet of victim `victim` (from 0) of case `case_id`; None when there is no such case
/// or victim. Reading it is not logged here: the caller logs the opening or the print.
pub fn load(store: &Store, case_id: i64, victim: usize, lang: Lang) -> Result<Option<Sheet>> {
    let Some(file) = store.case_file(case_id)? else {
        return Ok(None);
    };
    let victims = file.intake.victims.len();
    if victim >= victims {
        return Ok(None);
    }
    let given = store.services_given_by_victim(case_id)?;
    let closed = store.closure_of(case_id)?;
    let state = store
        .simfoni_states(case_id)?
        .into_iter()
        .nth(victim)
        .unwrap_or(EntryState::NotEntered);
    let lines = sheet(
        &SheetInput {
            number: &file.card.number,
            opened: file.card.opened,
            stage: file.card.stage,
            closed,
            intake: &file.intake,
            victim,
            given: given.get(victim).map(Vec::as_slice).unwrap_or(&[]),
            region_name: &region::describe,
        },
        lang,
    );
    Ok(Some(Sheet {
        case_id,
        number: file.card.number,
        victim,
        victims,
        lines,
        state,
    }))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetFormat {
    Text,
    Pdf,
}

pub fn bytes(s: &Sheet, format: SheetFormat, lang: Lang) -> Vec<u8> {
    let doc = s.document(lang);
    match format {
        SheetFormat::Text => crate::io::simfoni::sheet_text(&doc).into_bytes(),
        SheetFormat::Pdf => crate::io::simfoni::sheet_pdf(&doc, lang),
    }
}

/// Writes the sheet to `dest` (a new file under `rules`, 0600), or returns its bytes for the
/// terminal when there is none, with its access-log row. The row is written before the file
/// is put in place or the bytes handed out: a sheet whose printing cannot be recorded never
/// appears.
pub fn print(
    store: &mut Store,
    s: &Sheet,
    format: SheetFormat,
    dest: Option<(&Path, &OutRules)>,
    staff: &str,
    lang: Lang,
    now: DateTime<Local>,
) -> Result<Vec<u8>> {
    let data = bytes(s, format, lang);
    let whereto = dest.map_or("-".to_string(), |(p, _)| p.display().to_string());
    let detail = format!("lembar SIMFONI korban {} → {whereto}", s.victim + 1);
    match dest {
        Some((path, rules)) => {
            let mut f = OutFile::create(path, rules)?;
            f.write_all(&data)
                .map_err(|e| Error::new(Msg::ErrWriteFile, &[&path.display(), &e]))?;
            store.log_access(now, staff, AccessKind::Print, Some(s.case_id), &detail)?;
            f.commit()?;
            Ok(Vec::new())
        }
        None => {
            store.log_access(now, staff, AccessKind::Print, Some(s.case_id), &detail)?;
            Ok(data)
        }
    }
}
