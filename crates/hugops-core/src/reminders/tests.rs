//! Engine tests: the weekly nudge through `due`, `mark_shown`, `next_check`
//! and pausing, with a fixed clock. 2026-11-20 is a Friday; New York is on
//! EST (UTC-5) then, so the default nudge (Friday 15:00) is at 20:00Z.

use chrono::{NaiveTime, TimeDelta, Weekday};
use chrono_tz::{America::New_York, Europe::Berlin, Tz, UTC};

use super::*;
use crate::clock::FixedClock;
use crate::settings::{NudgeSettings, Settings};
use crate::testing::at;

const FRIDAY_NUDGE: &str = "2026-11-20T20:00:00Z";

fn clock(now: &str, tz: Tz) -> FixedClock {
    FixedClock::at(now).with_tz(tz)
}

fn store() -> Store {
    Store::open_in_memory().unwrap()
}

fn new_york(now: &str) -> (Store, FixedClock) {
    (store(), clock(now, New_York))
}

fn set_nudge(store: &mut Store, weekday: Weekday, h: u32, m: u32, timezone: Option<&str>) {
    let s = Settings {
        nudge: NudgeSettings {
            enabled: true,
            weekday,
            time: NaiveTime::from_hms_opt(h, m, 0).unwrap(),
            set_up: true,
        },
        timezone: timezone.map(str::to_owned),
        ..Settings::default()
    };
    settings::save(store, &s).unwrap();
}

fn add_entry(store: &Store, direction: &str, occurred_on: &str, created_at: &str) -> i64 {
    store
        .conn()
        .execute(
            "INSERT INTO entries (direction, person, message, tags, occurred_on, created_at)
             VALUES (?1, 'Ann', 'thanks', '[]', ?2, ?3)",
            (direction, occurred_on, created_at),
        )
        .unwrap();
    store.conn().last_insert_rowid()
}

fn give(store: &Store, occurred_on: &str, created_at: &str) {
    add_entry(store, "given", occurred_on, created_at);
}

/// `due_at` of every due reminder, as text.
fn due_at(store: &Store, clock: &FixedClock) -> Vec<String> {
    due(store, clock)
        .unwrap()
        .iter()
        .map(|r| format_instant(r.due_at))
        .collect()
}

/// Shows (marks) everything due now, as the shell would; returns its `due_at`s.
fn show_all(store: &mut Store, clock: &FixedClock) -> Vec<String> {
    let shown = due(store, clock).unwrap();
    for r in &shown {
        mark_shown(store, r, clock).unwrap();
    }
    shown.iter().map(|r| format_instant(r.due_at)).collect()
}

fn next(store: &Store, clock: &FixedClock) -> Option<String> {
    next_check(store, clock).unwrap().map(format_instant)
}

fn log_rows(store: &Store) -> i64 {
    store
        .conn()
        .query_row("SELECT count(*) FROM reminder_log", [], |r| r.get(0))
        .unwrap()
}

/// A database first used on Monday 2026-11-16 15:00Z: quiet until Monday
/// 2026-11-23 15:00Z, so Friday the 20th's default nudge does not fire.
fn new_user(now: &str) -> (Store, FixedClock) {
    let st = store();
    crate::first_use::record(st.conn(), at("2026-11-16T15:00:00Z")).unwrap();
    (st, clock(now, New_York))
}

#[test]
fn a_new_user_is_not_nudged_in_their_first_week() {
    let (st, c) = new_user("2026-11-20T20:00:01Z");
    assert!(due_at(&st, &c).is_empty(), "day five of use");
    assert_eq!(
        next(&st, &c).as_deref(),
        Some("2026-11-27T20:00:00Z"),
        "the first Friday after the quiet week"
    );
    c.advance(TimeDelta::days(7));
    assert_eq!(due_at(&st, &c), ["2026-11-27T20:00:00Z"]);
}

#[test]
fn a_nudge_the_user_set_up_fires_in_the_first_week() {
    let (mut st, c) = new_user("2026-11-20T20:00:01Z");
    set_nudge(&mut st, Weekday::Fri, 15, 0, None);
    assert_eq!(due_at(&st, &c), [FRIDAY_NUDGE]);
}

#[test]
fn fires_at_the_configured_local_time_not_before() {
    let (mut st, c) = new_york("2026-11-20T19:59:59Z");
    assert_eq!(
        show_all(&mut st, &c),
        ["2026-11-13T20:00:00Z"],
        "last week's"
    );
    assert!(due_at(&st, &c).is_empty());
    c.advance(TimeDelta::seconds(1));
    let due = due(&st, &c).unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].kind, ReminderKind::WeeklyNudge);
    assert_eq!(format_instant(due[0].due_at), FRIDAY_NUDGE);
    assert_eq!(due[0].title, "Time to appreciate someone?");
    assert!(due[0].body.contains("Who helped you lately?"));
}

