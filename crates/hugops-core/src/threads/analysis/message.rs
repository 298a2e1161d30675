//! What the signals need to know about one message, computed once per
//! message in a single pass over its text.

use super::cues::{self, Cue, Cues};
use super::lexicon;

/// Whole replies that read as curt when they answer a long message, even
/// without a full stop.
const CURT_WORDS: &[&str] = &["k", "kk", "fine", "whatever", "noted", "meh"];

/// Short replies that answer a question rather than close a topic.
const ANSWERS: &[&str] = &["yes", "yep", "yeah", "i can", "i will", "i'll", "me"];

/// First words that mark a reply as an answer whatever follows ("No, the
/// flag stays off").
const ANSWER_OPENERS: &[&str] = &[
    "yes",
    "yeah",
    "yep",
    "yup",
    "no",
    "nope",
    "nah",
    "sure",
    "me",
    "both",
    "neither",
    "none",
    "probably",
    "definitely",
    "correct",
    "true",
    "ok",
    "okay",
];

/// Words that apologise.
const APOLOGIES: &[&str] = &[
    "sorry",
    "apologies",
    "apologise",
    "apologize",
    "apologising",
];

/// Weekdays, the plan values people most often hold two versions of.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Features of one message.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Number of words.
    pub words: usize,
    /// Contains a question mark ending a question (not one inside a URL).
    pub question: bool,
    /// Every sentence is a question ("Which dashboard?"): asks, answers nothing.
    pub only_question: bool,
    pub cues: Cues,
    /// Net valence of the tone words, negations applied.
    pub tone: f32,
    /// Byte range of the most negative tone word, for evidence.
    pub sharpest: Option<(usize, usize)>,
    /// Upper-case words that are not acronyms ("WHY", "AGREED").
    pub caps_words: usize,
    /// Repeated `!`/`?` marks ("!!", "??", "?!").
    pub loud_marks: bool,
    /// A whole reply of at most three words such as "ok.", "fine.", "k".
    pub curt: bool,
    /// Contains a cheering emoji (🎉 🙌 👍 ❤️ 😂 😄 🥳).
    pub cheers: bool,
    /// Apology words ("sorry", "apologies").
    pub apologies: usize,
    /// Starts with a word that answers ("yes", "no", "sure", "me").
    pub opens_with_answer: bool,
    /// Plan values stated, in order: weekdays, ordinal dates ("the 14th") and
    /// version numbers ("4.2"), as [`PlanValue`]s.
    pub values: Vec<PlanValue>,
    /// Hashes of the content words (no stopwords, at least three letters),
    /// sorted and deduplicated: what the message is about.
    pub content: Vec<u64>,
    /// Bit `i` is set when the message uses word `i` of the fitted
    /// [`LEXICON`](super::weights::LEXICON).
    pub lexicon: u64,
}

impl Features {
    /// Reads `text`.
    pub fn of(text: &str) -> Features {
        let mut cues = cues::find(text);
        cues.drop_calming_in_questions(text);
        let mut features = Features {
            question: has_question(text),
            only_question: only_questions(text),
            loud_marks: has_loud_marks(text),
            cheers: text.contains(['🎉', '🙌', '👍', '❤', '😂', '😄', '🥳']),
            ..Features::default()
        };
        let mut lower = String::new();
        let mut negated_for = 0u8;
        let mut worst = 0.0f32;
        for (start, word) in words(text) {
            features.words += 1;
            lowercase_into(word, &mut lower);
            if features.words == 1 {
                features.opens_with_answer = ANSWER_OPENERS.contains(&lower.as_str());
            }
            if let Some(i) = super::weights::lexicon_index(&lower) {
                features.lexicon |= 1 << i;
            }
            if APOLOGIES.contains(&lower.as_str()) {
                features.apologies += 1;
            }
            if let Some(value) = PlanValue::of_word(&lower) {
                features.values.push(value);
            }
            if is_caps(word) && !lexicon::is_acronym(word) {
                features.caps_words += 1;
            }
            if let Some(mut v) = lexicon::valence(&lower) {
                if negated_for > 0 {
                    v *= -0.5;
                }
                features.tone += v;
                if v < worst {
                    worst = v;
                    features.sharpest = Some((start, start + word.len()));
                }
            }
            negated_for = if lexicon::is_negation(&lower) {
                2
            } else {
                negated_for.saturating_sub(1)
            };
            if lower.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !lexicon::is_stopword(&lower)
            {
                features.content.push(fnv1a(&lower));
            }
        }
        features.values.extend(versions(text));
        features.content.sort_unstable();
        features.content.dedup();
        features.curt = is_curt(text, features.words, &cues);
        features.cues = cues;
        features
    }

