//! The case file: everything recorded on a case (the intake form's widgets, read-only until
//! `e`), and its timeline of stage changes, edits, assignments and notes.
//!
//! One file per tab's lines below this one (`timeline`, `referrals`, `records`, `legal`); a new
//! tab adds a file here and a row to [`Tab`].

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::domain::case::{CaseFile, Stage};
use crate::domain::intake::Intake;
use crate::domain::referral::Referral;
use crate::domain::vocab;
use crate::i18n::{Lang, Msg, fill};
use crate::ui::action::Action;
use crate::ui::keymap::{self, CASE, CASE_LEGAL, CASE_REFERRALS, CaseKey, Described};
use crate::ui::keys::{self, FormKey};
use crate::ui::screens::intake::IntakeForm;
use crate::ui::screens::{Cx, Screen};
use crate::ui::theme::Theme;
use crate::ui::widgets::text::truncate;

mod legal;
mod pager;
mod records;
mod referrals;
mod timeline;

pub use pager::Pager;

pub use crate::ui::casetab::Tab;

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
    /// What the Hukum tab shows, read by the effects with the records.
    pub legal: Option<crate::store::legal::LegalSheet>,
    /// The long texts in full over the tab's body, while open (`b`).
    pub pager: Option<Pager>,
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
            legal: None,
            pager: None,
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

    pub fn selected_referral(&self) -> Option<&Referral> {
        self.referrals.get(self.ref_cursor)
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
                tab(Tab::Legal, Msg::TabLegal),
                mode,
            ])),
            tabs,
        );
        if let Some(p) = &mut self.pager {
            p.draw(f, body, lang, theme);
            return;
        }
        match self.tab {
            Tab::Data => self.form.draw(f, body, lang, theme, today),
            Tab::Referrals => {
                let lines = self.referral_lines(lang, theme, today, body.width as usize);
                f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
            }
            Tab::Services | Tab::FollowUps | Tab::Legal => {
                let lines = match self.tab {
                    Tab::Services => self.service_lines(lang, theme),
                    Tab::FollowUps => self.follow_up_lines(lang, theme),
                    _ => self.legal_lines(lang, theme),
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
}

impl Screen for CaseView {
    fn keys(&self) -> Vec<&'static dyn Described> {
        if self.editing {
            vec![&keymap::CASE_EDIT, &keymap::FORM]
        } else if self.pager.is_some() {
            vec![&keymap::PAGER]
        } else if self.tab == Tab::Referrals {
            vec![&CASE_REFERRALS, &CASE, &CASE_LEGAL]
        } else if self.tab == Tab::Legal {
            vec![&CASE_LEGAL, &CASE, &CASE_REFERRALS]
        } else {
            vec![&CASE, &CASE_REFERRALS, &CASE_LEGAL]
        }
    }

    fn on_key(&mut self, key: &KeyEvent, cx: &Cx) -> Option<Action> {
        if self.editing {
            return self.on_edit_key(key, cx);
        }
        if let Some(p) = &mut self.pager {
            match keymap::PAGER.lookup(key) {
                Some(keymap::PagerKey::Close) => self.pager = None,
                Some(k) => p.on_key(k),
                None => {}
            }
            return None;
        }
        let card = self.file.card.clone();
        // A tab's own keys first, then the case file's: `s` is the SIMFONI sheet on every
        // tab, `e` edits from any of them.
        let own = match self.tab {
            Tab::Referrals => CASE_REFERRALS.lookup(key),
            Tab::Legal => CASE_LEGAL.lookup(key),
            _ => None,
        };
        let Some(k) = own.or_else(|| CASE.lookup(key)) else {
            // The Data tab is the read-only form: its own keys move through it.
            if self.tab == Tab::Data {
                self.form.handle(&Event::Key(*key), cx.today);
            }
            return None;
        };
        let timeline = matches!(
            self.tab,
            Tab::Timeline | Tab::Services | Tab::FollowUps | Tab::Legal
        );
        let legal = |what| {
            Some(Action::AskLegal {
                card: card.clone(),
                what,
            })
        };
        match k {
            CaseKey::Leave => return Some(Action::LeaveCase),
            CaseKey::Tab => self.tab = self.tab.next(),
            CaseKey::Refer => {
                return Some(Action::StartReferral {
                    case_id: card.id,
                    number: card.number,
                });
            }
            CaseKey::Status | CaseKey::Letter | CaseKey::Up | CaseKey::Down
                if self.tab == Tab::Referrals =>
            {
                return self.on_referrals_key(k);
            }
            CaseKey::Qualify => return legal(crate::ui::action::LegalAsk::Qualify),
            CaseKey::LegalEvent => return legal(crate::ui::action::LegalAsk::Event),
            CaseKey::Mediation => return legal(crate::ui::action::LegalAsk::Mediation),
            CaseKey::Tick => return legal(crate::ui::action::LegalAsk::Tick),
            CaseKey::Edit => return Some(Action::StartEdit(card)),
            // Showing the NIK is logged; hiding it again is not.
            CaseKey::Reveal if !self.form.reveal_nik => {
                return self.has_nik().then_some(Action::RevealNik(card.id));
            }
            CaseKey::Reveal => self.form.reveal_nik = false,
            CaseKey::Note => return Some(Action::AskNote(card)),
            // Reading needs no right beyond seeing the case file.
            CaseKey::Read => self.pager = Some(Pager::of(&self.file, cx.lang)),
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
            CaseKey::Paper => {
                return Some(Action::AskPaper {
                    case_id: card.id,
                    number: card.number,
                });
            }
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
