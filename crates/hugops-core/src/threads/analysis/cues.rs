//! Cue phrases: short expressions that, in chat, tend to mark a misreading,
//! worry, a pointed remark, an evasive reply, a repeated ask, or on the calm
//! side thanks, agreement and decisions.
//!
//! All phrases are matched in one pass by an Aho-Corasick automaton, ASCII
//! case-insensitively, on word boundaries, with `'` also matching `’`.
//! Matching ASCII-only keeps byte offsets equal to the original text, so
//! evidence quotes the message as written.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// What a cue phrase suggests about its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Two readings of the same thing ("I read it as", "I thought we said").
    Reading,
    /// Worry, self-blame or feeling blamed ("is this my fault", "sorry if I").
    Worry,
    /// Pointing back at what was already said ("per my last message").
    Pointed,
    /// A non-answer (meaningful only as a reply to someone's question).
    Evasive,
    /// Politeness that bites ("friendly reminder", "if that's what you want").
    PassiveAggressive,
    /// Asking again ("bump", "any update", "sorry to chase").
    Nudge,
    /// Giving up or going it alone ("forget it", "I'll do it myself").
    Withdrawal,
    /// Doubting oneself in front of others ("maybe I'm wrong", "am I the
    /// only one", "sorry for all the questions").
    Doubt,
    /// Saying a task is not yours ("not my team", "wasn't me").
    Disowning,
    Thanks,
    Agreement,
    /// A decision or a resolution ("let's go with", "decided", "fixed").
    Decision,
    /// Harmless uses of a reading phrase ("I thought so"): masks it.
    Neutral,
}

impl Cue {
    const ALL: [Cue; 13] = [
        Cue::Reading,
        Cue::Worry,
        Cue::Pointed,
        Cue::Evasive,
        Cue::PassiveAggressive,
        Cue::Nudge,
        Cue::Withdrawal,
        Cue::Doubt,
        Cue::Disowning,
        Cue::Thanks,
        Cue::Agreement,
        Cue::Decision,
        Cue::Neutral,
    ];

    fn bit(self) -> u16 {
        1 << self as u8
    }

    fn phrases(self) -> &'static [&'static str] {
        match self {
            Cue::Reading => READING,
            Cue::Worry => WORRY,
            Cue::Pointed => POINTED,
            Cue::Evasive => EVASIVE,
            Cue::PassiveAggressive => PASSIVE_AGGRESSIVE,
            Cue::Nudge => NUDGE,
            Cue::Withdrawal => WITHDRAWAL,
            Cue::Doubt => DOUBT,
            Cue::Disowning => DISOWNING,
            Cue::Thanks => THANKS,
            Cue::Agreement => AGREEMENT,
            Cue::Decision => DECISION,
            Cue::Neutral => NEUTRAL,
        }
    }
}

const READING: &[&str] = &[
    "i read it as",
    "i read that as",
    "i read this as",
    "i took it as",
    "i took that as",
    "i took it to mean",
    "i thought we said",
    "i thought we agreed",
    "i thought we decided",
    "i thought we were",
    "i thought you said",
    "i thought you meant",
    "i thought you were",
    "i thought it was",
    "i thought that was",
    "i thought this was",
    "i understood",
    "my understanding",
    "under the impression",
    "i assumed",
    "we assumed",
    "i meant",
    "not what i meant",
    "that's not what i",
    "that's not what we",
    "did you mean",
    "do you mean",
    "what do you mean",
    "what you mean by",
    "are we talking about",
    "are we looking at the same",
    "talking past each other",
    "two different",
    "different things",
    "misunderstood",
    "misunderstanding",
    "misread",
    "mixed up",
    "crossed wires",
    "nobody told me",
    "no one told me",
    "i wasn't told",
    "i didn't know",
    "not what i asked",
    "not what i'm asking",
    "i'm confused",
    "i am confused",
    "not sure i follow",
    "i don't follow",
    "which is it",
    "i thought",
    "i read your",
    "how to read",
    "how should i read",
    "i didn't say",
    "i never said",
    "i don't see",
];

