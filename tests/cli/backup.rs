//! `hugops backup now | list | restore`, with `HUGOPS_BACKUP_DIR` set to a
//! temporary folder.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

use crate::support::{fails, stdout, Fixture, NOW};

/// A fixture database whose snapshots go to their own temporary folder.
struct Backups {
    f: Fixture,
    dir: TempDir,
}

impl Backups {
    fn new() -> Self {
        Backups {
            f: Fixture::new(),
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// `hugops --db <db> <args>` with the backups folder set.
    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = self.f.cmd();
        cmd.env("HUGOPS_BACKUP_DIR", self.dir.path()).args(args);
        cmd
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd(args).assert().success();
        serde_json::from_str(&stdout(&out)).expect("stdout is JSON")
    }

    fn backups(&self) -> Vec<Value> {
        let list = self.json(&["backup", "list", "--json"]);
        list["backups"].as_array().expect("a backups array").clone()
    }

    /// `backup restore <path>` one hour after [`NOW`].
    fn restore(&self, path: &Path) -> Command {
        let mut cmd = self.cmd(&["backup", "restore"]);
        cmd.arg(path).env("HUGOPS_NOW", "2026-11-24T11:00:00Z");
        cmd
    }

    fn entries(&self) -> usize {
        self.f.list(&[]).len()
    }
}

#[test]
fn now_list_and_restore_round_trip() {
    let b = Backups::new();
    b.f.add_simple(true, "Ana", "thanks", "2026-11-20");
    b.f.add_simple(false, "Bo", "cheers", "2026-11-21");
    let taken = b.json(&["backup", "now", "--json"]);
    let path = PathBuf::from(taken["path"].as_str().expect("a path"));
    assert_eq!(path.parent(), Some(b.dir.path()));
    assert_eq!(taken["entries"], 2);
    assert_eq!(taken["bytes"], fs::metadata(&path).unwrap().len());
    b.f.add_simple(true, "Cy", "one more", "2026-11-22");

    let list = b.backups();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["path"], taken["path"]);
    assert_eq!(list[0]["created_at"], NOW);
    assert_eq!(list[0]["reason"], "manual");
    assert_eq!(list[0]["entries"], 2);

    let out = b.restore(&path).assert().success();
    assert!(stdout(&out).starts_with("restored "), "{}", stdout(&out));
    assert_eq!(b.entries(), 2);
    let list = b.backups();
    let reasons: Vec<&str> = list.iter().map(|s| s["reason"].as_str().unwrap()).collect();
    assert_eq!(reasons, ["before-restore", "manual"], "newest first");
    assert_eq!(list[0]["entries"], 3, "the replaced state is kept");
    assert_eq!(list[0]["created_at"], "2026-11-24T11:00:00Z");
}

#[test]
fn text_output_is_readable_lines() {
    let b = Backups::new();
    let out = b.cmd(&["backup", "list"]).assert().success();
    assert_eq!(stdout(&out), "no backups yet\n");
    b.f.add_simple(true, "Ana", "thanks", "2026-11-20");
    let out = b.cmd(&["backup", "now"]).assert().success();
    let text = stdout(&out);
    assert!(text.starts_with("snapshot written: "), "{text}");
    assert!(text.contains("1 entry,"), "{text}");
    let out = b.cmd(&["backup", "list"]).assert().success();
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.starts_with(&format!("{NOW}  manual")), "{text}");
}

#[test]
fn snapshots_go_beside_the_database_by_default() {
    let f = Fixture::new();
    let taken = f.json(["backup", "now", "--json"]);
    let path = PathBuf::from(taken["path"].as_str().expect("a path"));
    assert_eq!(path.parent(), Some(f.path("backups").as_path()));
}

#[test]
fn restore_refuses_what_it_cannot_use_and_changes_nothing() {
    let b = Backups::new();
    b.f.add_simple(true, "Ana", "thanks", "2026-11-20");
    let notes = b.f.write("notes.db", "my notes\n");
    let mut garbage = b"SQLite format 3\0".to_vec();
    garbage.extend(std::iter::repeat_n(0xAB, 4096));
    let corrupt = b.f.write("broken.db", garbage);
    let future = b.f.path("future.db");
    Fixture {
        dir: tempfile::tempdir().unwrap(),
        db: future.clone(),
    }
    .add_simple(true, "Zed", "from the future", "2026-11-20");
    rusqlite::Connection::open(&future)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let missing = b.f.path("missing.db");

    for (file, says) in [
        (&notes, "not a HugOps database"),
        (&corrupt, "not a HugOps database"),
        (&future, "newer HugOps"),
        (&missing, "missing.db"),
    ] {
        let line = fails(b.restore(file).assert());
        assert!(line.contains(&file.display().to_string()), "{line}");
        assert!(line.contains(says), "{line}");
    }
    assert_eq!(b.entries(), 1);
    assert!(b.backups().is_empty(), "no snapshot was taken");
}
