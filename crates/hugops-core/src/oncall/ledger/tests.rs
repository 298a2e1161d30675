use super::*;
use crate::oncall::testing::{at, incident, period, rotation, shift};

fn assigned(created: &str, to: &str) -> Incident {
    Incident {
        assignee: Some(to.into()),
        ..incident(created)
    }
}

fn times(l: &Ledger<'_>, email: &str) -> Vec<DateTime<Utc>> {
    let p = l.people.iter().find(|p| p.profile.email == email).unwrap();
    p.interruptions.iter().map(|i| i.at).collect()
}

#[test]
fn pages_go_to_the_assignee_else_everyone_on_call() {
    let shifts = [
        shift(
            "priya@x.org",
            "2026-03-28T00:00:00Z",
            "2026-03-30T00:00:00Z",
        ),
        shift("bo@x.org", "2026-03-29T00:00:00Z", "2026-03-31T00:00:00Z"),
    ];
    let incidents = [
        incident("2026-03-28T12:00:00Z"),                // Priya alone
        incident("2026-03-29T12:00:00Z"),                // both
        assigned("2026-03-29T13:00:00Z", "bo shrestha"), // Bo by name
        Incident {
            urgency: Some(Urgency::Low),
            ..incident("2026-03-29T14:00:00Z")
        }, // not a page
        incident("2026-03-31T00:00:00Z"),                // nobody on call: shifts are half-open
        incident("2026-04-01T00:00:00Z"),                // outside the period
        assigned("2026-03-30T10:00:00Z", "zoe@x.org"),   // not in the rotation
    ];
    let l = Ledger::build(
        &rotation(),
        &shifts,
        &incidents,
        period("2026-03-28", "2026-04-01"),
    );
    let emails: Vec<_> = l.people.iter().map(|p| p.profile.email.as_str()).collect();
    assert_eq!(emails, ["bo@x.org", "priya@x.org", "zoe@x.org"]);
    assert_eq!(
        times(&l, "priya@x.org"),
        [at("2026-03-28T12:00:00Z"), at("2026-03-29T12:00:00Z")]
    );
    assert_eq!(
        times(&l, "bo@x.org"),
        [at("2026-03-29T12:00:00Z"), at("2026-03-29T13:00:00Z")]
    );
    assert_eq!(l.unattributed, [4]);
    let zoe = &l.people[2];
    assert!(!zoe.profile.in_rotation);
    assert_eq!(zoe.profile.timezone, chrono_tz::Tz::UTC);
}

#[test]
fn everyone_with_a_shift_in_the_period_appears_even_unpaged() {
    let shifts = [
        shift(
            "priya@x.org",
            "2026-03-27T00:00:00Z",
            "2026-03-28T00:00:01Z",
        ),
        shift("bo@x.org", "2026-03-20T00:00:00Z", "2026-03-28T00:00:00Z"),
    ];
    let l = Ledger::build(
        &rotation(),
        &shifts,
        &[],
        period("2026-03-28", "2026-04-01"),
    );
    let emails: Vec<_> = l.people.iter().map(|p| p.profile.email.as_str()).collect();
    assert_eq!(emails, ["priya@x.org"]);
}

#[test]
fn a_persons_shifts_are_merged() {
    let shifts = [
        shift(
            "priya@x.org",
            "2026-03-29T12:00:00Z",
            "2026-03-30T00:00:00Z",
        ),
        shift(
            "priya@x.org",
            "2026-03-28T00:00:00Z",
            "2026-03-29T12:00:00Z",
        ),
        shift(
            "priya@x.org",
            "2026-03-29T00:00:00Z",
            "2026-03-29T06:00:00Z",
        ),
    ];
    let l = Ledger::build(
        &rotation(),
        &shifts,
        &[],
        period("2026-03-28", "2026-04-01"),
    );
    assert_eq!(
        l.people[0].shifts,
        [Interval {
            start: at("2026-03-28T00:00:00Z"),
            end: at("2026-03-30T00:00:00Z")
        }]
    );
}

