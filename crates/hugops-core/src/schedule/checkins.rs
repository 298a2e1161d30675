//! The onboarding check-ins of a buddy pair.
//!
//! Each [`CadenceStep`] gives a *target date* counted from the joiner's start
//! date: `day N` is the start date plus N − 1 days (`day 1` is the start date
//! itself), `week N` is the start date plus 7 × N days. A step whose target
//! date is before the reference date (`today`) is not scheduled.
//!
//! The meeting is searched in the seven days from the joiner's local midnight
//! of the target date, on a 15-minute UTC grid plus every instant where
//! someone's working hours start or end (so odd hours like 08:20 are found).
//! It must fall on a local weekday for both people (Auckland's Monday morning
//! is Los Angeles' Sunday, so neither may be chosen there). Among those
//! instants the chosen one has, in order:
//! 1. the fewest minutes outside anyone's working hours (0 when the hours
//!    overlap that day);
//! 2. the burden shared fairly: the lowest highest running total of minutes
//!    outside hours over the pair's series so far, so when the hours never
//!    overlap the two take turns;
//! 3. the shortest distance between the meeting and the working hours of
//!    the person it is furthest from (a 06:00 start beats a 03:00 one, even
//!    a day later);
//! 4. the earliest joiner-local day;
//! 5. the earliest start.
//!
//! With overlapping hours this is the earliest time inside both people's
//! working hours on the first weekday they share from the target date.

use std::fmt;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::fairness::Tally;
use super::hours::{on_local_weekdays, Interval, WorkingTime};
use super::uid::stable_uid;
use super::{Meeting, MeetingKind};
use crate::clock::local_instant;
use crate::roster::Person;

/// One check-in of the cadence, counted from the joiner's start date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CadenceStep {
    /// `day N`: the start date plus N − 1 days (N ≥ 1).
    Day(u32),
    /// `week N`: the start date plus 7 × N days (N ≥ 1).
    Week(u32),
}

/// Day 1, week 1, 2, 4, 8 and 12.
pub const DEFAULT_CADENCE: [CadenceStep; 6] = [
    CadenceStep::Day(1),
    CadenceStep::Week(1),
    CadenceStep::Week(2),
    CadenceStep::Week(4),
    CadenceStep::Week(8),
    CadenceStep::Week(12),
];

/// Default length of a check-in.
pub const DEFAULT_CHECKIN_MINUTES: u32 = 30;

impl CadenceStep {
    /// Days from the start date to the target date.
    pub fn offset_days(self) -> i64 {
        match self {
            CadenceStep::Day(n) => i64::from(n) - 1,
            CadenceStep::Week(n) => 7 * i64::from(n),
        }
    }

    /// Parses `day N` or `week N` (any case, N from 1 to 520; the space may
    /// be left out).
    pub fn parse(text: &str) -> Result<Self, String> {
        let lower = text.trim().to_ascii_lowercase();
        let bad = || format!("`{text}` is not a check-in like `day 1` or `week 2`");
        let (make, number): (fn(u32) -> CadenceStep, &str) =
            if let Some(n) = lower.strip_prefix("day") {
                (CadenceStep::Day, n)
            } else if let Some(n) = lower.strip_prefix("week") {
                (CadenceStep::Week, n)
            } else {
                return Err(bad());
            };
        let number = number.trim();
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        match number.parse::<u32>() {
            Ok(n @ 1..=520) => Ok(make(n)),
            _ => Err(bad()),
        }
    }
}

impl fmt::Display for CadenceStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CadenceStep::Day(n) => write!(f, "day {n}"),
            CadenceStep::Week(n) => write!(f, "week {n}"),
        }
    }
}

