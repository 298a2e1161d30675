//! Meeting reminders through the engine (`due`, `missed`, `next_check`,
//! `snooze`), with a fixed clock. Ana works in Berlin, Bo in New York; the
//! weekly nudge is switched off unless a test says otherwise, and the
//! default lead is 10 minutes.

use chrono::{NaiveDate, NaiveTime, TimeDelta};
use chrono_tz::{America::New_York, UTC};

use super::super::*;
use crate::clock::{local_instant, FixedClock};
use crate::schedule::agenda::{self, save_meetings};
use crate::schedule::{Meeting, MeetingKind};
use crate::testing::at;
use crate::testing::people;

/// The meeting of most tests, and its reminder 10 minutes before.
const START: &str = "2026-11-24T15:00:00Z";
const REMINDER: &str = "2026-11-24T14:50:00Z";

fn meeting(uid: &str, start: DateTime<Utc>) -> Meeting {
    Meeting {
        uid: uid.into(),
        kind: MeetingKind::Checkin,
        title: format!("Check-in {uid}"),
        start,
        end: start + TimeDelta::minutes(30),
        attendees: vec!["ana@x.org".into(), "bo@y.org".into()],
        outside_hours: Vec::new(),
        organizer: "bo@y.org".into(),
    }
}

/// A store with the nudge off and meeting `a` at [`START`], and a clock at `now`.
fn setup(now: &str) -> (Store, FixedClock) {
    let mut st = Store::open_in_memory().unwrap();
    settings::set_value(&mut st, "nudge.enabled", "off").unwrap();
    save(&mut st, &[meeting("a", at(START))]);
    (st, FixedClock::at(now))
}

fn save(st: &mut Store, meetings: &[Meeting]) {
    let roster = people(&[
        ("ana@x.org", "Europe/Berlin", "09:00-17:00"),
        ("bo@y.org", "America/New_York", "09:00-17:00"),
    ]);
    save_meetings(st, meetings, &roster, at("2026-11-20T00:00:00Z")).unwrap();
}

/// `kind due_at` of every due reminder.
fn due_keys(st: &Store, c: &FixedClock) -> Vec<String> {
    keys(&due(st, c).unwrap())
}

fn missed_keys(st: &Store, c: &FixedClock) -> Vec<String> {
    keys(&missed(st, c).unwrap())
}

fn keys(reminders: &[Reminder]) -> Vec<String> {
    reminders
        .iter()
        .map(|r| format!("{} {}", r.kind, format_instant(r.due_at)))
        .collect()
}

fn show_all(st: &mut Store, c: &FixedClock) -> Vec<String> {
    let shown = due(st, c).unwrap();
    for r in &shown {
        mark_shown(st, r, c).unwrap();
    }
    keys(&shown)
}

fn next(st: &Store, c: &FixedClock) -> Option<String> {
    next_check(st, c).unwrap().map(format_instant)
}

fn key(uid: &str, due_at: &str) -> String {
    format!("meeting:{uid} {due_at}")
}

#[test]
fn fires_the_set_minutes_before_not_before() {
    let (st, c) = setup("2026-11-24T14:49:59Z");
    assert!(due_keys(&st, &c).is_empty());
    assert_eq!(next(&st, &c).as_deref(), Some(REMINDER));
    c.set(at(REMINDER));
    let due = due(&st, &c).unwrap();
    assert_eq!(keys(&due), [key("a", REMINDER)]);
    let r = &due[0];
    assert_eq!(r.title, "Check-in a in 10 min");
    assert_eq!(r.uid.as_deref(), Some("a"));
    assert_eq!(r.kind.meeting_uid(), Some("a"));
    let lines: Vec<&str> = r.body.lines().collect();
    assert_eq!(
        lines,
        [
            "ana (Europe/Berlin): Tue 2026-11-24 16:00–16:30 +01:00",
            "bo (America/New_York): Tue 2026-11-24 10:00–10:30 -05:00",
        ]
    );
    assert_eq!(
        serde_json::to_value(r).unwrap(),
        serde_json::json!({
            "kind": "meeting:a",
            "due_at": REMINDER,
            "title": "Check-in a in 10 min",
            "body": r.body,
            "uid": "a",
        })
    );
}

