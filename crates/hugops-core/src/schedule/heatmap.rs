//! The week across time zones, as a picture: for each UTC weekday and
//! half-hour, how many of a group are inside their working hours.

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

use super::hours::{Interval, WorkingTime};
use crate::clock::utc_midnight;
use crate::roster::Person;

/// Minutes per cell.
pub const CELL_MINUTES: u32 = 30;
const CELLS_PER_DAY: usize = (24 * 60 / CELL_MINUTES) as usize;

/// Counts for the five UTC weekdays of one week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Heatmap {
    /// Monday to Friday of the week (UTC dates).
    pub days: Vec<NaiveDate>,
    pub cell_minutes: u32,
    /// `counts[day][cell]`: people inside their working hours for the whole
    /// cell starting `cell × cell_minutes` after that day's 00:00 UTC.
    pub counts: Vec<Vec<u32>>,
    /// The group's size (the darkest colour).
    pub people: usize,
}

/// The heat map of the week holding `day` (Monday to Friday, UTC).
pub fn week_heatmap(group: &[&Person], day: NaiveDate) -> Heatmap {
    let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
    let days: Vec<NaiveDate> = (0..5).map(|d| monday + Duration::days(d)).collect();
    let week = Interval {
        start: utc_midnight(monday),
        end: utc_midnight(monday + Duration::days(5)),
    };
    let mut counts = vec![vec![0u32; CELLS_PER_DAY]; days.len()];
    for person in group {
        let time = WorkingTime::around(person, week);
        for (d, day) in days.iter().enumerate() {
            for (c, count) in counts[d].iter_mut().enumerate() {
                let start =
                    utc_midnight(*day) + Duration::minutes((c as u32 * CELL_MINUTES).into());
                if time
                    .fit(&Interval::from_minutes(start, CELL_MINUTES))
                    .in_hours()
                {
                    *count += 1;
                }
            }
        }
    }
    Heatmap {
        days,
        cell_minutes: CELL_MINUTES,
        counts,
        people: group.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::parse_roster;
    use std::path::Path;

    #[test]
    fn counts_people_in_hours_per_half_hour_across_zones() {
        let csv = "name,email,team,timezone,start_date,working_hours\n\
                   A,a@x,T,Asia/Kolkata,2020-01-01,09:00-17:00\n\
                   B,b@x,T,America/New_York,2020-01-01,09:00-17:00\n";
        let people = parse_roster(Path::new("r.csv"), csv.as_bytes()).unwrap();
        let group: Vec<&Person> = people.iter().collect();
        // A Wednesday in winter: Kolkata works 03:30–11:30 UTC, New York 14:00–22:00.
        let map = week_heatmap(&group, "2026-11-25".parse().unwrap());
        assert_eq!(map.days[0], "2026-11-23".parse::<NaiveDate>().unwrap());
        assert_eq!(map.days.len(), 5);
        let cell = |h: u32, m: u32| ((h * 60 + m) / CELL_MINUTES) as usize;
        let wed = &map.counts[2];
        assert_eq!(wed[cell(3, 0)], 0);
        assert_eq!(wed[cell(3, 30)], 1);
        assert_eq!(wed[cell(11, 0)], 1);
        assert_eq!(wed[cell(11, 30)], 0);
        assert_eq!(wed[cell(14, 0)], 1);
        assert_eq!(wed[cell(21, 30)], 1);
        assert_eq!(wed[cell(22, 0)], 0);
        assert!(wed.iter().all(|&n| n <= 1), "their hours never overlap");
        // Friday evening in New York is still Friday UTC until 22:00; Monday
        // 00:00–03:30 UTC holds nobody.
        assert_eq!(map.counts[4][cell(21, 30)], 1);
        assert!(map.counts[0][..cell(3, 30)].iter().all(|&n| n == 0));
        assert_eq!(map.people, 2);
    }
}
