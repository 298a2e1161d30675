//! Importing JSON and CSV exports, all or nothing.
//!
//! The file is read whole, every record is parsed and checked with the same
//! rules as a new entry, and only then written, in one transaction. Any bad
//! record rejects the file with [`Error::BadFile`] naming the line where that
//! record starts and the field at fault.
//!
//! A record identical to a live entry (or to an earlier record of the file)
//! in direction, person, message, date and creation time is skipped and
//! counted. Ids from the file are kept when free, so an export imported into
//! an empty journal exports back to the same bytes.

mod csv;
mod json;

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use rusqlite::TransactionBehavior;
use serde::Serialize;

use super::sql::{self, NewRow};
use super::validate::{check_date, Draft};
use super::{Direction, NewEntry};
use crate::clock::{parse_instant, Clock};
use crate::{Error, Result, Store};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportReport {
    pub imported: usize,
    pub skipped_duplicates: usize,
}

/// What is wrong with the file, before the path is attached.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Problem {
    line: u64,
    field: Option<String>,
    message: String,
}

impl Problem {
    fn new(line: u64, field: Option<&str>, message: impl Into<String>) -> Self {
        Problem {
            line,
            field: field.map(str::to_owned),
            message: message.into(),
        }
    }

    fn into_error(self, path: &Path) -> Error {
        Error::bad_file(path, Some(self.line), self.field.as_deref(), self.message)
    }
}

/// One record as read from the file, before any check. Text is kept as is;
/// absent and empty optional values are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Record {
    /// 1-based line where the record starts.
    line: u64,
    id: Option<i64>,
    direction: Option<String>,
    person: Option<String>,
    email: Option<String>,
    message: Option<String>,
    tags: Vec<String>,
    link: Option<String>,
    occurred_on: Option<String>,
    created_at: Option<String>,
}

/// A checked record, ready to be written.
#[derive(Debug)]
struct Row {
    id: Option<i64>,
    draft: Draft,
    /// `draft.occurred_on` as stored.
    occurred_on: String,
    created_at: String,
}

/// What makes two entries the same for duplicate detection:
/// direction, person, message, occurred_on, created_at (as stored).
type Key<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str);

impl Row {
    fn key(&self) -> Key<'_> {
        (
            self.draft.direction.as_str(),
            &self.draft.person,
            &self.draft.message,
            &self.occurred_on,
            &self.created_at,
        )
    }
}

/// Imports a JSON or CSV file in one transaction, after a `pre-import`
/// snapshot of the database.
///
/// The format comes from the extension (`.json`, `.csv`), else from the
/// first non-blank character (`[` or `{` means JSON).
pub fn import_file(store: &mut Store, path: &Path, clock: &dyn Clock) -> Result<ImportReport> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let rows = checked_rows(path, &bytes, clock)?;
    crate::backup::before_import(store, clock.now())?;
    write_rows(store, &rows)
}

/// Parses and checks `bytes` as [`import_file`] does the file at `path`,
/// without writing anything; the number of records. The entry point of the
/// `journal_json` and `journal_csv` fuzz targets (`fuzz/`), built only by
/// `cargo fuzz` (`cfg(fuzzing)`).
#[cfg(fuzzing)]
pub fn check_import(path: &Path, bytes: &[u8], clock: &dyn Clock) -> Result<usize> {
    checked_rows(path, bytes, clock).map(|rows| rows.len())
}

/// Every record of the file, parsed and checked, before any write.
fn checked_rows(path: &Path, bytes: &[u8], clock: &dyn Clock) -> Result<Vec<Row>> {
    let records = parse(bytes, Format::of(path)).map_err(|p| p.into_error(path))?;
    let today = clock.today();
    let now = sql::format_created(clock.now());
    records
        .into_iter()
        .map(|r| check(r, today, &now))
        .collect::<Result<Vec<_>, Problem>>()
        .map_err(|p| p.into_error(path))
}

/// The two formats the import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Csv,
}

impl Format {
    /// The format named by the file's extension, if any.
    fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// Decodes the file and reads its records, in `format` or else the one its
/// first non-blank character suggests.
fn parse(bytes: &[u8], format: Option<Format>) -> Result<Vec<Record>, Problem> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = LineCounter::new(bytes).line_at(e.valid_up_to());
        Problem::new(line, None, "not valid UTF-8 text")
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(first) = text.trim_start().chars().next() else {
        return Err(Problem::new(1, None, "empty file"));
    };
    let sniffed = if first == '[' || first == '{' {
        Format::Json
    } else {
        Format::Csv
    };
    match format.unwrap_or(sniffed) {
        Format::Json => json::records(text),
        Format::Csv => csv::records(text),
    }
}

