//! Saved meetings: upsert by UID without undoing a done or a move, the
//! agenda window, moving with the hours re-checked, unknown UIDs.

use chrono::TimeDelta;

use super::*;
use crate::testing::at;
use crate::testing::people;
use crate::ErrorCode;

/// Ana in Berlin, Bo in New York, both 09:00-17:00.
fn roster() -> Vec<Person> {
    people(&[
        ("ana@x.org", "Europe/Berlin", "09:00-17:00"),
        ("bo@y.org", "America/New_York", "09:00-17:00"),
    ])
}

fn meeting(uid: &str, start: &str, minutes: i64) -> Meeting {
    let start = at(start);
    Meeting {
        uid: uid.into(),
        kind: MeetingKind::Checkin,
        title: format!("Check-in {uid}"),
        start,
        end: start + TimeDelta::minutes(minutes),
        attendees: vec!["ana@x.org".into(), "bo@y.org".into()],
        outside_hours: Vec::new(),
        organizer: "bo@y.org".into(),
    }
}

const NOW: &str = "2026-11-24T10:00:00Z";

fn saved(meetings: &[Meeting]) -> Store {
    let mut st = Store::open_in_memory().unwrap();
    save_meetings(&mut st, meetings, &roster(), at(NOW)).unwrap();
    st
}

fn uids(meetings: &[StoredMeeting]) -> Vec<&str> {
    meetings.iter().map(|m| m.uid.as_str()).collect()
}

