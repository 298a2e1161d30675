//! The tray's one way to report a problem: a line on stderr.
//!
//! The tray outlives the terminal that may have started it, and `eprintln!`
//! panics when stderr is gone; a lost log line must never end the reminders.

use std::io::Write;

/// Writes `hugops: {message}` to stderr, ignoring a closed stderr.
pub fn warn(message: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "hugops: {message}");
}
