//! Import tests: file handling, errors with lines and fields, duplicates,
//! ids, and the export → import → export round trips.

use std::path::PathBuf;

use super::*;
use crate::journal::{add, add_many, delete, export, get, list, ExportFormat, Filter};
use crate::testing::{clock, hostile_text, new_entry};

/// Writes `content` to a fresh temporary file named `name`.
fn file(name: &str, content: impl AsRef<[u8]>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    (dir, path)
}

fn import(store: &mut Store, name: &str, content: impl AsRef<[u8]>) -> Result<ImportReport> {
    let (_dir, path) = file(name, content);
    import_file(store, &path, &clock())
}

fn export_bytes(store: &Store, format: ExportFormat) -> Vec<u8> {
    let mut out = Vec::new();
    export(store, format, &mut out).unwrap();
    out
}

/// (line, field) of a bad-file error.
fn where_bad(e: Error) -> (Option<u64>, Option<String>, String) {
    match e {
        Error::BadFile {
            line,
            field,
            message,
            ..
        } => (line, field, message),
        other => panic!("expected a bad file error, got {other}"),
    }
}

/// A journal with every kind of awkward text, and id gaps from deletions.
fn awkward_journal() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let c = clock();
    let texts = [
        (
            "Zoë Okafor",
            "Thanks for the release 🎉\nSecond line\n\n  indented",
        ),
        ("Ana", "<img src=x onerror=alert(1)>"),
        (
            "\"Quoted\", Person",
            "she said \"hi\", then left;\tTabbed\r\nCRLF",
        ),
        ("محمد", "شكرا جزيلا على المساعدة"),
        ("Deleted", "gone"),
        ("  spaced  ", "   leading and trailing   "),
        (
            "Kenji 健二",
            "# not a heading\n- nor a list\n=cmd|' /C calc'!A0",
        ),
        ("Nul", "before\u{0}after \\ backslash \u{7f}"),
        ("Also deleted", "gone too"),
        ("Last", "e\u{301} (decomposed) and 👩🏽‍💻"),
    ];
    for (i, (person, message)) in texts.into_iter().enumerate() {
        let direction = if i % 2 == 0 {
            Direction::Given
        } else {
            Direction::Received
        };
        let mut entry = new_entry(direction, person, message);
        entry.tags = match i % 3 {
            0 => vec![],
            1 => vec!["ownership".into(), "Ünïcode".into()],
            _ => vec!["a\"b".into()],
        };
        if i % 4 == 1 {
            entry.email = Some("z@x.org".into());
            entry.link = Some("https://example.org/pr/1?a=1&b=\"2\"".into());
        }
        entry.occurred_on = Some(chrono::NaiveDate::from_ymd_opt(2026, 1 + i as u32, 3).unwrap());
        add(&mut store, entry, &c).unwrap();
        c.advance(chrono::Duration::seconds(61));
    }
    delete(&mut store, 5, &c).unwrap();
    delete(&mut store, 9, &c).unwrap();
    store
}

fn round_trip(format: ExportFormat, name: &str) {
    let source = awkward_journal();
    let first = export_bytes(&source, format);
    let mut target = Store::open_in_memory().unwrap();
    let report = import(&mut target, name, &first).unwrap();
    assert_eq!(
        report,
        ImportReport {
            imported: 8,
            skipped_duplicates: 0
        }
    );
    let second = export_bytes(&target, format);
    assert_eq!(
        String::from_utf8_lossy(&first),
        String::from_utf8_lossy(&second)
    );
    assert_eq!(first, second);
    let ids: Vec<i64> = list(&target, &Filter::default())
        .unwrap()
        .iter()
        .map(|e| e.id)
        .collect();
    assert!(!ids.contains(&5) && !ids.contains(&9) && ids.contains(&10));
}

#[test]
fn json_round_trip_is_byte_identical() {
    round_trip(ExportFormat::Json, "kudos.json");
}

#[test]
fn csv_round_trip_is_byte_identical() {
    round_trip(ExportFormat::Csv, "kudos.csv");
}

