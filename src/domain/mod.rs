//! The domain: pure types and rules. No SQL, no terminal, no clock (callers pass `today`).

pub mod access;
pub mod agency;
pub mod approval;
pub mod assessment;
pub mod case;
pub mod due;
pub mod export;
pub mod followup;
pub mod intake;
pub mod law;
pub mod legal;
pub mod letter;
pub mod merge;
pub mod paper;
pub mod plan;
pub mod referral;
pub mod region;
pub mod report;
pub mod roughdate;
pub mod service;
pub mod simfoni;
pub mod spelling;
pub mod staff;
pub mod text;
pub mod transfer;
pub mod validate;
pub mod vocab;

/// Why a field's value is refused or doubted. Translated to words in `i18n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Issue {
    Required,
    /// Neither a birth date nor an estimated age.
    AgeRequired,
    DateFormat,
    DateYear,
    DateImpossible,
    DateFuture,
    TimeFormat,
    AgeInvalid,
    NikDigits,
    NikLength,
    NikMonth,
    NikDay,
    NikSerial,
    PhoneInvalid,
    AmpkRequiredForChild,
    // Warnings from here on: recorded, shown, never blocking.
    NikUnknownProvince,
    NikSexMismatch,
    NikBirthMismatch,
    /// The NIK's kecamatan is not in the region table (old or split kecamatan).
    NikUnknownRegion,
    /// The address is in another kecamatan than the one the NIK was issued in.
    NikRegionMismatch,
    AgeBirthMismatch,
    ChildConsentBySelf,
    ConsentGiverIsPerpetrator,
    /// A victim's phone without an answer to "aman dihubungi?".
    SafeContactUnanswered,
    /// A WNA with no country recorded: SIMFONI asks for it.
    CountryMissing,
}

impl Issue {
    /// A warning flags a doubt; it never stops a save. NIK rules follow Dukcapil practice: old
    /// and split regions exist, and registrations carry mistakes that the person cannot fix at
    /// the front desk.
    pub fn is_warning(self) -> bool {
        matches!(
            self,
            Issue::NikUnknownProvince
                | Issue::NikSexMismatch
                | Issue::NikBirthMismatch
                | Issue::NikUnknownRegion
                | Issue::NikRegionMismatch
                | Issue::AgeBirthMismatch
                | Issue::ChildConsentBySelf
                | Issue::ConsentGiverIsPerpetrator
                | Issue::SafeContactUnanswered
                | Issue::CountryMissing
        )
    }
}
