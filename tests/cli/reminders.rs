use serde_json::json;

use crate::support::{array, fails, Fixture};

/// At the test clock (Tuesday 2026-11-24 10:00 UTC) the default weekly nudge
/// (Friday 15:00) last came on 2026-11-20 15:00 UTC.
const LAST_NUDGE: &str = "2026-11-20T15:00:00Z";

fn due(f: &Fixture) -> Vec<serde_json::Value> {
    array(f.json(["reminders", "due", "--json"]))
}

/// What is due when the clock says `now` instead of the fixture's time.
fn due_at_time(f: &Fixture, now: &str) -> Vec<serde_json::Value> {
    let out = f
        .cmd()
        .env("HUGOPS_NOW", now)
        .args(["reminders", "due", "--json"])
        .assert()
        .success();
    array(serde_json::from_slice(&out.get_output().stdout).expect("JSON"))
}

/// A fixture whose user chose the nudge's settings (the default Friday
/// 15:00), so it fires from the first week on.
fn nudge_set_up() -> Fixture {
    let f = Fixture::new();
    f.ok(["settings", "set", "nudge.time", "15:00"]);
    f
}

#[test]
fn a_new_database_is_not_nudged_in_its_first_week() {
    let f = Fixture::new();
    assert!(due(&f).is_empty());
    let a_week_later = due_at_time(&f, "2026-12-04T15:00:00Z");
    assert_eq!(a_week_later[0]["due_at"], "2026-12-04T15:00:00Z");
}

#[test]
fn the_nudge_is_due_and_listing_does_not_mark_it() {
    let f = nudge_set_up();
    let first = due(&f);
    assert_eq!(first.len(), 1);
    assert_eq!(first[0]["kind"], "weekly_nudge");
    assert_eq!(first[0]["due_at"], LAST_NUDGE);
    assert_eq!(due(&f), first, "listing marked the reminder as shown");
    let text = f.ok(["reminders", "due"]);
    assert!(text.contains(LAST_NUDGE), "{text}");
}

#[test]
fn giving_kudos_silences_the_nudge() {
    let f = nudge_set_up();
    f.add_simple(true, "Ana", "thanks", "2026-11-23");
    assert!(due(&f).is_empty());
    assert_eq!(f.ok(["reminders", "due"]), "no reminders due\n");
}

#[test]
fn pause_and_resume() {
    let f = nudge_set_up();
    let out = f.ok(["reminders", "pause", "--minutes", "90"]);
    assert_eq!(out, "reminders paused until 2026-11-24T11:30:00Z\n");
    assert!(due(&f).is_empty());
    assert_eq!(
        f.json(["settings", "get", "--json"])["paused_until"],
        json!("2026-11-24T11:30:00Z")
    );
    let text = f.ok(["reminders", "due"]);
    assert!(text.contains("paused until 2026-11-24T11:30:00Z"), "{text}");
    // Ninety-one minutes later the pause is over.
    assert_eq!(due_at_time(&f, "2026-11-24T11:31:00Z").len(), 1);

    f.ok(["reminders", "pause", "--minutes", "600"]);
    assert_eq!(f.ok(["reminders", "resume"]), "reminders resumed\n");
    assert_eq!(due(&f).len(), 1);
}

#[test]
fn bad_pauses_are_refused() {
    let f = nudge_set_up();
    for minutes in ["0", "-5", "999999999", "soon"] {
        let line = fails(
            f.cmd()
                .args(["reminders", "pause", "--minutes", minutes])
                .assert(),
        );
        assert!(
            line.contains("minutes") || line.contains(minutes),
            "{minutes}: {line}"
        );
    }
    fails(f.cmd().args(["reminders", "pause"]).assert());
    assert_eq!(due(&f).len(), 1, "a refused pause paused anyway");
}
