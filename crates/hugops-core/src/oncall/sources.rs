//! Shift files as a lead has them: a CSV (`email,start,end`) or an
//! iCalendar file exported by a pager tool or any calendar, told apart by
//! content (an iCalendar file begins with `BEGIN:VCALENDAR`).
//!
//! A calendar's recurring events are expanded over the period asked for;
//! all-day and floating events are listed as skipped, never guessed. Who
//! holds a calendar shift is found as [`super::event`] says; with an empty
//! rotation it is the first attendee, else the organizer.

use std::path::Path;

use serde::Serialize;

use super::event::{shift_from_event, EventInstance};
use super::roster::Member;
use super::shifts::{parse_shifts, Shift};
use crate::calendar::{self, Skipped};
use crate::clock::Interval;
use crate::{Error, Result};

/// The shifts of a file, and the calendar events left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ShiftFile {
    pub shifts: Vec<Shift>,
    pub skipped: Vec<Skipped>,
}

/// Reads the shifts of `path` that overlap `span`.
pub fn read_shift_file(path: &Path, rotation: &[Member], span: Interval) -> Result<ShiftFile> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    parse_shift_file(path, &bytes, rotation, span)
}

/// [`read_shift_file`] over bytes already read; `path` names them in errors.
pub fn parse_shift_file(
    path: &Path,
    bytes: &[u8],
    rotation: &[Member],
    span: Interval,
) -> Result<ShiftFile> {
    if !is_calendar(bytes) {
        let shifts = parse_shifts(path, bytes)?
            .into_iter()
            .filter(|s| s.end > span.start && s.start < span.end)
            .collect();
        return Ok(ShiftFile {
            shifts,
            skipped: Vec::new(),
        });
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| Error::bad_file(path, None, None, format!("not UTF-8 text: {e}")))?;
    let expanded = calendar::parse(path, text, span.start, span.end)?;
    let shifts = expanded
        .events
        .into_iter()
        .map(|e| shift_of(e, rotation))
        .collect();
    Ok(ShiftFile {
        shifts,
        skipped: expanded.skipped,
    })
}

fn shift_of(e: EventInstance, rotation: &[Member]) -> Shift {
    let mut shift = shift_from_event(&e, rotation);
    if rotation.is_empty() {
        shift.who = e.attendees.first().or(e.organizer.as_ref()).cloned();
    }
    shift
}

/// Whether `bytes` begin (after a byte-order mark and blank lines) with
/// `BEGIN:VCALENDAR`.
fn is_calendar(bytes: &[u8]) -> bool {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = text
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(text.len());
    text[start..]
        .get(..15)
        .is_some_and(|head| head.eq_ignore_ascii_case(b"BEGIN:VCALENDAR"))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::testing::at;

    fn span() -> Interval {
        Interval {
            start: at("2026-03-01T00:00:00Z"),
            end: at("2026-03-15T00:00:00Z"),
        }
    }

    #[test]
    fn a_csv_keeps_the_shifts_touching_the_period() {
        let csv = "email,start,end\n\
            a@x.org,2026-02-20T00:00:00Z,2026-02-27T00:00:00Z\n\
            b@x.org,2026-02-27T00:00:00Z,2026-03-06T00:00:00Z\n";
        let file = parse_shift_file(Path::new("s.csv"), csv.as_bytes(), &[], span()).unwrap();
        assert_eq!(file.shifts.len(), 1);
        assert_eq!(file.shifts[0].who.as_deref(), Some("b@x.org"));
    }

    #[test]
    fn a_calendar_is_expanded_and_its_all_day_events_skipped() {
        let ics = "\u{feff}BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\
            BEGIN:VEVENT\r\nUID:1\r\nSUMMARY:On call\r\n\
            DTSTART:20260302T090000Z\r\nDTEND:20260309T090000Z\r\n\
            RRULE:FREQ=WEEKLY;COUNT=4\r\n\
            ATTENDEE;CN=Priya:mailto:Priya@x.org\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:2\r\nSUMMARY:Offsite\r\n\
            DTSTART;VALUE=DATE:20260305\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let file = parse_shift_file(Path::new("s.ics"), ics.as_bytes(), &[], span()).unwrap();
        let starts: Vec<_> = file.shifts.iter().map(|s| s.start).collect();
        assert_eq!(
            starts,
            [at("2026-03-02T09:00:00Z"), at("2026-03-09T09:00:00Z")],
            "the weeks overlapping the period"
        );
        assert_eq!(file.shifts[0].who.as_deref(), Some("priya@x.org"));
        assert_eq!(file.skipped.len(), 1);
        assert_eq!(file.skipped[0].summary, "Offsite");
    }
}
