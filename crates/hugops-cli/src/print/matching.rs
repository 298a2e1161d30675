//! What `hugops match` prints.

use std::io::Write;

use hugops_core::matching::{Candidate, MatchOptions, MatchResult, Pair, Unmatched, Weights};
use serde::Serialize;

use super::json;
use crate::output::{CmdResult, Stdout};
use crate::render;

/// The pairs, who is left unmatched and why, and (when asked) every
/// feasible pair; a note names the weights when they are not the defaults.
pub fn result(
    out: &mut Stdout,
    result: &MatchResult,
    opts: &MatchOptions,
    candidates: bool,
    as_json: bool,
) -> CmdResult {
    if as_json {
        return json(out, &MatchJson::new(result, candidates));
    }
    let mut text = render::match_result(result, opts.today, candidates, render::terminal_width());
    if opts.weights != Weights::default() {
        text.push_str(&render::weights_note(&opts.weights));
    }
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// The JSON of `hugops match`: the library's result, with
/// `candidates` only when asked for and `total_score` the sum of the pair
/// scores as printed (each rounded to 4 decimals), so the two always agree.
#[derive(Serialize)]
struct MatchJson<'a> {
    pairs: &'a [Pair],
    unmatched: &'a [Unmatched],
    total_score: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    candidates: Option<&'a [Candidate]>,
}

impl<'a> MatchJson<'a> {
    fn new(result: &'a MatchResult, with_candidates: bool) -> Self {
        let total: f64 = result.pairs.iter().map(|p| round4(p.score)).sum();
        MatchJson {
            pairs: &result.pairs,
            unmatched: &result.unmatched,
            total_score: round4(total),
            candidates: with_candidates.then_some(result.candidates.as_slice()),
        }
    }
}

/// Rounded to 4 decimals, as the library serialises scores.
fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}
