//! The watched folder (opt-in, Settings → Thread checks): exports and
//! transcripts that land there are analysed without the database, and each
//! ambiguous thread's nudge is queued with the reminder engine, which shows
//! it like any reminder (once per thread and day, after pause and quiet hours).

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hugops_core::threads::analysis::DEFAULT_THRESHOLD;
use hugops_core::threads::watch::{self, WatchSettings};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use tokio::sync::mpsc::{unbounded_channel, UnboundedSender};

use crate::log::warn;
use crate::state::TrayState;

/// How long a file must stay quiet before it is read (exports are written in
/// several steps).
const SETTLE: Duration = Duration::from_millis(800);

/// The running folder watcher, replaced when the watch settings change.
pub struct FolderWatch {
    state: Arc<TrayState>,
    /// The watcher and the settings it was made for (`None`: not started).
    watcher: Mutex<Option<(WatchSettings, Option<RecommendedWatcher>)>>,
    changed: UnboundedSender<PathBuf>,
}

impl FolderWatch {
    /// Starts the task that checks changed files, then watches the folder the
    /// settings name (if any).
    pub fn start(state: Arc<TrayState>) -> Arc<FolderWatch> {
        let (changed, mut paths) = unbounded_channel::<PathBuf>();
        let watch = Arc::new(FolderWatch {
            state: Arc::clone(&state),
            watcher: Mutex::new(None),
            changed,
        });
        tokio::spawn(async move {
            while let Some(first) = paths.recv().await {
                let mut batch = BTreeSet::from([first]);
                // Let the writer finish, then take everything that changed meanwhile.
                tokio::time::sleep(SETTLE).await;
                while let Ok(more) = paths.try_recv() {
                    batch.insert(more);
                }
                for path in batch.into_iter().filter(|p| p.is_file()) {
                    check_file(&state, path);
                }
            }
        });
        watch.restart();
        watch
    }

    /// Watches the folder of the stored settings, or nothing when watching
    /// is off; keeps the running watcher when they have not changed.
    pub fn restart(&self) {
        let settings = watch::watch_settings(&self.state.store()).unwrap_or_default();
        let mut slot = self.watcher.lock().unwrap_or_else(|p| p.into_inner());
        if slot
            .as_ref()
            .is_some_and(|(made_for, _)| *made_for == settings)
        {
            return;
        }
        let watcher = settings
            .folder
            .as_deref()
            .filter(|_| settings.folder_enabled)
            .and_then(|folder| self.watch(folder));
        *slot = Some((settings, watcher));
    }

    fn watch(&self, folder: &std::path::Path) -> Option<RecommendedWatcher> {
        let tx = self.changed.clone();
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            if let Ok(event) = event {
                if matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_)) {
                    for path in event.paths {
                        let _ = tx.send(path);
                    }
                }
            }
        });
        match watcher.and_then(|mut w| w.watch(folder, RecursiveMode::NonRecursive).map(|()| w)) {
            Ok(w) => Some(w),
            Err(e) => {
                warn(format!("cannot watch {}: {e}", folder.display()));
                None
            }
        }
    }
}

/// Reads and analyses a landed file, queues its nudges and wakes the
/// reminder task, which shows them.
fn check_file(state: &TrayState, path: PathBuf) {
    let queued = watch::nudges_in_file(&path, DEFAULT_THRESHOLD)
        .and_then(|nudges| watch::queue(&mut state.store(), &nudges, state.clock()));
    match queued {
        Ok(0) => {}
        Ok(_) => state.changed(),
        // A file that is not a chat (or not finished yet) is not worth a popup.
        Err(e) => warn(format!("skipped {}: {e}", path.display())),
    }
}
