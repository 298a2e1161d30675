use super::*;
use crate::oncall::report::report;
use crate::oncall::testing::{at, incident, march_week, period, rotation, shift, span};

/// A report in which Priya was woken once (03:00 Berlin) and Bo was
/// interrupted off hours once (Sunday 10:45 Kathmandu).
fn quiet_week() -> Report {
    let shifts = [
        shift(
            "priya@x.org",
            "2026-03-23T00:00:00Z",
            "2026-03-27T00:00:00Z",
        ),
        shift("bo@x.org", "2026-03-27T00:00:00Z", "2026-03-30T00:00:00Z"),
    ];
    let incidents = [
        incident("2026-03-24T02:00:00Z"),
        incident("2026-03-29T05:00:00Z"),
    ];
    march_week(&shifts, &incidents)
}

#[test]
fn working_minutes_follow_each_zone_and_the_autumn_change() {
    let r = rotation();
    // Monday 2026-03-30 06:00-14:00Z: Priya 09:00 CEST = 07:00Z -> 7 h; Bo
    // 10:00+05:45 = 04:15Z to 12:15Z -> 6 h 15; Eve 09:00+08:45 = 00:15Z to
    // 08:15Z -> 2 h 15.
    let shift = span("2026-03-30T06:00:00Z", "2026-03-30T14:00:00Z");
    let minutes: Vec<i64> = r.iter().map(|m| working_minutes(m, shift)).collect();
    assert_eq!(minutes, [7 * 60, 6 * 60 + 15, 2 * 60 + 15]);
    // Friday 2026-10-23 to Monday 10-26 09:00Z: Priya works 07:00-15:00Z on
    // Friday (CEST) and 08:00-09:00Z on Monday (CET); the weekend not at all.
    let shift = span("2026-10-23T07:00:00Z", "2026-10-26T09:00:00Z");
    assert_eq!(working_minutes(&r[0], shift), 9 * 60);
}

#[test]
fn fewest_sleep_interruptions_first() {
    let s = suggest_next(
        &rotation(),
        &quiet_week(),
        at("2026-03-30T06:00:00Z"),
        at("2026-03-30T14:00:00Z"),
    )
    .unwrap();
    // Eve (no interruptions) beats Priya (woken once) and Bo (off hours once).
    assert_eq!(s.email, "eve@x.org");
    assert!(
        s.reason.starts_with("In this report Eve was never woken"),
        "{}",
        s.reason
    );
}

#[test]
fn then_off_hours_then_working_hours_then_email() {
    let r = rotation();
    let week = quiet_week();
    let shift = (at("2026-03-30T06:00:00Z"), at("2026-03-30T14:00:00Z"));
    // Without Eve: Bo (never woken) beats Priya (woken once).
    let s = suggest_next(&r[..2], &week, shift.0, shift.1).unwrap();
    assert_eq!(s.email, "bo@x.org");
    assert!(s.reason.contains("fewest sleep"), "{}", s.reason);
    // An empty report: the most working hours wins (Priya, 7 h).
    let empty = report(&r, &[], &[], period("2026-03-23", "2026-03-30"));
    let s = suggest_next(&r, &empty, shift.0, shift.1).unwrap();
    assert_eq!(s.email, "priya@x.org");
    assert!(
        s.reason.contains("7.0 of the shift's 8.0 hours"),
        "{}",
        s.reason
    );
    assert!(s.reason.contains("working day best"), "{}", s.reason);
    // A Sunday shift: nobody works, the first email wins.
    let s = suggest_next(
        &r,
        &empty,
        at("2026-03-29T06:00:00Z"),
        at("2026-03-29T14:00:00Z"),
    );
    assert_eq!(s.unwrap().email, "bo@x.org");
    // Only off hours differ: Eve and Priya were never woken, Bo was once
    // interrupted off hours.
    let s = suggest_next(&[r[1].clone(), r[2].clone()], &week, shift.0, shift.1).unwrap();
    assert_eq!(s.email, "eve@x.org");
    assert!(s.reason.contains("fewest off-hours"), "{}", s.reason);
    assert_eq!(suggest_next(&[], &week, shift.0, shift.1), None);
}
