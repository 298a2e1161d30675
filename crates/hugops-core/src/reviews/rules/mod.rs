//! The rules, one module per kind. Each rule looks at one prose line (code
//! and quotations already blanked out) and reports byte spans of it.

mod character;
mod condescending;
mod counterfactual;
mod human_error;
mod person_failure;
mod question;
mod sanction;
mod sarcasm;

use std::sync::LazyLock;

use regex::Regex;

use super::finding::Kind;
use super::markdown::ProseLine;
use super::people::People;

/// One line as the rules see it.
pub struct Ctx<'a> {
    pub line: &'a ProseLine,
    pub people: &'a People,
}

impl Ctx<'_> {
    fn masked(&self) -> &str {
        &self.line.masked
    }
}

/// A span a rule flagged, in bytes of the masked line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub why: String,
    pub suggestion: String,
}

/// Every rule's hits on one line.
pub fn check(ctx: &Ctx) -> Vec<Hit> {
    let mut hits = Vec::new();
    person_failure::find(ctx, &mut hits);
    counterfactual::find(ctx, &mut hits);
    human_error::find(ctx, &mut hits);
    character::find(ctx, &mut hits);
    condescending::find(ctx, &mut hits);
    question::find(ctx, &mut hits);
    sarcasm::find(ctx, &mut hits);
    sanction::find(ctx, &mut hits);
    hits
}

/// A case-insensitive pattern of whole words, compiled once by the caller.
fn words(pattern: &str) -> Regex {
    Regex::new(&format!(r"(?i)\b(?:{pattern})\b")).expect("rule pattern")
}

/// Where the clause holding byte `at` starts: after the last `.`, `;`, `:`,
/// `!`, `?` followed by a space, a `|`, a dash between spaces, or a joining
/// word (but, because, when, while, although, though, whereas, since,
/// until, after, so that).
fn clause_start(text: &str, at: usize) -> usize {
    static BOUNDARY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)[.;:!?]\s|\||\s[—–-]\s|\s(?:but|because|when|while|although|though|whereas|since|until|after|so that)\s")
                .expect("boundary pattern")
    });
    BOUNDARY
        .find_iter(&text[..at])
        .last()
        .map_or(0, |m| m.end())
}

/// Where the clause holding byte `at` ends (exclusive, trailing space trimmed).
fn clause_end(text: &str, at: usize) -> usize {
    static BOUNDARY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[.;!?](?:\s|$)|\||\s[—–]\s").expect("boundary pattern"));
    let end = BOUNDARY
        .find(&text[at..])
        .map_or(text.len(), |m| at + m.start());
    at + text[at..end].trim_end().len()
}

/// Words that carry no subject: list markers, timestamps, time zones,
/// determiners, and adverbs between a subject and its verb.
fn is_filler(word: &str) -> bool {
    const FILLER: &[&str] = &[
        "the",
        "a",
        "an",
        "one",
        "our",
        "this",
        "that",
        "also",
        "still",
        "just",
        "even",
        "obviously",
        "clearly",
        "then",
        "finally",
        "eventually",
        "simply",
        "actually",
        "never",
        "apparently",
        "utc",
        "gmt",
        "bst",
        "cet",
        "local",
        "and",
        "so",
    ];
    let lower = word.to_lowercase();
    word.chars().all(|c| !c.is_alphabetic()) || FILLER.contains(&lower.as_str())
}

/// The words of `text`, parentheses and their contents left out, with their
/// byte offsets.
fn words_outside_parens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut depth = 0usize;
    let mut start = None;
    let mut out = Vec::new();
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let part_of_word = depth == 0 && !c.is_whitespace() && c != '(' && c != ')' && c != ',';
        if part_of_word {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push((s, &text[s..i]));
        }
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    out.into_iter()
}

/// The start of a person who is the subject of the verb at byte `verb`: the
/// clause's first word, or the nearest word before the verb, skipping
/// fillers and parentheses. `None` when neither is a person.
fn person_subject(ctx: &Ctx, verb: usize) -> Option<usize> {
    let text = ctx.masked();
    let start = clause_start(text, verb);
    let before = &text[start..verb];
    let words: Vec<(usize, &str)> = words_outside_parens(before)
        .filter(|(_, w)| !is_filler(w))
        .collect();
    let candidates = [words.first(), words.last()];
    let subject = candidates
        .into_iter()
        .flatten()
        .find(|(_, w)| ctx.people.is_person(w));
    subject.map(|&(at, _)| start + at)
}

/// The explanation and rewrite shared by the hits of one rule, with the
/// flagged phrase put in place of `{}`.
struct Advice {
    why: &'static str,
    suggestion: &'static str,
}

impl Advice {
    fn hit(&self, kind: Kind, start: usize, end: usize, phrase: &str) -> Hit {
        self.hit_with(kind, start..end, phrase, phrase)
    }

    /// A hit whose suggestion names `topic` (what the lapse was about)
    /// rather than the flagged phrase.
    fn hit_with(&self, kind: Kind, span: std::ops::Range<usize>, phrase: &str, topic: &str) -> Hit {
        Hit {
            start: span.start,
            end: span.end,
            kind,
            why: self.why.replace("{}", &phrase.trim().to_lowercase()),
            suggestion: self.suggestion.replace("{}", topic.trim()),
        }
    }
}

/// Pushes a hit for every match of `pattern` with `advice`, except those
/// overlapping a match of `except`.
fn each_match(
    ctx: &Ctx,
    pattern: &Regex,
    except: Option<&Regex>,
    (kind, advice): (Kind, &Advice),
    out: &mut Vec<Hit>,
) {
    let text = ctx.masked();
    for m in pattern.find_iter(text) {
        let excused = except.is_some_and(|e| {
            e.find_iter(text)
                .any(|x| x.start() < m.end() && m.start() < x.end())
        });
        if !excused {
            out.push(advice.hit(kind, m.start(), m.end(), m.as_str()));
        }
    }
}

/// Pushes a hit, from the match to the end of its clause, for every match
/// of `pattern` whose first group names a person.
fn each_naming_person(
    ctx: &Ctx,
    pattern: &Regex,
    (kind, advice): (Kind, &Advice),
    out: &mut Vec<Hit>,
) {
    let text = ctx.masked();
    for c in pattern.captures_iter(text) {
        let whole = c.get(0).expect("whole match");
        if c.get(1).is_some_and(|s| ctx.people.is_person(s.as_str())) {
            let end = clause_end(text, whole.end());
            out.push(advice.hit(kind, whole.start(), end, whole.as_str()));
        }
    }
}
