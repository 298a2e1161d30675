//! People and options shared by the matching tests, built with the test kit.

use chrono_tz::Tz;

use super::MatchOptions;
use crate::roster::Person;
use crate::testing::PersonBuilder;
pub(super) use crate::testing::{date as d, hm as t};

/// A person on `team` in `tz`, started on `start`, 09:00-17:00.
pub(super) fn person(email: &str, team: &str, tz: Tz, start: &str) -> Person {
    PersonBuilder::new(email)
        .team(team)
        .zone(tz)
        .started(start)
        .build()
}

pub(super) const TODAY: &str = "2026-11-24";
pub(super) const NEW: &str = "2026-11-01";
pub(super) const OLD: &str = "2020-01-01";

pub(super) fn opts() -> MatchOptions {
    let mut o = MatchOptions::new(d(TODAY));
    o.include_candidates = true;
    o
}

pub(super) fn utc() -> Tz {
    chrono_tz::UTC
}
