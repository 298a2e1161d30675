//! What the tray's tasks share: the open database, the clock, and a way to
//! wake the reminder task when something it depends on changed.
//!
//! The database path comes from `HUGOPS_DB` or the OS data folder, and
//! `HUGOPS_NOW`/`HUGOPS_TZ` fix the clock, exactly as for the CLI and the
//! window process (all three open the same file; SQLite's WAL and busy
//! timeout let them write side by side).

use std::sync::{Arc, Mutex, MutexGuard};

use hugops_core::clock::{self, Clock};
use hugops_core::{store, Result, Store};
use tokio::sync::Notify;

pub struct TrayState {
    store: Mutex<Store>,
    clock: Arc<dyn Clock>,
    changed: Notify,
}

impl TrayState {
    pub fn new(store: Store, clock: Arc<dyn Clock>) -> Self {
        TrayState {
            store: Mutex::new(store),
            clock,
            changed: Notify::new(),
        }
    }

    /// Opens the database the environment names; fails without touching a
    /// file that is not a HugOps database.
    pub fn from_env() -> Result<Self> {
        let clock = clock::from_env()?;
        let path = store::resolve_path(None)?;
        let store = Store::open(&path, clock.now())?;
        Ok(TrayState::new(store, clock))
    }

    /// The database, locked. Hold the guard briefly and never across an `.await`.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        // Each write is a transaction, so a poisoned lock is still safe to use.
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    /// Wakes the reminder task (settings, pause or stored meetings changed).
    pub fn changed(&self) {
        // notify_one keeps a permit when the task is busy: no change is missed.
        self.changed.notify_one();
    }

    /// Resolves the next time [`TrayState::changed`] is called.
    pub async fn wait_for_change(&self) {
        self.changed.notified().await;
    }
}
