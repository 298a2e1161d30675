use super::*;
use crate::clock::{Clock, FixedClock};
use crate::testing::at;

/// Adds one journal entry.
pub(super) fn add_entry(conn: &Connection) {
    conn.execute(
        "INSERT INTO entries (direction, person, message, occurred_on, created_at)
         VALUES ('given', 'Ana', 'thanks', '2026-11-24', '2026-11-24T10:00:00Z')",
        [],
    )
    .unwrap();
}

/// A database in `dir` holding one entry.
fn store_in(dir: &Path) -> Store {
    let store = Store::open(dir.join("hugops.db"), at("2026-11-24T10:00:00Z")).unwrap();
    add_entry(store.conn());
    store
}

#[test]
fn snapshot_is_private_checked_and_counts_entries() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let clock = FixedClock::at("2026-11-24T10:00:00Z");
    let snap = snapshot(&store, Reason::Manual, clock.now()).unwrap();
    assert_eq!(snap.entries, 1);
    assert_eq!(snap.reason, Reason::Manual);
    assert!(snap.path.starts_with(dir.path().join("backups")));
    assert!(snap.path.ends_with("hugops-20261124T100000Z-manual.db"));
    check_integrity(&snap.path).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&snap.path), 0o600);
        assert_eq!(mode(&dir.path().join("backups")), 0o700);
    }
    let again = snapshot(&store, Reason::Manual, clock.now()).unwrap();
    assert!(again.path.ends_with("hugops-20261124T100000Z-manual-2.db"));
    assert_eq!(list(store.path()).unwrap().len(), 2);
}

#[test]
fn a_damaged_page_fails_the_integrity_check() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let snap = snapshot(&store, Reason::Manual, at("2026-11-24T10:00:00Z")).unwrap();
    check_integrity(&snap.path).unwrap();
    let mut bytes = fs::read(&snap.path).unwrap();
    let page = 4096;
    // Every page after the first (the header) gets scribbled on.
    for b in bytes[page..].iter_mut().step_by(7) {
        *b = 0xAB;
    }
    fs::write(&snap.path, &bytes).unwrap();
    let e = check_integrity(&snap.path).unwrap_err();
    assert!(e.to_string().contains("corrupt"), "{e}");
}

/// The UTC days of the snapshots of `reason`, newest first.
fn days_of(store: &Store, reason: Reason) -> Vec<String> {
    list(store.path())
        .unwrap()
        .iter()
        .filter(|s| s.reason == reason)
        .map(|s| s.created_at.date_naive().to_string())
        .collect()
}

#[test]
fn a_year_of_daily_snapshots_keeps_seven_days_and_four_weeks() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let clock = FixedClock::at("2026-09-01T08:00:00Z");
    for _ in 0..365 {
        assert!(daily_if_due(&store, clock.now()).unwrap().is_some());
        clock.advance(chrono::Duration::hours(6));
        assert!(daily_if_due(&store, clock.now()).unwrap().is_none());
        clock.advance(chrono::Duration::hours(18));
    }
    let days = [
        "2027-08-31",
        "2027-08-30",
        "2027-08-29",
        "2027-08-28",
        "2027-08-27",
        "2027-08-26",
        "2027-08-25",
        // The newest of each of the four ISO weeks before them (weeks 34 to 31).
        "2027-08-24",
        "2027-08-22",
        "2027-08-15",
        "2027-08-08",
    ];
    assert_eq!(days_of(&store, Reason::Daily), days);
}

#[test]
fn retention_keeps_the_last_pre_migration_seven_pre_imports_and_every_manual() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let clock = FixedClock::at("2026-09-01T08:00:00Z");
    for _ in 0..10 {
        for reason in [Reason::PreMigration, Reason::PreImport, Reason::Manual] {
            snapshot(&store, reason, clock.now()).unwrap();
        }
        clock.advance(chrono::Duration::days(1));
    }
    assert_eq!(days_of(&store, Reason::PreMigration), ["2026-09-10"]);
    let pre_import = days_of(&store, Reason::PreImport);
    assert_eq!(pre_import.len(), PRE_IMPORT_KEPT);
    assert_eq!(pre_import.last().unwrap(), "2026-09-04");
    assert_eq!(days_of(&store, Reason::Manual).len(), 10);
}

#[test]
fn in_memory_stores_take_no_snapshots() {
    let store = Store::open_in_memory().unwrap();
    let now = at("2026-11-24T10:00:00Z");
    assert!(daily_if_due(&store, now).unwrap().is_none());
    before_import(&store, now).unwrap();
    assert!(snapshot(&store, Reason::Manual, now).is_err());
    assert!(list(store.path()).unwrap().is_empty());
}

#[test]
fn restore_brings_back_the_snapshot_and_keeps_the_replaced_state() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_in(dir.path());
    let clock = FixedClock::at("2026-11-24T10:00:00Z");
    let snap = snapshot(&store, Reason::Manual, clock.now()).unwrap();
    store.conn().execute("DELETE FROM entries", []).unwrap();
    clock.advance(chrono::Duration::minutes(1));
    let before = restore(&mut store, &snap.path, clock.now()).unwrap();
    assert_eq!(before.reason, Reason::BeforeRestore);
    assert_eq!(before.entries, 0);
    let n: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn restore_refuses_other_files_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_in(dir.path());
    let clock = FixedClock::at("2026-11-24T10:00:00Z");
    let text = dir.path().join("notes.db");
    fs::write(&text, "notes").unwrap();
    let corrupt_db = dir.path().join("broken.db");
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend(std::iter::repeat_n(0xAB, 4096));
    fs::write(&corrupt_db, &bytes).unwrap();
    let newer = dir.path().join("newer.db");
    {
        let s = Store::open(&newer, clock.now()).unwrap();
        s.conn()
            .pragma_update(None, "user_version", store::schema_version() + 1)
            .unwrap();
    }
    let foreign = dir.path().join("other.db");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let e = restore(&mut store, &foreign, clock.now()).unwrap_err();
    assert!(e.to_string().contains("another program"), "{e}");
    let e = restore(&mut store, &text, clock.now()).unwrap_err();
    assert!(matches!(e, Error::NotHugOpsDb { .. }), "{e}");
    let e = restore(&mut store, &corrupt_db, clock.now()).unwrap_err();
    assert!(matches!(e, Error::NotHugOpsDb { .. }), "{e}");
    let e = restore(&mut store, &newer, clock.now()).unwrap_err();
    assert!(matches!(e, Error::TooNew { .. }), "{e}");
    assert!(list(store.path()).unwrap().is_empty());
    let n: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
}
