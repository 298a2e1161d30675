//! `hugops settings …`.

use hugops_core::{settings, Store};

use crate::convert::SettingsOp;
use crate::output::{CmdResult, Stdout};
use crate::print;

pub fn run(op: SettingsOp, store: &mut Store, out: &mut Stdout) -> CmdResult {
    match op {
        SettingsOp::Get { key: None, json } => {
            print::settings::all(out, &settings::load(store)?, json)
        }
        SettingsOp::Get {
            key: Some(key),
            json,
        } => print::settings::one(out, &settings::load(store)?, &key, json),
        SettingsOp::Set { key, value } => {
            let stored = settings::set_value(store, &key, &value)?;
            print::settings::changed(out, &stored, &key)
        }
    }
}
