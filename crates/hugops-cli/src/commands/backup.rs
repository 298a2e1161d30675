//! `hugops backup …`.

use hugops_core::backup::{self, Reason};
use hugops_core::clock::Clock;
use hugops_core::Store;

use crate::convert::BackupOp;
use crate::output::{CmdResult, Stdout};
use crate::print;

pub fn run(op: BackupOp, store: &mut Store, clock: &dyn Clock, out: &mut Stdout) -> CmdResult {
    match op {
        BackupOp::Now { json } => {
            let snap = backup::snapshot(store, Reason::Manual, clock.now())?;
            print::backup::taken(out, json, &snap)
        }
        BackupOp::List { json } => print::backup::list(out, json, &backup::list(store.path())?),
        BackupOp::Restore { path, json } => {
            let before = backup::restore(store, &path, clock.now())?;
            print::backup::restored(out, json, &path, &before)
        }
    }
}
