//! Reading the pairs printed by `hugops match --json`:
//! `{"pairs": [{"joiner": "...", "buddy": "...", ...}], ...}`. Other fields
//! are ignored. Every problem is an [`Error::BadFile`] naming the file, the
//! line where the offending pair starts and the field.

use std::path::Path;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::roster::Person;
use crate::{Error, Result};

/// One pair of the file, emails lowercased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairRow {
    pub joiner: String,
    pub buddy: String,
    /// 1-based line where the pair starts.
    pub line: u64,
}

#[derive(Deserialize)]
struct Wrapped<'a> {
    #[serde(borrow)]
    pairs: Vec<&'a RawValue>,
}

/// Reads and parses a pairs file; see [`parse_pairs`].
pub fn read_pairs(path: &Path) -> Result<Vec<PairRow>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    parse_pairs(path, &bytes)
}

/// Parses a pairs file (`path` is only used in error messages).
pub fn parse_pairs(path: &Path, bytes: &[u8]) -> Result<Vec<PairRow>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = line_at(bytes, e.valid_up_to());
        Error::bad_file(path, Some(line), None, "not valid UTF-8 text")
    })?;
    let wrapped: Wrapped<'_> = serde_json::from_str(text).map_err(|e| {
        let line = u64::try_from(e.line()).unwrap_or(1).max(1);
        let full = e.to_string();
        let message = full
            .rsplit_once(" at line ")
            .map_or(full.as_str(), |(m, _)| m);
        match e.classify() {
            serde_json::error::Category::Data => Error::bad_file(
                path,
                Some(line),
                Some("pairs"),
                format!(
                    "{message}: expected {{\"pairs\": [...]}} as printed by `hugops match --json`"
                ),
            ),
            _ => Error::bad_file(path, Some(line), None, format!("invalid JSON: {message}")),
        }
    })?;
    wrapped
        .pairs
        .iter()
        .map(|raw| {
            let start = raw.get().as_ptr() as usize - text.as_ptr() as usize;
            pair(path, raw.get(), line_at(text.as_bytes(), start))
        })
        .collect()
}

fn pair(path: &Path, element: &str, line: u64) -> Result<PairRow> {
    let map: Map<String, Value> = serde_json::from_str(element).map_err(|_| {
        Error::bad_file(
            path,
            Some(line),
            Some("pairs"),
            "each pair must be a JSON object",
        )
    })?;
    let email = |field: &str| -> Result<String> {
        let bad = |message: String| Error::bad_file(path, Some(line), Some(field), message);
        match map.get(field) {
            None => Err(bad("missing".into())),
            Some(Value::String(s)) if s.contains('@') => Ok(s.trim().to_lowercase()),
            Some(Value::String(s)) => Err(bad(format!("`{s}` is not an email address"))),
            Some(other) => Err(bad(format!("expected an email as a string, got {other}"))),
        }
    };
    Ok(PairRow {
        joiner: email("joiner")?,
        buddy: email("buddy")?,
        line,
    })
}

/// 1-based line of a byte offset.
fn line_at(bytes: &[u8], offset: usize) -> u64 {
    let before = &bytes[..offset.min(bytes.len())];
    before.iter().filter(|b| **b == b'\n').count() as u64 + 1
}

