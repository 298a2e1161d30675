use std::fs;
use std::path::PathBuf;

use tempfile::TempDir;

use super::*;

/// The sample export shipped with the CLI tests.
fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cli/fixtures/threads/slack-export")
}

fn texts(t: &Thread) -> Vec<&str> {
    t.messages.iter().map(|m| m.text.as_str()).collect()
}

/// One Slack message as JSON.
fn msg(user: &str, ts: &str, extra: &str, text: &str) -> String {
    format!(r#"{{"type": "message", "user": "{user}", "ts": "{ts}", "text": {text:?}{extra}}}"#)
}

/// An export folder: users U1 (Ana Lima) and U2 (Bo), channel C1 `general`
/// with the given day files.
fn export(days: &[(&str, Vec<String>)]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("users.json"),
        r#"[{"id": "U1", "name": "ana", "profile": {"real_name": "Ana Lima", "display_name": "ana.l"}},
            {"id": "U2", "name": "bo", "profile": {"real_name": "", "display_name": ""}}]"#,
    )
    .unwrap();
    fs::write(
        dir.path().join("channels.json"),
        r#"[{"id": "C1", "name": "general"}]"#,
    )
    .unwrap();
    fs::create_dir(dir.path().join("general")).unwrap();
    for (day, messages) in days {
        let body = format!("[{}]", messages.join(",\n"));
        fs::write(dir.path().join("general").join(format!("{day}.json")), body).unwrap();
    }
    dir
}

#[test]
fn sample_export_reads_one_thread_with_names_decoding_and_links() {
    let threads = read_folder(&sample()).unwrap();
    assert_eq!(threads.len(), 1);
    let t = &threads[0];
    assert_eq!(t.channel.as_deref(), Some("release-planning"));
    // Seven messages: the join is skipped.
    assert_eq!(t.messages.len(), 7);
    assert_eq!(t.participants(), 3);
    assert_eq!(t.messages[0].author, "Jonas Weber");
    assert_eq!(t.messages[4].author, "Mei Tanaka");
    assert_eq!(
        t.messages[4].text,
        "I read it as Thursday release 😅 release doc"
    );
    assert!(t.messages[6].text.starts_with("@Jonas Weber sorry,"));
    assert_eq!(
        t.messages[0].link.as_deref(),
        Some("https://slack.com/archives/C01REL/p1772442000000100")
    );
    assert_eq!(
        t.messages[1].link.as_deref(),
        Some("https://slack.com/archives/C01REL/p1772442300000200?thread_ts=1772442000.000100&cid=C01REL")
    );
    assert_eq!(
        t.first_ts().map(crate::clock::format_instant).as_deref(),
        Some("2026-03-02T09:00:00Z")
    );
}

#[test]
fn a_day_file_inside_an_export_reads_like_the_export() {
    let day = sample().join("release-planning/2026-03-02.json");
    assert_eq!(
        read_day_file(&day).unwrap(),
        read_folder(&sample()).unwrap()
    );
}

#[test]
fn a_lone_day_file_uses_user_profiles() {
    let dir = tempfile::tempdir().unwrap();
    let day = dir.path().join("2026-03-02.json");
    fs::copy(sample().join("release-planning/2026-03-02.json"), &day).unwrap();
    let threads = read_day_file(&day).unwrap();
    assert_eq!(threads.len(), 1);
    let t = &threads[0];
    assert_eq!(t.channel, None);
    assert_eq!(t.messages.len(), 7);
    assert_eq!(t.messages[1].author, "Amara Okafor");
    // The mention was learned from an earlier message's profile.
    assert!(t.messages[6].text.starts_with("@Jonas Weber sorry,"));
    assert!(t.messages.iter().all(|m| m.link.is_none()));
}

