//! What every command shares: the open database, the clock, and a way to wake
//! the reminder task when settings change.
//!
//! The database path comes from `HUGOPS_DB` or the OS data folder (see
//! [`hugops_core::store::resolve_path`]). `HUGOPS_NOW` (an RFC 3339 instant)
//! and `HUGOPS_TZ` (an IANA zone) fix the clock: a testing aid shared with the
//! CLI, not a user feature.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use chrono_tz::Tz;
use hugops_core::clock::{self, Clock, FixedClock, SystemClock};
use hugops_core::{store, Error, Result, Store};
use tokio::sync::Notify;

/// Environment variable fixing "now" (`2026-11-27T16:00:00Z`), for tests.
pub const NOW_ENV: &str = "HUGOPS_NOW";
/// Environment variable fixing the time zone (`Europe/Berlin`), for tests.
pub const TZ_ENV: &str = "HUGOPS_TZ";

/// The state managed by Tauri and handed to every command.
pub struct AppState {
    store: Mutex<Store>,
    clock: Arc<dyn Clock>,
    settings_changed: Notify,
}

impl AppState {
    /// Wraps an open store and a clock.
    pub fn new(store: Store, clock: Arc<dyn Clock>) -> Self {
        AppState {
            store: Mutex::new(store),
            clock,
            settings_changed: Notify::new(),
        }
    }

    /// Opens the database and builds the clock the environment asks for.
    ///
    /// Fails without touching the file if it is not a HugOps database.
    pub fn from_env() -> Result<Self> {
        let clock = clock_from(env_value(NOW_ENV), env_value(TZ_ENV))?;
        let path = store::resolve_path(None)?;
        let store = Store::open(&path)?;
        Ok(AppState::new(store, clock))
    }

    /// The database, locked. Hold the guard briefly and never across an
    /// `.await`: the reminder task and every command share it.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock leaves SQLite consistent (each write
        // is a transaction), so a poisoned lock is still safe to use.
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    /// Where the database lives.
    pub fn db_path(&self) -> PathBuf {
        self.store().path().to_path_buf()
    }

    /// Tells the reminder task to look again now (settings or pause changed).
    pub fn settings_changed(&self) {
        // notify_one stores a permit when the task is busy, so no change is missed.
        self.settings_changed.notify_one();
    }

    /// Resolves the next time [`AppState::settings_changed`] is called.
    pub async fn wait_for_settings_change(&self) {
        self.settings_changed.notified().await;
    }
}

/// The clock for the given `HUGOPS_NOW` and `HUGOPS_TZ` values: a fixed clock
/// when `now` is set, else the system clock (in `tz` when set).
pub fn clock_from(now: Option<String>, tz: Option<String>) -> Result<Arc<dyn Clock>> {
    let tz = tz
        .map(|name| {
            name.parse::<Tz>()
                .map_err(|_| Error::invalid(TZ_ENV, format!("unknown time zone `{name}`")))
        })
        .transpose()?;
    let Some(now) = now else {
        return Ok(match tz {
            Some(tz) => Arc::new(SystemClock::in_zone(tz)),
            None => Arc::new(SystemClock::local()),
        });
    };
    let instant = clock::parse_instant(&now).ok_or_else(|| {
        Error::invalid(
            NOW_ENV,
            format!("expected an RFC 3339 instant like 2026-11-27T16:00:00Z, got `{now}`"),
        )
    })?;
    Ok(Arc::new(FixedClock::new(instant, tz.unwrap_or(Tz::UTC))))
}

fn env_value(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_clock_from_now_and_zone() {
        let clock = clock_from(
            Some("2026-11-27T16:00:00Z".into()),
            Some("Europe/Berlin".into()),
        )
        .unwrap();
        assert_eq!(clock::format_instant(clock.now()), "2026-11-27T16:00:00Z");
        assert_eq!(clock.tz(), chrono_tz::Europe::Berlin);
    }

    #[test]
    fn fixed_clock_defaults_to_utc() {
        let clock = clock_from(Some("2026-11-27T16:00:00Z".into()), None).unwrap();
        assert_eq!(clock.tz(), Tz::UTC);
    }

    #[test]
    fn bad_values_are_refused_with_the_variable_name() {
        let err = clock_from(Some("friday".into()), None).err().unwrap();
        assert!(err.to_string().starts_with("HUGOPS_NOW: "), "{err}");
        let err = clock_from(None, Some("Mars/Olympus".into())).err().unwrap();
        assert!(err.to_string().starts_with("HUGOPS_TZ: "), "{err}");
    }
}
