//! SIMFONI-PPA on screen: one victim's sheet, read-only, every value in SIMFONI's order so the
//! data officer types it across field by field (case-file key `s`); and the month-end list
//! of victims still to enter or changed since (board key `S`). Both draw from what the app
//! loaded (`effects/simfoni.rs`); marking and printing are actions.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::report::Month;
use crate::domain::simfoni::{EntryState, MonthRow};
use crate::domain::validate::format_date;
use crate::i18n::{Lang, Msg, fill};
use crate::io::simfoni::{field_label, section_title, state_words};
use crate::tasks::simfoni::Sheet;
use crate::ui::action::Action;
use crate::ui::keymap::{Described, SIMFONI_MONTH, SIMFONI_SHEET, SimfoniKey, SimfoniMonthKey};
use crate::ui::screens::{Cx, Screen};
use crate::ui::theme::Theme;
use crate::ui::widgets::text::truncate;

/// The sheet's label column: SIMFONI's longest label, so every value starts in one column.
const LABEL: usize = 28;

#[derive(Debug, Clone, Default)]
pub struct SheetView {
    pub sheet: Option<Sheet>,
    pub scroll: u16,
    lines: u16,
    height: u16,
}

impl SheetView {
    pub fn set(&mut self, sheet: Sheet) {
        self.sheet = Some(sheet);
        self.scroll = 0;
    }

    fn scroll_by(&mut self, delta: i32) {
        let max = self.lines.saturating_sub(self.height) as i32;
        self.scroll = (self.scroll as i32 + delta).clamp(0, max.max(0)) as u16;
    }

    fn body(s: &Sheet, lang: Lang, theme: &Theme, width: usize) -> Vec<Line<'static>> {
        let mut out = Vec::new();
        let mut section = None;
        let value_w = width.saturating_sub(LABEL + 1).max(1);
        for l in &s.lines {
            if section != Some(l.section) {
                if section.is_some() {
                    out.push(Line::raw(""));
                }
                out.push(Line::from(Span::styled(
                    truncate(&section_title(l.section, lang), width),
                    theme.section(),
                )));
                section = Some(l.section);
            }
            let label = format!("{:<LABEL$} ", truncate(field_label(l.field, lang), LABEL));
            // A long value (a chronology) wraps under itself, as on paper.
            let value = l.value.replace('\n', " / ");
            let chunks = wrap(&value, value_w);
            for (i, chunk) in chunks.into_iter().enumerate() {
                let head = if i == 0 {
                    Span::styled(label.clone(), theme.label())
                } else {
                    Span::raw(" ".repeat(LABEL + 1))
                };
                let text = if chunk.is_empty() {
                    Span::styled("—".to_string(), theme.placeholder())
                } else {
                    Span::styled(chunk, theme.value())
                };
                out.push(Line::from(vec![head, text]));
            }
        }
        out
    }

    pub fn draw(&mut self, f: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let Some(s) = self.sheet.clone() else {
            return;
        };
        if area.height < 3 || area.width < 10 {
            return;
        }
        let [head, body] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
        let w = area.width as usize;
        let title = format!(
            " {} · {} · {}",
            Msg::SimTitle.get(lang),
            s.number,
            fill(Msg::SimVictimOf.get(lang), &[&(s.victim + 1), &s.victims])
        );
        let state_style = match s.state {
            EntryState::Entered(_) => theme.ok(),
            EntryState::Changed { .. } => theme.warning(),
            EntryState::NotEntered => theme.label(),
        };
        f.render_widget(
            Paragraph::new(vec![
                Line::from(Span::styled(truncate(&title, w), theme.title())),
                Line::from(Span::styled(
                    truncate(&format!(" {}", state_words(&s.state, lang)), w),
                    state_style,
                )),
            ]),
            head,
        );
        let lines = Self::body(&s, lang, theme, w);
        self.lines = lines.len() as u16;
        self.height = body.height;
        self.scroll_by(0);
        f.render_widget(Paragraph::new(lines).scroll((self.scroll, 0)), body);
    }
}

/// Breaks `text` between words into pieces of at most `width` characters; a word longer
/// than that is cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        while word.chars().count() > width {
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            out.push(head);
        }
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    out
}

impl Screen for SheetView {
    fn keys(&self) -> Vec<&'static dyn Described> {
        vec![&SIMFONI_SHEET]
    }

    fn on_key(&mut self, key: &KeyEvent, _cx: &Cx) -> Option<Action> {
        let s = self.sheet.as_ref()?;
        let (case_id, victim, victims) = (s.case_id, s.victim, s.victims);
        match SIMFONI_SHEET.lookup(key)? {
            SimfoniKey::Up => self.scroll_by(-1),
            SimfoniKey::Down => self.scroll_by(1),
            SimfoniKey::PageUp => self.scroll_by(-(self.height.max(1) as i32)),
            SimfoniKey::PageDown => self.scroll_by(self.height.max(1) as i32),
            SimfoniKey::PrevVictim if victim > 0 => {
                return Some(Action::OpenSimfoniSheet {
                    case_id,
                    victim: victim - 1,
                });
            }
            SimfoniKey::NextVictim if victim + 1 < victims => {
                return Some(Action::OpenSimfoniSheet {
                    case_id,
                    victim: victim + 1,
                });
            }
            SimfoniKey::PrevVictim | SimfoniKey::NextVictim => {}
            SimfoniKey::Mark => return Some(Action::AskSimfoniMark { case_id, victim }),
            SimfoniKey::Print => return Some(Action::PrintSimfoniSheet { case_id, victim }),
            SimfoniKey::Leave => return Some(Action::Back),
        }
        None
    }

    fn draw(&mut self, f: &mut Frame, area: Rect, cx: &Cx) {
        SheetView::draw(self, f, area, cx.lang, cx.theme);
    }
}

