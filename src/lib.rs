//! meja — the intake desk of a UPTD PPA, in the terminal.
//!
//! Layers, each using only those before it:
//!
//! - `lang` — the two languages and the `{}` template filler: a leaf.
//! - `domain` — pure rules and types, no I/O, no SQL, no terminal, no message table.
//! - `i18n` — every string a person reads, Indonesian first, English second.
//! - `config`, `error` — the configuration file and the one error type.
//! - `store` (SQLite) and `io` (directory files, reports, PDF) — the outside world.
//! - `identity` — who is at the keyboard: login name, PIN hashing, sign-in, role check.
//! - `tasks` — the use cases that both the screens and the commands run:
//!   - `tasks::letters` — number, compose, write and log a referral letter;
//!   - `tasks::backup` — `meja backup` / `restore`: a checked, optionally encrypted snapshot;
//!   - `tasks::transfer` — `meja case export` / `import`: one case to another office;
//!   - `tasks::check` — `meja check`: is this database safe to keep working on;
//!   - `tasks::demo` — the fictional office of `meja --demo` and `meja demo`.
//! - `ui` — the terminal app.
//! - `cli` — the command line: clap's arguments, one module per command group, and dispatch.
//!   `main.rs` only calls it.

pub mod cli;
pub mod clock;
pub mod config;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod identity;
pub mod io;
pub mod lang;
pub mod store;
pub mod tasks;
pub mod ui;
