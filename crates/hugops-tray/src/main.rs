//! `hugops-tray`: the part of HugOps that runs from login to shutdown.
//!
//! It holds the tray item, the reminder engine's delivery, notifications,
//! the daily snapshot and the watched folder, and starts the window process
//! (`hugops-desktop`) on demand; that process exits a grace period after its
//! window is closed, so while nobody looks at HugOps no WebKit process is in
//! memory. The two talk over the control socket (`hugops_control`).
//!
//! `--open` shows the window once the tray runs; `--quick-add` opens it with
//! the quick-add form. A second tray for the same database hands its request
//! to the first and exits. SIGTERM and SIGINT quit like the menu's Quit.

mod action;
mod backups;
mod clipboard_check;
mod folder_watch;
mod hub;
mod log;
mod menu;
mod notifier;
mod pause;
mod reminders;
mod server;
mod state;
mod window_process;

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use hugops_control::Request;
use ksni::TrayMethods;
use tokio::signal::unix::{signal, SignalKind};
use tokio::sync::mpsc::unbounded_channel;

use crate::action::Action;
use crate::folder_watch::FolderWatch;
use crate::hub::Hub;
use crate::log::warn;
use crate::state::TrayState;
use crate::window_process::{DesktopLauncher, WindowProcess};

/// Set (tests): register the tray item even when no StatusNotifierWatcher is
/// on the bus, so its menu can be driven over D-Bus.
const ASSUME_TRAY_ENV: &str = "HUGOPS_ASSUME_TRAY";

/// Exit status when the tray cannot start (as the CLI: bad database, no socket).
const EXIT_STARTUP_FAILED: u8 = 2;

fn main() -> ExitCode {
    let first = first_action(std::env::args().skip(1));
    // One thread: the tray waits almost all day, and each thread costs memory.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build();
    match runtime {
        Ok(runtime) => {
            let code = runtime.block_on(run(first));
            // Notifications still on screen hold blocking threads waiting for
            // an answer: end without waiting for them.
            runtime.shutdown_background();
            code
        }
        Err(e) => {
            warn(format!("cannot start: {e}"));
            ExitCode::from(EXIT_STARTUP_FAILED)
        }
    }
}

/// What the command line asks for once the tray runs.
fn first_action(args: impl Iterator<Item = String>) -> Option<Action> {
    let mut first = None;
    for arg in args {
        match arg.as_str() {
            "--open" => first = first.or(Some(Action::Open)),
            "--quick-add" => first = Some(Action::QuickAdd),
            other => warn(format!("ignored argument {other:?}")),
        }
    }
    first
}

async fn run(first: Option<Action>) -> ExitCode {
    let state = match TrayState::from_env() {
        Ok(state) => Arc::new(state),
        Err(e) => {
            warn(e);
            return ExitCode::from(EXIT_STARTUP_FAILED);
        }
    };
    let socket = hugops_control::socket_path(state.store().path());
    let listener = match server::bind(&socket) {
        Ok(listener) => listener,
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            // A tray already serves this database: hand it the request.
            let request = match first {
                Some(Action::QuickAdd) => Some(Request::QuickAdd),
                Some(_) => Some(Request::Open),
                None => None,
            };
            if let Some(request) = request {
                if let Err(e) = hugops_control::send(&socket, request) {
                    warn(format!("could not reach the running tray: {e}"));
                }
            }
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            warn(format!("cannot listen on {}: {e}", socket.display()));
            return ExitCode::from(EXIT_STARTUP_FAILED);
        }
    };
    let _socket_file = server::SocketFile(socket);

    let window = Arc::new(WindowProcess::default());
    let launcher = DesktopLauncher {
        on_exit: {
            let window = Arc::clone(&window);
            Arc::new(move |pid| window.launch_ended(pid))
        },
    };
    let folders = FolderWatch::start(Arc::clone(&state));
    let hub = Arc::new(Hub::new(
        Arc::clone(&state),
        window,
        Box::new(launcher),
        folders,
    ));
    server::spawn(listener, Arc::clone(&hub));
    reminders::spawn(Arc::clone(&hub));
    backups::spawn(Arc::clone(&state));
    show_tray_item(&hub).await;
    if let Some(action) = first {
        hub.handle(action);
    }
    wait_for_quit(&hub).await;
    // Give the quit order a moment to reach the window process.
    tokio::time::sleep(Duration::from_millis(100)).await;
    ExitCode::SUCCESS
}

/// Puts the tray item on the bus when the desktop shows tray items, and keeps
/// its labels current; without one, HugOps runs on without an icon.
async fn show_tray_item(hub: &Arc<Hub>) {
    let (actions, mut chosen) = unbounded_channel::<Action>();
    let shown_hub = Arc::clone(hub);
    let item = menu::TrayItem {
        labels: menu::labels(&hub.state),
        actions,
        icon: menu::icon(),
        on_shown: Box::new(move |shown| shown_hub.set_has_icon(shown)),
    };
    let assume = std::env::var_os(ASSUME_TRAY_ENV).is_some_and(|v| !v.is_empty());
    let handle = match item.assume_sni_available(assume).spawn().await {
        Ok(handle) => handle,
        Err(e) => {
            warn(format!(
                "no tray icon on this desktop ({e}); running without one"
            ));
            return;
        }
    };
    hub.set_has_icon(true);
    let menu_hub = Arc::clone(hub);
    tokio::spawn(async move {
        while let Some(action) = chosen.recv().await {
            menu_hub.handle(action);
        }
    });
    let hub = Arc::clone(hub);
    tokio::spawn(async move {
        loop {
            hub.wait_for_menu_change().await;
            let labels = menu::labels(&hub.state);
            if handle.update(|item| item.labels = labels).await.is_none() {
                break;
            }
        }
    });
}

/// Resolves when Quit is chosen or the tray is asked to end by a signal
/// (which quits the window process too).
async fn wait_for_quit(hub: &Arc<Hub>) {
    let (Ok(mut term), Ok(mut int)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) else {
        return hub.wait_for_quit().await;
    };
    tokio::select! {
        () = hub.wait_for_quit() => {}
        _ = term.recv() => hub.handle(Action::Quit),
        _ = int.recv() => hub.handle(Action::Quit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Option<Action> {
        first_action(list.iter().map(|s| s.to_string()))
    }

    #[test]
    fn the_command_line_asks_for_the_window_or_nothing() {
        assert_eq!(args(&[]), None);
        assert_eq!(args(&["--open"]), Some(Action::Open));
        assert_eq!(args(&["--quick-add"]), Some(Action::QuickAdd));
        assert_eq!(args(&["--quick-add", "--open"]), Some(Action::QuickAdd));
        assert_eq!(args(&["--bogus"]), None);
    }
}
