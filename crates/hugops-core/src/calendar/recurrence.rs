//! Recurrence sets (RRULE, RDATE, EXDATE) expanded on the wall clock by the
//! `rrule` crate.
//!
//! `rrule` (MIT/Apache-2.0, a port of python-dateutil's well-tested
//! algorithm, maintained) is given local times dressed as UTC, so the same
//! code serves events in any IANA zone, in a zone only a VTIMEZONE defines,
//! and the observances of that VTIMEZONE itself; callers turn each local
//! start into UTC with the right zone afterwards. That is what RFC 5545
//! asks: rules repeat on local time, whatever the UTC offset of the day.

use std::path::Path;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use rrule::{RRule, RRuleSet, Unvalidated};

use super::lines::Property;
use super::values::{parse_time, RawTime};
use crate::{Error, Result};

/// The most occurrences one recurrence set may yield inside the window.
const MAX_OCCURRENCES: u16 = u16::MAX;

/// Local start times of a recurrence set that fall in `[window.0, window.1]`.
///
/// Rules: DTSTART is always the first occurrence; RDATEs add, EXDATEs remove.
/// `until_to_local` turns a UTC `UNTIL` into local time.
pub(crate) fn local_occurrences(
    path: &Path,
    start: NaiveDateTime,
    rules: &[&Property],
    rdates: &[NaiveDateTime],
    exdates: &[NaiveDateTime],
    window: (NaiveDateTime, NaiveDateTime),
    until_to_local: &dyn Fn(DateTime<Utc>) -> NaiveDateTime,
) -> Result<Vec<NaiveDateTime>> {
    let dt_start = as_rrule_time(start);
    let validated = rules
        .iter()
        .map(|rule| {
            let text = normalise_until(path, rule, until_to_local)?;
            // The rrule crate slices the rule by bytes and panics inside a
            // multi-byte character; a rule is ASCII anyway (RFC 5545 §3.3.10).
            if let Some(c) = text.chars().find(|c| !c.is_ascii()) {
                return Err(Error::bad_file(
                    path,
                    Some(rule.line),
                    Some("RRULE"),
                    format!("`{c}` is not allowed in a recurrence rule (ASCII only)"),
                ));
            }
            text.parse::<RRule<Unvalidated>>()
                .and_then(|parsed| parsed.validate(dt_start))
                .map_err(|e| Error::bad_file(path, Some(rule.line), Some("RRULE"), e.to_string()))
        })
        .collect::<Result<Vec<_>>>()?;
    let set = RRuleSet::new(dt_start)
        .set_rrules(validated)
        .set_rdates(
            std::iter::once(start)
                .chain(rdates.iter().copied())
                .map(as_rrule_time)
                .collect(),
        )
        .set_exdates(exdates.iter().copied().map(as_rrule_time).collect())
        .after(as_rrule_time(window.0))
        .before(as_rrule_time(window.1));
    let found = set.all(MAX_OCCURRENCES);
    if found.limited {
        let line = rules.first().map(|r| r.line);
        return Err(Error::bad_file(
            path,
            line,
            Some("RRULE"),
            format!("more than {MAX_OCCURRENCES} occurrences near the period, or a rule that never matches"),
        ));
    }
    // `rrule` yields DTSTART twice when the rule produces it too.
    let mut starts: Vec<_> = found.dates.iter().map(|d| d.naive_utc()).collect();
    starts.sort();
    starts.dedup();
    Ok(starts)
}

fn as_rrule_time(local: NaiveDateTime) -> DateTime<rrule::Tz> {
    rrule::Tz::UTC.from_utc_datetime(&local)
}

/// Rewrites `UNTIL` in the local frame the rule is expanded in: a UTC value
/// through `until_to_local`, a local one as it is, a date as its last second.
fn normalise_until(
    path: &Path,
    rule: &Property,
    until_to_local: &dyn Fn(DateTime<Utc>) -> NaiveDateTime,
) -> Result<String> {
    let parts = rule.value.trim().split(';').map(|part| {
        let Some((key, value)) = part.split_once('=') else {
            return Ok(part.to_owned());
        };
        if !key.trim().eq_ignore_ascii_case("UNTIL") {
            return Ok(part.to_owned());
        }
        let local = match parse_time(value) {
            Ok(RawTime::Utc(utc)) => until_to_local(utc),
            Ok(RawTime::Local(local)) => local,
            Ok(RawTime::Date(date)) => date.and_hms_opt(23, 59, 59).expect("valid time"),
            Err(message) => {
                return Err(Error::bad_file(
                    path,
                    Some(rule.line),
                    Some("RRULE"),
                    format!("UNTIL: {message}"),
                ))
            }
        };
        Ok(format!("UNTIL={}", local.format("%Y%m%dT%H%M%SZ")))
    });
    Ok(parts.collect::<Result<Vec<_>>>()?.join(";"))
}

#[cfg(test)]
mod tests {
    use super::super::lines::read_components;
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S").unwrap()
    }

    fn rule(value: &str) -> Property {
        let text = format!("BEGIN:X\nRRULE:{value}\nEND:X\n");
        read_components(Path::new("t.ics"), &text).unwrap()[0].properties[0].clone()
    }

    fn expand(value: &str, rdates: &[&str], exdates: &[&str]) -> Result<Vec<NaiveDateTime>> {
        let rule = rule(value);
        let rdates: Vec<_> = rdates.iter().map(|t| at(t)).collect();
        let exdates: Vec<_> = exdates.iter().map(|t| at(t)).collect();
        let window = (at("20000101T000000"), at("20300101T000000"));
        local_occurrences(
            Path::new("t.ics"),
            at("20240101T090000"),
            &[&rule],
            &rdates,
            &exdates,
            window,
            &|utc| utc.naive_utc() + chrono::Duration::hours(1),
        )
    }

    #[test]
    fn count_interval_and_byday_are_honoured() {
        let got = expand("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=4", &[], &[]).unwrap();
        let want: Vec<_> = [
            "20240101T090000",
            "20240103T090000",
            "20240115T090000",
            "20240117T090000",
        ]
        .map(at)
        .to_vec();
        assert_eq!(got, want);
    }

    #[test]
    fn utc_until_is_compared_in_local_time() {
        // UNTIL 08:00Z is 09:00 local here, so the 3rd is still included.
        let got = expand("FREQ=DAILY;UNTIL=20240103T080000Z", &[], &[]).unwrap();
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn rdates_add_and_exdates_remove() {
        let got = expand(
            "FREQ=DAILY;COUNT=3",
            &["20240110T120000"],
            &["20240102T090000"],
        )
        .unwrap();
        let want: Vec<_> = ["20240101T090000", "20240103T090000", "20240110T120000"]
            .map(at)
            .to_vec();
        assert_eq!(got, want);
    }

    #[test]
    fn a_bad_rule_names_its_line() {
        let err = expand("FREQ=SOMETIMES", &[], &[]).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("t.ics: line 2: field `RRULE`: "),
            "{err}"
        );
    }
}
