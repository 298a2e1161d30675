//! The daily snapshot while the app runs: checked at start and every hour
//! (cheap when today's snapshot exists: a look at the backup folder).

use std::time::Duration;

use hugops_core::backup;
use tauri::{AppHandle, Manager, Runtime};

use crate::state::AppState;

/// How often the task looks whether today's snapshot exists.
const CHECK_EVERY: Duration = Duration::from_secs(60 * 60);

/// Starts the task; it lives as long as the app.
pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let state = app.state::<AppState>();
        loop {
            let now = state.clock().now();
            if let Err(e) = backup::daily_if_due(&state.store(), now) {
                eprintln!("hugops: could not take the daily snapshot: {e}");
            }
            tokio::time::sleep(CHECK_EVERY).await;
        }
    });
}
