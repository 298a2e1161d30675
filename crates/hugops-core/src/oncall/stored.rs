//! The on-call ledger kept in the database: shifts and incidents imported
//! from files, read back for a report.
//!
//! An import is one transaction. A shift already stored (same start, end,
//! person and summary) is not added again; an incident is known by its id
//! when the file gives one, else by its creation time and title, and a new
//! import of it updates the stored row.

use chrono::{DateTime, Utc};
use rusqlite::{params, Row};
use serde::Serialize;

use super::incidents::{Incident, Urgency};
use super::shifts::Shift;
use super::Period;
use crate::clock::{format_instant, parse_instant};
use crate::store::bad_column;
use crate::{Result, Store};

/// What an import changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LedgerImport {
    pub shifts_added: usize,
    pub shifts_known: usize,
    pub incidents_added: usize,
    pub incidents_updated: usize,
}

/// Stores `shifts` and `incidents`, all or nothing, after a `pre-import`
/// snapshot taken at `now`.
pub fn import(
    store: &mut Store,
    shifts: &[Shift],
    incidents: &[Incident],
    now: DateTime<Utc>,
) -> Result<LedgerImport> {
    crate::backup::before_import(store, now)?;
    let tx = store.conn_mut().transaction()?;
    let mut report = LedgerImport::default();
    {
        let mut add_shift = tx.prepare(
            r#"INSERT OR IGNORE INTO oncall_shifts ("start", "end", who, summary)
               VALUES (?1, ?2, ?3, ?4)"#,
        )?;
        for s in shifts {
            let added = add_shift.execute(params![
                format_instant(s.start),
                format_instant(s.end),
                s.who.as_deref().unwrap_or(""),
                s.summary,
            ])?;
            if added == 1 {
                report.shifts_added += 1;
            } else {
                report.shifts_known += 1;
            }
        }
        let mut known = tx.prepare("SELECT 1 FROM oncall_incidents WHERE key = ?1")?;
        let mut upsert = tx.prepare(
            "INSERT INTO oncall_incidents
                 (key, source_id, title, service, urgency, created_at, resolved_at, url, assignee)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (key) DO UPDATE SET
                 source_id = excluded.source_id, title = excluded.title,
                 service = excluded.service, urgency = excluded.urgency,
                 created_at = excluded.created_at, resolved_at = excluded.resolved_at,
                 url = excluded.url, assignee = excluded.assignee",
        )?;
        for i in incidents {
            let key = key_of(i);
            if known.exists([&key])? {
                report.incidents_updated += 1;
            } else {
                report.incidents_added += 1;
            }
            upsert.execute(params![
                key,
                i.id,
                i.title,
                i.service,
                i.urgency.map(urgency_text),
                format_instant(i.created_at),
                i.resolved_at.map(format_instant),
                i.url,
                i.assignee,
            ])?;
        }
    }
    tx.commit()?;
    Ok(report)
}

