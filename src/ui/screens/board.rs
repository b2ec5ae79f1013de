//! The case board (F3): one column per lifecycle stage, cards with initials only.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::domain::case::{Card, Stage, Targets, board_key};
use crate::domain::due::{LegalCaseDue, LegalMark, legal_mark};
use crate::domain::law::{ClockKind, ClockState, Limits};
use crate::domain::vocab;
use crate::i18n::{Lang, Msg, fill};
use crate::ui::action::Action;
use crate::ui::keymap::{BOARD, BoardKey, Described};
use crate::ui::screens::{Cx, Screen};
use crate::ui::theme::Theme;
use crate::ui::widgets::text::truncate;

/// Filters, as codes: `mine`, `emergency`, `overdue`, `risk:…`, `kk:…` (jenis kekerasan),
/// `ampk:…`; and the dates a case was opened between (inclusive).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub codes: Vec<String>,
    pub opened: Option<(NaiveDate, NaiveDate)>,
    /// A region code at any level: cases whose victim lives inside it.
    pub region: Option<String>,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        !self.codes.is_empty() || self.opened.is_some() || self.region.is_some()
    }

    /// What is in force, in words, for the title line: a board that looks empty because of
    /// a filter must say so.
    pub fn describe(&self, lang: Lang) -> String {
        let mut parts: Vec<String> = self
            .codes
            .iter()
            .map(|c| crate::i18n::BOARD_FILTERS.label(c, lang).to_string())
            .collect();
        if let Some(r) = &self.region
            && let Some(reg) = crate::domain::region::get(r)
        {
            parts.push(reg.name.to_string());
        }
        if let Some((from, to)) = self.opened {
            parts.push(format!(
                "{}–{}",
                from.format("%d-%m-%Y"),
                to.format("%d-%m-%Y")
            ));
        }
        parts.join(", ")
    }

    pub fn keeps(&self, c: &Card, me: &str, targets: &Targets, today: NaiveDate) -> bool {
        self.compile().keeps(c, me, targets, today)
    }

    /// The codes sorted by kind once, for testing thousands of cards.
    fn compile(&self) -> Compiled<'_> {
        let with = |prefix: &str| -> Vec<&str> {
            self.codes
                .iter()
                .filter_map(|x| x.strip_prefix(prefix))
                .collect()
        };
        let has = |k: &str| self.codes.iter().any(|x| x == k);
        Compiled {
            mine: has("mine"),
            emergency: has("emergency"),
            overdue: has("overdue"),
            risks: with("risk:"),
            kinds: with("kk:"),
            ampk: with("ampk:"),
            opened: self.opened,
            region: self.region.as_deref().map(|r| (r, format!("{r}."))),
        }
    }
}

struct Compiled<'a> {
    mine: bool,
    emergency: bool,
    overdue: bool,
    risks: Vec<&'a str>,
    kinds: Vec<&'a str>,
    ampk: Vec<&'a str>,
    opened: Option<(NaiveDate, NaiveDate)>,
    /// The region and its prefix for the levels inside it.
    region: Option<(&'a str, String)>,
}

impl Compiled<'_> {
    fn keeps(&self, c: &Card, me: &str, targets: &Targets, today: NaiveDate) -> bool {
        (!self.mine || c.assigned_to.as_deref() == Some(me))
            && (!self.emergency || c.emergency)
            && (!self.overdue || c.overdue(targets, today))
            && (self.risks.is_empty() || self.risks.contains(&c.risk.as_str()))
            && (self.kinds.is_empty()
                || c.violence_all
                    .iter()
                    .any(|v| self.kinds.contains(&v.as_str())))
            && (self.ampk.is_empty() || c.ampk.iter().any(|a| self.ampk.contains(&a.as_str())))
            && self
                .opened
                .is_none_or(|(from, to)| c.opened >= from && c.opened <= to)
            && self.region.as_ref().is_none_or(|(r, inside)| {
                c.region
                    .as_deref()
                    .is_some_and(|cr| cr == *r || cr.starts_with(inside.as_str()))
            })
    }
}

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

/// A card's legal mark in a few characters that need no colour: the most pressing clock's
/// letter and hours (`P20j` left, `P+6j` over) and a hearing within seven days (`S3h`), as
/// forms from the fullest to the shortest. A narrow card takes the first that fits: a number
/// is dropped whole, never cut (`L+2` for 26 hours over would be a lie).
pub fn legal_mark_forms(m: &LegalMark, today: NaiveDate, lang: Lang) -> Vec<String> {
    let clock = m.clock.and_then(|(kind, state)| {
        let letter = match kind {
            ClockKind::TpksPoliceReport => Msg::MarkPolice,
            ClockKind::FirstService => Msg::MarkFirstService,
            ClockKind::ShelterReview => Msg::MarkShelter,
        }
        .get(lang);
        let (full, sign, n) = match state {
            ClockState::Running { hours_left } => (
                fill(Msg::MarkLeft.get(lang), &[&letter, &hours_left]),
                "",
                hours_left,
            ),
            ClockState::Breached { hours_over } => (
                fill(Msg::MarkOver.get(lang), &[&letter, &hours_over]),
                "+",
                hours_over,
            ),
            ClockState::Met | ClockState::MetLate => return None,
        };
        Some(vec![
            full,
            format!("{letter}{sign}{n}"),
            format!("{letter}{sign}"),
        ])
    });
    let hearing = m.hearing.map(|d| {
        let letter = Msg::MarkHearingLetter.get(lang);
        let days = (d - today).num_days();
        vec![
            fill(Msg::MarkHearing.get(lang), &[&letter, &days]),
            letter.to_string(),
        ]
    });
    match (clock, hearing) {
        (Some(c), Some(h)) => {
            let mut out = vec![format!("{} {}", c[0], h[0]), format!("{} {}", c[1], h[1])];
            out.extend(c);
            out
        }
        (Some(c), None) => c,
        (None, Some(h)) => h,
        (None, None) => Vec::new(),
    }
}

