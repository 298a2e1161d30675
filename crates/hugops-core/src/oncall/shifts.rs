//! On-call shifts, read from CSV.
//!
//! Header `email,start,end` (found by name; other columns ignored). `start`
//! and `end` are RFC 3339 instants with `Z` or an offset, and `end` must be
//! after `start`. An empty `email` is a shift nobody holds.

use std::path::Path;

use chrono::{DateTime, Utc};

use crate::clock::{parse_instant, Interval};
use crate::roster::Table;
use crate::{Error, Result};

/// One stretch of time someone (or no one) is on call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shift {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Lowercased email of the person on call.
    pub who: Option<String>,
    pub summary: String,
}

impl Shift {
    /// The shift as a span of time.
    pub fn interval(&self) -> Interval {
        Interval {
            start: self.start,
            end: self.end,
        }
    }
}

/// Reads and parses a shifts file; see [`parse_shifts`].
pub fn read_shifts(path: &Path) -> Result<Vec<Shift>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    parse_shifts(path, &bytes)
}

/// Parses a shifts CSV (`path` is only used in error messages).
pub fn parse_shifts(path: &Path, bytes: &[u8]) -> Result<Vec<Shift>> {
    let table = Table::read(path, bytes)?;
    for col in ["email", "start", "end"] {
        table.require(col)?;
    }
    let mut out = Vec::with_capacity(table.rows.len());
    for (line, row) in &table.rows {
        let bad = |col: &str, msg: String| Error::bad_file(path, Some(*line), Some(col), msg);
        let instant = |col: &str| {
            let text = table.get(row, col);
            parse_instant(text).ok_or_else(|| {
                bad(
                    col,
                    format!("`{text}` is not an instant like 2026-11-24T10:00:00Z"),
                )
            })
        };
        let (start, end) = (instant("start")?, instant("end")?);
        if end <= start {
            return Err(bad("end", "the end must be after the start".into()));
        }
        let email = table.get(row, "email");
        out.push(Shift {
            start,
            end,
            who: (!email.is_empty()).then(|| email.to_lowercase()),
            summary: String::new(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse_shifts(Path::new("s.csv"), text.as_bytes())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn reads_offsets_extra_columns_and_any_order() {
        let text = "note,end,email,start\n\
                    x,2026-03-30T08:00:00+02:00,Priya@Example.org,2026-03-28T09:00:00+01:00\n\
                    y,2026-04-01T00:00:00+05:45,,2026-03-31T00:00:00Z\n";
        let s = parse_shifts(Path::new("s.csv"), text.as_bytes()).unwrap();
        assert_eq!(s[0].who.as_deref(), Some("priya@example.org"));
        assert_eq!(s[0].start.to_rfc3339(), "2026-03-28T08:00:00+00:00");
        assert_eq!(s[0].end.to_rfc3339(), "2026-03-30T06:00:00+00:00");
        assert_eq!(s[1].who, None);
        assert_eq!(s[1].end.to_rfc3339(), "2026-03-31T18:15:00+00:00");
    }

    #[test]
    fn end_not_after_start_names_line_and_end() {
        let e = err(
            "email,start,end\na@x,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z\n\
                     a@x,2026-01-02T00:00:00Z,2026-01-02T00:00:00Z\n",
        );
        assert!(e.starts_with("s.csv: line 3: field `end`"), "{e}");
    }

    #[test]
    fn bad_instant_and_missing_column() {
        let e = err("email,start,end\na@x,2026-01-01 00:00,2026-01-02T00:00:00Z\n");
        assert!(e.starts_with("s.csv: line 2: field `start`"), "{e}");
        let e = err("email,start\na@x,2026-01-01T00:00:00Z\n");
        assert!(e.starts_with("s.csv: line 1: field `end`"), "{e}");
    }
}
