//! The flags of `hugops oncall …`, exactly as clap sees them.

use std::path::PathBuf;

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum Oncall {
    /// Who carried the on-call burden in a period, in their own night
    ///
    /// Reads the roster (with an optional `sleep_hours` column, default
    /// 22:00-08:00), the shifts and the incidents; a file not given is read
    /// from the ledger stored by `hugops oncall import`.
    Report(OncallReportArgs),
    /// The shifts of a CSV or iCalendar file, recurrences expanded
    Shifts(OncallShiftsArgs),
    /// The incidents of a CSV or JSON export, as read
    Incidents(OncallIncidentsArgs),
    /// Store shifts and incidents in the database (importing again updates)
    Import(OncallImportArgs),
}

/// `--from` and `--to`: the days `[FROM, TO)` in UTC.
#[derive(Debug, Args)]
pub struct PeriodArgs {
    /// First day of the period (UTC)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: String,
    /// The day after the period (UTC)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: String,
}

#[derive(Debug, Args)]
pub struct OncallReportArgs {
    /// The roster CSV file
    #[arg(long, value_name = "FILE")]
    pub roster: PathBuf,
    /// Shifts: a CSV (email,start,end) or an iCalendar file [default: the stored ledger]
    #[arg(long, value_name = "FILE")]
    pub shifts: Option<PathBuf>,
    /// Incidents: a CSV or JSON export [default: the stored ledger]
    #[arg(long, value_name = "FILE")]
    pub incidents: Option<PathBuf>,
    #[command(flatten)]
    pub period: PeriodArgs,
    /// Also suggest who should take this shift
    #[arg(long, value_name = "START/END")]
    pub next: Option<String>,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct OncallShiftsArgs {
    /// A CSV (email,start,end) or an iCalendar file
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// A roster, to find people named in calendar summaries
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
    #[command(flatten)]
    pub period: PeriodArgs,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct OncallIncidentsArgs {
    /// A CSV or JSON export (PagerDuty, Opsgenie or `created_at,…`)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct OncallImportArgs {
    /// Shifts: a CSV or an iCalendar file
    #[arg(long, value_name = "FILE")]
    pub shifts: Option<PathBuf>,
    /// Incidents: a CSV or JSON export
    #[arg(long, value_name = "FILE")]
    pub incidents: Option<PathBuf>,
    /// A roster, to find people named in calendar summaries
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
    /// Expand recurring calendar shifts from this day [default: a year ago]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<String>,
    /// … up to this day [default: a year from today]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<String>,
    /// Print the counts as JSON
    #[arg(long)]
    pub json: bool,
}
