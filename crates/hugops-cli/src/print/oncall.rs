//! What `hugops oncall …` prints: JSON, or a table a lead reads at a glance.

use std::io::Write;

use hugops_core::calendar::Skipped;
use hugops_core::clock::format_instant;
use hugops_core::oncall::incidents::Incident;
use hugops_core::oncall::report::PersonReport;
use hugops_core::oncall::request::FullReport;
use hugops_core::oncall::sources::ShiftFile;
use hugops_core::oncall::stored::LedgerImport;
use serde::Serialize;

use super::json;
use crate::output::{CmdResult, Stdout};
use crate::render;

/// Widest stacked bar of interruptions, in characters.
const BAR_WIDTH: u32 = 20;

/// The report: a row per person with a stacked bar (`█` sleep, `▓` off
/// hours, `░` business: told apart without colour), then fairness,
/// warnings, pages that went to no one and the next-shift suggestion.
pub fn report(out: &mut Stdout, full: &FullReport, as_json: bool) -> CmdResult {
    if as_json {
        return json(out, full);
    }
    let r = &full.report;
    writeln!(
        out,
        "on call from {} to {} (UTC days, the last not included)",
        r.from, r.to
    )?;
    if r.people.is_empty() {
        writeln!(out, "nobody was on call or paged in the period")?;
    }
    let name_w = r
        .people
        .iter()
        .map(|p| p.name.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let most = r.people.iter().map(total).max().unwrap_or(0);
    if !r.people.is_empty() {
        writeln!(
            out,
            "{:<name_w$}  {:>8}  {:>5}  {:>5}  {:>5}  {:>5}  {:>6}  {:>4}  {:>6}  {:>5}  interruptions (█ sleep ▓ off hours ░ business)",
            "name", "on call", "pages", "sleep", "off", "bus.", "nights", "busy", "streak", "share"
        )?;
    }
    for p in &r.people {
        let i = p.interruptions;
        writeln!(
            out,
            "{:<name_w$}  {:>7.1}h  {:>5}  {:>5}  {:>5}  {:>5}  {:>6}  {:>4}  {:>5}d  {:>4.0}%  {}",
            render::clean(&p.name),
            p.oncall_hours,
            p.pages,
            i.sleep,
            i.off_hours,
            i.business,
            p.nights_interrupted,
            p.busy_windows,
            p.longest_streak_days,
            p.night_share * 100.0,
            stacked_bar(p, most),
        )?;
    }
    writeln!(
        out,
        "fairness: Gini {:.2} over off-hours and sleep interruptions (0 is even)",
        r.fairness.gini
    )?;
    for w in &r.warnings {
        writeln!(out, "note: {}", render::clean(&w.message))?;
    }
    if !r.unattributed.is_empty() {
        writeln!(
            out,
            "{} page(s) went to no one on call:",
            r.unattributed.len()
        )?;
        for i in &r.unattributed {
            writeln!(out, "  {}", incident_line(i))?;
        }
    }
    for s in &full.skipped {
        writeln!(out, "skipped calendar event: {}", skipped(s))?;
    }
    if let Some(next) = &full.next_shift {
        writeln!(
            out,
            "next shift: {} — {}",
            render::clean(&next.name),
            render::clean(&next.reason)
        )?;
    }
    Ok(())
}

fn total(p: &PersonReport) -> u32 {
    let i = p.interruptions;
    i.sleep + i.off_hours + i.business
}

fn stacked_bar(p: &PersonReport, most: u32) -> String {
    if most == 0 {
        return String::new();
    }
    let i = p.interruptions;
    let width = |n: u32| (n * BAR_WIDTH).div_ceil(most) as usize;
    format!(
        "{}{}{}",
        "█".repeat(width(i.sleep)),
        "▓".repeat(width(i.off_hours)),
        "░".repeat(width(i.business))
    )
}

/// A calendar event left out: its summary and why.
fn skipped(s: &Skipped) -> String {
    format!("{} ({:?})", render::clean(&s.summary), s.reason)
}

fn incident_line(i: &Incident) -> String {
    let what = [i.title.as_deref(), i.service.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    render::clean(&format!("{}  {what}", format_instant(i.created_at)))
}

/// `oncall shifts`: `{"shifts": [...], "skipped": [...]}` or a line each.
pub fn shifts(out: &mut Stdout, file: &ShiftFile, as_json: bool) -> CmdResult {
    if as_json {
        return json(out, file);
    }
    if file.shifts.is_empty() {
        writeln!(out, "no shifts in the period")?;
    }
    for s in &file.shifts {
        let who = s.who.as_deref().unwrap_or("(nobody known)");
        writeln!(
            out,
            "{}",
            render::clean(&format!(
                "{} – {}  {who}  {}",
                format_instant(s.start),
                format_instant(s.end),
                s.summary
            ))
        )?;
    }
    for s in &file.skipped {
        writeln!(out, "skipped: {}", skipped(s))?;
    }
    Ok(())
}

#[derive(Serialize)]
struct IncidentsJson<'a> {
    incidents: &'a [Incident],
}

/// `oncall incidents`: `{"incidents": [...]}` or a line each.
pub fn incidents(out: &mut Stdout, incidents: &[Incident], as_json: bool) -> CmdResult {
    if as_json {
        return json(out, &IncidentsJson { incidents });
    }
    if incidents.is_empty() {
        writeln!(out, "no incidents")?;
    }
    for i in incidents {
        writeln!(out, "{}", incident_line(i))?;
    }
    Ok(())
}

/// `oncall import`: what was added and updated.
pub fn imported(out: &mut Stdout, r: &LedgerImport, as_json: bool) -> CmdResult {
    if as_json {
        return json(out, r);
    }
    writeln!(
        out,
        "shifts: {} added, {} already stored; incidents: {} added, {} updated",
        r.shifts_added, r.shifts_known, r.incidents_added, r.incidents_updated
    )?;
    Ok(())
}
