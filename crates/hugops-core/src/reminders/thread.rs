//! Thread nudges: a watched thread that looks ambiguous is queued here at
//! its arrival and shown by the engine like any reminder.
//!
//! A nudge is queued at most once per thread and local day (the user's
//! zone). Its occurrence is `(thread:<hash>, arrival)`: due at once, or when
//! pause or quiet hours end, and offered for [`THREAD_NUDGE_TTL_HOURS`];
//! a nudge older than that is stale and never shown.

use chrono::{DateTime, SubsecRound, TimeDelta, Utc};

use super::{Context, Reminder, ReminderKind};
use crate::clock::{format_instant, parse_instant, Clock};
use crate::{settings, Result, Store};

/// The title of every thread nudge.
pub const THREAD_NUDGE_TITLE: &str = "This thread looks ambiguous — switch to a call?";

/// How long a queued nudge waits to be shown.
pub const THREAD_NUDGE_TTL_HOURS: i64 = 24;

/// Rows older than this are deleted when a nudge is queued (well past the
/// TTL, so a nudge shown late is still known as queued that day).
const KEEP_DAYS: i64 = 7;

/// Queues the nudge of the thread `hash` with `body`, arriving now; returns
/// `false` when this thread was already queued today.
pub fn queue_thread_nudge(
    store: &mut Store,
    hash: &str,
    body: &str,
    clock: &dyn Clock,
) -> Result<bool> {
    let zone = settings::user_zone(store, clock)?;
    let now = clock.now().trunc_subsecs(0);
    let day = now.with_timezone(&zone).date_naive();
    let kind = ReminderKind::Thread { hash: hash.into() };
    let tx = store.conn_mut().transaction()?;
    tx.execute(
        "DELETE FROM thread_nudges WHERE arrived_at < ?1",
        [format_instant(now - TimeDelta::days(KEEP_DAYS))],
    )?;
    let queued = tx.execute(
        "INSERT OR IGNORE INTO thread_nudges (kind, day, arrived_at, body)
         VALUES (?1, ?2, ?3, ?4)",
        (kind.as_str(), day.to_string(), format_instant(now), body),
    )?;
    tx.commit()?;
    Ok(queued == 1)
}

/// The nudges that arrived in the last [`THREAD_NUDGE_TTL_HOURS`], shown or
/// not (the engine drops those it showed).
pub(super) fn waiting(ctx: &Context) -> Result<Vec<Reminder>> {
    let since = ctx.now - TimeDelta::hours(THREAD_NUDGE_TTL_HOURS);
    let mut stmt = ctx.store.conn().prepare(
        "SELECT kind, arrived_at, body FROM thread_nudges
         WHERE arrived_at > ?1 AND arrived_at <= ?2",
    )?;
    let rows = stmt.query_map((format_instant(since), format_instant(ctx.now)), |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut found = Vec::new();
    for row in rows {
        let (kind, arrived_at, body) = row?;
        // A row this build cannot read is skipped, not fatal.
        if let (Some(kind), Some(due_at)) = (ReminderKind::parse(&kind), parse_instant(&arrived_at))
        {
            found.push(nudge(kind, due_at, body));
        }
    }
    Ok(found)
}

fn nudge(kind: ReminderKind, due_at: DateTime<Utc>, body: String) -> Reminder {
    Reminder {
        kind,
        due_at,
        title: THREAD_NUDGE_TITLE.into(),
        body,
        uid: None,
    }
}
