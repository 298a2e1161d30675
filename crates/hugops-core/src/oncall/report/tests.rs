use super::*;
use crate::oncall::incidents::Urgency;
use crate::oncall::testing::{incident, march_week, shift};
use crate::oncall::warnings::WarningKind;

/// Business, off-hours and sleep interruptions.
fn bands(p: &PersonReport) -> (u32, u32, u32) {
    let c = p.interruptions;
    (c.business, c.off_hours, c.sleep)
}

/// A week in which Berlin springs forward (Sunday 2026-03-29).
fn week() -> Report {
    let shifts = [
        shift(
            "priya@x.org",
            "2026-03-23T00:00:00Z",
            "2026-03-26T00:00:00Z",
        ),
        shift(
            "priya@x.org",
            "2026-03-26T00:00:00Z",
            "2026-03-27T00:00:00Z",
        ),
        shift("bo@x.org", "2026-03-27T06:00:00Z", "2026-03-30T00:00:00Z"),
        shift("eve@x.org", "2026-03-30T00:00:00Z", "2026-04-02T00:00:00Z"),
    ];
    let incidents = [
        incident("2026-03-24T02:00:00Z"), // Priya 03:00 Tue: sleep, night of 23rd
        incident("2026-03-24T02:04:00Z"), // merged
        incident("2026-03-25T01:00:00Z"), // Priya 02:00 Wed: sleep, night of 24th
        incident("2026-03-25T10:00:00Z"), // Priya 11:00: business
        incident("2026-03-25T19:30:00Z"), // Priya 20:30: off hours
        incident("2026-03-27T03:00:00Z"), // nobody on call
        Incident {
            urgency: Some(Urgency::Low),
            ..incident("2026-03-27T04:00:00Z")
        },
        incident("2026-03-28T18:15:00Z"), // Bo 00:00 Sun: sleep
        incident("2026-03-28T19:00:00Z"), // Bo 00:45: sleep
        incident("2026-03-28T20:00:00Z"), // Bo 01:45: sleep
        Incident {
            assignee: Some("bo@x.org".into()),
            ..incident("2026-03-29T05:00:00Z") // Bo 10:45 Sun: off hours
        },
    ];
    march_week(&shifts, &incidents)
}

#[test]
fn a_week_summed_up_per_person() {
    let r = week();
    let emails: Vec<_> = r.people.iter().map(|p| p.email.as_str()).collect();
    assert_eq!(emails, ["bo@x.org", "priya@x.org"]);
    let (bo, priya) = (&r.people[0], &r.people[1]);
    assert_eq!(priya.oncall_hours, 96.0);
    assert_eq!(priya.pages, 5);
    assert_eq!(bands(priya), (1, 1, 2));
    assert_eq!(priya.nights_interrupted, 2);
    assert_eq!(priya.busy_windows, 0);
    assert_eq!(priya.longest_streak_days, 2);
    assert_eq!(bo.oncall_hours, 66.0);
    assert_eq!(bo.pages, 4);
    assert_eq!(bands(bo), (0, 1, 3));
    assert_eq!(bo.nights_interrupted, 1);
    assert_eq!(bo.busy_windows, 1);
    assert_eq!(bo.longest_streak_days, 1);
    assert_eq!((priya.night_share, bo.night_share), (0.4, 0.6));
    // Off hours + sleep: 3 and 4.
    assert!((r.fairness.gini - 1.0 / 14.0).abs() < 1e-12);
    assert_eq!(r.unattributed.len(), 1);
    assert_eq!(
        r.unattributed[0].created_at.to_rfc3339(),
        "2026-03-27T03:00:00+00:00"
    );
    let kinds: Vec<_> = r
        .warnings
        .iter()
        .map(|w| (w.email.as_str(), w.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("bo@x.org", WarningKind::BusyWindow),
            ("bo@x.org", WarningKind::OncallTime),
            ("priya@x.org", WarningKind::Nights),
            ("priya@x.org", WarningKind::OncallTime),
        ]
    );
}

#[test]
fn serialises_in_the_agreed_shape() {
    let json = serde_json::to_value(week()).unwrap();
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(&json),
        [
            "fairness",
            "from",
            "people",
            "to",
            "unattributed",
            "warnings"
        ]
    );
    assert_eq!(json["from"], "2026-03-23");
    assert_eq!(json["to"], "2026-03-30");
    let person = &json["people"][1];
    assert_eq!(
        keys(person),
        [
            "busy_windows",
            "email",
            "interruptions",
            "longest_streak_days",
            "name",
            "night_share",
            "nights_interrupted",
            "oncall_hours",
            "pages"
        ]
    );
    assert_eq!(person["oncall_hours"], 96.0);
    assert_eq!(person["interruptions"]["off_hours"], 1);
    assert_eq!(keys(&json["warnings"][0]), ["email", "kind", "message"]);
    assert_eq!(json["warnings"][0]["kind"], "busy_window");
    assert_eq!(
        json["unattributed"][0]["created_at"],
        "2026-03-27T03:00:00Z"
    );
    assert!(json["fairness"]["gini"].is_f64());
}
