//! What the access log records. Under UU 27/2022 an office must be able to say who saw or
//! handled a child's data and when: every opening, reveal, edit, export and print of a case
//! is one append-only row.

/// One kind of access. `code()` is what is stored; it never changes once shipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AccessKind {
    /// A case file was opened on screen.
    Open,
    /// A masked NIK was revealed.
    Reveal,
    /// A case was changed (intake saved, moved, assigned, noted, referred).
    Edit,
    /// Case data left meja as a file (export, transfer, backup).
    Export,
    /// A letter or report about a case was printed or written to a file.
    Print,
    /// A worker signed in, or failed to.
    SignIn,
    SignInFailed,
    /// A staff account was added, changed or disabled.
    Staff,
}

impl AccessKind {
    pub const ALL: [AccessKind; 8] = [
        AccessKind::Open,
        AccessKind::Reveal,
        AccessKind::Edit,
        AccessKind::Export,
        AccessKind::Print,
        AccessKind::SignIn,
        AccessKind::SignInFailed,
        AccessKind::Staff,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AccessKind::Open => "buka",
            AccessKind::Reveal => "tampil_nik",
            AccessKind::Edit => "ubah",
            AccessKind::Export => "ekspor",
            AccessKind::Print => "cetak",
            AccessKind::SignIn => "masuk",
            AccessKind::SignInFailed => "gagal_masuk",
            AccessKind::Staff => "akun",
        }
    }

    pub fn from_code(code: &str) -> Option<AccessKind> {
        AccessKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_distinct() {
        for k in AccessKind::ALL {
            assert_eq!(AccessKind::from_code(k.code()), Some(k));
        }
        let mut codes: Vec<_> = AccessKind::ALL.iter().map(|k| k.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), AccessKind::ALL.len());
    }
}
