//! The week across time zones, as a picture: for each weekday and half-hour
//! of the user's own zone, how many of a group are inside their working hours.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Tz;
use serde::Serialize;

use super::hours::{Interval, WorkingTime};
use crate::clock::local_instant;
use crate::roster::Person;

/// Minutes per cell.
pub const CELL_MINUTES: u32 = 30;
const CELLS_PER_DAY: usize = (24 * 60 / CELL_MINUTES) as usize;

/// Counts for the five weekdays of one week, in the user's zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Heatmap {
    /// Monday to Friday of the week (dates in `zone`).
    pub days: Vec<NaiveDate>,
    pub cell_minutes: u32,
    /// `counts[day][cell]`: people inside their working hours for the whole
    /// half hour whose wall-clock start in `zone` is `cell × cell_minutes`
    /// after that day's midnight. A wall-clock time a clock change skips
    /// counts nobody.
    pub counts: Vec<Vec<u32>>,
    /// The group's size (the darkest colour).
    pub people: usize,
    /// The zone whose days and half hours the cells are (IANA).
    pub zone: String,
}

/// The heat map of the week holding `day` (Monday to Friday of `zone`).
pub fn week_heatmap(group: &[&Person], day: NaiveDate, zone: Tz) -> Heatmap {
    let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
    let days: Vec<NaiveDate> = (0..5).map(|d| monday + Duration::days(d)).collect();
    let midnight = |d: NaiveDate| local_instant(zone, d.and_time(NaiveTime::MIN));
    let week = Interval {
        start: midnight(monday),
        end: midnight(monday + Duration::days(5)),
    };
    let cells: Vec<Vec<Option<Interval>>> = days
        .iter()
        .map(|d| (0..CELLS_PER_DAY).map(|c| cell(zone, *d, c)).collect())
        .collect();
    let mut counts = vec![vec![0u32; CELLS_PER_DAY]; days.len()];
    for person in group {
        let time = WorkingTime::around(person, week);
        for (row, cells) in counts.iter_mut().zip(&cells) {
            for (count, cell) in row.iter_mut().zip(cells) {
                if cell.is_some_and(|c| time.fit(&c).in_hours()) {
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
        zone: zone.name().to_string(),
    }
}

/// The half hour starting at cell `index`'s wall-clock time on `day` in
/// `zone`, or `None` when a clock change skips that time.
fn cell(zone: Tz, day: NaiveDate, index: usize) -> Option<Interval> {
    let minutes = index as u32 * CELL_MINUTES;
    let wall = day.and_time(NaiveTime::MIN) + Duration::minutes(minutes.into());
    let start = zone.from_local_datetime(&wall).earliest()?;
    Some(Interval::from_minutes(start.to_utc(), CELL_MINUTES))
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
        let map = week_heatmap(&group, "2026-11-25".parse().unwrap(), chrono_tz::UTC);
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

    #[test]
    fn days_and_half_hours_are_the_users_own() {
        let csv = "name,email,team,timezone,start_date,working_hours\n\
                   A,a@x,T,Asia/Kolkata,2020-01-01,09:00-17:00\n";
        let people = parse_roster(Path::new("r.csv"), csv.as_bytes()).unwrap();
        let group: Vec<&Person> = people.iter().collect();
        // Kolkata's 09:00–17:00 is 04:30–12:30 in Berlin's winter.
        let berlin = week_heatmap(
            &group,
            "2026-11-25".parse().unwrap(),
            chrono_tz::Europe::Berlin,
        );
        assert_eq!(berlin.zone, "Europe/Berlin");
        let cell = |h: u32, m: u32| ((h * 60 + m) / CELL_MINUTES) as usize;
        let wed = &berlin.counts[2];
        assert_eq!((wed[cell(4, 0)], wed[cell(4, 30)]), (0, 1));
        assert_eq!((wed[cell(12, 0)], wed[cell(12, 30)]), (1, 0));

        let la = week_heatmap(
            &group,
            "2026-11-25".parse().unwrap(),
            chrono_tz::America::Los_Angeles,
        );
        // Los Angeles is 13:30 behind: Kolkata's Monday afternoon is the LA
        // Monday's small hours, and Kolkata's Tuesday starts at 19:30 LA Monday.
        let mon = &la.counts[0];
        assert_eq!(
            (mon[cell(0, 0)], mon[cell(3, 0)], mon[cell(3, 30)]),
            (1, 1, 0)
        );
        assert_eq!((mon[cell(19, 0)], mon[cell(19, 30)]), (0, 1));
    }
}
