//! `hugops oncall …`: the on-call ledger's report, its file views, the
//! stored ledger, and refusals of bad files.

use serde_json::Value;

use crate::support::Fixture;

/// Priya in Berlin sleeps 23:00-07:00; Tom in Kathmandu (+05:45) has the
/// default 22:00-08:00.
const ROSTER: &str = "name,email,team,timezone,start_date,working_hours,sleep_hours\n\
    Priya Raman,priya@x.org,sre,Europe/Berlin,2024-01-01,09:00-17:00,23:00-07:00\n\
    Tom Li,tom@x.org,sre,Asia/Kathmandu,2024-01-01,09:00-17:00,\n";

const SHIFTS: &str = "email,start,end\n\
    priya@x.org,2026-03-02T08:00:00Z,2026-03-09T08:00:00Z\n\
    tom@x.org,2026-03-09T08:00:00Z,2026-03-16T08:00:00Z\n";

/// 1 and 2 are four minutes apart (one interruption, two pages); 4 is low
/// urgency (no page); 6 is outside the period.
const INCIDENTS: &str = "id,title,service,urgency,created_at,url\n\
    1,DB slow,checkout,high,2026-03-03T02:12:00Z,https://pd.example/1\n\
    2,DB slow again,checkout,high,2026-03-03T02:16:00Z,\n\
    3,Disk,search,high,2026-03-04T01:00:00Z,\n\
    4,Disk,search,low,2026-03-04T01:30:00Z,\n\
    5,CPU,api,high,2026-03-10T20:00:00Z,\n\
    6,Later,api,high,2026-03-20T20:00:00Z,\n";

fn files(f: &Fixture) -> [String; 3] {
    [
        f.write("roster.csv", ROSTER),
        f.write("shifts.csv", SHIFTS),
        f.write("incidents.csv", INCIDENTS),
    ]
    .map(|p| p.to_string_lossy().into_owned())
}

fn person<'a>(report: &'a Value, email: &str) -> &'a Value {
    report["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["email"] == email)
        .unwrap_or_else(|| panic!("{email} not in {report}"))
}

const PERIOD: [&str; 4] = ["--from", "2026-03-01", "--to", "2026-03-17"];

#[test]
fn the_report_counts_each_persons_nights_in_their_own_zone() {
    let f = Fixture::new();
    let [roster, shifts, incidents] = files(&f);
    let mut args = vec!["oncall", "report", "--roster", &roster, "--shifts", &shifts];
    args.extend(["--incidents", &incidents, "--json"]);
    args.extend(PERIOD);
    let r = f.json(args);
    assert_eq!(r["from"], "2026-03-01");
    assert_eq!(r["to"], "2026-03-17");
    let priya = person(&r, "priya@x.org");
    assert_eq!(priya["name"], "Priya Raman");
    assert_eq!(priya["oncall_hours"], 168.0);
    assert_eq!(priya["pages"], 3);
    assert_eq!(
        priya["interruptions"],
        serde_json::json!({"business": 0, "off_hours": 0, "sleep": 2})
    );
    assert_eq!(priya["nights_interrupted"], 2);
    assert_eq!(priya["longest_streak_days"], 2);
    let tom = person(&r, "tom@x.org");
    assert_eq!(tom["interruptions"]["sleep"], 1, "01:45 in Kathmandu");
    assert!(r["fairness"]["gini"].is_number());
    assert!(r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["kind"] == "nights"));
    assert_eq!(r["unattributed"], serde_json::json!([]));
}

#[test]
fn a_next_shift_names_someone_with_a_reason() {
    let f = Fixture::new();
    let [roster, shifts, incidents] = files(&f);
    let mut args = vec!["oncall", "report", "--roster", &roster, "--shifts", &shifts];
    args.extend(["--incidents", &incidents, "--json"]);
    args.extend(PERIOD);
    args.extend(["--next", "2026-03-16T08:00:00Z/2026-03-23T08:00:00Z"]);
    let r = f.json(args);
    assert_eq!(r["next_shift"]["email"], "tom@x.org", "fewer nights woken");
    assert!(!r["next_shift"]["reason"].as_str().unwrap().is_empty());
}

#[test]
fn an_import_is_stored_once_and_reported_from() {
    let f = Fixture::new();
    let [roster, shifts, incidents] = files(&f);
    let import = [
        "oncall",
        "import",
        "--shifts",
        &shifts,
        "--incidents",
        &incidents,
        "--json",
    ];
    let first = f.json(import);
    assert_eq!(first["shifts_added"], 2);
    assert_eq!(first["incidents_added"], 6);
    let again = f.json(import);
    assert_eq!(again["shifts_added"], 0);
    assert_eq!(again["incidents_added"], 0);
    assert_eq!(again["incidents_updated"], 6);
    let mut args = vec!["oncall", "report", "--roster", &roster, "--json"];
    args.extend(PERIOD);
    let stored = f.json(args);
    assert_eq!(person(&stored, "priya@x.org")["pages"], 3);
}

#[test]
fn shifts_and_incidents_are_shown_as_read() {
    let f = Fixture::new();
    let [_, shifts, incidents] = files(&f);
    let mut args = vec!["oncall", "shifts", &shifts, "--json"];
    args.extend(PERIOD);
    let s = f.json(args);
    assert_eq!(s["shifts"][0]["start"], "2026-03-02T08:00:00Z");
    assert_eq!(s["shifts"][0]["who"], "priya@x.org");
    assert_eq!(s["skipped"], serde_json::json!([]));
    let i = f.json(["oncall", "incidents", &incidents, "--json"]);
    assert_eq!(i["incidents"].as_array().unwrap().len(), 6);
    assert_eq!(i["incidents"][3]["urgency"], "low");
    assert_eq!(i["incidents"][0]["url"], "https://pd.example/1");
}

#[test]
fn a_bad_file_names_its_line_and_field_and_imports_nothing() {
    let f = Fixture::new();
    let [_, shifts, _] = files(&f);
    let bad = f.write(
        "bad.csv",
        "created_at,urgency\n2026-03-01T00:00:00Z,high\n2026-03-02T00:00:00Z,urgent\n",
    );
    let bad = bad.to_string_lossy();
    let err = f.fails(["oncall", "import", "--shifts", &shifts, "--incidents", &bad]);
    assert!(err.contains("bad.csv: line 3: field `urgency`"), "{err}");
    let r = f.json(["oncall", "import", "--shifts", &shifts, "--json"]);
    assert_eq!(r["shifts_added"], 2, "the failed import stored no shift");
}

#[test]
fn a_period_must_have_a_day() {
    let f = Fixture::new();
    let [roster, ..] = files(&f);
    let err = f.fails([
        "oncall",
        "report",
        "--roster",
        &roster,
        "--from",
        "2026-03-02",
        "--to",
        "2026-03-02",
    ]);
    assert!(
        err.contains("to: `2026-03-02` is not after the first day"),
        "{err}"
    );
}
