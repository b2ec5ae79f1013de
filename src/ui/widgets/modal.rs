//! Small dialogs over a screen: a y/t confirmation, a one-line answer, a multi-line note,
//! a pick-list, a region picker. What the answer is for is kept by the flow that opened it
//! (`ui::flows`).

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use crate::domain::text::{clean_line, clean_multiline};
use crate::i18n::{Lang, Msg};
use crate::ui::keys;
use crate::ui::theme::Theme;
use crate::ui::widgets::picklist::{PickList, Picked};
use crate::ui::widgets::popup;
use crate::ui::widgets::regionpicker::{RegionPicked, RegionPicker};
use crate::ui::widgets::text::truncate;
use crate::ui::widgets::textarea::{Edit, TextArea};

#[derive(Debug)]
pub enum Dialog {
    /// y (yes), t/n/Esc (no); `alt` is an extra key with its own meaning.
    Confirm {
        text: String,
        alt: Option<char>,
    },
    Line {
        title: String,
        input: Input,
    },
    Note {
        title: String,
        area: TextArea,
    },
    Pick {
        title: String,
        list: PickList,
    },
    /// Read and dismiss (Enter or Esc).
    Info {
        title: String,
        lines: Vec<String>,
    },
    Region {
        picker: RegionPicker,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Pending,
    Cancel,
    Yes,
    Alt,
    Text(String),
    Codes(Vec<String>),
}

impl Dialog {
    pub fn line(title: String, value: &str) -> Dialog {
        Dialog::Line {
            title,
            input: Input::new(value.to_string()).with_cursor(value.chars().count()),
        }
    }

    pub fn note(title: String) -> Dialog {
        Dialog::Note {
            title,
            area: TextArea::new(""),
        }
    }

    pub fn handle(&mut self, ev: &Event) -> Answer {
        if let Event::Paste(s) = ev {
            match self {
                Dialog::Line { input, .. } => {
                    let v = format!("{}{}", input.value(), clean_line(s));
                    *input = Input::new(v.clone()).with_cursor(v.chars().count());
                }
                Dialog::Note { area, .. } => area.insert_str(&clean_multiline(s)),
                _ => {}
            }
            return Answer::Pending;
        }
        let Event::Key(key) = ev else {
            return Answer::Pending;
        };
        match self {
            Dialog::Confirm { alt, .. } => match key.code {
                KeyCode::Char(c) if Some(c.to_ascii_lowercase()) == *alt => Answer::Alt,
                _ => match keys::yes_no(key) {
                    Some(true) => Answer::Yes,
                    Some(false) => Answer::Cancel,
                    None => Answer::Pending,
                },
            },
            Dialog::Line { input, .. } => match key.code {
                KeyCode::Esc => Answer::Cancel,
                KeyCode::Enter => Answer::Text(clean_line(input.value()).trim().to_string()),
                _ => {
                    input.handle_event(ev);
                    Answer::Pending
                }
            },
            Dialog::Note { area, .. } => {
                if key.code == KeyCode::Esc {
                    return Answer::Cancel;
                }
                if keys::ctrl(key, 's') || key.code == KeyCode::F(9) {
                    return Answer::Text(clean_multiline(area.text()).trim().to_string());
                }
                if area.handle(key, 60) == Edit::Ignored
                    && key.modifiers.contains(KeyModifiers::CONTROL)
                {
                    return Answer::Pending;
                }
                Answer::Pending
            }
            Dialog::Pick { list, .. } => match list.handle(key) {
                Picked::Stay => Answer::Pending,
                Picked::Cancel => Answer::Cancel,
                Picked::Done(c) => Answer::Codes(c),
            },
            Dialog::Info { .. } => match key.code {
                KeyCode::Enter | KeyCode::Esc => Answer::Cancel,
                _ => Answer::Pending,
            },
            Dialog::Region { picker } => match picker.handle(key) {
                RegionPicked::Stay => Answer::Pending,
                RegionPicked::Cancel => Answer::Cancel,
                RegionPicked::Done(code) => Answer::Text(code),
            },
        }
    }

