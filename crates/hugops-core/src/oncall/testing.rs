//! Builders shared by the on-call tests.

use super::incidents::Incident;
use super::ledger::{Interruption, PersonLedger, Profile};
use super::report::{report, Report};
use super::roster::Member;
use super::shifts::Shift;
use super::Period;
use crate::clock::Interval;
pub use crate::testing::{at, hm};
use crate::testing::{date, PersonBuilder};

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
    let mut person = PersonBuilder::new(email)
        .team("SRE")
        .zone(tz.parse().expect("known zone"))
        .hours(work)
        .started("2020-01-01")
        .build();
    person.name = name.into();
    Member {
        person,
        sleep: span(sleep),
    }
}

/// A high-urgency incident created at `created`, assigned to nobody.
pub fn incident(created: &str) -> Incident {
    Incident {
        id: None,
        title: None,
        service: None,
        urgency: None,
        created_at: at(created),
        resolved_at: None,
        url: None,
        assignee: None,
    }
}

/// A shift of `email` over `[start, end)`.
pub fn shift(email: &str, start: &str, end: &str) -> Shift {
    Shift {
        start: at(start),
        end: at(end),
        who: Some(email.into()),
        summary: String::new(),
    }
}

/// The period `[from, to)` from `YYYY-MM-DD` dates.
pub fn period(from: &str, to: &str) -> Period {
    Period {
        from: date(from),
        to: date(to),
    }
}

/// A span of time from two instants.
pub fn span(start: &str, end: &str) -> Interval {
    Interval {
        start: at(start),
        end: at(end),
    }
}

/// A ledger of `m` with the given shifts and one interruption (banded by the
/// rules) at each of the time-sorted `times`.
pub fn person(m: &Member, shifts: &[Interval], times: &[&str]) -> PersonLedger {
    let profile = Profile::of(m);
    let interruptions = times
        .iter()
        .enumerate()
        .map(|(k, t)| Interruption::new(&profile, at(t), k as u32))
        .collect();
    PersonLedger {
        profile,
        shifts: shifts.to_vec(),
        pages: times.len() as u32,
        interruptions,
    }
}

/// Priya in Berlin (22:00-08:00 sleep), Bo in Kathmandu (+05:45, works
/// 10:00-18:00, sleeps 00:00-08:00) and Eve in Eucla (+08:45).
pub fn rotation() -> Vec<Member> {
    vec![
        member("Priya Raman", "priya@x.org", "Europe/Berlin"),
        member_with(
            "Bo Shrestha",
            "bo@x.org",
            "Asia/Kathmandu",
            "10:00-18:00",
            "00:00-08:00",
        ),
        member("Eve Lee", "eve@x.org", "Australia/Eucla"),
    ]
}

/// The report of the week from Monday 2026-03-23 (Berlin springs forward
/// on its Sunday) for [`rotation`].
pub fn march_week(shifts: &[Shift], incidents: &[Incident]) -> Report {
    report(
        &rotation(),
        shifts,
        incidents,
        period("2026-03-23", "2026-03-30"),
    )
}
