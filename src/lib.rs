//! meja — the intake desk of a UPTD PPA, in the terminal.
//!
//! Layers: `domain` (pure rules, no I/O) ← `store` (SQLite) and `io` (directory files) ← `ui`
//! (terminal). `main.rs` only parses arguments and dispatches to `cli`.

pub mod accounts;
pub mod auth;
pub mod backup;
pub mod check;
pub mod cli;
pub mod clock;
pub mod config;
pub mod demo;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod io;
pub mod letters;
pub mod store;
pub mod transfer;
pub mod ui;
