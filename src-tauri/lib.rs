//! The HugOps desktop shell: Tauri wiring over hugops-core.
//!
//! This is the window process: plugins, commands and the window. The tray
//! item, reminders, notifications, the daily snapshot and the watched folder
//! live in the tray process (crates/hugops-tray), which starts this one on
//! demand; tray_link.rs connects the two. The domain logic lives in
//! hugops-core.

mod backup_commands;
#[cfg(test)]
mod bindings_tests;
mod buddy_commands;
mod command_list;
mod commands;
mod draft_commands;
mod error;
mod ids;
#[cfg(test)]
mod ipc_tests;
mod launch;
mod oncall_commands;
mod recovery;
mod schedule_commands;
mod startup_trace;
mod state;
mod thread_commands;
mod tray_link;
mod window;
mod window_commands;

pub use error::ApiError;
pub use state::AppState;

use std::sync::Arc;

use tauri::{App, AppHandle, Builder, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

/// Exit status when HugOps cannot start (for example, the database file is
/// not a HugOps database), as in the CLI.
pub const EXIT_STARTUP_FAILED: i32 = 2;

/// Runs the desktop app; returns only through process exit.
pub fn run() {
    startup_trace::mark("main");
    let (quick_add, prewarm) = match launch::decide(std::env::args().skip(1)) {
        launch::Launch::Window { quick_add, prewarm } => (quick_add, prewarm),
        launch::Launch::Exit(code) => std::process::exit(code),
    };
    window::prefer_light_rendering();
    let builder = tauri::Builder::default()
        // First, so a second launch hands over before anything else starts.
        .plugin(tauri_plugin_single_instance::init(|app, args, _cwd| {
            if args.iter().any(|a| a == "--quick-add") {
                window::quick_add(app);
            } else {
                window::show_and_focus(app);
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init());
    with_commands(builder)
        .on_window_event(window::on_window_event)
        .setup(move |app| setup(app, quick_add, prewarm))
        .run(tauri::generate_context!())
        .expect("HugOps could not start its window system");
}

/// Registers every command the webview may call: the list in command_list.rs.
fn with_commands<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder.invoke_handler(command_list::commands::<R>().invoke_handler())
}

fn setup(app: &mut App, quick_add: bool, prewarm: bool) -> Result<(), Box<dyn std::error::Error>> {
    startup_trace::mark("setup");
    app.manage(launch::PendingQuickAdd::new(quick_add));
    match AppState::from_env() {
        Ok(state) => start(app.handle(), state, prewarm)?,
        Err(err) => cannot_open(app.handle(), &err),
    }
    Ok(())
}

/// Shows the window over the opened database (or keeps it hidden when
/// prewarmed) and links it to the tray.
fn start(app: &AppHandle, state: AppState, prewarm: bool) -> tauri::Result<()> {
    let db = state.db_path();
    let link = Arc::clone(state.tray());
    app.manage(state);
    startup_trace::mark("state opened");
    window::create_main(app, !prewarm)?;
    startup_trace::mark("window built");
    let handle = app.clone();
    tray_link::start(&db, link, move |order| window::obey(&handle, order));
    Ok(())
}

/// Says plainly why the database cannot be opened. When it is broken and a
/// good snapshot exists, offers to put that back (the broken file is moved
/// aside, never deleted) and starts over it; otherwise, or when the user
/// declines, exits with status 2 leaving the file as it was.
fn cannot_open(app: &AppHandle, err: &hugops_core::Error) {
    eprintln!("hugops: {err}");
    let offer = recovery::offer(err);
    let handle = app.clone();
    let dialog = app
        .dialog()
        .message(recovery::message(err, offer.as_ref()))
        .title("HugOps cannot open its journal")
        .kind(MessageDialogKind::Error);
    let Some(offer) = offer else {
        dialog.show(move |_| handle.exit(EXIT_STARTUP_FAILED));
        return;
    };
    dialog
        .buttons(MessageDialogButtons::OkCancelCustom(
            "Restore the backup".into(),
            "Quit".into(),
        ))
        .show(move |restore| {
            let started = restore
                .then(|| recovery::restore(&offer))
                .and_then(|r| r.map_err(|e| eprintln!("hugops: {e}")).ok())
                .map(|state| start(&handle, state, false));
            if !matches!(started, Some(Ok(()))) {
                handle.exit(EXIT_STARTUP_FAILED);
            }
        });
}
