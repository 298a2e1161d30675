//! The snapshots taken for other modules: before a migration, before every
//! kind of import.

use chrono::TimeZone;

use super::*;
use crate::clock::{Clock, FixedClock};
use crate::journal::{self, Filter};
use crate::threads::{chat_kudos, Message, Thread};

const NOW: &str = "2026-11-24T10:00:00Z";

fn open_in(dir: &Path) -> Store {
    Store::open(dir.join("hugops.db"), FixedClock::at(NOW).now()).unwrap()
}

/// A journal import file with one entry.
fn one_entry_file(dir: &Path) -> PathBuf {
    let file = dir.join("k.json");
    let entry =
        r#"{"direction":"given","person":"Ana","message":"thanks","occurred_on":"2026-11-20"}"#;
    fs::write(&file, format!("[{entry}]")).unwrap();
    file
}

fn reasons(store: &Store) -> Vec<Reason> {
    list(store.path())
        .unwrap()
        .iter()
        .map(|s| s.reason)
        .collect()
}

/// A database at schema version 1 holding one entry.
fn schema_one_db(dir: &Path) -> PathBuf {
    let path = dir.join("hugops.db");
    let mut c = Connection::open(&path).unwrap();
    c.pragma_update(None, "application_id", store::APPLICATION_ID)
        .unwrap();
    store::schema::migrations().to_version(&mut c, 1).unwrap();
    super::tests::add_entry(&c);
    path
}

fn user_version(path: &Path) -> i64 {
    Connection::open(path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

#[test]
fn an_older_schema_is_snapshotted_before_migrating_and_a_new_one_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = schema_one_db(dir.path());
    let now = FixedClock::at(NOW).now();
    drop(Store::open(dir.path().join("fresh.db"), now).unwrap());
    assert!(list(&path).unwrap().is_empty(), "a new database has none");

    let store = Store::open(&path, now).unwrap();
    let all = list(&path).unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].reason, Reason::PreMigration);
    assert_eq!(all[0].entries, 1);
    assert_eq!(
        user_version(&all[0].path),
        1,
        "the snapshot holds the schema before the migration"
    );

    drop(store);
    drop(Store::open(&path, now).unwrap());
    assert_eq!(list(&path).unwrap().len(), 1, "an up-to-date one has none");
}

#[test]
fn an_older_schema_whose_snapshot_fails_is_not_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = schema_one_db(dir.path());
    fs::write(dir.path().join("backups"), "in the way").unwrap();
    let e = Store::open(&path, FixedClock::at(NOW).now()).unwrap_err();
    assert!(e.to_string().contains("not upgraded"), "{e}");
    assert_eq!(user_version(&path), 1);
}

#[test]
fn a_journal_import_is_preceded_by_a_snapshot_of_what_was_there() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open_in(dir.path());
    let clock = FixedClock::at(NOW);
    let file = one_entry_file(dir.path());
    journal::import_file(&mut store, &file, &clock).unwrap();
    let all = list(store.path()).unwrap();
    assert_eq!(reasons(&store), [Reason::PreImport]);
    assert_eq!(all[0].entries, 0);
    assert_eq!(journal::list(&store, &Filter::default()).unwrap().len(), 1);
}

#[test]
fn a_roster_import_is_preceded_by_a_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open_in(dir.path());
    let csv = "name,email,team,timezone,start_date\nA,a@x.org,T,UTC,2026-01-01\n";
    let now = FixedClock::at(NOW).now();
    crate::buddies::import_roster_bytes(&mut store, "r.csv", csv.as_bytes(), now).unwrap();
    assert_eq!(reasons(&store), [Reason::PreImport]);
}

#[test]
fn a_chat_import_is_preceded_by_a_snapshot_when_it_logs_something() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open_in(dir.path());
    let clock = FixedClock::at(NOW);
    let message = |author: &str, text: &str| Message {
        author: author.into(),
        text: text.into(),
        ts: Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).single(),
        link: None,
    };
    let quiet = [Thread {
        channel: None,
        messages: vec![message("Lars", "lunch?")],
    }];
    chat_kudos::import(&mut store, &quiet, "Kiri", &clock).unwrap();
    assert!(reasons(&store).is_empty());
    let thanks = [Thread {
        channel: None,
        messages: vec![message("Lars", "thanks Kiri")],
    }];
    let report = chat_kudos::import(&mut store, &thanks, "Kiri", &clock).unwrap();
    assert_eq!(report.logged, 1);
    assert_eq!(reasons(&store), [Reason::PreImport]);
}

#[test]
fn an_import_whose_snapshot_fails_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open_in(dir.path());
    // A file where the backups folder should be.
    fs::write(dir.path().join("backups"), "in the way").unwrap();
    let file = one_entry_file(dir.path());
    let e = journal::import_file(&mut store, &file, &FixedClock::at(NOW)).unwrap_err();
    assert!(e.to_string().contains("nothing was imported"), "{e}");
    assert!(journal::list(&store, &Filter::default())
        .unwrap()
        .is_empty());
}
