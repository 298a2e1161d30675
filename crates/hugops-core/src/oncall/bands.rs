//! When an interruption hurt: the band of the day it fell in, and the night
//! it broke, both read on the person's own wall clock.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc, Weekday};
use serde::Serialize;

use super::profile::Profile;

/// Where in a person's day an interruption fell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// A weekday (Mon-Fri) inside their working hours, outside their sleep.
    Business,
    /// Neither sleep nor business.
    OffHours,
    /// Inside their sleep window, any day of the week.
    Sleep,
}

/// True if and only if `t` is in `[start, end)`, wrapping midnight when the
/// end is before the start.
fn inside((start, end): (NaiveTime, NaiveTime), t: NaiveTime) -> bool {
    if start < end {
        start <= t && t < end
    } else {
        t >= start || t < end
    }
}

/// Where an instant falls on a person's wall clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub band: Band,
    /// Their local date.
    pub date: NaiveDate,
    /// For [`Band::Sleep`], the night it broke (see [`night_of`]).
    pub night: Option<NaiveDate>,
}

/// Band, local date and night of `t` for `who`, from one conversion.
pub fn place(who: &Profile, t: DateTime<Utc>) -> Placement {
    let local = t.with_timezone(&who.timezone);
    let (date, time) = (local.date_naive(), local.time());
    if inside(who.sleep, time) {
        let night = if time >= who.sleep.0 {
            date
        } else {
            date.pred_opt().unwrap_or(date)
        };
        return Placement {
            band: Band::Sleep,
            date,
            night: Some(night),
        };
    }
    let weekday = !matches!(local.weekday(), Weekday::Sat | Weekday::Sun);
    let band = if weekday && inside(who.working_hours, time) {
        Band::Business
    } else {
        Band::OffHours
    };
    Placement {
        band,
        date,
        night: None,
    }
}

/// The band of an interruption at `t` for `who`.
pub fn band(who: &Profile, t: DateTime<Utc>) -> Band {
    place(who, t).band
}

/// The night a sleep interruption at `t` broke (`None` outside sleep), named
/// by the local date on which that sleep window starts: 03:00 inside
/// 22:00-08:00 is the previous date's night, 03:00 inside 00:00-08:00 the
/// same date's.
pub fn night_of(who: &Profile, t: DateTime<Utc>) -> Option<NaiveDate> {
    place(who, t).night
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oncall::testing::{at, member_with};

    fn who(tz: &str, sleep: &str) -> Profile {
        Profile::of(&member_with("Priya Raman", "p@x", tz, "09:00-17:00", sleep))
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn bands_across_the_berlin_spring_change() {
        // 2026-03-29 is a Sunday: Berlin moves from +01:00 to +02:00 at 01:00Z.
        let p = who("Europe/Berlin", "22:00-08:00");
        // 07:59 CEST (after the change) is still sleep, 08:00 CEST is not.
        assert_eq!(band(&p, at("2026-03-30T05:59:00Z")), Band::Sleep);
        assert_eq!(band(&p, at("2026-03-30T06:00:00Z")), Band::OffHours);
        // 09:00 CEST on Monday starts business; 08:59 is off hours.
        assert_eq!(band(&p, at("2026-03-30T07:00:00Z")), Band::Business);
        assert_eq!(band(&p, at("2026-03-30T06:59:00Z")), Band::OffHours);
        // 16:59 is business, 17:00 (the end) is not.
        assert_eq!(band(&p, at("2026-03-30T14:59:00Z")), Band::Business);
        assert_eq!(band(&p, at("2026-03-30T15:00:00Z")), Band::OffHours);
        // Sunday at 10:00 local is off hours; 22:00 local starts sleep.
        assert_eq!(band(&p, at("2026-03-29T08:00:00Z")), Band::OffHours);
        assert_eq!(band(&p, at("2026-03-29T20:00:00Z")), Band::Sleep);
        assert_eq!(band(&p, at("2026-03-29T19:59:00Z")), Band::OffHours);
    }

    #[test]
    fn bands_in_a_45_minute_zone_and_a_plain_sleep_window() {
        let p = who("Asia/Kathmandu", "00:00-08:00");
        // Friday 2026-03-27: 09:00+05:45 is 03:15Z.
        assert_eq!(band(&p, at("2026-03-27T03:15:00Z")), Band::Business);
        assert_eq!(band(&p, at("2026-03-27T03:14:00Z")), Band::OffHours);
        // 23:59 local is off hours (sleep starts at midnight), 00:00 is sleep.
        assert_eq!(band(&p, at("2026-03-27T18:14:00Z")), Band::OffHours);
        assert_eq!(band(&p, at("2026-03-27T18:15:00Z")), Band::Sleep);
        assert_eq!(band(&p, at("2026-03-28T02:14:00Z")), Band::Sleep);
        assert_eq!(band(&p, at("2026-03-28T02:15:00Z")), Band::OffHours);
    }

    #[test]
    fn sleep_wins_over_working_hours() {
        let p = Profile::of(&member_with(
            "A",
            "a@x",
            "UTC",
            "06:00-14:00",
            "22:00-08:00",
        ));
        assert_eq!(band(&p, at("2026-03-30T07:00:00Z")), Band::Sleep);
        assert_eq!(band(&p, at("2026-03-30T08:00:00Z")), Band::Business);
    }

    #[test]
    fn nights_are_named_by_the_date_the_window_starts() {
        // Berlin's autumn change: 2026-10-25 03:00 CEST -> 02:00 CET.
        let p = who("Europe/Berlin", "22:00-08:00");
        // 02:30 CET (after the change) on the 25th: the night of the 24th.
        assert_eq!(
            night_of(&p, at("2026-10-25T01:30:00Z")),
            Some(date("2026-10-24"))
        );
        // 23:00 CET on the 25th starts the night of the 25th.
        assert_eq!(
            night_of(&p, at("2026-10-25T22:00:00Z")),
            Some(date("2026-10-25"))
        );
        assert_eq!(night_of(&p, at("2026-10-25T11:00:00Z")), None);
        let p = who("Australia/Eucla", "00:00-08:00");
        // 03:00 at +08:45 on the 25th is 18:15Z on the 24th: the same date.
        assert_eq!(
            night_of(&p, at("2026-10-24T18:15:00Z")),
            Some(date("2026-10-25"))
        );
    }
}
