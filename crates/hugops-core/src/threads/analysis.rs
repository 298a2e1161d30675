//! Scores one thread: documented signals, each pointing at its messages.

use serde::Serialize;

use super::Thread;

/// The default verdict threshold.
pub const DEFAULT_THRESHOLD: f64 = 0.5;

/// One reason the score went up (positive weight) or down (negative weight).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signal {
    /// Stable snake_case name, e.g. `unanswered_question`.
    pub kind: String,
    pub weight: f64,
    /// 1-based positions of the messages involved, ascending.
    pub messages: Vec<usize>,
    /// A short quote or explanation a person can check.
    pub evidence: String,
}

/// The verdict on one thread.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub ambiguous: bool,
    /// In [0, 1].
    pub score: f64,
    pub threshold: f64,
    pub messages: usize,
    pub participants: usize,
    pub signals: Vec<Signal>,
    /// A call proposal (observation, feeling, need, request); empty when the
    /// thread looks fine.
    pub suggestion: String,
}

/// Scores `thread` against `threshold`.
pub fn analyze(thread: &Thread, threshold: f64) -> Analysis {
    // Placeholder until the signals land (issue 7).
    Analysis {
        ambiguous: false,
        score: 0.0,
        threshold,
        messages: thread.messages.len(),
        participants: thread.participants(),
        signals: Vec::new(),
        suggestion: String::new(),
    }
}
