//! The agency directory (F4): type to search, a list of ranked agencies with the matched
//! letters marked, a details pane, and an agency sheet to add or edit one. Everything that
//! needs a dialog or the store is handed to the app as an `Action`.
//!
//! The list, the details pane and the agency sheet are one screen: they share the search state.

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use tui_input::Input;

use crate::domain::text::clean_line;
use tui_input::backend::crossterm::EventHandler;

use crate::domain::agency::{Agency, AgencyIssue, DirectoryFilter, Hit, Index};
use crate::domain::region;
use crate::domain::validate::format_date;
use crate::domain::vocab::{AGENCY_KINDS, SERVICES};
use crate::i18n::{Lang, Msg, fill};
use crate::ui::action::Action;
use crate::ui::keymap::{AGENCY_SHEET, DIRECTORY, Described, DirKey, SheetKey};
use crate::ui::screens::{Cx, Screen};
use crate::ui::theme::Theme;
use crate::ui::widgets::text::truncate;

pub use super::sheet_field::SheetField;

/// An agency being looked at or edited.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub agency: Agency,
    /// As loaded: unsaved changes are the difference.
    pub original: Agency,
    pub cursor: usize,
    pub issues: Vec<AgencyIssue>,
}

impl Sheet {
    pub fn new(agency: Agency) -> Sheet {
        Sheet {
            original: agency.clone(),
            agency,
            cursor: 0,
            issues: Vec::new(),
        }
    }

    pub fn changed(&self) -> bool {
        self.agency != self.original
    }

    pub fn field(&self) -> SheetField {
        SheetField::ALL[self.cursor.min(SheetField::ALL.len() - 1)]
    }
}

#[derive(Default)]
pub struct DirectoryView {
    pub agencies: Vec<Agency>,
    index: Option<Index>,
    pub query: Input,
    pub service: Option<String>,
    pub area: Option<String>,
    pub open_now: bool,
    hits: Vec<Hit>,
    cursor: usize,
    scroll: usize,
    pub sheet: Option<Sheet>,
    /// The case a referral is being made for: (case id, case number).
    pub picking_for: Option<(i64, String)>,
}

impl DirectoryView {
    /// Replaces the directory with a fresh read, keeping query, filters and the selection.
    pub fn load(&mut self, agencies: Vec<Agency>, lang: Lang, now: NaiveDateTime) {
        let keep = self.selected().map(|a| a.id);
        self.index = Some(Index::new(&agencies, lang));
        self.agencies = agencies;
        self.hits.clear();
        self.search_keeping(keep, now);
    }

    /// True once a directory has been read: `refresh` can answer from it.
    pub fn is_loaded(&self) -> bool {
        self.index.is_some()
    }

    /// The search again over what is loaded (the filters, the time for "open now", or who it
    /// is picked for may have changed), keeping the selection.
    pub fn refresh(&mut self, now: NaiveDateTime) {
        let keep = self.selected().map(|a| a.id);
        self.search_keeping(keep, now);
    }

    fn search_keeping(&mut self, keep: Option<i64>, now: NaiveDateTime) {
        self.search(now);
        if let Some(id) = keep
            && let Some(i) = self
                .hits
                .iter()
                .position(|h| self.agencies[h.index].id == id)
        {
            self.cursor = i;
        }
    }

    pub fn filter(&self, now: NaiveDateTime) -> DirectoryFilter {
        DirectoryFilter {
            service: self.service.clone(),
            area: self.area.clone(),
            open_at: self.open_now.then_some(now),
            // Picking for a referral: only agencies that can take one.
            active_only: self.picking_for.is_some(),
        }
    }

    pub fn search(&mut self, now: NaiveDateTime) {
        let f = self.filter(now);
        if let Some(ix) = &mut self.index {
            self.hits = ix.search(&self.agencies, self.query.value(), &f);
        }
        self.cursor = 0;
        self.scroll = 0;
    }

    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    pub fn selected(&self) -> Option<&Agency> {
        self.hits.get(self.cursor).map(|h| &self.agencies[h.index])
    }

    /// Every filter and the search back to nothing: the whole directory.
    pub fn clear_filters(&mut self) {
        self.query.reset();
        self.service = None;
        self.area = None;
        self.open_now = false;
        self.cursor = 0;
        self.scroll = 0;
    }

    /// A paste into the search (a name copied from a letter or a message), cleaned to one line.
    pub fn paste(&mut self, text: &str, now: NaiveDateTime) {
        if self.sheet.is_some() {
            return;
        }
        let v = format!("{}{}", self.query.value(), clean_line(text));
        self.query = Input::new(v.clone()).with_cursor(v.chars().count());
        self.search(now);
    }

