//! The on-call burden ledger: who was paged, when, and how much of it fell
//! into their sleep or their evenings, so a team can share the load fairly.
//!
//! Inputs are read by [`roster`], [`shifts`] and [`incidents`] (or built from
//! calendar events by [`event`]); [`report::report`] applies the rules and
//! [`next_shift`] and [`thanks`] turn the report into next steps.

pub mod bands;
pub mod event;
pub mod fairness;
pub mod heat;
pub mod incidents;
pub mod ledger;
pub mod merge;
pub mod metrics;
pub mod next_shift;
mod on_call;
pub mod profile;
pub mod report;
pub mod request;
pub mod roster;
pub mod shifts;
pub mod sources;
pub mod stored;
pub mod thanks;
pub mod warnings;

#[cfg(test)]
mod testing;

use chrono::{DateTime, NaiveDate, Utc};

use crate::clock::{utc_midnight, Interval};

/// The days a report covers: `[from 00:00Z, to 00:00Z)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// The days `[from, to)`, at least one; an error names `to` otherwise.
    pub fn new(from: NaiveDate, to: NaiveDate) -> crate::Result<Self> {
        if to <= from {
            return Err(crate::Error::invalid(
                "to",
                format!("`{to}` is not after the first day `{from}`"),
            ));
        }
        Ok(Period { from, to })
    }

    /// The period as instants.
    pub fn interval(&self) -> Interval {
        Interval {
            start: utc_midnight(self.from),
            end: utc_midnight(self.to),
        }
    }

    /// True if and only if `t` is inside the period.
    pub fn contains(&self, t: DateTime<Utc>) -> bool {
        self.interval().contains(t)
    }

    /// Length of the period in hours.
    pub fn hours(&self) -> f64 {
        let i = self.interval();
        (i.end - i.start).num_seconds() as f64 / 3600.0
    }
}

/// The first word of a name, for messages that speak to people.
pub(crate) fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}
