//! The case-management cycle: stages, the moves between them, and when a case is overdue.
//!
//! Rules (domain.md, KemenPPPA case-management SOP): a case moves one stage at a time; a case
//! flagged as an emergency may go from intake straight to services (emergency services come
//! before assessment); going back needs a reason; closing needs a closure reason; a closed case
//! reopens to assessment with a reason. Who may do each move is decided by a [`Policy`], the
//! one place where the staff roles plug in.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    Pengaduan,
    Asesmen,
    Rencana,
    Intervensi,
    Pemantauan,
    Terminasi,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Pengaduan,
        Stage::Asesmen,
        Stage::Rencana,
        Stage::Intervensi,
        Stage::Pemantauan,
        Stage::Terminasi,
    ];
    /// The stages a case is worked in: the board's columns.
    pub const OPEN: [Stage; 5] = [
        Stage::Pengaduan,
        Stage::Asesmen,
        Stage::Rencana,
        Stage::Intervensi,
        Stage::Pemantauan,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Stage::Pengaduan => "pengaduan",
            Stage::Asesmen => "asesmen",
            Stage::Rencana => "rencana",
            Stage::Intervensi => "intervensi",
            Stage::Pemantauan => "pemantauan",
            Stage::Terminasi => "terminasi",
        }
    }

    pub fn from_code(code: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.code() == code)
    }

    fn index(self) -> usize {
        self as usize
    }

    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self.index() + 1).copied()
    }

    pub fn prev(self) -> Option<Stage> {
        self.index().checked_sub(1).map(|i| Stage::ALL[i])
    }
}

/// A change of stage someone asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Move {
    Forward(Stage),
    Back { to: Stage, reason: String },
    Close { reason: String, note: String },
    Reopen { reason: String },
}

