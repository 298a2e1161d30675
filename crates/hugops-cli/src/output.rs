//! Where output goes: standard output (a closed pipe is not an error) and the
//! one-line error report.

use std::io::{self, BufWriter, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once a write to standard output failed because the reader went away
/// (`hugops kudos list | head -1`); the run then ends quietly with success.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

pub fn stdout_closed() -> bool {
    STDOUT_CLOSED.load(Ordering::Relaxed)
}

/// Why a command did not finish.
#[derive(Debug)]
pub enum Failure {
    /// Something the user should hear about (one line on stderr, exit 2).
    Error(String),
    /// Standard output was closed by its reader: stop quietly.
    StdoutClosed,
    /// Everything was printed; end with this exit status (`hugops thread check
    /// --fail-if-ambiguous` ends with 1 when a thread looks ambiguous).
    Status(u8),
}

impl From<hugops_core::Error> for Failure {
    fn from(e: hugops_core::Error) -> Self {
        if stdout_closed() {
            return Failure::StdoutClosed;
        }
        Failure::Error(e.to_string())
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe || stdout_closed() {
            Failure::StdoutClosed
        } else {
            Failure::Error(format!("cannot write output: {e}"))
        }
    }
}

pub type CmdResult = Result<(), Failure>;

/// Standard output, buffered, remembering a closed pipe.
pub struct Stdout(BufWriter<io::StdoutLock<'static>>);

impl Stdout {
    pub fn new() -> Self {
        Stdout(BufWriter::with_capacity(64 * 1024, io::stdout().lock()))
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        note_closed(self.0.write(buf))
    }
    fn flush(&mut self) -> io::Result<()> {
        note_closed(self.0.flush())
    }
}

fn note_closed<T>(r: io::Result<T>) -> io::Result<T> {
    if let Err(e) = &r {
        if e.kind() == io::ErrorKind::BrokenPipe {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
        }
    }
    r
}

/// Prints `hugops: error: <message>` as exactly one line on stderr.
pub fn report_error(message: &str) {
    report("error", message);
}

/// Prints `hugops: notice: <message>` as exactly one line on stderr.
pub fn report_notice(message: &str) {
    report("notice", message);
}

fn report(kind: &str, message: &str) {
    let line = one_line(message);
    // Nothing sensible is left to do if stderr itself is gone.
    let _ = writeln!(io::stderr().lock(), "hugops: {kind}: {line}");
}

/// Folds a message onto one line: line breaks become spaces (runs of blank
/// space collapse) and other control characters are shown escaped.
pub fn one_line(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    for part in message.split(['\n', '\r']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        for c in part.chars() {
            if c.is_control() && c != '\t' {
                out.extend(c.escape_default());
            } else {
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_folds_breaks_and_escapes_controls() {
        assert_eq!(
            one_line("error: a\n  --person <NAME>\n\n"),
            "error: a --person <NAME>"
        );
        assert_eq!(one_line("bell\u{7}"), "bell\\u{7}");
    }
}