#[test]
fn the_clock_zone_or_the_configured_zone_sets_the_local_time() {
    // The clock says Berlin (15:00 CET = 14:00Z).
    let st = store();
    assert_eq!(
        due_at(&st, &clock("2026-11-20T14:00:00Z", Berlin)),
        ["2026-11-20T14:00:00Z"]
    );
    // A configured zone wins over the clock's.
    let mut st = store();
    set_nudge(&mut st, Weekday::Fri, 15, 0, Some("America/New_York"));
    let c = clock("2026-11-20T14:00:00Z", Berlin);
    assert_eq!(due_at(&st, &c), ["2026-11-13T20:00:00Z"]);
    c.set(at(FRIDAY_NUDGE));
    assert_eq!(due_at(&st, &c), [FRIDAY_NUDGE]);
}

#[test]
fn kudos_given_in_the_week_before_holds_the_nudge_back() {
    let (st, c) = new_york(FRIDAY_NUDGE);
    give(&st, "2026-11-18", "2026-11-18T15:00:00Z");
    assert!(due_at(&st, &c).is_empty());
}

#[test]
fn a_backdated_or_a_freshly_logged_kudos_counts() {
    // Logged long ago but dated within the week (local dates 11-14 .. 11-20).
    let (st, c) = new_york(FRIDAY_NUDGE);
    give(&st, "2026-11-14", "2026-10-01T09:00:00Z");
    assert!(due_at(&st, &c).is_empty());
    // Logged two days ago about something a month old.
    let (st, c) = new_york(FRIDAY_NUDGE);
    give(&st, "2026-10-20", "2026-11-18T09:00:00Z");
    assert!(due_at(&st, &c).is_empty());
}

#[test]
fn older_received_or_deleted_kudos_do_not_count() {
    let (st, c) = new_york(FRIDAY_NUDGE);
    give(&st, "2026-11-13", "2026-11-13T19:59:59Z");
    add_entry(&st, "received", "2026-11-19", "2026-11-19T10:00:00Z");
    let id = add_entry(&st, "given", "2026-11-19", "2026-11-19T10:00:00Z");
    st.conn()
        .execute(
            "UPDATE entries SET deleted_at = '2026-11-19T11:00:00Z' WHERE id = ?1",
            [id],
        )
        .unwrap();
    assert_eq!(due_at(&st, &c), [FRIDAY_NUDGE]);
}

#[test]
fn kudos_given_after_a_missed_nudge_cancels_it() {
    let (st, c) = new_york("2026-11-22T12:00:00Z");
    assert_eq!(due_at(&st, &c), [FRIDAY_NUDGE]);
    give(&st, "2026-11-21", "2026-11-21T16:00:00Z");
    assert!(due_at(&st, &c).is_empty());
}

#[test]
fn an_ageing_kudos_never_revives_last_weeks_nudge() {
    // Given on Wednesday; the following Thursday it is over 7 days old, but
    // the Friday nudge it covered stays quiet until the next Friday.
    let (st, c) = new_york("2026-11-26T20:00:00Z");
    give(&st, "2026-11-18", "2026-11-18T15:00:00Z");
    assert!(due_at(&st, &c).is_empty());
    c.set(at("2026-11-27T20:00:00Z"));
    assert_eq!(due_at(&st, &c), ["2026-11-27T20:00:00Z"]);
}

#[test]
fn nothing_when_disabled() {
    let (mut st, c) = new_york(FRIDAY_NUDGE);
    settings::set_value(&mut st, "nudge.enabled", "off").unwrap();
    assert!(due_at(&st, &c).is_empty());
    assert_eq!(next(&st, &c), None);
    pause_for(&mut st, &c, 30).unwrap();
    assert_eq!(next(&st, &c), None, "paused and off is still off");
}

#[test]
fn nothing_while_paused_then_fires_when_the_pause_ends() {
    let (mut st, c) = new_york(FRIDAY_NUDGE);
    let s = pause(&mut st, at("2026-11-21T08:00:00Z")).unwrap();
    assert_eq!(s.paused_until, Some(at("2026-11-21T08:00:00Z")));
    assert!(due_at(&st, &c).is_empty());
    c.set(at("2026-11-21T07:59:59Z"));
    assert!(due_at(&st, &c).is_empty());
    c.set(at("2026-11-21T08:00:00Z"));
    assert_eq!(due_at(&st, &c), [FRIDAY_NUDGE]);
}

