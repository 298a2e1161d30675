use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;

use crate::support::{fails, Fixture};

/// Runs `args`, expecting the one-line failure, and checks the journal
/// (one entry) is unchanged. Returns the error line.
fn rejected(f: &Fixture, args: &[OsString]) -> String {
    let before = f.export("json");
    let line = fails(f.cmd().args(args).assert());
    assert_eq!(f.export("json"), before, "journal changed by {args:?}");
    line
}

fn os(args: &[&str]) -> Vec<OsString> {
    args.iter().map(OsString::from).collect()
}

fn journal() -> Fixture {
    let f = Fixture::new();
    f.add_simple(true, "Ana", "already here", "2026-11-01");
    f
}

#[test]
fn bad_values_are_refused_with_one_line_naming_the_problem() {
    let f = journal();
    let long = "x".repeat(10_001);
    let cases: &[(&[&str], &str)] = &[
        (&["kudos", "list", "--direction", "sideways"], "sideways"),
        (
            &[
                "kudos",
                "add",
                "--given",
                "--person",
                "A",
                "--message",
                "m",
                "--date",
                "2026-13-01",
            ],
            "2026-13-01",
        ),
        (
            &[
                "kudos",
                "add",
                "--given",
                "--person",
                "A",
                "--message",
                "m",
                "--date",
                "2026-02-30",
            ],
            "2026-02-30",
        ),
        (
            &[
                "kudos",
                "add",
                "--given",
                "--person",
                "A",
                "--message",
                "m",
                "--date",
                "24/11/2026",
            ],
            "date",
        ),
        (
            &["kudos", "add", "--given", "--person", "A", "--message", ""],
            "message",
        ),
        (
            &[
                "kudos",
                "add",
                "--given",
                "--person",
                "A",
                "--message",
                "  \n\t ",
            ],
            "message",
        ),
        (
            &[
                "kudos",
                "add",
                "--given",
                "--person",
                "A",
                "--message",
                &long,
            ],
            "10000",
        ),
        (
            &["kudos", "add", "--given", "--person", "", "--message", "m"],
            "person",
        ),
        (
            &[
                "kudos",
                "add",
                "--given",
                "--person",
                "A",
                "--message",
                "m",
                "--tag",
                "two words",
            ],
            "tag",
        ),
        (
            &[
                "kudos",
                "add",
                "--given",
                "--person",
                "A",
                "--message",
                "m",
                "--email",
                "not-an-email",
            ],
            "email",
        ),
        (
            &[
                "kudos",
                "add",
                "--given",
                "--person",
                "A",
                "--message",
                "m",
                "--link",
                "javascript:alert(1)",
            ],
            "link",
        ),
        (&["kudos", "list", "--from", "2026-13-01"], "2026-13-01"),
        (&["kudos", "list", "--limit", "many"], "many"),
        (&["kudos", "export", "--format", "xml"], "xml"),
    ];
    for (args, needle) in cases {
        let line = rejected(&f, &os(args));
        assert!(line.contains(needle), "{args:?}: {line}");
    }
}

#[test]
fn usage_errors_are_one_line_too() {
    let f = journal();
    let cases: &[(&[&str], &str)] = &[
        (&["kudos", "add", "--given", "--message", "m"], "--person"),
        (&["kudos", "add", "--given", "--person", "A"], "--message"),
        (
            &["kudos", "add", "--person", "A", "--message", "m"],
            "given",
        ),
        (
            &[
                "kudos",
                "add",
                "--given",
                "--received",
                "--person",
                "A",
                "--message",
                "m",
            ],
            "--received",
        ),
        (
            &[
                "kudos",
                "add",
                "--given",
                "--person",
                "A",
                "--message",
                "m",
                "--wat",
            ],
            "--wat",
        ),
        (&["kudos", "frobnicate"], "frobnicate"),
        (&["kudos"], "subcommand"),
        (&[], "subcommand"),
        (&["kudos", "edit", "one", "--message", "m"], "one"),
        (&["kudos", "delete"], "ID"),
        (&["kudos", "list", "--db"], "--db"),
    ];
    for (args, needle) in cases {
        let line = rejected(&f, &os(args));
        assert!(line.contains(needle), "{args:?}: {line}");
    }
}

#[test]
fn arguments_that_are_not_utf8_are_refused() {
    let f = journal();
    let mut args = os(&["kudos", "add", "--given", "--person", "A", "--message"]);
    args.push(OsString::from_vec(b"caf\xe9".to_vec()));
    let line = rejected(&f, &args);
    assert!(line.contains("UTF-8"), "{line}");

    let mut args = os(&["kudos", "search"]);
    args.push(OsString::from_vec(vec![0xff, 0xfe]));
    rejected(&f, &args);
}

#[test]
fn a_bad_test_clock_is_refused() {
    let f = journal();
    let line = fails(
        f.cmd()
            .env("HUGOPS_NOW", "yesterday")
            .args(["kudos", "list"])
            .assert(),
    );
    assert!(line.contains("HUGOPS_NOW"), "{line}");
    let line = fails(
        f.cmd()
            .env("HUGOPS_TZ", "Mars/Olympus")
            .args(["kudos", "list"])
            .assert(),
    );
    assert!(line.contains("Mars/Olympus"), "{line}");
}

#[test]
fn flags_refused_before_the_library_create_no_database() {
    let f = Fixture::new();
    for args in [
        &[
            "kudos",
            "add",
            "--given",
            "--person",
            "A",
            "--message",
            "m",
            "--date",
            "2026-13-01",
        ][..],
        &["kudos", "list", "--to", "tomorrow"],
        &["kudos", "edit", "1"],
        &["settings", "get", "no.such.key"],
    ] {
        fails(f.cmd().args(args).assert());
    }
    assert!(!f.db.exists(), "a refused command created the database");
}
