//! The case file: everything recorded on a case (the intake form's widgets, read-only until
//! `e`), and its timeline of stage changes, edits, assignments and notes.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::domain::case::{CaseFile, Stage};
use crate::domain::intake::Intake;
use crate::domain::referral::Referral;
use crate::domain::validate::format_date;
use crate::domain::vocab;
use crate::i18n::{Lang, Msg, fill};
use crate::ui::action::Action;
use crate::ui::keymap::{self, CASE, CASE_REFERRALS, CaseKey, Described};
use crate::ui::keys::{self, FormKey};
use crate::ui::screens::intake::IntakeForm;
use crate::ui::screens::{Cx, Screen};
use crate::ui::theme::Theme;
use crate::ui::widgets::text::truncate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Data,
    /// Services given (layanan diberikan).
    Services,
    /// Follow-ups (pemantauan).
    FollowUps,
    Timeline,
    Referrals,
}

impl Tab {
    pub fn next(self) -> Tab {
        match self {
            Tab::Data => Tab::Services,
            Tab::Services => Tab::FollowUps,
            Tab::FollowUps => Tab::Timeline,
            Tab::Timeline => Tab::Referrals,
            Tab::Referrals => Tab::Data,
        }
    }
}

/// The records after intake the tabs show, loaded by the effects when the case opens or is
/// read again.
#[derive(Debug, Default)]
pub struct RecordLists {
    pub services: Vec<crate::domain::service::ServiceGiven>,
    pub follow_ups: Vec<crate::domain::followup::FollowUp>,
    /// (person id, name) of the case's victims.
    pub victims: Vec<(i64, String)>,
    /// (agency id, name) of the agencies that gave a service.
    pub agencies: Vec<(i64, String)>,
}

#[derive(Debug)]
pub struct CaseView {
    pub file: CaseFile,
    pub form: IntakeForm,
    /// The intake as it was when editing began: what "someone else changed" is measured from.
    pub base: Intake,
    /// The case's version `base` was read at: every save is checked against it, never
    /// against a newer file read in the background while editing (that would let the save
    /// overwrite what the newer file brought).
    pub base_version: i64,
    /// After a refused save: fields both workers changed, still to be decided.
    pub contested: Vec<crate::domain::merge::Contested>,
    pub editing: bool,
    pub tab: Tab,
    pub scroll: u16,
    pub referrals: Vec<Referral>,
    pub ref_cursor: usize,
    pub records: RecordLists,
}

fn when(ts: &str) -> String {
    crate::clock::shown(ts, "%d-%m-%Y %H:%M")
}

impl CaseView {
    pub fn new(file: CaseFile) -> CaseView {
        let mut form = IntakeForm::new(file.intake.clone(), None);
        form.read_only = true;
        form.mask_nik = true;
        CaseView {
            base: file.intake.clone(),
            base_version: file.card.version,
            contested: Vec::new(),
            form,
            file,
            editing: false,
            tab: Tab::Data,
            scroll: 0,
            referrals: Vec::new(),
            ref_cursor: 0,
            records: RecordLists::default(),
        }
    }

    /// Replaces the file with a fresh read, keeping an edit in progress.
    pub fn refresh(&mut self, file: CaseFile) {
        if !self.editing {
            let focus = self.form.focused();
            let reveal = self.form.reveal_nik;
            self.form = IntakeForm::new(file.intake.clone(), None);
            self.form.read_only = true;
            self.form.mask_nik = true;
            self.form.reveal_nik = reveal;
            self.form.focus_field(focus, NaiveDate::MIN);
            self.base = file.intake.clone();
            self.base_version = file.card.version;
        }
        self.file = file;
    }

    /// Whether any person in the case has a NIK (so a reveal shows something).
    pub fn has_nik(&self) -> bool {
        let i = &self.file.intake;
        i.victims.iter().any(|v| !v.nik.is_empty())
    }

    pub fn start_edit(&mut self) {
        self.base = self.file.intake.clone();
        self.base_version = self.file.card.version;
        self.contested.clear();
        let focus = self.form.focused();
        self.form = IntakeForm::new(self.file.intake.clone(), None);
        self.form.focus_field(focus, NaiveDate::MIN);
        self.editing = true;
        self.tab = Tab::Data;
    }

    pub fn stop_edit(&mut self) {
        self.editing = false;
        self.contested.clear();
        let focus = self.form.focused();
        self.form = IntakeForm::new(self.file.intake.clone(), None);
        self.form.read_only = true;
        self.form.mask_nik = true;
        self.form.focus_field(focus, NaiveDate::MIN);
    }

