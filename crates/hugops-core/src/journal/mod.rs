//! The kudos journal: appreciation given and received, kept on this machine.
//!
//! This module holds the entry types and their validation; the operations
//! live in the submodules and are re-exported here.

mod crud;
mod export;
mod import;
#[cfg(test)]
mod perf_tests;
mod rank;
mod search;
mod sql;
mod stats;
mod validate;

pub use crud::{add, add_many, delete, edit, get, list, undo_delete};
pub use export::{export, export_to_file, ExportFormat};
#[cfg(fuzzing)]
pub use import::check_import;
pub use import::{import_file, ImportReport};
pub use search::{search, DEFAULT_LIMIT as SEARCH_DEFAULT_LIMIT};
pub use stats::{stats, Count, MonthCount, Stats, Streak};
pub use validate::{MAX_PERSON_CHARS, MAX_TAG_CHARS};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Longest message accepted, in characters (Unicode scalar values).
pub const MAX_MESSAGE_CHARS: usize = 10_000;

/// Whether the kudos was given by the user or received by them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Given,
    Received,
}

impl Direction {
    /// The stored and printed form: `given` or `received`.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Given => "given",
            Direction::Received => "received",
        }
    }
}

impl std::str::FromStr for Direction {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Self> {
        match s {
            "given" => Ok(Direction::Given),
            "received" => Ok(Direction::Received),
            other => Err(crate::Error::invalid(
                "direction",
                format!("expected `given` or `received`, got `{other}`"),
            )),
        }
    }
}

/// A stored journal entry, as printed by `--json` and exported.
///
/// Text fields come back exactly as given, byte for byte.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Entry {
    pub id: i64,
    pub direction: Direction,
    pub person: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub message: String,
    pub tags: Vec<String>,
    pub link: Option<String>,
    pub occurred_on: NaiveDate,
    #[serde(serialize_with = "serialize_instant")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub created_at: DateTime<Utc>,
}

/// What the user gives to add an entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct NewEntry {
    pub direction: Option<Direction>,
    pub person: String,
    pub email: Option<String>,
    pub message: String,
    pub tags: Vec<String>,
    pub link: Option<String>,
    /// Defaults to today in the user's zone.
    #[serde(deserialize_with = "date_or_blank")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub occurred_on: Option<NaiveDate>,
}

/// A partial update: `None` leaves a field as it is. For the optional fields
/// `Some(None)` clears them; in JSON a missing key leaves the field and
/// `null` (or `""`) clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct EntryPatch {
    pub direction: Option<Direction>,
    pub person: Option<String>,
    #[serde(deserialize_with = "present_or_null")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub email: Option<Option<String>>,
    pub message: Option<String>,
    pub tags: Option<Vec<String>>,
    #[serde(deserialize_with = "present_or_null")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub link: Option<Option<String>>,
    #[serde(deserialize_with = "date_or_blank")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub occurred_on: Option<NaiveDate>,
}

/// For a key that is present: `null` becomes `Some(None)` (serde's default
/// would make it `None`, "leave as is"). Absent keys stay `None` through
/// `#[serde(default)]`.
fn present_or_null<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

/// Which entries to list; every field narrows the result. Dates are inclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Filter {
    pub direction: Option<Direction>,
    /// Case-insensitive exact name match.
    pub person: Option<String>,
    /// Case-insensitive exact tag match (`#hugops` and `hugops` are distinct).
    pub tag: Option<String>,
    #[serde(deserialize_with = "date_or_blank")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub from: Option<NaiveDate>,
    #[serde(deserialize_with = "date_or_blank")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub to: Option<NaiveDate>,
    /// At most this many entries (all when `None`).
    pub limit: Option<usize>,
    pub offset: usize,
}

impl Filter {
    /// The person to match; a blank one (an empty form field) is no filter.
    pub fn person_name(&self) -> Option<&str> {
        self.person.as_deref().filter(|p| !p.trim().is_empty())
    }

    /// The tag to match; a blank one (an empty form field) is no filter.
    pub fn tag_name(&self) -> Option<&str> {
        self.tag.as_deref().filter(|t| !t.trim().is_empty())
    }
}

/// A `YYYY-MM-DD` date where `null` or `""` (an empty form field) mean none.
fn date_or_blank<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(d)? {
        Some(s) if !s.trim().is_empty() => s
            .parse()
            .map(Some)
            .map_err(|_| serde::de::Error::custom(format!("`{s}` is not a date like 2026-11-24"))),
        _ => Ok(None),
    }
}

fn serialize_instant<S: serde::Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::clock::format_instant(*t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patch_json_tells_clear_from_leave() {
        let p: EntryPatch = serde_json::from_str(r#"{"email": null, "message": "hi"}"#).unwrap();
        assert_eq!(p.email, Some(None));
        assert_eq!(p.link, None);
        assert_eq!(p.message.as_deref(), Some("hi"));
        let p: EntryPatch = serde_json::from_str(r#"{"link": "https://x.org"}"#).unwrap();
        assert_eq!(p.link, Some(Some("https://x.org".into())));
        assert_eq!(p.email, None);
    }

    #[test]
    fn form_json_with_blank_dates() {
        let n: NewEntry = serde_json::from_str(
            r#"{"direction": "given", "person": "Zoë", "message": "hi", "occurred_on": ""}"#,
        )
        .unwrap();
        assert_eq!(n.direction, Some(Direction::Given));
        assert_eq!(n.occurred_on, None);
        assert!(n.tags.is_empty());
        let n: NewEntry = serde_json::from_str(r#"{"occurred_on": "2026-11-24"}"#).unwrap();
        assert_eq!(n.occurred_on, NaiveDate::from_ymd_opt(2026, 11, 24));
        assert!(serde_json::from_str::<NewEntry>(r#"{"occurred_on": "soon"}"#).is_err());
        let f: Filter = serde_json::from_str(r#"{"from": "", "to": null, "limit": 5}"#).unwrap();
        assert_eq!((f.from, f.to, f.limit, f.offset), (None, None, Some(5), 0));
    }

    #[test]
    fn blank_filter_names_are_no_filter() {
        let f = Filter {
            person: Some(" ".into()),
            tag: Some("ci".into()),
            ..Filter::default()
        };
        assert_eq!(f.person_name(), None);
        assert_eq!(f.tag_name(), Some("ci"));
    }

    #[test]
    fn direction_names() {
        assert_eq!("given".parse::<Direction>().unwrap(), Direction::Given);
        assert_eq!(Direction::Received.as_str(), "received");
        assert!("Given".parse::<Direction>().is_err());
    }
}
