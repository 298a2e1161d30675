//! Slack exports: a whole export folder (`users.json`, `channels.json`, one
//! folder per channel of `YYYY-MM-DD.json` day files) or a single day file.
//!
//! - Names come from `users.json` (real name, else display name, else user
//!   name), else from the message's own `user_profile`, else its `username`.
//! - Replies are grouped by `thread_ts` (the parent has `thread_ts == ts`);
//!   messages outside any thread form one conversation per channel and day.
//! - Joins, leaves, topic changes and the like, and bot messages (subtype
//!   `bot_message` or a `bot_id`) are skipped, as are messages left empty.
//! - A message's `text` is its current text (an edited message carries the
//!   edit in `text`, the `edited` field only says when); when `text` is
//!   blank its `blocks` rich text is read instead (see `rich_text`). A
//!   message with nothing but files has no text and is skipped.
//! - Text is decoded by [`slack_markup`](super::slack_markup); each message
//!   links back to `https://slack.com/archives/<channel id>/p<ts>` when the
//!   channel id is known.

use std::fmt;
use std::fs;
use std::io::Read;
use std::path::Path;

use chrono::{DateTime, TimeZone, Utc};
use rayon::prelude::*;
use serde::de::{self, Deserializer, IgnoredAny, Visitor};
use serde::Deserialize;

use super::group::{Channel, Place};
use super::slack_markup::{decode, Directory, Names};
use super::{json, open};
use crate::threads::{Message, Thread};
use crate::{Error, Result};

/// The files naming a folder's conversations: public channels, private
/// channels, group and direct messages.
const CHANNEL_LISTS: [&str; 4] = ["channels.json", "groups.json", "mpims.json", "dms.json"];

/// Reads a whole export folder. Names come from `users.json` when it is
/// there, else from the messages; its conversations are those of the channel
/// lists, else every sub-folder (named by the folder).
pub(super) fn read_folder(dir: &Path) -> Result<Vec<Thread>> {
    let users_file = dir.join("users.json");
    let mut directory = Directory::default();
    if users_file.is_file() {
        read_users(&users_file, &mut directory)?;
    }
    let channels = channel_folders(dir, &mut directory)?;
    // Channels are independent: read them on every core, then report the
    // first failing channel in list order, as a sequential read would.
    let per_channel: Vec<Result<Vec<Thread>>> = channels
        .par_iter()
        .map(|ch| read_channel(dir, ch, &directory))
        .collect();
    let mut threads = Vec::new();
    for channel in per_channel {
        threads.extend(channel?);
    }
    Ok(threads)
}

/// Reads a channel's day files in date order; names learned from message
/// profiles carry over from one day to the next.
fn read_channel(dir: &Path, ch: &ChannelFolder, directory: &Directory) -> Result<Vec<Thread>> {
    let mut days = super::folder::json_files(&dir.join(&ch.folder))?;
    days.sort();
    let mut names = Names::new(directory);
    let mut conversations = Channel::default();
    for day in &days {
        let source = Source {
            channel_id: ch.id.as_deref(),
            day: date_stem(day),
        };
        read_day(day, open(day)?, &source, &mut names, &mut conversations)?;
    }
    Ok(conversations.finish(Some(&ch.name)))
}

/// Reads one day file. When it sits in a channel folder of an export, the
/// export's `users.json` and `channels.json` name its people and channel.
pub(super) fn read_day_file(path: &Path) -> Result<Vec<Thread>> {
    let mut directory = Directory::default();
    let mut channel: Option<ChannelFolder> = None;
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
    let export = folder.and_then(Path::parent).map(|p| {
        if p.as_os_str().is_empty() {
            Path::new(".")
        } else {
            p
        }
    });
    if let (Some(folder), Some(export)) = (folder, export) {
        let users_file = export.join("users.json");
        if users_file.is_file() {
            read_users(&users_file, &mut directory)?;
            let folder_name = folder.file_name().map(|n| n.to_string_lossy().into_owned());
            channel = channel_folders(export, &mut directory)?
                .into_iter()
                .find(|c| Some(&c.folder) == folder_name.as_ref())
                .or_else(|| {
                    folder_name.map(|name| ChannelFolder {
                        id: None,
                        folder: name.clone(),
                        name,
                    })
                });
        }
    }
    let mut conversations = Channel::default();
    let source = Source {
        channel_id: channel.as_ref().and_then(|c| c.id.as_deref()),
        day: date_stem(path),
    };
    let mut names = Names::new(&directory);
    read_day(path, open(path)?, &source, &mut names, &mut conversations)?;
    Ok(conversations.finish(channel.as_ref().map(|c| c.name.as_str())))
}

