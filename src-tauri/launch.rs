//! What a launch of `hugops-desktop` does before any window code runs.
//!
//! - `--hidden` (the login autostart entry): makes sure the tray process runs
//!   for this database, then exits: no window, no WebKit.
//! - `--prewarm` (the tray, when its menu opens): becomes the window process
//!   with the window hidden until the tray orders it shown; exits at once if
//!   a window process runs already.
//! - A window process already running for this database: it is told to show
//!   itself (with quick add for `--quick-add`) and this launch exits.
//! - Otherwise this process becomes the window process.

use std::sync::atomic::{AtomicBool, Ordering};

use hugops_control::Request;
use tauri::{AppHandle, Manager, Runtime};

use crate::{tray_link, window};

/// What to do with this launch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Launch {
    /// Become the window process (quick add open once ready when asked;
    /// hidden until shown when prewarmed).
    Window { quick_add: bool, prewarm: bool },
    /// Nothing more to do: exit with this status.
    Exit(i32),
}

/// The launch the command line asks for, against whatever already runs.
pub fn decide(args: impl Iterator<Item = String>) -> Launch {
    let (mut hidden, mut quick_add, mut prewarm) = (false, false, false);
    for arg in args {
        match arg.as_str() {
            "--hidden" => hidden = true,
            "--quick-add" => quick_add = true,
            "--prewarm" => prewarm = true,
            _ => {}
        }
    }
    // A database path that cannot be resolved is reported by the window.
    let Ok(db) = hugops_core::store::resolve_path(None) else {
        return Launch::Window { quick_add, prewarm };
    };
    let socket = hugops_control::socket_path(&db);
    let status = hugops_control::status(&socket);
    if hidden {
        if status.is_some() {
            return Launch::Exit(0);
        }
        return match tray_link::start_tray(&[]) {
            Ok(()) => Launch::Exit(0),
            Err(e) => {
                eprintln!("hugops: could not start the tray process: {e}");
                Launch::Exit(crate::EXIT_STARTUP_FAILED)
            }
        };
    }
    let window_runs = status.is_some_and(|s| s.window_pid.is_some());
    if window_runs && prewarm {
        return Launch::Exit(0);
    }
    if window_runs {
        let request = if quick_add {
            Request::QuickAdd
        } else {
            Request::Open
        };
        if hugops_control::send(&socket, request).is_ok() {
            return Launch::Exit(0);
        }
    }
    Launch::Window { quick_add, prewarm }
}

/// Whether quick add is to open once the window is ready.
#[derive(Default)]
pub struct PendingQuickAdd(AtomicBool);

impl PendingQuickAdd {
    pub fn new(on: bool) -> Self {
        PendingQuickAdd(AtomicBool::new(on))
    }
}

/// The window's first page is ready: opens quick add if the launch asked.
pub fn ready<R: Runtime>(app: &AppHandle<R>) {
    window::reached_interactive(app);
    let pending = app
        .try_state::<PendingQuickAdd>()
        .is_some_and(|p| p.0.swap(false, Ordering::SeqCst));
    if pending {
        window::quick_add(app);
    }
}
