//! Content lines of an iCalendar file (RFC 5545 §3.1), each with the 1-based
//! line where it starts, grouped into components.
//!
//! Written here rather than taken from `icalendar`, `ical` or `calcard`:
//! none of their parsers keeps the source line of a property, and every
//! error of this module names one. Unfolding and splitting a line is small.

use std::path::Path;

use crate::{Error, Result};

/// One property: `NAME;PARAM=value:VALUE`, name and parameter names uppercased.
#[derive(Debug, Clone)]
pub(crate) struct Property {
    pub name: String,
    pub params: Vec<(String, String)>,
    pub value: String,
    pub line: u64,
}

impl Property {
    /// The value of parameter `name`, without surrounding quotes.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// A `BEGIN:X` … `END:X` block with its properties and nested components.
#[derive(Debug, Clone)]
pub(crate) struct Component {
    pub name: String,
    pub line: u64,
    pub properties: Vec<Property>,
    pub children: Vec<Component>,
}

impl Component {
    /// The first property called `name`.
    pub fn property(&self, name: &str) -> Option<&Property> {
        self.properties.iter().find(|p| p.name == name)
    }

    /// Every property called `name`, in file order.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Property> + 'a {
        self.properties.iter().filter(move |p| p.name == name)
    }

    /// Nested components called `name`, at any depth below this one.
    pub fn descendants<'a>(&'a self, name: &str, out: &mut Vec<&'a Component>) {
        for child in &self.children {
            if child.name == name {
                out.push(child);
            }
            child.descendants(name, out);
        }
    }
}

/// Reads `text` into its top-level components (usually one `VCALENDAR`).
///
/// Rules: a UTF-8 BOM is dropped; lines end in CRLF or LF; a line starting
/// with a space or tab continues the previous one; blank lines are ignored.
pub(crate) fn read_components(path: &Path, text: &str) -> Result<Vec<Component>> {
    let mut stack: Vec<Component> = Vec::new();
    let mut top = Vec::new();
    for property in unfold(text).map(|(line, raw)| split_property(path, line, &raw)) {
        let property = property?;
        match property.name.as_str() {
            "BEGIN" => stack.push(Component {
                name: property.value.trim().to_ascii_uppercase(),
                line: property.line,
                properties: Vec::new(),
                children: Vec::new(),
            }),
            "END" => {
                let name = property.value.trim().to_ascii_uppercase();
                let Some(done) = stack.pop().filter(|open| open.name == name) else {
                    return Err(Error::bad_file(
                        path,
                        Some(property.line),
                        Some("END"),
                        format!("END:{name} without a matching BEGIN:{name}"),
                    ));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => top.push(done),
                }
            }
            _ => match stack.last_mut() {
                Some(open) => open.properties.push(property),
                None => {
                    return Err(Error::bad_file(
                        path,
                        Some(property.line),
                        Some(&property.name),
                        "property outside any BEGIN/END block",
                    ))
                }
            },
        }
    }
    if let Some(open) = stack.pop() {
        return Err(Error::bad_file(
            path,
            Some(open.line),
            Some("BEGIN"),
            format!("BEGIN:{} is never closed by END:{}", open.name, open.name),
        ));
    }
    Ok(top)
}

/// Logical lines with the 1-based number of their first physical line.
fn unfold(text: &str) -> impl Iterator<Item = (u64, String)> + '_ {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut physical = text
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .zip(1u64..)
        .peekable();
    std::iter::from_fn(move || loop {
        let (first, number) = physical.next()?;
        let mut logical = first.to_owned();
        while let Some((next, _)) = physical.next_if(|(l, _)| l.starts_with([' ', '\t'])) {
            logical.push_str(&next[1..]);
        }
        if !logical.trim().is_empty() {
            return Some((number, logical));
        }
    })
}

