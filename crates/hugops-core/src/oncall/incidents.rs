//! Incidents, read from CSV or from the JSON of PagerDuty's and Opsgenie's
//! REST APIs; the format is told by the content (a JSON object or CSV).
//!
//! CSV columns are found by name, ignoring case; each field accepts the
//! names of PagerDuty's and Opsgenie's exports as aliases (see
//! `docs/oncall.md`). Only `created_at` is required. Instants are RFC 3339
//! (with `Z` or an offset) or whole milliseconds since 1970 (Opsgenie).

mod json;

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::clock::parse_instant;
use crate::roster::Table;
use crate::{Error, Result};

/// How loudly an incident called for someone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Urgency {
    High,
    Low,
}

/// Opsgenie's priority: P1-P3 page someone (high), P4-P5 do not (low).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub(crate) enum Priority {
    P1,
    P2,
    P3,
    P4,
    P5,
}

impl Priority {
    fn parse(s: &str) -> Option<Self> {
        Some(match s.to_ascii_uppercase().as_str() {
            "P1" => Priority::P1,
            "P2" => Priority::P2,
            "P3" => Priority::P3,
            "P4" => Priority::P4,
            "P5" => Priority::P5,
            _ => return None,
        })
    }

    pub(crate) fn urgency(self) -> Urgency {
        match self {
            Priority::P1 | Priority::P2 | Priority::P3 => Urgency::High,
            Priority::P4 | Priority::P5 => Urgency::Low,
        }
    }
}

/// One incident (or alert); absent fields are `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Incident {
    pub id: Option<String>,
    pub title: Option<String>,
    pub service: Option<String>,
    /// `None` counts as a page, like `high`.
    pub urgency: Option<Urgency>,
    pub created_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub url: Option<String>,
    /// An email, or a name when the source only gives one.
    pub assignee: Option<String>,
}

/// Reads and parses an incidents file; see [`parse_incidents`].
pub fn read_incidents(path: &Path) -> Result<Vec<Incident>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    parse_incidents(path, &bytes)
}

/// Parses incidents as JSON when the content is a JSON object, else as CSV.
pub fn parse_incidents(path: &Path, bytes: &[u8]) -> Result<Vec<Incident>> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
        json::parse(path, body)
    } else {
        parse_csv(path, bytes)
    }
}

const CREATED: &[&str] = &["created_at", "created_on", "createdat", "created"];
const ID: &[&str] = &["id", "incident_number", "tinyid", "alias"];
const TITLE: &[&str] = &["title", "description", "message", "summary"];
const SERVICE: &[&str] = &["service", "service_name", "entity"];
const RESOLVED: &[&str] = &["resolved_at", "resolved_on", "closed_at", "closedat"];
const URL: &[&str] = &["url", "html_url", "incident_url"];
const ASSIGNEE: &[&str] = &["assignee", "assigned_to_user", "assigned_to", "owner"];

/// The first of `aliases` the header row has.
fn column(table: &Table<'_>, aliases: &[&'static str]) -> Option<&'static str> {
    aliases.iter().copied().find(|c| table.has(c))
}

