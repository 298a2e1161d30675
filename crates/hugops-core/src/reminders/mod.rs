//! The one reminder engine of HugOps: which reminders should be shown now.
//!
//! Everything is computed from the stored state (settings, journal, saved
//! meetings, the log of reminders already shown) and a [`Clock`]; there are
//! no threads and no notifications here. The shell sleeps until
//! `min(next_check, now + 60 s)`, calls [`due`], shows what it returns and
//! calls [`mark_shown`] for each. The 60-second cap is how it notices a wake
//! from suspend.
//!
//! Each reminder is identified by `(kind, due_at)`; the engine drops those
//! already in `reminder_log`, so every occurrence is shown once. Nothing
//! fires while reminders are paused or during quiet hours
//! ([`crate::settings::QuietHours`]); what is still within its window when
//! they end fires then.
//!
//! - [`ReminderKind::WeeklyNudge`] only ever offers its latest occurrence, so
//!   a long suspend yields one reminder, not a burst.
//! - [`ReminderKind::Meeting`]: `schedule.reminder_minutes` before each
//!   scheduled meeting (not done, not cancelled). One not shown within
//!   [`FIRE_WINDOW_MINUTES`] of its time (suspend, restart, pause, quiet
//!   hours) is not fired but listed by [`missed`] for
//!   [`MISSED_LIST_DAYS`]. A shown meeting reminder can be [`snooze`]d.
//! - [`ReminderKind::Thread`]: a watched thread that looks ambiguous is
//!   queued by [`queue_thread_nudge`] (at most once per thread and local
//!   day) and fires at its arrival, or when pause or quiet hours end, within
//!   [`THREAD_NUDGE_TTL_HOURS`].

mod meeting;
mod nudge;
mod occurrence;
mod quiet;
mod snooze;
#[cfg(test)]
mod tests;
mod thread;

pub use occurrence::{weekly_occurrence_after, weekly_occurrence_at_or_before};
pub use snooze::{snooze, MAX_SNOOZE_MINUTES};
pub use thread::{queue_thread_nudge, THREAD_NUDGE_TITLE, THREAD_NUDGE_TTL_HOURS};

use std::borrow::Cow;
use std::fmt;

use chrono::{DateTime, SubsecRound, TimeDelta, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::clock::{format_instant, Clock};
use crate::settings::{self, Settings};
use crate::{Error, Result, Store};

/// Longest pause [`pause_for`] accepts: one year, in minutes.
pub const MAX_PAUSE_MINUTES: i64 = 366 * 24 * 60;
/// How late a meeting reminder may still fire: one missed by more (the
/// machine was off or asleep, reminders paused, quiet hours) is only listed.
pub const FIRE_WINDOW_MINUTES: i64 = 60;
/// How far back [`missed`] looks.
pub const MISSED_LIST_DAYS: i64 = 7;

/// The kinds of reminder HugOps shows. Stored and serialised as text:
/// `weekly_nudge`, `meeting:<uid>`, `thread:<hash>`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ReminderKind {
    /// "Time to appreciate someone?", once a week.
    WeeklyNudge,
    /// A saved meeting is about to start.
    Meeting { uid: String },
    /// A watched thread looks ambiguous: "switch to a call?".
    Thread { hash: String },
}

const MEETING_PREFIX: &str = "meeting:";
const THREAD_PREFIX: &str = "thread:";

impl ReminderKind {
    /// The reminder of meeting `uid`.
    pub fn meeting(uid: impl Into<String>) -> Self {
        ReminderKind::Meeting { uid: uid.into() }
    }

