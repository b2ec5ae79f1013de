//! A case file: its tabs, its referrals, and editing it.

use ratatui::crossterm::event::KeyCode;

use super::Bind::{Char, Code};
use super::{Row, Table};
use crate::i18n::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseKey {
    Edit,
    Note,
    /// The long texts in full, read-only (`screens::casefile::pager`).
    Read,
    Reveal,
    Refer,
    Tab,
    Forward,
    Back,
    Close,
    Reopen,
    Assign,
    Status,
    Letter,
    /// Record a service given (the case after intake).
    GiveService,
    /// Record a follow-up.
    FollowUp,
    Simfoni,
    /// The Hukum tab: set the legal qualification, record a legal event, a mediation step,
    /// tick a checklist item.
    Qualify,
    LegalEvent,
    Mediation,
    Tick,
    /// Print a paper to sign (issue 19).
    Paper,
    Up,
    Down,
    PageUp,
    PageDown,
    Leave,
}

/// Scrolling a tab's text: the same on every tab that has one.
pub(super) const SCROLL: Row<CaseKey> = Row {
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
};

/// Moving in a tab's list (referrals).
pub(super) const LIST_MOVE: Row<CaseKey> = Row {
    keys: "↑ ↓ / k j",
    help: Msg::HListMove,
    bar: &[],
    binds: &[
        (Code(KeyCode::Up), CaseKey::Up),
        (Char('k'), CaseKey::Up),
        (Code(KeyCode::Down), CaseKey::Down),
        (Char('j'), CaseKey::Down),
    ],
};

/// The next tab, from every tab.
pub(super) const TAB: Row<CaseKey> = Row {
    keys: "t",
    help: Msg::HCaseTab,
    bar: &[("t", Msg::KeyTabs)],
    binds: &[(Char('t'), CaseKey::Tab)],
};

/// Back to the board (or wherever the case was opened from), from every tab.
pub(super) const LEAVE: Row<CaseKey> = Row {
    keys: "Esc",
    help: Msg::HBack,
    bar: &[("Esc", Msg::KeyBack)],
    binds: &[(Code(KeyCode::Esc), CaseKey::Leave)],
};

pub static CASE: Table<CaseKey> = Table {
    title: Msg::HelpCase,
    rows: &[
        Row {
            keys: "e",
            help: Msg::HCaseEdit,
            bar: &[("e", Msg::KeyEdit)],
            binds: &[(Char('e'), CaseKey::Edit)],
        },
        Row {
            keys: "n",
            help: Msg::HCaseNote,
            bar: &[("n", Msg::KeyNote)],
            binds: &[(Char('n'), CaseKey::Note)],
        },
        Row {
            keys: "b",
            help: Msg::HCaseRead,
            bar: &[("b", Msg::KeyRead)],
            binds: &[(Char('b'), CaseKey::Read)],
        },
        Row {
            keys: "v",
            help: Msg::HCaseReveal,
            bar: &[("v", Msg::KeyRevealNik)],
            binds: &[(Char('v'), CaseKey::Reveal)],
        },
        Row {
            keys: "r",
            help: Msg::HCaseRefer,
            bar: &[("r", Msg::KeyRefer)],
            binds: &[(Char('r'), CaseKey::Refer)],
        },
        TAB,
        Row {
            keys: "l",
            help: Msg::HCaseGive,
            bar: &[],
            binds: &[(Char('l'), CaseKey::GiveService)],
        },
        Row {
            keys: "p",
            help: Msg::HCaseFollowUp,
            bar: &[],
            binds: &[(Char('p'), CaseKey::FollowUp)],
        },
        Row {
            keys: "> / <",
            help: Msg::HBoardStage,
            bar: &[(">", Msg::KeyForward)],
            binds: &[(Char('>'), CaseKey::Forward), (Char('<'), CaseKey::Back)],
        },
        Row {
            keys: "c / o",
            help: Msg::HBoardClose,
            bar: &[("c", Msg::KeyClose)],
            binds: &[(Char('c'), CaseKey::Close), (Char('o'), CaseKey::Reopen)],
        },
        Row {
            keys: "a",
            help: Msg::HBoardAssign,
            bar: &[],
            binds: &[(Char('a'), CaseKey::Assign)],
        },
        Row {
            keys: "s",
            help: Msg::HCaseSimfoni,
            bar: &[],
            binds: &[(Char('s'), CaseKey::Simfoni)],
        },
        Row {
            keys: "d",
            help: Msg::HCasePaper,
            bar: &[],
            binds: &[(Char('d'), CaseKey::Paper)],
        },
        SCROLL,
        LEAVE,
    ],
    note: None,
};

/// The case file's Rujukan tab: its own keys first, then the case file's.
pub static CASE_REFERRALS: Table<CaseKey> = Table {
    title: Msg::HelpCaseReferrals,
    rows: &[
        Row {
            keys: "r",
            help: Msg::HCaseRefer,
            bar: &[("r", Msg::KeyRefer)],
            binds: &[(Char('r'), CaseKey::Refer)],
        },
        // `u` (ubah status), not `s`: `s` is the SIMFONI sheet on every tab.
        Row {
            keys: "u / Enter",
            help: Msg::HCaseStatusOnly,
            bar: &[("u", Msg::KeyStatus)],
            binds: &[
                (Char('u'), CaseKey::Status),
                (Code(KeyCode::Enter), CaseKey::Status),
            ],
        },
        Row {
            keys: "l",
            help: Msg::HCaseLetter,
            bar: &[("l", Msg::KeyLetter)],
            binds: &[(Char('l'), CaseKey::Letter)],
        },
        LIST_MOVE,
        TAB,
        LEAVE,
    ],
    note: None,
};

/// A case file being edited: the form's keys, and Esc to stop.
pub static CASE_EDIT: Table<()> = Table {
    title: Msg::HelpCaseEdit,
    rows: &[
        Row {
            keys: "Ctrl-S / F9",
            help: Msg::HCaseSave,
            bar: &[("^S", Msg::KeySave)],
            binds: &[],
        },
        Row {
            keys: "Esc",
            help: Msg::HCaseStopEdit,
            bar: &[("Esc", Msg::KeyBack)],
            binds: &[],
        },
    ],
    note: None,
};
