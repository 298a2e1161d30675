//! The flags of `hugops review …`, exactly as clap sees them.

use std::path::PathBuf;

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum Review {
    /// Find blaming language in a post-incident review draft
    ///
    /// Reads a Markdown or plain-text draft and reports, line by line, the
    /// spans that blame people, each with why and a rewrite. Code blocks and
    /// `inline code` are skipped. Exit status: 0, or 1 with
    /// --fail-on-findings when something was found; 2 on bad input.
    Lint(LintArgs),
    /// Measure the lint on a folder of drafts with a labels.csv
    Eval(ReviewEvalArgs),
    /// Write a blameless review skeleton (Markdown) that lints clean
    New(NewArgs),
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// The draft (Markdown or plain text)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
    /// Exit with status 1 when there are findings
    #[arg(long)]
    pub fail_on_findings: bool,
}

#[derive(Debug, Args)]
pub struct ReviewEvalArgs {
    /// The folder holding the drafts and labels.csv
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Write to this file (atomically) instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}
