//! What `hugops schedule …` prints: JSON, or meetings in UTC with every
//! attendee's local time.

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use hugops_core::clock::format_instant;
use hugops_core::roster::Person;
use hugops_core::schedule::agenda::{MeetingStatus, SaveReport, StoredMeeting};
use hugops_core::schedule::local::{local_times, LocalTime};
use hugops_core::schedule::{Meeting, SocialPlan};
use serde::Serialize;

use super::json;
use crate::output::{CmdResult, Stdout};
use crate::render;

/// What a planning command wrote besides its output: the calendar file
/// (`--ics`) and the database (`--save`).
pub struct Written<'a> {
    pub ics: Option<&'a Path>,
    /// How many meetings the calendar file holds.
    pub count: usize,
    pub saved: Option<SaveReport>,
}

#[derive(Serialize)]
struct MeetingsJson<'a> {
    meetings: &'a [Meeting],
}

#[derive(Serialize)]
struct StoredJson<'a> {
    meetings: &'a [StoredMeeting],
}

/// `schedule checkins`: JSON alone, or the agenda and what was written.
pub fn checkins(
    out: &mut Stdout,
    meetings: &[Meeting],
    people: &[Person],
    today: NaiveDate,
    written: Written,
    as_json: bool,
) -> CmdResult {
    if as_json {
        return json(out, &MeetingsJson { meetings });
    }
    if meetings.is_empty() {
        writeln!(out, "no check-ins to schedule on or after {today}")?;
    }
    meeting_list(out, meetings, people)?;
    print_written(out, written)
}

/// `schedule social`: JSON alone, or the ranked slots, the series and what
/// was written.
pub fn social(
    out: &mut Stdout,
    plan: &SocialPlan,
    size: usize,
    people: &[Person],
    written: Written,
    as_json: bool,
) -> CmdResult {
    if as_json {
        return json(out, plan);
    }
    slots(out, plan, size, people)?;
    print_written(out, written)
}

fn slots(out: &mut Stdout, plan: &SocialPlan, size: usize, people: &[Person]) -> CmdResult {
    if plan.slots.is_empty() {
        writeln!(out, "no weekday slot in the window")?;
        return Ok(());
    }
    writeln!(out, "best slots (UTC), people in working hours:")?;
    for slot in &plan.slots {
        let mut line = format!(
            "  {} {}–{}  {}/{size}",
            slot.start.format("%a %Y-%m-%d"),
            slot.start.format("%H:%M"),
            slot.end.format("%H:%M"),
            slot.in_hours,
        );
        if !slot.outside_hours.is_empty() {
            line.push_str(&format!("  outside: {}", slot.outside_hours.join(", ")));
        }
        writeln!(out, "{}", render::clean(&line))?;
    }
    writeln!(out)?;
    let meetings: Vec<Meeting> = plan.series.iter().map(|m| m.meeting.clone()).collect();
    meeting_list(out, &meetings, people)?;
    writeln!(out, "times outside working hours over the series:")?;
    for (email, n) in &plan.outside_hours_count {
        writeln!(out, "  {}  {n}", render::clean(email))?;
    }
    Ok(())
}

/// Each meeting in UTC, then every attendee's local time.
fn meeting_list(out: &mut Stdout, meetings: &[Meeting], people: &[Person]) -> CmdResult {
    for m in meetings {
        meeting_lines(out, m.start, m.end, &m.title, &local_times(m, people))?;
    }
    Ok(())
}

fn print_written(out: &mut Stdout, written: Written) -> CmdResult {
    if let Some(path) = written.ics {
        let n = written.count;
        let noun = if n == 1 { "meeting" } else { "meetings" };
        writeln!(out, "wrote {n} {noun} to {}", path.display())?;
    }
    if let Some(r) = written.saved {
        writeln!(
            out,
            "saved: {} new, {} updated, {} unchanged",
            r.added, r.updated, r.unchanged
        )?;
    }
    Ok(())
}

/// `schedule agenda`: the saved meetings from `from`.
pub fn agenda(
    out: &mut Stdout,
    from: DateTime<Utc>,
    meetings: &[StoredMeeting],
    as_json: bool,
) -> CmdResult {
    if as_json {
        return json(out, &StoredJson { meetings });
    }
    if meetings.is_empty() {
        writeln!(out, "no saved meetings from {}", format_instant(from))?;
    }
    for m in meetings {
        stored(out, m)?;
    }
    Ok(())
}

/// A meeting just marked done or moved, as JSON or in a few lines.
pub fn changed(out: &mut Stdout, m: &StoredMeeting, as_json: bool, what: &str) -> CmdResult {
    if as_json {
        return json(out, m);
    }
    writeln!(out, "{what}: {}", render::clean(&m.title))?;
    stored(out, m)
}

/// Time and title, then UID and status, then every attendee's local time.
fn stored(out: &mut Stdout, m: &StoredMeeting) -> CmdResult {
    meeting_lines(out, m.start, m.end, &m.title, &m.local_times)?;
    let mut state = format!("  uid {}  {}", m.uid, m.status.as_str());
    if let (Some(from), MeetingStatus::Scheduled) = (m.moved_from, m.status) {
        state.push_str(&format!(" (moved from {})", format_instant(from)));
    }
    writeln!(out, "{}", render::clean(&state))?;
    Ok(())
}

/// `2026-12-01T15:00:00Z – 15:30  Title`, then one line per local time.
fn meeting_lines(
    out: &mut Stdout,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    title: &str,
    times: &[LocalTime],
) -> CmdResult {
    writeln!(
        out,
        "{} – {}  {}",
        format_instant(start),
        end.format("%H:%M"),
        render::clean(title)
    )?;
    for local in times {
        writeln!(out, "  {}", render::clean(&local.describe()))?;
    }
    Ok(())
}
