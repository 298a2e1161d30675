//! `character`: judgements of a person's character or diligence.
//!
//! Matches [`JUDGEMENTS`] anywhere in prose; not the technical "lazy
//! loading", "lazy evaluation", "lazy init".

use std::sync::LazyLock;

use regex::Regex;

use super::{each_match, words, Advice, Ctx, Hit};
use crate::reviews::finding::Kind;

/// Words and phrases that judge a person.
pub const JUDGEMENTS: &str = r"careless(?:ly|ness)?|lazy|laziness|lazily|sloppy|sloppily|sloppiness|negligent|negligence|incompetent|incompetence|reckless(?:ly|ness)?|irresponsible|unprofessional|clueless|amateurish|(?:not|wasn't|weren't|isn't|aren't|was not|were not) paying attention|rubber[- ]stamp(?:ed|ing|s)?|(?:the|any|no) diligence|should know better|(?:more|any|a) careful (?:engineer|person|developer|reviewer|operator)|took (?:it |this )?seriously enough|didn't take (?:it|this) seriously|stop being|half-assed|cowboy|dropped the ball|asleep at the wheel|couldn't be bothered|could not be bothered|inattentive|complacent|complacency|cavalier|cut(?:ting)? corners|corner-cutting|lack of (?:care|attention|diligence|ownership|discipline|rigou?r|professionalism)|(?:poor|bad) judge?ment|thoughtless(?:ly|ness)?|didn't care|can't be trusted|(?:a )?bad engineer";

static JUDGEMENT: LazyLock<Regex> = LazyLock::new(|| words(JUDGEMENTS));
static TECHNICAL: LazyLock<Regex> = LazyLock::new(|| {
    words(
        r"lazy[- ](?:load|loading|loaded|evaluation|init|initialization|initialisation|static|val|lock)",
    )
});

const ADVICE: Advice = Advice {
    why: "\"{}\" judges a person's character instead of explaining why the action made sense at the time.",
    suggestion: "Describe the conditions: time pressure, unclear defaults, missing review or tests, and what support would make the careful path the easy one.",
};

pub(super) fn find(ctx: &Ctx, out: &mut Vec<Hit>) {
    each_match(
        ctx,
        &JUDGEMENT,
        Some(&TECHNICAL),
        (Kind::Character, &ADVICE),
        out,
    );
}
