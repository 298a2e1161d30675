//! Unsaved form input, kept in the database as the user types so that it
//! survives the window process ending or being killed (see
//! [`hugops_core::drafts`]).

use hugops_core::drafts::{self, Draft};
use tauri::State;

use crate::error::ApiError;
use crate::state::AppState;

type Result<T> = std::result::Result<T, ApiError>;

/// The draft of form `key`, or null when it has none.
#[tauri::command]
#[specta::specta]
pub async fn drafts_get(state: State<'_, AppState>, key: String) -> Result<Option<Draft>> {
    Ok(drafts::load(&state.store(), &key)?)
}

/// Stores `value` (the form's JSON text) as the draft of form `key`.
#[tauri::command]
#[specta::specta]
pub async fn drafts_save(state: State<'_, AppState>, key: String, value: String) -> Result<()> {
    Ok(drafts::save(
        &mut state.store(),
        &key,
        &value,
        state.clock(),
    )?)
}

/// Removes the draft of form `key` (a saved or cancelled form).
#[tauri::command]
#[specta::specta]
pub async fn drafts_clear(state: State<'_, AppState>, key: String) -> Result<bool> {
    Ok(drafts::clear(&mut state.store(), &key)?)
}

/// The keys of the drafts whose key starts with `prefix`.
#[tauri::command]
#[specta::specta]
pub async fn drafts_keys(state: State<'_, AppState>, prefix: String) -> Result<Vec<String>> {
    Ok(drafts::keys(&state.store(), &prefix)?)
}