#[test]
fn five_minutes_after_the_last_counted_interruption_is_a_new_one() {
    let shifts = [shift(
        "priya@x.org",
        "2026-03-28T00:00:00Z",
        "2026-03-30T00:00:00Z",
    )];
    let incidents = [
        // Berlin springs forward at 01:00Z: 01:56 CET to 03:00:59 CEST is
        // 4 min 59 s of real time: merged.
        incident("2026-03-29T00:56:00Z"),
        incident("2026-03-29T01:00:59Z"),
        // 5 min after the counted one at 00:56: a new interruption.
        incident("2026-03-29T01:01:00Z"),
        // 4 min after it (8 after the merged page): merged.
        incident("2026-03-29T01:05:00Z"),
        // Exactly 5 min after 01:01: new.
        incident("2026-03-29T01:06:00Z"),
    ];
    let l = Ledger::build(
        &rotation(),
        &shifts,
        &incidents,
        period("2026-03-28", "2026-04-01"),
    );
    let p = &l.people[0];
    assert_eq!(p.pages, 5);
    assert_eq!(
        times(&l, "priya@x.org"),
        [
            at("2026-03-29T00:56:00Z"),
            at("2026-03-29T01:01:00Z"),
            at("2026-03-29T01:06:00Z")
        ]
    );
    assert!(p.interruptions.iter().all(|i| i.band() == Band::Sleep));
    assert_eq!(p.interruptions[1].incident, 2);
}

#[test]
fn interruptions_are_banded_in_the_persons_zone() {
    let shifts = [shift(
        "bo@x.org",
        "2026-03-30T00:00:00Z",
        "2026-03-31T00:00:00Z",
    )];
    // Monday in Kathmandu: 04:14Z is 09:59 (off hours), 04:19Z is 10:04
    // (business), 18:15Z is 00:00 on Tuesday (sleep).
    let incidents = [
        incident("2026-03-30T04:14:00Z"),
        incident("2026-03-30T04:19:00Z"),
        incident("2026-03-30T18:15:00Z"),
    ];
    let l = Ledger::build(
        &rotation(),
        &shifts,
        &incidents,
        period("2026-03-30", "2026-03-31"),
    );
    let bands: Vec<_> = l.people[0].interruptions.iter().map(|i| i.band()).collect();
    assert_eq!(bands, [Band::OffHours, Band::Business, Band::Sleep]);
}

#[test]
fn handovers_at_local_nine_follow_the_spring_change() {
    // Shifts hand over at 09:00 Berlin time: 08:00Z before the change,
    // 07:00Z after it.
    let berlin = chrono_tz::Europe::Berlin;
    let nine = |d: &str| {
        let day: chrono::NaiveDate = d.parse().unwrap();
        crate::clock::local_instant(berlin, day.and_hms_opt(9, 0, 0).unwrap())
    };
    let held = |who: &str, from: &str, to: &str| Shift {
        start: nine(from),
        end: nine(to),
        who: Some(who.into()),
        summary: String::new(),
    };
    let shifts = [
        held("priya@x.org", "2026-03-27", "2026-03-30"),
        held("bo@x.org", "2026-03-30", "2026-04-02"),
    ];
    let incidents = [
        incident("2026-03-27T07:59:59Z"), // before Priya's 09:00 CET start
        incident("2026-03-30T06:59:59Z"), // 08:59:59 CEST: still Priya
        incident("2026-03-30T07:30:00Z"), // 09:30 CEST: Bo
    ];
    let l = Ledger::build(
        &rotation(),
        &shifts,
        &incidents,
        period("2026-03-27", "2026-04-01"),
    );
    assert_eq!(times(&l, "priya@x.org"), [at("2026-03-30T06:59:59Z")]);
    assert_eq!(times(&l, "bo@x.org"), [at("2026-03-30T07:30:00Z")]);
    assert_eq!(l.unattributed, [0]);
}
