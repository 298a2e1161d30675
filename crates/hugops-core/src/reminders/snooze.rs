//! Snoozing a meeting reminder: it was shown, and comes back a few minutes
//! later as a new occurrence `(kind, until)`, subject to the same rules as
//! any reminder (pause, quiet hours, the fire window, shown once).

use chrono::{DateTime, SubsecRound, TimeDelta, Utc};

use super::{log_shown, ReminderKind};
use crate::clock::{format_instant, parse_instant, Clock};
use crate::schedule::agenda::{self, MeetingStatus};
use crate::{Error, Result, Store};

/// Longest snooze [`snooze`] accepts: a day, in minutes.
pub const MAX_SNOOZE_MINUTES: i64 = 24 * 60;

/// Snoozes the reminder `(kind, due_at)` for `minutes` (1 to
/// [`MAX_SNOOZE_MINUTES`]): records it as shown and returns when it fires
/// again. Only the reminder of a scheduled meeting can be snoozed; a meeting
/// moved, done or cancelled drops its snoozes (the storage does, see the
/// schema).
pub fn snooze(
    store: &mut Store,
    kind: &ReminderKind,
    due_at: DateTime<Utc>,
    minutes: i64,
    clock: &dyn Clock,
) -> Result<DateTime<Utc>> {
    if !(1..=MAX_SNOOZE_MINUTES).contains(&minutes) {
        return Err(Error::invalid(
            "minutes",
            format!("expected 1 to {MAX_SNOOZE_MINUTES} (one day), got {minutes}"),
        ));
    }
    let Some(uid) = kind.meeting_uid() else {
        return Err(Error::invalid(
            "kind",
            format!("only meeting reminders can be snoozed, not `{kind}`"),
        ));
    };
    let meeting = agenda::get(store, uid)?;
    if meeting.status != MeetingStatus::Scheduled {
        return Err(Error::invalid(
            "uid",
            format!("meeting `{uid}` is {}", meeting.status.as_str()),
        ));
    }
    let now = clock.now();
    let until = now.trunc_subsecs(0) + TimeDelta::minutes(minutes);
    log_shown(store, kind, due_at, now)?;
    store.conn().execute(
        "INSERT OR IGNORE INTO reminder_snoozes (kind, due_at, created_at) VALUES (?1, ?2, ?3)",
        (kind.as_str(), format_instant(until), format_instant(now)),
    )?;
    Ok(until)
}

/// The snoozed occurrences due in `[from, to]`, as `(kind, due_at)`.
pub(super) fn between(
    store: &Store,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(ReminderKind, DateTime<Utc>)>> {
    let mut stmt = store
        .conn()
        .prepare("SELECT kind, due_at FROM reminder_snoozes WHERE due_at >= ?1 AND due_at <= ?2")?;
    let rows = stmt.query_map((format_instant(from), format_instant(to)), |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut found = Vec::new();
    for row in rows {
        let (kind, due_at) = row?;
        // A row this build cannot read is skipped, not fatal.
        if let (Some(kind), Some(due_at)) = (ReminderKind::parse(&kind), parse_instant(&due_at)) {
            found.push((kind, due_at));
        }
    }
    Ok(found)
}

/// The earliest snoozed occurrence after `after`.
pub(super) fn first_after(store: &Store, after: DateTime<Utc>) -> Result<Option<DateTime<Utc>>> {
    let text: Option<String> = store.conn().query_row(
        "SELECT min(due_at) FROM reminder_snoozes WHERE due_at > ?1",
        [format_instant(after)],
        |r| r.get(0),
    )?;
    Ok(text.as_deref().and_then(parse_instant))
}
