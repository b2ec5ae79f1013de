//! The case's long texts in full, read-only (issue 16, point 6): the Data tab shows the
//! chronology's first lines only, and a petugas, who may not press `e`, could never read the
//! rest. `b` opens this over the tab's body; the chronology, the closure note and the notes,
//! wrapped at words, scrolled by line or page.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::case::CaseFile;
use crate::i18n::{Lang, Msg, fill};
use crate::ui::keymap::PagerKey;
use crate::ui::theme::Theme;
use crate::ui::widgets::textarea::TextArea;

/// A titled text, wrapped at the width it is drawn at.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Section {
    title: String,
    body: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    sections: Vec<Section>,
    /// The first line shown.
    pub scroll: usize,
    /// Lines that fit, from the last draw: a page.
    page: usize,
    /// Lines in all, from the last draw.
    total: usize,
}

impl Pager {
    /// The long texts of `file`, in the order a reader wants them.
    pub fn of(file: &CaseFile, lang: Lang) -> Pager {
        let mut sections = vec![Section {
            title: Msg::PagerChronology.get(lang).to_string(),
            body: file.intake.incident.chronology.clone(),
        }];
        if let Some(n) = file.closure_note.as_ref().filter(|n| !n.is_empty()) {
            sections.push(Section {
                title: Msg::PagerClosure.get(lang).to_string(),
                body: n.clone(),
            });
        }
        // Oldest first, as they were written.
        for n in file.notes.iter().rev() {
            sections.push(Section {
                title: fill(
                    Msg::PagerNote.get(lang),
                    &[&crate::clock::shown(&n.at, "%d-%m-%Y %H:%M"), &n.staff],
                ),
                body: n.body.clone(),
            });
        }
        Pager {
            sections,
            scroll: 0,
            page: 1,
            total: 0,
        }
    }

    pub fn on_key(&mut self, k: PagerKey) {
        let page = self.page.max(1);
        match k {
            PagerKey::Up => self.scroll = self.scroll.saturating_sub(1),
            PagerKey::Down => self.scroll += 1,
            PagerKey::PageUp => self.scroll = self.scroll.saturating_sub(page),
            PagerKey::PageDown => self.scroll += page,
            PagerKey::Top => self.scroll = 0,
            PagerKey::Bottom => self.scroll = usize::MAX,
            PagerKey::Close => {}
        }
        self.clamp();
    }

    fn clamp(&mut self) {
        self.scroll = self.scroll.min(self.total.saturating_sub(self.page));
    }

    fn lines(&self, width: usize, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
        let mut out = Vec::new();
        for s in &self.sections {
            if !out.is_empty() {
                out.push(Line::raw(""));
            }
            out.push(Line::from(Span::styled(s.title.clone(), theme.section())));
            if s.body.trim().is_empty() {
                out.push(Line::from(Span::styled(
                    Msg::PagerEmpty.get(lang).to_string(),
                    theme.placeholder(),
                )));
                continue;
            }
            let t = TextArea::new(&s.body);
            for r in t.rows(width) {
                out.push(Line::raw(t.text()[r.start..r.end].trim_end().to_string()));
            }
        }
        out
    }

    pub fn draw(&mut self, f: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        if area.height < 2 || area.width < 4 {
            return;
        }
        let width = (area.width as usize).saturating_sub(2).max(1);
        let lines = self.lines(width, lang, theme);
        // One line for where in the text the reader is.
        self.page = (area.height as usize).saturating_sub(1).max(1);
        self.total = lines.len();
        self.clamp();
        let last = (self.scroll + self.page).min(self.total);
        let shown: Vec<Line> = lines
            .into_iter()
            .skip(self.scroll)
            .take(self.page)
            .map(|l| {
                let mut spans = vec![Span::raw(" ")];
                spans.extend(l.spans);
                Line::from(spans)
            })
            .collect();
        let body = Rect {
            height: self.page as u16,
            ..area
        };
        f.render_widget(ratatui::widgets::Clear, area);
        f.render_widget(Paragraph::new(shown), body);
        let where_ = fill(
            Msg::PagerWhere.get(lang),
            &[&(self.scroll + 1).min(last), &last, &self.total],
        );
        let foot = Rect {
            y: area.y + self.page as u16,
            height: 1,
            ..area
        };
        f.render_widget(
            Paragraph::new(Line::from(Span::styled(
                crate::ui::widgets::text::truncate(&format!(" {where_}"), area.width as usize),
                theme.placeholder(),
            ))),
            foot,
        );
    }
}
