//! Buddy matching: give every new joiner the best cross-team buddy.
//!
//! On a reference date, a *joiner* is anyone whose start date is at most
//! `joiner_window_days` before it (or any day after it); a *possible buddy* is
//! anyone with at least `min_tenure_days` of tenure, a capacity above 0 and no
//! opt-out. A pair is feasible when the two are different people on different
//! teams (compared case-insensitively) and the pair is not in the history.
//! A joiner left without a buddy gets an [`UnmatchedReason`].
//!
//! Each feasible pair gets a score in [0, 1] (see [`Weights`]), rounded to
//! the 4 decimals that are printed, so the assignment is optimal over exactly
//! the printed candidate scores; scores are then compared as whole numbers of
//! 10⁻⁴. The assignment first matches as many joiners as possible, then
//! maximises the total score, exactly: a min-cost flow over source → joiner
//! (capacity 1) → buddy (capacity 1, cost `-(M + score)` with `M` larger than
//! any total) → sink (capacity `buddy_capacity`), solved one joiner at a time
//! with Dijkstra on reduced costs (see `flow`). Each joiner's candidate list
//! is first cut to its best edges in a way that provably keeps an optimum
//! (see `prune`). Joiners and buddies are ordered by email first and every
//! tie is broken by that order, so the same input always gives the same
//! output.
//!
//! Scoring every pair is most of the work (19 million pairs for 1,000
//! joiners and 19,000 buddies): it runs on every core, without divisions
//! (see `scan`). [`score_feasible_pairs`] gives the scores alone.
//!
//! Emails are compared lowercased and assumed unique ([`crate::roster::parse_roster`]
//! guarantees it).
//!
//! Modules: `score` (weights and formulas), `problem` (the roster prepared
//! once), `scan` (every pair scored), `prune` (edges that can matter),
//! `flow` (the generic solver), `assign` (the solver's answer as pairs),
//! `explain` (reasons in words), `intro` (the introduction message).

mod assign;
mod explain;
mod flow;
mod intro;
mod options;
mod outcome;
mod problem;
mod prune;
mod scan;
mod score;

pub use assign::match_buddies;
pub use explain::{shared_interests, UnmatchedReason};
pub use intro::intro_message;
pub use options::MatchOptions;
pub use outcome::{Candidate, MatchResult, Pair, Unmatched};
pub use scan::{score_feasible_pairs, ScoreTable};
pub use score::{jaccard, reference_day, shared_hours, Weights};

#[cfg(test)]
mod test_people;
#[cfg(test)]
mod tests;
