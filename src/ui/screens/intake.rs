//! The intake form (F2): one scrolling list of sections and fields, edited in place.
//!
//! The `Intake` is the single source of truth: every keystroke in a field is written back to
//! it at once, so the draft saved a second later holds exactly what is on screen.
//!
//! Longer than 600 lines because the form is one widget: its sections, field editing, pick-list
//! and region-picker hand-off and its drawing share the focus and scroll state.

use std::collections::HashSet;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;
use unicode_width::UnicodeWidthStr;

use crate::domain::intake::{Field, Finding, Intake, Kind, VictimField};
use crate::domain::region;
use crate::domain::text::{clean_line, clean_multiline};
use crate::domain::validate::{age_on, parse_date};
use crate::domain::{Issue, vocab};
use crate::i18n::{self, Lang, Msg, fill};
use crate::ui::theme::Theme;
use crate::ui::widgets::picklist::{PickList, Picked};
use crate::ui::widgets::regionpicker::{RegionPicked, RegionPicker};
use crate::ui::widgets::text::{skip_cells, truncate};
use crate::ui::widgets::textarea::{Edit, TextArea};

const LABEL_WIDTH: u16 = 21;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Reporter,
    Victim(usize),
    Perpetrator(usize),
    Incident,
    Triage,
    Consent,
}

fn section_of(f: Field) -> Section {
    match f {
        Field::Reporter(_) => Section::Reporter,
        Field::Victim(i, _) => Section::Victim(i),
        Field::Perpetrator(i, _) => Section::Perpetrator(i),
        Field::Incident(_) => Section::Incident,
        Field::Triage(_) => Section::Triage,
        Field::Consent(_) => Section::Consent,
    }
}

/// What a key did to the form, for the app to act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormEvent {
    Ignored,
    Consumed,
    /// The intake changed: a draft save is due.
    Changed,
}

#[derive(Debug)]
enum Editor {
    None,
    Line(Input),
    Area(TextArea),
}

#[derive(Debug)]
pub struct IntakeForm {
    pub intake: Intake,
    pub draft_id: Option<i64>,
    fields: Vec<Field>,
    focus: usize,
    editor: Editor,
    pub pick: Option<PickList>,
    pub region_pick: Option<RegionPicker>,
    /// Where the region picker starts when nothing better is known: the office's kab/kota.
    pub default_region: String,
    touched: HashSet<Field>,
    tried_save: bool,
    scroll: usize,
    /// Width of the value column at the last draw, for the multi-line editor's wrapping.
    value_width: usize,
    /// Viewing a case file: keys only move through the fields, nothing is edited.
    pub read_only: bool,
    /// Show NIKs as `3372••••••••0001` (a case file) unless `reveal_nik`.
    pub mask_nik: bool,
    pub reveal_nik: bool,
}

impl IntakeForm {
    pub fn new(intake: Intake, draft_id: Option<i64>) -> Self {
        let mut f = IntakeForm {
            // Until the first key or frame brings `today` (see `refresh_fields`).
            fields: intake.fields(),
            intake,
            draft_id,
            focus: 0,
            editor: Editor::None,
            pick: None,
            region_pick: None,
            default_region: String::new(),
            touched: HashSet::new(),
            tried_save: false,
            scroll: 0,
            value_width: 50,
            read_only: false,
            mask_nik: false,
            reveal_nik: false,
        };
        f.enter_field();
        f
    }

    /// Puts `intake` in the form (a merge after a refused save), keeping the focus.
    pub fn replace_intake(&mut self, intake: Intake) {
        self.intake = intake;
        self.enter_field();
    }

    pub fn focused(&self) -> Field {
        self.fields[self.focus]
    }

    /// Every field of a resumed draft counts as visited, so its problems show at once.
    pub fn mark_all_touched(&mut self) {
        self.touched.extend(self.fields.iter().copied());
    }

    pub fn focus_field(&mut self, f: Field, today: NaiveDate) {
        if let Some(i) = self.fields.iter().position(|x| *x == f) {
            self.move_to(i, today);
        }
    }

