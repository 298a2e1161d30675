//! Journal statistics: per month, per person, per tag, and the giving streak.
//!
//! People and tags are counted case-insensitively (`Zoë` and `ZOË` are one
//! person), shown with their most used spelling.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::sql::{fold, parse_date, text_at};
use crate::{Result, Store};

/// How many people or tags each top list holds.
pub const TOP: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    pub given: u64,
    pub received: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Count {
    pub name: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Streak {
    /// Consecutive ISO weeks (Monday to Sunday) with kudos given, ending with
    /// this week, or last week while this one has none yet.
    pub current_weeks: u32,
    /// The longest such run ever.
    pub longest_weeks: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Stats {
    pub given: u64,
    pub received: u64,
    /// Oldest month first; months without entries are left out.
    pub by_month: Vec<MonthCount>,
    /// People the user gave kudos to, most first (then by name).
    pub top_thanked: Vec<Count>,
    /// People who gave the user kudos, most first (then by name).
    pub top_thankers: Vec<Count>,
    /// Most used tags, most first (then by name).
    pub tags: Vec<Count>,
    pub streak: Streak,
}

/// Statistics of the live journal as of `today`.
pub fn stats(store: &Store, today: NaiveDate) -> Result<Stats> {
    let mut tally = Tally::default();
    let mut stmt = store.conn().prepare_cached(
        "SELECT direction, person, tags, occurred_on FROM entries WHERE deleted_at IS NULL",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let text = |i| text_at(row, i);
        tally.add(text(0)? == "given", text(1)?, text(2)?, text(3)?);
    }
    Ok(tally.finish(today))
}

/// Counts gathered in one pass over the live entries.
#[derive(Default)]
struct Tally {
    /// `YYYY-MM` -> (given, received).
    months: BTreeMap<String, (u64, u64)>,
    /// Exact spellings; [`top_counts`] merges case variants.
    thanked: HashMap<String, u64>,
    thankers: HashMap<String, u64>,
    tags: HashMap<String, u64>,
    given_days: BTreeSet<NaiveDate>,
}

impl Tally {
    /// Counts one entry, given as stored (`tags` is a JSON array).
    fn add(&mut self, given: bool, person: &str, tags: &str, occurred_on: &str) {
        let month = occurred_on.get(..7).unwrap_or(occurred_on);
        let counts = match self.months.get_mut(month) {
            Some(counts) => counts,
            None => self.months.entry(month.to_owned()).or_default(),
        };
        if given {
            counts.0 += 1;
            bump(&mut self.thanked, person);
            self.given_days.extend(parse_date(occurred_on));
        } else {
            counts.1 += 1;
            bump(&mut self.thankers, person);
        }
        if tags != "[]" {
            // The column is checked JSON written by this crate; anything
            // else is not worth failing the whole dashboard for.
            for tag in serde_json::from_str::<Vec<String>>(tags).unwrap_or_default() {
                bump(&mut self.tags, &tag);
            }
        }
    }

    fn finish(self, today: NaiveDate) -> Stats {
        let by_month: Vec<MonthCount> = self
            .months
            .into_iter()
            .map(|(month, (given, received))| MonthCount {
                month,
                given,
                received,
            })
            .collect();
        Stats {
            given: by_month.iter().map(|m| m.given).sum(),
            received: by_month.iter().map(|m| m.received).sum(),
            by_month,
            top_thanked: top_counts(self.thanked),
            top_thankers: top_counts(self.thankers),
            tags: top_counts(self.tags),
            streak: streak(self.given_days, today),
        }
    }
}

/// Adds one to `key`'s count, allocating only for a new key.
fn bump(counts: &mut HashMap<String, u64>, key: &str) {
    match counts.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            counts.insert(key.to_owned(), 1);
        }
    }
}

/// Merges `(spelling, count)` pairs by folded name; each group is shown with
/// its most used spelling (ties: the smallest). Sorted by count descending,
/// then name; at most [`TOP`].
fn top_counts(rows: HashMap<String, u64>) -> Vec<Count> {
    // folded name -> (total, best spelling, that spelling's count)
    let mut groups: HashMap<String, (u64, String, u64)> = HashMap::new();
    for (name, count) in rows {
        let group = groups
            .entry(fold(&name))
            .or_insert_with(|| (0, name.clone(), 0));
        group.0 += count;
        if count > group.2 || (count == group.2 && name < group.1) {
            group.1 = name;
            group.2 = count;
        }
    }
    let mut counts: Vec<(String, Count)> = groups
        .into_iter()
        .map(|(key, (count, name, _))| (key, Count { name, count }))
        .collect();
    counts.sort_by(|(ka, a), (kb, b)| {
        b.count
            .cmp(&a.count)
            .then_with(|| ka.cmp(kb))
            .then_with(|| a.name.cmp(&b.name))
    });
    counts.into_iter().take(TOP).map(|(_, c)| c).collect()
}

/// The Monday starting the ISO week of `day`.
fn week_start(day: NaiveDate) -> NaiveDate {
    day - Days::new(u64::from(day.weekday().num_days_from_monday()))
}

