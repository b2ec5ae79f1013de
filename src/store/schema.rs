//! The schema, as migrations. Never edit a migration that has shipped: add a new one.

use rusqlite_migration::{M, Migrations};

const V1: &str = r#"
CREATE TABLE case_seq (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
) STRICT;

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    stage TEXT NOT NULL,
    stage_since TEXT NOT NULL,
    risk TEXT NOT NULL,
    emergency INTEGER NOT NULL DEFAULT 0,
    opened_at TEXT NOT NULL,
    opened_by TEXT NOT NULL,
    assigned_to TEXT,
    closed_at TEXT,
    closure_reason TEXT,
    closure_note TEXT,
    channel TEXT,
    reporter_kind TEXT,
    incident_date TEXT,
    incident_time TEXT,
    incident_place TEXT,
    incident_address TEXT NOT NULL DEFAULT '',
    chronology TEXT NOT NULL DEFAULT '',
    consent_services TEXT NOT NULL,
    consent_share TEXT,
    consent_by TEXT NOT NULL DEFAULT '',
    consent_relation TEXT,
    consent_withheld TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (year, seq)
) STRICT;
CREATE INDEX cases_stage ON cases(stage);

-- Reporter, victims and alleged perpetrators of a case, in the order they were entered.
CREATE TABLE persons (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    role TEXT NOT NULL CHECK (role IN ('pelapor', 'korban', 'terlapor')),
    ord INTEGER NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    nik TEXT,
    sex TEXT,
    birth_date TEXT,
    age INTEGER,
    phone TEXT,
    address TEXT NOT NULL DEFAULT '',
    relation TEXT,
    disability TEXT,
    schooling TEXT NOT NULL DEFAULT '',
    guardian TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX persons_case ON persons(case_id);

-- Multi-valued vocabulary answers: jenis kekerasan and layanan per case, AMPK per victim.
CREATE TABLE codes (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    person_id INTEGER REFERENCES persons(id),
    vocab TEXT NOT NULL,
    code TEXT NOT NULL
) STRICT;
CREATE INDEX codes_case ON codes(case_id);

-- Append-only: who changed what on a case, and when.
CREATE TABLE case_history (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    at TEXT NOT NULL,
    staff TEXT NOT NULL,
    action TEXT NOT NULL,
    field TEXT,
    old_value TEXT,
    new_value TEXT,
    note TEXT
) STRICT;
CREATE INDEX case_history_case ON case_history(case_id);
CREATE TRIGGER case_history_no_update BEFORE UPDATE ON case_history
BEGIN SELECT RAISE(ABORT, 'case_history is append-only'); END;
CREATE TRIGGER case_history_no_delete BEFORE DELETE ON case_history
BEGIN SELECT RAISE(ABORT, 'case_history is append-only'); END;

-- Unfinished intakes, as typed (JSON of domain::intake::Intake).
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY,
    staff TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    body TEXT NOT NULL
) STRICT;
CREATE INDEX drafts_staff ON drafts(staff);

-- Partner agencies (the directory issue extends this table).
CREATE TABLE agencies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT '',
    services TEXT NOT NULL DEFAULT '',
    area TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    is_example INTEGER NOT NULL DEFAULT 0
) STRICT;
"#;

/// Case notes (append-only: a correction is a new note) and the search index. The index is
/// contentless: it holds tokens only, so names are not stored twice.
const V2: &str = r#"
CREATE TABLE case_notes (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    at TEXT NOT NULL,
    staff TEXT NOT NULL,
    body TEXT NOT NULL
) STRICT;
CREATE INDEX case_notes_case ON case_notes(case_id);
CREATE TRIGGER case_notes_no_update BEFORE UPDATE ON case_notes
BEGIN SELECT RAISE(ABORT, 'case_notes is append-only'); END;
CREATE TRIGGER case_notes_no_delete BEFORE DELETE ON case_notes
BEGIN SELECT RAISE(ABORT, 'case_notes is append-only'); END;

