//! iCalendar (RFC 5545) files read into the event instances of a period:
//! on-call shifts exported by pager tools and meetings from any calendar.
//!
//! Recurring events are expanded (RRULE, RDATE, EXDATE, RECURRENCE-ID
//! overrides), every time is turned into UTC through its TZID: an IANA
//! name, a Windows name as Exchange writes them, or the file's VTIMEZONE.
//! All-day and floating events have no instant of their own; they are
//! listed in [`Expanded::skipped`] rather than guessed.
//!
//! Crates: `rrule` (MIT/Apache-2.0, maintained, python-dateutil's
//! algorithm) expands the rules. The file itself is read here
//! (module `lines`): `icalendar`'s parser (MIT/Apache-2.0), `ical` (Apache-2.0
//! in its repository, unstated on crates.io, releases rare) and `calcard`
//! (MIT/Apache-2.0, Stalwart's, JMAP and rkyv machinery around it) all drop
//! the source line of a property, which every error here names, and are
//! lenient where this module must refuse the file.

mod events;
mod lines;
mod recurrence;
mod values;
mod windows_zones;
mod zones;

#[cfg(test)]
mod tests;

use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use crate::{Error, Result};

/// One occurrence of an event, in UTC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventInstance {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub summary: String,
    /// `mailto:` attendees, lowercased, without the scheme.
    pub attendees: Vec<String>,
    /// The organizer's `mailto:` address, like an attendee's.
    pub organizer: Option<String>,
    pub uid: String,
}

/// Why an event has no instances in [`Expanded::events`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum SkipReason {
    /// `VALUE=DATE`: whole days, in no time zone.
    AllDay,
    /// A local time with neither TZID nor `Z`.
    Floating,
}

/// An event left out of [`Expanded::events`], listed once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Skipped {
    pub summary: String,
    pub reason: SkipReason,
}

/// What a calendar holds for a period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Expanded {
    /// Instances overlapping the period, by start.
    pub events: Vec<EventInstance>,
    /// All-day and floating events near the period, in file order.
    pub skipped: Vec<Skipped>,
}

/// Reads the calendar file at `path` and expands it over `[from, to)`.
pub fn read_path(path: &Path, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Expanded> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| Error::bad_file(path, None, None, format!("not UTF-8 text: {e}")))?;
    parse(path, &text, from, to)
}

/// Expands the calendar `text` over `[from, to)`; `path_for_errors` names it
/// in errors.
pub fn parse(
    path_for_errors: &Path,
    text: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Expanded> {
    if from >= to {
        return Err(Error::invalid("to", "the period must end after it starts"));
    }
    let path = path_for_errors;
    let calendars = lines::read_components(path, text)?;
    if !calendars.iter().any(|c| c.name == "VCALENDAR") {
        return Err(Error::bad_file(
            path,
            Some(1),
            None,
            "not an iCalendar file: no BEGIN:VCALENDAR",
        ));
    }
    // Zone transitions are needed a little past the period: an instance may
    // start inside it and end after it.
    let horizon = to.naive_utc() + Duration::days(400);
    let zones = zones::Zones::read(path, &calendars, horizon)?;
    events::expand(path, &calendars, &zones, from, to)
}
