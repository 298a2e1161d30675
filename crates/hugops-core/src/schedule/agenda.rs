//! Meetings saved in the database: the agenda of the Schedule screen, marked
//! done or moved, and the source of meeting reminders.
//!
//! A meeting is keyed by its stable UID, so saving the same schedule again
//! updates it instead of adding a copy. Saving never undoes what the user
//! did: the status of a meeting marked done or cancelled is kept, and a moved
//! meeting keeps its new time (only its title and attendees follow the new
//! plan).
//!
//! Each attendee is stored with the name, zone and working hours the roster
//! gave when the meeting was saved, so the agenda shows everyone's local time
//! and a move re-checks who is outside their hours without the roster.

use chrono::{DateTime, Datelike, NaiveTime, SubsecRound, Utc};
use chrono_tz::Tz;
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::hours::{Interval, WorkingTime};
use super::local::{describe_all, local_times, LocalTime};
use super::{Meeting, MeetingKind};
use crate::clock::{format_instant, parse_instant};
use crate::roster::Person;
use crate::settings::instant_serde;
use crate::{Error, Result, Store};

/// Where a stored meeting stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    Scheduled,
    Done,
    Cancelled,
}

impl MeetingStatus {
    /// The stored and serialised name.
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingStatus::Scheduled => "scheduled",
            MeetingStatus::Done => "done",
            MeetingStatus::Cancelled => "cancelled",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        [
            MeetingStatus::Scheduled,
            MeetingStatus::Done,
            MeetingStatus::Cancelled,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }
}

/// Someone invited, as the roster knew them when the meeting was saved.
/// `timezone` (IANA) and `working_hours` (`HH:MM-HH:MM`) are `None` for an
/// attendee the roster did not list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Attendee {
    pub email: String,
    pub name: String,
    pub timezone: Option<String>,
    pub working_hours: Option<String>,
}

impl Attendee {
    fn from_roster(email: &str, people: &[Person]) -> Self {
        match people.iter().find(|p| p.email == email) {
            Some(p) => Attendee {
                email: p.email.clone(),
                name: p.name.clone(),
                timezone: Some(p.timezone.name().to_owned()),
                working_hours: Some(format!(
                    "{}-{}",
                    p.working_hours.0.format("%H:%M"),
                    p.working_hours.1.format("%H:%M")
                )),
            },
            None => Attendee {
                email: email.to_owned(),
                name: email.to_owned(),
                timezone: None,
                working_hours: None,
            },
        }
    }

    fn zone(&self) -> Option<Tz> {
        self.timezone.as_deref()?.parse().ok()
    }

    fn hours(&self) -> Option<(NaiveTime, NaiveTime)> {
        let (start, end) = self.working_hours.as_deref()?.split_once('-')?;
        let time = |t: &str| NaiveTime::parse_from_str(t.trim(), "%H:%M").ok();
        Some((time(start)?, time(end)?))
    }
}

/// A meeting as stored. `local_times` is computed from the attendees with a
/// known zone; `moved_from` is the planned start of a meeting moved since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StoredMeeting {
    pub uid: String,
    pub kind: MeetingKind,
    pub title: String,
    #[serde(with = "instant_serde")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub start: DateTime<Utc>,
    #[serde(with = "instant_serde")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub end: DateTime<Utc>,
    pub attendees: Vec<Attendee>,
    pub outside_hours: Vec<String>,
    pub description: String,
    pub status: MeetingStatus,
    #[serde(with = "instant_serde::option")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub moved_from: Option<DateTime<Utc>>,
    #[serde(with = "instant_serde")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub created_at: DateTime<Utc>,
    #[serde(with = "instant_serde")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub updated_at: DateTime<Utc>,
    pub local_times: Vec<LocalTime>,
}

impl StoredMeeting {
    /// Every attendee with a known zone, seeing the meeting in their zone.
    fn compute_local_times(&self) -> Vec<LocalTime> {
        self.attendees
            .iter()
            .filter_map(|a| {
                let zone = a.zone()?;
                Some(LocalTime {
                    name: a.name.clone(),
                    email: a.email.clone(),
                    zone,
                    start: self.start.with_timezone(&zone),
                    end: self.end.with_timezone(&zone),
                    outside_hours: self.outside_hours.contains(&a.email),
                })
            })
            .collect()
    }
}

/// SQL condition of a stored meeting whose time still follows the plan: it
/// is scheduled and was never moved.
const AS_PLANNED: &str = "(status = 'scheduled' AND moved_from IS NULL)";

/// What [`save_meetings`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SaveReport {
    /// Meetings not stored before.
    pub added: usize,
    /// Stored meetings whose title, attendees or (when still as planned) time changed.
    pub updated: usize,
    /// Stored meetings left as they were.
    pub unchanged: usize,
}

