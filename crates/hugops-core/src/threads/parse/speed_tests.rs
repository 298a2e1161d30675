//! Reading 100,000 messages stays linear: grouping uses hash maps, never a
//! scan per message. Timing only, run by hand:
//! `cargo test -p hugops-core --release reader_speed -- --ignored --nocapture`.

use std::time::Instant;

use serde_json::json;

use super::{read_from, Format};

const MESSAGES: usize = 100_000;

fn time(label: &str, json: String, format: Format) {
    let start = Instant::now();
    let threads = read_from(std::path::Path::new(label), json.as_bytes(), format).unwrap();
    let took = start.elapsed();
    let read: usize = threads.iter().map(|t| t.messages.len()).sum();
    println!(
        "{label}: {read} messages in {} conversations, {took:?}",
        threads.len()
    );
    assert_eq!(read, MESSAGES);
}

#[test]
#[ignore = "timing, run in release by hand"]
fn reader_speed_on_100k_messages() {
    // Every fifth message starts a conversation; the others reply to it.
    let at = |i: usize| {
        chrono::DateTime::from_timestamp(1_772_442_000 + 7 * i as i64, 0)
            .unwrap()
            .to_rfc3339()
    };
    let discord: Vec<_> = (0..MESSAGES)
        .map(|i| {
            let reference = (i % 5 != 0).then(|| json!({"messageId": (i - i % 5).to_string()}));
            json!({"id": i.to_string(), "type": "Default", "timestamp": at(i),
                   "content": "are we shipping today?", "reference": reference,
                   "author": {"name": format!("p{}", i % 7), "isBot": false}})
        })
        .collect();
    let discord = json!({"guild": {"id": "1"}, "channel": {"id": "2", "name": "ops"},
                         "messages": discord});
    time("discord", discord.to_string(), Format::Discord);
    let teams: Vec<_> = (0..MESSAGES)
        .rev()
        .map(|i| {
            let reply_to = (i % 5 != 0).then(|| (i - i % 5).to_string());
            json!({"id": i.to_string(), "replyToId": reply_to, "messageType": "message",
                   "createdDateTime": at(i), "channelIdentity": {"channelId": "19:ops"},
                   "from": {"user": {"displayName": format!("p{}", i % 7)}},
                   "body": {"contentType": "html", "content": "<p>are we <b>shipping</b> today?</p>"}})
        })
        .collect();
    time("teams", json!({"value": teams}).to_string(), Format::Teams);
}
