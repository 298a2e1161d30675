//! `human_error`: "human error" and its relatives given as a cause.
//!
//! Matches [`TERMS`]; not when "not", "no", "isn't", "wasn't", "rather
//! than", "instead of" or "beyond" comes within the three words before
//! ("this was not human error"). "Human factors" is not matched.

use std::sync::LazyLock;

use regex::Regex;

use super::{words, Advice, Ctx, Hit};
use crate::reviews::finding::Kind;

/// The cause labels that end an analysis at a person.
pub const TERMS: &str = r"(?:human|operator|user|pilot|engineer|developer|admin) error|pebkac|pebcak|fat[- ]?finger(?:ed|s|ing)?|id-?10-?t|layer 8 (?:issue|problem|error)|finger trouble";

static TERM: LazyLock<Regex> = LazyLock::new(|| words(TERMS));
static DENIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:not|no|isn't|wasn't|rather than|instead of|beyond)\b(?:\s+\S+){0,2}\s*$")
        .expect("denial pattern")
});

const ADVICE: Advice = Advice {
    why: "\"{}\" names a person as the cause and ends the analysis where it should start.",
    suggestion: "Describe what made the action possible and easy to get wrong (interface, defaults, missing guardrails) and which guardrail would stop it next time.",
};

pub(super) fn find(ctx: &Ctx, out: &mut Vec<Hit>) {
    let text = ctx.masked();
    for m in TERM.find_iter(text) {
        if !DENIAL.is_match(&text[..m.start()]) {
            out.push(ADVICE.hit(Kind::HumanError, m.start(), m.end(), m.as_str()));
        }
    }
}
