//! Writing one snapshot of an open database: `VACUUM INTO` a new private
//! file named after the time and the reason, then `PRAGMA integrity_check`
//! on the copy (a copy that fails it is deleted). Listing, retention and
//! restore live in `crate::backup`; opening a store uses this before a
//! migration.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::error::{Error, Result};

/// Why a snapshot was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename = "BackupReason")]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    Daily,
    PreMigration,
    PreImport,
    Manual,
    BeforeRestore,
}

impl Reason {
    const ALL: [Reason; 5] = [
        Reason::Daily,
        Reason::PreMigration,
        Reason::PreImport,
        Reason::Manual,
        Reason::BeforeRestore,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Daily => "daily",
            Reason::PreMigration => "pre-migration",
            Reason::PreImport => "pre-import",
            Reason::Manual => "manual",
            Reason::BeforeRestore => "before-restore",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// Writes a snapshot of `conn` into `dir` (created, private) and checks it;
/// returns its path.
pub(crate) fn write(
    conn: &Connection,
    dir: &Path,
    reason: Reason,
    now: DateTime<Utc>,
) -> Result<PathBuf> {
    crate::fs::create_private_dir(dir)?;
    let path = free_name(dir, reason, now)?;
    let written = conn
        .execute("VACUUM INTO ?1", [path.to_string_lossy()])
        .map_err(Error::from)
        .and_then(|_| check_integrity(&path));
    if let Err(e) = written {
        let _ = fs::remove_file(&path);
        return Err(e);
    }
    Ok(path)
}

/// Creates (mode 0600, empty) and returns the first free snapshot name.
fn free_name(dir: &Path, reason: Reason, now: DateTime<Utc>) -> Result<PathBuf> {
    let stem = format!(
        "hugops-{}-{}",
        now.format("%Y%m%dT%H%M%SZ"),
        reason.as_str()
    );
    let mut n = 1;
    loop {
        let name = match n {
            1 => format!("{stem}.db"),
            n => format!("{stem}-{n}.db"),
        };
        let path = dir.join(name);
        match crate::fs::create_private_new(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => n += 1,
            Err(e) => return Err(Error::io(&path, e)),
            Ok(()) => return Ok(path),
        }
    }
}

pub(crate) fn check_integrity(path: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| corrupt(path, e.to_string()))?;
    let result: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| corrupt(path, e.to_string()))?;
    if result != "ok" {
        return Err(corrupt(path, result));
    }
    Ok(())
}

pub(crate) fn corrupt(path: &Path, why: String) -> Error {
    Error::NotHugOpsDb {
        path: path.into(),
        reason: format!("the file is corrupt: {why}"),
    }
}
