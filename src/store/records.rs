//! The case after intake, stored: assessments, the plan and its actions, services given and
//! follow-ups. Each write is one transaction with its history row; edits of a plan or an
//! action are guarded by that record's version, so two workers never overwrite each other.

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::cases::{Entry, history};
use super::{Store, timestamp};
use crate::domain::approval::{Approval, ApprovalError, Decision, decide};
use crate::domain::assessment::{self, Assessment, AssessmentIssue, SafetyPlan};
use crate::domain::case::Saved;
use crate::domain::followup::{self, Evaluation, FollowUp, FollowUpIssue, Satisfaction};
use crate::domain::plan::{ActionStatus, Doer, Plan, PlanAction, PlanIssue, check_action};
use crate::domain::service::{self, GivenCounts, GivenTally, ServiceGiven, ServiceIssue};
use crate::error::Result;

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| s.parse().ok())
}

fn doer(staff: Option<String>, agency: Option<i64>) -> Doer {
    match (staff, agency) {
        (Some(s), _) => Doer::Staff(s),
        (None, Some(a)) => Doer::Agency(a),
        // The CHECK constraint makes this unreachable for stored rows.
        (None, None) => Doer::Staff(String::new()),
    }
}

fn doer_columns(d: &Doer) -> (Option<&str>, Option<i64>) {
    match d {
        Doer::Staff(s) => (Some(s.as_str()), None),
        Doer::Agency(a) => (None, Some(*a)),
    }
}

pub(super) fn approval_of(code: &str, by: Option<String>, comment: String) -> Approval {
    let by = by.unwrap_or_default();
    match code {
        "diajukan" => Approval::Requested { by },
        "disetujui" => Approval::Approved { by },
        "dikembalikan" => Approval::Returned { by, comment },
        _ => Approval::Draft,
    }
}

/// Who changed which case, when: the part every history row of one write shares.
struct Writer<'a> {
    case_id: i64,
    at: &'a str,
    staff: &'a str,
}

impl Writer<'_> {
    /// A history row: `action` on `field`, from `old` to `new`.
    fn log(
        &self,
        tx: &Transaction<'_>,
        action: &str,
        field: Option<&str>,
        old: Option<&str>,
        new: Option<&str>,
    ) -> rusqlite::Result<()> {
        let e = Entry {
            case_id: self.case_id,
            at: self.at,
            staff: self.staff,
            action,
            field,
            old,
            new,
            note: None,
        };
        history(tx, &e)
    }
}

const ASSESSMENT_COLUMNS: &str = "id, author, date, physical, psychological, social, spiritual,
    needs_hopes, risk, danger_asked, danger_yes, safety_plan";

fn assessment_row(r: &Row<'_>) -> rusqlite::Result<(i64, String, Assessment)> {
    let yes: String = r.get(10)?;
    let plan: String = r.get(11)?;
    Ok((
        r.get(0)?,
        r.get(1)?,
        Assessment {
            date: date(r.get(2)?),
            physical: r.get(3)?,
            psychological: r.get(4)?,
            social: r.get(5)?,
            spiritual: r.get(6)?,
            needs_hopes: r.get(7)?,
            risk: r.get(8)?,
            danger_asked: r.get(9)?,
            danger_yes: yes.split_whitespace().map(str::to_string).collect(),
            safety_plan: serde_json::from_str::<SafetyPlan>(&plan).unwrap_or_default(),
        },
    ))
}

const ACTION_COLUMNS: &str =
    "id, goal, service, doer_staff, doer_agency, due, status, reason, version";

/// ACTION_COLUMNS of a table aliased `a`, for statements that join plan actions.
pub(super) const ACTION_COLUMNS_OF_A: &str =
    "a.id, a.goal, a.service, a.doer_staff, a.doer_agency, a.due, a.status, a.reason, a.version";

fn action_row(r: &Row<'_>) -> rusqlite::Result<(PlanAction, i64)> {
    action_row_at(r, 0)
}

/// A plan action and its version from ACTION_COLUMNS starting at column `at`.
pub(super) fn action_row_at(r: &Row<'_>, at: usize) -> rusqlite::Result<(PlanAction, i64)> {
    let status: String = r.get(at + 6)?;
    Ok((
        PlanAction {
            id: r.get(at)?,
            goal: r.get(at + 1)?,
            service: r.get(at + 2)?,
            doer: doer(r.get(at + 3)?, r.get(at + 4)?),
            due: date(r.get(at + 5)?),
            status: ActionStatus::from_code(&status).unwrap_or(ActionStatus::Rencana),
            reason: r.get(at + 7)?,
        },
        r.get(at + 8)?,
    ))
}

