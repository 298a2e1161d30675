//! Opt-in watching: a folder where exports and transcripts land, and the
//! tray's "Check copied thread". When a watched thread crosses the threshold
//! the app shows "This thread looks ambiguous — switch to a call?", at most
//! once per thread per day, never while reminders are paused. Thread text is
//! analysed in memory; only a hash of each nudged thread is kept (in the
//! reminder log), so it is not nudged twice on the same day.

use std::path::{Path, PathBuf};

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::analysis::analyze;
use super::parse::{read_path, Format};
use super::Thread;
use crate::clock::{format_instant, Clock};
use crate::{settings, Error, Result, Store};

/// The settings row of the watching options.
const KEY: &str = "thread_watch";

/// What the user opted into (both off by default).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct WatchSettings {
    /// Watch `folder` for new or changed exports and transcripts.
    pub folder_enabled: bool,
    pub folder: Option<PathBuf>,
    /// Offer "Check copied thread" in the tray menu.
    pub clipboard_enabled: bool,
}

/// The watching options, or the defaults.
pub fn watch_settings(store: &Store) -> Result<WatchSettings> {
    let text: Option<String> = store
        .conn()
        .query_row("SELECT value FROM settings WHERE key = ?1", [KEY], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(text
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default())
}

/// Stores the watching options; watching a folder needs one that exists.
pub fn set_watch_settings(store: &mut Store, s: WatchSettings) -> Result<WatchSettings> {
    if s.folder_enabled {
        match &s.folder {
            Some(dir) if dir.is_dir() => {}
            Some(dir) => {
                return Err(Error::invalid(
                    "folder",
                    format!("{} is not a folder", dir.display()),
                ))
            }
            None => return Err(Error::invalid("folder", "choose a folder to watch")),
        }
    }
    store.conn().execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (KEY, serde_json::to_string(&s).expect("settings serialise")),
    )?;
    Ok(s)
}

/// A notification to show for one ambiguous thread.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThreadNudge {
    pub title: String,
    pub body: String,
    pub score: f64,
}

/// The title of every thread nudge.
pub const NUDGE_TITLE: &str = "This thread looks ambiguous — switch to a call?";

/// Reads a file that landed in the watched folder and returns the nudges due
/// for it (see [`nudges_for`]).
pub fn nudges_for_file(
    store: &mut Store,
    path: &Path,
    clock: &dyn Clock,
    threshold: f64,
) -> Result<Vec<ThreadNudge>> {
    let threads = read_path(path, Format::Auto)?;
    nudges_for(store, &threads, clock, threshold)
}

/// The nudges for the ambiguous threads among `threads` that were not
/// nudged yet today (in the user's zone), recording them as nudged. None
/// while reminders are paused.
pub fn nudges_for(
    store: &mut Store,
    threads: &[Thread],
    clock: &dyn Clock,
    threshold: f64,
) -> Result<Vec<ThreadNudge>> {
    let now = clock.now();
    let prefs = settings::load(store)?;
    if prefs.is_paused(now) {
        return Ok(Vec::new());
    }
    let today = now.with_timezone(&prefs.effective_zone(clock)).date_naive();
    let mut out = Vec::new();
    for thread in threads {
        let analysis = analyze(thread, threshold);
        if !analysis.ambiguous {
            continue;
        }
        let fresh = store.conn().execute(
            "INSERT OR IGNORE INTO reminder_log (kind, due_at, fired_at) VALUES (?1, ?2, ?3)",
            (thread_kind(thread), today.to_string(), format_instant(now)),
        )?;
        if fresh == 0 {
            continue;
        }
        let place = thread
            .channel
            .as_deref()
            .map(|c| format!("#{c}: "))
            .unwrap_or_default();
        out.push(ThreadNudge {
            title: NUDGE_TITLE.to_owned(),
            body: format!("{place}{}", analysis.suggestion),
            score: analysis.score,
        });
    }
    Ok(out)
}

