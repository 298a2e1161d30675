//! The buddy data kept in the database: the roster imported in the app
//! (updated by email, never deleting anyone's past pairings) and the pairings
//! accepted in the app or imported from a history file; and what the
//! matching screen shows (`proposal`), exports and charts (`load`).

mod export;
mod load;
mod proposal;

pub use export::export_pairings_csv;
pub use load::{buddy_load, BuddyLoad};
pub use proposal::{
    accept, propose, Alternative, PersonBrief, Proposal, ProposalInput, ProposalRow,
};

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::clock::format_instant;
use crate::matching::{Pair, Weights};
use crate::roster::Person;
use crate::{Result, Store};

/// Where a stored pairing came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PairingSource {
    /// Accepted in the app.
    Accepted,
    /// Imported from a history file.
    History,
}

impl PairingSource {
    fn as_str(self) -> &'static str {
        match self {
            PairingSource::Accepted => "accepted",
            PairingSource::History => "history",
        }
    }
}

/// A stored pairing. Emails are lowercase.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Pairing {
    pub joiner: String,
    pub buddy: String,
    pub paired_on: NaiveDate,
    pub score: Option<f64>,
    pub reasons: Vec<String>,
    pub source: PairingSource,
}

/// What a roster import changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RosterImport {
    pub added: usize,
    pub updated: usize,
}

/// Stores `people`, adding new emails and updating known ones, in one
/// transaction after a `pre-import` snapshot. Nobody is deleted, and
/// pairings are untouched.
pub fn save_roster(
    store: &mut Store,
    people: &[Person],
    now: DateTime<Utc>,
) -> Result<RosterImport> {
    crate::backup::before_import(store, now)?;
    let tx = store.conn_mut().transaction()?;
    let mut report = RosterImport {
        added: 0,
        updated: 0,
    };
    {
        let mut exists = tx.prepare("SELECT 1 FROM people WHERE email = ?1")?;
        let mut upsert = tx.prepare(
            "INSERT INTO people (email, name, team, timezone, start_date, interests,
                                 buddy_capacity, working_hours, opt_out, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (email) DO UPDATE SET
                name = excluded.name, team = excluded.team, timezone = excluded.timezone,
                start_date = excluded.start_date, interests = excluded.interests,
                buddy_capacity = excluded.buddy_capacity,
                working_hours = excluded.working_hours, opt_out = excluded.opt_out,
                updated_at = excluded.updated_at",
        )?;
        let stamp = format_instant(now);
        for p in people {
            let known = exists
                .query_row([&p.email], |_| Ok(()))
                .optional()?
                .is_some();
            if known {
                report.updated += 1;
            } else {
                report.added += 1;
            }
            upsert.execute(params![
                p.email,
                p.name,
                p.team,
                p.timezone.name(),
                p.start_date.to_string(),
                serde_json::to_string(&p.interests).expect("strings serialise"),
                p.buddy_capacity,
                hours_text(p.working_hours),
                p.opt_out,
                stamp,
            ])?;
        }
    }
    tx.commit()?;
    Ok(report)
}

/// Everyone in the stored roster, by email.
pub fn load_roster(store: &Store) -> Result<Vec<Person>> {
    let mut stmt = store.conn().prepare(
        "SELECT email, name, team, timezone, start_date, interests, buddy_capacity,
                working_hours, opt_out
         FROM people ORDER BY email",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(StoredPerson {
            email: r.get(0)?,
            name: r.get(1)?,
            team: r.get(2)?,
            timezone: r.get(3)?,
            start_date: r.get(4)?,
            interests: r.get(5)?,
            buddy_capacity: r.get(6)?,
            working_hours: r.get(7)?,
            opt_out: r.get(8)?,
        })
    })?;
    let mut people = Vec::new();
    for row in rows {
        people.push(row?.into_person()?);
    }
    Ok(people)
}

/// Stores pairs as pairings made on `on`. Pairs already stored are skipped;
/// returns how many were new.
pub fn record_pairs(
    store: &mut Store,
    pairs: &[Pair],
    on: NaiveDate,
    source: PairingSource,
    now: DateTime<Utc>,
) -> Result<usize> {
    let rows = pairs.iter().map(|p| NewPairing {
        joiner: &p.joiner,
        buddy: &p.buddy,
        on,
        score: Some(p.score),
        reasons: &p.reasons,
    });
    insert_pairings(store, rows, source, now)
}

