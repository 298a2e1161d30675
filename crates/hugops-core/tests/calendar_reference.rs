//! Every calendar in `tests/calendars/` expands as Python's
//! `recurring_ical_events` does (`scripts/calendar_reference.py` wrote the
//! `.expected.json` files over the same period).

use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};
use hugops_core::calendar;

/// The period `scripts/calendar_reference.py` expands over.
fn period() -> (DateTime<Utc>, DateTime<Utc>) {
    (
        Utc.with_ymd_and_hms(2012, 1, 1, 0, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap(),
    )
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/calendars")
}

fn calendars() -> Vec<PathBuf> {
    let dir = fixtures();
    let mut found: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ics"))
        .collect();
    found.sort();
    found
}

type Instance = (String, String, String);

/// `(start, end, summary)` as the reference writes them.
fn reference(ics: &Path) -> Vec<Instance> {
    let expected = ics.with_extension("expected.json");
    let text = std::fs::read_to_string(&expected)
        .unwrap_or_else(|e| panic!("{}: {e}", expected.display()));
    let items: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    items
        .iter()
        .map(|item| {
            let field = |name: &str| item[name].as_str().unwrap().to_owned();
            (field("start"), field("end"), field("summary"))
        })
        .collect()
}

fn ours(ics: &Path) -> Vec<Instance> {
    let (from, to) = period();
    let expanded = calendar::read_path(ics, from, to).unwrap_or_else(|e| panic!("{e}"));
    let stamp = |t: DateTime<Utc>| t.to_rfc3339_opts(SecondsFormat::Secs, true);
    let mut got: Vec<_> = expanded
        .events
        .iter()
        .map(|event| (stamp(event.start), stamp(event.end), event.summary.clone()))
        .collect();
    got.sort();
    got
}

#[test]
fn every_calendar_expands_like_the_python_reference() {
    let calendars = calendars();
    assert!(calendars.len() >= 6, "fixtures missing: {calendars:?}");
    for ics in calendars {
        let (got, want) = (ours(&ics), reference(&ics));
        let name = ics.file_name().unwrap().to_string_lossy();
        let missing: Vec<_> = want.iter().filter(|i| !got.contains(i)).collect();
        let extra: Vec<_> = got.iter().filter(|i| !want.contains(i)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{name}: missing {missing:#?}\nextra {extra:#?}"
        );
        assert_eq!(got.len(), want.len(), "{name}: duplicated instances");
    }
}

#[test]
fn all_day_events_of_the_fixtures_are_listed_as_skipped() {
    let (from, to) = period();
    let apple = fixtures().join("apple_macos_weekly_with_override.ics");
    let expanded = calendar::read_path(&apple, from, to).unwrap();
    let independence_day = calendar::Skipped {
        summary: "Independence Day".to_owned(),
        reason: calendar::SkipReason::AllDay,
    };
    assert_eq!(expanded.skipped, [independence_day]);
    let sync = &expanded.events[0];
    assert_eq!(sync.organizer.as_deref(), Some("ann@example.com"));
    assert_eq!(sync.attendees, ["ann@example.com", "bo.park@example.com"]);
}