    /// True if the message carries thanks or agreement.
    pub fn is_warm(&self) -> bool {
        self.cues.has(Cue::Thanks) || self.cues.has(Cue::Agreement) || self.tone > 1.0
    }

    /// True if the message raises its voice: two upper-case words, or one
    /// with repeated marks, or repeated marks in a negative message; never
    /// when its tone is warm or it thanks or cheers ("YESSS!!! amazing 🎉").
    /// Agreement words do not soften it ("WE AGREED NO DEPLOYS!!!").
    pub fn is_shouting(&self) -> bool {
        self.tone <= 0.0
            && !self.cues.has(Cue::Thanks)
            && !self.cheers
            && (self.caps_words >= 2
                || (self.caps_words == 1 && self.loud_marks)
                || (self.loud_marks && self.tone < 0.0))
    }

    /// Number of content words shared with `other`.
    pub fn shared_content(&self, other: &Features) -> usize {
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while let (Some(a), Some(b)) = (self.content.get(i), other.content.get(j)) {
            match a.cmp(b) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        shared
    }
}

/// A value a plan hinges on, tagged by its kind so that only like compares
/// with like (a weekday with a weekday).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanValue {
    Weekday(u8),
    /// Day of the month of an ordinal date ("21st").
    Ordinal(u32),
    /// A dotted version number, hashed ("4.2", "v2.3.1").
    Version(u64),
}

impl PlanValue {
    fn of_word(lower: &str) -> Option<PlanValue> {
        if let Some(day) = WEEKDAYS.iter().position(|d| *d == lower) {
            return u8::try_from(day).ok().map(PlanValue::Weekday);
        }
        let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &lower[digits.len()..];
        if !digits.is_empty() && matches!(suffix, "st" | "nd" | "rd" | "th") {
            return digits
                .parse()
                .ok()
                .filter(|d| (1..=31).contains(d))
                .map(PlanValue::Ordinal);
        }
        None
    }

    /// True if both are of the same kind.
    pub fn same_kind(&self, other: &PlanValue) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// Dotted numbers with no unit after them ("4.2", "v2.3.1", not "1.8s" or
/// "99.9%"): versions.
fn versions(text: &str) -> impl Iterator<Item = PlanValue> + '_ {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '/'))
        .filter_map(|token| {
            let token = token.trim_end_matches(['.', '?', '!', ':']);
            let token = token.strip_prefix(['v', 'V']).unwrap_or(token);
            let dotted = token.contains('.')
                && !token.starts_with('.')
                && token
                    .split('.')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
            dotted.then(|| PlanValue::Version(fnv1a(token)))
        })
}

/// The words of `text` with their byte offsets: runs of letters, digits and
/// apostrophes.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let is_word_char = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    text.split(move |c: char| !is_word_char(c))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// Writes `word` in lower case into `out` (fast for ASCII).
pub fn lowercase_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// FNV-1a: a fast, fixed hash, so content words compare as integers.
fn fnv1a(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// At least two letters, all of them upper-case.
fn is_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// A `?` that ends a question: followed by the end, a space or more marks.
fn has_question(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '?'
            && chars
                .peek()
                .map_or(true, |n| !n.is_alphanumeric() && *n != '=')
        {
            return true;
        }
    }
    false
}

/// True if the text has at least one sentence and each ends with `?`.
fn only_questions(text: &str) -> bool {
    let (mut any, mut in_sentence) = (false, false);
    for c in text.chars() {
        match c {
            '?' if in_sentence => {
                any = true;
                in_sentence = false;
            }
            '.' | '!' | '\n' if in_sentence => return false,
            c if c.is_alphanumeric() => in_sentence = true,
            _ => {}
        }
    }
    any && !in_sentence
}

fn has_loud_marks(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .windows(2)
        .any(|w| matches!(w[0], b'!' | b'?') && matches!(w[1], b'!' | b'?'))
}

