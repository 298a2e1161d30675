use crate::support::{Fixture, TODAY};

/// Five entries over three months, two people, a few tags.
/// Ids: 1 Zoë given 09-15 [ownership], 2 Sam received 10-02 [review],
/// 3 zoë received 10-20 [ownership review], 4 Sam given 11-01, 5 Ana given 11-24.
fn seeded() -> Fixture {
    let f = Fixture::new();
    f.add(&[
        "--given",
        "--person",
        "Zoë",
        "--message",
        "one",
        "--date",
        "2026-09-15",
        "--tag",
        "ownership",
    ]);
    f.add(&[
        "--received",
        "--person",
        "Sam",
        "--message",
        "two",
        "--date",
        "2026-10-02",
        "--tag",
        "review",
    ]);
    f.add(&[
        "--received",
        "--person",
        "zoë",
        "--message",
        "three",
        "--date",
        "2026-10-20",
        "--tag",
        "ownership",
        "--tag",
        "review",
    ]);
    f.add(&[
        "--given",
        "--person",
        "Sam",
        "--message",
        "four",
        "--date",
        "2026-11-01",
    ]);
    f.add(&["--given", "--person", "Ana", "--message", "five"]);
    f
}

#[test]
fn list_is_newest_first() {
    let f = seeded();
    assert_eq!(f.list_ids(&[]), vec![5, 4, 3, 2, 1]);
    assert_eq!(f.list(&[])[0]["occurred_on"], TODAY);
}

#[test]
fn list_filters_by_direction() {
    let f = seeded();
    assert_eq!(f.list_ids(&["--direction", "given"]), vec![5, 4, 1]);
    assert_eq!(f.list_ids(&["--direction", "received"]), vec![3, 2]);
}

#[test]
fn list_filters_by_person_ignoring_case() {
    let f = seeded();
    assert_eq!(f.list_ids(&["--person", "ZOË"]), vec![3, 1]);
    assert_eq!(f.list_ids(&["--person", "sam"]), vec![4, 2]);
    assert!(f.list_ids(&["--person", "Nobody"]).is_empty());
}

#[test]
fn list_filters_by_tag() {
    let f = seeded();
    assert_eq!(f.list_ids(&["--tag", "ownership"]), vec![3, 1]);
    assert_eq!(f.list_ids(&["--tag", "review"]), vec![3, 2]);
}

#[test]
fn list_filters_by_inclusive_date_range() {
    let f = seeded();
    assert_eq!(
        f.list_ids(&["--from", "2026-10-02", "--to", "2026-11-01"]),
        vec![4, 3, 2]
    );
    assert_eq!(f.list_ids(&["--from", "2026-10-21"]), vec![5, 4]);
    assert_eq!(f.list_ids(&["--to", "2026-10-01"]), vec![1]);
}

#[test]
fn list_filters_combine_and_limit() {
    let f = seeded();
    assert_eq!(
        f.list_ids(&["--direction", "given", "--limit", "2"]),
        vec![5, 4]
    );
    assert_eq!(f.list_ids(&["--person", "zoë", "--tag", "review"]), vec![3]);
    assert!(f.list_ids(&["--limit", "0"]).is_empty());
}

#[test]
fn list_table_shows_arrows_dates_people_and_tags() {
    let f = seeded();
    let table = f.ok(["kudos", "list"]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 6, "header and five rows: {table}");
    assert!(
        lines[0].contains("ID") && lines[0].contains("MESSAGE"),
        "{table}"
    );
    assert!(lines[1].contains(TODAY) && lines[1].contains('↑') && lines[1].contains("Ana"));
    assert!(
        lines[4].contains("2026-10-02") && lines[4].contains('↓') && lines[4].contains("#review")
    );
}

#[test]
fn list_table_truncates_to_the_first_line() {
    let f = Fixture::new();
    let long = format!("{}\nsecond line secret", "word ".repeat(60));
    f.add(&["--given", "--person", "A", "--message", &long]);
    let table = f.ok(["kudos", "list"]);
    let row = table.lines().nth(1).expect("a row");
    assert!(row.contains('…'), "{row}");
    assert!(!table.contains("second line"), "{table}");
    assert!(
        row.chars().count() <= 100,
        "row wider than 100 columns: {row}"
    );
    assert_eq!(table.lines().count(), 2);
}

#[test]
fn empty_journal_lists_nothing() {
    let f = Fixture::new();
    assert!(f.list(&[]).is_empty());
    assert_eq!(f.ok(["kudos", "list"]), "no entries\n");
}
