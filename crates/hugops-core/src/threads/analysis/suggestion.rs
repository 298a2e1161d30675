//! Drafts the call proposal, in the order of nonviolent communication:
//! an observation (how many rounds, on what), a feeling, a need and a
//! request. It talks about the thread and "we", never about a person: the
//! topic is chosen from words that are not names (participants' names and
//! capitalised words mid-sentence are excluded).

use std::collections::{HashMap, HashSet};

use super::kind::SignalKind;
use super::lexicon;
use super::message::{lowercase_into, words};
use super::Signal;
use crate::threads::Thread;

/// A topic must appear in at least this many messages.
const TOPIC_MIN_MESSAGES: usize = 3;

/// The framing, chosen from the strongest signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Framing {
    GoingInCircles,
    TwoReadings,
    OpenQuestions,
    Tension,
    Worry,
}

/// The call proposal for an ambiguous `thread`, framed by its strongest
/// behavioural signal (shape and lexicon features say too little to frame it).
pub fn draft(thread: &Thread, signals: &[Signal]) -> String {
    let framing = signals
        .iter()
        .filter(|s| s.weight > 0.0 && s.kind.is_behaviour())
        .max_by(|a, b| {
            a.weight
                .total_cmp(&b.weight)
                .then_with(|| b.kind.as_str().cmp(a.kind.as_str()))
        })
        .map_or(Framing::GoingInCircles, |s| framing_of(s.kind));
    let topic = topic(thread).map_or_else(|| "this".to_owned(), |t| format!("the {t}"));
    let rounds = in_words(turns(thread).max(2));
    let messages = in_words(thread.messages.len());
    match framing {
        Framing::GoingInCircles => format!(
            "We've gone back and forth {rounds} times on {topic}, and I'm finding it hard to \
             keep track in text. I'd like us to land on one answer — could we hop on a \
             10-minute call?"
        ),
        Framing::TwoReadings => format!(
            "It looks like we've been reading {topic} in two different ways over these \
             {messages} messages, and I'm worried we'll keep talking past each other. I'd like \
             us to share one picture — could we hop on a 10-minute call?"
        ),
        Framing::OpenQuestions => format!(
            "Some questions on {topic} are still open after {messages} messages, and I'd hate \
             for anyone to be left waiting. I'd like us to get them settled — could we hop on a \
             10-minute call?"
        ),
        Framing::Tension => format!(
            "This thread on {topic} has gone {rounds} rounds, and text makes it easy for things \
             to land harder than they're meant. I care that we're on the same page — could we \
             hop on a 10-minute call?"
        ),
        Framing::Worry => format!(
            "Reading back over {topic}, some of it could be taken more than one way, and I'd \
             feel better knowing everyone is okay with where we landed. Could we hop on a quick \
             10-minute call?"
        ),
    }
}

/// The framing a signal of `kind` calls for, when it is the strongest.
fn framing_of(kind: SignalKind) -> Framing {
    use SignalKind::*;
    match kind {
        TwoReadings => Framing::TwoReadings,
        UnansweredQuestion | RepeatedQuestion | EvasiveReply | LongGap => Framing::OpenQuestions,
        Worry => Framing::Worry,
        PointedReference | CurtReply | Shouting | NegativeTone => Framing::Tension,
        PassiveAggressive | BackAndForth | GrowingMessages | Withdrawal | SelfDoubt
        | OwnershipGap | OverApologising | ConflictingPlans | OpenEnding | CrossedMessages
        | Thanks | Agreement | Decision | QuestionAnswered | ThreadLength | Participants
        | OneVoiceRun | UnresolvedTail | LengthGrowth | UnansweredShare | Word(_) => {
            Framing::GoingInCircles
        }
    }
}

/// Number of times the speaker changes.
fn turns(thread: &Thread) -> usize {
    thread
        .messages
        .windows(2)
        .filter(|w| w[0].author != w[1].author)
        .count()
}

