//! The signals: each looks at the thread once (linear time) and reports the
//! messages it found, with a strength (in the `weight` field until the model
//! in `mod.rs` turns it into a contribution): usually the number of messages,
//! up to a cap. docs/threads.md explains each.

use std::collections::HashMap;

use chrono::Duration;

use super::cues::Cue;
use super::kind::SignalKind;
use super::message::{Features, PlanValue};
use super::resolution::{is_tense, resolves};
use super::shape;
use super::signal::{quote, signal, Signal};
use crate::threads::Thread;

/// A signal whose strength is the number of messages it found, up to a cap.
struct Rule {
    kind: SignalKind,
    /// Largest strength.
    cap: f64,
}

const UNANSWERED_QUESTION: Rule = Rule {
    kind: SignalKind::UnansweredQuestion,
    cap: 3.0,
};
const REPEATED_QUESTION: Rule = Rule {
    kind: SignalKind::RepeatedQuestion,
    cap: 3.0,
};
const TWO_READINGS: Rule = Rule {
    kind: SignalKind::TwoReadings,
    cap: 3.0,
};
const WORRY: Rule = Rule {
    kind: SignalKind::Worry,
    cap: 3.0,
};
const POINTED_REFERENCE: Rule = Rule {
    kind: SignalKind::PointedReference,
    cap: 3.0,
};
const PASSIVE_AGGRESSIVE: Rule = Rule {
    kind: SignalKind::PassiveAggressive,
    cap: 3.0,
};
const EVASIVE_REPLY: Rule = Rule {
    kind: SignalKind::EvasiveReply,
    cap: 3.0,
};
const CURT_REPLY: Rule = Rule {
    kind: SignalKind::CurtReply,
    cap: 3.0,
};
const SHOUTING: Rule = Rule {
    kind: SignalKind::Shouting,
    cap: 3.0,
};
const NEGATIVE_TONE: Rule = Rule {
    kind: SignalKind::NegativeTone,
    cap: 3.0,
};
const LONG_GAP: Rule = Rule {
    kind: SignalKind::LongGap,
    cap: 3.0,
};
const CROSSED_MESSAGES: Rule = Rule {
    kind: SignalKind::CrossedMessages,
    cap: 3.0,
};
/// One per author switch beyond [`FREE_SWITCHES`] in the longest unresolved stretch.
const BACK_AND_FORTH: Rule = Rule {
    kind: SignalKind::BackAndForth,
    cap: 4.0,
};
/// Strength 1: the counted "messages" are the long ones.
const GROWING_MESSAGES: Rule = Rule {
    kind: SignalKind::GrowingMessages,
    cap: 1.0,
};
const WITHDRAWAL: Rule = Rule {
    kind: SignalKind::Withdrawal,
    cap: 3.0,
};
const OWNERSHIP_GAP: Rule = Rule {
    kind: SignalKind::OwnershipGap,
    cap: 3.0,
};
const SELF_DOUBT: Rule = Rule {
    kind: SignalKind::SelfDoubt,
    cap: 3.0,
};
/// Strength 1: one person apologising [`APOLOGIES_FROM_ONE`] times or more.
const OVER_APOLOGISING: Rule = Rule {
    kind: SignalKind::OverApologising,
    cap: 1.0,
};
/// Strength 1: two people each start from a different value.
const CONFLICTING_PLANS: Rule = Rule {
    kind: SignalKind::ConflictingPlans,
    cap: 1.0,
};
/// Strength 1: the thread stops on something unresolved.
const OPEN_ENDING: Rule = Rule {
    kind: SignalKind::OpenEnding,
    cap: 1.0,
};
const THANKS: Rule = Rule {
    kind: SignalKind::Thanks,
    cap: 3.0,
};
const AGREEMENT: Rule = Rule {
    kind: SignalKind::Agreement,
    cap: 3.0,
};
const QUESTION_ANSWERED: Rule = Rule {
    kind: SignalKind::QuestionAnswered,
    cap: 4.0,
};
/// Strength 1 for a decision the thread ends on (nothing tense comes after
/// it), otherwise [`EARLY_DECISION`].
const DECISION: Rule = Rule {
    kind: SignalKind::Decision,
    cap: 1.0,
};
const EARLY_DECISION: f64 = 0.3;

