//! `sanction`: a remedial action aimed at a person rather than the system.
//!
//! Matches "<person> [and …] to" + a remedy from [`REMEDIES`] ("Lee to
//! complete refresher training", "Theo to be reminded", "Ines to lose prod
//! access"), and [`SCOLDING`] ("reminder to all engineers", "so this
//! doesn't happen again"). An owner doing system work ("Kim to add an
//! alert") is not matched.

use std::sync::LazyLock;

use regex::Regex;

use super::{each_naming_person, words, Advice, Ctx, Hit};
use crate::reviews::finding::Kind;

/// Remedies that treat a person as the thing to fix.
pub const REMEDIES: &str = r"be (?:reminded|retrained|re-trained|disciplined|written up|removed|more careful|told)|lose|complete (?:\w+ )?training|(?:do|take|attend|redo|repeat) (?:\w+ )?(?:training|course)|shadow|pair with someone|re-?read|actually|explain (?:[\w'-]+ ){0,4}why|present to|apologi[sz]e|pay (?:more )?attention|stop being|double-check (?:their|his|her) work|read the (?:\w+ )?docs|be supervised|lose (?:\w+ )?access";

/// Scolding addressed to a whole group.
pub const SCOLDING: &str = r"reminder to (?:all|every|the)|remind (?:on-call|everyone|the team|all|engineers|people|devs)|so (?:this|it) (?:doesn't|does not|won't|will not) happen again|(?:be|being) more careful|take more care|pay (?:more|closer) attention|performance (?:review|plan|improvement plan)|written warning|disciplinary|be (?:fired|let go|held accountable)|revoke (?:his|her|their) access|(?:removed|taken) (?:from|off) (?:the )?(?:on-call|rotation|deploy)|no longer (?:be )?allowed to";

static REMEDY: LazyLock<Regex> = LazyLock::new(|| {
    words(&format!(
        r"([\w'-]+)(?:\s+and\s+(?:the\s+)?[\w'-]+(?:\s+team)?)?\s+to\s+(?:{REMEDIES})"
    ))
});
static SCOLD: LazyLock<Regex> = LazyLock::new(|| words(SCOLDING));

const ADVICE: Advice = Advice {
    why: "\"{}\" treats a person as the thing to fix, so next time people will hide mistakes instead of reporting them.",
    suggestion: "Make the action item change the system: a guardrail, a default, a check in the tool, or a runbook step, with an owner.",
};

pub(super) fn find(ctx: &Ctx, out: &mut Vec<Hit>) {
    each_naming_person(ctx, &REMEDY, (Kind::Sanction, &ADVICE), out);
    let text = ctx.masked();
    for m in SCOLD.find_iter(text) {
        out.push(ADVICE.hit(Kind::Sanction, m.start(), m.end(), m.as_str()));
    }
}