/// A reply of at most three words that closes a topic without warmth: it ends
/// with a full stop ("ok.", "Sure.", "It's fine.") or is a curt word ("k").
/// Plain answers ("Yes.", "I can.", "Me.") are not curt.
fn is_curt(text: &str, words: usize, cues: &Cues) -> bool {
    let text = text.trim();
    let warm = cues.has(Cue::Thanks) || cues.has(Cue::Agreement) || cues.has(Cue::Decision);
    if words == 0 || words > 3 || warm {
        return false;
    }
    let lower = text.to_lowercase();
    if ANSWERS.iter().any(|a| {
        lower == *a
            || lower.starts_with(&format!("{a} "))
            || lower.starts_with(&format!("{a},"))
            || lower.starts_with(&format!("{a}."))
    }) {
        return false;
    }
    let bare = text.trim_end_matches(['.', '!']).to_lowercase();
    (text.ends_with('.') && !text.ends_with("..")) || CURT_WORDS.contains(&bare.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_are_told_from_urls_and_statements() {
        assert!(Features::of("Is it done?").question);
        assert!(!Features::of("see https://x.test/a?b=1 for it").question);
        assert!(Features::of("Which dashboard? It says rolled back").question);
        assert!(!Features::of("Which dashboard? It says rolled back").only_question);
        assert!(Features::of("Which one?? And when?").only_question);
        assert!(!Features::of("Done.").only_question);
    }

    #[test]
    fn caps_words_ignore_acronyms_and_single_letters() {
        assert_eq!(
            Features::of("The API and DNS are fine, I think").caps_words,
            0
        );
        assert_eq!(Features::of("WHY is this NOT deployed").caps_words, 2);
    }

    #[test]
    fn shouting_needs_a_raised_voice_and_no_warmth() {
        assert!(Features::of("WE AGREED NO DEPLOYS").is_shouting());
        assert!(Features::of("WHY is it on main???").is_shouting());
        assert!(!Features::of("IT'S LIVE!!! amazing work 🎉").is_shouting());
        assert!(!Features::of("me!! I'm in").is_shouting());
        assert!(!Features::of("The SLA and the API are fine").is_shouting());
    }

    #[test]
    fn tone_applies_negation() {
        assert!(Features::of("I'm frustrated and disappointed").tone < -4.0);
        assert!(Features::of("no worries at all").tone > 0.0);
        assert!(Features::of("this test failed again, crashed twice").tone == 0.0);
    }

    #[test]
    fn curt_replies_are_short_and_cold() {
        for curt in ["ok.", "k", "Fine.", "It's fine.", "Noted", "Right."] {
            assert!(Features::of(curt).curt, "{curt}");
        }
        for warm in [
            "ok",
            "on it",
            "ack",
            "Thanks.",
            "Sounds good.",
            "sure thing, will do it now",
        ] {
            assert!(!Features::of(warm).curt, "{warm}");
        }
    }

    #[test]
    fn content_words_are_shared_between_restated_questions() {
        let a = Features::of("What is the rollback plan if replication lags?");
        let b = Features::of("So what's the rollback plan for replication?");
        assert!(a.shared_content(&b) >= 3);
        assert_eq!(a.shared_content(&Features::of("lunch at noon")), 0);
    }

    #[test]
    fn word_offsets_point_into_the_text() {
        let text = "né — WHY, really?";
        for (start, word) in words(text) {
            assert_eq!(&text[start..start + word.len()], word);
        }
    }

    #[test]
    fn plan_values_are_weekdays_ordinals_and_versions() {
        let values =
            Features::of("Ship 4.2 (v4.2.1) on Tuesday the 21st, p99 1.8s, 99.9% up").values;
        assert_eq!(values.len(), 4, "{values:?}");
        assert!(values.contains(&PlanValue::Weekday(1)));
        assert!(values.contains(&PlanValue::Ordinal(21)));
        assert!(Features::of("the 45th and 1.8s and 3.").values.is_empty());
    }

    #[test]
    fn apologies_and_answer_openers_are_counted() {
        let f = Features::of("Sorry, sorry again, apologies");
        assert_eq!(f.apologies, 3);
        assert!(Features::of("No, the flag stays off").opens_with_answer);
        assert!(!Features::of("Looking at it").opens_with_answer);
    }
}
