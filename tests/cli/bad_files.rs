use std::fs;
use std::path::Path;

use crate::support::{fails, Fixture};

/// A journal with two entries and the JSON export of it, to compare against.
fn seeded() -> (Fixture, Vec<u8>) {
    let f = Fixture::new();
    f.add_simple(true, "Ana", "first", "2026-11-01");
    f.add_simple(false, "Zoë", "second", "2026-11-02");
    let before = f.export("json");
    (f, before)
}

/// Imports `file`, expecting the one-line failure; checks the journal did
/// not change and returns the error line.
fn import_fails(f: &Fixture, before: &[u8], file: &Path) -> String {
    let line = fails(f.cmd().args(["kudos", "import"]).arg(file).assert());
    assert_eq!(
        f.export("json"),
        before,
        "journal changed by a failed import"
    );
    line
}

#[test]
fn malformed_json_names_the_file_and_line() {
    let (f, before) = seeded();
    let file = f.write(
        "broken.json",
        "[\n  {\"direction\": \"given\", \"person\": \"A\", \"message\": \"m\"},\n  {\"direction\": \"given\",\n   \"person\": \"B\" \"message\": \"x\"}\n]\n",
    );
    let line = import_fails(&f, &before, &file);
    assert!(line.contains("broken.json"), "{line}");
    assert!(line.contains("line 4"), "{line}");
}

#[test]
fn csv_with_a_bad_direction_names_file_line_and_field() {
    let (f, before) = seeded();
    let file = f.write(
        "kudos.csv",
        "direction,person,message\r\ngiven,Ana,thanks\r\nsideways,Sam,oops\r\ngiven,Bo,fine\r\n",
    );
    let line = import_fails(&f, &before, &file);
    assert!(line.contains("kudos.csv"), "{line}");
    assert!(line.contains("line 3"), "{line}");
    assert!(line.contains("direction"), "{line}");
}

#[test]
fn one_bad_record_rejects_the_whole_file() {
    let (f, before) = seeded();
    // Valid records first, then one with an empty message.
    let file = f.write(
        "partial.json",
        "[\n{\"direction\": \"given\", \"person\": \"A\", \"message\": \"ok\"},\n{\"direction\": \"given\", \"person\": \"B\", \"message\": \"\"}\n]\n",
    );
    let line = import_fails(&f, &before, &file);
    assert!(
        line.contains("line 3") && line.contains("message"),
        "{line}"
    );
}

#[test]
fn empty_file_is_refused() {
    let (f, before) = seeded();
    for name in ["empty.json", "empty.csv"] {
        let file = f.write(name, "");
        let line = import_fails(&f, &before, &file);
        assert!(line.contains(name) && line.contains("empty"), "{line}");
    }
}

#[test]
fn non_utf8_file_is_refused() {
    let (f, before) = seeded();
    let file = f.write(
        "latin1.csv",
        b"direction,person,message\ngiven,Zo\xeb,merci\n",
    );
    let line = import_fails(&f, &before, &file);
    assert!(
        line.contains("latin1.csv") && line.contains("UTF-8"),
        "{line}"
    );
}

#[test]
fn missing_file_is_refused() {
    let (f, before) = seeded();
    let line = import_fails(&f, &before, &f.path("nowhere.json"));
    assert!(line.contains("nowhere.json"), "{line}");
}

#[test]
fn folder_is_refused() {
    let (f, before) = seeded();
    let dir = f.path("a-folder");
    fs::create_dir(&dir).expect("mkdir");
    import_fails(&f, &before, &dir);
}

#[test]
fn json_of_the_wrong_shape_is_refused() {
    let (f, before) = seeded();
    for (name, text) in [
        ("object.json", "{\"not\": \"entries\"}\n"),
        ("number.json", "42\n"),
        ("bad-direction.json", "[{\"direction\": \"up\", \"person\": \"A\", \"message\": \"m\"}]"),
        ("bad-date.json", "[{\"direction\": \"given\", \"person\": \"A\", \"message\": \"m\", \"occurred_on\": \"2026-13-01\"}]"),
    ] {
        let file = f.write(name, text);
        let line = import_fails(&f, &before, &file);
        assert!(line.contains(name), "{line}");
    }
}
