//! The flags of `hugops schedule …`, exactly as clap sees them.

use std::path::PathBuf;

use clap::{ArgGroup, Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum Schedule {
    /// The onboarding check-ins of every buddy pair
    ///
    /// Day 1, week 1, 2, 4, 8 and 12 after the joiner's start date (the
    /// `schedule.cadence` setting), 30 minutes (`schedule.checkin_minutes`),
    /// at the earliest time inside both people's working hours on a weekday
    /// for both. Settings are read from the database when it exists.
    Checkins(CheckinsArgs),
    /// The best slots for a social across time zones, and a fair series
    Social(SocialArgs),
    /// The saved meetings that have not ended, soonest first
    Agenda(AgendaArgs),
    /// Mark a saved meeting done: it is no longer reminded of
    Done(DoneArgs),
    /// Move a saved meeting, keeping its length
    Move(MoveArgs),
}

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// Start from this date (local midnight in your zone) [default: now]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<String>,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DoneArgs {
    /// The meeting's UID (as `schedule agenda` shows it)
    pub uid: String,
    /// Print the meeting as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct MoveArgs {
    /// The meeting's UID (as `schedule agenda` shows it)
    pub uid: String,
    /// The new start, e.g. 2026-12-01T15:00:00Z
    #[arg(long, value_name = "RFC3339")]
    pub to: String,
    /// Print the meeting as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("source").required(true).args(["pairs", "accepted"])))]
pub struct CheckinsArgs {
    /// The roster CSV file
    #[arg(long, value_name = "FILE")]
    pub roster: PathBuf,
    /// The pairs: what `hugops match --json` prints
    #[arg(long, value_name = "PAIRS.json")]
    pub pairs: Option<PathBuf>,
    /// The pairs accepted in the app (stored in the database)
    #[arg(long)]
    pub accepted: bool,
    /// Check-ins before this date are not scheduled [default: today]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    /// Also write the meetings to this calendar file (atomically)
    #[arg(long, value_name = "OUT.ics")]
    pub ics: Option<PathBuf>,
    /// Also save the meetings in the database (for the agenda and reminders)
    #[arg(long)]
    pub save: bool,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("group").args(["team", "emails"])))]
pub struct SocialArgs {
    /// The roster CSV file
    #[arg(long, value_name = "FILE")]
    pub roster: PathBuf,
    /// Invite this team (case-insensitive) [default: everyone]
    #[arg(long, value_name = "NAME")]
    pub team: Option<String>,
    /// Invite these people (comma-separated emails) [default: everyone]
    #[arg(long, value_name = "a,b,c")]
    pub emails: Option<String>,
    /// Length of the social in minutes
    #[arg(long, value_name = "MINUTES")]
    pub duration: u32,
    /// First date of the window (UTC)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: String,
    /// Last date of the window (UTC, included)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: String,
    /// How many ranked slots to list
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub top: usize,
    /// Repeat: each occurrence in the window moved by a week or a month
    #[arg(long, value_name = "PERIOD", value_parser = ["week", "month"], requires = "count")]
    pub every: Option<String>,
    /// How many occurrences of the series
    #[arg(long, value_name = "N", requires = "every")]
    pub count: Option<u32>,
    /// Title of the meetings [default: "Team social" (with the team's name)]
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Start the first meeting at this listed slot (RFC 3339) [default: the best]
    #[arg(long, value_name = "INSTANT")]
    pub at: Option<String>,
    /// Also write the series to this calendar file (atomically)
    #[arg(long, value_name = "OUT.ics")]
    pub ics: Option<PathBuf>,
    /// Also save the series in the database (for the agenda and reminders)
    #[arg(long)]
    pub save: bool,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}
