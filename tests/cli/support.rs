//! Shared helpers: a temporary folder with a database path, and a `hugops`
//! command with the clock fixed so dates and times are predictable.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::assert::Assert;
use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The fixed "now" of every test run: a Tuesday, the test kit's.
pub use hugops_core::testing::NOW;
/// Today's date at [`NOW`] in [`TZ`].
pub const TODAY: &str = "2026-11-24";
pub const TZ: &str = "UTC";

/// The built `hugops` binary.
pub fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_hugops"))
}

/// `hugops` with a fixed clock and no database chosen by the environment.
pub fn hugops_bare() -> Command {
    let mut cmd = Command::new(bin());
    cmd.env("HUGOPS_NOW", NOW)
        .env("HUGOPS_TZ", TZ)
        .env_remove("HUGOPS_DB")
        .env_remove("HUGOPS_BACKUP_DIR")
        .env_remove("COLUMNS");
    cmd
}

/// `hugops --db <db>` with a fixed clock.
pub fn hugops(db: &Path) -> Command {
    let mut cmd = hugops_bare();
    cmd.arg("--db").arg(db);
    cmd
}

/// A temporary folder holding one database (`hugops.db`, created on first use).
pub struct Fixture {
    pub dir: TempDir,
    pub db: PathBuf,
}

impl Fixture {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("hugops.db");
        Fixture { dir, db }
    }

    /// A path inside the fixture's folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file in the fixture's folder and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        fs::write(&path, contents).expect("write fixture file");
        path
    }

    /// `hugops --db <this db>`.
    pub fn cmd(&self) -> Command {
        hugops(&self.db)
    }

    /// Runs `hugops <args>` on this database, expecting success; returns stdout.
    pub fn ok<I, S>(&self, args: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let out = self.cmd().args(args).assert().success();
        stdout(&out)
    }

    /// Runs `hugops <args>` (which should print JSON) and parses stdout.
    pub fn json<I, S>(&self, args: I) -> Value
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let text = self.ok(args);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {text}"))
    }

    /// Runs `hugops <args>` on this database, expecting the failure that
    /// [`fails`] checks; returns its error line.
    pub fn fails<I, S>(&self, args: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        fails(self.cmd().args(args).assert())
    }

    /// `kudos add <args> --json`: the stored entry.
    pub fn add(&self, args: &[&str]) -> Value {
        let mut full = vec!["kudos", "add"];
        full.extend_from_slice(args);
        full.push("--json");
        self.json(full)
    }

    /// Adds an entry from its parts; `given` picks the direction.
    pub fn add_simple(&self, given: bool, person: &str, message: &str, date: &str) -> Value {
        let dir = if given { "--given" } else { "--received" };
        self.add(&[
            dir,
            "--person",
            person,
            "--message",
            message,
            "--date",
            date,
        ])
    }

    /// `kudos list --json <extra>`: the entries.
    pub fn list(&self, extra: &[&str]) -> Vec<Value> {
        let mut full = vec!["kudos", "list", "--json"];
        full.extend_from_slice(extra);
        array(self.json(full))
    }

    /// Ids of `kudos list --json <extra>`, in order.
    pub fn list_ids(&self, extra: &[&str]) -> Vec<i64> {
        ids(&self.list(extra))
    }

    /// `kudos search <query> --json`: the entries.
    pub fn search(&self, query: &str) -> Vec<Value> {
        array(self.json(["kudos", "search", query, "--json"]))
    }

    /// `kudos export --format <format>` to stdout, as bytes.
    pub fn export(&self, format: &str) -> Vec<u8> {
        let out = self
            .cmd()
            .args(["kudos", "export", "--format", format])
            .assert()
            .success();
        out.get_output().stdout.clone()
    }
}

pub fn stdout(a: &Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).expect("stdout is UTF-8")
}

pub fn array(v: Value) -> Vec<Value> {
    match v {
        Value::Array(items) => items,
        other => panic!("expected a JSON array, got {other}"),
    }
}

pub fn ids(entries: &[Value]) -> Vec<i64> {
    entries
        .iter()
        .map(|e| e["id"].as_i64().expect("entry has an integer id"))
        .collect()
}

/// Asserts the run failed the way every `hugops` error must: exit status 2,
/// nothing on stdout, exactly one line on stderr starting `hugops: error: `.
/// Returns that line (without its line break).
pub fn fails(a: Assert) -> String {
    let a = a.code(2);
    let out = a.get_output();
    assert!(
        out.stdout.is_empty(),
        "stdout should be empty, got {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        stderr.ends_with('\n') && stderr.matches('\n').count() == 1,
        "stderr should be exactly one line, got {stderr:?}"
    );
    assert!(
        stderr.starts_with("hugops: error: "),
        "stderr should start with `hugops: error: `, got {stderr:?}"
    );
    stderr.trim_end().to_string()
}

/// A JSON import file of `n` distinct entries (ids left to the importer).
pub fn entries_json(n: usize) -> String {
    let items: Vec<Value> = (0..n)
        .map(|i| {
            serde_json::json!({
                "direction": if i % 3 == 0 { "received" } else { "given" },
                "person": format!("Person {}", i % 97),
                "message": format!("bulk kudos number {i}"),
                "tags": ["bulk"],
                "occurred_on": format!("2026-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
                "created_at": NOW,
            })
        })
        .collect();
    serde_json::to_string_pretty(&items).expect("serialise entries")
}

/// Runs hugops with `args` (and the fixed test clock) with its standard
/// output already closed, as `hugops ... | head -0` would: it must end quietly
/// with status 0.
pub fn exits_quietly_with_closed_stdout<I, S>(args: I)
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    use std::io::Read;
    use std::process::Stdio;

    let args: Vec<_> = args.into_iter().map(|a| a.as_ref().to_owned()).collect();
    let mut child = std::process::Command::new(bin())
        .env("HUGOPS_NOW", NOW)
        .env("HUGOPS_TZ", TZ)
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn hugops");
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    let status = child.wait().expect("wait");
    assert!(status.success(), "{args:?}: {status}, stderr {stderr:?}");
    assert_eq!(stderr, "", "{args:?}");
}
