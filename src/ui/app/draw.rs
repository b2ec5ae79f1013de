//! Drawing the app: title, the screen on top, status line, key bar, the open dialog, and the
//! help screen, all from state that `update` and the key handlers loaded. Nothing here reads
//! the store.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{App, Screen};
use crate::domain::case::Permission;
use crate::domain::vocab;
use crate::i18n::{Lang, Msg, fill};
use crate::ui::keymap::{self, DRAFTS, Described, GLOBAL, HELP};
use crate::ui::theme::Theme;
use crate::ui::widgets::text::truncate;

impl App {
    pub fn draw(&mut self, f: &mut Frame) {
        if self.lock.is_some() {
            self.draw_lock(f);
            return;
        }
        let area = f.area();
        let lang = self.lang();
        let theme = self.ctx.theme;
        if area.width < 40 || area.height < 10 {
            f.render_widget(
                Paragraph::new(Msg::TooSmall.get(lang)).wrap(Wrap { trim: true }),
                area,
            );
            return;
        }
        let [top, body, status, keybar] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        self.draw_title(f, top);
        let today = self.ctx.today();
        match self.screen {
            Screen::Intake => {
                if let Some(form) = &mut self.form {
                    form.draw(f, body, lang, &theme, today);
                }
            }
            Screen::Drafts => self.draw_drafts(f, body),
            Screen::Saved => self.draw_saved(f, body),
            Screen::Help => {
                let current = self.key_tables(self.help_return);
                self.help_scroll = draw_help(f, body, lang, &theme, self.help_scroll, &current)
            }
            Screen::Board => self.board.draw(f, body, lang, &theme, &self.targets, today),
            Screen::Case => {
                if let Some(c) = &mut self.case {
                    c.draw(f, body, lang, &theme, today);
                }
            }
            Screen::Search => self.search.draw(f, body, lang, &theme, today),
            Screen::Directory => self.directory.draw(f, body, lang, &theme, today),
            Screen::Audit => self.audit.draw(f, body, lang, &theme),
            Screen::Report => self.report.draw(f, body, lang, &theme),
        }
        self.draw_status(f, status);
        self.draw_keybar(f, keybar);
        if let Some(flow) = &self.flow {
            flow.draw(f, body, lang, &theme);
        }
    }

    fn draw_title(&self, f: &mut Frame, area: Rect) {
        let lang = self.lang();
        let theme = self.ctx.theme;
        let title = match self.screen {
            Screen::Intake => Msg::TitleIntake,
            Screen::Drafts => Msg::TitleDrafts,
            Screen::Saved => Msg::TitleSaved,
            Screen::Help => Msg::TitleHelp,
            Screen::Board => Msg::TitleBoard,
            Screen::Case => Msg::TitleCase,
            Screen::Search => Msg::TitleSearch,
            Screen::Directory => Msg::TitleDirectory,
            Screen::Audit => Msg::TitleAudit,
            Screen::Report => Msg::TitleReport,
        };
        let demo = if self.is_demo() {
            format!("{} · ", Msg::DemoMark.get(lang))
        } else {
            String::new()
        };
        let mut left = format!(
            " meja · {demo}{} · {}",
            self.ctx.config.office.name,
            title.get(lang)
        );
        if self.screen == Screen::Board && self.board.filter.is_active() {
            left.push_str(&fill(
                Msg::TitleFilter.get(lang),
                &[&self.board.filter.describe(lang)],
            ));
        }
        let right = format!("{} ", self.ctx.staff);
        let w = area.width as usize;
        let left = truncate(&left, w.saturating_sub(right.chars().count() + 1));
        let pad = w.saturating_sub(left.chars().count() + right.chars().count());
        f.render_widget(
            Paragraph::new(Line::from(Span::styled(
                format!("{left}{}{right}", " ".repeat(pad)),
                theme.title(),
            ))),
            area,
        );
    }

