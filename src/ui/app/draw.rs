//! Drawing the app: title, the screen on top, status line, key bar, the open dialog, and the
//! help screen, all from state that `update` and the key handlers loaded. Nothing here reads
//! the store.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{App, Screen};
use crate::domain::case::Permission;
use crate::i18n::{Msg, fill};
use crate::ui::keymap::{self, Described};
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
        let _ = self.with_screen(|s, cx| s.draw(f, body, cx));
        self.draw_status(f, status);
        // The current screen's own table gives the bar its keys.
        let own = self
            .with_screen(|s, _| s.keys().into_iter().next())
            .flatten()
            .unwrap_or(&keymap::FORM);
        self.draw_keybar(f, keybar, own);
        if let Some(flow) = &self.flow {
            flow.draw(f, body, lang, &theme);
        }
    }

    fn draw_title(&self, f: &mut Frame, area: Rect) {
        let lang = self.lang();
        let theme = self.ctx.theme;
        let title = match self.screen() {
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
            Screen::SimfoniSheet => Msg::SimTitle,
            Screen::SimfoniMonth => Msg::HelpSimfoniMonth,
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
        if self.screen() == Screen::Board && self.board.filter.is_active() {
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
        } else if self.screen() == Screen::Intake {
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

    fn draw_keybar(&self, f: &mut Frame, area: Rect, own: &'static dyn Described) {
        let lang = self.lang();
        let theme = self.ctx.theme;
        let mut items: Vec<(&str, Msg)> = vec![("F1", Msg::KeyHelp)];
        items.extend(own.bar());
        match self.screen() {
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
        let assignee = match self.screen() {
            Screen::Board => self.board.selected().and_then(|c| c.assigned_to.clone()),
            Screen::Case => self
                .case
                .as_ref()
                .and_then(|c| c.file.card.assigned_to.clone()),
            _ => None,
        };
        // A closed case offers reopening, not closing or moving on again.
        let closed = match self.screen() {
            Screen::Board => self.board.selected().map(|c| c.stage),
            Screen::Case => self.case.as_ref().map(|c| c.file.card.stage),
            _ => None,
        } == Some(crate::domain::case::Stage::Terminasi);
        if closed {
            items.retain(|(_, m)| !matches!(m, Msg::KeyForward | Msg::KeyBackStage));
            for it in items.iter_mut().filter(|(_, m)| *m == Msg::KeyClose) {
                *it = ("o", Msg::KeyReopen);
            }
        }
        // On the case file, a note or a correction may come under the intake worker's window.
        let in_case = self.screen() == Screen::Case;
        let in_directory = self.screen() == Screen::Directory;
        items.retain(|(_, m)| {
            let action = match m {
                Msg::KeyForward | Msg::KeyBackStage => Permission::Move,
                Msg::KeyClose => Permission::Close,
                Msg::KeyReopen => Permission::Reopen,
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
            if in_case && matches!(action, Permission::Edit | Permission::AddNote) {
                return self.window_allows(action, assignee.as_deref());
            }
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
}
