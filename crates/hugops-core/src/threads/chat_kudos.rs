//! Thanks and praise for you, found in chat conversations and logged as
//! received kudos (`hugops kudos import-chat`).
//!
//! A message counts when all of these hold:
//! 1. someone else wrote it (your name matches ignoring case and accents, and a one-word name
//!    matches a longer one starting with it: `Amara`, `Amara Okafor`);
//! 2. it says thanks or praise: `thanks`, `thank you`, `thx`, `tysm`,
//!    `kudos`, `shout-out`, `props`, `great job`, `nice work`, `well done`,
//!    `appreciate it`, `you rock`, `lifesaver`… or 🙌 🙏 👏 (whole words,
//!    any case);
//! 3. it is not a polite refusal or a request: `no thanks`, `thanks but no`,
//!    `thanks anyway`, `thanks for nothing`, `thanks in advance`, `TIA`, or
//!    thanks that only come after a question (`can you look? thanks`);
//! 4. it is addressed to you: it names you (`@Kiri`, `Kiri`, your first
//!    name), or it comes right after your message in the conversation and
//!    names nobody else there and no group (`thanks all`).
//!
//! Each becomes a received entry: the sender as person, the text as message,
//! its date (in your time zone; today for a transcript line, which has a
//! time but no date) and link, and its `#hashtags` as tags. An
//! entry already in the journal is not logged again: same link, or (without
//! a link) same person, message and date.

use std::collections::HashSet;
use std::path::Path;

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::Serialize;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::parse::text::is_undated;
use super::parse::Format;
use super::{Message, Thread};
use crate::clock::Clock;
use crate::journal::{
    self, Direction, Filter, NewEntry, MAX_MESSAGE_CHARS, MAX_PERSON_CHARS, MAX_TAG_CHARS,
};
use crate::{Error, Result, Store};

/// Words and phrases of thanks or praise, as folded words.
const PRAISE: &[&[&str]] = &[
    &["thanks"],
    &["thank", "you"],
    &["thank", "u"],
    &["thankyou"],
    &["thx"],
    &["tysm"],
    &["kudos"],
    &["shout", "out"],
    &["shoutout"],
    &["props"],
    &["great", "job"],
    &["good", "job"],
    &["nice", "job"],
    &["great", "work"],
    &["nice", "work"],
    &["good", "work"],
    &["awesome", "work"],
    &["amazing", "work"],
    &["well", "done"],
    &["nicely", "done"],
    &["appreciate", "it"],
    &["appreciate", "you"],
    &["appreciate", "that"],
    &["much", "appreciated"],
    &["you", "rock"],
    &["lifesaver"],
    &["life", "saver"],
];

/// Emoji that thank or applaud.
const PRAISE_EMOJI: [&str; 3] = ["🙌", "🙏", "👏"];

/// Refusals, sarcasm and thanks for something not yet done.
const NOT_PRAISE: &[&[&str]] = &[
    &["no", "thanks"],
    &["no", "thank", "you"],
    &["thanks", "but", "no"],
    &["thanks", "anyway"],
    &["thanks", "anyways"],
    &["thanks", "for", "nothing"],
    &["thanks", "in", "advance"],
    &["thank", "you", "in", "advance"],
    &["tia"],
];

/// Words addressing a group rather than one person.
const GROUP: &[&str] = &[
    "all",
    "everyone",
    "everybody",
    "team",
    "folks",
    "yall",
    "guys",
];

/// What `import` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChatImportReport {
    /// Messages thanking or praising you.
    pub found: usize,
    /// Of those, newly logged as received kudos.
    pub logged: usize,
    /// Of those, already in the journal.
    pub skipped_duplicates: usize,
}

/// Reads the Slack, Discord or Teams export (file or folder) or transcript
/// at `path`, whichever it is, and logs its thanks for `me` (see [`import`]).
pub fn import_path(
    store: &mut Store,
    path: &Path,
    me: &str,
    clock: &dyn Clock,
) -> Result<ChatImportReport> {
    if me.trim().is_empty() {
        return Err(Error::invalid("me", "must not be empty"));
    }
    let threads = super::parse::read_path(path, Format::Auto)?;
    import(store, &threads, me, clock)
}

