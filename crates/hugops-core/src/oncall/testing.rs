//! Builders shared by the on-call tests.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use super::roster::Member;
use crate::clock::parse_instant;
use crate::roster::Person;

/// An RFC 3339 instant; panics on a malformed one.
pub fn at(s: &str) -> DateTime<Utc> {
    parse_instant(s).expect("valid instant")
}

/// `HH:MM` as a time; panics on a malformed one.
pub fn hm(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").expect("valid time")
}

/// A member working 09:00-17:00 and sleeping 22:00-08:00 in zone `tz`.
pub fn member(name: &str, email: &str, tz: &str) -> Member {
    member_with(name, email, tz, "09:00-17:00", "22:00-08:00")
}

/// A member with the given `HH:MM-HH:MM` working and sleep hours.
pub fn member_with(name: &str, email: &str, tz: &str, work: &str, sleep: &str) -> Member {
    let span = |s: &str| {
        let (a, b) = s.split_once('-').expect("HH:MM-HH:MM");
        (hm(a), hm(b))
    };
    Member {
        person: Person {
            name: name.into(),
            email: email.into(),
            team: "SRE".into(),
            timezone: tz.parse().expect("known zone"),
            start_date: NaiveDate::from_ymd_opt(2020, 1, 1).expect("valid date"),
            interests: Vec::new(),
            buddy_capacity: 1,
            working_hours: span(work),
            opt_out: false,
        },
        sleep: span(sleep),
    }
}
