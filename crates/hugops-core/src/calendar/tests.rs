//! Behaviour of [`super::parse`] on small calendars, one feature each.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::*;

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

/// `events` wrapped in a VCALENDAR, expanded over 2024.
fn expand(events: &str) -> Result<Expanded> {
    let text = format!("BEGIN:VCALENDAR\nVERSION:2.0\n{events}END:VCALENDAR\n");
    parse(
        Path::new("t.ics"),
        &text,
        utc("2024-01-01T00:00:00Z"),
        utc("2025-01-01T00:00:00Z"),
    )
}

fn starts(expanded: &Expanded) -> Vec<String> {
    expanded
        .events
        .iter()
        .map(|e| e.start.format("%Y-%m-%d %H:%M").to_string())
        .collect()
}

fn error(events: &str) -> String {
    expand(events).unwrap_err().to_string()
}

#[test]
fn dtend_duration_or_neither_set_the_end() {
    let got = expand(
        "BEGIN:VEVENT\nUID:a\nDTSTART:20240105T090000Z\nDTEND:20240105T100000Z\nEND:VEVENT\n\
         BEGIN:VEVENT\nUID:b\nDTSTART:20240106T090000Z\nDURATION:PT45M\nEND:VEVENT\n\
         BEGIN:VEVENT\nUID:c\nDTSTART:20240107T090000Z\nEND:VEVENT\n",
    )
    .unwrap();
    let ends: Vec<_> = got
        .events
        .iter()
        .map(|e| (e.end - e.start).num_minutes())
        .collect();
    assert_eq!(ends, [60, 45, 0]);
}

#[test]
fn only_instances_overlapping_the_period_are_returned() {
    let got = expand(
        "BEGIN:VEVENT\nUID:a\nSUMMARY:Night shift\nDTSTART:20231231T200000Z\nDTEND:20240101T080000Z\nEND:VEVENT\n\
         BEGIN:VEVENT\nUID:b\nDTSTART:20231231T100000Z\nDTEND:20240101T000000Z\nEND:VEVENT\n\
         BEGIN:VEVENT\nUID:c\nDTSTART:20250101T000000Z\nEND:VEVENT\n",
    )
    .unwrap();
    assert_eq!(got.events.len(), 1);
    assert_eq!(got.events[0].summary, "Night shift");
}

#[test]
fn weekly_rule_in_a_zone_keeps_local_time_across_dst() {
    let got = expand(
        "BEGIN:VEVENT\nUID:r\nDTSTART;TZID=Europe/Berlin:20240325T090000\n\
         DTEND;TZID=Europe/Berlin:20240325T100000\nRRULE:FREQ=WEEKLY;BYDAY=MO;INTERVAL=1;COUNT=3\nEND:VEVENT\n\
         BEGIN:VEVENT\nUID:u\nDTSTART;TZID=Europe/Berlin:20240102T090000\nRRULE:FREQ=DAILY;UNTIL=20240103T080000Z\nEND:VEVENT\n",
    )
    .unwrap();
    assert_eq!(
        starts(&got),
        [
            "2024-01-02 08:00",
            "2024-01-03 08:00",
            "2024-03-25 08:00",
            "2024-04-01 07:00",
            "2024-04-08 07:00"
        ]
    );
}

#[test]
fn exdates_in_comma_lists_and_repeated_lines_and_rdates_apply() {
    let got = expand(
        "BEGIN:VEVENT\nUID:r\nDTSTART:20240101T090000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=5\n\
         EXDATE:20240102T090000Z,20240103T090000Z\nEXDATE:20240105T090000Z\n\
         RDATE:20240110T120000Z\nRDATE;VALUE=PERIOD:20240111T120000Z/PT2H\nEND:VEVENT\n",
    )
    .unwrap();
    assert_eq!(
        starts(&got),
        [
            "2024-01-01 09:00",
            "2024-01-04 09:00",
            "2024-01-10 12:00",
            "2024-01-11 12:00"
        ]
    );
    assert_eq!((got.events[3].end - got.events[3].start).num_hours(), 2);
}

