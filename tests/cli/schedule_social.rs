//! `hugops schedule social`: ranked slots and a fair series.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::Value;

use crate::schedule_ics::json_with_ics;
use crate::schedule_support::{social_args, Window};
use crate::support::Fixture;

/// A 30-minute social on Wednesday 2026-12-02.
const HALF_HOUR_ON_DEC_2: Window = ("30", "2026-12-02", "2026-12-02");

/// New York (team Core), Berlin (team core), Kolkata (team Ops), 09:00-17:00:
/// no time suits all three.
fn roster(f: &Fixture) -> PathBuf {
    f.write(
        "roster.csv",
        "name,email,team,timezone,start_date,working_hours\n\
         Ny,ny@x.org,Core,America/New_York,2020-01-06,09:00-17:00\n\
         Be,be@x.org,core,Europe/Berlin,2020-01-06,09:00-17:00\n\
         Ko,ko@x.org,Ops,Asia/Kolkata,2020-01-06,09:00-17:00\n",
    )
}

/// `schedule social` on [`roster`] with `--json --ics`, the calendar file
/// checked against the JSON's series; returns the JSON.
fn social(f: &Fixture, window: Window, extra: &[&str]) -> Value {
    let r = roster(f);
    json_with_ics(f, &social_args(&r, window, extra), "series")
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect()
}

#[test]
fn everyone_ranked_slots() {
    let f = Fixture::new();
    let v = social(&f, HALF_HOUR_ON_DEC_2, &["--top", "3"]);
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["outside_hours_count", "series", "slots"]);
    let slots = v["slots"].as_array().unwrap();
    assert_eq!(slots.len(), 3);
    let slot_keys: Vec<&String> = slots[0].as_object().unwrap().keys().collect();
    assert_eq!(slot_keys, ["end", "in_hours", "outside_hours", "start"]);
    // Two of three at best; 11:00Z leaves New York 2 h 30 before its day.
    assert_eq!(slots[0]["start"], "2026-12-02T11:00:00Z");
    assert_eq!(slots[0]["end"], "2026-12-02T11:30:00Z");
    assert_eq!(slots[0]["in_hours"], 2);
    assert_eq!(strings(&slots[0]["outside_hours"]), ["ny@x.org"]);
    let in_hours: Vec<i64> = slots
        .iter()
        .map(|s| s["in_hours"].as_i64().unwrap())
        .collect();
    assert!(in_hours.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(v["series"].as_array().unwrap().len(), 1);
    assert_eq!(v["series"][0]["start"], slots[0]["start"]);
    assert_eq!(v["series"][0]["kind"], "social");
    let counts: BTreeMap<String, i64> =
        serde_json::from_value(v["outside_hours_count"].clone()).unwrap();
    assert_eq!(
        counts,
        BTreeMap::from([
            ("be@x.org".into(), 0),
            ("ko@x.org".into(), 0),
            ("ny@x.org".into(), 1)
        ])
    );
}

#[test]
fn team_is_case_insensitive_and_emails_pick_people() {
    let f = Fixture::new();
    let v = social(&f, ("60", "2026-12-02", "2026-12-02"), &["--team", "CORE"]);
    // New York 14:00-22:00Z and Berlin 08:00-16:00Z: 14:00Z for both.
    assert_eq!(v["slots"][0]["start"], "2026-12-02T14:00:00Z");
    assert_eq!(v["slots"][0]["in_hours"], 2);
    assert_eq!(
        strings(&v["series"][0]["attendees"]),
        ["ny@x.org", "be@x.org"]
    );
    assert_eq!(v["series"][0]["title"], "Team social: Core");
    let v = social(&f, HALF_HOUR_ON_DEC_2, &["--emails", "KO@x.org, be@x.org"]);
    // Berlin 08:00Z, Kolkata until 11:30Z.
    assert_eq!(v["slots"][0]["start"], "2026-12-02T08:00:00Z");
    assert_eq!(v["outside_hours_count"].as_object().unwrap().len(), 2);
}

#[test]
fn weekly_series_rotates_who_is_outside() {
    let f = Fixture::new();
    let window = ("60", "2026-11-30", "2026-12-04");
    let v = social(&f, window, &["--every", "week", "--count", "4"]);
    let series = v["series"].as_array().unwrap();
    assert_eq!(series.len(), 4);
    let outside: Vec<Vec<&str>> = series
        .iter()
        .map(|m| strings(&m["outside_hours"]))
        .collect();
    assert!(outside.windows(2).all(|w| w[0] != w[1]), "{outside:?}");
    let mut expected: BTreeMap<String, i64> = ["ny@x.org", "be@x.org", "ko@x.org"]
        .iter()
        .map(|e| (e.to_string(), 0))
        .collect();
    for o in &outside {
        for e in o {
            *expected.get_mut(*e).unwrap() += 1;
        }
    }
    let counts: BTreeMap<String, i64> =
        serde_json::from_value(v["outside_hours_count"].clone()).unwrap();
    assert_eq!(counts, expected);
    assert!(counts.values().all(|n| *n <= 2), "{counts:?}");
    for (k, m) in series.iter().enumerate() {
        let day = &m["start"].as_str().unwrap()[..10];
        let monday = ["2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21"][k];
        let friday = ["2026-12-04", "2026-12-11", "2026-12-18", "2026-12-25"][k];
        assert!(day >= monday && day <= friday, "{m}");
        assert_eq!(m["title"], format!("Team social ({}/4)", k + 1));
    }
}

