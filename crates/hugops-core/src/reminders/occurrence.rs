//! When a weekly local time happens, as UTC instants, across DST changes.
//!
//! Wall-clock times become instants by the clock module's one policy. Pure
//! functions, no clock, no storage.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, Utc, Weekday};
use chrono_tz::Tz;

use crate::clock::local_instant;

/// The latest instant `<= now` that is `weekday` at `time` in `tz`.
pub fn weekly_occurrence_at_or_before(
    now: DateTime<Utc>,
    weekday: Weekday,
    time: NaiveTime,
    tz: Tz,
) -> DateTime<Utc> {
    let [last_week, this_week, _] = around(now, weekday, time, tz);
    if this_week <= now {
        this_week
    } else {
        last_week
    }
}

/// The earliest instant `> now` that is `weekday` at `time` in `tz`.
pub fn weekly_occurrence_after(
    now: DateTime<Utc>,
    weekday: Weekday,
    time: NaiveTime,
    tz: Tz,
) -> DateTime<Utc> {
    let [_, this_week, next_week] = around(now, weekday, time, tz);
    if this_week > now {
        this_week
    } else {
        next_week
    }
}

/// The occurrences on the latest `weekday` on or before the local date of
/// `now`, and a week either side of it. The first is always `<= now` and the
/// last always `> now`.
fn around(now: DateTime<Utc>, weekday: Weekday, time: NaiveTime, tz: Tz) -> [DateTime<Utc>; 3] {
    let date = this_or_previous(now.with_timezone(&tz).date_naive(), weekday);
    [-7, 0, 7].map(|days| local_instant(tz, (date + TimeDelta::days(days)).and_time(time)))
}