#[test]
fn a_recurrence_id_override_replaces_its_instance_and_a_cancelled_one_removes_it() {
    let got = expand(
        "BEGIN:VEVENT\nUID:r\nSUMMARY:Standup\nDTSTART;TZID=Europe/London:20240101T090000\nDURATION:PT15M\nRRULE:FREQ=DAILY;COUNT=3\nEND:VEVENT\n\
         BEGIN:VEVENT\nUID:r\nSUMMARY:Standup (moved)\nRECURRENCE-ID;TZID=Europe/London:20240102T090000\n\
         DTSTART;TZID=Europe/London:20240102T110000\nDTEND;TZID=Europe/London:20240102T111500\nEND:VEVENT\n\
         BEGIN:VEVENT\nUID:r\nSTATUS:CANCELLED\nRECURRENCE-ID:20240103T090000Z\nDTSTART:20240103T090000Z\nEND:VEVENT\n",
    )
    .unwrap();
    let got: Vec<_> = got
        .events
        .iter()
        .map(|e| (e.start.format("%d %H:%M").to_string(), e.summary.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("01 09:00".to_owned(), "Standup"),
            ("02 11:00".to_owned(), "Standup (moved)")
        ]
    );
}

#[test]
fn windows_tzids_are_mapped_to_iana_zones() {
    let got = expand(
        "BEGIN:VEVENT\nUID:w\nDTSTART;TZID=\"Pacific Standard Time\":20240701T090000\nEND:VEVENT\n\
         BEGIN:VEVENT\nUID:g\nDTSTART;TZID=GMT Standard Time:20240701T090000\nEND:VEVENT\n\
         BEGIN:VEVENT\nUID:e\nDTSTART;TZID=W. Europe Standard Time:20240701T090000\nEND:VEVENT\n",
    )
    .unwrap();
    assert_eq!(
        starts(&got),
        ["2024-07-01 07:00", "2024-07-01 08:00", "2024-07-01 16:00"]
    );
}

#[test]
fn an_unknown_tzid_uses_the_offsets_of_its_vtimezone() {
    let got = expand(
        "BEGIN:VTIMEZONE\nTZID:(UTC+05:30) Chennai\nBEGIN:STANDARD\nDTSTART:16010101T000000\n\
         TZOFFSETFROM:+0530\nTZOFFSETTO:+0530\nEND:STANDARD\nEND:VTIMEZONE\n\
         BEGIN:VEVENT\nUID:c\nDTSTART;TZID=\"(UTC+05:30) Chennai\":20240701T093000\nEND:VEVENT\n",
    )
    .unwrap();
    assert_eq!(starts(&got), ["2024-07-01 04:00"]);
}

#[test]
fn an_unknown_tzid_without_vtimezone_names_line_and_property() {
    let message =
        error("BEGIN:VEVENT\nUID:x\nDTSTART;TZID=Mars/Olympus:20240701T090000\nEND:VEVENT\n");
    assert_eq!(
        message,
        "t.ics: line 5: field `DTSTART`: unknown time zone `Mars/Olympus`: not an IANA or Windows name, and no VTIMEZONE defines it"
    );
}

/// Found by the `icalendar` fuzz target: a multi-byte character in a rule
/// made the rrule crate panic (it slices the rule by bytes).
#[test]
fn a_non_ascii_recurrence_rule_is_an_error_not_a_panic() {
    let message = error(
        "BEGIN:VEVENT\nUID:r\nDTSTART:20240101T090000Z\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=\u{12c}U\nEND:VEVENT\n",
    );
    assert_eq!(
        message,
        "t.ics: line 6: field `RRULE`: `\u{12c}` is not allowed in a recurrence rule (ASCII only)"
    );
}

