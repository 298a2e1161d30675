//! Which messages settle a thread and which are tense: the two readings the
//! behavioural signals and the shape features share.

use super::cues::Cue;
use super::message::Features;

/// The end of the thread (`None`), or a message that settles something: a
/// calm decision or warm words that are not only a question.
pub(super) fn resolves(f: Option<&Features>) -> bool {
    f.map_or(true, |f| {
        !is_tense(f) && !f.only_question && (f.cues.has(Cue::Decision) || f.is_warm())
    })
}

/// A message whose worry, edge or coldness outweighs any polite words in it.
pub(super) fn is_tense(f: &Features) -> bool {
    [
        Cue::Worry,
        Cue::Pointed,
        Cue::Evasive,
        Cue::PassiveAggressive,
        Cue::Withdrawal,
        Cue::Disowning,
    ]
    .iter()
    .any(|&c| f.cues.has(c))
        || f.is_shouting()
        || f.curt
}
