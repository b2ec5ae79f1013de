//! The access log for supervisors (board key `L`): newest first, narrowed by typing a staff
//! name, a case number or an action.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::i18n::access_label;
use crate::i18n::{Lang, Msg, fill};
use crate::store::access::AccessEntry;
use crate::ui::action::Action;
use crate::ui::keymap::{AUDIT, AuditKey, Described};
use crate::ui::screens::{Cx, Screen};
use crate::ui::theme::Theme;
use crate::ui::widgets::text::truncate;

/// How many rows the screen loads: enough for a month of a busy office; `meja audit` reads all.
pub const LOAD: usize = 2000;

#[derive(Debug, Default)]
pub struct AuditView {
    pub rows: Vec<AccessEntry>,
    pub filter: String,
    pub top: usize,
    pub page: usize,
}

impl AuditView {
    fn shown(&self, lang: Lang) -> Vec<&AccessEntry> {
        let f = self.filter.to_lowercase();
        self.rows
            .iter()
            .filter(|r| {
                f.is_empty()
                    || r.staff.to_lowercase().contains(&f)
                    || r.case_number
                        .as_deref()
                        .is_some_and(|n| n.to_lowercase().contains(&f))
                    || r.kind
                        .is_some_and(|k| access_label(k, lang).to_lowercase().contains(&f))
            })
            .collect()
    }

    pub fn draw(&mut self, f: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        if area.height < 3 || area.width < 10 {
            return;
        }
        let [head, cols, list] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(area);
        self.page = list.height as usize;
        let n = self.shown(lang).len();
        self.top = self.top.min(n.saturating_sub(1));
        let shown = self.shown(lang);
        let search = format!(
            " {} {}_   {}",
            Msg::DirSearch.get(lang),
            self.filter,
            fill(Msg::AuditCount.get(lang), &[&shown.len()])
        );
        f.render_widget(
            Paragraph::new(Span::styled(search, theme.label_focused())),
            head,
        );
        let w = area.width as usize;
        f.render_widget(
            Paragraph::new(Span::styled(
                truncate(Msg::AuditHead.get(lang), w),
                theme.section(),
            )),
            cols,
        );
        let lines: Vec<Line> = shown
            .iter()
            .skip(self.top)
            .take(list.height as usize)
            .map(|r| {
                let at = crate::clock::shown(&r.at, "%d-%m-%Y %H:%M:%S");
                let what = r.kind.map(|k| access_label(k, lang)).unwrap_or(&r.code);
                Line::raw(truncate(
                    &format!(
                        "{at}  {:<12} {:<14} {:<16} {}",
                        truncate(&r.staff, 12),
                        what,
                        r.case_number.as_deref().unwrap_or("-"),
                        r.detail
                    ),
                    w,
                ))
            })
            .collect();
        f.render_widget(Paragraph::new(lines), list);
    }
}

impl Screen for AuditView {
    fn keys(&self) -> Vec<&'static dyn Described> {
        vec![&AUDIT]
    }

    fn on_key(&mut self, key: &KeyEvent, _cx: &Cx) -> Option<Action> {
        match AUDIT.lookup(key) {
            Some(AuditKey::Leave) if self.filter.is_empty() => return Some(Action::Back),
            Some(AuditKey::Leave) => self.filter.clear(),
            Some(AuditKey::Erase) => {
                self.filter.pop();
            }
            Some(AuditKey::Up) => self.top = self.top.saturating_sub(1),
            Some(AuditKey::Down) => self.top += 1,
            Some(AuditKey::PageUp) => self.top = self.top.saturating_sub(self.page.max(1)),
            Some(AuditKey::PageDown) => self.top += self.page.max(1),
            Some(AuditKey::Top) => self.top = 0,
            // Every other letter narrows the list.
            None => {
                if let KeyCode::Char(c) = key.code
                    && !key.modifiers.contains(KeyModifiers::CONTROL)
                    && self.filter.len() < 40
                {
                    self.filter.push(c);
                    self.top = 0;
                }
            }
        }
        None
    }

    fn draw(&mut self, f: &mut Frame, area: Rect, cx: &Cx) {
        AuditView::draw(self, f, area, cx.lang, cx.theme);
    }
}