#[test]
fn all_day_and_floating_events_are_skipped_not_guessed() {
    let got = expand(
        "BEGIN:VEVENT\nUID:d\nSUMMARY:Holiday\nDTSTART;VALUE=DATE:20240501\nEND:VEVENT\n\
         BEGIN:VEVENT\nUID:f\nSUMMARY:Lunch\nDTSTART:20240501T120000\nEND:VEVENT\n\
         BEGIN:VEVENT\nUID:o\nSUMMARY:Long ago\nDTSTART;VALUE=DATE:20100501\nEND:VEVENT\n",
    )
    .unwrap();
    assert!(got.events.is_empty());
    let skipped: Vec<_> = got
        .skipped
        .iter()
        .map(|s| (s.summary.as_str(), s.reason))
        .collect();
    assert_eq!(
        skipped,
        [
            ("Holiday", SkipReason::AllDay),
            ("Lunch", SkipReason::Floating)
        ]
    );
    assert_eq!(
        serde_json::to_string(&SkipReason::AllDay).unwrap(),
        "\"all-day\""
    );
}

#[test]
fn attendees_and_organizer_are_lowercased_mail_addresses() {
    let got = expand(
        "BEGIN:VEVENT\nUID:a\nSUMMARY:Sync\\, weekly\nDTSTART:20240105T090000Z\n\
         ORGANIZER;CN=Ann:MAILTO:Ann@Example.com\nATTENDEE;CN=Bo:mailto:BO@example.com\n\
         ATTENDEE:urn:uuid:1234\nATTENDEE;CN=Long\n name:mailto:c@example.com\nEND:VEVENT\n",
    )
    .unwrap();
    let event = &got.events[0];
    assert_eq!(event.summary, "Sync, weekly");
    assert_eq!(event.organizer.as_deref(), Some("ann@example.com"));
    assert_eq!(event.attendees, ["bo@example.com", "c@example.com"]);
    assert_eq!(event.uid, "a");
}

#[test]
fn bad_values_name_their_line_and_property() {
    assert_eq!(
        error("BEGIN:VEVENT\nUID:x\nDTSTART:20240701T090000Z\nDTEND:soon\nEND:VEVENT\n"),
        "t.ics: line 6: field `DTEND`: `soon` is not a date-time (YYYYMMDDTHHMMSS)"
    );
    assert_eq!(
        error("BEGIN:VEVENT\nUID:x\nSUMMARY:no start\nEND:VEVENT\n"),
        "t.ics: line 3: field `DTSTART`: VEVENT has no DTSTART"
    );
    assert!(error(
        "BEGIN:VEVENT\nUID:x\nDTSTART:20240701T090000Z\nRRULE:FREQ=DAILY;COUNT=x\nEND:VEVENT\n"
    )
    .starts_with("t.ics: line 6: field `RRULE`: "));
    assert_eq!(
        error("BEGIN:VEVENT\nUID:x\nDTSTART:20240701T090000Z\nDURATION:1 hour\nEND:VEVENT\n"),
        "t.ics: line 6: field `DURATION`: `1 hour` is not a duration such as PT1H30M or P1D"
    );
}

#[test]
fn a_file_that_is_not_a_calendar_is_an_error() {
    let err = parse(
        Path::new("t.ics"),
        "hello: world\n",
        utc("2024-01-01T00:00:00Z"),
        utc("2024-02-01T00:00:00Z"),
    );
    assert_eq!(
        err.unwrap_err().to_string(),
        "t.ics: line 1: field `HELLO`: property outside any BEGIN/END block"
    );
}

#[test]
fn a_date_exdate_removes_the_occurrences_of_that_day() {
    let got = expand(
        "BEGIN:VEVENT\nUID:r\nDTSTART:20240609T030000Z\nRRULE:FREQ=DAILY;COUNT=3\n\
         EXDATE;VALUE=DATE:20240610\nEND:VEVENT\n",
    )
    .unwrap();
    assert_eq!(starts(&got), ["2024-06-09 03:00", "2024-06-11 03:00"]);
}