#[test]
fn the_lead_follows_the_setting() {
    let (mut st, c) = setup("2026-11-24T14:34:59Z");
    settings::set_value(&mut st, "schedule.reminder_minutes", "25").unwrap();
    assert_eq!(next(&st, &c).as_deref(), Some("2026-11-24T14:35:00Z"));
    assert!(due_keys(&st, &c).is_empty());
    c.advance(TimeDelta::seconds(1));
    let first = due(&st, &c).unwrap();
    assert_eq!(keys(&first), [key("a", "2026-11-24T14:35:00Z")]);
    assert_eq!(first[0].title, "Check-in a in 25 min");
    settings::set_value(&mut st, "schedule.reminder_minutes", "90").unwrap();
    c.set(at("2026-11-24T13:30:00Z"));
    assert_eq!(due(&st, &c).unwrap()[0].title, "Check-in a in 1 h 30 min");
}

#[test]
fn fires_once() {
    let (mut st, c) = setup(REMINDER);
    assert_eq!(show_all(&mut st, &c), [key("a", REMINDER)]);
    assert!(due_keys(&st, &c).is_empty());
    c.advance(TimeDelta::minutes(5));
    assert!(due_keys(&st, &c).is_empty());
    c.advance(TimeDelta::hours(3));
    assert!(due_keys(&st, &c).is_empty());
    assert!(missed_keys(&st, &c).is_empty(), "shown is not missed");
}

#[test]
fn missed_within_the_hour_fires_once_after_a_suspend() {
    let (mut st, c) = setup("2026-11-24T14:40:00Z");
    assert!(show_all(&mut st, &c).is_empty());
    // Asleep from 14:40 to 15:20: the reminder is 30 minutes late.
    c.set(at("2026-11-24T15:20:00Z"));
    let due = due(&st, &c).unwrap();
    assert_eq!(keys(&due), [key("a", REMINDER)]);
    assert_eq!(due[0].title, "Check-in a started 20 min ago");
    assert_eq!(show_all(&mut st, &c).len(), 1);
    // A restart reads the same log: nothing fires again.
    c.advance(TimeDelta::minutes(1));
    assert!(due_keys(&st, &c).is_empty());
    assert!(missed_keys(&st, &c).is_empty());
}

#[test]
fn exactly_an_hour_late_still_fires() {
    let (st, c) = setup("2026-11-24T15:50:00Z");
    let due = due(&st, &c).unwrap();
    assert_eq!(keys(&due), [key("a", REMINDER)]);
    assert_eq!(due[0].title, "Check-in a ended 20 min ago");
    c.advance(TimeDelta::seconds(1));
    assert!(due_keys(&st, &c).is_empty());
}

#[test]
fn older_than_an_hour_is_listed_not_fired() {
    let (mut st, c) = setup("2026-11-24T16:00:00Z");
    assert!(due_keys(&st, &c).is_empty());
    assert_eq!(next(&st, &c), None, "nothing else will come");
    let missed = missed(&st, &c).unwrap();
    assert_eq!(keys(&missed), [key("a", REMINDER)]);
    assert_eq!(missed[0].title, "Check-in a ended 30 min ago");
    // Listed for a week, then dropped; showing it dismisses it.
    c.set(at("2026-12-01T14:50:00Z"));
    assert_eq!(missed_keys(&st, &c).len(), 1);
    c.set(at("2026-12-01T14:50:01Z"));
    assert!(missed_keys(&st, &c).is_empty());
    c.set(at("2026-11-24T16:00:00Z"));
    mark_shown(&mut st, &missed[0], &c).unwrap();
    assert!(missed_keys(&st, &c).is_empty());
}