fn parse_csv(path: &Path, bytes: &[u8]) -> Result<Vec<Incident>> {
    let table = Table::read(path, bytes)?;
    let created = column(&table, CREATED).ok_or_else(|| {
        Error::bad_file(
            path,
            Some(1),
            Some("created_at"),
            "missing column in the header row",
        )
    })?;
    let [id, title, service, resolved, url, assignee] =
        [ID, TITLE, SERVICE, RESOLVED, URL, ASSIGNEE].map(|a| column(&table, a));
    let urgency = column(&table, &["urgency"]);
    let priority = column(&table, &["priority"]);
    let mut out = Vec::with_capacity(table.rows.len());
    for (line, row) in &table.rows {
        let bad = |col: &str, msg: String| Error::bad_file(path, Some(*line), Some(col), msg);
        let text = |col: Option<&str>| {
            col.map(|c| table.get(row, c))
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let instant = |col: &str| {
            let v = table.get(row, col);
            instant(v).ok_or_else(|| {
                bad(
                    col,
                    format!("`{v}` is not an instant like 2026-11-24T10:00:00Z"),
                )
            })
        };
        let created_at = instant(created)?;
        let resolved_at = match resolved.filter(|c| !table.get(row, c).is_empty()) {
            Some(c) => Some(instant(c)?),
            None => None,
        };
        let urgency = match (text(urgency), text(priority)) {
            (Some(u), _) => Some(match u.to_ascii_lowercase().as_str() {
                "high" => Urgency::High,
                "low" => Urgency::Low,
                _ => return Err(bad("urgency", format!("`{u}` is not `high` or `low`"))),
            }),
            (None, Some(p)) => Some(
                Priority::parse(&p)
                    .ok_or_else(|| bad("priority", format!("`{p}` is not P1 to P5")))?
                    .urgency(),
            ),
            (None, None) => None,
        };
        out.push(Incident {
            id: text(id),
            title: text(title),
            service: text(service),
            urgency,
            created_at,
            resolved_at,
            url: text(url),
            assignee: text(assignee).map(|a| a.to_lowercase()),
        });
    }
    Ok(out)
}

/// An RFC 3339 instant or whole milliseconds since 1970.
fn instant(s: &str) -> Option<DateTime<Utc>> {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return DateTime::from_timestamp_millis(s.parse().ok()?);
    }
    parse_instant(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oncall::testing::at;

    fn parse(text: &str) -> Result<Vec<Incident>> {
        parse_incidents(Path::new("i.csv"), text.as_bytes())
    }

    #[test]
    fn own_columns() {
        let i = parse(
            "id,title,service,urgency,created_at,resolved_at,url,assignee\n\
             7,Disk full,checkout,LOW,2026-03-29T01:30:00+02:00,,https://x/7,Priya@X.org\n\
             8,,,,2026-03-29T02:00:00Z,2026-03-29T03:00:00Z,,\n",
        )
        .unwrap();
        assert_eq!(i[0].id.as_deref(), Some("7"));
        assert_eq!(i[0].urgency, Some(Urgency::Low));
        assert_eq!(i[0].created_at, at("2026-03-28T23:30:00Z"));
        assert_eq!(i[0].assignee.as_deref(), Some("priya@x.org"));
        assert_eq!(i[0].resolved_at, None);
        assert_eq!(i[1].title, None);
        assert_eq!(i[1].urgency, None);
        assert_eq!(i[1].resolved_at, Some(at("2026-03-29T03:00:00Z")));
    }

    #[test]
    fn pagerduty_export_columns() {
        let i = parse(
            "incident_number,description,service_name,urgency,created_on,resolved_on,html_url,assigned_to_user\n\
             42,CPU hot,checkout,high,2026-10-25T02:30:00+01:00,2026-10-25T03:00:00+01:00,https://pd/42,Priya Raman\n",
        )
        .unwrap();
        assert_eq!(i[0].id.as_deref(), Some("42"));
        assert_eq!(i[0].title.as_deref(), Some("CPU hot"));
        assert_eq!(i[0].service.as_deref(), Some("checkout"));
        assert_eq!(i[0].created_at, at("2026-10-25T01:30:00Z"));
        assert_eq!(i[0].url.as_deref(), Some("https://pd/42"));
        assert_eq!(i[0].assignee.as_deref(), Some("priya raman"));
    }

    #[test]
    fn opsgenie_export_columns_and_priorities() {
        let i = parse(
            "TinyId,Message,Priority,CreatedAt,Owner\n\
             1,a,P1,1774747800000,tom@x.org\n2,b,p3,2026-03-29T01:30:00Z,\n\
             3,c,P4,2026-03-29T01:30:00Z,\n4,d,P5,2026-03-29T01:30:00Z,\n",
        )
        .unwrap();
        assert_eq!(i[0].created_at, at("2026-03-29T01:30:00Z"));
        assert_eq!(i[0].assignee.as_deref(), Some("tom@x.org"));
        let urgencies: Vec<_> = i.iter().map(|i| i.urgency).collect();
        let (h, l) = (Some(Urgency::High), Some(Urgency::Low));
        assert_eq!(urgencies, [h, h, l, l]);
    }

    #[test]
    fn format_is_told_by_the_content() {
        assert_eq!(parse("\u{feff} \n {\"incidents\": []}").unwrap(), []);
        let e = parse("\u{feff}{\"data\": 3}").unwrap_err().to_string();
        assert!(e.contains("field `data`"), "{e}");
        let i = parse("\u{feff}created_at\r\n2026-03-29T01:30:00Z\r\n").unwrap();
        assert_eq!(i[0].created_at, at("2026-03-29T01:30:00Z"));
    }

    fn err(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn csv_errors_name_line_and_field() {
        let e = err("created_at,urgency\n2026-03-29T01:30:00Z,high\n2026-03-29T01:30:00Z,urgent\n");
        assert!(e.starts_with("i.csv: line 3: field `urgency`"), "{e}");
        let e = err("createdat,priority\n2026-03-29T01:30:00Z,P6\n");
        assert!(e.starts_with("i.csv: line 2: field `priority`"), "{e}");
        let e = err("created_on\nyesterday\n");
        assert!(e.starts_with("i.csv: line 2: field `created_on`"), "{e}");
        let e = err("created_at,resolved_at\n2026-03-29T01:30:00Z,soon\n");
        assert!(e.starts_with("i.csv: line 2: field `resolved_at`"), "{e}");
        let e = err("title,urgency\nx,high\n");
        assert!(e.starts_with("i.csv: line 1: field `created_at`"), "{e}");
    }
}
