//! The pick-list: a popup over the form that filters a vocabulary as you type.
//! Single choice: Enter or Space picks. Multiple choice: Space ticks, Enter closes (and,
//! with nothing ticked, ticks the highlighted term first).

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use crate::domain::vocab::{Term, Vocab};
use crate::i18n::{Lang, Msg};
use crate::ui::theme::Theme;
use crate::ui::widgets::popup;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickList {
    pub vocab: Vocab,
    pub multi: bool,
    pub filter: String,
    pub cursor: usize,
    pub chosen: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    Stay,
    Cancel,
    /// The final set of codes (one at most for a single choice).
    Done(Vec<String>),
}

/// Accent- and case-insensitive form for matching ("é" finds "e").
fn fold(s: &str) -> String {
    s.chars()
        .flat_map(|c| c.to_lowercase())
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            c => c,
        })
        .collect()
}

impl PickList {
    pub fn new(vocab: Vocab, multi: bool, current: &[String], filter: String) -> Self {
        let mut p = PickList {
            vocab,
            multi,
            filter,
            cursor: 0,
            chosen: current.to_vec(),
        };
        if !multi && let Some(c) = current.first() {
            p.cursor = p.visible().iter().position(|t| t.code == c).unwrap_or(0);
        }
        p
    }

    /// Terms whose label (or code) contains every word typed.
    pub fn visible(&self) -> Vec<&'static Term> {
        let words: Vec<String> = fold(&self.filter)
            .split_whitespace()
            .map(String::from)
            .collect();
        self.vocab
            .terms
            .iter()
            .filter(|t| {
                let hay = fold(&format!("{} {} {}", t.code, t.id, t.en));
                words.iter().all(|w| hay.contains(w.as_str()))
            })
            .collect()
    }

    pub fn handle(&mut self, key: &KeyEvent) -> Picked {
        let visible = self.visible();
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => return Picked::Cancel,
            KeyCode::Up => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Down | KeyCode::Tab if self.cursor + 1 < visible.len() => self.cursor += 1,
            KeyCode::PageUp | KeyCode::Home => self.cursor = 0,
            KeyCode::PageDown | KeyCode::End => self.cursor = visible.len().saturating_sub(1),
            KeyCode::Enter => {
                if !self.multi {
                    return match visible.get(self.cursor) {
                        Some(t) => Picked::Done(vec![t.code.to_string()]),
                        None => Picked::Stay,
                    };
                }
                // Enter on a highlighted term with nothing ticked means that term: the
                // person who presses Enter on "j." wants "j.", not an empty answer.
                if self.chosen.is_empty()
                    && let Some(t) = visible.get(self.cursor)
                {
                    self.chosen.push(t.code.to_string());
                }
                return Picked::Done(self.ordered());
            }
            KeyCode::Char(' ') => {
                if let Some(t) = visible.get(self.cursor) {
                    if !self.multi {
                        return Picked::Done(vec![t.code.to_string()]);
                    }
                    let code = t.code.to_string();
                    if let Some(i) = self.chosen.iter().position(|c| *c == code) {
                        self.chosen.remove(i);
                    } else {
                        self.chosen.push(code);
                    }
                }
            }
            KeyCode::Backspace => {
                self.filter.pop();
                self.cursor = 0;
            }
            KeyCode::Char(c) if !ctrl => {
                self.filter.push(c);
                self.cursor = 0;
            }
            _ => {}
        }
        Picked::Stay
    }

    /// Chosen codes in vocabulary order, so reports and screens list them consistently.
    fn ordered(&self) -> Vec<String> {
        self.vocab
            .terms
            .iter()
            .filter(|t| self.chosen.iter().any(|c| c == t.code))
            .map(|t| t.code.to_string())
            .collect()
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, title: &str, lang: Lang, theme: &Theme) {
        let visible = self.visible();
        let w = area.width.saturating_sub(4).min(76);
        let h = (visible.len() as u16 + 4)
            .min(area.height.saturating_sub(1))
            .max(3.min(area.height));
        let hint = if self.multi {
            format!(
                " Spasi {} · Enter {} · Esc ",
                Msg::KeyToggle.get(lang),
                Msg::KeyDone.get(lang)
            )
        } else {
            format!(" Enter {} · Esc ", Msg::KeyPick.get(lang))
        };
        let inner = popup(f, area, w, h, title, hint, theme);
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let filter_line = Line::from(vec![
            Span::raw("› "),
            Span::raw(self.filter.clone()),
            Span::styled(
                if self.filter.is_empty() {
                    format!(" ({})", Msg::KeyFilter.get(lang))
                } else {
                    String::new()
                },
                theme.placeholder(),
            ),
        ]);
        f.render_widget(Paragraph::new(filter_line), Rect { height: 1, ..inner });
        let list_area = Rect {
            y: inner.y + 1,
            height: inner.height.saturating_sub(1),
            ..inner
        };
        let items: Vec<ListItem> = if visible.is_empty() {
            vec![ListItem::new(Span::styled(
                Msg::PickNothingMatches.get(lang),
                theme.placeholder(),
            ))]
        } else {
            visible
                .iter()
                .map(|t| {
                    let mark = if self.multi {
                        if self.chosen.iter().any(|c| c == t.code) {
                            "[x] "
                        } else {
                            "[ ] "
                        }
                    } else if self.chosen.first().is_some_and(|c| c == t.code) {
                        "(•) "
                    } else {
                        "( ) "
                    };
                    ListItem::new(format!("{mark}{}", t.label(lang)))
                })
                .collect()
        };
        let mut state = ListState::default();
        if !visible.is_empty() {
            state.select(Some(self.cursor.min(visible.len() - 1)));
        }
        f.render_stateful_widget(
            List::new(items)
                .highlight_style(theme.selected())
                .highlight_symbol("▶"),
            list_area,
            &mut state,
        );
        f.set_cursor_position((
            inner.x + 2 + unicode_width::UnicodeWidthStr::width(self.filter.as_str()) as u16,
            inner.y,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vocab::{AMPK, VIOLENCE};

    fn k(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn typing_filters_and_enter_picks_the_highlighted_term() {
        let mut p = PickList::new(VIOLENCE, false, &[], String::new());
        for c in "seks".chars() {
            p.handle(&k(KeyCode::Char(c)));
        }
        assert_eq!(p.visible().len(), 1);
        assert_eq!(
            p.handle(&k(KeyCode::Enter)),
            Picked::Done(vec!["seksual".into()])
        );
    }

    #[test]
    fn multi_choice_ticks_with_space_and_returns_in_vocabulary_order() {
        let mut p = PickList::new(VIOLENCE, true, &["seksual".into()], String::new());
        p.handle(&k(KeyCode::Char(' '))); // tick fisik (first row)
        assert_eq!(
            p.handle(&k(KeyCode::Enter)),
            Picked::Done(vec!["fisik".into(), "seksual".into()])
        );
    }

    #[test]
    fn enter_with_nothing_ticked_takes_the_highlighted_term() {
        let mut p = PickList::new(AMPK, true, &[], String::new());
        for _ in 0..9 {
            p.handle(&k(KeyCode::Down));
        }
        assert_eq!(p.handle(&k(KeyCode::Enter)), Picked::Done(vec!["j".into()]));
        // With something ticked, Enter only closes: the highlight is not added to it.
        let mut p = PickList::new(AMPK, true, &["a".into()], String::new());
        p.handle(&k(KeyCode::Down));
        assert_eq!(p.handle(&k(KeyCode::Enter)), Picked::Done(vec!["a".into()]));
    }

    #[test]
    fn english_labels_and_accents_match_too() {
        let mut p = PickList::new(AMPK, true, &[], "disability".into());
        assert_eq!(p.visible().len(), 1);
        p.filter = "KEJAHATAN seks".into();
        assert_eq!(p.visible()[0].code, "j");
        assert_eq!(fold("Éé"), "ee");
    }
}
