//! Tugas (F11 / Ctrl-V): the one list of what is due.

use ratatui::crossterm::event::KeyCode;

use super::Bind::{Char, Code};
use super::{Row, Table};
use crate::i18n::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TugasKey {
    Up,
    Down,
    PageUp,
    PageDown,
    Open,
    /// Mine or everyone's (a supervisor's choice).
    Scope,
    Leave,
}

pub static TUGAS: Table<TugasKey> = Table {
    title: Msg::HelpTugas,
    rows: &[
        Row {
            keys: "↑ ↓ / k j PgUp PgDn",
            help: Msg::HTugasMove,
            bar: &[],
            binds: &[
                (Code(KeyCode::Up), TugasKey::Up),
                (Char('k'), TugasKey::Up),
                (Code(KeyCode::Down), TugasKey::Down),
                (Char('j'), TugasKey::Down),
                (Code(KeyCode::PageUp), TugasKey::PageUp),
                (Code(KeyCode::PageDown), TugasKey::PageDown),
            ],
        },
        Row {
            keys: "Enter",
            help: Msg::HTugasOpen,
            bar: &[("Enter", Msg::KeyOpen)],
            binds: &[(Code(KeyCode::Enter), TugasKey::Open)],
        },
        Row {
            keys: "a",
            help: Msg::HTugasScope,
            bar: &[("a", Msg::KeyTugasScope)],
            binds: &[(Char('a'), TugasKey::Scope)],
        },
        Row {
            keys: "Esc",
            help: Msg::HBack,
            bar: &[("Esc", Msg::KeyBack)],
            binds: &[(Code(KeyCode::Esc), TugasKey::Leave)],
        },
    ],
    note: None,
};