/// `thread:<hash>`: the same conversation gives the same kind, whatever was
/// added to it later (the hash covers its channel and first message).
fn thread_kind(thread: &Thread) -> String {
    let mut hash = Sha256::new();
    hash.update(thread.channel.as_deref().unwrap_or("").as_bytes());
    if let Some(first) = thread.messages.first() {
        for part in [first.author.as_str(), first.text.as_str()] {
            hash.update([0]);
            hash.update(part.as_bytes());
        }
        hash.update(first.ts.map(|t| t.timestamp()).unwrap_or(0).to_le_bytes());
    }
    let digest = hash.finalize();
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("thread:{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;
    use crate::threads::parse::text::parse_transcript;

    const TENSE: &str = "Ana: Can we talk about the release?\n\
        Bo: Sure, what about it? Is something wrong with the migration I merged?\n\
        Ana: Not exactly. I just think we said Thursday.\n\
        Bo: We said Thursday for the freeze, not the release. Or did I misread the doc?\n\
        Cy: I read it as Thursday release\n\
        Ana: ok.\n\
        Bo: sorry, I'm still not sure what you need from me, freeze Thursday or both Thursday?\n";

    fn tense() -> Thread {
        parse_transcript(Path::new("t.txt"), TENSE).unwrap()
    }

    #[test]
    fn an_ambiguous_thread_is_nudged_once_a_day() {
        let mut store = Store::open_in_memory().unwrap();
        let clock = FixedClock::at("2026-11-25T10:00:00Z");
        let threads = [tense()];
        let first = nudges_for(&mut store, &threads, &clock, 0.5).unwrap();
        assert_eq!(first.len(), 1, "the thread is ambiguous");
        assert_eq!(first[0].title, NUDGE_TITLE);
        assert!(nudges_for(&mut store, &threads, &clock, 0.5)
            .unwrap()
            .is_empty());
        // A later message does not make it a new thread.
        let mut longer = tense();
        longer.messages.push(longer.messages[0].clone());
        assert!(nudges_for(&mut store, &[longer], &clock, 0.5)
            .unwrap()
            .is_empty());
        clock.advance(chrono::Duration::days(1));
        assert_eq!(
            nudges_for(&mut store, &threads, &clock, 0.5).unwrap().len(),
            1
        );
    }

    #[test]
    fn calm_threads_and_paused_reminders_give_no_nudge() {
        let mut store = Store::open_in_memory().unwrap();
        let clock = FixedClock::at("2026-11-25T10:00:00Z");
        let calm = parse_transcript(Path::new("c.txt"), "Ana: deploy done\nBo: thanks!\n").unwrap();
        assert!(nudges_for(&mut store, &[calm], &clock, 0.5)
            .unwrap()
            .is_empty());
        crate::reminders::pause_for(&mut store, &clock, 60).unwrap();
        assert!(nudges_for(&mut store, &[tense()], &clock, 0.5)
            .unwrap()
            .is_empty());
        clock.advance(chrono::Duration::minutes(61));
        assert_eq!(
            nudges_for(&mut store, &[tense()], &clock, 0.5)
                .unwrap()
                .len(),
            1
        );
    }

    #[test]
    fn settings_need_a_real_folder_to_watch() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(watch_settings(&store).unwrap(), WatchSettings::default());
        let dir = tempfile::tempdir().unwrap();
        let on = WatchSettings {
            folder_enabled: true,
            folder: Some(dir.path().to_path_buf()),
            clipboard_enabled: true,
        };
        set_watch_settings(&mut store, on.clone()).unwrap();
        assert_eq!(watch_settings(&store).unwrap(), on);
        let missing = WatchSettings {
            folder: Some(dir.path().join("nope")),
            ..on.clone()
        };
        assert!(set_watch_settings(&mut store, missing).is_err());
        assert!(set_watch_settings(&mut store, WatchSettings { folder: None, ..on }).is_err());
    }
}
