//! `person_failure`: a person or role as the subject of a lapse.
//!
//! Matches a lapse verb or phrase ([`LAPSES`]) whose subject is a person
//! (see `people`): the clause's first word or the nearest word before the
//! verb. Also a negated subject ("nobody", "no one") with a verb of care
//! ([`NEGATED_CARE`]): "nobody reviewed", "no one noticed"; a lapse in the
//! passive by a person ("was ignored by Kim"); and fault laid on someone
//! ("Kim's fault", "the blame lies with", "to blame").

use std::sync::LazyLock;

use regex::Regex;

use super::{clause_end, person_subject, words, Advice, Ctx, Hit};
use crate::reviews::finding::Kind;

/// Lapse verbs and phrases, as a pattern of alternatives.
pub const LAPSES: &str = r"forgot|forgets|forgotten|failed to|fails to|neglected|neglects|ignored|ignores|ignoring|skipped|skips|missed|misses|overlooked|overlooks|(?:didn't|did not|never|couldn't be|could not be|can't be|won't) bother(?:ed)?|never bothered|sat on|sits on|(?:didn't|did not|doesn't|does not)(?: even)? (?:check|notice|read|think|test|look|glance|ask|watch|verify|review|wait|follow|update|tell|escalate|page|catch|see|consider|double-check|try|respond|answer|reply|acknowledge|ack|confirm|validate|communicate|inform|monitor|care|listen|realise|realize|plan|prepare|coordinate|mention|document|announce|roll back|revert|bother)|never (?:checked|tested|rotated|read|looked|asked|updated|followed|reviewed|noticed|added|wrote|documented|answered|responded|replied|acknowledged|acked|escalated|verified|confirmed|validated|communicated|told|informed|showed up)|finally|eventually|still (?:not|fixated|waiting|ignoring|didn't|hasn't|hadn't|has not|had not)|(?:still )?(?:hadn't|hasn't|had not|has not) (?:even )?(?:prepared|checked|tested|read|looked|bothered|updated|followed|reviewed|verified|finished|disabled|enabled|rotated|noticed|acknowledged|responded|replied|escalated|fixed)|wast(?:ed|es|ing)|without (?:testing|checking|watching|reading|asking|looking|reviewing|verifying|telling|waiting|double-checking|confirming|thinking)|instead of|took \d+ (?:minutes|mins|min|hours|hrs) to|spends? \d+ (?:minutes|mins|min|hours)|(?:wasn't|was not|weren't|were not) (?:reachable|available|around|watching|careful|listening|responding)|went offline|logs? off|logged off|walked out|walks out|broke|pushed (?:a )?(?:bad|broken|untested)|shipped (?:a )?(?:bug|broken|untested|bad)|without (?:any )?tests|admits?|approved it in|rubber-stamped|fixated|(?:ran|deleted|dropped|picked|typed|used|edited|chose|selected|deployed|pushed|entered|restarted|targeted|merged) (?:the|a) wrong|(?:was|were) slow to|took (?:too long|forever|ages|way too long)|joined late|dragged (?:his|her|their) feet|went (?:dark|silent|quiet)|was nowhere to be found|bypassed|circumvented|rushed|brought down|messed up|screwed up|botched|made (?:a|an|the|another) (?:\w+ )?(?:mistake|error|blunder)|caused (?:the|this|an?) (?:outage|incident|problem|issue|mess)|(?:is|was) (?:responsible|to blame) for";

/// Verbs of care that blame when their subject is "nobody" or "no one".
pub const NEGATED_CARE: &str = r"noticed|checked|reviewed|bothered|spoke up|read|caught|thought|asked|tested|took|looked|cared|questioned|flagged|double-checked|verified|tried|escalated";

static LAPSE: LazyLock<Regex> = LazyLock::new(|| words(LAPSES));
/// A lapse told in the passive: "the alert was ignored by Kim".
static PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
    words(
        r"(?:was|were|got) (?:ignored|missed|overlooked|skipped|forgotten|neglected|botched|broken|rubber-stamped|bypassed) by (?:the )?([\w'-]+)",
    )
});
/// Fault laid at someone's door: "Kim's fault", "the blame lies with".
static FAULT: LazyLock<Regex> = LazyLock::new(|| {
    words(r"[\w'-]+'s fault|(?:his|her|their|your) fault|blame lies with|to blame")
});
static NOBODY: LazyLock<Regex> = LazyLock::new(|| {
    words(&format!(
        r"(?:nobody|no one|no-one|none of (?:us|them|the team))(?:\s+[\w'-]+){{0,4}}?\s+(?:{NEGATED_CARE})"
    ))
});

/// What a lapse was about: the words after the verb up to the first comma,
/// or "this step" when there are none.
fn topic(after: &str) -> &str {
    let words = after.split(',').next().unwrap_or("").trim();
    let words = words.strip_prefix("to ").unwrap_or(words);
    if words.chars().any(char::is_alphabetic) {
        words
    } else {
        "this step"
    }
}

const ADVICE: Advice = Advice {
    why: "Making a person the subject of \"{}\" turns a gap in the system into one person's fault; people act on what their tools and context showed them.",
    suggestion: "Observation: {} depended on one person's memory and attention at that moment; request: what would make it automatic or visible, and what did the tools show then?",
};

pub(super) fn find(ctx: &Ctx, out: &mut Vec<Hit>) {
    let text = ctx.masked();
    for m in LAPSE.find_iter(text) {
        if let Some(start) = person_subject(ctx, m.start()) {
            let end = clause_end(text, m.end());
            let topic = topic(&text[m.end()..end]);
            out.push(ADVICE.hit_with(Kind::PersonFailure, start..end, m.as_str(), topic));
        }
    }
    for c in PASSIVE.captures_iter(text) {
        let m = c.get(0).expect("whole match");
        if ctx.people.is_person(&c[1]) {
            out.push(ADVICE.hit_with(Kind::PersonFailure, m.range(), m.as_str(), "this step"));
        }
    }
    for m in FAULT.find_iter(text).chain(NOBODY.find_iter(text)) {
        let end = clause_end(text, m.end());
        out.push(ADVICE.hit_with(Kind::PersonFailure, m.start()..end, m.as_str(), "this step"));
    }
}