    fn enter_field(&mut self) {
        let f = self.focused();
        self.editor = match f.kind() {
            Kind::One(_) | Kind::Many(_) | Kind::Region => Editor::None,
            Kind::LongText => Editor::Area(TextArea::new(self.intake.text(f).unwrap_or(""))),
            _ => {
                let v = self.intake.text(f).unwrap_or("").to_string();
                let n = v.chars().count();
                Editor::Line(Input::new(v).with_cursor(n))
            }
        };
    }

    /// Leaves the focused field: its text is put in canonical form and its problems shown.
    fn leave_field(&mut self, today: NaiveDate) -> bool {
        if self.read_only {
            return false;
        }
        let f = self.focused();
        let before = self.intake.text(f).map(str::to_string);
        self.intake.normalize(f, today);
        self.touched.insert(f);
        before.as_deref() != self.intake.text(f)
    }

    fn move_to(&mut self, i: usize, today: NaiveDate) -> FormEvent {
        let i = i.min(self.fields.len() - 1);
        let changed = self.leave_field(today);
        self.focus = i;
        self.enter_field();
        if changed {
            FormEvent::Changed
        } else {
            FormEvent::Consumed
        }
    }

    /// The fields asked now (`Intake::asked`): an answer can hide or bring back others (an
    /// adult victim is not asked for AMPK). The focused field keeps focus and its editor; if
    /// it is no longer asked, focus goes to the next field that is.
    fn refresh_fields(&mut self, today: NaiveDate) {
        let asked = self.intake.asked(today);
        if asked == self.fields {
            return;
        }
        let cur = self.focused();
        let all = self.intake.fields();
        let after = all.iter().position(|x| *x == cur).unwrap_or(0);
        let keep = asked.iter().position(|x| *x == cur);
        self.fields = asked;
        match keep {
            Some(i) => self.focus = i,
            None => {
                self.focus = all[after..]
                    .iter()
                    .find_map(|f| self.fields.iter().position(|x| x == f))
                    .unwrap_or(self.fields.len() - 1);
                self.enter_field();
            }
        }
    }

    /// Rebuilds the field list after a victim or perpetrator was added or removed.
    fn rebuild(&mut self, focus: Field) {
        self.fields = self.intake.fields();
        self.focus = self.fields.iter().position(|x| *x == focus).unwrap_or(0);
        self.enter_field();
    }

    pub fn add_victim(&mut self, today: NaiveDate) -> FormEvent {
        self.leave_field(today);
        let i = self.intake.add_victim();
        self.rebuild(Field::Victim(i, VictimField::Name));
        FormEvent::Changed
    }

    pub fn add_perpetrator(&mut self, today: NaiveDate) -> FormEvent {
        self.leave_field(today);
        let i = self.intake.add_perpetrator();
        self.rebuild(Field::Perpetrator(
            i,
            crate::domain::intake::PerpetratorField::Name,
        ));
        FormEvent::Changed
    }

    /// The victim or perpetrator whose field has focus.
    pub fn person_at_focus(&self) -> Option<Section> {
        match section_of(self.focused()) {
            s @ (Section::Victim(_) | Section::Perpetrator(_)) => Some(s),
            _ => None,
        }
    }

    pub fn remove_person(&mut self, who: Section) -> bool {
        let removed = match who {
            Section::Victim(i) => self.intake.remove_victim(i),
            Section::Perpetrator(i) => self.intake.remove_perpetrator(i),
            _ => false,
        };
        if removed {
            let keep = self.focus.min(self.intake.fields().len() - 1);
            self.fields = self.intake.fields();
            self.focus = keep;
            self.enter_field();
        }
        removed
    }

    pub fn attempted_save(&mut self) {
        self.tried_save = true;
    }

    pub fn handle(&mut self, ev: &Event, today: NaiveDate) -> FormEvent {
        self.refresh_fields(today);
        let out = match ev {
            Event::Paste(s) => self.paste(s),
            Event::Key(key) => self.key(key, today),
            _ => FormEvent::Ignored,
        };
        if out == FormEvent::Changed {
            self.refresh_fields(today);
        }
        out
    }

