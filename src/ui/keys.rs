//! Small key predicates shared by the screens and widgets. Which key does what is in the key
//! tables of `keymap`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::ui::keymap::{FORM, GLOBAL};
pub use crate::ui::keymap::{FormKey, Global};

pub fn ctrl(key: &KeyEvent, c: char) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char(c)
}

pub fn is_press(key: &KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
}

/// A key every screen takes (privacy aside, see [`privacy`]), from the global key table.
pub fn global(key: &KeyEvent) -> Option<Global> {
    GLOBAL.lookup(key).filter(|g| *g != Global::Privacy)
}

/// A key of the intake form (also while a case file is edited), from the form's key table.
pub fn form(key: &KeyEvent) -> Option<FormKey> {
    FORM.lookup(key)
}

/// F12 (or Ctrl-Z, which meja never uses to suspend) hides the screen at once, on every
/// screen and in every dialog: someone has walked up to the desk.
pub fn privacy(key: &KeyEvent) -> bool {
    GLOBAL.lookup(key) == Some(Global::Privacy)
}

/// The yes/no of a confirmation: `y` (ya/yes) or `t`/`n` (tidak/no), in either language.
pub fn yes_no(key: &KeyEvent) -> Option<bool> {
    match key.code {
        KeyCode::Char('y' | 'Y') => Some(true),
        KeyCode::Char('t' | 'T' | 'n' | 'N') | KeyCode::Esc => Some(false),
        _ => None,
    }
}