#[test]
fn a_pause_past_the_next_occurrence_fires_only_the_newer_one() {
    let (mut st, c) = new_york(FRIDAY_NUDGE);
    pause(&mut st, at("2026-11-28T12:00:00Z")).unwrap();
    c.set(at("2026-11-28T12:00:00Z"));
    assert_eq!(due_at(&st, &c), ["2026-11-27T20:00:00Z"]);
}

#[test]
fn resume_ends_a_pause_at_once() {
    let (mut st, c) = new_york(FRIDAY_NUDGE);
    pause_for(&mut st, &c, 120).unwrap();
    assert!(due_at(&st, &c).is_empty());
    assert_eq!(resume(&mut st).unwrap().paused_until, None);
    assert_eq!(due_at(&st, &c), [FRIDAY_NUDGE]);
}

#[test]
fn fires_once() {
    let (mut st, c) = new_york(FRIDAY_NUDGE);
    let due = due(&st, &c).unwrap();
    mark_shown(&mut st, &due[0], &c).unwrap();
    mark_shown(&mut st, &due[0], &c).unwrap();
    assert_eq!(log_rows(&st), 1);
    assert!(due_at(&st, &c).is_empty());
    c.advance(TimeDelta::hours(1));
    assert!(due_at(&st, &c).is_empty());
    c.advance(TimeDelta::days(6));
    assert!(due_at(&st, &c).is_empty());
}

#[test]
fn a_long_suspend_yields_one_reminder_then_weekly_again() {
    let (mut st, c) = new_york(FRIDAY_NUDGE);
    assert_eq!(show_all(&mut st, &c), [FRIDAY_NUDGE]);
    c.advance(TimeDelta::weeks(3) + TimeDelta::days(2));
    assert_eq!(show_all(&mut st, &c), ["2026-12-11T20:00:00Z"]);
    assert!(due_at(&st, &c).is_empty());
    c.set(at("2026-12-18T19:59:00Z"));
    assert!(due_at(&st, &c).is_empty());
    c.set(at("2026-12-18T20:00:00Z"));
    assert_eq!(show_all(&mut st, &c), ["2026-12-18T20:00:00Z"]);
}

/// For each case: the nudge is quiet a second before `occurrence` (once the
/// previous week is shown) and due at it.
fn assert_fires_exactly_at(zone: &str, weekday: Weekday, h: u32, m: u32, occurrence: &str) {
    let mut st = store();
    set_nudge(&mut st, weekday, h, m, Some(zone));
    let c = clock(occurrence, UTC);
    c.advance(TimeDelta::seconds(-1));
    show_all(&mut st, &c);
    assert!(due_at(&st, &c).is_empty(), "{zone} {occurrence}");
    assert_eq!(next(&st, &c).as_deref(), Some(occurrence), "{zone}");
    c.advance(TimeDelta::seconds(1));
    assert_eq!(due_at(&st, &c), [occurrence], "{zone}");
}

#[test]
fn dst_weeks_put_the_occurrence_at_the_right_instant() {
    let ny = "America/New_York";
    // Spring forward on Sunday 2026-03-08: 10:00 is EDT, UTC-4.
    assert_fires_exactly_at(ny, Weekday::Sun, 10, 0, "2026-03-08T14:00:00Z");
    assert_fires_exactly_at(ny, Weekday::Sat, 10, 0, "2026-03-07T15:00:00Z");
    assert_fires_exactly_at(ny, Weekday::Mon, 10, 0, "2026-03-09T14:00:00Z");
    // Fall back on Sunday 2026-11-01: 10:00 is EST again, UTC-5.
    assert_fires_exactly_at(ny, Weekday::Sun, 10, 0, "2026-11-01T15:00:00Z");
    assert_fires_exactly_at(ny, Weekday::Sat, 10, 0, "2026-10-31T14:00:00Z");
    // 01:30 happens twice that night: the first one (EDT) counts.
    assert_fires_exactly_at(ny, Weekday::Sun, 1, 30, "2026-11-01T05:30:00Z");
    // Berlin springs forward on Sunday 2026-03-29: CET (UTC+1) to CEST (UTC+2).
    let berlin = "Europe/Berlin";
    assert_fires_exactly_at(berlin, Weekday::Sun, 10, 0, "2026-03-29T08:00:00Z");
    assert_fires_exactly_at(berlin, Weekday::Fri, 15, 0, "2026-03-27T14:00:00Z");
    assert_fires_exactly_at(berlin, Weekday::Fri, 15, 0, "2026-04-03T13:00:00Z");
}

