//! The same conversations, written as a transcript, as Teams' copy-paste
//! text and as Slack, Discord and Teams exports, read back and analysed:
//! every format must give the same messages, score and verdict.

use std::fs;
use std::path::Path;

use serde_json::json;

use super::{read_path, Format};
use crate::threads::analysis::{analyze, DEFAULT_THRESHOLD};
use crate::threads::Thread;

/// One message: minute after 09:00, author, text.
type Line = (u32, &'static str, &'static str);

/// Writes every thread in one format into a folder.
type Writer = fn(&Path);

/// Six small conversations: (name, lines). The first three are tense, the
/// last three calm.
const THREADS: [(&str, &[Line]); 6] = [
    (
        "deploy-blame",
        &[
            (
                0,
                "Priya Patel",
                "Who merged this without review? Prod is down again.",
            ),
            (2, "Tom Berg", "Not me. Why is it always assumed it was me?"),
            (
                3,
                "Priya Patel",
                "Because it was your branch. This is the third time this month.",
            ),
            (
                9,
                "Tom Berg",
                "Fine. Whatever. I'm done arguing about this.",
            ),
        ],
    ),
    (
        "unanswered",
        &[
            (
                0,
                "Ana Lima",
                "Can someone please look at the failing billing job? Customers are waiting.",
            ),
            (
                30,
                "Ana Lima",
                "Anyone? This is urgent and nobody has answered.",
            ),
            (
                75,
                "Ana Lima",
                "Still no answer. I guess I'll just do it myself, as usual.",
            ),
        ],
    ),
    (
        "sarcasm",
        &[
            (
                0,
                "Bo Chen",
                "Great, another meeting that could have been an email.",
            ),
            (
                1,
                "Mei Tanaka",
                "Sure, because your last plan worked so well.",
            ),
            (2, "Bo Chen", "Wow. Thanks for the support, really helpful."),
            (4, "Mei Tanaka", "Seriously? You never listen anyway."),
        ],
    ),
    (
        "release-thanks",
        &[
            (0, "Jonas Weber", "Release 4.2 is out, thanks everyone!"),
            (1, "Priya Patel", "Great work, the rollout was smooth."),
            (2, "Tom Berg", "Thanks Jonas, nice job on the notes."),
        ],
    ),
    (
        "lunch",
        &[
            (0, "Mei Tanaka", "Lunch at noon at the usual place?"),
            (1, "Bo Chen", "Yes, see you there."),
            (2, "Ana Lima", "Count me in, thanks!"),
        ],
    ),
    (
        "review-done",
        &[
            (
                0,
                "Tom Berg",
                "Could you review my pull request when you have a moment?",
            ),
            (
                5,
                "Jonas Weber",
                "Done, left two small comments. Looks good to me.",
            ),
            (6, "Tom Berg", "Thanks, fixed both and merged."),
        ],
    ),
];

/// 2026-03-02T09:00:00Z plus `minute` minutes, in seconds.
fn epoch(minute: u32) -> i64 {
    1_772_442_000 + i64::from(minute) * 60
}

fn rfc3339(minute: u32) -> String {
    chrono::DateTime::from_timestamp(epoch(minute), 0)
        .unwrap()
        .to_rfc3339()
}

/// As Teams puts copied messages on the clipboard: `[9:02 AM] Name`, then
/// the text.
fn write_teams_copy_paste(dir: &Path) {
    for (name, lines) in THREADS {
        let text: String = lines
            .iter()
            .map(|(m, who, text)| format!("[{}:{:02} AM] {who}\n{text}\n\n", 9 + m / 60, m % 60))
            .collect();
        fs::write(dir.join(format!("{name}.txt")), text).unwrap();
    }
}

fn write_transcripts(dir: &Path) {
    for (name, lines) in THREADS {
        let text: String = lines
            .iter()
            .map(|(m, who, text)| format!("[{:02}:{:02}] {who}: {text}\n", 9 + m / 60, m % 60))
            .collect();
        fs::write(dir.join(format!("{name}.txt")), text).unwrap();
    }
}

