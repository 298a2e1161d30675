use super::*;
use crate::clock::{format_instant, parse_instant};
use crate::testing::{date, person_from};

/// The check-ins of a joiner starting on `start` and a buddy, as
/// `(start, outside_hours)`, with `today` before everything.
fn plan(joiner: (&str, &str), buddy: (&str, &str), start: &str) -> Vec<Meeting> {
    let j = person_from("j@x", joiner.0, joiner.1, start);
    let b = person_from("b@x", buddy.0, buddy.1, "2020-01-06");
    pair_checkins(&j, &b, &CheckinOptions::new(date("2026-01-01")))
}

fn starts(meetings: &[Meeting]) -> Vec<String> {
    meetings.iter().map(|m| format_instant(m.start)).collect()
}

const NINE_TO_FIVE: &str = "09:00-17:00";

/// The check-ins (see [`plan`]) of a joiner in `joiner_tz` and a buddy in
/// `buddy_tz`, both working 09:00-17:00.
fn nine_to_five(joiner_tz: &str, buddy_tz: &str, start: &str) -> Vec<Meeting> {
    plan((joiner_tz, NINE_TO_FIVE), (buddy_tz, NINE_TO_FIVE), start)
}

/// The starts of [`nine_to_five`].
fn nine_to_five_starts(joiner_tz: &str, buddy_tz: &str, start: &str) -> Vec<String> {
    starts(&nine_to_five(joiner_tz, buddy_tz, start))
}

#[test]
fn cadence_offsets_and_labels() {
    let offsets: Vec<i64> = DEFAULT_CADENCE.iter().map(|s| s.offset_days()).collect();
    assert_eq!(offsets, [0, 7, 14, 28, 56, 84]);
    let labels: Vec<String> = DEFAULT_CADENCE.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        labels,
        ["day 1", "week 1", "week 2", "week 4", "week 8", "week 12"]
    );
    assert_eq!(CadenceStep::parse(" Week 3 "), Ok(CadenceStep::Week(3)));
    assert_eq!(CadenceStep::parse("day10"), Ok(CadenceStep::Day(10)));
    for bad in ["day 0", "week", "month 1", "week -1", "week 1.5", "day 521"] {
        assert!(CadenceStep::parse(bad).is_err(), "{bad}");
    }
    let json = serde_json::to_string(&DEFAULT_CADENCE[..2]).unwrap();
    assert_eq!(json, r#"["day 1","week 1"]"#);
    let back: Vec<CadenceStep> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, DEFAULT_CADENCE[..2]);
}

#[test]
fn overlapping_hours_earliest_shared_time_every_step() {
    // Berlin 08:00-16:00Z and New York 14:00-22:00Z in winter: 14:00Z.
    let m = nine_to_five("Europe/Berlin", "America/New_York", "2026-11-30");
    assert_eq!(
        starts(&m),
        [
            "2026-11-30T14:00:00Z",
            "2026-12-07T14:00:00Z",
            "2026-12-14T14:00:00Z",
            "2026-12-28T14:00:00Z",
            "2027-01-25T14:00:00Z",
            "2027-02-22T14:00:00Z",
        ]
    );
    assert!(m.iter().all(|m| m.outside_hours.is_empty()));
    assert!(m.iter().all(|m| (m.end - m.start).num_minutes() == 30));
    assert_eq!(m[2].title, "Buddy check-in: j & b (week 2)");
    assert_eq!(m[0].attendees, ["j@x", "b@x"]);
    assert_eq!(m[0].organizer, "b@x");
    let again = nine_to_five("Europe/Berlin", "America/New_York", "2026-11-30");
    assert_eq!(m, again, "same input, same meetings and uids");
    let uids: std::collections::HashSet<&str> = m.iter().map(|m| m.uid.as_str()).collect();
    assert_eq!(uids.len(), 6);
}

#[test]
fn past_steps_are_skipped_and_uids_do_not_shift() {
    let j = person_from("j@x", "UTC", NINE_TO_FIVE, "2026-11-02");
    let b = person_from("b@x", "UTC", NINE_TO_FIVE, "2020-01-06");
    let all = pair_checkins(&j, &b, &CheckinOptions::new(date("2026-11-01")));
    // On 2026-11-16, day 1 and week 1 are past; week 2 (2026-11-16) is not.
    let later = pair_checkins(&j, &b, &CheckinOptions::new(date("2026-11-16")));
    assert_eq!(later.len(), 4);
    assert_eq!(later, all[2..]);
    assert_eq!(format_instant(later[0].start), "2026-11-16T09:00:00Z");
}

#[test]
fn weekend_targets_move_to_monday() {
    // Day 1 on Sunday 2026-03-01 (New York and Berlin).
    let m = nine_to_five("America/New_York", "Europe/Berlin", "2026-03-01");
    assert_eq!(format_instant(m[0].start), "2026-03-02T14:00:00Z");
    // Week 1 is Sunday 2026-03-08, the day New York springs forward: the
    // Monday after starts at 09:00 EDT = 13:00Z while Berlin is still CET.
    assert_eq!(format_instant(m[1].start), "2026-03-09T13:00:00Z");
    // Week 4 is 2026-03-29, the day Berlin springs forward: both on summer time.
    assert_eq!(format_instant(m[3].start), "2026-03-30T13:00:00Z");
    assert!(m.iter().all(|m| m.outside_hours.is_empty()));
}

#[test]
fn new_york_falls_back() {
    // Monday 2026-10-26 (EDT), then Monday 2026-11-02 (EST).
    let starts = nine_to_five_starts("America/New_York", "Europe/Berlin", "2026-10-26");
    assert_eq!(
        starts[..2],
        ["2026-10-26T13:00:00Z", "2026-11-02T14:00:00Z"]
    );
}

