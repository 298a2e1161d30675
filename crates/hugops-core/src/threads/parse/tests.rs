use std::fs;
use std::path::PathBuf;

use super::*;
use crate::ErrorCode;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cli/fixtures/threads")
}

fn from_str(text: &str, format: Format) -> Result<Vec<Thread>> {
    read_from(Path::new("<stdin>"), text.as_bytes(), format)
}

#[test]
fn shapes_are_told_apart_by_their_first_bytes() {
    assert_eq!(sniff(b"  [\n {\"ts\": 1}]"), Some(Shape::SlackDay));
    assert_eq!(sniff(b"[]"), Some(Shape::SlackDay));
    assert_eq!(sniff(b"["), Some(Shape::SlackDay));
    assert_eq!(sniff(b"{\"messages\": []}"), Some(Shape::Discord));
    assert_eq!(sniff(b"{ \"value\": []}"), Some(Shape::Teams));
    assert_eq!(sniff(b"{\"@odata.context\": \"x\"}"), Some(Shape::Teams));
    assert_eq!(sniff(b"[09:02] Priya: hi"), Some(Shape::Text));
    assert_eq!(sniff(b"Priya: hi"), Some(Shape::Text));
    assert_eq!(sniff(b" \n\t"), None);
    assert_eq!(sniff(b""), None);
}

#[test]
fn auto_reads_each_sample_by_its_shape() {
    let slack = read_path(&fixtures().join("slack-export"), Format::Auto).unwrap();
    assert_eq!(slack.len(), 1);
    assert_eq!(slack[0].messages.len(), 7);
    let day = read_path(
        &fixtures().join("slack-export/release-planning/2026-03-02.json"),
        Format::Auto,
    )
    .unwrap();
    assert_eq!(day, slack);
    let discord = read_path(&fixtures().join("discord-export.json"), Format::Auto).unwrap();
    assert_eq!(discord[0].channel.as_deref(), Some("on-call"));
}

#[test]
fn pasted_json_is_read_as_what_it_is() {
    let day = r#"[{"type": "message", "user": "U1", "ts": "1.0", "text": "hi &amp; bye",
                   "user_profile": {"real_name": "Ana"}}]"#;
    let threads = from_str(day, Format::Auto).unwrap();
    assert_eq!(threads[0].messages[0].author, "Ana");
    assert_eq!(threads[0].messages[0].text, "hi & bye");
    let discord = fs::read_to_string(fixtures().join("discord-export.json")).unwrap();
    assert_eq!(
        from_str(&discord, Format::Auto).unwrap()[0].messages.len(),
        4
    );
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let day =
        "\u{feff}[{\"type\": \"message\", \"user\": \"U1\", \"ts\": \"1.0\", \"text\": \"hi\"}]";
    assert_eq!(
        from_str(day, Format::Auto).unwrap()[0].messages[0].text,
        "hi"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("day.json");
    fs::write(&path, day).unwrap();
    assert_eq!(
        read_path(&path, Format::Slack).unwrap()[0].messages.len(),
        1
    );
}

#[test]
fn forced_formats_win_over_the_shape() {
    let discord = fixtures().join("discord-export.json");
    let e = read_path(&discord, Format::Slack).unwrap_err();
    assert!(e.to_string().contains("expected a JSON array"), "{e}");
    let day = fixtures().join("slack-export/release-planning/2026-03-02.json");
    let e = read_path(&day, Format::Discord).unwrap_err();
    assert!(e.to_string().contains("DiscordChatExporter"), "{e}");
    let e = read_path(&fixtures().join("slack-export"), Format::Text).unwrap_err();
    assert!(e.to_string().contains("is a folder"), "{e}");
    assert_eq!(
        read_path(&fixtures().join("slack-export"), Format::Slack).unwrap(),
        read_path(&fixtures().join("slack-export"), Format::Auto).unwrap()
    );
}

#[test]
fn empty_inputs_are_errors() {
    for text in ["", "  \n\n\t "] {
        for format in [
            Format::Auto,
            Format::Slack,
            Format::Discord,
            Format::Teams,
            Format::Text,
        ] {
            let e = from_str(text, format).unwrap_err();
            assert_eq!(e.code(), ErrorCode::BadFile);
            assert!(e.to_string().contains("empty file"), "{e}");
        }
    }
}

#[test]
fn transcripts_with_invalid_utf8_name_the_line() {
    let bytes = b"Ana: hi\nBo: caf\xe9\n";
    let e = read_from(Path::new("t.txt"), &bytes[..], Format::Text).unwrap_err();
    assert_eq!(e.to_string(), "t.txt: line 2: not valid UTF-8 text");
}

