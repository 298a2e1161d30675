//! A database on a full or read-only filesystem: each test mounts a small
//! tmpfs of its own, and is skipped, saying so, where mounting is not
//! permitted.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::*;
use crate::clock::{Clock, FixedClock};
use crate::journal::{self, Filter};

/// A 1 MiB tmpfs mounted on a temporary folder, unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// `None`, after a notice on stderr, when mounting is not permitted.
    fn mount(test: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = run(
            "mount",
            &["-t", "tmpfs", "-o", "size=1m", "tmpfs"],
            dir.path(),
        );
        if let Err(why) = mounted {
            eprintln!("skipped {test}: cannot mount a tmpfs ({why})");
            return None;
        }
        Some(Tmpfs { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Remounts the filesystem read-only.
    fn make_read_only(&self) {
        run("mount", &["-o", "remount,ro"], self.path()).unwrap();
    }

    /// Fills the filesystem until no byte is left.
    fn fill(&self) -> PathBuf {
        let filler = self.path().join("filler");
        let mut file = fs::File::create(&filler).unwrap();
        let block = vec![0u8; 4096];
        while std::io::Write::write_all(&mut file, &block).is_ok() {}
        filler
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = run("umount", &["-l"], self.path());
    }
}

/// Runs `program args… dir`; the error is its stderr.
fn run(program: &str, args: &[&str], dir: &Path) -> Result<(), String> {
    let out = Command::new(program)
        .args(args)
        .arg(dir)
        .output()
        .map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
    }
}

fn clock() -> FixedClock {
    FixedClock::at("2026-11-24T10:00:00Z")
}

/// A journal import file of `n` entries with long messages.
fn big_import(dir: &Path, n: usize) -> PathBuf {
    let entries: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            serde_json::json!({
                "direction": "given",
                "person": format!("Person {i}"),
                "message": format!("{i} {}", "thanks for the careful review ".repeat(20)),
                "occurred_on": "2026-11-20",
            })
        })
        .collect();
    let path = dir.join("big.json");
    fs::write(&path, serde_json::to_vec(&entries).unwrap()).unwrap();
    path
}

fn live_entries(store: &Store) -> usize {
    journal::list(store, &Filter::default()).unwrap().len()
}

#[test]
fn an_import_on_a_full_disk_fails_clearly_and_loses_nothing() {
    let Some(fs) = Tmpfs::mount("an_import_on_a_full_disk_fails_clearly_and_loses_nothing") else {
        return;
    };
    let elsewhere = tempfile::tempdir().unwrap();
    // Snapshots go to a roomy disk, so that the import itself meets the full one.
    std::os::unix::fs::symlink(elsewhere.path(), fs.path().join("backups")).unwrap();
    let db = fs.path().join("hugops.db");
    let mut store = Store::open(&db, clock().now()).unwrap();
    let small = big_import(elsewhere.path(), 3);
    journal::import_file(&mut store, &small, &clock()).unwrap();
    let filler = fs.fill();

    let big = big_import(elsewhere.path(), 2_000);
    let e = journal::import_file(&mut store, &big, &clock()).unwrap_err();
    let message = e.to_string();
    assert!(message.contains("disk is full"), "{message}");
    assert!(message.contains("nothing was changed"), "{message}");

    drop(store);
    fs::remove_file(filler).unwrap();
    let store = Store::open(&db, clock().now()).unwrap();
    assert_eq!(live_entries(&store), 3);
    let check: String = store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

fn given(person: &str) -> journal::NewEntry {
    journal::NewEntry {
        direction: Some(journal::Direction::Given),
        person: person.into(),
        message: "thanks".into(),
        ..Default::default()
    }
}

/// Creates a database at `db` holding one entry.
fn one_entry_at(db: &Path) {
    let mut store = Store::open(db, clock().now()).unwrap();
    journal::add(&mut store, given("Ana"), &clock()).unwrap();
}

/// The database at `db`, which cannot be written, opens for reading and
/// refuses a write with an error that says why, leaving the file as it was.
fn assert_opens_read_only(db: &Path) {
    let before = fs::read(db).unwrap();
    let mut store = Store::open(db, clock().now()).unwrap();
    assert!(store.is_read_only());
    assert_eq!(live_entries(&store), 1);
    let e = journal::add(&mut store, given("Bo"), &clock()).unwrap_err();
    assert!(e.to_string().contains("read-only"), "{e}");
    assert!(e.to_string().contains("nothing was changed"), "{e}");
    drop(store);
    assert_eq!(fs::read(db).unwrap(), before);
}

#[test]
fn a_database_on_a_read_only_filesystem_opens_for_reading() {
    let Some(fs) = Tmpfs::mount("a_database_on_a_read_only_filesystem_opens_for_reading") else {
        return;
    };
    let db = fs.path().join("hugops.db");
    one_entry_at(&db);
    let elsewhere = tempfile::tempdir().unwrap();
    let snapshot = elsewhere.path().join("snapshot.db");
    fs::copy(&db, &snapshot).unwrap();
    fs.make_read_only();
    assert_opens_read_only(&db);
    let mut store = Store::open(&db, clock().now()).unwrap();
    let e = crate::backup::restore(&mut store, &snapshot, clock().now()).unwrap_err();
    assert!(e.to_string().contains("read-only"), "{e}");
}

#[test]
fn a_database_file_without_write_permission_opens_for_reading() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hugops.db");
    one_entry_at(&db);
    fs::set_permissions(&db, fs::Permissions::from_mode(0o400)).unwrap();
    if fs::OpenOptions::new().append(true).open(&db).is_ok() {
        eprintln!("skipped a_database_file_without_write_permission_opens_for_reading: this user writes a 0400 file anyway (root)");
        return;
    }
    assert_opens_read_only(&db);
}
