//! Field rules: dates typed day first, ages, NIK and Indonesian phone numbers.
//!
//! Each parser takes the text a person typed and returns the value or the reason it is
//! refused. Warnings (a NIK that disagrees with the recorded sex, say) are separate from
//! errors: the front desk records what it is told and flags doubts, it never blocks on them.

use chrono::{Datelike, NaiveDate, NaiveTime};

use super::Issue;

/// Parses a date written day first: `23-11-2026`, `23/11/2026`, `23.11.2026`, `23112026`,
/// `3-4-2026`, or ISO `2026-11-23`. Refuses impossible dates and dates after `today`.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, Issue> {
    let s = input.trim();
    let parts: Vec<&str> = s
        .split(['-', '/', '.', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let (d, m, y) = match parts.as_slice() {
        [one] if one.len() == 8 && one.bytes().all(|b| b.is_ascii_digit()) => {
            (&one[0..2], &one[2..4], &one[4..8])
        }
        [y, m, d] if y.len() == 4 => (*d, *m, *y),
        [d, m, y] => (*d, *m, *y),
        _ => return Err(Issue::DateFormat),
    };
    let num = |p: &str| -> Result<u32, Issue> {
        if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Issue::DateFormat);
        }
        p.parse().map_err(|_| Issue::DateFormat)
    };
    let (d, m, y) = (num(d)?, num(m)?, num(y)?);
    if y < 1000 {
        // Two-digit years are ambiguous across a century for birth dates: ask for four.
        return Err(Issue::DateYear);
    }
    let date = NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(Issue::DateImpossible)?;
    if date > today {
        return Err(Issue::DateFuture);
    }
    if y < 1900 {
        return Err(Issue::DateImpossible);
    }
    Ok(date)
}

/// The way dates are shown and stored in drafts: day first.
pub fn format_date(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// Parses `14:30`, `14.30`, `1430`, or a bare hour `22` (22:00: people say "jam 10").
pub fn parse_time(input: &str) -> Result<NaiveTime, Issue> {
    let s = input.trim();
    let (h, m) = if let Some((h, m)) = s.split_once([':', '.']) {
        (h, m)
    } else if (1..=2).contains(&s.len()) {
        (s, "00")
    } else if s.len() == 4 {
        s.split_at(2)
    } else {
        return Err(Issue::TimeFormat);
    };
    let h: u32 = h.trim().parse().map_err(|_| Issue::TimeFormat)?;
    let m: u32 = m.trim().parse().map_err(|_| Issue::TimeFormat)?;
    NaiveTime::from_hms_opt(h, m, 0).ok_or(Issue::TimeFormat)
}

/// An e-mail address a mail program could send to: `name@host.tld`, no spaces. Deliberately
/// loose (RFC 5322 allows far more), but `p2tp2a@` or `p2tp2a@metro` never reach an agency.
pub fn email_ok(s: &str) -> bool {
    let s = s.trim();
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && !s.chars().any(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|p| !p.is_empty())
}

/// Whole years from `birth` to `on`.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> u32 {
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years.max(0) as u32
}

/// An age typed in whole years (an estimate is fine).
pub fn parse_age(input: &str) -> Result<u32, Issue> {
    let s = input
        .trim()
        .trim_end_matches("tahun")
        .trim_end_matches("th")
        .trim();
    match s.parse::<u32>() {
        Ok(a) if a <= 120 => Ok(a),
        _ => Err(Issue::AgeInvalid),
    }
}

/// What a NIK says about its holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nik {
    pub digits: String,
    /// `PPKKCC`: the kecamatan where the NIK was first issued.
    pub region: String,
    pub female: bool,
    pub day: u32,
    pub month: u32,
    /// Two-digit year: the century is not encoded.
    pub yy: u32,
}

impl Nik {
    pub fn province(&self) -> &str {
        &self.region[..2]
    }

    /// Does the birth date encoded in the NIK agree with `birth`?
    pub fn matches_birth(&self, birth: NaiveDate) -> bool {
        birth.day() == self.day
            && birth.month() == self.month
            && birth.year() as u32 % 100 == self.yy
    }
}

