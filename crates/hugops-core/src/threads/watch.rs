//! Opt-in watching: a folder where exports and transcripts land, and the
//! tray's "Check copied thread". When a watched thread crosses the threshold
//! it is queued with the reminder engine, which shows "This thread looks
//! ambiguous — switch to a call?" at most once per thread per day, after
//! pause and quiet hours. Thread text is analysed in memory; only a hash of
//! each nudged thread and the suggestion are kept.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::analysis::analyze;
use super::parse::{read_path, Format};
use super::Thread;
use crate::clock::Clock;
use crate::{reminders, Error, Result, Store};

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
    Ok(crate::settings::stored(store, KEY)?.unwrap_or_default())
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

/// The title of every thread nudge.
pub use crate::reminders::THREAD_NUDGE_TITLE as NUDGE_TITLE;

/// A nudge for one ambiguous thread, before it is queued: what the
/// reminder shows, and the hash that names the thread.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingNudge {
    pub hash: String,
    pub body: String,
}

/// Reads a file that landed in the watched folder and returns the nudges
/// for its ambiguous threads (see [`nudges_in`]). Needs no database, so the
/// parse runs without holding it.
pub fn nudges_in_file(path: &Path, threshold: f64) -> Result<Vec<PendingNudge>> {
    Ok(nudges_in(&read_path(path, Format::Auto)?, threshold))
}

/// A nudge for each thread among `threads` whose score reaches `threshold`.
pub fn nudges_in(threads: &[Thread], threshold: f64) -> Vec<PendingNudge> {
    threads
        .iter()
        .filter_map(|thread| {
            let analysis = analyze(thread, threshold);
            analysis.ambiguous.then(|| {
                let place = thread
                    .channel
                    .as_deref()
                    .map(|c| format!("#{c}: "))
                    .unwrap_or_default();
                PendingNudge {
                    hash: thread_hash(thread),
                    body: format!("{place}{}", analysis.suggestion),
                }
            })
        })
        .collect()
}

/// Queues `nudges` with the reminder engine, each thread at most once per
/// local day; returns how many were queued. The engine shows them outside
/// pause and quiet hours.
pub fn queue(store: &mut Store, nudges: &[PendingNudge], clock: &dyn Clock) -> Result<usize> {
    let mut queued = 0;
    for n in nudges {
        if reminders::queue_thread_nudge(store, &n.hash, &n.body, clock)? {
            queued += 1;
        }
    }
    Ok(queued)
}

/// The same conversation gives the same hash, whatever was added to it
/// later (the hash covers its channel and first message).
fn thread_hash(thread: &Thread) -> String {
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
    digest[..12].iter().map(|b| format!("{b:02x}")).collect()
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

    /// The thread nudges the engine would show now.
    fn shown_now(store: &Store, clock: &FixedClock) -> Vec<reminders::Reminder> {
        reminders::due(store, clock)
            .unwrap()
            .into_iter()
            .filter(|r| matches!(r.kind, reminders::ReminderKind::Thread { .. }))
            .collect()
    }

    fn queue_threads(store: &mut Store, threads: &[Thread], clock: &FixedClock) -> usize {
        queue(store, &nudges_in(threads, 0.5), clock).unwrap()
    }

    #[test]
    fn an_ambiguous_thread_is_nudged_once_a_day() {
        let mut store = Store::open_in_memory().unwrap();
        let clock = FixedClock::at("2026-11-25T10:00:00Z");
        let threads = [tense()];
        assert_eq!(queue_threads(&mut store, &threads, &clock), 1, "ambiguous");
        let shown = shown_now(&store, &clock);
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].title, NUDGE_TITLE);
        assert_eq!(shown[0].due_at, clock.now(), "due at its arrival");
        reminders::mark_shown(&mut store, &shown[0], &clock).unwrap();
        assert!(shown_now(&store, &clock).is_empty(), "shown once");
        assert_eq!(queue_threads(&mut store, &threads, &clock), 0);
        // A later message does not make it a new thread.
        let mut longer = tense();
        longer.messages.push(longer.messages[0].clone());
        assert_eq!(queue_threads(&mut store, &[longer], &clock), 0);
        clock.advance(chrono::Duration::days(1));
        assert_eq!(queue_threads(&mut store, &threads, &clock), 1, "a new day");
        assert_eq!(shown_now(&store, &clock).len(), 1);
    }

    #[test]
    fn calm_threads_give_no_nudge() {
        let calm = parse_transcript(Path::new("c.txt"), "Ana: deploy done\nBo: thanks!\n").unwrap();
        assert!(nudges_in(&[calm], 0.5).is_empty());
    }

    #[test]
    fn a_nudge_arriving_in_quiet_hours_waits_for_their_end() {
        let mut store = Store::open_in_memory().unwrap();
        crate::settings::set_value(&mut store, "timezone", "Europe/Berlin").unwrap();
        crate::settings::set_value(&mut store, "quiet_hours.enabled", "true").unwrap();
        crate::settings::set_value(&mut store, "quiet_hours.start", "22:00").unwrap();
        crate::settings::set_value(&mut store, "quiet_hours.end", "07:00").unwrap();
        // 03:00 in Berlin.
        let clock = FixedClock::at("2026-11-25T02:00:00Z");
        assert_eq!(queue_threads(&mut store, &[tense()], &clock), 1);
        assert!(shown_now(&store, &clock).is_empty(), "not at 03:00");
        let next = reminders::next_check(&store, &clock).unwrap();
        assert_eq!(next, Some(FixedClock::at("2026-11-25T06:00:00Z").now()));
        clock.advance(chrono::Duration::hours(4));
        let shown = shown_now(&store, &clock);
        assert_eq!(shown.len(), 1, "at 07:00, when quiet hours end");
        assert_eq!(
            shown[0].due_at,
            FixedClock::at("2026-11-25T02:00:00Z").now()
        );
    }

    #[test]
    fn a_nudge_waits_out_a_pause_but_not_a_day() {
        let mut store = Store::open_in_memory().unwrap();
        let clock = FixedClock::at("2026-11-25T10:00:00Z");
        reminders::pause_for(&mut store, &clock, 60).unwrap();
        assert_eq!(queue_threads(&mut store, &[tense()], &clock), 1);
        assert!(shown_now(&store, &clock).is_empty(), "paused");
        clock.advance(chrono::Duration::minutes(61));
        assert_eq!(shown_now(&store, &clock).len(), 1, "after the pause");
        clock.advance(chrono::Duration::hours(reminders::THREAD_NUDGE_TTL_HOURS));
        assert!(shown_now(&store, &clock).is_empty(), "stale after a day");
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
