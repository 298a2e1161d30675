//! Time zones named by TZID: an IANA name, a Windows name (Exchange,
//! Outlook) mapped through CLDR, or else the calendar's own VTIMEZONE.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Duration, FixedOffset, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};

use super::lines::Component;
use super::recurrence::local_occurrences;
use super::values::{parse_time, parse_utc_offset, RawTime};
use super::windows_zones;
use crate::{Error, Result};

/// A zone local times can be turned into UTC with.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Zone<'a> {
    Iana(chrono_tz::Tz),
    Defined(&'a DefinedZone),
}

impl Zone<'_> {
    /// UTC of a local time. Rules (RFC 5545 §3.3.5): a time given twice (DST
    /// ends) is the first one; a time skipped (DST starts) is read with the
    /// offset in force before the gap.
    pub fn to_utc(self, local: NaiveDateTime) -> DateTime<Utc> {
        match self {
            Zone::Iana(tz) => match tz.from_local_datetime(&local) {
                LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
                LocalResult::None => {
                    let before = tz.offset_from_utc_datetime(&(local - Duration::days(1)));
                    (local - Duration::seconds(before.fix().local_minus_utc().into())).and_utc()
                }
            },
            Zone::Defined(zone) => zone.to_utc(local),
        }
    }

    /// Local time of a UTC instant.
    pub fn to_local(self, utc: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Zone::Iana(tz) => utc.with_timezone(&tz).naive_local(),
            Zone::Defined(zone) => zone.to_local(utc),
        }
    }
}

/// A zone known only from a VTIMEZONE: its transitions, oldest first.
#[derive(Debug)]
pub(crate) struct DefinedZone {
    transitions: Vec<Transition>,
}

#[derive(Debug, Clone, Copy)]
struct Transition {
    /// Local time of the change, on the clock in force before it.
    onset: NaiveDateTime,
    from: FixedOffset,
    to: FixedOffset,
}

impl DefinedZone {
    fn offset_at_local(&self, local: NaiveDateTime) -> FixedOffset {
        let after = self.transitions.partition_point(|t| t.onset <= local);
        match after.checked_sub(1) {
            Some(i) => self.transitions[i].to,
            None => self.transitions[0].from,
        }
    }

    fn to_utc(&self, local: NaiveDateTime) -> DateTime<Utc> {
        let offset = self.offset_at_local(local);
        (local - Duration::seconds(offset.local_minus_utc().into())).and_utc()
    }

    fn to_local(&self, utc: DateTime<Utc>) -> NaiveDateTime {
        let utc = utc.naive_utc();
        let after = self.transitions.partition_point(|t| {
            t.onset - Duration::seconds(t.from.local_minus_utc().into()) <= utc
        });
        let offset = match after.checked_sub(1) {
            Some(i) => self.transitions[i].to,
            None => self.transitions[0].from,
        };
        utc + Duration::seconds(offset.local_minus_utc().into())
    }
}

/// The VTIMEZONEs of a calendar, by TZID.
#[derive(Debug, Default)]
pub(crate) struct Zones {
    defined: HashMap<String, DefinedZone>,
}

impl Zones {
    /// Reads every VTIMEZONE in `calendars`, expanding its transitions up to
    /// `horizon` (local time).
    pub fn read(path: &Path, calendars: &[Component], horizon: NaiveDateTime) -> Result<Zones> {
        let mut found = Vec::new();
        for calendar in calendars {
            calendar.descendants("VTIMEZONE", &mut found);
        }
        let mut defined = HashMap::new();
        for zone in found {
            let Some(tzid) = zone.property("TZID") else {
                continue;
            };
            let transitions = read_transitions(path, zone, horizon)?;
            if !transitions.is_empty() {
                defined.insert(tzid.value.trim().to_owned(), DefinedZone { transitions });
            }
        }
        Ok(Zones { defined })
    }

    /// The zone a TZID stands for. Rules: an IANA name (also after a vendor
    /// prefix such as `/mozilla.org/20050126_1/`), then a Windows name, then
    /// the calendar's VTIMEZONE of that TZID.
    pub fn resolve(&self, tzid: &str) -> Option<Zone<'_>> {
        let tzid = tzid.trim();
        let suffixes = std::iter::successors(Some(tzid), |rest| {
            rest.split_once('/').map(|(_, tail)| tail)
        });
        for candidate in suffixes.filter(|s| !s.is_empty()) {
            if let Ok(tz) = candidate.parse::<chrono_tz::Tz>() {
                return Some(Zone::Iana(tz));
            }
        }
        if let Some(tz) = windows_zones::iana_name(tzid).and_then(|name| name.parse().ok()) {
            return Some(Zone::Iana(tz));
        }
        self.defined.get(tzid).map(Zone::Defined)
    }
}

