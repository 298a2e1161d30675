//! `hugops thread check` and `hugops thread eval`: the JSON
//! contract, the readers behind it, exit statuses and errors.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{exits_quietly_with_closed_stdout, fails, hugops_bare, stdout, Fixture};

/// The keys of one thread's analysis, as the contract lists them.
const ANALYSIS_KEYS: [&str; 7] = [
    "ambiguous",
    "messages",
    "participants",
    "score",
    "signals",
    "suggestion",
    "threshold",
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/cli/fixtures/threads")
        .join(name)
}

/// `hugops thread check <args> --json`, expecting success; the parsed output.
fn check_json(args: &[&str]) -> Value {
    let out = hugops_bare()
        .args(["thread", "check"])
        .args(args)
        .arg("--json")
        .assert()
        .success();
    serde_json::from_str(&stdout(&out)).expect("stdout is JSON")
}

/// `hugops thread check <flags> <input>`, expecting the one-line failure.
fn check_fails(flags: &[&str], input: impl AsRef<std::ffi::OsStr>) -> String {
    fails(
        hugops_bare()
            .args(["thread", "check"])
            .args(flags)
            .arg(input)
            .assert(),
    )
}

fn sorted_keys(v: &Value) -> Vec<String> {
    let mut keys: Vec<String> = v.as_object().expect("an object").keys().cloned().collect();
    keys.sort();
    keys
}

/// Checks one analysis object: the contract's keys and sane values.
fn assert_analysis(v: &Value, extra: &[&str]) {
    let mut want: Vec<String> = ANALYSIS_KEYS
        .iter()
        .chain(extra)
        .map(|k| k.to_string())
        .collect();
    want.sort();
    assert_eq!(sorted_keys(v), want, "{v}");
    let score = v["score"].as_f64().expect("score is a number");
    let threshold = v["threshold"].as_f64().expect("threshold is a number");
    assert!(
        (0.0..=1.0).contains(&score) && (0.0..=1.0).contains(&threshold),
        "{v}"
    );
    assert!(v["ambiguous"].is_boolean(), "{v}");
    for s in v["signals"].as_array().expect("signals is an array") {
        assert!(s["kind"].is_string() && s["weight"].is_number() && s["evidence"].is_string());
        let n = v["messages"].as_u64().unwrap();
        for m in s["messages"].as_array().expect("signal messages") {
            let m = m.as_u64().expect("a message number");
            assert!((1..=n).contains(&m), "message {m} out of 1..={n}");
        }
    }
    assert!(v["suggestion"].is_string());
}

