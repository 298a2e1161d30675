//! The one background task that delivers reminders.
//!
//! It asks hugops-core what is due, shows it, records it as shown, and sleeps
//! until the next check. The sleep is capped at [`MAX_SLEEP`] because Tokio's
//! timer runs on the monotonic clock, which stands still while the machine is
//! suspended: after a resume the wall clock has jumped, and the cap makes the
//! task notice within a minute. A settings change wakes it at once.

use std::time::Duration;

use chrono::{DateTime, Utc};
use hugops_core::reminders::{self, Reminder};
use hugops_core::schedule::agenda;
use tauri::{AppHandle, Manager, Runtime};

use crate::notifier::{self, Choice};
use crate::state::AppState;
use crate::tray;

/// The longest the task sleeps between two looks at the wall clock.
pub const MAX_SLEEP: Duration = Duration::from_secs(60);
/// The shortest sleep, so a check time already past can never spin the loop.
pub const MIN_SLEEP: Duration = Duration::from_secs(1);

/// Starts the task; it lives as long as the app.
pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let state = app.state::<AppState>();
        loop {
            deliver_due(&app, &state).await;
            tray::refresh(&app);
            let wait = {
                let store = state.store();
                let next = reminders::next_check(&store, state.clock()).unwrap_or_else(|e| {
                    eprintln!("hugops: could not compute the next reminder: {e}");
                    None
                });
                sleep_for(state.clock().now(), next)
            };
            tokio::select! {
                () = tokio::time::sleep(wait) => {}
                () = state.wait_for_settings_change() => {}
            }
        }
    });
}

/// Shows every reminder due now and records each one as shown. Meeting
/// reminders get Snooze and Done actions, answered on their own task.
async fn deliver_due<R: Runtime>(app: &AppHandle<R>, state: &AppState) {
    let due: Vec<Reminder> = {
        let store = state.store();
        match reminders::due(&store, state.clock()) {
            Ok(due) => due,
            Err(e) => {
                eprintln!("hugops: could not check reminders: {e}");
                return;
            }
        }
    };
    for reminder in due {
        // Recorded even when the notification failed: retrying every minute
        // would only repeat the failure.
        if reminder.uid.is_some() {
            let (app, reminder) = (app.clone(), reminder.clone());
            tauri::async_runtime::spawn(async move { offer_actions(&app, &reminder).await });
        } else {
            notifier::show(&reminder).await;
        }
        let mut store = state.store();
        if let Err(e) = reminders::mark_shown(&mut store, &reminder, state.clock()) {
            eprintln!("hugops: could not record the reminder as shown: {e}");
        }
    }
}

/// How long Snooze puts a meeting reminder off.
pub const SNOOZE_MINUTES: i64 = 10;

/// Shows a meeting reminder with its actions and carries out the one chosen.
async fn offer_actions<R: Runtime>(app: &AppHandle<R>, reminder: &Reminder) {
    let label = format!("Snooze {SNOOZE_MINUTES} min");
    let Some(choice) = notifier::show_with_actions(reminder, label).await else {
        return;
    };
    let state = app.state::<AppState>();
    let done = {
        let mut store = state.store();
        let clock = state.clock();
        match (choice, reminder.uid.as_deref()) {
            (Choice::Snooze, _) => reminders::snooze(
                &mut store,
                &reminder.kind,
                reminder.due_at,
                SNOOZE_MINUTES,
                clock,
            )
            .map(|_| ()),
            (Choice::Done, Some(uid)) => {
                agenda::mark_done(&mut store, uid, clock.now()).map(|_| ())
            }
            (Choice::Done, None) => Ok(()),
        }
    };
    if let Err(e) = done {
        eprintln!("hugops: could not act on the reminder: {e}");
    }
    state.settings_changed();
}

/// How long to sleep at `now` before the check due at `next`: until `next`,
/// but never longer than [`MAX_SLEEP`] nor shorter than [`MIN_SLEEP`].
pub fn sleep_for(now: DateTime<Utc>, next: Option<DateTime<Utc>>) -> Duration {
    let Some(next) = next else {
        return MAX_SLEEP;
    };
    let until = (next - now).to_std().unwrap_or(Duration::ZERO);
    until.clamp(MIN_SLEEP, MAX_SLEEP)
}

#[cfg(test)]
mod tests {
    use super::*;
    use hugops_core::clock::parse_instant;

    fn t(s: &str) -> DateTime<Utc> {
        parse_instant(s).unwrap()
    }

    #[test]
    fn sleeps_until_a_near_check() {
        let d = sleep_for(t("2026-11-27T14:59:30Z"), Some(t("2026-11-27T15:00:00Z")));
        assert_eq!(d, Duration::from_secs(30));
    }

    #[test]
    fn a_far_check_is_capped_at_a_minute() {
        let d = sleep_for(t("2026-11-23T09:00:00Z"), Some(t("2026-11-27T15:00:00Z")));
        assert_eq!(d, MAX_SLEEP);
    }

    #[test]
    fn no_check_still_looks_again_within_a_minute() {
        assert_eq!(sleep_for(t("2026-11-27T15:00:00Z"), None), MAX_SLEEP);
    }

    #[test]
    fn a_past_check_does_not_spin() {
        let d = sleep_for(t("2026-11-27T15:00:05Z"), Some(t("2026-11-27T15:00:00Z")));
        assert_eq!(d, MIN_SLEEP);
    }
}
