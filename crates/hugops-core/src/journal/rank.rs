//! Ranking of search matches with BM25, computed here instead of by FTS5.
//!
//! FTS5's `bm25()` weighs each term by how rare it is in the whole index, and
//! finds that out by reading every match of every term: about 1 µs per match,
//! so 100 ms for a word found in every entry of a large journal. Search
//! instead takes the newest matches (a bounded window, read in index order)
//! and ranks them here with the same formula, taking term rarity from within
//! that window. Tokens are folded as the index tokenizer folds them
//! (lowercase, accents removed), and terms match as prefixes, as in the query.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::Entry;

/// BM25 term-frequency saturation.
const K1: f64 = 1.2;
/// BM25 length normalisation.
const B: f64 = 0.75;

/// Lowercases `text` and removes its accents (`Zoë` → `zoe`).
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Sorts `entries` best match first for the folded prefix `terms`
/// (BM25 over person, message and tags; ties: newest id first).
pub fn rank(entries: Vec<Entry>, terms: &[String]) -> Vec<Entry> {
    let docs: Vec<Vec<String>> = entries.iter().map(tokens).collect();
    let tf: Vec<Vec<usize>> = docs
        .iter()
        .map(|doc| terms.iter().map(|t| frequency(doc, t)).collect())
        .collect();
    let n = docs.len() as f64;
    let avg_len = docs.iter().map(Vec::len).sum::<usize>() as f64 / n.max(1.0);
    let idf: Vec<f64> = (0..terms.len())
        .map(|i| {
            let df = tf.iter().filter(|row| row[i] > 0).count() as f64;
            ((n - df + 0.5) / (df + 0.5)).ln_1p()
        })
        .collect();
    let mut scored: Vec<(f64, Entry)> = entries
        .into_iter()
        .zip(docs.iter().zip(&tf))
        .map(|(entry, (doc, row))| {
            let norm = K1 * (1.0 - B + B * doc.len() as f64 / avg_len.max(1.0));
            let score = row
                .iter()
                .zip(&idf)
                .map(|(&f, idf)| idf * (f as f64 * (K1 + 1.0)) / (f as f64 + norm))
                .sum::<f64>();
            (score, entry)
        })
        .collect();
    scored.sort_by(|(sa, a), (sb, b)| sb.total_cmp(sa).then(b.id.cmp(&a.id)));
    scored.into_iter().map(|(_, e)| e).collect()
}

/// The folded word tokens of an entry's searchable text.
fn tokens(entry: &Entry) -> Vec<String> {
    let mut text = fold(&entry.person);
    text.push(' ');
    text.push_str(&fold(&entry.message));
    for tag in &entry.tags {
        text.push(' ');
        text.push_str(&fold(tag));
    }
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn frequency(doc: &[String], term: &str) -> usize {
    doc.iter().filter(|w| w.starts_with(term)).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Direction;

    fn entry(id: i64, person: &str, message: &str) -> Entry {
        Entry {
            id,
            direction: Direction::Given,
            person: person.into(),
            email: None,
            message: message.into(),
            tags: vec![],
            link: None,
            occurred_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
            created_at: crate::clock::parse_instant("2026-11-24T10:00:00Z").unwrap(),
        }
    }

    fn ids(entries: Vec<Entry>, terms: &[&str]) -> Vec<i64> {
        let terms: Vec<String> = terms.iter().map(|t| fold(t)).collect();
        rank(entries, &terms).into_iter().map(|e| e.id).collect()
    }

    #[test]
    fn folding_removes_accents_and_case() {
        assert_eq!(fold("Zoë ÅKESSON café"), "zoe akesson cafe");
        assert_eq!(fold("Zoe\u{301}"), "zoe");
    }

    #[test]
    fn more_occurrences_rank_higher() {
        let entries = vec![
            entry(1, "Ana", "release notes"),
            entry(2, "Ben", "release release release"),
            entry(3, "Cy", "unrelated words here"),
        ];
        assert_eq!(ids(entries, &["release"])[0], 2);
    }

    #[test]
    fn rare_terms_weigh_more_than_common_ones() {
        let entries = vec![
            entry(1, "Ana", "thanks thanks for the deploy"),
            entry(2, "Ben", "thanks for the parser"),
            entry(3, "Cy", "thanks again"),
            entry(4, "Di", "thanks a lot"),
        ];
        // `parser` occurs once in the window, `thanks` everywhere.
        assert_eq!(ids(entries, &["thanks", "parser"])[0], 2);
    }

    #[test]
    fn terms_match_as_prefixes_and_ignore_accents() {
        let entries = vec![entry(1, "Bob", "nothing"), entry(2, "Zoë Okafor", "hi")];
        assert_eq!(ids(entries, &["zo"]), vec![2, 1]);
    }

    #[test]
    fn ties_put_the_newest_first() {
        let entries = vec![entry(1, "Ana", "same"), entry(2, "Ana", "same")];
        assert_eq!(ids(entries, &["same"]), vec![2, 1]);
    }
}
