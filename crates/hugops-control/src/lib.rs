//! The control socket between HugOps' two desktop processes.
//!
//! The tray process (tray item, reminders, notifications, watched folder; no
//! WebKit) runs from login to shutdown and listens on a Unix socket. The
//! window process starts on demand, registers on that socket, and exits a
//! grace period after its window is closed, so no web process stays in
//! memory while nobody looks at the window.
//!
//! The protocol is one command per line, in plain ASCII, so that a shell
//! (`socat`), a test or a benchmark can speak it too:
//!
//! | sent to the tray | meaning                                                  |
//! |------------------|----------------------------------------------------------|
//! | `open`           | show the window, starting its process if there is none   |
//! | `quick-add`      | the same, then open the quick-add form                   |
//! | `close`          | close the window, as its close button does (scripts)     |
//! | `quit`           | quit the window process and the tray                     |
//! | `status`         | answered with one line: `tray <pid> window <pid or ->`    |
//! | `window <pid>`   | a window process registers; the connection stays open    |
//! | `changed`        | settings or stored reminders changed: look again now     |
//! | `closed`         | the window was closed (hidden)                           |
//!
//! On a window's connection the tray sends [`WindowOrder`]s back, one per line.

use std::io::{self, BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Overrides the folder holding the socket (tests give each scenario its own).
pub const RUNTIME_DIR_ENV: &str = "HUGOPS_RUNTIME_DIR";

/// A command sent to the tray process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    Open,
    QuickAdd,
    Close,
    Quit,
    Status,
    Window { pid: u32 },
    Changed,
    Closed,
}

impl Request {
    /// The line that carries this request, without its newline.
    pub fn to_line(self) -> String {
        match self {
            Request::Open => "open".into(),
            Request::QuickAdd => "quick-add".into(),
            Request::Close => "close".into(),
            Request::Quit => "quit".into(),
            Request::Status => "status".into(),
            Request::Window { pid } => format!("window {pid}"),
            Request::Changed => "changed".into(),
            Request::Closed => "closed".into(),
        }
    }

    /// The request a line carries; `None` for anything else.
    pub fn parse(line: &str) -> Option<Request> {
        let line = line.trim();
        Some(match line {
            "open" => Request::Open,
            "quick-add" => Request::QuickAdd,
            "close" => Request::Close,
            "quit" => Request::Quit,
            "status" => Request::Status,
            "changed" => Request::Changed,
            "closed" => Request::Closed,
            _ => {
                let pid = line.strip_prefix("window ")?.parse().ok()?;
                Request::Window { pid }
            }
        })
    }
}

/// What the tray tells a registered window process to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowOrder {
    Show,
    QuickAdd,
    Close,
    Quit,
}

impl WindowOrder {
    pub fn to_line(self) -> &'static str {
        match self {
            WindowOrder::Show => "show",
            WindowOrder::QuickAdd => "quick-add",
            WindowOrder::Close => "close",
            WindowOrder::Quit => "quit",
        }
    }

    pub fn parse(line: &str) -> Option<WindowOrder> {
        match line.trim() {
            "show" => Some(WindowOrder::Show),
            "quick-add" => Some(WindowOrder::QuickAdd),
            "close" => Some(WindowOrder::Close),
            "quit" => Some(WindowOrder::Quit),
            _ => None,
        }
    }
}

/// The answer to [`Request::Status`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Status {
    pub tray_pid: u32,
    /// The registered window process, if one is running.
    pub window_pid: Option<u32>,
}

impl Status {
    pub fn to_line(self) -> String {
        let window = self.window_pid.map_or("-".to_owned(), |p| p.to_string());
        format!("tray {} window {window}", self.tray_pid)
    }

    pub fn parse(line: &str) -> Option<Status> {
        let mut words = line.split_whitespace();
        let (Some("tray"), Some(tray), Some("window"), Some(window), None) = (
            words.next(),
            words.next(),
            words.next(),
            words.next(),
            words.next(),
        ) else {
            return None;
        };
        Some(Status {
            tray_pid: tray.parse().ok()?,
            window_pid: match window {
                "-" => None,
                pid => Some(pid.parse().ok()?),
            },
        })
    }
}

/// The socket of the tray serving the database at `db`, in
/// [`runtime_dir`]. Each database has its own tray, so the name carries a
/// hash of the database's path.
pub fn socket_path(db: &Path) -> PathBuf {
    let db = std::fs::canonicalize(db).unwrap_or_else(|_| db.to_path_buf());
    runtime_dir().join(format!(
        "tray-{:016x}.sock",
        fnv1a(db.as_os_str().as_encoded_bytes())
    ))
}

