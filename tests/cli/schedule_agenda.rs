//! Saved meetings: `schedule checkins|social --save`, `schedule
//! agenda`, `schedule done`, `schedule move`, and their reminders through
//! `reminders due`. The test clock is Tuesday 2026-11-24 10:00 UTC.

use std::path::PathBuf;

use serde_json::Value;

use crate::schedule_support::{checkins_args, meetings, pair, social_args};
use crate::support::Fixture;

/// Ana (Berlin, starts Monday 2026-11-30) with her buddy Bo (New York).
fn inputs(f: &Fixture) -> (PathBuf, PathBuf) {
    pair(
        f,
        ("ana@x.org", "Europe/Berlin", "2026-11-30"),
        ("bo@y.org", "America/New_York", "2020-01-06"),
    )
}

/// `schedule checkins … [extra]` on the fixture's database; stdout.
fn checkins(f: &Fixture, extra: &[&str]) -> String {
    let (r, p) = inputs(f);
    f.ok(checkins_args(&r, &p, extra))
}

fn agenda(f: &Fixture, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["schedule", "agenda", "--json"];
    args.extend_from_slice(extra);
    meetings(&f.json(args))
}

fn field<'a>(meetings: &'a [Value], name: &str) -> Vec<&'a str> {
    meetings.iter().map(|m| m[name].as_str().unwrap()).collect()
}

#[test]
fn save_keeps_the_json_and_stores_each_meeting_once() {
    let f = Fixture::new();
    let plain = checkins(&f, &["--json"]);
    assert!(!f.db.exists());
    let saved = checkins(&f, &["--json", "--save"]);
    assert_eq!(saved, plain, "--save must not change the JSON");
    let planned = meetings(&serde_json::from_str(&plain).unwrap());
    let stored = agenda(&f, &[]);
    assert_eq!(field(&stored, "uid"), field(&planned, "uid"));
    assert_eq!(field(&stored, "start"), field(&planned, "start"));
    assert_eq!(field(&stored, "end"), field(&planned, "end"));
    assert!(stored.iter().all(|m| m["status"] == "scheduled"));
    assert_eq!(stored[0]["attendees"][1]["timezone"], "America/New_York");
    assert_eq!(
        stored[0]["local_times"][0]["start"],
        "2026-11-30T15:00:00+01:00"
    );
    // Saved again: nothing new.
    let text = checkins(&f, &["--save"]);
    assert!(
        text.ends_with(&format!(
            "saved: 0 new, 0 updated, {} unchanged\n",
            planned.len()
        )),
        "{text}"
    );
    assert_eq!(agenda(&f, &[]).len(), planned.len());
}

#[test]
fn done_and_move_survive_saving_again() {
    let f = Fixture::new();
    checkins(&f, &["--save"]);
    let before = agenda(&f, &[]);
    let first = before[0]["uid"].as_str().unwrap();
    let second = before[1]["uid"].as_str().unwrap();
    let done = f.json(["schedule", "done", first, "--json"]);
    assert_eq!(done["status"], "done");
    // Day 1 was 14:00-14:30Z on Monday 2026-11-30; week 1 moves to Wednesday 15:15Z.
    let moved = f.json([
        "schedule",
        "move",
        second,
        "--to",
        "2026-12-09T15:15:00Z",
        "--json",
    ]);
    assert_eq!(moved["start"], "2026-12-09T15:15:00Z");
    assert_eq!(moved["end"], "2026-12-09T15:45:00Z", "the length is kept");
    assert_eq!(moved["moved_from"], before[1]["start"]);
    checkins(&f, &["--save"]);
    let after = agenda(&f, &[]);
    assert_eq!(after.len(), before.len());
    let by_uid = |uid: &str| after.iter().find(|m| m["uid"] == uid).unwrap().clone();
    assert_eq!(by_uid(first)["status"], "done");
    assert_eq!(by_uid(second)["start"], "2026-12-09T15:15:00Z");
    let text = f.ok(["schedule", "agenda"]);
    assert!(text.contains(&format!("uid {first}  done")), "{text}");
    assert!(
        text.contains(&format!(
            "uid {second}  scheduled (moved from {})",
            before[1]["start"].as_str().unwrap()
        )),
        "{text}"
    );
}

#[test]
fn a_move_out_of_hours_is_flagged() {
    let f = Fixture::new();
    checkins(&f, &["--save"]);
    let uid = agenda(&f, &[])[0]["uid"].as_str().unwrap().to_owned();
    // 03:00Z: 04:00 in Berlin, 22:00 in New York.
    let out = f.ok(["schedule", "move", &uid, "--to", "2026-12-01T03:00:00Z"]);
    assert!(
        out.starts_with("moved: Buddy check-in: ana & bo (day 1)\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "ana (Europe/Berlin): Tue 2026-12-01 04:00–04:30 +01:00, outside working hours"
        ),
        "{out}"
    );
    let m = &agenda(&f, &[])[0];
    assert_eq!(
        m["outside_hours"],
        serde_json::json!(["ana@x.org", "bo@y.org"])
    );
}

