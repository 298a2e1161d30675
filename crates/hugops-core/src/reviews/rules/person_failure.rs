//! `person_failure`: a person or role as the subject of a lapse.
//!
//! Matches a lapse verb or phrase ([`LAPSES`]) whose subject is a person
//! (see `people`): the clause's first word or the nearest word before the
//! verb. Also a negated subject ("nobody", "no one") with a verb of care
//! ([`NEGATED_CARE`]): "nobody reviewed", "no one noticed".

use std::sync::LazyLock;

use regex::Regex;

use super::{clause_end, person_subject, words, Advice, Ctx, Hit};
use crate::reviews::finding::Kind;

/// Lapse verbs and phrases, as a pattern of alternatives.
pub const LAPSES: &str = r"forgot|forgets|forgotten|failed to|fails to|neglected|neglects|ignored|ignores|ignoring|skipped|skips|missed|misses|overlooked|overlooks|(?:didn't|did not|never|couldn't be|could not be|can't be|won't) bother(?:ed)?|never bothered|sat on|sits on|(?:didn't|did not|doesn't|does not)(?: even)? (?:check|notice|read|think|test|look|glance|ask|watch|verify|review|wait|follow|update|tell|escalate|page|catch|see|consider|double-check|try|respond|answer|reply)|never (?:checked|tested|rotated|read|looked|asked|updated|followed|reviewed|noticed|added|wrote|documented|answered|responded|replied)|finally|eventually|still (?:hasn't|hadn't|has not|had not|not|fixated|waiting|ignoring|didn't)|hadn't|hasn't|wast(?:ed|es|ing)|without (?:testing|checking|watching|reading|asking|looking|reviewing|verifying|telling|waiting|double-checking|confirming|thinking)|instead of|took \d+ (?:minutes|mins|min|hours|hrs) to|spends? \d+ (?:minutes|mins|min|hours)|(?:wasn't|was not|weren't|were not) (?:reachable|available|around|watching|careful|listening|responding)|went offline|logs? off|logged off|walked out|walks out|broke|pushed a bad|admits?|approved it in|rubber-stamped|fixated";

/// Verbs of care that blame when their subject is "nobody" or "no one".
pub const NEGATED_CARE: &str = r"noticed|checked|reviewed|bothered|spoke up|read|caught|thought|asked|tested|took|looked|cared|questioned|flagged|double-checked|verified|tried|escalated";

static LAPSE: LazyLock<Regex> = LazyLock::new(|| words(LAPSES));
static NOBODY: LazyLock<Regex> = LazyLock::new(|| {
    words(&format!(
        r"(?:nobody|no one|no-one|none of (?:us|them|the team))(?:\s+[\w'-]+){{0,4}}?\s+(?:{NEGATED_CARE})"
    ))
});

const ADVICE: Advice = Advice {
    why: "Making a person the subject of \"{}\" turns a gap in the system into one person's fault; people act on what their tools and context showed them.",
    suggestion: "Describe what made this easy to miss and what would catch it next time: what did the tooling, runbook or alerts show at that moment?",
};

pub(super) fn find(ctx: &Ctx, out: &mut Vec<Hit>) {
    let text = ctx.masked();
    for m in LAPSE.find_iter(text) {
        if let Some(start) = person_subject(ctx, m.start()) {
            let end = clause_end(text, m.end());
            out.push(ADVICE.hit(Kind::PersonFailure, start, end, m.as_str()));
        }
    }
    for m in NOBODY.find_iter(text) {
        let end = clause_end(text, m.end());
        out.push(ADVICE.hit(Kind::PersonFailure, m.start(), end, m.as_str()));
    }
}
