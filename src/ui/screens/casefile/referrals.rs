//! The Rujukan tab: each referral with its status, dates and letter, and its keys.

use chrono::NaiveDate;
use ratatui::text::{Line, Span};

use super::CaseView;
use crate::domain::validate::format_date;
use crate::domain::vocab;
use crate::i18n::{Lang, Msg, fill};
use crate::ui::action::Action;
use crate::ui::keymap::CaseKey;
use crate::ui::theme::Theme;
use crate::ui::widgets::text::truncate;

impl CaseView {
    pub(super) fn referral_lines(
        &self,
        lang: Lang,
        theme: &Theme,
        today: NaiveDate,
        w: usize,
    ) -> Vec<Line<'static>> {
        if self.referrals.is_empty() {
            return vec![
                Line::raw(""),
                Line::from(Span::styled(
                    format!("  {}", Msg::RefNone.get(lang)),
                    theme.placeholder(),
                )),
            ];
        }
        let mut lines = Vec::new();
        for (i, r) in self.referrals.iter().enumerate() {
            let selected = i == self.ref_cursor;
            let head = fill(
                Msg::RefRow.get(lang),
                &[
                    &vocab::REFERRAL_STATUS.label(r.status.code(), lang),
                    &r.agency_name,
                    &vocab::SERVICES.label(&r.service, lang),
                ],
            );
            let mark = if selected { "▶ " } else { "  " };
            let style = if selected {
                theme.selected()
            } else {
                theme.value()
            };
            let mut spans = vec![Span::styled(
                truncate(&format!("{mark}{head}"), w.saturating_sub(12)),
                style,
            )];
            if r.overdue(today) {
                spans.push(Span::styled(
                    format!(" {}", Msg::RefOverdue.get(lang)),
                    theme.error(),
                ));
            }
            lines.push(Line::from(spans));
            let mut meta = vec![format!("{} {}", format_date(r.created), r.created_by)];
            if let Some(d) = r.follow_up {
                meta.push(fill(Msg::RefFollowUp.get(lang), &[&format_date(d)]));
            }
            if let Some(n) = &r.letter_number {
                meta.push(fill(Msg::RefLetterNo.get(lang), &[n]));
            }
            lines.push(Line::from(Span::styled(
                format!("    {}", meta.join(" · ")),
                theme.placeholder(),
            )));
            lines.push(Line::raw(format!("    {}", r.reason)));
            if let Some(o) = &r.override_reason {
                lines.push(Line::from(Span::styled(
                    format!("    {}", fill(Msg::RefOverrideShown.get(lang), &[o])),
                    theme.warning(),
                )));
            }
            if !r.status_note.is_empty() {
                lines.push(Line::raw(format!(
                    "    {}: {}",
                    Msg::TlReason.get(lang),
                    r.status_note
                )));
            }
        }
        lines
    }

    /// A key of the Referrals tab (see `keymap::CASE_REFERRALS`).
    pub(super) fn on_referrals_key(&mut self, k: CaseKey) -> Option<Action> {
        match k {
            CaseKey::Up => self.ref_cursor = self.ref_cursor.saturating_sub(1),
            CaseKey::Down if self.ref_cursor + 1 < self.referrals.len() => self.ref_cursor += 1,
            CaseKey::Status => {
                return self
                    .selected_referral()
                    .cloned()
                    .map(Action::AskReferralStatus);
            }
            CaseKey::Letter => return self.selected_referral().cloned().map(Action::WriteLetter),
            _ => {}
        }
        None
    }
}
