//! Working a case after intake: the board's cards, the case file, stage moves, assignment,
//! notes and edits. Every change is guarded by the case's `version` and writes its history
//! row in the same transaction.

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use super::cases::{Entry, history, write_recorded};
use super::search::reindex;
use super::{Store, timestamp};
use crate::domain::approval::{Approval, GateOutcome};
use crate::domain::case::{Card, CaseFile, HistoryEntry, Move, Note, Saved, Stage};
use crate::domain::intake::{Intake, NewCase, Perpetrator, Victim, diff};
use crate::domain::plan::{move_gate, needs_plan};
use crate::domain::roughdate::RoughDate;
use crate::domain::text::initials;
use crate::domain::validate::format_date;
use crate::error::{Error, Result};
use crate::i18n::Msg;

/// An edit of a case file: the form as loaded, as saved, and its validated record.
pub struct CaseEdit<'a> {
    pub before: &'a Intake,
    pub after: &'a Intake,
    pub record: &'a NewCase,
}

const CARD_SQL: &str = "
    SELECT c.id, c.number, c.stage, c.stage_since, c.opened_at, c.risk, c.emergency,
           c.assigned_to, p.name, p.sex, p.age, c.version,
           (SELECT group_concat(code) FROM codes k
            WHERE k.case_id = c.id AND k.vocab = 'jenis_kekerasan'),
           (SELECT group_concat(code) FROM codes k WHERE k.case_id = c.id AND k.vocab = 'ampk'),
           p.region,
           (SELECT min(follow_up) FROM referrals r
            WHERE r.case_id = c.id AND r.status = 'dikirim')
    FROM cases c
    LEFT JOIN persons p ON p.case_id = c.id AND p.role = 'korban' AND p.ord = 0";

/// The date of a stored timestamp (RFC 3339 in the writer's offset: its first ten characters
/// are the local date) or of a stored date. Read by hand: the board reads thousands.
fn date_of(ts: &str) -> NaiveDate {
    ymd(ts).unwrap_or_default()
}

fn ymd(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
    NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)
}

/// The open stages by name, so the stage index is used (`!=` scans every case).
fn open_stages() -> String {
    let open: Vec<String> = Stage::OPEN
        .iter()
        .map(|s| format!("'{}'", s.code()))
        .collect();
    format!("c.stage IN ({})", open.join(", "))
}

fn card(r: &Row<'_>) -> rusqlite::Result<Card> {
    let stage: String = r.get(2)?;
    let name: Option<String> = r.get(8)?;
    let kinds: Vec<String> = r
        .get::<_, Option<String>>(12)?
        .map(|s| s.split(',').map(str::to_string).collect())
        .unwrap_or_default();
    Ok(Card {
        id: r.get(0)?,
        number: r.get(1)?,
        stage: Stage::from_code(&stage).unwrap_or(Stage::Pengaduan),
        stage_since: date_of(&r.get::<_, String>(3)?),
        opened: date_of(&r.get::<_, String>(4)?),
        risk: r.get(5)?,
        emergency: r.get(6)?,
        assigned_to: r.get(7)?,
        initials: name.as_deref().map(initials).unwrap_or_else(|| "?".into()),
        sex: r.get(9)?,
        age: r.get(10)?,
        version: r.get(11)?,
        // The card has room for one: the most serious, not the first ticked.
        violence: crate::domain::vocab::most_serious_violence(kinds.iter().map(String::as_str))
            .map(str::to_string),
        violence_all: kinds,
        ampk: r
            .get::<_, Option<String>>(13)?
            .map(|s| s.split(',').map(str::to_string).collect())
            .unwrap_or_default(),
        region: r.get(14)?,
        referral_due: r.get::<_, Option<String>>(15)?.and_then(|d| ymd(&d)),
    })
}

fn iso_to_typed(d: Option<String>) -> String {
    d.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
        .map(format_date)
        .unwrap_or_default()
}

