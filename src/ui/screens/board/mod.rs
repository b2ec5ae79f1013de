//! The case board (F3): one column per lifecycle stage, cards with initials only.
//! The filter is in `filter.rs`, a card's lines and marks in `card.rs`.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::domain::case::{Card, Stage, Targets, board_key};
use crate::domain::due::{LegalCaseDue, legal_mark};
use crate::domain::law::Limits;
use crate::domain::vocab;
use crate::i18n::{Lang, Msg};
use crate::ui::action::Action;
use crate::ui::keymap::{BOARD, BoardKey, Described};
use crate::ui::screens::{Cx, Screen};
use crate::ui::theme::Theme;
use crate::ui::widgets::text::truncate;

mod card;
mod filter;

use card::card_lines;
pub use card::legal_mark_forms;
pub use filter::Filter;

#[derive(Debug, Default)]
pub struct Board {
    cards: Vec<Card>,
    pub show_closed: bool,
    pub filter: Filter,
    /// Card indices per visible column, in board order.
    columns: Vec<(Stage, Vec<usize>)>,
    col: usize,
    rows: Vec<usize>,
    scroll: Vec<usize>,
    /// Rows a card takes at the last drawn width, for paging.
    page: usize,
    /// What the law's marks are worked out from, per case with any (`Store::legal_due`), and
    /// the limits: the marks are computed at each draw, so the hours left follow the clock.
    legal: HashMap<i64, LegalCaseDue>,
    limits: Limits,
    now: NaiveDateTime,
}

impl Board {
    /// The legal facts of the cases that have a mark, and the configured limits.
    pub fn set_legal(&mut self, due: Vec<LegalCaseDue>, limits: Limits) {
        self.legal = due.into_iter().map(|c| (c.case_id, c)).collect();
        self.limits = limits;
    }

    /// Replaces the cards (after a load or a change elsewhere), keeping the selection on the
    /// same case when it is still there.
    pub fn set_cards(&mut self, cards: Vec<Card>, me: &str, targets: &Targets, today: NaiveDate) {
        let selected = self.selected().map(|c| c.id);
        self.cards = cards;
        self.rebuild(me, targets, today);
        if let Some(id) = selected {
            self.select(id);
        }
    }

    /// The first `per_column` cards of each column, in board order: those a first frame shows.
    pub fn top_ids(&self, per_column: usize) -> Vec<i64> {
        self.columns
            .iter()
            .flat_map(|(_, col)| col.iter().take(per_column).map(|&i| self.cards[i].id))
            .collect()
    }