/// The month-end list: victims of cases reported up to the month's last day who are not
/// entered yet or changed since; initials only.
#[derive(Debug, Clone, Default)]
pub struct MonthView {
    pub month: Option<Month>,
    pub rows: Vec<MonthRow>,
    pub cursor: usize,
    top: usize,
}

impl MonthView {
    pub fn set(&mut self, month: Month, rows: Vec<MonthRow>) {
        self.month = Some(month);
        self.rows = rows;
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
    }

    pub fn draw(&mut self, f: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let Some(month) = self.month else {
            return;
        };
        if area.height < 4 || area.width < 10 {
            return;
        }
        let [head, cols, list] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(area);
        let w = area.width as usize;
        let changed = self
            .rows
            .iter()
            .filter(|r| matches!(r.state, EntryState::Changed { .. }))
            .count();
        let last = crate::domain::report::last_day(month);
        f.render_widget(
            Paragraph::new(vec![
                Line::from(Span::styled(
                    truncate(
                        &format!(
                            " {}",
                            fill(Msg::SimMonthHead.get(lang), &[&format_date(last)])
                        ),
                        w,
                    ),
                    theme.title(),
                )),
                Line::raw(truncate(
                    &format!(
                        " {}",
                        fill(
                            Msg::SimMonthCounts.get(lang),
                            &[&(self.rows.len() - changed), &changed]
                        )
                    ),
                    w,
                )),
            ]),
            head,
        );
        if self.rows.is_empty() {
            f.render_widget(
                Paragraph::new(Span::styled(
                    format!(" {}", Msg::SimMonthEmpty.get(lang)),
                    theme.ok(),
                )),
                list,
            );
            return;
        }
        f.render_widget(
            Paragraph::new(Span::styled(
                truncate(
                    &format!(
                        " {:<16} {:<10} {:<12} {}",
                        Msg::SimColCase.get(lang),
                        Msg::SimColOpened.get(lang),
                        Msg::SimColVictim.get(lang),
                        Msg::SimColState.get(lang)
                    ),
                    w,
                ),
                theme.section(),
            )),
            cols,
        );
        let page = list.height as usize;
        self.cursor = self.cursor.min(self.rows.len() - 1);
        if self.cursor < self.top {
            self.top = self.cursor;
        } else if self.cursor >= self.top + page {
            self.top = self.cursor + 1 - page;
        }
        let lines: Vec<Line> = self
            .rows
            .iter()
            .enumerate()
            .skip(self.top)
            .take(page)
            .map(|(i, r)| {
                let who = format!(
                    "{} {}{}{}",
                    r.victim + 1,
                    r.initials,
                    r.sex
                        .as_deref()
                        .map(|s| format!(" {s}"))
                        .unwrap_or_default(),
                    r.age.map(|a| format!(" {a}")).unwrap_or_default()
                );
                let text = truncate(
                    &format!(
                        "{}{:<16} {:<10} {:<12} {}",
                        if i == self.cursor { "▶" } else { " " },
                        truncate(&r.number, 16),
                        format_date(r.opened),
                        truncate(&who, 12),
                        state_words(&r.state, lang)
                    ),
                    w,
                );
                if i == self.cursor {
                    Line::from(Span::styled(text, theme.selected()))
                } else {
                    Line::raw(text)
                }
            })
            .collect();
        f.render_widget(Paragraph::new(lines), list);
    }
}

impl Screen for MonthView {
    fn keys(&self) -> Vec<&'static dyn Described> {
        vec![&SIMFONI_MONTH]
    }

    fn on_key(&mut self, key: &KeyEvent, _cx: &Cx) -> Option<Action> {
        let month = self.month?;
        match SIMFONI_MONTH.lookup(key)? {
            SimfoniMonthKey::Up => self.cursor = self.cursor.saturating_sub(1),
            SimfoniMonthKey::Down => {
                self.cursor = (self.cursor + 1).min(self.rows.len().saturating_sub(1))
            }
            SimfoniMonthKey::PrevMonth => return Some(Action::SimfoniMonth(month.prev())),
            SimfoniMonthKey::NextMonth => return Some(Action::SimfoniMonth(month.next())),
            SimfoniMonthKey::Open => {
                return self
                    .rows
                    .get(self.cursor)
                    .map(|r| Action::OpenSimfoniSheet {
                        case_id: r.case_id,
                        victim: r.victim,
                    });
            }
            SimfoniMonthKey::Leave => return Some(Action::Back),
        }
        None
    }

    fn draw(&mut self, f: &mut Frame, area: Rect, cx: &Cx) {
        MonthView::draw(self, f, area, cx.lang, cx.theme);
    }
}