CREATE VIRTUAL TABLE case_search USING fts5(
    number, people, ids, story,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
"#;

/// Kemendagri region codes on people's addresses and on the incident.
const V3: &str = r#"
ALTER TABLE persons ADD COLUMN region TEXT;
ALTER TABLE cases ADD COLUMN incident_region TEXT;
CREATE INDEX persons_region ON persons(region);
"#;

/// The agency directory in full, referrals, letter numbers. Lists in agency rows (services,
/// areas, phones) are `|`-separated codes: the directory is read whole into memory for fuzzy
/// search, so nothing queries inside them. An agency with referrals cannot be deleted.
const V4: &str = r#"
ALTER TABLE agencies ADD COLUMN source_id TEXT;
ALTER TABLE agencies ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN hours TEXT NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN contact TEXT NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN verified TEXT;
ALTER TABLE agencies ADD COLUMN updated_at TEXT;
ALTER TABLE agencies ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE UNIQUE INDEX agencies_source ON agencies(source_id) WHERE source_id IS NOT NULL;

CREATE TABLE referrals (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    agency_id INTEGER NOT NULL REFERENCES agencies(id),
    service TEXT NOT NULL,
    reason TEXT NOT NULL,
    follow_up TEXT,
    status TEXT NOT NULL DEFAULT 'dikirim',
    status_note TEXT NOT NULL DEFAULT '',
    override_reason TEXT,
    letter_number TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX referrals_case ON referrals(case_id);
CREATE INDEX referrals_agency ON referrals(agency_id);
CREATE TRIGGER agencies_keep_referred BEFORE DELETE ON agencies
WHEN EXISTS (SELECT 1 FROM referrals WHERE agency_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'agency has referrals: deactivate it instead'); END;

-- Letter numbers run per calendar year, as paper registers do.
CREATE TABLE letter_seq (year INTEGER PRIMARY KEY, next INTEGER NOT NULL) STRICT;

-- One-time facts about this database, e.g. that the example directory was loaded.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
"#;

/// Staff accounts, the access log, and the origin of a case transferred from another office.
/// The access log is append-only like the history: triggers abort UPDATE and DELETE, so
/// even a raw `sqlite3` session cannot rewrite who looked at what.
const V5: &str = r#"
CREATE TABLE staff (
    username TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('petugas', 'manajer_kasus', 'supervisor')),
    active INTEGER NOT NULL DEFAULT 1,
    pin_hash TEXT,
    failed_pins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE access_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    staff TEXT NOT NULL,
    action TEXT NOT NULL,
    case_id INTEGER REFERENCES cases(id),
    detail TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX access_log_case ON access_log(case_id);
CREATE INDEX access_log_staff ON access_log(staff, at);
CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;
CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;

ALTER TABLE cases ADD COLUMN origin_number TEXT;
ALTER TABLE cases ADD COLUMN origin_office TEXT;
"#;

/// The victim's AMPK answers are read per person (`WHERE person_id = ?`) by the report, the
/// export and every case file opened. Without this index each read scanned the whole table:
/// the report grew quadratically (19 s at 10k cases, unfinished after 45 min at 100k).
const V6: &str = r#"
CREATE INDEX codes_person ON codes(person_id);
"#;

/// `INSERT OR REPLACE` / `REPLACE INTO` on an existing id deletes the old row and writes a
/// new one, and SQLite fires no DELETE trigger for that: the append-only tables could be
/// rewritten. A row may only be added under an id not yet used.
const V7: &str = r#"
CREATE TRIGGER case_history_no_replace BEFORE INSERT ON case_history
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM case_history WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'case_history is append-only'); END;
CREATE TRIGGER case_notes_no_replace BEFORE INSERT ON case_notes
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM case_notes WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'case_notes is append-only'); END;
CREATE TRIGGER access_log_no_replace BEFORE INSERT ON access_log
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM access_log WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;
"#;

