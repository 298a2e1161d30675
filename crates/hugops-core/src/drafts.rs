//! Unsaved form input, kept in the database while the user types.
//!
//! The window's process may end (or be killed) at any time after its window
//! closes, so a form's input lives here rather than in the webview: one row
//! per form, named by a key such as `quick-add` or `edit:42`, holding the
//! form's own JSON. A saved or cancelled form clears its row. Pasted thread
//! text is never a draft (it is never written anywhere).
//!
//! Saving is one upsert, cheap enough to run a few times a second while the
//! user types. Each draft is capped at [`MAX_DRAFT_BYTES`] and the table at
//! [`MAX_DRAFTS`] rows (the least recently saved drafts give way), so a
//! runaway form cannot fill the disk.

use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension;
use serde::Serialize;

use crate::clock::{format_instant, parse_instant, Clock};
use crate::{Error, Result, Store};

/// The longest draft accepted, in bytes of JSON text.
pub const MAX_DRAFT_BYTES: usize = 256 * 1024;

/// How many drafts are kept at most.
pub const MAX_DRAFTS: usize = 100;

/// The longest key accepted, in bytes.
pub const MAX_KEY_BYTES: usize = 64;

/// A stored draft: the form's JSON text as it was saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Draft {
    pub key: String,
    /// JSON text, exactly as the form saved it.
    pub value: String,
    #[serde(with = "crate::settings::instant_serde")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub updated_at: DateTime<Utc>,
}

/// Stores `value` (JSON text) as the draft of form `key`, replacing any
/// earlier one, and stamps it with the clock's now.
///
/// Fails with [`Error::InvalidInput`] (field `key` or `value`) when the key is
/// not 1 to [`MAX_KEY_BYTES`] bytes of `a-z`, `0-9`, `-`, `_`, `.`, `:`
/// starting with a letter, or when the value is not JSON or is longer than
/// [`MAX_DRAFT_BYTES`]. When this adds a draft beyond [`MAX_DRAFTS`], the
/// least recently saved others are dropped.
pub fn save(store: &mut Store, key: &str, value: &str, clock: &dyn Clock) -> Result<()> {
    check_key(key)?;
    check_value(value)?;
    let tx = store.conn_mut().transaction()?;
    tx.execute(
        "INSERT INTO drafts (key, value, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        (key, value, format_instant(clock.now())),
    )?;
    tx.execute(
        "DELETE FROM drafts WHERE key IN (
             SELECT key FROM drafts WHERE key <> ?1
             ORDER BY updated_at DESC, key LIMIT -1 OFFSET ?2)",
        (key, MAX_DRAFTS as i64 - 1),
    )?;
    tx.commit()?;
    Ok(())
}

/// The draft of form `key`, or `None` when it has none.
pub fn load(store: &Store, key: &str) -> Result<Option<Draft>> {
    check_key(key)?;
    let row = store
        .conn()
        .query_row(
            "SELECT value, updated_at FROM drafts WHERE key = ?1",
            [key],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
        )
        .optional()?;
    Ok(row.map(|(value, at)| Draft {
        key: key.to_owned(),
        value,
        // Written by `save` only; an unreadable stamp reads as the epoch.
        updated_at: parse_instant(&at).unwrap_or_default(),
    }))
}

/// Removes the draft of form `key`; returns true if and only if there was one.
pub fn clear(store: &mut Store, key: &str) -> Result<bool> {
    check_key(key)?;
    let removed = store
        .conn()
        .execute("DELETE FROM drafts WHERE key = ?1", [key])?;
    Ok(removed > 0)
}

