//! One key table per screen. A table row is one line of help: how the keys are written, what
//! they do, the key-bar items they show, and the bindings the screen's handler looks up. The
//! handler, the key bar and the help screen all read the same rows, so they cannot drift;
//! README's key tables are compared with them by a test (`tests/keys_readme.rs`).
//!
//! Each F-key has a Ctrl-letter twin for terminals (and ssh clients) that lose F-keys. The
//! letters avoid tui-input's editing keys (Ctrl-A/B/E/F/H/K/U/W/Y), tmux's Ctrl-B and screen's
//! Ctrl-A. No Alt-only keys: Alt is unreliable over ssh.
//!
//! The types live here; each screen's table lives in its own file below, so a new screen adds a
//! file (and a line in [`all`]) rather than growing one long table.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Msg;

/// A row for one letter key, for the many rows that are just that:
/// `letter!('q', HCaseQualify, KeyQualify => CaseKey::Qualify)` shows `q` in help and in the
/// key bar; `letter!('l', HCaseGive => CaseKey::GiveService)` in help only.
macro_rules! letter {
    ($c:literal, $help:ident, $bar:ident => $cmd:expr) => {
        $crate::ui::keymap::Row {
            keys: concat!($c),
            help: $crate::i18n::Msg::$help,
            bar: &[(concat!($c), $crate::i18n::Msg::$bar)],
            binds: &[($crate::ui::keymap::Bind::Char($c), $cmd)],
        }
    };
    ($c:literal, $help:ident => $cmd:expr) => {
        $crate::ui::keymap::Row {
            keys: concat!($c),
            help: $crate::i18n::Msg::$help,
            bar: &[],
            binds: &[($crate::ui::keymap::Bind::Char($c), $cmd)],
        }
    };
}

mod board;
mod casefile;
mod form;
mod global;
mod legal;
mod pager;
mod review;
mod search;
mod simfoni;
mod tugas;

pub use board::*;
pub use casefile::*;
pub use form::*;
pub use global::*;
pub use legal::*;
pub use pager::*;
pub use review::*;
pub use search::*;
pub use simfoni::*;
pub use tugas::*;

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

/// Every table, in the order help lists the ones that are not the current screen's.
pub fn all() -> [&'static dyn Described; 20] {
    [
        &FORM,
        &PICK_LIST,
        &DRAFTS,
        &SAVED,
        &BOARD,
        &CASE,
        &CASE_REFERRALS,
        &CASE_LEGAL,
        &CASE_EDIT,
        &PAGER,
        &SEARCH,
        &DIRECTORY,
        &AGENCY_SHEET,
        &REPORT,
        &AUDIT,
        &SIMFONI_SHEET,
        &SIMFONI_MONTH,
        &TUGAS,
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
        no_key_twice(&CASE_LEGAL);
        no_key_twice(&CASE_EDIT);
        no_key_twice(&PAGER);
        no_key_twice(&SEARCH);
        no_key_twice(&DIRECTORY);
        no_key_twice(&AGENCY_SHEET);
        no_key_twice(&REPORT);
        no_key_twice(&AUDIT);
        no_key_twice(&SIMFONI_SHEET);
        no_key_twice(&SIMFONI_MONTH);
        no_key_twice(&TUGAS);
        no_key_twice(&HELP);
    }

    /// `s` is the SIMFONI sheet on every case-file tab (it once moved a referral's status on
    /// the Rujukan tab): a tab's table either leaves it to the case file's or means the same.
    #[test]
    fn s_means_the_simfoni_sheet_on_every_case_file_tab() {
        let s = Bind::Char('s');
        let of = |t: &Table<CaseKey>| {
            t.rows
                .iter()
                .flat_map(|r| r.binds.iter())
                .find(|(b, _)| *b == s)
                .map(|(_, c)| *c)
        };
        assert_eq!(of(&CASE), Some(CaseKey::Simfoni));
        for t in [&CASE_REFERRALS, &CASE_LEGAL] {
            assert!(
                matches!(of(t), None | Some(CaseKey::Simfoni)),
                "{:?}",
                t.title
            );
        }
    }
}