#[test]
fn a_pause_holds_reminders_back_and_the_window_still_applies() {
    let (mut st, c) = setup(REMINDER);
    pause(&mut st, at("2026-11-24T14:55:00Z")).unwrap();
    assert!(due_keys(&st, &c).is_empty());
    assert_eq!(next(&st, &c).as_deref(), Some("2026-11-24T14:55:00Z"));
    c.set(at("2026-11-24T14:55:00Z"));
    assert_eq!(due_keys(&st, &c), [key("a", REMINDER)]);
    // Paused past the window: listed, never fired.
    pause(&mut st, at("2026-11-24T16:10:00Z")).unwrap();
    assert!(due_keys(&st, &c).is_empty());
    c.set(at("2026-11-24T16:10:00Z"));
    assert!(due_keys(&st, &c).is_empty());
    assert_eq!(missed_keys(&st, &c), [key("a", REMINDER)]);
}

#[test]
fn while_paused_a_waiting_meeting_reminder_wakes_the_shell_at_the_end() {
    let (mut st, c) = setup(REMINDER);
    pause_for(&mut st, &c, 3).unwrap();
    assert_eq!(next(&st, &c).as_deref(), Some("2026-11-24T14:53:00Z"));
}

fn quiet_nights(st: &mut Store, zone: &str) {
    settings::set_value(st, "quiet_hours.enabled", "on").unwrap();
    settings::set_value(st, "timezone", zone).unwrap();
}

#[test]
fn quiet_hours_hold_reminders_until_they_end() {
    // 22:00-07:00 in New York (EST, UTC-5): quiet until 12:00Z.
    let (mut st, c) = setup("2026-11-24T11:55:00Z");
    quiet_nights(&mut st, "America/New_York");
    save(
        &mut st,
        &[
            // 07:05 local: its reminder at 06:55 waits for 07:00.
            meeting("early", at("2026-11-24T12:05:00Z")),
            // 06:10 local: its reminder at 06:00 is an hour old at 07:00.
            meeting("dawn", at("2026-11-24T11:10:00Z")),
            // 05:00 local: more than an hour old.
            meeting("night", at("2026-11-24T10:00:00Z")),
        ],
    );
    assert!(due_keys(&st, &c).is_empty());
    assert_eq!(next(&st, &c).as_deref(), Some("2026-11-24T12:00:00Z"));
    c.set(at("2026-11-24T12:00:00Z"));
    assert_eq!(
        show_all(&mut st, &c),
        [
            key("dawn", "2026-11-24T11:00:00Z"),
            key("early", "2026-11-24T11:55:00Z")
        ]
    );
    assert!(due_keys(&st, &c).is_empty());
    assert_eq!(missed_keys(&st, &c), [key("night", "2026-11-24T09:50:00Z")]);
    // The meeting at START is reminded of as usual.
    assert_eq!(next(&st, &c).as_deref(), Some(REMINDER));
}

#[test]
fn a_reminder_due_in_quiet_hours_waits_for_their_end() {
    let (mut st, c) = setup("2026-11-24T03:00:00Z");
    quiet_nights(&mut st, "America/New_York");
    // Quiet since 22:00 local (03:00Z); the next reminder at 06:55 local.
    save(&mut st, &[meeting("early", at("2026-11-24T12:05:00Z"))]);
    assert_eq!(next(&st, &c).as_deref(), Some("2026-11-24T12:00:00Z"));
    c.set(at("2026-11-23T20:00:00Z"));
    assert_eq!(
        next(&st, &c).as_deref(),
        Some("2026-11-24T12:00:00Z"),
        "15:00 local: the reminder at 06:55 is moved to the end of the night"
    );
}

#[test]
fn quiet_hours_hold_the_weekly_nudge_too() {
    let mut st = Store::open_in_memory().unwrap();
    settings::set_value(&mut st, "nudge.time", "23:00").unwrap();
    quiet_nights(&mut st, "UTC");
    // Friday 2026-11-20 23:00 UTC is in quiet hours until Saturday 07:00.
    let c = FixedClock::at("2026-11-20T23:00:00Z");
    assert!(due_keys(&st, &c).is_empty());
    assert_eq!(next(&st, &c).as_deref(), Some("2026-11-21T07:00:00Z"));
    c.set(at("2026-11-21T07:00:00Z"));
    assert_eq!(due_keys(&st, &c), ["weekly_nudge 2026-11-20T23:00:00Z"]);
}