#[test]
fn berlin_springs_forward_against_kolkata() {
    // Kolkata 03:30-11:30Z; Berlin 08:00Z in CET, 07:00Z in CEST.
    let starts = nine_to_five_starts("Europe/Berlin", "Asia/Kolkata", "2026-03-23");
    assert_eq!(
        starts[..2],
        ["2026-03-23T08:00:00Z", "2026-03-30T07:00:00Z"]
    );
}

#[test]
fn sydney_leaves_daylight_saving() {
    // Tokyo works 07:00-15:00 (22:00-06:00Z); Sydney starts at 09:00, which
    // is 22:00Z on summer time and 23:00Z after 2026-04-05.
    let m = plan(
        ("Australia/Sydney", NINE_TO_FIVE),
        ("Asia/Tokyo", "07:00-15:00"),
        "2026-03-30",
    );
    assert_eq!(
        starts(&m)[..2],
        ["2026-03-29T22:00:00Z", "2026-04-05T23:00:00Z"]
    );
}

#[test]
fn quarter_and_half_hour_zones() {
    // Kathmandu 03:15Z, Kolkata 03:30Z: the later start wins.
    let first =
        |joiner_tz, buddy_tz, start| nine_to_five_starts(joiner_tz, buddy_tz, start)[0].clone();
    assert_eq!(
        first("Asia/Kathmandu", "Asia/Kolkata", "2026-12-01"),
        "2026-12-01T03:30:00Z"
    );
    // St John's 12:30Z in winter, 11:30Z in summer; Berlin ends 16:00Z / 15:00Z.
    assert_eq!(
        first("America/St_Johns", "Europe/Berlin", "2026-12-01"),
        "2026-12-01T12:30:00Z"
    );
    assert_eq!(
        first("America/St_Johns", "Europe/Berlin", "2026-07-01"),
        "2026-07-01T11:30:00Z"
    );
}

#[test]
fn no_overlap_kolkata_los_angeles_takes_turns() {
    // Kolkata 03:30-11:30Z, Los Angeles 17:00-01:00Z: never both. The best
    // times have one person outside for the whole 30 minutes, at 2 h 30 from
    // their hours: Los Angeles' last half hour (Kolkata 06:00) or Kolkata's
    // first (Los Angeles 19:30 the day before).
    let m = nine_to_five("Asia/Kolkata", "America/Los_Angeles", "2026-11-30");
    assert_eq!(m.len(), 6);
    for meeting in &m {
        assert_eq!(meeting.outside_hours.len(), 1, "{meeting:?}");
        let t = meeting.start.format("%H:%M").to_string();
        assert!(t == "00:30" || t == "03:30", "{meeting:?}");
    }
    let outside: Vec<&str> = m.iter().map(|m| m.outside_hours[0].as_str()).collect();
    assert_eq!(outside, ["j@x", "b@x", "j@x", "b@x", "j@x", "b@x"]);
    // Monday in Kolkata is Sunday in Los Angeles until 08:00Z: the first
    // check-in is Tuesday in Kolkata.
    assert_eq!(format_instant(m[0].start), "2026-12-01T00:30:00Z");
}

#[test]
fn auckland_los_angeles_share_a_weekday() {
    // Auckland (UTC+13) 20:00-04:00Z, Los Angeles 17:00-01:00Z. Auckland's
    // Monday morning is Los Angeles' Sunday: day 1 moves to Auckland's
    // Tuesday 09:00, Monday 12:00 in Los Angeles.
    let m = nine_to_five("Pacific/Auckland", "America/Los_Angeles", "2026-11-30");
    assert_eq!(format_instant(m[0].start), "2026-11-30T20:00:00Z");
    assert!(m.iter().all(|m| m.outside_hours.is_empty()));
    // A Los Angeles joiner starting on Friday: Friday noon there is Saturday
    // in Auckland, so day 1 is Los Angeles' Monday.
    let m = nine_to_five("America/Los_Angeles", "Pacific/Auckland", "2026-12-04");
    assert_eq!(format_instant(m[0].start), "2026-12-07T20:00:00Z");
    let la: chrono_tz::Tz = "America/Los_Angeles".parse().unwrap();
    let nz: chrono_tz::Tz = "Pacific/Auckland".parse().unwrap();
    for meeting in &m {
        let i = Interval {
            start: meeting.start,
            end: meeting.end,
        };
        assert!(
            on_local_weekdays(la, &i) && on_local_weekdays(nz, &i),
            "{meeting:?}"
        );
    }
}

#[test]
fn plan_sorts_pairs_by_start_and_honours_length() {
    let a = person_from("a@x", "UTC", NINE_TO_FIVE, "2026-12-07");
    let b = person_from("b@x", "UTC", "10:00-17:00", "2020-01-06");
    let c = person_from("c@x", "Asia/Tokyo", NINE_TO_FIVE, "2026-12-01");
    let mut opts = CheckinOptions::new(date("2026-12-01"));
    opts.minutes = 45;
    opts.cadence = vec![CadenceStep::Day(1)];
    let m = plan_checkins(&[(&a, &b), (&c, &a)], &opts);
    // Tokyo 00:00-08:00Z and UTC 09:00-17:00 are an hour apart: Tokyo's last
    // 45 minutes (UTC 1 h early) tie with UTC's first (Tokyo 1 h late); the
    // earlier wins.
    assert_eq!(starts(&m), ["2026-12-01T07:15:00Z", "2026-12-07T10:00:00Z"]);
    assert_eq!(m[0].outside_hours, ["a@x"]);
    assert_eq!(m[1].end, parse_instant("2026-12-07T10:45:00Z").unwrap());
}
