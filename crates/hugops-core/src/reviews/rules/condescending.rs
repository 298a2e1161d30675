//! `condescending`: minimising words aimed at people.
//!
//! Matches [`MINIMISERS`] anywhere in prose. "Simply typed" (a plain
//! description) is not matched: only "simply had to" and "just had to".

use std::sync::LazyLock;

use regex::Regex;

use super::{each_match, words, Advice, Ctx, Hit};
use crate::reviews::finding::Kind;

/// Words that make a mistake sound trivial or the person slow.
pub const MINIMISERS: &str = r"obviously|obvious (?:mistake|error|fix|thing|step|next step)|clearly (?:didn't|did not|wasn't|never|forgot|missed|ignored)|simply had to|just had to|should have just|anyone (?:would have|could have|would've|could've|who's|who has|who had|with)|any (?:competent|decent|half-decent|sane|reasonable) (?:engineer|person|developer|reviewer)|it (?:was|is|'s) (?:easy|trivial|simple)|it's (?:easy|trivial|simple)|(?:an|a) (?:easy|trivial|simple) (?:fix|mistake|check)|(?:not|isn't|wasn't) (?:hard|difficult|rocket science)|literally (?:one|just|a|the)|basic hygiene|first thing you'd|like everyone else|come on|needs saying|which apparently|everyone knows|a senior engineer should|plain and simple|honestly|frankly|how (?:hard|difficult) (?:is|was|can) it|all (?:you|he|she|they|[\w'-]+) had to do|(?:rookie|newbie|beginner's|junior) mistake|common sense|any idiot|idiot|stupid|dumb|a child could|surely|should be obvious|(?:simply|just) needed to|no-brainer";

static MINIMISER: LazyLock<Regex> = LazyLock::new(|| words(MINIMISERS));

const ADVICE: Advice = Advice {
    why: "\"{}\" makes the mistake sound trivial, which shames the person and hides why it was not obvious at the time.",
    suggestion: "Say what made the right step hard to see (documentation, tooling, defaults) and what would make it visible.",
};

pub(super) fn find(ctx: &Ctx, out: &mut Vec<Hit>) {
    each_match(ctx, &MINIMISER, None, (Kind::Condescending, &ADVICE), out);
}
