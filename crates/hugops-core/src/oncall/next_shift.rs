//! Who should take the next shift: the rotation member with the fewest
//! sleep interruptions in the report, then the fewest off-hours ones, then
//! the most of the shift inside their working hours, then the first email.

use std::cmp::Reverse;

use chrono::{DateTime, Datelike, Duration, Utc, Weekday};
use serde::Serialize;

use super::first_name;
use super::report::{BandCounts, Report};
use super::roster::Member;
use crate::clock::Interval;

/// The person proposed for a shift, and why, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Suggestion {
    pub email: String,
    pub name: String,
    pub reason: String,
}

/// Minutes of `shift` inside `m`'s working hours on their weekdays.
pub fn working_minutes(m: &Member, shift: Interval) -> i64 {
    let tz = m.person.timezone;
    let first = shift.start.with_timezone(&tz).date_naive() - Duration::days(1);
    let last = shift.end.with_timezone(&tz).date_naive();
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .map(|d| m.person.working_interval(d).overlap_minutes(&shift))
        .sum()
}

struct Candidate<'a> {
    member: &'a Member,
    counts: BandCounts,
    working: i64,
}

impl Candidate<'_> {
    fn rank(&self) -> (u32, u32, Reverse<i64>, &str) {
        let c = self.counts;
        (
            c.sleep,
            c.off_hours,
            Reverse(self.working),
            &self.member.person.email,
        )
    }
}

/// The member of `rotation` who should take `[start, end)`; `None` when the
/// rotation is empty.
pub fn suggest_next(
    rotation: &[Member],
    report: &Report,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Option<Suggestion> {
    let shift = Interval { start, end };
    let mut candidates: Vec<Candidate<'_>> = rotation
        .iter()
        .map(|member| Candidate {
            member,
            counts: report
                .people
                .iter()
                .find(|p| p.email == member.person.email)
                .map(|p| p.interruptions)
                .unwrap_or_default(),
            working: working_minutes(member, shift),
        })
        .collect();
    candidates.sort_by(|a, b| a.rank().cmp(&b.rank()));
    let best = candidates.first()?;
    Some(Suggestion {
        email: best.member.person.email.clone(),
        name: best.member.person.name.clone(),
        reason: reason(best, candidates.get(1), shift),
    })
}

fn reason(best: &Candidate<'_>, next: Option<&Candidate<'_>>, shift: Interval) -> String {
    let name = first_name(&best.member.person.name);
    let c = best.counts;
    let hours = |minutes: i64| minutes as f64 / 60.0;
    let facts = format!(
        "In this report {name} was {} and {}; {:.1} of the shift's {:.1} hours fall in their working hours.",
        count(c.sleep, "never woken", "woken"),
        count(c.off_hours, "never paged off hours", "paged off hours"),
        hours(best.working),
        hours(shift.minutes()),
    );
    let decided = match next {
        None => "They are the only one in the rotation.".to_owned(),
        Some(n) if c.sleep < n.counts.sleep => {
            "That is the fewest sleep interruptions in the rotation.".to_owned()
        }
        Some(n) if c.off_hours < n.counts.off_hours => {
            "That ties for the fewest sleep interruptions, with the fewest off-hours ones."
                .to_owned()
        }
        Some(n) if best.working > n.working => {
            "Others had as few interruptions; the shift fits their working day best.".to_owned()
        }
        Some(_) => "Others are level on every count; the choice follows email order.".to_owned(),
    };
    format!("{facts} {decided}")
}

/// "never woken", "woken once", "woken 3 times".
fn count(n: u32, never: &str, verb: &str) -> String {
    match n {
        0 => never.to_owned(),
        1 => format!("{verb} once"),
        n => format!("{verb} {n} times"),
    }
}

#[cfg(test)]
mod tests;