/// Author switches an unresolved stretch may have before it counts.
const FREE_SWITCHES: usize = 3;
/// A reply at least this long makes a following short reply curt.
const LONG_MESSAGE_WORDS: usize = 8;
/// Words for a message to count as long in a growing exchange.
const VERY_LONG_WORDS: usize = 40;
/// Net tone at or below which a message reads as negative.
const NEGATIVE_TONE_AT: f32 = -2.0;
/// A silence this long while a question is open counts as a long gap.
const GAP_HOURS: i64 = 3;
/// Messages at most this far apart, by different authors, may cross.
const CROSS_MINUTES: i64 = 2;
/// How far a question looks for its reply.
const REPLY_WINDOW: usize = 6;
/// Apologies by one person that read as anxious rather than polite.
const APOLOGIES_FROM_ONE: usize = 3;
/// How far back a reply's author's own earlier message is looked for.
const OWN_TOPIC_LOOKBACK: usize = 20;
/// Plan values a thread is searched for conflicts in (keeps it linear).
const MAX_PLAN_VALUES: usize = 200;
/// A question at least this long deserves more than a terse reply.
const LONG_QUESTION_WORDS: usize = 12;
/// A reply this long that shares no word with a question put to its author
/// by name talks about something else.
const SIDESTEP_WORDS: usize = 6;

/// Every signal found in `thread`, whose messages have `features`, with its
/// strength in `weight`; the shape features of [`shape`] come last.
pub fn all(thread: &Thread, features: &[Features]) -> Vec<Signal> {
    let t = View {
        thread,
        f: features,
    };
    let questions = t.questions();
    [
        t.emit(
            &UNANSWERED_QUESTION,
            &questions.unanswered,
            "a question got no answer",
        ),
        t.emit(&REPEATED_QUESTION, &t.repeated_questions(), "asked again"),
        t.cue_signal(&TWO_READINGS, Cue::Reading),
        t.cue_signal(&WORRY, Cue::Worry),
        t.cue_signal(&POINTED_REFERENCE, Cue::Pointed),
        t.cue_signal(&PASSIVE_AGGRESSIVE, Cue::PassiveAggressive),
        t.emit(
            &EVASIVE_REPLY,
            &t.evasive_replies(),
            "a non-answer to a question",
        ),
        t.emit(
            &CURT_REPLY,
            &t.curt_replies(),
            "a curt reply to a long message",
        ),
        t.back_and_forth(),
        t.growing_messages(),
        t.cue_signal(&WITHDRAWAL, Cue::Withdrawal),
        t.cue_signal(&SELF_DOUBT, Cue::Doubt),
        t.cue_signal(&OWNERSHIP_GAP, Cue::Disowning),
        t.over_apologising(),
        t.conflicting_plans(),
        t.open_ending(&questions.unanswered),
        t.emit(&SHOUTING, &t.matching(|f| f.is_shouting()), "raised voice"),
        t.negative_tone(),
        t.emit(
            &LONG_GAP,
            &t.long_gaps(),
            "a question waited through a long silence",
        ),
        t.emit(
            &CROSSED_MESSAGES,
            &t.crossed(),
            "messages crossed: sent at the same time",
        ),
        t.calming_cue(&THANKS, Cue::Thanks),
        t.calming_cue(&AGREEMENT, Cue::Agreement),
        t.decision(),
        t.emit(
            &QUESTION_ANSWERED,
            &questions.answered,
            "a question got an answer",
        ),
    ]
    .into_iter()
    .flatten()
    .chain(shape::all(
        thread,
        features,
        &questions.unanswered,
        questions.answered.len() + questions.unanswered.len(),
    ))
    .collect()
}

struct View<'a> {
    thread: &'a Thread,
    f: &'a [Features],
}

#[derive(Default)]
struct Questions {
    answered: Vec<usize>,
    unanswered: Vec<usize>,
}

