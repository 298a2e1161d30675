//! Shows a due reminder as a desktop notification.
//!
//! notify-rust talks to `org.freedesktop.Notifications` over D-Bus with a
//! blocking call, so it runs on Tokio's blocking pool. A failure (no
//! notification daemon, no session bus) is logged and otherwise ignored: a
//! missed nudge must never take the app down.

use hugops_core::reminders::Reminder;

/// The name notifications are grouped under.
pub const APP_NAME: &str = "HugOps";
/// Icon name installed by the .deb bundle (`/usr/share/icons/hicolor/*/apps`).
const ICON: &str = "hugops-desktop";

/// Shows `reminder`; returns whether the notification server accepted it.
pub async fn show(reminder: &Reminder) -> bool {
    show_text(&reminder.title, &reminder.body).await
}

/// What was chosen on a meeting reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Snooze,
    Done,
}

const SNOOZE_ACTION: &str = "snooze";
const DONE_ACTION: &str = "done";

/// Shows a meeting reminder with Snooze and Done actions and waits until it
/// is closed; resolves to the action chosen, if any (servers without actions
/// show the text alone).
pub async fn show_with_actions(reminder: &Reminder, snooze_label: String) -> Option<Choice> {
    let (title, body) = (reminder.title.clone(), reminder.body.clone());
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        let handle = notify_rust::Notification::new()
            .appname(APP_NAME)
            .summary(&title)
            .body(&body)
            .icon(ICON)
            .action(SNOOZE_ACTION, &snooze_label)
            .action(DONE_ACTION, "Done")
            .show();
        let mut choice = None;
        match handle {
            #[cfg(all(unix, not(target_os = "macos")))]
            Ok(handle) => handle.wait_for_action(|action| {
                choice = match action {
                    SNOOZE_ACTION => Some(Choice::Snooze),
                    DONE_ACTION => Some(Choice::Done),
                    _ => None,
                }
            }),
            #[cfg(not(all(unix, not(target_os = "macos"))))]
            Ok(_) => {}
            Err(e) => eprintln!("hugops: could not show a notification: {e}"),
        }
        choice
    })
    .await;
    chosen.unwrap_or_else(|e| {
        eprintln!("hugops: the notification thread failed: {e}");
        None
    })
}

/// Shows a notification; returns whether the notification server accepted it.
pub async fn show_text(title: &str, body: &str) -> bool {
    let (title, body) = (title.to_owned(), body.to_owned());
    let shown = tauri::async_runtime::spawn_blocking(move || {
        notify_rust::Notification::new()
            .appname(APP_NAME)
            .summary(&title)
            .body(&body)
            .icon(ICON)
            .show()
            .map(|_| ())
    })
    .await;
    match shown {
        Ok(Ok(())) => true,
        Ok(Err(e)) => {
            eprintln!("hugops: could not show a notification: {e}");
            false
        }
        Err(e) => {
            eprintln!("hugops: the notification thread failed: {e}");
            false
        }
    }
}
