use super::*;
use crate::oncall::testing::{at, member, member_with, period, person, span};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn nights_across_the_berlin_autumn_change() {
    let m = member("Priya Raman", "p@x", "Europe/Berlin");
    let p = person(
        &m,
        &[],
        &[
            // 23:30 CEST on the 24th and 02:30 CET (after the change) on
            // the 25th: both the night of the 24th.
            "2026-10-24T21:30:00Z",
            "2026-10-25T01:30:00Z",
            // 12:00 CET: not sleep, no night.
            "2026-10-25T11:00:00Z",
            // 07:59 CET on the 26th: the night of the 25th.
            "2026-10-26T06:59:00Z",
        ],
    );
    assert_eq!(nights(&p), [date("2026-10-24"), date("2026-10-25")]);
}

#[test]
fn nights_with_a_plain_window_in_a_45_minute_zone() {
    let m = member_with("Bo", "b@x", "Asia/Kathmandu", "09:00-17:00", "00:00-08:00");
    // 00:05 and 07:59 local on 03-02 (the same night), 23:59 on 03-02 (not
    // sleep), 00:00 on 03-04.
    let p = person(
        &m,
        &[],
        &[
            "2026-03-01T18:20:00Z",
            "2026-03-02T02:14:00Z",
            "2026-03-02T18:14:00Z",
            "2026-03-03T18:15:00Z",
        ],
    );
    assert_eq!(nights(&p), [date("2026-03-02"), date("2026-03-04")]);
}

#[test]
fn oncall_hours_clip_to_the_period() {
    // Berlin's spring change falls inside; hours are real hours.
    let shifts = [
        span("2026-03-28T08:00:00Z", "2026-03-30T07:00:00Z"),
        span("2026-03-31T20:00:00Z", "2026-04-02T00:00:00Z"),
    ];
    let p = period("2026-03-29", "2026-04-01").interval();
    assert_eq!(oncall_hours(&shifts, p), 31.0 + 4.0);
    let none = period("2026-04-05", "2026-04-06").interval();
    assert_eq!(oncall_hours(&shifts, none), 0.0);
}

#[test]
fn busy_windows_count_from_each_shift_start() {
    let m = member("Eve", "e@x", "Australia/Eucla");
    let shift = span("2026-03-01T06:00:00Z", "2026-03-02T12:00:00Z");
    let p = person(
        &m,
        &[shift],
        &[
            // Window 06:00-18:00: three interruptions, busy.
            "2026-03-01T06:00:00Z",
            "2026-03-01T10:00:00Z",
            "2026-03-01T17:59:59Z",
            // Window 18:00-06:00: the one at 06:00 belongs to the next.
            "2026-03-01T18:00:00Z",
            "2026-03-01T23:00:00Z",
            // Last, shorter window 06:00-12:00: two only.
            "2026-03-02T06:00:00Z",
            "2026-03-02T11:00:00Z",
        ],
    );
    let whole = period("2026-03-01", "2026-03-03").interval();
    assert_eq!(
        busy_windows(&p.shifts, &p.interruptions, whole),
        [span("2026-03-01T06:00:00Z", "2026-03-01T18:00:00Z")]
    );
    // A period starting mid-window still counts that window.
    let later = Interval {
        start: at("2026-03-01T12:00:00Z"),
        end: at("2026-03-03T00:00:00Z"),
    };
    assert_eq!(busy_windows(&p.shifts, &p.interruptions, later).len(), 1);
    let after = period("2026-03-02", "2026-03-03").interval();
    assert!(busy_windows(&p.shifts, &p.interruptions, after).is_empty());
}

#[test]
fn streaks_use_local_dates() {
    let m = member("Bo", "b@x", "Asia/Kathmandu");
    // Local 03-02 00:05, 03-02 15:45, 03-03 23:59, 03-05 00:01; in UTC these
    // would be four consecutive dates.
    let p = person(
        &m,
        &[],
        &[
            "2026-03-01T18:20:00Z",
            "2026-03-02T10:00:00Z",
            "2026-03-03T18:14:00Z",
            "2026-03-04T18:16:00Z",
        ],
    );
    assert_eq!(longest_streak_days(&p), 2);
    let utc = person(
        &member("U", "u@x", "UTC"),
        &[],
        &[
            "2026-03-01T18:20:00Z",
            "2026-03-02T10:00:00Z",
            "2026-03-03T18:14:00Z",
            "2026-03-04T18:16:00Z",
        ],
    );
    assert_eq!(longest_streak_days(&utc), 4);
    assert_eq!(longest_streak_days(&person(&m, &[], &[])), 0);
}

#[test]
fn streak_across_the_berlin_spring_change() {
    let m = member("Priya", "p@x", "Europe/Berlin");
    let p = person(
        &m,
        &[],
        &[
            "2026-03-28T22:30:00Z", // 23:30 CET on the 28th
            "2026-03-29T22:30:00Z", // 00:30 CEST on the 30th
        ],
    );
    assert_eq!(longest_streak_days(&p), 1);
}

#[test]
fn most_nights_in_any_seven_days() {
    let d = |s| date(s);
    let nights = [
        d("2026-03-01"),
        d("2026-03-07"),
        d("2026-03-08"),
        d("2026-03-13"),
    ];
    assert_eq!(most_nights_in_a_week(&nights), Some((3, d("2026-03-07"))));
    assert_eq!(
        most_nights_in_a_week(&[d("2026-03-01"), d("2026-03-08")]),
        Some((1, d("2026-03-01")))
    );
    assert_eq!(most_nights_in_a_week(&[]), None);
}

#[test]
fn busy_windows_are_12_real_hours_across_the_autumn_change() {
    // Berlin falls back at 01:00Z on 2026-10-25: 22:00 CEST to 09:00 CET is
    // 11 wall-clock hours but 12 real ones.
    let m = member("Priya", "p@x", "Europe/Berlin");
    let shift = span("2026-10-24T20:00:00Z", "2026-10-25T20:00:00Z");
    let p = person(
        &m,
        &[shift],
        &[
            "2026-10-24T20:00:00Z",
            "2026-10-25T02:00:00Z",
            "2026-10-25T07:59:00Z",
        ],
    );
    let whole = period("2026-10-24", "2026-10-26").interval();
    assert_eq!(
        busy_windows(&p.shifts, &p.interruptions, whole),
        [span("2026-10-24T20:00:00Z", "2026-10-25T08:00:00Z")]
    );
    let q = person(
        &m,
        &[shift],
        &[
            "2026-10-24T20:00:00Z",
            "2026-10-25T02:00:00Z",
            "2026-10-25T08:00:00Z",
        ],
    );
    assert!(busy_windows(&q.shifts, &q.interruptions, whole).is_empty());
}