/// The stored shifts and incidents that can matter to `period`: shifts
/// overlapping it and incidents created inside it, in time order.
pub fn load(store: &Store, period: Period) -> Result<(Vec<Shift>, Vec<Incident>)> {
    let span = period.interval();
    let (from, to) = (format_instant(span.start), format_instant(span.end));
    let conn = store.conn();
    let mut stmt = conn.prepare(
        r#"SELECT "start", "end", who, summary FROM oncall_shifts
           WHERE "end" > ?1 AND "start" < ?2 ORDER BY "start", id"#,
    )?;
    let shifts = stmt
        .query_map([&from, &to], shift_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stmt = conn.prepare(
        "SELECT source_id, title, service, urgency, created_at, resolved_at, url, assignee
         FROM oncall_incidents WHERE created_at >= ?1 AND created_at < ?2
         ORDER BY created_at, key",
    )?;
    let incidents = stmt
        .query_map([&from, &to], incident_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((shifts, incidents))
}

fn key_of(i: &Incident) -> String {
    match &i.id {
        Some(id) => format!("id:{id}"),
        None => format!(
            "at:{}|{}",
            format_instant(i.created_at),
            i.title.as_deref().unwrap_or("")
        ),
    }
}

fn urgency_text(u: Urgency) -> &'static str {
    match u {
        Urgency::High => "high",
        Urgency::Low => "low",
    }
}

/// Column `col` as an instant.
fn instant_at(r: &Row, col: usize) -> rusqlite::Result<DateTime<Utc>> {
    let text: String = r.get(col)?;
    parse_instant(&text).ok_or_else(|| bad_column(col, "bad instant"))
}

fn shift_row(r: &Row) -> rusqlite::Result<Shift> {
    let who: String = r.get(2)?;
    Ok(Shift {
        start: instant_at(r, 0)?,
        end: instant_at(r, 1)?,
        who: (!who.is_empty()).then_some(who),
        summary: r.get(3)?,
    })
}

fn incident_row(r: &Row) -> rusqlite::Result<Incident> {
    let urgency: Option<String> = r.get(3)?;
    let resolved: Option<String> = r.get(5)?;
    Ok(Incident {
        id: r.get(0)?,
        title: r.get(1)?,
        service: r.get(2)?,
        urgency: urgency.map(|u| {
            if u == "low" {
                Urgency::Low
            } else {
                Urgency::High
            }
        }),
        created_at: instant_at(r, 4)?,
        resolved_at: match resolved {
            Some(text) => Some(parse_instant(&text).ok_or_else(|| bad_column(5, "bad instant"))?),
            None => None,
        },
        url: r.get(6)?,
        assignee: r.get(7)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{at, date, store};

    fn incident(id: Option<&str>, title: &str, created: &str) -> Incident {
        Incident {
            id: id.map(str::to_owned),
            title: Some(title.into()),
            service: Some("checkout".into()),
            urgency: Some(Urgency::High),
            created_at: at(created),
            resolved_at: None,
            url: None,
            assignee: None,
        }
    }

    fn shift(who: &str, start: &str, end: &str) -> Shift {
        Shift {
            start: at(start),
            end: at(end),
            who: Some(who.into()),
            summary: "Primary".into(),
        }
    }

    #[test]
    fn an_import_is_preceded_by_a_snapshot() {
        let dir = tempfile::tempdir().unwrap();
        let now = at("2026-11-24T10:00:00Z");
        let mut st = Store::open(dir.path().join("hugops.db"), now).unwrap();
        let shifts = [shift(
            "a@x.org",
            "2026-03-02T00:00:00Z",
            "2026-03-09T00:00:00Z",
        )];
        import(&mut st, &shifts, &[], now).unwrap();
        let snaps = crate::backup::list(st.path()).unwrap();
        let reasons: Vec<_> = snaps.iter().map(|s| s.reason).collect();
        assert_eq!(reasons, [crate::backup::Reason::PreImport]);
    }

    #[test]
    fn importing_again_adds_nothing_and_updates_incidents() {
        let mut st = store();
        let shifts = [shift(
            "a@x.org",
            "2026-03-02T00:00:00Z",
            "2026-03-09T00:00:00Z",
        )];
        let incidents = [
            incident(Some("P1"), "db slow", "2026-03-03T02:10:00Z"),
            incident(None, "disk full", "2026-03-04T03:00:00Z"),
        ];
        let first = import(&mut st, &shifts, &incidents, at("2026-11-24T10:00:00Z")).unwrap();
        assert_eq!((first.shifts_added, first.incidents_added), (1, 2));
        let mut renamed = incidents.clone();
        renamed[0].title = Some("db very slow".into());
        let again = import(&mut st, &shifts, &renamed, at("2026-11-24T10:00:00Z")).unwrap();
        assert_eq!(
            again,
            LedgerImport {
                shifts_added: 0,
                shifts_known: 1,
                incidents_added: 0,
                incidents_updated: 2,
            }
        );
        let period = Period {
            from: date("2026-03-01"),
            to: date("2026-03-10"),
        };
        let (stored_shifts, stored) = load(&st, period).unwrap();
        assert_eq!(stored_shifts, shifts);
        assert_eq!(stored, renamed, "updated by id, time order");
    }

    #[test]
    fn load_keeps_what_touches_the_period() {
        let mut st = store();
        let shifts = [
            shift("a@x.org", "2026-02-20T00:00:00Z", "2026-03-01T00:00:00Z"),
            shift("a@x.org", "2026-02-28T12:00:00Z", "2026-03-01T12:00:00Z"),
        ];
        let incidents = [
            incident(Some("1"), "before", "2026-02-28T23:59:59Z"),
            incident(Some("2"), "inside", "2026-03-01T00:00:00Z"),
            incident(Some("3"), "after", "2026-03-02T00:00:00Z"),
        ];
        import(&mut st, &shifts, &incidents, at("2026-11-24T10:00:00Z")).unwrap();
        let period = Period {
            from: date("2026-03-01"),
            to: date("2026-03-02"),
        };
        let (s, i) = load(&st, period).unwrap();
        assert_eq!(s, shifts[1..]);
        assert_eq!(i, incidents[1..2]);
    }
}
