//! Keys that work on every screen, and the help screen's own.

use ratatui::crossterm::event::KeyCode;

use super::Bind::{Code, Ctrl};
use super::{Row, Table};
use crate::i18n::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Global {
    Help,
    NewIntake,
    Board,
    Directory,
    Quit,
    /// Hide the screen at once: works in every dialog too.
    Privacy,
}

pub static GLOBAL: Table<Global> = Table {
    title: Msg::HelpGlobal,
    rows: &[
        Row {
            keys: "F1 / Ctrl-G",
            help: Msg::HHelp,
            bar: &[("F1", Msg::KeyHelp)],
            binds: &[
                (Code(KeyCode::F(1)), Global::Help),
                (Ctrl('g'), Global::Help),
            ],
        },
        Row {
            keys: "F2 / Ctrl-N",
            help: Msg::HNew,
            bar: &[],
            binds: &[
                (Code(KeyCode::F(2)), Global::NewIntake),
                (Ctrl('n'), Global::NewIntake),
            ],
        },
        Row {
            keys: "F3 / Ctrl-P",
            help: Msg::HBoard,
            bar: &[],
            binds: &[
                (Code(KeyCode::F(3)), Global::Board),
                (Ctrl('p'), Global::Board),
            ],
        },
        Row {
            keys: "F4 / Ctrl-D",
            help: Msg::HDirectory,
            bar: &[],
            binds: &[
                (Code(KeyCode::F(4)), Global::Directory),
                (Ctrl('d'), Global::Directory),
            ],
        },
        Row {
            keys: "F10 / Ctrl-Q / Ctrl-C",
            help: Msg::HQuit,
            bar: &[("F10", Msg::KeyQuit)],
            binds: &[
                (Code(KeyCode::F(10)), Global::Quit),
                (Ctrl('q'), Global::Quit),
                (Ctrl('c'), Global::Quit),
            ],
        },
        Row {
            keys: "F12 / Ctrl-Z",
            help: Msg::HPrivacy,
            bar: &[],
            binds: &[
                (Code(KeyCode::F(12)), Global::Privacy),
                (Ctrl('z'), Global::Privacy),
            ],
        },
    ],
    note: Some(Msg::HelpCtrlNote),
};
