//! `hugops match`: buddy matching over a roster file.

use std::path::PathBuf;

use hugops_core::clock::Clock;
use hugops_core::matching::{self, MatchOptions};
use hugops_core::{buddies, roster, store, Store};

use crate::convert::MatchPlan;
use crate::output::{CmdResult, Stdout};
use crate::print;

/// Reads the roster and the history (the file's pairs and those stored in
/// the database, if one exists; it is never created), one library call,
/// print. A database also brings the weights chosen in the app's Settings,
/// so the command proposes what the Buddies screen would.
pub fn run(plan: MatchPlan, db: Option<PathBuf>, clock: &dyn Clock, out: &mut Stdout) -> CmdResult {
    let people = roster::read_roster(&plan.roster)?;
    let mut history = match &plan.history {
        Some(path) => roster::read_history(path)?,
        None => Vec::new(),
    };
    let mut opts = MatchOptions::new(plan.today.unwrap_or_else(|| clock.today()));
    // No path only when there is no home folder, so no database either.
    if let Some(store) =
        store::resolve_path(db).map_or(Ok(None), |p| Store::open_existing(p, clock.now()))?
    {
        history.extend(buddies::history_pairs(&store)?);
        opts.weights = buddies::weights(&store)?;
    }
    if let Some(n) = plan.joiner_window_days {
        opts.joiner_window_days = n;
    }
    if let Some(n) = plan.min_tenure_days {
        opts.min_tenure_days = n;
    }
    opts.include_candidates = plan.candidates;
    let result = matching::match_buddies(&people, &history, &opts);
    print::matching::result(out, &result, &opts, plan.candidates, plan.json)
}
