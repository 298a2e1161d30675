//! "Check copied thread" (opt-in): analyses the clipboard's text and answers
//! the click that asked for it at once, in a notification. The text is read,
//! analysed in memory and dropped: it is never stored.

use hugops_core::threads::analysis::DEFAULT_THRESHOLD;
use hugops_core::threads::review::review_text;
use hugops_core::threads::watch::NUDGE_TITLE;

use crate::notifier::{self, Note};

/// Reads the clipboard and shows the verdict.
pub async fn check() -> notifier::Answer {
    let text = tokio::task::spawn_blocking(read_clipboard)
        .await
        .ok()
        .flatten();
    notifier::show(verdict(text.as_deref())).await
}

fn read_clipboard() -> Option<String> {
    arboard::Clipboard::new().ok()?.get_text().ok()
}

/// What to say about the copied `text` (`None`: nothing could be read).
pub fn verdict(text: Option<&str>) -> Note {
    let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
        return Note::text(
            "Nothing to check",
            "Copy a thread's text first, then try again.",
        );
    };
    match review_text("copied text", text, DEFAULT_THRESHOLD) {
        Ok(review) => match review.threads.first() {
            Some(t) if t.analysis.ambiguous => {
                Note::text(NUDGE_TITLE, t.analysis.suggestion.clone())
            }
            Some(t) => Note::text(
                "This thread looks fine",
                format!("Score {:.2}: no need for a call.", t.analysis.score),
            ),
            None => Note::text("Nothing to check", "No messages found in the copied text."),
        },
        Err(e) => Note::text("Could not read the copied thread", e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_clipboard_asks_to_copy_first() {
        assert_eq!(verdict(None).title, "Nothing to check");
        assert_eq!(verdict(Some("  \n")).title, "Nothing to check");
    }

    #[test]
    fn a_calm_thread_looks_fine() {
        let text = "Ana: Could you review the deploy notes?\nBo: Sure, done, looks good!\n";
        assert_eq!(verdict(Some(text)).title, "This thread looks fine");
    }
}
