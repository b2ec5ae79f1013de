//! The intake form (and a case file being edited), its pick-lists, the drafts and the saved screen.

use ratatui::crossterm::event::KeyCode;

use super::Bind::{Char, Code, Ctrl};
use super::{Row, Table};
use crate::i18n::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKey {
    Save,
    AddVictim,
    AddPerpetrator,
    RemovePerson,
    CopyAddress,
}

pub static FORM: Table<FormKey> = Table {
    title: Msg::HelpForm,
    rows: &[
        Row {
            keys: "Tab / ↓ / Enter",
            help: Msg::HMove,
            bar: &[],
            binds: &[],
        },
        Row {
            keys: "PgDn / PgUp",
            help: Msg::HSection,
            bar: &[],
            binds: &[],
        },
        Row {
            keys: "Enter / Spasi",
            help: Msg::HPick,
            bar: &[],
            binds: &[],
        },
        Row {
            keys: "Ctrl-S / F9",
            help: Msg::HSave,
            bar: &[("^S", Msg::KeySave)],
            binds: &[
                (Ctrl('s'), FormKey::Save),
                (Code(KeyCode::F(9)), FormKey::Save),
            ],
        },
        Row {
            keys: "F5 / Ctrl-T",
            help: Msg::HAddVictim,
            bar: &[("F5", Msg::KeyAddVictim)],
            binds: &[
                (Code(KeyCode::F(5)), FormKey::AddVictim),
                (Ctrl('t'), FormKey::AddVictim),
            ],
        },
        Row {
            keys: "F6 / Ctrl-R",
            help: Msg::HAddPerp,
            bar: &[("F6", Msg::KeyAddPerp)],
            binds: &[
                (Code(KeyCode::F(6)), FormKey::AddPerpetrator),
                (Ctrl('r'), FormKey::AddPerpetrator),
            ],
        },
        Row {
            keys: "F8 / Ctrl-X",
            help: Msg::HRemove,
            bar: &[("F8", Msg::KeyRemovePerson)],
            binds: &[
                (Code(KeyCode::F(8)), FormKey::RemovePerson),
                (Ctrl('x'), FormKey::RemovePerson),
            ],
        },
        Row {
            keys: "F7 / Ctrl-O",
            help: Msg::HFormCopyAddress,
            bar: &[],
            binds: &[
                (Code(KeyCode::F(7)), FormKey::CopyAddress),
                (Ctrl('o'), FormKey::CopyAddress),
            ],
        },
        Row {
            keys: "←→ ^W ^U",
            help: Msg::HEdit,
            bar: &[],
            binds: &[],
        },
    ],
    note: Some(Msg::HLongText),
};

/// A pick-list inside the form: the widget handles these keys itself.
pub static PICK_LIST: Table<()> = Table {
    title: Msg::HelpList,
    rows: &[
        Row {
            keys: "Spasi",
            help: Msg::HToggle,
            bar: &[],
            binds: &[],
        },
        Row {
            keys: "Enter",
            help: Msg::HChoose,
            bar: &[("Enter", Msg::KeyPick)],
            binds: &[],
        },
        Row {
            keys: "Esc",
            help: Msg::HBack,
            bar: &[("Esc", Msg::KeyBack)],
            binds: &[],
        },
    ],
    note: None,
};

// ---- the drafts ------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftsKey {
    Up,
    Down,
    Resume,
    Discard,
    Back,
}

pub static DRAFTS: Table<DraftsKey> = Table {
    title: Msg::HelpDrafts,
    rows: &[
        Row {
            keys: "↑ ↓ / k j",
            help: Msg::HListMove,
            bar: &[],
            binds: &[
                (Code(KeyCode::Up), DraftsKey::Up),
                (Char('k'), DraftsKey::Up),
                (Code(KeyCode::Down), DraftsKey::Down),
                (Char('j'), DraftsKey::Down),
            ],
        },
        Row {
            keys: "Enter",
            help: Msg::HResume,
            bar: &[("Enter", Msg::KeyResume)],
            binds: &[(Code(KeyCode::Enter), DraftsKey::Resume)],
        },
        Row {
            keys: "Del / d / x",
            help: Msg::HDiscard,
            bar: &[("Del", Msg::KeyDiscard)],
            binds: &[
                (Code(KeyCode::Delete), DraftsKey::Discard),
                (Char('d'), DraftsKey::Discard),
                (Char('x'), DraftsKey::Discard),
            ],
        },
        Row {
            keys: "Esc",
            help: Msg::HBackToForm,
            bar: &[],
            binds: &[(Code(KeyCode::Esc), DraftsKey::Back)],
        },
    ],
    note: None,
};

/// After an intake is saved: its number is on screen until Enter.
pub static SAVED: Table<()> = Table {
    title: Msg::HelpSaved,
    rows: &[Row {
        keys: "Enter",
        help: Msg::HNew,
        bar: &[("Enter", Msg::KeyNew)],
        binds: &[(Code(KeyCode::Enter), ())],
    }],
    note: None,
};
