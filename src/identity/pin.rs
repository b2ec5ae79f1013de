//! PIN hashing. Argon2id with the crate's defaults (19 MiB, 2 passes: the OWASP minimum),
//! stored as a PHC string so the parameters can be raised later without breaking old hashes.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

pub fn hash_pin(pin: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        // Hashing fails only for parameters out of range, and the defaults are in range.
        .expect("argon2 default parameters")
        .to_string()
}

/// False for a wrong PIN and for a stored hash that does not parse.
pub fn verify_pin(pin: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|h| {
        Argon2::default()
            .verify_password(pin.as_bytes(), &h)
            .is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_verifies_against_its_hash_only() {
        let h = hash_pin("2468");
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(verify_pin("2468", &h));
        assert!(!verify_pin("2469", &h));
        assert!(!verify_pin("2468", "not a hash"));
        assert_ne!(h, hash_pin("2468"), "salted");
    }
}