#[test]
fn format_is_sniffed_without_a_known_extension() {
    let source = awkward_journal();
    for (format, name) in [
        (ExportFormat::Json, "backup"),
        (ExportFormat::Csv, "backup.txt"),
    ] {
        let mut target = Store::open_in_memory().unwrap();
        let report = import(&mut target, name, export_bytes(&source, format)).unwrap();
        assert_eq!(report.imported, 8, "{name}");
    }
}

#[test]
fn importing_twice_skips_everything_the_second_time() {
    let source = awkward_journal();
    let json = export_bytes(&source, ExportFormat::Json);
    let mut target = Store::open_in_memory().unwrap();
    import(&mut target, "k.json", &json).unwrap();
    let again = import(&mut target, "k.json", &json).unwrap();
    assert_eq!(
        again,
        ImportReport {
            imported: 0,
            skipped_duplicates: 8
        }
    );
    assert_eq!(list(&target, &Filter::default()).unwrap().len(), 8);
}

#[test]
fn duplicates_inside_the_file_are_skipped() {
    let row = r#"{"direction": "given", "person": "Ana", "message": "hi", "occurred_on": "2026-11-01", "created_at": "2026-11-01T09:00:00Z"}"#;
    let text = format!("[{row},\n{row},\n{}]", row.replace("hi", "hello"));
    let mut store = Store::open_in_memory().unwrap();
    let report = import(&mut store, "k.json", text).unwrap();
    assert_eq!(
        report,
        ImportReport {
            imported: 2,
            skipped_duplicates: 1
        }
    );
}

#[test]
fn deleted_entries_do_not_count_as_duplicates_but_keep_their_id() {
    let mut store = Store::open_in_memory().unwrap();
    add(
        &mut store,
        new_entry(Direction::Given, "Ana", "hi"),
        &clock(),
    )
    .unwrap();
    let json = export_bytes(&store, ExportFormat::Json);
    delete(&mut store, 1, &clock()).unwrap();
    let report = import(&mut store, "k.json", &json).unwrap();
    assert_eq!(report.imported, 1);
    let entries = list(&store, &Filter::default()).unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].id, 2, "id 1 belongs to the deleted entry");
    assert_eq!(entries[0].message, "hi");
}

#[test]
fn ids_are_kept_when_free_and_replaced_when_taken() {
    let mut store = Store::open_in_memory().unwrap();
    add_many(
        &mut store,
        vec![
            new_entry(Direction::Given, "Old", "one"),
            new_entry(Direction::Given, "Old", "two"),
        ],
        &clock(),
    )
    .unwrap();
    let text = r#"[
  {"id": 2, "direction": "given", "person": "A", "message": "taken"},
  {"direction": "given", "person": "B", "message": "no id"},
  {"id": 3, "direction": "given", "person": "C", "message": "free"},
  {"id": 3, "direction": "given", "person": "D", "message": "same id again"}
]"#;
    let report = import(&mut store, "k.json", text).unwrap();
    assert_eq!(report.imported, 4);
    assert_eq!(get(&store, 3).unwrap().person, "C");
    assert_eq!(get(&store, 2).unwrap().person, "Old");
    let mut others: Vec<(i64, String)> = list(&store, &Filter::default())
        .unwrap()
        .into_iter()
        .filter(|e| ["A", "B", "D"].contains(&e.person.as_str()))
        .map(|e| (e.id, e.person))
        .collect();
    others.sort();
    assert_eq!(
        others,
        vec![
            (4, "A".to_string()),
            (5, "B".to_string()),
            (6, "D".to_string())
        ]
    );
}

#[test]
fn defaults_for_missing_fields() {
    let mut store = Store::open_in_memory().unwrap();
    let text = r#"{"entries": [{"direction": "received", "person": "Zoë", "message": "hi", "email": null, "link": ""}]}"#;
    import(&mut store, "k.json", text).unwrap();
    let e = get(&store, 1).unwrap();
    assert_eq!(e.occurred_on, clock().today());
    assert_eq!(
        crate::clock::format_instant(e.created_at),
        "2026-11-24T10:00:00Z"
    );
    assert_eq!(
        (e.email, e.link, e.tags),
        (None, None, Vec::<String>::new())
    );
}

