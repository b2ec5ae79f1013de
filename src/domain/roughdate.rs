//! Dates a person can only give roughly: a day, a month of a year (`11-2026`) or a year
//! (`2020`). A victim often remembers "November" or "sejak 2020" but not the day; refusing
//! that made workers invent a first-of-the-month that the record then passed off as fact
//! (issue 16). The value keeps its precision: it is stored as ISO 8601 at that precision
//! (`2026-11-23`, `2026-11`, `2020`) and shown as it was typed, day first.

use chrono::{Datelike, NaiveDate};

use super::Issue;
use super::validate::{format_date, parse_date};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RoughDate {
    Day(NaiveDate),
    Month { year: i32, month: u32 },
    Year(i32),
}

fn digits(p: &str) -> bool {
    !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())
}

impl RoughDate {
    /// Reads `23-11-2026` (every form `parse_date` takes), `11-2026`, `11/2026`, `2026-11`
    /// or `2026`, refusing anything after `today` (a month or year after today's).
    pub fn parse(input: &str, today: NaiveDate) -> Result<RoughDate, Issue> {
        let s = input.trim();
        let parts: Vec<&str> = s
            .split(['-', '/', '.', ' '])
            .filter(|p| !p.is_empty())
            .collect();
        let rough = match parts.as_slice() {
            [y] if y.len() == 4 && digits(y) => RoughDate::Year(year(y)?),
            [a, b] if digits(a) && digits(b) => {
                let (m, y) = if a.len() == 4 { (*b, *a) } else { (*a, *b) };
                if y.len() != 4 {
                    return Err(Issue::DateYear);
                }
                let month: u32 = m.parse().map_err(|_| Issue::DateFormat)?;
                if m.len() > 2 || !(1..=12).contains(&month) {
                    return Err(Issue::DateImpossible);
                }
                RoughDate::Month {
                    year: year(y)?,
                    month,
                }
            }
            _ => return parse_date(s, today).map(RoughDate::Day),
        };
        if rough.first_day() > today {
            return Err(Issue::DateFuture);
        }
        Ok(rough)
    }

    /// Reads a stored value (ISO at its precision); None for anything else.
    pub fn from_iso(s: &str) -> Option<RoughDate> {
        let parts: Vec<&str> = s.split('-').collect();
        match parts.as_slice() {
            [y] if y.len() == 4 && digits(y) => Some(RoughDate::Year(y.parse().ok()?)),
            [y, m] if y.len() == 4 && digits(y) && m.len() == 2 && digits(m) => {
                let month = m.parse().ok().filter(|m| (1..=12).contains(m))?;
                Some(RoughDate::Month {
                    year: y.parse().ok()?,
                    month,
                })
            }
            _ => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .map(RoughDate::Day),
        }
    }

    /// The stored form: ISO 8601 at the value's precision.
    pub fn iso(self) -> String {
        match self {
            RoughDate::Day(d) => d.format("%Y-%m-%d").to_string(),
            RoughDate::Month { year, month } => format!("{year:04}-{month:02}"),
            RoughDate::Year(y) => format!("{y:04}"),
        }
    }

    /// As a person writes it, day first with `sep` between the parts (`-` on screen and in
    /// drafts, `/` in a spreadsheet set to Indonesian).
    pub fn written(self, sep: char) -> String {
        match self {
            RoughDate::Day(d) => format_date(d).replace('-', &sep.to_string()),
            RoughDate::Month { year, month } => format!("{month:02}{sep}{year:04}"),
            RoughDate::Year(y) => format!("{y:04}"),
        }
    }

    /// The earliest day the value can mean.
    pub fn first_day(self) -> NaiveDate {
        match self {
            RoughDate::Day(d) => d,
            RoughDate::Month { year, month } => {
                NaiveDate::from_ymd_opt(year, month, 1).unwrap_or_default()
            }
            RoughDate::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or_default(),
        }
    }

    /// True for a whole date (day known).
    pub fn is_exact(self) -> bool {
        matches!(self, RoughDate::Day(_))
    }

    pub fn year(self) -> i32 {
        self.first_day().year()
    }
}

fn year(y: &str) -> Result<i32, Issue> {
    let y: i32 = y.parse().map_err(|_| Issue::DateFormat)?;
    if y < 1900 {
        return Err(Issue::DateImpossible);
    }
    Ok(y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn parse(s: &str) -> Result<RoughDate, Issue> {
        RoughDate::parse(s, today())
    }

    #[test]
    fn a_month_and_year_or_a_year_alone_are_taken_with_their_precision() {
        let nov = RoughDate::Month {
            year: 2026,
            month: 11,
        };
        for s in ["11-2026", "11/2026", "11.2026", "2026-11", " 11 2026 "] {
            assert_eq!(parse(s), Ok(nov), "{s}");
        }
        assert_eq!(
            parse("3-2019"),
            Ok(RoughDate::Month {
                year: 2019,
                month: 3
            })
        );
        assert_eq!(parse("2020"), Ok(RoughDate::Year(2020)));
        assert_eq!(
            parse("23/11/2026"),
            Ok(RoughDate::Day(
                NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
            ))
        );
    }

    #[test]
    fn rough_dates_are_shown_as_typed_and_stored_as_iso_at_their_precision() {
        for (typed, shown, iso) in [
            ("11/2026", "11-2026", "2026-11"),
            ("2020", "2020", "2020"),
            ("1/2/2014", "01-02-2014", "2014-02-01"),
        ] {
            let d = parse(typed).unwrap();
            assert_eq!(d.written('-'), shown);
            assert_eq!(d.iso(), iso);
            assert_eq!(RoughDate::from_iso(iso), Some(d));
        }
        assert_eq!(parse("11-2026").unwrap().written('/'), "11/2026");
        assert_eq!(RoughDate::from_iso("2026-13"), None);
        assert_eq!(RoughDate::from_iso("kemarin"), None);
    }

    #[test]
    fn a_rough_date_after_today_or_impossible_is_refused() {
        assert_eq!(parse("12-2026"), Err(Issue::DateFuture));
        assert_eq!(parse("2027"), Err(Issue::DateFuture));
        assert_eq!(parse("13-2026"), Err(Issue::DateImpossible));
        assert_eq!(parse("0-2026"), Err(Issue::DateImpossible));
        assert_eq!(parse("11-26"), Err(Issue::DateYear));
        assert_eq!(parse("1850"), Err(Issue::DateImpossible));
        assert_eq!(parse("20"), Err(Issue::DateFormat));
        assert_eq!(parse("kemarin"), Err(Issue::DateFormat));
        assert_eq!(parse("24-11-2026"), Err(Issue::DateFuture));
    }
}