/// The case after intake: assessments, the intervention plan and its actions, services given,
/// follow-ups and the closing evaluation. Plans and closures carry a supervisor's approval.
/// Records are edited under a version guard like cases; every change is a history row.
const V8: &str = r#"
CREATE TABLE assessments (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    date TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    physical TEXT NOT NULL DEFAULT '',
    psychological TEXT NOT NULL DEFAULT '',
    social TEXT NOT NULL DEFAULT '',
    spiritual TEXT NOT NULL DEFAULT '',
    needs_hopes TEXT NOT NULL DEFAULT '',
    risk TEXT NOT NULL,
    danger_asked INTEGER NOT NULL DEFAULT 0,
    -- The danger items answered "ya", as space-separated codes.
    danger_yes TEXT NOT NULL DEFAULT '',
    -- domain::assessment::SafetyPlan as JSON.
    safety_plan TEXT NOT NULL DEFAULT '{}',
    version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX assessments_case ON assessments(case_id);

CREATE TABLE plans (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    with_client INTEGER NOT NULL DEFAULT 0,
    participants TEXT NOT NULL DEFAULT '',
    approval TEXT NOT NULL DEFAULT 'draf'
        CHECK (approval IN ('draf', 'diajukan', 'disetujui', 'dikembalikan')),
    approval_by TEXT,
    approval_comment TEXT NOT NULL DEFAULT '',
    approval_at TEXT,
    version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE plan_actions (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    goal TEXT NOT NULL,
    service TEXT NOT NULL,
    doer_staff TEXT,
    doer_agency INTEGER REFERENCES agencies(id),
    due TEXT,
    status TEXT NOT NULL DEFAULT 'rencana'
        CHECK (status IN ('rencana', 'berjalan', 'selesai', 'batal')),
    reason TEXT NOT NULL DEFAULT '',
    referral_id INTEGER REFERENCES referrals(id),
    version INTEGER NOT NULL DEFAULT 1,
    CHECK ((doer_staff IS NULL) <> (doer_agency IS NULL))
) STRICT;
CREATE INDEX plan_actions_case ON plan_actions(case_id);
CREATE INDEX plan_actions_open_due ON plan_actions(due) WHERE status IN ('rencana', 'berjalan');

CREATE TABLE services_given (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    victim_id INTEGER NOT NULL REFERENCES persons(id),
    date TEXT NOT NULL,
    service TEXT NOT NULL,
    by_staff TEXT,
    by_agency INTEGER REFERENCES agencies(id),
    note TEXT NOT NULL DEFAULT '',
    referral_id INTEGER REFERENCES referrals(id),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    CHECK ((by_staff IS NULL) <> (by_agency IS NULL))
) STRICT;
CREATE INDEX services_given_case ON services_given(case_id);
CREATE INDEX services_given_date ON services_given(date);

CREATE TABLE follow_ups (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    date TEXT NOT NULL,
    kind TEXT NOT NULL,
    findings TEXT NOT NULL,
    next_date TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
) STRICT;
CREATE INDEX follow_ups_case ON follow_ups(case_id);

CREATE TABLE closures (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    -- domain::followup::Outcome list as JSON.
    outcomes TEXT NOT NULL DEFAULT '[]',
    -- NULL: not asked; 0: the client declined to answer; 1 to 4: the answer.
    satisfaction INTEGER CHECK (satisfaction BETWEEN 0 AND 4),
    comment TEXT NOT NULL DEFAULT '',
    approval TEXT NOT NULL DEFAULT 'draf'
        CHECK (approval IN ('draf', 'diajukan', 'disetujui', 'dikembalikan')),
    approval_by TEXT,
    approval_comment TEXT NOT NULL DEFAULT '',
    approval_at TEXT,
    version INTEGER NOT NULL DEFAULT 1
) STRICT;
"#;

/// The hash chain over the append-only tables (`store::chain`): a `hash` column on each,
/// filled for the rows already there by `chain::backfill`, in id order, in the same
/// transaction.
const HASH_CHAIN: &str = r#"
ALTER TABLE case_history ADD COLUMN hash TEXT;
ALTER TABLE case_notes ADD COLUMN hash TEXT;
ALTER TABLE access_log ADD COLUMN hash TEXT;
"#;

/// Indexes the query-plan test (store/plans.rs) found missing: the report's closures in a
/// period read the history by action and time instead of all of it; a case number typed in
/// any case is found through an index that ignores case; the access log of a transferred
/// case is found by its origin number.
const INDEXES_FOR_PLANS: &str = r#"
CREATE INDEX case_history_action ON case_history(action, at);
CREATE INDEX cases_number_nocase ON cases(number COLLATE NOCASE);
CREATE INDEX cases_origin ON cases(origin_number) WHERE origin_number IS NOT NULL;
"#;

/// Whether the victim may be rung on her phone (issue 16, point 5): `ya`, `tidak`, or NULL
/// when not asked (cases from before this, reporters, perpetrators). A phone the
/// perpetrator may answer must be marked, and the mark travels wherever the phone is shown.
const PERSONS_SAFE_CONTACT: &str = r#"
ALTER TABLE persons ADD COLUMN safe_contact TEXT CHECK (safe_contact IN ('ya', 'tidak'));
"#;

/// Issue 16: an incident may still be going on ("masih berlangsung", e.g. "sejak 2019").
/// `incident_date` is TEXT already and now also holds a month (`2026-11`) or a year (`2020`)
/// when that is all the victim could say; no existing value changes. NULL: not asked.
const INCIDENT_ONGOING: &str = r#"
ALTER TABLE cases ADD COLUMN incident_ongoing INTEGER CHECK (incident_ongoing IN (0, 1));
"#;

/// The legal side of a case (issues 18, 19): its legal qualification (several allowed, a
/// set the case manager edits, each change a history row), the timeline of legal events and
/// the mediation records — both a record of what happened, so append-only like the history:
/// a correction is a new entry — and the law's checklist (ticked once, never unticked).
/// `next_date` holds the date each entry brings to the due list, worked out when it is
/// recorded. An existing database notes when the clocks began: cases opened before had no
/// place to record a police report or a first service, and would all show as breached.
const LEGAL_RECORDS: &str = r#"
CREATE TABLE legal_qualifications (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    code TEXT NOT NULL,
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL,
    PRIMARY KEY (case_id, code)
) STRICT;

CREATE TABLE legal_events (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    next_date TEXT,
    -- domain::legal::Detail as JSON.
    detail TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
) STRICT;
CREATE INDEX legal_events_case ON legal_events(case_id);
CREATE INDEX legal_events_kind_date ON legal_events(kind, date);
CREATE INDEX legal_events_next ON legal_events(next_date) WHERE next_date IS NOT NULL;

CREATE TABLE mediation_records (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    step TEXT NOT NULL CHECK (step IN ('asesmen', 'sesi', 'kesepakatan', 'tinjauan')),
    date TEXT NOT NULL,
    next_date TEXT,
    -- domain::legal::Step as JSON.
    detail TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
) STRICT;
CREATE INDEX mediation_records_case ON mediation_records(case_id);
CREATE INDEX mediation_records_next ON mediation_records(next_date) WHERE next_date IS NOT NULL;

CREATE TABLE legal_checklist (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    item TEXT NOT NULL,
    date TEXT NOT NULL,
    done_at TEXT NOT NULL,
    done_by TEXT NOT NULL,
    PRIMARY KEY (case_id, item)
) STRICT;

CREATE TRIGGER legal_events_no_update BEFORE UPDATE ON legal_events
BEGIN SELECT RAISE(ABORT, 'legal_events is append-only'); END;
CREATE TRIGGER legal_events_no_delete BEFORE DELETE ON legal_events
BEGIN SELECT RAISE(ABORT, 'legal_events is append-only'); END;
CREATE TRIGGER legal_events_no_replace BEFORE INSERT ON legal_events
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM legal_events WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'legal_events is append-only'); END;
CREATE TRIGGER mediation_records_no_update BEFORE UPDATE ON mediation_records
BEGIN SELECT RAISE(ABORT, 'mediation_records is append-only'); END;
CREATE TRIGGER mediation_records_no_delete BEFORE DELETE ON mediation_records
BEGIN SELECT RAISE(ABORT, 'mediation_records is append-only'); END;
CREATE TRIGGER mediation_records_no_replace BEFORE INSERT ON mediation_records
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM mediation_records WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'mediation_records is append-only'); END;
CREATE TRIGGER legal_checklist_no_update BEFORE UPDATE ON legal_checklist
BEGIN SELECT RAISE(ABORT, 'legal_checklist is append-only'); END;
CREATE TRIGGER legal_checklist_no_delete BEFORE DELETE ON legal_checklist
BEGIN SELECT RAISE(ABORT, 'legal_checklist is append-only'); END;
CREATE TRIGGER legal_checklist_no_replace BEFORE INSERT ON legal_checklist
WHEN EXISTS (SELECT 1 FROM legal_checklist WHERE case_id = NEW.case_id AND item = NEW.item)
BEGIN SELECT RAISE(ABORT, 'legal_checklist is append-only'); END;

