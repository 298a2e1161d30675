//! Start-up marks for `bench/desktop`: with `HUGOPS_STARTUP_TRACE` set, each
//! stage prints `hugops: <stage> at <Unix time in ms>` on stderr, so a
//! launcher can tell where a slow start spends its time.

use std::time::{SystemTime, UNIX_EPOCH};

/// Prints the stage's mark when tracing is on.
pub fn mark(stage: &str) {
    if std::env::var_os("HUGOPS_STARTUP_TRACE").is_some() {
        let ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0);
        eprintln!("hugops: {stage} at {ms:.1}");
    }
}
