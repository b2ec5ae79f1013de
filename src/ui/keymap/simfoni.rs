//! SIMFONI-PPA: one victim's sheet and the month-end list.

use ratatui::crossterm::event::KeyCode;

use super::Bind::{Char, Code};
use super::{Row, Table};
use crate::i18n::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SimfoniKey {
    Up,
    Down,
    PageUp,
    PageDown,
    PrevVictim,
    NextVictim,
    Mark,
    Print,
    Leave,
}

pub static SIMFONI_SHEET: Table<SimfoniKey> = Table {
    title: Msg::HelpSimfoniSheet,
    rows: &[
        Row {
            keys: "↑ ↓ / k j PgUp PgDn",
            help: Msg::HSimScroll,
            bar: &[],
            binds: &[
                (Code(KeyCode::Up), SimfoniKey::Up),
                (Char('k'), SimfoniKey::Up),
                (Code(KeyCode::Down), SimfoniKey::Down),
                (Char('j'), SimfoniKey::Down),
                (Code(KeyCode::PageUp), SimfoniKey::PageUp),
                (Code(KeyCode::PageDown), SimfoniKey::PageDown),
                (Char(' '), SimfoniKey::PageDown),
            ],
        },
        Row {
            keys: "← → / [ ]",
            help: Msg::HSimVictim,
            bar: &[],
            binds: &[
                (Code(KeyCode::Left), SimfoniKey::PrevVictim),
                (Char('['), SimfoniKey::PrevVictim),
                (Code(KeyCode::Right), SimfoniKey::NextVictim),
                (Char(']'), SimfoniKey::NextVictim),
            ],
        },
        Row {
            keys: "m",
            help: Msg::HSimMark,
            bar: &[("m", Msg::KeySimMark)],
            binds: &[(Char('m'), SimfoniKey::Mark)],
        },
        Row {
            keys: "p",
            help: Msg::HSimPrint,
            bar: &[("p", Msg::KeySimPrint)],
            binds: &[(Char('p'), SimfoniKey::Print)],
        },
        Row {
            keys: "Esc",
            help: Msg::HBack,
            bar: &[("Esc", Msg::KeyBack)],
            binds: &[(Code(KeyCode::Esc), SimfoniKey::Leave)],
        },
    ],
    note: None,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SimfoniMonthKey {
    Up,
    Down,
    PrevMonth,
    NextMonth,
    Open,
    Leave,
}

pub static SIMFONI_MONTH: Table<SimfoniMonthKey> = Table {
    title: Msg::HelpSimfoniMonth,
    rows: &[
        Row {
            keys: "↑ ↓ / k j",
            help: Msg::HSimMonthMove,
            bar: &[],
            binds: &[
                (Code(KeyCode::Up), SimfoniMonthKey::Up),
                (Char('k'), SimfoniMonthKey::Up),
                (Code(KeyCode::Down), SimfoniMonthKey::Down),
                (Char('j'), SimfoniMonthKey::Down),
            ],
        },
        Row {
            keys: "← → / [ ]",
            help: Msg::HReportMonth,
            bar: &[("←", Msg::KeyPrevMonth), ("→", Msg::KeyNextMonth)],
            binds: &[
                (Code(KeyCode::Left), SimfoniMonthKey::PrevMonth),
                (Char('['), SimfoniMonthKey::PrevMonth),
                (Code(KeyCode::Right), SimfoniMonthKey::NextMonth),
                (Char(']'), SimfoniMonthKey::NextMonth),
            ],
        },
        Row {
            keys: "Enter",
            help: Msg::HSimMonthOpen,
            bar: &[("Enter", Msg::KeyOpen)],
            binds: &[(Code(KeyCode::Enter), SimfoniMonthKey::Open)],
        },
        Row {
            keys: "Esc",
            help: Msg::HBack,
            bar: &[("Esc", Msg::KeyBack)],
            binds: &[(Code(KeyCode::Esc), SimfoniMonthKey::Leave)],
        },
    ],
    note: None,
};
