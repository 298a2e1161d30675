use chrono::{TimeZone, Utc};

use super::*;
use crate::testing::clock;
use crate::threads::parse::{read_path, Format};

/// A conversation of `(author, text)` messages, a minute apart from
/// 2026-03-02 09:00 UTC, each with a link naming its position.
fn thread(messages: &[(&str, &str)]) -> Thread {
    Thread {
        channel: Some("general".into()),
        messages: messages
            .iter()
            .enumerate()
            .map(|(i, (author, text))| Message {
                author: (*author).into(),
                text: (*text).into(),
                ts: Utc.timestamp_opt(1_772_442_000 + 60 * i as i64, 0).single(),
                link: Some(format!("https://chat.example.org/m/{i}")),
            })
            .collect(),
    }
}

/// The texts found for `me` in one conversation.
fn found(me: &str, messages: &[(&str, &str)]) -> Vec<String> {
    find(&[thread(messages)], me, Tz::UTC)
        .into_iter()
        .map(|e| e.message)
        .collect()
}

#[test]
fn thanks_naming_me_count() {
    let got = found(
        "Kiri",
        &[
            ("Lars", "thanks Kiri 🙌 #hugops"),
            ("Lars", "great job @kiri on the rollout"),
            ("Mo", "Shout-out to KIRI for the runbook"),
            ("Mo", "kudos, Kiri!"),
        ],
    );
    assert_eq!(got.len(), 4, "{got:?}");
}

#[test]
fn thanks_right_after_my_message_count_unless_aimed_elsewhere() {
    let msgs = [
        ("Kiri", "Rotated logs, 41% free now."),
        ("Lars", "thank you!"),
        ("Kiri", "Also bumped the retention."),
        ("Lars", "🙏"),
        ("Kiri", "Filed OPS-812."),
        ("Lars", "thanks Mo for the heads-up earlier"),
        ("Mo", "np"),
        ("Kiri", "Done with the rollout."),
        ("Lars", "thanks all"),
        ("Kiri", "Back online."),
        ("Lars", "thanks @sam"),
    ];
    assert_eq!(found("Kiri", &msgs), ["thank you!", "🙏"]);
}

#[test]
fn refusals_requests_and_my_own_thanks_do_not_count() {
    let got = found(
        "Kiri",
        &[
            ("Lars", "Kiri, want a coffee?"),
            ("Kiri", "thanks Lars, you rock"),
            ("Lars", "no thanks Kiri"),
            ("Lars", "Kiri: thanks in advance for looking"),
            ("Lars", "Kiri can you review PR 12? thanks"),
            ("Lars", "thanks anyway Kiri"),
            ("Lars", "Kiri left early today"),
            ("Lars", "TIA Kiri"),
            ("Lars", "Thanks Kiri! Did you also update the docs?"),
        ],
    );
    assert_eq!(got, ["Thanks Kiri! Did you also update the docs?"]);
}

#[test]
fn names_match_ignoring_case_accents_and_last_names() {
    let me = Me::new("Zoë Martin");
    assert!(me.is("zoe martin"));
    assert!(me.is("Zoë"));
    assert!(!me.is("Zoë Smith"));
    assert!(!me.is("Martin"));
    let me = Me::new("amara");
    assert!(me.is("Amara Okafor"));
    assert!(!me.is(""));
    assert!(!Me::new("  ").is("Anyone"));
    assert_eq!(
        found("Zoë Martin", &[("Al", "merci et thanks zoe")]).len(),
        1
    );
    assert!(found("Jo", &[("Al", "thanks Joanna")]).is_empty());
}

#[test]
fn entries_carry_sender_text_date_link_and_tags() {
    let clock = clock().with_tz("Asia/Tokyo".parse().unwrap());
    let mut t = thread(&[(
        "Lars",
        "thanks Kiri 🙌 #hugops #on-call #42 and#not #hugops",
    )]);
    // 23:30 UTC on 2 March is 3 March in Tokyo.
    t.messages[0].ts = Utc.with_ymd_and_hms(2026, 3, 2, 23, 30, 0).single();
    let entries = find(&[t], "Kiri", clock.tz());
    assert_eq!(entries.len(), 1);
    let e = &entries[0];
    assert_eq!(e.direction, Some(Direction::Received));
    assert_eq!(e.person, "Lars");
    assert_eq!(e.tags, ["hugops", "on-call"]);
    assert_eq!(e.occurred_on, NaiveDate::from_ymd_opt(2026, 3, 3));
    assert_eq!(e.link.as_deref(), Some("https://chat.example.org/m/0"));
}

#[test]
fn importing_twice_logs_nothing_new() {
    let mut store = Store::open_in_memory().unwrap();
    let threads = [thread(&[
        ("Lars", "thanks Kiri"),
        ("Mo", "nice work Kiri"),
        ("Mo", "unrelated"),
    ])];
    let first = import(&mut store, &threads, "Kiri", &clock()).unwrap();
    assert_eq!(
        first,
        ChatImportReport {
            found: 2,
            logged: 2,
            skipped_duplicates: 0
        }
    );
    let second = import(&mut store, &threads, "Kiri", &clock()).unwrap();
    assert_eq!(
        (second.found, second.logged, second.skipped_duplicates),
        (2, 0, 2)
    );
    let all = journal::list(&store, &Filter::default()).unwrap();
    assert_eq!(all.len(), 2);
    assert!(all.iter().all(|e| e.direction == Direction::Received));
}

