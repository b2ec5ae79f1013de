//! The office clock. An office keeps its own zone — WIB, WITA or WIT — whatever zone its
//! server's clock is set to, and servers often run on UTC. Every time meja stores, shows or
//! counts goes through `chrono::Local`, so the office's zone is made the process's local zone
//! once, at start, before any thread runs (through `TZ`, which SQLite's `localtime` follows
//! too): history, letters, reports, drafts and stage targets then follow it with no code of
//! their own. Stored times stay RFC 3339 with their offset, so each still names one instant;
//! [`shown`] turns a stored time into the office's wall clock for display.

use std::path::Path;

use chrono::{DateTime, Datelike, Local, Offset, TimeZone, Utc};
use chrono_tz::{OffsetName, Tz};

use crate::error::{Error, Result};
use crate::i18n::Msg;

/// An IANA zone name ("Asia/Makassar") as chrono-tz knows it.
pub fn parse_zone(name: &str) -> Option<Tz> {
    name.trim().parse().ok()
}

/// The `TZ` value that makes `Local` the zone `tz`. A zone without daylight saving (all of
/// Indonesia's) becomes a fixed POSIX rule such as `<WITA>-8`, which needs no tz database on
/// the server: the static binary may run where /usr/share/zoneinfo is missing. A zone with
/// daylight saving needs the system's file for it (`:Europe/Berlin`); None when there is none.
pub fn tz_value(tz: Tz, now: DateTime<Utc>, zoneinfo: &Path) -> Option<String> {
    let at = |m: u32| {
        Utc.with_ymd_and_hms(now.year(), m, 1, 0, 0, 0)
            .single()
            .map(|t| tz.offset_from_utc_datetime(&t.naive_utc()).fix())
    };
    let cur = tz.offset_from_utc_datetime(&now.naive_utc());
    if at(1) == Some(cur.fix()) && at(7) == Some(cur.fix()) {
        let secs = cur.fix().local_minus_utc();
        let abbr = cur
            .abbreviation()
            .filter(|a| {
                a.len() >= 3
                    && a.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-')
            })
            .unwrap_or("LMT");
        // POSIX counts hours west of Greenwich: WITA, UTC+8, is "<WITA>-8".
        let (sign, s) = if secs > 0 { ('-', secs) } else { ('+', -secs) };
        let (h, m) = (s / 3600, s % 3600 / 60);
        return Some(if m == 0 {
            format!("<{abbr}>{sign}{h}")
        } else {
            format!("<{abbr}>{sign}{h}:{m:02}")
        });
    }
    zoneinfo
        .join(tz.name())
        .is_file()
        .then(|| format!(":{}", tz.name()))
}

/// Makes the configured office zone the process's local zone; nothing when none is
/// configured (the server's zone stays).
///
/// # Safety
/// Sets an environment variable: call it only while no other thread runs (at the start of
/// `main`, or of a test binary's only test).
pub unsafe fn use_office_zone(zone: &str) -> Result<()> {
    // The zone's name, not the whole configuration: the configuration checks zone names
    // with `parse_zone`, so taking `Config` here would make the two modules import each other.
    let name = zone.trim();
    if name.is_empty() {
        return Ok(());
    }
    let tz = parse_zone(name).ok_or_else(|| Error::new(Msg::ErrTimezone, &[&name]))?;
    let value = tz_value(tz, Utc::now(), Path::new("/usr/share/zoneinfo"))
        .ok_or_else(|| Error::new(Msg::ErrTimezoneNoTzdata, &[&name]))?;
    // SAFETY: the caller guarantees no other thread reads or writes the environment now.
    unsafe { std::env::set_var("TZ", value) };
    Ok(())
}

/// Whether the server's own clock zone is UTC (the process's local zone before any office
/// zone is applied): `meja check` warns then, when no office zone is configured.
pub fn local_is_utc() -> bool {
    Local::now().offset().local_minus_utc() == 0
}

/// A stored RFC 3339 time on the office's wall clock, in `fmt`; the text as it is when it is
/// not a time.
pub fn shown(stored: &str, fmt: &str) -> String {
    DateTime::parse_from_rfc3339(stored)
        .map(|t| t.with_timezone(&Local).format(fmt).to_string())
        .unwrap_or_else(|_| stored.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn indonesian_zones_become_fixed_rules_that_need_no_tz_database() {
        let none = Path::new("/nonexistent");
        let now = utc(2026, 10, 31, 23, 30);
        let v = |n: &str| tz_value(parse_zone(n).unwrap(), now, none);
        assert_eq!(v("Asia/Jakarta").as_deref(), Some("<WIB>-7"));
        assert_eq!(v("Asia/Makassar").as_deref(), Some("<WITA>-8"));
        assert_eq!(v("Asia/Jayapura").as_deref(), Some("<WIT>-9"));
        assert_eq!(v("Asia/Kolkata").as_deref(), Some("<IST>-5:30"));
        // Daylight saving: only with the system's file for the zone.
        assert_eq!(v("Europe/Berlin"), None);
        assert!(parse_zone("Asia/Makasar").is_none());
        assert!(parse_zone("WITA").is_none());
    }
}
