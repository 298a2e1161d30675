//! The one reminder engine of HugOps: which reminders should be shown now.
//!
//! Everything is computed from the stored state (settings, journal, the log
//! of reminders already shown) and a [`Clock`]; there are no threads and no
//! notifications here. The shell sleeps until `min(next_check, now + 60 s)`,
//! calls [`due`], shows what it returns and calls [`mark_shown`] for each.
//! The 60-second cap is how it notices a wake from suspend.
//!
//! Each kind of reminder (today only [`ReminderKind::WeeklyNudge`]) offers at
//! most one candidate per occurrence, identified by `(kind, due_at)`; the
//! engine applies the pause and drops candidates already in `reminder_log`,
//! so every occurrence is shown once. A kind only ever offers its latest
//! occurrence, so a long suspend yields one reminder, not a burst.

mod nudge;
mod occurrence;
#[cfg(test)]
mod tests;

pub use occurrence::{local_instant, weekly_occurrence_after, weekly_occurrence_at_or_before};

use chrono::{DateTime, SubsecRound, TimeDelta, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::clock::{format_instant, Clock};
use crate::settings::{self, Settings};
use crate::{Error, Result, Store};

/// Longest pause [`pause_for`] accepts: one year, in minutes.
pub const MAX_PAUSE_MINUTES: i64 = 366 * 24 * 60;

/// The kinds of reminder HugOps shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// "Time to appreciate someone?", once a week.
    WeeklyNudge,
}

impl ReminderKind {
    /// The stored and serialised name: `weekly_nudge`.
    pub fn as_str(self) -> &'static str {
        match self {
            ReminderKind::WeeklyNudge => "weekly_nudge",
        }
    }
}

/// One reminder to show, for the occurrence scheduled at `due_at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reminder {
    pub kind: ReminderKind,
    #[serde(serialize_with = "crate::settings::instant_serde::serialize")]
    pub due_at: DateTime<Utc>,
    pub title: String,
    pub body: String,
}

/// What every kind of reminder is computed from.
struct Context<'a> {
    store: &'a Store,
    settings: Settings,
    now: DateTime<Utc>,
    /// The user's zone: the configured one, else the clock's.
    tz: Tz,
}

impl<'a> Context<'a> {
    fn load(store: &'a Store, clock: &dyn Clock) -> Result<Self> {
        let settings = settings::load(store)?;
        Ok(Context {
            store,
            tz: settings.effective_zone(clock),
            now: clock.now(),
            settings,
        })
    }

    fn paused_until(&self) -> Option<DateTime<Utc>> {
        self.settings.paused_until.filter(|until| *until > self.now)
    }
}

/// The reminders to show now, oldest first: not paused, not shown before.
pub fn due(store: &Store, clock: &dyn Clock) -> Result<Vec<Reminder>> {
    let ctx = Context::load(store, clock)?;
    if ctx.paused_until().is_some() {
        return Ok(Vec::new());
    }
    let mut due = Vec::new();
    for reminder in candidates(&ctx)? {
        if !was_shown(store, &reminder)? {
            due.push(reminder);
        }
    }
    due.sort_by_key(|r| r.due_at);
    Ok(due)
}

/// The next instant at which [`due`] could change without anyone touching
/// the data: the next occurrence of any enabled reminder, or the end of the
/// pause while paused. `None` when every reminder is off.
///
/// Changes made by the user (a kudos given, settings saved) can change
/// [`due`] at any time; callers re-check after those.
pub fn next_check(store: &Store, clock: &dyn Clock) -> Result<Option<DateTime<Utc>>> {
    let ctx = Context::load(store, clock)?;
    let next = next_occurrences(&ctx).into_iter().min();
    Ok(next.map(|next| ctx.paused_until().unwrap_or(next)))
}

/// Records that `reminder` was shown, so [`due`] stops returning it.
/// Recording it again changes nothing.
pub fn mark_shown(store: &mut Store, reminder: &Reminder, clock: &dyn Clock) -> Result<()> {
    store.conn().execute(
        "INSERT OR IGNORE INTO reminder_log (kind, due_at, fired_at) VALUES (?1, ?2, ?3)",
        (
            reminder.kind.as_str(),
            format_instant(reminder.due_at),
            format_instant(clock.now()),
        ),
    )?;
    Ok(())
}

/// Shows no reminder before `until` (to the second); returns the settings.
pub fn pause(store: &mut Store, until: DateTime<Utc>) -> Result<Settings> {
    settings::update(store, |s| {
        s.paused_until = Some(until.trunc_subsecs(0));
        Ok(())
    })
}

/// Pauses reminders for `minutes` (1 to [`MAX_PAUSE_MINUTES`]) from now.
pub fn pause_for(store: &mut Store, clock: &dyn Clock, minutes: i64) -> Result<Settings> {
    if !(1..=MAX_PAUSE_MINUTES).contains(&minutes) {
        return Err(Error::invalid(
            "minutes",
            format!("expected 1 to {MAX_PAUSE_MINUTES} (one year), got {minutes}"),
        ));
    }
    pause(store, clock.now() + TimeDelta::minutes(minutes))
}

/// Ends a pause; returns the settings.
pub fn resume(store: &mut Store) -> Result<Settings> {
    settings::update(store, |s| {
        s.paused_until = None;
        Ok(())
    })
}

/// The latest occurrence of each enabled kind, unless its own rule holds it
/// back. Pause and the shown log are applied by [`due`].
fn candidates(ctx: &Context) -> Result<Vec<Reminder>> {
    Ok(nudge::candidate(ctx)?.into_iter().collect())
}

/// The next occurrence (after now) of each enabled kind.
fn next_occurrences(ctx: &Context) -> Vec<DateTime<Utc>> {
    nudge::next_occurrence(ctx).into_iter().collect()
}

fn was_shown(store: &Store, reminder: &Reminder) -> Result<bool> {
    Ok(store.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM reminder_log WHERE kind = ?1 AND due_at = ?2)",
        (reminder.kind.as_str(), format_instant(reminder.due_at)),
        |r| r.get(0),
    )?)
}
