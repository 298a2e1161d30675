//! What every command shares: the open database, the clock, and the link to
//! the tray process, which is told when settings change.
//!
//! The database path comes from `HUGOPS_DB` or the OS data folder (see
//! [`hugops_core::store::resolve_path`]). `HUGOPS_NOW` (an RFC 3339 instant)
//! and `HUGOPS_TZ` (an IANA zone) fix the clock: a testing aid shared with the
//! CLI, not a user feature (see [`hugops_core::clock::from_env`]).

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use hugops_control::Request;
use hugops_core::clock::{self, Clock};
use hugops_core::{store, Result, Store};

use crate::tray_link::TrayLink;

/// The state managed by Tauri and handed to every command.
pub struct AppState {
    store: Mutex<Store>,
    clock: Arc<dyn Clock>,
    tray: Arc<TrayLink>,
}

impl AppState {
    /// Wraps an open store and a clock.
    pub fn new(store: Store, clock: Arc<dyn Clock>) -> Self {
        AppState {
            store: Mutex::new(store),
            clock,
            tray: Arc::default(),
        }
    }

    /// Opens the database and builds the clock the environment asks for.
    ///
    /// Fails without touching the file if it is not a HugOps database.
    pub fn from_env() -> Result<Self> {
        let clock = clock::from_env()?;
        let path = store::resolve_path(None)?;
        let store = Store::open(&path, clock.now())?;
        Ok(AppState::new(store, clock))
    }

    /// The database, locked. Hold the guard briefly and never across an
    /// `.await`: the reminder task and every command share it.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock leaves SQLite consistent (each write
        // is a transaction), so a poisoned lock is still safe to use.
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    /// Where the database lives.
    pub fn db_path(&self) -> PathBuf {
        self.store().path().to_path_buf()
    }

    /// Tells the tray's reminder task to look again now (settings or pause
    /// changed, or a reminder was queued), and the tray to re-read its menu
    /// and watched folder.
    pub fn settings_changed(&self) {
        self.tray.send(Request::Changed);
    }

    /// The link to the tray process.
    pub fn tray(&self) -> &Arc<TrayLink> {
        &self.tray
    }
}
