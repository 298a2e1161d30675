use super::*;
use crate::oncall::testing::span;

fn facts() -> Facts<'static> {
    Facts {
        email: "priya@x.org",
        name: "Priya Raman",
        in_rotation: true,
        busy: &[],
        nights_in_a_week: None,
        sleep: 0,
        night_share: 0.0,
        fair_share: 0.25,
        rotation_sleep: 0,
        oncall_hours: 0.0,
        period_hours: 168.0,
    }
}

fn kinds(f: &Facts<'_>) -> Vec<WarningKind> {
    warnings(f).iter().map(|w| w.kind).collect()
}

#[test]
fn a_quiet_week_has_no_warnings() {
    assert!(warnings(&facts()).is_empty());
}

#[test]
fn nights_from_two_in_a_week() {
    let from = "2026-03-27".parse().unwrap();
    let one = Facts {
        nights_in_a_week: Some((1, from)),
        ..facts()
    };
    assert!(kinds(&one).is_empty());
    let three = Facts {
        nights_in_a_week: Some((3, from)),
        ..facts()
    };
    let w = warnings(&three);
    assert_eq!(w[0].kind, WarningKind::Nights);
    assert_eq!(
        w[0].message,
        "Priya has been woken on 3 of the 7 nights from 2026-03-27. Could someone take their next night shift?"
    );
}

#[test]
fn night_share_needs_twice_the_fair_share_and_three_nights() {
    let share = |sleep, night_share| Facts {
        sleep,
        night_share,
        rotation_sleep: 10,
        ..facts()
    };
    assert_eq!(kinds(&share(6, 0.6)), [WarningKind::NightShare]);
    assert!(
        kinds(&share(5, 0.5)).is_empty(),
        "exactly twice is fair enough"
    );
    assert!(kinds(&share(2, 0.8)).is_empty(), "fewer than 3");
    assert!(warnings(&share(6, 0.6))[0]
        .message
        .contains("6 of the rotation's 10"));
}

#[test]
fn oncall_time_over_a_quarter() {
    let hours = |oncall_hours| Facts {
        oncall_hours,
        ..facts()
    };
    assert!(kinds(&hours(42.0)).is_empty());
    assert_eq!(kinds(&hours(42.5)), [WarningKind::OncallTime]);
}

#[test]
fn busy_windows_and_unknown_people() {
    let busy = [span("2026-03-29T00:00:00Z", "2026-03-29T12:00:00Z")];
    let f = Facts {
        busy: &busy,
        in_rotation: false,
        ..facts()
    };
    let w = warnings(&f);
    assert_eq!(
        kinds(&f),
        [WarningKind::NotInRoster, WarningKind::BusyWindow]
    );
    assert!(
        w[1].message
            .starts_with("Priya had more than 2 interruptions within 12 hours once"),
        "{}",
        w[1].message
    );
}

#[test]
fn messages_observe_and_suggest() {
    let busy = [span("2026-03-29T00:00:00Z", "2026-03-29T12:00:00Z")];
    let f = Facts {
        busy: &busy,
        in_rotation: false,
        nights_in_a_week: Some((4, "2026-03-27".parse().unwrap())),
        sleep: 9,
        night_share: 0.9,
        rotation_sleep: 10,
        oncall_hours: 100.0,
        ..facts()
    };
    let w = warnings(&f);
    assert_eq!(w.len(), 5);
    for m in w.iter().map(|w| &w.message) {
        assert!(m.ends_with('?'), "{m}");
        for word in [
            "fault",
            "failed",
            "should have",
            " he ",
            " she ",
            " his ",
            " her ",
        ] {
            assert!(!m.contains(word), "{m}");
        }
    }
}