    fn timeline(&self, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
        // History rows and notes merged, newest first. A note's history row only marks
        // that it was written; the note itself carries the words.
        let mut items: Vec<(String, Vec<Line<'static>>)> = Vec::new();
        for h in self
            .file
            .history
            .iter()
            .filter(|h| h.action.trim_start_matches("asal:") != "catatan")
        {
            let label = |v: &Option<String>| -> String {
                let v = v.clone().unwrap_or_default();
                if h.field.as_deref() == Some("tahap") {
                    vocab::STAGES.label(&v, lang).to_string()
                } else if v.is_empty() {
                    "—".into()
                } else {
                    v
                }
            };
            // History copied from another office on a transfer is marked `asal:`.
            let (origin, action) = match h.action.strip_prefix("asal:") {
                Some(a) => (true, a),
                None => (false, h.action.as_str()),
            };
            let what = match action {
                "dibuka" => Msg::TlOpened.get(lang).to_string(),
                "pindah_keluar" => fill(
                    Msg::TlTransferOut.get(lang),
                    &[&h.note.clone().unwrap_or_default()],
                ),
                "pindah_masuk" => {
                    let n = h.note.clone().unwrap_or_default();
                    let (office, number) = n.rsplit_once(": ").unwrap_or((n.as_str(), ""));
                    fill(Msg::TlTransferIn.get(lang), &[&office, &number])
                }
                "tahap" | "tahap_mundur" | "ditutup" | "dibuka_kembali" => {
                    fill(Msg::TlStage.get(lang), &[&label(&h.old), &label(&h.new)])
                }
                "tahap_tanpa_rencana" => fill(
                    Msg::TlStageNoPlan.get(lang),
                    &[&label(&h.old), &label(&h.new)],
                ),
                "ditugaskan" => fill(Msg::TlAssigned.get(lang), &[&label(&h.new)]),
                "diubah" => fill(
                    Msg::TlEdited.get(lang),
                    &[
                        &h.field.clone().unwrap_or_default(),
                        &label(&h.old),
                        &label(&h.new),
                    ],
                ),
                "rujukan" => fill(Msg::TlReferred.get(lang), &[&label(&h.new)]),
                "status_rujukan" => fill(
                    Msg::TlReferralStatus.get(lang),
                    &[
                        &vocab::REFERRAL_STATUS.label(&label(&h.old), lang),
                        &vocab::REFERRAL_STATUS.label(&label(&h.new), lang),
                    ],
                ),
                "tanpa_persetujuan" => Msg::TlNoConsent.get(lang).to_string(),
                other => other.to_string(),
            };
            let what = if origin {
                fill(Msg::TlOrigin.get(lang), &[&what])
            } else {
                what
            };
            let mut lines = vec![Line::from(vec![
                Span::styled(format!("{} {} ", when(&h.at), h.staff), theme.placeholder()),
                Span::raw(what),
            ])];
            let told = matches!(action, "pindah_keluar" | "pindah_masuk");
            if let Some(n) = h.note.as_ref().filter(|_| !told) {
                let n = if action == "ditutup" {
                    let (code, rest) = n.split_once(": ").unwrap_or((n.as_str(), ""));
                    let reason = vocab::CLOSURE_REASONS.label(code, lang);
                    if rest.is_empty() {
                        reason.to_string()
                    } else {
                        format!("{reason}: {rest}")
                    }
                } else {
                    n.clone()
                };
                lines.push(Line::raw(format!("    {}: {n}", Msg::TlReason.get(lang))));
            }
            items.push((h.at.clone(), lines));
        }
        for n in &self.file.notes {
            let mut lines = vec![Line::from(vec![
                Span::styled(format!("{} {} ", when(&n.at), n.staff), theme.placeholder()),
                Span::styled(Msg::TlNote.get(lang).to_string(), theme.section()),
            ])];
            lines.extend(n.body.lines().map(|l| Line::raw(format!("    {l}"))));
            items.push((n.at.clone(), lines));
        }
        items.sort_by(|a, b| b.0.cmp(&a.0));
        items.into_iter().flat_map(|(_, l)| l).collect()
    }

    pub fn selected_referral(&self) -> Option<&Referral> {
        self.referrals.get(self.ref_cursor)
    }

    fn referral_lines(
        &self,
        lang: Lang,
        theme: &Theme,
        today: NaiveDate,
        w: usize,
    ) -> Vec<Line<'static>> {
        if self.referrals.is_empty() {
            return vec![
                Line::raw(""),
                Line::from(Span::styled(
                    format!("  {}", Msg::RefNone.get(lang)),
                    theme.placeholder(),
                )),
            ];
        }
        let mut lines = Vec::new();
        for (i, r) in self.referrals.iter().enumerate() {
            let selected = i == self.ref_cursor;
            let head = fill(
                Msg::RefRow.get(lang),
                &[
                    &vocab::REFERRAL_STATUS.label(r.status.code(), lang),
                    &r.agency_name,
                    &vocab::SERVICES.label(&r.service, lang),
                ],
            );
            let mark = if selected { "▶ " } else { "  " };
            let style = if selected {
                theme.selected()
            } else {
                theme.value()
            };
            let mut spans = vec![Span::styled(
                truncate(&format!("{mark}{head}"), w.saturating_sub(12)),
                style,
            )];
            if r.overdue(today) {
                spans.push(Span::styled(
                    format!(" {}", Msg::RefOverdue.get(lang)),
                    theme.error(),
                ));
            }
            lines.push(Line::from(spans));
            let mut meta = vec![format!("{} {}", format_date(r.created), r.created_by)];
            if let Some(d) = r.follow_up {
                meta.push(fill(Msg::RefFollowUp.get(lang), &[&format_date(d)]));
            }
            if let Some(n) = &r.letter_number {
                meta.push(fill(Msg::RefLetterNo.get(lang), &[n]));
            }
            lines.push(Line::from(Span::styled(
                format!("    {}", meta.join(" · ")),
                theme.placeholder(),
            )));
            lines.push(Line::raw(format!("    {}", r.reason)));
            if let Some(o) = &r.override_reason {
                lines.push(Line::from(Span::styled(
                    format!("    {}", fill(Msg::RefOverrideShown.get(lang), &[o])),
                    theme.warning(),
                )));
            }
            if !r.status_note.is_empty() {
                lines.push(Line::raw(format!(
                    "    {}: {}",
                    Msg::TlReason.get(lang),
                    r.status_note
                )));
            }
        }
        lines
    }

