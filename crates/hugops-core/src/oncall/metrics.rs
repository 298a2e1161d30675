//! Per-person measures of burden (rules 4-7), from a person's ledger.
//!
//! - nights: distinct nights with a sleep interruption (see
//!   [`night_of`](super::bands::night_of));
//! - on-call hours: hours of their merged shifts inside the period;
//! - busy windows: each merged shift cut into consecutive 12-hour windows
//!   from its start (the last may be shorter); those overlapping the period
//!   holding more than [`BUSY_LIMIT`] interruptions;
//! - longest streak: the longest run of consecutive local dates with at
//!   least one interruption.

use chrono::{Duration, NaiveDate};

use super::ledger::{Interruption, PersonLedger};
use crate::clock::Interval;

/// A 12-hour window holding more interruptions than this is busy.
pub const BUSY_LIMIT: usize = 2;
/// Length of a busy window.
pub const BUSY_WINDOW: Duration = Duration::hours(12);

/// The distinct nights with a sleep interruption, sorted.
pub fn nights(who: &PersonLedger) -> Vec<NaiveDate> {
    let mut nights: Vec<NaiveDate> = who
        .interruptions
        .iter()
        .filter_map(|i| i.placed.night)
        .collect();
    nights.sort_unstable();
    nights.dedup();
    nights
}

/// Hours of `shifts` (merged) inside `period`.
pub fn oncall_hours(shifts: &[Interval], period: Interval) -> f64 {
    let seconds: i64 = shifts
        .iter()
        .map(|s| {
            (s.end.min(period.end) - s.start.max(period.start))
                .num_seconds()
                .max(0)
        })
        .sum();
    seconds as f64 / 3600.0
}

/// The busy windows of `shifts` (merged) overlapping `period`, given the
/// person's time-sorted interruptions.
pub fn busy_windows(
    shifts: &[Interval],
    interruptions: &[Interruption],
    period: Interval,
) -> Vec<Interval> {
    let count_in = |w: &Interval| {
        let a = interruptions.partition_point(|i| i.at < w.start);
        let b = interruptions.partition_point(|i| i.at < w.end);
        b - a
    };
    let mut out = Vec::new();
    for shift in shifts {
        let skip = ((period.start - shift.start).num_seconds() / BUSY_WINDOW.num_seconds()).max(0);
        let mut start = shift.start + BUSY_WINDOW * skip as i32;
        while start < shift.end && start < period.end {
            let window = Interval {
                start,
                end: (start + BUSY_WINDOW).min(shift.end),
            };
            if window.end > period.start && count_in(&window) > BUSY_LIMIT {
                out.push(window);
            }
            start += BUSY_WINDOW;
        }
    }
    out
}

/// The longest run of consecutive local dates with an interruption.
pub fn longest_streak_days(who: &PersonLedger) -> u32 {
    let mut days: Vec<NaiveDate> = who.interruptions.iter().map(|i| i.placed.date).collect();
    days.dedup();
    days.sort_unstable();
    days.dedup();
    longest_run(&days)
}

/// The longest run of consecutive dates in sorted, distinct `days`.
fn longest_run(days: &[NaiveDate]) -> u32 {
    let (mut best, mut run) = (0, 0);
    for (k, d) in days.iter().enumerate() {
        let follows = k > 0 && days[k - 1].succ_opt() == Some(*d);
        run = if follows { run + 1 } else { 1 };
        best = best.max(run);
    }
    best
}

/// The most of sorted, distinct `nights` within any 7 consecutive dates,
/// and the first date of such a week.
pub fn most_nights_in_a_week(nights: &[NaiveDate]) -> Option<(usize, NaiveDate)> {
    let mut best: Option<(usize, NaiveDate)> = None;
    let mut from = 0;
    for (k, night) in nights.iter().enumerate() {
        while (*night - nights[from]).num_days() >= 7 {
            from += 1;
        }
        let count = k - from + 1;
        if !matches!(best, Some((b, _)) if b >= count) {
            best = Some((count, nights[from]));
        }
    }
    best
}

#[cfg(test)]
mod tests;
