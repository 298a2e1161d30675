//! The flags of `hugops thread …` and `hugops kudos import-chat`, exactly as
//! clap sees them.

use std::path::PathBuf;

use clap::builder::PossibleValuesParser;
use clap::{Args, Subcommand};
use hugops_core::threads::parse::Format;

#[derive(Debug, Subcommand)]
pub enum Thread {
    /// Say whether a thread looks ambiguous or tense, and why
    ///
    /// Reads a Slack export folder or day file, a DiscordChatExporter JSON
    /// export or a folder of them (a whole server), Microsoft Teams messages
    /// as Microsoft Graph returns them (a page or a folder of pages), or a
    /// plain transcript (`-` reads standard input). Exit status:
    /// 0, or 1 with --fail-if-ambiguous when a thread looks ambiguous; 2 on
    /// bad input.
    Check(CheckArgs),
    /// Measure the analysis on a labelled corpus of threads
    Eval(EvalArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A Slack, Discord or Teams export (file or folder), or a transcript (`-`: standard input)
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// What PATH holds: auto (recognise it), slack, discord (DiscordChatExporter JSON),
    /// teams (Microsoft Graph pages), text (a transcript)
    #[arg(long, value_name = "FORMAT", default_value = "auto",
          value_parser = PossibleValuesParser::new(Format::NAMES))]
    pub format: String,
    /// Score from which a thread counts as ambiguous, between 0 and 1 [default: 0.5]
    #[arg(long, value_name = "X", allow_negative_numbers = true)]
    pub threshold: Option<String>,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
    /// Exit with status 1 when a thread looks ambiguous
    #[arg(long)]
    pub fail_if_ambiguous: bool,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The corpus folder
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Score from which a thread counts as ambiguous, between 0 and 1 [default: 0.5]
    #[arg(long, value_name = "X", allow_negative_numbers = true)]
    pub threshold: Option<String>,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ImportChatArgs {
    /// A Slack, Discord or Teams export (file or folder), or a transcript (`-`: standard input)
    #[arg(value_name = "EXPORT")]
    pub export: PathBuf,
    /// Your name as it appears in the export
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    pub me: String,
    /// What EXPORT holds: auto (recognise it), slack, discord (DiscordChatExporter JSON),
    /// teams (Microsoft Graph pages), text (a transcript)
    #[arg(long, value_name = "FORMAT", default_value = "auto",
          value_parser = PossibleValuesParser::new(Format::NAMES))]
    pub format: String,
    /// Print the counts as JSON
    #[arg(long)]
    pub json: bool,
}
