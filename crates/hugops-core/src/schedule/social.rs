//! Socials for a group across time zones: the best slots in a date window,
//! and a recurring series that takes turns over who is outside their hours.
//!
//! Candidate slots start on a 15-minute UTC grid, plus every instant where
//! the slot would start or end exactly at the edge of someone's working
//! hours, on the UTC weekdays (Monday to Friday) of the window `[from, to]`
//! (UTC dates, both included). Someone is *in hours* for a slot when the
//! whole slot is inside their working hours on one of their local weekdays.
//!
//! Slots are ranked by the number of people in hours (most first), then by
//! fairness: the shortest distance between the slot and the working hours of
//! the person it is furthest from, then by start.
//!
//! A series (`every` week or month, `count` times) takes occurrence *k* (from
//! 0) in the window moved by *k* weeks or months. Each occurrence is the slot
//! of its window with the lowest [`Tally::turn_cost`]: someone outside their
//! hours costs one more than the times they already were, so the same people
//! are not always the ones up late while everyone in hours costs nothing;
//! ties go to the slot with more people in hours, then to fairness, then to
//! the earliest. Without `every`, the series is
//! one meeting: the best slot.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Months, NaiveDate, Utc};
use serde::Serialize;

use super::fairness::Tally;
use super::hours::{is_weekday, Interval, WorkingTime};
use super::uid::stable_uid;
use super::{Meeting, MeetingKind};
use crate::clock::{format_instant, utc_midnight};
use crate::roster::Person;
use crate::settings::instant_serde;
use crate::{Error, Result};

/// Who is invited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Group {
    /// Everyone whose team has this name (case-insensitive).
    Team(String),
    /// These people (emails, any case).
    Emails(Vec<String>),
    /// The whole roster.
    Everyone,
}

/// How often a series repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Every {
    Week,
    Month,
}

impl Every {
    fn name(self) -> &'static str {
        match self {
            Every::Week => "week",
            Every::Month => "month",
        }
    }
}

/// What to plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SocialOptions {
    /// First UTC date of the window.
    pub from: NaiveDate,
    /// Last UTC date of the window (included).
    pub to: NaiveDate,
    /// Length of the social, 1 to 1440 minutes.
    pub minutes: u32,
    /// How many ranked slots to list (at least 1).
    pub top: usize,
    /// A series: how often and how many times (1 to [`MAX_COUNT`]).
    pub repeat: Option<(Every, u32)>,
    /// Title of the meetings.
    pub title: String,
    /// The first meeting's start, chosen from the first window's candidate
    /// slots; `None` takes the best. The rest of a series rotates from it.
    pub start: Option<DateTime<Utc>>,
}

/// Longest window, in days.
pub const MAX_WINDOW_DAYS: i64 = 366;
/// Longest series.
pub const MAX_COUNT: u32 = 520;

/// A ranked candidate slot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Slot {
    #[serde(with = "instant_serde")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub start: DateTime<Utc>,
    #[serde(with = "instant_serde")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub end: DateTime<Utc>,
    /// How many of the group are inside their working hours.
    pub in_hours: usize,
    /// The others, in group order.
    pub outside_hours: Vec<String>,
    /// Minutes between the slot and the furthest person's working hours.
    #[serde(skip)]
    pub worst_distance: i64,
}

/// One meeting of the series, with how many people are in hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SeriesMeeting {
    #[serde(flatten)]
    pub meeting: Meeting,
    pub in_hours: usize,
}

/// The outcome of [`plan_social`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SocialPlan {
    /// The best slots of the first window, best first.
    pub slots: Vec<Slot>,
    /// The meetings scheduled: one, or the whole series.
    pub series: Vec<SeriesMeeting>,
    /// For every person of the group, how many of the series fall outside
    /// their working hours.
    pub outside_hours_count: BTreeMap<String, i64>,
}

