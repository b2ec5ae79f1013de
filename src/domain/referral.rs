//! Referrals to partner agencies: when one may be made, how its status moves, and the letter
//! number. Primero's rule holds: no referral without recorded consent to share information,
//! unless someone writes down why they override it.

use chrono::{Datelike, NaiveDate};

use super::case::{Permission, Policy};
use super::vocab::SERVICES;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Dikirim,
    Diterima,
    Ditolak,
    Selesai,
    Dibatalkan,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Dikirim,
        Status::Diterima,
        Status::Ditolak,
        Status::Selesai,
        Status::Dibatalkan,
    ];

    /// The stored code, one of `vocab::REFERRAL_STATUS`.
    pub fn code(self) -> &'static str {
        match self {
            Status::Dikirim => "dikirim",
            Status::Diterima => "diterima",
            Status::Ditolak => "ditolak",
            Status::Selesai => "selesai",
            Status::Dibatalkan => "dibatalkan",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Where a referral can go from here. Rejected, done and revoked are final.
    pub fn next(self) -> &'static [Status] {
        match self {
            Status::Dikirim => &[Status::Diterima, Status::Ditolak, Status::Dibatalkan],
            Status::Diterima => &[Status::Selesai, Status::Dibatalkan],
            Status::Ditolak | Status::Selesai | Status::Dibatalkan => &[],
        }
    }

    /// Whether the change needs words: why it was rejected or revoked, what the provider did.
    pub fn needs_note(self) -> bool {
        matches!(self, Status::Ditolak | Status::Selesai | Status::Dibatalkan)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferralError {
    /// Consent to share was not recorded as given, and no override reason was written.
    NoConsent,
    /// A closed case takes no new referrals; reopen it first.
    CaseClosed,
    NotPermitted,
    AgencyInactive,
    ServiceRequired,
    ReasonRequired,
    FollowUpInPast,
    /// The status cannot go there from where it is.
    NotAllowed,
    /// Rejection, completion and revocation need a note.
    NoteRequired,
    /// Someone else changed the referral first.
    Conflict,
}

/// A referral about to be made.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewReferral {
    pub agency_id: i64,
    pub service: String,
    pub reason: String,
    pub follow_up: Option<NaiveDate>,
    /// Why the referral goes ahead without recorded consent to share.
    pub override_reason: Option<String>,
}

/// Checks a new referral for a case whose consent-to-share answer is `consent_share`
/// (`vocab::YES_NO`: only `ya` is consent).
pub fn check_new(
    consent_share: &str,
    r: &NewReferral,
    agency_active: bool,
    today: NaiveDate,
    staff: &str,
    policy: &dyn Policy,
) -> Result<(), ReferralError> {
    if !policy.allows(staff, Permission::Refer) {
        return Err(ReferralError::NotPermitted);
    }
    if !agency_active {
        return Err(ReferralError::AgencyInactive);
    }
    if !SERVICES.contains(&r.service) {
        return Err(ReferralError::ServiceRequired);
    }
    if r.reason.trim().is_empty() {
        return Err(ReferralError::ReasonRequired);
    }
    if r.follow_up.is_some_and(|d| d < today) {
        return Err(ReferralError::FollowUpInPast);
    }
    if consent_share != "ya" {
        let reason = r.override_reason.as_deref().unwrap_or("").trim();
        if reason.is_empty() {
            return Err(ReferralError::NoConsent);
        }
        if !policy.allows(staff, Permission::OverrideConsent) {
            return Err(ReferralError::NotPermitted);
        }
    }
    Ok(())
}

/// Checks a status change with its note.
pub fn check_status(
    from: Status,
    to: Status,
    note: &str,
    staff: &str,
    policy: &dyn Policy,
) -> Result<(), ReferralError> {
    if !policy.allows(staff, Permission::Refer) {
        return Err(ReferralError::NotPermitted);
    }
    if !from.next().contains(&to) {
        return Err(ReferralError::NotAllowed);
    }
    if to.needs_note() && note.trim().is_empty() {
        return Err(ReferralError::NoteRequired);
    }
    Ok(())
}

/// A referral as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referral {
    pub id: i64,
    pub case_id: i64,
    pub case_number: String,
    pub agency_id: i64,
    pub agency_name: String,
    pub service: String,
    pub reason: String,
    pub follow_up: Option<NaiveDate>,
    pub status: Status,
    /// The last status change's words: rejection reason, provider's note, revocation reason.
    pub status_note: String,
    pub override_reason: Option<String>,
    pub letter_number: Option<String>,
    pub created: NaiveDate,
    pub created_by: String,
    pub version: i64,
}

impl Referral {
    /// Sent, not answered, and past its follow-up date.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.status == Status::Dikirim && self.follow_up.is_some_and(|d| d < today)
    }
}

pub fn roman_month(month: u32) -> &'static str {
    const R: [&str; 12] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    R[(month.clamp(1, 12) - 1) as usize]
}