    // ---- drawing -------------------------------------------------------------------------

    pub fn draw(&mut self, f: &mut Frame, area: Rect, lang: Lang, theme: &Theme, today: NaiveDate) {
        if area.height < 3 || area.width < 20 {
            return;
        }
        if let Some(s) = &self.sheet {
            draw_sheet(f, area, s, lang, theme, today);
            return;
        }
        let [top, body] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
        self.draw_search(f, top, lang, theme);
        // Side by side from 70 columns; below that the list alone (Enter shows the sheet).
        let wide = body.width >= 70;
        let (list, details) = if wide {
            let [l, d] =
                Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                    .areas(body);
            (l, Some(d))
        } else {
            (body, None)
        };
        self.draw_list(f, list, lang, theme);
        if let Some(d) = details {
            let block = Block::default()
                .borders(Borders::LEFT)
                .border_style(theme.border());
            let inner = block.inner(d);
            f.render_widget(block, d);
            match self.selected() {
                Some(a) => {
                    let lines = details_lines(a, lang, theme, inner.width as usize);
                    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
                }
                None => f.render_widget(
                    Paragraph::new(Msg::DirNoMatch.get(lang)).style(theme.placeholder()),
                    inner,
                ),
            }
        }
    }

    fn draw_search(&self, f: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let label = format!(" {} ", Msg::DirSearch.get(lang));
        let w = area.width as usize;
        let room = w.saturating_sub(label.chars().count() + 1);
        let q = self.query.value();
        let shown: String = {
            let n = q.chars().count();
            q.chars().skip(n.saturating_sub(room)).collect()
        };
        let mut line1 = vec![
            Span::styled(label.clone(), theme.label_focused()),
            Span::styled(shown.clone(), theme.value()),
            Span::styled(" ", theme.focused()),
        ];
        if q.is_empty() {
            line1.push(Span::styled(
                format!(" {}", Msg::DirSearchHint.get(lang)),
                theme.placeholder(),
            ));
        }
        let mut parts = vec![fill(
            Msg::DirCount.get(lang),
            &[&self.hits.len(), &self.agencies.len()],
        )];
        if let Some(s) = &self.service {
            parts.push(format!(
                "{}: {}",
                Msg::AgServices.get(lang),
                SERVICES.label(s, lang)
            ));
        }
        if let Some(a) = &self.area {
            parts.push(format!("{}: {}", Msg::AgAreas.get(lang), region_name(a)));
        }
        if self.open_now {
            parts.push(Msg::DirOpenNow.get(lang).to_string());
        }
        if let Some((_, no)) = &self.picking_for {
            parts.push(fill(Msg::DirPickingFor.get(lang), &[no]));
        }
        let line2 = Line::from(Span::styled(
            truncate(&format!(" {}", parts.join(" · ")), w),
            theme.placeholder(),
        ));
        f.render_widget(Paragraph::new(vec![Line::from(line1), line2]), area);
        let x = area.x + (label.chars().count() + shown.chars().count()) as u16;
        if x < area.x + area.width {
            f.set_cursor_position((x, area.y));
        }
    }

    fn draw_list(&mut self, f: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let h = area.height as usize;
        if h == 0 {
            return;
        }
        if self.cursor < self.scroll {
            self.scroll = self.cursor;
        } else if self.cursor >= self.scroll + h {
            self.scroll = self.cursor + 1 - h;
        }
        let w = area.width as usize;
        let end = (self.scroll + h).min(self.hits.len());
        if let Some(ix) = &mut self.index {
            ix.highlight(self.query.value(), &mut self.hits[self.scroll..end]);
        }
        let mut lines = Vec::with_capacity(h);
        for (row, hit) in self.hits.iter().enumerate().skip(self.scroll).take(h) {
            let a = &self.agencies[hit.index];
            let selected = row == self.cursor;
            let base = if selected {
                theme.selected()
            } else if a.active {
                theme.value()
            } else {
                theme.placeholder()
            };
            let marked = base.add_modifier(Modifier::UNDERLINED | Modifier::BOLD);
            let mut spans = vec![Span::styled(if selected { "▶ " } else { "  " }, base)];
            let suffix = if a.active {
                String::new()
            } else {
                format!(" ({})", Msg::DirInactive.get(lang))
            };
            let room = w.saturating_sub(2 + suffix.chars().count());
            let name = truncate(&a.name, room);
            // Matched letters underlined and bold: visible without colour.
            let mut run = String::new();
            let mut run_marked = false;
            for (i, c) in name.chars().enumerate() {
                let m = hit.name_matches.binary_search(&(i as u32)).is_ok();
                if m != run_marked && !run.is_empty() {
                    spans.push(Span::styled(
                        std::mem::take(&mut run),
                        if run_marked { marked } else { base },
                    ));
                }
                run_marked = m;
                run.push(c);
            }
            if !run.is_empty() {
                spans.push(Span::styled(run, if run_marked { marked } else { base }));
            }
            spans.push(Span::styled(suffix, base));
            let used: usize = spans.iter().map(|s| s.content.chars().count()).sum();
            if selected && used < w {
                spans.push(Span::styled(" ".repeat(w - used), base));
            }
            lines.push(Line::from(spans));
        }
        if self.hits.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("  {}", Msg::DirNoMatch.get(lang)),
                theme.placeholder(),
            )));
        }
        f.render_widget(Paragraph::new(lines), area);
    }
}

