//! `hugops match`: buddy matching from a roster CSV, the contract
//! of its "Command line" section. No database is used.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{exits_quietly_with_closed_stdout, fails, stdout, Fixture};

/// Reference date of these tests: a Wednesday.
const TODAY: &str = "2026-11-25";

const HEADER: &str =
    "name,email,team,timezone,start_date,interests,buddy_capacity,working_hours,opt_out";

/// Joiners start 2026-11-01 (24 days before [`TODAY`]); buddies in 2020.
const JOINED: &str = "2026-11-01";
const VETERAN: &str = "2020-01-01";

/// The project's sample roster and buddy history.
const SAMPLE_ROSTER: &str = include_str!("fixtures/sample-roster.csv");
const SAMPLE_HISTORY: &str = include_str!("fixtures/sample-buddy-history.csv");

/// A roster file: the header and the given rows.
fn roster(rows: &[&str]) -> String {
    let mut text = String::from(HEADER);
    for row in rows {
        text.push('\n');
        text.push_str(row);
    }
    text.push('\n');
    text
}

/// One roster row; `capacity` empty means the default (1).
fn person(email: &str, team: &str, start: &str, interests: &str, capacity: &str) -> String {
    let name = email.split('@').next().unwrap_or(email);
    format!("{name},{email},{team},Europe/Berlin,{start},{interests},{capacity},,")
}

/// `hugops match --roster <roster> --today TODAY <extra> --json`, parsed.
fn run(f: &Fixture, roster: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["match".into(), "--roster".into(), roster.to_path_buf()];
    args.extend(["--today", TODAY, "--json"].iter().map(PathBuf::from));
    args.extend(extra.iter().map(PathBuf::from));
    let value = f.json(&args);
    assert!(
        !f.db.exists(),
        "`hugops match` must not create the database"
    );
    value
}

/// The `(joiner, buddy)` of each pair.
fn pairs(v: &Value) -> Vec<(String, String)> {
    v["pairs"]
        .as_array()
        .expect("pairs is an array")
        .iter()
        .map(|p| {
            (
                p["joiner"].as_str().expect("joiner").to_owned(),
                p["buddy"].as_str().expect("buddy").to_owned(),
            )
        })
        .collect()
}