    /// F7 / Ctrl-O: the focused victim's KTP address becomes her domicile too.
    pub fn copy_address_to_domicile(&mut self) -> FormEvent {
        let Some(Section::Victim(i)) = self.person_at_focus() else {
            return FormEvent::Ignored;
        };
        if self.read_only || !self.intake.copy_address_to_domicile(i) {
            return FormEvent::Ignored;
        }
        self.touched.insert(Field::Victim(i, VictimField::Domicile));
        // The field being edited may be the domicile itself: show the copied text in it.
        self.enter_field();
        FormEvent::Changed
    }

    fn paste(&mut self, s: &str) -> FormEvent {
        if self.read_only {
            return FormEvent::Ignored;
        }
        let f = self.focused();
        match &mut self.editor {
            Editor::Line(input) => {
                let clean = clean_line(s);
                let cur = input.cursor();
                let mut v: Vec<char> = input.value().chars().collect();
                let ins: Vec<char> = clean.chars().collect();
                let n = ins.len();
                v.splice(cur..cur, ins);
                let v: String = v.into_iter().collect();
                *input = Input::new(v.clone()).with_cursor(cur + n);
                if let Some(t) = self.intake.text_mut(f) {
                    *t = v;
                }
                FormEvent::Changed
            }
            Editor::Area(area) => {
                area.insert_str(&clean_multiline(s));
                if let Some(t) = self.intake.text_mut(f) {
                    *t = area.text().to_string();
                }
                FormEvent::Changed
            }
            Editor::None => FormEvent::Ignored,
        }
    }

    fn next_section_start(&self, forward: bool) -> usize {
        let cur = section_of(self.focused());
        if forward {
            (self.focus..self.fields.len())
                .find(|&i| section_of(self.fields[i]) != cur)
                .unwrap_or(self.focus)
        } else {
            // Start of this section, or of the previous one when already at its start.
            let start = (0..=self.focus)
                .rev()
                .take_while(|&i| section_of(self.fields[i]) == cur)
                .last()
                .unwrap_or(self.focus);
            if start < self.focus || start == 0 {
                return start;
            }
            let prev = section_of(self.fields[start - 1]);
            (0..start)
                .rev()
                .take_while(|&i| section_of(self.fields[i]) == prev)
                .last()
                .unwrap_or(start)
        }
    }