/// Rebuilds the intake form's shape from the stored rows.
fn load_intake(c: &Connection, id: i64) -> rusqlite::Result<Intake> {
    let mut i = c.query_row(
        "SELECT channel, reporter_kind, incident_date, incident_time, incident_place,
                incident_address, chronology, risk, emergency, consent_services, consent_share,
                consent_by, consent_relation, consent_withheld, coalesce(incident_region, ''),
                coalesce(case_kind, ''), coalesce(authority, ''), incident_ongoing
         FROM cases WHERE id = ?1",
        [id],
        |r| {
            let mut i = Intake::default();
            i.reporter.channel = r.get::<_, Option<String>>(0)?.unwrap_or_default();
            i.reporter.kind = r.get::<_, Option<String>>(1)?.unwrap_or_default();
            // Shown as typed, at the precision it was given (a day, a month, a year).
            i.incident.date = r
                .get::<_, Option<String>>(2)?
                .and_then(|s| RoughDate::from_iso(&s))
                .map(|d| d.written('-'))
                .unwrap_or_default();
            i.incident.ongoing = match r.get::<_, Option<bool>>(17)? {
                Some(true) => "ya".into(),
                Some(false) => "tidak".into(),
                None => String::new(),
            };
            i.incident.time = r.get::<_, Option<String>>(3)?.unwrap_or_default();
            i.incident.place = r.get::<_, Option<String>>(4)?.unwrap_or_default();
            i.incident.address = r.get(5)?;
            // Text saved before separators were cleaned on input may hold U+2028/U+2029,
            // which terminals do not break on: read them as the newlines they mean.
            i.incident.chronology = line_separators_as_newlines(r.get(6)?);
            i.triage.risk = r.get(7)?;
            i.triage.emergency = if r.get::<_, bool>(8)? { "ya" } else { "tidak" }.into();
            i.consent.services = r.get(9)?;
            i.consent.share = r.get::<_, Option<String>>(10)?.unwrap_or_default();
            i.consent.given_by = r.get(11)?;
            i.consent.relation = r.get::<_, Option<String>>(12)?.unwrap_or_default();
            i.consent.withheld = r.get(13)?;
            i.incident.region = r.get(14)?;
            i.triage.case_kind = r.get(15)?;
            i.triage.authority = r.get(16)?;
            Ok(i)
        },
    )?;
    i.victims.clear();
    let mut st = c.prepare_cached(
        "SELECT id, role, name, coalesce(nik,''), coalesce(sex,''), birth_date, age,
                coalesce(phone,''), address, coalesce(relation,''), coalesce(disability,''),
                schooling, guardian, coalesce(region, ''), coalesce(education, ''),
                coalesce(occupation, ''), coalesce(marital, ''), coalesce(nationality, ''),
                country, domicile, coalesce(safe_contact, '')
         FROM persons WHERE case_id = ?1 ORDER BY role, ord",
    )?;
    let mut rows = st.query([id])?;
    while let Some(r) = rows.next()? {
        let pid: i64 = r.get(0)?;
        let role: String = r.get(1)?;
        let age = r
            .get::<_, Option<u32>>(6)?
            .map(|a| a.to_string())
            .unwrap_or_default();
        match role.as_str() {
            "pelapor" => {
                i.reporter.name = r.get(2)?;
                i.reporter.phone = r.get(7)?;
                i.reporter.address = r.get(8)?;
                i.reporter.relation = r.get(9)?;
                i.reporter.region = r.get(13)?;
            }
            "korban" => {
                let birth = iso_to_typed(r.get(5)?);
                let mut ampk = Vec::new();
                let mut q =
                    c.prepare_cached("SELECT code FROM codes WHERE person_id = ?1 ORDER BY rowid")?;
                for code in q.query_map([pid], |r| r.get(0))? {
                    ampk.push(code?);
                }
                i.victims.push(Victim {
                    name: r.get(2)?,
                    nik: r.get(3)?,
                    sex: r.get(4)?,
                    // An age computed from the birth date is not shown as if it were typed.
                    age: if birth.is_empty() { age } else { String::new() },
                    birth_date: birth,
                    address: r.get(8)?,
                    region: r.get(13)?,
                    phone: r.get(7)?,
                    safe_contact: r.get(20)?,
                    disability: r.get(10)?,
                    schooling: r.get(11)?,
                    guardian: r.get(12)?,
                    ampk,
                    education: r.get(14)?,
                    occupation: r.get(15)?,
                    marital: r.get(16)?,
                    nationality: r.get(17)?,
                    country: r.get(18)?,
                    domicile: r.get(19)?,
                });
            }
            _ => i.perpetrators.push(Perpetrator {
                name: r.get(2)?,
                sex: r.get(4)?,
                age,
                relation: r.get(9)?,
                education: r.get(14)?,
                occupation: r.get(15)?,
                nationality: r.get(17)?,
                country: r.get(18)?,
            }),
        }
    }
    if i.victims.is_empty() {
        i.victims.push(Victim::default());
    }
    let mut q = c.prepare_cached(
        "SELECT vocab, code FROM codes WHERE case_id = ?1 AND person_id IS NULL ORDER BY rowid",
    )?;
    for row in q.query_map([id], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })? {
        let (vocab, code) = row?;
        match vocab.as_str() {
            "jenis_kekerasan" => i.incident.violence.push(code),
            "layanan" => i.triage.services.push(code),
            "dirahasiakan" => i.consent.withhold.push(code),
            _ => {}
        }
    }
    Ok(i)
}

