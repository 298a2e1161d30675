//! A database on a full disk or a read-only filesystem: each test mounts a
//! small tmpfs, and is skipped, saying so, where mounting is not permitted.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::Command as Process;

use crate::support::{entries_json, fails, Fixture};

/// A fixture whose folder is a 1 MiB tmpfs, unmounted when dropped.
struct Mount(Fixture);

impl Mount {
    fn new(test: &str) -> Option<Mount> {
        let f = Fixture::new();
        match mount(&["-t", "tmpfs", "-o", "size=1m", "tmpfs"], f.dir.path()) {
            Ok(()) => Some(Mount(f)),
            Err(why) => {
                eprintln!("skipped {test}: cannot mount a tmpfs ({why})");
                None
            }
        }
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Process::new("umount")
            .arg("-l")
            .arg(self.0.dir.path())
            .status();
    }
}

fn mount(args: &[&str], dir: &Path) -> Result<(), String> {
    let out = Process::new("mount")
        .args(args)
        .arg(dir)
        .output()
        .map_err(|e| e.to_string())?;
    match out.status.success() {
        true => Ok(()),
        false => Err(String::from_utf8_lossy(&out.stderr).trim().to_string()),
    }
}

#[test]
fn an_import_on_a_full_disk_fails_with_one_line_and_keeps_what_was_stored() {
    let Some(m) = Mount::new("an_import_on_a_full_disk_fails_with_one_line") else {
        return;
    };
    let roomy = tempfile::tempdir().expect("temp dir");
    let f = &m.0;
    f.add_simple(true, "Ana", "thanks", "2026-11-20");
    let filler = f.path("filler");
    let mut file = fs::File::create(&filler).unwrap();
    while file.write_all(&[0u8; 4096]).is_ok() {}
    // Room to open the database (its WAL index and log), not to import.
    let full = file.metadata().unwrap().len();
    file.set_len(full - 256 * 1024).unwrap();
    let big = roomy.path().join("big.json");
    fs::write(&big, entries_json(3_000)).unwrap();

    let mut import = f.cmd();
    import.env("HUGOPS_BACKUP_DIR", roomy.path().join("backups"));
    let line = fails(import.args(["kudos", "import"]).arg(&big).assert());
    assert!(line.contains("disk is full"), "{line}");
    assert!(line.contains("nothing was changed"), "{line}");
    fs::remove_file(&filler).unwrap();
    assert_eq!(f.list(&[]).len(), 1);
}

#[test]
fn a_read_only_database_is_read_with_a_notice_and_refuses_writes() {
    let Some(m) = Mount::new("a_read_only_database_is_read_with_a_notice") else {
        return;
    };
    let f = &m.0;
    f.add_simple(true, "Ana", "thanks", "2026-11-20");
    mount(&["-o", "remount,ro"], f.dir.path()).unwrap();

    assert_eq!(f.list(&[]).len(), 1);
    let out = f.cmd().args(["kudos", "list"]).assert().success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.starts_with("hugops: notice: "), "{stderr}");
    assert!(stderr.contains("read-only"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");

    let line = f.fails([
        "kudos",
        "add",
        "--given",
        "--person",
        "Bo",
        "--message",
        "hi",
    ]);
    assert!(line.contains("read-only"), "{line}");
}
