//! Everything the commands print: JSON with `--json`, else lines for a
//! person (built by `render`). Each module prints one command family.

pub mod backup;
pub mod kudos;
pub mod matching;
pub mod oncall;
pub mod reminders;
pub mod review;
pub mod schedule;
pub mod settings;
pub mod thread;

use std::io::Write;

use serde::Serialize;

use crate::output::{CmdResult, Failure, Stdout};

/// `value` as one line of JSON.
pub fn json(out: &mut Stdout, value: &impl Serialize) -> CmdResult {
    serde_json::to_writer(&mut *out, value).map_err(|e| match e.io_error_kind() {
        Some(kind) => Failure::from(std::io::Error::from(kind)),
        None => Failure::Error(format!("cannot write JSON: {e}")),
    })?;
    writeln!(out)?;
    Ok(())
}