#[test]
fn loose_messages_group_by_day_and_replies_by_thread() {
    let dir = export(&[
        (
            "2026-03-02",
            vec![
                msg("U1", "1772442000.000100", "", "morning all"),
                msg(
                    "U2",
                    "1772442060.000100",
                    r#", "thread_ts": "1772442060.000100""#,
                    "question?",
                ),
                msg(
                    "U1",
                    "1772442120.000100",
                    r#", "thread_ts": "1772442060.000100""#,
                    "answer",
                ),
                msg("U1", "1772442180.000100", "", "lunch?"),
            ],
        ),
        (
            "2026-03-03",
            vec![
                msg(
                    "U2",
                    "1772528400.000100",
                    r#", "thread_ts": "1772442060.000100""#,
                    "late reply",
                ),
                msg("U2", "1772528460.000100", "", "new day"),
            ],
        ),
    ]);
    let threads = read_folder(dir.path()).unwrap();
    let all: Vec<Vec<&str>> = threads.iter().map(texts).collect();
    assert_eq!(
        all,
        [
            vec!["morning all", "lunch?"],
            vec!["question?", "answer", "late reply"],
            vec!["new day"],
        ]
    );
    assert_eq!(threads[0].messages[0].author, "Ana Lima");
    // No real name: the user name stands in.
    assert_eq!(threads[1].messages[0].author, "bo");
}

