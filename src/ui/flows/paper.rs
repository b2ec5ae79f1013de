//! The paper dialog (issue 19), from `d` in a case file: which paper, which copy (the
//! complaint form only), the chronology or not (the final report only), and the file to write
//! — offered in `surat/` beside the database, editable. A path the print refuses keeps the
//! dialog open at the path, with the reason inside it.

use super::{Flow, Kind, Step, line, pick};
use crate::domain::paper::{COPIES, Copy, Kind as Paper, PAPERS};
use crate::domain::vocab::YES_NO;
use crate::i18n::{Lang, Msg};
use crate::ui::action::{Action, PaperDraft};
use crate::ui::widgets::modal::Answer;

/// Where the dialog is.
#[derive(Debug, Clone)]
pub(super) enum PaperStep {
    Which(PaperDraft),
    Copy(PaperDraft),
    Chronology(PaperDraft),
    Path(PaperDraft),
}

/// `paper-PPA-2026-0001-salinan.pdf`: the kind, the case, the copy.
fn default_path(d: &PaperDraft) -> String {
    let case: String = d
        .case_number
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let copy = if d.kind.has_copies() && d.copy == Copy::Others {
        "-salinan"
    } else {
        ""
    };
    let name = format!("{}-{case}{copy}.pdf", d.kind.code());
    std::path::Path::new(&d.dir)
        .join(name)
        .display()
        .to_string()
}

impl Flow {
    pub fn paper(draft: PaperDraft, lang: Lang) -> Flow {
        let current = [draft.kind.code().to_string()];
        let dialog = pick(Msg::PaperPromptKind.get(lang), PAPERS, false, &current);
        Flow::new(Kind::Paper(PaperStep::Which(draft)), dialog)
    }

    fn paper_path(&mut self, mut d: PaperDraft, lang: Lang) -> Step {
        d.path = default_path(&d);
        let dialog = line(Msg::PaperPromptPath.get(lang), &d.path);
        self.next(Kind::Paper(PaperStep::Path(d)), dialog)
    }

    fn paper_after_copy(&mut self, d: PaperDraft, lang: Lang) -> Step {
        if d.kind.chronology_optional() {
            let current = [if d.chronology { "ya" } else { "tidak" }.to_string()];
            let dialog = pick(
                Msg::PaperPromptChronology.get(lang),
                YES_NO,
                false,
                &current,
            );
            return self.next(Kind::Paper(PaperStep::Chronology(d)), dialog);
        }
        self.paper_path(d, lang)
    }

    pub(super) fn paper_answer(&mut self, step: PaperStep, answer: Answer, lang: Lang) -> Step {
        match (step, answer) {
            (PaperStep::Which(mut d), Answer::Codes(c)) => {
                let Some(kind) = c.first().and_then(|c| Paper::from_code(c)) else {
                    return self.stay(Msg::ErrPaperPick, lang);
                };
                d.kind = kind;
                if kind.has_copies() {
                    let current = [d.copy.code().to_string()];
                    let dialog = pick(Msg::PaperPromptCopy.get(lang), COPIES, false, &current);
                    return self.next(Kind::Paper(PaperStep::Copy(d)), dialog);
                }
                self.paper_after_copy(d, lang)
            }
            (PaperStep::Copy(mut d), Answer::Codes(c)) => {
                let Some(copy) = c.first().and_then(|c| Copy::from_code(c)) else {
                    return self.stay(Msg::ErrPaperPick, lang);
                };
                d.copy = copy;
                self.paper_after_copy(d, lang)
            }
            (PaperStep::Chronology(mut d), Answer::Codes(c)) => {
                d.chronology = c.first().is_some_and(|c| c == "ya");
                self.paper_path(d, lang)
            }
            (PaperStep::Path(mut d), Answer::Text(path)) => {
                if path.trim().is_empty() {
                    return self.stay(Msg::ErrPaperPath, lang);
                }
                d.path = path.trim().to_string();
                Step::Done(Action::PrintPaper(d))
            }
            _ => Step::Cancelled,
        }
    }
}
