use super::*;
use crate::testing::at;
use crate::testing::{date, person};

/// The working interval of someone in `tz` working `hours` on `day`, in UTC.
fn day_utc(tz: &str, hours: &str, day: &str) -> (DateTime<Utc>, DateTime<Utc>) {
    let i = person("p@x", tz, hours).working_interval(date(day));
    (i.start, i.end)
}

/// Asserts, for each `(zone, local day, UTC start)`, when a 09:00-17:00
/// working day starts in UTC, and that it lasts eight hours.
fn assert_nine_to_five_starts(cases: &[(&str, &str, &str)]) {
    for (tz, day, start) in cases {
        let (from, to) = day_utc(tz, "09:00-17:00", day);
        assert_eq!(from, at(start), "{tz} on {day}");
        assert_eq!((to - from).num_hours(), 8, "{tz} on {day}");
    }
}

#[test]
fn new_york_spring_forward_and_fall_back() {
    // Friday before the change (EST, UTC-5), Monday after (EDT, UTC-4).
    assert_nine_to_five_starts(&[
        ("America/New_York", "2026-03-06", "2026-03-06T14:00:00Z"),
        ("America/New_York", "2026-03-09", "2026-03-09T13:00:00Z"),
        ("America/New_York", "2026-10-30", "2026-10-30T13:00:00Z"),
        ("America/New_York", "2026-11-02", "2026-11-02T14:00:00Z"),
    ]);
}

#[test]
fn working_days_across_the_changes() {
    // A working day that spans the change is an hour shorter or longer.
    let spring = day_utc("America/New_York", "01:00-05:00", "2026-03-08");
    assert_eq!((spring.1 - spring.0).num_hours(), 3);
    let fall = day_utc("America/New_York", "00:30-05:00", "2026-11-01");
    assert_eq!((fall.1 - fall.0).num_minutes(), 5 * 60 + 30);
}

#[test]
fn berlin_and_sydney_changes() {
    assert_nine_to_five_starts(&[
        ("Europe/Berlin", "2026-03-27", "2026-03-27T08:00:00Z"),
        ("Europe/Berlin", "2026-03-30", "2026-03-30T07:00:00Z"),
        // Sydney leaves daylight saving on 2026-04-05: UTC+11 before, UTC+10 after.
        ("Australia/Sydney", "2026-04-03", "2026-04-02T22:00:00Z"),
        ("Australia/Sydney", "2026-04-06", "2026-04-05T23:00:00Z"),
    ]);
}

#[test]
fn half_and_quarter_hour_zones() {
    assert_nine_to_five_starts(&[
        ("Asia/Kolkata", "2026-12-01", "2026-12-01T03:30:00Z"),
        ("Asia/Kathmandu", "2026-12-01", "2026-12-01T03:15:00Z"),
        // St John's: UTC-3:30 in winter, UTC-2:30 in summer.
        ("America/St_Johns", "2026-12-01", "2026-12-01T12:30:00Z"),
        ("America/St_Johns", "2026-07-01", "2026-07-01T11:30:00Z"),
    ]);
}

#[test]
fn working_time_has_weekdays_only_and_fits_meetings() {
    let p = person("p@x", "Europe/Berlin", "09:00-17:00");
    // Saturday 2026-11-28 to Sunday 2026-11-29, plus the margin.
    let span = Interval {
        start: at("2026-11-28T00:00:00Z"),
        end: at("2026-11-30T00:00:00Z"),
    };
    let work = WorkingTime::around(&p, span);
    assert!(work
        .intervals()
        .iter()
        .all(|i| is_weekday(i.start.with_timezone(&p.timezone).date_naive())));
    assert!(work.intervals().windows(2).all(|w| w[0].end < w[1].start));
    // Monday 09:00-09:30 Berlin is inside.
    let inside = work.fit(&Interval::from_minutes(at("2026-11-30T08:00:00Z"), 30));
    assert_eq!((inside.outside_minutes, inside.distance_minutes), (0, 0));
    assert!(inside.in_hours());
    // 08:45-09:15 Berlin: 15 minutes outside, touching.
    let edge = work.fit(&Interval::from_minutes(at("2026-11-30T07:45:00Z"), 30));
    assert_eq!((edge.outside_minutes, edge.distance_minutes), (15, 0));
    // 07:45-08:15 Berlin: all outside, 45 minutes before 09:00.
    let early = work.fit(&Interval::from_minutes(at("2026-11-30T06:45:00Z"), 30));
    assert_eq!((early.outside_minutes, early.distance_minutes), (30, 45));
    // Saturday noon: all outside, nearest is Friday 17:00 (19 h before).
    let weekend = work.fit(&Interval::from_minutes(at("2026-11-28T11:00:00Z"), 30));
    assert_eq!(
        (weekend.outside_minutes, weekend.distance_minutes),
        (30, 19 * 60)
    );
}

#[test]
fn weekdays_differ_across_the_date_line() {
    let auckland: Tz = "Pacific/Auckland".parse().unwrap();
    let los_angeles: Tz = "America/Los_Angeles".parse().unwrap();
    // Monday 09:00 in Auckland is Sunday 12:00 in Los Angeles.
    let monday_morning = Interval::from_minutes(at("2026-11-29T20:00:00Z"), 30);
    assert!(on_local_weekdays(auckland, &monday_morning));
    assert!(!on_local_weekdays(los_angeles, &monday_morning));
    // Friday 12:00 in Los Angeles is Saturday 09:00 in Auckland.
    let friday_noon = Interval::from_minutes(at("2026-12-04T20:00:00Z"), 30);
    assert!(on_local_weekdays(los_angeles, &friday_noon));
    assert!(!on_local_weekdays(auckland, &friday_noon));
}

#[test]
fn interval_arithmetic() {
    let a = Interval::from_minutes(at("2026-12-01T10:00:00Z"), 60);
    let b = Interval::from_minutes(at("2026-12-01T10:45:00Z"), 60);
    let c = Interval::from_minutes(at("2026-12-01T12:00:00Z"), 30);
    assert_eq!((a.overlap_minutes(&b), a.gap_minutes(&b)), (15, 0));
    assert_eq!(
        (a.overlap_minutes(&c), a.gap_minutes(&c), c.gap_minutes(&a)),
        (0, 60, 60)
    );
    assert_eq!(a.minutes(), 60);
}
