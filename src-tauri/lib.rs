//! The HugOps desktop shell: Tauri wiring over hugops-core.
//!
//! This file only assembles the pieces: plugins, commands, the window, the
//! tray, the reminder task and the daily snapshot. Each lives in its own module; the domain logic
//! lives in hugops-core.

mod backup_task;
#[cfg(test)]
mod bindings_tests;
mod buddy_commands;
mod command_list;
mod commands;
mod error;
mod ids;
#[cfg(test)]
mod ipc_tests;
mod notifier;
mod oncall_commands;
mod reminder_task;
mod schedule_commands;
mod state;
mod thread_commands;
mod thread_watch;
mod tray;
mod window;

pub use error::ApiError;
pub use state::AppState;

use tauri::{App, AppHandle, Builder, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};

/// Exit status when HugOps cannot start (for example, the database file is
/// not a HugOps database), as in the CLI.
pub const EXIT_STARTUP_FAILED: i32 = 2;

/// Runs the desktop app; returns only through process exit.
pub fn run() {
    window::prefer_light_rendering();
    let builder = tauri::Builder::default()
        // First, so a second launch hands over before anything else starts.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            window::show_and_focus(app);
        }))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init());
    with_commands(builder)
        .on_window_event(window::on_window_event)
        .setup(setup)
        .run(tauri::generate_context!())
        .expect("HugOps could not start its window system");
}

/// Registers every command the webview may call: the list in command_list.rs.
fn with_commands<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder.invoke_handler(command_list::commands::<R>().invoke_handler())
}

fn setup(app: &mut App) -> Result<(), Box<dyn std::error::Error>> {
    let state = match AppState::from_env() {
        Ok(state) => state,
        Err(err) => {
            refuse_to_start(app.handle(), &err);
            return Ok(());
        }
    };
    app.manage(state);
    window::create_main(app.handle())?;
    if let Err(e) = tray::build(app.handle()) {
        // Without a tray, closing the window quits instead of hiding it.
        eprintln!("hugops: no tray icon: {e}");
    }
    reminder_task::spawn(app.handle().clone());
    backup_task::spawn(app.handle().clone());
    thread_watch::start(app.handle());
    Ok(())
}

/// Says plainly why HugOps cannot start, then exits with status 2. No window,
/// tray or reminder is created, and the database file is left as it was.
fn refuse_to_start(app: &AppHandle, err: &hugops_core::Error) {
    eprintln!("hugops: {err}");
    let handle = app.clone();
    app.dialog()
        .message(format!(
            "{err}\n\nSet HUGOPS_DB to another file, or move this one away, then start HugOps again."
        ))
        .title("HugOps cannot open its journal")
        .kind(MessageDialogKind::Error)
        .show(move |_| handle.exit(EXIT_STARTUP_FAILED));
}
