//! What to match and how.

use chrono::NaiveDate;

use super::score::Weights;

/// What to match and how.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchOptions {
    /// The reference date.
    pub today: NaiveDate,
    /// A joiner started at most this many days before `today` (default 90).
    pub joiner_window_days: u32,
    /// A buddy has at least this many days of tenure (default 180).
    pub min_tenure_days: u32,
    pub weights: Weights,
    /// Fill [`MatchResult::candidates`](super::MatchResult::candidates) with
    /// every feasible pair (default false: the list can be large).
    pub include_candidates: bool,
    /// Pairs `(joiner, buddy)` kept whatever else happens, as long as they
    /// are feasible and the buddy's capacity allows (see
    /// [`MatchResult::ignored_locks`](super::MatchResult::ignored_locks)).
    pub locks: Vec<(String, String)>,
    /// How many of each joiner's best candidates to list in
    /// [`MatchResult::alternatives`](super::MatchResult::alternatives) (default 0).
    pub alternatives: usize,
}

impl MatchOptions {
    /// The defaults on the given reference date: joiners are those who
    /// started within 90 days, buddies have at least 180 days of tenure, the
    /// weights are [`Weights::default`], no locks, no alternatives.
    pub fn new(today: NaiveDate) -> Self {
        MatchOptions {
            today,
            joiner_window_days: 90,
            min_tenure_days: 180,
            weights: Weights::default(),
            include_candidates: false,
            locks: Vec::new(),
            alternatives: 0,
        }
    }
}
