//! Who was interrupted when: pages attributed to people (rule 1), merged
//! into interruptions (rule 2) and banded (rule 3).
//!
//! - A page is an incident created inside the period whose urgency is not
//!   `low`. It goes to its assignee when given (an email, or a rotation
//!   name), else to everyone on call at its creation; else it is
//!   unattributed.
//! - A person's pages less than [`MERGE_WINDOW`] after their previous counted
//!   interruption merge into it; the others are interruptions.
//!
//! Someone in the shifts or the incidents but not in the rotation is read in
//! UTC with the default working and sleep hours.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use rayon::prelude::*;

use super::bands::{place, Band, Placement};
use super::incidents::{Incident, Urgency};
use super::merge::merge;
use super::on_call::OnCallIndex;
pub use super::profile::Profile;
use super::roster::Member;
use super::shifts::Shift;
use super::Period;
use crate::clock::Interval;

/// Pages closer than this to a person's previous interruption merge into it.
pub const MERGE_WINDOW: Duration = Duration::minutes(5);

/// One counted interruption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interruption {
    pub at: DateTime<Utc>,
    /// Band, local date and night on the person's wall clock.
    pub placed: Placement,
    /// Index of the incident in the ledger's incidents.
    pub incident: u32,
}

impl Interruption {
    /// The interruption of `who` at `at` by incident number `incident`.
    pub fn new(who: &Profile, at: DateTime<Utc>, incident: u32) -> Self {
        Interruption {
            at,
            placed: place(who, at),
            incident,
        }
    }

    /// Where in their day it fell.
    pub fn band(&self) -> Band {
        self.placed.band
    }
}

/// One person's share of the period.
#[derive(Debug, Clone)]
pub struct PersonLedger {
    pub profile: Profile,
    /// Their shifts, merged where they overlap or touch, sorted.
    pub shifts: Vec<Interval>,
    pub pages: u32,
    /// Sorted by time.
    pub interruptions: Vec<Interruption>,
}

impl PersonLedger {
    /// True if and only if one of their shifts overlaps the period.
    pub fn on_call_in(&self, period: Period) -> bool {
        let p = period.interval();
        self.shifts
            .iter()
            .any(|s| s.start < p.end && p.start < s.end)
    }
}

/// Rules 1-3 applied to a period.
#[derive(Debug)]
pub struct Ledger<'a> {
    pub period: Period,
    pub incidents: &'a [Incident],
    /// Everyone with a shift or a page in the period, sorted by email.
    pub people: Vec<PersonLedger>,
    /// Indices of pages that went to no one, in time order.
    pub unattributed: Vec<u32>,
}

/// The profiles met so far, found by email or by rotation name.
struct Directory {
    profiles: Vec<Profile>,
    by_email: HashMap<String, u32>,
    by_name: HashMap<String, u32>,
}

impl Directory {
    fn new(rotation: &[Member]) -> Self {
        let profiles: Vec<Profile> = rotation.iter().map(Profile::of).collect();
        let by_email = profiles
            .iter()
            .enumerate()
            .map(|(i, p)| (p.email.clone(), i as u32))
            .collect();
        let by_name = profiles
            .iter()
            .enumerate()
            .map(|(i, p)| (p.name.to_lowercase(), i as u32))
            .collect();
        Directory {
            profiles,
            by_email,
            by_name,
        }
    }

    /// The person `key` (a lowercase email or name) stands for, added when new.
    fn find(&mut self, key: &str) -> u32 {
        if let Some(&i) = self.by_email.get(key).or_else(|| self.by_name.get(key)) {
            return i;
        }
        let i = self.profiles.len() as u32;
        self.profiles.push(Profile::unknown(key));
        self.by_email.insert(key.to_owned(), i);
        i
    }
}

impl<'a> Ledger<'a> {
    /// Applies rules 1-3 to the incidents created inside `period`.
    pub fn build(
        rotation: &[Member],
        shifts: &[Shift],
        incidents: &'a [Incident],
        period: Period,
    ) -> Self {
        let mut directory = Directory::new(rotation);
        let mut spans: Vec<(u32, Interval)> = shifts
            .iter()
            .filter_map(|s| Some((directory.find(s.who.as_deref()?), s.interval())))
            .collect();
        spans.sort_unstable();
        let spans = merge_per_person(spans);
        let bounds = period.interval();
        let in_period: Vec<(u32, Interval)> = spans
            .iter()
            .copied()
            .filter(|(_, s)| s.start < bounds.end && bounds.start < s.end)
            .collect();
        let on_call = OnCallIndex::new(&in_period);

        // Pages in time order, with the person they are assigned to.
        let mut pages: Vec<(DateTime<Utc>, u32, u32)> = Vec::new();
        for (k, i) in incidents.iter().enumerate() {
            if i.urgency == Some(Urgency::Low) || !bounds.contains(i.created_at) {
                continue;
            }
            let to = i.assignee.as_deref().map_or(NOBODY, |a| directory.find(a));
            pages.push((i.created_at, k as u32, to));
        }
        pages.par_sort_unstable();

        let mut tallies: Vec<Tally> = vec![Tally::default(); directory.profiles.len()];
        let mut unattributed = Vec::new();
        for &(at, k, to) in &pages {
            if to != NOBODY {
                tallies[to as usize].page(at, k);
                continue;
            }
            let on = on_call.at(at);
            if on.is_empty() {
                unattributed.push(k);
            }
            for &p in on {
                tallies[p as usize].page(at, k);
            }
        }

        let mut shifts_of: Vec<Vec<Interval>> = vec![Vec::new(); directory.profiles.len()];
        for (p, s) in spans {
            shifts_of[p as usize].push(s);
        }
        let mut people: Vec<PersonLedger> = directory
            .profiles
            .into_par_iter()
            .zip(shifts_of)
            .zip(tallies)
            .map(|((profile, shifts), tally)| PersonLedger {
                interruptions: tally
                    .counted
                    .iter()
                    .map(|&(at, k)| Interruption::new(&profile, at, k))
                    .collect(),
                profile,
                shifts,
                pages: tally.pages,
            })
            .filter(|p| p.pages > 0 || p.on_call_in(period))
            .collect();
        people.sort_unstable_by(|a, b| a.profile.email.cmp(&b.profile.email));
        Ledger {
            period,
            incidents,
            people,
            unattributed,
        }
    }
}

/// `(person, span)` pairs sorted by person, each person's spans merged.
fn merge_per_person(spans: Vec<(u32, Interval)>) -> Vec<(u32, Interval)> {
    let mut out = Vec::with_capacity(spans.len());
    for group in spans.chunk_by(|a, b| a.0 == b.0) {
        let person = group[0].0;
        let merged = merge(group.iter().map(|&(_, s)| s).collect());
        out.extend(merged.into_iter().map(|s| (person, s)));
    }
    out
}

/// No assignee.
const NOBODY: u32 = u32::MAX;

/// One person's pages as they arrive in time order (rule 2).
#[derive(Debug, Clone, Default)]
struct Tally {
    pages: u32,
    /// The counted interruptions: time and incident.
    counted: Vec<(DateTime<Utc>, u32)>,
}

impl Tally {
    /// Counts a page, merging it into the last counted interruption when it
    /// came less than [`MERGE_WINDOW`] after it.
    fn page(&mut self, at: DateTime<Utc>, incident: u32) {
        self.pages += 1;
        if self
            .counted
            .last()
            .is_some_and(|&(last, _)| at - last < MERGE_WINDOW)
        {
            return;
        }
        self.counted.push((at, incident));
    }
}

#[cfg(test)]
mod tests;
