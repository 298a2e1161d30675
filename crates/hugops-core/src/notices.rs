//! Notices shown once per database, such as "HugOps keeps running without a
//! tray icon": the first ask for a key says yes and records it, every later
//! ask says no. Kept as one JSON list under the `notices_shown` settings key.

use rusqlite::OptionalExtension;

use crate::{Result, Store};

const KEY: &str = "notices_shown";

/// Returns true if and only if notice `key` has not been shown before, and
/// records it as shown.
pub fn first_time(store: &mut Store, key: &str) -> Result<bool> {
    let tx = store.conn().unchecked_transaction()?;
    let text: Option<String> = tx
        .query_row("SELECT value FROM settings WHERE key = ?1", [KEY], |r| {
            r.get(0)
        })
        .optional()?;
    let mut shown: Vec<String> = text
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    if shown.iter().any(|k| k == key) {
        return Ok(false);
    }
    shown.push(key.to_owned());
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (
            KEY,
            serde_json::to_string(&shown).expect("a list of strings serialises"),
        ),
    )?;
    tx.commit()?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_is_first_once_and_others_stay_first() {
        let mut store = Store::open_in_memory().unwrap();
        assert!(first_time(&mut store, "no-tray").unwrap());
        assert!(!first_time(&mut store, "no-tray").unwrap());
        assert!(first_time(&mut store, "other").unwrap());
        assert!(!first_time(&mut store, "no-tray").unwrap());
    }

    #[test]
    fn other_settings_still_load_beside_the_list() {
        let mut store = Store::open_in_memory().unwrap();
        first_time(&mut store, "no-tray").unwrap();
        assert_eq!(
            crate::settings::load(&store).unwrap(),
            crate::settings::Settings::default()
        );
    }
}
