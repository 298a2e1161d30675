//! One signal: a kind, a strength or contribution, the messages it rests on
//! and a quote a person can check. Every signal module builds them here.

use serde::Serialize;

use super::kind::SignalKind;

/// One reason the score went up (positive weight) or down (negative weight).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Signal {
    /// What it is about; serialised as its stable snake_case name, e.g.
    /// `unanswered_question`.
    pub kind: SignalKind,
    /// Contribution to the log-odds of the score (fitted weight × strength),
    /// rounded to two decimals.
    pub weight: f64,
    /// 1-based positions of the messages involved, ascending.
    pub messages: Vec<usize>,
    /// A short quote or explanation a person can check.
    pub evidence: String,
}

/// The signal `kind` with strength `weight` over the 0-based `found`
/// messages (reported 1-based).
pub(super) fn signal(kind: SignalKind, weight: f64, found: &[usize], evidence: String) -> Signal {
    Signal {
        kind,
        weight,
        messages: found.iter().map(|i| i + 1).collect(),
        evidence,
    }
}

/// Up to 60 characters of `text` from byte `at` (which callers take from the
/// text itself), in quotes, with an ellipsis where it was cut.
pub(super) fn quote(text: &str, at: usize) -> String {
    let from = text.get(at..).unwrap_or(text);
    let line = from.lines().next().unwrap_or("").trim();
    let mut out: String = line.chars().take(60).collect();
    if out.len() < line.len() || from.trim().len() > line.len() {
        out.push('…');
    }
    let lead = if at > 0 { "…" } else { "" };
    format!("“{lead}{out}”")
}
