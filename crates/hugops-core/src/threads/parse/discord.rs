//! Discord exports in DiscordChatExporter's JSON format: `guild`, `channel`
//! and a `messages` array, streamed one message at a time.
//!
//! Each message's author is their server nickname, else their user name;
//! bots and everything but ordinary messages and replies (joins, pins, calls,
//! renames…) are skipped, as are messages without text. Messages form one
//! conversation per day (the day of the export's own timestamps) and link to
//! `https://discord.com/channels/<guild>/<channel>/<message>`.

use std::fmt;
use std::io::Read;
use std::path::Path;

use chrono::{DateTime, FixedOffset, Utc};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use super::group::{Channel, Place};
use super::json::{self, EachElement};
use super::slack_markup::decode_shortcodes;
use crate::threads::{Message, Thread};
use crate::Result;

/// Message types people write; the others are server events.
const KEPT_TYPES: [&str; 2] = ["Default", "Reply"];

/// Reads a DiscordChatExporter JSON export from `reader`.
pub(super) fn read(path: &Path, reader: impl Read) -> Result<Vec<Thread>> {
    let export = json::read_with(path, reader, ExportSeed)?;
    let guild = export.guild.map(|g| match g.id.as_str() {
        // Direct messages are exported under guild 0; Discord links them as @me.
        "0" | "" => "@me".to_owned(),
        _ => g.id,
    });
    let channel_id = export.channel.as_ref().map(|c| c.id.as_str());
    let mut conversations = Channel::default();
    for m in export.messages {
        let text = decode_shortcodes(&m.content);
        if text.trim().is_empty() {
            continue;
        }
        let link = match (&guild, channel_id) {
            (Some(guild), Some(channel)) => Some(format!(
                "https://discord.com/channels/{guild}/{channel}/{}",
                m.id
            )),
            _ => None,
        };
        // The day as the exporter saw it (its timestamps carry its offset).
        let place = Place {
            day: m.timestamp.format("%Y-%m-%d").to_string(),
            id: None,
            thread: None,
        };
        conversations.push(
            place,
            Message {
                author: m.author,
                text,
                ts: Some(m.timestamp.with_timezone(&Utc)),
                link,
            },
        );
    }
    let channel_name = export.channel.and_then(|c| c.name);
    Ok(conversations.finish(channel_name.as_deref()))
}

/// The parts of an export that are kept.
#[derive(Debug, Default)]
struct Export {
    guild: Option<RawGuild>,
    channel: Option<RawChannel>,
    messages: Vec<Kept>,
}

/// A message worth reading, with what a conversation needs of it.
#[derive(Debug)]
struct Kept {
    id: String,
    author: String,
    content: String,
    timestamp: DateTime<FixedOffset>,
}

#[derive(Debug, Deserialize)]
struct RawGuild {
    id: String,
}

#[derive(Debug, Deserialize)]
struct RawChannel {
    id: String,
    name: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawMessage {
    id: String,
    #[serde(rename = "type")]
    kind: Option<String>,
    timestamp: Timestamp,
    content: Option<String>,
    author: RawAuthor,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawAuthor {
    name: Option<String>,
    nickname: Option<String>,
    is_bot: Option<bool>,
}

impl RawMessage {
    /// The message, unless a bot or a server event wrote it.
    fn kept(self) -> Option<Kept> {
        let by_person = self
            .kind
            .as_deref()
            .map_or(true, |k| KEPT_TYPES.contains(&k))
            && self.author.is_bot != Some(true);
        let author = [self.author.nickname, self.author.name]
            .into_iter()
            .flatten()
            .find(|n| !n.trim().is_empty())
            .unwrap_or_else(|| "unknown".to_owned());
        by_person.then(|| Kept {
            id: self.id,
            author,
            content: self.content.unwrap_or_default(),
            timestamp: self.timestamp.0,
        })
    }
}

/// An RFC 3339 time, as DiscordChatExporter writes them.
#[derive(Debug)]
struct Timestamp(DateTime<FixedOffset>);

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        DateTime::parse_from_rfc3339(&s)
            .map(Timestamp)
            .map_err(|_| {
                de::Error::custom(format!(
                    "`{s}` is not a time such as 2026-03-02T09:00:00.000+00:00"
                ))
            })
    }
}

/// The top-level object: `guild` and `channel` kept, `messages` streamed,
/// everything else skipped unread.
struct ExportSeed;

