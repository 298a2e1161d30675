//! Microsoft Teams messages as Microsoft Graph returns them
//! (`GET /chats/{id}/messages`, a channel's `/messages`): pages of
//! `{"value": [chatMessage, …], "@odata.nextLink": …}`, newest first, one
//! file or a folder of pages, each streamed one message at a time.
//!
//! - The author is `from.user.displayName`; messages from applications
//!   (bots), system events (`messageType` other than `message`) and deleted
//!   messages (`deletedDateTime` set) are skipped, as are empty ones.
//! - HTML bodies become text by [`html::to_text`]; `text` bodies are kept.
//! - A channel message and its replies (`replyToId` is the root's `id`, or
//!   the root's expanded `replies`) are one conversation; other messages
//!   form one conversation per chat (`chatId`, else the channel) and day
//!   (UTC). A message in several pages counts once.

mod html;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::Read;
use std::path::Path;

use chrono::Utc;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use super::group::{Channel, Place};
use super::json::{self, EachElement, Timestamp};
use crate::threads::{Message, Thread};
use crate::Result;

/// Reads one Graph page from `reader`.
pub(super) fn read(path: &Path, reader: impl Read) -> Result<Vec<Thread>> {
    let mut chats = Chats::default();
    chats.add(path, reader)?;
    Ok(chats.finish())
}

/// Reads every Graph page of a folder, in name order (other files are left alone).
pub(super) fn read_folder(dir: &Path) -> Result<Vec<Thread>> {
    let files = super::folder::export_files(dir, super::folder::FolderKind::Teams)?;
    let mut chats = Chats::default();
    for file in &files {
        chats.add(file, super::open(file)?)?;
    }
    Ok(chats.finish())
}

/// Messages gathered per chat or channel, in order of first appearance.
#[derive(Debug, Default)]
struct Chats {
    chats: Vec<(String, Channel)>,
    index: HashMap<String, usize>,
    seen: HashSet<String>,
}

impl Chats {
    fn add(&mut self, path: &Path, reader: impl Read) -> Result<()> {
        let mut kept = Vec::new();
        json::read_with(path, reader, PageSeed(|m: Checked| kept.extend(m.0)))?;
        let fallback = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        for m in kept {
            if !self.seen.insert(m.id.clone()) {
                continue;
            }
            let chat = m.chat.clone().unwrap_or_else(|| fallback.clone());
            let at = *self.index.entry(chat.clone()).or_insert_with(|| {
                self.chats.push((chat, Channel::default()));
                self.chats.len() - 1
            });
            let ts = m.created.with_timezone(&Utc);
            let place = Place {
                day: ts.format("%Y-%m-%d").to_string(),
                id: Some(m.id),
                thread: m.reply_to,
            };
            let message = Message {
                author: m.author,
                text: m.text,
                ts: Some(ts),
                link: m.link,
            };
            self.chats[at].1.push(place, message);
        }
        Ok(())
    }

    fn finish(self) -> Vec<Thread> {
        self.chats
            .into_iter()
            .flat_map(|(name, channel)| channel.finish(Some(&name)))
            .collect()
    }
}

/// A message worth reading, with what a conversation needs of it.
#[derive(Debug)]
struct Kept {
    id: String,
    reply_to: Option<String>,
    chat: Option<String>,
    author: String,
    text: String,
    created: chrono::DateTime<chrono::FixedOffset>,
    link: Option<String>,
}

/// The fields of a Graph `chatMessage` that are read.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawMessage {
    id: String,
    reply_to_id: Option<String>,
    message_type: Option<String>,
    /// Checked only for messages that are kept: system events may carry
    /// malformed times (Graph's own documentation shows one).
    created_date_time: String,
    /// Only its presence matters.
    deleted_date_time: Option<IgnoredAny>,
    chat_id: Option<String>,
    channel_identity: Option<ChannelIdentity>,
    from: Option<From>,
    body: Option<Body>,
    web_url: Option<String>,
    /// A channel root fetched with `$expand=replies`.
    replies: Option<Vec<RawMessage>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ChannelIdentity {
    channel_id: Option<String>,
}

#[derive(Debug, Deserialize)]
struct From {
    user: Option<Identity>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Identity {
    display_name: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Body {
    content_type: Option<String>,
    content: Option<String>,
}

/// A message and its expanded replies, those worth reading.
#[derive(Debug, Deserialize)]
#[serde(try_from = "RawMessage")]
struct Checked(Vec<Kept>);

impl TryFrom<RawMessage> for Checked {
    type Error = String;
    fn try_from(m: RawMessage) -> Result<Checked, String> {
        let mut kept = Vec::new();
        m.flatten_into(&mut kept)?;
        Ok(Checked(kept))
    }
}

impl RawMessage {
    /// Appends this message, if a person wrote it, then its replies.
    fn flatten_into(mut self, kept: &mut Vec<Kept>) -> Result<(), String> {
        let replies = self.replies.take().unwrap_or_default();
        let root = self.id.clone();
        kept.extend(self.kept()?);
        for mut reply in replies {
            reply.reply_to_id.get_or_insert_with(|| root.clone());
            reply.flatten_into(kept)?;
        }
        Ok(())
    }

    /// The message, unless it is a system event, deleted, empty or a bot's;
    /// an error if it is kept but its time is malformed.
    fn kept(self) -> Result<Option<Kept>, String> {
        let is_message = self
            .message_type
            .as_deref()
            .map_or(true, |t| t == "message");
        let user = self.from.and_then(|f| f.user);
        let (true, None, Some(user), Some(body)) =
            (is_message, &self.deleted_date_time, user, self.body)
        else {
            return Ok(None);
        };
        let author = user
            .display_name
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| "unknown".to_owned());
        let content = body.content.unwrap_or_default();
        let text = match body.content_type.as_deref() {
            Some(t) if t.eq_ignore_ascii_case("text") => content.trim().to_owned(),
            _ => html::to_text(&content),
        };
        if text.is_empty() {
            return Ok(None);
        }
        let created = Timestamp::parse(&self.created_date_time)
            .map_err(|e| format!("field `createdDateTime`: {e}"))?;
        let chat = self
            .chat_id
            .or_else(|| self.channel_identity.and_then(|c| c.channel_id));
        Ok(Some(Kept {
            id: self.id,
            reply_to: self.reply_to_id,
            chat,
            author,
            text,
            created: created.0,
            link: self.web_url,
        }))
    }
}

/// A Graph page: `value` streamed, everything else (`@odata.context`,
/// `@odata.nextLink`, `@odata.count`) skipped unread.
struct PageSeed<F>(F);

impl<'de, F: FnMut(Checked)> DeserializeSeed<'de> for PageSeed<F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, F: FnMut(Checked)> Visitor<'de> for PageSeed<F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a Microsoft Graph page: an object with a `value` array of chat messages")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        let mut saw_value = false;
        while let Some(key) = map.next_key::<String>()? {
            if key == "value" {
                saw_value = true;
                map.next_value_seed(EachElement::new(&mut self.0))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        if !saw_value {
            return Err(de::Error::missing_field("value"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
