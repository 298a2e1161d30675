//! `hugops kudos import-chat`: thanks and praise found in a chat
//! export become received kudos, once.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{fails, stdout, Fixture};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/cli/fixtures/threads")
        .join(name)
}

/// `kudos import-chat <export> --me <me> --json`: the counts.
fn import(f: &Fixture, export: &Path, me: &str) -> Value {
    let out = f
        .cmd()
        .args(["kudos", "import-chat"])
        .arg(export)
        .args(["--me", me, "--json"])
        .assert()
        .success();
    serde_json::from_str(&stdout(&out)).expect("JSON counts")
}

#[test]
fn discord_thanks_become_one_received_entry_even_when_run_twice() {
    let f = Fixture::new();
    let export = fixture("discord-export.json");
    let out = f.ok([
        "kudos",
        "import-chat",
        export.to_str().unwrap(),
        "--me",
        "Kiri",
    ]);
    assert_eq!(
        out,
        "logged 1 received kudos, skipped 0 already in the journal\n"
    );
    let again = import(&f, &export, "kiri");
    assert_eq!(
        again,
        serde_json::json!({"found": 1, "logged": 0, "skipped_duplicates": 1})
    );
    let entries = f.list(&[]);
    assert_eq!(entries.len(), 1);
    let e = &entries[0];
    assert_eq!(e["direction"], "received");
    assert_eq!(e["person"], "Lars");
    assert_eq!(e["message"], "thanks Kiri 🙌 #hugops");
    assert_eq!(e["occurred_on"], "2026-03-02");
    assert_eq!(e["tags"], serde_json::json!(["hugops"]));
    assert_eq!(e["link"], "https://discord.com/channels/1/2/13");
}

#[test]
fn your_own_thanks_to_others_are_not_kudos_for_you() {
    let f = Fixture::new();
    let counts = import(&f, &fixture("discord-export.json"), "Lars");
    assert_eq!(counts["found"], 0);
    assert!(f.list(&[]).is_empty());
}

#[test]
fn slack_mentions_entities_and_emoji_are_decoded_in_the_entry() {
    let f = Fixture::new();
    let root = f.path("export");
    fs::create_dir_all(root.join("eng")).unwrap();
    fs::write(
        root.join("users.json"),
        r#"[{"id": "U1", "name": "ana", "profile": {"real_name": "Ana Lima"}},
            {"id": "U2", "name": "bo", "profile": {"real_name": "Bo Chen"}}]"#,
    )
    .unwrap();
    fs::write(
        root.join("channels.json"),
        r#"[{"id": "C7", "name": "eng"}]"#,
    )
    .unwrap();
    fs::write(
        root.join("eng/2026-03-02.json"),
        r#"[
 {"type": "message", "user": "U2", "ts": "1772442000.000100", "text": "Fixed the flaky test in <https://git.example.org/pr/12|PR 12>"},
 {"type": "message", "user": "U1", "ts": "1772442060.000200", "thread_ts": "1772442000.000100", "text": "<@U2> thanks for the fix :tada: &amp; the docs #release"},
 {"type": "message", "subtype": "bot_message", "bot_id": "B1", "ts": "1772442070.000000", "text": "thanks <@U2> from the bot"},
 {"type": "message", "subtype": "channel_join", "user": "U1", "ts": "1772442080.000000", "text": "<@U1> has joined, thanks"}
]"#,
    )
    .unwrap();
    let counts = import(&f, &root, "Bo Chen");
    assert_eq!(counts["logged"], 1);
    let e = &f.list(&[])[0];
    assert_eq!(e["person"], "Ana Lima");
    assert_eq!(
        e["message"],
        "@Bo Chen thanks for the fix 🎉 & the docs #release"
    );
    assert_eq!(e["tags"], serde_json::json!(["release"]));
    assert_eq!(
        e["link"],
        "https://slack.com/archives/C7/p1772442060000200?thread_ts=1772442000.000100&cid=C7"
    );
    assert_eq!(import(&f, &root, "Bo Chen")["logged"], 0);
    assert_eq!(f.list(&[]).len(), 1);
}

#[test]
fn bad_input_fails_without_touching_the_journal() {
    let f = Fixture::new();
    f.add_simple(false, "Zoë", "thanks", "2026-11-01");
    let line = fails(
        f.cmd()
            .args(["kudos", "import-chat"])
            .arg(fixture("discord-export.json"))
            .args(["--me", " "])
            .assert(),
    );
    assert!(line.contains("me"), "{line}");
    let broken = f.write("broken.json", "{\"messages\": [\n{\"id\": \"1\",}]}");
    let line = fails(
        f.cmd()
            .args(["kudos", "import-chat"])
            .arg(&broken)
            .args(["--me", "Kiri"])
            .assert(),
    );
    assert!(line.contains("broken.json: line 2"), "{line}");
    assert_eq!(f.list(&[]).len(), 1);
}