/// `$HUGOPS_RUNTIME_DIR`, else `$XDG_RUNTIME_DIR/hugops`, else a folder in
/// the temporary directory named after the user.
pub fn runtime_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(RUNTIME_DIR_ENV).filter(|v| !v.is_empty()) {
        return PathBuf::from(dir);
    }
    if let Some(dir) = std::env::var_os("XDG_RUNTIME_DIR").filter(|v| !v.is_empty()) {
        return PathBuf::from(dir).join("hugops");
    }
    let user = std::env::var("USER").unwrap_or_else(|_| "user".into());
    std::env::temp_dir().join(format!("hugops-{user}"))
}

/// Creates [`runtime_dir`] readable by its owner only.
pub fn create_runtime_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

/// 64-bit FNV-1a. Written here because the name must be the same in both
/// processes and across Rust releases, which `DefaultHasher` does not promise,
/// and a dependency for eight lines is not worth it.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// How long a one-shot request may take before the tray counts as gone.
const REPLY_TIMEOUT: Duration = Duration::from_secs(2);

/// Sends one request to the tray at `socket`. Returns the tray's answer line
/// for [`Request::Status`], `None` for the others. Fails when no tray listens.
pub fn send(socket: &Path, request: Request) -> io::Result<Option<String>> {
    let mut stream = UnixStream::connect(socket)?;
    stream.set_read_timeout(Some(REPLY_TIMEOUT))?;
    stream.set_write_timeout(Some(REPLY_TIMEOUT))?;
    writeln!(stream, "{}", request.to_line())?;
    if request != Request::Status {
        return Ok(None);
    }
    let mut line = String::new();
    BufReader::new(stream).read_line(&mut line)?;
    Ok(Some(line.trim().to_owned()))
}

/// The tray's status, or `None` when no tray listens at `socket`.
pub fn status(socket: &Path) -> Option<Status> {
    send(socket, Request::Status)
        .ok()
        .flatten()
        .and_then(|l| Status::parse(&l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_round_trip_through_their_lines() {
        for r in [
            Request::Open,
            Request::QuickAdd,
            Request::Close,
            Request::Quit,
            Request::Status,
            Request::Window { pid: 4242 },
            Request::Changed,
            Request::Closed,
        ] {
            assert_eq!(Request::parse(&r.to_line()), Some(r));
        }
        assert_eq!(Request::parse("open\n"), Some(Request::Open));
        assert_eq!(Request::parse("window x"), None);
        assert_eq!(Request::parse("OPEN"), None);
        assert_eq!(Request::parse(""), None);
    }

    #[test]
    fn orders_round_trip_through_their_lines() {
        for o in [
            WindowOrder::Show,
            WindowOrder::QuickAdd,
            WindowOrder::Close,
            WindowOrder::Quit,
        ] {
            assert_eq!(WindowOrder::parse(o.to_line()), Some(o));
        }
        assert_eq!(WindowOrder::parse("hide"), None);
    }

    #[test]
    fn status_round_trips_with_and_without_a_window() {
        for s in [
            Status {
                tray_pid: 10,
                window_pid: None,
            },
            Status {
                tray_pid: 10,
                window_pid: Some(11),
            },
        ] {
            assert_eq!(Status::parse(&s.to_line()), Some(s));
        }
        assert_eq!(Status::parse("tray 1 window"), None);
        assert_eq!(Status::parse("tray 1 window 2 extra"), None);
    }

    #[test]
    fn each_database_has_its_own_socket_in_the_runtime_dir() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
        assert_ne!(socket_path(&a), socket_path(&b));
        assert_eq!(socket_path(&a), socket_path(&a));
        assert_eq!(socket_path(&a).parent(), Some(runtime_dir().as_path()));
        // Unix socket paths are limited to 108 bytes: the name stays short.
        let name = socket_path(&a).file_name().unwrap().len();
        assert_eq!(name, "tray-0123456789abcdef.sock".len());
    }

    #[test]
    fn fnv1a_matches_its_published_test_vectors() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn nobody_listening_is_an_error_and_no_status() {
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("none.sock");
        assert!(send(&socket, Request::Open).is_err());
        assert_eq!(status(&socket), None);
    }
}