#[test]
fn snooze_fires_again_after_the_snooze() {
    let (mut st, c) = setup(REMINDER);
    let shown = due(&st, &c).unwrap();
    let kind = shown[0].kind.clone();
    c.advance(TimeDelta::seconds(20));
    let until = snooze(&mut st, &kind, shown[0].due_at, 5, &c).unwrap();
    assert_eq!(format_instant(until), "2026-11-24T14:55:20Z");
    assert!(
        due_keys(&st, &c).is_empty(),
        "the snoozed reminder counts as shown"
    );
    assert_eq!(next(&st, &c).as_deref(), Some("2026-11-24T14:55:20Z"));
    c.set(at("2026-11-24T14:55:19Z"));
    assert!(due_keys(&st, &c).is_empty());
    c.set(until);
    let again = due(&st, &c).unwrap();
    assert_eq!(keys(&again), [key("a", "2026-11-24T14:55:20Z")]);
    assert_eq!(again[0].title, "Check-in a in 5 min");
    mark_shown(&mut st, &again[0], &c).unwrap();
    assert!(due_keys(&st, &c).is_empty());
}

#[test]
fn snooze_checks_its_input() {
    let (mut st, c) = setup(REMINDER);
    let a = ReminderKind::meeting("a");
    for bad in [0, -1, MAX_SNOOZE_MINUTES + 1] {
        let err = snooze(&mut st, &a, at(REMINDER), bad, &c).unwrap_err();
        assert!(err.to_string().starts_with("minutes: "), "{err}");
    }
    let err = snooze(&mut st, &ReminderKind::WeeklyNudge, at(REMINDER), 5, &c).unwrap_err();
    assert!(err.to_string().starts_with("kind: "), "{err}");
    let err = snooze(&mut st, &ReminderKind::meeting("zz"), at(REMINDER), 5, &c).unwrap_err();
    assert_eq!(err.to_string(), "meeting `zz` not found");
    agenda::mark_done(&mut st, "a", c.now()).unwrap();
    let err = snooze(&mut st, &a, at(REMINDER), 5, &c).unwrap_err();
    assert!(err.to_string().contains("is done"), "{err}");
}

#[test]
fn done_or_cancelled_meetings_never_remind() {
    let (mut st, c) = setup("2026-11-24T12:00:00Z");
    save(&mut st, &[meeting("b", at("2026-11-24T16:00:00Z"))]);
    agenda::mark_done(&mut st, "a", c.now()).unwrap();
    agenda::cancel(&mut st, "b", c.now()).unwrap();
    assert_eq!(next(&st, &c), None);
    for now in [REMINDER, "2026-11-24T15:50:00Z", "2026-11-24T17:00:00Z"] {
        c.set(at(now));
        assert!(due_keys(&st, &c).is_empty(), "{now}");
        assert!(missed_keys(&st, &c).is_empty(), "{now}");
    }
}

#[test]
fn done_after_a_snooze_silences_it() {
    let (mut st, c) = setup(REMINDER);
    snooze(&mut st, &ReminderKind::meeting("a"), at(REMINDER), 5, &c).unwrap();
    agenda::mark_done(&mut st, "a", c.now()).unwrap();
    assert_eq!(next(&st, &c), None);
    c.advance(TimeDelta::minutes(5));
    assert!(due_keys(&st, &c).is_empty());
}

#[test]
fn a_moved_meeting_reminds_at_its_new_time() {
    let (mut st, c) = setup(REMINDER);
    assert_eq!(show_all(&mut st, &c).len(), 1);
    agenda::move_meeting(&mut st, "a", at("2026-11-24T17:00:00Z"), c.now()).unwrap();
    assert_eq!(next(&st, &c).as_deref(), Some("2026-11-24T16:50:00Z"));
    c.set(at("2026-11-24T16:50:00Z"));
    assert_eq!(due_keys(&st, &c), [key("a", "2026-11-24T16:50:00Z")]);
}