/// A Slack export with two channels: `general` (a thread, then loose
/// messages the next day) and `random` (loose messages in between).
fn two_channel_export(f: &Fixture) -> PathBuf {
    let root = f.path("export");
    fs::create_dir_all(root.join("general")).unwrap();
    fs::create_dir_all(root.join("random")).unwrap();
    fs::write(
        root.join("users.json"),
        r#"[{"id": "U1", "name": "ana", "real_name": "Ana Lima"},
            {"id": "U2", "name": "bo", "profile": {"real_name": "Bo Chen"}}]"#,
    )
    .unwrap();
    fs::write(
        root.join("channels.json"),
        r#"[{"id": "C1", "name": "general"}, {"id": "C2", "name": "random"}]"#,
    )
    .unwrap();
    let m = |user: &str, ts: &str, thread: Option<&str>, text: &str| {
        let thread = thread.map_or(String::new(), |t| format!(r#", "thread_ts": "{t}""#));
        format!(
            r#"{{"type": "message", "user": "{user}", "ts": "{ts}"{thread}, "text": {text:?}}}"#
        )
    };
    let general_1 = [
        m("U1", "1772442000.000100", None, "Can we ship Thursday?"),
        m("U2", "1772442060.000200", Some("1772442000.000100"), "<@U1> yes, after the freeze"),
        r#"{"type": "message", "subtype": "channel_join", "user": "U2", "ts": "1772442100.000000", "text": "<@U2> has joined the channel"}"#.to_string(),
        r#"{"type": "message", "subtype": "bot_message", "bot_id": "B1", "ts": "1772442110.000000", "text": "Deploy finished"}"#.to_string(),
    ];
    let general_2 = [m("U2", "1772528400.000100", None, "morning :wave:")];
    let random_1 = [
        m("U1", "1772445600.000100", None, "lunch &amp; games?"),
        m(
            "U2",
            "1772445660.000100",
            None,
            "<https://example.org/menu|menu> looks good",
        ),
    ];
    for (path, items) in [
        ("general/2026-03-02.json", &general_1[..]),
        ("general/2026-03-03.json", &general_2[..]),
        ("random/2026-03-02.json", &random_1[..]),
    ] {
        fs::write(root.join(path), format!("[\n{}\n]", items.join(",\n"))).unwrap();
    }
    root
}

#[test]
fn slack_sample_is_one_thread_with_the_contract_keys() {
    let v = check_json(&[fixture("slack-export").to_str().unwrap()]);
    assert_analysis(&v, &[]);
    // Eight lines in the day file, one of them a join.
    assert_eq!(v["messages"], 7);
    assert_eq!(v["participants"], 3);
    assert_eq!(v["threshold"], 0.5);
}

#[test]
fn a_slack_day_file_alone_reads_the_same_thread() {
    let folder = check_json(&[fixture("slack-export").to_str().unwrap()]);
    let day = fixture("slack-export/release-planning/2026-03-02.json");
    assert_eq!(check_json(&[day.to_str().unwrap()]), folder);
}

#[test]
fn discord_sample_is_one_thread() {
    let v = check_json(&[fixture("discord-export.json").to_str().unwrap()]);
    assert_analysis(&v, &[]);
    assert_eq!(v["messages"], 4);
    assert_eq!(v["participants"], 2);
}

#[test]
fn several_threads_are_listed_with_channel_and_first_timestamp() {
    let f = Fixture::new();
    let root = two_channel_export(&f);
    let v = check_json(&[root.to_str().unwrap(), "--threshold", "0.7"]);
    assert_eq!(sorted_keys(&v), ["threads"]);
    let threads = v["threads"].as_array().unwrap();
    let summary: Vec<(&str, &str, u64)> = threads
        .iter()
        .map(|t| {
            assert_analysis(t, &["channel", "first_ts"]);
            assert_eq!(t["threshold"], 0.7);
            (
                t["channel"].as_str().unwrap(),
                t["first_ts"].as_str().unwrap(),
                t["messages"].as_u64().unwrap(),
            )
        })
        .collect();
    // The thread (join and bot skipped), the other channel, the next day.
    assert_eq!(
        summary,
        [
            ("general", "2026-03-02T09:00:00Z", 2),
            ("random", "2026-03-02T10:00:00Z", 2),
            ("general", "2026-03-03T09:00:00Z", 1),
        ]
    );
}

#[test]
fn text_output_names_each_thread_and_the_verdict() {
    let f = Fixture::new();
    let root = two_channel_export(&f);
    let out = hugops_bare()
        .args(["thread", "check"])
        .arg(&root)
        .assert()
        .success();
    let text = stdout(&out);
    assert!(
        text.contains("thread 1 of 3 · #general · 2026-03-02T09:00:00Z"),
        "{text}"
    );
    assert!(
        text.contains("thread 3 of 3 · #general · 2026-03-03T09:00:00Z"),
        "{text}"
    );
    assert!(text.contains("threads look ambiguous"), "{text}");
    assert!(text.contains("score "), "{text}");
    assert!(
        text.contains("looks fine") || text.contains("looks ambiguous"),
        "{text}"
    );
}

#[test]
fn format_flag_forces_the_reader() {
    let discord = fixture("discord-export.json");
    let line = check_fails(&["--format", "slack"], &discord);
    assert!(
        line.contains("discord-export.json") && line.contains("expected a JSON array"),
        "{line}"
    );
    let day = fixture("slack-export/release-planning/2026-03-02.json");
    let line = check_fails(&["--format", "discord"], &day);
    assert!(line.contains("DiscordChatExporter"), "{line}");
    let line = check_fails(&["--format", "text"], fixture("slack-export"));
    assert!(line.contains("is a folder"), "{line}");
    let v = check_json(&["--format", "discord", discord.to_str().unwrap()]);
    assert_eq!(v["messages"], 4);
    check_fails(&["--format", "csv"], &discord);
}

#[test]
fn thresholds_outside_zero_to_one_are_refused() {
    let discord = fixture("discord-export.json");
    for bad in ["1.5", "-0.1", "NaN", "high", ""] {
        let line = check_fails(&["--threshold", bad], &discord);
        assert!(line.contains("threshold"), "{line}");
    }
    for good in ["0", "1", "0.35"] {
        let v = check_json(&["--threshold", good, discord.to_str().unwrap()]);
        assert_eq!(v["threshold"].as_f64(), good.parse::<f64>().ok());
    }
}

#[test]
fn malformed_json_names_file_line_and_field() {
    let f = Fixture::new();
    let broken = f.write(
        "day.json",
        "[\n{\"user\": \"U1\", \"ts\": \"1.0\", \"text\": \"a\"},\n{\"user\": \"U1\", \"text\": \"b\" \"ts\": \"2.0\"}\n]",
    );
    let line = check_fails(&[], &broken);
    assert!(line.contains("day.json: line 3"), "{line}");

    let missing = f.write(
        "export.json",
        "{\"channel\": {\"id\": \"1\"},\n \"messages\": [\n  {\"id\": \"1\", \"content\": \"hi\", \"author\": {\"name\": \"a\"}}]}",
    );
    let line = check_fails(&[], &missing);
    assert!(
        line.contains("export.json: line 3: field `messages.timestamp`"),
        "{line}"
    );

    let truncated = f.write("cut.json", "[{\"user\": \"U1\", \"ts\": \"1.0\", \"te");
    let line = check_fails(&[], &truncated);
    assert!(line.contains("cut.json: line 1"), "{line}");
}

#[test]
fn empty_and_missing_inputs_fail_cleanly() {
    let f = Fixture::new();
    for (name, body) in [("empty.txt", ""), ("blank.json", "  \n\n")] {
        let path = f.write(name, body);
        let line = check_fails(&[], &path);
        assert!(line.contains(name) && line.contains("empty file"), "{line}");
    }
    let line = check_fails(&[], f.path("nope.json"));
    assert!(line.contains("nope.json"), "{line}");
}

#[test]
fn a_folder_of_nothing_known_says_what_it_found() {
    let f = Fixture::new();
    let root = f.path("chats");
    fs::create_dir(&root).unwrap();
    for (name, body) in [("a.json", "[1]"), ("b.json", "{}"), ("notes.txt", "hi")] {
        fs::write(root.join(name), body).unwrap();
    }
    let line = check_fails(&[], &root);
    assert!(
        line.contains("chats: no chat export found: 3 files and 0 folders, none a Slack, Discord or Teams export (looked for users.json"),
        "{line}"
    );
}

/// The real DiscordChatExporter capture, as if people had written it.
fn discord_guild_folder(f: &Fixture) -> PathBuf {
    let root = f.path("guild");
    fs::create_dir(&root).unwrap();
    let real = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/threads/exports/discord/dce-2.47.1-guild");
    for entry in fs::read_dir(real).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let by_people = text.replace("\"isBot\": true", "\"isBot\": false");
        fs::write(root.join(path.file_name().unwrap()), by_people).unwrap();
    }
    root
}

