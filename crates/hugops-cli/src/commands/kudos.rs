//! `hugops kudos …`: the journal.

use hugops_core::clock::Clock;
use hugops_core::threads::chat_kudos;
use hugops_core::{journal, Store};

use crate::convert::KudosOp;
use crate::output::{CmdResult, Stdout};
use crate::print;

pub fn run(op: KudosOp, store: &mut Store, clock: &dyn Clock, out: &mut Stdout) -> CmdResult {
    match op {
        KudosOp::Add { new, json } => {
            let entry = journal::add(store, new, clock)?;
            print::kudos::entry(out, json, "added", &entry)
        }
        KudosOp::List { filter, json } => {
            let entries = journal::list(store, &filter)?;
            print::kudos::entries(out, json, &entries, "no entries")
        }
        KudosOp::Search {
            query,
            filter,
            json,
        } => {
            let entries = journal::search(store, &query, &filter)?;
            print::kudos::entries(out, json, &entries, "no entries match")
        }
        KudosOp::Show { id, json } => print::kudos::detail(out, json, &journal::get(store, id)?),
        KudosOp::Edit { id, patch, json } => {
            let entry = journal::edit(store, id, patch, clock)?;
            print::kudos::entry(out, json, "updated", &entry)
        }
        KudosOp::Delete { id } => print::kudos::deleted(out, &journal::delete(store, id, clock)?),
        KudosOp::Undo { id, json } => {
            let entry = journal::undo_delete(store, id)?;
            print::kudos::entry(out, json, "restored", &entry)
        }
        KudosOp::Export { format, out: None } => {
            journal::export(store, format, out)?;
            Ok(())
        }
        KudosOp::Export {
            format,
            out: Some(path),
        } => {
            let n = journal::export_to_file(store, format, &path)?;
            print::kudos::exported(out, n, &path)
        }
        KudosOp::Import { file, json } => {
            let report = journal::import_file(store, &file, clock)?;
            print::kudos::imported(out, json, &report)
        }
        KudosOp::Stats { json } => {
            print::kudos::stats(out, json, &journal::stats(store, clock.today())?)
        }
        KudosOp::ImportChat(plan) => {
            let threads = super::thread::read(&plan.export, plan.format)?;
            let report = chat_kudos::import(store, &threads, &plan.me, clock)?;
            print::kudos::chat_imported(out, plan.json, &report)
        }
    }
}
