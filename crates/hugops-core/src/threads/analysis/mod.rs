//! Scores one thread with a transparent, fitted model.
//!
//! Each message is read once ([`message::Features`]); each signal then walks
//! the thread once ([`signals`], [`shape`]) and reports a strength `x` (most
//! often a capped count of messages). The score is the logistic regression
//! `sigmoid(bias + Σ wᵢ·xᵢ)` with the weights of [`weights`], fitted offline
//! on the labelled corpora (`scripts/fit_thread_model.py`); a signal's
//! reported `weight` is its contribution `wᵢ·xᵢ` to the log-odds, so the
//! signals add up to the score. docs/threads.md lists every weight.

mod cues;
mod kind;
mod lexicon;
mod message;
mod resolution;
mod shape;
mod signal;
mod signals;
mod suggestion;
mod weights;
mod words;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

pub use self::kind::{LexiconWord, SignalKind, FEATURES};
use self::message::Features;
pub use self::signal::Signal;
use super::Thread;

/// The default verdict threshold: even odds under the fitted model.
pub const DEFAULT_THRESHOLD: f64 = 0.5;

/// The verdict on one thread.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
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
    let mut signals = strengths(thread);
    let score = score(&mut signals);
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

/// The strength of each feature of `thread`, in the order of [`FEATURES`]
/// (0 where its signal did not fire): the table the weights are fitted on.
pub fn feature_values(thread: &Thread) -> Vec<f64> {
    let found = strengths(thread);
    FEATURES
        .iter()
        .map(|&kind| {
            found
                .iter()
                .filter(|s| s.kind == kind)
                .fold(0.0, |sum, s| sum + s.weight)
        })
        .collect()
}

/// How many messages of `thread` use each candidate lexicon word: the
/// conversational words of the stopword list (lowercase a–z only: "know",
/// "said", "whether"…), never topic words. For the fitting tool.
pub fn vocabulary(thread: &Thread) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    let mut lower = String::new();
    for m in &thread.messages {
        let mut seen = BTreeSet::new();
        for (_, word) in message::words(&m.text) {
            message::lowercase_into(word, &mut lower);
            if weights::is_lexicon_word(&lower)
                && lexicon::is_stopword(&lower)
                && !seen.contains(lower.as_str())
            {
                seen.insert(lower.clone());
                *counts.entry(lower.clone()).or_insert(0) += 1;
            }
        }
    }
    counts
}

/// Every signal of `thread` with its strength in `weight`.
fn strengths(thread: &Thread) -> Vec<Signal> {
    let features: Vec<Features> = thread
        .messages
        .iter()
        .map(|m| Features::of(&m.text))
        .collect();
    let mut found = signals::all(thread, &features);
    found.extend(words::all(thread, &features));
    found
}

/// True if `kind` is a feature of the model: one of [`FEATURES`] or a
/// lexicon word.
pub fn is_feature(kind: &str) -> bool {
    FEATURES.iter().any(|k| k.as_str() == kind)
        || kind
            .strip_prefix(words::PREFIX)
            .is_some_and(|w| weights::lexicon_index(w).is_some())
}

