//! The worker's unfinished intakes, newest first: resume one or discard it.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use crate::domain::vocab;
use crate::i18n::{Lang, Msg, fill};
use crate::store::drafts::Draft;
use crate::ui::action::Action;
use crate::ui::keymap::{DRAFTS, Described, DraftsKey};
use crate::ui::screens::{Cx, Screen};
use crate::ui::theme::Theme;

#[derive(Debug, Default)]
pub struct DraftsView {
    pub list: Vec<Draft>,
    pub cursor: usize,
    /// An intake is open behind the list (Esc goes back to it).
    pub form_open: bool,
}

impl DraftsView {
    fn draw_list(&self, f: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
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

impl Screen for DraftsView {
    fn keys(&self) -> Vec<&'static dyn Described> {
        vec![&DRAFTS]
    }

    fn on_key(&mut self, key: &KeyEvent, _cx: &Cx) -> Option<Action> {
        match DRAFTS.lookup(key)? {
            DraftsKey::Up => self.cursor = self.cursor.saturating_sub(1),
            DraftsKey::Down if self.cursor + 1 < self.list.len() => self.cursor += 1,
            DraftsKey::Down => {}
            DraftsKey::Resume => {
                return self
                    .list
                    .get(self.cursor)
                    .map(|d| Action::ResumeDraft(d.id));
            }
            DraftsKey::Discard => {
                return self.list.get(self.cursor).map(|d| Action::AskDiscardDraft {
                    id: d.id,
                    initials: d.intake.victim_initials(),
                });
            }
            DraftsKey::Back if self.form_open => return Some(Action::BackToIntake),
            DraftsKey::Back => {}
        }
        None
    }

    fn draw(&mut self, f: &mut Frame, area: Rect, cx: &Cx) {
        self.draw_list(f, area, cx.lang, cx.theme);
    }
}
