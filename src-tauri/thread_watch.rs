//! Opt-in thread checks outside the window: a watched folder where exports
//! and transcripts land, and the tray's "Check copied thread". The verdicts
//! come from `hugops_core::threads::watch`; a watched thread's nudge is a
//! reminder like any other (once per thread and day, after pause and quiet
//! hours). "Check copied thread" answers the click that asked for it at once.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use hugops_core::threads::analysis::DEFAULT_THRESHOLD;
use hugops_core::threads::review::review_text;
use hugops_core::threads::watch::{self, NUDGE_TITLE};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_clipboard_manager::ClipboardExt;
use tokio::sync::mpsc::{unbounded_channel, UnboundedSender};

use crate::notifier;
use crate::state::AppState;

/// How long a file must stay quiet before it is read (exports are written in
/// several steps).
const SETTLE: Duration = Duration::from_millis(800);

/// The running folder watcher, replaced whenever the settings change.
pub struct FolderWatch {
    watcher: Mutex<Option<RecommendedWatcher>>,
    changed: UnboundedSender<PathBuf>,
}

/// Starts the task that checks changed files, then watches the folder the
/// settings name (if any).
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let (changed, mut paths) = unbounded_channel::<PathBuf>();
    app.manage(FolderWatch {
        watcher: Mutex::new(None),
        changed,
    });
    let handle = app.clone();
    tauri::async_runtime::spawn(async move {
        while let Some(first) = paths.recv().await {
            let mut batch = BTreeSet::from([first]);
            // Let the writer finish, then take everything that changed meanwhile.
            tokio::time::sleep(SETTLE).await;
            while let Ok(more) = paths.try_recv() {
                batch.insert(more);
            }
            for path in batch.into_iter().filter(|p| p.is_file()) {
                check_file(&handle, path).await;
            }
        }
    });
    restart(app);
}

/// Watches the folder of the stored settings, or nothing when watching is off.
pub fn restart<R: Runtime>(app: &AppHandle<R>) {
    let (Some(watch_state), Some(state)) =
        (app.try_state::<FolderWatch>(), app.try_state::<AppState>())
    else {
        return;
    };
    let settings = watch::watch_settings(&state.store()).unwrap_or_default();
    let mut slot = watch_state
        .watcher
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    *slot = None;
    let Some(folder) = settings.folder.filter(|_| settings.folder_enabled) else {
        return;
    };
    let tx = watch_state.changed.clone();
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            if matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_)) {
                for path in event.paths {
                    let _ = tx.send(path);
                }
            }
        }
    });
    match watcher.and_then(|mut w| w.watch(&folder, RecursiveMode::NonRecursive).map(|()| w)) {
        Ok(w) => *slot = Some(w),
        Err(e) => eprintln!("hugops: cannot watch {}: {e}", folder.display()),
    }
}

/// Reads and analyses a landed file without the database, then queues its
/// nudges with the reminder engine and wakes the reminder task, which shows
/// them (after pause and quiet hours).
async fn check_file<R: Runtime>(app: &AppHandle<R>, path: PathBuf) {
    let state = app.state::<AppState>();
    let queued = watch::nudges_in_file(&path, DEFAULT_THRESHOLD)
        .and_then(|nudges| watch::queue(&mut state.store(), &nudges, state.clock()));
    match queued {
        Ok(0) => {}
        Ok(_) => state.settings_changed(),
        // A file that is not a chat (or not finished yet) is not worth a popup.
        Err(e) => eprintln!("hugops: skipped {}: {e}", path.display()),
    }
}

/// "Check copied thread": analyses the clipboard's text and says the verdict.
pub async fn check_clipboard<R: Runtime>(app: &AppHandle<R>) {
    let text = match app.clipboard().read_text() {
        Ok(text) if !text.trim().is_empty() => text,
        _ => {
            notifier::show_text(
                "Nothing to check",
                "Copy a thread's text first, then try again.",
            )
            .await;
            return;
        }
    };
    let (title, body) = match review_text("copied text", &text, DEFAULT_THRESHOLD) {
        Ok(review) => match review.threads.first() {
            Some(t) if t.analysis.ambiguous => {
                (NUDGE_TITLE.to_owned(), t.analysis.suggestion.clone())
            }
            Some(t) => (
                "This thread looks fine".to_owned(),
                format!("Score {:.2}: no need for a call.", t.analysis.score),
            ),
            None => (
                "Nothing to check".to_owned(),
                "No messages found in the copied text.".to_owned(),
            ),
        },
        Err(e) => ("Could not read the copied thread".to_owned(), e.to_string()),
    };
    notifier::show_text(&title, &body).await;
}