/// Transitions of one VTIMEZONE's STANDARD and DAYLIGHT observances.
fn read_transitions(
    path: &Path,
    zone: &Component,
    horizon: NaiveDateTime,
) -> Result<Vec<Transition>> {
    let mut transitions = Vec::new();
    for observance in zone
        .children
        .iter()
        .filter(|c| c.name == "STANDARD" || c.name == "DAYLIGHT")
    {
        let required = |name: &str| {
            observance.property(name).ok_or_else(|| {
                Error::bad_file(
                    path,
                    Some(observance.line),
                    Some(name),
                    format!("{} has no {name}", observance.name),
                )
            })
        };
        let offset = |name: &str| {
            let property = required(name)?;
            parse_utc_offset(&property.value)
                .map_err(|m| Error::bad_file(path, Some(property.line), Some(name), m))
        };
        let from = offset("TZOFFSETFROM")?;
        let to = offset("TZOFFSETTO")?;
        let start = required("DTSTART")?;
        let start_local = match parse_time(&start.value) {
            Ok(RawTime::Local(local)) => local,
            Ok(RawTime::Utc(utc)) => utc.naive_utc(),
            Ok(RawTime::Date(date)) => date.and_hms_opt(0, 0, 0).expect("midnight"),
            Err(m) => return Err(Error::bad_file(path, Some(start.line), Some("DTSTART"), m)),
        };
        let mut rdates = Vec::new();
        for rdate in observance.all("RDATE") {
            for value in rdate.value.split(',').filter(|v| !v.trim().is_empty()) {
                match parse_time(value) {
                    Ok(RawTime::Local(local)) => rdates.push(local),
                    Ok(RawTime::Utc(utc)) => rdates.push(utc.naive_utc()),
                    Ok(RawTime::Date(date)) => {
                        rdates.push(date.and_hms_opt(0, 0, 0).expect("midnight"))
                    }
                    Err(m) => {
                        return Err(Error::bad_file(path, Some(rdate.line), Some("RDATE"), m))
                    }
                }
            }
        }
        let rules: Vec<_> = observance.all("RRULE").collect();
        // Observances change a year apart at most, so a UTC UNTIL read as
        // local time, hours off, never drops or adds a transition.
        let onsets = local_occurrences(
            path,
            start_local,
            &rules,
            &rdates,
            &[],
            (start_local, horizon),
            &|utc| utc.naive_utc(),
        )?;
        transitions.extend(
            onsets
                .into_iter()
                .map(|onset| Transition { onset, from, to }),
        );
    }
    transitions.sort_by_key(|t| t.onset);
    Ok(transitions)
}

#[cfg(test)]
mod tests {
    use super::super::lines::read_components;
    use super::*;

    const CUSTOM: &str = "BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:Custom Berlin\nBEGIN:STANDARD\nDTSTART:16010101T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\nEND:STANDARD\nBEGIN:DAYLIGHT\nDTSTART:16010101T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\nEND:DAYLIGHT\nEND:VTIMEZONE\nEND:VCALENDAR\n";

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S").unwrap()
    }

    fn zones(text: &str) -> Result<Zones> {
        let calendars = read_components(Path::new("t.ics"), text).unwrap();
        Zones::read(Path::new("t.ics"), &calendars, at("20300101T000000"))
    }

    #[test]
    fn iana_windows_and_prefixed_names_resolve_without_a_vtimezone() {
        let zones = Zones::default();
        for name in [
            "Europe/Berlin",
            "W. Europe Standard Time",
            "/mozilla.org/20050126_1/Europe/Berlin",
        ] {
            let zone = zones.resolve(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(
                zone.to_utc(at("20240701T120000")).to_rfc3339(),
                "2024-07-01T10:00:00+00:00"
            );
        }
        assert!(zones.resolve("Nowhere Standard Time").is_none());
    }

    #[test]
    fn an_unknown_tzid_uses_its_vtimezone_offsets_both_ways() {
        let zones = zones(CUSTOM).unwrap();
        let zone = zones.resolve("Custom Berlin").unwrap();
        assert_eq!(
            zone.to_utc(at("20240115T120000")).to_rfc3339(),
            "2024-01-15T11:00:00+00:00"
        );
        assert_eq!(
            zone.to_utc(at("20240701T120000")).to_rfc3339(),
            "2024-07-01T10:00:00+00:00"
        );
        let summer = at("20240701T100000").and_utc();
        assert_eq!(zone.to_local(summer), at("20240701T120000"));
        // DST starts on 2024-03-31 at 02:00 local (01:00 UTC).
        assert_eq!(
            zone.to_local(at("20240331T005959").and_utc()),
            at("20240331T015959")
        );
        assert_eq!(
            zone.to_local(at("20240331T010000").and_utc()),
            at("20240331T030000")
        );
    }

    #[test]
    fn dst_gaps_and_repeats_follow_rfc_5545() {
        let berlin = Zone::Iana(chrono_tz::Europe::Berlin);
        assert_eq!(
            berlin.to_utc(at("20240331T023000")).to_rfc3339(),
            "2024-03-31T01:30:00+00:00"
        );
        assert_eq!(
            berlin.to_utc(at("20241027T023000")).to_rfc3339(),
            "2024-10-27T00:30:00+00:00"
        );
    }

    #[test]
    fn a_bad_offset_names_its_line_and_property() {
        let err = zones(&CUSTOM.replace("TZOFFSETTO:+0100", "TZOFFSETTO:one")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.ics: line 7: field `TZOFFSETTO`: `one` is not a UTC offset such as +0100"
        );
    }
}
