//! The window process's link to the tray process (`hugops-tray`).
//!
//! The tray holds the tray item, delivers reminders and watches the folder;
//! this process only shows the window. At start it registers on the tray's
//! control socket (starting the tray first when none runs), then follows the
//! tray's orders (show, quick add, quit) and tells it when settings change or
//! the window closes. Without a tray process (its binary missing), closing
//! the window quits, as nothing would bring it back.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use hugops_control::{Request, WindowOrder};

/// Overrides where the tray binary is (tests, `tauri dev`).
pub const TRAY_BIN_ENV: &str = "HUGOPS_TRAY_BIN";
/// How long a tray just started may take to listen.
const TRAY_START_PATIENCE: Duration = Duration::from_secs(5);

/// The registered connection, once there is one.
#[derive(Default)]
pub struct TrayLink {
    stream: Mutex<Option<UnixStream>>,
}

impl TrayLink {
    /// Tells the tray something; false when there is no tray to tell.
    pub fn send(&self, request: Request) -> bool {
        let mut slot = self.stream.lock().unwrap_or_else(|p| p.into_inner());
        let Some(stream) = slot.as_mut() else {
            return false;
        };
        if writeln!(stream, "{}", request.to_line()).is_ok() {
            return true;
        }
        *slot = None;
        false
    }

    /// Whether a tray process is there to bring the window back.
    pub fn connected(&self) -> bool {
        self.stream
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_some()
    }

    pub(crate) fn set(&self, stream: Option<UnixStream>) {
        *self.stream.lock().unwrap_or_else(|p| p.into_inner()) = stream;
    }
}

/// The tray binary: `$HUGOPS_TRAY_BIN`, else `hugops-tray` beside this one.
pub fn tray_binary() -> std::io::Result<PathBuf> {
    if let Some(bin) = std::env::var_os(TRAY_BIN_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(bin));
    }
    Ok(std::env::current_exe()?.with_file_name("hugops-tray"))
}

/// Starts the tray process for this database, detached from this process
/// (its own process group: it outlives the window and the terminal).
pub fn start_tray(extra: &[&str]) -> std::io::Result<()> {
    use std::os::unix::process::CommandExt;
    Command::new(tray_binary()?)
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .process_group(0)
        .spawn()
        .map(drop)
}

/// Connects to the tray at `socket`, starting one if none listens.
fn connect_or_start(socket: &Path) -> Option<UnixStream> {
    if let Ok(stream) = UnixStream::connect(socket) {
        return Some(stream);
    }
    if let Err(e) = start_tray(&[]) {
        eprintln!("hugops: could not start the tray process: {e}");
        return None;
    }
    let started = Instant::now();
    while started.elapsed() < TRAY_START_PATIENCE {
        std::thread::sleep(Duration::from_millis(50));
        if let Ok(stream) = UnixStream::connect(socket) {
            return Some(stream);
        }
    }
    eprintln!("hugops: the tray process did not start");
    None
}

/// Registers this window process with the tray, on a thread of its own that
/// then hands each of the tray's orders to `obey` until the tray goes.
pub fn start(db: &Path, link: Arc<TrayLink>, obey: impl Fn(WindowOrder) + Send + 'static) {
    let socket = hugops_control::socket_path(db);
    std::thread::spawn(move || {
        let Some(stream) = connect_or_start(&socket) else {
            return;
        };
        let Ok(reader) = stream.try_clone() else {
            return;
        };
        link.set(Some(stream));
        link.send(Request::Window {
            pid: std::process::id(),
        });
        for line in BufReader::new(reader).lines() {
            let Ok(line) = line else { break };
            match WindowOrder::parse(&line) {
                Some(order) => obey(order),
                None => eprintln!("hugops: unknown order from the tray: {line:?}"),
            }
        }
        // The tray ended without asking us to quit (killed): closing the
        // window now quits, as nothing would bring it back.
        link.set(None);
    });
}