    fn key(&mut self, key: &KeyEvent, today: NaiveDate) -> FormEvent {
        let f = self.focused();
        if self.read_only {
            let last = self.fields.len() - 1;
            return match key.code {
                KeyCode::Down | KeyCode::Tab => self.move_to((self.focus + 1).min(last), today),
                KeyCode::Up | KeyCode::BackTab => self.move_to(self.focus.saturating_sub(1), today),
                KeyCode::PageDown => self.move_to(self.next_section_start(true), today),
                KeyCode::PageUp => self.move_to(self.next_section_start(false), today),
                KeyCode::Home => self.move_to(0, today),
                KeyCode::End => self.move_to(last, today),
                _ => FormEvent::Ignored,
            };
        }
        if let Some(rp) = &mut self.region_pick {
            return match rp.handle(key) {
                RegionPicked::Stay => FormEvent::Consumed,
                RegionPicked::Cancel => {
                    self.region_pick = None;
                    FormEvent::Consumed
                }
                RegionPicked::Done(code) => {
                    self.region_pick = None;
                    self.touched.insert(f);
                    if let Some(t) = self.intake.text_mut(f) {
                        *t = code;
                    }
                    self.move_to(self.focus + 1, today);
                    FormEvent::Changed
                }
            };
        }
        if let Some(pick) = &mut self.pick {
            return match pick.handle(key) {
                Picked::Stay => FormEvent::Consumed,
                Picked::Cancel => {
                    self.pick = None;
                    FormEvent::Consumed
                }
                Picked::Done(codes) => {
                    self.pick = None;
                    self.touched.insert(f);
                    match f.kind() {
                        Kind::Many(_) => {
                            if let Some(c) = self.intake.codes_mut(f) {
                                *c = codes;
                            }
                        }
                        _ => {
                            if let Some(t) = self.intake.text_mut(f) {
                                *t = codes.into_iter().next().unwrap_or_default();
                            }
                        }
                    }
                    // A choice made, the next field is where the person looks next.
                    self.move_to(self.focus + 1, today);
                    FormEvent::Changed
                }
            };
        }
        let shift = key.modifiers.contains(KeyModifiers::SHIFT);
        let last = self.fields.len() - 1;
        match key.code {
            KeyCode::Tab if !shift => return self.move_to((self.focus + 1).min(last), today),
            KeyCode::BackTab | KeyCode::Tab => {
                return self.move_to(self.focus.saturating_sub(1), today);
            }
            KeyCode::PageDown => return self.move_to(self.next_section_start(true), today),
            KeyCode::PageUp => return self.move_to(self.next_section_start(false), today),
            _ => {}
        }
        match &mut self.editor {
            Editor::Area(area) => {
                let edit = area.handle(key, self.value_width);
                match edit {
                    Edit::Changed => {
                        if let Some(t) = self.intake.text_mut(f) {
                            *t = area.text().to_string();
                        }
                        FormEvent::Changed
                    }
                    Edit::Moved => FormEvent::Consumed,
                    Edit::LeaveUp => self.move_to(self.focus.saturating_sub(1), today),
                    Edit::LeaveDown => self.move_to((self.focus + 1).min(last), today),
                    Edit::Ignored => FormEvent::Ignored,
                }
            }
            Editor::Line(input) => match key.code {
                KeyCode::Up => self.move_to(self.focus.saturating_sub(1), today),
                KeyCode::Down | KeyCode::Enter => self.move_to((self.focus + 1).min(last), today),
                _ => match input.handle_event(&Event::Key(*key)) {
                    Some(state) if state.value => {
                        if let Some(t) = self.intake.text_mut(f) {
                            *t = input.value().to_string();
                        }
                        FormEvent::Changed
                    }
                    Some(_) => FormEvent::Consumed,
                    None => FormEvent::Ignored,
                },
            },
            Editor::None if f.kind() == Kind::Region => {
                let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
                match key.code {
                    KeyCode::Up => self.move_to(self.focus.saturating_sub(1), today),
                    KeyCode::Down => self.move_to((self.focus + 1).min(last), today),
                    KeyCode::Enter | KeyCode::Char(' ') => {
                        self.region_pick = Some(self.open_region_picker(f));
                        FormEvent::Consumed
                    }
                    KeyCode::Char(_) if !ctrl => {
                        let mut rp = self.open_region_picker(f);
                        rp.handle(key);
                        self.region_pick = Some(rp);
                        FormEvent::Consumed
                    }
                    KeyCode::Backspace | KeyCode::Delete => match self.intake.text_mut(f) {
                        Some(t) if !t.is_empty() => {
                            t.clear();
                            FormEvent::Changed
                        }
                        _ => FormEvent::Consumed,
                    },
                    _ => FormEvent::Ignored,
                }
            }
            Editor::None => {
                let (vocab, multi) = match f.kind() {
                    Kind::One(v) => (v, false),
                    Kind::Many(v) => (v, true),
                    _ => return FormEvent::Ignored,
                };
                let current: Vec<String> = match self.intake.codes(f) {
                    Some(c) => c.clone(),
                    None => self
                        .intake
                        .text(f)
                        .filter(|s| !s.is_empty())
                        .map(|s| vec![s.to_string()])
                        .unwrap_or_default(),
                };
                let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
                match key.code {
                    KeyCode::Up => self.move_to(self.focus.saturating_sub(1), today),
                    KeyCode::Down => self.move_to((self.focus + 1).min(last), today),
                    KeyCode::Enter | KeyCode::Char(' ') => {
                        self.pick = Some(PickList::new(vocab, multi, &current, String::new()));
                        FormEvent::Consumed
                    }
                    KeyCode::Char(c) if !ctrl => {
                        self.pick = Some(PickList::new(vocab, multi, &current, c.to_string()));
                        FormEvent::Consumed
                    }
                    KeyCode::Backspace | KeyCode::Delete if !current.is_empty() => {
                        if let Some(c) = self.intake.codes_mut(f) {
                            c.clear();
                        } else if let Some(t) = self.intake.text_mut(f) {
                            t.clear();
                        }
                        FormEvent::Changed
                    }
                    _ => FormEvent::Ignored,
                }
            }
        }
    }

