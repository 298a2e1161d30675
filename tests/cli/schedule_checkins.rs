//! `hugops schedule checkins`: the contract of its "Command line"
//! section, on the time zones the issue lists.

use std::path::Path;

use serde_json::Value;

use crate::schedule_ics::json_with_ics;
use crate::schedule_support::{arg, checkins_args, meetings, pair, pairs, roster};
use crate::support::Fixture;

/// `schedule checkins --roster R --pairs P --today 2026-01-01 --json --ics`,
/// with the calendar file checked against the JSON.
fn plan(f: &Fixture, roster: &Path, pairs: &Path) -> Vec<Value> {
    let args = checkins_args(roster, pairs, &["--today", "2026-01-01"]);
    meetings(&json_with_ics(f, &args, "meetings"))
}

/// The meeting whose title is `Buddy check-in: <joiner> & <buddy> (<step>)`.
fn find<'a>(meetings: &'a [Value], joiner: &str, buddy: &str, step: &str) -> &'a Value {
    let title = format!("Buddy check-in: {joiner} & {buddy} ({step})");
    meetings
        .iter()
        .find(|m| m["title"] == title.as_str())
        .unwrap_or_else(|| panic!("no meeting {title}"))
}

fn start(m: &Value) -> &str {
    m["start"].as_str().unwrap()
}

fn end(m: &Value) -> &str {
    m["end"].as_str().unwrap()
}

/// Asserts the start of each `(joiner, buddy, step, start)` meeting.
fn assert_starts(meetings: &[Value], expected: &[(&str, &str, &str, &str)]) {
    for (joiner, buddy, step, at) in expected {
        let m = find(meetings, joiner, buddy, step);
        assert_eq!(start(m), *at, "{joiner} & {buddy} ({step})");
    }
}

fn all_in_hours(meetings: &[Value]) -> bool {
    meetings
        .iter()
        .all(|m| m["outside_hours"] == serde_json::json!([]))
}

#[test]
fn json_shape_and_contract_fields() {
    let f = Fixture::new();
    let r = roster(
        &f,
        &[
            ("ana@x.org", "Europe/Berlin", "2026-11-30"),
            ("bo@y.org", "America/New_York", "2020-01-06"),
        ],
    );
    let p = pairs(&f, &[("ANA@x.org", "bo@y.org")]);
    let m = plan(&f, &r, &p);
    assert_eq!(m.len(), 6);
    let keys: Vec<&String> = m[0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "attendees",
            "end",
            "kind",
            "outside_hours",
            "start",
            "title",
            "uid"
        ]
    );
    assert_eq!(m[0]["kind"], "checkin");
    assert_eq!(
        m[0]["attendees"],
        serde_json::json!(["ana@x.org", "bo@y.org"])
    );
    assert_eq!(m[0]["outside_hours"], serde_json::json!([]));
    assert_eq!(m[0]["title"], "Buddy check-in: ana & bo (day 1)");
    assert!(m[0]["uid"].as_str().unwrap().ends_with("@hugops"));
    // Berlin 08:00-16:00Z, New York 14:00-22:00Z: 14:00Z, 30 minutes.
    assert_eq!(
        (start(&m[0]), end(&m[0])),
        ("2026-11-30T14:00:00Z", "2026-11-30T14:30:00Z")
    );
    assert_starts(&m, &[("ana", "bo", "week 12", "2027-02-22T14:00:00Z")]);
    assert!(!f.db.exists(), "--pairs must not create the database");
}

#[test]
fn daylight_saving_changes() {
    let f = Fixture::new();
    let r = roster(
        &f,
        &[
            ("ny1@x", "America/New_York", "2026-03-01"),
            ("be1@x", "Europe/Berlin", "2020-01-06"),
            ("ny2@x", "America/New_York", "2026-10-26"),
            ("be2@x", "Europe/Berlin", "2026-03-23"),
            ("ko1@x", "Asia/Kolkata", "2020-01-06"),
            ("sy1@x", "Australia/Sydney", "2026-03-30"),
            ("tk1@x", "Asia/Tokyo", "2020-01-06"),
        ],
    );
    // Tokyo works 07:00-15:00 so that Sydney's 09:00 decides the start.
    let text = std::fs::read_to_string(&r).unwrap().replace(
        "tk1,tk1@x,Team6,Asia/Tokyo,2020-01-06,09:00-17:00",
        "tk1,tk1@x,Team6,Asia/Tokyo,2020-01-06,07:00-15:00",
    );
    std::fs::write(&r, text).unwrap();
    let p = pairs(
        &f,
        &[
            ("ny1@x", "be1@x"),
            ("ny2@x", "be1@x"),
            ("be2@x", "ko1@x"),
            ("sy1@x", "tk1@x"),
        ],
    );
    let m = plan(&f, &r, &p);
    assert_starts(
        &m,
        &[
            // New York springs forward on Sunday 2026-03-08: Monday 09:00 EDT is 13:00Z.
            ("ny1", "be1", "day 1", "2026-03-02T14:00:00Z"),
            ("ny1", "be1", "week 1", "2026-03-09T13:00:00Z"),
            // New York falls back on Sunday 2026-11-01.
            ("ny2", "be1", "day 1", "2026-10-26T13:00:00Z"),
            ("ny2", "be1", "week 1", "2026-11-02T14:00:00Z"),
            // Berlin springs forward on 2026-03-29 (Kolkata has no DST).
            ("be2", "ko1", "day 1", "2026-03-23T08:00:00Z"),
            ("be2", "ko1", "week 1", "2026-03-30T07:00:00Z"),
            // Sydney leaves summer time on 2026-04-05.
            ("sy1", "tk1", "day 1", "2026-03-29T22:00:00Z"),
            ("sy1", "tk1", "week 1", "2026-04-05T23:00:00Z"),
        ],
    );
    assert!(all_in_hours(&m));
    let starts: Vec<&str> = m.iter().map(start).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "sorted by start");
}