/// Parses a NIK (16 digits: `PP KK CC DD MM YY SSSS`). Spaces and dots are ignored.
/// Errors: length, non-digit, impossible day or month, serial 0000. There is no check digit.
pub fn parse_nik(input: &str) -> Result<Nik, Issue> {
    let digits: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-'))
        .collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Issue::NikDigits);
    }
    if digits.len() != 16 {
        return Err(Issue::NikLength);
    }
    let n = |r: std::ops::Range<usize>| digits[r].parse::<u32>().unwrap_or(0);
    let (raw_day, month, yy, serial) = (n(6..8), n(8..10), n(10..12), n(12..16));
    if !(1..=12).contains(&month) {
        return Err(Issue::NikMonth);
    }
    let female = raw_day > 40;
    let day = if female { raw_day - 40 } else { raw_day };
    // The century is unknown, so test the day against a leap year: 29-02 is possible.
    if !(1..=31).contains(&day) || NaiveDate::from_ymd_opt(2000, month, day).is_none() {
        return Err(Issue::NikDay);
    }
    if serial == 0 {
        return Err(Issue::NikSerial);
    }
    Ok(Nik {
        region: digits[..6].to_string(),
        digits,
        female,
        day,
        month,
        yy,
    })
}

/// The 38 province codes (Kepmendagri 2025). A NIK outside them is suspicious, but old and
/// split regions exist, so it is a warning only. Finer checks use the full region table.
pub const PROVINCE_CODES: &[&str] = &[
    "11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36",
    "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82",
    "91", "92", "93", "94", "95", "96",
];

