//! Case search, the agency directory and an agency's sheet.

use ratatui::crossterm::event::KeyCode;

use super::Bind::{Char, Code, Ctrl};
use super::{Row, Table};
use crate::i18n::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchKey {
    Up,
    Down,
    Open,
    Leave,
}

/// Search: every other key is typed into the query.
pub static SEARCH: Table<SearchKey> = Table {
    title: Msg::HelpSearch,
    rows: &[
        Row {
            keys: "a–z",
            help: Msg::HSearchType,
            bar: &[],
            binds: &[],
        },
        Row {
            keys: "↑ ↓",
            help: Msg::HListMove,
            bar: &[],
            binds: &[
                (Code(KeyCode::Up), SearchKey::Up),
                (Code(KeyCode::Down), SearchKey::Down),
            ],
        },
        Row {
            keys: "Enter",
            help: Msg::HBoardOpen,
            bar: &[("Enter", Msg::KeyOpen)],
            binds: &[(Code(KeyCode::Enter), SearchKey::Open)],
        },
        Row {
            keys: "Esc",
            help: Msg::HBack,
            bar: &[("Esc", Msg::KeyBack)],
            binds: &[(Code(KeyCode::Esc), SearchKey::Leave)],
        },
    ],
    note: None,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirKey {
    Up,
    Down,
    PageUp,
    PageDown,
    Open,
    FilterService,
    FilterArea,
    OpenNow,
    /// F8: every filter and the search cleared at once.
    ClearFilters,
    Add,
    /// Esc: clears the query first, then leaves.
    Leave,
}

/// The directory's list: every other key is typed into the query.
pub static DIRECTORY: Table<DirKey> = Table {
    title: Msg::HelpDirectory,
    rows: &[
        Row {
            keys: "a–z",
            help: Msg::HDirType,
            bar: &[],
            binds: &[],
        },
        Row {
            keys: "↑ ↓ PgUp PgDn",
            help: Msg::HListMove,
            bar: &[],
            binds: &[
                (Code(KeyCode::Up), DirKey::Up),
                (Code(KeyCode::Down), DirKey::Down),
                (Code(KeyCode::PageUp), DirKey::PageUp),
                (Code(KeyCode::PageDown), DirKey::PageDown),
            ],
        },
        Row {
            keys: "Enter",
            help: Msg::HDirOpen,
            bar: &[("Enter", Msg::KeyOpen)],
            binds: &[(Code(KeyCode::Enter), DirKey::Open)],
        },
        Row {
            keys: "F5 F6 F7 / ^L ^R ^O",
            help: Msg::HDirFilters,
            bar: &[
                ("F5", Msg::KeyFilterService),
                ("F6", Msg::KeyFilterArea),
                ("F7", Msg::KeyOpenNow),
            ],
            binds: &[
                (Code(KeyCode::F(5)), DirKey::FilterService),
                (Ctrl('l'), DirKey::FilterService),
                (Code(KeyCode::F(6)), DirKey::FilterArea),
                (Ctrl('r'), DirKey::FilterArea),
                (Code(KeyCode::F(7)), DirKey::OpenNow),
                (Ctrl('o'), DirKey::OpenNow),
            ],
        },
        Row {
            keys: "F8 / Ctrl-X",
            help: Msg::HDirClear,
            bar: &[],
            binds: &[
                (Code(KeyCode::F(8)), DirKey::ClearFilters),
                (Ctrl('x'), DirKey::ClearFilters),
            ],
        },
        Row {
            keys: "F9 / Ctrl-T",
            help: Msg::HDirAdd,
            bar: &[("F9", Msg::KeyAdd)],
            binds: &[(Code(KeyCode::F(9)), DirKey::Add), (Ctrl('t'), DirKey::Add)],
        },
        Row {
            keys: "Esc",
            help: Msg::HBack,
            bar: &[("Esc", Msg::KeyBack)],
            binds: &[(Code(KeyCode::Esc), DirKey::Leave)],
        },
    ],
    note: None,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKey {
    Up,
    Down,
    Edit,
    Save,
    Active,
    Refer,
    Delete,
    Leave,
}

pub static AGENCY_SHEET: Table<SheetKey> = Table {
    title: Msg::HelpSheet,
    rows: &[
        Row {
            keys: "↑ ↓",
            help: Msg::HListMove,
            bar: &[],
            binds: &[
                (Code(KeyCode::Up), SheetKey::Up),
                (Char('k'), SheetKey::Up),
                (Code(KeyCode::BackTab), SheetKey::Up),
                (Code(KeyCode::Down), SheetKey::Down),
                (Char('j'), SheetKey::Down),
                (Code(KeyCode::Tab), SheetKey::Down),
            ],
        },
        Row {
            keys: "Enter / e",
            help: Msg::HSheetEdit,
            bar: &[("Enter", Msg::KeyEdit)],
            binds: &[
                (Code(KeyCode::Enter), SheetKey::Edit),
                (Char('e'), SheetKey::Edit),
            ],
        },
        Row {
            keys: "Ctrl-S",
            help: Msg::HSheetSave,
            bar: &[("^S", Msg::KeySave)],
            binds: &[
                (Ctrl('s'), SheetKey::Save),
                (Code(KeyCode::F(9)), SheetKey::Save),
            ],
        },
        Row {
            keys: "F8 / Ctrl-X",
            help: Msg::HSheetActive,
            bar: &[("F8", Msg::KeyActive)],
            binds: &[
                (Code(KeyCode::F(8)), SheetKey::Active),
                (Ctrl('x'), SheetKey::Active),
            ],
        },
        Row {
            keys: "r",
            help: Msg::HCaseRefer,
            bar: &[("r", Msg::KeyRefer)],
            binds: &[(Char('r'), SheetKey::Refer)],
        },
        Row {
            keys: "Del",
            help: Msg::HSheetDelete,
            bar: &[],
            binds: &[(Code(KeyCode::Delete), SheetKey::Delete)],
        },
        Row {
            keys: "Esc",
            help: Msg::HBack,
            bar: &[("Esc", Msg::KeyBack)],
            binds: &[(Code(KeyCode::Esc), SheetKey::Leave)],
        },
    ],
    note: None,
};
