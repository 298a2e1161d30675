//! People and options shared by the matching tests.

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;

use super::MatchOptions;
use crate::roster::Person;

pub(super) fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub(super) fn t(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

pub(super) fn person(email: &str, team: &str, tz: Tz, start: &str) -> Person {
    Person {
        name: email.split('@').next().unwrap().to_owned(),
        email: email.to_owned(),
        team: team.to_owned(),
        timezone: tz,
        start_date: d(start),
        interests: Vec::new(),
        buddy_capacity: 1,
        working_hours: (t("09:00"), t("17:00")),
        opt_out: false,
    }
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
