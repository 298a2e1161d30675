//! Discord exports in DiscordChatExporter's JSON format: `guild`, `channel`
//! and a `messages` array, streamed one message at a time.
//!
//! Each message's author is their server nickname, else their user name;
//! bots and everything but ordinary messages and replies (joins, pins, calls,
//! renames, thread creations…) are skipped, as are messages without text.
//! A reply (`reference.messageId`) joins the conversation of the message it
//! answers, a thread channel's messages that of the message starting the
//! thread (the thread's id); other messages form one conversation per day
//! (the day of the export's own timestamps). Messages link to
//! `https://discord.com/channels/<guild>/<channel>/<message>`.

use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::Path;

use chrono::{DateTime, FixedOffset, Utc};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use super::group::{Channel, Place};
use super::json::{self, EachElement, Timestamp};
use super::slack_markup::decode_shortcodes;
use crate::threads::{Message, Thread};
use crate::Result;

/// Message types people write; the others are server events.
const KEPT_TYPES: [&str; 2] = ["Default", "Reply"];

/// Reads a DiscordChatExporter JSON export from `reader`.
pub(super) fn read(path: &Path, reader: impl Read) -> Result<Vec<Thread>> {
    let mut server = Server::default();
    server.add(path, reader)?;
    Ok(server.finish())
}

/// Reads a folder of DiscordChatExporter JSON exports (a whole server; other
/// files are left alone):
/// the `[part N]` files of a channel, read in part order, are one channel,
/// and a thread channel's messages join its parent channel.
pub(super) fn read_folder(dir: &Path) -> Result<Vec<Thread>> {
    let mut files = super::folder::export_files(dir, super::folder::FolderKind::Discord)?;
    files.sort_by_cached_key(|f| part_order(f));
    let mut server = Server::default();
    for file in &files {
        server.add(file, super::open(file)?)?;
    }
    Ok(server.finish())
}

/// Sorts `Server - general [123] [part 2].json` after part 1 and before part 10.
fn part_order(file: &Path) -> (String, u64) {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let part = stem
        .rsplit_once(" [part ")
        .and_then(|(base, rest)| Some((base, rest.strip_suffix(']')?.parse().ok()?)));
    match part {
        Some((base, n)) => (base.to_owned(), n),
        None => (stem, 0),
    }
}

/// The conversations of one or more exports, gathered per channel.
#[derive(Debug, Default)]
struct Server {
    /// By channel id (a thread's under its parent channel), in reading order.
    channels: Vec<ServerChannel>,
    index: HashMap<String, usize>,
}

#[derive(Debug, Default)]
struct ServerChannel {
    name: Option<String>,
    conversations: Channel,
    /// The first message of each reply chain, by the id of every message in it.
    roots: HashMap<String, String>,
}

impl Server {
    /// Streams one export file into its channel.
    fn add(&mut self, path: &Path, reader: impl Read) -> Result<()> {
        let export = json::read_with(path, reader, ExportSeed)?;
        let guild = export.guild.map(|g| match g.id.as_str() {
            // Direct messages are exported under guild 0; Discord links them as @me.
            "0" | "" => "@me".to_owned(),
            _ => g.id,
        });
        let channel = export.channel.unwrap_or_default();
        let thread_of = channel.is_thread().then(|| channel.id.clone());
        let (key, name) = match (&thread_of, &channel.category_id) {
            (Some(_), Some(parent)) => (parent.clone(), channel.category.clone()),
            _ if channel.id.is_empty() => (path.display().to_string(), None),
            _ => (channel.id.clone(), channel.name.clone()),
        };
        let at = *self.index.entry(key).or_insert_with(|| {
            self.channels.push(ServerChannel::default());
            self.channels.len() - 1
        });
        let target = &mut self.channels[at];
        if target.name.is_none() {
            target.name = name;
        }
        for m in export.messages {
            let text = decode_shortcodes(&m.content);
            if text.trim().is_empty() {
                continue;
            }
            let link = match (&guild, channel.id.as_str()) {
                (Some(guild), id) if !id.is_empty() => Some(format!(
                    "https://discord.com/channels/{guild}/{id}/{}",
                    m.id
                )),
                _ => None,
            };
            let thread = thread_of.clone().or_else(|| {
                let parent = m.reference?;
                Some(target.roots.get(&parent).cloned().unwrap_or(parent))
            });
            if let Some(root) = &thread {
                target.roots.insert(m.id.clone(), root.clone());
            }
            // The day as the exporter saw it (its timestamps carry its offset).
            let place = Place {
                day: m.timestamp.format("%Y-%m-%d").to_string(),
                id: Some(m.id),
                thread,
            };
            target.conversations.push(
                place,
                Message {
                    author: m.author,
                    text,
                    ts: Some(m.timestamp.with_timezone(&Utc)),
                    link,
                },
            );
        }
        Ok(())
    }

