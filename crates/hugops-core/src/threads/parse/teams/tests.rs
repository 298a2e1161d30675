use std::fs;

use super::*;

/// One Graph chatMessage as JSON.
fn msg(id: &str, reply_to: Option<&str>, at: &str, who: &str, html: &str, extra: &str) -> String {
    let reply_to = reply_to.map_or("null".to_owned(), |r| format!("{r:?}"));
    format!(
        r#"{{"id": "{id}", "replyToId": {reply_to}, "messageType": "message",
            "createdDateTime": "{at}", "deletedDateTime": null,
            "channelIdentity": {{"teamId": "t1", "channelId": "19:ops@thread.tacv2"}},
            "from": {{"application": null, "user": {{"id": "u", "displayName": "{who}"}}}},
            "body": {{"contentType": "html", "content": {html:?}}}{extra}}}"#
    )
}

fn page(messages: &[String]) -> String {
    format!(
        r#"{{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#chats('x')/messages",
            "@odata.count": {}, "@odata.nextLink": "https://graph.microsoft.com/v1.0/next",
            "value": [{}]}}"#,
        messages.len(),
        messages.join(",\n")
    )
}

fn texts(threads: &[Thread]) -> Vec<Vec<&str>> {
    threads
        .iter()
        .map(|t| t.messages.iter().map(|m| m.text.as_str()).collect())
        .collect()
}

fn read_str(json: &str) -> Result<Vec<Thread>> {
    let mut threads = read(Path::new("p.json"), json.as_bytes())?;
    super::super::group::sort(&mut threads);
    Ok(threads)
}

#[test]
fn replies_join_their_root_and_pages_newest_first_come_out_in_time_order() {
    let json = page(&[
        msg(
            "3",
            Some("1"),
            "2026-03-03T08:00:00Z",
            "Bo",
            "<p>next day</p>",
            "",
        ),
        msg(
            "2",
            Some("1"),
            "2026-03-02T09:05:00Z",
            "Bo",
            "<p>on it</p>",
            "",
        ),
        msg(
            "1",
            None,
            "2026-03-02T09:00:00Z",
            "Ana",
            "<p>db down</p>",
            "",
        ),
    ]);
    let threads = read_str(&json).unwrap();
    assert_eq!(texts(&threads), [vec!["db down", "on it", "next day"]]);
    assert_eq!(threads[0].channel.as_deref(), Some("19:ops@thread.tacv2"));
    assert_eq!(threads[0].messages[1].author, "Bo");
}

#[test]
fn chat_messages_without_replies_group_per_chat_and_day() {
    let chat = |id: &str, at: &str, chat: &str| {
        msg(id, None, at, "Ana", id, &format!(r#", "chatId": "{chat}""#))
    };
    let json = page(&[
        chat("d", "2026-03-03T09:00:00Z", "c1"),
        chat("c", "2026-03-02T10:00:00Z", "c2"),
        chat("b", "2026-03-02T09:30:00Z", "c1"),
        chat("a", "2026-03-02T09:00:00Z", "c1"),
    ]);
    let threads = read_str(&json).unwrap();
    assert_eq!(texts(&threads), [vec!["a", "b"], vec!["c"], vec!["d"]]);
    assert_eq!(threads[1].channel.as_deref(), Some("c2"));
}

#[test]
fn system_events_deleted_bot_and_empty_messages_are_skipped() {
    let json = page(&[
        r#"{"id": "9", "messageType": "systemEventMessage", "createdDateTime": "2026-03-02T09:00:00Z",
            "from": null, "body": {"contentType": "html", "content": "<systemEventMessage/>"}}"#
            .to_owned(),
        msg("8", None, "2026-03-02T09:01:00Z", "Ana", "gone", r#", "deletedDateTime": "2026-03-02T09:02:00Z""#)
            .replace(r#""deletedDateTime": null,"#, ""),
        r#"{"id": "7", "messageType": "message", "createdDateTime": "2026-03-02T09:03:00Z",
            "from": {"application": {"displayName": "Bot"}, "user": null},
            "body": {"contentType": "text", "content": "beep"}}"#
            .to_owned(),
        msg("6", None, "2026-03-02T09:04:00Z", "Ana", "<p> </p>", ""),
        msg("5", None, "2026-03-02T09:05:00Z", "Ana", "<p>kept &amp; read</p>", ""),
    ]);
    assert_eq!(texts(&read_str(&json).unwrap()), [vec!["kept & read"]]);
}

#[test]
fn expanded_replies_and_text_bodies_are_read() {
    let reply = msg("2", None, "2026-03-02T09:05:00Z", "Bo", "<p>ack</p>", "");
    let root = msg(
        "1",
        None,
        "2026-03-02T09:00:00Z",
        "Ana",
        "plain <b>not html</b>",
        r#", "replies": [REPLY]"#,
    )
    .replace(r#""contentType": "html""#, r#""contentType": "text""#)
    .replace("REPLY", &reply);
    let threads = read_str(&page(&[root])).unwrap();
    assert_eq!(texts(&threads), [vec!["plain <b>not html</b>", "ack"]]);
}

#[test]
fn a_folder_of_pages_reads_as_one_chat_and_counts_repeats_once() {
    let dir = tempfile::tempdir().unwrap();
    let first = msg("1", None, "2026-03-02T09:00:00Z", "Ana", "root", "");
    let second = msg("2", Some("1"), "2026-03-02T09:01:00Z", "Bo", "reply", "");
    fs::write(
        dir.path().join("page-1.json"),
        page(std::slice::from_ref(&second)),
    )
    .unwrap();
    fs::write(dir.path().join("page-2.json"), page(&[first, second])).unwrap();
    let threads = read_folder(dir.path()).unwrap();
    assert_eq!(texts(&threads), [vec!["root", "reply"]]);
}

#[test]
fn bad_pages_name_the_field_and_line() {
    let e = read_str(r#"{"@odata.context": "x"}"#).unwrap_err();
    assert!(e.to_string().contains("field `value`"), "{e}");
    let json = page(&[msg("1", None, "yesterday", "Ana", "hi", "")]);
    let e = read_str(&json).unwrap_err();
    let text = e.to_string();
    assert!(
        text.contains("field `value`: field `createdDateTime`: `yesterday` is not a time"),
        "{text}"
    );
    assert!(text.starts_with("p.json: line "), "{text}");
}
