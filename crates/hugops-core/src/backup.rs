//! Snapshots of the database, and restoring one.
//!
//! A snapshot is written with `VACUUM INTO`, which reads one consistent state
//! of the live database (WAL included) and is never a copy of its files. It
//! goes to the backups folder ([`store::resolve_backup_dir`]: `backups/`
//! beside the database, or `$HUGOPS_BACKUP_DIR`) as
//! `hugops-<YYYYMMDDTHHMMSSZ>-<reason>.db` (a `-N` suffix when that name is
//! taken), mode 0600. Every snapshot is checked with `PRAGMA
//! integrity_check`; one that fails is deleted and the snapshot is an error.
//! In-memory stores take no snapshots.
//!
//! Snapshots are taken once a day while HugOps runs ([`daily_if_due`]),
//! before every schema migration (by [`Store::open`]), before every import
//! ([`before_import`]), on request, and before a restore.
//!
//! Retention, applied after every snapshot:
//! - `daily`: the newest daily snapshot of each of the 7 most recent UTC days
//!   that have one is kept; of the other daily snapshots, the newest of each
//!   of the 4 most recent ISO weeks that have one is kept (the weekly ones);
//!   every other daily snapshot is deleted;
//! - `pre-migration`: only the newest is kept;
//! - `pre-import`: the 7 newest are kept;
//! - `manual` and `before-restore`: never deleted automatically.
//!
//! A restore refuses a file that is not a HugOps database, is corrupt, or was
//! written by a newer schema, and a read-only live database, changing nothing; otherwise it snapshots the
//! current state (`before-restore`) and copies the file into the live
//! database through SQLite's backup API, then migrates it to this schema.

mod recover;
mod retention;

pub use recover::{newest_restorable, replace_broken};

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::clock::format_instant;
use crate::error::{Error, Result};
pub use crate::store::snapshot::Reason;
use crate::store::snapshot::{self, check_integrity, corrupt};
use crate::store::{self, Store};

/// Pre-import snapshots kept by the retention rule.
pub const PRE_IMPORT_KEPT: usize = 7;

/// A snapshot file known by its name alone (nothing opened).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Named {
    path: PathBuf,
    created_at: DateTime<Utc>,
    reason: Reason,
}

/// One snapshot on disk.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename = "Backup")]
pub struct Snapshot {
    pub path: PathBuf,
    #[serde(serialize_with = "ser_instant")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub created_at: DateTime<Utc>,
    pub reason: Reason,
    pub bytes: u64,
    /// Journal entries (not deleted) in the snapshot.
    pub entries: i64,
}

fn ser_instant<S: serde::Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format_instant(*t))
}

/// Takes a snapshot of `store` at `now`, then applies the retention rule.
/// An in-memory store has nothing to snapshot: an error.
pub fn snapshot(store: &Store, reason: Reason, now: DateTime<Utc>) -> Result<Snapshot> {
    if store.is_in_memory() {
        return Err(Error::invalid(
            "backup",
            "an in-memory database has no backups",
        ));
    }
    snapshot_conn(store.conn(), store.path(), reason, now)
}

/// Takes a `pre-import` snapshot, unless the store is in memory. Every
/// import calls it just before its transaction; when it fails the import
/// does not start.
pub fn before_import(store: &Store, now: DateTime<Utc>) -> Result<()> {
    if store.is_in_memory() {
        return Ok(());
    }
    snapshot_conn(store.conn(), store.path(), Reason::PreImport, now)
        .map(drop)
        .map_err(|e| {
            Error::invalid(
                "backup",
                format!("cannot take a snapshot before importing, so nothing was imported: {e}"),
            )
        })
}

/// Takes a `daily` snapshot unless one was already taken on `now`'s UTC day
/// (or the store is in memory). When none is due it only lists file names.
pub fn daily_if_due(store: &Store, now: DateTime<Utc>) -> Result<Option<Snapshot>> {
    if store.is_in_memory() {
        return Ok(None);
    }
    let today = now.date_naive();
    let done = list_names(&store::resolve_backup_dir(store.path()))?
        .iter()
        .any(|s| s.reason == Reason::Daily && s.created_at.date_naive() == today);
    if done {
        return Ok(None);
    }
    snapshot(store, Reason::Daily, now).map(Some)
}

