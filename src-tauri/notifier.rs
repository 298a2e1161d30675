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
