//! What the Threads screen shows: each conversation's messages, marked with
//! the signals that point at them, and its analysis. Nothing is stored.

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::analysis::{analyze, Analysis, SignalKind};
use super::parse::{read_from, read_path, Format};
use super::Thread;
use crate::Result;

/// Most conversations returned at once (the most ambiguous first).
pub const MAX_THREADS: usize = 200;

/// One message, with the kinds of the signals that point at it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReviewedMessage {
    /// 1-based, as the signals count.
    pub position: usize,
    pub author: String,
    pub text: String,
    pub ts: Option<DateTime<Utc>>,
    pub signals: Vec<SignalKind>,
}

/// One conversation and its verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ThreadReview {
    pub channel: Option<String>,
    pub first_ts: Option<DateTime<Utc>>,
    pub analysis: Analysis,
    pub messages: Vec<ReviewedMessage>,
}

/// Every conversation found, most ambiguous first (at most [`MAX_THREADS`]),
/// and how many there were in all.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Review {
    pub threads: Vec<ThreadReview>,
    pub total: usize,
    pub ambiguous: usize,
}

/// Reviews text pasted or dropped in the window (any supported format);
/// `name` names it in error messages.
pub fn review_text(name: &str, text: &str, threshold: f64) -> Result<Review> {
    let threads = read_from(Path::new(name), text.as_bytes(), Format::Auto)?;
    Ok(review(&threads, threshold))
}

/// Reviews a file or an export folder.
pub fn review_path(path: &Path, threshold: f64) -> Result<Review> {
    Ok(review(&read_path(path, Format::Auto)?, threshold))
}

/// Analyses every thread and marks its messages.
pub fn review(threads: &[Thread], threshold: f64) -> Review {
    let mut all: Vec<(Analysis, &Thread)> =
        threads.iter().map(|t| (analyze(t, threshold), t)).collect();
    let ambiguous = all.iter().filter(|(a, _)| a.ambiguous).count();
    // Most ambiguous first; the sort is stable, so ties keep the source order.
    all.sort_by(|a, b| b.0.score.total_cmp(&a.0.score));
    let total = all.len();
    let threads = all
        .into_iter()
        .take(MAX_THREADS)
        .map(|(analysis, thread)| mark(thread, analysis))
        .collect();
    Review {
        threads,
        total,
        ambiguous,
    }
}

fn mark(thread: &Thread, analysis: Analysis) -> ThreadReview {
    let messages = thread
        .messages
        .iter()
        .enumerate()
        .map(|(i, m)| ReviewedMessage {
            position: i + 1,
            author: m.author.clone(),
            text: m.text.clone(),
            ts: m.ts,
            signals: analysis
                .signals
                .iter()
                .filter(|s| s.messages.contains(&(i + 1)))
                .map(|s| s.kind)
                .collect(),
        })
        .collect();
    ThreadReview {
        channel: thread.channel.clone(),
        first_ts: thread.first_ts(),
        analysis,
        messages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::threads::analysis::Signal;
    use crate::threads::Message;

    fn thread(channel: &str, texts: &[&str]) -> Thread {
        Thread {
            channel: Some(channel.into()),
            messages: texts
                .iter()
                .map(|t| Message {
                    author: "A".into(),
                    text: (*t).into(),
                    ts: None,
                    link: None,
                })
                .collect(),
        }
    }

    #[test]
    fn marks_each_message_with_the_signals_that_point_at_it() {
        let t = thread("c", &["one", "two", "three"]);
        let analysis = Analysis {
            ambiguous: true,
            score: 0.7,
            threshold: 0.5,
            messages: 3,
            participants: 1,
            signals: vec![Signal {
                kind: SignalKind::UnansweredQuestion,
                weight: 0.3,
                messages: vec![1, 3],
                evidence: "?".into(),
            }],
            suggestion: String::new(),
        };
        let r = mark(&t, analysis);
        let kinds: Vec<usize> = r.messages.iter().map(|m| m.signals.len()).collect();
        assert_eq!(kinds, [1, 0, 1]);
        assert_eq!(r.messages[2].position, 3);
        assert_eq!(r.channel.as_deref(), Some("c"));
    }

    #[test]
    fn pasted_text_is_reviewed_and_counted() {
        let r = review_text("pasted", "Ana: hi\nBo: hello\n", 0.5).unwrap();
        assert_eq!(r.total, r.threads.len());
        assert!(r.ambiguous <= r.total);
        assert!(review_text("pasted", "", 0.5).is_err());
    }
}
