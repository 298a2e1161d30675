//! Calendar files written by `hugops schedule … --ics`, read back with an
//! independent parser (Python's `icalendar`, through tests/ics/read_ics.py)
//! and checked against the `--json` output printed by the same run.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::schedule_support::{arg, checkins_args};
use crate::support::Fixture;

/// A Python 3 that has the `icalendar` package: `$HUGOPS_PYTHON`, else
/// `python3`, else `/usr/bin/python3` (Debian's python3-icalendar).
fn python() -> String {
    let candidates = std::env::var("HUGOPS_PYTHON")
        .into_iter()
        .chain(["python3".to_owned(), "/usr/bin/python3".to_owned()]);
    for candidate in candidates {
        let ok = Command::new(&candidate)
            .args(["-c", "import icalendar"])
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return candidate;
        }
    }
    panic!("no python3 with the icalendar package (apt-get install python3-icalendar)")
}

fn reader() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/ics/read_ics.py")
}

/// The events of a calendar file as the independent reader sees them.
pub fn read_back(path: &Path) -> Vec<Value> {
    let out = Command::new(python())
        .arg(reader())
        .arg(path)
        .output()
        .expect("run read_ics.py");
    assert!(
        out.status.success(),
        "read_ics.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("reader prints JSON");
    assert_eq!(v["calendar"]["version"], "2.0");
    assert!(v["calendar"]["prodid"]
        .as_str()
        .is_some_and(|p| !p.is_empty()));
    v["events"].as_array().expect("events").clone()
}

/// Checks the raw bytes: CRLF line ends only, no line over 75 octets, each
/// physical line valid UTF-8 (so no character was split by folding).
pub fn check_lines(path: &Path) {
    let bytes = std::fs::read(path).expect("calendar file");
    assert!(bytes.ends_with(b"\r\n"), "ends with CRLF");
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            assert!(i > 0 && bytes[i - 1] == b'\r', "bare LF at byte {i}");
        }
        if *b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at byte {i}");
        }
    }
    let body = &bytes[..bytes.len() - 2];
    for line in body.split(|b| *b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        assert!(
            line.len() <= 75,
            "{} octets: {:?}",
            line.len(),
            String::from_utf8_lossy(line)
        );
        assert!(
            std::str::from_utf8(line).is_ok(),
            "split character: {line:?}"
        );
    }
}

/// Runs `hugops <args> --json --ics <file>` and checks that the file holds
/// exactly `meetings` (the JSON's `meetings`, or the social's `series`):
/// same uid, times, summary, attendees, in order. Returns the JSON.
pub fn json_with_ics(f: &Fixture, args: &[&str], meetings_key: &str) -> Value {
    let ics = f.path("out.ics");
    let mut full: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    full.extend(["--json".into(), "--ics".into(), ics.display().to_string()]);
    let json = f.json(&full);
    check_lines(&ics);
    let events = read_back(&ics);
    let meetings = json[meetings_key].as_array().expect("meetings array");
    assert_eq!(events.len(), meetings.len());
    for (event, meeting) in events.iter().zip(meetings) {
        for (e, m) in [("start", "start"), ("end", "end")] {
            assert_eq!(event[e], meeting[m], "{e}");
        }
        match event["occurrence"].as_u64() {
            // One VEVENT per meeting.
            None => {
                assert_eq!(event["uid"], meeting["uid"]);
                assert_eq!(event["summary"], meeting["title"]);
            }
            // An occurrence of a regular series: the series' uid is its
            // first meeting's, its title the meetings' without ` (k/n)`.
            Some(k) => {
                assert_eq!(event["uid"], meetings[0]["uid"]);
                let title = meeting["title"].as_str().expect("title");
                let suffix = format!(" ({}/{})", k + 1, meetings.len());
                assert_eq!(event["summary"].as_str(), title.strip_suffix(&suffix));
            }
        }
        let emails: Vec<&Value> = event["attendees"]
            .as_array()
            .expect("attendees")
            .iter()
            .map(|a| &a["email"])
            .collect();
        let expected: Vec<&Value> = meeting["attendees"]
            .as_array()
            .expect("attendees")
            .iter()
            .collect();
        assert_eq!(emails, expected);
        assert!(event["attendees"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["cn"] != ""));
        assert!(meeting["attendees"]
            .as_array()
            .unwrap()
            .contains(&event["organizer"]));
        assert_eq!(event["stamp"], crate::support::NOW);
    }
    json
}

#[test]
fn folding_and_escaping_survive_a_round_trip() {
    let f = Fixture::new();
    let long_name = "Zoë Ångström-Łukasiewicz, Jr.; née \\ 漢字🎉 with a very long name indeed";
    let roster = f.write(
        "roster.csv",
        format!(
            "name,email,team,timezone,start_date\n\"{long_name}\",z@x.org,A,Europe/Berlin,2026-11-30\nBo,b@x.org,B,Europe/Berlin,2020-01-06\n"
        ),
    );
    let pairs = f.write(
        "pairs.json",
        r#"{"pairs":[{"joiner":"z@x.org","buddy":"b@x.org"}]}"#,
    );
    let ics = f.path("out.ics");
    let args = checkins_args(&roster, &pairs, &["--ics", arg(&ics)]);
    f.ok(&args);
    check_lines(&ics);
    let events = read_back(&ics);
    assert_eq!(events.len(), 6);
    assert_eq!(
        events[0]["summary"],
        format!("Buddy check-in: {long_name} & Bo (day 1)")
    );
    assert_eq!(events[0]["attendees"][0]["cn"], long_name);
    let description = events[0]["description"].as_str().unwrap();
    assert!(
        description.contains(&format!(
            "{long_name} (Europe/Berlin): Mon 2026-11-30 09:00–09:30 +01:00"
        )),
        "{description}"
    );
    // Exporting again keeps the UIDs.
    let first: Vec<Value> = events.iter().map(|e| e["uid"].clone()).collect();
    f.ok(&args);
    let again: Vec<Value> = read_back(&ics).iter().map(|e| e["uid"].clone()).collect();
    assert_eq!(first, again);
}