#[test]
fn at_starts_the_series_at_a_listed_slot() {
    let f = Fixture::new();
    let best = social(&f, HALF_HOUR_ON_DEC_2, &["--top", "3"]);
    let third = best["slots"][2]["start"].as_str().unwrap().to_owned();
    assert_ne!(best["series"][0]["start"], third.as_str());
    let chosen = social(&f, HALF_HOUR_ON_DEC_2, &["--top", "3", "--at", &third]);
    assert_eq!(chosen["series"][0]["start"], third.as_str());
    assert_eq!(chosen["slots"], best["slots"]);

    let r = roster(&f);
    let off_grid = social_args(&r, HALF_HOUR_ON_DEC_2, &["--at", "2026-12-02T11:07:00Z"]);
    assert!(f
        .fails(off_grid)
        .contains("start: 2026-12-02T11:07:00Z is not one of the window's slots"));
    let unreadable = social_args(&r, HALF_HOUR_ON_DEC_2, &["--at", "noon"]);
    assert!(f.fails(unreadable).contains("at: "));
}

#[test]
fn text_output_lists_slots_series_and_counts() {
    let f = Fixture::new();
    let r = roster(&f);
    let text = f.ok(social_args(&r, HALF_HOUR_ON_DEC_2, &[]));
    assert!(
        text.contains("Wed 2026-12-02 11:00–11:30  2/3  outside: ny@x.org"),
        "{text}"
    );
    assert!(
        text.contains(
            "Ny (America/New_York): Wed 2026-12-02 06:00–06:30 -05:00, outside working hours"
        ),
        "{text}"
    );
    assert!(text.contains("  ny@x.org  1\n"), "{text}");
}

#[test]
fn errors_exit_2_with_one_precise_line() {
    let f = Fixture::new();
    let r = roster(&f);
    let run = |window: Window, extra: &[&str]| f.fails(social_args(&r, window, extra));
    assert!(run(("30", "2026-12-02", "2026-12-01"), &[])
        .contains("to: 2026-12-01 is before --from 2026-12-02"));
    let ok_window = ("30", "2026-12-01", "2026-12-02");
    let with = |extra: &[&str]| run(ok_window, extra);
    assert!(with(&["--team", "Nope"]).contains("no one is in team `Nope`; teams: Core, Ops, core"));
    assert!(with(&["--emails", "zz@x.org"]).contains("emails: not in the roster: zz@x.org"));
    assert!(with(&["--every", "week"]).contains("--count"));
    assert!(with(&["--count", "3"]).contains("--every"));
    assert!(with(&["--every", "day", "--count", "3"]).contains("day"));
    assert!(
        with(&["--every", "week", "--count", "0"]).contains("count: 0 is not between 1 and 520")
    );
    assert!(with(&["--top", "0"]).contains("top: must be at least 1"));
    assert!(with(&["--team", "Core", "--emails", "ny@x.org"]).contains("cannot be used with"));
    assert!(run(("0", "2026-12-01", "2026-12-01"), &[]).contains("duration: 0 minutes"));
    assert!(run(("x", "2026-12-01", "2026-12-01"), &[]).contains("--duration"));
    assert!(run(("30", "12/01/2026", "2026-12-01"), &[])
        .contains("from: `12/01/2026` is not a valid date"));
    assert!(!f.db.exists());
}

/// A series that keeps one slot (everyone is in hours every week) is one
/// VEVENT with an RRULE; read back and expanded it gives the series' times.
#[test]
fn a_regular_series_is_one_event_with_a_weekly_rule() {
    let f = Fixture::new();
    let r = f.write(
        "roster.csv",
        "name,email,team,timezone,start_date\n\
         A,a@x.org,T,Europe/Berlin,2020-01-06\n\
         B,b@x.org,T,Europe/Paris,2020-01-06\n",
    );
    let window = ("60", "2026-12-01", "2026-12-04");
    let json = json_with_ics(
        &f,
        &social_args(&r, window, &["--every", "week", "--count", "3"]),
        "series",
    );
    let starts: Vec<&str> = json["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["start"].as_str().unwrap())
        .collect();
    assert_eq!(
        starts,
        [
            "2026-12-01T08:00:00Z",
            "2026-12-08T08:00:00Z",
            "2026-12-15T08:00:00Z"
        ]
    );
    let ics = std::fs::read_to_string(f.path("out.ics")).unwrap();
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
    assert!(ics.contains("\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n"), "{ics}");
}
