//! Time as the library sees it: an injectable clock, so every date rule can be
//! tested with a fake one.

use std::sync::Mutex;

use chrono::{DateTime, NaiveDate, TimeZone as _, Utc};
use chrono_tz::Tz;

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
}
