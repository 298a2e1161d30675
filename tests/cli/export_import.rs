use std::fs;

use crate::kudos_add::HOSTILE;
use crate::support::{entries_json, Fixture};

/// A journal with hostile text, every optional field, a deleted entry and
/// entries in two months.
fn seeded() -> Fixture {
    let f = Fixture::new();
    for (i, text) in HOSTILE.iter().enumerate() {
        let date = format!("2026-{}-{:02}", if i % 2 == 0 { 10 } else { 11 }, i + 1);
        f.add_simple(i % 3 != 0, text, text, &date);
    }
    f.add(&[
        "--received",
        "--person",
        "Zoë Okafor",
        "--message",
        "all the fields",
        "--email",
        "zoe@example.org",
        "--tag",
        "ownership",
        "--tag",
        "on-call",
        "--link",
        "https://example.org/pr/1",
        "--date",
        "2026-11-24",
    ]);
    f.ok(["kudos", "delete", "2"]);
    f
}

fn import(f: &Fixture, file: &std::path::Path) -> String {
    f.ok([
        std::ffi::OsStr::new("kudos"),
        "import".as_ref(),
        file.as_os_str(),
    ])
}

#[test]
fn json_export_import_export_is_byte_identical() {
    let source = seeded();
    let first = source.export("json");
    let file = source.write("journal.json", &first);

    let target = Fixture::new();
    let n = HOSTILE.len(); // + 1 with all fields - 1 deleted
    assert_eq!(
        import(&target, &file),
        format!("imported {n} entries, skipped 0 duplicates\n")
    );
    assert_eq!(target.export("json"), first);
    assert_eq!(target.list(&[]), source.list(&[]));
}

#[test]
fn csv_round_trip_keeps_every_entry() {
    let source = seeded();
    let csv = source.export("csv");
    let file = source.write("journal.csv", &csv);

    let target = Fixture::new();
    import(&target, &file);
    assert_eq!(target.export("csv"), csv);
    assert_eq!(target.export("json"), source.export("json"));
}

#[test]
fn importing_twice_skips_duplicates() {
    let source = seeded();
    let file = source.write("journal.json", source.export("json"));
    let target = Fixture::new();
    import(&target, &file);
    let n = HOSTILE.len();
    assert_eq!(
        import(&target, &file),
        format!("imported 0 entries, skipped {n} duplicates\n")
    );
    assert_eq!(target.list(&[]).len(), n);
}

#[test]
fn import_into_a_journal_that_has_entries_adds_them() {
    let f = Fixture::new();
    f.add_simple(true, "Local", "already here", "2026-01-01");
    let file = f.write("bulk.json", entries_json(20));
    assert_eq!(
        import(&f, &file),
        "imported 20 entries, skipped 0 duplicates\n"
    );
    assert_eq!(f.list(&[]).len(), 21);
    assert_eq!(f.list_ids(&["--person", "Local"]), vec![1]);
}

#[test]
fn markdown_export_is_a_brag_document_by_month() {
    let f = seeded();
    let md = String::from_utf8(f.export("md")).expect("markdown is UTF-8");
    assert!(md.contains("## November 2026"), "{md}");
    assert!(md.contains("## October 2026"), "{md}");
    assert!(
        md.find("November 2026") < md.find("October 2026"),
        "newest month first"
    );
    assert!(md.contains("Zoë Okafor"), "{md}");
}

#[test]
fn export_to_a_file_matches_stdout_and_leaves_no_temporary_file() {
    let f = seeded();
    for format in ["json", "csv", "md"] {
        let out = f.path(&format!("export.{format}"));
        fs::write(&out, "old contents").expect("write");
        let said = f.ok([
            "kudos".as_ref(),
            "export".as_ref(),
            "--format".as_ref(),
            format.as_ref(),
            "--out".as_ref(),
            out.as_os_str(),
        ]);
        assert!(said.starts_with("exported "), "{said}");
        assert_eq!(
            fs::read(&out).expect("read export"),
            f.export(format),
            "{format}"
        );
    }
    let mut names: Vec<String> = fs::read_dir(f.dir.path())
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("hugops.db"))
        .collect();
    names.sort();
    assert_eq!(names, ["export.csv", "export.json", "export.md"]);
}

#[test]
fn export_to_a_missing_folder_fails_without_writing() {
    let f = seeded();
    let out = f.path("no/such/folder/export.json");
    let line = crate::support::fails(
        f.cmd()
            .args(["kudos", "export", "--format", "json", "--out"])
            .arg(&out)
            .assert(),
    );
    assert!(line.contains("export.json"), "{line}");
    assert!(!f.path("no").exists());
}

#[test]
fn empty_journal_exports_empty_documents() {
    let f = Fixture::new();
    let json: serde_json::Value = serde_json::from_slice(&f.export("json")).expect("JSON");
    assert_eq!(json, serde_json::json!([]));
    let csv = String::from_utf8(f.export("csv")).expect("UTF-8");
    assert_eq!(csv.lines().count(), 1, "header only: {csv}");
}
