//! The one SQLite file where HugOps keeps everything.
//!
//! Opening is careful: a file that is not a HugOps database (or is corrupt, or
//! was written by a newer HugOps) is refused with a clear error and never
//! written to. A new database is created with mode 0600, WAL journaling,
//! foreign keys on, a busy timeout, and versioned migrations. A database
//! that cannot be written opens for reading only ([`Store::is_read_only`]).

pub(crate) mod schema;
pub(crate) mod snapshot;

#[cfg(all(test, target_os = "linux"))]
mod disk_tests;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};
use crate::fs::{create_private_dir, create_private_new};

/// `PRAGMA application_id` of every HugOps database ("HUGS" in ASCII).
pub const APPLICATION_ID: i32 = 0x4855_4753;

/// Environment variable that overrides the database path.
pub const DB_ENV: &str = "HUGOPS_DB";

/// Environment variable that overrides the backups folder.
pub const BACKUP_DIR_ENV: &str = "HUGOPS_BACKUP_DIR";

/// The path of an in-memory store.
const IN_MEMORY: &str = ":memory:";

/// How long a writer waits for another one before giving up.
const BUSY_TIMEOUT_MS: u32 = 5_000;

/// An open HugOps database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens the database at `path`, creating it (and its folder) if missing,
    /// and migrates it to the current schema. A database that holds data at
    /// an older schema is first snapshotted (`pre-migration`, named after
    /// `now`); when that snapshot fails, nothing is migrated.
    ///
    /// Fails with [`Error::NotHugOpsDb`] or [`Error::TooNew`] without writing
    /// anything if the file exists but is not a usable HugOps database.
    pub fn open(path: impl AsRef<Path>, now: DateTime<Utc>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let existed = check_existing_file(&path)?;
        if !existed {
            create_private_file(&path)?;
        }
        if let Some(why) = existed.then(|| read_only(&path)).transpose()?.flatten() {
            return open_read_only(path, why);
        }
        let mut conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| not_hugops(&path, e))?;
        conn.busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS.into()))?;
        if existed {
            check_identity(&conn, &path)?;
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| not_hugops(&path, e))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        if existed && migration_pending(&conn)? {
            let dir = resolve_backup_dir(&path);
            snapshot::write(&conn, &dir, snapshot::Reason::PreMigration, now).map_err(|e| {
                Error::invalid(
                    "backup",
                    format!("cannot take a snapshot before upgrading the database, so it was not upgraded: {e}"),
                )
            })?;
        }
        schema::migrations().to_latest(&mut conn)?;
        crate::first_use::record(&conn, now)?;
        restrict_sidecars(&path);
        Ok(Store {
            conn,
            path,
            read_only: false,
        })
    }

    /// Opens the database at `path` only if there is one: `Ok(None)`, with
    /// nothing created, when no file (or an empty one) is there. An existing
    /// file is checked and migrated as by [`Store::open`], so one that is not
    /// a HugOps database is refused the same way, untouched.
    pub fn open_existing(path: impl AsRef<Path>, now: DateTime<Utc>) -> Result<Option<Store>> {
        let path = path.as_ref();
        match fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::io(path, e)),
            Ok(meta) if meta.is_file() && meta.len() == 0 => Ok(None),
            Ok(_) => Store::open(path, now).map(Some),
        }
    }

    /// Opens a private in-memory database (for tests and benchmarks).
    pub fn open_in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        schema::migrations().to_latest(&mut conn)?;
        Ok(Store {
            conn,
            path: PathBuf::from(IN_MEMORY),
            read_only: false,
        })
    }

    /// Migrates the open database to the current schema.
    pub fn migrate(&mut self) -> Result<()> {
        schema::migrations().to_latest(&mut self.conn)?;
        Ok(())
    }

    /// Where this database lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when the file (or its filesystem) is read-only: every read
    /// works, every write fails with an error that says so, changing nothing.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// True for a database opened with [`Store::open_in_memory`].
    pub fn is_in_memory(&self) -> bool {
        self.path == Path::new(IN_MEMORY)
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The connection, for writes (transactions need `&mut`).
    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}

/// Why a database file cannot be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReadOnly {
    /// The file's permissions: someone else may still write it.
    File,
    /// A read-only filesystem: nobody writes it while it is mounted so.
    Filesystem,
}