/// The letter number in the Indonesian style, `{seq}/{prefix}/{roman month}/{yyyy}`, with the
/// sequence zero-padded to three digits as registers are kept.
pub fn letter_number(seq: i64, prefix: &str, date: NaiveDate) -> String {
    format!(
        "{seq:03}/{prefix}/{}/{}",
        roman_month(date.month()),
        date.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::Everyone;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn new() -> NewReferral {
        NewReferral {
            agency_id: 1,
            service: "psikologis".into(),
            reason: "Pendampingan psikologis pasca kejadian".into(),
            follow_up: today().succ_opt(),
            override_reason: None,
        }
    }

    struct NoOverride;
    impl Policy for NoOverride {
        fn allows(&self, _: &str, a: Permission) -> bool {
            a != Permission::OverrideConsent
        }
    }

    #[test]
    fn consent_is_required_unless_overridden_with_words() {
        assert_eq!(
            check_new("ya", &new(), true, today(), "ani", &Everyone),
            Ok(())
        );
        for share in ["tidak", "", "belum"] {
            assert_eq!(
                check_new(share, &new(), true, today(), "ani", &Everyone),
                Err(ReferralError::NoConsent)
            );
        }
        let mut r = new();
        r.override_reason = Some("   ".into());
        assert_eq!(
            check_new("tidak", &r, true, today(), "ani", &Everyone),
            Err(ReferralError::NoConsent)
        );
        r.override_reason = Some("Anak dalam bahaya, perlu visum segera".into());
        assert_eq!(
            check_new("tidak", &r, true, today(), "ani", &Everyone),
            Ok(())
        );
        assert_eq!(
            check_new("tidak", &r, true, today(), "ani", &NoOverride),
            Err(ReferralError::NotPermitted)
        );
    }

    #[test]
    fn a_referral_needs_an_active_agency_a_service_a_reason_and_a_future_follow_up() {
        let ok = |r: &NewReferral, active| check_new("ya", r, active, today(), "ani", &Everyone);
        assert_eq!(ok(&new(), false), Err(ReferralError::AgencyInactive));
        let mut r = new();
        r.service = "pijat".into();
        assert_eq!(ok(&r, true), Err(ReferralError::ServiceRequired));
        let mut r = new();
        r.reason = " ".into();
        assert_eq!(ok(&r, true), Err(ReferralError::ReasonRequired));
        let mut r = new();
        r.follow_up = today().pred_opt();
        assert_eq!(ok(&r, true), Err(ReferralError::FollowUpInPast));
        r.follow_up = None;
        assert_eq!(ok(&r, true), Ok(()));
    }

    #[test]
    fn every_status_transition() {
        use Status::*;
        for from in Status::ALL {
            for to in Status::ALL {
                let allowed = matches!(
                    (from, to),
                    (Dikirim, Diterima)
                        | (Dikirim, Ditolak)
                        | (Dikirim, Dibatalkan)
                        | (Diterima, Selesai)
                        | (Diterima, Dibatalkan)
                );
                let got = check_status(from, to, "catatan", "ani", &Everyone);
                assert_eq!(got.is_ok(), allowed, "{from:?} → {to:?}");
                if allowed && to.needs_note() {
                    assert_eq!(
                        check_status(from, to, " ", "ani", &Everyone),
                        Err(ReferralError::NoteRequired)
                    );
                }
            }
        }
        assert_eq!(
            check_status(Dikirim, Diterima, "", "ani", &Everyone),
            Ok(())
        );
        for s in Status::ALL {
            assert_eq!(Status::from_code(s.code()), Some(s));
            assert!(crate::domain::vocab::REFERRAL_STATUS.contains(s.code()));
        }
    }

    #[test]
    fn letter_numbers_follow_the_indonesian_style() {
        assert_eq!(
            letter_number(7, "UPTD-PPA", today()),
            "007/UPTD-PPA/XI/2026"
        );
        assert_eq!(
            letter_number(1234, "PPA", NaiveDate::from_ymd_opt(2027, 4, 1).unwrap()),
            "1234/PPA/IV/2027"
        );
    }

    #[test]
    fn only_unanswered_referrals_past_follow_up_are_overdue() {
        let r = Referral {
            id: 1,
            case_id: 1,
            case_number: "PPA/2026/0001".into(),
            agency_id: 1,
            agency_name: "X".into(),
            service: "psikologis".into(),
            reason: "r".into(),
            follow_up: today().pred_opt(),
            status: Status::Dikirim,
            status_note: String::new(),
            override_reason: None,
            letter_number: None,
            created: today(),
            created_by: "ani".into(),
            version: 1,
        };
        assert!(r.overdue(today()));
        assert!(!r.overdue(today().pred_opt().unwrap()));
        let answered = Referral {
            status: Status::Diterima,
            ..r.clone()
        };
        assert!(!answered.overdue(today()));
    }
}
