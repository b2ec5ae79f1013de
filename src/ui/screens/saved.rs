//! The case just opened from an intake: its number, to write on the paper file.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::i18n::{Lang, Msg, fill};
use crate::ui::action::Action;
use crate::ui::keymap::{Described, SAVED};
use crate::ui::screens::{Cx, Screen};
use crate::ui::theme::Theme;

#[derive(Debug, Default)]
pub struct SavedView {
    pub number: Option<String>,
}

impl SavedView {
    fn draw_page(&self, f: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let number = self.number.clone().unwrap_or_default();
        let lines = vec![
            Line::raw(""),
            Line::from(Span::styled(
                format!("  {}", Msg::TitleSaved.get(lang)),
                theme.ok(),
            )),
            Line::raw(""),
            Line::from(Span::styled(
                format!("  {}", fill(Msg::CaseOpenedNumber.get(lang), &[&number])),
                theme.section(),
            )),
            Line::raw(""),
            Line::raw(format!("  {}", Msg::WriteOnPaper.get(lang))),
            Line::raw(""),
            Line::raw(format!("  {}", Msg::SavedNext.get(lang))),
        ];
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
    }
}

impl Screen for SavedView {
    fn keys(&self) -> Vec<&'static dyn Described> {
        vec![&SAVED]
    }

    fn on_key(&mut self, key: &KeyEvent, _cx: &Cx) -> Option<Action> {
        SAVED.lookup(key).map(|()| Action::NewIntake)
    }

    fn draw(&mut self, f: &mut Frame, area: Rect, cx: &Cx) {
        self.draw_page(f, area, cx.lang, cx.theme);
    }
}