/// `joiner → reason` of each unmatched joiner.
fn unmatched(v: &Value) -> BTreeMap<String, String> {
    v["unmatched"]
        .as_array()
        .expect("unmatched is an array")
        .iter()
        .map(|u| {
            (
                u["joiner"].as_str().expect("joiner").to_owned(),
                u["reason"].as_str().expect("reason").to_owned(),
            )
        })
        .collect()
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

fn pair_scores_sum(v: &Value) -> f64 {
    v["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["score"].as_f64().unwrap())
        .sum()
}

/// The error line of `hugops match --roster <file> --today TODAY <extra>`.
fn match_fails(f: &Fixture, roster: &Path, extra: &[&str]) -> String {
    let line = fails(
        f.cmd()
            .args(["match", "--roster"])
            .arg(roster)
            .args(["--today", TODAY])
            .args(extra)
            .assert(),
    );
    assert!(
        !f.db.exists(),
        "`hugops match` must not create the database"
    );
    line
}

#[test]
fn cross_team_pair_has_the_contract_shape() {
    let f = Fixture::new();
    let file = f.write(
        "roster.csv",
        roster(&[
            &person("ann@x.org", "Payments", JOINED, "climbing;rust", ""),
            &person("bob@y.org", "SRE", VETERAN, "Rust;Climbing;chess", "1"),
        ]),
    );
    let v = run(&f, &file, &[]);
    assert_eq!(
        keys(&v),
        BTreeSet::from(["pairs", "unmatched", "total_score"]),
        "{v}"
    );
    assert_eq!(pairs(&v), [("ann@x.org".into(), "bob@y.org".into())]);
    let pair = &v["pairs"][0];
    assert_eq!(
        keys(pair),
        BTreeSet::from(["joiner", "buddy", "score", "reasons"])
    );
    let score = pair["score"].as_f64().expect("score is a number");
    assert!((0.0..=1.0).contains(&score), "{score}");
    let reasons: Vec<&str> = pair["reasons"]
        .as_array()
        .expect("reasons is an array")
        .iter()
        .map(|r| r.as_str().expect("reason is a string"))
        .collect();
    assert!(
        reasons.contains(&"different teams: Payments / SRE"),
        "{reasons:?}"
    );
    assert!(
        reasons.iter().any(|r| r.starts_with("shared interests:")
            && r.to_lowercase().contains("climbing")
            && r.to_lowercase().contains("rust")),
        "{reasons:?}"
    );
    // Same working hours in the same zone: 8 h shared.
    assert!(reasons.contains(&"8 h shared working time"), "{reasons:?}");
    assert_eq!(v["unmatched"], serde_json::json!([]));
    assert_eq!(v["total_score"].as_f64(), Some(score));
}

#[test]
fn same_team_is_never_paired() {
    let f = Fixture::new();
    // Cat shares everything with Ann but is on her team; Bob is the only
    // possible buddy from another team.
    let file = f.write(
        "roster.csv",
        roster(&[
            &person("ann@x.org", "Payments", JOINED, "climbing;rust", ""),
            &person("cat@x.org", "payments", VETERAN, "climbing;rust", "3"),
            &person("bob@y.org", "SRE", VETERAN, "", "1"),
        ]),
    );
    let v = run(&f, &file, &[]);
    assert_eq!(pairs(&v), [("ann@x.org".into(), "bob@y.org".into())]);

    // Without Bob, Ann stays unmatched, and says why.
    let file = f.write(
        "team-only.csv",
        roster(&[
            &person("ann@x.org", "Payments", JOINED, "climbing;rust", ""),
            &person("cat@x.org", "Payments", VETERAN, "climbing;rust", "3"),
        ]),
    );
    let v = run(&f, &file, &[]);
    assert!(pairs(&v).is_empty(), "{v}");
    let reasons = unmatched(&v);
    assert_eq!(reasons.len(), 1, "{v}");
    assert!(reasons["ann@x.org"].contains("another team"), "{v}");
    assert_eq!(v["total_score"].as_f64(), Some(0.0));
}

#[test]
fn buddy_capacity_is_respected() {
    let f = Fixture::new();
    let file = f.write(
        "roster.csv",
        roster(&[
            &person("ann@x.org", "Payments", JOINED, "", ""),
            &person("ada@x.org", "Payments", JOINED, "", ""),
            &person("bob@y.org", "SRE", VETERAN, "", "1"),
        ]),
    );
    let v = run(&f, &file, &[]);
    let p = pairs(&v);
    assert_eq!(p.len(), 1, "{v}");
    assert_eq!(p[0].1, "bob@y.org");
    let reasons = unmatched(&v);
    assert_eq!(reasons.len(), 1, "{v}");
    let (joiner, reason) = reasons.iter().next().unwrap();
    assert_ne!(joiner, &p[0].0);
    assert!(reason.contains("capacity"), "{reason}");

    // With a capacity of 2, both get Bob.
    let file = f.write(
        "roster2.csv",
        roster(&[
            &person("ann@x.org", "Payments", JOINED, "", ""),
            &person("ada@x.org", "Payments", JOINED, "", ""),
            &person("bob@y.org", "SRE", VETERAN, "", "2"),
        ]),
    );
    let v = run(&f, &file, &[]);
    assert_eq!(pairs(&v).len(), 2, "{v}");
    assert!(unmatched(&v).is_empty());
}

#[test]
fn history_pairs_are_not_repeated() {
    let f = Fixture::new();
    let file = f.write(
        "roster.csv",
        roster(&[
            &person("ann@x.org", "Payments", JOINED, "climbing;rust", ""),
            &person("bob@y.org", "SRE", VETERAN, "climbing;rust", "1"),
            &person("dan@z.org", "Design", VETERAN, "", "1"),
        ]),
    );
    // Bob is the better buddy...
    let v = run(&f, &file, &[]);
    assert_eq!(pairs(&v), [("ann@x.org".into(), "bob@y.org".into())]);
    // ...but Ann had him before (any case, any column order).
    let history = f.write(
        "history.csv",
        "buddy_email,joiner_email,date\nBOB@y.org,Ann@X.org,2025-01-15\n",
    );
    let h = history.to_str().unwrap();
    let v = run(&f, &file, &["--history", h]);
    assert_eq!(pairs(&v), [("ann@x.org".into(), "dan@z.org".into())]);

    // With Dan gone too, Ann is unmatched: all repeats.
    let only_bob = f.write(
        "only-bob.csv",
        roster(&[
            &person("ann@x.org", "Payments", JOINED, "", ""),
            &person("bob@y.org", "SRE", VETERAN, "", "1"),
        ]),
    );
    let v = run(&f, &only_bob, &["--history", h]);
    assert!(pairs(&v).is_empty(), "{v}");
    assert!(unmatched(&v)["ann@x.org"].contains("before"), "{v}");
}

/// Three joiners, four buddies, mixed teams and capacities, one past pair.
fn mixed(f: &Fixture) -> (PathBuf, PathBuf) {
    let file = f.write(
        "roster.csv",
        roster(&[
            &person("j1@x.org", "Payments", JOINED, "rust;chess", ""),
            &person("j2@x.org", "SRE", "2026-10-01", "climbing", ""),
            &person("j3@x.org", "Design", "2026-12-03", "films;rust", ""),
            "B1,b1@y.org,SRE,America/New_York,2019-05-01,rust,2,08:00-16:00,",
            "B2,b2@y.org,Payments,Asia/Kathmandu,2022-02-02,climbing;films,1,,",
            "B3,b3@y.org,Design,Europe/London,2024-01-10,chess,1,10:00-18:30,",
            "B4,b4@y.org,Payments,Europe/Berlin,2021-03-03,rust,1,,true",
            "B5,b5@y.org,Data,UTC,2026-07-01,rust,3,,",
        ]),
    );
    let history = f.write(
        "history.csv",
        "joiner_email,buddy_email\nj3@x.org,b2@y.org\nold@x.org,b1@y.org\n",
    );
    (file, history)
}

#[test]
fn candidates_list_every_feasible_pair_and_pairs_are_optimal_over_them() {
    let f = Fixture::new();
    let (file, history) = mixed(&f);
    let v = run(
        &f,
        &file,
        &["--history", history.to_str().unwrap(), "--candidates"],
    );
    assert_eq!(
        keys(&v),
        BTreeSet::from(["pairs", "unmatched", "total_score", "candidates"])
    );
    // Buddies: b1 (SRE, cap 2), b2 (Payments), b3 (Design). b4 opted out,
    // b5 has too little tenure. Feasible: other team and not in the history.
    let expected: BTreeSet<(String, String)> = [
        ("j1@x.org", "b1@y.org"),
        ("j1@x.org", "b3@y.org"),
        ("j2@x.org", "b2@y.org"),
        ("j2@x.org", "b3@y.org"),
        ("j3@x.org", "b1@y.org"),
    ]
    .iter()
    .map(|(j, b)| (j.to_string(), b.to_string()))
    .collect();
    let cands = v["candidates"].as_array().expect("candidates is an array");
    let mut scores: BTreeMap<(String, String), f64> = BTreeMap::new();
    for c in cands {
        assert_eq!(keys(c), BTreeSet::from(["joiner", "buddy", "score"]));
        let key = (
            c["joiner"].as_str().unwrap().to_owned(),
            c["buddy"].as_str().unwrap().to_owned(),
        );
        let s = c["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&s), "{c}");
        assert!(scores.insert(key, s).is_none(), "repeated candidate {c}");
    }
    assert_eq!(
        scores.keys().cloned().collect::<BTreeSet<_>>(),
        expected,
        "{v}"
    );

    // Each pair is a candidate with the same score; the total is their sum.
    let mut total = 0.0;
    for p in v["pairs"].as_array().unwrap() {
        let key = (
            p["joiner"].as_str().unwrap().to_owned(),
            p["buddy"].as_str().unwrap().to_owned(),
        );
        let s = p["score"].as_f64().unwrap();
        assert_eq!(scores.get(&key), Some(&s), "{p}");
        total += s;
    }
    let printed = v["total_score"].as_f64().unwrap();
    assert!((printed - total).abs() < 1e-9, "{printed} vs {total}");
    assert!((printed - pair_scores_sum(&v)).abs() < 1e-9);

    // Brute force over the candidates: most joiners first, then the best total.
    let joiners = ["j1@x.org", "j2@x.org", "j3@x.org"];
    let caps = BTreeMap::from([("b1@y.org", 2), ("b2@y.org", 1), ("b3@y.org", 1)]);
    let best = brute_force(&joiners, &caps, &scores);
    let matched = v["pairs"].as_array().unwrap().len();
    assert_eq!(matched, best.0, "{v}");
    assert!((total - best.1).abs() < 1e-3, "{total} vs {}", best.1);
    assert_eq!(matched + v["unmatched"].as_array().unwrap().len(), 3);
}

/// The best (count, total) over every assignment of `joiners` to buddies
/// with room left, or to nobody.
fn brute_force(
    joiners: &[&str],
    caps: &BTreeMap<&str, u32>,
    scores: &BTreeMap<(String, String), f64>,
) -> (usize, f64) {
    fn go(
        i: usize,
        joiners: &[&str],
        room: &mut BTreeMap<String, u32>,
        scores: &BTreeMap<(String, String), f64>,
    ) -> (usize, f64) {
        if i == joiners.len() {
            return (0, 0.0);
        }
        let mut best = go(i + 1, joiners, room, scores);
        let buddies: Vec<String> = room.keys().cloned().collect();
        for b in buddies {
            let Some(&s) = scores.get(&(joiners[i].to_owned(), b.clone())) else {
                continue;
            };
            if room[&b] == 0 {
                continue;
            }
            *room.get_mut(&b).unwrap() -= 1;
            let (n, t) = go(i + 1, joiners, room, scores);
            *room.get_mut(&b).unwrap() += 1;
            let cand = (n + 1, t + s);
            if cand.0 > best.0 || (cand.0 == best.0 && cand.1 > best.1) {
                best = cand;
            }
        }
        best
    }
    let mut room: BTreeMap<String, u32> = caps.iter().map(|(b, c)| (b.to_string(), *c)).collect();
    go(0, joiners, &mut room, scores)
}

#[test]
fn output_is_deterministic_and_ignores_row_order() {
    let f = Fixture::new();
    let rows = [
        person("j1@x.org", "Payments", JOINED, "rust", ""),
        person("j2@x.org", "Payments", JOINED, "rust", ""),
        person("j3@x.org", "SRE", JOINED, "", ""),
        // Identical buddies: only the tie-break by email separates them.
        person("b1@y.org", "Design", VETERAN, "rust", "1"),
        person("b2@y.org", "Design", VETERAN, "rust", "1"),
        person("b3@y.org", "Data", VETERAN, "", "2"),
    ];
    let forward: Vec<&str> = rows.iter().map(String::as_str).collect();
    let shuffled: Vec<&str> = [4, 0, 5, 2, 1, 3].iter().map(|&i| forward[i]).collect();
    let a = f.write("a.csv", roster(&forward));
    let b = f.write("b.csv", roster(&shuffled));
    let text = |file: &Path, json: bool| {
        let mut cmd = f.cmd();
        cmd.args(["match", "--roster"])
            .arg(file)
            .args(["--today", TODAY, "--candidates"]);
        if json {
            cmd.arg("--json");
        }
        stdout(&cmd.assert().success())
    };
    for json in [true, false] {
        let first = text(&a, json);
        assert_eq!(first, text(&a, json), "same input, different output");
        assert_eq!(first, text(&b, json), "shuffled rows, different output");
    }
    let v = run(&f, &a, &[]);
    assert_eq!(pairs(&v).len(), 3, "{v}");
}

#[test]
fn bom_and_unknown_columns_are_accepted() {
    let f = Fixture::new();
    let rows = [
        person("ann@x.org", "Payments", JOINED, "rust", ""),
        person("bob@y.org", "SRE", VETERAN, "rust", "1"),
    ];
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let plain = f.write("plain.csv", roster(&rows));
    let expected = run(&f, &plain, &[]);
    assert_eq!(pairs(&expected).len(), 1);

    let bom = f.write("bom.csv", format!("\u{feff}{}", roster(&rows)));
    assert_eq!(run(&f, &bom, &[]), expected);

    // Extra columns anywhere, columns in another order, CRLF line ends.
    let extra = f.write(
        "extra.csv",
        "shoe_size,email,start_date,Team,name,notes,timezone,interests\r\n\
         42,ann@x.org,2026-11-01,Payments,ann,\"hi, there\",Europe/Berlin,rust\r\n\
         44,bob@y.org,2020-01-01,SRE,bob,,Europe/Berlin,rust\r\n",
    );
    assert_eq!(run(&f, &extra, &[]), expected);
}

#[test]
fn windows_and_tenure_flags_change_who_is_matched() {
    let f = Fixture::new();
    let file = f.write(
        "roster.csv",
        roster(&[
            &person("ann@x.org", "Payments", JOINED, "", ""),
            &person("bob@y.org", "SRE", "2026-01-01", "", "1"),
        ]),
    );
    // Bob has 328 days of tenure: enough by default.
    assert_eq!(pairs(&run(&f, &file, &[])).len(), 1);
    // Ann started 24 days ago: not a joiner with a 10-day window.
    let v = run(&f, &file, &["--joiner-window-days", "10"]);
    assert!(pairs(&v).is_empty() && unmatched(&v).is_empty(), "{v}");
    // Bob is not a possible buddy with 400 days required.
    let v = run(&f, &file, &["--min-tenure-days", "400"]);
    assert!(pairs(&v).is_empty(), "{v}");
    assert_eq!(unmatched(&v).len(), 1, "{v}");
    // Zero is allowed.
    let v = run(
        &f,
        &file,
        &["--joiner-window-days", "0", "--min-tenure-days", "0"],
    );
    assert!(pairs(&v).is_empty(), "{v}");
}

#[test]
fn today_defaults_to_the_clock() {
    let f = Fixture::new();
    // 90 days before the fixed clock's 2026-11-24; 91 days before 11-25.
    let file = f.write(
        "roster.csv",
        roster(&[
            &person("ann@x.org", "Payments", "2026-08-26", "", ""),
            &person("bob@y.org", "SRE", VETERAN, "", "1"),
        ]),
    );
    let default = f.json(["match", "--roster", file.to_str().unwrap(), "--json"]);
    let explicit = f.json([
        "match",
        "--roster",
        file.to_str().unwrap(),
        "--today",
        "2026-11-24",
        "--json",
    ]);
    assert_eq!(default, explicit);
    assert_eq!(pairs(&default).len(), 1, "{default}");
    assert!(pairs(&run(&f, &file, &[])).is_empty());
    assert!(!f.db.exists());
}

#[test]
fn text_output_is_a_readable_table() {
    let f = Fixture::new();
    let file = f.write(
        "roster.csv",
        roster(&[
            &person("ann@x.org", "Pay\u{1b}[2Jments", JOINED, "rust", ""),
            &person("ada@x.org", "Pay\u{1b}[2Jments", JOINED, "", ""),
            &person("bob@y.org", "SRE", VETERAN, "rust", "1"),
        ]),
    );
    let out = stdout(
        &f.cmd()
            .args(["match", "--roster"])
            .arg(&file)
            .args(["--today", TODAY])
            .assert()
            .success(),
    );
    for needle in [
        "JOINER",
        "BUDDY",
        "SCORE",
        "REASONS",
        "ann@x.org",
        "bob@y.org",
        "different teams",
        "█",
        "Unmatched",
        "ada@x.org",
        "capacity",
        "Total score",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in\n{out}");
    }
    assert!(!out.contains('\u{1b}'), "control character printed:\n{out}");
    assert!(!out.contains("candidates") && !out.contains("Candidates"));

    let out = stdout(
        &f.cmd()
            .args(["match", "--roster"])
            .arg(&file)
            .args(["--today", TODAY, "--candidates"])
            .assert()
            .success(),
    );
    assert!(out.contains("Candidates (2 feasible pairs)"), "{out}");
    assert!(!f.db.exists());
}

#[test]
fn bad_rosters_name_the_file_line_and_column() {
    let f = Fixture::new();
    let ok_row = person("ann@x.org", "Payments", JOINED, "", "");
    let cases: Vec<(&str, String, &[&str])> = vec![
        (
            "no-timezone.csv",
            "name,email,team,start_date\nAnn,ann@x.org,Payments,2026-11-01\n".to_owned(),
            &["line 1", "timezone", "missing column"],
        ),
        (
            "duplicate.csv",
            roster(&[
                &ok_row,
                &person("bob@y.org", "SRE", VETERAN, "", ""),
                &person("ANN@x.org", "SRE", VETERAN, "", ""),
            ]),
            &["line 4", "email", "duplicate", "line 2"],
        ),
        (
            "mars.csv",
            roster(&[&ok_row, "Bob,bob@y.org,SRE,Mars/Olympus,2020-01-01,,,,"]),
            &["line 3", "timezone", "Mars/Olympus"],
        ),
        (
            "bad-date.csv",
            roster(&[&person("bob@y.org", "SRE", "2026-13-01", "", ""), &ok_row]),
            &["line 2", "start_date", "2026-13-01"],
        ),
        (
            "bad-hours.csv",
            roster(&[&ok_row, "Bob,bob@y.org,SRE,UTC,2020-01-01,,,9-5,"]),
            &["line 3", "working_hours", "9-5"],
        ),
        (
            "backwards-hours.csv",
            roster(&[&ok_row, "Bob,bob@y.org,SRE,UTC,2020-01-01,,,17:00-09:00,"]),
            &["line 3", "working_hours"],
        ),
        (
            "bad-capacity.csv",
            roster(&[&ok_row, "Bob,bob@y.org,SRE,UTC,2020-01-01,,-1,,"]),
            &["line 3", "buddy_capacity"],
        ),
        ("empty.csv", String::new(), &["line 1", "empty"]),
        (
            "blank.csv",
            "\u{feff}\n  \n".to_owned(),
            &["line 1", "empty"],
        ),
    ];
    for (name, text, needles) in cases {
        let file = f.write(name, &text);
        let line = match_fails(&f, &file, &[]);
        assert!(line.contains(name), "{name}: {line}");
        for needle in needles {
            assert!(line.contains(needle), "{name}: {needle:?} not in {line}");
        }
    }
}

#[test]
fn bad_history_names_the_history_file() {
    let f = Fixture::new();
    let file = f.write(
        "roster.csv",
        roster(&[&person("ann@x.org", "Payments", JOINED, "", "")]),
    );
    let history = f.write("hist.csv", "joiner_email,date\nann@x.org,2026-01-01\n");
    let line = match_fails(&f, &file, &["--history", history.to_str().unwrap()]);
    assert!(
        line.contains("hist.csv") && line.contains("line 1") && line.contains("buddy_email"),
        "{line}"
    );
    let history = f.write(
        "hist2.csv",
        "joiner_email,buddy_email,date\nann@x.org,bob@y.org,2026-02-30\n",
    );
    let line = match_fails(&f, &file, &["--history", history.to_str().unwrap()]);
    assert!(
        line.contains("hist2.csv") && line.contains("line 2") && line.contains("date"),
        "{line}"
    );
    let line = match_fails(
        &f,
        &file,
        &["--history", f.path("no-history.csv").to_str().unwrap()],
    );
    assert!(line.contains("no-history.csv"), "{line}");
}

#[test]
fn bad_flags_and_missing_files_fail_with_one_line() {
    let f = Fixture::new();
    let file = f.write(
        "roster.csv",
        roster(&[&person("ann@x.org", "Payments", JOINED, "", "")]),
    );
    let line = match_fails(&f, &f.path("nowhere.csv"), &[]);
    assert!(line.contains("nowhere.csv"), "{line}");
    let folder = f.path("folder");
    std::fs::create_dir(&folder).unwrap();
    match_fails(&f, &folder, &[]);

    let cases: &[(&[&str], &str)] = &[
        (&["--today", "2026-02-30"], "2026-02-30"),
        (&["--today", "tomorrow"], "tomorrow"),
        (&["--joiner-window-days", "-5"], "-5"),
        (&["--joiner-window-days=-1"], "-1"),
        (&["--min-tenure-days", "-3"], "-3"),
        (&["--min-tenure-days", "ten"], "ten"),
        (&["--joiner-window-days", "99999999999"], "99999999999"),
        (&["--candidates=yes"], "candidates"),
        (&["--frobnicate"], "frobnicate"),
    ];
    for (extra, needle) in cases {
        let line = fails(
            f.cmd()
                .args(["match", "--roster"])
                .arg(&file)
                .args(*extra)
                .assert(),
        );
        assert!(line.contains(needle), "{extra:?}: {line}");
    }
    // --roster is required.
    let line = fails(f.cmd().args(["match", "--json"]).assert());
    assert!(line.contains("--roster"), "{line}");
    assert!(!f.db.exists());
}

#[test]
fn sample_roster_matches() {
    let f = Fixture::new();
    let file = f.write("roster.csv", SAMPLE_ROSTER);
    let history = f.write("buddy-history.csv", SAMPLE_HISTORY);
    let v = run(
        &f,
        &file,
        &["--history", history.to_str().unwrap(), "--candidates"],
    );
    let p = pairs(&v);
    assert!(!p.is_empty(), "{v}");
    let past: BTreeSet<(String, String)> = SAMPLE_HISTORY
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut it = l.split(',');
            Some((it.next()?.to_lowercase(), it.next()?.to_lowercase()))
        })
        .collect();
    let mut joiners = BTreeSet::new();
    for pair in &p {
        assert!(!past.contains(pair), "repeated pair {pair:?}");
        assert!(joiners.insert(pair.0.clone()), "joiner twice: {pair:?}");
    }
    let total = v["total_score"].as_f64().unwrap();
    assert!((total - pair_scores_sum(&v)).abs() < 1e-9, "{v}");
    let cands: BTreeSet<(String, String)> = v["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["joiner"].as_str().unwrap().to_owned(),
                c["buddy"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(p.iter().all(|pair| cands.contains(pair)), "{v}");
    assert!(cands.is_disjoint(&past));

    // The same without --candidates: no key, same pairs.
    let plain = run(&f, &file, &["--history", history.to_str().unwrap()]);
    assert!(plain.get("candidates").is_none());
    assert_eq!(plain["pairs"], v["pairs"]);
    assert_eq!(plain["total_score"], v["total_score"]);
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let f = Fixture::new();
    let file = f.write("roster.csv", SAMPLE_ROSTER);
    for extra in [&[][..], &["--json"], &["--candidates"]] {
        let args = ["match", "--today", TODAY, "--roster"].map(OsStr::new);
        exits_quietly_with_closed_stdout(
            args.into_iter()
                .chain([file.as_os_str()])
                .chain(extra.iter().map(OsStr::new)),
        );
    }
}
