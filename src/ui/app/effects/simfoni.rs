//! The effects of the SIMFONI screens: loading one victim's sheet (an opening in the access
//! log, as a case file's is), marking the victim entered, printing the sheet beside the
//! database, and loading the month-end list.

use crate::domain::access::AccessKind;
use crate::domain::report::Month;
use crate::domain::report::last_day;
use crate::i18n::{Msg, fill};
use crate::tasks::simfoni::{SheetFormat, load, print};
use crate::ui::app::{App, Screen};
use crate::ui::flows::Flow;

impl App {
    /// Shows victim `victim` of case `case_id`, pushing the sheet screen unless it is on top.
    pub(in crate::ui::app) fn open_simfoni_sheet(&mut self, case_id: i64, victim: usize) {
        let lang = self.lang();
        let now = self.ctx.now();
        let staff = self.ctx.staff.clone();
        let loaded = load(&self.ctx.store, case_id, victim, lang).and_then(|s| {
            if s.is_some() {
                let detail = format!("lembar SIMFONI korban {}", victim + 1);
                self.ctx
                    .store
                    .log_access(now, &staff, AccessKind::Open, Some(case_id), &detail)?;
            }
            Ok(s)
        });
        match loaded {
            Ok(Some(sheet)) => {
                self.simfoni.set(sheet);
                self.nav.push(Screen::SimfoniSheet);
            }
            Ok(None) => {}
            Err(e) => {
                let t = fill(Msg::SimLoadFailed.get(lang), &[&e.render(lang)]);
                self.set_status(t, true);
            }
        }
    }

    pub(in crate::ui::app) fn mark_simfoni(&mut self, case_id: i64, victim: usize, r: &str) {
        let lang = self.lang();
        let now = self.ctx.now();
        let staff = self.ctx.staff.clone();
        match self.ctx.store.mark_simfoni(case_id, victim, r, &staff, now) {
            Ok(_) => {
                let number = self
                    .simfoni
                    .sheet
                    .as_ref()
                    .map(|s| s.number.clone())
                    .unwrap_or_default();
                self.reload_simfoni(case_id, victim);
                let t = fill(Msg::SimMarked.get(lang), &[&number, &(victim + 1)]);
                self.set_status(t, false);
            }
            Err(e) => {
                let t = fill(Msg::SimLoadFailed.get(lang), &[&e.render(lang)]);
                self.set_status(t, true);
            }
        }
    }

    /// The sheet again after a change, without a new access-log row (the person is on it).
    fn reload_simfoni(&mut self, case_id: i64, victim: usize) {
        if let Ok(Some(sheet)) = load(&self.ctx.store, case_id, victim, self.lang()) {
            let scroll = self.simfoni.scroll;
            self.simfoni.set(sheet);
            self.simfoni.scroll = scroll;
        }
        if let Some(m) = self.simfoni_month.month {
            self.load_simfoni_month(m);
        }
    }

    /// Writes the sheet as text and PDF into `surat/` beside the database, as letters are.
    pub(in crate::ui::app) fn print_simfoni_sheet(&mut self, case_id: i64, victim: usize) {
        let lang = self.lang();
        let now = self.ctx.now();
        let staff = self.ctx.staff.clone();
        let db = self.ctx.store.path().to_path_buf();
        let result = (|| {
            let sheet = load(&self.ctx.store, case_id, victim, lang)?
                .ok_or_else(|| crate::error::Error::new(Msg::ErrNoCase, &[&case_id]))?;
            let dir = crate::tasks::letters::letters_dir(&db)?;
            let stem = format!(
                "simfoni-{}-korban-{}",
                crate::tasks::letters::file_stem(&sheet.number),
                victim + 1
            );
            let rules = crate::io::outfile::OutRules::new(&db, false);
            let mut files = Vec::new();
            for (format, ext) in [(SheetFormat::Text, "txt"), (SheetFormat::Pdf, "pdf")] {
                let path = dir.join(format!("{stem}-{}.{ext}", now.format("%Y%m%d-%H%M%S")));
                print(
                    &mut self.ctx.store,
                    &sheet,
                    format,
                    Some((&path, &rules)),
                    &staff,
                    lang,
                    now,
                )?;
                files.push(path.display().to_string());
            }
            Ok::<_, crate::error::Error>(files)
        })();
        match result {
            Ok(files) => {
                self.flow = Some(Flow::info(Msg::SimTitle.get(lang).into(), files));
            }
            Err(e) => {
                let t = fill(Msg::SimLoadFailed.get(lang), &[&e.render(lang)]);
                self.set_status(t, true);
            }
        }
    }

    /// `S` on the board: the month-end list of this month, or the month last looked at.
    pub(in crate::ui::app) fn open_simfoni_month(&mut self) {
        let month = self
            .simfoni_month
            .month
            .unwrap_or_else(|| Month::of(self.ctx.today()));
        self.load_simfoni_month(month);
        self.nav.push(Screen::SimfoniMonth);
    }

    pub(in crate::ui::app) fn load_simfoni_month(&mut self, month: Month) {
        let lang = self.lang();
        match self.ctx.store.simfoni_outstanding(last_day(month)) {
            Ok(rows) => self.simfoni_month.set(month, rows),
            Err(e) => {
                let t = fill(Msg::SimLoadFailed.get(lang), &[&e.render(lang)]);
                self.set_status(t, true);
            }
        }
    }
}