    /// The stored and serialised name: `weekly_nudge` or `meeting:<uid>`.
    pub fn as_str(&self) -> Cow<'_, str> {
        match self {
            ReminderKind::WeeklyNudge => Cow::Borrowed("weekly_nudge"),
            ReminderKind::Meeting { uid } => Cow::Owned(format!("{MEETING_PREFIX}{uid}")),
            ReminderKind::Thread { hash } => Cow::Owned(format!("{THREAD_PREFIX}{hash}")),
        }
    }

    /// The kind named `text` (as written by [`ReminderKind::as_str`]).
    pub fn parse(text: &str) -> Option<Self> {
        if let Some(hash) = text.strip_prefix(THREAD_PREFIX) {
            return (!hash.is_empty()).then(|| ReminderKind::Thread {
                hash: hash.to_owned(),
            });
        }
        match text.strip_prefix(MEETING_PREFIX) {
            Some(uid) if !uid.is_empty() => Some(ReminderKind::meeting(uid)),
            Some(_) => None,
            None => (text == "weekly_nudge").then_some(ReminderKind::WeeklyNudge),
        }
    }

    /// The meeting this reminder is about, if any.
    pub fn meeting_uid(&self) -> Option<&str> {
        match self {
            ReminderKind::Meeting { uid } => Some(uid),
            ReminderKind::WeeklyNudge | ReminderKind::Thread { .. } => None,
        }
    }
}

impl fmt::Display for ReminderKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_str())
    }
}

impl Serialize for ReminderKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.as_str())
    }
}

