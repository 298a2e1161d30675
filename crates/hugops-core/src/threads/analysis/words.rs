//! Lexicon features: for each word of the fitted [`LEXICON`], the messages
//! that use it (strength: how many, up to [`CAP`]). The words and their
//! weights come from the fit (docs/threads.md lists them).

use super::kind::SignalKind;
use super::message::Features;
use super::signal::{quote, signal, Signal};
use super::weights::LEXICON;
use crate::threads::Thread;

/// Kind prefix of a lexicon feature: `word_told`.
pub const PREFIX: &str = "word_";
/// Largest strength of one word.
const CAP: f64 = 3.0;

// A message keeps its lexicon words as the bits of a `u64`.
const _: () = assert!(LEXICON.len() <= 64);

/// One signal per lexicon word that `thread`'s messages (with `features`)
/// use, in lexicon order.
pub fn all(thread: &Thread, features: &[Features]) -> Vec<Signal> {
    let mut found: Vec<Vec<usize>> = vec![Vec::new(); LEXICON.len()];
    for (i, f) in features.iter().enumerate() {
        let mut bits = f.lexicon;
        while bits != 0 {
            let word = bits.trailing_zeros() as usize;
            if let Some(messages) = found.get_mut(word) {
                messages.push(i);
            }
            bits &= bits - 1;
        }
    }
    LEXICON
        .iter()
        .zip(found)
        .filter_map(|(&word, messages)| {
            let first = *messages.first()?;
            let text = thread.messages.get(first).map_or("", |m| m.text.as_str());
            let n = messages.len();
            let evidence = format!("“{}” in {n} message(s): {}", word.word(), quote(text, 0));
            Some(signal(
                SignalKind::Word(word),
                (n as f64).min(CAP),
                &messages,
                evidence,
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::threads::analysis::message::Features;
    use crate::threads::Message;

    fn thread(texts: &[&str]) -> Thread {
        Thread {
            channel: None,
            messages: texts
                .iter()
                .enumerate()
                .map(|(i, t)| Message {
                    author: ["A", "B"][i % 2].into(),
                    text: (*t).into(),
                    ts: None,
                    link: None,
                })
                .collect(),
        }
    }

    fn signals(texts: &[&str]) -> Vec<Signal> {
        let t = thread(texts);
        let f: Vec<Features> = t.messages.iter().map(|m| Features::of(&m.text)).collect();
        all(&t, &f)
    }

    #[test]
    fn each_lexicon_word_counts_its_messages_up_to_the_cap() {
        let word = LEXICON[0].word();
        let used = format!("I {} it", word.to_uppercase());
        let found = signals(&[&used, "nothing", &used, &used, &used]);
        let s = found
            .iter()
            .find(|s| s.kind.as_str() == format!("{PREFIX}{word}"))
            .expect("fires");
        assert_eq!(s.messages, [1, 3, 4, 5]);
        assert_eq!(s.weight, CAP);
        assert!(s.evidence.contains(word));
    }

    #[test]
    fn lexicon_words_are_sorted_and_named_after_the_word() {
        assert!(LEXICON.windows(2).all(|w| w[0].word() < w[1].word()));
        for word in LEXICON {
            let name = SignalKind::Word(word).as_str();
            assert_eq!(name, format!("{PREFIX}{}", word.word()));
        }
    }

    #[test]
    fn words_outside_the_lexicon_and_parts_of_words_do_not_count() {
        let word = LEXICON[0].word();
        let glued = format!("x{word}x 12345 zzzz");
        assert!(signals(&[&glued]).is_empty());
    }
}
