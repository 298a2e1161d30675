//! Commands of the Threads screen: text is analysed in memory and
//! never stored.

use std::path::PathBuf;

use hugops_core::threads::analysis::DEFAULT_THRESHOLD;
use hugops_core::threads::review::{self, Review};
use hugops_core::threads::watch::{self, WatchSettings};
use tauri::State;

use crate::error::ApiError;
use crate::state::AppState;

type Result<T> = std::result::Result<T, ApiError>;

/// Text pasted or dropped in the window; `name` names it in errors.
#[tauri::command]
#[specta::specta]
pub async fn threads_review_text(
    name: String,
    text: String,
    threshold: Option<f64>,
) -> Result<Review> {
    let threshold = threshold.unwrap_or(DEFAULT_THRESHOLD);
    Ok(review::review_text(&name, &text, threshold)?)
}

/// A transcript, export file or Slack export folder picked in a dialog.
#[tauri::command]
#[specta::specta]
pub async fn threads_review_path(path: PathBuf, threshold: Option<f64>) -> Result<Review> {
    let threshold = threshold.unwrap_or(DEFAULT_THRESHOLD);
    Ok(review::review_path(&path, threshold)?)
}

#[tauri::command]
#[specta::specta]
pub async fn threads_watch_get(state: State<'_, AppState>) -> Result<WatchSettings> {
    Ok(watch::watch_settings(&state.store())?)
}

/// Stores the opt-ins and tells the tray process, which watches the folder
/// and offers "Check copied thread".
#[tauri::command]
#[specta::specta]
pub async fn threads_watch_set(
    state: State<'_, AppState>,
    settings: WatchSettings,
) -> Result<WatchSettings> {
    let saved = watch::set_watch_settings(&mut state.store(), settings)?;
    state.settings_changed();
    Ok(saved)
}
