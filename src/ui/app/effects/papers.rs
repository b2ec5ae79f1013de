//! Printing a paper from the case file (issue 19): the dialog, then `tasks::papers::print`
//! under the `--out` rules (never over the database or a file meja did not make), with its
//! access-log row. A refused path or paper keeps the dialog open with the reason.

use std::path::PathBuf;

use crate::domain::paper::{Copy, Kind};
use crate::i18n::{Msg, fill, paper_kind_label};
use crate::tasks::papers::{Request, print};
use crate::ui::action::PaperDraft;
use crate::ui::app::App;
use crate::ui::flows::Flow;

impl App {
    /// At sign-in, a supervisor is told once per session what of the letterhead, city and
    /// signatory is not configured yet, so letters and papers do not go out without them
    /// unnoticed (issue 16 point 19).
    pub(in crate::ui::app) fn tell_missing_office(&mut self) {
        use crate::config::Missing;
        if self.told_office || self.ctx.role != crate::domain::staff::Role::Supervisor {
            return;
        }
        self.told_office = true;
        let missing = self.ctx.config.office.missing_for_letters();
        if missing.is_empty() {
            return;
        }
        let lang = self.lang();
        let names: Vec<&str> = missing
            .iter()
            .map(|m| match m {
                Missing::Letterhead => Msg::MissingLetterhead,
                Missing::City => Msg::MissingCity,
                Missing::Signatory => Msg::MissingSignatory,
            })
            .map(|m| m.get(lang))
            .collect();
        let text = fill(Msg::OfficeNotConfigured.get(lang), &[&names.join(", ")]);
        self.set_status(text, true);
    }

    pub(in crate::ui::app) fn ask_paper(&mut self, case_id: i64, number: String) {
        let lang = self.lang();
        let db = self.ctx.store.path().to_path_buf();
        let dir = match crate::tasks::letters::letters_dir(&db) {
            Ok(d) => d,
            Err(e) => {
                let t = e.render(lang);
                self.set_status(t, true);
                return;
            }
        };
        let draft = PaperDraft {
            case_id,
            case_number: number,
            kind: Kind::Pengaduan,
            copy: Copy::Office,
            chronology: false,
            dir: dir.display().to_string(),
            path: String::new(),
        };
        self.flow = Some(Flow::paper(draft, lang));
    }

    /// Err: the message the dialog shows at the path (a bad path, a paper the case cannot
    /// have yet), so the worker can fix it there.
    pub(in crate::ui::app) fn print_paper(&mut self, d: PaperDraft) -> Result<(), String> {
        let lang = self.lang();
        let now = self.ctx.now();
        let staff = self.ctx.staff.clone();
        let db = self.ctx.store.path().to_path_buf();
        let rules = crate::io::outfile::OutRules::new(&db, false);
        let out = PathBuf::from(&d.path);
        let printed = print(
            &mut self.ctx.store,
            &self.ctx.config,
            d.case_id,
            Request {
                kind: d.kind,
                copy: d.copy,
                chronology: d.chronology,
            },
            &staff,
            lang,
            now,
            &out,
            &rules,
            None,
        )
        .map_err(|e| e.render(lang))?;
        let name = paper_kind_label(d.kind, lang);
        let text = match &printed.number {
            Some(n) => fill(
                Msg::PaperWrittenNumbered.get(lang),
                &[&name, n, &printed.file.display()],
            ),
            None => fill(
                Msg::PaperWrittenTo.get(lang),
                &[&name, &printed.file.display()],
            ),
        };
        self.set_status(text, false);
        Ok(())
    }
}
