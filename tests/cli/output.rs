use std::ffi::OsStr;
use std::io::Read;
use std::process::{Command, Stdio};

use crate::support::{
    bin, entries_json, exits_quietly_with_closed_stdout, hugops_bare, Fixture, NOW,
};

#[test]
fn help_and_version_succeed() {
    let out = hugops_bare().arg("--help").assert().success();
    let help = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    for word in ["kudos", "settings", "reminders", "--db"] {
        assert!(help.contains(word), "{word} missing from help: {help}");
    }
    assert!(
        !help.contains("HUGOPS_NOW"),
        "the test clock is not for users"
    );
    let out = hugops_bare()
        .args(["kudos", "add", "--help"])
        .assert()
        .success();
    let help = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    for word in [
        "--given",
        "--received",
        "--person",
        "--message",
        "--tag",
        "--date",
        "--link",
        "--json",
    ] {
        assert!(help.contains(word), "{word} missing from add help: {help}");
    }
    let out = hugops_bare().arg("--version").assert().success();
    let version = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(version.starts_with("hugops "), "{version}");
}

/// Closes hugops' standard output before it writes, with the fixture's database.
fn with_closed_stdout(f: &Fixture, args: &[&str]) {
    let db = f.db.as_os_str();
    exits_quietly_with_closed_stdout(
        [OsStr::new("--db"), db]
            .into_iter()
            .chain(args.iter().map(OsStr::new)),
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let f = Fixture::new();
    let file = f.write("bulk.json", entries_json(300));
    f.ok([
        std::ffi::OsStr::new("kudos"),
        "import".as_ref(),
        file.as_os_str(),
    ]);
    for args in [
        &["kudos", "list"][..],
        &["kudos", "list", "--json"],
        &["kudos", "search", "bulk"],
        &["kudos", "export", "--format", "json"],
        &["kudos", "export", "--format", "csv"],
        &["kudos", "export", "--format", "md"],
        &["kudos", "stats"],
        &["settings"],
    ] {
        with_closed_stdout(&f, args);
    }
}

#[test]
fn a_pipe_closed_after_the_first_line_is_not_an_error() {
    let f = Fixture::new();
    let file = f.write("bulk.json", entries_json(2_000));
    f.ok([
        std::ffi::OsStr::new("kudos"),
        "import".as_ref(),
        file.as_os_str(),
    ]);
    let mut child = Command::new(bin())
        .env("HUGOPS_NOW", NOW)
        .arg("--db")
        .arg(&f.db)
        .args(["kudos", "list"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn hugops");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
