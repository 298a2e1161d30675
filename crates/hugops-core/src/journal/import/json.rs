//! Reading records from JSON: the array [`crate::journal::export`] writes, or
//! `{"entries": [...]}`.
//!
//! The array is first split into raw elements (borrowed slices of the text),
//! which gives each element's position, hence the line where it starts; then
//! each element is read field by field so type errors name their field.

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::{LineCounter, Problem, Record};

#[derive(Deserialize)]
struct Wrapped<'a> {
    #[serde(borrow)]
    entries: Vec<&'a RawValue>,
}

/// The records of a JSON document whose first non-blank character is `[` or `{`.
pub(super) fn records(text: &str) -> Result<Vec<Record>, Problem> {
    let elements = if text.trim_start().starts_with('[') {
        serde_json::from_str::<Vec<&RawValue>>(text)
    } else {
        serde_json::from_str::<Wrapped<'_>>(text).map(|w| w.entries)
    }
    .map_err(syntax_problem)?;
    let mut lines = LineCounter::new(text.as_bytes());
    let mut records = Vec::with_capacity(elements.len());
    for element in elements {
        let start = element.get().as_ptr() as usize - text.as_ptr() as usize;
        records.push(record(element.get(), lines.line_at(start))?);
    }
    Ok(records)
}

/// A parse error, at serde's line (its message without the position).
fn syntax_problem(e: serde_json::Error) -> Problem {
    let full = e.to_string();
    let message = match full.rsplit_once(" at line ") {
        Some((message, _)) => message,
        None => &full,
    };
    let line = u64::try_from(e.line()).unwrap_or(0).max(1);
    Problem::new(line, None, format!("invalid JSON: {message}"))
}

/// One element, starting at `line`. Unknown fields are ignored.
fn record(element: &str, line: u64) -> Result<Record, Problem> {
    let mut map: Map<String, Value> = serde_json::from_str(element)
        .map_err(|_| Problem::new(line, None, "each entry must be a JSON object"))?;
    let mut text = |field: &str| take_text(&mut map, field, line);
    Ok(Record {
        line,
        direction: text("direction")?,
        person: text("person")?,
        email: text("email")?,
        message: text("message")?,
        link: text("link")?,
        occurred_on: text("occurred_on")?,
        created_at: text("created_at")?,
        id: take_id(&mut map, line)?,
        tags: take_tags(&mut map, line)?,
    })
}

/// JSON's name for the kind of a value, for error messages.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn wrong_kind(line: u64, field: &str, expected: &str, got: &Value) -> Problem {
    Problem::new(
        line,
        Some(field),
        format!("expected {expected}, got {}", kind(got)),
    )
}

/// A text field; absent or null is `None`.
fn take_text(
    map: &mut Map<String, Value>,
    field: &str,
    line: u64,
) -> Result<Option<String>, Problem> {
    match map.remove(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(wrong_kind(line, field, "text", &other)),
    }
}

fn take_id(map: &mut Map<String, Value>, line: u64) -> Result<Option<i64>, Problem> {
    match map.remove("id") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) if n.is_i64() => Ok(n.as_i64()),
        Some(other) => Err(wrong_kind(line, "id", "a whole number", &other)),
    }
}

fn take_tags(map: &mut Map<String, Value>, line: u64) -> Result<Vec<String>, Problem> {
    let list = match map.remove("tags") {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(list)) => list,
        Some(other) => return Err(wrong_kind(line, "tags", "a list of text", &other)),
    };
    list.into_iter()
        .map(|tag| match tag {
            Value::String(s) => Ok(s),
            other => Err(wrong_kind(line, "tags", "a list of text", &other)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_know_their_line() {
        let text =
            "[\n  {\"direction\": \"given\", \"person\": \"A\", \"message\": \"m\"},\n\n  {\n \
                    \"direction\": \"received\", \"person\": \"B\", \"message\": \"x\\ny\", \
                    \"tags\": [\"t\"], \"id\": 7, \"extra\": {\"ignored\": true}}\n]";
        let records = records(text).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].line, 2);
        assert_eq!(records[1].line, 4);
        assert_eq!(records[1].message.as_deref(), Some("x\ny"));
        assert_eq!(records[1].tags, vec!["t"]);
        assert_eq!(records[1].id, Some(7));
        assert_eq!(records[0].email, None);
    }

    #[test]
    fn wrapped_form_is_accepted() {
        let text = "{\"version\": 1,\n \"entries\": [\n{\"direction\": \"given\"}]}";
        let records = records(text).unwrap();
        assert_eq!(records[0].line, 3);
        assert_eq!(records[0].direction.as_deref(), Some("given"));
    }

    #[test]
    fn syntax_errors_use_the_parser_line() {
        let p = records("[\n{\"direction\": \"given\"},\n{\"person\": }\n]").unwrap_err();
        assert_eq!(p.line, 3);
        assert!(p.message.starts_with("invalid JSON"), "{}", p.message);
        assert!(!p.message.contains("at line"), "{}", p.message);
        let p = records("{\"items\": []}").unwrap_err();
        assert!(p.message.contains("entries"), "{}", p.message);
    }

    #[test]
    fn wrong_types_name_the_field() {
        let cases = [
            ("[\n\n{\"tags\": \"a;b\"}]", "tags"),
            ("[\n\n{\"tags\": [1]}]", "tags"),
            ("[\n\n{\"id\": \"7\"}]", "id"),
            ("[\n\n{\"id\": 1.5}]", "id"),
            ("[\n\n{\"message\": 3}]", "message"),
            ("[\n\n{\"person\": [\"a\"]}]", "person"),
        ];
        for (text, field) in cases {
            let p = records(text).unwrap_err();
            assert_eq!((p.line, p.field.as_deref()), (3, Some(field)), "{text}");
        }
        let p = records("[1]").unwrap_err();
        assert_eq!((p.line, p.field), (1, None));
    }
}
