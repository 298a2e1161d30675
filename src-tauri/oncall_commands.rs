//! Commands of the On-call screen: each is one call into
//! `hugops_core::oncall`.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use hugops_core::clock::Interval;
use hugops_core::oncall::request::{self, ImportRequest, ReportRequest, ScreenReport};
use hugops_core::oncall::stored::LedgerImport;
use hugops_core::oncall::Period;
use serde::Deserialize;
use tauri::State;

use crate::error::ApiError;
use crate::state::AppState;

type Result<T> = std::result::Result<T, ApiError>;

/// What the screen asks: the files (a shifts or incidents file not given is
/// read from the stored ledger), the days `[from, to)`, and perhaps a shift
/// to suggest someone for.
#[derive(Debug, Deserialize, specta::Type)]
pub struct OncallQuery {
    pub roster: PathBuf,
    pub shifts: Option<PathBuf>,
    pub incidents: Option<PathBuf>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub next_start: Option<DateTime<Utc>>,
    pub next_end: Option<DateTime<Utc>>,
}

#[tauri::command]
#[specta::specta]
pub async fn oncall_report(state: State<'_, AppState>, query: OncallQuery) -> Result<ScreenReport> {
    let next = match (query.next_start, query.next_end) {
        (Some(start), Some(end)) if end > start => Some(Interval { start, end }),
        (Some(_), Some(_)) => {
            return Err(hugops_core::Error::invalid(
                "next_end",
                "the shift must end after it starts",
            )
            .into())
        }
        _ => None,
    };
    let req = ReportRequest {
        roster: query.roster,
        shifts: query.shifts,
        incidents: query.incidents,
        period: Period::new(query.from, query.to)?,
        next,
    };
    Ok(request::run_for_screen(Some(&state.store()), &req)?)
}

/// Stores shift and incident files in the ledger; calendar recurrences are
/// expanded a year either side of today.
#[tauri::command]
#[specta::specta]
pub async fn oncall_import(
    state: State<'_, AppState>,
    shifts: Option<PathBuf>,
    incidents: Option<PathBuf>,
    roster: Option<PathBuf>,
) -> Result<LedgerImport> {
    let now = state.clock().now();
    let year = chrono::Duration::days(365);
    let req = ImportRequest {
        shifts,
        incidents,
        roster,
        span: Interval {
            start: now - year,
            end: now + year,
        },
    };
    Ok(request::import_files(&mut state.store(), &req, now)?)
}
