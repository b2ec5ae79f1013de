//! The case file's Hukum tab (issues 18, 19): its own keys first, then the case file's.

use ratatui::crossterm::event::KeyCode;

use super::Bind::{Char, Code};
use super::{CaseKey, Row, Table};
use crate::i18n::Msg;

pub static CASE_LEGAL: Table<CaseKey> = Table {
    title: Msg::HelpCaseLegal,
    rows: &[
        Row {
            keys: "q",
            help: Msg::HCaseQualify,
            bar: &[("q", Msg::KeyQualify)],
            binds: &[(Char('q'), CaseKey::Qualify)],
        },
        Row {
            keys: "h",
            help: Msg::HCaseLegalEvent,
            bar: &[("h", Msg::KeyLegalEvent)],
            binds: &[(Char('h'), CaseKey::LegalEvent)],
        },
        Row {
            keys: "m",
            help: Msg::HCaseMediation,
            bar: &[("m", Msg::KeyMediation)],
            binds: &[(Char('m'), CaseKey::Mediation)],
        },
        Row {
            keys: "i",
            help: Msg::HCaseTick,
            bar: &[("i", Msg::KeyTick)],
            binds: &[(Char('i'), CaseKey::Tick)],
        },
        Row {
            keys: "↑ ↓ / k j PgUp PgDn",
            help: Msg::HCaseScroll,
            bar: &[],
            binds: &[
                (Code(KeyCode::Up), CaseKey::Up),
                (Char('k'), CaseKey::Up),
                (Code(KeyCode::Down), CaseKey::Down),
                (Char('j'), CaseKey::Down),
                (Code(KeyCode::PageUp), CaseKey::PageUp),
                (Code(KeyCode::PageDown), CaseKey::PageDown),
            ],
        },
        Row {
            keys: "t",
            help: Msg::HCaseTab,
            bar: &[("t", Msg::KeyTabs)],
            binds: &[(Char('t'), CaseKey::Tab)],
        },
        Row {
            keys: "Esc",
            help: Msg::HBack,
            bar: &[("Esc", Msg::KeyBack)],
            binds: &[(Code(KeyCode::Esc), CaseKey::Leave)],
        },
    ],
    note: None,
};
