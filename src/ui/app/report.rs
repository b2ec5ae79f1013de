//! The report screen's flow: which month, loading its figures, scrolling.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{App, Screen};
use crate::domain::report::Month;
use crate::i18n::{Msg, fill};

impl App {
    /// `R` on the board: the report of the month before this one (the one due to SIMFONI), or the month
    /// last looked at.
    pub(super) fn open_report(&mut self) {
        if self.screen != Screen::Report {
            self.report_return = self.screen;
        }
        let month = self
            .report
            .month
            .unwrap_or_else(|| Month::of(self.ctx.today()).prev());
        self.load_report(month);
        self.screen = Screen::Report;
    }

    fn load_report(&mut self, month: Month) {
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

    pub(super) fn on_report_key(&mut self, key: &KeyEvent) {
        let month = self
            .report
            .month
            .unwrap_or_else(|| Month::of(self.ctx.today()));
        match key.code {
            KeyCode::Left | KeyCode::Char('h' | '[') => self.load_report(month.prev()),
            // No report of a month that has not begun.
            KeyCode::Right | KeyCode::Char('l' | ']')
                if month.next() <= Month::of(self.ctx.today()) =>
            {
                self.load_report(month.next())
            }
            KeyCode::Up | KeyCode::Char('k') => self.report.scroll_by(-1),
            KeyCode::Down | KeyCode::Char('j') => self.report.scroll_by(1),
            KeyCode::PageUp => self.report.scroll_by(-10),
            KeyCode::PageDown | KeyCode::Char(' ') => self.report.scroll_by(10),
            KeyCode::Home => self.report.scroll = 0,
            KeyCode::Esc => self.screen = self.report_return,
            _ => {}
        }
    }
}
