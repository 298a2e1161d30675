//! The window process as the tray sees it: at most one, either registered on
//! the control socket or being launched.
//!
//! A launch that has not registered yet counts as the window for
//! [`LAUNCH_PATIENCE`], so two quick clicks on "Open" start one process; a
//! launched process that exits before registering (for example, because it
//! refused the database) frees the slot at once.

use std::io;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use hugops_control::WindowOrder;
use tokio::sync::mpsc::UnboundedSender;

use crate::log::warn;

/// How long a launched window process may take to register.
pub const LAUNCH_PATIENCE: Duration = Duration::from_secs(15);

/// Overrides where the window binary is (tests, `tauri dev`).
pub const WINDOW_BIN_ENV: &str = "HUGOPS_WINDOW_BIN";

/// Starts window processes. The real one runs `hugops-desktop`; tests count.
pub trait Launcher: Send + Sync {
    /// Starts a window process (`--quick-add` when asked); returns its pid.
    fn launch(&self, quick_add: bool) -> io::Result<u32>;
}

/// A registered window process and the queue of orders to it.
struct Registered {
    pid: u32,
    orders: UnboundedSender<WindowOrder>,
}

#[derive(Default)]
struct Slot {
    registered: Option<Registered>,
    launching: Option<(u32, Instant)>,
}

/// The one window process.
#[derive(Default)]
pub struct WindowProcess {
    slot: Mutex<Slot>,
}

/// What [`WindowProcess::show`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Told the running window to show itself.
    Ordered,
    /// Started a window process.
    Launched(u32),
    /// A window process is starting already.
    Starting,
}

impl WindowProcess {
    fn slot(&self) -> std::sync::MutexGuard<'_, Slot> {
        self.slot.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Shows the window (with quick add when asked): an order to the running
    /// process, else a new process.
    pub fn show(&self, quick_add: bool, launcher: &dyn Launcher) -> io::Result<Shown> {
        let mut slot = self.slot();
        if let Some(window) = &slot.registered {
            let order = if quick_add {
                WindowOrder::QuickAdd
            } else {
                WindowOrder::Show
            };
            if window.orders.send(order).is_ok() {
                return Ok(Shown::Ordered);
            }
            slot.registered = None;
        }
        if let Some((_, since)) = slot.launching {
            if since.elapsed() < LAUNCH_PATIENCE {
                return Ok(Shown::Starting);
            }
        }
        let pid = launcher.launch(quick_add)?;
        slot.launching = Some((pid, Instant::now()));
        Ok(Shown::Launched(pid))
    }

    /// A window process registered; orders for it go to `orders`.
    pub fn register(&self, pid: u32, orders: UnboundedSender<WindowOrder>) {
        let mut slot = self.slot();
        slot.registered = Some(Registered { pid, orders });
        slot.launching = None;
    }

    /// The connection of window `pid` closed: it has exited.
    pub fn unregister(&self, pid: u32) {
        let mut slot = self.slot();
        if slot.registered.as_ref().is_some_and(|w| w.pid == pid) {
            slot.registered = None;
        }
    }

    /// A launched process `pid` exited; frees the slot if it never registered.
    pub fn launch_ended(&self, pid: u32) {
        let mut slot = self.slot();
        if slot.launching.is_some_and(|(p, _)| p == pid) {
            slot.launching = None;
        }
    }

    /// The registered window's pid.
    pub fn pid(&self) -> Option<u32> {
        self.slot().registered.as_ref().map(|w| w.pid)
    }

    /// Tells the window process to quit; returns whether one was running.
    pub fn quit(&self) -> bool {
        self.order(WindowOrder::Quit)
    }

    /// Asks the window to close as its close button does; returns whether
    /// one was running.
    pub fn close(&self) -> bool {
        self.order(WindowOrder::Close)
    }

    fn order(&self, order: WindowOrder) -> bool {
        let slot = self.slot();
        slot.registered
            .as_ref()
            .is_some_and(|w| w.orders.send(order).is_ok())
    }
}

/// Launches `hugops-desktop` from beside the tray's own binary (or
/// `$HUGOPS_WINDOW_BIN`), with the tray's environment (database, clock).
pub struct DesktopLauncher {
    /// Called with the pid of each launched process once it exits.
    pub on_exit: Arc<dyn Fn(u32) + Send + Sync>,
}

impl DesktopLauncher {
    fn binary() -> io::Result<PathBuf> {
        if let Some(bin) = std::env::var_os(WINDOW_BIN_ENV).filter(|v| !v.is_empty()) {
            return Ok(PathBuf::from(bin));
        }
        let exe = std::env::current_exe()?;
        Ok(exe.with_file_name("hugops-desktop"))
    }
}

impl Launcher for DesktopLauncher {
    fn launch(&self, quick_add: bool) -> io::Result<u32> {
        let mut command = tokio::process::Command::new(Self::binary()?);
        if quick_add {
            command.arg("--quick-add");
        }
        command.stdin(std::process::Stdio::null());
        let mut child = command.spawn()?;
        let pid = child.id().unwrap_or_default();
        let on_exit = Arc::clone(&self.on_exit);
        // Reaped on its own task, so no zombie is left behind.
        tokio::spawn(async move {
            if let Err(e) = child.wait().await {
                warn(format!("could not wait for the window process: {e}"));
            }
            on_exit(pid);
        });
        Ok(pid)
    }
}
