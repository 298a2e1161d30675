//! The control socket's listening side (protocol in `hugops_control`).
//!
//! One task accepts connections; each connection gets its own task reading
//! one request per line. A connection that says `window <pid>` stays open
//! for as long as that window process lives: the tray's orders to it travel
//! back on it, and its end tells the tray the process has gone.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use hugops_control::{Request, Status, WindowOrder};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{UnixListener, UnixStream};
use tokio::sync::mpsc::unbounded_channel;

use crate::action::Action;
use crate::hub::Hub;
use crate::log::warn;

/// Binds the socket at `path`, taking over a stale file left by a tray that
/// died. Fails with `AddrInUse` when a live tray listens there.
pub fn bind(path: &Path) -> io::Result<UnixListener> {
    if let Some(dir) = path.parent() {
        hugops_control::create_runtime_dir(dir)?;
    }
    match UnixListener::bind(path) {
        Ok(listener) => Ok(listener),
        Err(e) if e.kind() == io::ErrorKind::AddrInUse => {
            if std::os::unix::net::UnixStream::connect(path).is_ok() {
                return Err(e);
            }
            std::fs::remove_file(path)?;
            UnixListener::bind(path)
        }
        Err(e) => Err(e),
    }
}

/// Removes the socket file when the tray ends.
pub struct SocketFile(pub PathBuf);

impl Drop for SocketFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Serves connections until the tray ends.
pub fn spawn(listener: UnixListener, hub: Arc<Hub>) {
    tokio::spawn(async move {
        loop {
            match listener.accept().await {
                Ok((stream, _)) => {
                    let hub = Arc::clone(&hub);
                    tokio::spawn(async move { serve(stream, hub).await });
                }
                Err(e) => warn(format!("control socket: {e}")),
            }
        }
    });
}

async fn serve(stream: UnixStream, hub: Arc<Hub>) {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    while let Ok(Some(line)) = lines.next_line().await {
        match Request::parse(&line) {
            Some(Request::Status) => {
                let status = Status {
                    tray_pid: std::process::id(),
                    window_pid: hub.window.pid(),
                };
                let line = format!("{}\n", status.to_line());
                let _ = write.write_all(line.as_bytes()).await;
            }
            Some(Request::Window { pid }) => {
                let (orders, mut queue) = unbounded_channel::<WindowOrder>();
                hub.window.register(pid, orders);
                // From here on the write half carries the tray's orders.
                tokio::spawn(async move {
                    while let Some(order) = queue.recv().await {
                        let line = format!("{}\n", order.to_line());
                        if write.write_all(line.as_bytes()).await.is_err() {
                            break;
                        }
                    }
                });
                while let Ok(Some(line)) = lines.next_line().await {
                    handle_line(&hub, &line);
                }
                hub.window.unregister(pid);
                return;
            }
            _ => handle_line(&hub, &line),
        }
    }
}

/// Carries out a one-way request.
fn handle_line(hub: &Arc<Hub>, line: &str) {
    match Request::parse(line).and_then(action_for) {
        Some(action) => hub.handle(action),
        None => warn(format!("control socket: unexpected request {line:?}")),
    }
}

/// The action a one-way request asks for.
fn action_for(request: Request) -> Option<Action> {
    Some(match request {
        Request::Open => Action::Open,
        Request::QuickAdd => Action::QuickAdd,
        Request::Close => Action::CloseWindow,
        Request::Quit => Action::Quit,
        Request::Changed => Action::Changed,
        Request::Closed => Action::WindowClosed,
        Request::Status | Request::Window { .. } => return None,
    })
}
