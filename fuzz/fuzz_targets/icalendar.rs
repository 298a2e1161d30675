//! Fuzz target: iCalendar: `calendar::parse` over one quarter.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use chrono::{DateTime, TimeZone, Utc};
use hugops_core::calendar;
use libfuzzer_sys::fuzz_target;

static PERIOD: LazyLock<(DateTime<Utc>, DateTime<Utc>)> = LazyLock::new(|| {
    let day = |m| Utc.with_ymd_and_hms(2026, m, 1, 0, 0, 0).unwrap();
    (day(1), day(4))
});

fuzz_target!(|data: &[u8]| {
    // Like `calendar::read_path`: the file must be UTF-8 first.
    if let Ok(text) = std::str::from_utf8(data) {
        let (from, to) = *PERIOD;
        let _ = calendar::parse(Path::new("calendar.ics"), text, from, to);
    }
});
