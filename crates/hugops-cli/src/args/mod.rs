//! Stage one of parsing: the raw flags, exactly as clap sees them.
//!
//! Nothing here knows the library's types; `convert` turns these into them.

mod backup;
mod oncall;
mod review;
mod schedule;
mod thread;

use std::path::PathBuf;

use clap::{ArgGroup, Args, Parser, Subcommand};

pub use backup::*;
pub use oncall::*;
pub use review::*;
pub use schedule::*;
pub use thread::*;

/// HugOps: look after the people behind the software.
///
/// Keeps a kudos journal (appreciation given and received) on this machine.
#[derive(Debug, Parser)]
#[command(
    name = "hugops",
    version,
    propagate_version = true,
    arg_required_else_help = false
)]
pub struct Cli {
    /// Database file [default: $HUGOPS_DB, else the OS data folder]
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The kudos journal: appreciation given and received
    #[command(subcommand, arg_required_else_help = false)]
    Kudos(Kudos),
    /// Show or change settings (`hugops settings` shows them all)
    Settings {
        #[command(subcommand)]
        action: Option<SettingsAction>,
    },
    /// Reminders: which are due, pausing and resuming them
    #[command(subcommand, arg_required_else_help = false)]
    Reminders(Reminders),
    /// Buddy matching: give every new joiner the best buddy from another team
    ///
    /// Reads a roster CSV (name, email, team, timezone, start_date; optional
    /// interests, buddy_capacity, working_hours, opt_out) and prints the best
    /// assignment. Pairs accepted in the app (the database, if it exists) are
    /// never repeated either; no database is created.
    Match(MatchArgs),
    /// Check-ins for buddy pairs and socials that fit every time zone
    #[command(subcommand)]
    Schedule(schedule::Schedule),
    /// The on-call burden: who was woken, who carries too much
    #[command(subcommand)]
    Oncall(oncall::Oncall),
    /// Call nudges: does a text thread look ambiguous or tense?
    #[command(subcommand)]
    Thread(thread::Thread),
    /// Snapshots of the database: take one, list them, restore one
    #[command(subcommand)]
    Backup(backup::Backup),
    /// Blameless post-incident reviews: find blaming language in a draft
    #[command(subcommand)]
    Review(review::Review),
}

#[derive(Debug, Subcommand)]
pub enum Kudos {
    /// Log a kudos you gave or received
    Add(AddArgs),
    /// List entries, newest first
    List(ListArgs),
    /// Search names, messages and tags: every word must match, as a prefix, ignoring accents
    Search(SearchArgs),
    /// Show one entry
    Show(IdJson),
    /// Change an entry (only the fields given)
    Edit(EditArgs),
    /// Delete an entry (`hugops kudos undo ID` brings it back)
    Delete(Id),
    /// Restore a deleted entry
    Undo(IdJson),
    /// Export the whole journal as Markdown, CSV or JSON
    Export(ExportArgs),
    /// Import a JSON or CSV export (all or nothing; duplicates are skipped)
    Import(ImportArgs),
    /// Totals, months, people, tags and your giving streak
    Stats(JsonFlag),
    /// Log thanks and praise for you found in a chat export as received kudos
    ImportChat(thread::ImportChatArgs),
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("direction").required(true).args(["given", "received"])))]
pub struct AddArgs {
    /// You gave this kudos
    #[arg(long)]
    pub given: bool,
    /// You received this kudos
    #[arg(long)]
    pub received: bool,
    /// Who you thanked, or who thanked you
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    pub person: String,
    /// What was said
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub message: String,
    /// Their email address
    #[arg(long, value_name = "E", allow_hyphen_values = true)]
    pub email: Option<String>,
    /// A tag (repeat for several)
    #[arg(long = "tag", value_name = "T", allow_hyphen_values = true)]
    pub tags: Vec<String>,
    /// When it happened [default: today]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// A link (pull request, thread, ...)
    #[arg(long, value_name = "URL", allow_hyphen_values = true)]
    pub link: Option<String>,
    /// Print the stored entry as JSON
    #[arg(long)]
    pub json: bool,
}