    fn finish(self) -> Vec<Thread> {
        self.channels
            .into_iter()
            .flat_map(|c| c.conversations.finish(c.name.as_deref()))
            .collect()
    }
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
    /// The message it replies to.
    reference: Option<String>,
}

#[derive(Debug, Deserialize)]
struct RawGuild {
    id: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawChannel {
    id: String,
    #[serde(rename = "type")]
    kind: Option<String>,
    name: Option<String>,
    /// For a thread, its parent channel.
    category_id: Option<String>,
    category: Option<String>,
}

impl RawChannel {
    /// `GuildPublicThread`, `GuildPrivateThread`, `GuildNewsThread`.
    fn is_thread(&self) -> bool {
        self.kind.as_deref().is_some_and(|k| k.ends_with("Thread"))
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawReference {
    message_id: Option<String>,
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
    reference: Option<RawReference>,
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
            reference: self.reference.and_then(|r| r.message_id),
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
    fn reply(id: u32, to: u32, ts: &str, content: &str) -> String {
        message(id, "Reply", ts, content, false).replace(
            r#""author""#,
            &format!(r#""reference": {{"messageId": "{to}", "channelId": "5"}}, "author""#),
        )
    }

    fn texts(threads: &[Thread]) -> Vec<Vec<&str>> {
        threads
            .iter()
            .map(|t| t.messages.iter().map(|m| m.text.as_str()).collect())
            .collect()
    }

    fn sorted(mut threads: Vec<Thread>) -> Vec<Thread> {
        super::super::group::sort(&mut threads);
        threads
    }

    #[test]
    fn replies_and_replies_to_replies_join_the_first_message() {
        let json = export(&[
            message(1, "Default", "2026-03-02T09:00:00+00:00", "root", false),
            message(2, "Default", "2026-03-02T09:01:00+00:00", "aside", false),
            reply(3, 1, "2026-03-03T09:00:00+00:00", "answer"),
            reply(4, 3, "2026-03-03T09:01:00+00:00", "answer to answer"),
        ]);
        let threads = sorted(read_str(&json).unwrap());
        assert_eq!(
            texts(&threads),
            [vec!["root", "answer", "answer to answer"], vec!["aside"]]
        );
    }

    /// A channel export in the folder, as DiscordChatExporter names it.
    fn channel_file(channel: &str, messages: &[String]) -> String {
        format!(
            r#"{{"guild": {{"id": "1", "name": "Ops"}}, "channel": {channel},
                "messages": [{}]}}"#,
            messages.join(",")
        )
    }

    #[test]
    fn a_server_folder_joins_parts_and_threads_into_their_channel() {
        let dir = tempfile::tempdir().unwrap();
        let general = r#"{"id": "5", "type": "GuildTextChat", "name": "general"}"#;
        let thread = r#"{"id": "1", "type": "GuildPublicThread", "name": "db down",
                         "categoryId": "5", "category": "general"}"#;
        let random = r#"{"id": "6", "type": "GuildTextChat", "name": "random"}"#;
        let files = [
            (
                "Ops - general [5] [part 1].json",
                channel_file(
                    general,
                    &[
                        message(1, "Default", "2026-03-02T09:00:00+00:00", "db down", false),
                        message(
                            2,
                            "ThreadCreated",
                            "2026-03-02T09:00:01+00:00",
                            "db down",
                            false,
                        ),
                    ],
                ),
            ),
            (
                "Ops - general [5] [part 2].json",
                channel_file(
                    general,
                    &[message(
                        3,
                        "Default",
                        "2026-03-02T10:00:00+00:00",
                        "later",
                        false,
                    )],
                ),
            ),
            (
                "Ops - general - db down [1].json",
                channel_file(
                    thread,
                    &[message(
                        4,
                        "Default",
                        "2026-03-02T09:02:00+00:00",
                        "looking",
                        false,
                    )],
                ),
            ),
            (
                "Ops - random [6].json",
                channel_file(
                    random,
                    &[message(
                        5,
                        "Default",
                        "2026-03-02T09:30:00+00:00",
                        "lunch?",
                        false,
                    )],
                ),
            ),
            ("notes.txt", "not json".to_owned()),
        ];
        for (name, body) in files {
            std::fs::write(dir.path().join(name), body).unwrap();
        }
        let threads = sorted(read_folder(dir.path()).unwrap());
        assert_eq!(
            texts(&threads),
            [vec!["db down", "looking"], vec!["lunch?"], vec!["later"]]
        );
        let channels: Vec<_> = threads.iter().map(|t| t.channel.as_deref()).collect();
        assert_eq!(channels, [Some("general"), Some("random"), Some("general")]);
        assert_eq!(
            threads[0].messages[1].link.as_deref(),
            Some("https://discord.com/channels/1/1/4")
        );
    }

    #[test]
    fn parts_sort_by_number() {
        let order = |name: &str| part_order(Path::new(name));
        assert!(order("S - g [1] [part 2].json") < order("S - g [1] [part 10].json"));
        assert_eq!(order("S - g [1].json"), ("S - g [1]".to_owned(), 0));
    }
}
