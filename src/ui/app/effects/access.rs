//! The effects that touch the access log and sign-in: a look at a case file is logged before
//! it is shown, and a PIN is checked against the account with its lockout.

use crate::domain::access::AccessKind;
use crate::i18n::{Msg, fill};
use crate::store::staff::{Lockout, SignIn};
use crate::ui::app::App;

impl App {
    /// The PIN typed on the lock screen: unlocks, or says why not on the lock screen.
    pub(in crate::ui::app) fn sign_in(&mut self, pin: &str) {
        let lang = self.lang();
        let rules = Lockout {
            tries: self.ctx.config.access.lock_tries,
            minutes: i64::from(self.ctx.config.access.lock_minutes),
        };
        let now = self.ctx.now();
        let staff = self.ctx.staff.clone();
        let error = match self.ctx.store.sign_in(&staff, Some(pin), now, rules) {
            Ok(SignIn::Ok(m)) => {
                self.ctx.role = m.role;
                self.unlock();
                return;
            }
            Ok(SignIn::WrongPin { left }) => fill(Msg::LockWrongPin.get(lang), &[&left]),
            Ok(SignIn::Locked { until }) => {
                fill(Msg::LockLocked.get(lang), &[&until.format("%H.%M")])
            }
            Ok(SignIn::Disabled) | Ok(SignIn::Unknown) => Msg::LockNoAccount.get(lang).to_string(),
            Ok(SignIn::NoPin) => Msg::LockNoPin.get(lang).to_string(),
            Err(e) => e.render(lang),
        };
        if let Some(lock) = &mut self.lock {
            lock.error = Some(error);
        }
    }

    /// Logs an access that changes nothing; refuses (false, with a message) when the log
    /// cannot be written, because an unlogged look at a child's file is not allowed.
    pub(in crate::ui::app) fn log_access(
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
                // Nor anything the directory shows.
                if before.is_some()
                    && self.directory_mark == before
                    && let Ok(after) = self.ctx.store.change_mark()
                {
                    self.directory_mark = Some(after);
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
