//! SQL shared by the journal operations: the one row → [`Entry`] mapping, the
//! one (batched) INSERT, the [`Filter`] clause and the Unicode case-folding function.
//!
//! Every query names the entries table `e`.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::functions::FunctionFlags;
use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, Row};

use super::validate::Draft;
use super::{Entry, Filter};
use crate::clock::{format_instant, parse_instant};
use crate::store::bad_column;
use crate::Result;

/// The columns [`entry_from_row`] reads, in its order.
pub const COLUMNS: &str =
    "e.id, e.direction, e.person, e.email, e.message, e.tags, e.link, e.occurred_on, e.created_at";

/// Rows per INSERT statement in [`insert_rows`].
///
/// FTS5 flushes its pending index data at the end of every statement that
/// fires the sync trigger, so one statement per row would be about six times
/// slower than one per few hundred rows.
pub const INSERT_BATCH: usize = 500;

/// Values bound per inserted row.
const INSERT_COLUMNS: usize = 9;

/// A validated entry and what the database needs besides: the id to keep
/// (`None` lets SQLite choose) and the creation time as stored.
#[derive(Debug, Clone, Copy)]
pub struct NewRow<'a> {
    pub id: Option<i64>,
    pub draft: &'a Draft,
    pub created_at: &'a str,
}

/// Name of the SQL function `hugops_same_folded(text, folded)`: whether
/// [`fold`]`(text)` equals `folded` (see [`same_folded`]).
pub const SAME_FN: &str = "hugops_same_folded";

/// Builds an [`Entry`] from a row selected with [`COLUMNS`].
pub fn entry_from_row(row: &Row<'_>) -> rusqlite::Result<Entry> {
    let direction: String = row.get(1)?;
    let tags: String = row.get(5)?;
    let occurred_on: String = row.get(7)?;
    let created_at: String = row.get(8)?;
    Ok(Entry {
        id: row.get(0)?,
        direction: direction.parse().map_err(|e| bad_column(1, e))?,
        person: row.get(2)?,
        email: row.get(3)?,
        message: row.get(4)?,
        tags: serde_json::from_str(&tags).map_err(|e| bad_column(5, e))?,
        link: row.get(6)?,
        occurred_on: parse_date(&occurred_on).ok_or_else(|| bad_column(7, "bad date"))?,
        created_at: parse_instant(&created_at).ok_or_else(|| bad_column(8, "bad instant"))?,
    })
}

/// Column `i` of `row` as borrowed text (no copy).
pub fn text_at<'r>(row: &'r Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    Ok(row.get_ref(i)?.as_str()?)
}

/// Parses a stored `YYYY-MM-DD` date.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// The stored form of a date: `YYYY-MM-DD`.
pub fn format_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The stored form of a creation time: whole seconds, UTC.
pub fn format_created(t: DateTime<Utc>) -> String {
    format_instant(t)
}

/// The INSERT of `rows` entries, returning their ids.
fn insert_sql(rows: usize) -> String {
    let values = format!("({})", ["?"; INSERT_COLUMNS].join(","));
    format!(
        "INSERT INTO entries \
         (id, direction, person, email, message, tags, link, occurred_on, created_at) \
         VALUES {} RETURNING id",
        vec![values; rows].join(",")
    )
}

