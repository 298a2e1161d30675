//! The clock the CLI runs on.
//!
//! Normally the system clock in the machine's zone. Two environment variables,
//! deliberately left out of `--help`, are a testing aid:
//! - `HUGOPS_NOW=2026-11-24T10:00:00Z` stops the clock at that instant;
//! - `HUGOPS_TZ=Europe/Berlin` sets the user's time zone.

use chrono_tz::Tz;
use hugops_core::clock::{parse_instant, Clock, FixedClock, SystemClock};
use hugops_core::{Error, Result};

pub const NOW_ENV: &str = "HUGOPS_NOW";
pub const TZ_ENV: &str = "HUGOPS_TZ";

/// A non-empty environment variable as text (not valid UTF-8 is an error).
fn var(name: &str) -> Result<Option<String>> {
    match std::env::var_os(name).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => v
            .into_string()
            .map(Some)
            .map_err(|_| Error::invalid(name, "is not valid UTF-8")),
    }
}

pub fn from_env() -> Result<Box<dyn Clock>> {
    let tz = match var(TZ_ENV)? {
        None => None,
        Some(name) => Some(name.parse::<Tz>().map_err(|_| {
            Error::invalid(
                TZ_ENV,
                format!("unknown time zone `{name}` (e.g. Europe/Berlin)"),
            )
        })?),
    };
    let clock: Box<dyn Clock> = match var(NOW_ENV)? {
        Some(text) => {
            let now = parse_instant(&text).ok_or_else(|| {
                Error::invalid(
                    NOW_ENV,
                    format!("`{text}` is not an instant like 2026-11-24T10:00:00Z"),
                )
            })?;
            Box::new(FixedClock::new(
                now,
                tz.unwrap_or_else(|| SystemClock::local().tz()),
            ))
        }
        None => Box::new(
            tz.map(SystemClock::in_zone)
                .unwrap_or_else(SystemClock::local),
        ),
    };
    Ok(clock)
}
