//! Who is at the keyboard, outside the app's own screens: identity from the login, the first
//! supervisor of a new database, sign-in for command-line work, and the `staff`, `audit` and
//! `migrate` commands.

use std::io::{BufRead, IsTerminal, Write};

use chrono::{Local, NaiveDate};

use crate::cli::Env;
use crate::config::Config;
use crate::domain::access::AccessKind;
use crate::domain::case::Action;
use crate::domain::staff::{Actor, Role, StaffMember, valid_pin, valid_username};
use crate::domain::text::{clean_name, fit};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};
use crate::store::Store;
use crate::store::access::AccessFilter;
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
        _ => Ok(crate::cli::staff_identity(flag)),
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
pub fn actor_for(env: &Env, store: &mut Store, config: &Config, action: Action) -> Result<Actor> {
    let lang = env.lang(Some(config));
    let who = identity(env.user.as_deref())?;
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
pub fn app_member(env: &Env, store: &mut Store, config: &Config) -> Result<StaffMember> {
    let lang = env.lang(Some(config));
    let who = identity(env.user.as_deref())?;
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

fn add_member(
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

/// `meja staff add USER --name NAME --role ROLE`. The first account of a new database can be
/// made by whoever may write the file (it is the set-up step, and must be a supervisor);
/// after that only a signed-in supervisor adds accounts. The new PIN comes from
/// `MEJA_NEW_PIN`, else it is asked twice on the terminal.
pub fn run_staff_add(env: &Env, username: &str, name: &str, role: &str) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let role = Role::parse(role).ok_or_else(|| Error::new(Msg::ErrRole, &[&role]))?;
    let mut store = Store::open(&env.db_path()?)?;
    let by = if store.staff_count()? == 0 {
        if role != Role::Supervisor {
            return Err(Error::new(Msg::ErrFirstMustSupervise, &[]));
        }
        identity(env.user.as_deref())?
    } else {
        actor_for(env, &mut store, &config, Action::ManageStaff)?.username
    };
    let pin = new_pin(lang)?;
    add_member(&mut store, username, name, role, Some(&pin), &by)?;
    Ok(fill(Msg::StaffAdded.get(lang), &[&username, &role.code()]))
}

fn new_pin(lang: Lang) -> Result<String> {
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

pub fn run_staff_list(env: &Env) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let mut store = Store::open(&env.db_path()?)?;
    actor_for(env, &mut store, &config, Action::ManageStaff)?;
    let mut out = vec![Msg::StaffListHead.get(lang).to_string()];
    for m in store.staff_list()? {
        let state = if m.active {
            Msg::StaffActive
        } else {
            Msg::StaffInactive
        };
        // Columns cut to their width: a 10,000-character name would break the table.
        out.push(format!(
            "{} {} {} {}",
            fit(&m.username, 16),
            fit(crate::domain::vocab::ROLES.label(m.role.code(), lang), 16),
            fit(&m.display_name, 24),
            state.get(lang)
        ));
    }
    Ok(out.join("\n"))
}

pub fn run_staff_disable(env: &Env, username: &str, active: bool) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let mut store = Store::open(&env.db_path()?)?;
    let by = actor_for(env, &mut store, &config, Action::ManageStaff)?;
    if !active && by.username == username {
        return Err(Error::new(Msg::ErrDisableSelf, &[]));
    }
    store.set_staff_active(username, active, Local::now(), &by.username)?;
    let msg = if active {
        Msg::StaffEnabled
    } else {
        Msg::StaffDisabled
    };
    Ok(fill(msg.get(lang), &[&username]))
}

/// A worker changes their own PIN; a supervisor sets anyone's (and so lifts a lockout).
pub fn run_staff_set_pin(env: &Env, username: &str) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let mut store = Store::open(&env.db_path()?)?;
    let who = identity(env.user.as_deref())?;
    let action = if who == username {
        Action::OpenIntake
    } else {
        Action::ManageStaff
    };
    let by = actor_for(env, &mut store, &config, action)?;
    let pin = new_pin(lang)?;
    store.set_staff_pin(username, &pin, Local::now(), &by.username)?;
    Ok(fill(Msg::StaffPinSet.get(lang), &[&username]))
}

/// `meja audit`: the access log, newest first.
pub fn run_audit(
    env: &Env,
    staff: Option<String>,
    case: Option<String>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let mut store = Store::open(&env.db_path()?)?;
    actor_for(env, &mut store, &config, Action::ReadAudit)?;
    let rows = store.access_log(&AccessFilter {
        staff,
        case_number: case,
        from,
        to,
        limit: None,
    })?;
    let mut out = vec![Msg::AuditHead.get(lang).to_string()];
    for r in &rows {
        let at = chrono::DateTime::parse_from_rfc3339(&r.at)
            .map(|t| t.format("%d-%m-%Y %H:%M:%S").to_string())
            .unwrap_or_else(|_| r.at.clone());
        let what = r
            .kind
            .map(|k| access_label(k, lang))
            .unwrap_or(r.code.as_str());
        out.push(format!(
            "{at}  {:<12} {:<14} {:<16} {}",
            r.staff,
            what,
            r.case_number.as_deref().unwrap_or("-"),
            r.detail
        ));
    }
    out.push(fill(Msg::AuditCount.get(lang), &[&rows.len()]));
    Ok(out.join("\n"))
}

pub fn access_label(k: AccessKind, lang: Lang) -> &'static str {
    let m = match k {
        AccessKind::Open => Msg::AccOpen,
        AccessKind::Reveal => Msg::AccReveal,
        AccessKind::Edit => Msg::AccEdit,
        AccessKind::Export => Msg::AccExport,
        AccessKind::Print => Msg::AccPrint,
        AccessKind::SignIn => Msg::AccSignIn,
        AccessKind::SignInFailed => Msg::AccSignInFailed,
        AccessKind::Staff => Msg::AccStaff,
    };
    m.get(lang)
}

/// `meja migrate`: the deploy step that brings the schema up to date, once, before staff
/// sessions start.
pub fn run_migrate(env: &Env) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let path = env.db_path()?;
    let (before, after) = Store::migrate_file(&path)?;
    Ok(if before == after {
        fill(Msg::MigrateCurrent.get(lang), &[&after])
    } else {
        fill(Msg::MigrateDone.get(lang), &[&before, &after])
    })
}
