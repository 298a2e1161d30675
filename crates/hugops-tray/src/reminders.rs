//! The one task that delivers reminders, whether or not a window exists.
//!
//! It asks hugops-core what is due, shows it, records it as shown, and sleeps
//! until the next check. The sleep is capped at [`MAX_SLEEP`] because Tokio's
//! timer runs on the monotonic clock, which stands still while the machine is
//! suspended: after a resume the wall clock has jumped, and the cap makes the
//! task notice within a minute. A change (from the window, the CLI through
//! the window, the watched folder or the menu) wakes it at once.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use hugops_core::reminders::{self, Reminder};
use hugops_core::schedule::agenda;

use crate::action::Action;
use crate::hub::Hub;
use crate::log::warn;
use crate::notifier::{self, Answer, Note};

/// The longest the task sleeps between two looks at the wall clock.
pub const MAX_SLEEP: Duration = Duration::from_secs(60);
/// The shortest sleep, so a check time already past can never spin the loop.
pub const MIN_SLEEP: Duration = Duration::from_secs(1);
/// How long Snooze puts a meeting reminder off.
pub const SNOOZE_MINUTES: i64 = 10;

/// Starts the task; it lives as long as the tray.
pub fn spawn(hub: Arc<Hub>) {
    tokio::spawn(async move {
        let state = Arc::clone(&hub.state);
        loop {
            deliver_due(&hub);
            hub.menu_changed();
            let wait = {
                let store = state.store();
                let next = reminders::next_check(&store, state.clock()).unwrap_or_else(|e| {
                    warn(format!("could not compute the next reminder: {e}"));
                    None
                });
                sleep_for(state.clock().now(), next)
            };
            tokio::select! {
                () = tokio::time::sleep(wait) => {}
                () = state.wait_for_change() => {}
            }
        }
    });
}

/// Shows every reminder due now, each on its own task, and records each one
/// as shown (even when the notification failed: retrying every minute would
/// only repeat the failure).
fn deliver_due(hub: &Arc<Hub>) {
    let state = &hub.state;
    let due: Vec<Reminder> = match reminders::due(&state.store(), state.clock()) {
        Ok(due) => due,
        Err(e) => {
            warn(format!("could not check reminders: {e}"));
            return;
        }
    };
    for reminder in due {
        let mut store = state.store();
        if let Err(e) = reminders::mark_shown(&mut store, &reminder, state.clock()) {
            warn(format!("could not record the reminder as shown: {e}"));
        }
        drop(store);
        let hub = Arc::clone(hub);
        tokio::spawn(async move { show_and_answer(&hub, reminder).await });
    }
}

/// Shows a reminder (meetings with Snooze and Done) and carries out the
/// answer.
async fn show_and_answer(hub: &Arc<Hub>, reminder: Reminder) {
    let note = Note {
        title: reminder.title.clone(),
        body: reminder.body.clone(),
        snooze_label: reminder
            .uid
            .is_some()
            .then(|| format!("Snooze {SNOOZE_MINUTES} min")),
    };
    let answer = notifier::show(note).await;
    let state = &hub.state;
    let done = {
        let mut store = state.store();
        let clock = state.clock();
        match (answer, reminder.uid.as_deref()) {
            (Answer::Opened, _) => {
                drop(store);
                hub.handle(Action::Open);
                return;
            }
            (Answer::Snooze, _) => reminders::snooze(
                &mut store,
                &reminder.kind,
                reminder.due_at,
                SNOOZE_MINUTES,
                clock,
            )
            .map(|_| ()),
            (Answer::Done, Some(uid)) => {
                agenda::mark_done(&mut store, uid, clock.now()).map(|_| ())
            }
            (Answer::Done, None) | (Answer::Dismissed, _) => return,
        }
    };
    if let Err(e) = done {
        warn(format!("could not act on the reminder: {e}"));
    }
    state.changed();
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