const WORRY: &[&str] = &[
    "is this my fault",
    "is it my fault",
    "my fault",
    "sorry if i",
    "sorry if this",
    "sorry if that",
    "sorry if my",
    "are you mad",
    "are you upset",
    "are you annoyed",
    "are you angry",
    "you seem",
    "did i do something",
    "did i break",
    "did i mess",
    "something i did",
    "i hope i didn't",
    "hope i didn't",
    "didn't mean to",
    "make this a thing",
    "make this weird",
    "to be weird",
    "awkward",
    "i'm worried",
    "i am worried",
    "a bit worried",
    "should we be worried",
    "should i be worried",
    "anxious",
    "nervous",
    "was i",
    "should i not have",
    "come across",
    "came across",
    "overstepped",
    "overstep",
    "step on",
    "stepped on",
    "are you saying",
    "this is on me",
    "on me?",
    "blame",
    "blaming",
    "i feel bad",
    "i feel like",
    "is it okay that i",
    "is it ok that i",
    "sorry to ask again",
    "sorry to chase",
    "sorry to bother",
    "sorry for making",
    "doing differently",
    "something wrong",
    "did wrong",
    "tell me directly",
    "you don't sound",
    "you sound",
    "i'd rather hear",
    "it feels like",
];

const POINTED: &[&str] = &[
    "per my last",
    "per my previous",
    "as i said",
    "as i've said",
    "as i mentioned",
    "as mentioned",
    "as previously",
    "as discussed",
    "as stated",
    "as noted",
    "as i explained",
    "as already",
    "like i said",
    "like i mentioned",
    "i already said",
    "i already told",
    "i've said that",
    "i said that before",
    "what i said above",
    "see above",
    "read the comments again",
    "re-read",
    "for the record",
    "it's in the doc",
    "it's in my",
    "it was in the",
    "everything is in",
    "how many times",
    "still waiting",
    "twice now",
    "i posted it",
    "i linked",
    "again, the",
    "again:",
    "to repeat",
    "i keep saying",
    "keep saying",
    "my point is still",
    "still my point",
    "as i keep",
    "once again",
    "i'll say it again",
];

const EVASIVE: &[&str] = &[
    "it'll be fine",
    "i guess",
    "i suppose",
    "i'd assume",
    "i would assume",
    "hard to say",
    "it depends",
    "depends on",
    "depends what",
    "could be either",
    "not that simple",
    "it's complicated",
    "it's connected",
    "not my call",
    "not my decision",
    "not the one who",
    "not up to me",
    "when there's time",
    "i'll get to it",
    "we'll see",
    "i don't know",
    "no idea",
    "dunno",
    "i'd rather not",
    "it's fine",
    "it's done now",
    "that's more of a",
    "a question for",
    "not mine to",
    "than mine",
    "as safe as",
];

const PASSIVE_AGGRESSIVE: &[&str] = &[
    "friendly reminder",
    "gentle reminder",
    "just a reminder",
    "just noting",
    "for what it's worth",
    "thanks for finally",
    "would have been nice",
    "would've been nice",
    "good to know",
    "must have been unclear",
    "happy to clarify",
    "if that's what you want",
    "if you say so",
    "your call",
    "your decision",
    "whatever you think",
    "whatever you want",
    "i'm sure they'll",
    "i'm sure it's fine",
    "fine, i'll",
    "fine. i'll",
    "if you insist",
    "no offense",
    "with all due respect",
    "i'm just saying",
    "would have liked",
    "would've liked",
    "i'd have liked",
    "would have appreciated",
    "would've appreciated",
    "i'd have appreciated",
];

