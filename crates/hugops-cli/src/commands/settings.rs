//! `hugops settings …`.

use hugops_core::autostart::{self, Target};
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
            let stored = autostart::update_settings(store, &desktop_target()?, |s| {
                settings::apply_value(s, &key, &value)
            })?;
            print::settings::changed(out, &stored, &key)
        }
    }
}

/// The login entry `start_at_login` writes starts the `hugops-desktop` binary
/// installed beside this one.
fn desktop_target() -> Result<Target, hugops_core::Error> {
    let exe = std::env::current_exe()
        .map_err(|e| hugops_core::Error::io("hugops", e))?
        .with_file_name(format!("hugops-desktop{}", std::env::consts::EXE_SUFFIX));
    Target::new(exe)
}