pub(crate) fn snapshot_conn(
    conn: &Connection,
    db: &Path,
    reason: Reason,
    now: DateTime<Utc>,
) -> Result<Snapshot> {
    let dir = store::resolve_backup_dir(db);
    let path = snapshot::write(conn, &dir, reason, now)?;
    let snap = describe(Named {
        path,
        created_at: now,
        reason,
    })?;
    prune(&dir)?;
    Ok(snap)
}

/// The snapshots of the database at `db`, newest first.
pub fn list(db: &Path) -> Result<Vec<Snapshot>> {
    list_names(&store::resolve_backup_dir(db))?
        .into_iter()
        .map(describe)
        .collect()
}

/// The snapshot files in `dir` by their names, newest first.
fn list_names(dir: &Path) -> Result<Vec<Named>> {
    let read = match fs::read_dir(dir) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut out: Vec<Named> = read
        .filter_map(|e| e.ok())
        .filter_map(|e| parse_name(e.path()))
        .collect();
    out.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.path.cmp(&a.path)));
    Ok(out)
}

/// Parses `hugops-<stamp>-<reason>[-N].db`.
fn parse_name(path: PathBuf) -> Option<Named> {
    let name = path.file_name()?.to_str()?;
    let rest = name.strip_prefix("hugops-")?.strip_suffix(".db")?;
    let (stamp, reason) = rest.split_once('-')?;
    let created_at = NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%SZ")
        .ok()?
        .and_utc();
    let reason = Reason::parse(reason).or_else(|| {
        let (r, n) = reason.rsplit_once('-')?;
        n.parse::<u32>().ok()?;
        Reason::parse(r)
    })?;
    Some(Named {
        path,
        created_at,
        reason,
    })
}

/// Size and journal entries of a named snapshot (0 entries when it cannot
/// be read as a HugOps database).
fn describe(named: Named) -> Result<Snapshot> {
    let bytes = fs::metadata(&named.path)
        .map_err(|e| Error::io(&named.path, e))?
        .len();
    let entries = Connection::open_with_flags(&named.path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .and_then(|c| {
            c.query_row(
                "SELECT count(*) FROM entries WHERE deleted_at IS NULL",
                [],
                |r| r.get(0),
            )
        })
        .unwrap_or(0);
    Ok(Snapshot {
        path: named.path,
        created_at: named.created_at,
        reason: named.reason,
        bytes,
        entries,
    })
}

/// Deletes the snapshots the retention rule (module doc) does not keep.
fn prune(dir: &Path) -> Result<()> {
    let all = list_names(dir)?;
    let kept = retention::kept(&all);
    for s in all.iter().filter(|s| !kept.contains(&s.path)) {
        fs::remove_file(&s.path).map_err(|e| Error::io(&s.path, e))?;
    }
    Ok(())
}

/// Checks that `path` is an intact HugOps database with its tables, at a
/// schema this build knows: what [`restore`] accepts.
pub fn check_restorable(path: &Path) -> Result<()> {
    if !store::check_existing_file(path)? {
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        return Err(Error::io(path, missing));
    }
    check_integrity(path)?;
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| corrupt(path, e.to_string()))?;
    store::check_identity(&conn, path)?;
    let journal: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'entries'",
        [],
        |r| r.get(0),
    )?;
    if journal == 0 {
        return Err(Error::NotHugOpsDb {
            path: path.into(),
            reason: "it holds no HugOps data".into(),
        });
    }
    Ok(())
}

/// Restores the snapshot at `path` into `store` (see the module doc);
/// returns the `before-restore` snapshot of the replaced state.
pub fn restore(store: &mut Store, path: &Path, now: DateTime<Utc>) -> Result<Snapshot> {
    if store.is_read_only() {
        return Err(Error::invalid(
            "restore",
            format!(
                "{} is read-only, so nothing can be restored into it",
                store.path().display()
            ),
        ));
    }
    check_restorable(path)?;
    let before = snapshot(store, Reason::BeforeRestore, now)?;
    copy_database(path, store.conn_mut())?;
    store.migrate()?;
    Ok(before)
}

/// Copies the database file at `src` into `dst` through SQLite's online
/// backup API (never a file copy).
fn copy_database(src: &Path, dst: &mut Connection) -> Result<()> {
    let src = Connection::open_with_flags(src, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    rusqlite::backup::Backup::new(&src, dst)?.run_to_completion(
        256,
        std::time::Duration::ZERO,
        None,
    )?;
    Ok(())
}

#[cfg(test)]
mod hook_tests;
#[cfg(test)]
mod tests;
