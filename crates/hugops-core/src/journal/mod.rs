//! The kudos journal: appreciation given and received, kept on this machine.
//!
//! This module holds the entry types and their validation; the operations
//! live in the submodules and are re-exported here.

mod crud;
mod export;
mod import;
mod search;
mod stats;

pub use crud::{add, delete, edit, get, list, undo_delete};
pub use export::{export, ExportFormat};
pub use import::{import_file, ImportReport};
pub use search::search;
pub use stats::{stats, Count, MonthCount, Stats, Streak};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Longest message accepted, in characters (Unicode scalar values).
pub const MAX_MESSAGE_CHARS: usize = 10_000;

/// Whether the kudos was given by the user or received by them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    pub created_at: DateTime<Utc>,
}

/// What the user gives to add an entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct NewEntry {
    pub direction: Option<Direction>,
    pub person: String,
    pub email: Option<String>,
    pub message: String,
    pub tags: Vec<String>,
    pub link: Option<String>,
    /// Defaults to today in the user's zone.
    pub occurred_on: Option<NaiveDate>,
}

/// A partial update: `None` leaves a field as it is. For the optional fields
/// `Some(None)` clears them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct EntryPatch {
    pub direction: Option<Direction>,
    pub person: Option<String>,
    pub email: Option<Option<String>>,
    pub message: Option<String>,
    pub tags: Option<Vec<String>>,
    pub link: Option<Option<String>>,
    pub occurred_on: Option<NaiveDate>,
}

/// Which entries to list; every field narrows the result. Dates are inclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Filter {
    pub direction: Option<Direction>,
    /// Case-insensitive exact name match.
    pub person: Option<String>,
    /// Case-insensitive exact tag match (`#hugops` and `hugops` are distinct).
    pub tag: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// At most this many entries (all when `None`).
    pub limit: Option<usize>,
    pub offset: usize,
}

fn serialize_instant<S: serde::Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::clock::format_instant(*t))
}
