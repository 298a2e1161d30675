//! Shape features of a whole thread, blind to wording: its length, how many
//! take part, one person talking alone, how much of it comes after the last
//! settling message, how its messages grow, and how many questions went
//! unanswered. Each reports a strength and the messages it rests on.

use std::collections::HashSet;

use super::kind::SignalKind;
use super::message::Features;
use super::resolution::resolves;
use super::signal::{signal, Signal};
use crate::threads::Thread;

/// Longest run by one person that counts, and the largest strength it gets.
const MIN_RUN: usize = 3;
const RUN_CAP: f64 = 4.0;
/// Largest participant count that adds strength.
const PARTICIPANT_CAP: f64 = 6.0;
/// Largest growth, in doublings of the mean message length.
const GROWTH_CAP: f64 = 3.0;

/// The shape features of `thread`, whose messages have `features`;
/// `unanswered` are the 0-based unanswered questions and `asked` how many
/// questions were followed.
pub fn all(
    thread: &Thread,
    features: &[Features],
    unanswered: &[usize],
    asked: usize,
) -> Vec<Signal> {
    [
        length(features),
        participants(thread),
        one_voice_run(thread),
        unresolved_tail(features),
        length_growth(features),
        unanswered_share(unanswered, asked),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// `log2(messages)`: long threads have more room to go wrong.
fn length(f: &[Features]) -> Option<Signal> {
    let n = f.len();
    (n >= 2).then(|| {
        signal(
            SignalKind::ThreadLength,
            (n as f64).log2(),
            &[0, n - 1],
            format!("{n} messages"),
        )
    })
}

/// The number of people, up to six, pointing at each one's first message.
fn participants(thread: &Thread) -> Option<Signal> {
    let mut seen = HashSet::new();
    let firsts: Vec<usize> = (0..thread.messages.len())
        .filter(|&i| seen.insert(thread.messages[i].author.as_str()))
        .collect();
    (!firsts.is_empty()).then(|| {
        let n = firsts.len();
        signal(
            SignalKind::Participants,
            (n as f64).min(PARTICIPANT_CAP),
            &firsts,
            format!("{n} people take part"),
        )
    })
}

/// The longest run of three or more messages in a row by one person:
/// strength one per message beyond two, up to four.
fn one_voice_run(thread: &Thread) -> Option<Signal> {
    let m = &thread.messages;
    let (mut best, mut start) = ((0, 0), 0);
    for i in 1..=m.len() {
        if i == m.len() || m[i].author != m[start].author {
            if i - start > best.1 - best.0 {
                best = (start, i);
            }
            start = i;
        }
    }
    let len = best.1 - best.0;
    (len >= MIN_RUN).then(|| {
        let found: Vec<usize> = (best.0..best.1).collect();
        signal(
            SignalKind::OneVoiceRun,
            ((len - 2) as f64).min(RUN_CAP),
            &found,
            format!("{len} messages in a row from one person"),
        )
    })
}

/// The share of messages after the last one that settles something (a
/// decision, thanks or agreement in a calm message): 1 when nothing does.
fn unresolved_tail(f: &[Features]) -> Option<Signal> {
    let n = f.len();
    let from = (0..n)
        .rev()
        .find(|&i| resolves(Some(&f[i])))
        .map_or(0, |i| i + 1);
    (n >= 2 && from < n).then(|| {
        let found: Vec<usize> = (from..n).collect();
        signal(
            SignalKind::UnresolvedTail,
            found.len() as f64 / n as f64,
            &found,
            format!("the last {} of {n} messages settle nothing", found.len()),
        )
    })
}

/// `log2` of how much longer the second half's messages are than the
/// first's, on average (four messages or more), up to three doublings.
fn length_growth(f: &[Features]) -> Option<Signal> {
    let n = f.len();
    if n < 4 {
        return None;
    }
    let mid = n / 2;
    let mean = |r: std::ops::Range<usize>| {
        let len = r.len().max(1) as f64;
        r.map(|i| f[i].words as f64).sum::<f64>() / len
    };
    let (early, late) = (mean(0..mid).max(1.0), mean(mid..n));
    let growth = (late / early).log2().min(GROWTH_CAP);
    (growth > 0.0).then(|| {
        let found: Vec<usize> = (mid..n).collect();
        signal(
            SignalKind::LengthGrowth,
            growth,
            &found,
            format!("messages grow from {early:.0} to {late:.0} words on average"),
        )
    })
}

/// The share of questions that went unanswered.
fn unanswered_share(unanswered: &[usize], asked: usize) -> Option<Signal> {
    (asked > 0 && !unanswered.is_empty()).then(|| {
        signal(
            SignalKind::UnansweredShare,
            unanswered.len() as f64 / asked as f64,
            unanswered,
            format!("{} of {asked} questions went unanswered", unanswered.len()),
        )
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::Features;
    use crate::threads::analysis::signals;
    use crate::threads::parse::text::parse_transcript;

    /// The strength and messages of `kind` in `transcript`, before weighing.
    fn find(transcript: &str, kind: &str) -> Option<(f64, Vec<usize>)> {
        let thread = parse_transcript(Path::new("t.txt"), transcript).expect("parses");
        let features: Vec<Features> = thread
            .messages
            .iter()
            .map(|m| Features::of(&m.text))
            .collect();
        signals::all(&thread, &features)
            .into_iter()
            .find(|s| s.kind.as_str() == kind)
            .map(|s| (s.weight, s.messages))
    }

    #[test]
    fn thread_length_is_log2_of_the_messages() {
        let (x, at) = find("A: one\nB: two\nA: three\nB: four", "thread_length").unwrap();
        assert_eq!((x, at), (2.0, vec![1, 4]));
        assert!(find("A: alone", "thread_length").is_none());
    }

    #[test]
    fn participants_point_at_each_first_message() {
        let (x, at) = find("A: one\nB: two\nA: three\nC: four", "participants").unwrap();
        assert_eq!((x, at), (3.0, vec![1, 2, 4]));
    }

    #[test]
    fn one_voice_run_needs_three_in_a_row() {
        let (x, at) = find(
            "A: one\nB: two\nB: three\nB: four\nB: five",
            "one_voice_run",
        )
        .unwrap();
        assert_eq!((x, at), (2.0, vec![2, 3, 4, 5]));
        assert!(find("A: one\nB: two\nB: three\nA: four", "one_voice_run").is_none());
    }

    #[test]
    fn unresolved_tail_is_the_share_after_the_last_settling_message() {
        let (x, at) = find(
            "A: which date?\nB: Let's go with Tuesday.\nA: hm\nB: really?",
            "unresolved_tail",
        )
        .unwrap();
        assert_eq!((x, at), (0.5, vec![3, 4]));
        assert!(find(
            "A: which date?\nB: Let's go with Tuesday.",
            "unresolved_tail"
        )
        .is_none());
    }

    #[test]
    fn length_growth_is_log2_of_the_later_mean_over_the_earlier() {
        let long = ["word"; 8].join(" ");
        let growing = format!("A: two words\nB: two words\nA: {long}\nB: {long}");
        let (x, at) = find(&growing, "length_growth").unwrap();
        assert_eq!((x, at), (2.0, vec![3, 4]));
        let shrinking = format!("A: {long}\nB: {long}\nA: two words\nB: two words");
        assert!(find(&shrinking, "length_growth").is_none());
    }

    #[test]
    fn unanswered_share_divides_by_the_questions_asked() {
        let (x, at) = find(
            "A: Can someone confirm the rollback plan?\nB: We fail back to the old primary.\nA: And who is on call tonight?\nB: Which rota do you mean?",
            "unanswered_share",
        )
        .unwrap();
        assert_eq!(at, vec![3, 4]);
        assert!((x - 2.0 / 3.0).abs() < 1e-9, "{x}");
    }
}
