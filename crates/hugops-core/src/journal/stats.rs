//! Journal statistics: per month, per person, per tag, and the giving streak.

use chrono::NaiveDate;
use serde::Serialize;

use crate::{Result, Store};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    pub given: u64,
    pub received: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    pub name: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Streak {
    pub current_weeks: u32,
    pub longest_weeks: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub given: u64,
    pub received: u64,
    pub by_month: Vec<MonthCount>,
    pub top_thanked: Vec<Count>,
    pub top_thankers: Vec<Count>,
    pub tags: Vec<Count>,
    pub streak: Streak,
}

/// Statistics of the live journal as of `today`.
pub fn stats(store: &Store, today: NaiveDate) -> Result<Stats> {
    todo!("{store:?} {today}")
}
