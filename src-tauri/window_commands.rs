//! Commands about the window process itself.

use tauri::{AppHandle, Runtime, State};

use crate::window::WindowLife;

/// Keeps the window process alive while `on`, even after the window closes:
/// the Threads screen holds pasted text, which is never stored and would be
/// lost with the process.
#[tauri::command]
#[specta::specta]
pub async fn window_keep_alive(
    life: State<'_, WindowLife>,
    on: bool,
) -> Result<(), crate::ApiError> {
    life.keep_alive(on);
    Ok(())
}

/// Closes the window as its close button does (Ctrl+W).
#[tauri::command]
#[specta::specta]
pub async fn window_close<R: Runtime>(app: AppHandle<R>) -> Result<(), crate::ApiError> {
    crate::window::close(&app);
    Ok(())
}
