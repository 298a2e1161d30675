//! RFC 5545 calendar files: one `VEVENT` per meeting, times in UTC, or one
//! `VEVENT` with an `RRULE` when the meetings are a regular series (see
//! [`regular_series`]).
//!
//! A small writer rather than the `icalendar` crate: its 0.16 line folding
//! lets the last continuation line reach 76 octets and quotes parameter
//! values only when they hold `:` or `;` (a `CN` with a comma, such as
//! "Hana Smith, Jr.", comes out invalid). What is written here:
//! - CRLF after every line; lines folded so that no line exceeds 75 octets
//!   (the space starting a continuation line included), never inside a
//!   UTF-8 character (§3.1);
//! - TEXT values escaped: `\` `;` `,` and line breaks (§3.3.11); other
//!   control characters, which TEXT may not hold, dropped;
//! - parameter values always quoted, with `"`, `^` and line breaks written
//!   as RFC 6868 says (`^'`, `^^`, `^n`);
//! - `mailto:` addresses with spaces, controls, quotes and non-ASCII bytes
//!   percent-encoded.

use std::io::{self, Write};
use std::path::Path;

use chrono::{DateTime, Datelike, Utc};

use super::local::{describe_all, display_name, local_times};
use super::{Meeting, MeetingKind};
use crate::roster::Person;
use crate::{Error, Result};

/// `PRODID` of every calendar HugOps writes.
pub const PRODID: &str = "-//HugOps//hugops schedule//EN";
/// Longest line, in octets, CRLF excluded (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// Writes a calendar of `meetings`; `people` gives names and zones for
/// `CN` and the description, `stamp` is the `DTSTAMP` (when it was made).
pub fn write_calendar(
    out: &mut dyn Write,
    meetings: &[Meeting],
    people: &[Person],
    stamp: DateTime<Utc>,
) -> io::Result<()> {
    out.write_all(calendar(meetings, people, stamp).as_bytes())
}

/// Writes the calendar to `path` atomically (see [`write_calendar`]).
pub fn export_to_file(
    path: &Path,
    meetings: &[Meeting],
    people: &[Person],
    stamp: DateTime<Utc>,
) -> Result<()> {
    crate::fs::write_atomically(path, |out| {
        write_calendar(out, meetings, people, stamp).map_err(|e| Error::io(path, e))
    })
}

/// The calendar as text (see [`write_calendar`]).
pub fn calendar(meetings: &[Meeting], people: &[Person], stamp: DateTime<Utc>) -> String {
    let mut text = String::new();
    let mut line = |name: &str, value: &str| push_folded(&mut text, &format!("{name}:{value}"));
    line("BEGIN", "VCALENDAR");
    line("VERSION", "2.0");
    line("PRODID", PRODID);
    line("CALSCALE", "GREGORIAN");
    let rule = regular_series(meetings);
    let events = match rule {
        Some(_) => &meetings[..1],
        None => meetings,
    };
    for m in events {
        line("BEGIN", "VEVENT");
        line("UID", &escape_text(&m.uid));
        line("DTSTAMP", &utc(stamp));
        line("DTSTART", &utc(m.start));
        line("DTEND", &utc(m.end));
        if let Some(rule) = &rule {
            line("RRULE", rule);
            line("SUMMARY", &escape_text(series_title(&m.title)));
        } else {
            line("SUMMARY", &escape_text(&m.title));
        }
        line("DESCRIPTION", &escape_text(&description(m, people)));
        let organizer = display_name(people, &m.organizer);
        line(
            &format!("ORGANIZER;CN={}", param_value(organizer)),
            &mailto(&m.organizer),
        );
        for email in &m.attendees {
            let name = display_name(people, email);
            line(
                &format!(
                    "ATTENDEE;CN={};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION",
                    param_value(name)
                ),
                &mailto(email),
            );
        }
        line("END", "VEVENT");
    }
    line("END", "VCALENDAR");
    text
}

/// The `RRULE` value when `meetings` (two or more) are one regular series:
/// socials with the same attendees, organizer and length, each exactly a
/// week after the one before (`FREQ=WEEKLY`), or each a calendar month after
/// the one before on a day of month every month has (`FREQ=MONTHLY`), at the
/// same UTC time. A rotated series is not regular; its meetings are written
/// one by one.
pub fn regular_series(meetings: &[Meeting]) -> Option<String> {
    let first = meetings.first()?;
    let same = |m: &Meeting| {
        m.kind == MeetingKind::Social
            && m.attendees == first.attendees
            && m.organizer == first.organizer
            && m.end - m.start == first.end - first.start
    };
    if meetings.len() < 2 || !meetings.iter().all(same) {
        return None;
    }
    let nth = |freq: &str, k: u32| match freq {
        "WEEKLY" => Some(first.start + chrono::Duration::weeks(k.into())),
        _ if first.start.day() <= 28 => first.start.checked_add_months(chrono::Months::new(k)),
        _ => None,
    };
    ["WEEKLY", "MONTHLY"].into_iter().find_map(|freq| {
        let regular = (0..)
            .zip(meetings)
            .all(|(k, m)| nth(freq, k) == Some(m.start));
        regular.then(|| format!("FREQ={freq};COUNT={}", meetings.len()))
    })
}

/// A series meeting's title without its ` (k/n)` counter: the title of the
/// whole series.
fn series_title(title: &str) -> &str {
    match title.rsplit_once(" (") {
        Some((head, tail))
            if tail.ends_with(')')
                && tail[..tail.len() - 1]
                    .split_once('/')
                    .is_some_and(|(a, b)| a.parse::<u32>().is_ok() && b.parse::<u32>().is_ok()) =>
        {
            head
        }
        _ => title,
    }
}

/// `Local times:` then one line per attendee.
fn description(m: &Meeting, people: &[Person]) -> String {
    describe_all(&local_times(m, people))
}

/// `20261201T150000Z`
fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A quoted parameter value (RFC 5545 §3.2 with RFC 6868 escapes).
pub fn param_value(value: &str) -> String {
    let mut out = String::from("\"");
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '^' => out.push_str("^^"),
            '"' => out.push_str("^'"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("^n");
            }
            '\n' => out.push_str("^n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `mailto:` and the address, percent-encoding what a URI may not hold.
fn mailto(email: &str) -> String {
    let mut out = String::from("mailto:");
    for b in email.bytes() {
        if b.is_ascii_graphic() && b != b'"' && b != b'%' {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Appends one content line, folded (RFC 5545 §3.1), with its CRLF.
pub fn push_folded(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = MAX_LINE_OCTETS;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The leading space counts towards the next line's 75 octets.
        limit = MAX_LINE_OCTETS - 1;
    }
}

#[cfg(test)]
mod tests;
