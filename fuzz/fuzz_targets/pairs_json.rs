//! Fuzz target: pairs JSON (`hugops match --json`): `schedule::pairs_file::parse_pairs`.
#![no_main]

use std::path::Path;

use hugops_core::schedule::pairs_file::parse_pairs;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parse_pairs(Path::new("pairs.json"), data);
});
