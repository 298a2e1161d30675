//! The journal's snapshots from the window: listed, taken and put back
//! through [`hugops_core::backup`], as `hugops backup` does.

use std::path::PathBuf;

use hugops_core::backup::{self, Reason, Snapshot};
use tauri::State;

use crate::error::ApiError;
use crate::state::AppState;

type Result<T> = std::result::Result<T, ApiError>;

/// The database's snapshots, newest first.
#[tauri::command]
#[specta::specta]
pub async fn backup_list(state: State<'_, AppState>) -> Result<Vec<Snapshot>> {
    Ok(backup::list(&state.db_path())?)
}

/// Takes a snapshot now (reason `manual`).
#[tauri::command]
#[specta::specta]
pub async fn backup_now(state: State<'_, AppState>) -> Result<Snapshot> {
    Ok(backup::snapshot(
        &state.store(),
        Reason::Manual,
        state.clock().now(),
    )?)
}

/// Puts the snapshot at `path` back; returns the snapshot of the state it
/// replaced. A file that cannot be restored changes nothing.
#[tauri::command]
#[specta::specta]
pub async fn backup_restore(state: State<'_, AppState>, path: PathBuf) -> Result<Snapshot> {
    let now = state.clock().now();
    Ok(backup::restore(&mut state.store(), &path, now)?)
}
