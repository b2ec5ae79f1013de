//! Expected failures: a one-line message in the person's language and exit code 2.

use crate::domain::text::clean_line;
use crate::i18n::{Lang, Msg, fill};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub msg: Msg,
    pub args: Vec<String>,
}

impl Error {
    pub fn new(msg: Msg, args: &[&dyn std::fmt::Display]) -> Self {
        Error {
            msg,
            // Arguments may carry paths or text from files: cleaned so an error message can
            // never smuggle escape sequences onto the terminal.
            args: args.iter().map(|a| clean_line(&a.to_string())).collect(),
        }
    }

    pub fn render(&self, lang: Lang) -> String {
        let args: Vec<&dyn std::fmt::Display> = self
            .args
            .iter()
            .map(|a| a as &dyn std::fmt::Display)
            .collect();
        fill(self.msg.get(lang), &args)
    }

    /// Every expected failure exits with 2, as `clap` does for bad arguments.
    pub fn exit_code(&self) -> u8 {
        2
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::Id))
    }
}

impl std::error::Error for Error {}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::new(Msg::ErrDb, &[&e])
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
