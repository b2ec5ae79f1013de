//! The lock screen: sign-in at start, the idle lock, and the privacy key. While locked the
//! screen shows no case data at all, and only the PIN (or Enter, when no PIN is configured)
//! and quit are heard. It is drawn over the whole terminal, above every other screen.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::i18n::{Msg, fill};
use crate::ui::action::Action;
use crate::ui::keymap::Described;
use crate::ui::keys;
use crate::ui::screens::{Cx, Screen};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockWhy {
    SignIn,
    Idle,
    /// F12: blank at once. The first key brings up the PIN prompt.
    Privacy,
}

#[derive(Clone, PartialEq, Eq)]
pub struct LockView {
    pub why: LockWhy,
    /// Digits typed so far; never drawn, only counted, and never in an `Action`.
    pub pin: String,
    pub error: Option<String>,
    /// Privacy lock before any key: nothing at all on screen.
    pub blank: bool,
    pub pin_required: bool,
    pub office: String,
    pub staff: String,
}

impl Screen for LockView {
    /// None: the lock has no key bar, and help cannot be opened over it.
    fn keys(&self) -> Vec<&'static dyn Described> {
        Vec::new()
    }

    fn on_key(&mut self, key: &KeyEvent, _cx: &Cx) -> Option<Action> {
        if matches!(keys::global(key), Some(keys::Global::Quit)) {
            return Some(Action::QuitLocked);
        }
        if self.blank {
            self.blank = false;
            return None;
        }
        if !self.pin_required {
            return (key.code == KeyCode::Enter).then_some(Action::Unlock);
        }
        match key.code {
            KeyCode::Char(c) if c.is_ascii_digit() && self.pin.len() < 12 => {
                self.pin.push(c);
                self.error = None;
            }
            KeyCode::Backspace => {
                self.pin.pop();
            }
            KeyCode::Esc => self.pin.clear(),
            KeyCode::Enter if !self.pin.is_empty() => return Some(Action::SignIn),
            _ => {}
        }
        None
    }

    /// Draws the whole screen for a lock: nothing from behind it shows through.
    fn draw(&mut self, f: &mut Frame, area: Rect, cx: &Cx) {
        f.render_widget(Clear, area);
        if self.blank {
            return;
        }
        let (lang, theme) = (cx.lang, cx.theme);
        let lock = &*self;
        let title = match lock.why {
            LockWhy::SignIn => fill(Msg::LockSignIn.get(lang), &[&lock.office]),
            LockWhy::Idle => Msg::LockIdle.get(lang).to_string(),
            LockWhy::Privacy => Msg::LockPrivacy.get(lang).to_string(),
        };
        let mut lines = vec![
            Line::from(Span::styled(title, theme.section())),
            Line::raw(""),
            Line::raw(fill(Msg::LockWho.get(lang), &[&lock.staff])),
            Line::raw(""),
        ];
        if lock.pin_required {
            let dots = "•".repeat(lock.pin.chars().count());
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{} ", Msg::LockPin.get(lang)),
                    theme.label_focused(),
                ),
                Span::styled(format!("{dots:<12}"), theme.focused()),
            ]));
        } else {
            lines.push(Line::raw(Msg::LockPressEnter.get(lang)));
        }
        lines.push(Line::raw(""));
        if let Some(e) = &lock.error {
            lines.push(Line::from(Span::styled(e.clone(), theme.error())));
        }
        lines.push(Line::from(Span::styled(
            Msg::LockQuit.get(lang),
            theme.placeholder(),
        )));
        let h = (lines.len() as u16).min(area.height);
        let top = area.height.saturating_sub(h) / 2;
        let rect = Rect {
            x: area.x,
            y: area.y + top,
            width: area.width,
            height: h,
        };
        f.render_widget(
            Paragraph::new(lines)
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true }),
            rect,
        );
    }
}
