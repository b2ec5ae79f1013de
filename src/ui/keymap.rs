//! One key table per screen. A table row is one line of help: how the keys are written, what
//! they do, the key-bar items they show, and the bindings the screen's handler looks up. The
//! handler, the key bar and the help screen all read the same rows, so they cannot drift;
//! README's key tables are compared with them by a test (`tests/keys_readme.rs`).
//!
//! Each F-key has a Ctrl-letter twin for terminals (and ssh clients) that lose F-keys. The
//! letters avoid tui-input's editing keys (Ctrl-A/B/E/F/H/K/U/W/Y), tmux's Ctrl-B and screen's
//! Ctrl-A. No Alt-only keys: Alt is unreliable over ssh.
//!
//! Long because it is data: one row per key of every screen, in the order help lists them.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Msg;

/// One key that a handler acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bind {
    Code(KeyCode),
    /// A character typed as is (any Shift it needs is part of the character).
    Char(char),
    Ctrl(char),
}

impl Bind {
    fn matches(self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match self {
            Bind::Code(c) => !ctrl && key.code == c,
            Bind::Char(c) => !ctrl && key.code == KeyCode::Char(c),
            Bind::Ctrl(c) => ctrl && key.code == KeyCode::Char(c),
        }
    }
}

/// One line of help, with the bindings and key-bar items behind it.
#[derive(Debug)]
pub struct Row<C: 'static> {
    /// How the keys are written in help and README, e.g. `F5 / Ctrl-T`.
    pub keys: &'static str,
    pub help: Msg,
    /// What the key bar shows for this row (key, label); often one item, sometimes none.
    pub bar: &'static [(&'static str, Msg)],
    /// The keys the handler acts on, each with its command. Empty for a row that only
    /// documents keys a widget handles itself (typing in a field).
    pub binds: &'static [(Bind, C)],
}

/// A screen's keys.
#[derive(Debug)]
pub struct Table<C: 'static> {
    /// The help section's title.
    pub title: Msg,
    pub rows: &'static [Row<C>],
    /// A line of help under the rows (marks on the board, long texts in the form).
    pub note: Option<Msg>,
}

impl<C: Copy> Table<C> {
    /// The command bound to `key`, if any.
    pub fn lookup(&self, key: &KeyEvent) -> Option<C> {
        self.rows
            .iter()
            .flat_map(|r| r.binds.iter())
            .find(|(b, _)| b.matches(key))
            .map(|(_, c)| *c)
    }
}

/// A table's rows as help lines and bar items, whatever its command type: what the help
/// screen and the key bar need.
pub trait Described {
    fn title(&self) -> Msg;
    fn note(&self) -> Option<Msg>;
    fn lines(&self) -> Vec<(&'static str, Msg)>;
    fn bar(&self) -> Vec<(&'static str, Msg)>;
}

impl<C> Described for Table<C> {
    fn title(&self) -> Msg {
        self.title
    }
    fn note(&self) -> Option<Msg> {
        self.note
    }
    fn lines(&self) -> Vec<(&'static str, Msg)> {
        self.rows.iter().map(|r| (r.keys, r.help)).collect()
    }
    fn bar(&self) -> Vec<(&'static str, Msg)> {
        self.rows
            .iter()
            .flat_map(|r| r.bar.iter().copied())
            .collect()
    }
}

use Bind::{Char, Code, Ctrl};

// ---- every screen ------------------------------------------------------------------------

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

// ---- the intake form (and a case file being edited) -----------------------------------------

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

// ---- the case board --------------------------------------------------------------------------

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

// ---- a case file -----------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseKey {
    Edit,
    Note,
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
    Up,
    Down,
    PageUp,
    PageDown,
    Leave,
}

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
        Row {
            keys: "t",
            help: Msg::HCaseTab,
            bar: &[("t", Msg::KeyTabs)],
            binds: &[(Char('t'), CaseKey::Tab)],
        },
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
            keys: "Esc",
            help: Msg::HBack,
            bar: &[("Esc", Msg::KeyBack)],
            binds: &[(Code(KeyCode::Esc), CaseKey::Leave)],
        },
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
        Row {
            keys: "s / Enter",
            help: Msg::HCaseStatusOnly,
            bar: &[("s", Msg::KeyStatus)],
            binds: &[
                (Char('s'), CaseKey::Status),
                (Code(KeyCode::Enter), CaseKey::Status),
            ],
        },
        Row {
            keys: "l",
            help: Msg::HCaseLetter,
            bar: &[("l", Msg::KeyLetter)],
            binds: &[(Char('l'), CaseKey::Letter)],
        },
        Row {
            keys: "↑ ↓ / k j",
            help: Msg::HListMove,
            bar: &[],
            binds: &[
                (Code(KeyCode::Up), CaseKey::Up),
                (Char('k'), CaseKey::Up),
                (Code(KeyCode::Down), CaseKey::Down),
                (Char('j'), CaseKey::Down),
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

// ---- search, directory, report, access log ------------------------------------------------

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

/// Every table, in the order help lists the ones that are not the current screen's.
// ---- SIMFONI-PPA: one victim's sheet and the month-end list ---------------------------------

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

pub fn all() -> [&'static dyn Described; 17] {
    [
        &FORM,
        &PICK_LIST,
        &DRAFTS,
        &SAVED,
        &BOARD,
        &CASE,
        &CASE_REFERRALS,
        &CASE_EDIT,
        &SEARCH,
        &DIRECTORY,
        &AGENCY_SHEET,
        &REPORT,
        &AUDIT,
        &SIMFONI_SHEET,
        &SIMFONI_MONTH,
        &GLOBAL,
        &HELP,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key bound twice in one table does only what the first row says: the second row's
    /// help and key-bar item would be a lie.
    fn no_key_twice<C>(t: &Table<C>) {
        let binds: Vec<Bind> = t
            .rows
            .iter()
            .flat_map(|r| r.binds.iter().map(|(b, _)| *b))
            .collect();
        for (i, b) in binds.iter().enumerate() {
            assert!(
                !binds[i + 1..].contains(b),
                "{b:?} is bound twice in {:?}",
                t.title
            );
        }
    }

    #[test]
    fn no_table_binds_a_key_twice() {
        no_key_twice(&GLOBAL);
        no_key_twice(&FORM);
        no_key_twice(&PICK_LIST);
        no_key_twice(&DRAFTS);
        no_key_twice(&SAVED);
        no_key_twice(&BOARD);
        no_key_twice(&CASE);
        no_key_twice(&CASE_REFERRALS);
        no_key_twice(&CASE_EDIT);
        no_key_twice(&SEARCH);
        no_key_twice(&DIRECTORY);
        no_key_twice(&AGENCY_SHEET);
        no_key_twice(&REPORT);
        no_key_twice(&AUDIT);
        no_key_twice(&SIMFONI_SHEET);
        no_key_twice(&SIMFONI_MONTH);
        no_key_twice(&HELP);
    }
}
