//! When this database was first used, so HugOps can stay quiet in a new
//! user's first week: the weekly nudge does not fire before
//! [`QUIET_DAYS`] days of use unless the user set it up themselves.
//!
//! Recorded once, when a database file is opened: a new database records the
//! clock's now; one from before this rule records its oldest journal entry's
//! `created_at` (or now, when it has none), so people who have used HugOps
//! for months are not made to wait. Kept under the `first_used_at` key of the
//! settings table, beside the user's settings.

use chrono::{DateTime, TimeDelta, Utc};
use rusqlite::Connection;

use crate::clock::{format_instant, parse_instant};
use crate::{Result, Store};

const KEY: &str = "first_used_at";

/// How long a new user's HugOps stays quiet.
pub const QUIET_DAYS: i64 = 7;

/// Records the first use if it is not recorded yet (see the module docs).
pub(crate) fn record(conn: &Connection, now: DateTime<Utc>) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value)
         SELECT ?1, json_quote(COALESCE((SELECT MIN(created_at) FROM entries), ?2))
         WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = ?1)",
        (KEY, format_instant(now)),
    )?;
    Ok(())
}

/// When the database was first used; `None` when it was never recorded (an
/// in-memory database), which counts as long ago.
pub fn first_used(store: &Store) -> Result<Option<DateTime<Utc>>> {
    let text: Option<String> = crate::settings::stored(store, KEY)?;
    Ok(text.and_then(|t| parse_instant(&t)))
}

/// The end of the quiet first week, if it was recorded.
pub fn quiet_until(store: &Store) -> Result<Option<DateTime<Utc>>> {
    Ok(first_used(store)?.map(|t| t + TimeDelta::days(QUIET_DAYS)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;
    use crate::journal;
    use crate::testing::{at, new_entry};

    #[test]
    fn a_new_database_records_its_first_open_and_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hugops.db");
        let first = at("2026-11-23T10:00:00Z");
        drop(Store::open(&path, first).unwrap());
        let store = Store::open(&path, at("2026-12-01T10:00:00Z")).unwrap();
        assert_eq!(first_used(&store).unwrap(), Some(first));
        assert_eq!(
            quiet_until(&store).unwrap(),
            Some(at("2026-11-30T10:00:00Z"))
        );
    }

    #[test]
    fn a_database_used_before_the_rule_counts_from_its_oldest_entry() {
        let mut store = Store::open_in_memory().unwrap();
        let clock = FixedClock::at("2025-03-01T09:00:00Z");
        journal::add(
            &mut store,
            new_entry(journal::Direction::Given, "Bo", "Thanks"),
            &clock,
        )
        .unwrap();
        assert_eq!(
            first_used(&store).unwrap(),
            None,
            "never recorded: long ago"
        );
        record(store.conn(), at("2026-12-01T10:00:00Z")).unwrap();
        assert_eq!(
            first_used(&store).unwrap(),
            Some(at("2025-03-01T09:00:00Z"))
        );
    }
}