#[test]
fn half_and_quarter_hour_zones() {
    let f = Fixture::new();
    let r = roster(
        &f,
        &[
            ("km@x", "Asia/Kathmandu", "2026-12-01"),
            ("ko@x", "Asia/Kolkata", "2020-01-06"),
            ("sj@x", "America/St_Johns", "2026-12-01"),
            ("be@x", "Europe/Berlin", "2020-01-06"),
        ],
    );
    let p = pairs(&f, &[("km@x", "ko@x"), ("sj@x", "be@x")]);
    let m = plan(&f, &r, &p);
    assert_starts(
        &m,
        &[
            // Kathmandu 09:00 is 03:15Z, Kolkata 09:00 is 03:30Z.
            ("km", "ko", "day 1", "2026-12-01T03:30:00Z"),
            // St John's 09:00 NST is 12:30Z; Berlin works until 16:00Z.
            ("sj", "be", "day 1", "2026-12-01T12:30:00Z"),
        ],
    );
}

#[test]
fn no_overlap_kolkata_los_angeles_is_flagged_and_shared() {
    let f = Fixture::new();
    let (r, p) = pair(
        &f,
        ("ko@x", "Asia/Kolkata", "2026-11-30"),
        ("la@x", "America/Los_Angeles", "2020-01-06"),
    );
    let m = plan(&f, &r, &p);
    assert_eq!(m.len(), 6);
    let outside: Vec<&str> = m
        .iter()
        .map(|m| {
            let o = m["outside_hours"].as_array().unwrap();
            assert_eq!(o.len(), 1, "{m}");
            o[0].as_str().unwrap()
        })
        .collect();
    let ko = outside.iter().filter(|e| **e == "ko@x").count();
    assert_eq!(ko, 3, "the burden is shared: {outside:?}");
    assert!(outside.windows(2).all(|w| w[0] != w[1]), "{outside:?}");
}

#[test]
fn auckland_los_angeles_meet_on_a_weekday_for_both() {
    let f = Fixture::new();
    let (r, p) = pair(
        &f,
        ("nz@x", "Pacific/Auckland", "2026-11-30"),
        ("la@x", "America/Los_Angeles", "2020-01-06"),
    );
    let m = plan(&f, &r, &p);
    // Auckland's Monday 09:00 is Sunday in Los Angeles: Tuesday 09:00 NZDT.
    assert_eq!(start(&m[0]), "2026-11-30T20:00:00Z");
    assert!(all_in_hours(&m));
}

#[test]
fn past_check_ins_are_skipped_and_uids_are_stable() {
    let f = Fixture::new();
    let (r, p) = pair(
        &f,
        ("a@x", "UTC", "2026-11-02"),
        ("b@x", "UTC", "2020-01-06"),
    );
    let run = |today: Option<&str>| -> Vec<Value> {
        let mut args = checkins_args(&r, &p, &["--json"]);
        if let Some(t) = today {
            args.extend(["--today", t]);
        }
        meetings(&f.json(&args))
    };
    let all = run(Some("2026-11-02"));
    // The fixed clock's today is 2026-11-24: day 1, week 1 and week 2 are past.
    let now = run(None);
    assert_eq!(now.len(), 3);
    assert_eq!(now, all[3..]);
}

#[test]
fn pairs_from_hugops_match_feed_checkins() {
    let f = Fixture::new();
    let r = roster(
        &f,
        &[
            ("new@x", "Europe/Berlin", "2026-11-23"),
            ("old@x", "Europe/Lisbon", "2020-01-06"),
        ],
    );
    let out = f.ok([
        "match",
        "--roster",
        arg(&r),
        "--today",
        "2026-11-24",
        "--json",
    ]);
    let p = f.write("match.json", out);
    let m = meetings(&f.json(checkins_args(&r, &p, &["--json"])));
    // Day 1 (2026-11-23) is past; week 1 is Monday 2026-11-30, Lisbon 09:00 = 09:00Z.
    assert_eq!(m.len(), 5);
    assert_eq!(m[0]["attendees"], serde_json::json!(["new@x", "old@x"]));
    assert_eq!(start(&m[0]), "2026-11-30T09:00:00Z");
}