/// Stores `meetings` (upsert by UID) in one transaction; `people` gives the
/// attendees' names, zones and working hours. A meeting already stored keeps
/// its status, and keeps its time if it was moved or is no longer scheduled.
pub fn save_meetings(
    store: &mut Store,
    meetings: &[Meeting],
    people: &[Person],
    now: DateTime<Utc>,
) -> Result<SaveReport> {
    let tx = store.conn_mut().transaction()?;
    let mut report = SaveReport::default();
    {
        let mut exists = tx.prepare("SELECT 1 FROM meetings WHERE uid = ?1")?;
        let mut upsert = tx.prepare(&format!(
            r#"INSERT INTO meetings (uid, kind, title, "start", "end", attendees, outside_hours,
                                    description, status, moved_from, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'scheduled', NULL, ?9, ?9)
             ON CONFLICT (uid) DO UPDATE SET
                title = excluded.title,
                attendees = excluded.attendees,
                "start" = iif({AS_PLANNED}, excluded."start", "start"),
                "end" = iif({AS_PLANNED}, excluded."end", "end"),
                outside_hours = iif({AS_PLANNED}, excluded.outside_hours, outside_hours),
                description = iif({AS_PLANNED}, excluded.description, description),
                updated_at = excluded.updated_at
             WHERE title IS NOT excluded.title OR attendees IS NOT excluded.attendees
                OR ({AS_PLANNED} AND ("start" IS NOT excluded."start" OR "end" IS NOT excluded."end"
                    OR outside_hours IS NOT excluded.outside_hours
                    OR description IS NOT excluded.description))"#
        ))?;
        let stamp = format_instant(now);
        for m in meetings {
            let known = exists.query_row([&m.uid], |_| Ok(())).optional()?.is_some();
            let attendees: Vec<Attendee> = m
                .attendees
                .iter()
                .map(|email| Attendee::from_roster(email, people))
                .collect();
            let changed = upsert.execute(params![
                m.uid,
                m.kind.as_str(),
                m.title,
                format_instant(m.start),
                format_instant(m.end),
                to_json(&attendees),
                to_json(&m.outside_hours),
                describe_all(&local_times(m, people)),
                stamp,
            ])? > 0;
            match (known, changed) {
                (false, _) => report.added += 1,
                (true, true) => report.updated += 1,
                (true, false) => report.unchanged += 1,
            }
        }
    }
    tx.commit()?;
    Ok(report)
}

/// The meetings (any status) that have not ended at `from` and, with `to`,
/// start before it: soonest first.
pub fn agenda(
    store: &Store,
    from: DateTime<Utc>,
    to: Option<DateTime<Utc>>,
) -> Result<Vec<StoredMeeting>> {
    query(
        store,
        r#"WHERE "end" > ?1 AND (?2 IS NULL OR "start" < ?2) ORDER BY "start", uid"#,
        params![format_instant(from), to.map(format_instant)],
    )
}

/// The stored meeting `uid`, or [`Error::UnknownKey`].
pub fn get(store: &Store, uid: &str) -> Result<StoredMeeting> {
    find(store, uid)?.ok_or_else(|| unknown(uid))
}

/// The stored meeting `uid`, if there is one.
pub fn find(store: &Store, uid: &str) -> Result<Option<StoredMeeting>> {
    Ok(query(store, "WHERE uid = ?1", params![uid])?.pop())
}

/// The first scheduled meeting starting at or after `now`.
pub fn next_meeting(store: &Store, now: DateTime<Utc>) -> Result<Option<StoredMeeting>> {
    Ok(query(
        store,
        r#"WHERE status = 'scheduled' AND "start" >= ?1 ORDER BY "start", uid LIMIT 1"#,
        params![format_instant(now)],
    )?
    .pop())
}