    /// The picker for a region field, starting from its value, the victim's NIK, or the
    /// office's kab/kota.
    fn open_region_picker(&self, f: Field) -> RegionPicker {
        let current = self.intake.text(f).unwrap_or("").to_string();
        let suggestion = match f {
            Field::Victim(i, _) => self
                .intake
                .victims
                .get(i)
                .and_then(|v| crate::domain::validate::parse_nik(&v.nik).ok())
                .and_then(|n| region::nik_kecamatan(&n.region)),
            _ => None,
        };
        RegionPicker::new(&current, suggestion.as_deref(), &self.default_region)
    }

    /// Findings to show beside `f` now: "required" only after a save attempt, other problems
    /// once the person has left the field (a half-typed date is not an error yet).
    fn shown_findings(&self, findings: &[Finding], f: Field) -> Vec<Issue> {
        findings
            .iter()
            .filter(|x| x.field == f)
            .filter(|x| {
                if matches!(
                    x.issue,
                    Issue::Required | Issue::AgeRequired | Issue::AmpkRequiredForChild
                ) {
                    self.tried_save
                } else {
                    self.tried_save || self.touched.contains(&f)
                }
            })
            .map(|x| x.issue)
            .collect()
    }

    fn section_title(&self, s: Section, lang: Lang) -> String {
        match s {
            Section::Reporter => Msg::SecReporter.get(lang).to_string(),
            Section::Victim(i) => format!(
                "{} {}/{}",
                Msg::SecVictim.get(lang),
                i + 1,
                self.intake.victims.len()
            ),
            Section::Perpetrator(i) => {
                format!(
                    "{} {}/{}",
                    Msg::SecPerpetrator.get(lang),
                    i + 1,
                    self.intake.perpetrators.len()
                )
            }
            Section::Incident => Msg::SecIncident.get(lang).to_string(),
            Section::Triage => Msg::SecTriage.get(lang).to_string(),
            Section::Consent => Msg::SecConsent.get(lang).to_string(),
        }
    }

    /// Draws the form into `area`; returns nothing, sets the cursor when a text field has focus.
    pub fn draw(&mut self, f: &mut Frame, area: Rect, lang: Lang, theme: &Theme, today: NaiveDate) {
        if area.height == 0 || area.width == 0 {
            return;
        }
        self.refresh_fields(today);
        let value_w = area.width.saturating_sub(LABEL_WIDTH + 1).max(1) as usize;
        self.value_width = value_w;
        let findings = self.intake.check(today);
        let mut lines: Vec<Line> = Vec::new();
        let mut focus_rows = (0usize, 0usize);
        let mut cursor: Option<(usize, u16)> = None;
        let mut last_section: Option<Section> = None;

        let header = |title: String, w: u16| -> Line<'static> {
            let text = format!("── {title} ");
            let fill_n = (w as usize).saturating_sub(text.width());
            Line::from(Span::styled(
                format!("{text}{}", "─".repeat(fill_n)),
                theme.section(),
            ))
        };

