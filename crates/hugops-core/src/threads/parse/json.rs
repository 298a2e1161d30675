//! Streaming JSON: exports are read from a buffered reader one element at a
//! time, keeping only the fields a conversation needs, so a 1 GB file is
//! never held whole. Errors name the file, the line and the field at fault.

use std::fmt;
use std::io::Read;
use std::marker::PhantomData;
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use serde::de;
use serde::de::{DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
use serde_path_to_error::{Segment, Track};

use crate::{Error, Result};

/// Reads one JSON value from `reader` through `seed`, then checks that
/// nothing but white space follows it.
pub(super) fn read_with<R, S, V>(path: &Path, reader: R, seed: S) -> Result<V>
where
    R: Read,
    S: for<'de> DeserializeSeed<'de, Value = V>,
{
    let mut de = serde_json::Deserializer::from_reader(reader);
    let mut track = Track::new();
    let value = seed
        .deserialize(serde_path_to_error::Deserializer::new(&mut de, &mut track))
        .map_err(|e| to_error(path, e, Some(track)))?;
    de.end().map_err(|e| to_error(path, e, None))?;
    Ok(value)
}

/// Reads a top-level JSON array from `reader`, handing each element to `each`.
pub(super) fn each_in_array<R, T, F>(path: &Path, reader: R, each: F) -> Result<()>
where
    R: Read,
    T: for<'de> Deserialize<'de>,
    F: FnMut(T),
{
    read_with(path, reader, EachElement::new(each))
}

/// A JSON array whose elements are deserialised and handed over one by one,
/// so the array itself is never collected.
pub(super) struct EachElement<T, F> {
    each: F,
    element: PhantomData<fn() -> T>,
}

impl<T, F> EachElement<T, F> {
    pub(super) fn new(each: F) -> Self {
        EachElement {
            each,
            element: PhantomData,
        }
    }
}

impl<'de, T, F> DeserializeSeed<'de> for EachElement<T, F>
where
    T: Deserialize<'de>,
    F: FnMut(T),
{
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, T, F> Visitor<'de> for EachElement<T, F>
where
    T: Deserialize<'de>,
    F: FnMut(T),
{
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON array")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        while let Some(item) = seq.next_element::<T>()? {
            (self.each)(item);
        }
        Ok(())
    }
}

/// Turns a serde_json error into [`Error::BadFile`] (or [`Error::Io`] when
/// the file could not be read), naming the line and, from `track`, the field.
fn to_error(path: &Path, e: serde_json::Error, track: Option<Track>) -> Error {
    if e.is_io() {
        return Error::io(path, e.into());
    }
    let full = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    let message = full.strip_prefix(&position).unwrap_or(&full);
    let message = full.strip_suffix(&position).unwrap_or(message);
    let mut field = track.map(|t| field_path(&t.path())).unwrap_or_default();
    if let Some(missing) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
    {
        if !field.is_empty() {
            field.push('.');
        }
        field.push_str(missing);
    }
    let line = (e.line() > 0).then_some(e.line() as u64);
    let message = if e.column() > 0 {
        format!("{message} (column {})", e.column())
    } else {
        message.to_owned()
    };
    let field = (!field.is_empty()).then_some(field);
    Error::bad_file(path, line, field.as_deref(), message)
}

/// The keys leading to the value at fault, without array positions (the line
/// number already says which element): `user_profile.real_name`.
fn field_path(path: &serde_path_to_error::Path) -> String {
    let keys: Vec<&str> = path
        .iter()
        .filter_map(|segment| match segment {
            Segment::Map { key } => Some(key.as_str()),
            _ => None,
        })
        .collect();
    keys.join(".")
}

/// An RFC 3339 time, as DiscordChatExporter and Microsoft Graph write them.
#[derive(Debug)]
pub(super) struct Timestamp(pub DateTime<FixedOffset>);

impl Timestamp {
    /// Reads an RFC 3339 time; the error says what was expected.
    pub(super) fn parse(s: &str) -> Result<Timestamp, String> {
        DateTime::parse_from_rfc3339(s)
            .map(Timestamp)
            .map_err(|_| format!("`{s}` is not a time such as 2026-03-02T09:00:00.000+00:00"))
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Timestamp::parse(&s).map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Item {
        name: String,
        #[allow(dead_code)]
        inner: Option<Inner>,
    }

    #[derive(Debug, Deserialize)]
    struct Inner {
        #[allow(dead_code)]
        n: u32,
    }

    fn names(json: &str) -> Result<Vec<String>> {
        let mut out = Vec::new();
        each_in_array(Path::new("x.json"), json.as_bytes(), |i: Item| {
            out.push(i.name)
        })?;
        Ok(out)
    }

    #[test]
    fn elements_arrive_in_order_and_extra_fields_are_ignored() {
        let got = names(r#"[{"name": "a", "other": [1, {"x": 2}]}, {"name": "b"}]"#).unwrap();
        assert_eq!(got, ["a", "b"]);
        assert!(names("[]").unwrap().is_empty());
    }

    #[test]
    fn missing_field_is_named_with_its_line() {
        let e = names("[\n{\"name\": \"a\"},\n{\"nam\": \"b\"}\n]").unwrap_err();
        let text = e.to_string();
        assert!(
            text.starts_with("x.json: line 3: field `name`: missing field"),
            "{text}"
        );
    }

    #[test]
    fn wrong_type_deep_inside_names_the_path() {
        let e = names("[{\"name\": \"a\",\n \"inner\": {\"n\": \"seven\"}}]").unwrap_err();
        let text = e.to_string();
        assert!(
            text.starts_with("x.json: line 2: field `inner.n`: invalid type"),
            "{text}"
        );
        assert!(text.contains("(column"), "{text}");
    }

    #[test]
    fn syntax_errors_and_trailing_garbage_name_the_line() {
        let e = names("[{\"name\": \"a\"},\n{\"name\": ]").unwrap_err();
        assert!(e.to_string().starts_with("x.json: line 2: "), "{e}");
        let e = names("[]\n\nrest").unwrap_err();
        assert!(e.to_string().starts_with("x.json: line 3: "), "{e}");
        let e = names("[{\"name\": \"a\"}").unwrap_err();
        assert!(e.to_string().contains("EOF"), "{e}");
        let e = names("{\"name\": \"a\"}").unwrap_err();
        assert!(e.to_string().contains("expected a JSON array"), "{e}");
    }

    #[test]
    fn invalid_utf8_inside_a_string_is_a_bad_file() {
        let mut bytes = b"[{\"name\": \"a".to_vec();
        bytes.extend_from_slice(&[0xff, 0xfe]);
        bytes.extend_from_slice(b"\"}]");
        let e = each_in_array(Path::new("x.json"), &bytes[..], |_: Item| {}).unwrap_err();
        assert_eq!(e.code(), crate::ErrorCode::BadFile, "{e}");
    }
}