const NUDGE: &[&str] = &[
    "bump",
    "bumping",
    "any update",
    "any news",
    "anyone?",
    "anybody?",
    "still need",
    "still not clear",
    "still not sure",
    "still unclear",
    "sorry to ask again",
    "sorry to chase",
    "asking again",
    "gentle nudge",
    "nudge",
    "following up",
    "just checking",
    "circling back",
    "one more time",
];

const WITHDRAWAL: &[&str] = &[
    "forget it",
    "forget i asked",
    "never mind, i'll",
    "nevermind, i'll",
    "fine, whatever",
    "whatever then",
    "whatever works for you",
    "do what you want",
    "do whatever you want",
    "do it myself",
    "fix it myself",
    "handle it myself",
    "figure it out myself",
    "on my own then",
    "myself then",
    "someone else then",
    "i'll just ask someone",
    "i'll just do it",
    "i'll just merge",
    "i'll just go ahead",
    "i give up",
    "not worth it",
    "not worth the",
    "doesn't matter anymore",
    "i'll stop asking",
    "stop asking",
    "won't bother",
    "don't bother",
    "suit yourself",
    "have it your way",
    "as you wish",
    "drop it",
    "i guess nobody",
    "leave it then",
    "let it go",
];

const DOUBT: &[&str] = &[
    "maybe i'm wrong",
    "maybe i'm missing",
    "i might be wrong",
    "i might be missing",
    "i may be missing",
    "probably missing something",
    "missing something obvious",
    "am i missing",
    "did i miss something",
    "am i the only one",
    "is it just me",
    "maybe it's just me",
    "not sure if this is the right",
    "not sure this is the right",
    "not sure if i",
    "i wasn't sure if",
    "i wasn't sure whether",
    "not sure if the",
    "not sure if it",
    "if it's not what you",
    "not what you were expecting",
    "i can redo",
    "sorry for all the questions",
    "sorry for the questions",
    "sorry for asking",
    "sorry for the noise",
    "don't want to bother",
    "don't want to be a pain",
    "don't want to step",
    "bother the wrong",
    "was there a problem",
    "was it something",
    "is there a problem with",
    "did i get it wrong",
    "i hope that's ok",
    "i hope that's okay",
    "if i'm overstepping",
];

const DISOWNING: &[&str] = &[
    "not my team",
    "not our team",
    "not my area",
    "not my job",
    "not my problem",
    "not my project",
    "not my task",
    "not my ticket",
    "not mine",
    "not ours",
    "not us",
    "not on us",
    "not on our side",
    "wasn't me",
    "wasn't us",
    "someone else's",
    "somebody else's",
    "nobody owns",
    "no one owns",
    "nobody's owning",
    "nobody picked",
    "no one picked",
    "thought you had it",
    "thought you were handling",
    "thought you were doing",
    "thought you were covering",
    "thought you owned",
    "thought they were handling",
    "thought it was yours",
];

/// Phrases that only mask the cues inside them: "I thought so" is no second
/// reading, "as we agreed" no agreement (it claims one).
const NEUTRAL: &[&str] = &[
    "we agreed",
    "we'd agreed",
    "we had agreed",
    "as agreed",
    "you agreed",
    "they agreed",
    "everyone agreed",
    "agreed where",
    "i thought so",
    "i thought about",
    "i thought of",
    "i thought i'd",
    "i thought it might",
    "i thought it would be nice",
];

const THANKS: &[&str] = &[
    "thanks",
    "thank you",
    "thx",
    "ty",
    "tysm",
    "cheers",
    "much appreciated",
    "appreciate it",
    "appreciate that",
    "appreciate the",
    "🙏",
    "legend",
    "you're a star",
    "you're both stars",
];

