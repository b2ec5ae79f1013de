//! Staff accounts: sign-in with PINs, lockout, disabled accounts, the access log they leave.

use chrono::{DateTime, Duration, Local, TimeZone};
use meja::domain::access::AccessKind;
use meja::domain::staff::{Role, StaffMember};
use meja::store::Store;
use meja::store::access::AccessFilter;
use meja::store::staff::{Lockout, SignIn};

fn now() -> DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

fn member(username: &str, role: Role) -> StaffMember {
    StaffMember {
        username: username.into(),
        display_name: format!("{username} (nama)"),
        role,
        active: true,
        has_pin: true,
    }
}

fn store_with_ani() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.add_staff(&member("ani", Role::Petugas), Some("2468"), now(), "sup")
        .unwrap();
    s
}

#[test]
fn the_right_pin_signs_in_and_a_wrong_one_counts_down() {
    let mut s = store_with_ani();
    let rules = Lockout::default();
    assert_eq!(
        s.sign_in("ani", Some("1111"), now(), rules).unwrap(),
        SignIn::WrongPin { left: 4 }
    );
    match s.sign_in("ani", Some("2468"), now(), rules).unwrap() {
        SignIn::Ok(m) => assert_eq!(m.role, Role::Petugas),
        other => panic!("{other:?}"),
    }
    // A good sign-in forgives earlier mistakes.
    assert_eq!(
        s.sign_in("ani", Some("1111"), now(), rules).unwrap(),
        SignIn::WrongPin { left: 4 }
    );
}

#[test]
fn five_wrong_pins_lock_the_account_even_against_the_right_pin() {
    let mut s = store_with_ani();
    let rules = Lockout {
        tries: 5,
        minutes: 15,
    };
    for left in (1..=4).rev() {
        assert_eq!(
            s.sign_in("ani", Some("0000"), now(), rules).unwrap(),
            SignIn::WrongPin { left }
        );
    }
    let until = now() + Duration::minutes(15);
    assert_eq!(
        s.sign_in("ani", Some("0000"), now(), rules).unwrap(),
        SignIn::Locked { until }
    );
    // Locked: the right PIN is refused too, until the time is up.
    let later = now() + Duration::minutes(14);
    assert_eq!(
        s.sign_in("ani", Some("2468"), later, rules).unwrap(),
        SignIn::Locked { until }
    );
    let after = now() + Duration::minutes(16);
    assert!(matches!(
        s.sign_in("ani", Some("2468"), after, rules).unwrap(),
        SignIn::Ok(_)
    ));
}

#[test]
fn a_lockout_holds_for_another_process_on_the_same_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meja.db");
    let mut a = Store::open(&path).unwrap();
    a.add_staff(&member("ani", Role::Petugas), Some("2468"), now(), "sup")
        .unwrap();
    let rules = Lockout {
        tries: 3,
        minutes: 5,
    };
    let mut b = Store::open(&path).unwrap();
    a.sign_in("ani", Some("0"), now(), rules).unwrap();
    b.sign_in("ani", Some("0"), now(), rules).unwrap();
    assert!(matches!(
        a.sign_in("ani", Some("0"), now(), rules).unwrap(),
        SignIn::Locked { .. }
    ));
    assert!(matches!(
        b.sign_in("ani", Some("2468"), now(), rules).unwrap(),
        SignIn::Locked { .. }
    ));
}

#[test]
fn a_new_pin_from_a_supervisor_lifts_the_lock() {
    let mut s = store_with_ani();
    let rules = Lockout {
        tries: 1,
        minutes: 60,
    };
    s.sign_in("ani", Some("0000"), now(), rules).unwrap();
    s.set_staff_pin("ani", "1357", now(), "sup").unwrap();
    assert!(matches!(
        s.sign_in("ani", Some("1357"), now(), rules).unwrap(),
        SignIn::Ok(_)
    ));
}

#[test]
fn disabled_and_unknown_accounts_cannot_sign_in() {
    let mut s = store_with_ani();
    s.set_staff_active("ani", false, now(), "sup").unwrap();
    let r = Lockout::default();
    assert_eq!(
        s.sign_in("ani", Some("2468"), now(), r).unwrap(),
        SignIn::Disabled
    );
    assert_eq!(s.sign_in("ani", None, now(), r).unwrap(), SignIn::Disabled);
    assert_eq!(s.sign_in("zed", None, now(), r).unwrap(), SignIn::Unknown);
    assert!(
        s.add_staff(&member("ani", Role::Supervisor), None, now(), "sup")
            .is_err()
    );
}

#[test]
fn every_sign_in_attempt_and_account_change_is_logged() {
    let mut s = store_with_ani();
    let r = Lockout::default();
    s.sign_in("ani", Some("0000"), now(), r).unwrap();
    s.sign_in("ani", Some("2468"), now(), r).unwrap();
    s.set_staff_active("ani", false, now(), "sup").unwrap();
    let kinds: Vec<_> = s
        .access_log(&AccessFilter::default())
        .unwrap()
        .into_iter()
        .rev()
        .map(|e| (e.staff, e.kind.unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("sup".to_string(), AccessKind::Staff),
            ("ani".to_string(), AccessKind::SignInFailed),
            ("ani".to_string(), AccessKind::SignIn),
            ("sup".to_string(), AccessKind::Staff),
        ]
    );
}
