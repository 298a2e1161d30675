//! Fuzz target: incidents CSV: `oncall::incidents::parse_incidents` (input not starting with `{`).
#![no_main]

use std::path::Path;

use hugops_core::oncall::incidents::parse_incidents;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Only what the reader takes for CSV: anything but an object (after any
    // BOM), which is JSON and has its own target.
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        let _ = parse_incidents(Path::new("incidents.csv"), data);
    }
});