#[test]
fn missing_paths_are_io_errors() {
    let e = read_path(Path::new("/nonexistent/hugops/export"), Format::Auto).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Io);
}

#[test]
fn conversations_are_ordered_by_first_time_then_channel() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("users.json"), "[]").unwrap();
    fs::write(
        root.join("channels.json"),
        r#"[{"id": "C2", "name": "zeta"}, {"id": "C1", "name": "alpha"}]"#,
    )
    .unwrap();
    let day = |texts: &[(&str, &str)]| {
        let items: Vec<String> = texts
            .iter()
            .map(|(ts, text)| format!(r#"{{"user": "U1", "ts": "{ts}", "text": "{text}"}}"#))
            .collect();
        format!("[{}]", items.join(","))
    };
    for (ch, body) in [
        ("zeta", day(&[("100.0", "z-early"), ("300.0", "z-late")])),
        ("alpha", day(&[("100.0", "a-early"), ("200.0", "a-mid")])),
    ] {
        fs::create_dir(root.join(ch)).unwrap();
        fs::write(root.join(ch).join("2026-03-02.json"), body).unwrap();
    }
    let threads = read_path(root, Format::Auto).unwrap();
    let first: Vec<&str> = threads
        .iter()
        .map(|t| t.messages[0].text.as_str())
        .collect();
    assert_eq!(first, ["a-early", "z-early"]);
    // Same input, same output.
    assert_eq!(read_path(root, Format::Auto).unwrap(), threads);
}

#[test]
fn formats_parse_from_their_names() {
    for name in Format::NAMES {
        assert!(name.parse::<Format>().is_ok());
    }
    assert_eq!("slack".parse::<Format>().unwrap(), Format::Slack);
    assert!("json".parse::<Format>().is_err());
}

#[test]
fn hostile_bytes_never_panic() {
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let alphabet: &[&[u8]] = &[
        b"[",
        b"]",
        b"{",
        b"}",
        b"\"",
        b":",
        b",",
        b"ts",
        b"\"1.0\"",
        b"text",
        b"<@U1>",
        b"\\u00",
        b"\xff",
        b"\n",
        b"messages",
        b"thread_ts",
        b"null",
        b"0",
        b":tada:",
        b"&amp;",
    ];
    for _ in 0..2000 {
        let mut input = Vec::new();
        for _ in 0..(seed % 40) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            input.extend_from_slice(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        for format in [Format::Auto, Format::Slack, Format::Discord] {
            let _ = read_from(Path::new("fuzz"), &input[..], format);
        }
    }
}

#[test]
fn folders_are_recognised_by_what_they_hold() {
    let dir = tempfile::tempdir().unwrap();
    let teams = r#"{"value": [{"id": "1", "messageType": "message",
        "createdDateTime": "2026-03-02T09:00:00Z", "from": {"user": {"displayName": "Ana"}},
        "body": {"contentType": "html", "content": "<p>hi</p>"}}]}"#;
    fs::write(dir.path().join("page.json"), teams).unwrap();
    let threads = read_path(dir.path(), Format::Auto).unwrap();
    assert_eq!(threads[0].messages[0].text, "hi");
    assert_eq!(read_path(dir.path(), Format::Teams).unwrap(), threads);
    fs::remove_file(dir.path().join("page.json")).unwrap();
    fs::copy(
        fixtures().join("discord-export.json"),
        dir.path().join("ops.json"),
    )
    .unwrap();
    assert_eq!(
        read_path(dir.path(), Format::Auto).unwrap(),
        read_path(&fixtures().join("discord-export.json"), Format::Auto).unwrap()
    );
    let slack_days = tempfile::tempdir().unwrap();
    fs::create_dir(slack_days.path().join("general")).unwrap();
    fs::write(
        slack_days.path().join("general/2026-03-02.json"),
        r#"[{"type": "message", "user": "U1", "ts": "1.0", "text": "hi"}]"#,
    )
    .unwrap();
    let threads = read_path(slack_days.path(), Format::Auto).unwrap();
    assert_eq!(threads[0].channel.as_deref(), Some("general"));
}

#[test]
fn a_folder_of_nothing_known_says_what_it_found() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.json"), "[1, 2]").unwrap();
    fs::write(dir.path().join("b.txt"), "hello").unwrap();
    fs::create_dir(dir.path().join("pics")).unwrap();
    let e = read_path(dir.path(), Format::Auto).unwrap_err();
    assert_eq!(e.code(), ErrorCode::BadFile);
    let text = e.to_string();
    assert!(
        text.contains("no chat export found: 2 files and 1 folder, none a Slack, Discord or Teams export (looked for users.json"),
        "{text}"
    );
}
