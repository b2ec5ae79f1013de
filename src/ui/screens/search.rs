//! Search: a case number, initials or a name typed in; the results as cards.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use crate::domain::case::Card;
use crate::domain::vocab;
use crate::i18n::{Lang, Msg, fill};
use crate::ui::action::Action;
use crate::ui::keymap::{Described, SEARCH, SearchKey};
use crate::ui::screens::{Cx, Screen};
use crate::ui::theme::Theme;
use crate::ui::widgets::text::truncate;

#[derive(Debug, Default)]
pub struct SearchView {
    pub input: Input,
    pub results: Vec<Card>,
    pub cursor: usize,
}

impl SearchView {
    /// A paste into the search (a case number copied from a letter), cleaned to one line.
    pub fn paste(&mut self, text: &str) {
        let v = format!(
            "{}{}",
            self.input.value(),
            crate::domain::text::clean_line(text).trim()
        );
        self.input = Input::new(v.clone()).with_cursor(v.chars().count());
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, lang: Lang, theme: &Theme, today: NaiveDate) {
        if area.height < 2 {
            return;
        }
        let prompt = format!(" {}: ", Msg::SearchPrompt.get(lang));
        let plen = prompt.chars().count() as u16;
        f.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(prompt, theme.section()),
                Span::raw(self.input.value().to_string()),
            ])),
            Rect { height: 1, ..area },
        );
        f.set_cursor_position((area.x + plen + self.input.visual_cursor() as u16, area.y));
        let list_area = Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        };
        let items: Vec<ListItem> =
            if self.results.is_empty() && !self.input.value().trim().is_empty() {
                vec![ListItem::new(Span::styled(
                    Msg::SearchNone.get(lang),
                    theme.placeholder(),
                ))]
            } else {
                self.results
                    .iter()
                    .map(|c| {
                        let line = format!(
                            "{:<18} {:<8} {:<22} {:<8} {}",
                            c.number,
                            c.initials,
                            vocab::STAGES.label(c.stage.code(), lang),
                            vocab::RISK.label(&c.risk, lang),
                            fill(Msg::DaysShort.get(lang), &[&c.days_in_stage(today)])
                        );
                        ListItem::new(truncate(&line, area.width as usize))
                    })
                    .collect()
            };
        let mut state = ListState::default();
        if !self.results.is_empty() {
            state.select(Some(self.cursor.min(self.results.len() - 1)));
        }
        f.render_stateful_widget(
            List::new(items).highlight_style(theme.selected()),
            list_area,
            &mut state,
        );
    }
}

impl Screen for SearchView {
    fn keys(&self) -> Vec<&'static dyn Described> {
        vec![&SEARCH]
    }

    fn on_key(&mut self, key: &KeyEvent, _cx: &Cx) -> Option<Action> {
        match SEARCH.lookup(key) {
            Some(SearchKey::Leave) => Some(Action::Back),
            Some(SearchKey::Up) => {
                self.cursor = self.cursor.saturating_sub(1);
                None
            }
            Some(SearchKey::Down) => {
                if self.cursor + 1 < self.results.len() {
                    self.cursor += 1;
                }
                None
            }
            Some(SearchKey::Open) => self
                .results
                .get(self.cursor)
                .map(|c| Action::OpenCase(c.id)),
            None => self
                .input
                .handle_event(&Event::Key(*key))
                .is_some_and(|s| s.value)
                .then(|| Action::Search(self.input.value().to_string())),
        }
    }

    fn on_paste(&mut self, text: &str, _cx: &Cx) -> Option<Action> {
        self.paste(text);
        Some(Action::Search(self.input.value().to_string()))
    }

    fn draw(&mut self, f: &mut Frame, area: Rect, cx: &Cx) {
        SearchView::draw(self, f, area, cx.lang, cx.theme, cx.today);
    }
}
