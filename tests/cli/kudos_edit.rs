use serde_json::json;

use crate::support::{fails, Fixture};

fn one_entry() -> (Fixture, serde_json::Value) {
    let f = Fixture::new();
    let entry = f.add(&[
        "--given",
        "--person",
        "Zoë",
        "--message",
        "original",
        "--tag",
        "a",
        "--tag",
        "b",
        "--link",
        "https://example.org/1",
        "--email",
        "zoe@example.org",
        "--date",
        "2026-11-01",
    ]);
    (f, entry)
}

#[test]
fn edit_changes_only_the_fields_given() {
    let (f, before) = one_entry();
    let after = f.json(["kudos", "edit", "1", "--message", "  changed\n", "--json"]);
    let mut expected = before.clone();
    expected["message"] = json!("  changed\n");
    assert_eq!(after, expected);
    assert_eq!(f.list(&[]), vec![expected]);
}

#[test]
fn edit_changes_direction_person_date_and_email() {
    let (f, _) = one_entry();
    let after = f.json([
        "kudos",
        "edit",
        "1",
        "--received",
        "--person",
        "Sam",
        "--date",
        "2026-10-09",
        "--email",
        "sam@example.org",
        "--json",
    ]);
    assert_eq!(after["direction"], "received");
    assert_eq!(after["person"], "Sam");
    assert_eq!(after["occurred_on"], "2026-10-09");
    assert_eq!(after["email"], "sam@example.org");
    assert_eq!(after["message"], "original");
    assert_eq!(
        f.list_ids(&["--direction", "received", "--person", "sam"]),
        vec![1]
    );
}

#[test]
fn edit_tags_replace_the_old_ones() {
    let (f, _) = one_entry();
    let after = f.json(["kudos", "edit", "1", "--tag", "c", "--json"]);
    assert_eq!(after["tags"], json!(["c"]));
    assert!(f.list_ids(&["--tag", "a"]).is_empty());
    assert_eq!(f.list_ids(&["--tag", "c"]), vec![1]);
}

#[test]
fn edit_clears_tags_link_and_email() {
    let (f, _) = one_entry();
    let after = f.json([
        "kudos",
        "edit",
        "1",
        "--clear-tags",
        "--clear-link",
        "--clear-email",
        "--json",
    ]);
    assert_eq!(after["tags"], json!([]));
    assert_eq!(after["link"], json!(null));
    assert!(after.get("email").is_none(), "{after}");
}

#[test]
fn edit_without_json_prints_a_summary() {
    let (f, _) = one_entry();
    let out = f.ok(["kudos", "edit", "1", "--person", "Ana"]);
    assert_eq!(out, "updated entry 1: ↑ given to Ana on 2026-11-01\n");
}

#[test]
fn edit_is_searchable_under_the_new_text() {
    let (f, _) = one_entry();
    f.ok(["kudos", "edit", "1", "--message", "brilliant debugging"]);
    assert_eq!(f.search("debug").len(), 1);
    assert!(f.search("original").is_empty());
}

#[test]
fn bad_edits_fail_and_change_nothing() {
    let (f, before) = one_entry();
    for args in [
        vec!["kudos", "edit", "1"],
        vec!["kudos", "edit", "1", "--message", ""],
        vec!["kudos", "edit", "1", "--date", "2026-13-01"],
        vec!["kudos", "edit", "1", "--tag", "x", "--clear-tags"],
        vec!["kudos", "edit", "1", "--given", "--received"],
        vec!["kudos", "edit", "1", "--link", "javascript:alert(1)"],
        vec!["kudos", "edit", "99", "--message", "x"],
    ] {
        fails(f.cmd().args(&args).assert());
        assert_eq!(f.list(&[]), vec![before.clone()], "after {args:?}");
    }
}