    /// Puts complete reads of some cards in place of their outlines (see
    /// `Store::board_outline`); board order does not depend on what they add.
    pub fn fill_in(&mut self, complete: Vec<Card>) {
        let at: std::collections::HashMap<i64, usize> = self
            .cards
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id, i))
            .collect();
        for c in complete {
            if let Some(&i) = at.get(&c.id) {
                self.cards[i] = c;
            }
        }
    }

    pub fn has(&self, id: i64) -> bool {
        self.cards.iter().any(|c| c.id == id)
    }

    /// Puts a fresh read of one case in place of its card (or drops it: `None`, or closed
    /// while closed cases are hidden), keeping the selection on it.
    pub fn replace_card(
        &mut self,
        id: i64,
        card: Option<Card>,
        me: &str,
        targets: &Targets,
        today: NaiveDate,
    ) {
        let selected = self.selected().map(|c| c.id);
        let card = card.filter(|c| self.show_closed || c.stage != Stage::Terminasi);
        match (self.cards.iter().position(|c| c.id == id), card) {
            (Some(at), Some(c)) => self.cards[at] = c,
            (Some(at), None) => {
                self.cards.remove(at);
            }
            (None, Some(c)) => self.cards.push(c),
            (None, None) => {}
        }
        self.rebuild(me, targets, today);
        if let Some(id) = selected {
            self.select(id);
        }
    }

    pub fn rebuild(&mut self, me: &str, targets: &Targets, today: NaiveDate) {
        let stages: Vec<Stage> = if self.show_closed {
            Stage::ALL.to_vec()
        } else {
            Stage::OPEN.to_vec()
        };
        // One pass over the cards, by index: a board holds thousands of them.
        let filter = self.filter.compile();
        let mut columns: Vec<(Stage, Vec<usize>)> =
            stages.iter().map(|s| (*s, Vec::new())).collect();
        for (i, c) in self.cards.iter().enumerate() {
            if let Some((_, col)) = columns.iter_mut().find(|(s, _)| *s == c.stage)
                && filter.keeps(c, me, targets, today)
            {
                col.push(i);
            }
        }
        for (_, col) in &mut columns {
            col.sort_by_cached_key(|&i| board_key(&self.cards[i], targets, today));
        }
        self.columns = columns;
        let n = self.columns.len();
        self.rows.resize(n, 0);
        self.scroll.resize(n, 0);
        self.col = self.col.min(n.saturating_sub(1));
        for (i, (_, c)) in self.columns.iter().enumerate() {
            self.rows[i] = self.rows[i].min(c.len().saturating_sub(1));
        }
    }

    fn select(&mut self, id: i64) {
        for (ci, (_, col)) in self.columns.iter().enumerate() {
            if let Some(r) = col.iter().position(|&i| self.cards[i].id == id) {
                self.col = ci;
                self.rows[ci] = r;
            }
        }
    }

    pub fn selected(&self) -> Option<&Card> {
        let (_, col) = self.columns.get(self.col)?;
        col.get(*self.rows.get(self.col)?).map(|&i| &self.cards[i])
    }

    pub fn draw(
        &mut self,
        f: &mut Frame,
        area: Rect,
        lang: Lang,
        theme: &Theme,
        targets: &Targets,
        today: NaiveDate,
    ) {
        if self.columns.is_empty() || area.width < 10 || area.height < 4 {
            return;
        }
        let n = self.columns.len() as u16;
        let cols = Layout::horizontal(vec![Constraint::Ratio(1, n as u32); n as usize]).split(area);
        let wide = cols[0].width >= 26;
        let card_h: usize = if wide { 2 } else { 3 };
        for (ci, (stage, idx)) in self.columns.iter().enumerate() {
            let rect = cols[ci];
            let focused = ci == self.col;
            let full = vocab::STAGES.label(stage.code(), lang);
            let title = format!("{} ({})", full, idx.len());
            let room = rect.width.saturating_sub(2) as usize;
            let title = if title.chars().count() > room {
                // Keep the count whole; shorten the name instead.
                let count = format!(" ({})", idx.len());
                let name = crate::i18n::stage_short(*stage, lang);
                format!(
                    "{}{count}",
                    truncate(name, room.saturating_sub(count.chars().count()))
                )
            } else {
                title
            };
            let block = Block::default()
                .borders(Borders::TOP | Borders::RIGHT)
                .border_style(if focused {
                    theme.section()
                } else {
                    theme.border()
                })
                .title(Span::styled(
                    truncate(&title, rect.width.saturating_sub(2) as usize),
                    if focused {
                        theme.selected()
                    } else {
                        theme.section()
                    },
                ));
            let inner = block.inner(rect);
            f.render_widget(block, rect);
            let per_page = (inner.height as usize / card_h).max(1);
            self.page = per_page;
            let row = self.rows[ci];
            let scroll = &mut self.scroll[ci];
            if row < *scroll {
                *scroll = row;
            }
            if row >= *scroll + per_page {
                *scroll = row + 1 - per_page;
            }
            let w = inner.width as usize;
            let mut lines: Vec<Line> = Vec::new();
            for (r, &i) in idx.iter().enumerate().skip(*scroll).take(per_page) {
                let c = &self.cards[i];
                let sel = focused && r == row;
                let legal = self
                    .legal
                    .get(&c.id)
                    .map(|d| legal_mark(d, &self.limits, self.now))
                    .filter(|m| !m.is_empty());
                lines.extend(card_lines(
                    c,
                    wide,
                    w,
                    sel,
                    lang,
                    theme,
                    targets,
                    today,
                    legal.as_ref(),
                ));
            }
            if idx.is_empty() {
                lines.push(Line::from(Span::styled(
                    truncate(Msg::BoardEmpty.get(lang), w),
                    theme.placeholder(),
                )));
            }
            f.render_widget(Paragraph::new(lines), inner);
        }
    }
}

impl Screen for Board {
    fn keys(&self) -> Vec<&'static dyn Described> {
        vec![&BOARD]
    }

    fn on_key(&mut self, key: &KeyEvent, _cx: &Cx) -> Option<Action> {
        let ncols = self.columns.len();
        let len = self.columns.get(self.col).map_or(0, |(_, c)| c.len());
        let card = self.selected().cloned();
        let k = BOARD.lookup(key)?;
        match k {
            BoardKey::Left => self.col = self.col.saturating_sub(1),
            BoardKey::Right if self.col + 1 < ncols => self.col += 1,
            BoardKey::Up => self.rows[self.col] = self.rows[self.col].saturating_sub(1),
            BoardKey::Down if self.rows[self.col] + 1 < len => self.rows[self.col] += 1,
            BoardKey::PageDown => {
                self.rows[self.col] =
                    (self.rows[self.col] + self.page.max(1)).min(len.saturating_sub(1))
            }
            BoardKey::PageUp => {
                self.rows[self.col] = self.rows[self.col].saturating_sub(self.page.max(1))
            }
            BoardKey::Top => self.rows[self.col] = 0,
            BoardKey::Bottom => self.rows[self.col] = len.saturating_sub(1),
            BoardKey::Open => return card.map(|c| Action::OpenCase(c.id)),
            BoardKey::Forward => return card.map(Action::AskForward),
            BoardKey::Back => return card.map(Action::AskBack),
            BoardKey::Close => return card.map(Action::AskClose),
            BoardKey::Reopen => return card.map(Action::AskReopen),
            BoardKey::Assign => return card.map(Action::AskAssign),
            BoardKey::Search => return Some(Action::OpenSearch),
            BoardKey::Filter => return Some(Action::AskBoardFilter),
            BoardKey::ClearFilter => return Some(Action::ClearBoardFilter),
            BoardKey::ToggleClosed => return Some(Action::ToggleClosed),
            BoardKey::Audit => return Some(Action::OpenAudit),
            BoardKey::Report => return Some(Action::OpenReport),
            BoardKey::Simfoni => return Some(Action::OpenSimfoniMonth),
            BoardKey::Leave => return Some(Action::LeaveBoard),
            BoardKey::Right | BoardKey::Down => {}
        }
        None
    }

    fn draw(&mut self, f: &mut Frame, area: Rect, cx: &Cx) {
        self.now = cx.now;
        Board::draw(self, f, area, cx.lang, cx.theme, cx.targets, cx.today);
    }
}
