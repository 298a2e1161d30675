//! Putting a snapshot in place of a database that cannot be opened at all
//! (a corrupt file): the broken file is moved aside, never deleted, and the
//! snapshot is written where it was.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::{check_restorable, copy_database, list, Snapshot};
use crate::error::{Error, Result};

/// The newest snapshot of the database at `db` that [`check_restorable`]
/// accepts, if any.
pub fn newest_restorable(db: &Path) -> Result<Option<Snapshot>> {
    Ok(list(db)?
        .into_iter()
        .find(|s| check_restorable(&s.path).is_ok()))
}

/// Moves the database at `db` (with its `-wal` and `-shm` files) aside as
/// `<name>.broken-<YYYYMMDDTHHMMSSZ>` and writes the snapshot at `snapshot`
/// in its place (mode 0600); returns where the broken file went. A snapshot
/// that cannot be restored is refused first, changing nothing.
pub fn replace_broken(db: &Path, snapshot: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
    check_restorable(snapshot)?;
    let broken = with_suffix(db, &format!(".broken-{}", now.format("%Y%m%dT%H%M%SZ")));
    for suffix in ["", "-wal", "-shm"] {
        let from = with_suffix(db, suffix);
        if from.exists() {
            let to = with_suffix(&broken, suffix);
            fs::rename(&from, &to).map_err(|e| Error::io(&from, e))?;
        }
    }
    crate::fs::create_private_new(db).map_err(|e| Error::io(db, e))?;
    copy_database(snapshot, &mut Connection::open(db)?)?;
    Ok(broken)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::super::{snapshot, Reason};
    use super::*;
    use crate::testing::at;
    use crate::Store;

    #[test]
    fn a_corrupt_database_is_moved_aside_and_the_newest_good_snapshot_put_back() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("hugops.db");
        let store = Store::open(&db, at("2026-11-24T10:00:00Z")).unwrap();
        super::super::tests::add_entry(store.conn());
        let good = snapshot(&store, Reason::Manual, at("2026-11-24T10:00:00Z")).unwrap();
        super::super::tests::add_entry(store.conn());
        let newer = snapshot(&store, Reason::Manual, at("2026-11-25T10:00:00Z")).unwrap();
        drop(store);
        // The newest snapshot is damaged too: the older good one is offered.
        fs::write(&newer.path, b"not a database at all, just bytes").unwrap();
        let garbage = b"SQLite format 3\0 and then nothing that makes sense".repeat(100);
        fs::write(&db, &garbage).unwrap();
        assert!(Store::open(&db, at("2026-11-26T10:00:00Z")).is_err());

        let offered = newest_restorable(&db).unwrap().unwrap();
        assert_eq!(offered.path, good.path);
        let broken = replace_broken(&db, &offered.path, at("2026-11-26T10:00:00Z")).unwrap();
        assert_eq!(fs::read(&broken).unwrap(), garbage, "kept, not deleted");
        assert!(broken.ends_with("hugops.db.broken-20261126T100000Z"));
        let store = Store::open(&db, at("2026-11-26T10:00:00Z")).unwrap();
        let n: i64 = store
            .conn()
            .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&db).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_bad_snapshot_is_refused_before_anything_moves() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("hugops.db");
        fs::write(&db, b"broken").unwrap();
        let bad = dir.path().join("bad.db");
        fs::write(&bad, b"also broken").unwrap();
        assert!(replace_broken(&db, &bad, at("2026-11-26T10:00:00Z")).is_err());
        assert_eq!(fs::read(&db).unwrap(), b"broken");
        assert_eq!(newest_restorable(&db).unwrap(), None);
    }
}
