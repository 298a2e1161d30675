use serde_json::json;

use crate::support::{Fixture, NOW, TODAY};

#[test]
fn add_json_prints_the_stored_entry() {
    let f = Fixture::new();
    let entry = f.add(&[
        "--given",
        "--person",
        "Zoë Okafor",
        "--message",
        "Thanks for the calm incident handover",
        "--tag",
        "ownership",
        "--tag",
        "on-call",
    ]);
    assert_eq!(
        entry,
        json!({
            "id": 1,
            "direction": "given",
            "person": "Zoë Okafor",
            "message": "Thanks for the calm incident handover",
            "tags": ["ownership", "on-call"],
            "link": null,
            "occurred_on": TODAY,
            "created_at": NOW,
        })
    );
}

#[test]
fn add_keeps_every_optional_field() {
    let f = Fixture::new();
    let entry = f.add(&[
        "--received",
        "--person",
        "Sam Lee",
        "--message",
        "Great review",
        "--email",
        "sam@example.org",
        "--date",
        "2026-10-02",
        "--link",
        "https://example.org/pr/42",
    ]);
    assert_eq!(entry["direction"], "received");
    assert_eq!(entry["email"], "sam@example.org");
    assert_eq!(entry["occurred_on"], "2026-10-02");
    assert_eq!(entry["link"], "https://example.org/pr/42");
    assert_eq!(entry["tags"], json!([]));
    // The same entry is what `list` returns.
    assert_eq!(f.list(&[]), vec![entry]);
}

#[test]
fn add_without_json_prints_a_readable_summary() {
    let f = Fixture::new();
    let text = f.ok([
        "kudos",
        "add",
        "--given",
        "--person",
        "Zoë",
        "--message",
        "thanks",
    ]);
    assert_eq!(text, format!("added entry 1: ↑ given to Zoë on {TODAY}\n"));
    let text = f.ok([
        "kudos",
        "add",
        "--received",
        "--person",
        "Ana",
        "--message",
        "thanks",
        "--date",
        "2026-01-31",
    ]);
    assert_eq!(text, "added entry 2: ↓ received from Ana on 2026-01-31\n");
}

/// Text that breaks naive quoting, escaping, terminals or search syntax.
pub const HOSTILE: &[&str] = &[
    "  leading and trailing spaces  ",
    "line one\nline two\r\nline three\n",
    "\ttabbed\tout\t",
    "emoji 🎉👩‍💻🏳️‍🌈 family 👨‍👩‍👧",
    "עברית RTL mixed with English \u{202E}reversed\u{202C}",
    "<img src=x onerror=alert(1)>",
    "quotes \" ' ` and \\ backslashes \\n",
    "'; DROP TABLE entries; --",
    "-1 looks like a flag",
    "--json",
    "NEAR(a b) AND * OR \"unbalanced (",
    "\u{1b}[31mred\u{1b}[0m escape codes",
    "combining: Zoe\u{301} vs Zoë",
];

/// Tags may not hold spaces, `,` or `;`, but anything else goes.
const HOSTILE_TAGS: &[&str] = &[
    "#hugops", "<script>", "zoë", "🎉", "a\"b'c", "C++", "x*", "((",
];

#[test]
fn hostile_text_round_trips_byte_exact() {
    let f = Fixture::new();
    let mut added = Vec::new();
    for (i, text) in HOSTILE.iter().enumerate() {
        let tag = HOSTILE_TAGS[i % HOSTILE_TAGS.len()];
        let entry = f.add(&["--given", "--person", text, "--message", text, "--tag", tag]);
        assert_eq!(entry["person"].as_str(), Some(*text), "person of {text:?}");
        assert_eq!(
            entry["message"].as_str(),
            Some(*text),
            "message of {text:?}"
        );
        assert_eq!(entry["tags"], json!([tag]));
        added.push(entry);
    }
    // Same day: newest first is highest id first.
    let mut listed = f.list(&[]);
    listed.reverse();
    assert_eq!(listed, added);
    // Found again by a plain word of their own, unchanged.
    for (word, index) in [
        ("backslashes", 6),
        ("onerror", 5),
        ("escape", 11),
        ("tabbed", 2),
    ] {
        let found = f.search(word);
        assert_eq!(found, vec![added[index].clone()], "search {word}");
    }
}

#[test]
fn text_output_neutralises_terminal_escapes() {
    let f = Fixture::new();
    f.add(&[
        "--given",
        "--person",
        "Eve\u{1b}[2J",
        "--message",
        "\u{1b}[31mred\u{1b}[0m",
    ]);
    let table = f.ok(["kudos", "list"]);
    assert!(!table.contains('\u{1b}'), "raw escape in table: {table:?}");
    assert!(table.contains("Eve"), "{table}");
}

#[test]
fn longest_message_is_accepted() {
    let f = Fixture::new();
    let message = "é".repeat(10_000);
    let entry = f.add(&["--given", "--person", "A", "--message", &message]);
    assert_eq!(entry["message"].as_str(), Some(message.as_str()));
}