INSERT INTO meta (key, value)
SELECT 'clocks_since', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
WHERE EXISTS (SELECT 1 FROM cases);
"#;

/// The fields SIMFONI-PPA counts (issue 18): per person pendidikan, pekerjaan, status
/// perkawinan, kewarganegaraan (with a WNA's country) and the domicile beside the KTP
/// address; per case the jenis kasus chosen over the derived one, and the kewenangan. The old
/// free text `schooling` stays as it was, shown beside the closed fields; the hook maps what
/// it says unambiguously (`domain::simfoni::map_schooling`).
const SIMFONI_FIELDS: &str = r#"
ALTER TABLE persons ADD COLUMN education TEXT;
ALTER TABLE persons ADD COLUMN occupation TEXT;
ALTER TABLE persons ADD COLUMN marital TEXT;
ALTER TABLE persons ADD COLUMN nationality TEXT;
ALTER TABLE persons ADD COLUMN country TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN domicile TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN case_kind TEXT;
ALTER TABLE cases ADD COLUMN authority TEXT;
"#;

/// Maps each person's old "Sekolah / pekerjaan" text onto the closed fields the
/// `SIMFONI_FIELDS` migration added. Only empty fields are filled; the text itself is kept.
fn map_old_schooling(tx: &rusqlite::Transaction<'_>) -> rusqlite_migration::HookResult {
    let rows: Vec<(i64, String, Option<u32>)> = tx
        .prepare("SELECT id, schooling, age FROM persons WHERE trim(schooling) <> ''")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut update = tx.prepare(
        "UPDATE persons SET education = coalesce(education, ?2),
                            occupation = coalesce(occupation, ?3)
         WHERE id = ?1",
    )?;
    for (id, text, age) in rows {
        let m = crate::domain::simfoni::map_schooling(&text, age);
        if m.education.is_some() || m.occupation.is_some() {
            update.execute(rusqlite::params![id, m.education, m.occupation])?;
        }
    }
    Ok(())
}