/// Reads a day file's JSON array from any reader (a pasted or piped one).
pub(super) fn read_day_from(name: &Path, reader: impl Read) -> Result<Vec<Thread>> {
    let directory = Directory::default();
    let mut names = Names::new(&directory);
    let mut conversations = Channel::default();
    let source = Source {
        channel_id: None,
        day: None,
    };
    read_day(name, reader, &source, &mut names, &mut conversations)?;
    Ok(conversations.finish(None))
}

/// Where a day file's messages come from.
struct Source<'a> {
    channel_id: Option<&'a str>,
    /// The day of the file's name, when it is `YYYY-MM-DD.json`.
    day: Option<String>,
}

/// Streams one day file's messages into `conversations`, learning names from
/// `user_profile` for the mentions of later messages.
fn read_day(
    path: &Path,
    reader: impl Read,
    source: &Source<'_>,
    names: &mut Names<'_>,
    conversations: &mut Channel,
) -> Result<()> {
    let mut kept: Vec<RawMessage> = Vec::new();
    json::each_in_array(path, reader, |m: RawMessage| {
        if m.is_written_by_a_person() {
            kept.push(m);
        }
    })?;
    for m in &kept {
        if let (Some(user), Some(name)) = (&m.user, m.user_profile.as_ref().and_then(Profile::name))
        {
            if names.user(user).is_none() {
                names.learned.insert(user.clone(), name.to_owned());
            }
        }
    }
    for m in kept {
        let text = decode(&m.markup(), names);
        if text.trim().is_empty() {
            continue;
        }
        let place = Place {
            day: source
                .day
                .clone()
                .unwrap_or_else(|| m.ts.time.format("%Y-%m-%d").to_string()),
            id: Some(m.ts.raw.clone()),
            thread: m.thread_ts.as_ref().map(|t| t.raw.clone()),
        };
        let message = Message {
            author: m.author(names),
            link: source
                .channel_id
                .map(|id| link(id, &m.ts, m.thread_ts.as_ref())),
            ts: Some(m.ts.time),
            text,
        };
        conversations.push(place, message);
    }
    Ok(())
}

/// `https://slack.com/archives/C1/p1772442000000100`, with the thread for a reply.
fn link(channel_id: &str, ts: &SlackTs, thread_ts: Option<&SlackTs>) -> String {
    let mut url = format!(
        "https://slack.com/archives/{channel_id}/p{}",
        ts.raw.replace('.', "")
    );
    if let Some(parent) = thread_ts.filter(|p| p.raw != ts.raw) {
        url.push_str(&format!("?thread_ts={}&cid={channel_id}", parent.raw));
    }
    url
}

/// `2026-03-02` from `…/2026-03-02.json`.
fn date_stem(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    chrono::NaiveDate::parse_from_str(stem, "%Y-%m-%d")
        .ok()
        .map(|_| stem.to_owned())
}

/// A conversation's folder in the export.
#[derive(Debug, Clone, PartialEq)]
struct ChannelFolder {
    id: Option<String>,
    name: String,
    folder: String,
}

/// The conversations named by the channel lists (recording their names for
/// `<#C1>` mentions), else every sub-folder, in the lists' order.
fn channel_folders(dir: &Path, directory: &mut Directory) -> Result<Vec<ChannelFolder>> {
    let mut folders = Vec::new();
    let mut any_list = false;
    for list in CHANNEL_LISTS {
        let path = dir.join(list);
        if !path.is_file() {
            continue;
        }
        any_list = true;
        json::each_in_array(&path, open(&path)?, |c: RawChannel| {
            // Direct messages have no name: their folder is named by id.
            let name = c
                .name
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| c.id.clone());
            directory.channels.insert(c.id.clone(), name.clone());
            folders.push(ChannelFolder {
                folder: name.clone(),
                id: Some(c.id),
                name,
            });
        })?;
    }
    if !any_list {
        let entries = fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
        for entry in entries {
            let path = entry.map_err(|e| Error::io(dir, e))?.path();
            if path.is_dir() {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                folders.extend(name.map(|name| ChannelFolder {
                    id: None,
                    folder: name.clone(),
                    name,
                }));
            }
        }
        folders.sort_by(|a, b| a.folder.cmp(&b.folder));
    }
    Ok(folders)
}

/// Records every user's name from `users.json`.
fn read_users(path: &Path, directory: &mut Directory) -> Result<()> {
    json::each_in_array(path, open(path)?, |u: RawUser| {
        if let Some(name) = u.name() {
            directory.users.insert(u.id, name);
        }
    })
}

/// The fields of `users.json` entries that are read.
#[derive(Debug, Deserialize)]
struct RawUser {
    id: String,
    name: Option<String>,
    real_name: Option<String>,
    profile: Option<Profile>,
}