/// The keys of every draft whose key starts with `prefix`, in key order
/// (`edit:` lists the journal entries being edited).
pub fn keys(store: &Store, prefix: &str) -> Result<Vec<String>> {
    let mut stmt = store
        .conn()
        .prepare("SELECT key FROM drafts WHERE substr(key, 1, length(?1)) = ?1 ORDER BY key")?;
    let rows = stmt.query_map([prefix], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn check_key(key: &str) -> Result<()> {
    let allowed = |c: char| matches!(c, 'a'..='z' | '0'..='9' | '-' | '_' | '.' | ':');
    let starts_with_letter = key.chars().next().is_some_and(|c| c.is_ascii_lowercase());
    if key.len() > MAX_KEY_BYTES || !starts_with_letter || !key.chars().all(allowed) {
        return Err(Error::invalid(
            "key",
            format!(
                "a draft key is 1 to {MAX_KEY_BYTES} characters of a-z, 0-9, `-`, `_`, `.`, `:` \
                 starting with a letter, got `{}`",
                key.chars().take(MAX_KEY_BYTES + 1).collect::<String>()
            ),
        ));
    }
    Ok(())
}

fn check_value(value: &str) -> Result<()> {
    if value.len() > MAX_DRAFT_BYTES {
        return Err(Error::invalid(
            "value",
            format!(
                "a draft holds at most {MAX_DRAFT_BYTES} bytes, got {}",
                value.len()
            ),
        ));
    }
    serde_json::from_str::<serde::de::IgnoredAny>(value)
        .map_err(|e| Error::invalid("value", format!("a draft is JSON text: {e}")))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{at, clock, store};
    use crate::ErrorCode;

    fn count(store: &Store) -> i64 {
        store
            .conn()
            .query_row("SELECT count(*) FROM drafts", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn save_load_and_clear_round_trip() {
        let mut st = store();
        let clock = clock();
        assert_eq!(load(&st, "quick-add").unwrap(), None);
        save(
            &mut st,
            "quick-add",
            r#"{"person":"Zoë","message":"th"}"#,
            &clock,
        )
        .unwrap();
        clock.advance(chrono::Duration::seconds(2));
        save(
            &mut st,
            "quick-add",
            r#"{"person":"Zoë","message":"thanks"}"#,
            &clock,
        )
        .unwrap();
        let draft = load(&st, "quick-add").unwrap().unwrap();
        assert_eq!(draft.value, r#"{"person":"Zoë","message":"thanks"}"#);
        assert_eq!(draft.updated_at, at("2026-11-24T10:00:02Z"));
        assert_eq!(count(&st), 1);
        assert!(clear(&mut st, "quick-add").unwrap());
        assert!(!clear(&mut st, "quick-add").unwrap());
        assert_eq!(load(&st, "quick-add").unwrap(), None);
    }

    #[test]
    fn drafts_survive_reopening_the_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hugops.db");
        let mut st = Store::open(&path, at(crate::testing::NOW)).unwrap();
        save(
            &mut st,
            "settings",
            r#"{"nudge":{"time":"09:1"}}"#,
            &clock(),
        )
        .unwrap();
        drop(st);
        let st = Store::open(&path, at(crate::testing::NOW)).unwrap();
        let draft = load(&st, "settings").unwrap().unwrap();
        assert_eq!(draft.value, r#"{"nudge":{"time":"09:1"}}"#);
    }

    #[test]
    fn keys_must_be_short_lowercase_words() {
        let mut st = store();
        for key in ["quick-add", "edit:42", "social", "thanks:a.b_c"] {
            save(&mut st, key, "1", &clock()).unwrap();
        }
        let long = "k".repeat(MAX_KEY_BYTES + 1);
        for key in [
            "",
            "Quick",
            "1edit",
            "edit 42",
            "edit/42",
            "é",
            long.as_str(),
        ] {
            let err = save(&mut st, key, "1", &clock()).unwrap_err();
            assert_eq!(err.code(), ErrorCode::InvalidInput, "{key}");
            assert_eq!(err.field(), Some("key"), "{key}");
            assert!(load(&st, key).is_err(), "{key}");
        }
        assert_eq!(count(&st), 4);
    }

    #[test]
    fn values_must_be_json_and_at_most_the_cap() {
        let mut st = store();
        let biggest = format!("\"{}\"", "x".repeat(MAX_DRAFT_BYTES - 2));
        save(&mut st, "big", &biggest, &clock()).unwrap();
        let too_big = format!("\"{}\"", "x".repeat(MAX_DRAFT_BYTES - 1));
        for value in [too_big.as_str(), "", "{\"a\":", "not json"] {
            let err = save(&mut st, "other", value, &clock()).unwrap_err();
            assert_eq!(err.field(), Some("value"), "{value}");
        }
        assert_eq!(
            load(&st, "big").unwrap().unwrap().value.len(),
            MAX_DRAFT_BYTES
        );
        assert_eq!(load(&st, "other").unwrap(), None);
    }

    #[test]
    fn beyond_the_row_cap_the_least_recently_saved_give_way() {
        let mut st = store();
        let clock = clock();
        for n in 0..MAX_DRAFTS {
            save(&mut st, &format!("edit:{n}"), "{}", &clock).unwrap();
            clock.advance(chrono::Duration::seconds(1));
        }
        // edit:0 is saved again, so edit:1 is now the oldest.
        save(&mut st, "edit:0", "{}", &clock).unwrap();
        clock.advance(chrono::Duration::seconds(1));
        save(&mut st, "quick-add", "{}", &clock).unwrap();
        assert_eq!(count(&st), MAX_DRAFTS as i64);
        assert!(load(&st, "edit:1").unwrap().is_none());
        assert!(load(&st, "edit:0").unwrap().is_some());
        assert!(load(&st, "quick-add").unwrap().is_some());
    }

    #[test]
    fn keys_lists_by_prefix() {
        let mut st = store();
        for key in ["edit:7", "quick-add", "edit:12", "editor"] {
            save(&mut st, key, "{}", &clock()).unwrap();
        }
        assert_eq!(keys(&st, "edit:").unwrap(), ["edit:12", "edit:7"]);
        assert_eq!(keys(&st, "").unwrap().len(), 4);
        assert!(keys(&st, "x").unwrap().is_empty());
    }
}