impl Serialize for CadenceStep {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CadenceStep {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        CadenceStep::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// How check-ins are planned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckinOptions {
    /// Check-ins whose target date is before this date are not scheduled.
    pub today: NaiveDate,
    /// Length of each check-in.
    pub minutes: u32,
    pub cadence: Vec<CadenceStep>,
}

impl CheckinOptions {
    /// The defaults on the given reference date: 30-minute check-ins on
    /// the default cadence (day 1, week 1, 2, 4, 8 and 12).
    pub fn new(today: NaiveDate) -> Self {
        CheckinOptions {
            today,
            minutes: DEFAULT_CHECKIN_MINUTES,
            cadence: DEFAULT_CADENCE.to_vec(),
        }
    }
}

/// Days searched from each target date.
const SEARCH_DAYS: i64 = 7;
/// Step of the candidate grid.
const GRID_MINUTES: i64 = 15;

/// The check-ins of every `(joiner, buddy)` pair, sorted by start then uid.
pub fn plan_checkins(pairs: &[(&Person, &Person)], opts: &CheckinOptions) -> Vec<Meeting> {
    let mut all: Vec<Meeting> = pairs
        .iter()
        .flat_map(|(joiner, buddy)| pair_checkins(joiner, buddy, opts))
        .collect();
    all.sort_by(|a, b| (a.start, &a.uid).cmp(&(b.start, &b.uid)));
    all
}

/// The check-ins of one pair, in cadence order (see the module doc).
pub fn pair_checkins(joiner: &Person, buddy: &Person, opts: &CheckinOptions) -> Vec<Meeting> {
    let mut steps = opts.cadence.clone();
    steps.sort_by_key(|s| s.offset_days());
    let mut tally = Tally::default();
    let mut meetings = Vec::new();
    for step in steps {
        let Some(target) = joiner
            .start_date
            .checked_add_signed(Duration::days(step.offset_days()))
        else {
            continue;
        };
        if target < opts.today {
            continue;
        }
        let Some(slot) = best_slot(joiner, buddy, target, opts.minutes, &tally) else {
            continue;
        };
        tally.add(&joiner.email, slot.outside[0]);
        tally.add(&buddy.email, slot.outside[1]);
        meetings.push(meeting(joiner, buddy, step, slot));
    }
    meetings
}

/// A chosen check-in time and the minutes each person spends outside hours.
struct Slot {
    interval: Interval,
    /// Joiner, buddy.
    outside: [i64; 2],
}

fn best_slot(
    joiner: &Person,
    buddy: &Person,
    target: NaiveDate,
    minutes: u32,
    tally: &Tally,
) -> Option<Slot> {
    let midnight = |day: NaiveDate| local_instant(joiner.timezone, day.and_time(NaiveTime::MIN));
    let window = Interval {
        start: midnight(target),
        end: midnight(target + Duration::days(SEARCH_DAYS)),
    };
    let people = [joiner, buddy];
    let work = people.map(|p| WorkingTime::around(p, window));
    candidates(window, &work, minutes)
        .into_iter()
        .map(|start| Interval::from_minutes(start, minutes))
        .filter(|interval| {
            people
                .iter()
                .all(|p| on_local_weekdays(p.timezone, interval))
        })
        .map(|interval| {
            let fits = work.each_ref().map(|w| w.fit(&interval));
            let outside = fits.map(|f| f.outside_minutes);
            let start = interval.start;
            let day = (start.with_timezone(&joiner.timezone).date_naive() - target).num_days();
            let key = (
                outside[0] + outside[1],
                tally.worst_after([
                    (joiner.email.as_str(), outside[0]),
                    (buddy.email.as_str(), outside[1]),
                ]),
                fits.iter().map(|f| f.distance_minutes).max().unwrap_or(0),
                day,
                start,
            );
            (key, Slot { interval, outside })
        })
        .min_by_key(|(key, _)| *key)
        .map(|(_, slot)| slot)
}

/// Candidate starts inside `window`: the 15-minute UTC grid, and every
/// instant where a meeting would start or end at the edge of someone's hours.
fn candidates(window: Interval, work: &[WorkingTime], minutes: u32) -> Vec<DateTime<Utc>> {
    let length = Duration::minutes(minutes.into());
    let grid_start = {
        let secs = window.start.timestamp();
        let step = GRID_MINUTES * 60;
        let aligned = secs.div_euclid(step) * step;
        let aligned = if aligned < secs {
            aligned + step
        } else {
            aligned
        };
        DateTime::from_timestamp(aligned, 0).unwrap_or(window.start)
    };
    let grid = std::iter::successors(Some(grid_start), |t| {
        Some(*t + Duration::minutes(GRID_MINUTES))
    })
    .take_while(|t| *t < window.end);
    let edges = work
        .iter()
        .flat_map(|w| w.intervals())
        .flat_map(|i| [i.start, i.end, i.start - length, i.end - length]);
    let mut all: Vec<DateTime<Utc>> = grid
        .chain(edges)
        .filter(|t| *t >= window.start && *t < window.end)
        .collect();
    all.sort();
    all.dedup();
    all
}

fn meeting(joiner: &Person, buddy: &Person, step: CadenceStep, slot: Slot) -> Meeting {
    let label = step.to_string();
    let outside_hours = [joiner, buddy]
        .iter()
        .zip(slot.outside)
        .filter(|(_, minutes)| *minutes > 0)
        .map(|(p, _)| p.email.clone())
        .collect();
    Meeting {
        uid: stable_uid(&["checkin", &joiner.email, &buddy.email, &label]),
        kind: MeetingKind::Checkin,
        title: format!("Buddy check-in: {} & {} ({label})", joiner.name, buddy.name),
        start: slot.interval.start,
        end: slot.interval.end,
        attendees: vec![joiner.email.clone(), buddy.email.clone()],
        outside_hours,
        organizer: buddy.email.clone(),
    }
}

#[cfg(test)]
mod tests;
