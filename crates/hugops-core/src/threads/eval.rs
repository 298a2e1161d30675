//! Evaluation of the analysis on a labelled corpus of threads.
//!
//! A corpus is a folder tree of plain transcripts; a file's label is the name
//! of the folder holding it: `call` (the thread deserved a call) or `fine`.
//! Files in other folders are ignored, so `corpus/dev/call/x.txt` and
//! `corpus/holdout/fine/y.txt` can live side by side.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::analysis::analyze;
use super::parse::text::parse_transcript;
use crate::{Error, Result};

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
    /// `call` threads called ambiguous.
    pub true_positives: usize,
    /// `fine` threads called ambiguous.
    pub false_positives: usize,
    /// `fine` threads left alone.
    pub true_negatives: usize,
    /// `call` threads left alone.
    pub false_negatives: usize,
    /// Every wrongly judged thread, in path order.
    pub misclassified: Vec<Misjudged>,
}

/// One thread the analysis got wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Misjudged {
    pub path: PathBuf,
    /// `call` or `fine`: what the folder says.
    pub label: String,
    pub score: f64,
}

/// Evaluates every thread of the corpus in `dir` at `threshold`.
///
/// Fails on an unreadable folder or file, on a transcript that does not
/// parse, and when no file sits in a `call` or `fine` folder.
pub fn evaluate_dir(dir: &Path, threshold: f64) -> Result<EvalReport> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    let mut counts = Counts::default();
    let mut misclassified = Vec::new();
    for (path, call) in files {
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| Error::bad_file(&path, None, None, "not UTF-8 text"))?;
        let analysis = analyze(&parse_transcript(&path, &text)?, threshold);
        counts.add(call, analysis.ambiguous);
        if call != analysis.ambiguous {
            misclassified.push(Misjudged {
                path,
                label: if call { "call" } else { "fine" }.to_owned(),
                score: analysis.score,
            });
        }
    }
    if counts.total() == 0 {
        return Err(Error::bad_file(
            dir,
            None,
            None,
            "no labelled threads: expected transcripts in folders named `call` or `fine`",
        ));
    }
    Ok(counts.report(misclassified))
}

/// Labelled files under `dir` (true for `call`), sorted by path.
fn collect(dir: &Path, out: &mut Vec<(PathBuf, bool)>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut paths = entries
        .map(|entry| entry.map(|e| e.path()))
        .collect::<std::io::Result<Vec<_>>>()
        .map_err(|e| Error::io(dir, e))?;
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect(&path, out)?;
            continue;
        }
        let label = path
            .parent()
            .and_then(Path::file_name)
            .and_then(|n| n.to_str());
        match label {
            Some("call") => out.push((path, true)),
            Some("fine") => out.push((path, false)),
            _ => {}
        }
    }
    Ok(())
}

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    tn: usize,
    fn_: usize,
}