/// The most discussed subject: a pair of adjacent content words, or else one
/// word, that appears in at least three messages by at least two people.
/// Linear in the text; one allocation per distinct word or pair.
fn topic(thread: &Thread) -> Option<String> {
    let names: HashSet<String> = thread
        .messages
        .iter()
        .flat_map(|m| words(&m.author).map(|(_, w)| w.to_lowercase()))
        .collect();
    let mut seen: HashMap<String, Tally> = HashMap::new();
    let (mut word, mut pair, mut previous) = (String::new(), String::new(), String::new());
    for (index, message) in thread.messages.iter().enumerate() {
        previous.clear();
        let mut sentence_start = true;
        let mut last_end = 0;
        for (start, raw) in words(&message.text) {
            let between = message.text.get(last_end..start).unwrap_or("");
            if between.contains(['.', '!', '?', '\n', ':']) {
                sentence_start = true;
                previous.clear();
            }
            last_end = start + raw.len();
            let capitalised = !sentence_start && raw.starts_with(char::is_uppercase);
            sentence_start = false;
            lowercase_into(raw, &mut word);
            let content = word.chars().filter(|c| c.is_alphabetic()).count() >= 4
                && word.chars().all(|c| c.is_alphabetic() || c == '-')
                && !lexicon::is_stopword(&word)
                && !names.contains(&word)
                && !between.ends_with('@');
            if !content {
                previous.clear();
                continue;
            }
            if !previous.is_empty() {
                pair.clear();
                pair.push_str(&previous);
                pair.push(' ');
                pair.push_str(&word);
                tally(&mut seen, &pair, index, &message.author, capitalised);
            }
            tally(&mut seen, &word, index, &message.author, capitalised);
            previous.clone_from(&word);
        }
    }
    let eligible =
        |t: &Tally| t.messages >= TOPIC_MIN_MESSAGES && t.two_authors && t.capitalised * 2 < t.uses;
    let best = |pairs: bool| {
        seen.iter()
            .filter(|(k, t)| k.contains(' ') == pairs && eligible(t))
            .max_by(|(_, a), (_, b)| a.messages.cmp(&b.messages).then(b.first.cmp(&a.first)))
            .map(|(k, _)| k.clone())
    };
    best(true).or_else(|| best(false))
}

/// Counts one use of `key` in message `index`.
fn tally(
    seen: &mut HashMap<String, Tally>,
    key: &str,
    index: usize,
    author: &str,
    capitalised: bool,
) {
    let next = seen.len();
    let t = match seen.get_mut(key) {
        Some(t) => t,
        None => seen.entry(key.to_owned()).or_insert_with(|| Tally {
            messages: 0,
            uses: 0,
            capitalised: 0,
            author: author.to_owned(),
            two_authors: false,
            last_message: usize::MAX,
            first: next,
        }),
    };
    t.uses += 1;
    t.capitalised += usize::from(capitalised);
    t.two_authors |= t.author != author;
    if t.last_message != index {
        t.last_message = index;
        t.messages += 1;
    }
}

struct Tally {
    /// Messages using it.
    messages: usize,
    uses: usize,
    /// Uses written with a capital mid-sentence (a name, most likely).
    capitalised: usize,
    /// Its first author, and whether anyone else used it.
    author: String,
    two_authors: bool,
    last_message: usize,
    /// Order of first appearance, to break ties.
    first: usize,
}

/// "eight" for 8, digits past twenty.
fn in_words(n: usize) -> String {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::threads::analysis::tests::thread;

    fn circling() -> Thread {
        thread(&[
            ("Marta", "Is the release date the 14th?"),
            ("Kenji", "I thought the release date moved to the 21st."),
            ("Marta", "Which release date is in the plan then?"),
            ("Kenji", "Depends on QA."),
            ("Marta", "So the 14th or the 21st?"),
        ])
    }

    #[test]
    fn finds_the_topic_shared_by_several_people() {
        assert_eq!(topic(&circling()).as_deref(), Some("release date"));
    }

    #[test]
    fn the_topic_is_never_a_name() {
        let t = thread(&[
            ("Ana", "Did Dmitri see the alert?"),
            ("Bo", "Dmitri is out, ask Ana"),
            ("Ana", "Then Dmitri can check tomorrow"),
            ("Bo", "ana said Dmitri knows"),
        ]);
        assert_eq!(topic(&t), None);
    }

    #[test]
    fn counts_rounds_in_words_and_names_the_topic() {
        let signals = [Signal {
            kind: SignalKind::BackAndForth,
            weight: 0.4,
            messages: vec![1, 2],
            evidence: String::new(),
        }];
        let text = draft(&circling(), &signals);
        assert!(
            text.starts_with("We've gone back and forth four times on the release date"),
            "{text}"
        );
        assert!(text.ends_with("call?"));
    }

    #[test]
    fn the_framing_follows_the_strongest_signal() {
        let signal = |kind: SignalKind, weight: f64| Signal {
            kind,
            weight,
            messages: vec![1],
            evidence: String::new(),
        };
        let worry = draft(
            &circling(),
            &[
                signal(SignalKind::Worry, 0.7),
                signal(SignalKind::BackAndForth, 0.2),
            ],
        );
        assert!(worry.contains("everyone is okay"), "{worry}");
        let readings = draft(
            &circling(),
            &[
                signal(SignalKind::TwoReadings, 0.6),
                signal(SignalKind::Thanks, -0.9),
            ],
        );
        assert!(readings.contains("two different ways"), "{readings}");
    }

    #[test]
    fn numbers_past_twenty_are_digits() {
        assert_eq!(in_words(8), "eight");
        assert_eq!(in_words(21), "21");
    }
}
