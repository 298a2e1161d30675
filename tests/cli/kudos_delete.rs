use crate::support::{fails, Fixture};

#[test]
fn delete_says_how_to_undo_and_undo_restores_the_entry() {
    let f = Fixture::new();
    let kept = f.add_simple(true, "Ana", "stays", "2026-11-01");
    let gone = f.add_simple(false, "Zoë", "goes away", "2026-11-02");

    let out = f.ok(["kudos", "delete", "2"]);
    assert!(out.contains("hugops kudos undo 2"), "{out}");
    assert!(out.contains("Zoë"), "{out}");
    assert_eq!(f.list(&[]), vec![kept.clone()]);

    let out = f.ok(["kudos", "undo", "2"]);
    assert!(out.contains("restored entry 2"), "{out}");
    assert_eq!(f.list(&[]), vec![gone, kept]);
}

#[test]
fn deleted_entries_leave_stats_and_exports() {
    let f = Fixture::new();
    f.add_simple(true, "Ana", "stays", "2026-11-01");
    f.add_simple(true, "Zoë", "goes away", "2026-11-02");
    f.ok(["kudos", "delete", "2"]);
    let stats = f.json(["kudos", "stats", "--json"]);
    assert_eq!(stats["given"], 1);
    let export: serde_json::Value =
        serde_json::from_slice(&f.export("json")).expect("export is JSON");
    assert_eq!(export.as_array().map(Vec::len), Some(1));
}

#[test]
fn unknown_ids_fail() {
    let f = Fixture::new();
    f.add_simple(true, "Ana", "here", "2026-11-01");
    let line = fails(f.cmd().args(["kudos", "delete", "7"]).assert());
    assert!(line.contains('7') && line.contains("not found"), "{line}");
    // Undo of an entry that is not deleted, and deleting twice.
    fails(f.cmd().args(["kudos", "undo", "1"]).assert());
    f.ok(["kudos", "delete", "1"]);
    fails(f.cmd().args(["kudos", "delete", "1"]).assert());
    fails(f.cmd().args(["kudos", "show", "1"]).assert());
}

#[test]
fn show_prints_one_entry() {
    let f = Fixture::new();
    let entry = f.add(&[
        "--given",
        "--person",
        "Ana",
        "--message",
        "line 1\nline 2",
        "--tag",
        "x",
    ]);
    assert_eq!(f.json(["kudos", "show", "1", "--json"]), entry);
    let text = f.ok(["kudos", "show", "1"]);
    assert!(
        text.contains("line 1") && text.contains("line 2") && text.contains("#x"),
        "{text}"
    );
}
