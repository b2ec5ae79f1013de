//! Locking and unlocking: sign-in at start, the idle lock, and the privacy key. The lock
//! screen itself (what it hears, what it shows) is `ui::screens::lock`; it lies over every
//! other screen rather than on the navigation stack, so nothing behind it shows or hears.

use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;

use super::App;
use crate::ui::screens::Screen;
use crate::ui::screens::lock::{LockView, LockWhy};

impl App {
    /// Starts locked until the worker's PIN is typed. Called once at start when the
    /// configuration asks for a PIN.
    pub fn require_sign_in(&mut self) {
        self.lock_screen(LockWhy::SignIn);
    }

    pub fn locked(&self) -> Option<LockWhy> {
        self.lock.as_ref().map(|l| l.why)
    }

    pub(super) fn pin_required(&self) -> bool {
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
        self.lock = Some(LockView {
            why,
            pin: String::new(),
            error: None,
            blank: why == LockWhy::Privacy,
            pin_required: self.pin_required(),
            office: self.ctx.config.office.name.clone(),
            staff: self.ctx.staff.clone(),
        });
    }

    pub(super) fn unlock(&mut self) {
        let why = self.lock.take().map(|l| l.why);
        self.last_input = Instant::now();
        if why == Some(LockWhy::SignIn) {
            self.tell_missing_office();
            self.load_drafts();
            if !self.drafts.list.is_empty() && self.screen() == super::Screen::Intake {
                let blank = self.form.as_ref().is_none_or(|f| f.intake.is_blank());
                if blank {
                    self.nav.show(super::Screen::Drafts);
                }
            }
        }
    }

    /// A key while locked: only the lock screen hears it.
    pub(super) fn on_lock_key(&mut self, key: &KeyEvent) {
        let now = self.ctx.now();
        let cx = cx!(self, now);
        let Some(lock) = &mut self.lock else { return };
        if let Some(a) = lock.on_key(key, &cx) {
            self.act(a);
        }
    }

    /// Draws the whole terminal for a lock: nothing from behind it shows through.
    pub(super) fn draw_lock(&mut self, f: &mut Frame) {
        let now = self.ctx.now();
        let cx = cx!(self, now);
        let area = f.area();
        if let Some(lock) = &mut self.lock {
            lock.draw(f, area, &cx);
        }
    }
}
