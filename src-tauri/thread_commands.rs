//! Commands of the Threads screen (issue 7): text is analysed in memory and
//! never stored.

use std::path::PathBuf;

use hugops_core::threads::analysis::DEFAULT_THRESHOLD;
use hugops_core::threads::review::{self, Review};

use crate::error::ApiError;

type Result<T> = std::result::Result<T, ApiError>;

/// Text pasted or dropped in the window; `name` names it in errors.
#[tauri::command]
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
pub async fn threads_review_path(path: PathBuf, threshold: Option<f64>) -> Result<Review> {
    let threshold = threshold.unwrap_or(DEFAULT_THRESHOLD);
    Ok(review::review_path(&path, threshold)?)
}
