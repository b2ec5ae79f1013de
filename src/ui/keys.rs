//! Keys that work on every screen. Each F-key has a Ctrl-letter twin for terminals (and ssh
//! clients) that lose F-keys. The letters avoid tui-input's editing keys (Ctrl-A/B/E/F/H/K/U/
//! W/Y), tmux's Ctrl-B and screen's Ctrl-A. No Alt-only keys: Alt is unreliable over ssh.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Global {
    Help,
    NewIntake,
    Board,
    Directory,
    Report,
    Quit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKey {
    Save,
    AddVictim,
    AddPerpetrator,
    RemovePerson,
}

pub fn ctrl(key: &KeyEvent, c: char) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char(c)
}

pub fn is_press(key: &KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
}

pub fn global(key: &KeyEvent) -> Option<Global> {
    Some(match key.code {
        KeyCode::F(1) => Global::Help,
        KeyCode::F(2) => Global::NewIntake,
        KeyCode::F(3) => Global::Board,
        KeyCode::F(4) => Global::Directory,
        KeyCode::F(10) => Global::Quit,
        // F5–F9 are taken inside screens (the form, the directory), so the report has F12.
        KeyCode::F(12) => Global::Report,
        _ if ctrl(key, 'g') => Global::Help,
        _ if ctrl(key, 'n') => Global::NewIntake,
        _ if ctrl(key, 'p') => Global::Board,
        _ if ctrl(key, 'd') => Global::Directory,
        _ if ctrl(key, 'z') => Global::Report,
        _ if ctrl(key, 'q') || ctrl(key, 'c') => Global::Quit,
        _ => return None,
    })
}

pub fn form(key: &KeyEvent) -> Option<FormKey> {
    Some(match key.code {
        KeyCode::F(5) => FormKey::AddVictim,
        KeyCode::F(6) => FormKey::AddPerpetrator,
        KeyCode::F(8) => FormKey::RemovePerson,
        KeyCode::F(9) => FormKey::Save,
        _ if ctrl(key, 's') => FormKey::Save,
        _ if ctrl(key, 't') => FormKey::AddVictim,
        _ if ctrl(key, 'r') => FormKey::AddPerpetrator,
        _ if ctrl(key, 'x') => FormKey::RemovePerson,
        _ => return None,
    })
}

/// The yes/no of a confirmation: `y` (ya/yes) or `t`/`n` (tidak/no), in either language.
pub fn yes_no(key: &KeyEvent) -> Option<bool> {
    match key.code {
        KeyCode::Char('y' | 'Y') => Some(true),
        KeyCode::Char('t' | 'T' | 'n' | 'N') | KeyCode::Esc => Some(false),
        _ => None,
    }
}

/// Labels for the help screen and key bar: (F-key, Ctrl twin).
pub const HELP: &[(&str, &str, Global)] = &[
    ("F1", "Ctrl-G", Global::Help),
    ("F2", "Ctrl-N", Global::NewIntake),
    ("F3", "Ctrl-P", Global::Board),
    ("F4", "Ctrl-D", Global::Directory),
    ("F12", "Ctrl-Z", Global::Report),
    ("F10", "Ctrl-Q", Global::Quit),
];
