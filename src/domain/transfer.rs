//! A case moving to another UPTD PPA: one file with the case, its people, its history, notes
//! and referrals. The file is versioned: a meja refuses a file from a newer format rather
//! than read it half.
//!
//! On arrival the case gets a local number and keeps its origin number and office; it starts
//! at intake (the receiving office verifies and assesses it itself, as the SOP asks of any
//! report), and the origin's history and notes come along marked as the origin's, so this
//! office's figures count only what happened here.

use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "meja-pindah-kasus";
pub const VERSION: u32 = 1;

/// Actions in the history copied from the origin office carry this prefix.
pub const ORIGIN_PREFIX: &str = "asal:";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseTransfer {
    pub format: String,
    pub version: u32,
    /// The office that wrote the file (configuration `office.name`).
    pub office: String,
    pub exported_at: String,
    pub exported_by: String,
    pub case: TransferCase,
    pub persons: Vec<TransferPerson>,
    pub history: Vec<TransferHistory>,
    pub notes: Vec<TransferNote>,
    pub referrals: Vec<TransferReferral>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferCase {
    pub number: String,
    /// Where the case came from before, if it was itself transferred.
    pub origin_number: Option<String>,
    pub origin_office: Option<String>,
    pub stage: String,
    pub risk: String,
    pub emergency: bool,
    pub opened_at: String,
    pub opened_by: String,
    pub closed_at: Option<String>,
    pub closure_reason: Option<String>,
    pub closure_note: Option<String>,
    pub channel: Option<String>,
    pub reporter_kind: Option<String>,
    pub incident_date: Option<String>,
    pub incident_time: Option<String>,
    pub incident_place: Option<String>,
    pub incident_address: String,
    pub incident_region: Option<String>,
    pub chronology: String,
    pub consent_services: String,
    pub consent_share: Option<String>,
    pub consent_by: String,
    pub consent_relation: Option<String>,
    pub consent_withheld: String,
    pub violence: Vec<String>,
    pub services: Vec<String>,
    pub withhold: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferPerson {
    /// `pelapor`, `korban` or `terlapor`.
    pub role: String,
    pub ord: i64,
    pub name: String,
    pub nik: Option<String>,
    pub sex: Option<String>,
    pub birth_date: Option<String>,
    pub age: Option<u32>,
    pub phone: Option<String>,
    pub address: String,
    pub region: Option<String>,
    pub relation: Option<String>,
    pub disability: Option<String>,
    pub schooling: String,
    pub guardian: String,
    pub ampk: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferHistory {
    pub at: String,
    pub staff: String,
    pub action: String,
    pub field: Option<String>,
    pub old: Option<String>,
    pub new: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferNote {
    pub at: String,
    pub staff: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct TransferReferral {
    pub agency: String,
    pub service: String,
    pub reason: String,
    pub follow_up: Option<String>,
    pub status: String,
    pub status_note: String,
    pub override_reason: Option<String>,
    pub letter_number: Option<String>,
    pub created_at: String,
    pub created_by: String,
}

/// Why a transfer file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    NotATransfer,
    /// Made by a newer meja: this format version.
    TooNew(u32),
}

impl CaseTransfer {
    /// Checks the header before anything is written.
    pub fn check(&self) -> Result<(), FileError> {
        if self.format != FORMAT || self.case.number.trim().is_empty() {
            return Err(FileError::NotATransfer);
        }
        if self.version > VERSION {
            return Err(FileError::TooNew(self.version));
        }
        if !self.persons.iter().any(|p| p.role == "korban") {
            return Err(FileError::NotATransfer);
        }
        Ok(())
    }

    /// How the origin's staff are named here: `ani (UPTD PPA Kota Contoh)`, so nobody takes
    /// them for a local worker of the same name.
    pub fn origin_staff(&self, staff: &str) -> String {
        format!("{staff} ({})", self.office)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> CaseTransfer {
        CaseTransfer {
            format: FORMAT.into(),
            version: VERSION,
            office: "UPTD PPA Kota Contoh".into(),
            exported_at: String::new(),
            exported_by: "ani".into(),
            case: TransferCase {
                number: "PPA/2026/0001".into(),
                ..Default::default()
            },
            persons: vec![TransferPerson {
                role: "korban".into(),
                ..Default::default()
            }],
            history: vec![],
            notes: vec![],
            referrals: vec![],
        }
    }

    #[test]
    fn a_newer_format_or_a_foreign_file_is_refused() {
        assert_eq!(file().check(), Ok(()));
        let mut newer = file();
        newer.version = VERSION + 1;
        assert_eq!(newer.check(), Err(FileError::TooNew(VERSION + 1)));
        let mut other = file();
        other.format = "sesuatu-lain".into();
        assert_eq!(other.check(), Err(FileError::NotATransfer));
        let mut nobody = file();
        nobody.persons.clear();
        assert_eq!(nobody.check(), Err(FileError::NotATransfer));
    }

    #[test]
    fn origin_staff_carry_their_office() {
        assert_eq!(file().origin_staff("ani"), "ani (UPTD PPA Kota Contoh)");
    }
}
