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

/// The intake worker's correction window (issue 16): whoever took an intake may add notes to
/// it and correct its fields for a while after saving it, whatever their role — the typo is
/// theirs, and a petugas has no other way to mend it. Only those two actions; moving,
/// closing or assigning stays with the role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Taken<'a> {
    /// Who saved the intake (the case's `opened_by`).
    pub by: &'a str,
    /// When it was saved.
    pub at: chrono::DateTime<chrono::FixedOffset>,
}

/// The answer to "may this worker do this to this case now?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allowed,
    /// The role does not allow it.
    Refused,
    /// Only the correction window would have allowed it, and it closed at this time.
    WindowClosed(chrono::DateTime<chrono::FixedOffset>),
}

/// Whether the correction window lets `staff` do `action` on the intake `taken` at `now`;
/// `window` zero turns it off.
pub fn correction_window(
    staff: &str,
    action: Permission,
    taken: &Taken<'_>,
    now: chrono::DateTime<chrono::FixedOffset>,
    window: chrono::Duration,
) -> Decision {
    if !matches!(action, Permission::Edit | Permission::AddNote)
        || taken.by != staff
        || window <= chrono::Duration::zero()
    {
        return Decision::Refused;
    }
    let until = taken.at + window;
    if now < until {
        Decision::Allowed
    } else {
        Decision::WindowClosed(until)
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

    /// Like `may`, with the correction window of the intake `taken` (see
    /// [`correction_window`]) for what the role alone refuses.
    pub fn decide(
        &self,
        action: Permission,
        assigned_to: Option<&str>,
        taken: Option<&Taken<'_>>,
        now: chrono::DateTime<chrono::FixedOffset>,
        window: chrono::Duration,
    ) -> Decision {
        if self.may(action, assigned_to) {
            return Decision::Allowed;
        }
        match taken {
            Some(t) => correction_window(&self.username, action, t, now, window),
            None => Decision::Refused,
        }
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
    fn the_intake_worker_may_correct_and_add_notes_for_the_window_only() {
        use chrono::{Duration, TimeZone};
        let wib = chrono::FixedOffset::east_opt(7 * 3600).unwrap();
        let at = |d: u32, h: u32, m: u32| wib.with_ymd_and_hms(2026, 11, d, h, m, 0).unwrap();
        let taken = Taken {
            by: "ani",
            at: at(2, 9, 30),
        };
        let day = Duration::hours(24);
        let ani = Actor::new("ani", Role::Petugas);
        for action in [Edit, AddNote] {
            assert_eq!(
                ani.decide(action, None, Some(&taken), at(2, 9, 31), day),
                Decision::Allowed
            );
            assert_eq!(
                ani.decide(action, None, Some(&taken), at(3, 9, 29), day),
                Decision::Allowed
            );
            // At 24 hours to the minute the window has closed, and says when it did.
            assert_eq!(
                ani.decide(action, None, Some(&taken), at(3, 9, 30), day),
                Decision::WindowClosed(at(3, 9, 30))
            );
            // A shorter window from the configuration.
            assert_eq!(
                ani.decide(action, None, Some(&taken), at(2, 12, 0), Duration::hours(2)),
                Decision::WindowClosed(at(2, 11, 30))
            );
            // Zero turns it off.
            assert_eq!(
                ani.decide(action, None, Some(&taken), at(2, 9, 31), Duration::zero()),
                Decision::Refused
            );
            // Another petugas never had it.
            let budi = Actor::new("budi", Role::Petugas);
            assert_eq!(
                budi.decide(action, None, Some(&taken), at(2, 9, 31), day),
                Decision::Refused
            );
        }
        // Only notes and corrections: moving or closing stays with the role.
        for action in [Move, Close, Assign, Plan] {
            assert_eq!(
                ani.decide(action, None, Some(&taken), at(2, 9, 31), day),
                Decision::Refused
            );
        }
        // The role's own rights do not expire.
        let sup = Actor::new("sari", Role::Supervisor);
        assert_eq!(
            sup.decide(Edit, None, Some(&taken), at(20, 9, 0), day),
            Decision::Allowed
        );
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