#[test]
fn agenda_from_a_date_starts_at_local_midnight() {
    let f = Fixture::new();
    checkins(&f, &["--save"]);
    let uid = agenda(&f, &[])[0]["uid"].as_str().unwrap().to_owned();
    // Earlier today (08:00Z), so not upcoming at 10:00Z.
    f.ok(["schedule", "move", &uid, "--to", "2026-11-24T08:00:00Z"]);
    assert_ne!(agenda(&f, &[])[0]["uid"], uid.as_str());
    assert_eq!(
        agenda(&f, &["--from", "2026-11-24"])[0]["uid"],
        uid.as_str()
    );
    // In Tokyo, 2026-11-24 begins at 15:00Z the day before; the 25th begins after 08:00Z.
    let tokyo = |from: &str| -> usize {
        let out = f
            .cmd()
            .env("HUGOPS_TZ", "Asia/Tokyo")
            .args(["schedule", "agenda", "--json", "--from", from])
            .assert()
            .success();
        let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        v["meetings"].as_array().unwrap().len()
    };
    assert_eq!(tokyo("2026-11-25") + 1, tokyo("2026-11-24"));
    assert_eq!(
        f.ok(["schedule", "agenda", "--from", "2030-01-01"]),
        "no saved meetings from 2030-01-01T00:00:00Z\n"
    );
}

#[test]
fn social_series_can_be_saved() {
    let f = Fixture::new();
    let (r, _) = inputs(&f);
    let series_flags = ["--every", "week", "--count", "3", "--title", "Games night"];
    let args = social_args(&r, ("60", "2026-12-01", "2026-12-04"), &series_flags);
    let mut with_save = args.clone();
    with_save.extend(["--json", "--save"]);
    let plan = f.json(with_save);
    let stored = agenda(&f, &[]);
    let series = plan["series"].as_array().unwrap();
    assert_eq!(stored.len(), 3);
    assert_eq!(field(&stored, "uid"), field(series, "uid"));
    assert_eq!(field(&stored, "title"), field(series, "title"));
    assert!(stored.iter().all(|m| m["kind"] == "social"));
    let text = f.ok(args.iter().copied().chain(["--save"]));
    assert!(
        text.ends_with("saved: 0 new, 0 updated, 3 unchanged\n"),
        "{text}"
    );
}

#[test]
fn saved_meetings_are_reminded_of_until_done() {
    let f = Fixture::new();
    checkins(&f, &["--save"]);
    let first = &agenda(&f, &[])[0];
    let uid = first["uid"].as_str().unwrap().to_owned();
    assert_eq!(first["start"], "2026-11-30T14:00:00Z");
    let due_at = |now: &str| -> Vec<Value> {
        let out = f
            .cmd()
            .env("HUGOPS_NOW", now)
            .args(["reminders", "due", "--json"])
            .assert()
            .success();
        let all: Vec<Value> = serde_json::from_slice(&out.get_output().stdout).unwrap();
        all.into_iter()
            .filter(|r| r["kind"] != "weekly_nudge")
            .collect()
    };
    assert!(due_at("2026-11-30T13:49:59Z").is_empty());
    let due = due_at("2026-11-30T13:50:00Z");
    assert_eq!(due.len(), 1);
    assert_eq!(due[0]["kind"], format!("meeting:{uid}"));
    assert_eq!(due[0]["uid"], uid.as_str());
    assert_eq!(due[0]["due_at"], "2026-11-30T13:50:00Z");
    assert_eq!(
        due[0]["title"],
        "Buddy check-in: ana & bo (day 1) in 10 min"
    );
    f.ok(["schedule", "done", &uid]);
    assert!(due_at("2026-11-30T13:50:00Z").is_empty());
}

#[test]
fn errors_exit_2_with_one_precise_line() {
    let f = Fixture::new();
    checkins(&f, &["--save"]);
    let uid = agenda(&f, &[])[0]["uid"].as_str().unwrap().to_owned();
    let move_to = |uid: &str, to: &str| f.fails(["schedule", "move", uid, "--to", to]);
    let line = f.fails(["schedule", "done", "nope@hugops"]);
    assert_eq!(line, "hugops: error: meeting `nope@hugops` not found");
    let line = move_to("nope@hugops", "2026-12-01T15:00:00Z");
    assert_eq!(line, "hugops: error: meeting `nope@hugops` not found");
    let line = move_to(&uid, "friday");
    assert_eq!(
        line,
        "hugops: error: to: `friday` is not an instant like 2026-12-01T15:00:00Z"
    );
    let line = f.fails(["schedule", "agenda", "--from", "30/11/2026"]);
    assert!(line.starts_with("hugops: error: from: "), "{line}");
    f.fails(["schedule", "move", &uid]);
    f.ok(["schedule", "done", &uid]);
    let line = move_to(&uid, "2026-12-01T15:00:00Z");
    assert!(
        line.contains("is done; only a scheduled meeting can be moved"),
        "{line}"
    );
}