#[test]
fn messages_without_links_dedupe_on_person_text_and_date() {
    let mut store = Store::open_in_memory().unwrap();
    let mut t = thread(&[("Lars", "thanks Kiri"), ("Lars", "thanks Kiri")]);
    for m in &mut t.messages {
        m.link = None;
    }
    // The same words from the same person on the same day are one kudos.
    let report = import(&mut store, std::slice::from_ref(&t), "Kiri", &clock()).unwrap();
    assert_eq!((report.logged, report.skipped_duplicates), (1, 1));
    let again = import(
        &mut store,
        &[thread(&[("Lars", "thanks Kiri")])],
        "Kiri",
        &clock(),
    );
    assert_eq!(
        again.unwrap().logged,
        1,
        "a link makes it a different message"
    );
}

#[test]
fn undated_messages_are_logged_once_whatever_the_day() {
    let mut store = Store::open_in_memory().unwrap();
    let mut t = thread(&[("Lars", "thanks Kiri")]);
    t.messages[0].ts = None;
    t.messages[0].link = None;
    let clock = clock();
    assert_eq!(
        import(&mut store, std::slice::from_ref(&t), "Kiri", &clock)
            .unwrap()
            .logged,
        1
    );
    clock.advance(chrono::Duration::days(3));
    let report = import(&mut store, &[t], "Kiri", &clock).unwrap();
    assert_eq!((report.logged, report.skipped_duplicates), (0, 1));
    let all = journal::list(&store, &Filter::default()).unwrap();
    assert_eq!(
        Some(all[0].occurred_on),
        NaiveDate::from_ymd_opt(2026, 11, 24)
    );
}

#[test]
fn transcript_times_without_a_date_are_logged_today_not_in_1970() {
    let text = "[09:00] Kiri: pushed the fix\n[09:05] Lars: thanks Kiri, that was quick";
    let t =
        crate::threads::parse::text::parse_transcript(std::path::Path::new("t.txt"), text).unwrap();
    assert!(t.messages[1].ts.is_some(), "the transcript keeps its times");
    assert_eq!(
        find(std::slice::from_ref(&t), "Kiri", Tz::UTC)[0].occurred_on,
        None
    );
    let mut store = Store::open_in_memory().unwrap();
    let first = import(&mut store, std::slice::from_ref(&t), "Kiri", &clock()).unwrap();
    assert_eq!(first.logged, 1);
    let all = journal::list(&store, &Filter::default()).unwrap();
    assert_eq!(
        Some(all[0].occurred_on),
        NaiveDate::from_ymd_opt(2026, 11, 24)
    );
    let again = import(&mut store, &[t], "Kiri", &clock()).unwrap();
    assert_eq!((again.logged, again.skipped_duplicates), (0, 1));
}

#[test]
fn sample_discord_export_thanks_kiri() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/cli/fixtures/threads/discord-export.json");
    let threads = read_path(&path, Format::Auto).unwrap();
    let entries = find(&threads, "kiri", Tz::UTC);
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].person, "Lars");
    assert_eq!(entries[0].tags, ["hugops"]);
    assert!(find(&threads, "Lars", Tz::UTC).is_empty());
}

#[test]
fn oversized_text_is_cut_to_fit_the_journal() {
    let long = format!("thanks Kiri {}", "x".repeat(MAX_MESSAGE_CHARS + 10));
    let mut store = Store::open_in_memory().unwrap();
    let t = thread(&[("Lars", long.as_str())]);
    let report = import(&mut store, &[t], "Kiri", &clock()).unwrap();
    assert_eq!(report.logged, 1);
    let all = journal::list(&store, &Filter::default()).unwrap();
    assert_eq!(all[0].message.chars().count(), MAX_MESSAGE_CHARS);
}

#[test]
fn an_export_on_disk_is_recognised_and_its_thanks_logged() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/cli/fixtures/threads/discord-export.json");
    let mut store = Store::open_in_memory().unwrap();
    let report = import_path(&mut store, &path, "Kiri", &clock()).unwrap();
    assert_eq!((report.found, report.logged), (1, 1));
    let all = journal::list(&store, &Filter::default()).unwrap();
    assert_eq!(all[0].person, "Lars");
    assert_eq!(all[0].direction, Direction::Received);
}

#[test]
fn importing_from_disk_needs_a_name_and_a_readable_export() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/cli/fixtures/threads/discord-export.json");
    let mut store = Store::open_in_memory().unwrap();
    let nameless = import_path(&mut store, &path, "  ", &clock()).unwrap_err();
    assert!(matches!(nameless, Error::InvalidInput { ref field, .. } if field == "me"));
    let missing = import_path(
        &mut store,
        Path::new("/no/such/export.json"),
        "Kiri",
        &clock(),
    );
    assert!(missing.is_err());
    assert!(journal::list(&store, &Filter::default())
        .unwrap()
        .is_empty());
}