/// Streaks of consecutive ISO weeks holding at least one of `days`.
fn streak(days: impl IntoIterator<Item = NaiveDate>, today: NaiveDate) -> Streak {
    let weeks: BTreeSet<NaiveDate> = days.into_iter().map(week_start).collect();
    let previous = |w: NaiveDate| w.checked_sub_days(Days::new(7));
    let mut longest = 0u32;
    let mut run = 0u32;
    let mut last: Option<NaiveDate> = None;
    for &week in &weeks {
        run = if last.is_some() && last == previous(week) {
            run + 1
        } else {
            1
        };
        longest = longest.max(run);
        last = Some(week);
    }
    let this_week = week_start(today);
    let mut cursor = if weeks.contains(&this_week) {
        Some(this_week)
    } else {
        previous(this_week)
    };
    let mut current = 0u32;
    while let Some(week) = cursor.filter(|w| weeks.contains(w)) {
        current += 1;
        cursor = previous(week);
    }
    Streak {
        current_weeks: current,
        longest_weeks: longest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;
    use crate::journal::{add_many, delete, Direction, NewEntry};
    use crate::testing::date;

    fn new(direction: Direction, person: &str, on: &str, tags: &[&str]) -> NewEntry {
        NewEntry {
            direction: Some(direction),
            person: person.into(),
            message: "thanks".into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            occurred_on: Some(date(on)),
            ..NewEntry::default()
        }
    }

    fn counts(c: &[Count]) -> Vec<(&str, u64)> {
        c.iter().map(|c| (c.name.as_str(), c.count)).collect()
    }

    #[test]
    fn empty_journal() {
        let store = Store::open_in_memory().unwrap();
        let s = stats(&store, date("2026-11-24")).unwrap();
        assert_eq!((s.given, s.received), (0, 0));
        assert!(s.by_month.is_empty() && s.top_thanked.is_empty() && s.tags.is_empty());
        assert_eq!(
            s.streak,
            Streak {
                current_weeks: 0,
                longest_weeks: 0
            }
        );
    }

    #[test]
    fn totals_months_people_and_tags() {
        let mut store = Store::open_in_memory().unwrap();
        let g = Direction::Given;
        let r = Direction::Received;
        let rows = vec![
            new(g, "Zoë", "2026-10-05", &["docs", "ci"]),
            new(g, "zoë", "2026-11-02", &["Docs"]),
            new(g, "Zoë", "2026-11-03", &[]),
            new(g, "Ana", "2026-11-03", &["ci"]),
            new(g, "Bo", "2026-11-03", &[]),
            new(r, "Ana", "2026-09-01", &["docs"]),
            new(r, "Kenji", "2026-11-20", &[]),
            new(g, "Deleted", "2026-11-20", &["gone"]),
        ];
        add_many(&mut store, rows, &FixedClock::at("2026-11-24T10:00:00Z")).unwrap();
        delete(&mut store, 8, &FixedClock::at("2026-11-24T10:00:00Z")).unwrap();
        let s = stats(&store, date("2026-11-24")).unwrap();
        assert_eq!((s.given, s.received), (5, 2));
        let months: Vec<_> = s
            .by_month
            .iter()
            .map(|m| (m.month.as_str(), m.given, m.received))
            .collect();
        assert_eq!(
            months,
            vec![("2026-09", 0, 1), ("2026-10", 1, 0), ("2026-11", 4, 1)]
        );
        assert_eq!(
            counts(&s.top_thanked),
            vec![("Zoë", 3), ("Ana", 1), ("Bo", 1)]
        );
        assert_eq!(counts(&s.top_thankers), vec![("Ana", 1), ("Kenji", 1)]);
        assert_eq!(counts(&s.tags), vec![("docs", 3), ("ci", 2)]);
        let json = serde_json::to_value(&s).unwrap();
        // Given weeks: 2026-10-05 and 2026-11-02; none since.
        assert_eq!(json["streak"]["current_weeks"], 0);
        assert_eq!(json["streak"]["longest_weeks"], 1);
        assert_eq!(json["by_month"][0]["month"], "2026-09");
    }

    #[test]
    fn top_lists_hold_ten() {
        let rows = (0..15).map(|i| (format!("p{i:02}"), 15 - i)).collect();
        let top = top_counts(rows);
        assert_eq!(top.len(), TOP);
        assert_eq!(top[0].name, "p00");
        assert_eq!(top[9].name, "p09");
    }

    #[test]
    fn streak_counts_iso_weeks() {
        let d = |v: &[&str]| v.iter().map(|s| date(s)).collect::<Vec<_>>();
        // 2026-11-23 is a Monday; 2026-11-24 a Tuesday.
        let today = date("2026-11-24");
        // Sunday 11-22 and Monday 11-16 are the same week; 11-09 the week before.
        let s = streak(d(&["2026-11-22", "2026-11-16", "2026-11-09"]), today);
        assert_eq!(
            s,
            Streak {
                current_weeks: 2,
                longest_weeks: 2
            }
        );
        // This week counts as soon as it has a given entry.
        let s = streak(d(&["2026-11-23", "2026-11-22", "2026-11-09"]), today);
        assert_eq!(
            s,
            Streak {
                current_weeks: 3,
                longest_weeks: 3
            }
        );
        // A gap of one full week breaks the current streak.
        let s = streak(d(&["2026-11-10", "2026-11-03", "2026-10-27"]), today);
        assert_eq!(
            s,
            Streak {
                current_weeks: 0,
                longest_weeks: 3
            }
        );
        // Across a year boundary (ISO weeks 2026-W53 … 2027-W01).
        let s = streak(
            d(&["2026-12-28", "2027-01-04", "2027-01-10"]),
            date("2027-01-10"),
        );
        assert_eq!(
            s,
            Streak {
                current_weeks: 2,
                longest_weeks: 2
            }
        );
        assert_eq!(
            streak(Vec::new(), today),
            Streak {
                current_weeks: 0,
                longest_weeks: 0
            }
        );
    }

    #[test]
    fn received_entries_do_not_make_a_streak() {
        let mut store = Store::open_in_memory().unwrap();
        let rows = vec![new(Direction::Received, "Ana", "2026-11-24", &[])];
        add_many(&mut store, rows, &FixedClock::at("2026-11-24T10:00:00Z")).unwrap();
        let s = stats(&store, date("2026-11-24")).unwrap();
        assert_eq!(s.streak.longest_weeks, 0);
    }
}
