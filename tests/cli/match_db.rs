//! `hugops match` and the database: pairs accepted earlier in the
//! app are never proposed again, a missing database is never created, and a
//! file that is not a HugOps database is refused.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::support::{fails, hugops_bare, stdout, Fixture};

const TODAY: &str = "2026-11-25";

/// One joiner (Payments) and two buddies of other teams: `best@y.org`
/// shares the joiner's interests, `next@z.org` shares none.
const ROSTER: &str = "\
name,email,team,timezone,start_date,interests,buddy_capacity
Ann,ann@x.org,Payments,Europe/Berlin,2026-11-01,climbing;rust,
Best,best@y.org,SRE,Europe/Berlin,2020-01-01,climbing;rust,1
Next,next@z.org,Design,Europe/Berlin,2020-01-01,chess,1
";

/// `hugops --db <db> match --roster <roster> --today TODAY --json <extra>`.
fn run_match(f: &Fixture, db: &Path, extra: &[&str]) -> Value {
    let roster = f.write("roster.csv", ROSTER);
    let out = crate::support::hugops(db)
        .args(["match", "--roster"])
        .arg(&roster)
        .args(["--today", TODAY, "--json"])
        .args(extra)
        .assert()
        .success();
    serde_json::from_str(&stdout(&out)).expect("JSON")
}

fn buddies(v: &Value) -> Vec<(&str, &str)> {
    v["pairs"]
        .as_array()
        .expect("pairs")
        .iter()
        .map(|p| (p["joiner"].as_str().unwrap(), p["buddy"].as_str().unwrap()))
        .collect()
}

/// Creates the fixture's database with a hugops command, then stores a
/// pairing as the app does when a pair is accepted.
fn store_pairing(f: &Fixture, joiner: &str, buddy: &str) {
    if !f.db.exists() {
        f.ok(["settings"]);
    }
    let conn = rusqlite::Connection::open(&f.db).expect("open the database");
    conn.execute(
        "INSERT INTO pairings (joiner_email, buddy_email, paired_on, source, created_at)
         VALUES (?1, ?2, '2026-06-01', 'accepted', '2026-06-01T10:00:00Z')",
        [joiner, buddy],
    )
    .expect("insert a pairing");
}

#[test]
fn pairs_stored_in_the_database_are_not_repeated() {
    let f = Fixture::new();
    assert_eq!(
        buddies(&run_match(&f, &f.db, &[])),
        [("ann@x.org", "best@y.org")]
    );
    // Stored in another case: emails compare case-insensitively.
    store_pairing(&f, "Ann@X.org", "BEST@y.org");
    assert_eq!(
        buddies(&run_match(&f, &f.db, &[])),
        [("ann@x.org", "next@z.org")]
    );
    // Together with a history file's pairs: nobody is left.
    let history = f.write(
        "history.csv",
        "joiner_email,buddy_email\nann@x.org,next@z.org\n",
    );
    let v = run_match(&f, &f.db, &["--history", history.to_str().unwrap()]);
    assert!(buddies(&v).is_empty());
    assert_eq!(
        v["unmatched"][0]["reason"],
        "all possible buddies were paired with them before"
    );
}

#[test]
fn database_from_the_environment_is_read() {
    let f = Fixture::new();
    store_pairing(&f, "ann@x.org", "best@y.org");
    let roster = f.write("roster.csv", ROSTER);
    let out = hugops_bare()
        .env("HUGOPS_DB", &f.db)
        .args(["match", "--roster"])
        .arg(&roster)
        .args(["--today", TODAY, "--json"])
        .assert()
        .success();
    let v: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(buddies(&v), [("ann@x.org", "next@z.org")]);
}

#[test]
fn no_database_is_created() {
    let f = Fixture::new();
    let db = f.path("app/data/hugops.db");
    assert_eq!(
        buddies(&run_match(&f, &db, &[])),
        [("ann@x.org", "best@y.org")]
    );
    assert!(!f.path("app").exists(), "no folder nor database created");
    // Through the environment too.
    let roster = f.write("roster.csv", ROSTER);
    hugops_bare()
        .env("HUGOPS_DB", &db)
        .args(["match", "--roster"])
        .arg(&roster)
        .args(["--today", TODAY])
        .assert()
        .success();
    assert!(!f.path("app").exists(), "no folder nor database created");
}

#[test]
fn a_file_that_is_not_a_hugops_database_is_refused_untouched() {
    let f = Fixture::new();
    let notes = f.write("notes.db", "my precious notes\n");
    let roster = f.write("roster.csv", ROSTER);
    let line = fails(
        crate::support::hugops(&notes)
            .args(["match", "--roster"])
            .arg(&roster)
            .args(["--today", TODAY])
            .assert(),
    );
    assert!(line.contains("notes.db"), "{line}");
    assert!(line.contains("not a HugOps database"), "{line}");
    assert_eq!(fs::read_to_string(&notes).unwrap(), "my precious notes\n");

    let other = f.path("other.db");
    rusqlite::Connection::open(&other)
        .and_then(|c| c.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);"))
        .expect("a foreign SQLite database");
    let before = fs::read(&other).unwrap();
    let line = fails(
        crate::support::hugops(&other)
            .args(["match", "--roster"])
            .arg(&roster)
            .args(["--today", TODAY])
            .assert(),
    );
    assert!(line.contains("not a HugOps database"), "{line}");
    assert_eq!(fs::read(&other).unwrap(), before);
}

/// Weights chosen in the app's Settings apply to `hugops match` too: with
/// tenure alone counting, the longest-serving buddy wins over the one who
/// shares the joiner's interests, and the text output says so.
#[test]
fn weights_chosen_in_settings_are_used() {
    let f = Fixture::new();
    let roster = f.write(
        "roster.csv",
        "\
name,email,team,timezone,start_date,interests,buddy_capacity
Ann,ann@x.org,Payments,Europe/Berlin,2026-11-01,climbing;rust,
Best,best@y.org,SRE,Europe/Berlin,2025-05-01,climbing;rust,1
Long,long@z.org,Design,Europe/Berlin,2015-01-01,chess,1
",
    );
    let run = |json: bool| {
        let mut cmd = crate::support::hugops(&f.db);
        cmd.args(["match", "--roster"])
            .arg(&roster)
            .args(["--today", TODAY]);
        if json {
            cmd.arg("--json");
        }
        stdout(&cmd.assert().success())
    };
    let pairs = |text: String| {
        let v: Value = serde_json::from_str(&text).expect("JSON");
        buddies(&v)
            .into_iter()
            .map(|(j, b)| (j.to_owned(), b.to_owned()))
            .collect::<Vec<_>>()
    };
    f.ok(["settings"]);
    assert_eq!(
        pairs(run(true)),
        [("ann@x.org".into(), "best@y.org".into())]
    );
    assert!(!run(false).contains("weights from Settings"));

    let conn = rusqlite::Connection::open(&f.db).expect("open the database");
    conn.execute(
        "INSERT INTO settings (key, value) VALUES ('matching_weights',
         '{\"shared_hours\":0,\"shared_interests\":0,\"low_load\":0,\"tenure\":2}')",
        [],
    )
    .expect("store weights");
    assert_eq!(
        pairs(run(true)),
        [("ann@x.org".into(), "long@z.org".into())]
    );
    assert!(run(false).contains(
        "weights from Settings: shared hours 0%, shared interests 0%, low load 0%, tenure 100%"
    ));
}