/// Filters shared by `list` and `search`.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only entries in this direction
    #[arg(long, value_name = "DIRECTION", value_parser = ["given", "received"])]
    pub direction: Option<String>,
    /// Only entries for this person (case-insensitive, whole name)
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    pub person: Option<String>,
    /// Only entries with this tag
    #[arg(long, value_name = "T", allow_hyphen_values = true)]
    pub tag: Option<String>,
    /// Only entries on or after this date
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<String>,
    /// Only entries on or before this date
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<String>,
    /// At most this many entries
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Print a JSON array
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to look for
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    pub query: String,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Print a JSON array
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("direction").args(["given", "received"])))]
pub struct EditArgs {
    /// The entry's id
    #[arg(value_name = "ID")]
    pub id: i64,
    /// Make it a kudos you gave
    #[arg(long)]
    pub given: bool,
    /// Make it a kudos you received
    #[arg(long)]
    pub received: bool,
    /// New name
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    pub person: Option<String>,
    /// New message
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub message: Option<String>,
    /// New email address
    #[arg(
        long,
        value_name = "E",
        allow_hyphen_values = true,
        conflicts_with = "clear_email"
    )]
    pub email: Option<String>,
    /// Remove the email address
    #[arg(long)]
    pub clear_email: bool,
    /// New tags, replacing the old ones (repeat for several)
    #[arg(
        long = "tag",
        value_name = "T",
        allow_hyphen_values = true,
        conflicts_with = "clear_tags"
    )]
    pub tags: Vec<String>,
    /// Remove all tags
    #[arg(long)]
    pub clear_tags: bool,
    /// New date
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// New link
    #[arg(
        long,
        value_name = "URL",
        allow_hyphen_values = true,
        conflicts_with = "clear_link"
    )]
    pub link: Option<String>,
    /// Remove the link
    #[arg(long)]
    pub clear_link: bool,
    /// Print the stored entry as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct Id {
    /// The entry's id
    #[arg(value_name = "ID")]
    pub id: i64,
}

#[derive(Debug, Args)]
pub struct IdJson {
    /// The entry's id
    #[arg(value_name = "ID")]
    pub id: i64,
    /// Print the entry as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// md (a brag document), csv or json
    #[arg(long, value_name = "FORMAT", value_parser = ["md", "csv", "json"])]
    pub format: String,
    /// Write to this file (atomically) instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A JSON or CSV file written by `hugops kudos export`
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Print the report as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct JsonFlag {
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct MatchArgs {
    /// The roster CSV file
    #[arg(long, value_name = "FILE")]
    pub roster: PathBuf,
    /// Past pairings: a CSV with joiner_email,buddy_email[,date]; never repeated
    #[arg(long, value_name = "FILE")]
    pub history: Option<PathBuf>,
    /// The reference date [default: today]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    /// A joiner started at most this many days before the reference date [default: 90]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub joiner_window_days: Option<String>,
    /// A buddy has at least this many days of tenure [default: 180]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub min_tenure_days: Option<String>,
    /// Also list every feasible pair with its score
    #[arg(long)]
    pub candidates: bool,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum SettingsAction {
    /// Show all settings, or one
    Get {
        /// The setting to show (all when omitted)
        #[arg(value_name = "KEY")]
        key: Option<String>,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Change one setting
    Set {
        #[arg(value_name = "KEY")]
        key: String,
        #[arg(value_name = "VALUE", allow_hyphen_values = true)]
        value: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum Reminders {
    /// List the reminders due now (without marking them shown)
    Due(JsonFlag),
    /// Pause all reminders for a while
    Pause {
        /// How long, in minutes
        #[arg(long, value_name = "N", allow_negative_numbers = true)]
        minutes: i64,
    },
    /// Resume reminders after a pause
    Resume,
}