impl Move {
    /// The stage the case ends up in.
    pub fn target(&self) -> Stage {
        match self {
            Move::Forward(s) | Move::Back { to: s, .. } => *s,
            Move::Close { .. } => Stage::Terminasi,
            Move::Reopen { .. } => Stage::Asesmen,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveError {
    /// Forward more than one stage (only an emergency may jump from intake to services).
    SkipsStage,
    /// Forward or back to the stage it is in, or "back" to a later stage.
    WrongDirection,
    /// Going back or reopening needs a written reason.
    ReasonRequired,
    /// Closing needs a closure reason from the list; "lainnya" needs words too.
    ClosureReasonRequired,
    /// Closed cases only reopen; open cases are closed with Close, not moved to Terminasi.
    Closed,
    NotClosed,
    NotPermitted,
}

/// What a person may do. Who may do which is decided in one place: `domain::staff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    Move,
    Close,
    Reopen,
    Assign,
    Edit,
    AddNote,
    /// Make a referral or change its status.
    Refer,
    /// Refer without recorded consent to share, with a written reason.
    OverrideConsent,
    /// Add, edit and deactivate agencies in the directory.
    ManageDirectory,
    /// Open a new intake (a new case).
    OpenIntake,
    /// Monthly reports and data exports.
    Report,
    /// Add, disable and reset staff accounts.
    ManageStaff,
    /// Read the access log.
    ReadAudit,
    /// Write an assessment of a case.
    Assess,
    /// Write and change the intervention plan, and ask for its approval.
    Plan,
    /// Approve or return a plan or a closure.
    Approve,
    /// Record a service given or a follow-up: front-desk work on any case.
    RecordService,
    /// Record the legal side of a case: its qualification, legal events, the law's
    /// checklist, mediation. Anyone signed in may read them.
    RecordLegal,
}

impl Permission {
    pub const ALL: [Permission; 18] = [
        Permission::Move,
        Permission::Close,
        Permission::Reopen,
        Permission::Assign,
        Permission::Edit,
        Permission::AddNote,
        Permission::Refer,
        Permission::OverrideConsent,
        Permission::ManageDirectory,
        Permission::OpenIntake,
        Permission::Report,
        Permission::ManageStaff,
        Permission::ReadAudit,
        Permission::Assess,
        Permission::Plan,
        Permission::Approve,
        Permission::RecordService,
        Permission::RecordLegal,
    ];
}

pub trait Policy {
    fn allows(&self, staff: &str, action: Permission) -> bool;
}

/// Allows everything: for tests of rules other than permissions, and the demo.
pub struct Everyone;

impl Policy for Everyone {
    fn allows(&self, _staff: &str, _action: Permission) -> bool {
        true
    }
}

/// Checks a move of a case at `from` (flagged `emergency` or not) by `staff`.
pub fn check_move(
    from: Stage,
    emergency: bool,
    mv: &Move,
    staff: &str,
    policy: &dyn Policy,
) -> Result<(), MoveError> {
    let action = match mv {
        Move::Forward(_) | Move::Back { .. } => Permission::Move,
        Move::Close { .. } => Permission::Close,
        Move::Reopen { .. } => Permission::Reopen,
    };
    if !policy.allows(staff, action) {
        return Err(MoveError::NotPermitted);
    }
    match mv {
        Move::Reopen { reason } => {
            if from != Stage::Terminasi {
                return Err(MoveError::NotClosed);
            }
            if reason.trim().is_empty() {
                return Err(MoveError::ReasonRequired);
            }
            Ok(())
        }
        _ if from == Stage::Terminasi => Err(MoveError::Closed),
        Move::Close { reason, note } => {
            if !super::vocab::CLOSURE_REASONS.contains(reason) {
                return Err(MoveError::ClosureReasonRequired);
            }
            if reason == "lainnya" && note.trim().is_empty() {
                return Err(MoveError::ClosureReasonRequired);
            }
            Ok(())
        }
        Move::Forward(to) => {
            if *to <= from || *to == Stage::Terminasi {
                return Err(MoveError::WrongDirection);
            }
            let one_step = from.next() == Some(*to);
            let emergency_jump = emergency && from == Stage::Pengaduan && *to == Stage::Intervensi;
            if one_step || emergency_jump {
                Ok(())
            } else {
                Err(MoveError::SkipsStage)
            }
        }
        Move::Back { to, reason } => {
            if from.prev() != Some(*to) {
                return Err(MoveError::WrongDirection);
            }
            if reason.trim().is_empty() {
                return Err(MoveError::ReasonRequired);
            }
            Ok(())
        }
    }
}

/// Follow-up targets in days, per stage and risk level. Configurable (`[targets]` in the
/// configuration file); the defaults follow the SOP's urgency: high-risk cases are seen within
/// a day of intake, low-risk within a week.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Targets {
    pub pengaduan: [u32; 3],
    pub asesmen: [u32; 3],
    pub rencana: [u32; 3],
    pub intervensi: [u32; 3],
    pub pemantauan: [u32; 3],
}

impl Default for Targets {
    /// Days for [tinggi, sedang, rendah].
    fn default() -> Self {
        Targets {
            pengaduan: [1, 3, 7],
            asesmen: [3, 7, 14],
            rencana: [7, 14, 21],
            intervensi: [14, 30, 60],
            pemantauan: [30, 60, 90],
        }
    }
}

impl Targets {
    /// The target for a stage and risk code; None for a closed case.
    pub fn days(&self, stage: Stage, risk: &str) -> Option<u32> {
        let row = match stage {
            Stage::Pengaduan => self.pengaduan,
            Stage::Asesmen => self.asesmen,
            Stage::Rencana => self.rencana,
            Stage::Intervensi => self.intervensi,
            Stage::Pemantauan => self.pemantauan,
            Stage::Terminasi => return None,
        };
        Some(match risk {
            "tinggi" => row[0],
            "sedang" => row[1],
            _ => row[2],
        })
    }