/// Bumps the version if it is still `version`; false when someone else saved first.
fn bump(tx: &Transaction<'_>, id: i64, version: i64) -> rusqlite::Result<bool> {
    Ok(tx.execute(
        "UPDATE cases SET version = version + 1 WHERE id = ?1 AND version = ?2",
        params![id, version],
    )? == 1)
}

/// U+2028 and U+2029 as `\n`: stored text from before they were cleaned on input.
fn line_separators_as_newlines(s: String) -> String {
    if s.contains(['\u{2028}', '\u{2029}']) {
        s.replace(['\u{2028}', '\u{2029}'], "\n")
    } else {
        s
    }
}

impl Store {
    /// Who a case is assigned to: what a case manager's rights on it depend on.
    pub fn case_assignee(&self, id: i64) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row("SELECT assigned_to FROM cases WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .flatten())
    }

    /// Every open case with only what places it on the board — stage, dates, risk,
    /// emergency, assignment, referral follow-up — and not its victim or codes (initials
    /// "?", no jenis kekerasan): a third of the reads of [`Store::board`], for a first frame
    /// that shows the board at once; `cards` completes the ones on screen.
    pub fn board_outline(&self) -> Result<Vec<Card>> {
        let sql = format!(
            "SELECT c.id, c.number, c.stage, c.stage_since, c.opened_at, c.risk, c.emergency,
                    c.assigned_to, NULL, NULL, NULL, c.version, NULL, NULL, NULL,
                    (SELECT min(follow_up) FROM referrals r
                     WHERE r.case_id = c.id AND r.status = 'dikirim')
             FROM cases c WHERE {}",
            open_stages()
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let cards = st
            .query_map([], card)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(cards)
    }

    /// Every open case (and the closed ones when `closed`), as board cards.
    pub fn board(&self, closed: bool) -> Result<Vec<Card>> {
        let sql = if closed {
            format!("{CARD_SQL} WHERE c.stage = 'terminasi' ORDER BY c.stage_since DESC LIMIT 500")
        } else {
            format!("{CARD_SQL} WHERE {}", open_stages())
        };
        let mut st = self.conn().prepare_cached(&sql)?;
        let cards = st
            .query_map([], card)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(cards)
    }

    pub fn cards(&self, ids: &[i64]) -> Result<Vec<Card>> {
        let mut st = self
            .conn()
            .prepare_cached(&format!("{CARD_SQL} WHERE c.id = ?1"))?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(c) = st.query_row([id], card).optional()? {
                out.push(c);
            }
        }
        Ok(out)
    }

