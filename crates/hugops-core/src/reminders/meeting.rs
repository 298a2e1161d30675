//! Meeting reminders: `schedule.reminder_minutes` before each scheduled
//! meeting, plus the snoozed ones. A reminder fires up to
//! [`FIRE_WINDOW_MINUTES`] late; later than that it is only listed as missed.
//!
//! The title says how far the meeting is from now ("Buddy check-in: Ana & Bo
//! (week 2) in 10 min", or "started 5 min ago" when it fires late); the body
//! gives every attendee's local time.

use chrono::{DateTime, TimeDelta, Utc};

use super::{snooze, Context, Reminder, ReminderKind, FIRE_WINDOW_MINUTES, MISSED_LIST_DAYS};
use crate::schedule::agenda::{self, MeetingStatus, StoredMeeting};
use crate::Result;

/// The meeting reminders due now, at most [`FIRE_WINDOW_MINUTES`] late.
pub(super) fn due_now(ctx: &Context) -> Result<Vec<Reminder>> {
    let window_start = ctx.now - TimeDelta::minutes(FIRE_WINDOW_MINUTES);
    Ok(recent(ctx)?
        .into_iter()
        .filter(|r| r.due_at >= window_start)
        .collect())
}

/// The meeting reminders too late to fire, up to [`MISSED_LIST_DAYS`] old.
pub(super) fn missed(ctx: &Context) -> Result<Vec<Reminder>> {
    let window_start = ctx.now - TimeDelta::minutes(FIRE_WINDOW_MINUTES);
    Ok(recent(ctx)?
        .into_iter()
        .filter(|r| r.due_at < window_start)
        .collect())
}

/// The first meeting reminder (planned or snoozed) due after now.
pub(super) fn next_due(ctx: &Context) -> Result<Option<DateTime<Utc>>> {
    let lead = ctx.meeting_lead();
    let planned =
        agenda::first_scheduled_start_after(ctx.store, ctx.now + lead)?.map(|start| start - lead);
    let snoozed = snooze::first_after(ctx.store, ctx.now)?;
    Ok(planned
        .into_iter()
        .chain(snoozed)
        .filter(|t| *t > ctx.now)
        .min())
}

/// Every meeting reminder due in the last [`MISSED_LIST_DAYS`] up to now,
/// shown or not, for meetings still scheduled.
fn recent(ctx: &Context) -> Result<Vec<Reminder>> {
    let lead = ctx.meeting_lead();
    let from = ctx.now - TimeDelta::days(MISSED_LIST_DAYS);
    let mut found: Vec<Reminder> =
        agenda::scheduled_starting(ctx.store, from + lead, ctx.now + lead)?
            .iter()
            .map(|m| reminder(ctx, m, m.start - lead))
            .collect();
    for (kind, due_at) in snooze::between(ctx.store, from, ctx.now)? {
        let Some(uid) = kind.meeting_uid() else {
            continue;
        };
        if let Some(m) = agenda::find(ctx.store, uid)? {
            if m.status == MeetingStatus::Scheduled {
                found.push(reminder(ctx, &m, due_at));
            }
        }
    }
    found.retain(|r| r.due_at >= from && r.due_at <= ctx.now);
    Ok(found)
}

fn reminder(ctx: &Context, m: &StoredMeeting, due_at: DateTime<Utc>) -> Reminder {
    Reminder {
        kind: ReminderKind::meeting(&m.uid),
        due_at,
        title: title(m, ctx.now),
        body: body(m),
        uid: Some(m.uid.clone()),
    }
}

/// `<title> in 10 min`, `<title> is starting now`, `<title> started 5 min
/// ago`, `<title> ended 1 h ago`.
fn title(m: &StoredMeeting, now: DateTime<Utc>) -> String {
    let title = &m.title;
    if m.start > now {
        // Rounded up: at exactly ten minutes before, "in 10 min".
        let minutes = (m.start - now).num_seconds().saturating_add(59) / 60;
        format!("{title} in {}", span(minutes))
    } else if m.end > now {
        match (now - m.start).num_minutes() {
            0 => format!("{title} is starting now"),
            minutes => format!("{title} started {} ago", span(minutes)),
        }
    } else {
        format!("{title} ended {} ago", span((now - m.end).num_minutes()))
    }
}

/// `45 min`, `2 h`, `1 h 30 min`.
fn span(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// One line per attendee with their local time; the attendees' names when
/// none of their zones is known.
fn body(m: &StoredMeeting) -> String {
    if m.local_times.is_empty() {
        let names: Vec<&str> = m.attendees.iter().map(|a| a.name.as_str()).collect();
        return names.join(", ");
    }
    let lines: Vec<String> = m.local_times.iter().map(|l| l.describe()).collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests;
