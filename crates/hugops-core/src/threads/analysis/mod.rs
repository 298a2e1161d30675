//! Scores one thread: documented signals, each pointing at its messages.
//!
//! Each message is read once ([`message::Features`]); each signal then walks
//! the thread once ([`signals`]). The score is `1 − e^(−max(0, Σ weights))`:
//! signs of ambiguity add, calming signs subtract, and no single signal can
//! reach 1 on its own. docs/threads.md lists every signal and weight.

mod cues;
mod lexicon;
mod message;
mod signals;
mod suggestion;

use serde::Serialize;

use self::message::Features;
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

/// Scores `thread` against `threshold`. Deterministic, linear in the size of
/// the thread; the score is in [0, 1] and rounded to two decimals, and the
/// verdict is `score >= threshold`.
pub fn analyze(thread: &Thread, threshold: f64) -> Analysis {
    let features: Vec<Features> = thread.messages.iter().map(|m| Features::of(&m.text)).collect();
    let signals = signals::all(thread, &features);
    let score = score(&signals);
    let ambiguous = score >= threshold;
    Analysis {
        ambiguous,
        score,
        threshold,
        messages: thread.messages.len(),
        participants: thread.participants(),
        suggestion: if ambiguous {
            suggestion::draft(thread, &signals)
        } else {
            String::new()
        },
        signals,
    }
}

/// `1 − e^(−max(0, Σ weights))`, rounded to two decimals.
fn score(signals: &[Signal]) -> f64 {
    let total: f64 = signals.iter().map(|s| s.weight).sum();
    let score = 1.0 - (-total.max(0.0)).exp();
    ((score * 100.0).round() / 100.0).clamp(0.0, 1.0)
}