fn region_name(code: &str) -> String {
    region::get(code)
        .map(|r| r.name.to_string())
        .unwrap_or_else(|| code.to_string())
}

/// The text of one sheet field, as shown and as offered for editing.
pub fn field_text(a: &Agency, f: SheetField, lang: Lang) -> String {
    match f {
        SheetField::Name => a.name.clone(),
        SheetField::Kind => {
            if a.kind.is_empty() {
                String::new()
            } else {
                AGENCY_KINDS.label(&a.kind, lang).to_string()
            }
        }
        SheetField::Services => a
            .services
            .iter()
            .map(|s| SERVICES.label(s, lang))
            .collect::<Vec<_>>()
            .join(", "),
        SheetField::Areas => a
            .areas
            .iter()
            .map(|c| region_name(c))
            .collect::<Vec<_>>()
            .join(", "),
        SheetField::Address => a.address.clone(),
        SheetField::Phones => a.phones.join(", "),
        SheetField::Email => a.email.clone(),
        SheetField::Hours => a.hours.format(lang),
        SheetField::Contact => a.contact.clone(),
        SheetField::Notes => a.notes.clone(),
        SheetField::Verified => a.verified.map(format_date).unwrap_or_default(),
    }
}

fn details_lines(a: &Agency, lang: Lang, theme: &Theme, _w: usize) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(a.name.clone(), theme.section()))];
    if a.example {
        lines.push(Line::from(Span::styled(
            Msg::DirExample.get(lang).to_string(),
            theme.warning(),
        )));
    }
    if !a.active {
        lines.push(Line::from(Span::styled(
            Msg::DirInactive.get(lang).to_string(),
            theme.error(),
        )));
    }
    for f in SheetField::ALL.into_iter().skip(1) {
        let v = field_text(a, f, lang);
        let v = if v.is_empty() {
            if f == SheetField::Verified {
                Msg::AgNeverVerified.get(lang).to_string()
            } else {
                continue;
            }
        } else {
            v
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", f.label().get(lang)), theme.label_focused()),
            Span::raw(v),
        ]));
    }
    lines
}

fn issue_text(i: &AgencyIssue, lang: Lang) -> (SheetField, String) {
    match i {
        AgencyIssue::NameRequired => (SheetField::Name, Msg::AgIssueName.get(lang).into()),
        AgencyIssue::UnknownKind(k) => (SheetField::Kind, fill(Msg::AgIssueCode.get(lang), &[k])),
        AgencyIssue::UnknownService(s) => {
            (SheetField::Services, fill(Msg::AgIssueCode.get(lang), &[s]))
        }
        AgencyIssue::UnknownArea(a) => (SheetField::Areas, fill(Msg::AgIssueCode.get(lang), &[a])),
        AgencyIssue::BadPhone(p) => (SheetField::Phones, fill(Msg::AgIssuePhone.get(lang), &[p])),
        AgencyIssue::BadEmail(e) => (SheetField::Email, fill(Msg::AgIssueEmail.get(lang), &[e])),
        AgencyIssue::VerifiedInFuture => {
            (SheetField::Verified, Msg::AgIssueFuture.get(lang).into())
        }
    }
}