/// Normalizes an Indonesian phone number to the national form `08…`/`0…`:
/// `+62 812-3456-7890`, `62812…` and `0812 3456 7890` all give `081234567890`.
pub fn normalize_phone(input: &str) -> Result<String, Issue> {
    let s = input.trim();
    let mut digits = String::new();
    for (i, c) in s.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => {}
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return Err(Issue::PhoneInvalid),
        }
    }
    let national = if let Some(rest) = digits.strip_prefix("62") {
        format!("0{rest}")
    } else if s.starts_with('+') {
        // Another country's number: keep it as typed in international form.
        return if (8..=15).contains(&digits.len()) {
            Ok(format!("+{digits}"))
        } else {
            Err(Issue::PhoneInvalid)
        };
    } else {
        digits
    };
    if !national.starts_with('0') || !(9..=14).contains(&national.len()) {
        return Err(Issue::PhoneInvalid);
    }
    Ok(national)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    const TODAY: fn() -> NaiveDate = || d(2026, 11, 23);

    #[test]
    fn dates_are_read_day_first_in_every_usual_spelling() {
        for s in [
            "23-11-2025",
            "23/11/2025",
            "23.11.2025",
            "23112025",
            " 23 - 11 - 2025 ",
            "2025-11-23",
        ] {
            assert_eq!(parse_date(s, TODAY()), Ok(d(2025, 11, 23)), "{s}");
        }
        assert_eq!(parse_date("3/4/2020", TODAY()), Ok(d(2020, 4, 3)));
    }

    #[test]
    fn impossible_future_and_garbled_dates_are_refused_with_a_reason() {
        assert_eq!(
            parse_date("31-02-2020", TODAY()),
            Err(Issue::DateImpossible)
        );
        assert_eq!(
            parse_date("29-02-2023", TODAY()),
            Err(Issue::DateImpossible)
        );
        assert_eq!(parse_date("29-02-2024", TODAY()), Ok(d(2024, 2, 29)));
        assert_eq!(parse_date("24-11-2026", TODAY()), Err(Issue::DateFuture));
        assert_eq!(parse_date("23-11-2026", TODAY()), Ok(TODAY()));
        assert_eq!(parse_date("kemarin", TODAY()), Err(Issue::DateFormat));
        assert_eq!(
            parse_date("12-13-2020", TODAY()),
            Err(Issue::DateImpossible)
        );
        assert_eq!(parse_date("1-1-20", TODAY()), Err(Issue::DateYear));
        assert_eq!(
            parse_date("01-01-1850", TODAY()),
            Err(Issue::DateImpossible)
        );
    }

    #[test]
    fn age_counts_whole_years_and_birthdays() {
        assert_eq!(age_on(d(2010, 11, 23), TODAY()), 16);
        assert_eq!(age_on(d(2010, 11, 24), TODAY()), 15);
        assert_eq!(age_on(d(2008, 11, 23), TODAY()), 18);
        assert_eq!(age_on(TODAY(), TODAY()), 0);
        assert_eq!(parse_age("7"), Ok(7));
        assert_eq!(parse_age("7 tahun"), Ok(7));
        assert_eq!(parse_age("-1"), Err(Issue::AgeInvalid));
        assert_eq!(parse_age("200"), Err(Issue::AgeInvalid));
    }

    #[test]
    fn an_email_needs_a_name_a_host_and_a_domain() {
        assert!(email_ok("p2tp2a@metrokota.go.id"));
        assert!(email_ok(" uptd.ppa+rujukan@gmail.com "));
        for bad in [
            "p2tp2a@",
            "@metro.go.id",
            "p2tp2a@metro",
            "p2tp2a@metro.",
            "a b@c.id",
            "x",
        ] {
            assert!(!email_ok(bad), "{bad}");
        }
    }

    #[test]
    fn times_accept_colon_dot_or_four_digits() {
        assert_eq!(
            parse_time("14:30"),
            Ok(NaiveTime::from_hms_opt(14, 30, 0).unwrap())
        );
        assert_eq!(
            parse_time("14.30"),
            Ok(NaiveTime::from_hms_opt(14, 30, 0).unwrap())
        );
        assert_eq!(
            parse_time("0705"),
            Ok(NaiveTime::from_hms_opt(7, 5, 0).unwrap())
        );
        assert_eq!(parse_time("25:00"), Err(Issue::TimeFormat));
        // Issue 16: a bare hour is that hour on the dot.
        assert_eq!(
            parse_time("22"),
            Ok(NaiveTime::from_hms_opt(22, 0, 0).unwrap())
        );
        assert_eq!(
            parse_time("7"),
            Ok(NaiveTime::from_hms_opt(7, 0, 0).unwrap())
        );
        assert_eq!(parse_time("24"), Err(Issue::TimeFormat));
        assert_eq!(parse_time("123"), Err(Issue::TimeFormat));
        assert_eq!(parse_time("siang"), Err(Issue::TimeFormat));
    }

    #[test]
    fn nik_decodes_region_sex_and_birth_date() {
        // Woman born 12-05-1990 in 3372.01 (Kota Surakarta).
        let nik = parse_nik("3372015205900001").unwrap();
        assert_eq!(nik.region, "337201");
        assert_eq!(nik.province(), "33");
        assert!(nik.female);
        assert_eq!((nik.day, nik.month, nik.yy), (12, 5, 90));
        assert!(nik.matches_birth(d(1990, 5, 12)));
        assert!(!nik.matches_birth(d(1990, 5, 13)));
        let man = parse_nik("3372 0112 0590 0002").unwrap();
        assert!(!man.female);
        assert_eq!(man.day, 12);
    }

    #[test]
    fn nik_errors_name_the_broken_part() {
        assert_eq!(parse_nik("337201520590001"), Err(Issue::NikLength));
        assert_eq!(parse_nik("33720152059000012"), Err(Issue::NikLength));
        assert_eq!(parse_nik("33720152059O0001"), Err(Issue::NikDigits));
        assert_eq!(parse_nik("3372015213900001"), Err(Issue::NikMonth));
        assert_eq!(parse_nik("3372011200900001"), Err(Issue::NikMonth));
        assert_eq!(parse_nik("3372010005900001"), Err(Issue::NikDay));
        assert_eq!(parse_nik("3372013205900001"), Err(Issue::NikDay));
        assert_eq!(parse_nik("3372017205900001"), Err(Issue::NikDay));
        assert_eq!(parse_nik("3372013102900001"), Err(Issue::NikDay)); // 31 February
        assert_eq!(parse_nik("3372012902000001").map(|n| n.day), Ok(29)); // leap day allowed
        assert_eq!(parse_nik("3372011205900000"), Err(Issue::NikSerial));
    }

    #[test]
    fn province_list_has_the_38_provinces() {
        assert_eq!(PROVINCE_CODES.len(), 38);
    }

    #[test]
    fn phones_normalize_to_the_national_form() {
        for s in [
            "081234567890",
            "0812-3456-7890",
            "+62 812 3456 7890",
            "62812.3456.7890",
            "(0812) 3456 7890",
        ] {
            assert_eq!(normalize_phone(s), Ok("081234567890".into()), "{s}");
        }
        assert_eq!(normalize_phone("0725 41234"), Ok("072541234".into()));
        assert_eq!(
            normalize_phone("+60 12 345 6789"),
            Ok("+60123456789".into())
        );
        assert_eq!(normalize_phone("12345"), Err(Issue::PhoneInvalid));
        assert_eq!(normalize_phone("0812abc"), Err(Issue::PhoneInvalid));
        assert_eq!(
            normalize_phone("0812345678901234"),
            Err(Issue::PhoneInvalid)
        );
    }
}