const AGREEMENT: &[&str] = &[
    "sounds good",
    "sounds great",
    "+1",
    "agreed",
    "i agree",
    "lgtm",
    "looks good",
    "makes sense",
    "works for me",
    "that works",
    "good idea",
    "good call",
    "good point",
    "good catch",
    "fair point",
    "fair enough",
    "👍",
    "👌",
    "🙌",
    "🎉",
    "✅",
    "love it",
    "i like that",
    "all clear",
    "all good",
    "no worries",
    "no problem",
    "i can take",
    "will do",
    "i'm on it",
    "lol",
    "haha",
    "hahaha",
    "lmao",
    "😂",
    "🤣",
    "😄",
    ":)",
    ":D",
];

const DECISION: &[&str] = &[
    "let's",
    "decided",
    "we'll go with",
    "going with",
    "go with",
    "final answer",
    "settled",
    "ship it",
    "approved",
    "approving",
    "signing off",
    "closing the ticket",
    "resolved",
    "fixed",
    "rollback done",
    "nvm",
    "never mind",
    "figured it out",
    "found it",
    "i'll write it up",
    "i'll write the",
    "i'll update",
    "i'll add",
    "i'll schedule",
    "i'll take",
    "i'll do",
    "done.",
    "done,",
    "done!",
];

/// Interjections that agree only when they open the message ("Great,
/// thanks!"), not mid-sentence ("exactly the kind of thing that bites").
const OPENERS: &[&str] = &[
    "perfect",
    "great",
    "awesome",
    "amazing",
    "nice",
    "exactly",
    "yep",
    "yup",
    "cool",
    "fair",
    "same",
    "deal",
    "brilliant",
    "excellent",
];

/// One cue found in a message: its kind and byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub cue: Cue,
    pub start: usize,
    pub end: usize,
}

/// The cues of one message.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    bits: u16,
    found: Vec<Found>,
}

impl Cues {
    /// True if and only if `cue` occurs in the message.
    pub fn has(&self, cue: Cue) -> bool {
        self.bits & cue.bit() != 0
    }

    /// Forgets the calming cues (thanks, agreement, decision) that sit in a
    /// question: "Discussed or decided?" decides nothing.
    pub fn drop_calming_in_questions(&mut self, text: &str) {
        let calming = [Cue::Thanks, Cue::Agreement, Cue::Decision];
        self.found.retain(|f| {
            !calming.contains(&f.cue)
                || !text[f.end..]
                    .split(['.', '!', '\n'])
                    .next()
                    .is_some_and(|rest| rest.contains('?'))
        });
        self.bits = self.found.iter().fold(0, |bits, f| bits | f.cue.bit());
    }

    /// The first occurrence of `cue`, if any.
    pub fn first(&self, cue: Cue) -> Option<Found> {
        self.found.iter().copied().find(|f| f.cue == cue)
    }
}

struct Automaton {
    matcher: AhoCorasick,
    /// The cue of each pattern, by pattern index, and whether it only
    /// counts at the start of the message.
    cues: Vec<(Cue, bool)>,
}

static AUTOMATON: LazyLock<Automaton> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut cues = Vec::new();
    let openers = OPENERS.iter().map(|o| (Cue::Agreement, o, true));
    let all = Cue::ALL
        .into_iter()
        .flat_map(|cue| cue.phrases().iter().map(move |p| (cue, p, false)));
    for (cue, phrase, opener) in all.chain(openers) {
        {
            patterns.push((*phrase).to_owned());
            cues.push((cue, opener));
            if phrase.contains('\'') {
                patterns.push(phrase.replace('\'', "’"));
                cues.push((cue, opener));
            }
        }
    }
    let matcher = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(&patterns)
        .expect("the cue phrases are a small fixed list");
    Automaton { matcher, cues }
});

