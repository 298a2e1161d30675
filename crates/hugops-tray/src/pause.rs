//! "Pause reminders for 1 hour" and its way back.

use chrono::{DateTime, Utc};
use hugops_core::reminders;
use hugops_core::settings::{self, Settings};

use crate::state::TrayState;

/// How long "Pause reminders" pauses them.
pub const PAUSE_MINUTES: i64 = 60;

pub const PAUSE_LABEL: &str = "Pause reminders for 1 hour";
pub const RESUME_LABEL: &str = "Resume reminders";

/// The label of the pause/resume entry: "Resume" if and only if reminders
/// are paused at `now`.
pub fn pause_label(settings: &Settings, now: DateTime<Utc>) -> &'static str {
    if settings.is_paused(now) {
        RESUME_LABEL
    } else {
        PAUSE_LABEL
    }
}

/// Pauses reminders for [`PAUSE_MINUTES`], or resumes them if paused, and
/// wakes the reminder task. Returns the new settings.
pub fn toggle_pause(state: &TrayState) -> hugops_core::Result<Settings> {
    let settings = {
        let mut store = state.store();
        let now = state.clock().now();
        if settings::load(&store)?.is_paused(now) {
            reminders::resume(&mut store)?
        } else {
            reminders::pause_for(&mut store, state.clock(), PAUSE_MINUTES)?
        }
    };
    state.changed();
    Ok(settings)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use hugops_core::clock::{parse_instant, FixedClock};
    use hugops_core::Store;

    use super::*;

    fn state_at(now: &str) -> TrayState {
        TrayState::new(
            Store::open_in_memory().unwrap(),
            Arc::new(FixedClock::at(now)),
        )
    }

    #[test]
    fn label_offers_pause_when_running_and_resume_when_paused() {
        let now = parse_instant("2026-11-27T16:00:00Z").unwrap();
        let mut settings = Settings::default();
        assert_eq!(pause_label(&settings, now), PAUSE_LABEL);
        settings.paused_until = parse_instant("2026-11-27T17:00:00Z");
        assert_eq!(pause_label(&settings, now), RESUME_LABEL);
        settings.paused_until = parse_instant("2026-11-27T15:00:00Z");
        assert_eq!(
            pause_label(&settings, now),
            PAUSE_LABEL,
            "a pause that ended"
        );
    }

    #[test]
    fn toggle_pauses_for_an_hour_then_resumes() {
        let state = state_at("2026-11-27T16:00:00Z");
        let paused = toggle_pause(&state).unwrap();
        assert_eq!(paused.paused_until, parse_instant("2026-11-27T17:00:00Z"));
        assert_eq!(pause_label(&paused, state.clock().now()), RESUME_LABEL);
        let resumed = toggle_pause(&state).unwrap();
        assert_eq!(resumed.paused_until, None);
        assert_eq!(settings::load(&state.store()).unwrap(), resumed);
    }
}
