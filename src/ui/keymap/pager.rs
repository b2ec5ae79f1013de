//! The read-only pager over a case's long texts (issue 16, point 6): `b` in the case file.

use ratatui::crossterm::event::KeyCode;

use super::Bind::{Char, Code};
use super::{Row, Table};
use crate::i18n::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagerKey {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Close,
}

pub static PAGER: Table<PagerKey> = Table {
    title: Msg::HelpPager,
    rows: &[
        Row {
            keys: "↑ ↓ / k j",
            help: Msg::HPagerLine,
            bar: &[("↑↓", Msg::KeyScroll)],
            binds: &[
                (Code(KeyCode::Up), PagerKey::Up),
                (Char('k'), PagerKey::Up),
                (Code(KeyCode::Down), PagerKey::Down),
                (Char('j'), PagerKey::Down),
            ],
        },
        Row {
            keys: "PgUp PgDn / Spasi",
            help: Msg::HPagerPage,
            bar: &[("PgDn", Msg::KeyPage)],
            binds: &[
                (Code(KeyCode::PageUp), PagerKey::PageUp),
                (Code(KeyCode::PageDown), PagerKey::PageDown),
                (Char(' '), PagerKey::PageDown),
            ],
        },
        Row {
            keys: "Home End",
            help: Msg::HPagerEnds,
            bar: &[],
            binds: &[
                (Code(KeyCode::Home), PagerKey::Top),
                (Code(KeyCode::End), PagerKey::Bottom),
            ],
        },
        Row {
            keys: "Esc / b",
            help: Msg::HPagerClose,
            bar: &[("Esc", Msg::KeyClosePager)],
            binds: &[
                (Code(KeyCode::Esc), PagerKey::Close),
                (Char('b'), PagerKey::Close),
                (Char('q'), PagerKey::Close),
            ],
        },
    ],
    note: None,
};
