//! Staff accounts and sign-in. PINs are kept only as Argon2id hashes; wrong PINs are counted
//! in the database, so a lockout holds across processes and restarts.

use chrono::{DateTime, Duration, Local};
use rusqlite::{OptionalExtension, params};

use super::access::log;
use super::{Store, timestamp};
use crate::domain::access::AccessKind;
use crate::domain::staff::{Role, StaffMember};
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::identity::pin as auth;

/// How many wrong PINs lock an account, and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lockout {
    pub tries: u32,
    pub minutes: i64,
}

impl Default for Lockout {
    fn default() -> Self {
        Lockout {
            tries: 5,
            minutes: 15,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignIn {
    Ok(StaffMember),
    /// Wrong PIN; `left` more tries before the account locks.
    WrongPin {
        left: u32,
    },
    /// Locked after too many wrong PINs, until this time.
    Locked {
        until: DateTime<Local>,
    },
    Unknown,
    Disabled,
    /// The configuration asks for a PIN and the account has none yet.
    NoPin,
}

fn member(r: &rusqlite::Row<'_>) -> rusqlite::Result<StaffMember> {
    let role: String = r.get(2)?;
    Ok(StaffMember {
        username: r.get(0)?,
        display_name: r.get(1)?,
        // The CHECK constraint keeps unknown roles out; the weakest is the safe reading.
        role: Role::parse(&role).unwrap_or(Role::Petugas),
        active: r.get(3)?,
        has_pin: r.get::<_, Option<String>>(4)?.is_some(),
    })
}

const MEMBER: &str = "SELECT username, display_name, role, active, pin_hash FROM staff";
/// `MEMBER` and the lock, for sign-in.
const MEMBER_AND_LOCK: &str =
    "SELECT username, display_name, role, active, pin_hash, locked_until FROM staff";

impl Store {
    pub fn staff_count(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM staff", [], |r| r.get(0))?)
    }

    pub fn staff_list(&self) -> Result<Vec<StaffMember>> {
        let mut st = self
            .conn()
            .prepare(&format!("{MEMBER} ORDER BY username"))?;
        let rows = st.query_map([], member)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn staff_member(&self, username: &str) -> Result<Option<StaffMember>> {
        Ok(self
            .conn()
            .query_row(&format!("{MEMBER} WHERE username = ?1"), [username], member)
            .optional()?)
    }

    /// Adds an account. `pin` is hashed here; `by` is who added it, for the access log.
    pub fn add_staff(
        &mut self,
        m: &StaffMember,
        pin: Option<&str>,
        now: DateTime<Local>,
        by: &str,
    ) -> Result<()> {
        let hash = pin.map(auth::hash_pin);
        let at = timestamp(now);
        let added = self.write(|tx| {
            let n = tx.execute(
                "INSERT INTO staff (username, display_name, role, active, pin_hash, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) ON CONFLICT (username) DO NOTHING",
                params![m.username, m.display_name, m.role.code(), m.active, hash, at],
            )?;
            if n == 1 {
                let detail = format!("tambah {} ({})", m.username, m.role.code());
                log(tx, now, by, AccessKind::Staff, None, &detail)?;
            }
            Ok(n == 1)
        })?;
        if !added {
            return Err(Error::new(Msg::ErrStaffExists, &[&m.username]));
        }
        Ok(())
    }

    fn update_staff(
        &mut self,
        username: &str,
        sql: &str,
        value: &dyn rusqlite::ToSql,
        now: DateTime<Local>,
        by: &str,
        detail: &str,
    ) -> Result<()> {
        let at = timestamp(now);
        let n = self.write(|tx| {
            let n = tx.execute(sql, params![username, value, at])?;
            if n == 1 {
                log(tx, now, by, AccessKind::Staff, None, detail)?;
            }
            Ok(n)
        })?;
        if n == 0 {
            return Err(Error::new(Msg::ErrStaffUnknown, &[&username]));
        }
        Ok(())
    }

    pub fn set_staff_active(
        &mut self,
        username: &str,
        active: bool,
        now: DateTime<Local>,
        by: &str,
    ) -> Result<()> {
        let verb = if active { "aktifkan" } else { "nonaktifkan" };
        self.update_staff(
            username,
            "UPDATE staff SET active = ?2, updated_at = ?3 WHERE username = ?1",
            &active,
            now,
            by,
            &format!("{verb} {username}"),
        )
    }

    /// Sets a new PIN and lifts a lockout: a supervisor resetting a PIN is the way back in.
    pub fn set_staff_pin(
        &mut self,
        username: &str,
        pin: &str,
        now: DateTime<Local>,
        by: &str,
    ) -> Result<()> {
        let hash = auth::hash_pin(pin);
        self.update_staff(
            username,
            "UPDATE staff SET pin_hash = ?2, failed_pins = 0, locked_until = NULL, updated_at = ?3
             WHERE username = ?1",
            &hash,
            now,
            by,
            &format!("ganti PIN {username}"),
        )
    }

    /// Signs `username` in. With `pin` None no PIN is asked (the configuration says so);
    /// otherwise the PIN is checked against the hash, and `rules.tries` wrong ones in a row
    /// lock the account for `rules.minutes`. Every attempt is in the access log.
    pub fn sign_in(
        &mut self,
        username: &str,
        pin: Option<&str>,
        now: DateTime<Local>,
        rules: Lockout,
    ) -> Result<SignIn> {
        // One read: the account, its hash and its lock.
        let row = self
            .conn()
            .query_row(
                &format!("{MEMBER_AND_LOCK} WHERE username = ?1"),
                [username],
                |r| {
                    Ok((
                        member(r)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, Option<String>>(5)?,
                    ))
                },
            )
            .optional()?;
        let Some((m, hash, locked_until)) = row else {
            self.log_access(
                now,
                username,
                AccessKind::SignInFailed,
                None,
                "tidak dikenal",
            )?;
            return Ok(SignIn::Unknown);
        };
        if !m.active {
            self.log_access(now, username, AccessKind::SignInFailed, None, "nonaktif")?;
            return Ok(SignIn::Disabled);
        }
        if let Some(until) = locked_until
            .as_deref()
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&Local))
            && until > now
        {
            self.log_access(now, username, AccessKind::SignInFailed, None, "terkunci")?;
            return Ok(SignIn::Locked { until });
        }
        let Some(pin) = pin else {
            self.log_access(now, username, AccessKind::SignIn, None, "")?;
            return Ok(SignIn::Ok(m));
        };
        let Some(hash) = hash else {
            return Ok(SignIn::NoPin);
        };
        // The hash is checked outside the write lock: Argon2 takes tens of milliseconds and
        // other workers' saves should not wait for it.
        let right = auth::verify_pin(pin, &hash);
        let at = timestamp(now);
        let until = timestamp(now + Duration::minutes(rules.minutes));
        let tries = rules.tries.max(1);
        let outcome = self.write(|tx| {
            if right {
                tx.execute(
                    "UPDATE staff SET failed_pins = 0, locked_until = NULL WHERE username = ?1",
                    [username],
                )?;
                log(tx, now, username, AccessKind::SignIn, None, "")?;
                return Ok(None);
            }
            // Counted in SQL, inside the lock: two terminals guessing at once both count.
            let failed: u32 = tx.query_row(
                "UPDATE staff SET failed_pins = failed_pins + 1,
                     locked_until = CASE WHEN failed_pins + 1 >= ?2 THEN ?3 ELSE locked_until END,
                     updated_at = ?4
                 WHERE username = ?1 RETURNING failed_pins",
                params![username, tries, until, at],
                |r| r.get(0),
            )?;
            log(
                tx,
                now,
                username,
                AccessKind::SignInFailed,
                None,
                "PIN salah",
            )?;
            if failed >= tries {
                tx.execute(
                    "UPDATE staff SET failed_pins = 0 WHERE username = ?1",
                    [username],
                )?;
            }
            Ok(Some(failed))
        })?;
        Ok(match outcome {
            None => SignIn::Ok(m),
            Some(failed) if failed >= tries => SignIn::Locked {
                until: now + Duration::minutes(rules.minutes),
            },
            Some(failed) => SignIn::WrongPin {
                left: tries - failed,
            },
        })
    }
}
