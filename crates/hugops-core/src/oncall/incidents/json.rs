//! The JSON of PagerDuty's `GET /incidents` (`{"incidents": [...]}`) and of
//! Opsgenie's `GET /v2/alerts` (`{"data": [...]}`). Errors name the file, the
//! field's path (`incidents[3].created_at`) and the line.

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{Incident, Priority, Urgency};
use crate::{Error, Result};

#[derive(Deserialize)]
struct Envelope {
    incidents: Option<Vec<PagerDuty>>,
    data: Option<Vec<Opsgenie>>,
}

#[derive(Deserialize)]
struct PagerDuty {
    id: Option<String>,
    incident_number: Option<u64>,
    title: Option<String>,
    urgency: Option<Urgency>,
    created_at: DateTime<Utc>,
    resolved_at: Option<DateTime<Utc>>,
    html_url: Option<String>,
    service: Option<Reference>,
    #[serde(default)]
    assignments: Vec<Assignment>,
}

#[derive(Deserialize)]
struct Reference {
    summary: Option<String>,
    email: Option<String>,
}

#[derive(Deserialize)]
struct Assignment {
    assignee: Reference,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Opsgenie {
    id: Option<String>,
    tiny_id: Option<String>,
    message: Option<String>,
    priority: Option<Priority>,
    created_at: DateTime<Utc>,
    owner: Option<String>,
}

pub(super) fn parse(path: &Path, bytes: &[u8]) -> Result<Vec<Incident>> {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    let envelope: Envelope = serde_path_to_error::deserialize(de).map_err(|e| {
        let field = e.path().to_string();
        let inner = e.into_inner();
        let line = (inner.line() > 0).then_some(inner.line() as u64);
        let field = (field != ".").then_some(field);
        Error::bad_file(path, line, field.as_deref(), inner.to_string())
    })?;
    match envelope {
        Envelope {
            incidents: Some(list),
            ..
        } => Ok(list.into_iter().map(from_pagerduty).collect()),
        Envelope {
            data: Some(list), ..
        } => Ok(list.into_iter().map(from_opsgenie).collect()),
        _ => Err(Error::bad_file(
            path,
            None,
            None,
            "expected `incidents` (PagerDuty) or `data` (Opsgenie)",
        )),
    }
}

fn from_pagerduty(i: PagerDuty) -> Incident {
    let assignee = i.assignments.into_iter().next().and_then(|a| {
        let Reference { summary, email } = a.assignee;
        email.or(summary)
    });
    Incident {
        id: i.id.or_else(|| i.incident_number.map(|n| n.to_string())),
        title: i.title,
        service: i.service.and_then(|s| s.summary),
        urgency: i.urgency,
        created_at: i.created_at,
        resolved_at: i.resolved_at,
        url: i.html_url,
        assignee: assignee.map(|a| a.to_lowercase()),
    }
}

fn from_opsgenie(a: Opsgenie) -> Incident {
    Incident {
        id: a.id.or(a.tiny_id),
        title: a.message,
        service: None,
        urgency: a.priority.map(Priority::urgency),
        created_at: a.created_at,
        resolved_at: None,
        url: None,
        assignee: a.owner.filter(|o| !o.is_empty()).map(|o| o.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse_incidents;
    use super::*;
    use crate::oncall::testing::at;

    fn parse(text: &str) -> Result<Vec<Incident>> {
        parse_incidents(Path::new("i.json"), text.as_bytes())
    }

    #[test]
    fn pagerduty_incidents() {
        let i = parse(
            r#"{"incidents": [
              {"id": "PT4KHLK", "incident_number": 1234, "title": "The server is on fire",
               "urgency": "high", "created_at": "2026-10-25T02:30:00+01:00",
               "resolved_at": null, "html_url": "https://acme.pagerduty.com/incidents/PT4KHLK",
               "service": {"id": "PIJ90N7", "summary": "checkout"},
               "assignments": [{"at": "2026-10-25T01:30:00Z",
                                "assignee": {"id": "PXPGF42", "summary": "Priya Raman"}}]},
              {"incident_number": 1235, "urgency": "low", "created_at": "2026-10-25T03:00:00Z",
               "assignments": [{"assignee": {"summary": "Tom", "email": "Tom@X.org"}}]}
            ], "limit": 25, "more": false}"#,
        )
        .unwrap();
        assert_eq!(i[0].id.as_deref(), Some("PT4KHLK"));
        assert_eq!(i[0].service.as_deref(), Some("checkout"));
        assert_eq!(i[0].created_at, at("2026-10-25T01:30:00Z"));
        assert_eq!(i[0].assignee.as_deref(), Some("priya raman"));
        assert_eq!(i[0].urgency, Some(Urgency::High));
        assert_eq!(i[1].id.as_deref(), Some("1235"));
        assert_eq!(i[1].urgency, Some(Urgency::Low));
        assert_eq!(i[1].assignee.as_deref(), Some("tom@x.org"));
    }

    #[test]
    fn opsgenie_alerts() {
        let i = parse(
            r#"{"data": [{"id": "70413a06", "tinyId": "1791", "message": "Disk full",
              "priority": "P4", "createdAt": "2026-03-29T01:30:00.352Z", "owner": "tom@x.org"},
              {"tinyId": "1792", "priority": "P2", "createdAt": "2026-03-29T01:31:00Z", "owner": ""}],
              "took": 0.6, "requestId": "9ae63dd7"}"#,
        )
        .unwrap();
        assert_eq!(i[0].id.as_deref(), Some("70413a06"));
        assert_eq!(i[0].title.as_deref(), Some("Disk full"));
        assert_eq!(i[0].urgency, Some(Urgency::Low));
        assert_eq!(i[0].assignee.as_deref(), Some("tom@x.org"));
        assert_eq!(i[1].id.as_deref(), Some("1792"));
        assert_eq!(i[1].urgency, Some(Urgency::High));
        assert_eq!(i[1].assignee, None);
    }

    fn err(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn errors_name_field_and_line() {
        let e = err("{\"incidents\": [\n{\"created_at\": \"2026-01-01T00:00:00Z\"},\n{\"urgency\": \"urgent\", \"created_at\": \"2026-01-01T00:00:00Z\"}]}");
        assert!(
            e.starts_with("i.json: line 3: field `incidents[1].urgency`"),
            "{e}"
        );
        let e = err("{\"data\": [{\"createdAt\": \"yesterday\"}]}");
        assert!(
            e.starts_with("i.json: line 1: field `data[0].createdAt`"),
            "{e}"
        );
        let e = err("{\"data\": [{\"priority\": \"P1\"}]}");
        assert!(e.contains("createdAt"), "{e}");
        let e = err("{\"alerts\": []}");
        assert!(e.contains("expected `incidents`"), "{e}");
    }
}
