//! Call nudges: read a text thread, say whether it looks ambiguous
//! or tense, show why, and draft a friendly message proposing a call.
//!
//! `parse` turns Slack exports, Discord exports and plain transcripts into
//! [`Thread`]s; `analysis` scores one thread with documented signals. Thread
//! text is only ever held in memory here: nothing in this module stores it,
//! except `chat_kudos`, which logs the thanks you received when asked to.

pub mod analysis;
pub mod chat_kudos;
pub mod eval;
pub mod parse;
pub mod review;
pub mod watch;

use chrono::{DateTime, Utc};
use serde::Serialize;

/// One message of a conversation, already decoded to plain text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Message {
    /// Display name of the sender.
    pub author: String,
    /// Plain text: mentions, links, entities and `:emoji:` decoded.
    pub text: String,
    /// When it was sent, when the source says.
    pub ts: Option<DateTime<Utc>>,
    /// A link back to the message in its source, when one can be built.
    pub link: Option<String>,
}

/// A conversation: a Slack thread, the loose messages of one channel and day,
/// a Discord channel export, or one transcript.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Thread {
    /// Channel name, when the source has one.
    pub channel: Option<String>,
    /// Messages in the order they were sent.
    pub messages: Vec<Message>,
}

impl Thread {
    /// When the first message was sent, if known.
    pub fn first_ts(&self) -> Option<DateTime<Utc>> {
        self.messages.iter().find_map(|m| m.ts)
    }

    /// Number of distinct authors.
    pub fn participants(&self) -> usize {
        let mut names: Vec<&str> = self.messages.iter().map(|m| m.author.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        names.len()
    }
}
