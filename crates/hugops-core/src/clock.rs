//! Time as the library sees it: an injectable clock, so every date rule can be
//! tested with a fake one, and the one rule for turning a wall-clock time in
//! a zone into an instant ([`local_instant`], [`working_interval`]).
//!
//! The local-time policy, used by every module:
//! - a time that does not exist (skipped by a spring-forward change, or by a
//!   zone that skipped a whole day, as Pacific/Apia did on 2011-12-30) moves
//!   forward by the length of the gap: 02:30 in New York on 2026-03-08 is
//!   03:30 EDT (07:30Z);
//! - a time that happens twice (an autumn change) is its earlier instant.
//!
//! The front ends run on [`from_env`]: normally the system clock in the
//! machine's zone. Two environment variables, deliberately left out of any
//! `--help`, are a testing aid shared by the CLI and the app:
//! - `HUGOPS_NOW=2026-11-24T10:00:00Z` stops the clock at that instant;
//! - `HUGOPS_TZ=Europe/Berlin` sets the user's time zone.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone as _, Utc};
use chrono_tz::Tz;

use crate::{Error, Result};

/// Environment variable fixing "now" (an RFC 3339 instant), for tests.
pub const NOW_ENV: &str = "HUGOPS_NOW";
/// Environment variable fixing the time zone (an IANA name), for tests.
pub const TZ_ENV: &str = "HUGOPS_TZ";

/// Source of "now" and of the user's time zone.
pub trait Clock: Send + Sync {
    /// The current instant.
    fn now(&self) -> DateTime<Utc>;
    /// The user's time zone (for "today" and local reminder times).
    fn tz(&self) -> Tz;
    /// Today's date in the user's time zone.
    fn today(&self) -> NaiveDate {
        self.now().with_timezone(&self.tz()).date_naive()
    }
}

/// The real clock in the machine's time zone (UTC if it cannot be read).
#[derive(Debug, Clone, Copy)]
pub struct SystemClock {
    tz: Tz,
}

impl SystemClock {
    /// The system clock in the machine's local IANA zone.
    pub fn local() -> Self {
        let tz = iana_time_zone::get_timezone()
            .ok()
            .and_then(|name| name.parse().ok())
            .unwrap_or(Tz::UTC);
        SystemClock { tz }
    }

    /// The system clock seen from a given zone.
    pub fn in_zone(tz: Tz) -> Self {
        SystemClock { tz }
    }
}

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
    fn tz(&self) -> Tz {
        self.tz
    }
}

/// A clock that stands still until told to move: for tests.
#[derive(Debug)]
pub struct FixedClock {
    now: Mutex<DateTime<Utc>>,
    tz: Tz,
}

impl FixedClock {
    /// A clock stopped at `now`, in zone `tz`.
    pub fn new(now: DateTime<Utc>, tz: Tz) -> Self {
        FixedClock {
            now: Mutex::new(now),
            tz,
        }
    }

    /// A clock stopped at a UTC instant given as `YYYY-MM-DDTHH:MM:SSZ`.
    ///
    /// Panics on a malformed string: meant for tests only.
    pub fn at(rfc3339: &str) -> Self {
        let now = DateTime::parse_from_rfc3339(rfc3339)
            .expect("valid RFC 3339 instant")
            .with_timezone(&Utc);
        FixedClock::new(now, Tz::UTC)
    }

    /// The same clock in another zone.
    pub fn with_tz(self, tz: Tz) -> Self {
        FixedClock { tz, ..self }
    }

    /// Moves the clock to `now`.
    pub fn set(&self, now: DateTime<Utc>) {
        *self.now.lock().unwrap_or_else(|p| p.into_inner()) = now;
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: chrono::Duration) {
        let mut now = self.now.lock().unwrap_or_else(|p| p.into_inner());
        *now += by;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self.now.lock().unwrap_or_else(|p| p.into_inner())
    }
    fn tz(&self) -> Tz {
        self.tz
    }
}

/// Formats an instant the way HugOps stores and prints it: `2026-11-24T10:00:00Z`.
pub fn format_instant(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Parses an instant written by [`format_instant`] (or any RFC 3339 instant).
pub fn parse_instant(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// The instant a wall-clock time in `tz` stands for, by the module's policy:
/// a skipped time moves forward by the gap, a repeated one is the earlier.
pub fn local_instant(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    if let Some(t) = tz.from_local_datetime(&local).earliest() {
        return t.with_timezone(&Utc);
    }
    // In a gap: read the wall clock with the offset in force just before it.
    // The change happened less than 14 h (the largest offset) before `local`
    // read as UTC, so 15 h earlier is before it and after any previous change.
    let before = local.and_utc() - Duration::hours(15);
    let offset = tz.offset_from_utc_datetime(&before.naive_utc()).fix();
    (local - Duration::seconds(offset.local_minus_utc().into())).and_utc()
}

/// A half-open span of time `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interval {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Interval {
    /// The span starting at `start` and lasting `minutes`.
    pub fn from_minutes(start: DateTime<Utc>, minutes: u32) -> Self {
        Interval {
            start,
            end: start + Duration::minutes(minutes.into()),
        }
    }

    /// Whole minutes the two spans share (0 when they are disjoint).
    pub fn overlap_minutes(&self, other: &Interval) -> i64 {
        let start = self.start.max(other.start);
        let end = self.end.min(other.end);
        (end - start).num_minutes().max(0)
    }

    /// Minutes between the two spans (0 when they touch or overlap).
    pub fn gap_minutes(&self, other: &Interval) -> i64 {
        if self.end <= other.start {
            (other.start - self.end).num_minutes()
        } else if other.end <= self.start {
            (self.start - other.end).num_minutes()
        } else {
            0
        }
    }

    /// Whole minutes from start to end.
    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }

    /// True if and only if `t` is inside the span.
    pub fn contains(&self, t: DateTime<Utc>) -> bool {
        self.start <= t && t < self.end
    }
}