    pub fn overdue(&self, stage: Stage, risk: &str, days_in_stage: i64) -> bool {
        self.days(stage, risk)
            .is_some_and(|t| days_in_stage > i64::from(t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Stage::*;

    fn check(from: Stage, emergency: bool, mv: Move) -> Result<(), MoveError> {
        check_move(from, emergency, &mv, "ani", &Everyone)
    }

    fn back(to: Stage, reason: &str) -> Move {
        Move::Back {
            to,
            reason: reason.into(),
        }
    }

    #[test]
    fn forward_moves_one_stage_at_a_time() {
        for from in Stage::OPEN {
            for to in Stage::OPEN {
                let r = check(from, false, Move::Forward(to));
                if from.next() == Some(to) {
                    assert_eq!(r, Ok(()), "{from:?} → {to:?}");
                } else if to <= from {
                    assert_eq!(r, Err(MoveError::WrongDirection), "{from:?} → {to:?}");
                } else {
                    assert_eq!(r, Err(MoveError::SkipsStage), "{from:?} → {to:?}");
                }
            }
        }
        assert_eq!(
            check(Pemantauan, false, Move::Forward(Terminasi)),
            Err(MoveError::WrongDirection)
        );
    }

    #[test]
    fn only_an_emergency_jumps_from_intake_to_services() {
        assert_eq!(check(Pengaduan, true, Move::Forward(Intervensi)), Ok(()));
        assert_eq!(
            check(Pengaduan, false, Move::Forward(Intervensi)),
            Err(MoveError::SkipsStage)
        );
        assert_eq!(
            check(Pengaduan, true, Move::Forward(Rencana)),
            Err(MoveError::SkipsStage)
        );
        assert_eq!(
            check(Asesmen, true, Move::Forward(Pemantauan)),
            Err(MoveError::SkipsStage)
        );
    }

    #[test]
    fn going_back_is_one_stage_with_a_reason() {
        assert_eq!(check(Rencana, false, back(Asesmen, "data kurang")), Ok(()));
        assert_eq!(
            check(Rencana, false, back(Asesmen, "  ")),
            Err(MoveError::ReasonRequired)
        );
        assert_eq!(
            check(Rencana, false, back(Pengaduan, "x")),
            Err(MoveError::WrongDirection)
        );
        assert_eq!(
            check(Pengaduan, false, back(Pengaduan, "x")),
            Err(MoveError::WrongDirection)
        );
    }

    #[test]
    fn closing_needs_a_reason_from_the_list() {
        let close = |r: &str, n: &str| Move::Close {
            reason: r.into(),
            note: n.into(),
        };
        for s in Stage::OPEN {
            assert_eq!(check(s, false, close("tujuan_tercapai", "")), Ok(()));
        }
        assert_eq!(
            check(Asesmen, false, close("", "")),
            Err(MoveError::ClosureReasonRequired)
        );
        assert_eq!(
            check(Asesmen, false, close("bosan", "")),
            Err(MoveError::ClosureReasonRequired)
        );
        assert_eq!(
            check(Asesmen, false, close("lainnya", "")),
            Err(MoveError::ClosureReasonRequired)
        );
        assert_eq!(
            check(Asesmen, false, close("lainnya", "pindah negara")),
            Ok(())
        );
        assert_eq!(
            check(Terminasi, false, close("tujuan_tercapai", "")),
            Err(MoveError::Closed)
        );
    }

    #[test]
    fn a_closed_case_only_reopens_to_assessment_with_a_reason() {
        let reopen = |r: &str| Move::Reopen { reason: r.into() };
        assert_eq!(
            check(Terminasi, false, reopen("kekerasan berulang")),
            Ok(())
        );
        assert_eq!(reopen("x").target(), Asesmen);
        assert_eq!(
            check(Terminasi, false, reopen("")),
            Err(MoveError::ReasonRequired)
        );
        assert_eq!(
            check(Asesmen, false, reopen("x")),
            Err(MoveError::NotClosed)
        );
        assert_eq!(
            check(Terminasi, false, Move::Forward(Asesmen)),
            Err(MoveError::Closed)
        );
        assert_eq!(
            check(Terminasi, false, back(Pemantauan, "x")),
            Err(MoveError::Closed)
        );
    }

    #[test]
    fn the_policy_is_asked_for_every_move() {
        struct NoClosing;
        impl Policy for NoClosing {
            fn allows(&self, _: &str, a: Permission) -> bool {
                a != Permission::Close
            }
        }
        let close = Move::Close {
            reason: "tujuan_tercapai".into(),
            note: String::new(),
        };
        assert_eq!(
            check_move(Asesmen, false, &close, "ani", &NoClosing),
            Err(MoveError::NotPermitted)
        );
        assert_eq!(
            check_move(Asesmen, false, &Move::Forward(Rencana), "ani", &NoClosing),
            Ok(())
        );
    }

    #[test]
    fn overdue_follows_stage_and_risk_targets() {
        let t = Targets::default();
        assert!(!t.overdue(Pengaduan, "tinggi", 1));
        assert!(t.overdue(Pengaduan, "tinggi", 2));
        assert!(!t.overdue(Pengaduan, "rendah", 7));
        assert!(t.overdue(Pengaduan, "rendah", 8));
        assert!(!t.overdue(Terminasi, "tinggi", 999));
        assert_eq!(t.days(Intervensi, "sedang"), Some(30));
    }

    #[test]
    fn stages_round_trip_through_their_codes() {
        for s in Stage::ALL {
            assert_eq!(Stage::from_code(s.code()), Some(s));
            assert!(super::super::vocab::STAGES.contains(s.code()));
        }
    }
}

/// A case as the board shows it: initials only, never a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub id: i64,
    pub number: String,
    pub stage: Stage,
    pub stage_since: chrono::NaiveDate,
    pub opened: chrono::NaiveDate,
    pub risk: String,
    pub emergency: bool,
    pub assigned_to: Option<String>,
    pub initials: String,
    pub sex: Option<String>,
    pub age: Option<u32>,
    /// The most serious jenis kekerasan (`vocab::most_serious_violence`), the one shown.
    pub violence: Option<String>,
    /// Every jenis kekerasan of the case, for the board filter.
    pub violence_all: Vec<String>,
    /// AMPK categories of the case's child victims.
    pub ampk: Vec<String>,
    /// The first victim's region code (any level), for filters by area.
    pub region: Option<String>,
    /// The earliest follow-up date of its referrals still waiting for a reply.
    pub referral_due: Option<chrono::NaiveDate>,
    pub version: i64,
}

impl Card {
    pub fn days_in_stage(&self, today: chrono::NaiveDate) -> i64 {
        (today - self.stage_since).num_days().max(0)
    }

    /// Past its stage's target, or a referral past its follow-up date without a reply.
    pub fn overdue(&self, targets: &Targets, today: chrono::NaiveDate) -> bool {
        targets.overdue(self.stage, &self.risk, self.days_in_stage(today))
            || self.referral_overdue(today)
    }

    pub fn referral_overdue(&self, today: chrono::NaiveDate) -> bool {
        self.stage != Stage::Terminasi && self.referral_due.is_some_and(|d| d < today)
    }
}

/// Board order within a column, as a sort key: emergencies, then overdue, then the longest
/// waiting.
pub fn board_key(
    c: &Card,
    targets: &Targets,
    today: chrono::NaiveDate,
) -> (bool, bool, std::cmp::Reverse<i64>, i64) {
    (
        !c.emergency,
        !c.overdue(targets, today),
        std::cmp::Reverse(c.days_in_stage(today)),
        c.id,
    )
}

/// One line of a case's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub at: String,
    pub staff: String,
    pub action: String,
    pub field: Option<String>,
    pub old: Option<String>,
    pub new: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub at: String,
    pub staff: String,
    pub body: String,
}

/// Everything about one case, for the case file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFile {
    pub card: Card,
    pub opened_by: String,
    /// When the intake was saved, as stored (RFC 3339): the start of its worker's correction
    /// window (`staff::correction_window`).
    pub opened_at: String,
    pub closure_reason: Option<String>,
    pub closure_note: Option<String>,
    /// The recorded data in the intake form's shape, so the same widgets show and edit it.
    pub intake: super::intake::Intake,
    pub history: Vec<HistoryEntry>,
    pub notes: Vec<Note>,
}

/// The outcome of a write guarded by the case's version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Written; the case's new version.
    Done(i64),
    /// Someone else saved first: nothing was written.
    Conflict,
}