/// `date` if it falls on `weekday`, else the closest earlier such date.
fn this_or_previous(date: NaiveDate, weekday: Weekday) -> NaiveDate {
    let back = (7 + date.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    date - TimeDelta::days(back.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::format_instant;
    use crate::testing::at;
    use chrono_tz::{America::New_York, Europe::Berlin, Pacific::Apia, UTC};

    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn before(now: &str, day: Weekday, time: NaiveTime, tz: Tz) -> String {
        format_instant(weekly_occurrence_at_or_before(at(now), day, time, tz))
    }

    fn after(now: &str, day: Weekday, time: NaiveTime, tz: Tz) -> String {
        format_instant(weekly_occurrence_after(at(now), day, time, tz))
    }

    #[test]
    fn same_day_before_and_after_the_time() {
        // 2026-11-20 is a Friday.
        let fri = Weekday::Fri;
        assert_eq!(
            before("2026-11-20T14:59:59Z", fri, hm(15, 0), UTC),
            "2026-11-13T15:00:00Z"
        );
        assert_eq!(
            before("2026-11-20T15:00:00Z", fri, hm(15, 0), UTC),
            "2026-11-20T15:00:00Z"
        );
        assert_eq!(
            after("2026-11-20T14:59:59Z", fri, hm(15, 0), UTC),
            "2026-11-20T15:00:00Z"
        );
        assert_eq!(
            after("2026-11-20T15:00:00Z", fri, hm(15, 0), UTC),
            "2026-11-27T15:00:00Z"
        );
    }

    #[test]
    fn other_weekdays_and_zones() {
        let now = "2026-11-24T12:00:00Z"; // Tuesday
        assert_eq!(
            before(now, Weekday::Mon, hm(9, 0), UTC),
            "2026-11-23T09:00:00Z"
        );
        assert_eq!(
            before(now, Weekday::Wed, hm(9, 0), UTC),
            "2026-11-18T09:00:00Z"
        );
        assert_eq!(
            after(now, Weekday::Sun, hm(9, 0), UTC),
            "2026-11-29T09:00:00Z"
        );
        // Tokyo is already Wednesday 01:00 local.
        let tokyo = chrono_tz::Asia::Tokyo;
        assert_eq!(
            before("2026-11-24T16:00:00Z", Weekday::Wed, hm(0, 30), tokyo),
            "2026-11-24T15:30:00Z"
        );
        assert_eq!(
            before(now, Weekday::Fri, hm(15, 0), Berlin),
            "2026-11-20T14:00:00Z"
        );
    }

    #[test]
    fn new_york_spring_forward_and_fall_back() {
        // Sunday 2026-03-08: 02:00 EST jumps to 03:00 EDT.
        let sun = Weekday::Sun;
        assert_eq!(
            before("2026-03-08T20:00:00Z", sun, hm(10, 0), New_York),
            "2026-03-08T14:00:00Z"
        );
        assert_eq!(
            before("2026-03-08T04:00:00Z", sun, hm(10, 0), New_York),
            "2026-03-01T15:00:00Z"
        );
        // 02:30 does not exist that day: it moves forward by the gap, to 03:30 EDT.
        assert_eq!(
            after("2026-03-07T12:00:00Z", sun, hm(2, 30), New_York),
            "2026-03-08T07:30:00Z"
        );
        assert_eq!(
            after("2026-03-08T07:30:00Z", sun, hm(2, 30), New_York),
            "2026-03-15T06:30:00Z"
        );
        // Sunday 2026-11-01: 01:30 happens twice; the EDT one (05:30Z) counts.
        assert_eq!(
            after("2026-10-31T12:00:00Z", sun, hm(1, 30), New_York),
            "2026-11-01T05:30:00Z"
        );
        // At 01:15 EST (after the first 01:30) the occurrence is already past.
        assert_eq!(
            before("2026-11-01T06:15:00Z", sun, hm(1, 30), New_York),
            "2026-11-01T05:30:00Z"
        );
        assert_eq!(
            before("2026-11-01T20:00:00Z", sun, hm(10, 0), New_York),
            "2026-11-01T15:00:00Z"
        );
    }

    #[test]
    fn fridays_around_new_york_changes_keep_local_time() {
        let fri = Weekday::Fri;
        assert_eq!(
            after("2026-03-01T00:00:00Z", fri, hm(15, 0), New_York),
            "2026-03-06T20:00:00Z"
        );
        assert_eq!(
            after("2026-03-07T00:00:00Z", fri, hm(15, 0), New_York),
            "2026-03-13T19:00:00Z"
        );
        assert_eq!(
            after("2026-10-31T00:00:00Z", fri, hm(15, 0), New_York),
            "2026-11-06T20:00:00Z"
        );
    }

    #[test]
    fn berlin_spring_forward() {
        // Sunday 2026-03-29: 02:00 CET jumps to 03:00 CEST.
        let sun = Weekday::Sun;
        assert_eq!(
            after("2026-03-28T12:00:00Z", sun, hm(10, 0), Berlin),
            "2026-03-29T08:00:00Z"
        );
        assert_eq!(
            after("2026-03-28T12:00:00Z", sun, hm(2, 15), Berlin),
            "2026-03-29T01:15:00Z"
        );
        assert_eq!(
            before("2026-03-27T14:00:00Z", Weekday::Fri, hm(15, 0), Berlin),
            "2026-03-27T14:00:00Z"
        );
        assert_eq!(
            before("2026-04-03T13:00:00Z", Weekday::Fri, hm(15, 0), Berlin),
            "2026-04-03T13:00:00Z"
        );
    }

    #[test]
    fn a_skipped_day_moves_forward_a_whole_day() {
        // Samoa skipped Friday 2011-12-30 entirely: 15:00 that day is Saturday's.
        assert_eq!(
            after("2011-12-28T00:00:00Z", Weekday::Fri, hm(15, 0), Apia),
            "2011-12-31T01:00:00Z"
        );
    }

    #[test]
    fn seconds_in_the_nudge_time_are_kept_when_it_exists() {
        let t = NaiveTime::from_hms_opt(15, 0, 30).unwrap();
        assert_eq!(
            before("2026-11-20T16:00:00Z", Weekday::Fri, t, UTC),
            "2026-11-20T15:00:30Z"
        );
    }

    #[test]
    fn occurrences_bracket_now_and_are_a_week_apart_all_year() {
        let zones = [UTC, New_York, Berlin, Apia, chrono_tz::Australia::Lord_Howe];
        let times = [hm(0, 0), hm(2, 30), hm(15, 0), hm(23, 59)];
        for tz in zones {
            for time in times {
                let mut now = at("2026-01-01T00:00:00Z");
                while now < at("2027-01-01T00:00:00Z") {
                    let prev = weekly_occurrence_at_or_before(now, Weekday::Sun, time, tz);
                    let next = weekly_occurrence_after(now, Weekday::Sun, time, tz);
                    assert!(prev <= now && now < next, "{tz} {time} {now}");
                    let gap = next - prev;
                    assert!(gap >= TimeDelta::hours(166) && gap <= TimeDelta::hours(170));
                    assert_eq!(
                        weekly_occurrence_at_or_before(next, Weekday::Sun, time, tz),
                        next
                    );
                    now += TimeDelta::minutes(97);
                }
            }
        }
    }
}