/// Local hours `(start, end)` in `tz` on the local date `day`, as instants
/// (both ends by [`local_instant`]). An end at or before the start is on the
/// next local date, so `22:00-06:00` is a night that wraps midnight.
pub fn working_interval(tz: Tz, day: NaiveDate, (start, end): (NaiveTime, NaiveTime)) -> Interval {
    let end_day = if end <= start {
        day.succ_opt().unwrap_or(day)
    } else {
        day
    };
    Interval {
        start: local_instant(tz, day.and_time(start)),
        end: local_instant(tz, end_day.and_time(end)),
    }
}

/// Midnight UTC of a date, handy for tests.
pub fn utc_midnight(d: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).expect("midnight exists"))
}

/// The clock the environment asks for: see [`from_values`], given the
/// values of [`NOW_ENV`] and [`TZ_ENV`]. An empty variable counts as unset;
/// one that is not valid UTF-8 is an error.
pub fn from_env() -> Result<Arc<dyn Clock>> {
    let now = env_text(NOW_ENV)?;
    let tz = env_text(TZ_ENV)?;
    from_values(now.as_deref(), tz.as_deref())
}

/// The clock for the given `HUGOPS_NOW` and `HUGOPS_TZ` values: stopped at
/// `now` when it is set, else the system clock; in zone `tz` when it is set,
/// else in the machine's zone.
///
/// A malformed value is an [`Error::InvalidInput`] naming the variable.
pub fn from_values(now: Option<&str>, tz: Option<&str>) -> Result<Arc<dyn Clock>> {
    let tz = tz
        .map(|name| {
            name.parse::<Tz>().map_err(|_| {
                Error::invalid(
                    TZ_ENV,
                    format!("unknown time zone `{name}` (e.g. Europe/Berlin)"),
                )
            })
        })
        .transpose()?
        .unwrap_or_else(|| SystemClock::local().tz());
    let Some(now) = now else {
        return Ok(Arc::new(SystemClock::in_zone(tz)));
    };
    let instant = parse_instant(now).ok_or_else(|| {
        Error::invalid(
            NOW_ENV,
            format!("`{now}` is not an instant like 2026-11-24T10:00:00Z"),
        )
    })?;
    Ok(Arc::new(FixedClock::new(instant, tz)))
}

