//! Desktop notifications, through `org.freedesktop.Notifications`.
//!
//! Every notification carries the "default" action, so a click on its body
//! opens the window: with no tray item on this desktop, that and a new launch
//! are the ways back in. notify-rust blocks while it waits for the answer, so
//! each notification waits on Tokio's blocking pool. A failure (no
//! notification server, no session bus) is logged and otherwise ignored: a
//! missed nudge must never end the tray.

use crate::log::warn;

/// The name notifications are grouped under.
pub const APP_NAME: &str = "HugOps";
/// Icon name installed with the app (`/usr/share/icons/hicolor/*/apps`).
const ICON: &str = "hugops-desktop";

const DEFAULT_ACTION: &str = "default";
const SNOOZE_ACTION: &str = "snooze";
const DONE_ACTION: &str = "done";

/// What the user did with a notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Clicked its body: open the window.
    Opened,
    Snooze,
    Done,
    /// Closed it, let it expire, or the server could not show it.
    Dismissed,
}

/// A notification to show.
pub struct Note {
    pub title: String,
    pub body: String,
    /// Label of the Snooze action; meeting reminders offer Snooze and Done.
    pub snooze_label: Option<String>,
}

impl Note {
    pub fn text(title: impl Into<String>, body: impl Into<String>) -> Note {
        Note {
            title: title.into(),
            body: body.into(),
            snooze_label: None,
        }
    }
}

/// Shows `note` and waits until it is answered or closed.
pub async fn show(note: Note) -> Answer {
    let answer = tokio::task::spawn_blocking(move || show_blocking(&note)).await;
    answer.unwrap_or_else(|e| {
        warn(format!("the notification thread failed: {e}"));
        Answer::Dismissed
    })
}

fn show_blocking(note: &Note) -> Answer {
    let mut n = notify_rust::Notification::new();
    n.appname(APP_NAME)
        .summary(&note.title)
        .body(&note.body)
        .icon(ICON)
        .action(DEFAULT_ACTION, "Open HugOps");
    if let Some(label) = &note.snooze_label {
        n.action(SNOOZE_ACTION, label).action(DONE_ACTION, "Done");
    }
    let handle = match n.show() {
        Ok(handle) => handle,
        Err(e) => {
            warn(format!("could not show a notification: {e}"));
            return Answer::Dismissed;
        }
    };
    let mut answer = Answer::Dismissed;
    handle.wait_for_action(|action| answer = answer_for(action));
    answer
}

/// The answer an action id stands for.
fn answer_for(action: &str) -> Answer {
    match action {
        DEFAULT_ACTION => Answer::Opened,
        SNOOZE_ACTION => Answer::Snooze,
        DONE_ACTION => Answer::Done,
        _ => Answer::Dismissed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_action_maps_to_its_answer_and_closing_dismisses() {
        assert_eq!(answer_for("default"), Answer::Opened);
        assert_eq!(answer_for("snooze"), Answer::Snooze);
        assert_eq!(answer_for("done"), Answer::Done);
        assert_eq!(answer_for("__closed"), Answer::Dismissed);
    }
}
