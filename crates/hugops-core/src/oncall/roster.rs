//! The on-call rotation: the buddy roster plus each person's sleep window.
//!
//! Same file and rules as [`crate::roster`], with one more optional column,
//! `sleep_hours` (`HH:MM-HH:MM` local, may wrap midnight, default
//! [`DEFAULT_SLEEP_HOURS`]).

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveTime;

use crate::roster::{parse_person, parse_wrapping_hours, roster_table, Person};
use crate::{Error, Result};

/// Sleep window used when `sleep_hours` is absent or empty.
pub const DEFAULT_SLEEP_HOURS: &str = "22:00-08:00";

/// One person of the rotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub person: Person,
    /// Local start and end of their sleep; an end before the start is on
    /// the next day.
    pub sleep: (NaiveTime, NaiveTime),
}

/// Reads and parses a rotation file; see [`parse`].
pub fn read(path: &Path) -> Result<Vec<Member>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    parse(path, &bytes)
}

/// Parses a roster with the optional `sleep_hours` column.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Vec<Member>> {
    let table = roster_table(path, bytes)?;
    let mut seen = HashMap::new();
    let mut out = Vec::with_capacity(table.rows.len());
    for (line, row) in &table.rows {
        let person = parse_person(&table, *line, row, &mut seen)?;
        let text = match table.get(row, "sleep_hours") {
            "" => DEFAULT_SLEEP_HOURS,
            text => text,
        };
        let sleep = parse_wrapping_hours(text)
            .map_err(|m| Error::bad_file(path, Some(*line), Some("sleep_hours"), m))?;
        out.push(Member { person, sleep });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn sleep_hours_default_wrap_and_plain() {
        let text = "name,email,team,timezone,start_date,sleep_hours\n\
                    Ann,a@x,T,UTC,2026-01-01,\n\
                    Bo,b@x,T,Asia/Kathmandu,2026-01-01,23:30-07:15\n\
                    Cy,c@x,T,UTC,2026-01-01,00:00-08:00\n";
        let m = parse(Path::new("r.csv"), text.as_bytes()).unwrap();
        assert_eq!(m[0].sleep, (hm(22, 0), hm(8, 0)));
        assert_eq!(m[1].sleep, (hm(23, 30), hm(7, 15)));
        assert_eq!(m[1].person.timezone, chrono_tz::Asia::Kathmandu);
        assert_eq!(m[2].sleep, (hm(0, 0), hm(8, 0)));
    }

    #[test]
    fn bad_sleep_hours_name_line_and_field() {
        for bad in ["22:00", "22:00-22:00", "late-early", "25:00-08:00"] {
            let text = format!(
                "name,email,team,timezone,start_date,sleep_hours\nAnn,a@x,T,UTC,2026-01-01,\nBo,b@x,T,UTC,2026-01-01,{bad}\n"
            );
            let e = parse(Path::new("r.csv"), text.as_bytes()).unwrap_err();
            assert!(
                e.to_string()
                    .starts_with("r.csv: line 3: field `sleep_hours`"),
                "{e}"
            );
        }
    }

    #[test]
    fn roster_errors_still_apply() {
        let text = "name,email,team,timezone,start_date\nAnn,a@x,T,Moon/Base,2026-01-01\n";
        let e = parse(Path::new("r.csv"), text.as_bytes()).unwrap_err();
        assert!(e.to_string().contains("line 2: field `timezone`"), "{e}");
    }
}
