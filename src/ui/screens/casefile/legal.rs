//! The Hukum tab (issues 18, 19): the case's legal qualification, the law's clocks with the
//! hours left and what to do, the checklist, the legal-event timeline and mediation — the
//! lines `meja hukum show` prints (`io::legal::lines`), styled so the eye finds the headings
//! and what is pressing. Marks are words and `!`, never colour alone (NO_COLOR).

use ratatui::text::{Line, Span};

use super::CaseView;
use crate::i18n::{Lang, Msg};
use crate::ui::theme::Theme;

impl CaseView {
    pub(super) fn legal_lines(&self, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
        let Some(sheet) = &self.legal else {
            return vec![Line::from(Span::styled(
                Msg::HkNone.get(lang).to_string(),
                theme.placeholder(),
            ))];
        };
        let refused = format!("  {}", Msg::HkMediationRefused.get(lang));
        crate::io::legal::lines(sheet, lang)
            .into_iter()
            .map(|l| {
                let style = if !l.is_empty() && !l.starts_with(' ') {
                    theme.section()
                } else if l == refused {
                    theme.error()
                } else if l.starts_with("  !") || l.starts_with("    →") {
                    theme.warning()
                } else if l.starts_with("  [ ]") {
                    theme.value()
                } else {
                    return Line::raw(l);
                };
                Line::from(Span::styled(l, style))
            })
            .collect()
    }
}
