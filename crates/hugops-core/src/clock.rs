//! Time as the library sees it: an injectable clock, so every date rule can be
//! tested with a fake one.
//!
//! The front ends run on [`from_env`]: normally the system clock in the
//! machine's zone. Two environment variables, deliberately left out of any
//! `--help`, are a testing aid shared by the CLI and the app:
//! - `HUGOPS_NOW=2026-11-24T10:00:00Z` stops the clock at that instant;
//! - `HUGOPS_TZ=Europe/Berlin` sets the user's time zone.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, NaiveDate, TimeZone as _, Utc};
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
