//! Full-text search over the journal with SQLite FTS5.
//!
//! The user's text never reaches `MATCH` as written: words (runs of Unicode
//! letters and digits, with any combining accents) are picked out and each
//! becomes a quoted prefix term, so `zo ok` means `"zo"* "ok"*` (both must
//! match). Operators, quotes, column filters and parentheses in the text are
//! therefore plain separators. Accents are ignored on both sides because the
//! index tokenizer (`unicode61 remove_diacritics 2`) also tokenizes the terms.

use std::collections::HashSet;

use rusqlite::types::Value;
use unicode_normalization::char::is_combining_mark;

use super::rank;
use super::sql::{self, COLUMNS};
use super::{Entry, Filter};
use crate::{Result, Store};

/// Results returned when the filter sets no limit.
pub const DEFAULT_LIMIT: usize = 500;

/// Only the newest this-many matches of a query are ranked. A query that
/// matches more (a word found in most entries) ranks its newest matches,
/// which keeps every search within a few milliseconds on a large journal.
pub const RANK_WINDOW: usize = 400;

/// At most this many distinct words of a query are used; more would only
/// slow the search down without narrowing it in any useful way.
pub const MAX_TERMS: usize = 32;

/// Live entries matching `query`, best match first (BM25, then newest id),
/// among the newest `RANK_WINDOW` matches.
///
/// A query without any word (empty, blanks, punctuation, emoji) matches
/// nothing. `filter` narrows the result as in [`super::list`]; its limit
/// defaults to [`DEFAULT_LIMIT`].
pub fn search(store: &Store, query: &str, filter: &Filter) -> Result<Vec<Entry>> {
    let terms = words(query);
    let Some(fts_query) = fts_query(&terms) else {
        return Ok(Vec::new());
    };
    let mut params = vec![Value::Text(fts_query)];
    let conditions = sql::filter_clause(store.conn(), filter, &mut params)?;
    // Newest matches first, in index order, so SQLite stops after the window.
    let query = format!(
        "SELECT {COLUMNS} FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid \
         WHERE entries_fts MATCH ? AND e.deleted_at IS NULL{conditions} \
         ORDER BY entries_fts.rowid DESC LIMIT {RANK_WINDOW}"
    );
    let window = sql::query_entries(store.conn(), &query, params)?;
    let folded: Vec<String> = terms.iter().map(|t| rank::fold(t)).collect();
    let limit = filter.limit.unwrap_or(DEFAULT_LIMIT);
    Ok(rank::rank(window, &folded)
        .into_iter()
        .skip(filter.offset)
        .take(limit)
        .collect())
}

/// The words of `text`, in order, each at most once (ignoring case), at most
/// [`MAX_TERMS`] of them.
fn words(text: &str) -> Vec<&str> {
    let mut seen = HashSet::new();
    // Combining marks stay inside a word, so that a decomposed `Zoe\u{301}`
    // is one word, like `Zoë`.
    text.split(|c: char| !(c.is_alphanumeric() || is_combining_mark(c)))
        .map(|w| w.trim_start_matches(is_combining_mark))
        .filter(|w| !w.is_empty() && seen.insert(w.to_lowercase()))
        .take(MAX_TERMS)
        .collect()
}