#[test]
fn nudge_and_meetings_come_together_oldest_first() {
    let (mut st, c) = setup(REMINDER);
    settings::set_value(&mut st, "nudge.enabled", "on").unwrap();
    save(&mut st, &[meeting("b", at("2026-11-24T14:55:00Z"))]);
    assert_eq!(
        due_keys(&st, &c),
        [
            "weekly_nudge 2026-11-20T15:00:00Z".to_owned(),
            key("b", "2026-11-24T14:45:00Z"),
            key("a", REMINDER),
        ]
    );
    assert_eq!(next(&st, &c).as_deref(), Some("2026-11-27T15:00:00Z"));
}

/// A meeting at `local` in New York: its reminder is due ten minutes before
/// `expected_start` (UTC), and not at the instant an offset an hour off
/// would give.
fn assert_new_york_reminder(local: &str, expected_start: &str, expected_due: &str) {
    let local = chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").unwrap();
    let start = local_instant(New_York, local);
    assert_eq!(format_instant(start), expected_start);
    let mut st = Store::open_in_memory().unwrap();
    settings::set_value(&mut st, "nudge.enabled", "off").unwrap();
    save(&mut st, &[meeting("ny", start)]);
    let c = FixedClock::at(expected_due).with_tz(New_York);
    c.advance(TimeDelta::hours(-1));
    assert!(due_keys(&st, &c).is_empty());
    assert_eq!(next(&st, &c).as_deref(), Some(expected_due));
    c.advance(TimeDelta::minutes(59));
    assert!(due_keys(&st, &c).is_empty());
    c.advance(TimeDelta::minutes(1));
    assert_eq!(due_keys(&st, &c), [key("ny", expected_due)]);
}

#[test]
fn dst_mornings_in_new_york_remind_at_the_right_instant() {
    // Sunday 2026-11-01: clocks fell back at 02:00, 09:00 is EST (UTC-5).
    assert_new_york_reminder(
        "2026-11-01 09:00",
        "2026-11-01T14:00:00Z",
        "2026-11-01T13:50:00Z",
    );
    // The day before, 09:00 was EDT (UTC-4).
    assert_new_york_reminder(
        "2026-10-31 09:00",
        "2026-10-31T13:00:00Z",
        "2026-10-31T12:50:00Z",
    );
    // Sunday 2026-03-08: clocks sprang forward, 09:00 is EDT (UTC-4).
    assert_new_york_reminder(
        "2026-03-08 09:00",
        "2026-03-08T13:00:00Z",
        "2026-03-08T12:50:00Z",
    );
}

#[test]
fn quiet_hours_end_on_the_fall_back_morning_in_local_time() {
    // Quiet 22:00-07:00 New York: on 2026-11-01 07:00 is EST, 12:00Z.
    let mut st = Store::open_in_memory().unwrap();
    settings::set_value(&mut st, "nudge.enabled", "off").unwrap();
    quiet_nights(&mut st, "America/New_York");
    let start = local_instant(
        New_York,
        NaiveDate::from_ymd_opt(2026, 11, 1)
            .unwrap()
            .and_time(NaiveTime::from_hms_opt(7, 5, 0).unwrap()),
    );
    save(&mut st, &[meeting("sun", start)]);
    let c = FixedClock::at("2026-11-01T11:59:00Z").with_tz(UTC);
    assert!(due_keys(&st, &c).is_empty());
    assert_eq!(next(&st, &c).as_deref(), Some("2026-11-01T12:00:00Z"));
    c.set(at("2026-11-01T12:00:00Z"));
    assert_eq!(due_keys(&st, &c), [key("sun", "2026-11-01T11:55:00Z")]);
}

#[test]
fn kinds_round_trip_as_text() {
    for kind in [ReminderKind::WeeklyNudge, ReminderKind::meeting("x@hugops")] {
        let text = kind.as_str().into_owned();
        assert_eq!(ReminderKind::parse(&text), Some(kind.clone()));
        let json = serde_json::to_string(&kind).unwrap();
        assert_eq!(serde_json::from_str::<ReminderKind>(&json).unwrap(), kind);
    }
    assert_eq!(
        ReminderKind::meeting("x@hugops").as_str(),
        "meeting:x@hugops"
    );
    for bad in ["meeting:", "weekly", ""] {
        assert_eq!(ReminderKind::parse(bad), None, "{bad}");
    }
    assert!(serde_json::from_str::<ReminderKind>("\"nope\"").is_err());
}
