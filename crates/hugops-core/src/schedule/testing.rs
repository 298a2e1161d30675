//! Test helpers: people built from a zone and working hours.

use chrono::{NaiveDate, NaiveTime};

use crate::roster::Person;

/// A person with `email`, zone `tz` (IANA), `hours` as `HH:MM-HH:MM`, on
/// team `T`, started on `start` (YYYY-MM-DD). Name: the email's local part.
pub(crate) fn person_from(email: &str, tz: &str, hours: &str, start: &str) -> Person {
    let time = |t: &str| NaiveTime::parse_from_str(t, "%H:%M").expect("HH:MM");
    let (from, to) = hours.split_once('-').expect("HH:MM-HH:MM");
    Person {
        name: email.split('@').next().unwrap_or(email).to_owned(),
        email: email.to_owned(),
        team: "T".into(),
        timezone: tz.parse().expect("IANA zone"),
        start_date: NaiveDate::parse_from_str(start, "%Y-%m-%d").expect("date"),
        interests: Vec::new(),
        buddy_capacity: 1,
        working_hours: (time(from), time(to)),
        opt_out: false,
    }
}

/// A person started on 2026-01-05 (see [`person_from`]).
pub(crate) fn person(email: &str, tz: &str, hours: &str) -> Person {
    person_from(email, tz, hours, "2026-01-05")
}

/// Several people (see [`person`]).
pub(crate) fn people(rows: &[(&str, &str, &str)]) -> Vec<Person> {
    rows.iter().map(|(e, tz, h)| person(e, tz, h)).collect()
}

/// A date from `YYYY-MM-DD`.
pub(crate) fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}
