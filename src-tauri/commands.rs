//! The commands the webview may call (each one granted in tauri.conf.json).
//!
//! Every command is one call into hugops-core: take the state, delegate,
//! convert the error. They are async so Tauri runs them off the main thread
//! and the window never freezes; none holds the database lock across an
//! `.await`. Argument names are single words, so the JS side's camelCase
//! keys match them unchanged.

use std::path::{Path, PathBuf};

use hugops_core::journal::{
    self, Entry, EntryPatch, ExportFormat, Filter, ImportReport, NewEntry, Stats,
};
use hugops_core::settings::{self, Settings};
use hugops_core::{reminders, Store};
use serde::Serialize;
use tauri::State;

use crate::error::ApiError;
use crate::state::AppState;

type Result<T> = std::result::Result<T, ApiError>;

#[tauri::command]
pub async fn kudos_add(state: State<'_, AppState>, entry: NewEntry) -> Result<Entry> {
    Ok(journal::add(&mut state.store(), entry, state.clock())?)
}

#[tauri::command]
pub async fn kudos_edit(state: State<'_, AppState>, id: i64, patch: EntryPatch) -> Result<Entry> {
    Ok(journal::edit(&mut state.store(), id, patch, state.clock())?)
}

#[tauri::command]
pub async fn kudos_delete(state: State<'_, AppState>, id: i64) -> Result<Entry> {
    Ok(journal::delete(&mut state.store(), id, state.clock())?)
}

#[tauri::command]
pub async fn kudos_undo_delete(state: State<'_, AppState>, id: i64) -> Result<Entry> {
    Ok(journal::undo_delete(&mut state.store(), id)?)
}

#[tauri::command]
pub async fn kudos_list(state: State<'_, AppState>, filter: Filter) -> Result<Vec<Entry>> {
    Ok(journal::list(&state.store(), &filter)?)
}

#[tauri::command]
pub async fn kudos_search(
    state: State<'_, AppState>,
    query: String,
    filter: Filter,
) -> Result<Vec<Entry>> {
    Ok(journal::search(&state.store(), &query, &filter)?)
}

#[tauri::command]
pub async fn kudos_stats(state: State<'_, AppState>) -> Result<Stats> {
    Ok(journal::stats(&state.store(), state.clock().today())?)
}

#[tauri::command]
pub async fn kudos_export(
    state: State<'_, AppState>,
    format: ExportFormat,
    path: PathBuf,
) -> Result<usize> {
    Ok(export_to_file(&state.store(), format, &path)?)
}

#[tauri::command]
pub async fn kudos_import(state: State<'_, AppState>, path: PathBuf) -> Result<ImportReport> {
    Ok(journal::import_file(
        &mut state.store(),
        &path,
        state.clock(),
    )?)
}

#[tauri::command]
pub async fn settings_get(state: State<'_, AppState>) -> Result<Settings> {
    Ok(settings::load(&state.store())?)
}

#[tauri::command]
pub async fn settings_set(state: State<'_, AppState>, settings: Settings) -> Result<Settings> {
    let saved = save_settings(&mut state.store(), &settings)?;
    state.settings_changed();
    Ok(saved)
}

#[tauri::command]
pub async fn reminders_pause(state: State<'_, AppState>, minutes: i64) -> Result<Settings> {
    let settings = reminders::pause_for(&mut state.store(), state.clock(), minutes)?;
    state.settings_changed();
    Ok(settings)
}

#[tauri::command]
pub async fn reminders_resume(state: State<'_, AppState>) -> Result<Settings> {
    let settings = reminders::resume(&mut state.store())?;
    state.settings_changed();
    Ok(settings)
}

/// What `app_info` returns.
#[derive(Debug, Clone, Serialize)]
pub struct AppInfo {
    pub version: &'static str,
    pub db_path: PathBuf,
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION"),
        db_path: state.db_path(),
    })
}

/// Saves the settings and returns them as stored.
fn save_settings(store: &mut Store, settings: &Settings) -> hugops_core::Result<Settings> {
    settings::save(store, settings)?;
    settings::load(store)
}

/// Exports into `path` atomically: the entries go to a temporary file beside
/// it (private to the user, like the database), which is synced and renamed
/// over `path`. On failure `path` is left as it was.
fn export_to_file(store: &Store, format: ExportFormat, path: &Path) -> hugops_core::Result<usize> {
    use std::io::Write as _;
    let io = |e| hugops_core::Error::io(path, e);
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut out = std::io::BufWriter::new(
        tempfile::Builder::new()
            .prefix(".hugops-export-")
            .tempfile_in(dir)
            .map_err(io)?,
    );
    let written = journal::export(store, format, &mut out)?;
    out.flush().map_err(io)?;
    let file = out.into_inner().map_err(|e| io(e.into_error()))?;
    file.as_file().sync_all().map_err(io)?;
    file.persist(path).map_err(|e| io(e.error))?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use hugops_core::clock::FixedClock;
    use hugops_core::journal::Direction;
    use hugops_core::ErrorCode;

    use super::*;

    fn store_with_one_entry() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let entry = NewEntry {
            direction: Some(Direction::Given),
            person: "Zoë Okafor".into(),
            message: "Thanks for the calm incident call".into(),
            ..NewEntry::default()
        };
        journal::add(&mut store, entry, &FixedClock::at("2026-11-27T16:00:00Z")).unwrap();
        store
    }

    #[test]
    fn export_writes_the_file_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kudos.json");
        let n = export_to_file(&store_with_one_entry(), ExportFormat::Json, &path).unwrap();
        assert_eq!(n, 1);
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(json[0]["person"], "Zoë Okafor");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn export_into_a_missing_folder_names_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing/kudos.md");
        let err =
            export_to_file(&store_with_one_entry(), ExportFormat::Markdown, &path).unwrap_err();
        assert_eq!(err.code(), ErrorCode::Io);
        assert!(err.to_string().contains("missing/kudos.md"), "{err}");
    }
}

/// Called by the window once the journal screen has loaded its first page.
/// With `HUGOPS_STARTUP_TRACE` set it prints `hugops: interactive` on stderr,
/// which is how `bench/desktop` times launch to an interactive journal.
#[tauri::command]
pub async fn app_ready() {
    if std::env::var_os("HUGOPS_STARTUP_TRACE").is_some() {
        eprintln!("hugops: interactive");
    }
}
