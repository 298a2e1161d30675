//! What matching gives: pairs, unmatched joiners, candidates.

use serde::{Serialize, Serializer};

use super::explain::UnmatchedReason;

/// One proposed pair. Scores are kept exact and serialised rounded to 4 decimals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    pub joiner: String,
    pub buddy: String,
    #[serde(serialize_with = "round4")]
    pub score: f64,
    pub reasons: Vec<String>,
    /// Kept from [`MatchOptions::locks`](super::MatchOptions::locks).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub locked: bool,
}

/// A joiner left without a buddy, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unmatched {
    pub joiner: String,
    pub reason: UnmatchedReason,
}

/// A feasible pair with its score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    pub joiner: String,
    pub buddy: String,
    #[serde(serialize_with = "round4")]
    pub score: f64,
}

/// The outcome of [`match_buddies`](super::match_buddies): pairs and
/// unmatched joiners are sorted by joiner email, candidates by joiner then
/// buddy email.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchResult {
    pub pairs: Vec<Pair>,
    pub unmatched: Vec<Unmatched>,
    #[serde(serialize_with = "round4")]
    pub total_score: f64,
    /// Empty unless
    /// [`MatchOptions::include_candidates`](super::MatchOptions::include_candidates).
    pub candidates: Vec<Candidate>,
    /// Each joiner's best
    /// [`MatchOptions::alternatives`](super::MatchOptions::alternatives)
    /// candidates, by joiner email then best first (ties by buddy email).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Candidate>,
    /// Locks that could not be kept: not a joiner and a possible buddy on
    /// different teams, a repeat, or beyond the buddy's capacity.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ignored_locks: Vec<(String, String)>,
}

/// A score as serialised: rounded to 4 decimals.
pub(super) fn round4<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((x * 1e4).round() / 1e4)
}