#[test]
fn events_bots_and_empty_messages_are_skipped() {
    let dir = export(&[(
        "2026-03-02",
        vec![
            msg(
                "U1",
                "1.0",
                r#", "subtype": "channel_join""#,
                "<@U1> has joined",
            ),
            msg(
                "U1",
                "2.0",
                r#", "subtype": "channel_leave""#,
                "<@U1> has left",
            ),
            msg(
                "U1",
                "3.0",
                r#", "subtype": "channel_topic""#,
                "set the topic",
            ),
            msg("B1", "4.0", r#", "subtype": "bot_message""#, "build passed"),
            msg("U2", "5.0", r#", "bot_id": "B9""#, "deploy bot"),
            msg("U2", "6.0", "", ""),
            r#"{"type": "message", "user": "U2", "ts": "6.5"}"#.to_owned(),
            msg("U1", "7.0", r#", "subtype": "thread_broadcast""#, "kept"),
            msg("U1", "8.0", r#", "subtype": "me_message""#, "waves"),
            msg("U1", "9.0", r#", "bot_id": null"#, "null bot id is no bot"),
        ],
    )]);
    let threads = read_folder(dir.path()).unwrap();
    assert_eq!(threads.len(), 1);
    assert_eq!(
        texts(&threads[0]),
        ["kept", "waves", "null bot id is no bot"]
    );
}

#[test]
fn without_users_json_names_come_from_the_messages() {
    let profile = r#", "user_profile": {"real_name": "Ana From Profile"}"#;
    let dir = export(&[(
        "2026-03-02",
        vec![
            msg("U1", "10.0", profile, "hi"),
            msg("U2", "11.0", "", "yo"),
        ],
    )]);
    fs::remove_file(dir.path().join("users.json")).unwrap();
    let threads = read_folder(dir.path()).unwrap();
    let authors: Vec<&str> = threads[0]
        .messages
        .iter()
        .map(|m| m.author.as_str())
        .collect();
    assert_eq!(authors, ["Ana From Profile", "U2"]);
}

#[test]
fn without_channel_lists_every_sub_folder_is_a_channel() {
    let dir = export(&[("2026-03-02", vec![msg("U1", "10.0", "", "hi")])]);
    fs::remove_file(dir.path().join("channels.json")).unwrap();
    fs::create_dir(dir.path().join("empty")).unwrap();
    let threads = read_folder(dir.path()).unwrap();
    assert_eq!(threads.len(), 1);
    assert_eq!(threads[0].channel.as_deref(), Some("general"));
    assert_eq!(threads[0].messages[0].link, None);
}

#[test]
fn direct_messages_are_read_from_folders_named_by_id() {
    let dir = export(&[]);
    fs::write(
        dir.path().join("dms.json"),
        r#"[{"id": "D7", "members": ["U1", "U2"]}]"#,
    )
    .unwrap();
    fs::create_dir(dir.path().join("D7")).unwrap();
    fs::write(
        dir.path().join("D7/2026-03-02.json"),
        format!("[{}]", msg("U2", "10.0", "", "see <#C1>")),
    )
    .unwrap();
    let threads = read_folder(dir.path()).unwrap();
    assert_eq!(threads.len(), 1);
    assert_eq!(threads[0].channel.as_deref(), Some("D7"));
    assert_eq!(threads[0].messages[0].text, "see #general");
}

#[test]
fn bad_timestamps_and_missing_fields_name_file_line_and_field() {
    let dir = export(&[(
        "2026-03-02",
        vec![msg("U1", "1.0", "", "ok"), msg("U1", "soon", "", "bad")],
    )]);
    let e = read_folder(dir.path()).unwrap_err().to_string();
    assert!(
        e.contains("2026-03-02.json: line 2: field `ts`: `soon` is not a Slack timestamp"),
        "{e}"
    );

    let dir = export(&[(
        "2026-03-02",
        vec![r#"{"type": "message", "text": "no ts"}"#.into()],
    )]);
    let e = read_folder(dir.path()).unwrap_err().to_string();
    assert!(e.contains("line 1: field `ts`: missing field `ts`"), "{e}");

    let dir = export(&[(
        "2026-03-02",
        vec![msg("U1", "1.0", r#", "user_profile": 7"#, "x")],
    )]);
    let e = read_folder(dir.path()).unwrap_err().to_string();
    assert!(e.contains("field `user_profile`: invalid type"), "{e}");

    let dir = export(&[]);
    fs::write(
        dir.path().join("users.json"),
        "[{\"id\": \"U1\"},\n{\"name\": 3}]",
    )
    .unwrap();
    let e = read_folder(dir.path()).unwrap_err().to_string();
    assert!(e.contains("users.json: line 2: field `name`"), "{e}");
}

#[test]
fn timestamps_parse_exactly() {
    let ts = SlackTs::parse("1772442000.000100").unwrap();
    assert_eq!(ts.time.timestamp(), 1772442000);
    assert_eq!(ts.time.timestamp_subsec_micros(), 100);
    assert!(SlackTs::parse("1772442000").is_some());
    for bad in [
        "",
        ".5",
        "1.",
        "1.2.3",
        "-1.0",
        "1e9",
        "99999999999999999999.0",
        "1.0000000001",
    ] {
        assert!(SlackTs::parse(bad).is_none(), "{bad}");
    }
}

#[test]
fn blank_text_reads_the_rich_text_blocks() {
    let blocks = r#", "blocks": [{"type": "rich_text", "block_id": "x", "elements": [
        {"type": "rich_text_section", "elements": [
            {"type": "user", "user_id": "U2"}, {"type": "text", "text": " see "},
            {"type": "channel", "channel_id": "C1"}, {"type": "text", "text": " & "},
            {"type": "link", "url": "https://example.org", "text": "the doc"},
            {"type": "emoji", "name": "thumbsup", "unicode": "1f44d", "skin_tone": 2}]},
        {"type": "rich_text_list", "style": "bullet", "elements": [
            {"type": "rich_text_section", "elements": [{"type": "text", "text": "one"}]},
            {"type": "rich_text_section", "elements": [{"type": "broadcast", "range": "here"}]}]}]},
        {"type": "divider"}]"#;
    let edited = r#", "edited": {"user": "U1", "ts": "12.0"}"#;
    let dir = export(&[(
        "2026-03-02",
        vec![
            msg("U1", "10.0", blocks, ""),
            msg("U1", "11.0", edited, "the current text"),
            msg(
                "U1",
                "12.0",
                r#", "files": [{"id": "F1", "name": "x.png"}]"#,
                "",
            ),
        ],
    )]);
    let threads = read_folder(dir.path()).unwrap();
    assert_eq!(
        texts(&threads[0]),
        [
            "@bo see #general & the doc👍🏻\none\n@here",
            "the current text"
        ]
    );
}
