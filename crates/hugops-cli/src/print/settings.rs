//! What `hugops settings …` prints: `key  value` lines, or JSON.

use std::io::Write;

use hugops_core::settings::{self, Settings};

use super::json;
use crate::output::{CmdResult, Stdout};
use crate::render;

/// Every setting.
pub fn all(out: &mut Stdout, current: &Settings, as_json: bool) -> CmdResult {
    if as_json {
        return json(out, current);
    }
    lines(out, &settings::entries(current))
}

/// One setting's value alone (known to exist: `convert` checked the key).
pub fn one(out: &mut Stdout, current: &Settings, key: &str, as_json: bool) -> CmdResult {
    let pairs = only(current, key);
    let value = pairs.first().map(|(_, v)| v.as_str()).unwrap_or_default();
    if as_json {
        json(out, &value)
    } else {
        writeln!(out, "{}", render::clean(value))?;
        Ok(())
    }
}

/// A setting just changed, as `key  value`.
pub fn changed(out: &mut Stdout, stored: &Settings, key: &str) -> CmdResult {
    lines(out, &only(stored, key))
}

fn only(current: &Settings, key: &str) -> Vec<(String, String)> {
    let mut pairs = settings::entries(current);
    pairs.retain(|(k, _)| k == key);
    pairs
}

fn lines(out: &mut Stdout, pairs: &[(String, String)]) -> CmdResult {
    let w = pairs.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (key, value) in pairs {
        writeln!(out, "{key:<w$}  {}", render::clean(value))?;
    }
    Ok(())
}