    /// The Layanan tab: each service given, newest first, with whom and by whom.
    fn service_lines(&self, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
        let r = &self.records;
        if r.services.is_empty() {
            return vec![Line::from(Span::styled(
                Msg::ServicesNone.get(lang).to_string(),
                theme.placeholder(),
            ))];
        }
        let mut lines = Vec::new();
        for g in r.services.iter().rev() {
            let victim = r
                .victims
                .iter()
                .find(|v| v.0 == g.victim_id)
                .map_or("—", |v| v.1.as_str());
            let by = match &g.given_by {
                crate::domain::plan::Doer::Staff(s) => s.clone(),
                crate::domain::plan::Doer::Agency(a) => r
                    .agencies
                    .iter()
                    .find(|x| x.0 == *a)
                    .map_or_else(|| a.to_string(), |x| x.1.clone()),
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{} ", format_date(g.date)), theme.placeholder()),
                Span::styled(
                    vocab::SERVICES.label(&g.service, lang).to_string(),
                    theme.value(),
                ),
                Span::raw(format!(
                    " — {victim} — {}",
                    fill(Msg::GivenBy.get(lang), &[&by])
                )),
            ]));
            if !g.note.is_empty() {
                lines.push(Line::raw(format!("    {}", g.note)));
            }
        }
        lines
    }

    /// The Pemantauan tab: each follow-up, newest first, with what was found.
    fn follow_up_lines(&self, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
        let r = &self.records;
        if r.follow_ups.is_empty() {
            return vec![Line::from(Span::styled(
                Msg::FollowUpsNone.get(lang).to_string(),
                theme.placeholder(),
            ))];
        }
        let mut lines = Vec::new();
        for u in r.follow_ups.iter().rev() {
            let mut head = vec![
                Span::styled(format!("{} ", format_date(u.date)), theme.placeholder()),
                Span::styled(
                    vocab::FOLLOW_UP_KINDS.label(&u.kind, lang).to_string(),
                    theme.value(),
                ),
            ];
            if let Some(n) = u.next {
                head.push(Span::raw(format!(
                    " · {}",
                    fill(Msg::FollowNextOn.get(lang), &[&format_date(n)])
                )));
            }
            lines.push(Line::from(head));
            lines.extend(u.findings.lines().map(|l| Line::raw(format!("    {l}"))));
        }
        lines
    }

    pub fn draw(&mut self, f: &mut Frame, area: Rect, lang: Lang, theme: &Theme, today: NaiveDate) {
        if area.height < 3 {
            return;
        }
        let [head, tabs, body] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(area);
        let c = &self.file.card;
        let mut flags = Vec::new();
        if c.emergency {
            flags.push(Span::styled(
                format!(" {} ", Msg::Emergency.get(lang)),
                theme.error(),
            ));
        }
        let stage = vocab::STAGES.label(c.stage.code(), lang);
        let days = if c.stage == Stage::Terminasi {
            String::new()
        } else {
            format!(
                " ({})",
                fill(Msg::DaysShort.get(lang), &[&c.days_in_stage(today)])
            )
        };
        let head_text = format!(
            " {} · {stage}{days} · {} {} · {} {}",
            c.number,
            Msg::RiskShort.get(lang),
            vocab::RISK.label(&c.risk, lang),
            Msg::AssignedShort.get(lang),
            c.assigned_to.clone().unwrap_or_else(|| "—".into())
        );
        let mut spans = vec![Span::styled(
            truncate(&head_text, area.width as usize),
            theme.section(),
        )];
        spans.extend(flags);
        f.render_widget(Paragraph::new(Line::from(spans)), head);
        let tab = |t: Tab, m: Msg| {
            let s = format!(" {} ", m.get(lang));
            if self.tab == t {
                Span::styled(s, theme.selected())
            } else {
                Span::raw(s)
            }
        };
        let mode = if self.editing {
            Span::styled(format!("  {}", Msg::Editing.get(lang)), theme.warning())
        } else {
            Span::styled(
                format!(
                    "  {}",
                    fill(
                        Msg::OpenedBy.get(lang),
                        &[
                            &crate::domain::validate::format_date(c.opened),
                            &self.file.opened_by
                        ]
                    )
                ),
                theme.placeholder(),
            )
        };
        f.render_widget(
            Paragraph::new(Line::from(vec![
                tab(Tab::Data, Msg::TabData),
                tab(Tab::Services, Msg::TabServices),
                tab(Tab::FollowUps, Msg::TabFollowUps),
                tab(Tab::Timeline, Msg::TabTimeline),
                tab(Tab::Referrals, Msg::TabReferrals),
                mode,
            ])),
            tabs,
        );
        match self.tab {
            Tab::Data => self.form.draw(f, body, lang, theme, today),
            Tab::Referrals => {
                let lines = self.referral_lines(lang, theme, today, body.width as usize);
                f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
            }
            Tab::Services | Tab::FollowUps => {
                let lines = if self.tab == Tab::Services {
                    self.service_lines(lang, theme)
                } else {
                    self.follow_up_lines(lang, theme)
                };
                let max = (lines.len() as u16).saturating_sub(body.height);
                self.scroll = self.scroll.min(max);
                f.render_widget(
                    Paragraph::new(lines)
                        .wrap(Wrap { trim: false })
                        .scroll((self.scroll, 0)),
                    body,
                );
            }
            Tab::Timeline => {
                let lines = self.timeline(lang, theme);
                let max = (lines.len() as u16).saturating_sub(body.height);
                self.scroll = self.scroll.min(max);
                f.render_widget(
                    Paragraph::new(lines)
                        .wrap(Wrap { trim: false })
                        .scroll((self.scroll, 0)),
                    body,
                );
            }
        }
    }
}