/// The FTS5 query for `text`: each word as a quoted prefix term. `None` when
/// there is no word. Words never contain `"`, so the quoting is exact.
fn fts_query(words: &[&str]) -> Option<String> {
    if words.is_empty() {
        return None;
    }
    let terms: Vec<String> = words.iter().map(|w| format!("\"{w}\"*")).collect();
    Some(terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{add, add_many, delete, edit, Direction, EntryPatch, NewEntry};
    use crate::testing::{clock, new_entry};

    fn ids(store: &Store, query: &str) -> Vec<i64> {
        search(store, query, &Filter::default())
            .unwrap()
            .iter()
            .map(|e| e.id)
            .collect()
    }

    /// The ids found, smallest first, for tests where the rank is not the point.
    fn found(store: &Store, query: &str) -> Vec<i64> {
        let mut ids = ids(store, query);
        ids.sort_unstable();
        ids
    }

    fn journal() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let rows = vec![
            new_entry(
                Direction::Received,
                "Zoë Okafor",
                "Thanks for the release notes",
            ),
            new_entry(
                Direction::Given,
                "Zoe\u{301} Byrne",
                "Great review of the parser",
            ),
            new_entry(
                Direction::Given,
                "Ana",
                "release release release: shipped it",
            ),
            new_entry(
                Direction::Received,
                "Kenji",
                "(╯°□°)╯ \"quotes\" AND NOT -minus",
            ),
        ];
        add_many(&mut store, rows, &clock()).unwrap();
        let tags = EntryPatch {
            tags: Some(vec!["ownership".into()]),
            ..EntryPatch::default()
        };
        edit(&mut store, 2, tags, &clock()).unwrap();
        store
    }

    #[test]
    fn query_building_quotes_every_word_as_a_prefix() {
        assert_eq!(
            fts_query(&words("zo  OK")).as_deref(),
            Some("\"zo\"* \"OK\"*")
        );
        assert_eq!(
            fts_query(&words("a\"b* OR c:d (e NEAR/2 f")).as_deref(),
            Some("\"a\"* \"b\"* \"OR\"* \"c\"* \"d\"* \"e\"* \"NEAR\"* \"2\"* \"f\"*")
        );
        assert_eq!(
            fts_query(&words("Zoe\u{301}!")).as_deref(),
            Some("\"Zoe\u{301}\"*")
        );
        assert_eq!(fts_query(&words("x x X")).as_deref(), Some("\"x\"*"));
        for nothing in ["", "   \n\t", "🎉🙏", "\"\"*", "()-:^", "\u{301}"] {
            assert_eq!(fts_query(&words(nothing)), None, "{nothing:?}");
        }
        let many: String = (0..100).map(|i| format!("w{i} ")).collect();
        assert_eq!(words(&many).len(), MAX_TERMS);
    }

    #[test]
    fn prefix_and_case_insensitive() {
        let store = journal();
        assert_eq!(found(&store, "zo"), vec![1, 2]);
        assert_eq!(found(&store, "RELEA"), vec![1, 3]);
        assert_eq!(ids(&store, "release notes"), vec![1]);
        assert_eq!(ids(&store, "owner"), vec![2]);
        assert_eq!(ids(&store, "nothing-like-this"), Vec::<i64>::new());
    }

    #[test]
    fn accents_are_ignored_on_both_sides() {
        let store = journal();
        for q in ["zoe", "ZOE", "Zoë", "ZOË", "zoe\u{301}", "Zoé", "zoē"] {
            assert_eq!(found(&store, q), vec![1, 2], "{q}");
        }
        assert_eq!(ids(&store, "okafór"), vec![1]);
    }

    #[test]
    fn ranking_is_bm25_best_first() {
        let store = journal();
        // Entry 3 says "release" three times in a short text.
        assert_eq!(ids(&store, "release").first(), Some(&3));
    }

    #[test]
    fn ties_are_broken_by_newest_id() {
        let mut store = Store::open_in_memory().unwrap();
        let same = new_entry(Direction::Given, "Ana", "same words");
        add_many(&mut store, vec![same.clone(), same.clone(), same], &clock()).unwrap();
        assert_eq!(ids(&store, "same"), vec![3, 2, 1]);
    }

    #[test]
    fn hostile_queries_are_safe() {
        let store = journal();
        let long = "a".repeat(10_000);
        let many = "word ".repeat(2_000);
        let hostile = [
            "\"",
            "\"\"",
            "'",
            "*",
            "AND",
            "OR",
            "NOT",
            "NEAR",
            "NEAR(",
            "(",
            "))",
            "-",
            "person:",
            "message:zoe",
            "{person message}: x",
            "^zoe",
            "zoe AND",
            "🎉",
            "\u{0}",
            long.as_str(),
            many.as_str(),
        ];
        for q in hostile {
            assert!(search(&store, q, &Filter::default()).is_ok(), "{q:?}");
        }
        assert_eq!(ids(&store, "quotes AND NOT"), vec![4]);
        assert_eq!(ids(&store, "message:zoe"), Vec::<i64>::new());
        assert_eq!(ids(&store, "(Kenji"), vec![4]);
    }

    #[test]
    fn empty_query_returns_nothing() {
        let store = journal();
        assert!(ids(&store, "").is_empty());
        assert!(ids(&store, "  ").is_empty());
        assert!(ids(&store, "🙏").is_empty());
    }

    #[test]
    fn deleted_entries_are_not_found() {
        let mut store = journal();
        delete(&mut store, 1, &clock()).unwrap();
        assert_eq!(ids(&store, "zoe"), vec![2]);
    }

    #[test]
    fn edits_are_searchable() {
        let mut store = journal();
        let patch = EntryPatch {
            message: Some("Brilliant pairing session".into()),
            ..EntryPatch::default()
        };
        edit(&mut store, 3, patch, &clock()).unwrap();
        assert_eq!(ids(&store, "pairing"), vec![3]);
        assert_eq!(ids(&store, "shipped"), Vec::<i64>::new());
    }

    #[test]
    fn filter_applies_to_search() {
        let mut store = journal();
        add(
            &mut store,
            NewEntry {
                occurred_on: Some("2025-01-01".parse().unwrap()),
                ..new_entry(Direction::Given, "Zoë Okafor", "old zoe entry")
            },
            &clock(),
        )
        .unwrap();
        let search_ids = |f: Filter| -> Vec<i64> {
            search(&store, "zoe", &f)
                .unwrap()
                .iter()
                .map(|e| e.id)
                .collect()
        };
        assert_eq!(
            search_ids(Filter {
                direction: Some(Direction::Given),
                ..Filter::default()
            }),
            vec![5, 2]
        );
        assert_eq!(
            search_ids(Filter {
                person: Some("zoë okafor".into()),
                ..Filter::default()
            }),
            vec![5, 1]
        );
        assert_eq!(
            search_ids(Filter {
                tag: Some("Ownership".into()),
                ..Filter::default()
            }),
            vec![2]
        );
        assert_eq!(
            search_ids(Filter {
                to: Some("2025-12-31".parse().unwrap()),
                ..Filter::default()
            }),
            vec![5]
        );
        assert_eq!(
            search_ids(Filter {
                limit: Some(1),
                offset: 1,
                ..Filter::default()
            })
            .len(),
            1
        );
    }
}
