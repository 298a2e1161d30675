//! Value types of RFC 5545 §3.3 that events use: DATE, DATE-TIME, DURATION
//! and UTC-OFFSET.
//!
//! chrono's format strings read the fixed-width DATE and DATE-TIME forms;
//! DURATION (`-P1DT2H`) and UTC-OFFSET (`+0530`, `-000115`) have no chrono
//! parser, so their short grammars are read here.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, Utc};

/// A DATE or DATE-TIME value before any time zone is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RawTime {
    /// `VALUE=DATE`: a whole day, `20240101`.
    Date(NaiveDate),
    /// Local time, `20240101T090000`: floating unless a TZID goes with it.
    Local(NaiveDateTime),
    /// UTC, `20240101T090000Z`.
    Utc(DateTime<Utc>),
}

/// Reads a DATE (`YYYYMMDD`) or DATE-TIME (`YYYYMMDDTHHMMSS[Z]`).
pub(crate) fn parse_time(text: &str) -> Result<RawTime, String> {
    let text = text.trim();
    if let Some(local) = text.strip_suffix(['Z', 'z']) {
        return parse_local(local).map(|t| RawTime::Utc(t.and_utc()));
    }
    if text.len() == 8 {
        return NaiveDate::parse_from_str(text, "%Y%m%d")
            .map(RawTime::Date)
            .map_err(|_| format!("`{text}` is not a date (YYYYMMDD)"));
    }
    parse_local(text).map(RawTime::Local)
}

fn parse_local(text: &str) -> Result<NaiveDateTime, String> {
    NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S")
        .map_err(|_| format!("`{text}` is not a date-time (YYYYMMDDTHHMMSS)"))
}

/// A DURATION split the way RFC 5545 §3.3.6 applies it: days and weeks are
/// nominal (they follow the wall clock across DST changes), the time part
/// is exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Span {
    pub days: i64,
    pub exact: Duration,
}

/// The longest DURATION accepted, a century: longer ones are typos, and
/// would overflow date arithmetic.
const MAX_DURATION_DAYS: i64 = 36_525;

/// Reads `[+-]P[nW]` or `[+-]P[nD][T[nH][nM][nS]]`.
pub(crate) fn parse_duration(text: &str) -> Result<Span, String> {
    let bad = || format!("`{text}` is not a duration such as PT1H30M or P1D");
    let trimmed = text.trim();
    let (sign, rest) = match trimmed.as_bytes().first() {
        Some(b'-') => (-1, &trimmed[1..]),
        Some(b'+') => (1, &trimmed[1..]),
        _ => (1, trimmed),
    };
    let rest = rest.strip_prefix(['P', 'p']).ok_or_else(bad)?;
    let mut span = Span::default();
    let mut number = String::new();
    let mut in_time = false;
    let mut any = false;
    for c in rest.chars() {
        match c.to_ascii_uppercase() {
            '0'..='9' => number.push(c),
            'T' if number.is_empty() && !in_time => in_time = true,
            unit => {
                let n: i64 = number
                    .parse()
                    .ok()
                    .filter(|n| *n <= MAX_DURATION_DAYS * 86_400)
                    .ok_or_else(bad)?;
                number.clear();
                any = true;
                match (unit, in_time) {
                    ('W', false) => span.days += 7 * n,
                    ('D', false) => span.days += n,
                    ('H', true) => span.exact += Duration::hours(n),
                    ('M', true) => span.exact += Duration::minutes(n),
                    ('S', true) => span.exact += Duration::seconds(n),
                    _ => return Err(bad()),
                }
            }
        }
    }
    if !any || !number.is_empty() {
        return Err(bad());
    }
    if span.days.abs() > MAX_DURATION_DAYS || span.exact.num_days().abs() > MAX_DURATION_DAYS {
        return Err(format!("`{text}` is longer than {MAX_DURATION_DAYS} days"));
    }
    span.days *= sign;
    span.exact = span.exact * sign as i32;
    Ok(span)
}

/// Reads a UTC-OFFSET: `+HHMM` or `+HHMMSS`.
pub(crate) fn parse_utc_offset(text: &str) -> Result<FixedOffset, String> {
    let bad = || format!("`{text}` is not a UTC offset such as +0100");
    let text = text.trim();
    let sign = match text.as_bytes().first() {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return Err(bad()),
    };
    let digits = &text[1..];
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let field = |range: std::ops::Range<usize>| {
        digits
            .get(range)
            .map_or(0, |d| d.parse::<i32>().unwrap_or(0))
    };
    let seconds = field(0..2) * 3600 + field(2..4) * 60 + field(4..6);
    FixedOffset::east_opt(sign * seconds).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_local_and_utc_times() {
        let day = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
        assert_eq!(parse_time("20240301"), Ok(RawTime::Date(day)));
        let nine = day.and_hms_opt(9, 0, 0).unwrap();
        assert_eq!(parse_time("20240301T090000"), Ok(RawTime::Local(nine)));
        assert_eq!(
            parse_time("20240301T090000Z"),
            Ok(RawTime::Utc(nine.and_utc()))
        );
        assert!(parse_time("2024-03-01").is_err());
    }

    #[test]
    fn durations_keep_days_nominal_and_time_exact() {
        let span = parse_duration("P1W2DT3H4M5S").unwrap();
        assert_eq!(span.days, 9);
        assert_eq!(span.exact, Duration::seconds(3 * 3600 + 4 * 60 + 5));
        assert_eq!(
            parse_duration("-PT15M").unwrap().exact,
            Duration::minutes(-15)
        );
        for bad in [
            "",
            "P",
            "PT",
            "1H",
            "P1H",
            "PT1D",
            "P1",
            "P999999999999999999W",
            "P36526D",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn utc_offsets_with_and_without_seconds() {
        assert_eq!(
            parse_utc_offset("+0530").unwrap().local_minus_utc(),
            5 * 3600 + 30 * 60
        );
        assert_eq!(parse_utc_offset("-000115").unwrap().local_minus_utc(), -75);
        assert!(parse_utc_offset("0100").is_err());
    }
}