    /// Draws the dialog over `area`; `error` (an answer that was refused) is shown inside it,
    /// under what was typed.
    pub fn draw(&self, f: &mut Frame, area: Rect, lang: Lang, theme: &Theme, error: Option<&str>) {
        if area.width < 8 || area.height < 3 {
            return;
        }
        let error_line = |f: &mut Frame, at: Rect| {
            if let Some(e) = error
                && at.height > 0
            {
                let row = Rect {
                    y: at.y + at.height - 1,
                    height: 1,
                    ..at
                };
                f.render_widget(
                    Paragraph::new(Line::styled(truncate(e, row.width as usize), theme.error())),
                    row,
                );
            }
        };
        let w = area.width.saturating_sub(4).min(72);
        let (title, body_h) = match self {
            // A question of several lines (a conflict's two values) gets its rows.
            Dialog::Confirm { text, .. } => {
                let width = w.saturating_sub(2).max(1) as usize;
                let rows: usize = text
                    .split('\n')
                    .map(|l| {
                        unicode_width::UnicodeWidthStr::width(l)
                            .div_ceil(width)
                            .max(1)
                    })
                    .sum();
                (String::new(), rows.clamp(2, 16) as u16)
            }
            Dialog::Line { title, .. } => (title.clone(), 1),
            Dialog::Note { title, .. } => (title.clone(), 8),
            Dialog::Pick { list, title } => {
                list.draw(f, area, title, lang, theme);
                error_line(f, area);
                return;
            }
            Dialog::Region { picker } => {
                picker.draw(f, area, lang, theme);
                error_line(f, area);
                return;
            }
            Dialog::Info { title, lines } => (title.clone(), lines.len().min(16) as u16 + 1),
        };
        let body_h = body_h + u16::from(error.is_some());
        let h = (body_h + 2).min(area.height);
        let hint = match self {
            Dialog::Note { .. } => format!(" Ctrl-S {} · Esc ", Msg::KeySave.get(lang)),
            Dialog::Line { .. } => format!(" Enter {} · Esc ", Msg::KeyDone.get(lang)),
            Dialog::Info { .. } => " Enter ".to_string(),
            _ => String::new(),
        };
        let inner = popup(f, area, w, h, &title, hint, theme);
        error_line(f, inner);
        // What was typed keeps the rows above the message.
        let inner = Rect {
            height: inner.height.saturating_sub(u16::from(error.is_some())),
            ..inner
        };
        match self {
            Dialog::Confirm { text, .. } => {
                f.render_widget(
                    Paragraph::new(text.clone())
                        .style(theme.selected())
                        .wrap(Wrap { trim: true }),
                    inner,
                );
            }
            Dialog::Line { input, .. } => {
                let width = inner.width.saturating_sub(1) as usize;
                let scroll = input.visual_scroll(width);
                let shown: String = input.value().chars().skip(scroll).collect();
                f.render_widget(Paragraph::new(shown).style(theme.focused()), inner);
                f.set_cursor_position((
                    inner.x + (input.visual_cursor().saturating_sub(scroll)) as u16,
                    inner.y,
                ));
            }
            Dialog::Note { area: ta, .. } => {
                let width = inner.width as usize;
                let rows = ta.rows(width);
                let (cr, cc) = ta.cursor_pos(width);
                let skip = cr.saturating_sub(inner.height.saturating_sub(1) as usize);
                let lines: Vec<Line> = rows
                    .iter()
                    .skip(skip)
                    .take(inner.height as usize)
                    .map(|r| Line::raw(ta.text()[r.start..r.end].to_string()))
                    .collect();
                f.render_widget(Paragraph::new(lines), inner);
                f.set_cursor_position((inner.x + cc as u16, inner.y + (cr - skip) as u16));
            }
            Dialog::Info { lines, .. } => {
                let ls: Vec<Line> = lines.iter().map(|l| Line::raw(l.clone())).collect();
                f.render_widget(Paragraph::new(ls).wrap(Wrap { trim: false }), inner);
            }
            Dialog::Pick { .. } | Dialog::Region { .. } => {}
        }
    }
}