        for (idx, &field) in self.fields.iter().enumerate() {
            let sec = section_of(field);
            if last_section != Some(sec) {
                // The (empty) perpetrator list sits between the victims and the incident.
                if matches!(sec, Section::Incident) && self.intake.perpetrators.is_empty() {
                    lines.push(header(
                        Msg::SecPerpetrator.get(lang).to_string(),
                        area.width,
                    ));
                    lines.push(Line::from(Span::styled(
                        format!("  {}", Msg::NoPerpetrator.get(lang)),
                        theme.placeholder(),
                    )));
                }
                lines.push(header(self.section_title(sec, lang), area.width));
                last_section = Some(sec);
            }
            let focused = idx == self.focus && !self.read_only;
            let start = lines.len();
            let mut label = i18n::field_label(field, lang).to_string();
            if field.required() {
                label.push('*');
            }
            // Only the label's text takes the focus style, not the padding after it: moving
            // the focus then rewrites the two labels, not two runs of styled spaces (issue 21:
            // bytes per Tab over a slow line).
            let label_text = truncate(&label, LABEL_WIDTH as usize);
            let label_pad = (LABEL_WIDTH as usize + 1).saturating_sub(label_text.width());
            let label_span = vec![
                Span::styled(
                    label_text,
                    if focused {
                        theme.label_focused()
                    } else {
                        theme.label()
                    },
                ),
                Span::raw(" ".repeat(label_pad)),
            ];
            let value_style = if focused {
                theme.focused()
            } else {
                theme.value()
            };
            match (&self.editor, field.kind()) {
                (Editor::Line(input), _) if focused => {
                    let scroll = input.visual_scroll(value_w.saturating_sub(1));
                    let shown: String = skip_cells(input.value(), scroll);
                    let shown = truncate(&shown, value_w);
                    cursor = Some((
                        lines.len(),
                        LABEL_WIDTH + 1 + (input.visual_cursor().saturating_sub(scroll)) as u16,
                    ));
                    lines.push(row(label_span, Span::styled(chip(shown), value_style)));
                }
                (Editor::Area(area_ed), Kind::LongText) if focused => {
                    let rows = area_ed.rows(value_w);
                    let (cr, cc) = area_ed.cursor_pos(value_w);
                    for (i, r) in rows.iter().enumerate() {
                        let text = &area_ed.text()[r.start..r.end];
                        let lead = if i == 0 {
                            label_span.clone()
                        } else {
                            vec![Span::raw(" ".repeat(LABEL_WIDTH as usize + 1))]
                        };
                        if i == cr {
                            cursor = Some((lines.len(), LABEL_WIDTH + 1 + cc as u16));
                        }
                        let text = if i == 0 {
                            chip(text.to_string())
                        } else {
                            text.to_string()
                        };
                        lines.push(row(lead, Span::styled(text, value_style)));
                    }
                }
                (_, Kind::LongText) => {
                    let text = self.intake.text(field).unwrap_or("");
                    let ed = TextArea::new(text);
                    let rows = ed.rows(value_w);
                    if text.is_empty() {
                        lines.push(row(
                            label_span.clone(),
                            self.placeholder_span(field, lang, theme),
                        ));
                    }
                    for (i, r) in rows.iter().take(3).enumerate().filter(|_| !text.is_empty()) {
                        let lead = if i == 0 {
                            label_span.clone()
                        } else {
                            vec![Span::raw(" ".repeat(LABEL_WIDTH as usize + 1))]
                        };
                        let mut t = text[r.start..r.end].to_string();
                        if i == 2 && rows.len() > 3 {
                            t = format!("{}…", truncate(&t, value_w.saturating_sub(1)));
                        }
                        lines.push(row(lead, Span::styled(t, theme.value())));
                    }
                }
                (_, kind) => {
                    let shown = match kind {
                        Kind::One(v) => self
                            .intake
                            .text(field)
                            .filter(|s| !s.is_empty())
                            .map(|c| v.label(c, lang).to_string()),
                        Kind::Region => self
                            .intake
                            .text(field)
                            .filter(|s| !s.is_empty())
                            .map(region::describe),
                        Kind::Many(v) => {
                            self.intake.codes(field).filter(|c| !c.is_empty()).map(|c| {
                                c.iter()
                                    .map(|x| short_label(v, x, lang))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            })
                        }
                        Kind::Nik if self.mask_nik && !self.reveal_nik => self
                            .intake
                            .text(field)
                            .filter(|s| !s.is_empty())
                            .map(crate::domain::text::mask_nik),
                        _ => self
                            .intake
                            .text(field)
                            .filter(|s| !s.is_empty())
                            .map(str::to_string),
                    };
                    let span = match shown {
                        Some(s) => Span::styled(truncate(&s, value_w), value_style),
                        None if focused => {
                            let hint = match kind {
                                Kind::One(_) | Kind::Many(_) | Kind::Region => {
                                    format!("‹Enter: {}›", Msg::KeyPick.get(lang))
                                }
                                _ => String::new(),
                            };
                            Span::styled(chip(truncate(&hint, value_w)), value_style)
                        }
                        None => self.placeholder_span(field, lang, theme),
                    };
                    lines.push(row(label_span, span));
                }
            }
            // A birth date that parses shows the age it gives.
            if let Field::Victim(_, VictimField::BirthDate) = field
                && let Some(text) = self.intake.text(field)
                && let Ok(b) = parse_date(text, today)
            {
                let age = age_on(b, today);
                let band = vocab::age_band(age);
                lines.push(Line::from(Span::styled(
                    format!(
                        "{:w$}{} · {}",
                        "",
                        fill(Msg::AgeFromBirth.get(lang), &[&age]),
                        band,
                        w = LABEL_WIDTH as usize + 1
                    ),
                    theme.placeholder(),
                )));
            }
            for issue in self.shown_findings(&findings, field) {
                let (mark, style) = if issue.is_warning() {
                    ("? ", theme.warning())
                } else {
                    ("! ", theme.error())
                };
                lines.push(Line::from(Span::styled(
                    format!(
                        "{:w$}{mark}{}",
                        "",
                        i18n::issue(issue, lang),
                        w = LABEL_WIDTH as usize + 1
                    ),
                    style,
                )));
            }
            if idx == self.focus {
                focus_rows = (start, lines.len().saturating_sub(1));
                if let Some((row, _)) = cursor {
                    focus_rows = (row, row.max(start));
                }
            }
        }

