//! Help: the current screen's keys first, then the global ones, then every other screen's.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::i18n::{Lang, Msg};
use crate::ui::action::Action;
use crate::ui::keymap::{self, Described, GLOBAL, HELP, HelpKey};
use crate::ui::screens::{Cx, Screen};
use crate::ui::theme::Theme;

#[derive(Default)]
pub struct HelpView {
    pub scroll: u16,
    /// The key tables of the screen help was opened over, listed first.
    pub over: Vec<&'static dyn Described>,
}

impl Screen for HelpView {
    fn keys(&self) -> Vec<&'static dyn Described> {
        vec![&HELP]
    }

    fn on_key(&mut self, key: &KeyEvent, _cx: &Cx) -> Option<Action> {
        match HELP.lookup(key)? {
            HelpKey::Leave => return Some(Action::Back),
            HelpKey::Up => self.scroll = self.scroll.saturating_sub(1),
            HelpKey::Down => self.scroll += 1,
            HelpKey::PageUp => self.scroll = self.scroll.saturating_sub(10),
            HelpKey::PageDown => self.scroll += 10,
            HelpKey::Top => self.scroll = 0,
        }
        None
    }

    fn draw(&mut self, f: &mut Frame, area: Rect, cx: &Cx) {
        self.scroll = draw_help(f, area, cx.lang, cx.theme, self.scroll, &self.over);
    }
}

/// Help: the keys of the screen it was opened from first, then those of every screen, then
/// the rest; one aligned key column, all from the key tables.
fn draw_help(
    f: &mut Frame,
    area: Rect,
    lang: Lang,
    theme: &Theme,
    scroll: u16,
    current: &[&'static dyn Described],
) -> u16 {
    let mut order: Vec<&'static dyn Described> = current.to_vec();
    order.push(&GLOBAL);
    for t in keymap::all() {
        if !order.iter().any(|o| o.title() == t.title()) {
            order.push(t);
        }
    }
    let width = order
        .iter()
        .flat_map(|t| t.lines())
        .map(|(k, _)| UnicodeWidthStr::width(k))
        .max()
        .unwrap_or(0)
        + 2;
    let key = |k: &str| {
        let pad = width.saturating_sub(UnicodeWidthStr::width(k));
        Span::styled(format!("  {k}{}", " ".repeat(pad)), theme.label_focused())
    };
    let mut lines = Vec::new();
    for (i, t) in order.iter().enumerate() {
        if i > 0 {
            lines.push(Line::raw(""));
        }
        lines.push(Line::from(Span::styled(
            t.title().get(lang),
            theme.section(),
        )));
        for (k, m) in t.lines() {
            lines.push(Line::from(vec![key(k), Span::raw(m.get(lang))]));
        }
        if let Some(n) = t.note() {
            lines.push(Line::raw(format!("  {}", n.get(lang))));
        }
    }
    let w = area.width.max(1) as usize;
    let total = lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(w))
        .sum::<usize>() as u16;
    let para = Paragraph::new(lines).wrap(Wrap { trim: false });
    let max = total.saturating_sub(area.height);
    let scroll = scroll.min(max);
    f.render_widget(para.scroll((scroll, 0)), area);
    if scroll < max && area.height > 0 {
        let more = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        f.render_widget(Clear, more);
        f.render_widget(
            Paragraph::new(Span::styled(
                format!("  ↓ {}", Msg::HelpMore.get(lang)),
                theme.placeholder(),
            )),
            more,
        );
    }
    scroll
}