impl Counts {
    fn add(&mut self, call: bool, flagged: bool) {
        match (call, flagged) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (false, false) => self.tn += 1,
            (true, false) => self.fn_ += 1,
        }
    }

    fn total(&self) -> usize {
        self.tp + self.fp + self.tn + self.fn_
    }

    fn report(self, misclassified: Vec<Misjudged>) -> EvalReport {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(self.tp, self.tp + self.fp);
        let recall = ratio(self.tp, self.tp + self.fn_);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        EvalReport {
            threads: self.total(),
            accuracy: ratio(self.tp + self.tn, self.total()),
            precision,
            recall,
            f1,
            false_alarm_rate: ratio(self.fp, self.fp + self.tn),
            true_positives: self.tp,
            false_positives: self.fp,
            true_negatives: self.tn,
            false_negatives: self.fn_,
            misclassified,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::threads::analysis::DEFAULT_THRESHOLD;

    fn corpus(part: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/threads/corpus")
            .join(part)
    }

    /// Asserts at least `accuracy` and at most `false_alarms`, listing the
    /// misjudged threads when not.
    fn assert_within(report: &EvalReport, accuracy: f64, false_alarms: f64) {
        let wrong: Vec<String> = report
            .misclassified
            .iter()
            .map(|m| format!("{} ({}, {})", m.path.display(), m.label, m.score))
            .collect();
        assert!(
            report.accuracy >= accuracy,
            "accuracy {}: {wrong:#?}",
            report.accuracy
        );
        assert!(
            report.false_alarm_rate <= false_alarms,
            "false alarms {}: {wrong:#?}",
            report.false_alarm_rate
        );
    }

    /// Every corpus is training data of the fitted model (docs/threads.md):
    /// on dev and holdout it must meet the goals outright (at least 85% accuracy, at most 10%
    /// false alarms).
    #[test]
    fn the_dev_and_holdout_corpora_meet_the_goals() {
        for (part, threads) in [("dev", 95), ("holdout", 40)] {
            let report = evaluate_dir(&corpus(part), DEFAULT_THRESHOLD).unwrap();
            assert!(report.threads >= threads, "{part}");
            assert_within(&report, 0.85, 0.10);
        }
    }

    #[test]
    fn the_dev_corpus_keeps_false_alarms_under_five_percent() {
        let report = evaluate_dir(&corpus("dev"), DEFAULT_THRESHOLD).unwrap();
        assert!(report.false_alarm_rate <= 0.05, "{report:#?}");
    }

    /// The corpora by independent authors. Held out in leave-one-corpus-out
    /// cross-validation they scored 0.80 to 0.97 accuracy each (0.884 on
    /// average, with 6.2% false alarms); now that they are part of the fit,
    /// none may fall below 0.80 accuracy or above 15% false alarms, and
    /// together they must meet the goals (85% accuracy, 10% false alarms).
    #[test]
    fn the_independent_corpora_stay_above_their_cross_validated_floor() {
        let mut all = Vec::new();
        let parts = [
            "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8",
        ];
        for part in parts {
            let report = evaluate_dir(&corpus(part), DEFAULT_THRESHOLD).unwrap();
            assert!(report.threads >= 50, "{part}");
            assert_within(&report, 0.80, 0.15);
            all.push(report);
        }
        let threads: usize = all.iter().map(|r| r.threads).sum();
        let right: f64 = all.iter().map(|r| r.accuracy * r.threads as f64).sum();
        let fines: usize = all
            .iter()
            .map(|r| r.true_negatives + r.false_positives)
            .sum();
        let alarms: usize = all.iter().map(|r| r.false_positives).sum();
        assert!(
            right / threads as f64 >= 0.85,
            "pooled accuracy {}",
            right / threads as f64
        );
        assert!(alarms as f64 / fines as f64 <= 0.10, "pooled false alarms");
    }

    #[test]
    fn counts_follow_the_folder_labels() {
        let dir = tempfile::tempdir().unwrap();
        for (folder, name, text) in [
            ("call", "a.txt", "A: WHY IS THIS BROKEN AGAIN???\nB: as I said, per my last message.\nA: Is this my fault? Are you mad?\nB: ok."),
            ("fine", "b.txt", "A: deploy done\nB: thanks, looks good 👍"),
            ("fine", "c.txt", "A: lunch?\nB: yes, 12:30 works, see you"),
            ("other", "d.txt", "not a labelled thread"),
        ] {
            std::fs::create_dir_all(dir.path().join(folder)).unwrap();
            std::fs::write(dir.path().join(folder).join(name), text).unwrap();
        }
        let report = evaluate_dir(dir.path(), DEFAULT_THRESHOLD).unwrap();
        assert_eq!(report.threads, 3);
        assert_eq!((report.true_positives, report.true_negatives), (1, 2));
        assert_eq!(report.accuracy, 1.0);
        assert!(report.misclassified.is_empty());
    }

    #[test]
    fn an_unparsable_transcript_names_its_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("fine")).unwrap();
        std::fs::write(dir.path().join("fine/x.txt"), "\n").unwrap();
        let err = evaluate_dir(dir.path(), 0.5).unwrap_err();
        assert!(
            err.to_string().contains("x.txt: line 1: no messages found"),
            "{err}"
        );
    }

    #[test]
    fn a_folder_without_labels_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = evaluate_dir(dir.path(), 0.5).unwrap_err();
        assert!(err.to_string().contains("no labelled threads"), "{err}");
    }
}