#[test]
fn a_discord_server_folder_lists_its_channel_and_thread() {
    let f = Fixture::new();
    let root = discord_guild_folder(&f);
    for flags in [&[][..], &["--format", "discord"]] {
        let mut args = flags.to_vec();
        args.push(root.to_str().unwrap());
        let v = check_json(&args);
        let threads = v["threads"].as_array().expect("several threads");
        let summary: Vec<(&str, u64)> = threads
            .iter()
            .map(|t| {
                (
                    t["channel"].as_str().unwrap(),
                    t["messages"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(summary, [("general", 9), ("general", 2)]);
    }
}

#[test]
fn a_teams_folder_of_graph_pages_is_read() {
    let root =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/threads/exports/teams/graph-docs");
    let v = check_json(&[root.to_str().unwrap()]);
    let threads = v["threads"].as_array().expect("several threads");
    let summary: Vec<(u64, u64)> = threads
        .iter()
        .map(|t| {
            assert_analysis(t, &["channel", "first_ts"]);
            (
                t["messages"].as_u64().unwrap(),
                t["participants"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(summary, [(1, 1), (3, 1)]);
    let page = root.join("channel-message-replies.json");
    let v = check_json(&["--format", "teams", page.to_str().unwrap()]);
    assert_eq!(v["messages"], 3);
    let line = check_fails(&["--format", "teams"], fixture("discord-export.json"));
    assert!(line.contains("field `value`"), "{line}");
}

#[test]
fn teams_copy_paste_text_is_read_as_a_transcript() {
    let f = Fixture::new();
    let paste = f.write(
        "paste.txt",
        "[10:14 AM] Priya Patel\nthe deploy is stuck\n\n[10:20 AM] Tom Berg\non it, thanks\n",
    );
    for flags in [&[][..], &["--format", "teams"]] {
        let mut args = flags.to_vec();
        args.push(paste.to_str().unwrap());
        let v = check_json(&args);
        assert_eq!(
            (v["messages"].as_u64(), v["participants"].as_u64()),
            (Some(2), Some(2))
        );
    }
}

#[test]
fn fail_if_ambiguous_exits_1_exactly_when_a_thread_is_ambiguous() {
    let f = Fixture::new();
    let export = two_channel_export(&f);
    let inputs = [
        fixture("slack-export"),
        fixture("discord-export.json"),
        export,
    ];
    for input in &inputs {
        for threshold in ["0", "0.5", "1"] {
            let run = |fail: bool| {
                let mut cmd = hugops_bare();
                cmd.args(["thread", "check", "--json", "--threshold", threshold])
                    .arg(input);
                if fail {
                    cmd.arg("--fail-if-ambiguous");
                }
                cmd.output().expect("run hugops")
            };
            let plain = run(false);
            assert_eq!(plain.status.code(), Some(0), "{input:?}");
            let failing = run(true);
            let v: Value = serde_json::from_slice(&failing.stdout).expect("JSON even when failing");
            let list = match v.get("threads") {
                Some(list) => list.as_array().unwrap().clone(),
                None => vec![v.clone()],
            };
            let any = list.iter().any(|t| t["ambiguous"] == true);
            assert_eq!(
                failing.status.code(),
                Some(if any { 1 } else { 0 }),
                "{input:?} {v}"
            );
            assert_eq!(failing.stdout, plain.stdout);
            assert!(failing.stderr.is_empty());
        }
    }
}

#[test]
fn standard_input_reads_like_a_file() {
    for name in [
        "discord-export.json",
        "transcript.txt",
        "slack-export/release-planning/2026-03-02.json",
    ] {
        let path = fixture(name);
        let from_file = hugops_bare()
            .args(["thread", "check", "--json"])
            .arg(&path)
            .output()
            .unwrap();
        let from_stdin = hugops_bare()
            .args(["thread", "check", "--json", "-"])
            .write_stdin(fs::read(&path).unwrap())
            .output()
            .unwrap();
        assert_eq!(from_stdin.status.code(), Some(0), "{name}");
        if name.ends_with(".json") && name.contains("slack") {
            // Alone on stdin the day file has no channel; the analysis is the same.
            let a: Value = serde_json::from_slice(&from_file.stdout).unwrap();
            let b: Value = serde_json::from_slice(&from_stdin.stdout).unwrap();
            assert_eq!(a["messages"], b["messages"]);
        } else {
            assert_eq!(from_stdin.stdout, from_file.stdout, "{name}");
        }
    }
    let line = fails(
        hugops_bare()
            .args(["thread", "check", "-"])
            .write_stdin("")
            .assert(),
    );
    assert!(line.contains("<stdin>") && line.contains("empty"), "{line}");
}

#[test]
fn closed_stdout_ends_quietly() {
    exits_quietly_with_closed_stdout([
        "thread".as_ref(),
        "check".as_ref(),
        fixture("slack-export").as_os_str(),
    ]);
}

#[test]
fn eval_checks_its_threshold_and_prints_the_same_figures_both_ways() {
    let f = Fixture::new();
    let dir = f.path("corpus");
    fs::create_dir_all(&dir).unwrap();
    let line = fails(
        hugops_bare()
            .args(["thread", "eval", "--threshold", "7"])
            .arg(&dir)
            .assert(),
    );
    assert!(line.contains("threshold"), "{line}");
    let json = hugops_bare()
        .args(["thread", "eval", "--json"])
        .arg(&dir)
        .output()
        .unwrap();
    let text = hugops_bare()
        .args(["thread", "eval"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(json.status.code(), text.status.code());
    if json.status.success() {
        let v: Value = serde_json::from_slice(&json.stdout).unwrap();
        let text = String::from_utf8(text.stdout).unwrap();
        assert!(
            text.starts_with(&format!("threads      {}\n", v["threads"])),
            "{text}"
        );
        for (key, label) in [
            ("accuracy", "accuracy"),
            ("false_alarm_rate", "false alarms"),
        ] {
            let pct = format!("{label:<13}{:.1}%", v[key].as_f64().unwrap() * 100.0);
            assert!(text.contains(&pct), "{text} lacks {pct}");
        }
    } else {
        assert_eq!(json.status.code(), Some(2));
    }
}
