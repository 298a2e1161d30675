//! What `hugops reminders …` prints.

use std::io::Write;

use chrono::{DateTime, Utc};
use hugops_core::clock::format_instant;
use hugops_core::reminders::Reminder;

use super::json;
use crate::output::{CmdResult, Stdout};
use crate::render;

/// The reminders due now, one a line; when none is due, why (a pause that
/// lasts until `paused_until`).
pub fn due(
    out: &mut Stdout,
    as_json: bool,
    due: &[Reminder],
    paused_until: Option<DateTime<Utc>>,
) -> CmdResult {
    if as_json {
        return json(out, &due);
    }
    if due.is_empty() {
        match paused_until {
            Some(until) => writeln!(
                out,
                "no reminders due (paused until {})",
                format_instant(until)
            )?,
            None => writeln!(out, "no reminders due")?,
        }
    }
    for r in due {
        writeln!(
            out,
            "{}  {}: {}",
            format_instant(r.due_at),
            render::clean(&r.title),
            render::clean(&r.body)
        )?;
    }
    Ok(())
}

pub fn paused(out: &mut Stdout, until: Option<DateTime<Utc>>) -> CmdResult {
    match until {
        Some(until) => writeln!(out, "reminders paused until {}", format_instant(until))?,
        None => writeln!(out, "reminders are not paused")?,
    }
    Ok(())
}

pub fn resumed(out: &mut Stdout) -> CmdResult {
    writeln!(out, "reminders resumed")?;
    Ok(())
}