/// A non-empty environment variable as text (not valid UTF-8 is an error).
fn env_text(name: &str) -> Result<Option<String>> {
    match std::env::var_os(name).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => v
            .into_string()
            .map(Some)
            .map_err(|_| Error::invalid(name, "is not valid UTF-8")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_follows_the_zone() {
        let c = FixedClock::at("2026-11-24T23:30:00Z").with_tz(chrono_tz::Asia::Tokyo);
        assert_eq!(c.today(), NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        let c = FixedClock::at("2026-11-24T23:30:00Z").with_tz(chrono_tz::America::New_York);
        assert_eq!(c.today(), NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    }

    /// The local-time policy, one row per case: zone, wall-clock time, the
    /// instant it stands for. Expected instants were computed with Python's
    /// zoneinfo (fold=0), which follows the same policy.
    #[test]
    fn local_times_follow_one_policy() {
        #[rustfmt::skip]
        let cases = [
            // Spring-forward gap: moves forward by the gap.
            ("America/New_York", "2026-03-08 02:30", "2026-03-08T07:30:00Z"),
            ("Europe/Berlin", "2026-03-29 02:30", "2026-03-29T01:30:00Z"),
            ("Europe/London", "2026-03-29 01:30", "2026-03-29T01:30:00Z"),
            // Autumn repeat: the earlier instant.
            ("America/New_York", "2026-11-01 01:30", "2026-11-01T05:30:00Z"),
            ("Europe/Berlin", "2026-10-25 02:30", "2026-10-25T00:30:00Z"),
            ("Europe/London", "2026-10-25 01:30", "2026-10-25T00:30:00Z"),
            // Ordinary times.
            ("America/New_York", "2026-07-01 09:00", "2026-07-01T13:00:00Z"),
            ("UTC", "2026-03-08 02:30", "2026-03-08T02:30:00Z"),
            // Half-hour and 45-minute zones without DST.
            ("Asia/Kolkata", "2026-03-08 09:00", "2026-03-08T03:30:00Z"),
            ("Asia/Kathmandu", "2026-03-08 09:00", "2026-03-08T03:15:00Z"),
            ("Asia/Tokyo", "2026-03-08 02:30", "2026-03-07T17:30:00Z"),
            // Half-hour zones with DST, and Lord Howe's 30-minute change.
            ("Australia/Adelaide", "2026-10-04 02:30", "2026-10-03T17:00:00Z"),
            ("Australia/Adelaide", "2026-04-05 02:30", "2026-04-04T16:00:00Z"),
            ("America/St_Johns", "2026-03-08 02:30", "2026-03-08T06:00:00Z"),
            ("Australia/Lord_Howe", "2026-10-04 02:15", "2026-10-03T15:45:00Z"),
            ("Australia/Lord_Howe", "2026-04-05 01:45", "2026-04-04T14:45:00Z"),
            // A 45-minute zone with DST.
            ("Pacific/Chatham", "2026-09-27 03:00", "2026-09-26T14:15:00Z"),
            ("Pacific/Chatham", "2026-04-05 03:00", "2026-04-04T13:15:00Z"),
            // Samoa skipped 2011-12-30: its times move forward a whole day.
            ("Pacific/Apia", "2011-12-30 00:00", "2011-12-30T10:00:00Z"),
            ("Pacific/Apia", "2011-12-30 12:00", "2011-12-30T22:00:00Z"),
            ("Pacific/Apia", "2011-12-31 00:00", "2011-12-30T10:00:00Z"),
        ];
        for (zone, local, expected) in cases {
            let tz: Tz = zone.parse().unwrap();
            let local = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").unwrap();
            assert_eq!(
                format_instant(local_instant(tz, local)),
                expected,
                "{zone} {local}"
            );
        }
    }

    #[test]
    fn working_intervals_span_changes_and_wrap_midnight() {
        let hm = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let ny = chrono_tz::America::New_York;
        // 01:00-05:00 on the spring-forward night lasts three hours.
        let i = working_interval(ny, day("2026-03-08"), (hm(1, 0), hm(5, 0)));
        assert_eq!(format_instant(i.start), "2026-03-08T06:00:00Z");
        assert_eq!(i.minutes(), 180);
        // A sleep window 22:00-08:00 ends on the next local date.
        let i = working_interval(ny, day("2026-10-31"), (hm(22, 0), hm(8, 0)));
        assert_eq!(format_instant(i.start), "2026-11-01T02:00:00Z");
        assert_eq!(format_instant(i.end), "2026-11-01T13:00:00Z");
        assert_eq!(i.minutes(), 11 * 60);
        // A whole skipped day leaves a working day of the usual length.
        let apia = chrono_tz::Pacific::Apia;
        let i = working_interval(apia, day("2011-12-30"), (hm(9, 0), hm(17, 0)));
        assert_eq!(i.minutes(), 8 * 60);
        assert!(i.contains(i.start) && !i.contains(i.end));
    }

    #[test]
    fn instants_round_trip() {
        let t = parse_instant("2026-11-24T10:00:00Z").unwrap();
        assert_eq!(format_instant(t), "2026-11-24T10:00:00Z");
    }

    #[test]
    fn advance_moves_now() {
        let c = FixedClock::at("2026-11-24T10:00:00Z");
        c.advance(chrono::Duration::hours(2));
        assert_eq!(format_instant(c.now()), "2026-11-24T12:00:00Z");
    }

    #[test]
    fn fixed_clock_from_now_and_zone() {
        let clock = from_values(Some("2026-11-27T16:00:00Z"), Some("Europe/Berlin")).unwrap();
        assert_eq!(format_instant(clock.now()), "2026-11-27T16:00:00Z");
        assert_eq!(clock.tz(), chrono_tz::Europe::Berlin);
    }

    #[test]
    fn unset_zone_is_the_machines() {
        let clock = from_values(Some("2026-11-27T16:00:00Z"), None).unwrap();
        assert_eq!(format_instant(clock.now()), "2026-11-27T16:00:00Z");
        assert_eq!(clock.tz(), SystemClock::local().tz());
        let clock = from_values(None, None).unwrap();
        assert_eq!(clock.tz(), SystemClock::local().tz());
    }

    #[test]
    fn unset_now_is_the_system_clock_in_the_zone() {
        let before = Utc::now();
        let clock = from_values(None, Some("Asia/Tokyo")).unwrap();
        assert!(clock.now() >= before);
        assert_eq!(clock.tz(), chrono_tz::Asia::Tokyo);
    }

    #[test]
    fn bad_values_are_refused_with_the_variable_name() {
        let err = from_values(Some("friday"), None).err().unwrap();
        assert_eq!(
            err.to_string(),
            "HUGOPS_NOW: `friday` is not an instant like 2026-11-24T10:00:00Z"
        );
        let err = from_values(None, Some("Mars/Olympus")).err().unwrap();
        assert_eq!(
            err.to_string(),
            "HUGOPS_TZ: unknown time zone `Mars/Olympus` (e.g. Europe/Berlin)"
        );
        assert_eq!(err.code(), crate::ErrorCode::InvalidInput);
    }
}