/// Whether the existing file at `path` cannot be opened for writing, and why.
fn read_only(path: &Path) -> Result<Option<ReadOnly>> {
    match fs::OpenOptions::new().append(true).open(path) {
        Ok(_) => Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Ok(Some(ReadOnly::File)),
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::EROFS) => Ok(Some(ReadOnly::Filesystem)),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Opens a HugOps database that cannot be written, for reading only. On a
/// read-only filesystem it is opened as immutable, as SQLite cannot create
/// the shared-memory file a WAL database needs there. One at an older schema
/// is refused, since it cannot be migrated.
fn open_read_only(path: PathBuf, why: ReadOnly) -> Result<Store> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = match why {
        ReadOnly::File => Connection::open_with_flags(&path, flags),
        ReadOnly::Filesystem => {
            Connection::open_with_flags(immutable_uri(&path), flags | OpenFlags::SQLITE_OPEN_URI)
        }
    }
    .map_err(|e| not_hugops(&path, e))?;
    check_identity(&conn, &path)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version < schema::VERSION {
        return Err(Error::invalid(
            "database",
            format!(
                "{} is read-only and was written by an older HugOps (schema {version}); \
                 make it writable so it can be upgraded",
                path.display()
            ),
        ));
    }
    Ok(Store {
        conn,
        path,
        read_only: true,
    })
}

/// `file:<path>?immutable=1`, with the characters a URI gives meaning to escaped.
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// The schema version this build writes.
pub fn schema_version() -> i64 {
    schema::VERSION
}

/// A migration will run on a database that already holds tables at an
/// older schema version.
fn migration_pending(conn: &Connection) -> Result<bool> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    Ok(tables > 0 && version < schema::VERSION)
}

/// The database path to use: `flag` if given, else `$HUGOPS_DB`, else the
/// OS data folder (`~/.local/share/hugops/hugops.db` on Linux).
pub fn resolve_path(flag: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(p) = flag {
        return Ok(p);
    }
    if let Some(p) = std::env::var_os(DB_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    default_path()
}

/// The backups folder of the database at `db`: `$HUGOPS_BACKUP_DIR` if set,
/// else `backups/` beside the database file.
pub fn resolve_backup_dir(db: &Path) -> PathBuf {
    if let Some(dir) = std::env::var_os(BACKUP_DIR_ENV).filter(|v| !v.is_empty()) {
        return PathBuf::from(dir);
    }
    match db.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(d) => d.join("backups"),
        None => PathBuf::from("backups"),
    }
}

/// The default database path in the OS data folder.
pub fn default_path() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("org", "HugOps", "hugops").ok_or_else(|| {
        Error::invalid(
            "database",
            "cannot find a home folder; pass --db PATH or set HUGOPS_DB",
        )
    })?;
    Ok(dirs.data_dir().join("hugops.db"))
}

/// Returns whether a non-empty file is already at `path`, refusing anything
/// that does not start with the SQLite header.
pub(crate) fn check_existing_file(path: &Path) -> Result<bool> {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(Error::io(path, e)),
    };
    if meta.is_dir() {
        return Err(Error::NotHugOpsDb {
            path: path.into(),
            reason: "it is a folder".into(),
        });
    }
    if meta.len() == 0 {
        return Ok(true);
    }
    let mut header = [0u8; 16];
    let mut file = fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let read = file.read(&mut header).map_err(|e| Error::io(path, e))?;
    if read < 16 || &header != b"SQLite format 3\0" {
        return Err(Error::NotHugOpsDb {
            path: path.into(),
            reason: "not an SQLite file".into(),
        });
    }
    Ok(true)
}

/// Refuses an SQLite file that belongs to another program or a newer HugOps.
pub(crate) fn check_identity(conn: &Connection, path: &Path) -> Result<()> {
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| not_hugops(path, e))?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(|e| not_hugops(path, e))?;
    if app_id != APPLICATION_ID && !(app_id == 0 && tables == 0) {
        return Err(Error::NotHugOpsDb {
            path: path.into(),
            reason: format!("it belongs to another program (application_id {app_id:#x})"),
        });
    }
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let known = schema::VERSION;
    if version > known {
        return Err(Error::TooNew {
            path: path.into(),
            found: version,
            known,
        });
    }
    Ok(())
}

fn not_hugops(path: &Path, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) | Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            Error::NotHugOpsDb {
                path: path.into(),
                reason: "the file is corrupt".into(),
            }
        }
        _ => Error::Sqlite(e),
    }
}

