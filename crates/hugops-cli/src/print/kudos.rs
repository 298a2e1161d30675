//! What `hugops kudos …` prints.

use std::io::Write;
use std::path::Path;

use hugops_core::journal::{Entry, ImportReport, Stats};
use hugops_core::threads::chat_kudos::ChatImportReport;

use super::json;
use crate::output::{CmdResult, Stdout};
use crate::render;

/// An entry just added, changed or restored: JSON, or `<verb> entry N: …`.
pub fn entry(out: &mut Stdout, as_json: bool, verb: &str, entry: &Entry) -> CmdResult {
    if as_json {
        json(out, entry)
    } else {
        writeln!(out, "{verb} entry {}: {}", entry.id, render::summary(entry))?;
        Ok(())
    }
}

/// A list of entries: JSON, a table, or `none` when there are none.
pub fn entries(out: &mut Stdout, as_json: bool, entries: &[Entry], none: &str) -> CmdResult {
    if as_json {
        json(out, &entries)
    } else if entries.is_empty() {
        writeln!(out, "{none}")?;
        Ok(())
    } else {
        out.write_all(render::entry_table(entries, render::terminal_width()).as_bytes())?;
        Ok(())
    }
}

/// One entry in full.
pub fn detail(out: &mut Stdout, as_json: bool, entry: &Entry) -> CmdResult {
    if as_json {
        json(out, entry)
    } else {
        out.write_all(render::entry_detail(entry).as_bytes())?;
        Ok(())
    }
}

/// A deleted entry, and how to bring it back.
pub fn deleted(out: &mut Stdout, entry: &Entry) -> CmdResult {
    writeln!(
        out,
        "deleted entry {}: {}",
        entry.id,
        render::summary(entry)
    )?;
    writeln!(out, "to undo: hugops kudos undo {}", entry.id)?;
    Ok(())
}

pub fn exported(out: &mut Stdout, n: usize, path: &Path) -> CmdResult {
    let noun = if n == 1 { "entry" } else { "entries" };
    writeln!(out, "exported {n} {noun} to {}", path.display())?;
    Ok(())
}

pub fn imported(out: &mut Stdout, as_json: bool, report: &ImportReport) -> CmdResult {
    if as_json {
        return json(out, report);
    }
    writeln!(
        out,
        "imported {} entries, skipped {} duplicates",
        report.imported, report.skipped_duplicates
    )?;
    Ok(())
}

pub fn stats(out: &mut Stdout, as_json: bool, stats: &Stats) -> CmdResult {
    if as_json {
        json(out, stats)
    } else {
        out.write_all(render::stats(stats).as_bytes())?;
        Ok(())
    }
}

pub fn chat_imported(out: &mut Stdout, as_json: bool, report: &ChatImportReport) -> CmdResult {
    if as_json {
        return json(out, report);
    }
    writeln!(
        out,
        "logged {} received kudos, skipped {} already in the journal",
        report.logged, report.skipped_duplicates
    )?;
    Ok(())
}