/// The fullest form of a mark that fits `w` columns, padded to them.
fn fitted(forms: &[String], w: usize) -> String {
    let fits = forms.iter().find(|f| f.chars().count() <= w);
    pad_to(fits.map_or("", |f| f.as_str()), w)
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

/// `s` cut or padded to `w` columns.
fn pad_to(s: &str, w: usize) -> String {
    let s = truncate(s, w);
    let n = w.saturating_sub(unicode_width::UnicodeWidthStr::width(s.as_str()));
    format!("{s}{}", " ".repeat(n))
}

/// The part of a case number a person reads aloud: `2026/0012`.
fn short_number(n: &str) -> String {
    let parts: Vec<&str> = n.rsplitn(3, '/').collect();
    match parts.as_slice() {
        [seq, year, ..] => format!("{year}/{seq}"),
        _ => n.to_string(),
    }
}

#[allow(clippy::too_many_arguments)]
fn card_lines(
    c: &Card,
    wide: bool,
    w: usize,
    selected: bool,
    lang: Lang,
    theme: &Theme,
    targets: &Targets,
    today: NaiveDate,
    legal: Option<&LegalMark>,
) -> Vec<Line<'static>> {
    let overdue = c.overdue(targets, today);
    let legal_forms = legal.map(|m| legal_mark_forms(m, today, lang));
    let legal_style = match legal.and_then(|m| m.clock) {
        Some((_, ClockState::Breached { .. })) => theme.error(),
        _ => theme.warning(),
    };
    // The marks carry the meaning without colour: ! emergency, * past its target.
    let mark = match (c.emergency, overdue) {
        (true, true) => "!*",
        (true, false) => "! ",
        (false, true) => "* ",
        _ => "  ",
    };
    let mark_style = if c.emergency {
        theme.error()
    } else if overdue {
        theme.warning()
    } else {
        Style::new()
    };
    // Only the card's first line shows the selection: a ↓ then rewrites two short lines,
    // not two whole cards (issue 21: 96 B a ↓ over a 9600-baud line). Reversed, so it shows
    // without colour.
    let base = if selected {
        theme.selected()
    } else {
        Style::new()
    };
    let rest = Style::new();
    let age = c
        .age
        .map(|a| vocab::AGE_BANDS.label(vocab::age_band(a), lang).to_string())
        .unwrap_or_else(|| "?".into());
    let sex = c.sex.clone().unwrap_or_else(|| "?".into());
    let kind = c
        .violence
        .as_deref()
        .map(|v| vocab::VIOLENCE.label(v, lang))
        .unwrap_or("—");
    let risk = vocab::RISK.label(&c.risk, lang);
    let days = fill(Msg::DaysShort.get(lang), &[&c.days_in_stage(today)]);
    let who = c.assigned_to.clone().unwrap_or_else(|| "—".into());
    let pad = |s: String| -> String {
        let s = truncate(&s, w);
        let n = w.saturating_sub(unicode_width::UnicodeWidthStr::width(s.as_str()));
        format!("{s}{}", " ".repeat(n))
    };
    if wide {
        let left = format!(
            "{} {}  {} {}",
            short_number(&c.number),
            c.initials,
            sex,
            age
        );
        let room = w.saturating_sub(2);
        let gap = room.saturating_sub(left.chars().count() + who.chars().count());
        let head = if gap >= 1 {
            format!("{left}{}{who}", " ".repeat(gap))
        } else {
            left
        };
        vec![
            Line::from(vec![
                Span::styled(mark.to_string(), mark_style.patch(base)),
                Span::styled(
                    truncate(&head, w.saturating_sub(2)),
                    base.patch(Style::new().add_modifier(ratatui::style::Modifier::BOLD)),
                ),
            ]),
            match &legal_forms {
                Some(forms) => {
                    let left = format!("  {kind} · {risk} · {days} · ");
                    let room = w.saturating_sub(left.chars().count());
                    Line::from(vec![
                        Span::styled(truncate(&left, w), rest),
                        Span::styled(fitted(forms, room), legal_style.patch(rest)),
                    ])
                }
                None => Line::from(Span::styled(
                    pad(format!("  {kind} · {risk} · {days}")),
                    rest,
                )),
            },
        ]
    } else {
        let number = short_number(&c.number);
        let first = match &legal_forms {
            // The mark after the number, in the fullest form that fits.
            Some(forms) => {
                let room = w.saturating_sub(2 + number.chars().count() + 1);
                vec![
                    Span::styled(mark.to_string(), mark_style.patch(base)),
                    Span::styled(format!("{number} "), base),
                    Span::styled(fitted(forms, room), legal_style.patch(base)),
                ]
            }
            None => vec![
                Span::styled(mark.to_string(), mark_style.patch(base)),
                Span::styled(pad(number), base),
            ],
        };
        vec![
            Line::from(first),
            Line::from(Span::styled(
                pad(format!("  {} {} {}", c.initials, sex, age)),
                rest,
            )),
            Line::from(Span::styled(
                pad(format!(
                    "  {} {} {}",
                    truncate(kind, 5),
                    truncate(risk, 1),
                    days
                )),
                rest,
            )),
        ]
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
