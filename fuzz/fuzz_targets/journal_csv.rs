//! Fuzz target: journal import, CSV: `journal::check_import` (parse and check, no store).
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use hugops_core::clock::FixedClock;
use hugops_core::journal::check_import;
use libfuzzer_sys::fuzz_target;

static CLOCK: LazyLock<FixedClock> = LazyLock::new(|| FixedClock::at("2026-11-24T10:00:00Z"));

fuzz_target!(|data: &[u8]| {
    let _ = check_import(Path::new("kudos.csv"), data, &*CLOCK);
});