#[test]
fn a_nudge_at_a_skipped_time_fires_when_the_clocks_have_jumped() {
    // 02:30 does not exist in New York on 2026-03-08: 02:00 EST became 03:00
    // EDT, so 02:30 moves forward by the gap, to 03:30 EDT.
    assert_fires_exactly_at(
        "America/New_York",
        Weekday::Sun,
        2,
        30,
        "2026-03-08T07:30:00Z",
    );
    // The week after, 02:30 exists again (EDT).
    let mut st = store();
    set_nudge(&mut st, Weekday::Sun, 2, 30, Some("America/New_York"));
    let c = clock("2026-03-08T07:30:00Z", UTC);
    assert_eq!(next(&st, &c).as_deref(), Some("2026-03-15T06:30:00Z"));
}

#[test]
fn next_check_is_the_next_occurrence() {
    let (mut st, c) = new_york("2026-11-17T12:00:00Z");
    assert_eq!(next(&st, &c).as_deref(), Some(FRIDAY_NUDGE));
    c.set(at(FRIDAY_NUDGE));
    assert_eq!(next(&st, &c).as_deref(), Some("2026-11-27T20:00:00Z"));
    // Showing or holding back the nudge does not move the schedule.
    show_all(&mut st, &c);
    give(&st, "2026-11-20", "2026-11-20T20:30:00Z");
    assert_eq!(next(&st, &c).as_deref(), Some("2026-11-27T20:00:00Z"));
}

#[test]
fn next_check_while_paused_is_the_end_of_the_pause() {
    let (mut st, c) = new_york("2026-11-17T12:00:00Z");
    pause(&mut st, at("2026-11-17T13:30:00Z")).unwrap();
    assert_eq!(next(&st, &c).as_deref(), Some("2026-11-17T13:30:00Z"));
    pause(&mut st, at("2026-12-01T00:00:00Z")).unwrap();
    assert_eq!(next(&st, &c).as_deref(), Some("2026-12-01T00:00:00Z"));
    // An expired pause is no pause.
    c.set(at("2026-12-02T00:00:00Z"));
    assert_eq!(next(&st, &c).as_deref(), Some("2026-12-04T20:00:00Z"));
}

#[test]
fn pause_for_counts_minutes_from_now_and_checks_the_range() {
    let (mut st, c) = new_york("2026-11-20T19:00:00Z");
    let s = pause_for(&mut st, &c, 90).unwrap();
    assert_eq!(s.paused_until, Some(at("2026-11-20T20:30:00Z")));
    assert_eq!(settings::load(&st).unwrap(), s);
    for bad in [0, -5, MAX_PAUSE_MINUTES + 1, i64::MAX] {
        let err = pause_for(&mut st, &c, bad).unwrap_err();
        assert!(err.to_string().starts_with("minutes: "), "{err}");
    }
    assert!(pause_for(&mut st, &c, MAX_PAUSE_MINUTES).is_ok());
}

#[test]
fn pause_keeps_whole_seconds_and_the_other_settings() {
    let mut st = store();
    set_nudge(&mut st, Weekday::Mon, 9, 0, Some("Europe/Berlin"));
    let until = at("2026-11-20T20:30:00Z") + TimeDelta::milliseconds(750);
    let s = pause(&mut st, until).unwrap();
    assert_eq!(s.paused_until, Some(at("2026-11-20T20:30:00Z")));
    assert_eq!(s.nudge.weekday, Weekday::Mon);
    assert_eq!(s.timezone.as_deref(), Some("Europe/Berlin"));
    assert_eq!(settings::load(&st).unwrap(), s);
}

#[test]
fn reminders_serialise_for_the_shell() {
    let (st, c) = new_york(FRIDAY_NUDGE);
    let json = serde_json::to_value(&due(&st, &c).unwrap()[0]).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "kind": "weekly_nudge",
            "due_at": FRIDAY_NUDGE,
            "title": "Time to appreciate someone?",
            "body": "No kudos given this week. Who helped you lately?",
        })
    );
    assert_eq!(ReminderKind::WeeklyNudge.as_str(), "weekly_nudge");
}

#[test]
fn the_log_records_kind_due_and_fired_instants() {
    let (mut st, c) = new_york("2026-11-20T21:15:00Z");
    show_all(&mut st, &c);
    let row: (String, String, String) = st
        .conn()
        .query_row("SELECT kind, due_at, fired_at FROM reminder_log", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(
        row,
        (
            "weekly_nudge".into(),
            FRIDAY_NUDGE.into(),
            "2026-11-20T21:15:00Z".into()
        )
    );
}
