//! `sarcasm`: sarcasm aimed at someone.
//!
//! Matches [`SARCASM`] anywhere in prose, and [`MOCK_PRAISE`] outside
//! sections whose heading speaks of what went well, thanks or luck (where
//! "great job" is sincere).

use std::sync::LazyLock;

use regex::Regex;

use super::{each_match, words, Advice, Ctx, Hit};
use crate::reviews::finding::Kind;

/// Phrases that are sarcastic wherever they appear.
pub const SARCASM: &str = r"thanks for nothing|no thanks to|as usual|for once|(?:which|who|that), again|unlike (?:our|his|her|their|some people's)|that's on (?:them|him|her|you)|so much for|what a surprise|shocker|slow clap|thanks a lot|nice going|who could have guessed|surprise,? surprise|what could (?:possibly )?go wrong|who would have thought|yet again";

/// Praise that is sarcastic outside a "went well" or thanks section.
pub const MOCK_PRAISE: &str = r"great (?:job|call|work|idea|move|stuff)|nice (?:job|work|one|call)|well done|good job|bravo|genius|brilliant|stellar|(?:real|very) smooth";

static ALWAYS: LazyLock<Regex> = LazyLock::new(|| words(SARCASM));
static PRAISE: LazyLock<Regex> = LazyLock::new(|| words(MOCK_PRAISE));

const ADVICE: Advice = Advice {
    why: "\"{}\" mocks someone, which tells everyone reading that mistakes here are punished.",
    suggestion: "State the observation plainly and what the team needs, e.g. \"Deploys late on Friday had no one watching; can we add a deploy window?\"",
};

pub(super) fn find(ctx: &Ctx, out: &mut Vec<Hit>) {
    let (text, section) = (&ctx.line.masked, &ctx.line.section);
    for m in ALWAYS.find_iter(text) {
        let phrase = m.as_str().trim_matches(|c: char| c == ',' || c == ' ');
        out.push(ADVICE.hit(Kind::Sarcasm, m.start(), m.end(), phrase));
    }
    let sincere = ["well", "thank", "lucky", "kudos", "appreciat"]
        .iter()
        .any(|w| section.contains(w));
    if !sincere {
        each_match(ctx, &PRAISE, None, (Kind::Sarcasm, &ADVICE), out);
    }
}
