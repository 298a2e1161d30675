//! `hugops thread …`: reads files only, no database is opened.

use std::path::Path;

use hugops_core::threads::analysis::{self, Analysis};
use hugops_core::threads::parse::{self, Format};
use hugops_core::threads::{eval, Thread as Conversation};
use hugops_core::Error;
use rayon::prelude::*;

use crate::convert::{CheckPlan, ThreadOp};
use crate::output::{CmdResult, Failure, Stdout};
use crate::print;

pub fn run(op: ThreadOp, out: &mut Stdout) -> CmdResult {
    match op {
        ThreadOp::Check(plan) => check(plan, out),
        ThreadOp::Eval {
            dir,
            threshold,
            json,
        } => print::thread::eval(out, &eval::evaluate_dir(&dir, threshold)?, json),
    }
}

/// `hugops thread check`: exit status 1 with `--fail-if-ambiguous` when a
/// thread looks ambiguous.
fn check(plan: CheckPlan, out: &mut Stdout) -> CmdResult {
    let threads = read(&plan.path, plan.format)?;
    let analyses: Vec<Analysis> = threads
        .par_iter()
        .map(|t| analysis::analyze(t, plan.threshold))
        .collect();
    print::thread::check(out, &threads, &analyses, plan.json)?;
    if plan.fail_if_ambiguous && analyses.iter().any(|a| a.ambiguous) {
        std::io::Write::flush(out)?;
        return Err(Failure::Status(1));
    }
    Ok(())
}

/// The conversations of PATH (`-`: standard input).
pub(super) fn read(path: &Path, format: Format) -> Result<Vec<Conversation>, Error> {
    if path.as_os_str() == "-" {
        parse::read_from(Path::new("<stdin>"), std::io::stdin().lock(), format)
    } else {
        parse::read_path(path, format)
    }
}