impl View<'_> {
    fn author(&self, i: usize) -> &str {
        self.thread
            .messages
            .get(i)
            .map_or("", |m| m.author.as_str())
    }

    fn text(&self, i: usize) -> &str {
        self.thread.messages.get(i).map_or("", |m| m.text.as_str())
    }

    /// Builds the signal of `rule` over the 0-based `found` messages.
    fn emit(&self, rule: &Rule, found: &[usize], evidence: &str) -> Option<Signal> {
        let first = *found.first()?;
        let weight = (found.len() as f64).min(rule.cap);
        let quoted = quote(self.text(first), 0);
        let evidence = if evidence.is_empty() {
            quoted
        } else {
            format!("{evidence}: {quoted}")
        };
        Some(signal(rule.kind, weight, found, evidence))
    }

    fn matching(&self, test: impl Fn(&Features) -> bool) -> Vec<usize> {
        (0..self.f.len()).filter(|&i| test(&self.f[i])).collect()
    }

    /// Messages with cue `cue`, quoting the first occurrence.
    fn cue_signal(&self, rule: &Rule, cue: Cue) -> Option<Signal> {
        let found = self.matching(|f| f.cues.has(cue));
        let first = *found.first()?;
        let at = self.f[first].cues.first(cue).map_or(0, |c| c.start);
        let mut s = self.emit(rule, &found, "")?;
        s.evidence = quote(self.text(first), at);
        Some(s)
    }

    /// Calming cues count in messages that are neither tense nor only a
    /// question ("Great, so done?"), and half as much in the first half of
    /// the thread: what calms a thread is how it ends.
    fn calming_cue(&self, rule: &Rule, cue: Cue) -> Option<Signal> {
        let found = self.matching(|f| f.cues.has(cue) && !is_tense(f) && !f.only_question);
        let first = *found.first()?;
        let half = self.f.len() / 2;
        let count: f64 = found
            .iter()
            .map(|&i| if i < half { 0.5 } else { 1.0 })
            .sum();
        let weight = count.min(rule.cap);
        let at = self.f[first].cues.first(cue).map_or(0, |c| c.start);
        Some(signal(
            rule.kind,
            weight,
            &found,
            quote(self.text(first), at),
        ))
    }

    /// Follows each question to the first message by someone else: it answers
    /// unless it only asks back or evades. A question nobody else replies to
    /// within a few messages is unanswered, unless its asker resolves it
    /// ("nvm, found it").
    fn questions(&self) -> Questions {
        let mut q = Questions::default();
        for i in (0..self.f.len()).filter(|&i| self.f[i].question && self.f[i].words >= 2) {
            let mut answered = false;
            for j in (i + 1..self.f.len()).take(REPLY_WINDOW) {
                if self.author(j) == self.author(i) {
                    if self.f[j].cues.has(Cue::Decision) || self.f[j].cues.has(Cue::Thanks) {
                        answered = true;
                        break;
                    }
                    continue;
                }
                let f = &self.f[j];
                answered = !f.only_question
                    && !f.curt
                    && !f.cues.has(Cue::Evasive)
                    && !self.sidesteps(i, j);
                break;
            }
            if answered {
                &mut q.answered
            } else {
                &mut q.unanswered
            }
            .push(i);
        }
        q
    }

    /// True if reply `j` talks past question `i`: it shares no content word
    /// with the question and either carries on its author's own earlier
    /// message, or runs on at length although the question named its author.
    /// Replies that open with an answer ("yes", "no", "sure") never do.
    fn sidesteps(&self, i: usize, j: usize) -> bool {
        let (q, r) = (&self.f[i], &self.f[j]);
        if r.opens_with_answer || r.words < 3 || r.shared_content(q) > 0 {
            return false;
        }
        let replier = self.author(j);
        let own_topic = (j.saturating_sub(OWN_TOPIC_LOOKBACK)..j)
            .rev()
            .find(|&k| k != i && self.author(k) == replier)
            .is_some_and(|k| r.shared_content(&self.f[k]) > 0);
        let addressed = names(self.text(i), replier)
            || (i > 0 && self.author(i - 1) == replier && self.author(i) != replier);
        own_topic || (r.words >= SIDESTEP_WORDS && addressed)
    }

    /// Nudges ("any update?", a lone "?"), and questions that restate one
    /// the same author asked before (sharing at least two content words and
    /// 40% of the shorter question's).
    fn repeated_questions(&self) -> Vec<usize> {
        let mut earlier: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut found = Vec::new();
        for (i, f) in self.f.iter().enumerate() {
            let lone_mark = self.text(i).trim().chars().all(|c| c == '?') && f.question;
            let restated = f.question
                && earlier.get(self.author(i)).is_some_and(|qs| {
                    qs.iter().any(|&k| {
                        let shared = f.shared_content(&self.f[k]);
                        let shorter = f.content.len().min(self.f[k].content.len()).max(1);
                        shared >= 2 && shared * 5 >= shorter * 2
                    })
                });
            if lone_mark || restated || f.cues.has(Cue::Nudge) {
                found.push(i);
            }
            if f.question {
                let qs = earlier.entry(self.author(i)).or_default();
                qs.push(i);
                if qs.len() > 3 {
                    qs.remove(0);
                }
            }
        }
        found
    }

    /// Evasive phrases in a reply to someone else's question of the last two
    /// messages ("hard to say", "it's your call").
    fn evasive_replies(&self) -> Vec<usize> {
        (1..self.f.len())
            .filter(|&j| {
                self.f[j].cues.has(Cue::Evasive)
                    && (j.saturating_sub(2)..j)
                        .any(|i| self.f[i].question && self.author(i) != self.author(j))
            })
            .collect()
    }

    /// Curt replies right after someone else's long message, and terse
    /// ones (two words, no warmth) to someone else's long question ("wiki",
    /// "not now").
    fn curt_replies(&self) -> Vec<usize> {
        (1..self.f.len())
            .filter(|&j| {
                let (before, reply) = (&self.f[j - 1], &self.f[j]);
                let terse = reply.words <= 2
                    && !reply.question
                    && !reply.opens_with_answer
                    && !reply.is_warm()
                    && !reply.cheers
                    && !reply.cues.has(Cue::Decision)
                    && before.question
                    && before.words >= LONG_QUESTION_WORDS;
                self.author(j - 1) != self.author(j)
                    && ((reply.curt && before.words >= LONG_MESSAGE_WORDS) || terse)
            })
            .collect()
    }

    /// One person apologising again and again: anxious rather than polite.
    fn over_apologising(&self) -> Option<Signal> {
        let mut by_author: HashMap<&str, Vec<usize>> = HashMap::new();
        for i in (0..self.f.len()).filter(|&i| self.f[i].apologies > 0) {
            by_author.entry(self.author(i)).or_default().push(i);
        }
        let (_, found) = by_author
            .into_iter()
            .filter(|(_, msgs)| {
                msgs.iter().map(|&i| self.f[i].apologies).sum::<usize>() >= APOLOGIES_FROM_ONE
            })
            .min_by_key(|(_, msgs)| msgs.first().copied())?;
        self.emit(&OVER_APOLOGISING, &found, "one person keeps apologising")
            .map(|mut s| {
                s.weight = 1.0;
                s
            })
    }

    /// Someone states a value (a weekday, a date, a version), someone else
    /// states a different one of the same kind, and the first restates
    /// theirs: two plans for one thing, neither giving way.
    fn conflicting_plans(&self) -> Option<Signal> {
        let events: Vec<(usize, PlanValue)> = self
            .f
            .iter()
            .enumerate()
            .flat_map(|(i, f)| f.values.iter().map(move |v| (i, *v)))
            .take(MAX_PLAN_VALUES)
            .collect();
        let (a, b, c) = events.iter().enumerate().find_map(|(n, &(i, x))| {
            let author = self.author(i);
            let before = &events[..n];
            let first = before
                .iter()
                .position(|&(k, v)| v == x && self.author(k) == author && k < i)?;
            before[first + 1..]
                .iter()
                .find(|&&(m, y)| self.author(m) != author && y.same_kind(&x) && y != x)
                .map(|&(m, _)| (before[first].0, m, i))
        })?;
        Some(signal(
            CONFLICTING_PLANS.kind,
            1.0,
            &[a, b, c],
            format!(
                "two versions of the plan: {} / {}",
                quote(self.text(a), 0),
                quote(self.text(b), 0)
            ),
        ))
    }

    /// The thread stops on something unresolved: its last message neither
    /// thanks, agrees nor decides, and it is tense, withdraws, doubts or
    /// runs to an essay nobody answered, or it comes from someone whose
    /// question (of the `unanswered`) got no reply, or who is talking alone
    /// after asking.
    fn open_ending(&self, unanswered: &[usize]) -> Option<Signal> {
        let n = self.f.len();
        if n < 4 {
            return None;
        }
        let last = &self.f[n - 1];
        let calm = [Cue::Thanks, Cue::Agreement, Cue::Decision]
            .iter()
            .any(|&c| last.cues.has(c));
        if calm || last.cheers {
            return None;
        }
        let uneasy = is_tense(last)
            || last.cues.has(Cue::Doubt)
            || last.tone <= NEGATIVE_TONE_AT
            || last.words >= VERY_LONG_WORDS;
        let alone_after_asking = self.author(n - 2) == self.author(n - 1) && self.f[n - 2].question;
        let left_unanswered = unanswered
            .iter()
            .any(|&q| q < n - 1 && self.author(q) == self.author(n - 1));
        if !uneasy && !alone_after_asking && !left_unanswered {
            return None;
        }
        self.emit(&OPEN_ENDING, &[n - 1], "the thread stops unresolved")
    }

    /// The longest run of messages with no decision, thanks or agreement,
    /// as (start, end exclusive, author switches).
    fn longest_unresolved(&self) -> (usize, usize, usize) {
        let mut best = (0, 0, 0);
        let (mut start, mut switches) = (0, 0);
        for i in 0..=self.f.len() {
            if resolves(self.f.get(i)) {
                if switches > best.2 || (switches == best.2 && i - start > best.1 - best.0) {
                    best = (start, i, switches);
                }
                start = i + 1;
                switches = 0;
            } else if i > start && self.author(i) != self.author(i - 1) {
                switches += 1;
            }
        }
        best
    }

    fn back_and_forth(&self) -> Option<Signal> {
        let (start, end, switches) = self.longest_unresolved();
        let extra = switches.checked_sub(FREE_SWITCHES).filter(|&e| e >= 2)?;
        let rule = &BACK_AND_FORTH;
        let weight = (extra as f64).min(rule.cap);
        let found: Vec<usize> = (start..end).collect();
        let evidence = format!("{switches} turns back and forth without a decision");
        Some(signal(rule.kind, weight, &found, evidence))
    }

    /// In the longest unresolved stretch (five messages or more), messages get
    /// longer: the second half averages 1.4 times the words of the first and
    /// at least 20, or three messages run past 40 words.
    fn growing_messages(&self) -> Option<Signal> {
        let (start, end, _) = self.longest_unresolved();
        if end - start < 5 {
            return None;
        }
        let mid = start + (end - start) / 2;
        let mean = |r: std::ops::Range<usize>| {
            let n = r.len().max(1) as f64;
            r.map(|i| self.f[i].words as f64).sum::<f64>() / n
        };
        let (early, late) = (mean(start..mid), mean(mid..end));
        let long: Vec<usize> = (start..end)
            .filter(|&i| self.f[i].words >= VERY_LONG_WORDS)
            .collect();
        let growing = late >= 20.0 && late >= 1.4 * early;
        if !growing && long.len() < 3 {
            return None;
        }
        let found = if long.is_empty() {
            (mid..end).collect()
        } else {
            long
        };
        let evidence =
            format!("messages grow from {early:.0} to {late:.0} words on average with no decision");
        Some(signal(GROWING_MESSAGES.kind, 1.0, &found, evidence))
    }

    fn negative_tone(&self) -> Option<Signal> {
        let found = self.matching(|f| f.tone <= NEGATIVE_TONE_AT);
        let first = *found.first()?;
        let mut s = self.emit(&NEGATIVE_TONE, &found, "")?;
        let at = self.f[first].sharpest.map_or(0, |(start, _)| start);
        s.evidence = quote(self.text(first), at);
        Some(s)
    }

    /// Silences of three hours or more while someone's question is still open
    /// (reported as the question and the message after the silence).
    fn long_gaps(&self) -> Vec<usize> {
        let mut open: Option<usize> = None;
        let mut found = Vec::new();
        for i in 0..self.f.len() {
            if i > 0 {
                if let (Some(q), Some(gap)) = (open, self.gap(i - 1, i)) {
                    if gap >= Duration::hours(GAP_HOURS) {
                        found.extend([q, i]);
                    }
                }
            }
            let answers =
                open.is_some_and(|q| self.author(q) != self.author(i) && !self.f[i].only_question);
            if answers {
                open = None;
            }
            if self.f[i].question {
                open = Some(i);
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Two messages by different authors within two minutes that both ask,
    /// or both run long: neither was written in reply to the other.
    fn crossed(&self) -> Vec<usize> {
        let mut found = Vec::new();
        for i in 1..self.f.len() {
            let (a, b) = (&self.f[i - 1], &self.f[i]);
            let close = self
                .gap(i - 1, i)
                .is_some_and(|g| g <= Duration::minutes(CROSS_MINUTES));
            let both_ask = a.question && b.question && a.words >= 4 && b.words >= 4;
            let both_long = a.words >= 25 && b.words >= 25;
            if close && self.author(i) != self.author(i - 1) && (both_ask || both_long) {
                found.extend([i - 1, i]);
            }
        }
        found.dedup();
        found
    }

    fn gap(&self, a: usize, b: usize) -> Option<Duration> {
        let ts = |i: usize| self.thread.messages.get(i).and_then(|m| m.ts);
        Some(ts(b)? - ts(a)?)
    }

    /// Decisions weigh most when the thread ends on one: no tension or
    /// second reading comes after the last.
    fn decision(&self) -> Option<Signal> {
        let mut s = self.calming_cue(&DECISION, Cue::Decision)?;
        let last = s.messages.last().copied().unwrap_or(0);
        let disputed = self
            .f
            .iter()
            .skip(last)
            .any(|f| is_tense(f) || f.cues.has(Cue::Reading));
        s.weight = if disputed { EARLY_DECISION } else { 1.0 };
        Some(s)
    }
}

/// True if `text` addresses `author` by first name or `@` handle.
fn names(text: &str, author: &str) -> bool {
    let Some(first) = author.split_whitespace().next() else {
        return false;
    };
    let first = first.trim_start_matches('@');
    first.chars().count() >= 2
        && super::message::words(text)
            .any(|(_, w)| w.trim_start_matches('@').eq_ignore_ascii_case(first))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::threads::analysis::{analyze, Signal};
    use crate::threads::parse::text::parse_transcript;

    fn signals(transcript: &str) -> Vec<Signal> {
        let thread = parse_transcript(Path::new("t.txt"), transcript).expect("parses");
        analyze(&thread, 0.5).signals
    }

    fn find(transcript: &str, kind: &str) -> Option<Signal> {
        signals(transcript)
            .into_iter()
            .find(|s| s.kind.as_str() == kind)
    }

    /// `kind` fires on `hit` (at `messages`) and stays quiet on `miss`.
    fn fires(kind: &str, hit: &str, messages: &[usize], miss: &str) {
        let found = find(hit, kind).unwrap_or_else(|| panic!("{kind} should fire on {hit:?}"));
        assert_eq!(found.messages, messages, "{kind}");
        assert!(
            find(miss, kind).is_none(),
            "{kind} should stay quiet on {miss:?}"
        );
    }

    #[test]
    fn unanswered_question() {
        fires(
            "unanswered_question",
            "A: Can someone confirm the rollback plan?\nB: Which release is it for?",
            &[1, 2],
            "A: Can someone confirm the rollback plan?\nB: We fail back to the old primary.",
        );
    }

    #[test]
    fn a_curt_or_evasive_reply_does_not_answer() {
        let s = find(
            "A: Is that a yes to the PR?\nB: fine.",
            "unanswered_question",
        )
        .unwrap();
        assert_eq!(s.messages, [1]);
        let s = find(
            "A: When will it land?\nB: Hard to say.",
            "unanswered_question",
        )
        .unwrap();
        assert_eq!(s.messages, [1]);
    }

    #[test]
    fn repeated_question() {
        fires(
            "repeated_question",
            "A: What is the rollback plan for the upgrade?\nB: The script is tested.\nA: Sorry, but what is the rollback plan if the upgrade fails?",
            &[3],
            "A: What is the rollback plan for the upgrade?\nB: Fail back.\nA: And who is on call tonight?",
        );
        fires(
            "repeated_question",
            "A: Ready to merge?\nB: hm\nA: ?",
            &[3],
            "A: Ready to merge?\nB: yes\nA: cool",
        );
    }

    #[test]
    fn two_readings() {
        fires(
            "two_readings",
            "A: Flag is off in EU.\nB: I read it as on in EU.",
            &[2],
            "A: Flag is off in EU.\nB: I thought so, thanks.",
        );
    }

    #[test]
    fn worry() {
        fires(
            "worry",
            "A: The build broke.\nB: Is this my fault? Sorry if I pushed too early.",
            &[2],
            "A: The build broke.\nB: sorry, my train was late, looking now",
        );
    }

    #[test]
    fn pointed_reference() {
        fires(
            "pointed_reference",
            "A: Is the limit per plan?\nB: Per my last message, it applies to every plan.",
            &[2],
            "A: Is the limit per plan?\nB: It applies to every plan, I said so in the doc I wrote.",
        );
    }

    #[test]
    fn passive_aggressive() {
        fires(
            "passive_aggressive",
            "A: I'll drop offline mode.\nB: Sure, if that's what you want.",
            &[2],
            "A: I'll drop offline mode.\nB: Sure, that's what I'd do too.",
        );
    }

    #[test]
    fn evasive_reply_needs_a_question_from_someone_else() {
        fires(
            "evasive_reply",
            "A: Is it days or weeks?\nB: Hard to say.",
            &[2],
            "A: The estimate is hard to say.\nA: Hard to say, really.",
        );
    }

    #[test]
    fn curt_reply() {
        fires(
            "curt_reply",
            "A: I'd like to move paging to a burn-rate alert and route the short window to chat.\nB: fine.",
            &[2],
            "A: I'd like to move paging to a burn-rate alert and route the short window to chat.\nB: ok, sounds good",
        );
        assert!(
            find("A: deploy?\nB: ok.", "curt_reply").is_none(),
            "a short message invites a short reply"
        );
    }

    #[test]
    fn back_and_forth() {
        let circling = "A: one\nB: two\nA: three\nB: four\nA: five\nB: six\nA: seven";
        fires(
            "back_and_forth",
            circling,
            &[1, 2, 3, 4, 5, 6, 7],
            "A: one\nB: two\nA: three\nB: sounds good",
        );
        let broken = "A: one\nB: two\nA: three\nB: agreed, let's ship\nA: five\nB: six\nA: seven";
        assert!(
            find(broken, "back_and_forth").is_none(),
            "a decision resets the count"
        );
    }

    #[test]
    fn growing_messages() {
        let words = |n: usize| vec!["word"; n].join(" ");
        let growing = format!(
            "A: {}\nB: {}\nA: {}\nB: {}\nA: {}\nB: {}",
            words(5),
            words(6),
            words(30),
            words(35),
            words(45),
            words(50)
        );
        let steady = format!(
            "A: {}\nB: {}\nA: {}\nB: {}\nA: {}\nB: {}",
            words(25),
            words(30),
            words(26),
            words(28),
            words(27),
            words(24)
        );
        let found = find(&growing, "growing_messages").expect("fires");
        assert_eq!(found.messages, [5, 6]);
        assert!(find(&steady, "growing_messages").is_none());
    }

    #[test]
    fn shouting() {
        fires(
            "shouting",
            "A: WE AGREED NO DEPLOYS ON FRIDAY!!!\nB: rolling back",
            &[1],
            "A: IT'S LIVE!!! amazing work 🎉\nB: the API and the DNS are fine",
        );
    }

    #[test]
    fn negative_tone() {
        fires(
            "negative_tone",
            "A: Honestly I'm frustrated, this is unacceptable.\nB: ok",
            &[1],
            "A: this damn test failed again, the runner crashed\nB: ugh, rerunning",
        );
    }

    #[test]
    fn long_gap_with_an_open_question() {
        fires(
            "long_gap",
            "[09:00] A: Which shard is paused?\n[15:30] B: Shard 12.",
            &[1, 2],
            "[09:00] A: Shard 12 is paused.\n[15:30] B: Resumed it.",
        );
    }

    #[test]
    fn crossed_messages() {
        fires(
            "crossed_messages",
            "[09:00] A: Should we roll back the release now?\n[09:01] B: Do you want me to roll back the release?",
            &[1, 2],
            "[09:00] A: Should we roll back the release now?\n[09:30] B: Do you want me to roll back the release?",
        );
    }

    #[test]
    fn calming_signals_are_negative() {
        let all = signals(
            "A: Can you review?\nB: Done, looks good 👍\nA: Thanks! Let's go with it then.",
        );
        for kind in ["thanks", "agreement", "decision", "question_answered"] {
            let s = all
                .iter()
                .find(|s| s.kind.as_str() == kind)
                .unwrap_or_else(|| panic!("{kind}"));
            assert!(s.weight < 0.0, "{kind}");
        }
    }

    #[test]
    fn calming_words_in_a_tense_message_do_not_calm() {
        assert!(find("A: Thanks for finally looking at this.\nB: ok", "thanks").is_none());
    }

    #[test]
    fn a_disputed_decision_weighs_little() {
        let settled = find(
            "A: one\nB: two\nA: three\nB: Let's go with Tuesday.",
            "decision",
        )
        .unwrap();
        let disputed = find(
            "A: one\nB: Let's go with Tuesday.\nA: I thought we said Thursday?",
            "decision",
        )
        .unwrap();
        assert!(settled.weight < disputed.weight);
    }

    #[test]
    fn withdrawal() {
        fires(
            "withdrawal",
            "A: Could you review the retry PR?\nB: busy with the e2e suite\nA: Forget it, I'll do it myself.",
            &[3],
            "A: The preview env is wedged.\nB: want me to look?\nA: nah, I'll just restart it, it's faster",
        );
    }

    #[test]
    fn self_doubt() {
        fires(
            "self_doubt",
            "A: PR is up.\nB: ok\nA: I wasn't sure if I matched the design system. Maybe I'm wrong about the spacing.",
            &[3],
            "A: PR is up.\nB: ok\nA: I matched the design system, spacing follows the tokens.",
        );
    }

    #[test]
    fn ownership_gap() {
        fires(
            "ownership_gap",
            "A: Who runs the DNS cutover on Saturday?\nB: Not my team, infra owns the zone.\nC: Not us, we only own the zone.",
            &[2, 3],
            "A: Who runs the DNS cutover on Saturday?\nB: Me, I'll post the checklist.",
        );
    }

    #[test]
    fn over_apologising_needs_three_apologies_from_one_person() {
        fires(
            "over_apologising",
            "A: Sorry, the import skipped a tenant.\nB: Which one?\nA: Acme. Sorry again, and sorry for the noise.",
            &[1, 3],
            "A: sorry, running late\nB: sorry, me too\nC: sorry, I have to leave early",
        );
    }

    #[test]
    fn conflicting_plans_need_someone_to_restate_theirs() {
        fires(
            "conflicting_plans",
            "A: Email goes out Tuesday.\nB: I understood Monday.\nA: The sync I was in said Tuesday.",
            &[1, 2, 3],
            "A: Can someone take on-call next weekend?\nB: I can take Saturday, not Sunday\nC: I'll take Sunday",
        );
        fires(
            "conflicting_plans",
            "A: We ship SDK 4.2.\nB: QA signed off on 4.1.\nA: The branch has 4.2.",
            &[1, 2, 3],
            "A: p99 at 1.8s\nB: 2.1s here\nA: down to 0.4s now",
        );
    }

    #[test]
    fn open_ending() {
        fires(
            "open_ending",
            "A: Can we decide today?\nB: Maybe.\nC: Lunch?\nA: So nobody has an answer then.",
            &[4],
            "A: Can we decide today?\nB: Maybe.\nC: Lunch?\nA: Decided: Tuesday. Thanks all.",
        );
        assert!(
            find(
                "A: one\nB: two\nA: three\nB: Claire, can you bring the flows?",
                "open_ending"
            )
            .is_none(),
            "a closing request is not left open"
        );
    }

    #[test]
    fn a_reply_about_something_else_does_not_answer() {
        let ignored = "Nora: Jamal, are you presenting at the demo on Thursday?\nJamal: pushed the fix for the stampede, p95 looks way better";
        assert!(find(ignored, "unanswered_question").is_some());
        let own_topic = "B: staging db is slow again\nA: Can you get to the retry PR after that?\nB: staging is back now";
        assert_eq!(
            find(own_topic, "unanswered_question").unwrap().messages,
            [2]
        );
        let answered = "Nora: Jamal, are you presenting at the demo on Thursday?\nJamal: yes, ten minutes after the payments team";
        assert!(find(answered, "unanswered_question").is_none());
    }

    #[test]
    fn terse_replies_to_long_questions_are_curt() {
        fires(
            "curt_reply",
            "A: I started Monday. Where do I find the staging credentials, the vault path gives me an error?\nB: wiki",
            &[2],
            "A: which city for the offsite?\nB: Lisbon",
        );
    }

    #[test]
    fn a_decision_inside_a_question_decides_nothing() {
        assert!(find(
            "A: Discussed or decided? The renewal is automatic.\nB: hm",
            "decision"
        )
        .is_none());
        assert!(find("A: We decided on Tuesday.\nB: ok", "decision").is_some());
    }
}
