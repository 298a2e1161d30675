//! The weekly appreciation nudge: on the configured weekday and local time,
//! "Time to appreciate someone?", unless the user already gave kudos lately.
//!
//! "Lately" is anchored on the occurrence, not on now: a live `given` entry
//! counts if it was created at or after `due_at - 7 days`, or is dated on or
//! after the local date of `due_at` minus 6 days (a week of calendar days,
//! so backdated and freshly logged kudos both count). That window always
//! covers the 7 days before now too (`due_at <= now`), and it means an old
//! kudos ageing out mid-week never revives last week's nudge a day before
//! the next one.
//!
//! A new user is not nudged in their first week: until the nudge is set up
//! by the user (`nudge.set_up`), occurrences at or before the end of the
//! quiet week ([`crate::first_use`]) do not fire.

use chrono::{DateTime, TimeDelta, Utc};

use super::occurrence::{weekly_occurrence_after, weekly_occurrence_at_or_before};
use super::{Context, Reminder, ReminderKind};
use crate::clock::format_instant;
use crate::Result;

const TITLE: &str = "Time to appreciate someone?";
const BODY: &str = "No kudos given this week. Who helped you lately?";

/// The nudge for the latest occurrence, if enabled and no kudos was given
/// since a week before it. The latest occurrence is at most a week old by
/// construction, so missed older ones never fire.
pub(super) fn candidate(ctx: &Context) -> Result<Option<Reminder>> {
    let nudge = &ctx.settings.nudge;
    if !nudge.enabled {
        return Ok(None);
    }
    let due_at = weekly_occurrence_at_or_before(ctx.now, nudge.weekday, nudge.time, ctx.tz);
    if quiet_until(ctx).is_some_and(|end| due_at <= end) || gave_kudos_around(ctx, due_at)? {
        return Ok(None);
    }
    Ok(Some(Reminder {
        kind: ReminderKind::WeeklyNudge,
        due_at,
        title: TITLE.into(),
        body: BODY.into(),
        uid: None,
    }))
}

/// The first occurrence after now, if the nudge is enabled.
pub(super) fn next_occurrence(ctx: &Context) -> Option<DateTime<Utc>> {
    let nudge = &ctx.settings.nudge;
    let from = quiet_until(ctx).map_or(ctx.now, |end| end.max(ctx.now));
    nudge
        .enabled
        .then(|| weekly_occurrence_after(from, nudge.weekday, nudge.time, ctx.tz))
}

/// The end of a new user's quiet week, unless they set the nudge up.
fn quiet_until(ctx: &Context) -> Option<DateTime<Utc>> {
    (!ctx.settings.nudge.set_up)
        .then_some(ctx.quiet_until)
        .flatten()
}

/// Whether a live `given` entry falls in the window of the occurrence at
/// `due_at` (see the module documentation).
fn gave_kudos_around(ctx: &Context, due_at: DateTime<Utc>) -> Result<bool> {
    let created_from = format_instant(due_at - TimeDelta::days(7));
    let dated_from = due_at.with_timezone(&ctx.tz).date_naive() - TimeDelta::days(6);
    Ok(ctx.store.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM entries
             WHERE direction = 'given' AND deleted_at IS NULL
               AND (created_at >= ?1 OR occurred_on >= ?2))",
        (created_from, dated_from.to_string()),
        |r| r.get(0),
    )?)
}
