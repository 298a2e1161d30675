//! `hugops schedule …` (issue 6): check-ins for buddy pairs and socials.

use std::path::PathBuf;

use clap::Subcommand;
use hugops_core::clock::Clock;

use crate::output::{CmdResult, Failure, Stdout};

#[derive(Debug, Subcommand)]
pub enum Schedule {
    /// The onboarding check-ins of every buddy pair
    Checkins {},
    /// The best slots for a social across time zones
    Social {},
}

/// Carries out `hugops schedule …`. The database (`db`, resolved as for every
/// command) is opened only when a command needs it.
pub fn run(
    _cmd: Schedule,
    _db: Option<PathBuf>,
    _clock: &dyn Clock,
    _out: &mut Stdout,
) -> CmdResult {
    Err(Failure::Error("hugops schedule: not built yet".into()))
}
