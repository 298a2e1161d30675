//! Commands of the buddy matching screen: each is one call into
//! `hugops_core::buddies`.

use std::path::PathBuf;

use chrono::NaiveDate;
use hugops_core::buddies::{self, BuddyLoad, HistoryImport, Pairing, Proposal, RosterImport};
use hugops_core::matching::Weights;
use tauri::State;

use crate::error::ApiError;
use crate::state::AppState;

type Result<T> = std::result::Result<T, ApiError>;

/// A pair kept by the user: `[joiner_email, buddy_email]`.
type Lock = (String, String);

#[tauri::command]
#[specta::specta]
pub async fn buddies_import_roster(
    state: State<'_, AppState>,
    path: PathBuf,
) -> Result<RosterImport> {
    let now = state.clock().now();
    Ok(buddies::import_roster(&mut state.store(), &path, now)?)
}

/// A roster dropped on the window: its file name and contents.
#[tauri::command]
#[specta::specta]
pub async fn buddies_import_roster_text(
    state: State<'_, AppState>,
    name: String,
    text: String,
) -> Result<RosterImport> {
    let now = state.clock().now();
    Ok(buddies::import_roster_bytes(
        &mut state.store(),
        &name,
        text.as_bytes(),
        now,
    )?)
}

/// A history of pairings made before HugOps: those pairs are never proposed.
#[tauri::command]
#[specta::specta]
pub async fn buddies_import_history(
    state: State<'_, AppState>,
    path: PathBuf,
) -> Result<HistoryImport> {
    let clock = state.clock();
    Ok(buddies::import_history(
        &mut state.store(),
        &path,
        clock.today(),
        clock.now(),
    )?)
}

/// A history file dropped on the window: its file name and contents.
#[tauri::command]
#[specta::specta]
pub async fn buddies_import_history_text(
    state: State<'_, AppState>,
    name: String,
    text: String,
) -> Result<HistoryImport> {
    let clock = state.clock();
    Ok(buddies::import_history_bytes(
        &mut state.store(),
        &name,
        text.as_bytes(),
        clock.today(),
        clock.now(),
    )?)
}

#[tauri::command]
#[specta::specta]
pub async fn buddies_propose(
    state: State<'_, AppState>,
    today: Option<NaiveDate>,
    locks: Vec<Lock>,
) -> Result<Proposal> {
    let today = today.unwrap_or_else(|| state.clock().today());
    // Read under the lock, match without it: a large roster takes seconds,
    // and the reminder task and every other command need the database.
    let input = buddies::ProposalInput::load(&state.store())?;
    let proposal =
        tauri::async_runtime::spawn_blocking(move || input.propose(today, input.weights(), &locks))
            .await
            // A panic while matching is a bug; it ends the command as it would inline.
            .unwrap_or_else(|e| panic!("buddy matching stopped: {e}"));
    Ok(proposal?)
}

#[tauri::command]
#[specta::specta]
pub async fn buddies_accept(
    state: State<'_, AppState>,
    today: Option<NaiveDate>,
    locks: Vec<Lock>,
    joiners: Vec<String>,
) -> Result<usize> {
    let (today, now) = (
        today.unwrap_or_else(|| state.clock().today()),
        state.clock().now(),
    );
    let mut store = state.store();
    let weights = buddies::weights(&store)?;
    Ok(buddies::accept(
        &mut store, today, weights, &locks, &joiners, now,
    )?)
}

#[tauri::command]
#[specta::specta]
pub async fn buddies_pairings(state: State<'_, AppState>) -> Result<Vec<Pairing>> {
    Ok(buddies::pairings(&state.store())?)
}

#[tauri::command]
#[specta::specta]
pub async fn buddies_export(state: State<'_, AppState>, path: PathBuf) -> Result<usize> {
    Ok(buddies::export_pairings_csv(&state.store(), &path)?)
}

#[tauri::command]
#[specta::specta]
pub async fn buddies_load(state: State<'_, AppState>) -> Result<Vec<BuddyLoad>> {
    Ok(buddies::buddy_load(&state.store())?)
}

#[tauri::command]
#[specta::specta]
pub async fn buddies_weights_get(state: State<'_, AppState>) -> Result<Weights> {
    Ok(buddies::weights(&state.store())?)
}

#[tauri::command]
#[specta::specta]
pub async fn buddies_weights_set(state: State<'_, AppState>, weights: Weights) -> Result<Weights> {
    Ok(buddies::set_weights(&mut state.store(), weights)?)
}
