//! People for tests: defaults that every test can override.

use chrono_tz::Tz;

use super::{date, hm};
use crate::roster::Person;

/// A [`Person`] with defaults: named after the email's local part, team
/// `T`, UTC, 09:00-17:00, started 2026-01-05, room for one joiner.
#[derive(Debug, Clone)]
pub struct PersonBuilder(Person);

impl PersonBuilder {
    pub fn new(email: &str) -> Self {
        PersonBuilder(Person {
            name: email.split('@').next().unwrap_or(email).to_owned(),
            email: email.to_owned(),
            team: "T".into(),
            timezone: Tz::UTC,
            start_date: date("2026-01-05"),
            interests: Vec::new(),
            buddy_capacity: 1,
            working_hours: (hm("09:00"), hm("17:00")),
            opt_out: false,
        })
    }

    pub fn team(mut self, team: &str) -> Self {
        self.0.team = team.into();
        self
    }

    pub fn zone(mut self, tz: Tz) -> Self {
        self.0.timezone = tz;
        self
    }

    /// `hours` as `HH:MM-HH:MM`.
    pub fn hours(mut self, hours: &str) -> Self {
        let (from, to) = hours.split_once('-').expect("HH:MM-HH:MM");
        self.0.working_hours = (hm(from), hm(to));
        self
    }

    /// `ymd` as `YYYY-MM-DD`.
    pub fn started(mut self, ymd: &str) -> Self {
        self.0.start_date = date(ymd);
        self
    }

    pub fn build(self) -> Person {
        self.0
    }
}

/// A person with `email`, zone `tz` (IANA) and `hours` (`HH:MM-HH:MM`),
/// started on `start` (YYYY-MM-DD); see [`PersonBuilder`].
pub fn person_from(email: &str, tz: &str, hours: &str, start: &str) -> Person {
    PersonBuilder::new(email)
        .zone(tz.parse().expect("IANA zone"))
        .hours(hours)
        .started(start)
        .build()
}

/// A person started on 2026-01-05 (see [`person_from`]).
pub fn person(email: &str, tz: &str, hours: &str) -> Person {
    person_from(email, tz, hours, "2026-01-05")
}

/// Several people (see [`person`]).
pub fn people(rows: &[(&str, &str, &str)]) -> Vec<Person> {
    rows.iter().map(|(e, tz, h)| person(e, tz, h)).collect()
}