/// The roster people of each pair, in order. Emails missing from the roster
/// are an [`Error::BadFile`] on `pairs_path` naming every one of them (and
/// the line of the first, unless rows have line 0: not from a file).
pub fn resolve<'a>(
    people: &'a [Person],
    rows: &[PairRow],
    pairs_path: &Path,
) -> Result<Vec<(&'a Person, &'a Person)>> {
    let find = |email: &str| people.iter().find(|p| p.email == email);
    let mut missing: Vec<(&str, u64)> = Vec::new();
    let mut found = Vec::new();
    for row in rows {
        match (find(&row.joiner), find(&row.buddy)) {
            (Some(j), Some(b)) => found.push((j, b)),
            (j, b) => {
                for (person, email) in [(j, &row.joiner), (b, &row.buddy)] {
                    if person.is_none() && !missing.iter().any(|(m, _)| m == email) {
                        missing.push((email, row.line));
                    }
                }
            }
        }
    }
    match missing.first() {
        None => Ok(found),
        Some((_, line)) => {
            let names: Vec<&str> = missing.iter().map(|(e, _)| *e).collect();
            Err(Error::bad_file(
                pairs_path,
                Some(*line).filter(|l| *l > 0),
                None,
                format!("not in the roster: {}", names.join(", ")),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Vec<PairRow>> {
        parse_pairs(Path::new("pairs.json"), text.as_bytes())
    }

    fn message(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn reads_match_output_with_lines_and_lowercase() {
        let text = "{\n  \"pairs\": [\n    {\"joiner\": \"A@X.org\", \"buddy\": \"b@y.org\", \"score\": 0.5, \"reasons\": []},\n    {\"joiner\": \"c@x.org\",\n     \"buddy\": \"d@y.org\"}\n  ],\n  \"unmatched\": [], \"total_score\": 0.5\n}\n";
        let rows = parse(text).unwrap();
        assert_eq!(
            rows,
            [
                PairRow {
                    joiner: "a@x.org".into(),
                    buddy: "b@y.org".into(),
                    line: 3
                },
                PairRow {
                    joiner: "c@x.org".into(),
                    buddy: "d@y.org".into(),
                    line: 4
                },
            ]
        );
        assert_eq!(parse("{\"pairs\": []}").unwrap(), []);
    }

    #[test]
    fn errors_name_file_line_and_field() {
        assert_eq!(
            message("{\"pairs\": [\n{\"joiner\": \"a@x\"}\n]}"),
            "pairs.json: line 2: field `buddy`: missing"
        );
        assert_eq!(
            message("{\"pairs\": [\n{\"joiner\": 3, \"buddy\": \"b@x\"}]}"),
            "pairs.json: line 2: field `joiner`: expected an email as a string, got 3"
        );
        assert_eq!(
            message("{\"pairs\": [{\"joiner\": \"ann\", \"buddy\": \"b@x\"}]}"),
            "pairs.json: line 1: field `joiner`: `ann` is not an email address"
        );
        assert!(
            message("{\"pairs\": [1]}").contains("field `pairs`: each pair must be a JSON object")
        );
        let m = message("{\"unmatched\": []}");
        assert!(
            m.starts_with("pairs.json: line 1: field `pairs`: missing field `pairs`"),
            "{m}"
        );
        let m = message("{\"pairs\": {}}");
        assert!(m.contains("field `pairs`"), "{m}");
        let m = message("{\n\"pairs\": [\n{\"joiner\": }\n]}");
        assert!(m.starts_with("pairs.json: line 3: invalid JSON: "), "{m}");
        let m = parse_pairs(Path::new("p.json"), b"{\"pairs\": [\xff]}").unwrap_err();
        assert_eq!(m.to_string(), "p.json: line 1: not valid UTF-8 text");
    }

    #[test]
    fn resolve_names_every_missing_email_once() {
        let people =
            crate::testing::people(&[("a@x", "UTC", "09:00-17:00"), ("b@x", "UTC", "09:00-17:00")]);
        let rows = parse(
            "{\"pairs\": [{\"joiner\": \"a@x\", \"buddy\": \"b@x\"},\n{\"joiner\": \"z@x\", \"buddy\": \"y@x\"},\n{\"joiner\": \"z@x\", \"buddy\": \"a@x\"}]}",
        )
        .unwrap();
        let err = resolve(&people, &rows, Path::new("pairs.json")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "pairs.json: line 2: not in the roster: z@x, y@x"
        );
        let ok = resolve(&people, &rows[..1], Path::new("pairs.json")).unwrap();
        assert_eq!(
            (ok[0].0.email.as_str(), ok[0].1.email.as_str()),
            ("a@x", "b@x")
        );
    }
}
