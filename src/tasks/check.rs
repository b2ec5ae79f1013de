//! `meja check`: is this database safe to keep working on? Integrity, schema version, SQLite
//! version, who else can read the files, and what it holds. Healthy only when nothing is
//! wrong, so a cron job or a supervisor can rely on the exit code.

use std::path::Path;

use crate::error::Result;
use crate::i18n::{Lang, Msg, fill};
use crate::store::{self, health, perms};

pub struct Checked {
    pub lines: Vec<String>,
    pub problems: usize,
}

impl Checked {
    pub fn healthy(&self) -> bool {
        self.problems == 0
    }
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

pub fn check(path: &Path, lang: Lang) -> Result<Checked> {
    let f = health::facts(path)?;
    let mut lines = Vec::new();
    let mut problems = 0;
    let mut say = |ok: bool, line: String| {
        if !ok {
            problems += 1;
        }
        lines.push(format!("{} {line}", if ok { "✓" } else { "✗" }));
    };
    let sound = f.integrity.len() == 1 && f.integrity[0] == "ok";
    let shown: Vec<&str> = f.integrity.iter().take(5).map(String::as_str).collect();
    say(
        sound,
        fill(Msg::CheckIntegrity.get(lang), &[&shown.join("; ")]),
    );
    let schema = match f.schema.cmp(&f.latest_schema) {
        std::cmp::Ordering::Equal => (true, Msg::CheckSchema),
        // An older schema is upgraded the next time meja opens it: not a fault.
        std::cmp::Ordering::Less => (true, Msg::CheckSchemaOld),
        std::cmp::Ordering::Greater => (false, Msg::CheckSchemaNew),
    };
    say(
        schema.0,
        fill(schema.1.get(lang), &[&f.schema, &f.latest_schema]),
    );
    let sqlite_ok = rusqlite::version_number() >= store::MIN_SQLITE;
    say(
        sqlite_ok,
        fill(
            if sqlite_ok {
                Msg::CheckSqlite
            } else {
                Msg::CheckSqliteOld
            }
            .get(lang),
            &[&rusqlite::version()],
        ),
    );
    for p in perms::db_files(path) {
        let Some(mode) = perms::mode(&p) else {
            continue;
        };
        let open = perms::world_accessible(&p).is_some();
        let msg = if open {
            Msg::CheckModeOpen
        } else {
            Msg::CheckMode
        };
        say(
            !open,
            fill(msg.get(lang), &[&file_name(&p), &format!("{mode:04o}")]),
        );
    }
    for (table, state) in &f.chains {
        use crate::store::chain::ChainState;
        match state {
            // Before `meja migrate`: the schema line already says so.
            ChainState::Missing => say(true, fill(Msg::CheckChainMissing.get(lang), &[table])),
            ChainState::Sound { rows, head } => say(
                true,
                fill(
                    Msg::CheckChain.get(lang),
                    &[table, rows, &head.get(..16).unwrap_or("-")],
                ),
            ),
            ChainState::Broken { id } => {
                say(false, fill(Msg::CheckChainBroken.get(lang), &[table, id]))
            }
        }
    }
    lines.push(fill(
        Msg::CheckCounts.get(lang),
        &[&f.cases, &f.agencies, &f.drafts],
    ));
    lines.push(if problems == 0 {
        Msg::CheckHealthy.get(lang).to_string()
    } else {
        fill(Msg::CheckUnhealthy.get(lang), &[&problems])
    });
    Ok(Checked { lines, problems })
}