/// Logs the thanks and praise for `me` found in `threads` as received
/// kudos, skipping those already logged; new entries are written in one
/// transaction, after a `pre-import` snapshot.
pub fn import(
    store: &mut Store,
    threads: &[Thread],
    me: &str,
    clock: &dyn Clock,
) -> Result<ChatImportReport> {
    let found = find(threads, me, clock.tz());
    let existing = journal::list(
        store,
        &Filter {
            direction: Some(Direction::Received),
            ..Filter::default()
        },
    )?;
    let mut seen = Seen::default();
    for e in &existing {
        seen.insert(
            &e.person,
            &e.message,
            Some(e.occurred_on),
            e.link.as_deref(),
        );
    }
    let total = found.len();
    let new: Vec<NewEntry> = found
        .into_iter()
        .filter(|n| seen.insert(&n.person, &n.message, n.occurred_on, n.link.as_deref()))
        .collect();
    let logged = new.len();
    if !new.is_empty() {
        crate::backup::before_import(store, clock.now())?;
        journal::add_many(store, new, clock)?;
    }
    Ok(ChatImportReport {
        found: total,
        logged,
        skipped_duplicates: total - logged,
    })
}

/// Keys of the kudos already known: links, and person + message + date.
#[derive(Default)]
struct Seen {
    links: HashSet<String>,
    texts: HashSet<(String, String, Option<NaiveDate>)>,
    undated: HashSet<(String, String)>,
}

impl Seen {
    /// Records a kudos; true if and only if it was not known yet.
    fn insert(
        &mut self,
        person: &str,
        message: &str,
        date: Option<NaiveDate>,
        link: Option<&str>,
    ) -> bool {
        let known = match (link, date) {
            (Some(link), _) => self.links.contains(link),
            (None, Some(_)) => self
                .texts
                .contains(&(person.to_owned(), message.to_owned(), date)),
            (None, None) => self
                .undated
                .contains(&(person.to_owned(), message.to_owned())),
        };
        if let Some(link) = link {
            self.links.insert(link.to_owned());
        }
        self.texts
            .insert((person.to_owned(), message.to_owned(), date));
        self.undated.insert((person.to_owned(), message.to_owned()));
        !known
    }
}

/// The thanks and praise for `me` in `threads`, as received kudos ready to
/// log (dates in zone `tz`), in conversation order.
pub fn find(threads: &[Thread], me: &str, tz: Tz) -> Vec<NewEntry> {
    let me = Me::new(me);
    let mut out = Vec::new();
    for thread in threads {
        for (i, m) in thread.messages.iter().enumerate() {
            if is_for_me(thread, i, &me) {
                out.extend(entry(m, tz));
            }
        }
    }
    out
}

/// Your name, folded, with its first word (people are thanked by first name).
#[derive(Debug)]
struct Me {
    full: Vec<String>,
    first: Option<String>,
}

impl Me {
    /// Names match ignoring case and accents; a one-word name also matches a
    /// longer name starting with it, and the other way round (`Amara` and
    /// `Amara Okafor`).
    fn new(name: &str) -> Me {
        let full = words(name);
        let first = full.first().filter(|w| w.chars().count() >= 2).cloned();
        Me { full, first }
    }

    /// True if and only if `author` is you.
    fn is(&self, author: &str) -> bool {
        let theirs = words(author);
        if theirs.is_empty() || self.full.is_empty() {
            return false;
        }
        theirs == self.full
            || (self.full.len() == 1 && theirs.first() == self.full.first())
            || (theirs.len() == 1 && theirs.first() == self.first.as_ref())
    }

    /// True if and only if the folded `text` names you.
    fn named_in(&self, text: &[String]) -> bool {
        contains(text, &self.full) || self.first.as_ref().is_some_and(|f| text.contains(f))
    }
}

