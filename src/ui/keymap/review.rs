//! The monthly report, the access log and help.

use ratatui::crossterm::event::KeyCode;

use super::Bind::{Char, Code};
use super::{Row, Table};
use crate::i18n::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKey {
    PrevMonth,
    NextMonth,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Leave,
}

pub static REPORT: Table<ReportKey> = Table {
    title: Msg::HelpReport,
    rows: &[
        Row {
            keys: "← → / [ ]",
            help: Msg::HReportMonth,
            bar: &[("←", Msg::KeyPrevMonth), ("→", Msg::KeyNextMonth)],
            binds: &[
                (Code(KeyCode::Left), ReportKey::PrevMonth),
                (Char('['), ReportKey::PrevMonth),
                (Char('h'), ReportKey::PrevMonth),
                (Code(KeyCode::Right), ReportKey::NextMonth),
                (Char(']'), ReportKey::NextMonth),
                (Char('l'), ReportKey::NextMonth),
            ],
        },
        Row {
            keys: "↑ ↓ PgUp PgDn",
            help: Msg::HReportScroll,
            bar: &[],
            binds: &[
                (Code(KeyCode::Up), ReportKey::Up),
                (Char('k'), ReportKey::Up),
                (Code(KeyCode::Down), ReportKey::Down),
                (Char('j'), ReportKey::Down),
                (Code(KeyCode::PageUp), ReportKey::PageUp),
                (Code(KeyCode::PageDown), ReportKey::PageDown),
                (Char(' '), ReportKey::PageDown),
                (Code(KeyCode::Home), ReportKey::Top),
            ],
        },
        Row {
            keys: "Esc",
            help: Msg::HBack,
            bar: &[("Esc", Msg::KeyBack)],
            binds: &[(Code(KeyCode::Esc), ReportKey::Leave)],
        },
    ],
    note: None,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditKey {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Erase,
    /// Esc: clears the filter first, then leaves.
    Leave,
}

/// The access log: every other letter narrows the list.
pub static AUDIT: Table<AuditKey> = Table {
    title: Msg::HelpAudit,
    rows: &[
        Row {
            keys: "a–z",
            help: Msg::HAuditType,
            bar: &[("a–z", Msg::KeyNarrow)],
            binds: &[(Code(KeyCode::Backspace), AuditKey::Erase)],
        },
        Row {
            keys: "↑ ↓ PgUp PgDn",
            help: Msg::HAuditScroll,
            bar: &[],
            binds: &[
                (Code(KeyCode::Up), AuditKey::Up),
                (Code(KeyCode::Down), AuditKey::Down),
                (Code(KeyCode::PageUp), AuditKey::PageUp),
                (Code(KeyCode::PageDown), AuditKey::PageDown),
                (Code(KeyCode::Home), AuditKey::Top),
            ],
        },
        Row {
            keys: "Esc",
            help: Msg::HBack,
            bar: &[("Esc", Msg::KeyBack)],
            binds: &[(Code(KeyCode::Esc), AuditKey::Leave)],
        },
    ],
    note: None,
};

/// The help screen itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpKey {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Leave,
}

pub static HELP: Table<HelpKey> = Table {
    title: Msg::HelpHelp,
    rows: &[
        Row {
            keys: "↑ ↓ / k j",
            help: Msg::HReportScroll,
            bar: &[],
            binds: &[
                (Code(KeyCode::Up), HelpKey::Up),
                (Char('k'), HelpKey::Up),
                (Code(KeyCode::Down), HelpKey::Down),
                (Char('j'), HelpKey::Down),
                (Code(KeyCode::PageUp), HelpKey::PageUp),
                (Code(KeyCode::PageDown), HelpKey::PageDown),
                (Char(' '), HelpKey::PageDown),
                (Code(KeyCode::Home), HelpKey::Top),
            ],
        },
        Row {
            keys: "Esc / Enter",
            help: Msg::HBack,
            bar: &[("F2", Msg::KeyNew), ("Esc", Msg::KeyBack)],
            binds: &[
                (Code(KeyCode::Esc), HelpKey::Leave),
                (Code(KeyCode::Enter), HelpKey::Leave),
            ],
        },
    ],
    note: None,
};
