//! One module per screen: its state, its key handler and its drawing.

pub mod audit;
pub mod board;
pub mod casefile;
pub mod directory;
pub mod drafts;
pub mod help;
pub mod intake;
mod intake_screen;
pub mod lock;
pub mod report;
pub mod saved;
pub mod search;
pub mod sheet_field;
pub mod simfoni;
pub mod tugas;

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::domain::case::Targets;
use crate::i18n::Lang;
use crate::ui::action::Action;
use crate::ui::keymap::Described;
use crate::ui::theme::Theme;

/// What a screen may know of the world while it handles a key or draws: never the store.
pub struct Cx<'a> {
    pub lang: Lang,
    pub theme: &'a Theme,
    pub today: NaiveDate,
    pub now: NaiveDateTime,
    pub targets: &'a Targets,
}

/// One screen. Its key handler looks the key up in its key table and either answers inside
/// (a cursor moves, a letter is typed) or returns the [`Action`] the person asked for, which
/// `App::update` applies; it never touches the store. It draws from what is loaded.
pub trait Screen {
    /// The screen's key tables as it is now: the first one's keys make the key bar, and help
    /// lists all of them first.
    fn keys(&self) -> Vec<&'static dyn Described>;
    fn on_key(&mut self, key: &KeyEvent, cx: &Cx) -> Option<Action>;
    /// Text pasted while the screen is current (no dialog open).
    fn on_paste(&mut self, _text: &str, _cx: &Cx) -> Option<Action> {
        None
    }
    fn draw(&mut self, f: &mut Frame, area: Rect, cx: &Cx);
}