/// The people of `group`, in roster order. An unknown team or email, or an
/// empty group, is an [`Error::InvalidInput`] (`team` or `emails`).
pub fn select_group<'a>(people: &'a [Person], group: &Group) -> Result<Vec<&'a Person>> {
    let chosen: Vec<&Person> = match group {
        Group::Everyone => people.iter().collect(),
        Group::Team(name) => {
            let wanted = name.trim().to_lowercase();
            let members: Vec<&Person> = people
                .iter()
                .filter(|p| p.team.to_lowercase() == wanted)
                .collect();
            if members.is_empty() {
                let mut teams: Vec<&str> = people.iter().map(|p| p.team.as_str()).collect();
                teams.sort_unstable();
                teams.dedup();
                return Err(Error::invalid(
                    "team",
                    format!("no one is in team `{name}`; teams: {}", teams.join(", ")),
                ));
            }
            members
        }
        Group::Emails(emails) => {
            let wanted: Vec<String> = emails.iter().map(|e| e.trim().to_lowercase()).collect();
            let unknown: Vec<&str> = wanted
                .iter()
                .filter(|e| !people.iter().any(|p| &p.email == *e))
                .map(String::as_str)
                .collect();
            if !unknown.is_empty() {
                return Err(Error::invalid(
                    "emails",
                    format!("not in the roster: {}", unknown.join(", ")),
                ));
            }
            people
                .iter()
                .filter(|p| wanted.contains(&p.email))
                .collect()
        }
    };
    if chosen.is_empty() {
        return Err(Error::invalid("group", "no one to invite"));
    }
    Ok(chosen)
}

/// Ranks the slots of the window and plans the series (see the module doc).
pub fn plan_social(group: &[&Person], opts: &SocialOptions) -> Result<SocialPlan> {
    check(group, opts)?;
    let (every, count) = opts.repeat.unwrap_or((Every::Week, 1));
    let windows: Vec<Interval> = (0..count)
        .map(|k| window(opts, every, k))
        .collect::<Result<_>>()?;
    let span = Interval {
        start: windows.first().map_or(utc_midnight(opts.from), |w| w.start),
        end: windows.last().map_or(utc_midnight(opts.to), |w| w.end),
    };
    let work: Vec<WorkingTime> = group.iter().map(|p| WorkingTime::around(p, span)).collect();

    let mut slots = evaluate(group, &work, windows[0], opts.minutes);
    slots.sort_by_key(|s| (std::cmp::Reverse(s.in_hours), s.worst_distance, s.start));
    slots.truncate(opts.top);

    let mut tally = Tally::for_people(group.iter().map(|p| p.email.as_str()));
    let mut series = Vec::new();
    for (k, window) in windows.iter().enumerate() {
        let candidates = evaluate(group, &work, *window, opts.minutes);
        let chosen = match opts.start.filter(|_| k == 0) {
            Some(start) => Some(chosen_slot(candidates, start)?),
            None => candidates.into_iter().min_by_key(|s| {
                let cost = tally.turn_cost(s.outside_hours.iter().map(String::as_str));
                (
                    cost,
                    std::cmp::Reverse(s.in_hours),
                    s.worst_distance,
                    s.start,
                )
            }),
        };
        let Some(slot) = chosen else { continue };
        for email in &slot.outside_hours {
            tally.add(email, 1);
        }
        series.push(series_meeting(group, opts, every, k, count, slot));
    }
    Ok(SocialPlan {
        slots,
        series,
        outside_hours_count: tally.counts().clone(),
    })
}

/// The candidate starting at `start`, which the user picked from the plan's
/// slots; any other time is refused rather than moved.
fn chosen_slot(candidates: Vec<Slot>, start: DateTime<Utc>) -> Result<Slot> {
    candidates
        .into_iter()
        .find(|s| s.start == start)
        .ok_or_else(|| {
            Error::invalid(
                "start",
                format!("{} is not one of the window's slots", format_instant(start)),
            )
        })
}

