//! `meja staff …`: accounts. Sign-in itself lives in `identity`.

use chrono::Local;
use clap::Subcommand;

use super::Env;
use crate::domain::case::Permission;
use crate::domain::staff::Role;
use crate::error::{Error, Result};
use crate::i18n::{Msg, fill};
use crate::identity::{add_member, new_pin};
use crate::store::Store;

#[derive(Subcommand)]
pub enum StaffAction {
    /// Tambah akun (PIN dari MEJA_NEW_PIN atau ditanya) / add an account
    Add {
        username: String,
        /// Nama lengkap / full name
        #[arg(long)]
        name: String,
        /// petugas | manajer_kasus | supervisor
        #[arg(long)]
        role: String,
    },
    /// Daftar akun / list accounts
    List,
    /// Nonaktifkan akun / disable an account
    Disable { username: String },
    /// Aktifkan lagi / enable again
    Enable { username: String },
    /// Ganti PIN (membuka kunci akun) / set a new PIN (lifts a lockout)
    SetPin { username: String },
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
        crate::identity::identity(env.user.as_deref())?
    } else {
        env.actor(&mut store, &config, Permission::ManageStaff)?
            .username
    };
    let pin = new_pin(lang)?;
    add_member(&mut store, username, name, role, Some(&pin), &by)?;
    Ok(fill(Msg::StaffAdded.get(lang), &[&username, &role.code()]))
}

pub fn run_staff_list(env: &Env) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let mut store = Store::open(&env.db_path()?)?;
    env.actor(&mut store, &config, Permission::ManageStaff)?;
    let mut out = vec![Msg::StaffListHead.get(lang).to_string()];
    for m in store.staff_list()? {
        let state = if m.active {
            Msg::StaffActive
        } else {
            Msg::StaffInactive
        };
        // Columns cut to their width: a 10,000-character name would break the table.
        use crate::domain::text::fit;
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
    let by = env.actor(&mut store, &config, Permission::ManageStaff)?;
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
    let who = crate::identity::identity(env.user.as_deref())?;
    let action = if who == username {
        Permission::OpenIntake
    } else {
        Permission::ManageStaff
    };
    let by = env.actor(&mut store, &config, action)?;
    let pin = new_pin(lang)?;
    store.set_staff_pin(username, &pin, Local::now(), &by.username)?;
    Ok(fill(Msg::StaffPinSet.get(lang), &[&username]))
}
