//! Working time as UTC intervals: a person's local working hours on each of
//! their local weekdays (Monday to Friday), with daylight saving applied on
//! every day separately.
//! Local times become instants by the clock module's one policy.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

use crate::clock::working_interval;
pub use crate::clock::Interval;
use crate::roster::Person;

/// True if and only if `date` is Monday to Friday.
pub fn is_weekday(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// True if and only if the meeting starts and ends (its last minute) on a
/// local weekday of zone `tz`.
pub fn on_local_weekdays(tz: Tz, meeting: &Interval) -> bool {
    let last = meeting.end - Duration::minutes(1);
    [meeting.start, last.max(meeting.start)]
        .iter()
        .all(|t| is_weekday(t.with_timezone(&tz).date_naive()))
}

/// A person's working intervals on their local weekdays, sorted, covering
/// at least a span of UTC time (plus a few days either side, so the nearest
/// working time of a weekend meeting is known too).
#[derive(Debug, Clone)]
pub struct WorkingTime {
    intervals: Vec<Interval>,
}

/// Days added before and after the span asked for.
const MARGIN_DAYS: i64 = 4;

impl WorkingTime {
    /// The working intervals of `p` around `span`.
    pub fn around(p: &Person, span: Interval) -> Self {
        Self::of_hours(p.timezone, p.working_hours, span)
    }

    /// The working intervals of local hours `(start, end)` in `tz` around
    /// `span`, for someone known only by zone and hours.
    pub fn of_hours(tz: Tz, hours: (NaiveTime, NaiveTime), span: Interval) -> Self {
        let local = |t: DateTime<Utc>| t.with_timezone(&tz).date_naive();
        let first = local(span.start) - Duration::days(MARGIN_DAYS);
        let last = local(span.end) + Duration::days(MARGIN_DAYS);
        let intervals = first
            .iter_days()
            .take_while(|d| *d <= last)
            .filter(|d| is_weekday(*d))
            .map(|d| working_interval(tz, d, hours))
            .filter(|i| i.end > i.start)
            .collect();
        WorkingTime { intervals }
    }

    pub fn intervals(&self) -> &[Interval] {
        &self.intervals
    }

    /// How well a meeting fits this person's working time.
    pub fn fit(&self, meeting: &Interval) -> Fit {
        // Intervals are sorted and disjoint: only those near the meeting matter.
        let from = self
            .intervals
            .partition_point(|i| i.end <= meeting.start)
            .saturating_sub(1);
        let near = &self.intervals[from..];
        let near = &near[..near
            .partition_point(|i| i.start < meeting.end)
            .saturating_add(1)
            .min(near.len())];
        let inside: i64 = near.iter().map(|i| i.overlap_minutes(meeting)).sum();
        let outside_minutes = (meeting.minutes() - inside).max(0);
        let distance_minutes = if inside > 0 {
            0
        } else {
            near.iter()
                .map(|i| i.gap_minutes(meeting))
                .min()
                .unwrap_or(NO_WORKING_TIME)
        };
        Fit {
            outside_minutes,
            distance_minutes,
        }
    }
}

/// Distance reported when no working interval is known nearby.
const NO_WORKING_TIME: i64 = 7 * 24 * 60;

/// How a meeting sits in one person's working time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    /// Minutes of the meeting outside their working hours.
    pub outside_minutes: i64,
    /// Minutes from the meeting to their nearest working time (0 when the
    /// meeting touches it).
    pub distance_minutes: i64,
}

impl Fit {
    /// True if and only if the whole meeting is inside their working hours.
    pub fn in_hours(&self) -> bool {
        self.outside_minutes == 0
    }
}

#[cfg(test)]
mod tests;