/// Creates an empty file readable by its owner only, and its folder.
fn create_private_file(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir)?;
    }
    match create_private_new(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// The `-wal` and `-shm` files hold journal text too: keep them private.
fn restrict_sidecars(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for suffix in ["", "-wal", "-shm"] {
            let mut p = path.as_os_str().to_owned();
            p.push(suffix);
            // Best effort: a sidecar may not exist yet.
            let _ = fs::set_permissions(&p, fs::Permissions::from_mode(0o600));
        }
    }
}

/// Column `index` of a stored row holds text this build cannot read: a
/// conversion error, so a damaged row is reported, not panicked on.
pub(crate) fn bad_column(
    index: usize,
    e: impl Into<Box<dyn std::error::Error + Send + Sync>>,
) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, e.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-11-24T10:00:00Z".parse().unwrap()
    }

    #[test]
    fn new_database_is_private_and_in_wal_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/hugops.db");
        let store = Store::open(&path, now()).unwrap();
        let mode: String = store
            .conn()
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = store
            .conn()
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let perm = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(perm, 0o600);
        }
    }

    #[test]
    fn reopening_keeps_the_schema_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hugops.db");
        drop(Store::open(&path, now()).unwrap());
        let store = Store::open(&path, now()).unwrap();
        let v: i64 = store
            .conn()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, schema::VERSION);
    }

    #[test]
    fn text_file_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.db");
        fs::write(&path, "my precious notes\n").unwrap();
        let err = Store::open(&path, now()).unwrap_err();
        assert!(matches!(err, Error::NotHugOpsDb { .. }), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "my precious notes\n");
    }

    #[test]
    fn foreign_sqlite_database_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.db");
        {
            let c = Connection::open(&path).unwrap();
            c.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
                .unwrap();
        }
        let before = fs::read(&path).unwrap();
        let err = Store::open(&path, now()).unwrap_err();
        assert!(matches!(err, Error::NotHugOpsDb { .. }), "{err}");
        assert_eq!(fs::read(&path).unwrap(), before);
    }

    #[test]
    fn corrupt_database_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("broken.db");
        let mut bytes = b"SQLite format 3\0".to_vec();
        bytes.extend(std::iter::repeat_n(0xAB, 4096));
        fs::write(&path, &bytes).unwrap();
        let err = Store::open(&path, now()).unwrap_err();
        assert!(matches!(err, Error::NotHugOpsDb { .. }), "{err}");
        assert_eq!(fs::read(&path).unwrap(), bytes);
    }

    #[test]
    fn newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("future.db");
        {
            let store = Store::open(&path, now()).unwrap();
            store
                .conn()
                .pragma_update(None, "user_version", schema::VERSION + 1)
                .unwrap();
        }
        let err = Store::open(&path, now()).unwrap_err();
        assert!(matches!(err, Error::TooNew { .. }), "{err}");
    }

    #[test]
    fn open_existing_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/hugops.db");
        assert!(Store::open_existing(&path, now()).unwrap().is_none());
        assert!(!dir.path().join("sub").exists());
        let empty = dir.path().join("empty.db");
        fs::write(&empty, "").unwrap();
        assert!(Store::open_existing(&empty, now()).unwrap().is_none());
        assert_eq!(fs::read(&empty).unwrap(), b"");
    }

    #[test]
    fn open_existing_opens_a_hugops_database_and_refuses_others() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hugops.db");
        drop(Store::open(&path, now()).unwrap());
        let store = Store::open_existing(&path, now())
            .unwrap()
            .expect("a database");
        assert_eq!(store.path(), path);
        let notes = dir.path().join("notes.db");
        fs::write(&notes, "my precious notes\n").unwrap();
        let err = Store::open_existing(&notes, now()).unwrap_err();
        assert!(matches!(err, Error::NotHugOpsDb { .. }), "{err}");
        assert_eq!(fs::read_to_string(&notes).unwrap(), "my precious notes\n");
        let err = Store::open_existing(dir.path(), now()).unwrap_err();
        assert!(matches!(err, Error::NotHugOpsDb { .. }), "{err}");
    }

    #[test]
    fn flag_wins_over_environment() {
        let p = resolve_path(Some(PathBuf::from("/tmp/x.db"))).unwrap();
        assert_eq!(p, PathBuf::from("/tmp/x.db"));
    }
}
