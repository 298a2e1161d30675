use crate::support::{fails, Fixture};

#[test]
fn settings_show_every_key_with_defaults() {
    let f = Fixture::new();
    let text = f.ok(["settings"]);
    for key in [
        "nudge.enabled",
        "nudge.weekday",
        "nudge.time",
        "paused_until",
        "timezone",
    ] {
        assert!(
            text.lines().any(|l| l.starts_with(key)),
            "{key} missing: {text}"
        );
    }
    assert_eq!(f.ok(["settings", "get"]), text);
    let json = f.json(["settings", "get", "--json"]);
    assert_eq!(json["nudge"]["enabled"], true);
    assert_eq!(json["paused_until"], serde_json::Value::Null);
}

#[test]
fn settings_set_then_get() {
    let f = Fixture::new();
    let out = f.ok(["settings", "set", "nudge.time", "09:30"]);
    assert!(out.contains("nudge.time") && out.contains("09:30"), "{out}");
    assert_eq!(f.ok(["settings", "get", "nudge.time"]), "09:30\n");
    f.ok(["settings", "set", "nudge.weekday", "monday"]);
    assert_eq!(f.ok(["settings", "get", "nudge.weekday"]), "mon\n");
    f.ok(["settings", "set", "timezone", "Europe/Berlin"]);
    assert_eq!(
        f.json(["settings", "get", "--json"])["timezone"],
        "Europe/Berlin"
    );
}

#[test]
fn bad_settings_are_refused_and_change_nothing() {
    let f = Fixture::new();
    let before = f.ok(["settings"]);
    for args in [
        ["settings", "set", "nudge.time", "25:00"],
        ["settings", "set", "nudge.weekday", "someday"],
        ["settings", "set", "nudge.enabled", "maybe"],
        ["settings", "set", "timezone", "Mars/Olympus"],
        ["settings", "set", "no.such.key", "1"],
    ] {
        let line = fails(f.cmd().args(args).assert());
        assert!(line.contains(args[2]), "{args:?}: {line}");
    }
    fails(f.cmd().args(["settings", "get", "no.such.key"]).assert());
    assert_eq!(f.ok(["settings"]), before);
}
