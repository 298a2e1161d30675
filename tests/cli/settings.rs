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

#[test]
fn start_at_login_writes_and_removes_the_login_entry() {
    let f = Fixture::new();
    let config = f.path("config");
    let entry = config.join("autostart/hugops.desktop");
    let set = |value: &str| {
        f.cmd()
            .env("XDG_CONFIG_HOME", &config)
            .args(["settings", "set", "start_at_login", value])
            .assert()
            .success()
    };
    assert_eq!(f.ok(["settings", "get", "start_at_login"]), "false\n");
    set("on");
    assert_eq!(f.ok(["settings", "get", "start_at_login"]), "true\n");
    let text = std::fs::read_to_string(&entry).unwrap();
    let desktop = crate::support::bin().with_file_name("hugops-desktop");
    let exec = format!("Exec=\"{}\" --hidden", desktop.display());
    assert!(text.lines().any(|l| l == exec), "{text}");
    set("off");
    assert!(!entry.exists());
    assert_eq!(f.ok(["settings", "get", "start_at_login"]), "false\n");
}

#[test]
fn window_grace_is_settable_within_its_range() {
    let f = Fixture::new();
    assert_eq!(f.ok(["settings", "get", "window.grace_seconds"]), "30\n");
    f.ok(["settings", "set", "window.grace_seconds", "1"]);
    assert_eq!(
        f.json(["settings", "get", "--json"])["window"]["grace_seconds"],
        1
    );
    for bad in ["0", "3601", "soon"] {
        let line = f.fails(["settings", "set", "window.grace_seconds", bad]);
        assert!(line.contains("window.grace_seconds"), "{line}");
    }
    assert_eq!(f.ok(["settings", "get", "window.grace_seconds"]), "1\n");
}