/// `sigmoid(bias + Σ wᵢ·xᵢ)` rounded to two decimals; turns each signal's
/// strength into its contribution `wᵢ·xᵢ`. An empty thread scores 0.
fn score(signals: &mut [Signal]) -> f64 {
    let mut logit = weights::BIAS;
    for s in signals.iter_mut() {
        let contribution = weights::of(s.kind) * s.weight;
        logit += contribution;
        s.weight = round2(contribution);
    }
    if signals.is_empty() {
        return 0.0;
    }
    round2(1.0 / (1.0 + (-logit).exp())).clamp(0.0, 1.0)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone as _, Utc};
    use proptest::prelude::*;

    use super::*;
    use crate::threads::Message;

    const NAMES: [&str; 4] = ["Priya Patel", "Goran", "Aiko Tanaka", "Kwame"];
    const PIECES: [&str; 16] = [
        "is this my fault?",
        "per my last message",
        "I read it as Tuesday",
        "ok.",
        "WHY IS THIS BROKEN",
        "!!!",
        "thanks",
        "let's go with Thursday",
        "the release date",
        "Goran said",
        "what is the rollback plan?",
        "frustrated",
        "é 🎉 ü",
        "?",
        "\n",
        "Priya",
    ];

    fn check_invariants(thread: &Thread) {
        let a = analyze(thread, DEFAULT_THRESHOLD);
        assert!((0.0..=1.0).contains(&a.score), "score {}", a.score);
        assert_eq!(a.ambiguous, a.score >= DEFAULT_THRESHOLD);
        assert_eq!(a.messages, thread.messages.len());
        for s in &a.signals {
            assert!(!s.messages.is_empty(), "{}", s.kind);
            assert!(
                s.messages.windows(2).all(|w| w[0] < w[1]),
                "{} not ascending",
                s.kind
            );
            assert!(
                s.messages.iter().all(|&m| (1..=a.messages).contains(&m)),
                "{}",
                s.kind
            );
            assert!(is_feature(s.kind.as_str()), "{}", s.kind);
        }
        assert_eq!(a.suggestion.is_empty(), !a.ambiguous);
        for name in thread
            .messages
            .iter()
            .flat_map(|m| m.author.split_whitespace())
        {
            let named = a
                .suggestion
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(name));
            assert!(!named, "suggestion names {name}: {}", a.suggestion);
        }
        assert_eq!(a, analyze(thread, DEFAULT_THRESHOLD), "deterministic");
    }

    fn arb_thread() -> impl Strategy<Value = Thread> {
        let message = (
            0..NAMES.len(),
            prop::collection::vec(0..PIECES.len(), 0..6),
            prop::option::of(0i64..200_000),
        );
        prop::collection::vec(message, 0..30).prop_map(|raw| Thread {
            channel: None,
            messages: raw
                .into_iter()
                .map(|(who, pieces, secs)| Message {
                    author: NAMES[who].to_owned(),
                    text: pieces
                        .iter()
                        .map(|&p| PIECES[p])
                        .collect::<Vec<_>>()
                        .join(" "),
                    ts: secs.and_then(|s| Utc.timestamp_opt(s, 0).single()),
                    link: None,
                })
                .collect(),
        })
    }

    proptest! {
        #[test]
        fn invariants_hold_on_random_threads(thread in arb_thread()) {
            check_invariants(&thread);
        }
    }

    /// A thread of `(author, text)` messages, without times or links.
    pub(super) fn thread(lines: &[(&str, &str)]) -> Thread {
        Thread {
            channel: None,
            messages: lines
                .iter()
                .map(|(a, t)| Message {
                    author: (*a).into(),
                    text: (*t).into(),
                    ts: None,
                    link: None,
                })
                .collect(),
        }
    }

    #[test]
    fn an_empty_thread_is_fine() {
        let a = analyze(&Thread::default(), DEFAULT_THRESHOLD);
        assert_eq!((a.score, a.ambiguous, a.messages), (0.0, false, 0));
        assert!(a.signals.is_empty() && a.suggestion.is_empty());
    }

    #[test]
    fn a_tense_circular_thread_is_ambiguous_with_a_suggestion() {
        let t = thread(&[
            ("Marta", "Are we still shipping the release on the 14th?"),
            ("Kenji", "I thought we moved the release to the 21st."),
            ("Marta", "I read it as the fix goes into the next release."),
            ("Kenji", "As I said, it depends on QA."),
            ("Marta", "So is the release the 14th or the 21st?"),
            ("Kenji", "Per my last message, it depends."),
            ("Marta", "ok."),
        ]);
        let a = analyze(&t, DEFAULT_THRESHOLD);
        assert!(a.ambiguous, "{a:#?}");
        assert!(a.suggestion.contains("the release"), "{}", a.suggestion);
        assert!(a.suggestion.ends_with("call?"));
        check_invariants(&t);
    }

    #[test]
    fn a_settled_thread_is_fine() {
        let t = thread(&[
            ("Marta", "Are we still good for Tuesday?"),
            (
                "Kenji",
                "QA found a blocker, fix is in review. Tuesday is tight.",
            ),
            ("Marta", "Let's go with Thursday then."),
            ("Kenji", "Sounds good, thanks!"),
        ]);
        let a = analyze(&t, DEFAULT_THRESHOLD);
        assert!(!a.ambiguous, "{a:#?}");
        assert!(a.score < 0.25, "{a:#?}");
    }

    #[test]
    fn the_threshold_decides_the_verdict() {
        let t = thread(&[
            ("A", "Is this my fault? Are you mad at me?"),
            ("B", "fine."),
        ]);
        let score = analyze(&t, 0.5).score;
        assert!(score > 0.0);
        assert!(analyze(&t, score).ambiguous);
        assert!(!analyze(&t, score + 0.01).ambiguous);
    }

    #[test]
    fn contributions_add_up_to_the_score() {
        use SignalKind::{Thanks, Worry};
        let signal = |kind: SignalKind, strength: f64| Signal {
            kind,
            weight: strength,
            messages: vec![1],
            evidence: String::new(),
        };
        let mut found = [signal(Worry, 2.0), signal(Thanks, 1.0)];
        let s = score(&mut found);
        assert_eq!(found[0].weight, round2(2.0 * weights::of(Worry)));
        assert_eq!(found[1].weight, round2(weights::of(Thanks)));
        let logit = weights::BIAS + 2.0 * weights::of(Worry) + weights::of(Thanks);
        assert_eq!(s, round2(1.0 / (1.0 + (-logit).exp())));
        assert_eq!(score(&mut [signal(Worry, 1e9)]), 1.0);
        assert_eq!(score(&mut [signal(Thanks, 1e9)]), 0.0);
    }

    #[test]
    fn fitted_weights_have_the_expected_sign() {
        use SignalKind::*;
        for kind in [Worry, TwoReadings, Withdrawal, OpenEnding] {
            assert!(weights::of(kind) > 0.0, "{kind}");
        }
        for kind in [Thanks, Agreement, Decision] {
            assert!(weights::of(kind) < 0.0, "{kind}");
        }
    }

    #[test]
    fn features_are_the_named_kinds_and_the_lexicon_words() {
        for kind in FEATURES {
            assert!(is_feature(kind.as_str()), "{kind}");
        }
        for word in weights::LEXICON {
            assert!(is_feature(&format!("word_{}", word.word())), "{word:?}");
        }
        for name in ["", "worr", "word_", "word_zzzz", "Worry"] {
            assert!(!is_feature(name), "{name}");
        }
    }

    #[test]
    fn feature_values_follow_the_features() {
        let t = thread(&[
            ("A", "Is this my fault? Are you mad at me?"),
            ("B", "fine."),
        ]);
        let values = feature_values(&t);
        assert_eq!(values.len(), FEATURES.len());
        let at = |kind: SignalKind| values[FEATURES.iter().position(|k| *k == kind).unwrap()];
        assert_eq!(at(SignalKind::Worry), 1.0);
        assert_eq!(at(SignalKind::Participants), 2.0);
        assert_eq!(at(SignalKind::Thanks), 0.0);
    }

    /// Speed check, run by hand in release:
    /// `cargo test --release -p hugops-core analysis_speed -- --ignored --nocapture`.
    #[test]
    #[ignore = "timing, run in release by hand"]
    fn analysis_speed_on_100k_messages() {
        let lines = [
            "Are we still shipping 4.2 on Tuesday?",
            "I thought we moved it to Thursday, QA found a blocker yesterday.",
            "Sorry, which blocker? I don't see it on the board.",
            "ok.",
            "Per my last message, it's the export bug. Not my team though.",
            "Thanks! Let's go with Thursday then.",
            "lol the build is green again 🎉",
            "I'll just do it myself then, never mind.",
        ];
        let messages = (0..100_000)
            .map(|i| Message {
                author: NAMES[i % NAMES.len()].to_owned(),
                text: lines[(i * 7 + i / 3) % lines.len()].to_owned(),
                ts: Utc.timestamp_opt(1_700_000_000 + 37 * i as i64, 0).single(),
                link: None,
            })
            .collect();
        let thread = Thread {
            channel: None,
            messages,
        };
        let start = std::time::Instant::now();
        let a = analyze(&thread, DEFAULT_THRESHOLD);
        let took = start.elapsed();
        println!(
            "100,000 messages in {took:?} ({:.0} messages/s), score {}",
            100_000.0 / took.as_secs_f64(),
            a.score
        );
        assert_eq!(a.messages, 100_000);
    }
}