/// One pairing to store.
struct NewPairing<'a> {
    joiner: &'a str,
    buddy: &'a str,
    on: NaiveDate,
    score: Option<f64>,
    reasons: &'a [String],
}

/// Stores `rows` in one transaction, skipping pairs already stored; returns
/// how many were new.
fn insert_pairings<'a>(
    store: &mut Store,
    rows: impl Iterator<Item = NewPairing<'a>>,
    source: PairingSource,
    now: DateTime<Utc>,
) -> Result<usize> {
    let tx = store.conn_mut().transaction()?;
    let mut added = 0;
    {
        let mut insert = tx.prepare(
            "INSERT INTO pairings (joiner_email, buddy_email, paired_on, score, reasons,
                                   source, created_at)
             VALUES (lower(?1), lower(?2), ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (joiner_email, buddy_email) DO NOTHING",
        )?;
        let stamp = format_instant(now);
        for p in rows {
            added += insert.execute(params![
                p.joiner,
                p.buddy,
                p.on.to_string(),
                p.score,
                serde_json::to_string(p.reasons).expect("strings serialise"),
                source.as_str(),
                stamp,
            ])?;
        }
    }
    tx.commit()?;
    Ok(added)
}

/// What importing a history of past pairings changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HistoryImport {
    /// Pairs stored now: never proposed again.
    pub added: usize,
    /// Pairs the database already had.
    pub known: usize,
}