impl<'de> Deserialize<'de> for ReminderKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        ReminderKind::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{text}` is not a reminder kind (weekly_nudge, meeting:<uid> or thread:<hash>)"
            ))
        })
    }
}

/// One reminder to show, for the occurrence scheduled at `due_at`: what a
/// notification needs. `uid` is the meeting's, for a meeting reminder (for
/// the Done action); it is left out of the JSON otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Reminder {
    pub kind: ReminderKind,
    #[serde(serialize_with = "crate::settings::instant_serde::serialize")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub due_at: DateTime<Utc>,
    pub title: String,
    pub body: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// What every kind of reminder is computed from.
struct Context<'a> {
    store: &'a Store,
    settings: Settings,
    now: DateTime<Utc>,
    /// The user's zone: the configured one, else the clock's.
    tz: Tz,
    /// The end of a new user's first week ([`crate::first_use`]).
    quiet_until: Option<DateTime<Utc>>,
}

impl<'a> Context<'a> {
    fn load(store: &'a Store, clock: &dyn Clock) -> Result<Self> {
        let settings = settings::load(store)?;
        Ok(Context {
            store,
            tz: settings.effective_zone(clock),
            now: clock.now(),
            quiet_until: crate::first_use::quiet_until(store)?,
            settings,
        })
    }

    /// The first instant at or after `t` outside any pause and quiet hours.
    fn free_at(&self, t: DateTime<Utc>) -> DateTime<Utc> {
        let mut t = t;
        // A pause and quiet hours can follow each other once each way.
        for _ in 0..4 {
            let until = match self.settings.paused_until.filter(|until| *until > t) {
                Some(until) => until,
                None => match quiet::end_if_quiet(&self.settings.quiet_hours, self.tz, t) {
                    Some(end) => end,
                    None => break,
                },
            };
            t = until;
        }
        t
    }

    /// How long before a meeting its reminder comes.
    fn meeting_lead(&self) -> TimeDelta {
        TimeDelta::minutes(self.settings.schedule.reminder_minutes.into())
    }
}

/// The reminders to show now, oldest first: not paused, not in quiet hours,
/// not shown before.
pub fn due(store: &Store, clock: &dyn Clock) -> Result<Vec<Reminder>> {
    let ctx = Context::load(store, clock)?;
    if ctx.free_at(ctx.now) > ctx.now {
        return Ok(Vec::new());
    }
    waiting(&ctx)
}

/// Meeting reminders that were never shown and are too late to fire (more
/// than [`FIRE_WINDOW_MINUTES`] late, at most [`MISSED_LIST_DAYS`] old), for
/// meetings still scheduled: for the app to list, oldest first. Pausing and
/// quiet hours do not hide them. [`mark_shown`] dismisses one.
pub fn missed(store: &Store, clock: &dyn Clock) -> Result<Vec<Reminder>> {
    let ctx = Context::load(store, clock)?;
    unshown(store, meeting::missed(&ctx)?)
}

/// The next instant at which [`due`] could change without anyone touching
/// the data: the next occurrence of any reminder (moved to the end of a
/// pause or quiet hours it falls in), or, while paused or in quiet hours,
/// their end. `None` when nothing is waiting and nothing will come.
///
/// Changes made by the user (a kudos given, settings saved, a meeting saved,
/// moved or done, a snooze) can change [`due`] at any time; callers re-check
/// after those.
pub fn next_check(store: &Store, clock: &dyn Clock) -> Result<Option<DateTime<Utc>>> {
    let ctx = Context::load(store, clock)?;
    let upcoming = next_occurrences(&ctx)?.into_iter().min();
    let free = ctx.free_at(ctx.now);
    if free > ctx.now {
        let anything = upcoming.is_some() || !waiting(&ctx)?.is_empty();
        return Ok(anything.then_some(free));
    }
    Ok(upcoming.map(|t| ctx.free_at(t)))
}

/// Records that `reminder` was shown, so [`due`] (and [`missed`]) stop
/// returning it. Recording it again changes nothing.
pub fn mark_shown(store: &mut Store, reminder: &Reminder, clock: &dyn Clock) -> Result<()> {
    log_shown(store, &reminder.kind, reminder.due_at, clock.now())
}

/// Dismisses the missed reminder `kind` (as in its JSON) of `due_at`, as
/// the app's "missed reminders" list does.
pub fn dismiss(
    store: &mut Store,
    kind: &str,
    due_at: DateTime<Utc>,
    clock: &dyn Clock,
) -> Result<()> {
    let kind = ReminderKind::parse(kind)
        .ok_or_else(|| Error::invalid("kind", format!("`{kind}` is not a reminder kind")))?;
    log_shown(store, &kind, due_at, clock.now())
}

fn log_shown(
    store: &Store,
    kind: &ReminderKind,
    due_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<()> {
    store.conn().execute(
        "INSERT OR IGNORE INTO reminder_log (kind, due_at, fired_at) VALUES (?1, ?2, ?3)",
        (kind.as_str(), format_instant(due_at), format_instant(now)),
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

/// The reminders that may fire now, not shown yet, oldest first (pause and
/// quiet hours not applied).
fn waiting(ctx: &Context) -> Result<Vec<Reminder>> {
    let mut all: Vec<Reminder> = nudge::candidate(ctx)?.into_iter().collect();
    all.extend(meeting::due_now(ctx)?);
    all.extend(thread::waiting(ctx)?);
    unshown(ctx.store, all)
}

/// The next occurrence (after now) of each kind.
fn next_occurrences(ctx: &Context) -> Result<Vec<DateTime<Utc>>> {
    let mut all: Vec<DateTime<Utc>> = nudge::next_occurrence(ctx).into_iter().collect();
    all.extend(meeting::next_due(ctx)?);
    Ok(all)
}

/// `reminders` without those already shown, sorted by `due_at`.
fn unshown(store: &Store, reminders: Vec<Reminder>) -> Result<Vec<Reminder>> {
    let mut kept = Vec::with_capacity(reminders.len());
    for reminder in reminders {
        if !was_shown(store, &reminder)? {
            kept.push(reminder);
        }
    }
    kept.sort_by(|a, b| (a.due_at, a.kind.as_str()).cmp(&(b.due_at, b.kind.as_str())));
    Ok(kept)
}

fn was_shown(store: &Store, reminder: &Reminder) -> Result<bool> {
    Ok(store.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM reminder_log WHERE kind = ?1 AND due_at = ?2)",
        (reminder.kind.as_str(), format_instant(reminder.due_at)),
        |r| r.get(0),
    )?)
}