    pub fn case_file(&self, id: i64) -> Result<Option<CaseFile>> {
        let c = self.conn();
        let Some(card) = c
            .query_row(&format!("{CARD_SQL} WHERE c.id = ?1"), [id], card)
            .optional()?
        else {
            return Ok(None);
        };
        let (opened_by, opened_at, closure_reason, closure_note) = c.query_row(
            "SELECT opened_by, opened_at, closure_reason, closure_note FROM cases WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        let intake = load_intake(c, id)?;
        let history = case_history(c, id, true)?;
        let mut st = c.prepare_cached(
            "SELECT at, staff, body FROM case_notes WHERE case_id = ?1 ORDER BY id DESC",
        )?;
        let notes = st
            .query_map([id], |r| {
                Ok(Note {
                    at: r.get(0)?,
                    staff: r.get(1)?,
                    body: line_separators_as_newlines(r.get(2)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Some(CaseFile {
            card,
            opened_by,
            opened_at,
            closure_reason,
            closure_note,
            intake,
            history,
            notes,
        }))
    }

    /// Applies a move already checked by `domain::case::check_move`.
    pub fn apply_move(
        &mut self,
        id: i64,
        version: i64,
        from: Stage,
        mv: &Move,
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<Saved> {
        let at = timestamp(now);
        let to = mv.target();
        let plan_gate = self.plan_gate();
        let r = self.write(|tx| {
            // Read in the same transaction as the move, so a plan returned a moment ago by a
            // supervisor cannot be slipped past.
            let outcome = if needs_plan(from, mv) {
                move_gate(from, mv, plan_gate, plan_approval(tx, id)?.as_ref())
            } else {
                GateOutcome::Pass
            };
            if outcome == GateOutcome::Refuse {
                return Ok(None);
            }
            if !bump(tx, id, version)? {
                return Ok(Some(Saved::Conflict));
            }
            let (action, note): (&str, Option<String>) = match mv {
                // Moved on without an approved plan, as a `warn` office allows: the history says so.
                Move::Forward(_) if outcome == GateOutcome::Warn => ("tahap_tanpa_rencana", None),
                Move::Forward(_) => ("tahap", None),
                Move::Back { reason, .. } => ("tahap_mundur", Some(reason.clone())),
                Move::Close { reason, note } => {
                    tx.execute(
                        "UPDATE cases SET closed_at = ?1, closure_reason = ?2, closure_note = ?3 WHERE id = ?4",
                        params![at, reason, note, id],
                    )?;
                    let text = if note.trim().is_empty() { reason.clone() } else { format!("{reason}: {note}") };
                    ("ditutup", Some(text))
                }
                Move::Reopen { reason } => {
                    tx.execute(
                        "UPDATE cases SET closed_at = NULL, closure_reason = NULL, closure_note = NULL WHERE id = ?1",
                        [id],
                    )?;
                    ("dibuka_kembali", Some(reason.clone()))
                }
            };
            tx.execute(
                "UPDATE cases SET stage = ?1, stage_since = ?2 WHERE id = ?3",
                params![to.code(), at, id],
            )?;
            let e = Entry {
                case_id: id,
                at: &at,
                staff,
                action,
                field: Some("tahap"),
                old: Some(from.code()),
                new: Some(to.code()),
                note: note.as_deref(),
            };
            history(tx, &e)?;
            Ok(Some(Saved::Done(version + 1)))
        })?;
        r.ok_or_else(|| Error::new(Msg::ErrPlanNotApproved, &[]))
    }

    /// What the plan gate says of a move now (the move itself checks again): lets a screen
    /// warn before it moves a case on without an approved plan.
    pub fn move_gate(&self, id: i64, from: Stage, mv: &Move) -> Result<GateOutcome> {
        if !needs_plan(from, mv) {
            return Ok(GateOutcome::Pass);
        }
        let tx = self.conn();
        let plan = plan_approval(tx, id)?;
        Ok(move_gate(from, mv, self.plan_gate(), plan.as_ref()))
    }

    /// Assigns the case to the account `to` (a username), or to nobody when `to` is empty.
    /// An unknown or disabled account is refused: a case given to a name nobody signs in
    /// with belongs to nobody, and "Kasus saya" and the case manager's rights stop working
    /// for it (issue 16).
    pub fn assign(
        &mut self,
        id: i64,
        version: i64,
        to: &str,
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<Saved> {
        let at = timestamp(now);
        let to = to.trim();
        self.write(|tx| {
            if !to.is_empty() {
                let active: Option<bool> = tx
                    .query_row("SELECT active FROM staff WHERE username = ?1", [to], |r| {
                        r.get(0)
                    })
                    .optional()?;
                match active {
                    Some(true) => {}
                    Some(false) => return Ok(Err(Error::new(Msg::ErrAssignDisabled, &[&to]))),
                    None => return Ok(Err(Error::new(Msg::ErrAssignUnknown, &[&to]))),
                }
            }
            let old: Option<String> =
                tx.query_row("SELECT assigned_to FROM cases WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
            if !bump(tx, id, version)? {
                return Ok(Ok(Saved::Conflict));
            }
            tx.execute(
                "UPDATE cases SET assigned_to = ?1 WHERE id = ?2",
                params![(!to.is_empty()).then_some(to), id],
            )?;
            let e = Entry {
                case_id: id,
                at: &at,
                staff,
                action: "ditugaskan",
                field: Some("petugas"),
                old: old.as_deref(),
                new: Some(to),
                note: None,
            };
            history(tx, &e)?;
            Ok(Ok(Saved::Done(version + 1)))
        })?
    }

    /// Records in the case's history what a letter written without consent to share carried
    /// beyond the minimum (`items`, the worker's ticks; empty: the minimum alone), under the
    /// letter's number. The print itself is in the access log already; this row is the choice.
    pub fn record_letter_content(
        &mut self,
        id: i64,
        number: &str,
        items: &[String],
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<()> {
        let at = timestamp(now);
        let new = if items.is_empty() {
            crate::domain::letter::MINIMUM_NOTE.to_string()
        } else {
            items.join(",")
        };
        self.write(|tx| {
            super::cases::history_row(
                tx,
                &Entry {
                    case_id: id,
                    at: &at,
                    staff,
                    action: "isi_surat",
                    field: Some("surat"),
                    old: None,
                    new: Some(&new),
                    note: Some(number),
                },
            )
        })
    }

    /// Adds a note. Notes are never edited: no version guard is needed, nothing is overwritten.
    pub fn add_note(
        &mut self,
        id: i64,
        body: &str,
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<()> {
        let at = timestamp(now);
        self.write(|tx| {
            super::chain::append(
                tx,
                super::chain::NOTES,
                &[
                    id.into(),
                    at.clone().into(),
                    staff.to_string().into(),
                    body.to_string().into(),
                ],
            )?;
            let e = Entry {
                case_id: id,
                at: &at,
                staff,
                action: "catatan",
                field: None,
                old: None,
                new: None,
                note: None,
            };
            history(tx, &e)?;
            reindex(tx, id)
        })
    }

    /// Saves an edited case file: one history row per changed field (old → new). Refused with
    /// `Saved::Conflict` when the case changed since `version` was read.
    pub fn update_case(
        &mut self,
        id: i64,
        version: i64,
        edit: &CaseEdit<'_>,
        staff: &str,
        now: DateTime<Local>,
    ) -> Result<Saved> {
        let at = timestamp(now);
        let changes = diff(edit.before, edit.after);
        self.write(|tx| {
            if !bump(tx, id, version)? {
                return Ok(Saved::Conflict);
            }
            write_recorded(tx, id, edit.record)?;
            for ch in &changes {
                let key = ch.field.key();
                let e = Entry {
                    case_id: id,
                    at: &at,
                    staff,
                    action: "diubah",
                    field: Some(&key),
                    old: Some(&ch.old),
                    new: Some(&ch.new),
                    note: None,
                };
                history(tx, &e)?;
            }
            reindex(tx, id)?;
            Ok(Saved::Done(version + 1))
        })
    }
}

/// A case's history rows, newest or oldest first: the one column list and row mapper that
/// the case file and the transfer file both read through.
pub(super) fn case_history(
    c: &Connection,
    case_id: i64,
    newest_first: bool,
) -> rusqlite::Result<Vec<HistoryEntry>> {
    macro_rules! select {
        ($order:literal) => {
            concat!(
                "SELECT at, staff, action, field, old_value, new_value, note FROM case_history
                 WHERE case_id = ?1 ORDER BY id",
                $order
            )
        };
    }
    let sql = if newest_first {
        select!(" DESC")
    } else {
        select!("")
    };
    c.prepare_cached(sql)?
        .query_map([case_id], |r| {
            Ok(HistoryEntry {
                at: r.get(0)?,
                staff: r.get(1)?,
                action: r.get(2)?,
                field: r.get(3)?,
                old: r.get(4)?,
                new: r.get(5)?,
                note: r.get(6)?,
            })
        })?
        .collect()
}

/// The case's plan approval, None while it has no plan.
fn plan_approval(c: &Connection, id: i64) -> rusqlite::Result<Option<Approval>> {
    c.query_row(
        "SELECT approval, approval_by, approval_comment FROM plans WHERE case_id = ?1",
        [id],
        |r| {
            Ok(super::records::approval_of(
                &r.get::<_, String>(0)?,
                r.get(1)?,
                r.get(2)?,
            ))
        },
    )
    .optional()
}
