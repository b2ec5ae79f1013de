//! Who is at the keyboard: the login behind the process, the first supervisor of a new
//! database, sign-in (PIN and lockout) for command-line work and before the app starts, and
//! the role check. PIN hashing is in `pin`.

pub mod pin;

use std::io::{BufRead, IsTerminal, Write};

use chrono::Local;

use crate::config::Config;
use crate::domain::case::Permission;
use crate::domain::staff::{Actor, Role, StaffMember, valid_pin, valid_username};
use crate::domain::text::{clean_line, clean_name};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};
use crate::store::Store;
use crate::store::staff::{Lockout, SignIn};

/// The login behind this process. Under `sudo -u meja meja` that is `SUDO_USER`, which the
/// worker cannot choose; `--user` is then refused unless it names the same person, so nobody
/// signs in as a colleague through a shared system account.
pub fn identity(flag: Option<&str>) -> Result<String> {
    let sudo = std::env::var("SUDO_USER")
        .ok()
        .filter(|v| !v.trim().is_empty());
    match (flag, sudo) {
        (Some(f), Some(s)) if f != s => Err(Error::new(Msg::ErrUserUnderSudo, &[&s])),
        _ => Ok(staff_identity(flag)),
    }
}

/// The name an unattended job (the nightly backup, the package's upgrade step) is logged
/// under: `sistem:` and the operating-system account it runs as. Refused through sudo: a
/// worker sent by `meja-desk` is a person and signs in as one.
pub fn system_actor() -> Result<String> {
    if let Some(s) = std::env::var("SUDO_USER")
        .ok()
        .filter(|v| !v.trim().is_empty())
    {
        return Err(Error::new(Msg::ErrUnattendedUnderSudo, &[&s]));
    }
    Ok(format!("sistem:{}", staff_identity(None)))
}

/// The worker: `--user`, else the account that ran `sudo`, else the login name.
pub fn staff_identity(flag: Option<&str>) -> String {
    let from_env = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
    let raw = flag
        .map(str::to_string)
        .or_else(|| from_env("SUDO_USER"))
        .or_else(|| from_env("USER"))
        .or_else(|| from_env("LOGNAME"))
        .unwrap_or_else(|| "tidak-dikenal".into());
    let clean = clean_line(raw.trim());
    if clean.is_empty() {
        "tidak-dikenal".into()
    } else {
        clean
    }
}

fn lockout(config: &Config) -> Lockout {
    Lockout {
        tries: config.access.lock_tries,
        minutes: i64::from(config.access.lock_minutes),
    }
}

/// A PIN for command-line work: `MEJA_PIN` for scripts, else asked on the terminal without
/// echo.
fn read_pin(prompt: &str) -> Result<String> {
    if let Ok(p) = std::env::var("MEJA_PIN") {
        return Ok(p.trim().to_string());
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::new(Msg::ErrPinNeeded, &[]));
    }
    rpassword::prompt_password(prompt)
        .map(|p| p.trim().to_string())
        .map_err(|e| Error::new(Msg::ErrTerminal, &[&e]))
}

/// Signs the process's worker in for one command and checks their role allows `action`.
/// With PINs configured the PIN is checked (and counts towards the lockout) as in the app.
pub fn actor_for(
    user: Option<&str>,
    lang: Lang,
    store: &mut Store,
    config: &Config,
    action: Permission,
) -> Result<Actor> {
    let who = identity(user)?;
    let pin = if config.access.pin {
        Some(read_pin(&fill(Msg::PromptPin.get(lang), &[&who]))?)
    } else {
        None
    };
    let member = match store.sign_in(&who, pin.as_deref(), Local::now(), lockout(config))? {
        SignIn::Ok(m) => m,
        other => return Err(sign_in_error(&who, other)),
    };
    let actor = Actor::new(member.username, member.role);
    if !actor.may(action, None) {
        let role = crate::domain::vocab::ROLES.label(actor.role.code(), lang);
        return Err(Error::new(Msg::ErrRoleForbids, &[&role]));
    }
    Ok(actor)
}

