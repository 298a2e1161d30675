//! Carrying out a checked command: one hugops-core call, then `print`.
//!
//! Each command decides whether it needs the database: buddy matching and
//! thread checks read files only, and `schedule` opens it only when asked to
//! read or save meetings; every other command opens (or creates) it.

mod kudos;
mod matching;
mod oncall;
mod reminders;
mod review;
mod schedule;
mod settings;
mod thread;

use std::path::PathBuf;

use hugops_core::clock::Clock;
use hugops_core::{store, Error, Store};

use crate::convert::Op;
use crate::output::{CmdResult, Stdout};

/// Carries out `op`; `db` is the `--db` flag, resolved as for every command.
pub fn run(op: Op, db: Option<PathBuf>, clock: &dyn Clock, out: &mut Stdout) -> CmdResult {
    match op {
        Op::Match(plan) => matching::run(plan, db, clock, out),
        Op::Thread(op) => thread::run(op, out),
        Op::Review(op) => review::run(op, out),
        Op::Schedule(op) => schedule::run(op, db, clock, out),
        Op::Oncall(op) => oncall::run(op, db, clock, out),
        Op::Kudos(op) => kudos::run(op, &mut open(db)?, clock, out),
        Op::Settings(op) => settings::run(op, &mut open(db)?, out),
        Op::Reminders(op) => reminders::run(op, &mut open(db)?, clock, out),
    }
}

/// The database, created when it does not exist yet.
fn open(db: Option<PathBuf>) -> Result<Store, Error> {
    Store::open(store::resolve_path(db)?)
}