fn check(group: &[&Person], opts: &SocialOptions) -> Result<()> {
    if group.is_empty() {
        return Err(Error::invalid("group", "no one to invite"));
    }
    if opts.to < opts.from {
        return Err(Error::invalid(
            "to",
            format!("{} is before --from {}", opts.to, opts.from),
        ));
    }
    if (opts.to - opts.from).num_days() >= MAX_WINDOW_DAYS {
        return Err(Error::invalid(
            "to",
            format!("the window is longer than {MAX_WINDOW_DAYS} days"),
        ));
    }
    if !(1..=24 * 60).contains(&opts.minutes) {
        return Err(Error::invalid(
            "duration",
            format!("{} minutes is not between 1 and 1440", opts.minutes),
        ));
    }
    if opts.top == 0 {
        return Err(Error::invalid("top", "must be at least 1"));
    }
    if let Some((_, count)) = opts.repeat {
        if !(1..=MAX_COUNT).contains(&count) {
            return Err(Error::invalid(
                "count",
                format!("{count} is not between 1 and {MAX_COUNT}"),
            ));
        }
    }
    Ok(())
}

/// The window of occurrence `k`: `[from, to]` moved by `k` periods, as UTC
/// instants (the end is midnight after `to`).
fn window(opts: &SocialOptions, every: Every, k: u32) -> Result<Interval> {
    let shift = |d: NaiveDate| match every {
        Every::Week => d.checked_add_signed(Duration::weeks(k.into())),
        Every::Month => d.checked_add_months(Months::new(k)),
    };
    let (Some(from), Some(to)) = (shift(opts.from), shift(opts.to)) else {
        return Err(Error::invalid("count", "the series runs past the calendar"));
    };
    Ok(Interval {
        start: utc_midnight(from),
        end: utc_midnight(to) + Duration::days(1),
    })
}

/// Every candidate slot of a window, unranked.
fn evaluate(group: &[&Person], work: &[WorkingTime], window: Interval, minutes: u32) -> Vec<Slot> {
    let length = Duration::minutes(minutes.into());
    let grid = std::iter::successors(Some(window.start), |t| Some(*t + Duration::minutes(15)))
        .take_while(|t| *t < window.end);
    let edges = work
        .iter()
        .flat_map(|w| w.intervals())
        .flat_map(|i| [i.start, i.end - length]);
    let mut starts: Vec<DateTime<Utc>> = grid
        .chain(edges)
        .filter(|t| *t >= window.start && *t < window.end && is_weekday(t.date_naive()))
        .collect();
    starts.sort();
    starts.dedup();
    starts
        .into_iter()
        .map(|start| {
            let interval = Interval::from_minutes(start, minutes);
            let mut outside_hours = Vec::new();
            let mut worst_distance = 0;
            for (p, w) in group.iter().zip(work) {
                let fit = w.fit(&interval);
                if !fit.in_hours() {
                    outside_hours.push(p.email.clone());
                    worst_distance = worst_distance.max(fit.distance_minutes);
                }
            }
            Slot {
                start,
                end: interval.end,
                in_hours: group.len() - outside_hours.len(),
                outside_hours,
                worst_distance,
            }
        })
        .collect()
}

fn series_meeting(
    group: &[&Person],
    opts: &SocialOptions,
    every: Every,
    k: usize,
    count: u32,
    slot: Slot,
) -> SeriesMeeting {
    let mut emails: Vec<&str> = group.iter().map(|p| p.email.as_str()).collect();
    emails.sort_unstable();
    let number = (k + 1).to_string();
    let repeat = match opts.repeat {
        Some(_) => format!("{} x{count}", every.name()),
        None => "once".to_owned(),
    };
    let title = if opts.repeat.is_some() {
        format!("{} ({number}/{count})", opts.title)
    } else {
        opts.title.clone()
    };
    let from = opts.from.to_string();
    let members = emails.join(",");
    SeriesMeeting {
        meeting: Meeting {
            uid: stable_uid(&["social", &opts.title, &members, &from, &repeat, &number]),
            kind: MeetingKind::Social,
            title,
            start: slot.start,
            end: slot.end,
            attendees: group.iter().map(|p| p.email.clone()).collect(),
            outside_hours: slot.outside_hours,
            organizer: group.first().map(|p| p.email.clone()).unwrap_or_default(),
        },
        in_hours: slot.in_hours,
    }
}

/// The default title of a social for a group.
pub fn default_title(group: &Group, people: &[&Person]) -> String {
    match group {
        Group::Team(_) => match people.first() {
            Some(p) => format!("Team social: {}", p.team),
            None => "Team social".to_owned(),
        },
        _ => "Team social".to_owned(),
    }
}

#[cfg(test)]
mod tests;
