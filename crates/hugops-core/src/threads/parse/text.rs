//! Plain transcripts: `[HH:MM] Name: text` or `Name: text` lines;
//! continuation lines belong to the message above.

use std::path::Path;

use crate::threads::Thread;
use crate::Result;

/// Parses a transcript (`path` only names the source in errors).
pub fn parse_transcript(_path: &Path, _text: &str) -> Result<Thread> {
    // Placeholder until the transcript reader lands (issue 7).
    Ok(Thread::default())
}
