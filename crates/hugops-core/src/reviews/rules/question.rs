//! `question`: a "why did you …" question aimed at a person.
//!
//! Matches "why" + did/didn't/did not/were/weren't/was/wasn't/would/do/
//! don't/hadn't + a person ("you", "he", a name). "Why" questions about a
//! system ("why did the health check stay green?") are not matched. Also
//! "what were you thinking", "who thought this was a good idea", "how could
//! you", "how did you miss", "why would anyone".

use std::sync::LazyLock;

use regex::Regex;

use super::{clause_end, each_naming_person, words, Advice, Ctx, Hit};
use crate::reviews::finding::Kind;

/// Questions that are accusations whoever they name.
static ACCUSING: LazyLock<Regex> = LazyLock::new(|| {
    words(
        r"what were (?:you|they) thinking|what was (?:he|she) thinking|who thought (?:this|that|it) was a good idea|how could (?:you|he|she|they)|how did (?:you|he|she|they) (?:not|miss|manage|forget)|why would anyone",
    )
});
static WHY: LazyLock<Regex> = LazyLock::new(|| {
    words(
        r"why(?: on earth)? (?:did|didn't|did not|were|weren't|was|wasn't|would|wouldn't|do|don't|does|doesn't|hadn't|had|has|hasn't)(?: not)? ([\w'-]+)",
    )
});

const ADVICE: Advice = Advice {
    why: "A \"why did you…\" question puts a person on trial; it asks for a defence, not for the context.",
    suggestion: "Ask about the situation instead: what did the tools and runbook show, and what made this path look right at the time?",
};

pub(super) fn find(ctx: &Ctx, out: &mut Vec<Hit>) {
    let text = ctx.masked();
    for m in ACCUSING.find_iter(text) {
        out.push(ADVICE.hit(
            Kind::Question,
            m.start(),
            clause_end(text, m.end()),
            m.as_str(),
        ));
    }
    each_naming_person(ctx, &WHY, (Kind::Question, &ADVICE), out);
}