        // Keep the focused field (or the cursor row of a long text) in view, with its
        // section header when there is room.
        let h = area.height as usize;
        let (a, b) = focus_rows;
        let want_top = a.saturating_sub(1);
        if want_top < self.scroll {
            self.scroll = want_top;
        }
        if b >= self.scroll + h {
            self.scroll = b + 1 - h;
        }
        self.scroll = self.scroll.min(lines.len().saturating_sub(1));
        let visible: Vec<Line> = lines.into_iter().skip(self.scroll).take(h).collect();
        f.render_widget(Paragraph::new(visible), area);
        if let Some((row, x)) = cursor
            && row >= self.scroll
            && row < self.scroll + h
            && self.pick.is_none()
            && self.region_pick.is_none()
        {
            f.set_cursor_position((
                area.x + x.min(area.width.saturating_sub(1)),
                area.y + (row - self.scroll) as u16,
            ));
        }
        if let Some(pick) = &self.pick {
            pick.draw(
                f,
                area,
                i18n::field_label(self.focused(), lang),
                lang,
                theme,
            );
        }
        if let Some(rp) = &self.region_pick {
            rp.draw(f, area, lang, theme);
        }
    }

    fn placeholder_span(&self, _field: Field, lang: Lang, theme: &Theme) -> Span<'static> {
        Span::styled(Msg::NoneChosen.get(lang).to_string(), theme.placeholder())
    }
}

/// A form row: the label's spans, then the value.
fn row(mut lead: Vec<Span<'static>>, value: Span<'static>) -> Line<'static> {
    lead.push(value);
    Line::from(lead)
}

/// The focused value as it is highlighted: its own text, or one cell when it is empty, so
/// that an empty field still shows where the focus is without colour. Not padded to the
/// width of the form: a Tab then rewrites the two values, not two lines of reversed spaces
/// (issue 21: a Tab over a 9600-baud line).
fn chip(text: String) -> String {
    if text.is_empty() { " ".into() } else { text }
}

/// Long AMPK labels shortened to their letter and a few words on the form line; the
/// pick-list shows them whole.
fn short_label(v: vocab::Vocab, code: &str, lang: Lang) -> String {
    if v.name == vocab::AMPK.name {
        return i18n::ampk_short(code, lang);
    }
    v.label(code, lang).to_string()
}