/// Finds every cue in `text`, in order of position.
pub fn find(text: &str) -> Cues {
    let automaton = &*AUTOMATON;
    let mut cues = Cues::default();
    for m in automaton.matcher.find_overlapping_iter(text) {
        if !on_word_boundaries(text, m.start(), m.end()) {
            continue;
        }
        let Some(&(cue, opener)) = automaton.cues.get(m.pattern().as_usize()) else {
            continue;
        };
        if opener && !text[..m.start()].chars().all(|c| !c.is_alphanumeric()) {
            continue;
        }
        cues.found.push(Found {
            cue,
            start: m.start(),
            end: m.end(),
        });
    }
    let neutral: Vec<(usize, usize)> = cues
        .found
        .iter()
        .filter(|f| f.cue == Cue::Neutral)
        .map(|f| (f.start, f.end))
        .collect();
    cues.found.retain(|f| {
        f.cue != Cue::Neutral
            && !neutral
                .iter()
                .any(|&(start, end)| start <= f.start && f.end <= end)
    });
    cues.found.sort_by_key(|f| f.start);
    cues.bits = cues.found.iter().fold(0, |bits, f| bits | f.cue.bit());
    cues
}

/// True if the match is not glued to a letter or digit on either side where
/// the phrase itself starts or ends with one ("ty" must not match "pretty").
fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let word_char = |c: char| c.is_alphanumeric();
    let phrase = &text[start..end];
    let open =
        !phrase.starts_with(word_char) || !text[..start].chars().next_back().is_some_and(word_char);
    let close = !phrase.ends_with(word_char) || !text[end..].chars().next().is_some_and(word_char);
    open && close
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cues_case_insensitively_with_curly_apostrophes() {
        let cues = find("Per my last message, that’s not what I meant.");
        assert!(cues.has(Cue::Pointed));
        assert!(cues.has(Cue::Reading));
        assert!(!cues.has(Cue::Thanks));
    }

    #[test]
    fn cues_need_word_boundaries() {
        assert!(!find("pretty typical").has(Cue::Thanks)); // "ty"
        assert!(find("ty!").has(Cue::Thanks));
        assert!(!find("nicer").has(Cue::Agreement));
    }

    #[test]
    fn interjections_agree_only_when_they_open_the_message() {
        assert!(find("Great, thanks!").has(Cue::Agreement));
        assert!(!find("that's exactly the kind of thing").has(Cue::Agreement));
    }

    #[test]
    fn neutral_phrases_mask_a_reading() {
        assert!(find("I thought the flag was on").has(Cue::Reading));
        assert!(!find("I thought so, thanks").has(Cue::Reading));
        assert!(!find("I thought about it overnight").has(Cue::Reading));
    }

    #[test]
    fn found_ranges_point_at_the_original_text() {
        let text = "Ok. As I Said, later.";
        let found = find(text).first(Cue::Pointed).unwrap();
        assert_eq!(&text[found.start..found.end], "As I Said");
    }

    #[test]
    fn non_ascii_text_keeps_offsets_valid() {
        let text = "Ünïcödé — İstanbul: thanks 🙏";
        let cues = find(text);
        let found = cues.first(Cue::Thanks).unwrap();
        assert_eq!(&text[found.start..found.end], "thanks");
    }

    #[test]
    fn claimed_agreement_is_no_agreement() {
        assert!(!find("I changed it as agreed.").has(Cue::Agreement));
        assert!(!find("I thought we agreed on the same setup").has(Cue::Agreement));
        assert!(find("I thought we agreed on the same setup").has(Cue::Reading));
        assert!(find("Agreed, ship it").has(Cue::Agreement));
    }

    #[test]
    fn calming_cues_in_a_question_are_dropped() {
        let text = "Discussed or decided? Because it renews. Thanks for checking.";
        let mut cues = find(text);
        assert!(cues.has(Cue::Decision));
        cues.drop_calming_in_questions(text);
        assert!(!cues.has(Cue::Decision));
        assert!(cues.has(Cue::Thanks));
    }

    #[test]
    fn laughter_calms_and_withdrawal_is_found() {
        assert!(find("haha fair").has(Cue::Agreement));
        assert!(find("Fine, whatever. Do what you want.").has(Cue::Withdrawal));
        assert!(!find("I'll just restart it").has(Cue::Withdrawal));
    }
}
