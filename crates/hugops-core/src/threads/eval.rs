//! Evaluation of the analysis on a labelled corpus of threads.

use std::path::Path;

use serde::Serialize;

use crate::Result;

/// Accuracy figures of the analysis on a labelled corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvalReport {
    pub threads: usize,
    pub accuracy: f64,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Share of `fine` threads called ambiguous.
    pub false_alarm_rate: f64,
}

/// Evaluates every thread of the corpus in `dir` at `threshold`.
pub fn evaluate_dir(_dir: &Path, _threshold: f64) -> Result<EvalReport> {
    // Placeholder until the corpus lands (issue 7).
    Ok(EvalReport {
        threads: 0,
        accuracy: 0.0,
        precision: 0.0,
        recall: 0.0,
        f1: 0.0,
        false_alarm_rate: 0.0,
    })
}
