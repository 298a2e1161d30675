//! Fuzz target: DiscordChatExporter export: `threads::parse::read_from` (`Format::Discord`), then the chat kudos finder.
#![no_main]

use std::path::Path;

use chrono_tz::Tz;
use hugops_core::threads::chat_kudos;
use hugops_core::threads::parse::{read_from, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(threads) = read_from(Path::new("export.json"), data, Format::Discord) {
        let _ = chat_kudos::find(&threads, "Amara Okafor", Tz::UTC);
    }
});
