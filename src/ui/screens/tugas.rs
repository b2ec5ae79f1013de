//! Tugas (F11 / Ctrl-V): one list of what is due, derived from the records
//! (`tasks::tugas::due_list`): overdue first, then today, then the next seven days, the
//! riskiest cases first within each. Mine by default; a supervisor may see everyone's. Enter
//! opens the case at the item's part of the case file. Initials only, as on the board.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::due::{Bucket, DueItem, DueKind};
use crate::domain::validate::format_date;
use crate::i18n::{Msg, fill};
use crate::tasks::tugas::{bucket_label, risk_label, what};
use crate::ui::action::Action;
use crate::ui::keymap::{Described, TUGAS, TugasKey};
use crate::ui::screens::casefile::Tab;
use crate::ui::screens::{Cx, Screen};
use crate::ui::widgets::text::truncate;

#[derive(Debug, Clone, Default)]
pub struct TugasView {
    pub items: Vec<DueItem>,
    /// Everyone's list rather than mine.
    pub everyone: bool,
    /// Whose list "mine" is (the signed-in worker).
    pub me: String,
    pub cursor: usize,
    top: usize,
}

/// The case-file tab an item is worked in.
pub fn tab_of(kind: &DueKind) -> Tab {
    match kind {
        DueKind::FollowUp => Tab::FollowUps,
        DueKind::ReferralReply { .. } => Tab::Referrals,
        _ => Tab::Data,
    }
}

/// One line of the list: a bucket heading or an item (its index in `items`).
enum Line_ {
    Head(Bucket),
    Item(usize),
}

impl TugasView {
    pub fn set(&mut self, items: Vec<DueItem>) {
        self.items = items;
        self.cursor = self.cursor.min(self.items.len().saturating_sub(1));
    }

    fn lines(&self) -> Vec<Line_> {
        let mut out = Vec::new();
        let mut last = None;
        for (i, item) in self.items.iter().enumerate() {
            if last != Some(item.bucket) {
                out.push(Line_::Head(item.bucket));
                last = Some(item.bucket);
            }
            out.push(Line_::Item(i));
        }
        out
    }
}

impl Screen for TugasView {
    fn keys(&self) -> Vec<&'static dyn Described> {
        vec![&TUGAS]
    }

    fn on_key(&mut self, key: &KeyEvent, _cx: &Cx) -> Option<Action> {
        let last = self.items.len().saturating_sub(1);
        match TUGAS.lookup(key)? {
            TugasKey::Up => self.cursor = self.cursor.saturating_sub(1),
            TugasKey::Down => self.cursor = (self.cursor + 1).min(last),
            TugasKey::PageUp => self.cursor = self.cursor.saturating_sub(10),
            TugasKey::PageDown => self.cursor = (self.cursor + 10).min(last),
            TugasKey::Open => {
                return self.items.get(self.cursor).map(|i| Action::OpenCaseAt {
                    case_id: i.case_id,
                    tab: tab_of(&i.kind),
                });
            }
            TugasKey::Scope => return Some(Action::TugasScope(!self.everyone)),
            TugasKey::Leave => return Some(Action::Back),
        }
        None
    }

    fn draw(&mut self, f: &mut Frame, area: Rect, cx: &Cx) {
        let (lang, theme) = (cx.lang, cx.theme);
        if area.height < 3 || area.width < 10 {
            return;
        }
        let [head, list] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
        let w = area.width as usize;
        let whose = if self.everyone {
            Msg::DueEveryone.get(lang).to_string()
        } else {
            self.me.clone()
        };
        let n = |b: Bucket| self.items.iter().filter(|i| i.bucket == b).count();
        f.render_widget(
            Paragraph::new(vec![
                Line::from(Span::styled(
                    truncate(
                        &format!(
                            " {}",
                            fill(
                                Msg::DueHead.get(lang),
                                &[&whose, &format_date(cx.today), &7]
                            )
                        ),
                        w,
                    ),
                    theme.title(),
                )),
                Line::raw(truncate(
                    &format!(
                        " {}",
                        fill(
                            Msg::DueTotals.get(lang),
                            &[&n(Bucket::Overdue), &n(Bucket::Today), &n(Bucket::Soon)]
                        )
                    ),
                    w,
                )),
            ]),
            head,
        );
        if self.items.is_empty() {
            f.render_widget(
                Paragraph::new(Span::styled(
                    format!(" {}", Msg::TugasEmpty.get(lang)),
                    theme.ok(),
                )),
                list,
            );
            return;
        }
        let lines = self.lines();
        let at = lines
            .iter()
            .position(|l| matches!(l, Line_::Item(i) if *i == self.cursor))
            .unwrap_or(0);
        let page = list.height as usize;
        // Keep the cursor's bucket heading in view with it where there is room.
        if at < self.top + 1 {
            self.top = at.saturating_sub(1);
        } else if at >= self.top + page {
            self.top = at + 1 - page;
        }
        let wide = w >= 100;
        let shown: Vec<Line> = lines
            .iter()
            .skip(self.top)
            .take(page)
            .map(|l| match l {
                Line_::Head(b) => Line::from(Span::styled(
                    truncate(&format!(" {}", bucket_label(*b, lang)), w),
                    if *b == Bucket::Overdue {
                        theme.error()
                    } else {
                        theme.section()
                    },
                )),
                Line_::Item(i) => {
                    let item = &self.items[*i];
                    let who = item
                        .who
                        .as_deref()
                        .map(|w| format!(" ({w})"))
                        .unwrap_or_default();
                    let mark = if *i == self.cursor { "▶" } else { " " };
                    let text = if wide {
                        format!(
                            "{mark} {}  {:<15} {:<6} {:<7} {}{who}",
                            format_date(item.due),
                            item.number,
                            item.initials,
                            risk_label(&item.risk, lang),
                            what(item, lang),
                        )
                    } else {
                        // 80 columns: the number's serial part and the risk's first letter.
                        let serial = item.number.rsplit('/').next().unwrap_or(&item.number);
                        let risk: String = risk_label(&item.risk, lang).chars().take(1).collect();
                        format!(
                            "{mark}{} {serial:<5} {:<5} {risk} {}{who}",
                            item.due.format("%d-%m"),
                            truncate(&item.initials, 5),
                            what(item, lang),
                        )
                    };
                    let text = truncate(&text, w);
                    if *i == self.cursor {
                        Line::from(Span::styled(text, theme.selected()))
                    } else {
                        Line::raw(text)
                    }
                }
            })
            .collect();
        f.render_widget(Paragraph::new(shown), list);
    }
}
