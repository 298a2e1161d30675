//! The daily snapshot: checked at start and every hour (cheap when today's
//! snapshot exists: a look at the backup folder). It runs in the tray, so a
//! day without opening the window still gets its snapshot.

use std::sync::Arc;
use std::time::Duration;

use hugops_core::backup;

use crate::log::warn;
use crate::state::TrayState;

/// How often the task looks whether today's snapshot exists.
const CHECK_EVERY: Duration = Duration::from_secs(60 * 60);

/// Starts the task; it lives as long as the tray.
pub fn spawn(state: Arc<TrayState>) {
    tokio::spawn(async move {
        loop {
            let now = state.clock().now();
            if let Err(e) = backup::daily_if_due(&state.store(), now) {
                warn(format!("could not take the daily snapshot: {e}"));
            }
            tokio::time::sleep(CHECK_EVERY).await;
        }
    });
}