fn count(st: &Store) -> i64 {
    st.conn()
        .query_row("SELECT count(*) FROM meetings", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn saving_the_same_schedule_again_adds_nothing() {
    let plan = [
        meeting("a", "2026-12-01T15:00:00Z", 30),
        meeting("b", "2026-12-08T15:00:00Z", 30),
    ];
    let mut st = saved(&plan);
    assert_eq!(count(&st), 2);
    let again = save_meetings(&mut st, &plan, &roster(), at("2026-11-25T10:00:00Z")).unwrap();
    assert_eq!(
        again,
        SaveReport {
            added: 0,
            updated: 0,
            unchanged: 2
        }
    );
    assert_eq!(count(&st), 2);
    let a = get(&st, "a").unwrap();
    assert_eq!(
        a.updated_at,
        at(NOW),
        "an unchanged meeting keeps its stamp"
    );
    assert_eq!(a.status, MeetingStatus::Scheduled);
}

#[test]
fn stored_meeting_keeps_names_zones_and_local_times() {
    let st = saved(&[meeting("a", "2026-12-01T15:00:00Z", 30)]);
    let a = get(&st, "a").unwrap();
    assert_eq!(a.attendees[0].name, "ana");
    assert_eq!(a.attendees[1].timezone.as_deref(), Some("America/New_York"));
    assert_eq!(a.attendees[1].working_hours.as_deref(), Some("09:00-17:00"));
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["start"], "2026-12-01T15:00:00Z");
    assert_eq!(json["status"], "scheduled");
    assert_eq!(json["moved_from"], serde_json::Value::Null);
    assert_eq!(json["local_times"][0]["zone"], "Europe/Berlin");
    assert_eq!(json["local_times"][0]["start"], "2026-12-01T16:00:00+01:00");
    assert_eq!(json["local_times"][1]["end"], "2026-12-01T10:30:00-05:00");
    assert!(a
        .description
        .contains("bo (America/New_York): Tue 2026-12-01 10:00–10:30 -05:00"));
}

#[test]
fn a_changed_plan_updates_a_meeting_still_as_planned() {
    let mut st = saved(&[meeting("a", "2026-12-01T15:00:00Z", 30)]);
    let mut later = meeting("a", "2026-12-01T16:00:00Z", 45);
    later.title = "Renamed".into();
    let report = save_meetings(&mut st, &[later], &roster(), at("2026-11-25T10:00:00Z")).unwrap();
    assert_eq!((report.added, report.updated), (0, 1));
    let a = get(&st, "a").unwrap();
    assert_eq!(
        (a.start, a.end),
        (at("2026-12-01T16:00:00Z"), at("2026-12-01T16:45:00Z"))
    );
    assert_eq!(a.title, "Renamed");
    assert_eq!(a.created_at, at(NOW));
    assert_eq!(a.updated_at, at("2026-11-25T10:00:00Z"));
}

#[test]
fn saving_again_never_undoes_a_done_or_a_move() {
    let plan = [
        meeting("a", "2026-12-01T15:00:00Z", 30),
        meeting("b", "2026-12-08T15:00:00Z", 30),
    ];
    let mut st = saved(&plan);
    mark_done(&mut st, "a", at(NOW)).unwrap();
    let moved = move_meeting(&mut st, "b", at("2026-12-09T14:00:00Z"), at(NOW)).unwrap();
    assert_eq!(moved.moved_from, Some(at("2026-12-08T15:00:00Z")));
    // The plan is saved again, even with another time for both.
    let replanned = [
        meeting("a", "2026-12-01T13:00:00Z", 30),
        meeting("b", "2026-12-08T13:00:00Z", 30),
    ];
    save_meetings(&mut st, &replanned, &roster(), at(NOW)).unwrap();
    let a = get(&st, "a").unwrap();
    assert_eq!(a.status, MeetingStatus::Done);
    assert_eq!(a.start, at("2026-12-01T15:00:00Z"));
    let b = get(&st, "b").unwrap();
    assert_eq!(b.status, MeetingStatus::Scheduled);
    assert_eq!(
        (b.start, b.end),
        (at("2026-12-09T14:00:00Z"), at("2026-12-09T14:30:00Z"))
    );
    assert_eq!(b.moved_from, Some(at("2026-12-08T15:00:00Z")));
    assert_eq!(count(&st), 2);
}

#[test]
fn moving_keeps_the_length_and_rechecks_working_hours() {
    let mut st = saved(&[meeting("a", "2026-12-01T15:00:00Z", 45)]);
    // 03:00Z: 04:00 in Berlin, 22:00 in New York: both outside.
    let m = move_meeting(&mut st, "a", at("2026-12-02T03:00:00Z"), at(NOW)).unwrap();
    assert_eq!(m.end, at("2026-12-02T03:45:00Z"));
    assert_eq!(m.outside_hours, ["ana@x.org", "bo@y.org"]);
    assert!(m.local_times.iter().all(|l| l.outside_hours));
    assert!(m
        .description
        .contains("Wed 2026-12-02 04:00–04:45 +01:00, outside working hours"));
    // 13:30Z: 14:30 in Berlin, 08:30 in New York: only Bo is outside.
    let m = move_meeting(&mut st, "a", at("2026-12-02T13:30:00Z"), at(NOW)).unwrap();
    assert_eq!(m.outside_hours, ["bo@y.org"]);
    assert_eq!(
        m.moved_from,
        Some(at("2026-12-01T15:00:00Z")),
        "the planned start is kept"
    );
    assert_eq!(get(&st, "a").unwrap(), m);
}

#[test]
fn a_move_across_the_new_york_clock_change_uses_the_new_offset() {
    // Friday 2026-10-30 14:00Z is 10:00 EDT; the Monday after, 14:00Z is 09:00 EST.
    let mut st = saved(&[meeting("a", "2026-10-30T14:00:00Z", 30)]);
    let m = move_meeting(&mut st, "a", at("2026-11-02T13:30:00Z"), at(NOW)).unwrap();
    assert_eq!(
        m.outside_hours,
        ["bo@y.org"],
        "08:30 EST is before Bo's hours"
    );
    let m = move_meeting(&mut st, "a", at("2026-11-02T14:00:00Z"), at(NOW)).unwrap();
    assert!(m.outside_hours.is_empty());
}

#[test]
fn attendees_missing_from_the_roster_are_kept_by_email() {
    let mut st = Store::open_in_memory().unwrap();
    let mut m = meeting("a", "2026-12-01T15:00:00Z", 30);
    m.attendees.push("cy@z.org".into());
    save_meetings(&mut st, &[m], &roster(), at(NOW)).unwrap();
    let m = move_meeting(&mut st, "a", at("2026-12-02T03:00:00Z"), at(NOW)).unwrap();
    assert_eq!(m.attendees[2].name, "cy@z.org");
    assert_eq!(m.attendees[2].timezone, None);
    assert_eq!(m.local_times.len(), 2);
    assert_eq!(m.outside_hours, ["ana@x.org", "bo@y.org"]);
}

#[test]
fn a_move_to_the_end_of_time_is_refused_not_a_panic() {
    let mut st = saved(&[meeting("a", "2026-12-01T15:00:00Z", 30)]);
    let last = DateTime::<Utc>::MAX_UTC - TimeDelta::minutes(10);
    let err = move_meeting(&mut st, "a", last, at(NOW)).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert_eq!(get(&st, "a").unwrap().start, at("2026-12-01T15:00:00Z"));
    let err = move_meeting(&mut st, "a", at("9999-12-31T23:59:00Z"), at(NOW)).unwrap_err();
    assert!(err.to_string().contains("after the year 9999"), "{err}");
    let far = move_meeting(&mut st, "a", at("9999-12-31T23:00:00Z"), at(NOW)).unwrap();
    assert_eq!(far.end, at("9999-12-31T23:30:00Z"));
    assert_eq!(agenda(&st, at(NOW), None).unwrap(), [far]);
}

#[test]
fn only_scheduled_meetings_move() {
    let mut st = saved(&[meeting("a", "2026-12-01T15:00:00Z", 30)]);
    cancel(&mut st, "a", at(NOW)).unwrap();
    let err = move_meeting(&mut st, "a", at("2026-12-02T15:00:00Z"), at(NOW)).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().contains("`a` is cancelled"), "{err}");
    assert_eq!(get(&st, "a").unwrap().start, at("2026-12-01T15:00:00Z"));
}

