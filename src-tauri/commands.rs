//! The commands the webview may call (each one granted in tauri.conf.json).
//!
//! Every command is one call into hugops-core: take the state, delegate,
//! convert the error. They are async so Tauri runs them off the main thread
//! and the window never freezes; none holds the database lock across an
//! `.await`. Argument names are single words, so the JS side's camelCase
//! keys match them unchanged.

use std::path::PathBuf;

use hugops_core::journal::{
    self, Entry, EntryPatch, ExportFormat, Filter, ImportReport, NewEntry, Stats,
};
use hugops_core::settings::{self, Settings};
use hugops_core::threads::chat_kudos::{self, ChatImportReport};
use hugops_core::{autostart, reminders};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State, WebviewWindow};

use crate::error::ApiError;
use crate::state::AppState;

type Result<T> = std::result::Result<T, ApiError>;

#[tauri::command]
#[specta::specta]
pub async fn kudos_add(state: State<'_, AppState>, entry: NewEntry) -> Result<Entry> {
    Ok(journal::add(&mut state.store(), entry, state.clock())?)
}

#[tauri::command]
#[specta::specta]
pub async fn kudos_edit(state: State<'_, AppState>, id: i64, patch: EntryPatch) -> Result<Entry> {
    Ok(journal::edit(&mut state.store(), id, patch, state.clock())?)
}

#[tauri::command]
#[specta::specta]
pub async fn kudos_delete(state: State<'_, AppState>, id: i64) -> Result<Entry> {
    Ok(journal::delete(&mut state.store(), id, state.clock())?)
}

#[tauri::command]
#[specta::specta]
pub async fn kudos_undo_delete(state: State<'_, AppState>, id: i64) -> Result<Entry> {
    Ok(journal::undo_delete(&mut state.store(), id)?)
}

#[tauri::command]
#[specta::specta]
pub async fn kudos_list(state: State<'_, AppState>, filter: Filter) -> Result<Vec<Entry>> {
    Ok(journal::list(&state.store(), &filter)?)
}

#[tauri::command]
#[specta::specta]
pub async fn kudos_search(
    state: State<'_, AppState>,
    query: String,
    filter: Filter,
) -> Result<Vec<Entry>> {
    Ok(journal::search(&state.store(), &query, &filter)?)
}

#[tauri::command]
#[specta::specta]
pub async fn kudos_stats(state: State<'_, AppState>) -> Result<Stats> {
    Ok(journal::stats(&state.store(), state.clock().today())?)
}

#[tauri::command]
#[specta::specta]
pub async fn kudos_export(
    state: State<'_, AppState>,
    format: ExportFormat,
    path: PathBuf,
) -> Result<usize> {
    Ok(journal::export_to_file(&state.store(), format, &path)?)
}

#[tauri::command]
#[specta::specta]
pub async fn kudos_import(state: State<'_, AppState>, path: PathBuf) -> Result<ImportReport> {
    Ok(journal::import_file(
        &mut state.store(),
        &path,
        state.clock(),
    )?)
}

/// Thanks addressed to `me` in a Slack, Discord or Teams export (file or
/// folder) or a transcript, logged as received kudos.
#[tauri::command]
#[specta::specta]
pub async fn kudos_import_chat(
    state: State<'_, AppState>,
    path: PathBuf,
    me: String,
) -> Result<ChatImportReport> {
    Ok(chat_kudos::import_path(
        &mut state.store(),
        &path,
        &me,
        state.clock(),
    )?)
}

#[tauri::command]
#[specta::specta]
pub async fn settings_get(state: State<'_, AppState>) -> Result<Settings> {
    Ok(settings::load(&state.store())?)
}

#[tauri::command]
#[specta::specta]
pub async fn settings_set<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<Settings> {
    let target = login_target()?;
    let saved = autostart::update_settings(&mut state.store(), &target, |s| {
        *s = settings;
        Ok(())
    })?;
    state.settings_changed();
    crate::window::apply_theme(&window, saved.window.theme);
    Ok(saved)
}

/// The login entry `start_at_login` writes starts this binary, hidden.
fn login_target() -> hugops_core::Result<autostart::Target> {
    let exe = std::env::current_exe().map_err(|e| hugops_core::Error::io("hugops-desktop", e))?;
    autostart::Target::new(exe)
}

#[tauri::command]
#[specta::specta]
pub async fn reminders_pause(state: State<'_, AppState>, minutes: i64) -> Result<Settings> {
    let settings = reminders::pause_for(&mut state.store(), state.clock(), minutes)?;
    state.settings_changed();
    Ok(settings)
}

#[tauri::command]
#[specta::specta]
pub async fn reminders_resume(state: State<'_, AppState>) -> Result<Settings> {
    let settings = reminders::resume(&mut state.store())?;
    state.settings_changed();
    Ok(settings)
}

/// What `app_info` returns.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AppInfo {
    pub version: &'static str,
    pub db_path: PathBuf,
    /// The user's IANA zone: the Settings one, else the system's.
    pub zone: String,
}

#[tauri::command]
#[specta::specta]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION"),
        db_path: state.db_path(),
        zone: settings::user_zone(&state.store(), state.clock())?
            .name()
            .to_string(),
    })
}

/// Called by the window once the journal screen has loaded its first page;
/// opens quick add when the launch asked for it. With `HUGOPS_STARTUP_TRACE`
/// set it prints `hugops: interactive at …` on stderr, which is how
/// `bench/desktop` times launch to an interactive journal.
#[tauri::command]
#[specta::specta]
pub async fn app_ready<R: Runtime>(app: AppHandle<R>) {
    crate::launch::ready(&app);
}
