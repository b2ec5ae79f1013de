//! The worker's unfinished intakes, newest first: resume one or discard it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use crate::domain::vocab;
use crate::i18n::{Lang, Msg, fill};
use crate::store::drafts::Draft;
use crate::ui::theme::Theme;

#[derive(Debug, Default)]
pub struct DraftsView {
    pub list: Vec<Draft>,
    pub cursor: usize,
}

impl DraftsView {
    pub fn draw(&self, f: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let [intro, list] =
            Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
        f.render_widget(
            Paragraph::new(Msg::DraftsIntro.get(lang))
                .wrap(Wrap { trim: true })
                .block(Block::default().borders(Borders::NONE)),
            Rect {
                x: intro.x + 1,
                width: intro.width.saturating_sub(2),
                ..intro
            },
        );
        let items: Vec<ListItem> = self
            .list
            .iter()
            .map(|d| {
                let when = crate::clock::shown(&d.updated_at, "%d-%m-%Y %H:%M");
                let kinds: Vec<&str> = d
                    .intake
                    .incident
                    .violence
                    .iter()
                    .map(|c| vocab::VIOLENCE.label(c, lang))
                    .collect();
                let kinds = if kinds.is_empty() {
                    Msg::NoneChosen.get(lang).to_string()
                } else {
                    kinds.join(", ")
                };
                ListItem::new(fill(
                    Msg::DraftRow.get(lang),
                    &[&when, &d.intake.victim_initials(), &kinds],
                ))
            })
            .collect();
        let mut state = ListState::default();
        if !self.list.is_empty() {
            state.select(Some(self.cursor));
        }
        f.render_stateful_widget(
            List::new(items)
                .highlight_style(theme.selected())
                .highlight_symbol("▶ "),
            list,
            &mut state,
        );
    }
}