/// An index for the due list (`Store::due_cases`, Tugas and `meja tugas`): it reads the next
/// follow-up of every open case at once, the date its latest follow-up asked for, and found
/// that latest one by reading and sorting all of the case's follow-ups.
const INDEXES_FOR_DUE: &str = r#"
CREATE INDEX follow_ups_case_date ON follow_ups(case_id, date, id);
"#;

/// The register numbers of the papers an office numbers (issue 19: a Berita Acara mediasi, a
/// final report), from the letters' own sequence (`letter_seq`): one outgoing register, as an
/// office keeps it. A reprint gives the same number, so a number, once given, is kept —
/// append-only, like the record it numbers. `subject` tells two papers of one kind in one case
/// apart (the mediation agreement's record id; 0 where a case has one).
const PAPER_NUMBERS: &str = r#"
CREATE TABLE paper_numbers (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    subject INTEGER NOT NULL DEFAULT 0,
    number TEXT NOT NULL UNIQUE,
    taken_at TEXT NOT NULL,
    taken_by TEXT NOT NULL,
    PRIMARY KEY (case_id, kind, subject)
) STRICT;
CREATE TRIGGER paper_numbers_no_update BEFORE UPDATE ON paper_numbers
BEGIN SELECT RAISE(ABORT, 'paper_numbers is append-only'); END;
CREATE TRIGGER paper_numbers_no_delete BEFORE DELETE ON paper_numbers
BEGIN SELECT RAISE(ABORT, 'paper_numbers is append-only'); END;
"#;