/// Splits `NAME;P=v;Q="a:b":value` at the first colon outside quotes.
fn split_property(path: &Path, line: u64, raw: &str) -> Result<Property> {
    let mut in_quotes = false;
    let colon = raw.char_indices().find_map(|(i, c)| match c {
        '"' => {
            in_quotes = !in_quotes;
            None
        }
        ':' if !in_quotes => Some(i),
        _ => None,
    });
    let head_end = colon.unwrap_or(raw.len());
    let mut head = split_outside_quotes(&raw[..head_end], ';');
    let name = head.remove(0).trim().to_ascii_uppercase();
    let Some(colon) = colon.filter(|_| !name.is_empty()) else {
        return Err(Error::bad_file(
            path,
            Some(line),
            None,
            "expected `NAME:value`",
        ));
    };
    let params = head
        .into_iter()
        .map(|param| {
            let (key, value) = param.split_once('=').unwrap_or((param, ""));
            let value = value.trim();
            let value = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or(value);
            (key.trim().to_ascii_uppercase(), value.to_owned())
        })
        .collect();
    Ok(Property {
        name,
        params,
        value: raw[colon + 1..].to_owned(),
        line,
    })
}

fn split_outside_quotes(text: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut in_quotes = false;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '"' {
            in_quotes = !in_quotes;
        } else if c == separator && !in_quotes {
            parts.push(&text[start..i]);
            start = i + 1;
        }
    }
    parts.push(&text[start..]);
    parts
}

/// Undoes TEXT escaping (`\n`, `\,`, `\;`, `\\`).
pub(crate) fn unescape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Vec<Component>> {
        read_components(Path::new("t.ics"), text)
    }

    #[test]
    fn unfolds_crlf_lines_after_a_bom_and_keeps_the_first_line_number() {
        let text = "\u{feff}BEGIN:VCALENDAR\r\nSUMMARY:Long\r\n  text\r\n\tmore\r\nX-A:1\r\nEND:VCALENDAR\r\n";
        let calendar = &read(text).unwrap()[0];
        let summary = calendar.property("SUMMARY").unwrap();
        assert_eq!(summary.value, "Long textmore");
        assert_eq!(summary.line, 2);
        assert_eq!(calendar.property("X-A").unwrap().line, 5);
    }

    #[test]
    fn splits_parameters_and_strips_quotes_but_keeps_colons_inside_them() {
        let text = "BEGIN:VEVENT\nDTSTART;TZID=\"Pacific Standard Time\";X-Y=\"a:b\":20240101T090000\nEND:VEVENT\n";
        let event = &read(text).unwrap()[0];
        let start = event.property("DTSTART").unwrap();
        assert_eq!(start.param("TZID"), Some("Pacific Standard Time"));
        assert_eq!(start.param("X-Y"), Some("a:b"));
        assert_eq!(start.value, "20240101T090000");
    }

    #[test]
    fn nests_components() {
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nEND:VEVENT\nEND:VCALENDAR\n";
        let calendar = &read(text).unwrap()[0];
        assert_eq!(calendar.children[0].name, "VEVENT");
        assert_eq!(calendar.children[0].line, 2);
    }

    #[test]
    fn a_line_without_colon_is_reported_with_its_line() {
        let err = read("BEGIN:VCALENDAR\nSUMMARY no colon\nEND:VCALENDAR\n").unwrap_err();
        assert_eq!(err.to_string(), "t.ics: line 2: expected `NAME:value`");
    }

    #[test]
    fn a_mismatched_end_is_reported_with_its_line() {
        let err = read("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.ics: line 3: field `END`: END:VCALENDAR without a matching BEGIN:VCALENDAR"
        );
    }

    #[test]
    fn an_unclosed_block_is_reported_at_its_begin() {
        let err = read("BEGIN:VCALENDAR\nBEGIN:VEVENT\n").unwrap_err();
        assert!(err.to_string().starts_with("t.ics: line 2: field `BEGIN`"));
    }

    #[test]
    fn text_escapes_are_undone() {
        assert_eq!(unescape_text(r"a\, b\; c\\d\ne"), "a, b; c\\d\ne");
    }
}
