//! Evaluation of the lint on a folder of labelled drafts.
//!
//! The folder holds drafts and a `labels.csv` with `file,line,label`, label
//! `blame` or `ok`; lines not listed are ignored. A line is predicted
//! `blame` when it has at least one finding.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::Serialize;

use super::{lint, read_draft};
use crate::{Error, Result};

/// How the lint scores on a labelled folder, line by line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvalReport {
    /// Labelled lines.
    pub lines: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Share of `ok` lines with a finding.
    pub false_alarm_rate: f64,
    /// Every wrongly judged line, in label order.
    pub misjudged: Vec<Misjudged>,
}

/// One line the lint got wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Misjudged {
    pub file: String,
    pub line: usize,
    /// `blame` or `ok`: what the label says.
    pub label: String,
    /// What the lint said.
    pub predicted: String,
}

/// One row of `labels.csv`.
struct Label {
    file: String,
    line: usize,
    blame: bool,
}

/// Evaluates the lint on the drafts of `dir` against `dir/labels.csv`.
pub fn evaluate_dir(dir: &Path) -> Result<EvalReport> {
    let labels = read_labels(&dir.join("labels.csv"))?;
    let mut flagged: HashMap<&str, HashSet<usize>> = HashMap::new();
    let (mut tp, mut fp, mut tn, mut fn_) = (0usize, 0usize, 0usize, 0usize);
    let mut misjudged = Vec::new();
    for label in &labels {
        if !flagged.contains_key(label.file.as_str()) {
            let lines = lint(&read_draft(&dir.join(&label.file))?)
                .findings
                .iter()
                .map(|f| f.line)
                .collect();
            flagged.insert(&label.file, lines);
        }
        let predicted = flagged[label.file.as_str()].contains(&label.line);
        match (label.blame, predicted) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (false, false) => tn += 1,
            (true, false) => fn_ += 1,
        }
        if label.blame != predicted {
            misjudged.push(Misjudged {
                file: label.file.clone(),
                line: label.line,
                label: verdict(label.blame).to_owned(),
                predicted: verdict(predicted).to_owned(),
            });
        }
    }
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fn_);
    Ok(EvalReport {
        lines: labels.len(),
        precision,
        recall,
        f1: ratio_f(2.0 * precision * recall, precision + recall),
        false_alarm_rate: ratio(fp, fp + tn),
        misjudged,
    })
}

fn verdict(blame: bool) -> &'static str {
    if blame {
        "blame"
    } else {
        "ok"
    }
}

/// `a / b`, 0 when `b` is 0.
fn ratio(a: usize, b: usize) -> f64 {
    ratio_f(a as f64, b as f64)
}

fn ratio_f(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        0.0
    } else {
        a / b
    }
}

/// The rows of `labels.csv`; errors name the file, line and field.
fn read_labels(path: &Path) -> Result<Vec<Label>> {
    let mut reader = csv::Reader::from_path(path).map_err(|e| match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::io(path, io),
        other => Error::bad_file(path, None, None, format!("{other:?}")),
    })?;
    let mut labels = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i as u64 + 2;
        let record = record.map_err(|e| Error::bad_file(path, Some(row), None, e.to_string()))?;
        let field = |n: usize, name: &str| {
            record
                .get(n)
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .ok_or_else(|| Error::bad_file(path, Some(row), Some(name), "missing"))
        };
        let file = field(0, "file")?.to_owned();
        let line = field(1, "line")?
            .parse::<usize>()
            .ok()
            .filter(|&n| n > 0)
            .ok_or_else(|| {
                Error::bad_file(path, Some(row), Some("line"), "not a line number ≥ 1")
            })?;
        let blame = match field(2, "label")? {
            "blame" => true,
            "ok" => false,
            other => {
                return Err(Error::bad_file(
                    path,
                    Some(row),
                    Some("label"),
                    format!("`{other}` is neither `blame` nor `ok`"),
                ))
            }
        };
        labels.push(Label { file, line, blame });
    }
    Ok(labels)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn corpus(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/reviews")
            .join(name)
    }

    /// Asserts the figures on a corpus stay at or above the floors.
    fn assert_floors(name: &str, lines: usize, precision: f64, recall: f64) {
        let report = evaluate_dir(&corpus(name)).expect(name);
        assert_eq!(report.lines, lines);
        let summary = format!(
            "{name}: precision {:.3}, recall {:.3}",
            report.precision, report.recall
        );
        assert!(report.precision >= precision, "{summary}");
        assert!(report.recall >= recall, "{summary}");
    }

    /// Tuned on: measured 1.000 / 1.000.
    #[test]
    fn dev_corpus_stays_above_its_floor() {
        assert_floors("dev", 580, 0.95, 0.95);
    }

    /// Never tuned on, run once when the rules were final: measured precision
    /// 0.984, recall 0.674; the floors sit 0.05 below to catch regressions.
    #[test]
    fn holdout_corpus_stays_above_its_floor() {
        assert_floors("holdout", 536, 0.93, 0.62);
    }
}
