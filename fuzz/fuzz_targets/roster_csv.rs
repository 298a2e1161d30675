//! Fuzz target: roster CSV: `roster::parse_roster`.
#![no_main]

use std::path::Path;

use hugops_core::roster::parse_roster;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parse_roster(Path::new("roster.csv"), data);
});
