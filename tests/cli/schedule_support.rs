//! Shared helpers of the `hugops schedule …` tests: roster and pairs files,
//! the argument lists of `schedule checkins` / `schedule social`, and the
//! meetings of a JSON answer.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::Fixture;

const HEADER: &str = "name,email,team,timezone,start_date,working_hours";

/// A path as a command-line argument.
pub fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// A roster of `(email, zone, start date)` rows, 09:00-17:00, one team each.
pub fn roster(f: &Fixture, rows: &[(&str, &str, &str)]) -> PathBuf {
    let mut text = String::from(HEADER);
    for (i, (email, tz, start)) in rows.iter().enumerate() {
        let name = email.split('@').next().unwrap_or(email);
        text.push_str(&format!(
            "\n{name},{email},Team{i},{tz},{start},09:00-17:00"
        ));
    }
    text.push('\n');
    f.write("roster.csv", text)
}

/// A pairs file as `hugops match --json` prints it.
pub fn pairs(f: &Fixture, pairs: &[(&str, &str)]) -> PathBuf {
    let items: Vec<Value> = pairs
        .iter()
        .map(|(j, b)| serde_json::json!({"joiner": j, "buddy": b, "score": 0.5, "reasons": []}))
        .collect();
    let text = serde_json::to_string_pretty(&serde_json::json!({
        "pairs": items, "unmatched": [], "total_score": 0.5
    }))
    .unwrap();
    f.write("pairs.json", text)
}

/// A roster of a joiner and a buddy, as `(email, zone, start date)` (see
/// [`roster`]), and a pairs file pairing them: the two paths.
pub fn pair(
    f: &Fixture,
    joiner: (&str, &str, &str),
    buddy: (&str, &str, &str),
) -> (PathBuf, PathBuf) {
    let r = roster(f, &[joiner, buddy]);
    let p = pairs(f, &[(joiner.0, buddy.0)]);
    (r, p)
}

/// `schedule checkins --roster <roster> --pairs <pairs> <extra>`.
pub fn checkins_args<'a>(roster: &'a Path, pairs: &'a Path, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "schedule",
        "checkins",
        "--roster",
        arg(roster),
        "--pairs",
        arg(pairs),
    ];
    args.extend_from_slice(extra);
    args
}

/// The length in minutes and the first and last dates of a social's window.
pub type Window<'a> = (&'a str, &'a str, &'a str);

/// `schedule social --roster <roster> --duration D --from F --to T <extra>`.
pub fn social_args<'a>(roster: &'a Path, window: Window<'a>, extra: &[&'a str]) -> Vec<&'a str> {
    let (minutes, from, to) = window;
    let mut args = vec!["schedule", "social", "--roster", arg(roster)];
    args.extend(["--duration", minutes, "--from", from, "--to", to]);
    args.extend_from_slice(extra);
    args
}

/// The `meetings` of a JSON answer.
pub fn meetings(json: &Value) -> Vec<Value> {
    json["meetings"].as_array().expect("meetings array").clone()
}
