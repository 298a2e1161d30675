//! The kinds of signal: one per behavioural or shape feature of the model,
//! and one per word of the fitted lexicon. Each kind has a stable snake_case
//! name, the one the JSON output, the UI and the fitting tool use.

use std::fmt;

use serde::{Serialize, Serializer};

/// Declares [`SignalKind`] and [`FEATURES`] from one list of
/// `Variant = "name"` pairs, so that a name, a variant and a feature column
/// cannot drift apart.
macro_rules! signal_kinds {
    ($($variant:ident = $name:literal,)*) => {
        /// What a signal is about. Every per-kind table (weights, framing,
        /// grouping) is a `match` on it, so a new kind cannot go unweighed.
        #[derive(Debug, Clone, Copy, PartialEq)]
        pub enum SignalKind {
            $($variant,)*
            /// A word of the fitted lexicon (`word_…`).
            Word(LexiconWord),
        }

        /// The features the model weighs besides its lexicon words, in the
        /// column order of [`feature_values`](super::feature_values).
        pub const FEATURES: [SignalKind; [$($name),*].len()] = [$(SignalKind::$variant),*];

        impl SignalKind {
            /// The stable snake_case name, e.g. `unanswered_question`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(SignalKind::$variant => $name,)*
                    SignalKind::Word(word) => word.kind,
                }
            }
        }
    };
}

signal_kinds! {
    UnansweredQuestion = "unanswered_question",
    RepeatedQuestion = "repeated_question",
    TwoReadings = "two_readings",
    Worry = "worry",
    PointedReference = "pointed_reference",
    PassiveAggressive = "passive_aggressive",
    EvasiveReply = "evasive_reply",
    CurtReply = "curt_reply",
    BackAndForth = "back_and_forth",
    GrowingMessages = "growing_messages",
    Withdrawal = "withdrawal",
    SelfDoubt = "self_doubt",
    OwnershipGap = "ownership_gap",
    OverApologising = "over_apologising",
    ConflictingPlans = "conflicting_plans",
    OpenEnding = "open_ending",
    Shouting = "shouting",
    NegativeTone = "negative_tone",
    LongGap = "long_gap",
    CrossedMessages = "crossed_messages",
    Thanks = "thanks",
    Agreement = "agreement",
    Decision = "decision",
    QuestionAnswered = "question_answered",
    ThreadLength = "thread_length",
    Participants = "participants",
    OneVoiceRun = "one_voice_run",
    UnresolvedTail = "unresolved_tail",
    LengthGrowth = "length_growth",
    UnansweredShare = "unanswered_share",
}

impl SignalKind {
    /// True for the behavioural signals: neither a shape feature of the
    /// whole thread nor a lexicon word.
    pub fn is_behaviour(self) -> bool {
        use SignalKind::*;
        match self {
            UnansweredQuestion | RepeatedQuestion | TwoReadings | Worry | PointedReference
            | PassiveAggressive | EvasiveReply | CurtReply | BackAndForth | GrowingMessages
            | Withdrawal | SelfDoubt | OwnershipGap | OverApologising | ConflictingPlans
            | OpenEnding | Shouting | NegativeTone | LongGap | CrossedMessages | Thanks
            | Agreement | Decision | QuestionAnswered => true,
            ThreadLength | Participants | OneVoiceRun | UnresolvedTail | LengthGrowth
            | UnansweredShare | Word(_) => false,
        }
    }
}

impl fmt::Display for SignalKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for SignalKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A word of the fitted lexicon, with its kind name (`word_` and the word)
/// and its fitted weight; the fit writes them all
/// ([`LEXICON`](super::weights::LEXICON)).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LexiconWord {
    word: &'static str,
    kind: &'static str,
    weight: f64,
}

impl LexiconWord {
    pub(super) const fn new(word: &'static str, kind: &'static str, weight: f64) -> Self {
        Self { word, kind, weight }
    }

    /// The word itself, lowercase a–z.
    pub fn word(self) -> &'static str {
        self.word
    }

    /// Its fitted weight, per message that uses it.
    pub fn weight(self) -> f64 {
        self.weight
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn feature_names_are_distinct_snake_case() {
        let names: HashSet<&str> = FEATURES.iter().map(|k| k.as_str()).collect();
        assert_eq!(names.len(), FEATURES.len());
        for name in names {
            assert!(
                name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{name}"
            );
        }
    }

    #[test]
    fn a_kind_serialises_as_its_name() {
        let word = SignalKind::Word(LexiconWord::new("asked", "word_asked", 0.5));
        for (kind, name) in [
            (SignalKind::UnansweredQuestion, "unanswered_question"),
            (SignalKind::OneVoiceRun, "one_voice_run"),
            (word, "word_asked"),
        ] {
            assert_eq!(kind.as_str(), name);
            assert_eq!(serde_json::to_string(&kind).unwrap(), format!("\"{name}\""));
        }
    }

    #[test]
    fn shape_features_and_words_are_not_behaviour() {
        assert!(SignalKind::Worry.is_behaviour());
        assert!(SignalKind::QuestionAnswered.is_behaviour());
        assert!(!SignalKind::ThreadLength.is_behaviour());
        assert!(!SignalKind::UnansweredShare.is_behaviour());
        let word = LexiconWord::new("asked", "word_asked", 0.5);
        assert!(!SignalKind::Word(word).is_behaviour());
    }
}
