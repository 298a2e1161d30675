//! `hugops thread …` and `hugops kudos import-chat` (issue 7).

use std::path::PathBuf;

use clap::{Args, Subcommand};
use hugops_core::clock::Clock;
use hugops_core::Store;

use crate::output::{CmdResult, Failure, Stdout};

#[derive(Debug, Subcommand)]
pub enum Thread {
    /// Say whether a thread looks ambiguous or tense, and why
    Check(CheckArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A Slack export folder or day file, a Discord export, or a transcript
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
}

#[derive(Debug, Args)]
pub struct ImportChatArgs {
    /// A Slack export folder or day file, a Discord export, or a transcript
    #[arg(value_name = "EXPORT")]
    pub export: PathBuf,
    /// Your name as it appears in the export
    #[arg(long, value_name = "NAME")]
    pub me: String,
}

/// Carries out `hugops thread …`; no database is opened.
pub fn run(_cmd: Thread, _clock: &dyn Clock, _out: &mut Stdout) -> CmdResult {
    Err(Failure::Error("hugops thread: not built yet".into()))
}

/// Carries out `hugops kudos import-chat`.
pub fn import_chat(
    _args: ImportChatArgs,
    _store: &mut Store,
    _clock: &dyn Clock,
    _out: &mut Stdout,
) -> CmdResult {
    Err(Failure::Error(
        "hugops kudos import-chat: not built yet".into(),
    ))
}