/// Inserts validated entries, [`INSERT_BATCH`] per statement (run it inside
/// a transaction when there are many). Returns their ids in `rows` order.
pub fn insert_rows(conn: &Connection, rows: &[NewRow<'_>]) -> Result<Vec<i64>> {
    let mut ids = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(INSERT_BATCH) {
        let mut stmt = conn.prepare_cached(&insert_sql(chunk.len()))?;
        for (i, row) in chunk.iter().enumerate() {
            let d = row.draft;
            let tags = serde_json::to_string(&d.tags).expect("a list of strings serialises");
            let base = i * INSERT_COLUMNS;
            stmt.raw_bind_parameter(base + 1, row.id)?;
            stmt.raw_bind_parameter(base + 2, d.direction.as_str())?;
            stmt.raw_bind_parameter(base + 3, &d.person)?;
            stmt.raw_bind_parameter(base + 4, &d.email)?;
            stmt.raw_bind_parameter(base + 5, &d.message)?;
            stmt.raw_bind_parameter(base + 6, tags)?;
            stmt.raw_bind_parameter(base + 7, &d.link)?;
            stmt.raw_bind_parameter(base + 8, format_date(d.occurred_on))?;
            stmt.raw_bind_parameter(base + 9, row.created_at)?;
        }
        let mut returned = stmt.raw_query();
        let first = ids.len();
        while let Some(r) = returned.next()? {
            ids.push(r.get(0)?);
        }
        // SQLite documents no order for RETURNING but gives insertion order
        // (tests rely on it across batches; debug builds check kept ids).
        debug_assert!(chunk
            .iter()
            .zip(&ids[first..])
            .all(|(row, id)| row.id.map_or(true, |want| want == *id)));
    }
    Ok(ids)
}

/// The live entry with this id, if any.
pub fn live_entry(conn: &Connection, id: i64) -> Result<Option<Entry>> {
    let sql = format!("SELECT {COLUMNS} FROM entries e WHERE e.id = ?1 AND e.deleted_at IS NULL");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query_map([id], entry_from_row)?;
    Ok(rows.next().transpose()?)
}

/// Case folding used for "case-insensitive" names and tags (Unicode aware,
/// unlike SQLite's ASCII-only `NOCASE`).
pub fn fold(s: &str) -> String {
    s.to_lowercase()
}

/// Whether `fold(text) == folded`, without allocating for ASCII text (the
/// common case, checked once per row by filters).
pub fn same_folded(text: &[u8], folded: &str) -> bool {
    if text.is_ascii() {
        text.len() == folded.len()
            && text
                .iter()
                .zip(folded.as_bytes())
                .all(|(a, b)| a.to_ascii_lowercase() == *b)
    } else {
        std::str::from_utf8(text).is_ok_and(|t| fold(t) == folded)
    }
}

/// Registers [`SAME_FN`] on the connection unless already there.
pub fn ensure_same_fn(conn: &Connection) -> Result<()> {
    if conn
        .prepare_cached(&format!("SELECT {SAME_FN}('', '')"))
        .is_ok()
    {
        return Ok(());
    }
    let flags = FunctionFlags::SQLITE_UTF8
        | FunctionFlags::SQLITE_DETERMINISTIC
        | FunctionFlags::SQLITE_INNOCUOUS;
    conn.create_scalar_function(SAME_FN, 2, flags, |ctx| {
        Ok(match (ctx.get_raw(0), ctx.get_raw(1)) {
            (ValueRef::Text(text), ValueRef::Text(folded)) => std::str::from_utf8(folded)
                .ok()
                .map(|folded| same_folded(text, folded)),
            _ => None,
        })
    })?;
    Ok(())
}

/// The `AND …` conditions of `filter` (not its limit), pushing their
/// parameters onto `params` in placeholder order. Registers [`SAME_FN`] when
/// the filter needs it.
pub fn filter_clause(
    conn: &Connection,
    filter: &Filter,
    params: &mut Vec<Value>,
) -> Result<String> {
    let mut sql = String::new();
    if let Some(direction) = filter.direction {
        sql.push_str(" AND e.direction = ?");
        params.push(Value::Text(direction.as_str().into()));
    }
    if filter.person_name().is_some() || filter.tag_name().is_some() {
        ensure_same_fn(conn)?;
    }
    if let Some(person) = filter.person_name() {
        sql.push_str(&format!(" AND {SAME_FN}(e.person, ?)"));
        params.push(Value::Text(fold(person)));
    }
    if let Some(tag) = filter.tag_name() {
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM json_each(e.tags) t WHERE {SAME_FN}(t.value, ?))"
        ));
        params.push(Value::Text(fold(tag)));
    }
    if let Some(from) = filter.from {
        sql.push_str(" AND e.occurred_on >= ?");
        params.push(Value::Text(format_date(from)));
    }
    if let Some(to) = filter.to {
        sql.push_str(" AND e.occurred_on <= ?");
        params.push(Value::Text(format_date(to)));
    }
    Ok(sql)
}

/// ` LIMIT ? OFFSET ?` with `limit` (all rows when `None`) and the filter's offset.
pub fn limit_clause(limit: Option<usize>, offset: usize, params: &mut Vec<Value>) -> &'static str {
    let to_i64 = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    params.push(Value::Integer(limit.map_or(-1, to_i64)));
    params.push(Value::Integer(to_i64(offset)));
    " LIMIT ? OFFSET ?"
}

/// Runs a SELECT of [`COLUMNS`] and maps every row.
pub fn query_entries(conn: &Connection, sql: &str, params: Vec<Value>) -> Result<Vec<Entry>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params), entry_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn same_folded_is_unicode_aware() {
        assert!(same_folded(b"Zoe Okafor", "zoe okafor"));
        assert!(same_folded("ZOË ÖKAFOR".as_bytes(), "zoë ökafor"));
        assert!(!same_folded(b"Zoe Okafor", "zoë okafor"));
        assert!(!same_folded(b"Zoe", "zoe "));
        assert!(
            !same_folded(b"ZOE", "ZOE"),
            "the second argument is already folded"
        );
        assert!(!same_folded(&[0xff, b'a'], "a"));
    }

    #[test]
    fn same_function_is_registered_once_and_null_safe() {
        let store = Store::open_in_memory().unwrap();
        ensure_same_fn(store.conn()).unwrap();
        ensure_same_fn(store.conn()).unwrap();
        let ask = |sql: &str| -> Option<bool> {
            store
                .conn()
                .query_row(&format!("SELECT {SAME_FN}({sql})"), [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(ask("'ZOË', 'zoë'"), Some(true));
        assert_eq!(ask("'Ana', 'zoë'"), Some(false));
        assert_eq!(ask("NULL, 'zoë'"), None);
        assert_eq!(ask("1, '1'"), None);
    }

    #[test]
    fn limit_clause_means_all_when_none() {
        let mut params = Vec::new();
        limit_clause(None, 3, &mut params);
        limit_clause(Some(5), 0, &mut params);
        assert_eq!(
            params,
            vec![
                Value::Integer(-1),
                Value::Integer(3),
                Value::Integer(5),
                Value::Integer(0)
            ]
        );
    }

    #[test]
    fn corrupt_rows_are_reported_not_panicked_on() {
        let store = Store::open_in_memory().unwrap();
        store
            .conn()
            .execute(
                "INSERT INTO entries (direction, person, message, occurred_on, created_at) \
                 VALUES ('given', 'Zoë', 'hi', 'yesterday', '2026-11-24T10:00:00Z')",
                [],
            )
            .unwrap();
        let err = live_entry(store.conn(), 1).unwrap_err();
        assert!(err.to_string().contains("bad date"), "{err}");
    }
}