fn sign_in_error(who: &str, s: SignIn) -> Error {
    match s {
        SignIn::Ok(_) => unreachable!("handled by the caller"),
        SignIn::WrongPin { left } => Error::new(Msg::ErrWrongPin, &[&left]),
        SignIn::Locked { until } => Error::new(Msg::ErrLocked, &[&who, &until.format("%H.%M")]),
        SignIn::Unknown => Error::new(Msg::ErrNotStaff, &[&who, &who]),
        SignIn::Disabled => Error::new(Msg::ErrStaffDisabled, &[&who]),
        SignIn::NoPin => Error::new(Msg::ErrNoPin, &[&who, &who]),
    }
}

/// Before the app starts: the account of the worker at the keyboard. A database with no
/// accounts asks for its first supervisor (on a terminal) or says how to make one.
pub fn app_member(
    user: Option<&str>,
    lang: Lang,
    store: &mut Store,
    config: &Config,
) -> Result<StaffMember> {
    let who = identity(user)?;
    if store.staff_count()? == 0 {
        if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
            return Err(Error::new(Msg::ErrNoStaffYet, &[&who]));
        }
        first_supervisor(store, &who, lang)?;
    }
    match store.staff_member(&who)? {
        None => Err(Error::new(Msg::ErrNotStaff, &[&who, &who])),
        Some(m) if !m.active => Err(Error::new(Msg::ErrStaffDisabled, &[&who])),
        Some(m) if config.access.pin && !m.has_pin => Err(Error::new(Msg::ErrNoPin, &[&who, &who])),
        Some(m) => Ok(m),
    }
}

/// Line prompts, before the screen is taken over: the one moment a new database has no one
/// to sign in.
fn first_supervisor(store: &mut Store, who: &str, lang: Lang) -> Result<()> {
    let term = |e: std::io::Error| Error::new(Msg::ErrTerminal, &[&e]);
    let mut out = std::io::stdout();
    writeln!(out, "{}", Msg::FirstSupervisor.get(lang)).map_err(term)?;
    write!(out, "{}", fill(Msg::PromptDisplayName.get(lang), &[&who])).map_err(term)?;
    out.flush().map_err(term)?;
    let mut name = String::new();
    std::io::stdin().lock().read_line(&mut name).map_err(term)?;
    let name = clean_name(name.trim());
    let name = if name.is_empty() {
        who.to_string()
    } else {
        name
    };
    let pin = loop {
        let a = rpassword::prompt_password(Msg::PromptNewPin.get(lang)).map_err(term)?;
        if !valid_pin(a.trim()) {
            writeln!(out, "{}", Msg::ErrPinFormat.get(lang)).map_err(term)?;
            continue;
        }
        let b = rpassword::prompt_password(Msg::PromptPinAgain.get(lang)).map_err(term)?;
        if a.trim() == b.trim() {
            break a.trim().to_string();
        }
        writeln!(out, "{}", Msg::ErrPinMismatch.get(lang)).map_err(term)?;
    };
    add_member(store, who, &name, Role::Supervisor, Some(&pin), who)
}

pub fn add_member(
    store: &mut Store,
    username: &str,
    name: &str,
    role: Role,
    pin: Option<&str>,
    by: &str,
) -> Result<()> {
    if !valid_username(username) {
        return Err(Error::new(Msg::ErrUsername, &[&username]));
    }
    if pin.is_some_and(|p| !valid_pin(p)) {
        return Err(Error::new(Msg::ErrPinFormat, &[]));
    }
    let m = StaffMember {
        username: username.into(),
        display_name: clean_name(name.trim()).trim().to_string(),
        role,
        active: true,
        has_pin: pin.is_some(),
    };
    store.add_staff(&m, pin, Local::now(), by)
}

pub fn new_pin(lang: Lang) -> Result<String> {
    let pin = match std::env::var("MEJA_NEW_PIN") {
        Ok(p) => p.trim().to_string(),
        Err(_) if std::io::stdin().is_terminal() => {
            let term = |e: std::io::Error| Error::new(Msg::ErrTerminal, &[&e]);
            let a = rpassword::prompt_password(Msg::PromptNewPin.get(lang)).map_err(term)?;
            let b = rpassword::prompt_password(Msg::PromptPinAgain.get(lang)).map_err(term)?;
            if a.trim() != b.trim() {
                return Err(Error::new(Msg::ErrPinMismatch, &[]));
            }
            a.trim().to_string()
        }
        Err(_) => return Err(Error::new(Msg::ErrNewPinNeeded, &[])),
    };
    if !valid_pin(&pin) {
        return Err(Error::new(Msg::ErrPinFormat, &[]));
    }
    Ok(pin)
}
