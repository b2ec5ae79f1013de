//! The active staff accounts as a vocabulary, for the pick-list (issue 16, point 2: assign
//! picks an account rather than taking any text). The pick-list holds `'static` terms, as
//! every other vocabulary is; the accounts are made so once per distinct list and kept, so
//! pressing `a` again costs nothing and only a changed list of accounts adds memory.

use std::sync::Mutex;

use crate::domain::staff::StaffMember;
use crate::domain::vocab::{Term, Vocab};

/// (username, display name) of each active account, in order.
type Accounts = Vec<(String, String)>;

/// The last list made, and its vocabulary.
static MADE: Mutex<Option<(Accounts, Vocab)>> = Mutex::new(None);

/// The active accounts of `staff`, labelled "Display Name (username)", coded by username, in
/// the order given.
pub fn vocab(staff: &[StaffMember]) -> Vocab {
    let key: Accounts = staff
        .iter()
        .filter(|m| m.active)
        .map(|m| (m.username.clone(), m.display_name.clone()))
        .collect();
    let mut made = MADE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((k, v)) = made.as_ref()
        && *k == key
    {
        return *v;
    }
    let terms: Vec<Term> = key
        .iter()
        .map(|(user, name)| {
            let label: &'static str = if name.trim().is_empty() || name == user {
                Box::leak(user.clone().into_boxed_str())
            } else {
                Box::leak(format!("{name} ({user})").into_boxed_str())
            };
            Term {
                code: Box::leak(user.clone().into_boxed_str()),
                id: label,
                en: label,
            }
        })
        .collect();
    let v = Vocab {
        name: "akun",
        terms: Box::leak(terms.into_boxed_slice()),
    };
    *made = Some((key, v));
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::staff::Role;

    fn m(user: &str, name: &str, active: bool) -> StaffMember {
        StaffMember {
            username: user.into(),
            display_name: name.into(),
            role: Role::Petugas,
            active,
            has_pin: true,
        }
    }

    #[test]
    fn only_active_accounts_with_name_and_username() {
        let v = vocab(&[m("budi", "Budi Santoso", true), m("citra", "Citra", false)]);
        assert_eq!(v.terms.len(), 1);
        assert_eq!(v.terms[0].code, "budi");
        assert_eq!(v.terms[0].id, "Budi Santoso (budi)");
        // The same list again is the same vocabulary, not a new one.
        let again = vocab(&[m("budi", "Budi Santoso", true), m("citra", "Citra", false)]);
        assert!(std::ptr::eq(v.terms, again.terms));
    }
}