/// Turns byte offsets into 1-based line numbers, counting each byte once
/// when the offsets come in increasing order (as records do).
struct LineCounter<'a> {
    bytes: &'a [u8],
    counted_to: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            counted_to: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, offset: usize) -> u64 {
        let offset = offset.min(self.bytes.len());
        if offset < self.counted_to {
            *self = LineCounter::new(self.bytes);
        }
        let newlines = self.bytes[self.counted_to..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.line += newlines as u64;
        self.counted_to = offset;
        self.line
    }
}

/// Checks a record with the rules of a new entry, plus those of the fields
/// only files carry (id, creation time).
fn check(r: Record, today: chrono::NaiveDate, now: &str) -> Result<Row, Problem> {
    let line = r.line;
    let problem = |field: &str, message: String| Problem::new(line, Some(field), message);
    let required = |value: Option<String>, field: &str| {
        value.ok_or_else(|| problem(field, "is missing".into()))
    };
    let direction: Direction =
        required(r.direction, "direction")?
            .parse()
            .map_err(|e| match e {
                Error::InvalidInput { message, .. } => problem("direction", message),
                other => problem("direction", other.to_string()),
            })?;
    if r.id.is_some_and(|id| id < 1) {
        return Err(problem("id", "must be a positive whole number".into()));
    }
    let occurred_on = match r.occurred_on {
        Some(text) => Some(sql::parse_date(&text).ok_or_else(|| {
            problem(
                "occurred_on",
                format!("`{text}` is not a date like 2026-11-24"),
            )
        })?),
        None => None,
    };
    let created_at = match r.created_at {
        Some(text) => {
            let t = parse_instant(&text)
                .filter(|t| check_date("created_at", t.date_naive()).is_ok())
                .ok_or_else(|| {
                    problem(
                        "created_at",
                        format!("`{text}` is not a time like 2026-11-24T10:00:00Z"),
                    )
                })?;
            sql::format_created(t)
        }
        None => now.to_owned(),
    };
    let new = NewEntry {
        direction: Some(direction),
        person: required(r.person, "person")?,
        email: r.email,
        message: required(r.message, "message")?,
        tags: r.tags,
        link: r.link,
        occurred_on,
    };
    let draft = Draft::check(new, today).map_err(|e| match e {
        Error::InvalidInput { field, message } => problem(&field, message),
        other => Problem::new(line, None, other.to_string()),
    })?;
    Ok(Row {
        id: r.id,
        occurred_on: sql::format_date(draft.occurred_on),
        draft,
        created_at,
    })
}

/// Skips duplicates and writes the rest in one transaction: first the rows
/// whose id is free (keeping it), then the others under new ids.
fn write_rows<'r>(store: &mut Store, rows: &'r [Row]) -> Result<ImportReport> {
    let tx = store
        .conn_mut()
        .transaction_with_behavior(TransactionBehavior::Immediate)?;
    // done[i]: row i is written or skipped as a duplicate.
    let mut done = vec![false; rows.len()];
    let mut first_of: HashMap<Key<'_>, usize> = HashMap::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        match first_of.entry(row.key()) {
            Entry::Occupied(_) => done[i] = true,
            Entry::Vacant(slot) => {
                slot.insert(i);
            }
        }
    }
    let mut taken_ids = HashSet::new();
    {
        let mut stmt = tx.prepare(
            "SELECT id, deleted_at IS NULL, direction, person, message, occurred_on, created_at \
             FROM entries",
        )?;
        let mut existing = stmt.query([])?;
        while let Some(r) = existing.next()? {
            taken_ids.insert(r.get::<_, i64>(0)?);
            if !r.get::<_, bool>(1)? {
                continue;
            }
            let text = |i| sql::text_at(r, i);
            let key = (text(2)?, text(3)?, text(4)?, text(5)?, text(6)?);
            if let Some(&i) = first_of.get(&key) {
                done[i] = true;
            }
        }
    }
    let skipped = done.iter().filter(|d| **d).count();
    let as_new = |row: &'r Row, id| NewRow {
        id,
        draft: &row.draft,
        created_at: &row.created_at,
    };
    let mut batch = Vec::with_capacity(rows.len() - skipped);
    for (i, row) in rows.iter().enumerate() {
        if let Some(id) = row.id.filter(|id| !done[i] && taken_ids.insert(*id)) {
            batch.push(as_new(row, Some(id)));
            done[i] = true;
        }
    }
    for (row, _) in rows.iter().zip(&done).filter(|(_, done)| !**done) {
        batch.push(as_new(row, None));
    }
    sql::insert_rows(&tx, &batch)?;
    tx.commit()?;
    Ok(ImportReport {
        imported: rows.len() - skipped,
        skipped_duplicates: skipped,
    })
}

#[cfg(test)]
mod tests;
