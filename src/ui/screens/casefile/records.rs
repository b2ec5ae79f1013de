//! The Layanan and Pemantauan tabs: services given and follow-ups, newest first.

use ratatui::text::{Line, Span};

use super::CaseView;
use crate::domain::validate::format_date;
use crate::domain::vocab;
use crate::i18n::{Lang, Msg, fill};
use crate::ui::theme::Theme;

impl CaseView {
    /// The Layanan tab: each service given, newest first, with whom and by whom.
    pub(super) fn service_lines(&self, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
        let r = &self.records;
        if r.services.is_empty() {
            return vec![Line::from(Span::styled(
                Msg::ServicesNone.get(lang).to_string(),
                theme.placeholder(),
            ))];
        }
        let mut lines = Vec::new();
        for g in r.services.iter().rev() {
            let victim = r
                .victims
                .iter()
                .find(|v| v.0 == g.victim_id)
                .map_or("—", |v| v.1.as_str());
            let by = match &g.given_by {
                crate::domain::plan::Doer::Staff(s) => s.clone(),
                crate::domain::plan::Doer::Agency(a) => r
                    .agencies
                    .iter()
                    .find(|x| x.0 == *a)
                    .map_or_else(|| a.to_string(), |x| x.1.clone()),
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{} ", format_date(g.date)), theme.placeholder()),
                Span::styled(
                    vocab::SERVICES.label(&g.service, lang).to_string(),
                    theme.value(),
                ),
                Span::raw(format!(
                    " — {victim} — {}",
                    fill(Msg::GivenBy.get(lang), &[&by])
                )),
            ]));
            if !g.note.is_empty() {
                lines.push(Line::raw(format!("    {}", g.note)));
            }
        }
        lines
    }

    /// The Pemantauan tab: each follow-up, newest first, with what was found.
    pub(super) fn follow_up_lines(&self, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
        let r = &self.records;
        if r.follow_ups.is_empty() {
            return vec![Line::from(Span::styled(
                Msg::FollowUpsNone.get(lang).to_string(),
                theme.placeholder(),
            ))];
        }
        let mut lines = Vec::new();
        for u in r.follow_ups.iter().rev() {
            let mut head = vec![
                Span::styled(format!("{} ", format_date(u.date)), theme.placeholder()),
                Span::styled(
                    vocab::FOLLOW_UP_KINDS.label(&u.kind, lang).to_string(),
                    theme.value(),
                ),
            ];
            if let Some(n) = u.next {
                head.push(Span::raw(format!(
                    " · {}",
                    fill(Msg::FollowNextOn.get(lang), &[&format_date(n)])
                )));
            }
            lines.push(Line::from(head));
            lines.extend(u.findings.lines().map(|l| Line::raw(format!("    {l}"))));
        }
        lines
    }
}