impl<'de> DeserializeSeed<'de> for ExportSeed {
    type Value = Export;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Export, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ExportSeed {
    type Value = Export;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a DiscordChatExporter export: an object with `channel` and `messages`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Export, A::Error> {
        let mut export = Export::default();
        let mut saw_messages = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "guild" => export.guild = map.next_value()?,
                "channel" => export.channel = map.next_value()?,
                "messages" => {
                    saw_messages = true;
                    let messages = &mut export.messages;
                    map.next_value_seed(EachElement::new(|m: RawMessage| {
                        messages.extend(m.kept());
                    }))?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if !saw_messages {
            return Err(de::Error::missing_field("messages"));
        }
        Ok(export)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str =
        include_str!("../../../../../tests/cli/fixtures/threads/discord-export.json");

    fn read_str(json: &str) -> Result<Vec<Thread>> {
        read(Path::new("d.json"), json.as_bytes())
    }

    #[test]
    fn sample_reads_as_one_conversation_with_nicknames_and_links() {
        let threads = read_str(SAMPLE).unwrap();
        assert_eq!(threads.len(), 1);
        let t = &threads[0];
        assert_eq!(t.channel.as_deref(), Some("on-call"));
        assert_eq!(t.messages.len(), 4);
        assert_eq!(t.messages[0].author, "Kiri");
        assert_eq!(t.messages[3].text, "thanks Kiri 🙌 #hugops");
        assert_eq!(
            t.messages[0].link.as_deref(),
            Some("https://discord.com/channels/1/2/10")
        );
        assert_eq!(
            t.first_ts().map(crate::clock::format_instant).as_deref(),
            Some("2026-03-02T09:00:00Z")
        );
    }

    fn message(id: u32, kind: &str, ts: &str, content: &str, bot: bool) -> String {
        format!(
            r#"{{"id": "{id}", "type": "{kind}", "timestamp": "{ts}", "content": {content:?},
               "author": {{"id": "9", "name": "sam", "nickname": null, "isBot": {bot}}}}}"#
        )
    }

    fn export(messages: &[String]) -> String {
        format!(
            r#"{{"guild": {{"id": "0"}}, "channel": {{"id": "5", "name": "dm"}},
                "messages": [{}], "messageCount": 0}}"#,
            messages.join(",")
        )
    }

    #[test]
    fn events_bots_and_empty_messages_are_skipped() {
        let json = export(&[
            message(1, "GuildMemberJoin", "2026-03-02T09:00:00+00:00", "", false),
            message(
                2,
                "ChannelPinnedMessage",
                "2026-03-02T09:01:00+00:00",
                "pinned",
                false,
            ),
            message(3, "Default", "2026-03-02T09:02:00+00:00", "beep", true),
            message(4, "Default", "2026-03-02T09:03:00+00:00", "   ", false),
            message(
                5,
                "Reply",
                "2026-03-02T09:04:00+00:00",
                "real :tada:",
                false,
            ),
        ]);
        let threads = read_str(&json).unwrap();
        assert_eq!(threads.len(), 1);
        let m = &threads[0].messages;
        assert_eq!(m.len(), 1);
        assert_eq!(
            (m[0].author.as_str(), m[0].text.as_str()),
            ("sam", "real 🎉")
        );
        assert_eq!(
            m[0].link.as_deref(),
            Some("https://discord.com/channels/@me/5/5")
        );
    }

    #[test]
    fn one_conversation_per_day_of_the_export_offset() {
        let json = export(&[
            message(1, "Default", "2026-03-02T23:30:00+02:00", "late", false),
            message(2, "Default", "2026-03-03T00:30:00+02:00", "next day", false),
            message(3, "Default", "2026-03-02T08:00:00+02:00", "early", false),
        ]);
        let threads = read_str(&json).unwrap();
        let texts: Vec<Vec<&str>> = threads
            .iter()
            .map(|t| t.messages.iter().map(|m| m.text.as_str()).collect())
            .collect();
        assert_eq!(texts, [vec!["early", "late"], vec!["next day"]]);
    }

    #[test]
    fn bad_exports_name_the_field() {
        let e = read_str(r#"{"channel": {"id": "1"}}"#).unwrap_err();
        assert!(e.to_string().contains("field `messages`"), "{e}");
        let json = export(&[message(1, "Default", "yesterday", "hi", false)]);
        let e = read_str(&json).unwrap_err();
        assert!(e.to_string().contains("field `messages.timestamp`"), "{e}");
        let e = read_str(r#"{"messages": [{"id": "1", "timestamp": "2026-03-02T09:00:00Z"}]}"#)
            .unwrap_err();
        assert!(e.to_string().contains("field `messages.author`"), "{e}");
        let e = read_str("{\"messages\": [\n{\"id\": 1}]}").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("d.json: line 2: field `messages.id`"),
            "{e}"
        );
    }

    #[test]
    fn without_guild_or_channel_there_is_no_link() {
        let json = format!(
            "{{\"messages\": [{}]}}",
            message(1, "Default", "2026-03-02T09:00:00Z", "hi", false)
        );
        let threads = read_str(&json).unwrap();
        assert_eq!(threads[0].messages[0].link, None);
        assert_eq!(threads[0].channel, None);
    }
}
