//! The flags of `hugops backup …`, exactly as clap sees them.

use std::path::PathBuf;

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum Backup {
    /// Take a snapshot of the database now
    Now(BackupJson),
    /// List the snapshots, newest first
    List(BackupJson),
    /// Replace the database with a snapshot (the current state is snapshotted first)
    Restore(RestoreArgs),
}

#[derive(Debug, Args)]
pub struct BackupJson {
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The snapshot file to restore
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}
