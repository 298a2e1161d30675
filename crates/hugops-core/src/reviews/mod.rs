//! Blameless post-incident reviews: a lint that finds blaming language in a
//! draft, line by line, and the evaluation of that lint on labelled drafts.
//!
//! The rules are documented phrase lists and subject checks (see
//! `docs/reviews.md`); nothing is learned from data.

pub mod eval;
pub mod finding;
pub mod markdown;
pub mod people;
mod rules;
pub mod template;
#[cfg(test)]
mod tests;

use std::path::Path;

pub use finding::{Finding, Kind, Lint};

use crate::{Error, Result};
use markdown::{prose_lines, ProseLine};
use people::People;
use rules::{Ctx, Hit};

/// Lints a draft: every blaming span of its prose, in line and column order.
pub fn lint(draft: &str) -> Lint {
    let prose = prose_lines(draft);
    let people = People::learn(&prose);
    let mut findings = Vec::new();
    for line in &prose {
        let mut hits = rules::check(&Ctx {
            line,
            people: &people,
        });
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.kind));
        let mut kept: Vec<&Hit> = Vec::new();
        for hit in &hits {
            let repeats = kept
                .iter()
                .any(|k| k.kind == hit.kind && hit.start < k.end && k.start < hit.end);
            if !repeats {
                kept.push(hit);
            }
        }
        findings.extend(kept.into_iter().map(|h| finding(line, h)));
    }
    Lint {
        lines: draft.lines().count(),
        findings,
    }
}

/// Reads and lints the draft at `path`; fails when it cannot be read or is
/// not UTF-8 (naming the first bad line).
pub fn lint_file(path: &Path) -> Result<Lint> {
    Ok(lint(&read_draft(path)?))
}

/// The text of the draft at `path`.
pub fn read_draft(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        Error::bad_file(path, Some(line), None, "not UTF-8 text")
    })
}

/// A hit in character columns, with the flagged text as written.
fn finding(line: &ProseLine, hit: &Hit) -> Finding {
    let column = line.masked[..hit.start].chars().count() + 1;
    let end_column = line.masked[..hit.end].chars().count();
    let text = line
        .text
        .chars()
        .skip(column - 1)
        .take(end_column + 1 - column)
        .collect();
    Finding {
        line: line.number,
        column,
        end_column,
        kind: hit.kind,
        text,
        why: hit.why.clone(),
        suggestion: hit.suggestion.clone(),
    }
}