/// Stores a history file's pairings (see [`crate::roster::parse_past_pairings`])
/// so that matching never proposes those pairs again. A pair without a date
/// is stored as made on `today`. Nothing is stored when the file has any
/// error; a `pre-import` snapshot is taken first. `name` names the file in
/// error messages.
pub fn import_history_bytes(
    store: &mut Store,
    name: &str,
    bytes: &[u8],
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<HistoryImport> {
    let past = crate::roster::parse_past_pairings(std::path::Path::new(name), bytes)?;
    crate::backup::before_import(store, now)?;
    let rows = past.iter().map(|p| NewPairing {
        joiner: &p.joiner,
        buddy: &p.buddy,
        on: p.date.unwrap_or(today),
        score: None,
        reasons: &[],
    });
    let added = insert_pairings(store, rows, PairingSource::History, now)?;
    Ok(HistoryImport {
        added,
        known: past.len() - added,
    })
}

/// Like [`import_history_bytes`] for a file on disk.
pub fn import_history(
    store: &mut Store,
    path: &std::path::Path,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<HistoryImport> {
    let bytes = std::fs::read(path).map_err(|e| crate::Error::io(path, e))?;
    import_history_bytes(store, &path.to_string_lossy(), &bytes, today, now)
}

/// Every stored pairing, oldest first.
pub fn pairings(store: &Store) -> Result<Vec<Pairing>> {
    let mut stmt = store.conn().prepare(
        "SELECT joiner_email, buddy_email, paired_on, score, reasons, source
         FROM pairings ORDER BY paired_on, id",
    )?;
    let rows = stmt.query_map([], |r| {
        let paired_on: String = r.get(2)?;
        let reasons: String = r.get(4)?;
        let source: String = r.get(5)?;
        Ok(Pairing {
            joiner: r.get(0)?,
            buddy: r.get(1)?,
            paired_on: paired_on.parse().map_err(|e| text_error(2, e))?,
            score: r.get(3)?,
            reasons: serde_json::from_str(&reasons).map_err(|e| text_error(4, e))?,
            source: if source == "history" {
                PairingSource::History
            } else {
                PairingSource::Accepted
            },
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Stored pairings as `(joiner, buddy)`, the shape matching takes as history.
pub fn history_pairs(store: &Store) -> Result<Vec<(String, String)>> {
    Ok(pairings(store)?
        .into_iter()
        .map(|p| (p.joiner, p.buddy))
        .collect())
}

fn hours_text((start, end): (NaiveTime, NaiveTime)) -> String {
    format!("{}-{}", start.format("%H:%M"), end.format("%H:%M"))
}

fn text_error(col: usize, e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(col, rusqlite::types::Type::Text, Box::new(e))
}

/// A `people` row as stored, before its text columns are parsed.
struct StoredPerson {
    email: String,
    name: String,
    team: String,
    timezone: String,
    start_date: String,
    interests: String,
    buddy_capacity: u32,
    working_hours: String,
    opt_out: bool,
}

impl StoredPerson {
    fn into_person(self) -> Result<Person> {
        let corrupt = |what: &str| {
            crate::Error::Sqlite(rusqlite::Error::InvalidColumnName(format!(
                "people.{what} of {} is not valid",
                self.email
            )))
        };
        let (start, end) = self
            .working_hours
            .split_once('-')
            .ok_or_else(|| corrupt("working_hours"))?;
        let time =
            |t: &str| NaiveTime::parse_from_str(t, "%H:%M").map_err(|_| corrupt("working_hours"));
        Ok(Person {
            timezone: self.timezone.parse().map_err(|_| corrupt("timezone"))?,
            start_date: self.start_date.parse().map_err(|_| corrupt("start_date"))?,
            interests: serde_json::from_str(&self.interests).map_err(|_| corrupt("interests"))?,
            working_hours: (time(start)?, time(end)?),
            name: self.name,
            email: self.email,
            team: self.team,
            buddy_capacity: self.buddy_capacity,
            opt_out: self.opt_out,
        })
    }
}

/// The settings row holding the matching weights (the `settings` table keeps
/// one JSON value per key; [`crate::settings`] ignores keys it does not know).
const WEIGHTS_KEY: &str = "matching_weights";

/// The matching weights chosen in Settings, or the defaults.
pub fn weights(store: &Store) -> Result<Weights> {
    Ok(crate::settings::stored(store, WEIGHTS_KEY)?.unwrap_or_default())
}

/// Stores the matching weights; each must be a finite number ≥ 0, and at
/// least one above 0. Returns them as stored.
pub fn set_weights(store: &mut Store, w: Weights) -> Result<Weights> {
    let parts = [w.shared_hours, w.shared_interests, w.low_load, w.tenure];
    if parts.iter().any(|x| !x.is_finite() || *x < 0.0) {
        return Err(crate::Error::invalid(
            "weights",
            "each weight must be a number ≥ 0",
        ));
    }
    if parts.iter().all(|x| *x == 0.0) {
        return Err(crate::Error::invalid(
            "weights",
            "at least one weight must be above 0",
        ));
    }
    store.conn().execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![
            WEIGHTS_KEY,
            serde_json::to_string(&w).expect("numbers serialise")
        ],
    )?;
    Ok(w)
}

/// Reads a roster file and stores it (see [`save_roster`]); nothing is stored
/// when the file has any error.
pub fn import_roster(
    store: &mut Store,
    path: &std::path::Path,
    now: DateTime<Utc>,
) -> Result<RosterImport> {
    let people = crate::roster::read_roster(path)?;
    save_roster(store, &people, now)
}

/// Like [`import_roster`] for a file's contents (dropped on the window);
/// `name` names it in error messages.
pub fn import_roster_bytes(
    store: &mut Store,
    name: &str,
    bytes: &[u8],
    now: DateTime<Utc>,
) -> Result<RosterImport> {
    let people = crate::roster::parse_roster(std::path::Path::new(name), bytes)?;
    save_roster(store, &people, now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::parse_roster;
    use std::path::Path;

    fn now() -> DateTime<Utc> {
        "2026-11-25T10:00:00Z".parse().unwrap()
    }

    fn roster(csv: &str) -> Vec<Person> {
        parse_roster(Path::new("r.csv"), csv.as_bytes()).unwrap()
    }

    #[test]
    fn weights_are_stored_and_checked() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(weights(&store).unwrap(), Weights::default());
        let w = Weights {
            shared_hours: 1.0,
            shared_interests: 0.0,
            low_load: 2.0,
            tenure: 0.5,
        };
        set_weights(&mut store, w).unwrap();
        assert_eq!(weights(&store).unwrap(), w);
        let zero = Weights {
            shared_hours: 0.0,
            shared_interests: 0.0,
            low_load: 0.0,
            tenure: 0.0,
        };
        assert!(set_weights(&mut store, zero).is_err());
        let negative = Weights { tenure: -1.0, ..w };
        assert!(set_weights(&mut store, negative).is_err());
        assert_eq!(weights(&store).unwrap(), w);
        // The other settings still load.
        assert!(crate::settings::load(&store).is_ok());
    }

    #[test]
    fn a_bad_roster_stores_nobody() {
        let mut store = Store::open_in_memory().unwrap();
        let bad = "name,email,team,timezone,start_date\nA,a@x,T,UTC,2026-01-01\nB,b@x,T,Mars/Base,2026-01-01\n";
        let err = import_roster_bytes(&mut store, "drop.csv", bad.as_bytes(), now()).unwrap_err();
        assert!(err.to_string().contains("drop.csv"), "{err}");
        assert!(err.to_string().contains("line 3"), "{err}");
        assert!(load_roster(&store).unwrap().is_empty());
    }

    #[test]
    fn reimport_updates_by_email_and_round_trips() {
        let mut store = Store::open_in_memory().unwrap();
        let first = roster(
            "name,email,team,timezone,start_date,interests,working_hours\n\
             Ana,ana@x.org,SRE,Asia/Kathmandu,2026-01-05,rust;climbing,08:30-16:45\n",
        );
        let r = save_roster(&mut store, &first, now()).unwrap();
        assert_eq!(
            r,
            RosterImport {
                added: 1,
                updated: 0
            }
        );
        assert_eq!(load_roster(&store).unwrap(), first);

        let second = roster(
            "email,name,team,timezone,start_date\n\
             ANA@x.org,Ana B,Payments,Europe/Berlin,2026-01-05\n\
             bo@y.org,Bo,SRE,UTC,2020-01-01\n",
        );
        let r = save_roster(&mut store, &second, now()).unwrap();
        assert_eq!(
            r,
            RosterImport {
                added: 1,
                updated: 1
            }
        );
        let stored = load_roster(&store).unwrap();
        assert_eq!(stored.len(), 2);
        assert_eq!(stored[0].team, "Payments");
        assert_eq!(stored[0].name, "Ana B");
    }

    #[test]
    fn a_history_keeps_its_dates_and_is_imported_once() {
        let mut store = Store::open_in_memory().unwrap();
        let today: NaiveDate = "2026-11-25".parse().unwrap();
        let csv = "joiner_email,buddy_email,date\na@x.org,B@y.org,2025-02-03\nc@x.org,d@y.org,\n";
        let first =
            import_history_bytes(&mut store, "h.csv", csv.as_bytes(), today, now()).unwrap();
        assert_eq!(first, HistoryImport { added: 2, known: 0 });
        let stored = pairings(&store).unwrap();
        let dates: Vec<String> = stored.iter().map(|p| p.paired_on.to_string()).collect();
        assert_eq!(dates, ["2025-02-03", "2026-11-25"]);
        assert_eq!(stored[0].buddy, "b@y.org");
        assert!(stored.iter().all(|p| p.source == PairingSource::History));
        let again =
            import_history_bytes(&mut store, "h.csv", csv.as_bytes(), today, now()).unwrap();
        assert_eq!(again, HistoryImport { added: 0, known: 2 });
    }

    #[test]
    fn a_bad_history_stores_no_pair_and_names_line_and_field() {
        let mut store = Store::open_in_memory().unwrap();
        let today: NaiveDate = "2026-11-25".parse().unwrap();
        let csv = "joiner_email,buddy_email,date\na@x.org,b@y.org,2025-02-03\nc@x.org,d@y.org,03/02/2025\n";
        let err =
            import_history_bytes(&mut store, "h.csv", csv.as_bytes(), today, now()).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("h.csv") && text.contains("line 3") && text.contains("date"),
            "{text}"
        );
        assert!(pairings(&store).unwrap().is_empty());
    }

    #[test]
    fn pairings_are_recorded_once_and_survive_a_roster_import() {
        let mut store = Store::open_in_memory().unwrap();
        let pair = Pair {
            joiner: "A@x.org".into(),
            buddy: "b@y.org".into(),
            score: 0.5,
            reasons: vec!["different teams: A / B".into()],
            locked: false,
        };
        let on: NaiveDate = "2026-11-25".parse().unwrap();
        let n = record_pairs(
            &mut store,
            std::slice::from_ref(&pair),
            on,
            PairingSource::Accepted,
            now(),
        );
        assert_eq!(n.unwrap(), 1);
        let again = record_pairs(&mut store, &[pair], on, PairingSource::History, now());
        assert_eq!(again.unwrap(), 0);
        save_roster(
            &mut store,
            &roster("name,email,team,timezone,start_date\nA,a@x.org,A,UTC,2026-01-01\n"),
            now(),
        )
        .unwrap();
        let stored = pairings(&store).unwrap();
        assert_eq!(stored.len(), 1);
        assert_eq!(stored[0].joiner, "a@x.org");
        assert_eq!(stored[0].source, PairingSource::Accepted);
        assert_eq!(
            stored[0].reasons,
            vec!["different teams: A / B".to_string()]
        );
        assert_eq!(
            history_pairs(&store).unwrap(),
            vec![("a@x.org".to_string(), "b@y.org".to_string())]
        );
    }
}