impl CaseView {
    /// A key while the case file is being edited: the form's keys, Ctrl-S and Esc.
    fn on_edit_key(&mut self, key: &KeyEvent, cx: &Cx) -> Option<Action> {
        match keys::form(key) {
            Some(FormKey::Save) => return Some(Action::SaveCaseEdit),
            Some(FormKey::AddVictim) => {
                self.form.add_victim(cx.today);
            }
            Some(FormKey::AddPerpetrator) => {
                self.form.add_perpetrator(cx.today);
            }
            Some(FormKey::RemovePerson) => {}
            Some(FormKey::CopyAddress) => {
                self.form.copy_address_to_domicile();
            }
            None if key.code == KeyCode::Esc
                && self.form.pick.is_none()
                && self.form.region_pick.is_none() =>
            {
                if self.form.intake == self.base {
                    self.stop_edit();
                    return None;
                }
                return Some(Action::AskCancelEdit);
            }
            None => {
                self.form.handle(&Event::Key(*key), cx.today);
            }
        }
        None
    }

    /// A key of the Referrals tab (see `keymap::CASE_REFERRALS`).
    fn on_referrals_key(&mut self, k: CaseKey) -> Option<Action> {
        match k {
            CaseKey::Up => self.ref_cursor = self.ref_cursor.saturating_sub(1),
            CaseKey::Down if self.ref_cursor + 1 < self.referrals.len() => self.ref_cursor += 1,
            CaseKey::Status => {
                return self
                    .selected_referral()
                    .cloned()
                    .map(Action::AskReferralStatus);
            }
            CaseKey::Letter => return self.selected_referral().cloned().map(Action::WriteLetter),
            _ => {}
        }
        None
    }
}

