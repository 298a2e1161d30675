//! `counterfactual`: hindsight about what a person ought to have done.
//!
//! Matches "should have", "shouldn't have", "should've", "could have",
//! "ought to have" whose subject is a person; "should have known" with any
//! subject; "if <person> had …"; "if … had been … by <person>"; and the
//! hindsight verdicts "this would not have happened", "we would not be
//! writing this", "could have been avoided". "Should" about a system or a
//! future action ("the job should stop", "we should add") is not matched.

use std::sync::LazyLock;

use regex::Regex;

use super::{clause_end, each_naming_person, person_subject, words, Advice, Ctx, Hit};
use crate::reviews::finding::Kind;

static SHOULD_HAVE: LazyLock<Regex> = LazyLock::new(|| {
    words(
        r"(?:should|shouldn't|should not|could|ought to)(?:\s+\w+ly)?\s+have|should've|could've|(?:was|were) (?:supposed|meant|expected) to",
    )
});
static ANY_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    words(
        r"should(?:'ve| have) known|none of this would(?:n't| not)? have happened|(?:this|it) would(?:n't| not) have happened|we would(?:n't| not) be writing this|could have been avoided|would have been avoided",
    )
});
static IF_HAD: LazyLock<Regex> = LazyLock::new(|| {
    words(
        r"(?:if(?: only)?|had)\s+([\w'-]+)\s+(?:had|hadn't|had not|'d|just|only|bothered|checked|tested|read|looked|asked|noticed|followed|waited|paged|escalated)",
    )
});
static IF_BY: LazyLock<Regex> =
    LazyLock::new(|| words(r"if\b[^.;,]*?\bhad been\b[^.;,]*?\bby (?:the |a |an )?([\w'-]+)"));

const ADVICE: Advice = Advice {
    why: "\"{}\" judges a past decision with knowledge nobody had at the time, which hides why the choice made sense then.",
    suggestion: "Say what the person knew and saw at that moment, and what signal or check would have made the other path the obvious one.",
};

pub(super) fn find(ctx: &Ctx, out: &mut Vec<Hit>) {
    let text = ctx.masked();
    for m in SHOULD_HAVE.find_iter(text) {
        if let Some(start) = person_subject(ctx, m.start()) {
            out.push(ADVICE.hit(
                Kind::Counterfactual,
                start,
                clause_end(text, m.end()),
                m.as_str(),
            ));
        }
    }
    for m in ANY_SUBJECT.find_iter(text) {
        out.push(ADVICE.hit(Kind::Counterfactual, m.start(), m.end(), m.as_str()));
    }
    for pattern in [&*IF_HAD, &*IF_BY] {
        each_naming_person(ctx, pattern, (Kind::Counterfactual, &ADVICE), out);
    }
}