#[test]
fn unknown_uids_are_not_found_and_named() {
    let mut st = saved(&[meeting("a", "2026-12-01T15:00:00Z", 30)]);
    let errors = [
        get(&st, "nope@hugops").unwrap_err(),
        mark_done(&mut st, "nope@hugops", at(NOW)).unwrap_err(),
        move_meeting(&mut st, "nope@hugops", at(NOW), at(NOW)).unwrap_err(),
    ];
    for err in errors {
        assert_eq!(err.code(), ErrorCode::NotFound);
        assert_eq!(err.to_string(), "meeting `nope@hugops` not found");
    }
    assert_eq!(get(&st, "a").unwrap().status, MeetingStatus::Scheduled);
}

#[test]
fn agenda_lists_meetings_not_ended_soonest_first() {
    let st = saved(&[
        meeting("late", "2026-12-08T15:00:00Z", 30),
        meeting("past", "2026-11-20T15:00:00Z", 30),
        meeting("ongoing", "2026-11-24T09:45:00Z", 30),
        meeting("soon", "2026-11-25T15:00:00Z", 30),
    ]);
    assert_eq!(
        uids(&agenda(&st, at(NOW), None).unwrap()),
        ["ongoing", "soon", "late"]
    );
    assert_eq!(
        uids(&agenda(&st, at(NOW), Some(at("2026-12-08T15:00:00Z"))).unwrap()),
        ["ongoing", "soon"]
    );
    assert_eq!(
        uids(&agenda(&st, at("2026-11-01T00:00:00Z"), None).unwrap()).len(),
        4
    );
}

#[test]
fn next_meeting_skips_past_done_and_cancelled_ones() {
    let mut st = saved(&[
        meeting("past", "2026-11-20T15:00:00Z", 30),
        meeting("done", "2026-11-25T15:00:00Z", 30),
        meeting("cancelled", "2026-11-26T15:00:00Z", 30),
        meeting("next", "2026-11-27T15:00:00Z", 30),
    ]);
    mark_done(&mut st, "done", at(NOW)).unwrap();
    cancel(&mut st, "cancelled", at(NOW)).unwrap();
    let next = next_meeting(&st, at(NOW)).unwrap().unwrap();
    assert_eq!(next.uid, "next");
    assert_eq!(next_meeting(&st, at("2026-11-27T15:00:01Z")).unwrap(), None);
    // Done stays listed in the agenda, with its status.
    let all = agenda(&st, at(NOW), None).unwrap();
    assert_eq!(all[0].status, MeetingStatus::Done);
}

#[test]
fn a_corrupt_row_is_an_error_not_a_panic() {
    let st = saved(&[meeting("a", "2026-12-01T15:00:00Z", 30)]);
    st.conn()
        .execute(r#"UPDATE meetings SET "start" = 'tomorrow'"#, [])
        .unwrap();
    assert_eq!(get(&st, "a").unwrap_err().code(), ErrorCode::Storage);
}
