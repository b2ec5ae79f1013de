//! The case board.

use ratatui::crossterm::event::KeyCode;

use super::Bind::{Char, Code};
use super::{Row, Table};
use crate::i18n::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoardKey {
    Left,
    Right,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Forward,
    Back,
    Close,
    Reopen,
    Assign,
    Search,
    Filter,
    ClearFilter,
    ToggleClosed,
    Audit,
    Report,
    Simfoni,
    Leave,
}

pub static BOARD: Table<BoardKey> = Table {
    title: Msg::HelpBoard,
    rows: &[
        Row {
            keys: "← → ↑ ↓ / h l k j",
            help: Msg::HBoardMove,
            bar: &[],
            binds: &[
                (Code(KeyCode::Left), BoardKey::Left),
                (Char('h'), BoardKey::Left),
                (Code(KeyCode::Right), BoardKey::Right),
                (Char('l'), BoardKey::Right),
                (Code(KeyCode::Up), BoardKey::Up),
                (Char('k'), BoardKey::Up),
                (Code(KeyCode::Down), BoardKey::Down),
                (Char('j'), BoardKey::Down),
            ],
        },
        Row {
            keys: "PgUp PgDn Home End",
            help: Msg::HBoardPage,
            bar: &[],
            binds: &[
                (Code(KeyCode::PageUp), BoardKey::PageUp),
                (Code(KeyCode::PageDown), BoardKey::PageDown),
                (Code(KeyCode::Home), BoardKey::Top),
                (Code(KeyCode::End), BoardKey::Bottom),
            ],
        },
        Row {
            keys: "Enter",
            help: Msg::HBoardOpen,
            bar: &[("Enter", Msg::KeyOpen)],
            binds: &[(Code(KeyCode::Enter), BoardKey::Open)],
        },
        Row {
            keys: "> / <",
            help: Msg::HBoardStage,
            bar: &[(">", Msg::KeyForward), ("<", Msg::KeyBackStage)],
            binds: &[(Char('>'), BoardKey::Forward), (Char('<'), BoardKey::Back)],
        },
        Row {
            keys: "c / o",
            help: Msg::HBoardClose,
            bar: &[("c", Msg::KeyClose)],
            binds: &[(Char('c'), BoardKey::Close), (Char('o'), BoardKey::Reopen)],
        },
        Row {
            keys: "a",
            help: Msg::HBoardAssign,
            bar: &[("a", Msg::KeyAssign)],
            binds: &[(Char('a'), BoardKey::Assign)],
        },
        Row {
            keys: "/",
            help: Msg::HBoardSearch,
            bar: &[("/", Msg::KeySearch)],
            binds: &[(Char('/'), BoardKey::Search)],
        },
        Row {
            keys: "f / t",
            help: Msg::HBoardFilter,
            bar: &[("f", Msg::KeyFilterBoard), ("t", Msg::KeyClosed)],
            binds: &[
                (Char('f'), BoardKey::Filter),
                (Char('t'), BoardKey::ToggleClosed),
            ],
        },
        Row {
            keys: "x",
            help: Msg::HBoardClearFilter,
            bar: &[],
            binds: &[(Char('x'), BoardKey::ClearFilter)],
        },
        Row {
            keys: "L",
            help: Msg::HBoardAudit,
            bar: &[("L", Msg::KeyAudit)],
            binds: &[(Char('L'), BoardKey::Audit)],
        },
        Row {
            keys: "R",
            help: Msg::HReport,
            bar: &[("R", Msg::KeyReport)],
            binds: &[(Char('R'), BoardKey::Report)],
        },
        Row {
            keys: "S",
            help: Msg::HBoardSimfoni,
            bar: &[],
            binds: &[(Char('S'), BoardKey::Simfoni)],
        },
        Row {
            keys: "Esc",
            help: Msg::HBackToForm,
            bar: &[],
            binds: &[(Code(KeyCode::Esc), BoardKey::Leave)],
        },
    ],
    note: Some(Msg::HBoardMarks),
};
