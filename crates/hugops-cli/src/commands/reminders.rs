//! `hugops reminders …`.

use hugops_core::clock::Clock;
use hugops_core::{reminders, settings, Store};

use crate::convert::RemindersOp;
use crate::output::{CmdResult, Stdout};
use crate::print;

pub fn run(op: RemindersOp, store: &mut Store, clock: &dyn Clock, out: &mut Stdout) -> CmdResult {
    match op {
        RemindersOp::Due { json } => {
            let due = reminders::due(store, clock)?;
            // Says why nothing is due when a pause is the reason.
            let paused = settings::load(store)?
                .paused_until
                .filter(|until| *until > clock.now());
            print::reminders::due(out, json, &due, paused)
        }
        RemindersOp::Pause { minutes } => {
            let stored = reminders::pause_for(store, clock, minutes)?;
            print::reminders::paused(out, stored.paused_until)
        }
        RemindersOp::Resume => {
            reminders::resume(store)?;
            print::reminders::resumed(out)
        }
    }
}