/// The one INSERT of an assessment, shared with the demo's bulk writer.
pub(crate) fn insert_assessment(
    tx: &Transaction<'_>,
    case_id: i64,
    a: &Assessment,
    author: &str,
    at: &str,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO assessments (case_id, date, author, created_at, physical, psychological,
             social, spiritual, needs_hopes, risk, danger_asked, danger_yes, safety_plan)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        case_id,
        a.date.map(|d| d.to_string()),
        author,
        at,
        a.physical,
        a.psychological,
        a.social,
        a.spiritual,
        a.needs_hopes,
        a.risk,
        a.danger_asked,
        a.danger_yes.join(" "),
        serde_json::to_string(&a.safety_plan).expect("a safety plan serializes"),
    ])?;
    Ok(())
}

/// The one INSERT of a follow-up, shared with the demo's bulk writer.
pub(crate) fn insert_follow_up(
    tx: &Transaction<'_>,
    case_id: i64,
    f: &FollowUp,
    staff: &str,
    at: &str,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO follow_ups (case_id, date, kind, findings, next_date, created_at,
             created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        case_id,
        f.date.to_string(),
        f.kind,
        f.findings,
        f.next.map(|d| d.to_string()),
        at,
        staff
    ])?;
    Ok(())
}

/// What an approval is of: the table it lives in and what must be there before it is asked.
#[derive(Debug, Clone, Copy)]
enum Approved {
    Plan,
    Closure,
}

impl Approved {
    fn table(self) -> &'static str {
        match self {
            Approved::Plan => "plans",
            Approved::Closure => "closures",
        }
    }

    fn field(self) -> &'static str {
        match self {
            Approved::Plan => "rencana",
            Approved::Closure => "penutupan",
        }
    }

    /// Whether there is something to approve: an action not dropped; a complete evaluation.
    fn ready(self, tx: &Transaction<'_>, case_id: i64) -> rusqlite::Result<bool> {
        match self {
            Approved::Plan => tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM plan_actions WHERE case_id = ?1
                                AND status != 'batal')",
                [case_id],
                |r| r.get(0),
            ),
            Approved::Closure => {
                let row: Option<(String, Option<i64>)> = tx
                    .query_row(
                        "SELECT outcomes, satisfaction FROM closures WHERE case_id = ?1",
                        [case_id],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?;
                let Some((outcomes, satisfaction)) = row else {
                    return Ok(false);
                };
                let mut st = tx.prepare_cached(
                    "SELECT id FROM plan_actions WHERE case_id = ?1 AND status != 'batal'",
                )?;
                let open: Vec<i64> = st
                    .query_map([case_id], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                let e = Evaluation {
                    outcomes: serde_json::from_str(&outcomes).unwrap_or_default(),
                    satisfaction: satisfaction.map(|n| match n {
                        0 => Satisfaction::Declined,
                        n => Satisfaction::Score(n.clamp(0, 255) as u8),
                    }),
                    comment: String::new(),
                    approval: Approval::Draft,
                };
                Ok(followup::check_evaluation(&e, &open).is_empty())
            }
        }
    }
}

/// A plan as read, with the versions its edits are guarded by.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoredPlan {
    pub plan: Plan,
    /// 0 while the case has no plan row yet.
    pub version: i64,
    /// Each action's version, in the order of `plan.actions`.
    pub action_versions: Vec<i64>,
}

