//! The on-call report: the ledger's rules summed up per person, with the
//! fairness of the rotation and the warnings they call for.
//!
//! The rotation, for fairness, is everyone with a shift in the period: the
//! Gini coefficient is taken over their off-hours plus sleep interruptions,
//! and an even share of the sleep interruptions is `1 / their number`.
//! `night_share` is each person's part of everyone's sleep interruptions.

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use super::bands::Band;
use super::fairness::{gini, shares};
use super::incidents::Incident;
use super::ledger::{Ledger, PersonLedger};
use super::metrics::{
    busy_windows, longest_streak_days, most_nights_in_a_week, nights, oncall_hours,
};
use super::roster::Member;
use super::shifts::Shift;
use super::warnings::{warnings, Facts, Warning};
use super::Period;

/// The report of one period, serialised as the front ends show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Report {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Everyone with a shift or a page in the period, sorted by email.
    pub people: Vec<PersonReport>,
    pub fairness: Fairness,
    pub warnings: Vec<Warning>,
    /// Pages that went to no one, in time order.
    pub unattributed: Vec<Incident>,
}

/// One person's burden in the period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PersonReport {
    pub email: String,
    pub name: String,
    pub oncall_hours: f64,
    pub pages: u32,
    pub interruptions: BandCounts,
    pub nights_interrupted: u32,
    pub busy_windows: u32,
    pub longest_streak_days: u32,
    pub night_share: f64,
}

/// Interruptions per band.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BandCounts {
    pub business: u32,
    pub off_hours: u32,
    pub sleep: u32,
}

/// How evenly the rotation shares the burden.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Fairness {
    pub gini: f64,
}

/// The report of `period`; see [`Ledger::build`] for the rules.
pub fn report(
    rotation: &[Member],
    shifts: &[Shift],
    incidents: &[Incident],
    period: Period,
) -> Report {
    Report::from_ledger(&Ledger::build(rotation, shifts, incidents, period))
}

fn band_counts(p: &PersonLedger) -> BandCounts {
    let mut c = BandCounts::default();
    for i in &p.interruptions {
        match i.band() {
            Band::Business => c.business += 1,
            Band::OffHours => c.off_hours += 1,
            Band::Sleep => c.sleep += 1,
        }
    }
    c
}

impl Report {
    /// Sums up a ledger.
    pub fn from_ledger(ledger: &Ledger<'_>) -> Self {
        let period = ledger.period;
        let bounds = period.interval();
        let counts: Vec<BandCounts> = ledger.people.iter().map(band_counts).collect();
        let sleep: Vec<u32> = counts.iter().map(|c| c.sleep).collect();
        let night_shares = shares(&sleep);
        let in_rotation: Vec<bool> = ledger.people.iter().map(|p| p.on_call_in(period)).collect();
        let rotation_burden: Vec<u32> = counts
            .iter()
            .zip(&in_rotation)
            .filter(|(_, r)| **r)
            .map(|(c, _)| c.off_hours + c.sleep)
            .collect();
        let rotation_size = rotation_burden.len().max(1);
        let rotation_sleep = sleep.iter().sum();
        let (people, their_warnings): (Vec<PersonReport>, Vec<Vec<Warning>>) = ledger
            .people
            .par_iter()
            .enumerate()
            .map(|(k, p)| {
                let nights = nights(p);
                let busy = busy_windows(&p.shifts, &p.interruptions, bounds);
                let hours = oncall_hours(&p.shifts, bounds);
                let found = warnings(&Facts {
                    email: &p.profile.email,
                    name: &p.profile.name,
                    in_rotation: p.profile.in_rotation,
                    busy: &busy,
                    nights_in_a_week: most_nights_in_a_week(&nights),
                    sleep: sleep[k],
                    night_share: night_shares[k],
                    fair_share: 1.0 / rotation_size as f64,
                    rotation_sleep,
                    oncall_hours: hours,
                    period_hours: period.hours(),
                });
                let person = PersonReport {
                    email: p.profile.email.clone(),
                    name: p.profile.name.clone(),
                    oncall_hours: hours,
                    pages: p.pages,
                    interruptions: counts[k],
                    nights_interrupted: nights.len() as u32,
                    busy_windows: busy.len() as u32,
                    longest_streak_days: longest_streak_days(p),
                    night_share: night_shares[k],
                };
                (person, found)
            })
            .unzip();
        Report {
            from: period.from,
            to: period.to,
            people,
            fairness: Fairness {
                gini: gini(&rotation_burden),
            },
            warnings: their_warnings.into_iter().flatten().collect(),
            unattributed: ledger
                .unattributed
                .iter()
                .map(|&k| ledger.incidents[k as usize].clone())
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests;
