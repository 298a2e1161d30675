//! The readers on exports made by the real tools, kept in
//! `tests/threads/exports/` (origins in its SOURCES.md).

use std::fs;
use std::path::PathBuf;

use super::{read_path, Format};
use crate::threads::Thread;

fn exports(path: &str) -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/threads/exports")
        .join(path)
}

/// A conversation as its channel and its (author, text) pairs.
type Summary<'a> = (Option<&'a str>, Vec<(&'a str, &'a str)>);

fn summary(threads: &[Thread]) -> Vec<Summary<'_>> {
    threads
        .iter()
        .map(|t| {
            let messages = t
                .messages
                .iter()
                .map(|m| (m.author.as_str(), m.text.as_str()))
                .collect();
            (t.channel.as_deref(), messages)
        })
        .collect()
}

#[test]
fn graph_documentation_pages_read_as_a_chat_and_a_channel_thread() {
    let threads = read_path(&exports("teams/graph-docs"), Format::Auto).unwrap();
    // The image-only message has no text and the system event is skipped,
    // though its time is malformed in the documentation.
    assert_eq!(
        summary(&threads),
        [
            (
                Some("19:2da4c29f6d7041eca70b638b43d45437@thread.v2"),
                vec![("Robin Kline", "Hello world")]
            ),
            (
                Some("19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2"),
                vec![
                    ("Robin Kline", "Reply1"),
                    ("Robin Kline", "Reply2"),
                    ("Robin Kline", "Reply3")
                ]
            ),
        ]
    );
    let link = threads[1].messages[0].link.as_deref().unwrap();
    assert!(
        link.starts_with("https://teams.microsoft.com/l/message/"),
        "{link}"
    );
}

#[test]
fn a_real_discord_guild_export_of_bot_messages_reads_as_nothing() {
    let guild = exports("discord/dce-2.47.1-guild");
    assert_eq!(read_path(&guild, Format::Auto).unwrap(), []);
}

#[test]
fn a_real_discord_thread_joins_the_message_that_started_it() {
    // The same capture as if people had written it.
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(exports("discord/dce-2.47.1-guild")).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let by_people = text.replace("\"isBot\": true", "\"isBot\": false");
        fs::write(dir.path().join(path.file_name().unwrap()), by_people).unwrap();
    }
    let threads = read_path(dir.path(), Format::Auto).unwrap();
    let texts: Vec<Vec<&str>> = threads
        .iter()
        .map(|t| t.messages.iter().map(|m| m.text.as_str()).collect())
        .collect();
    // Ten messages in the channel, the thread's starter placeholder (type 21)
    // and `ThreadCreated` skipped; the thread's reply joins its anchor.
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert_eq!(texts[0].len(), 9);
    assert_eq!(
        texts[1],
        [
            "Message anchoring the thread reply chain. [ferry:msg-thread-anchor]",
            "First reply in the thread. [ferry:thread-cool]"
        ]
    );
    assert!(threads
        .iter()
        .all(|t| t.channel.as_deref() == Some("general")));
    assert!(threads[0]
        .messages
        .iter()
        .all(|m| m.author == "D-Ferry Test app"));
}

#[test]
fn a_channel_page_built_from_the_graph_shapes_reads_its_thread_and_the_rest() {
    let page = exports("teams/built-from-docs/channel-messages-expanded.json");
    let threads = read_path(&page, Format::Auto).unwrap();
    let channel = Some("19:3c7d2e5a9f1b4c6e8a0d2f4b6c8e0a1c@thread.tacv2");
    // The bot's reply, the deleted one and the system event are skipped.
    assert_eq!(
        summary(&threads),
        [
            (
                channel,
                vec![
                    (
                        "Priya Patel",
                        "Deploy of 4.2 is stuck at 40% & the canary is red. Tom Berg can you look?"
                    ),
                    (
                        "Tom Berg",
                        "On it. Rolling back first, then I'll check the logs."
                    ),
                    ("Mei Tanaka", "Thanks both ❤️"),
                    ("Tom Berg", "Rolled back.\nCanary is green again."),
                ]
            ),
            (channel, vec![("Mei Tanaka", "Lunch at noon?")]),
        ]
    );
}