#[test]
fn created_at_is_normalised_to_utc_seconds() {
    let mut store = Store::open_in_memory().unwrap();
    let text = "direction,person,message,created_at,occurred_on\n\
                given,Ana,hi,2026-11-24T12:00:00.999+02:00,2026-11-20\n";
    import(&mut store, "k.csv", text).unwrap();
    let e = get(&store, 1).unwrap();
    assert_eq!(
        crate::clock::format_instant(e.created_at),
        "2026-11-24T10:00:00Z"
    );
    assert_eq!(e.occurred_on.to_string(), "2026-11-20");
}

#[test]
fn a_bad_record_rejects_the_whole_file_naming_line_and_field() {
    let text = r#"[
  {
    "direction": "given",
    "person": "Ana",
    "message": "fine"
  },
  {
    "direction": "given",
    "person": "Bo",
    "message": "   "
  }
]"#;
    let mut store = Store::open_in_memory().unwrap();
    let err = import(&mut store, "k.json", text).unwrap_err();
    assert!(
        err.to_string().contains("k.json: line 7: field `message`"),
        "{err}"
    );
    assert_eq!(where_bad(err).0, Some(7));
    assert!(list(&store, &Filter::default()).unwrap().is_empty());
}

#[test]
fn every_field_is_checked() {
    let base = r#""direction": "given", "person": "Ana", "message": "hi""#;
    let cases = [
        (
            r#""direction": "sideways", "person": "Ana", "message": "hi""#,
            "direction",
        ),
        (r#""person": "Ana", "message": "hi""#, "direction"),
        (r#""direction": "given", "message": "hi""#, "person"),
        (r#""direction": "given", "person": "Ana""#, "message"),
        (&format!(r#"{base}, "tags": ["a b"]"#), "tags"),
        (&format!(r#"{base}, "link": "example.org""#), "link"),
        (&format!(r#"{base}, "email": "nope""#), "email"),
        (
            &format!(r#"{base}, "occurred_on": "24/11/2026""#),
            "occurred_on",
        ),
        (
            &format!(r#"{base}, "created_at": "yesterday""#),
            "created_at",
        ),
        (&format!(r#"{base}, "id": 0"#), "id"),
        (
            &format!(r#"{base}, "person": "{}""#, "x".repeat(201)),
            "person",
        ),
    ];
    for (fields, field) in cases {
        let text = format!("[\n{{\"direction\": \"given\", \"person\": \"A\", \"message\": \"ok\"}},\n{{{fields}}}\n]");
        let mut store = Store::open_in_memory().unwrap();
        let err = import(&mut store, "k.json", &text).unwrap_err();
        let (line, got, _) = where_bad(err);
        assert_eq!((line, got.as_deref()), (Some(3), Some(field)), "{text}");
    }
}

#[test]
fn csv_errors_name_line_and_field() {
    let text = "direction,person,message\r\ngiven,Ana,\"two\r\nlines\"\r\nreceived,,hi\r\n";
    let mut store = Store::open_in_memory().unwrap();
    let (line, field, _) = where_bad(import(&mut store, "k.csv", text).unwrap_err());
    assert_eq!((line, field.as_deref()), (Some(4), Some("person")));
}

#[test]
fn csv_accepts_a_byte_order_mark() {
    let mut store = Store::open_in_memory().unwrap();
    let text = "\u{feff}direction,person,message\ngiven,Ana,hi\n";
    assert_eq!(import(&mut store, "k.csv", text).unwrap().imported, 1);
    assert_eq!(get(&store, 1).unwrap().direction, Direction::Given);
}

#[test]
fn json_accepts_a_byte_order_mark() {
    let mut store = Store::open_in_memory().unwrap();
    let text = "\u{feff}[{\"direction\": \"given\", \"person\": \"Ana\", \"message\": \"hi\"}]";
    assert_eq!(import(&mut store, "k.json", text).unwrap().imported, 1);
}

#[test]
fn empty_files_are_refused() {
    let mut store = Store::open_in_memory().unwrap();
    for (name, content) in [("k.json", ""), ("k.csv", " \n\t\n"), ("k", "\u{feff}")] {
        let (_, _, message) = where_bad(import(&mut store, name, content).unwrap_err());
        assert_eq!(message, "empty file");
    }
}

#[test]
fn invalid_utf8_names_its_line() {
    let mut store = Store::open_in_memory().unwrap();
    let mut bytes = b"direction,person,message\ngiven,Ana,hi\ngiven,Bo,caf".to_vec();
    bytes.extend([0xE9, b'\n']);
    let (line, _, message) = where_bad(import(&mut store, "k.csv", &bytes).unwrap_err());
    assert_eq!(line, Some(3));
    assert!(message.contains("UTF-8"), "{message}");
    assert!(list(&store, &Filter::default()).unwrap().is_empty());
}

#[test]
fn not_json_at_all_is_a_syntax_error_with_line() {
    let mut store = Store::open_in_memory().unwrap();
    let (line, _, message) =
        where_bad(import(&mut store, "k.json", "[\n{\"a\": 1},\n{oops}\n]").unwrap_err());
    assert_eq!(line, Some(3));
    assert!(message.starts_with("invalid JSON"), "{message}");
    let (line, _, message) = where_bad(import(&mut store, "k.json", "\n\nhello").unwrap_err());
    assert_eq!(line, Some(3));
    assert!(message.starts_with("invalid JSON"), "{message}");
    // Without a telling extension, text that is not JSON is read as CSV.
    let (line, field, _) = where_bad(import(&mut store, "k.txt", "hello, world\n").unwrap_err());
    assert_eq!((line, field.as_deref()), (Some(1), Some("direction")));
}

#[test]
fn missing_file_is_an_io_error() {
    let mut store = Store::open_in_memory().unwrap();
    let err = import_file(&mut store, Path::new("/nonexistent/k.json"), &clock()).unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::Io);
}

#[test]
fn large_import_is_fast_enough() {
    let mut rows = String::from("id,direction,person,message,tags,occurred_on,created_at\n");
    for i in 0..20_000 {
        rows.push_str(&format!(
            "{},given,Person {},Thanks for change number {i},t{},2026-01-01,2026-01-01T00:00:00Z\n",
            i + 1,
            i % 97,
            i % 13
        ));
    }
    let mut store = Store::open_in_memory().unwrap();
    let started = std::time::Instant::now();
    let report = import(&mut store, "big.csv", &rows).unwrap();
    assert_eq!(report.imported, 20_000);
    // Generous even for an unoptimised test build; quadratic work would not fit.
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    let again = import(&mut store, "big.csv", &rows).unwrap();
    assert_eq!(again.skipped_duplicates, 20_000);
}

#[test]
fn random_hostile_text_round_trips_in_both_formats() {
    let mut seed = 0x2545_F491_4F6C_DD1D;
    let mut source = Store::open_in_memory().unwrap();
    let entries: Vec<NewEntry> = (0..300)
        .map(|i| {
            let person: String = hostile_text(&mut seed, 12).chars().take(200).collect();
            NewEntry {
                tags: vec![format!("t{}\"é", i % 7)],
                email: (i % 5 == 0).then(|| "x@y.z".to_string()),
                ..new_entry(
                    if i % 2 == 0 {
                        Direction::Given
                    } else {
                        Direction::Received
                    },
                    &person,
                    &hostile_text(&mut seed, 40),
                )
            }
        })
        .collect();
    add_many(&mut source, entries, &clock()).unwrap();
    for id in (1..300).step_by(11) {
        delete(&mut source, id, &clock()).unwrap();
    }
    for (format, name) in [(ExportFormat::Json, "r.json"), (ExportFormat::Csv, "r.csv")] {
        let first = export_bytes(&source, format);
        let mut target = Store::open_in_memory().unwrap();
        let report = import(&mut target, name, &first).unwrap();
        assert_eq!(report.imported, 272, "{name}");
        assert_eq!(export_bytes(&target, format), first, "{name}");
        assert_eq!(
            list(&target, &Filter::default()).unwrap(),
            list(&source, &Filter::default()).unwrap(),
            "{name}"
        );
    }
}
