//! The window process as the tray sees it: at most one, either registered on
//! the control socket or being launched.
//!
//! A launch that has not registered yet counts as the window for
//! [`LAUNCH_PATIENCE`], so two quick clicks on "Open" start one process; a
//! launched process that exits before registering (for example, because it
//! refused the database) frees the slot at once.
//!
//! Opening the tray menu starts a window process hidden ([`Start::Hidden`]),
//! so that by the time "Open HugOps" is clicked its WebKit is loaded and the
//! journal drawn: the click only shows it. A hidden window nobody opens ends
//! after the grace period like a closed one. An order for a hidden launch
//! that has not registered yet waits for it.

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

/// How a window process starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// Shown at once.
    Shown,
    /// Shown with the quick-add form open (`--quick-add`).
    QuickAdd,
    /// Ready but hidden until an order shows it (`--prewarm`).
    Hidden,
}

/// Starts window processes. The real one runs `hugops-desktop`; tests count.
pub trait Launcher: Send + Sync {
    /// Starts a window process; returns its pid.
    fn launch(&self, start: Start) -> io::Result<u32>;
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
    /// The launch is hidden: the last order given meanwhile, for when it registers.
    hidden_launch: Option<Option<WindowOrder>>,
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

impl Slot {
    fn is_launching(&self) -> bool {
        self.launching
            .is_some_and(|(_, since)| since.elapsed() < LAUNCH_PATIENCE)
    }
}

impl WindowProcess {
    fn slot(&self) -> std::sync::MutexGuard<'_, Slot> {
        self.slot.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Shows the window (with quick add when asked): an order to the running
    /// process, else a new process.
    pub fn show(&self, quick_add: bool, launcher: &dyn Launcher) -> io::Result<Shown> {
        let order = if quick_add {
            WindowOrder::QuickAdd
        } else {
            WindowOrder::Show
        };
        let mut slot = self.slot();
        if let Some(window) = &slot.registered {
            if window.orders.send(order).is_ok() {
                return Ok(Shown::Ordered);
            }
            slot.registered = None;
        }
        if slot.is_launching() {
            if let Some(pending) = &mut slot.hidden_launch {
                *pending = Some(order);
            }
            return Ok(Shown::Starting);
        }
        let start = if quick_add {
            Start::QuickAdd
        } else {
            Start::Shown
        };
        let pid = launcher.launch(start)?;
        slot.launching = Some((pid, Instant::now()));
        slot.hidden_launch = None;
        Ok(Shown::Launched(pid))
    }

    /// Starts a hidden window process unless one runs or is starting;
    /// returns its pid.
    pub fn prewarm(&self, launcher: &dyn Launcher) -> io::Result<Option<u32>> {
        let mut slot = self.slot();
        if slot.registered.is_some() || slot.is_launching() {
            return Ok(None);
        }
        let pid = launcher.launch(Start::Hidden)?;
        slot.launching = Some((pid, Instant::now()));
        slot.hidden_launch = Some(None);
        Ok(Some(pid))
    }

    /// A window process registered; orders for it go to `orders`, starting
    /// with one given while it was launched hidden.
    pub fn register(&self, pid: u32, orders: UnboundedSender<WindowOrder>) {
        let mut slot = self.slot();
        if let Some(order) = slot.hidden_launch.take().flatten() {
            let _ = orders.send(order);
        }
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
            slot.hidden_launch = None;
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
    fn launch(&self, start: Start) -> io::Result<u32> {
        let mut command = tokio::process::Command::new(Self::binary()?);
        match start {
            Start::Shown => {}
            Start::QuickAdd => {
                command.arg("--quick-add");
            }
            Start::Hidden => {
                command.arg("--prewarm");
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Records every launch and hands out pids from 100.
    #[derive(Default)]
    struct Counting(Mutex<Vec<Start>>);

    impl Launcher for Counting {
        fn launch(&self, start: Start) -> io::Result<u32> {
            let mut starts = self.0.lock().unwrap();
            starts.push(start);
            Ok(100 + starts.len() as u32)
        }
    }

    #[test]
    fn an_open_during_a_hidden_launch_waits_for_it_and_starts_nothing_more() {
        let (window, launcher) = (WindowProcess::default(), Counting::default());
        assert_eq!(window.prewarm(&launcher).unwrap(), Some(101));
        assert_eq!(window.prewarm(&launcher).unwrap(), None, "one at a time");
        assert_eq!(window.show(false, &launcher).unwrap(), Shown::Starting);
        let (orders, mut received) = tokio::sync::mpsc::unbounded_channel();
        window.register(101, orders);
        assert_eq!(received.try_recv().unwrap(), WindowOrder::Show);
        assert_eq!(*launcher.0.lock().unwrap(), [Start::Hidden]);
        assert_eq!(window.show(true, &launcher).unwrap(), Shown::Ordered);
        assert_eq!(received.try_recv().unwrap(), WindowOrder::QuickAdd);
    }

    #[test]
    fn a_hidden_window_nobody_opened_gets_no_order_and_a_running_one_no_prewarm() {
        let (window, launcher) = (WindowProcess::default(), Counting::default());
        window.prewarm(&launcher).unwrap();
        let (orders, mut received) = tokio::sync::mpsc::unbounded_channel();
        window.register(101, orders);
        assert!(received.try_recv().is_err(), "stays hidden");
        assert_eq!(window.prewarm(&launcher).unwrap(), None);
        window.unregister(101);
        assert_eq!(window.prewarm(&launcher).unwrap(), Some(102));
    }

    #[test]
    fn a_hidden_launch_that_dies_frees_the_slot_and_forgets_its_order() {
        let (window, launcher) = (WindowProcess::default(), Counting::default());
        window.prewarm(&launcher).unwrap();
        window.show(false, &launcher).unwrap();
        window.launch_ended(101);
        assert_eq!(window.show(false, &launcher).unwrap(), Shown::Launched(102));
        let (orders, mut received) = tokio::sync::mpsc::unbounded_channel();
        window.register(102, orders);
        assert!(
            received.try_recv().is_err(),
            "a shown launch needs no order"
        );
        assert_eq!(*launcher.0.lock().unwrap(), [Start::Hidden, Start::Shown]);
    }
}
