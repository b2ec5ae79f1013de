//! `meja audit`: the access log, newest first.

use chrono::NaiveDate;

use super::Env;
use crate::domain::case::Permission;
use crate::error::Result;
use crate::i18n::{Msg, access_label, fill};
use crate::store::Store;
use crate::store::access::AccessFilter;

/// `meja audit`: the access log, newest first.
pub fn run_audit(
    env: &Env,
    staff: Option<String>,
    case: Option<String>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<String> {
    let config = env.config()?;
    let lang = env.lang(Some(&config));
    let mut store = Store::open(&env.db_path()?)?;
    env.actor(&mut store, &config, Permission::ReadAudit)?;
    let rows = store.access_log(&AccessFilter {
        staff,
        case_number: case,
        from,
        to,
        limit: None,
    })?;
    let mut out = vec![Msg::AuditHead.get(lang).to_string()];
    for r in &rows {
        let at = crate::clock::shown(&r.at, "%d-%m-%Y %H:%M:%S");
        let what = r
            .kind
            .map(|k| access_label(k, lang))
            .unwrap_or(r.code.as_str());
        out.push(format!(
            "{at}  {:<12} {:<14} {:<16} {}",
            r.staff,
            what,
            r.case_number.as_deref().unwrap_or("-"),
            r.detail
        ));
    }
    out.push(fill(Msg::AuditCount.get(lang), &[&rows.len()]));
    Ok(out.join("\n"))
}