fn draw_sheet(f: &mut Frame, area: Rect, s: &Sheet, lang: Lang, theme: &Theme, _today: NaiveDate) {
    let title = if s.agency.id == 0 {
        Msg::AgNew.get(lang).to_string()
    } else {
        s.original.name.clone()
    };
    let mut state = Vec::new();
    if !s.agency.active {
        state.push(Msg::DirInactive.get(lang).to_string());
    }
    if s.changed() {
        state.push(Msg::AgUnsaved.get(lang).to_string());
    }
    let mut lines = vec![
        Line::from(vec![
            Span::styled(
                format!(" {} ", truncate(&title, area.width as usize / 2)),
                theme.section(),
            ),
            Span::styled(state.join(" · "), theme.warning()),
        ]),
        Line::raw(""),
    ];
    let label_w = SheetField::ALL
        .iter()
        .map(|f| f.label().get(lang).chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let w = area.width as usize;
    let issues: Vec<(SheetField, String)> = s.issues.iter().map(|i| issue_text(i, lang)).collect();
    for (n, field) in SheetField::ALL.into_iter().enumerate() {
        let focused = n == s.cursor;
        let label = format!(" {:<label_w$}", field.label().get(lang));
        let v = field_text(&s.agency, field, lang);
        let room = w.saturating_sub(label_w + 2);
        let (v, style) = if v.is_empty() {
            ("—".to_string(), theme.placeholder())
        } else {
            (truncate(&v, room), theme.value())
        };
        let style = if focused { theme.focused() } else { style };
        lines.push(Line::from(vec![
            Span::styled(
                label,
                if focused {
                    theme.label_focused()
                } else {
                    theme.label()
                },
            ),
            Span::styled(v, style),
        ]));
        for (_, text) in issues.iter().filter(|(f, _)| *f == field) {
            lines.push(Line::from(Span::styled(
                truncate(&format!("{}  ⚠ {text}", " ".repeat(label_w)), w),
                theme.error(),
            )));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        format!(" {}", Msg::AgSheetHint.get(lang)),
        theme.placeholder(),
    )));
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .style(Style::default()),
        area,
    );
}

impl DirectoryView {
    fn on_sheet_key(&mut self, key: &KeyEvent) -> Option<Action> {
        let s = self.sheet.as_mut()?;
        let n = SheetField::ALL.len();
        match AGENCY_SHEET.lookup(key)? {
            SheetKey::Up => s.cursor = s.cursor.saturating_sub(1),
            SheetKey::Down => s.cursor = (s.cursor + 1).min(n - 1),
            SheetKey::Edit => return Some(Action::AskAgencyField(s.field())),
            SheetKey::Save => return Some(Action::SaveAgency),
            SheetKey::Active => return Some(Action::AskToggleAgencyActive),
            SheetKey::Delete => return Some(Action::AskDeleteAgency),
            SheetKey::Refer if s.agency.id != 0 => return Some(Action::AskReferCase(s.agency.id)),
            SheetKey::Refer => {}
            SheetKey::Leave if s.changed() => return Some(Action::AskLeaveAgencySheet),
            SheetKey::Leave => self.sheet = None,
        }
        None
    }
}

impl Screen for DirectoryView {
    fn keys(&self) -> Vec<&'static dyn Described> {
        if self.sheet.is_some() {
            vec![&AGENCY_SHEET, &DIRECTORY]
        } else {
            vec![&DIRECTORY, &AGENCY_SHEET]
        }
    }

    fn on_key(&mut self, key: &KeyEvent, cx: &Cx) -> Option<Action> {
        if self.sheet.is_some() {
            return self.on_sheet_key(key);
        }
        let Some(k) = DIRECTORY.lookup(key) else {
            // Every other key is typed into the query.
            let before = self.query.value().to_string();
            self.query.handle_event(&Event::Key(*key));
            if self.query.value() != before {
                self.search(cx.now);
            }
            return None;
        };
        match k {
            DirKey::FilterService => return Some(Action::AskDirectoryService),
            DirKey::FilterArea => return Some(Action::AskDirectoryArea),
            DirKey::OpenNow => {
                self.open_now = !self.open_now;
                self.search(cx.now);
            }
            DirKey::ClearFilters => {
                self.clear_filters();
                self.search(cx.now);
            }
            DirKey::Add => return Some(Action::NewAgency),
            DirKey::Up => self.cursor = self.cursor.saturating_sub(1),
            DirKey::Down => {
                if self.cursor + 1 < self.hits.len() {
                    self.cursor += 1
                }
            }
            DirKey::PageUp => self.cursor = self.cursor.saturating_sub(10),
            DirKey::PageDown => {
                self.cursor = (self.cursor + 10).min(self.hits.len().saturating_sub(1))
            }
            DirKey::Open => {
                let a = self.selected()?;
                if self.picking_for.is_some() {
                    return Some(Action::PickAgency(a.id));
                }
                self.sheet = Some(Sheet::new(a.clone()));
            }
            DirKey::Leave => {
                if self.query.value().is_empty() {
                    return Some(Action::LeaveDirectory);
                }
                self.query.reset();
                self.search(cx.now);
            }
        }
        None
    }

    fn on_paste(&mut self, text: &str, cx: &Cx) -> Option<Action> {
        self.paste(text, cx.now);
        None
    }

    fn draw(&mut self, f: &mut Frame, area: Rect, cx: &Cx) {
        DirectoryView::draw(self, f, area, cx.lang, cx.theme, cx.today);
    }
}
