//! Killing `hugops kudos import` mid-way must leave the journal as it was:
//! intact, and with either none or all of the file's entries.

use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::support::{bin, entries_json, Fixture, NOW, TZ};

const BULK: i64 = 50_000;
const SEEDED: i64 = 3;
/// A write-ahead log this big means the import's transaction is under way.
const WAL_UNDER_WAY: u64 = 512 * 1024;
const SIGKILL: i32 = 9;

/// When to kill the import: once its write-ahead log grows, or after a delay.
#[derive(Debug, Clone, Copy)]
enum KillAt {
    WalGrows,
    After(Duration),
}

fn wal_path(db: &Path) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push("-wal");
    PathBuf::from(p)
}

fn wal_len(db: &Path) -> u64 {
    std::fs::metadata(wal_path(db))
        .map(|m| m.len())
        .unwrap_or(0)
}

/// A journal of [`SEEDED`] entries.
fn seeded() -> Fixture {
    let f = Fixture::new();
    for i in 0..SEEDED {
        f.add_simple(i % 2 == 0, "Seed", &format!("seed entry {i}"), "2026-11-01");
    }
    f
}

/// Integrity and entry count of the database, read directly with SQLite.
fn inspect(db: &Path) -> (String, i64) {
    let conn = rusqlite::Connection::open(db).expect("open the database after the crash");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    let count: i64 = conn
        .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .expect("count");
    (integrity, count)
}

/// Starts the import of `file` into `f` and kills it at `at` (unless it ends
/// first). Returns whether SIGKILL is what ended it.
fn import_and_kill(f: &Fixture, file: &Path, at: KillAt) -> bool {
    let mut child = Command::new(bin())
        .env("HUGOPS_NOW", NOW)
        .env("HUGOPS_TZ", TZ)
        .arg("--db")
        .arg(&f.db)
        .args(["kudos", "import"])
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn hugops");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("try_wait").is_some() {
            break;
        }
        let due = match at {
            KillAt::WalGrows => wal_len(&f.db) >= WAL_UNDER_WAY,
            KillAt::After(delay) => start.elapsed() >= delay,
        };
        // Never wait forever, whatever happens.
        if due || start.elapsed() > Duration::from_secs(120) {
            child.kill().expect("kill");
            break;
        }
        sleep(Duration::from_millis(1));
    }
    let status = child.wait().expect("wait");
    status.signal() == Some(SIGKILL)
}

#[test]
fn killed_import_leaves_all_or_nothing() {
    let work = Fixture::new();
    let file = work.write("bulk.json", entries_json(BULK as usize));

    let mut plans = vec![KillAt::WalGrows];
    plans.extend([1500, 800, 400, 200, 100, 50].map(|ms| KillAt::After(Duration::from_millis(ms))));
    let mut killed_runs = 0;
    let mut recovered_once = false;
    for at in plans {
        let f = seeded();
        let killed = import_and_kill(&f, &file, at);
        let (integrity, count) = inspect(&f.db);
        eprintln!("{at:?}: killed by SIGKILL: {killed}, {count} entries after");
        assert_eq!(integrity, "ok", "{at:?}");
        assert!(
            count == SEEDED || count == SEEDED + BULK,
            "{at:?}: {count} entries, expected {SEEDED} or {}",
            SEEDED + BULK
        );
        // The CLI itself still reads the journal, and agrees.
        let stats = f.json(["kudos", "stats", "--json"]);
        let total =
            stats["given"].as_i64().unwrap_or(-1) + stats["received"].as_i64().unwrap_or(-1);
        assert_eq!(total, count, "{at:?}");
        if killed {
            killed_runs += 1;
            if !recovered_once && count == SEEDED {
                // Importing again after the crash completes normally.
                let said = f.ok([
                    std::ffi::OsStr::new("kudos"),
                    "import".as_ref(),
                    file.as_os_str(),
                ]);
                assert_eq!(
                    said,
                    format!("imported {BULK} entries, skipped 0 duplicates\n")
                );
                assert_eq!(inspect(&f.db), ("ok".to_string(), SEEDED + BULK));
                recovered_once = true;
            }
        }
        if killed_runs >= 2 && recovered_once {
            break;
        }
    }
    assert!(
        killed_runs > 0,
        "every import finished before it could be killed"
    );
}
