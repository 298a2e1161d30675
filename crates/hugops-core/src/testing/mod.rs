//! The test kit: instants, dates, clocks, people and journal entries for the
//! tests of this crate, the CLI's contract tests and the shell's tests.
//!
//! Built for this crate's own tests and, with the `testing` feature, for the
//! other crates' dev-dependencies; never part of a release build.

mod journal;
mod people;

pub use journal::{hostile_text, new_entry};
pub use people::{people, person, person_from, PersonBuilder};

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::clock::{parse_instant, FixedClock};
use crate::Store;

/// The instant the tests' fixed clocks read unless they say otherwise:
/// Tuesday 2026-11-24, 10:00 UTC.
pub const NOW: &str = "2026-11-24T10:00:00Z";

/// An RFC 3339 instant.
pub fn at(rfc3339: &str) -> DateTime<Utc> {
    parse_instant(rfc3339).unwrap_or_else(|| panic!("`{rfc3339}` is not an RFC 3339 instant"))
}

/// A date from `YYYY-MM-DD`.
pub fn date(ymd: &str) -> NaiveDate {
    NaiveDate::parse_from_str(ymd, "%Y-%m-%d").unwrap_or_else(|_| panic!("`{ymd}` is not a date"))
}

/// A time of day from `HH:MM`.
pub fn hm(text: &str) -> NaiveTime {
    NaiveTime::parse_from_str(text, "%H:%M").unwrap_or_else(|_| panic!("`{text}` is not HH:MM"))
}

/// A clock fixed at [`NOW`], in UTC.
pub fn clock() -> FixedClock {
    FixedClock::at(NOW)
}

/// An empty database in memory.
pub fn store() -> Store {
    Store::open_in_memory().expect("in-memory database")
}
