//! Quiet hours: a nightly stretch of the user's local time in which no
//! reminder fires. Pure functions, no clock, no storage.

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;

use crate::clock::local_instant;
use crate::settings::QuietHours;

/// When the quiet hours that `t` falls in end, or `None` if `t` is not in
/// quiet hours (or they are off, or empty).
///
/// The stretch runs from `start` to `end` local time (end excluded) and
/// crosses midnight when `end` is not after `start`. An `end` that does not
/// exist that day (spring forward) is the end of the gap; one that happens
/// twice (fall back) is the first.
pub(super) fn end_if_quiet(q: &QuietHours, tz: Tz, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
    if !q.enabled || q.start == q.end {
        return None;
    }
    let local = t.with_timezone(&tz);
    let (date, time) = (local.date_naive(), local.time());
    let end_date = if q.start < q.end {
        (q.start <= time && time < q.end).then_some(date)?
    } else if time >= q.start {
        date + TimeDelta::days(1)
    } else if time < q.end {
        date
    } else {
        return None;
    };
    // In the repeated hour of a fall-back night the first `end` may be past.
    Some(local_instant(tz, end_date.and_time(q.end))).filter(|end| *end > t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::{format_instant, parse_instant};
    use chrono::NaiveTime;
    use chrono_tz::{America::New_York, Europe::Berlin, UTC};

    fn quiet(start: &str, end: &str) -> QuietHours {
        let t = |s: &str| NaiveTime::parse_from_str(s, "%H:%M").unwrap();
        QuietHours {
            enabled: true,
            start: t(start),
            end: t(end),
        }
    }

    fn end(q: &QuietHours, tz: Tz, t: &str) -> Option<String> {
        end_if_quiet(q, tz, parse_instant(t).unwrap()).map(format_instant)
    }

    #[test]
    fn overnight_stretch_before_and_after_midnight() {
        let q = quiet("22:00", "07:00");
        assert_eq!(end(&q, UTC, "2026-11-24T21:59:59Z"), None);
        assert_eq!(
            end(&q, UTC, "2026-11-24T22:00:00Z").as_deref(),
            Some("2026-11-25T07:00:00Z")
        );
        assert_eq!(
            end(&q, UTC, "2026-11-25T03:00:00Z").as_deref(),
            Some("2026-11-25T07:00:00Z")
        );
        assert_eq!(end(&q, UTC, "2026-11-25T07:00:00Z"), None);
        // Berlin is UTC+1 in November: 22:00 local is 21:00Z.
        assert_eq!(
            end(&q, Berlin, "2026-11-24T21:00:00Z").as_deref(),
            Some("2026-11-25T06:00:00Z")
        );
    }

    #[test]
    fn daytime_stretch_and_off_or_empty() {
        let q = quiet("12:00", "13:30");
        assert_eq!(
            end(&q, UTC, "2026-11-24T12:45:00Z").as_deref(),
            Some("2026-11-24T13:30:00Z")
        );
        assert_eq!(end(&q, UTC, "2026-11-24T11:59:00Z"), None);
        assert_eq!(end(&q, UTC, "2026-11-24T13:30:00Z"), None);
        let off = QuietHours {
            enabled: false,
            ..q
        };
        assert_eq!(end(&off, UTC, "2026-11-24T12:45:00Z"), None);
        assert_eq!(
            end(&quiet("12:00", "12:00"), UTC, "2026-11-24T12:00:00Z"),
            None
        );
    }

    #[test]
    fn new_york_clock_changes() {
        let q = quiet("22:00", "07:00");
        // Fall back on 2026-11-01: 07:00 is EST (UTC-5), 22:00 the day before EDT.
        assert_eq!(
            end(&q, New_York, "2026-11-01T02:00:00Z").as_deref(),
            Some("2026-11-01T12:00:00Z")
        );
        // Spring forward on 2026-03-08: 07:00 is EDT (UTC-4).
        assert_eq!(
            end(&q, New_York, "2026-03-08T04:00:00Z").as_deref(),
            Some("2026-03-08T11:00:00Z")
        );
        // Quiet until 02:30, which does not exist that night: it moves
        // forward by the gap, to 03:30 EDT.
        let q = quiet("23:00", "02:30");
        assert_eq!(
            end(&q, New_York, "2026-03-08T05:00:00Z").as_deref(),
            Some("2026-03-08T07:30:00Z")
        );
    }
}