impl Store {
    /// Adds an assessment; when its risk differs from the case's, the case takes it, and the
    /// change is in the history.
    pub fn add_assessment(
        &mut self,
        case_id: i64,
        a: &Assessment,
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<std::result::Result<i64, Vec<AssessmentIssue>>> {
        let issues = assessment::check(a, now.date_naive());
        if !issues.is_empty() {
            return Ok(Err(issues));
        }
        let at = timestamp(now);
        self.write(|tx| {
            insert_assessment(tx, case_id, a, staff, &at)?;
            let id = tx.last_insert_rowid();
            let day = a.date.map(|d| d.to_string());
            Writer {
                case_id,
                at: &at,
                staff,
            }
            .log(tx, "asesmen", None, None, day.as_deref())?;
            let old: String =
                tx.query_row("SELECT risk FROM cases WHERE id = ?1", [case_id], |r| {
                    r.get(0)
                })?;
            if old != a.risk {
                tx.execute(
                    "UPDATE cases SET risk = ?1, version = version + 1 WHERE id = ?2",
                    params![a.risk, case_id],
                )?;
                let field = Some("risiko");
                Writer {
                    case_id,
                    at: &at,
                    staff,
                }
                .log(tx, "ubah", field, Some(&old), Some(&a.risk))?;
            }
            Ok(Ok(id))
        })
    }

    /// A case's assessments, oldest first, with their authors.
    pub fn assessments_of(&self, case_id: i64) -> Result<Vec<(i64, String, Assessment)>> {
        let sql = format!(
            "SELECT {ASSESSMENT_COLUMNS} FROM assessments WHERE case_id = ?1 ORDER BY date, id"
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map([case_id], assessment_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn plan_of(&self, case_id: i64) -> Result<StoredPlan> {
        let head: Option<(bool, String, String, Option<String>, String, i64)> = self
            .conn()
            .query_row(
                "SELECT with_client, participants, approval, approval_by, approval_comment,
                        version FROM plans WHERE case_id = ?1",
                [case_id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                },
            )
            .optional()?;
        let sql =
            format!("SELECT {ACTION_COLUMNS} FROM plan_actions WHERE case_id = ?1 ORDER BY id");
        let mut st = self.conn().prepare_cached(&sql)?;
        let actions: Vec<(PlanAction, i64)> = st
            .query_map([case_id], action_row)?
            .collect::<rusqlite::Result<_>>()?;
        let (with_client, participants, approval, version) = match head {
            Some((w, p, code, by, comment, v)) => (w, p, approval_of(&code, by, comment), v),
            None => (false, String::new(), Approval::Draft, 0),
        };
        let (actions, action_versions) = actions.into_iter().unzip();
        Ok(StoredPlan {
            plan: Plan {
                with_client,
                participants,
                actions,
                approval,
            },
            version,
            action_versions,
        })
    }

    /// Saves whether the plan was made with the client and who took part. `version` is the
    /// plan's as read (0 when there was none). A change to an approved plan sends it back to
    /// draft: what the supervisor approved is no longer what is written.
    pub fn save_plan(
        &mut self,
        case_id: i64,
        with_client: bool,
        participants: &str,
        version: i64,
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<Saved> {
        let at = timestamp(now);
        self.write(|tx| {
            let n = if version == 0 {
                tx.execute(
                    "INSERT INTO plans (case_id, with_client, participants) VALUES (?1, ?2, ?3)
                     ON CONFLICT (case_id) DO NOTHING",
                    params![case_id, with_client, participants],
                )?
            } else {
                tx.execute(
                    "UPDATE plans SET with_client = ?1, participants = ?2, version = version + 1,
                         approval = CASE approval WHEN 'disetujui' THEN 'draf' ELSE approval END
                     WHERE case_id = ?3 AND version = ?4",
                    params![with_client, participants, case_id, version],
                )?
            };
            if n == 0 {
                return Ok(Saved::Conflict);
            }
            let with = if with_client { "ya" } else { "tidak" };
            Writer {
                case_id,
                at: &at,
                staff,
            }
            .log(tx, "rencana", Some("bersama_klien"), None, Some(with))?;
            let p = Some(participants);
            Writer {
                case_id,
                at: &at,
                staff,
            }
            .log(tx, "rencana", Some("peserta"), None, p)?;
            Ok(Saved::Done(version + 1))
        })
    }

    /// Adds a plan action (creating the plan if the case has none).
    pub fn add_plan_action(
        &mut self,
        case_id: i64,
        a: &PlanAction,
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<std::result::Result<i64, Vec<PlanIssue>>> {
        let issues = check_action(a, now.date_naive(), true);
        if !issues.is_empty() {
            return Ok(Err(issues));
        }
        let at = timestamp(now);
        self.write(|tx| {
            tx.execute(
                "INSERT INTO plans (case_id) VALUES (?1) ON CONFLICT (case_id) DO NOTHING",
                [case_id],
            )?;
            let (s, g) = doer_columns(&a.doer);
            tx.execute(
                "INSERT INTO plan_actions (case_id, goal, service, doer_staff, doer_agency, due,
                     status, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    case_id,
                    a.goal,
                    a.service,
                    s,
                    g,
                    a.due.map(|d| d.to_string()),
                    a.status.code(),
                    a.reason
                ],
            )?;
            let id = tx.last_insert_rowid();
            // A new action changes what was approved.
            tx.execute(
                "UPDATE plans SET approval = 'draf', version = version + 1
                 WHERE case_id = ?1 AND approval = 'disetujui'",
                [case_id],
            )?;
            Writer {
                case_id,
                at: &at,
                staff,
            }
            .log(tx, "rencana", Some("tindakan"), None, Some(&a.goal))?;
            Ok(Ok(id))
        })
    }

    /// Saves a changed action, guarded by its version.
    pub fn update_plan_action(
        &mut self,
        case_id: i64,
        a: &PlanAction,
        version: i64,
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<std::result::Result<Saved, Vec<PlanIssue>>> {
        let issues = check_action(a, now.date_naive(), false);
        if !issues.is_empty() {
            return Ok(Err(issues));
        }
        let at = timestamp(now);
        self.write(|tx| {
            let sql =
                format!("SELECT {ACTION_COLUMNS} FROM plan_actions WHERE id = ?1 AND case_id = ?2");
            let Some((old, _)) = tx
                .query_row(&sql, params![a.id, case_id], action_row)
                .optional()?
            else {
                return Ok(Ok(Saved::Conflict));
            };
            let (s, g) = doer_columns(&a.doer);
            let n = tx.execute(
                "UPDATE plan_actions SET goal = ?1, service = ?2, doer_staff = ?3,
                     doer_agency = ?4, due = ?5, status = ?6, reason = ?7, version = version + 1
                 WHERE id = ?8 AND version = ?9",
                params![
                    a.goal,
                    a.service,
                    s,
                    g,
                    a.due.map(|d| d.to_string()),
                    a.status.code(),
                    a.reason,
                    a.id,
                    version
                ],
            )?;
            if n == 0 {
                return Ok(Ok(Saved::Conflict));
            }
            let changes = [
                ("tujuan", old.goal.clone(), a.goal.clone()),
                ("layanan", old.service.clone(), a.service.clone()),
                (
                    "tenggat",
                    old.due.map(|d| d.to_string()).unwrap_or_default(),
                    a.due.map(|d| d.to_string()).unwrap_or_default(),
                ),
                (
                    "status_tindakan",
                    old.status.code().to_string(),
                    a.status.code().to_string(),
                ),
                ("alasan", old.reason.clone(), a.reason.clone()),
            ];
            for (field, o, n) in changes.iter().filter(|(_, o, n)| o != n) {
                Writer {
                    case_id,
                    at: &at,
                    staff,
                }
                .log(tx, "rencana", Some(field), Some(o), Some(n))?;
            }
            if old.doer != a.doer {
                let show = |d: &Doer| match d {
                    Doer::Staff(s) => s.clone(),
                    Doer::Agency(id) => format!("lembaga #{id}"),
                };
                let (o, n) = (show(&old.doer), show(&a.doer));
                Writer {
                    case_id,
                    at: &at,
                    staff,
                }
                .log(tx, "rencana", Some("pelaksana"), Some(&o), Some(&n))?;
            }
            Ok(Ok(Saved::Done(version + 1)))
        })
    }

    /// Requests, approves or returns a case's plan. `may_decide` is the role matrix's answer
    /// for the actor. A plan with no action left is not sent.
    pub fn decide_plan(
        &mut self,
        case_id: i64,
        d: &Decision,
        may_decide: bool,
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<std::result::Result<Approval, ApprovalError>> {
        self.decide_approval(Approved::Plan, case_id, d, may_decide, staff, now)
    }

    /// Requests, approves or returns a case's closure. It is sent once the evaluation is
    /// complete (`followup::check_evaluation`).
    pub fn decide_closure(
        &mut self,
        case_id: i64,
        d: &Decision,
        may_decide: bool,
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<std::result::Result<Approval, ApprovalError>> {
        self.decide_approval(Approved::Closure, case_id, d, may_decide, staff, now)
    }

    /// The one writer of approvals. Read and written inside the write lock: two supervisors
    /// deciding at once cannot both act on the same request.
    fn decide_approval(
        &mut self,
        what: Approved,
        case_id: i64,
        d: &Decision,
        may_decide: bool,
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<std::result::Result<Approval, ApprovalError>> {
        let at = timestamp(now);
        let table = what.table();
        self.write(|tx| {
            // A refused decision writes nothing: no empty row is left behind.
            let row: Option<(String, Option<String>, String)> = tx
                .query_row(
                    &format!(
                        "SELECT approval, approval_by, approval_comment FROM {table}
                         WHERE case_id = ?1"
                    ),
                    [case_id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            let current = row.map_or(Approval::Draft, |(code, by, comment)| {
                approval_of(&code, by, comment)
            });
            if matches!(d, Decision::Request { .. }) && !what.ready(tx, case_id)? {
                return Ok(Err(ApprovalError::NotRequested));
            }
            let next = match decide(&current, d, may_decide) {
                Ok(n) => n,
                Err(e) => return Ok(Err(e)),
            };
            let (by, comment) = match &next {
                Approval::Draft => (None, ""),
                Approval::Requested { by } | Approval::Approved { by } => (Some(by.as_str()), ""),
                Approval::Returned { by, comment } => (Some(by.as_str()), comment.as_str()),
            };
            tx.execute(
                &format!(
                    "INSERT INTO {table} (case_id, approval, approval_by, approval_comment,
                         approval_at)
                     VALUES (?5, ?1, ?2, ?3, ?4)
                     ON CONFLICT (case_id) DO UPDATE SET approval = excluded.approval,
                         approval_by = excluded.approval_by,
                         approval_comment = excluded.approval_comment,
                         approval_at = excluded.approval_at, version = version + 1"
                ),
                params![next.code(), by, comment, at, case_id],
            )?;
            let e = Entry {
                case_id,
                at: &at,
                staff,
                action: "persetujuan",
                field: Some(what.field()),
                old: Some(current.code()),
                new: Some(next.code()),
                note: (!comment.is_empty()).then_some(comment),
            };
            history(tx, &e)?;
            Ok(Ok(next))
        })
    }

    /// Saves the closing evaluation (outcomes, satisfaction, comment) under its version (0
    /// when there is none yet). A change sends an approved closure back to draft.
    pub fn save_evaluation(
        &mut self,
        case_id: i64,
        e: &Evaluation,
        version: i64,
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<Saved> {
        let at = timestamp(now);
        let outcomes = serde_json::to_string(&e.outcomes).expect("outcomes serialize");
        let satisfaction = e.satisfaction.map(|s| match s {
            Satisfaction::Score(n) => i64::from(n),
            Satisfaction::Declined => 0,
        });
        self.write(|tx| {
            let n = if version == 0 {
                tx.execute(
                    "INSERT INTO closures (case_id, outcomes, satisfaction, comment)
                     VALUES (?1, ?2, ?3, ?4) ON CONFLICT (case_id) DO NOTHING",
                    params![case_id, outcomes, satisfaction, e.comment],
                )?
            } else {
                tx.execute(
                    "UPDATE closures SET outcomes = ?1, satisfaction = ?2, comment = ?3,
                         version = version + 1,
                         approval = CASE approval WHEN 'disetujui' THEN 'draf' ELSE approval END
                     WHERE case_id = ?4 AND version = ?5",
                    params![outcomes, satisfaction, e.comment, case_id, version],
                )?
            };
            if n == 0 {
                return Ok(Saved::Conflict);
            }
            let score = satisfaction.map(|s| s.to_string());
            let w = Writer {
                case_id,
                at: &at,
                staff,
            };
            w.log(tx, "terminasi", Some("kepuasan"), None, score.as_deref())?;
            Ok(Saved::Done(version + 1))
        })
    }

    /// The closing evaluation and its version (0: none yet).
    pub fn evaluation_of(&self, case_id: i64) -> Result<(Option<Evaluation>, i64)> {
        let row = self
            .conn()
            .query_row(
                "SELECT outcomes, satisfaction, comment, approval, approval_by, approval_comment,
                        version FROM closures WHERE case_id = ?1",
                [case_id],
                |r| {
                    let outcomes: String = r.get(0)?;
                    let satisfaction: Option<i64> = r.get(1)?;
                    let code: String = r.get(3)?;
                    let e = Evaluation {
                        outcomes: serde_json::from_str(&outcomes).unwrap_or_default(),
                        satisfaction: satisfaction.map(|n| match n {
                            0 => Satisfaction::Declined,
                            n => Satisfaction::Score(n.clamp(1, 4) as u8),
                        }),
                        comment: r.get(2)?,
                        approval: approval_of(&code, r.get(4)?, r.get(5)?),
                    };
                    Ok((e, r.get::<_, i64>(6)?))
                },
            )
            .optional()?;
        Ok(match row {
            None => (None, 0),
            Some((e, version)) => (Some(e), version),
        })
    }

    /// Records a service given to one of the case's victims.
    pub fn give_service(
        &mut self,
        case_id: i64,
        s: &ServiceGiven,
        referral_id: Option<i64>,
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<std::result::Result<i64, Vec<ServiceIssue>>> {
        let victims: Vec<i64> = {
            let mut st = self
                .conn()
                .prepare_cached("SELECT id FROM persons WHERE case_id = ?1 AND role = 'korban'")?;
            st.query_map([case_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        let issues = service::check(s, &victims, now.date_naive());
        if !issues.is_empty() {
            return Ok(Err(issues));
        }
        let at = timestamp(now);
        self.write(|tx| {
            let (by_s, by_a) = doer_columns(&s.given_by);
            tx.execute(
                "INSERT INTO services_given (case_id, victim_id, date, service, by_staff,
                     by_agency, note, referral_id, created_at, created_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    case_id,
                    s.victim_id,
                    s.date.to_string(),
                    s.service,
                    by_s,
                    by_a,
                    s.note,
                    referral_id,
                    at,
                    staff
                ],
            )?;
            let id = tx.last_insert_rowid();
            Writer {
                case_id,
                at: &at,
                staff,
            }
            .log(tx, "layanan", Some("layanan"), None, Some(&s.service))?;
            Ok(Ok(id))
        })
    }

    pub fn services_given(&self, case_id: i64) -> Result<Vec<ServiceGiven>> {
        let mut st = self.conn().prepare_cached(
            "SELECT id, date, service, victim_id, by_staff, by_agency, note
             FROM services_given WHERE case_id = ?1 ORDER BY date, id",
        )?;
        let rows = st.query_map([case_id], |r| {
            Ok(ServiceGiven {
                id: r.get(0)?,
                date: date(r.get(1)?).unwrap_or_default(),
                service: r.get(2)?,
                victim_id: r.get(3)?,
                given_by: doer(r.get(4)?, r.get(5)?),
                note: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A case's victims as a service given names them: (person id, name), in intake order.
    pub fn victims_of(&self, case_id: i64) -> Result<Vec<(i64, String)>> {
        let mut st = self.conn().prepare_cached(
            "SELECT id, name FROM persons WHERE case_id = ?1 AND role = 'korban' ORDER BY ord, id",
        )?;
        let rows = st.query_map([case_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Victims given each service in `[from, to]`, as the monthly report counts them. The
    /// distinct (victim, service) pairs stream from SQL grouped by victim into one
    /// `GivenTally`, which holds one victim at a time: memory does not grow with the period.
    pub fn services_given_counts(&self, from: NaiveDate, to: NaiveDate) -> Result<GivenCounts> {
        let mut st = self.conn().prepare_cached(
            "SELECT DISTINCT victim_id, service FROM services_given
             WHERE date BETWEEN ?1 AND ?2 ORDER BY victim_id",
        )?;
        let mut rows = st.query(params![from.to_string(), to.to_string()])?;
        let mut tally = GivenTally::default();
        while let Some(r) = rows.next()? {
            tally.add(r.get(0)?, &r.get::<_, String>(1)?);
        }
        Ok(tally.finish())
    }

    pub fn add_follow_up(
        &mut self,
        case_id: i64,
        f: &FollowUp,
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<std::result::Result<i64, Vec<FollowUpIssue>>> {
        let issues = followup::check(f, now.date_naive());
        if !issues.is_empty() {
            return Ok(Err(issues));
        }
        let at = timestamp(now);
        self.write(|tx| {
            insert_follow_up(tx, case_id, f, staff, &at)?;
            let id = tx.last_insert_rowid();
            Writer {
                case_id,
                at: &at,
                staff,
            }
            .log(tx, "pemantauan", Some("jenis"), None, Some(&f.kind))?;
            Ok(Ok(id))
        })
    }

    pub fn follow_ups(&self, case_id: i64) -> Result<Vec<FollowUp>> {
        let mut st = self.conn().prepare_cached(
            "SELECT id, date, kind, findings, next_date FROM follow_ups
             WHERE case_id = ?1 ORDER BY date, id",
        )?;
        let rows = st.query_map([case_id], |r| {
            Ok(FollowUp {
                id: r.get(0)?,
                date: date(r.get(1)?).unwrap_or_default(),
                kind: r.get(2)?,
                findings: r.get(3)?,
                next: date(r.get(4)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
