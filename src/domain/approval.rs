//! A supervisor's approval, as Primero keeps it for plans and closures: requested → approved,
//! or returned with a comment (and then requested again once changed).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Approval {
    /// Being written; nobody asked yet.
    #[default]
    Draft,
    Requested {
        by: String,
    },
    Approved {
        by: String,
    },
    Returned {
        by: String,
        comment: String,
    },
}

impl Approval {
    pub fn code(&self) -> &'static str {
        match self {
            Approval::Draft => "draf",
            Approval::Requested { .. } => "diajukan",
            Approval::Approved { .. } => "disetujui",
            Approval::Returned { .. } => "dikembalikan",
        }
    }

    pub fn is_approved(&self) -> bool {
        matches!(self, Approval::Approved { .. })
    }

    pub fn is_pending(&self) -> bool {
        matches!(self, Approval::Requested { .. })
    }
}

/// What someone does to an approval.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Request { by: String },
    Approve { by: String },
    Return { by: String, comment: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApprovalError {
    /// Approve or return something nobody asked for.
    NotRequested,
    /// Ask again for what is already asked or approved.
    AlreadyRequested,
    AlreadyApproved,
    /// Returning needs a comment saying what to change.
    CommentRequired,
    /// Only a role that approves (a supervisor) approves or returns.
    NotPermitted,
}

/// The next state, or why not. `may_decide` is whether the actor may approve or return (the
/// role matrix answers it); anyone who may edit the record may request.
pub fn decide(
    current: &Approval,
    d: &Decision,
    may_decide: bool,
) -> Result<Approval, ApprovalError> {
    match d {
        Decision::Request { by } => match current {
            Approval::Draft | Approval::Returned { .. } => {
                Ok(Approval::Requested { by: by.clone() })
            }
            Approval::Requested { .. } => Err(ApprovalError::AlreadyRequested),
            Approval::Approved { .. } => Err(ApprovalError::AlreadyApproved),
        },
        Decision::Approve { by } | Decision::Return { by, .. } => {
            if !may_decide {
                return Err(ApprovalError::NotPermitted);
            }
            if !current.is_pending() {
                return Err(ApprovalError::NotRequested);
            }
            match d {
                Decision::Approve { .. } => Ok(Approval::Approved { by: by.clone() }),
                Decision::Return { comment, .. } if comment.trim().is_empty() => {
                    Err(ApprovalError::CommentRequired)
                }
                Decision::Return { comment, .. } => Ok(Approval::Returned {
                    by: by.clone(),
                    comment: comment.trim().to_string(),
                }),
                Decision::Request { .. } => unreachable!("handled above"),
            }
        }
    }
}

/// Whether a step that needs an approval (a plan before Intervensi, a closure) is refused,
/// only warned about, or free. Set in the configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gate {
    #[default]
    Require,
    Warn,
    Off,
}

/// The outcome of a gate for a record in state `a`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GateOutcome {
    Pass,
    /// Goes ahead, and the person is told it was not approved.
    Warn,
    Refuse,
}

pub fn gate(g: Gate, a: Option<&Approval>) -> GateOutcome {
    let approved = a.is_some_and(Approval::is_approved);
    match (g, approved) {
        (_, true) | (Gate::Off, _) => GateOutcome::Pass,
        (Gate::Warn, false) => GateOutcome::Warn,
        (Gate::Require, false) => GateOutcome::Refuse,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(by: &str) -> Decision {
        Decision::Request { by: by.into() }
    }

    #[test]
    fn requested_then_approved() {
        let a = decide(&Approval::Draft, &req("budi"), false).unwrap();
        assert!(a.is_pending());
        let a = decide(&a, &Decision::Approve { by: "sri".into() }, true).unwrap();
        assert!(a.is_approved());
        assert_eq!(
            decide(&a, &req("budi"), false),
            Err(ApprovalError::AlreadyApproved)
        );
    }

    #[test]
    fn returned_with_a_comment_then_asked_again() {
        let a = decide(&Approval::Draft, &req("budi"), false).unwrap();
        let no_comment = Decision::Return {
            by: "sri".into(),
            comment: "  ".into(),
        };
        assert_eq!(
            decide(&a, &no_comment, true),
            Err(ApprovalError::CommentRequired)
        );
        let back = Decision::Return {
            by: "sri".into(),
            comment: "Tambahkan rujukan psikolog".into(),
        };
        let a = decide(&a, &back, true).unwrap();
        assert_eq!(a.code(), "dikembalikan");
        assert!(decide(&a, &req("budi"), false).unwrap().is_pending());
    }

    #[test]
    fn only_a_decider_approves_and_only_what_was_asked() {
        let approve = Decision::Approve { by: "budi".into() };
        assert_eq!(
            decide(&Approval::Draft, &approve, true),
            Err(ApprovalError::NotRequested)
        );
        let a = decide(&Approval::Draft, &req("budi"), false).unwrap();
        assert_eq!(
            decide(&a, &approve, false),
            Err(ApprovalError::NotPermitted)
        );
        assert_eq!(
            decide(&a, &req("budi"), false),
            Err(ApprovalError::AlreadyRequested)
        );
    }

    #[test]
    fn gates() {
        let ok = Approval::Approved { by: "sri".into() };
        assert_eq!(gate(Gate::Require, None), GateOutcome::Refuse);
        assert_eq!(
            gate(Gate::Require, Some(&Approval::Draft)),
            GateOutcome::Refuse
        );
        assert_eq!(gate(Gate::Require, Some(&ok)), GateOutcome::Pass);
        assert_eq!(gate(Gate::Warn, None), GateOutcome::Warn);
        assert_eq!(gate(Gate::Off, None), GateOutcome::Pass);
    }
}
