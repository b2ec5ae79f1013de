//! Styles. Named ANSI colours only (they follow the terminal's palette, 16 colours suffice),
//! and every meaning also carried by a modifier so that `NO_COLOR` and monochrome terminals
//! keep focus, errors and selection visible.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// `NO_COLOR` set to anything non-empty turns colour off (no-color.org).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn title(&self) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD);
        if self.color {
            s.fg(Color::Black).bg(Color::Cyan)
        } else {
            s.add_modifier(Modifier::REVERSED)
        }
    }
    pub fn key(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    pub fn key_label(&self) -> Style {
        Style::new()
    }
    pub fn section(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn label(&self) -> Style {
        Style::new()
    }
    pub fn label_focused(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    /// The focused field's value: reversed, so it shows without colour.
    pub fn focused(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn value(&self) -> Style {
        Style::new()
    }
    pub fn placeholder(&self) -> Style {
        self.fg(Color::DarkGray).add_modifier(Modifier::DIM)
    }
    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    pub fn warning(&self) -> Style {
        self.fg(Color::Yellow)
    }
    pub fn ok(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    pub fn border(&self) -> Style {
        self.fg(Color::Cyan)
    }
}