    fn draw_status(&self, f: &mut Frame, area: Rect) {
        let lang = self.lang();
        let theme = self.ctx.theme;
        let mut spans = Vec::new();
        if let Some(s) = &self.status {
            spans.push(Span::styled(
                format!(" {}", s.text),
                if s.error { theme.error() } else { theme.ok() },
            ));
        } else if self.screen == Screen::Intake {
            if let Some(e) = &self.draft_error {
                spans.push(Span::styled(
                    format!(" {}", fill(Msg::DraftNotSaved.get(lang), &[e])),
                    theme.error(),
                ));
            } else if let Some(t) = self.draft_saved_at {
                let t = t.format("%H:%M:%S").to_string();
                spans.push(Span::styled(
                    format!(" {}", fill(Msg::DraftSavedAt.get(lang), &[&t])),
                    theme.placeholder(),
                ));
            }
        }
        f.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    fn draw_keybar(&self, f: &mut Frame, area: Rect) {
        let lang = self.lang();
        let theme = self.ctx.theme;
        let mut items: Vec<(&str, Msg)> = vec![("F1", Msg::KeyHelp)];
        let tables = self.key_tables(self.screen);
        items.extend(tables[0].bar());
        match self.screen {
            Screen::Intake if self.tables_picking() => {}
            Screen::Intake | Screen::Drafts => items.push(("F2", Msg::KeyNew)),
            Screen::Directory if self.directory.picking_for.is_some() => {
                // Enter chooses the agency for the referral being made.
                for it in items.iter_mut().filter(|(k, _)| *k == "Enter") {
                    it.1 = Msg::KeyChoose;
                }
            }
            _ => {}
        }
        // What the role may not do is not offered.
        let assignee = match self.screen {
            Screen::Board => self.board.selected().and_then(|c| c.assigned_to.clone()),
            Screen::Case => self
                .case
                .as_ref()
                .and_then(|c| c.file.card.assigned_to.clone()),
            _ => None,
        };
        let in_directory = self.screen == Screen::Directory;
        items.retain(|(_, m)| {
            let action = match m {
                Msg::KeyForward | Msg::KeyBackStage => Permission::Move,
                Msg::KeyClose => Permission::Close,
                Msg::KeyAssign => Permission::Assign,
                Msg::KeyNote => Permission::AddNote,
                Msg::KeyAudit => Permission::ReadAudit,
                Msg::KeyReport => Permission::Report,
                Msg::KeyEdit | Msg::KeySave | Msg::KeyActive | Msg::KeyAdd if in_directory => {
                    Permission::ManageDirectory
                }
                Msg::KeyEdit => Permission::Edit,
                _ => return true,
            };
            self.may(action, assignee.as_deref())
        });
        // Quit is always shown: it goes last, and the bar drops middle items to keep it.
        let quit = ("F10", Msg::KeyQuit);
        let width = |(k, m): &(&str, Msg)| k.chars().count() + m.get(lang).chars().count() + 2;
        let budget = (area.width as usize).saturating_sub(width(&quit));
        let mut used = 0;
        let mut shown: Vec<(&str, Msg)> = Vec::new();
        for it in items {
            if used + width(&it) > budget {
                break;
            }
            used += width(&it);
            shown.push(it);
        }
        shown.push(quit);
        let mut spans = Vec::new();
        for (k, m) in shown {
            spans.push(Span::styled(k.to_string(), theme.key()));
            spans.push(Span::styled(
                format!(" {} ", m.get(lang)),
                theme.key_label(),
            ));
        }
        f.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    fn tables_picking(&self) -> bool {
        self.form
            .as_ref()
            .is_some_and(|f| f.pick.is_some() || f.region_pick.is_some())
    }

    /// The key tables of `screen` as it is now, the one whose keys the bar shows first.
    fn key_tables(&self, screen: Screen) -> Vec<&'static dyn Described> {
        match screen {
            Screen::Intake if self.tables_picking() => vec![&keymap::PICK_LIST, &keymap::FORM],
            Screen::Intake => vec![&keymap::FORM, &keymap::PICK_LIST],
            Screen::Drafts => vec![&DRAFTS],
            Screen::Saved => vec![&keymap::SAVED],
            Screen::Board => vec![&keymap::BOARD],
            Screen::Case => match &self.case {
                Some(c) if c.editing => vec![&keymap::CASE_EDIT, &keymap::FORM],
                Some(c) if c.tab == crate::ui::casefile::Tab::Referrals => {
                    vec![&keymap::CASE_REFERRALS, &keymap::CASE]
                }
                _ => vec![&keymap::CASE, &keymap::CASE_REFERRALS],
            },
            Screen::Search => vec![&keymap::SEARCH],
            Screen::Directory if self.directory.sheet.is_some() => {
                vec![&keymap::AGENCY_SHEET, &keymap::DIRECTORY]
            }
            Screen::Directory => vec![&keymap::DIRECTORY, &keymap::AGENCY_SHEET],
            Screen::Report => vec![&keymap::REPORT],
            Screen::Audit => vec![&keymap::AUDIT],
            Screen::Help => vec![&HELP],
        }
    }

    fn draw_drafts(&self, f: &mut Frame, area: Rect) {
        let lang = self.lang();
        let theme = self.ctx.theme;
        let [intro, list] =
            Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
        f.render_widget(
            Paragraph::new(Msg::DraftsIntro.get(lang))
                .wrap(Wrap { trim: true })
                .block(Block::default().borders(Borders::NONE)),
            Rect {
                x: intro.x + 1,
                width: intro.width.saturating_sub(2),
                ..intro
            },
        );
        let items: Vec<ListItem> = self
            .drafts
            .iter()
            .map(|d| {
                let when = crate::clock::shown(&d.updated_at, "%d-%m-%Y %H:%M");
                let kinds: Vec<&str> = d
                    .intake
                    .incident
                    .violence
                    .iter()
                    .map(|c| vocab::VIOLENCE.label(c, lang))
                    .collect();
                let kinds = if kinds.is_empty() {
                    Msg::NoneChosen.get(lang).to_string()
                } else {
                    kinds.join(", ")
                };
                ListItem::new(fill(
                    Msg::DraftRow.get(lang),
                    &[&when, &d.intake.victim_initials(), &kinds],
                ))
            })
            .collect();
        let mut state = ListState::default();
        if !self.drafts.is_empty() {
            state.select(Some(self.drafts_cursor));
        }
        f.render_stateful_widget(
            List::new(items)
                .highlight_style(theme.selected())
                .highlight_symbol("▶ "),
            list,
            &mut state,
        );
    }

    fn draw_saved(&self, f: &mut Frame, area: Rect) {
        let lang = self.lang();
        let theme = self.ctx.theme;
        let number = self.saved_number.clone().unwrap_or_default();
        let lines = vec![
            Line::raw(""),
            Line::from(Span::styled(
                format!("  {}", Msg::TitleSaved.get(lang)),
                theme.ok(),
            )),
            Line::raw(""),
            Line::from(Span::styled(
                format!("  {}", fill(Msg::CaseOpenedNumber.get(lang), &[&number])),
                theme.section(),
            )),
            Line::raw(""),
            Line::raw(format!("  {}", Msg::WriteOnPaper.get(lang))),
            Line::raw(""),
            Line::raw(format!("  {}", Msg::SavedNext.get(lang))),
        ];
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
    }
}

/// Help: the keys of the screen it was opened from first, then those of every screen, then
/// the rest; one aligned key column, all from the key tables.
fn draw_help(
    f: &mut Frame,
    area: Rect,
    lang: Lang,
    theme: &Theme,
    scroll: u16,
    current: &[&'static dyn Described],
) -> u16 {
    let mut order: Vec<&'static dyn Described> = current.to_vec();
    order.push(&GLOBAL);
    for t in keymap::all() {
        if !order.iter().any(|o| o.title() == t.title()) {
            order.push(t);
        }
    }
    let width = order
        .iter()
        .flat_map(|t| t.lines())
        .map(|(k, _)| UnicodeWidthStr::width(k))
        .max()
        .unwrap_or(0)
        + 2;
    let key = |k: &str| {
        let pad = width.saturating_sub(UnicodeWidthStr::width(k));
        Span::styled(format!("  {k}{}", " ".repeat(pad)), theme.label_focused())
    };
    let mut lines = Vec::new();
    for (i, t) in order.iter().enumerate() {
        if i > 0 {
            lines.push(Line::raw(""));
        }
        lines.push(Line::from(Span::styled(
            t.title().get(lang),
            theme.section(),
        )));
        for (k, m) in t.lines() {
            lines.push(Line::from(vec![key(k), Span::raw(m.get(lang))]));
        }
        if let Some(n) = t.note() {
            lines.push(Line::raw(format!("  {}", n.get(lang))));
        }
    }
    let w = area.width.max(1) as usize;
    let total = lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(w))
        .sum::<usize>() as u16;
    let para = Paragraph::new(lines).wrap(Wrap { trim: false });
    let max = total.saturating_sub(area.height);
    let scroll = scroll.min(max);
    f.render_widget(para.scroll((scroll, 0)), area);
    if scroll < max && area.height > 0 {
        let more = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        f.render_widget(Clear, more);
        f.render_widget(
            Paragraph::new(Span::styled(
                format!("  ↓ {}", Msg::HelpMore.get(lang)),
                theme.placeholder(),
            )),
            more,
        );
    }
    scroll
}
