//! A report as the front ends ask for it: files to read (or the stored
//! ledger for those not given), a period, and perhaps a shift to fill.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::heat::{heat, Heat};
use super::incidents::read_incidents;
use super::ledger::Ledger;
use super::next_shift::{suggest_next, Suggestion};
use super::report::Report;
use super::sources::read_shift_file;
use super::thanks::{thanks, Kudos};
use super::{roster, stored, Period};
use crate::calendar::Skipped;
use crate::clock::Interval;
use crate::{Result, Store};

/// What to report on.
#[derive(Debug, Clone)]
pub struct ReportRequest {
    pub roster: PathBuf,
    /// `None`: the stored shifts.
    pub shifts: Option<PathBuf>,
    /// `None`: the stored incidents.
    pub incidents: Option<PathBuf>,
    pub period: Period,
    /// A shift to suggest someone for.
    pub next: Option<Interval>,
}

/// The report, the suggestion for the next shift when one was asked for,
/// and the calendar events that were not shifts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FullReport {
    #[serde(flatten)]
    pub report: Report,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_shift: Option<Suggestion>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<Skipped>,
}

/// [`FullReport`] with what the On-call screen also shows: when the
/// interruptions landed, and a prefilled kudos for each one that woke
/// someone.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ScreenReport {
    #[serde(flatten)]
    pub full: FullReport,
    pub heat: Heat,
    pub thanks: Vec<Kudos>,
}

/// Reads what `req` names and reports; `store` is the database, if there
/// is one, for the inputs not given as files (none: nothing stored).
pub fn run(store: Option<&Store>, req: &ReportRequest) -> Result<FullReport> {
    Ok(with_ledger(store, req, |_| ())?.0)
}

/// [`run`], with the heat and the thanks.
pub fn run_for_screen(store: Option<&Store>, req: &ReportRequest) -> Result<ScreenReport> {
    let (full, (heat, thanks)) = with_ledger(store, req, |l| (heat(l), thanks(l)))?;
    Ok(ScreenReport { full, heat, thanks })
}

/// Reads the inputs, builds the ledger once, and returns the report with
/// whatever else `more` derives from the ledger.
fn with_ledger<T>(
    store: Option<&Store>,
    req: &ReportRequest,
    more: impl FnOnce(&Ledger<'_>) -> T,
) -> Result<(FullReport, T)> {
    let rotation = roster::read(&req.roster)?;
    let (stored_shifts, stored_incidents) = match store {
        Some(store) if req.shifts.is_none() || req.incidents.is_none() => {
            stored::load(store, req.period)?
        }
        _ => Default::default(),
    };
    let (shifts, skipped) = match &req.shifts {
        Some(path) => {
            let file = read_shift_file(path, &rotation, req.period.interval())?;
            (file.shifts, file.skipped)
        }
        None => (stored_shifts, Vec::new()),
    };
    let incidents = match &req.incidents {
        Some(path) => read_incidents(path)?,
        None => stored_incidents,
    };
    let ledger = Ledger::build(&rotation, &shifts, &incidents, req.period);
    let report = Report::from_ledger(&ledger);
    let next_shift = req
        .next
        .and_then(|shift| suggest_next(&rotation, &report, shift.start, shift.end));
    let extra = more(&ledger);
    Ok((
        FullReport {
            report,
            next_shift,
            skipped,
        },
        extra,
    ))
}

/// Files to store in the ledger.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    pub shifts: Option<PathBuf>,
    pub incidents: Option<PathBuf>,
    /// To find people named in calendar summaries.
    pub roster: Option<PathBuf>,
    /// Calendar recurrences are expanded over this span.
    pub span: Interval,
}

/// Reads every file first, then stores them in one transaction: a bad
/// file imports nothing.
pub fn import_files(
    store: &mut Store,
    req: &ImportRequest,
    now: DateTime<Utc>,
) -> Result<stored::LedgerImport> {
    let rotation = match &req.roster {
        Some(path) => roster::read(path)?,
        None => Vec::new(),
    };
    let shifts = match &req.shifts {
        Some(path) => read_shift_file(path, &rotation, req.span)?.shifts,
        None => Vec::new(),
    };
    let incidents = match &req.incidents {
        Some(path) => read_incidents(path)?,
        None => Vec::new(),
    };
    stored::import(store, &shifts, &incidents, now)
}