/// Scheduled meetings starting in `[from, to]`, soonest first (for reminders).
pub(crate) fn scheduled_starting(
    store: &Store,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<StoredMeeting>> {
    query(
        store,
        r#"WHERE status = 'scheduled' AND "start" >= ?1 AND "start" <= ?2
           ORDER BY "start", uid"#,
        params![format_instant(from), format_instant(to)],
    )
}

/// The earliest start of a scheduled meeting strictly after `after`.
pub(crate) fn first_scheduled_start_after(
    store: &Store,
    after: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>> {
    let text: Option<String> = store.conn().query_row(
        r#"SELECT min("start") FROM meetings WHERE status = 'scheduled' AND "start" > ?1"#,
        [format_instant(after)],
        |r| r.get(0),
    )?;
    Ok(text.as_deref().and_then(parse_instant))
}

/// Marks meeting `uid` done: it is no longer reminded of (a snoozed reminder
/// included). Marking it again changes nothing but `updated_at`.
pub fn mark_done(store: &mut Store, uid: &str, now: DateTime<Utc>) -> Result<StoredMeeting> {
    set_status(store, uid, MeetingStatus::Done, now)
}

/// Cancels meeting `uid`: it stays in the agenda, and is no longer reminded of.
pub fn cancel(store: &mut Store, uid: &str, now: DateTime<Utc>) -> Result<StoredMeeting> {
    set_status(store, uid, MeetingStatus::Cancelled, now)
}

fn set_status(
    store: &mut Store,
    uid: &str,
    status: MeetingStatus,
    now: DateTime<Utc>,
) -> Result<StoredMeeting> {
    let changed = store.conn().execute(
        "UPDATE meetings SET status = ?2, updated_at = ?3 WHERE uid = ?1",
        params![uid, status.as_str(), format_instant(now)],
    )?;
    if changed == 0 {
        return Err(unknown(uid));
    }
    get(store, uid)
}

/// Moves scheduled meeting `uid` to start at `new_start` (whole seconds),
/// keeping its length. Who is outside their working hours is worked out
/// again from each attendee's stored zone and hours (an attendee the roster
/// did not list is never flagged), and so is the description. `moved_from`
/// keeps the planned start, so saving the plan again does not move it back.
/// A done or cancelled meeting cannot be moved.
pub fn move_meeting(
    store: &mut Store,
    uid: &str,
    new_start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<StoredMeeting> {
    let mut m = get(store, uid)?;
    if m.status != MeetingStatus::Scheduled {
        return Err(Error::invalid(
            "uid",
            format!(
                "meeting `{uid}` is {}; only a scheduled meeting can be moved",
                m.status.as_str()
            ),
        ));
    }
    let start = new_start.trunc_subsecs(0);
    m.end = start
        .checked_add_signed(m.end - m.start)
        .filter(|end| end.year() <= 9999)
        .ok_or_else(|| Error::invalid("start", "the meeting would end after the year 9999"))?;
    m.moved_from = m.moved_from.or(Some(m.start));
    m.start = start;
    m.outside_hours = outside_hours(&m);
    m.local_times = m.compute_local_times();
    m.description = describe_all(&m.local_times);
    store.conn().execute(
        r#"UPDATE meetings SET "start" = ?2, "end" = ?3, outside_hours = ?4, description = ?5,
                              moved_from = ?6, updated_at = ?7
           WHERE uid = ?1"#,
        params![
            uid,
            format_instant(m.start),
            format_instant(m.end),
            to_json(&m.outside_hours),
            m.description,
            m.moved_from.map(format_instant),
            format_instant(now),
        ],
    )?;
    get(store, uid)
}

/// The attendees with known zone and hours for whom some of `m` falls
/// outside their working hours, in attendee order.
fn outside_hours(m: &StoredMeeting) -> Vec<String> {
    let span = Interval {
        start: m.start,
        end: m.end,
    };
    m.attendees
        .iter()
        .filter(|a| match (a.zone(), a.hours()) {
            (Some(tz), Some(hours)) => {
                !WorkingTime::of_hours(tz, hours, span).fit(&span).in_hours()
            }
            _ => false,
        })
        .map(|a| a.email.clone())
        .collect()
}

fn unknown(uid: &str) -> Error {
    Error::UnknownKey {
        what: "meeting",
        key: uid.to_owned(),
    }
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("meeting fields serialise")
}

/// The meetings matching `filter` (a `WHERE …` clause, with its order).
fn query(store: &Store, filter: &str, params: impl rusqlite::Params) -> Result<Vec<StoredMeeting>> {
    let sql = format!(
        r#"SELECT uid, kind, title, "start", "end", attendees, outside_hours, description,
                  status, moved_from, created_at, updated_at
           FROM meetings {filter}"#
    );
    let mut stmt = store.conn().prepare(&sql)?;
    let rows = stmt.query_map(params, from_row)?;
    let mut meetings = Vec::new();
    for row in rows {
        let mut m = row?;
        m.local_times = m.compute_local_times();
        meetings.push(m);
    }
    Ok(meetings)
}

fn from_row(r: &Row) -> rusqlite::Result<StoredMeeting> {
    Ok(StoredMeeting {
        uid: r.get(0)?,
        kind: parsed(r, 1, MeetingKind::parse)?,
        title: r.get(2)?,
        start: parsed(r, 3, parse_instant)?,
        end: parsed(r, 4, parse_instant)?,
        attendees: parsed(r, 5, |t| serde_json::from_str(t).ok())?,
        outside_hours: parsed(r, 6, |t| serde_json::from_str(t).ok())?,
        description: r.get(7)?,
        status: parsed(r, 8, MeetingStatus::parse)?,
        moved_from: r
            .get::<_, Option<String>>(9)?
            .map(|t| parse_instant(&t).ok_or_else(|| corrupt(9)))
            .transpose()?,
        created_at: parsed(r, 10, parse_instant)?,
        updated_at: parsed(r, 11, parse_instant)?,
        local_times: Vec::new(),
    })
}

/// Column `col` read as text and parsed; a value this build cannot read is
/// reported as a conversion error naming the column.
fn parsed<T>(r: &Row, col: usize, parse: impl FnOnce(&str) -> Option<T>) -> rusqlite::Result<T> {
    let text: String = r.get(col)?;
    parse(&text).ok_or_else(|| corrupt(col))
}

fn corrupt(col: usize) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        col,
        rusqlite::types::Type::Text,
        format!("meetings column {col} holds a value this HugOps cannot read").into(),
    )
}

#[cfg(test)]
mod tests;
