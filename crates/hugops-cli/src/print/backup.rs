//! What `hugops backup …` prints.

use std::io::Write;
use std::path::Path;

use hugops_core::backup::Snapshot;
use hugops_core::clock::format_instant;
use serde::Serialize;

use super::json;
use crate::output::{CmdResult, Stdout};

/// `backup now --json`: where the snapshot is and what it holds.
#[derive(Serialize)]
struct Taken<'a> {
    path: &'a Path,
    bytes: u64,
    entries: i64,
}

#[derive(Serialize)]
struct Listed<'a> {
    backups: &'a [Snapshot],
}

#[derive(Serialize)]
struct Restored<'a> {
    restored: &'a Path,
    before_restore: &'a Path,
}

pub fn taken(out: &mut Stdout, as_json: bool, s: &Snapshot) -> CmdResult {
    if as_json {
        return json(
            out,
            &Taken {
                path: &s.path,
                bytes: s.bytes,
                entries: s.entries,
            },
        );
    }
    writeln!(out, "snapshot written: {}", s.path.display())?;
    writeln!(out, "{}, {} bytes", entries(s.entries), s.bytes)?;
    Ok(())
}

/// The snapshots, newest first, one a line.
pub fn list(out: &mut Stdout, as_json: bool, snaps: &[Snapshot]) -> CmdResult {
    if as_json {
        return json(out, &Listed { backups: snaps });
    }
    if snaps.is_empty() {
        writeln!(out, "no backups yet")?;
    }
    for s in snaps {
        writeln!(
            out,
            "{}  {:<14}  {:>12}  {:>9} bytes  {}",
            format_instant(s.created_at),
            s.reason.as_str(),
            entries(s.entries),
            s.bytes,
            s.path.display()
        )?;
    }
    Ok(())
}

pub fn restored(out: &mut Stdout, as_json: bool, from: &Path, before: &Snapshot) -> CmdResult {
    if as_json {
        return json(
            out,
            &Restored {
                restored: from,
                before_restore: &before.path,
            },
        );
    }
    writeln!(out, "restored {}", from.display())?;
    writeln!(
        out,
        "the replaced state was saved as {}",
        before.path.display()
    )?;
    Ok(())
}

/// `1 entry`, `2 entries`.
fn entries(n: i64) -> String {
    match n {
        1 => "1 entry".to_string(),
        n => format!("{n} entries"),
    }
}