/// Whether message `i` of `thread` thanks or praises `me` (module doc).
fn is_for_me(thread: &Thread, i: usize, me: &Me) -> bool {
    let m = &thread.messages[i];
    if me.is(&m.author) {
        return false;
    }
    if !praises(&m.text) {
        return false;
    }
    let text = words(&m.text);
    if NOT_PRAISE.iter().any(|p| contains(&text, p)) {
        return false;
    }
    // Thanks that only follow a question are for an answer not yet given.
    if m.text
        .split_once('?')
        .is_some_and(|(before, _)| !praises(before))
    {
        return false;
    }
    if me.named_in(&text) {
        return true;
    }
    let replies_to_me = i > 0 && me.is(&thread.messages[i - 1].author);
    replies_to_me && !names_someone_else(thread, m, &text, me)
}

/// True if and only if `raw` has a word, phrase or emoji of praise.
fn praises(raw: &str) -> bool {
    let text = words(raw);
    PRAISE.iter().any(|p| contains(&text, p)) || PRAISE_EMOJI.iter().any(|e| raw.contains(e))
}

/// True if and only if the message names a group, an `@someone` who is not
/// you, or another participant of the conversation.
fn names_someone_else(thread: &Thread, m: &Message, text: &[String], me: &Me) -> bool {
    if GROUP.iter().any(|g| text.iter().any(|w| w == g)) {
        return true;
    }
    let mention_of_other = m.text.split('@').skip(1).any(|after| {
        let mentioned = after
            .split(|c: char| c.is_whitespace() || ",:;!?".contains(c))
            .next();
        mentioned.is_some_and(|name| !name.is_empty() && !me.is(name))
    });
    if mention_of_other {
        return true;
    }
    thread
        .messages
        .iter()
        .map(|other| other.author.as_str())
        .filter(|author| *author != m.author && !me.is(author))
        .any(|author| Me::new(author).named_in(text))
}

/// The kudos entry for a message, if it makes a valid one.
fn entry(m: &Message, tz: Tz) -> Option<NewEntry> {
    let person: String = m.author.trim().chars().take(MAX_PERSON_CHARS).collect();
    let message: String = m.text.trim().chars().take(MAX_MESSAGE_CHARS).collect();
    if person.is_empty() || message.is_empty() {
        return None;
    }
    Some(NewEntry {
        direction: Some(Direction::Received),
        person,
        email: None,
        tags: hashtags(&message),
        link: m.link.clone(),
        // A transcript time without a date is no date: the journal then
        // takes the clock's today.
        occurred_on: m
            .ts
            .filter(|&t| !is_undated(t))
            .map(|t| t.with_timezone(&tz).date_naive()),
        message,
    })
}

/// `#hashtags` in `text`, without the `#`: a `#` at the start or after a
/// space, then letters, digits, `_` or `-`, with at least one letter
/// (`#123` is an issue number, not a tag).
fn hashtags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    let mut prev_is_space = true;
    for (i, c) in text.char_indices() {
        if c == '#' && prev_is_space {
            let tag: String = text[i + 1..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            let tag = tag.trim_end_matches(['-', '_']);
            let fits = tag.chars().count() <= MAX_TAG_CHARS;
            if fits && tag.chars().any(char::is_alphabetic) && !tags.iter().any(|t| t == tag) {
                tags.push(tag.to_owned());
            }
        }
        prev_is_space = c.is_whitespace();
    }
    tags
}

/// Lower-case words without accents: `Zoë's shout-out!` → `zoe s shout out`.
fn words(text: &str) -> Vec<String> {
    let folded: String = text
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// True if and only if `phrase` occurs in `text` as consecutive words.
fn contains<S: AsRef<str>>(text: &[String], phrase: &[S]) -> bool {
    !phrase.is_empty()
        && text
            .windows(phrase.len())
            .any(|w| w.iter().zip(phrase).all(|(a, b)| a.as_str() == b.as_ref()))
}

#[cfg(test)]
mod tests;
