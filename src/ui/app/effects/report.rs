//! The effects of the report screen: opening it and loading a month's figures.

use crate::domain::report::Month;
use crate::i18n::{Msg, fill};
use crate::ui::app::{App, Screen};

impl App {
    /// `R` on the board: the report of the month before this one (the one due to SIMFONI), or the month
    /// last looked at.
    pub(in crate::ui::app) fn open_report(&mut self) {
        let month = self
            .report
            .month
            .unwrap_or_else(|| Month::of(self.ctx.today()).prev());
        self.load_report(month);
        self.nav.push(Screen::Report);
    }

    pub(in crate::ui::app) fn load_report(&mut self, month: Month) {
        let from = month.first_day();
        let to = month.next().first_day().pred_opt().unwrap_or(from);
        let today = self.ctx.today();
        let loaded = self
            .ctx
            .store
            .report(from, to, &self.targets, today)
            .and_then(|r| Ok((r, self.ctx.store.trend(to)?)));
        match loaded {
            Ok((r, trend)) => {
                self.report.month = Some(month);
                self.report.set(r, trend);
            }
            Err(e) => {
                let t = fill(
                    Msg::RepLoadFailed.get(self.lang()),
                    &[&e.render(self.lang())],
                );
                self.set_status(t, true);
            }
        }
    }
}