#[test]
fn settings_and_accepted_pairs_come_from_the_database() {
    let f = Fixture::new();
    let r = roster(
        &f,
        &[("a@x", "UTC", "2026-12-01"), ("b@x", "UTC", "2020-01-06")],
    );
    f.ok(["settings", "set", "schedule.checkin_minutes", "45"]);
    f.ok(["settings", "set", "schedule.cadence", "day 1, week 3"]);
    let conn = rusqlite::Connection::open(&f.db).unwrap();
    conn.execute(
        "INSERT INTO pairings (joiner_email, buddy_email, paired_on, score, reasons, source, created_at)
         VALUES ('a@x', 'b@x', '2026-11-24', 0.5, '[]', 'accepted', '2026-11-24T10:00:00Z'),
                ('b@x', 'a@x', '2026-11-24', NULL, '[]', 'history', '2026-11-24T10:00:00Z')",
        [],
    )
    .unwrap();
    let args = ["schedule", "checkins", "--roster", arg(&r), "--accepted"];
    let m = meetings(&json_with_ics(&f, &args, "meetings"));
    let summary: Vec<(&str, &str, &str)> = m
        .iter()
        .map(|m| (m["title"].as_str().unwrap(), start(m), end(m)))
        .collect();
    assert_eq!(
        summary,
        [
            (
                "Buddy check-in: a & b (day 1)",
                "2026-12-01T09:00:00Z",
                "2026-12-01T09:45:00Z"
            ),
            (
                "Buddy check-in: a & b (week 3)",
                "2026-12-22T09:00:00Z",
                "2026-12-22T09:45:00Z"
            ),
        ]
    );
    // --pairs also follows the settings of an existing database.
    let p = pairs(&f, &[("a@x", "b@x")]);
    let m = meetings(&f.json(checkins_args(&r, &p, &["--json"])));
    assert_eq!(m.len(), 2);
}

#[test]
fn text_output_is_an_agenda_with_local_times() {
    let f = Fixture::new();
    let (r, p) = pair(
        &f,
        ("ko@x", "Asia/Kolkata", "2026-11-30"),
        ("la@x", "America/Los_Angeles", "2020-01-06"),
    );
    let ics = f.path("c.ics");
    let text = f.ok(checkins_args(&r, &p, &["--ics", arg(&ics)]));
    assert!(text.contains("Buddy check-in: ko & la (day 1)"), "{text}");
    assert!(
        text.contains(
            "ko (Asia/Kolkata): Tue 2026-12-01 06:00–06:30 +05:30, outside working hours"
        ),
        "{text}"
    );
    assert!(
        text.contains("la (America/Los_Angeles): Mon 2026-11-30 16:30–17:00 -08:00\n"),
        "{text}"
    );
    assert!(
        text.ends_with(&format!("wrote 6 meetings to {}\n", ics.display())),
        "{text}"
    );
}

#[test]
fn errors_exit_2_with_one_precise_line() {
    let f = Fixture::new();
    let r = roster(
        &f,
        &[("a@x", "UTC", "2026-12-01"), ("b@x", "UTC", "2020-01-06")],
    );
    let bad = f.write(
        "bad.json",
        "{\n  \"pairs\": [\n    {\"joiner\": \"a@x\"}\n  ]\n}\n",
    );
    let line = f.fails(checkins_args(&r, &bad, &[]));
    assert!(
        line.ends_with("bad.json: line 3: field `buddy`: missing"),
        "{line}"
    );
    let syntax = f.write("syntax.json", "{\"pairs\": [\n{\"joiner\": \"a@x\",,}]}");
    let line = f.fails(checkins_args(&r, &syntax, &[]));
    assert!(line.contains("syntax.json: line 2: invalid JSON"), "{line}");
    let unknown = pairs(&f, &[("a@x", "zed@x"), ("yo@x", "b@x")]);
    let line = f.fails(checkins_args(&r, &unknown, &[]));
    assert!(line.ends_with("not in the roster: zed@x, yo@x"), "{line}");
    let p = pairs(&f, &[("a@x", "b@x")]);
    let line = f.fails(checkins_args(&r, &p, &["--today", "2026-13-01"]));
    assert!(
        line.contains("today: `2026-13-01` is not a valid date"),
        "{line}"
    );
    f.fails(["schedule", "checkins", "--roster", arg(&r)]);
    f.fails(checkins_args(&r, &p, &["--accepted"]));
    let line = f.fails(checkins_args(Path::new("missing.csv"), &p, &[]));
    assert!(line.contains("missing.csv"), "{line}");
    let nowhere = f.path("no/such/dir/out.ics");
    let line = f.fails(checkins_args(&r, &p, &["--json", "--ics", arg(&nowhere)]));
    assert!(line.contains("out.ics"), "{line}");
    assert!(!f.db.exists());
}
