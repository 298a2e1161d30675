//! Fuzz target: buddy history CSV: `roster::parse_history`.
#![no_main]

use std::path::Path;

use hugops_core::roster::parse_history;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parse_history(Path::new("history.csv"), data);
});