impl RawUser {
    /// Real name, else display name, else user name.
    fn name(&self) -> Option<String> {
        let profile = self.profile.as_ref();
        [
            profile.and_then(|p| p.real_name.as_deref()),
            self.real_name.as_deref(),
            profile.and_then(|p| p.display_name.as_deref()),
            self.name.as_deref(),
        ]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|n| !n.is_empty())
        .map(str::to_owned)
    }
}

/// A user profile, in `users.json` or embedded in a message.
#[derive(Debug, Deserialize)]
struct Profile {
    real_name: Option<String>,
    display_name: Option<String>,
    name: Option<String>,
}

impl Profile {
    /// Real name, else display name, else user name.
    fn name(&self) -> Option<&str> {
        [&self.real_name, &self.display_name, &self.name]
            .into_iter()
            .flatten()
            .map(|n| n.trim())
            .find(|n| !n.is_empty())
    }
}

/// The fields of a channel list entry that are read.
#[derive(Debug, Deserialize)]
struct RawChannel {
    id: String,
    name: Option<String>,
}

/// The fields of a message that are read; the rest is skipped unread.
#[derive(Debug, Deserialize)]
struct RawMessage {
    #[serde(rename = "type")]
    kind: Option<Kind>,
    subtype: Option<Subtype>,
    user: Option<String>,
    username: Option<String>,
    /// Only its presence matters (read without keeping it).
    bot_id: Option<IgnoredAny>,
    #[serde(default)]
    hidden: bool,
    text: Option<String>,
    /// Rich text, read when `text` is blank.
    blocks: Option<Vec<rich_text::Element>>,
    ts: SlackTs,
    thread_ts: Option<SlackTs>,
    user_profile: Option<Profile>,
}

impl RawMessage {
    /// True if and only if a person wrote it: not a join, leave or other
    /// channel event, and not from a bot.
    fn is_written_by_a_person(&self) -> bool {
        let is_message = matches!(self.kind, None | Some(Kind::Message));
        let kept_subtype = !matches!(self.subtype, Some(Subtype::Other));
        is_message && kept_subtype && self.bot_id.is_none() && !self.hidden
    }

    /// The message's markup: its `text` (the current one, for an edited
    /// message), else its rich text blocks.
    fn markup(&self) -> String {
        match (&self.text, &self.blocks) {
            (Some(text), _) if !text.trim().is_empty() => text.clone(),
            (_, Some(blocks)) => rich_text::to_markup(blocks),
            _ => String::new(),
        }
    }

    fn author(&self, names: &Names<'_>) -> String {
        let known = self.user.as_deref().and_then(|u| names.user(u));
        let from_profile = self.user_profile.as_ref().and_then(Profile::name);
        known
            .or(from_profile)
            .or(self.username.as_deref().filter(|n| !n.trim().is_empty()))
            .or(self.user.as_deref())
            .unwrap_or("unknown")
            .to_owned()
    }
}

/// A message's `type`: only `message` is read.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Message,
    #[serde(other)]
    Other,
}

/// Subtypes that are messages people wrote; every other subtype (joins,
/// leaves, topic changes, bot messages, pins…) is skipped.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Subtype {
    ThreadBroadcast,
    MeMessage,
    FileShare,
    #[serde(other)]
    Other,
}

/// A Slack timestamp, `"1772442000.000100"`: seconds and microseconds,
/// also the message's id within its channel.
#[derive(Debug, Clone, PartialEq)]
struct SlackTs {
    raw: String,
    time: DateTime<Utc>,
}

impl SlackTs {
    fn parse(raw: &str) -> Option<SlackTs> {
        let (secs, frac) = raw.split_once('.').unwrap_or((raw, "0"));
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(secs) || !digits(frac) || frac.len() > 9 {
            return None;
        }
        let secs: i64 = secs.parse().ok()?;
        let nanos: u32 = format!("{frac:0<9}").parse().ok()?;
        let time = Utc.timestamp_opt(secs, nanos).single()?;
        Some(SlackTs {
            raw: raw.to_owned(),
            time,
        })
    }
}

impl<'de> Deserialize<'de> for SlackTs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TsVisitor;
        impl Visitor<'_> for TsVisitor {
            type Value = SlackTs;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a Slack timestamp such as \"1772442000.000100\"")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<SlackTs, E> {
                SlackTs::parse(s).ok_or_else(|| {
                    E::custom(format!(
                        "`{s}` is not a Slack timestamp such as \"1772442000.000100\""
                    ))
                })
            }
        }
        d.deserialize_str(TsVisitor)
    }
}

mod rich_text;

#[cfg(test)]
mod tests;
