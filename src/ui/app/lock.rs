//! The locked screen: sign-in at start, the idle lock, and the privacy key. While locked the
//! screen shows no case data at all, and only the PIN (or Enter, when no PIN is configured)
//! and quit are heard.

use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::App;
use crate::domain::access::AccessKind;
use crate::i18n::{Msg, fill};
use crate::store::staff::{Lockout, SignIn};
use crate::ui::keys;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockWhy {
    SignIn,
    Idle,
    /// F12: blank at once. The first key brings up the PIN prompt and goes into it.
    Privacy,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Lock {
    pub why: LockWhy,
    /// Digits typed so far; never drawn, only counted.
    pub pin: String,
    pub error: Option<String>,
    /// Privacy lock before any key: nothing at all on screen.
    pub blank: bool,
}

impl App {
    /// Starts locked until the worker's PIN is typed. Called once at start when the
    /// configuration asks for a PIN.
    pub fn require_sign_in(&mut self) {
        self.lock_screen(LockWhy::SignIn);
    }

    pub fn locked(&self) -> Option<LockWhy> {
        self.lock.as_ref().map(|l| l.why)
    }

    fn pin_required(&self) -> bool {
        self.ctx.config.access.pin
    }

    pub(super) fn idle_limit(&self) -> Option<Duration> {
        match self.ctx.config.access.idle_minutes {
            0 => None,
            m => Some(Duration::from_secs(u64::from(m) * 60)),
        }
    }

    /// Saves the draft first: a locked screen must never hold the only copy of what was typed.
    pub(super) fn lock_screen(&mut self, why: LockWhy) {
        self.flush_draft(Instant::now());
        // An open dialog (a note half written) stays behind the lock, as it was.
        self.lock = Some(Lock {
            why,
            pin: String::new(),
            error: None,
            blank: why == LockWhy::Privacy,
        });
    }

    fn unlock(&mut self) {
        let why = self.lock.take().map(|l| l.why);
        self.last_input = Instant::now();
        if why == Some(LockWhy::SignIn) {
            self.load_drafts();
            if !self.drafts.is_empty() && self.screen == super::Screen::Intake {
                let blank = self.form.as_ref().is_none_or(|f| f.intake.is_blank());
                if blank {
                    self.screen = super::Screen::Drafts;
                }
            }
        }
    }

    pub(super) fn on_lock_key(&mut self, key: &KeyEvent) {
        if matches!(keys::global(key), Some(keys::Global::Quit)) {
            self.flush_draft(Instant::now());
            self.quit = true;
            return;
        }
        let lang = self.lang();
        let pin_required = self.pin_required();
        let Some(lock) = &mut self.lock else { return };
        // The first key brings the prompt back and is the first key typed into it: a worker
        // who types the PIN at once must not lose a digit (and a lock try) to the wake-up.
        lock.blank = false;
        if !pin_required {
            if key.code == KeyCode::Enter {
                self.unlock();
            }
            return;
        }
        match key.code {
            KeyCode::Char(c) if c.is_ascii_digit() && lock.pin.len() < 12 => {
                lock.pin.push(c);
                lock.error = None;
            }
            KeyCode::Backspace => {
                lock.pin.pop();
            }
            KeyCode::Esc => lock.pin.clear(),
            KeyCode::Enter if !lock.pin.is_empty() => {
                let pin = std::mem::take(&mut lock.pin);
                let rules = Lockout {
                    tries: self.ctx.config.access.lock_tries,
                    minutes: i64::from(self.ctx.config.access.lock_minutes),
                };
                let now = self.ctx.now();
                let staff = self.ctx.staff.clone();
                let error = match self.ctx.store.sign_in(&staff, Some(&pin), now, rules) {
                    Ok(SignIn::Ok(m)) => {
                        self.ctx.role = m.role;
                        self.unlock();
                        return;
                    }
                    Ok(SignIn::WrongPin { left }) => fill(Msg::LockWrongPin.get(lang), &[&left]),
                    Ok(SignIn::Locked { until }) => {
                        fill(Msg::LockLocked.get(lang), &[&until.format("%H.%M")])
                    }
                    Ok(SignIn::Disabled) | Ok(SignIn::Unknown) => {
                        Msg::LockNoAccount.get(lang).to_string()
                    }
                    Ok(SignIn::NoPin) => Msg::LockNoPin.get(lang).to_string(),
                    Err(e) => e.render(lang),
                };
                if let Some(lock) = &mut self.lock {
                    lock.error = Some(error);
                }
            }
            _ => {}
        }
    }

    /// Draws the whole screen for a lock: nothing from behind it shows through.
    pub(super) fn draw_lock(&self, f: &mut Frame) {
        let area = f.area();
        f.render_widget(Clear, area);
        let Some(lock) = &self.lock else { return };
        if lock.blank {
            return;
        }
        let lang = self.lang();
        let theme = self.ctx.theme;
        let title = match lock.why {
            LockWhy::SignIn => fill(Msg::LockSignIn.get(lang), &[&self.ctx.config.office.name]),
            LockWhy::Idle => Msg::LockIdle.get(lang).to_string(),
            LockWhy::Privacy => Msg::LockPrivacy.get(lang).to_string(),
        };
        let mut lines = vec![
            Line::from(Span::styled(title, theme.section())),
            Line::raw(""),
            Line::raw(fill(Msg::LockWho.get(lang), &[&self.ctx.staff])),
            Line::raw(""),
        ];
        if self.pin_required() {
            let dots = "•".repeat(lock.pin.chars().count());
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{} ", Msg::LockPin.get(lang)),
                    theme.label_focused(),
                ),
                Span::styled(format!("{dots:<12}"), theme.focused()),
            ]));
        } else {
            lines.push(Line::raw(Msg::LockPressEnter.get(lang)));
        }
        lines.push(Line::raw(""));
        if let Some(e) = &lock.error {
            lines.push(Line::from(Span::styled(e.clone(), theme.error())));
        }
        lines.push(Line::from(Span::styled(
            Msg::LockQuit.get(lang),
            theme.placeholder(),
        )));
        let h = (lines.len() as u16).min(area.height);
        let top = area.height.saturating_sub(h) / 2;
        let rect = Rect {
            x: area.x,
            y: area.y + top,
            width: area.width,
            height: h,
        };
        f.render_widget(
            Paragraph::new(lines)
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true }),
            rect,
        );
    }

    /// Logs an access that changes nothing; refuses (false, with a message) when the log
    /// cannot be written, because an unlogged look at a child's file is not allowed.
    pub(super) fn log_access(
        &mut self,
        kind: AccessKind,
        case_id: Option<i64>,
        detail: &str,
    ) -> bool {
        let now = self.ctx.now();
        let staff = self.ctx.staff.clone();
        let before = self.ctx.store.change_mark().ok();
        match self
            .ctx
            .store
            .log_access(now, &staff, kind, case_id, detail)
        {
            Ok(()) => {
                // An access row changes nothing the board shows: the loaded board stays
                // current if it was before the row.
                if let (Some(b), Some((m, ..))) = (before, self.board_mark.as_mut())
                    && *m == b
                    && let Ok(after) = self.ctx.store.change_mark()
                {
                    *m = after;
                }
                true
            }
            Err(e) => {
                let t = fill(
                    Msg::ErrAccessLog.get(self.lang()),
                    &[&e.render(self.lang())],
                );
                self.set_status(t, true);
                false
            }
        }
    }
}
