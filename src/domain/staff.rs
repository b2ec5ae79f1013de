//! Staff accounts and who may do what. The role matrix lives here and only here: the screens
//! ask it what to offer, and every change goes through a `Policy` built from it.

use super::case::{Permission, Policy};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Front desk: opens intakes, sees the board, makes referrals.
    Petugas,
    /// Case manager: edits and moves the cases assigned to them.
    ManajerKasus,
    /// Assigns, closes, reopens, reports, exports, manages staff and the directory.
    Supervisor,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Petugas, Role::ManajerKasus, Role::Supervisor];

    pub fn code(self) -> &'static str {
        match self {
            Role::Petugas => "petugas",
            Role::ManajerKasus => "manajer_kasus",
            Role::Supervisor => "supervisor",
        }
    }

    /// Accepts the stored code and the spellings people type (`manajer-kasus`, `manajer`).
    pub fn parse(s: &str) -> Option<Role> {
        match s.trim().to_lowercase().replace(['-', ' '], "_").as_str() {
            "petugas" | "front_desk" => Some(Role::Petugas),
            "manajer_kasus" | "manajer" | "case_manager" => Some(Role::ManajerKasus),
            "supervisor" => Some(Role::Supervisor),
            _ => None,
        }
    }
}

/// Whether `role` may do `action`, on a case assigned to the actor (`mine`) or not. For
/// actions that touch no case, `mine` is ignored.
pub fn permits(role: Role, action: Permission, mine: bool) -> bool {
    use Permission::*;
    match role {
        Role::Supervisor => true,
        Role::ManajerKasus => match action {
            OpenIntake | Refer | RecordService => true,
            Move | Edit | AddNote | OverrideConsent | Assess | Plan | RecordLegal => mine,
            Close | Reopen | Assign | ManageDirectory | Report | ManageStaff | ReadAudit
            | Approve => false,
        },
        Role::Petugas => matches!(action, OpenIntake | Refer | RecordService),
    }
}

/// A signed-in worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub username: String,
    pub role: Role,
}

impl Actor {
    pub fn new(username: impl Into<String>, role: Role) -> Actor {
        Actor {
            username: username.into(),
            role,
        }
    }

    /// What the actor may do to a case assigned to `assigned_to` (None: no case, or nobody).
    pub fn may(&self, action: Permission, assigned_to: Option<&str>) -> bool {
        permits(
            self.role,
            action,
            assigned_to == Some(self.username.as_str()),
        )
    }

    /// The policy for one case, to hand to the domain checks.
    pub fn on_case<'a>(&'a self, assigned_to: Option<&'a str>) -> CasePolicy<'a> {
        CasePolicy {
            actor: self,
            assigned_to,
        }
    }
}

/// An actor's rights on one case.
pub struct CasePolicy<'a> {
    actor: &'a Actor,
    assigned_to: Option<&'a str>,
}

impl Policy for CasePolicy<'_> {
    fn allows(&self, staff: &str, action: Permission) -> bool {
        // A policy built for one worker never vouches for another.
        staff == self.actor.username && self.actor.may(action, self.assigned_to)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub active: bool,
    pub has_pin: bool,
}

/// Usernames are login names: what `SUDO_USER`/`USER` hold, so they match at sign-in.
pub fn valid_username(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 32
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        && !s.starts_with('-')
}

/// A PIN is 4 to 12 digits: typed fast at a front desk, and hashed with Argon2id.
pub fn valid_pin(s: &str) -> bool {
    (4..=12).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Permission::*;

    /// The whole matrix, written out by hand from the issue: every action × every role, for
    /// a case assigned to the actor and one that is not.
    #[test]
    fn role_matrix() {
        // (action, petugas, manajer on own case, manajer on other case, supervisor)
        let expected = [
            (Move, false, true, false, true),
            (Close, false, false, false, true),
            (Reopen, false, false, false, true),
            (Assign, false, false, false, true),
            (Edit, false, true, false, true),
            (AddNote, false, true, false, true),
            (Refer, true, true, true, true),
            (OverrideConsent, false, true, false, true),
            (ManageDirectory, false, false, false, true),
            (OpenIntake, true, true, true, true),
            (Report, false, false, false, true),
            (ManageStaff, false, false, false, true),
            (ReadAudit, false, false, false, true),
            (Assess, false, true, false, true),
            (Plan, false, true, false, true),
            (Approve, false, false, false, true),
            (RecordService, true, true, true, true),
            (RecordLegal, false, true, false, true),
        ];
        assert_eq!(
            expected.len(),
            Permission::ALL.len(),
            "every action is listed"
        );
        for (action, pet, mk_own, mk_other, sup) in expected {
            for mine in [true, false] {
                assert_eq!(
                    permits(Role::Petugas, action, mine),
                    pet,
                    "petugas {action:?}"
                );
                assert_eq!(
                    permits(Role::Supervisor, action, mine),
                    sup,
                    "sup {action:?}"
                );
            }
            assert_eq!(
                permits(Role::ManajerKasus, action, true),
                mk_own,
                "mk {action:?}"
            );
            assert_eq!(
                permits(Role::ManajerKasus, action, false),
                mk_other,
                "mk {action:?}"
            );
        }
    }

    #[test]
    fn a_case_policy_follows_the_assignment_and_the_actor() {
        let budi = Actor::new("budi", Role::ManajerKasus);
        assert!(budi.on_case(Some("budi")).allows("budi", Move));
        assert!(!budi.on_case(Some("citra")).allows("budi", Move));
        assert!(!budi.on_case(None).allows("budi", Move));
        // Built for budi, it does not let someone else act in budi's name.
        assert!(!budi.on_case(Some("budi")).allows("citra", Move));
    }

    #[test]
    fn roles_parse_as_people_type_them() {
        assert_eq!(Role::parse("Manajer-Kasus"), Some(Role::ManajerKasus));
        assert_eq!(Role::parse("supervisor"), Some(Role::Supervisor));
        assert_eq!(Role::parse("boss"), None);
        for r in Role::ALL {
            assert_eq!(Role::parse(r.code()), Some(r));
        }
    }

    #[test]
    fn usernames_and_pins() {
        assert!(valid_username("ani.s"));
        assert!(!valid_username("ani s"));
        assert!(!valid_username("-rf"));
        assert!(!valid_username(""));
        assert!(valid_pin("1234"));
        assert!(!valid_pin("123"));
        assert!(!valid_pin("12a4"));
    }
}
