//! Carrying out a checked command: one hugops-core call, then `print`.
//!
//! Each command decides whether it needs the database: buddy matching and
//! thread checks read files only, and `schedule` opens it only when asked to
//! read or save meetings; every other command opens (or creates) it.

mod backup;
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
use crate::output::{self, CmdResult, Stdout};

/// Carries out `op`; `db` is the `--db` flag, resolved as for every command.
pub fn run(op: Op, db: Option<PathBuf>, clock: &dyn Clock, out: &mut Stdout) -> CmdResult {
    match op {
        Op::Match(plan) => matching::run(plan, db, clock, out),
        Op::Thread(op) => thread::run(op, out),
        Op::Review(op) => review::run(op, out),
        Op::Schedule(op) => schedule::run(op, db, clock, out),
        Op::Oncall(op) => oncall::run(op, db, clock, out),
        Op::Kudos(op) => with_store(db, clock, |s| kudos::run(op, s, clock, out)),
        Op::Settings(op) => with_store(db, clock, |s| settings::run(op, s, out)),
        Op::Reminders(op) => with_store(db, clock, |s| reminders::run(op, s, clock, out)),
        Op::Backup(op) => with_store(db, clock, |s| backup::run(op, s, clock, out)),
    }
}

/// Runs `command` on the database. When the database is read-only and the
/// command succeeded (it only read), a notice on stderr says so; a command
/// that tried to write has failed with an error that says it.
fn with_store(
    db: Option<PathBuf>,
    clock: &dyn Clock,
    command: impl FnOnce(&mut Store) -> CmdResult,
) -> CmdResult {
    let mut store = open(db, clock)?;
    let result = command(&mut store);
    if result.is_ok() && store.is_read_only() {
        output::report_notice(&format!(
            "{} is read-only: it was read, nothing can be changed",
            store.path().display()
        ));
    }
    result
}

/// The database, created when it does not exist yet.
fn open(db: Option<PathBuf>, clock: &dyn Clock) -> Result<Store, Error> {
    Store::open(store::resolve_path(db)?, clock.now())
}