#[test]
fn an_override_is_one_instance_even_with_its_own_rules() {
    let got = expand(
        "BEGIN:VEVENT\nUID:o\nRECURRENCE-ID:20240327T130000Z\nDTSTART:20240327T130000Z\n\
         RRULE:FREQ=DAILY;COUNT=3\nRDATE:20240401T130000Z\nEND:VEVENT\n",
    )
    .unwrap();
    assert_eq!(starts(&got), ["2024-03-27 13:00"]);
}

#[test]
fn a_rule_with_too_many_occurrences_in_the_period_is_refused() {
    let message =
        error("BEGIN:VEVENT\nUID:m\nDTSTART:20240101T000000Z\nRRULE:FREQ=MINUTELY\nEND:VEVENT\n");
    assert!(
        message.starts_with("t.ics: line 6: field `RRULE`: more than 65535 occurrences"),
        "{message}"
    );
}

#[test]
fn a_utc_exdate_removes_the_instance_of_a_zoned_event_at_that_instant() {
    let got = expand(
        "BEGIN:VEVENT\nUID:z\nDTSTART;TZID=America/New_York:20240309T090000\nRRULE:FREQ=DAILY;COUNT=3\n\
         EXDATE:20240311T130000Z\nEND:VEVENT\n",
    )
    .unwrap();
    // 09:00 is 14:00Z before the DST change of 10 March and 13:00Z after.
    assert_eq!(starts(&got), ["2024-03-09 14:00", "2024-03-10 13:00"]);
}

#[test]
fn an_empty_period_is_refused() {
    let at = utc("2024-01-01T00:00:00Z");
    let err = parse(
        Path::new("t.ics"),
        "BEGIN:VCALENDAR\nEND:VCALENDAR\n",
        at,
        at,
    )
    .unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::InvalidInput);
}

#[test]
fn read_path_reports_a_missing_file_as_io() {
    let at = utc("2024-01-01T00:00:00Z");
    let err = read_path(
        Path::new("/nonexistent/calendar.ics"),
        at,
        at + chrono::Duration::days(1),
    )
    .unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::Io);
}

/// A daily 09:00 standup, 5 times from 1 January 2024, and `changes`.
fn standup_with(changes: &str) -> Vec<String> {
    let got = expand(&format!(
        "BEGIN:VEVENT\nUID:s\nSUMMARY:Standup\nDTSTART:20240101T090000Z\nDTEND:20240101T091500Z\n\
         RRULE:FREQ=DAILY;COUNT=5\nEND:VEVENT\n{changes}"
    ))
    .unwrap();
    got.events
        .iter()
        .map(|e| {
            format!(
                "{} {} {}",
                e.start.format("%d %H:%M"),
                e.end.format("%H:%M"),
                e.summary
            )
        })
        .collect()
}

#[test]
fn a_this_and_future_override_moves_every_later_instance() {
    // As Python's recurring_ical_events expands the same calendar.
    let got = standup_with(
        "BEGIN:VEVENT\nUID:s\nSUMMARY:Later\nRECURRENCE-ID;RANGE=THISANDFUTURE:20240103T090000Z\n\
         DTSTART:20240103T110000Z\nDTEND:20240103T113000Z\nEND:VEVENT\n",
    );
    assert_eq!(
        got,
        [
            "01 09:00 09:15 Standup",
            "02 09:00 09:15 Standup",
            "03 11:00 11:30 Later",
            "04 11:00 11:30 Later",
            "05 11:00 11:30 Later"
        ]
    );
}

#[test]
fn a_cancelled_this_and_future_override_ends_the_series() {
    let got = standup_with(
        "BEGIN:VEVENT\nUID:s\nSTATUS:CANCELLED\nRECURRENCE-ID;RANGE=THISANDFUTURE:20240104T090000Z\n\
         DTSTART:20240104T090000Z\nEND:VEVENT\n",
    );
    assert_eq!(
        got,
        [
            "01 09:00 09:15 Standup",
            "02 09:00 09:15 Standup",
            "03 09:00 09:15 Standup"
        ]
    );
}