/// Slack escapes `&`, `<` and `>` in message text.
fn slack_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn write_slack(dir: &Path) {
    let mut users = Vec::new();
    let mut channels = Vec::new();
    for (i, (name, lines)) in THREADS.iter().enumerate() {
        channels.push(json!({"id": format!("C{i}"), "name": name}));
        let day: Vec<_> = lines
            .iter()
            .map(|(m, who, text)| {
                let id = format!("U{}", who.replace(' ', ""));
                users.push(json!({"id": id, "name": who, "profile": {"real_name": who}}));
                json!({"type": "message", "user": id, "text": slack_escape(text),
                       "ts": format!("{}.000100", epoch(*m))})
            })
            .collect();
        fs::create_dir(dir.join(name)).unwrap();
        fs::write(
            dir.join(name).join("2026-03-02.json"),
            json!(day).to_string(),
        )
        .unwrap();
    }
    fs::write(dir.join("users.json"), json!(users).to_string()).unwrap();
    fs::write(dir.join("channels.json"), json!(channels).to_string()).unwrap();
}

fn write_discord(dir: &Path) {
    for (i, (name, lines)) in THREADS.iter().enumerate() {
        let messages: Vec<_> = lines
            .iter()
            .enumerate()
            .map(|(j, (m, who, text))| {
                json!({"id": format!("{i}{j}"), "type": "Default", "timestamp": rfc3339(*m),
                       "content": text, "author": {"id": who, "name": who, "nickname": who,
                       "isBot": false}})
            })
            .collect();
        let export = json!({"guild": {"id": "1", "name": "Ops"},
            "channel": {"id": format!("{i}"), "type": "GuildTextChat", "name": name},
            "messages": messages, "messageCount": lines.len()});
        fs::write(
            dir.join(format!("Ops - {name} [{i}].json")),
            export.to_string(),
        )
        .unwrap();
    }
}

fn write_teams(dir: &Path) {
    for (name, lines) in THREADS {
        // Graph pages list the newest message first.
        let value: Vec<_> = lines
            .iter()
            .enumerate()
            .rev()
            .map(|(j, (m, who, text))| {
                let html = format!("<p>{}</p>", slack_escape(text).replace('\'', "&#39;"));
                json!({"id": format!("{name}-{j}"), "replyToId": null, "messageType": "message",
                       "createdDateTime": rfc3339(*m), "deletedDateTime": null, "chatId": name,
                       "from": {"application": null, "user": {"id": who, "displayName": who}},
                       "body": {"contentType": "html", "content": html}})
            })
            .collect();
        let page = json!({"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#chats",
                          "value": value});
        fs::write(dir.join(format!("{name}.json")), page.to_string()).unwrap();
    }
}

/// Each thread read back, by its name (the transcript's file, the channel).
fn read_back(dir: &Path) -> Vec<(String, Thread)> {
    if dir.join(format!("{}.txt", THREADS[0].0)).is_file() {
        return THREADS
            .iter()
            .map(|(name, _)| {
                let path = dir.join(format!("{name}.txt"));
                let mut threads = read_path(&path, Format::Auto).unwrap();
                assert_eq!(threads.len(), 1);
                (name.to_string(), threads.remove(0))
            })
            .collect();
    }
    read_path(dir, Format::Auto)
        .unwrap()
        .into_iter()
        .map(|t| (t.channel.clone().unwrap_or_default(), t))
        .collect()
}

#[test]
fn every_format_gives_the_same_score_and_verdict() {
    let writers: [(Format, Writer); 5] = [
        (Format::Text, write_transcripts),
        (Format::Text, write_teams_copy_paste),
        (Format::Slack, write_slack),
        (Format::Discord, write_discord),
        (Format::Teams, write_teams),
    ];
    let mut verdicts: Vec<Vec<(f64, bool)>> = Vec::new();
    for (format, write) in writers {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path());
        let read = read_back(dir.path());
        assert_eq!(read.len(), THREADS.len(), "{format:?}");
        let mut per_thread = Vec::new();
        for (name, lines) in THREADS {
            let (_, thread) = read
                .iter()
                .find(|(n, _)| n == name)
                .unwrap_or_else(|| panic!("{format:?}: no thread {name}"));
            let got: Vec<(&str, &str)> = thread
                .messages
                .iter()
                .map(|m| (m.author.as_str(), m.text.as_str()))
                .collect();
            let want: Vec<(&str, &str)> = lines.iter().map(|(_, a, t)| (*a, *t)).collect();
            assert_eq!(got, want, "{format:?} {name}");
            let a = analyze(thread, DEFAULT_THRESHOLD);
            per_thread.push((a.score, a.ambiguous));
        }
        verdicts.push(per_thread);
    }
    for (format, v) in verdicts.iter().enumerate().skip(1) {
        assert_eq!(
            v, &verdicts[0],
            "format {format} differs from the transcript"
        );
    }
    let flagged: Vec<bool> = verdicts[0].iter().map(|(_, a)| *a).collect();
    assert_eq!(
        flagged,
        [true, true, true, false, false, false],
        "{verdicts:?}"
    );
}