/// Names typed with one typo or in another spelling (issue 16 point 17). For each name word
/// in its folded spelling (`domain::spelling::fold`), the keys that find it one typo away
/// (`spelling::keys`). Filled as cases are indexed; the hook re-indexes every case so old
/// cases are found too, and their folded spellings join the search index.
const NAME_SPELLINGS: &str = r#"
CREATE TABLE name_keys (
    key TEXT NOT NULL,
    fold TEXT NOT NULL,
    PRIMARY KEY (key, fold)
) STRICT, WITHOUT ROWID;
"#;

/// Re-indexes every case with `search::reindex` as it is now. Safe in this place of the chain
/// because every column it reads was there by schema 14; a later migration that makes
/// `reindex` read a newer column must move this fill after it.
fn reindex_all_cases(tx: &rusqlite::Transaction<'_>) -> rusqlite_migration::HookResult {
    let ids: Vec<i64> = tx
        .prepare("SELECT id FROM cases")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        super::search::reindex(tx, id)?;
    }
    Ok(())
}

/// Legal events and mediation records that came with a case transferred from another office
/// (transfer format 3) keep the office they were recorded at: they stop this office's clocks
/// and their next dates are due here (the accompaniment goes on), but this office's report
/// counts only the police reports and verdicts it recorded itself. NULL: recorded here.
const LEGAL_ORIGIN: &str = r#"
ALTER TABLE legal_events ADD COLUMN origin TEXT;
ALTER TABLE mediation_records ADD COLUMN origin TEXT;
"#;

/// Rust run after a migration's SQL, in its transaction.
type Hook = fn(&rusqlite::Transaction<'_>) -> rusqlite_migration::HookResult;

const ALL: &[(&str, Option<Hook>)] = &[
    (V1, None),
    (V2, None),
    (V3, None),
    (V4, None),
    (V5, None),
    (V6, None),
    (V7, None),
    (V8, None),
    // Shipped in the schema-10 release (tests/fixtures/v10.db). New migrations go after the
    // last line, never between: a database's user_version counts the entries it has run.
    (INDEXES_FOR_PLANS, None),
    (HASH_CHAIN, Some(super::chain::backfill)),
    (PERSONS_SAFE_CONTACT, None),
    (INCIDENT_ONGOING, None),
    (LEGAL_RECORDS, None),
    (SIMFONI_FIELDS, Some(map_old_schooling)),
    // Shipped in the schema-14 release (tests/fixtures/v14.db).
    (PAPER_NUMBERS, None),
    (NAME_SPELLINGS, Some(reindex_all_cases)),
    (INDEXES_FOR_DUE, None),
    (LEGAL_ORIGIN, None),
];

pub fn migrations() -> Migrations<'static> {
    Migrations::new(
        ALL.iter()
            .map(|(sql, hook)| match hook {
                Some(h) => M::up_with_hook(sql, *h),
                None => M::up(sql),
            })
            .collect(),
    )
}

/// The schema version at which the hash chain begins: tests build a database one version
/// before it to see the backfill, whatever migrations come after it.
pub fn chain_version() -> usize {
    ALL.iter()
        .position(|(sql, _)| *sql == HASH_CHAIN)
        .expect("the chain is a migration")
        + 1
}

/// The schema version this build brings a database to (`PRAGMA user_version`).
pub fn latest() -> i64 {
    ALL.len() as i64
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::migrations().validate().unwrap();
    }
}
