use serde_json::json;

use crate::support::Fixture;

/// Today is Tuesday 2026-11-24: given kudos in this week and the two before
/// (a streak of 3), one isolated given week in October, and received ones.
fn seeded() -> Fixture {
    let f = Fixture::new();
    f.add(&[
        "--given",
        "--person",
        "Zoë",
        "--message",
        "a",
        "--date",
        "2026-11-24",
        "--tag",
        "ownership",
    ]);
    f.add(&[
        "--given",
        "--person",
        "zoë",
        "--message",
        "b",
        "--date",
        "2026-11-17",
        "--tag",
        "ownership",
    ]);
    f.add(&[
        "--given",
        "--person",
        "Zoë",
        "--message",
        "c",
        "--date",
        "2026-11-09",
        "--tag",
        "review",
    ]);
    f.add(&[
        "--given",
        "--person",
        "Sam",
        "--message",
        "d",
        "--date",
        "2026-10-05",
    ]);
    f.add(&[
        "--received",
        "--person",
        "Sam",
        "--message",
        "e",
        "--date",
        "2026-10-06",
        "--tag",
        "ownership",
    ]);
    f.add(&[
        "--received",
        "--person",
        "Ana",
        "--message",
        "f",
        "--date",
        "2026-11-20",
    ]);
    f
}

#[test]
fn stats_json_counts_everything() {
    let f = seeded();
    let s = f.json(["kudos", "stats", "--json"]);
    assert_eq!(s["given"], 4);
    assert_eq!(s["received"], 2);
    assert_eq!(
        s["by_month"],
        json!([
            {"month": "2026-10", "given": 1, "received": 1},
            {"month": "2026-11", "given": 3, "received": 1},
        ])
    );
    assert_eq!(
        s["top_thanked"],
        json!([{"name": "Zoë", "count": 3}, {"name": "Sam", "count": 1}])
    );
    assert_eq!(
        s["top_thankers"],
        json!([{"name": "Ana", "count": 1}, {"name": "Sam", "count": 1}])
    );
    assert_eq!(
        s["tags"],
        json!([{"name": "ownership", "count": 3}, {"name": "review", "count": 1}])
    );
    assert_eq!(s["streak"], json!({"current_weeks": 3, "longest_weeks": 3}));
}

#[test]
fn stats_of_an_empty_journal_are_zero() {
    let f = Fixture::new();
    let s = f.json(["kudos", "stats", "--json"]);
    assert_eq!(s["given"], 0);
    assert_eq!(s["received"], 0);
    assert_eq!(s["by_month"], json!([]));
    assert_eq!(s["streak"], json!({"current_weeks": 0, "longest_weeks": 0}));
    let text = f.ok(["kudos", "stats"]);
    assert!(text.contains("0 given"), "{text}");
}

#[test]
fn stats_text_has_a_bar_per_month_and_direction() {
    let f = seeded();
    let text = f.ok(["kudos", "stats"]);
    assert!(
        text.contains("4 given") && text.contains("2 received"),
        "{text}"
    );
    assert!(text.contains("3 weeks"), "{text}");
    let bar = |line: &str| line.chars().filter(|&c| c == '█').count();
    let lines: Vec<&str> = text.lines().collect();
    let nov = lines
        .iter()
        .position(|l| l.contains("2026-11"))
        .expect("November row");
    let oct = lines
        .iter()
        .position(|l| l.contains("2026-10"))
        .expect("October row");
    // November: 3 given (the largest count, full bar), 1 received (a third).
    assert_eq!(bar(lines[nov]), 3 * bar(lines[nov + 1]), "{text}");
    assert!(bar(lines[nov]) > 0 && lines[nov].contains('↑') && lines[nov + 1].contains('↓'));
    assert_eq!(bar(lines[oct]), bar(lines[nov + 1]), "{text}");
    assert!(
        text.contains("Zoë") && text.contains("#ownership"),
        "{text}"
    );
}