impl Screen for CaseView {
    fn keys(&self) -> Vec<&'static dyn Described> {
        if self.editing {
            vec![&keymap::CASE_EDIT, &keymap::FORM]
        } else if self.tab == Tab::Referrals {
            vec![&CASE_REFERRALS, &CASE]
        } else {
            vec![&CASE, &CASE_REFERRALS]
        }
    }

    fn on_key(&mut self, key: &KeyEvent, cx: &Cx) -> Option<Action> {
        if self.editing {
            return self.on_edit_key(key, cx);
        }
        let card = self.file.card.clone();
        let table = if self.tab == Tab::Referrals {
            &CASE_REFERRALS
        } else {
            &CASE
        };
        let Some(k) = table.lookup(key) else {
            // The Data tab is the read-only form: its own keys move through it.
            if self.tab == Tab::Data {
                self.form.handle(&Event::Key(*key), cx.today);
            }
            return None;
        };
        let timeline = matches!(self.tab, Tab::Timeline | Tab::Services | Tab::FollowUps);
        match k {
            CaseKey::Leave => return Some(Action::LeaveCase),
            CaseKey::Tab => self.tab = self.tab.next(),
            CaseKey::Refer => {
                return Some(Action::StartReferral {
                    case_id: card.id,
                    number: card.number,
                });
            }
            _ if self.tab == Tab::Referrals => return self.on_referrals_key(k),
            CaseKey::Edit => return Some(Action::StartEdit(card)),
            // Showing the NIK is logged; hiding it again is not.
            CaseKey::Reveal if !self.form.reveal_nik => {
                return self.has_nik().then_some(Action::RevealNik(card.id));
            }
            CaseKey::Reveal => self.form.reveal_nik = false,
            CaseKey::Note => return Some(Action::AskNote(card)),
            CaseKey::GiveService => {
                self.tab = Tab::Services;
                return Some(Action::AskGiveService {
                    case_id: card.id,
                    referral_id: None,
                    service: String::new(),
                });
            }
            CaseKey::FollowUp => {
                self.tab = Tab::FollowUps;
                return Some(Action::AskFollowUp(card.id));
            }
            CaseKey::Forward => return Some(Action::AskForward(card)),
            CaseKey::Back => return Some(Action::AskBack(card)),
            CaseKey::Close => return Some(Action::AskClose(card)),
            CaseKey::Reopen => return Some(Action::AskReopen(card)),
            CaseKey::Assign => return Some(Action::AskAssign(card)),
            CaseKey::Simfoni => {
                return Some(Action::OpenSimfoniSheet {
                    case_id: card.id,
                    victim: 0,
                });
            }
            CaseKey::Up if timeline => self.scroll = self.scroll.saturating_sub(1),
            CaseKey::Down if timeline => self.scroll += 1,
            CaseKey::PageUp if timeline => self.scroll = self.scroll.saturating_sub(10),
            CaseKey::PageDown if timeline => self.scroll += 10,
            CaseKey::Up | CaseKey::Down | CaseKey::PageUp | CaseKey::PageDown => {
                if self.tab == Tab::Data {
                    self.form.handle(&Event::Key(*key), cx.today);
                }
            }
            CaseKey::Status | CaseKey::Letter => {}
        }
        None
    }

    fn on_paste(&mut self, text: &str, cx: &Cx) -> Option<Action> {
        if self.editing && self.tab == Tab::Data {
            self.form.handle(&Event::Paste(text.to_string()), cx.today);
        }
        None
    }

    fn draw(&mut self, f: &mut Frame, area: Rect, cx: &Cx) {
        CaseView::draw(self, f, area, cx.lang, cx.theme, cx.today);
    }
}
