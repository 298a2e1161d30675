use super::*;
use crate::clock::format_instant;
use crate::testing::{date, people};

fn options(from: &str, to: &str, minutes: u32) -> SocialOptions {
    SocialOptions {
        from: date(from),
        to: date(to),
        minutes,
        top: 5,
        repeat: None,
        title: "Team social".into(),
        start: None,
    }
}

/// New York, Berlin and Kolkata, 09:00-17:00: no time suits all three.
fn three_zones() -> Vec<Person> {
    people(&[
        ("ny@x", "America/New_York", "09:00-17:00"),
        ("be@x", "Europe/Berlin", "09:00-17:00"),
        ("ko@x", "Asia/Kolkata", "09:00-17:00"),
    ])
}

/// Independent count of people inside their hours for a slot, through the
/// roster's working intervals (Unix seconds, local weekdays only).
fn brute_in_hours(group: &[Person], start: i64, minutes: i64) -> usize {
    group
        .iter()
        .filter(|p| {
            let local = DateTime::from_timestamp(start, 0)
                .unwrap()
                .with_timezone(&p.timezone)
                .date_naive();
            [local - Duration::days(1), local].iter().any(|d| {
                let i = p.working_interval(*d);
                is_weekday(*d)
                    && i.start.timestamp() <= start
                    && start + minutes * 60 <= i.end.timestamp()
            })
        })
        .count()
}

#[test]
fn best_slots_have_the_most_people_in_hours() {
    let group = three_zones();
    let refs: Vec<&Person> = group.iter().collect();
    let plan = plan_social(&refs, &options("2026-12-02", "2026-12-02", 30)).unwrap();
    assert_eq!(plan.slots.len(), 5);
    // Minute by minute over the day, nobody finds a slot with all three.
    let day = utc_midnight(date("2026-12-02")).timestamp();
    let best = (0..24 * 60)
        .map(|m| brute_in_hours(&group, day + m * 60, 30))
        .max()
        .unwrap();
    assert_eq!(best, 2);
    assert_eq!(plan.slots[0].in_hours, best);
    for slot in &plan.slots {
        assert_eq!(
            slot.in_hours,
            brute_in_hours(&group, slot.start.timestamp(), 30)
        );
        assert_eq!(slot.in_hours + slot.outside_hours.len(), 3);
    }
    // Ties on 2 people go to the smaller distance: 11:00Z leaves New York
    // 2 h 30 before 09:00; 14:00Z leaves Kolkata 2 h 30 after 17:00.
    assert_eq!(format_instant(plan.slots[0].start), "2026-12-02T11:00:00Z");
    assert_eq!(plan.slots[0].outside_hours, ["ny@x"]);
    let ranks: Vec<_> = plan
        .slots
        .iter()
        .map(|s| (std::cmp::Reverse(s.in_hours), s.worst_distance, s.start))
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
    // Without a series, the series is the best slot.
    assert_eq!(plan.series.len(), 1);
    assert_eq!(plan.series[0].meeting.start, plan.slots[0].start);
    assert_eq!(plan.outside_hours_count["ny@x"], 1);
    assert_eq!(plan.outside_hours_count["be@x"], 0);
}

#[test]
fn weekly_series_takes_turns_outside_hours() {
    let group = three_zones();
    let refs: Vec<&Person> = group.iter().collect();
    let mut opts = options("2026-11-30", "2026-12-04", 60);
    opts.repeat = Some((Every::Week, 4));
    let plan = plan_social(&refs, &opts).unwrap();
    assert_eq!(plan.series.len(), 4);
    let outside: Vec<&Vec<String>> = plan
        .series
        .iter()
        .map(|m| &m.meeting.outside_hours)
        .collect();
    assert!(outside.windows(2).all(|w| w[0] != w[1]), "{outside:?}");
    for (k, m) in plan.series.iter().enumerate() {
        let monday = date("2026-11-30") + Duration::weeks(k as i64);
        let day = m.meeting.start.date_naive();
        assert!(day >= monday && day <= monday + Duration::days(4), "{m:?}");
        assert_eq!(m.in_hours, 2);
        assert_eq!(m.meeting.title, format!("Team social ({}/4)", k + 1));
    }
    let mut expected = BTreeMap::new();
    for p in &group {
        let n = outside.iter().filter(|o| o.contains(&p.email)).count() as i64;
        expected.insert(p.email.clone(), n);
    }
    assert_eq!(plan.outside_hours_count, expected);
    assert!(plan.outside_hours_count.values().all(|n| *n <= 2));
    let uids: std::collections::HashSet<&str> =
        plan.series.iter().map(|m| m.meeting.uid.as_str()).collect();
    assert_eq!(uids.len(), 4);
}

#[test]
fn a_chosen_slot_starts_the_series_and_the_rest_rotates_from_it() {
    let group = three_zones();
    let refs: Vec<&Person> = group.iter().collect();
    let mut opts = options("2026-11-30", "2026-12-04", 60);
    opts.repeat = Some((Every::Week, 4));
    let best = plan_social(&refs, &opts).unwrap();
    let second = &best.slots[1];
    assert_ne!(best.series[0].meeting.start, second.start);

    opts.start = Some(second.start);
    let chosen = plan_social(&refs, &opts).unwrap();
    assert_eq!(
        chosen.slots, best.slots,
        "the ranked list stays to choose again"
    );
    assert_eq!(chosen.series[0].meeting.start, second.start);
    assert_eq!(chosen.series[0].meeting.outside_hours, second.outside_hours);
    // The later meetings still take turns, counting the chosen one: nobody
    // is outside more than half of the series.
    let outside: Vec<&Vec<String>> = chosen
        .series
        .iter()
        .map(|m| &m.meeting.outside_hours)
        .collect();
    for p in &group {
        let n = outside.iter().filter(|o| o.contains(&p.email)).count() as i64;
        assert_eq!(chosen.outside_hours_count[&p.email], n);
        assert!(n <= 2, "{outside:?}");
    }

    opts.start = Some(second.start + Duration::minutes(7));
    let err = plan_social(&refs, &opts).unwrap_err();
    assert!(err.to_string().starts_with("start: "), "{err}");
}

#[test]
fn a_slot_that_suits_everyone_is_kept_every_time() {
    let group = people(&[
        ("a@x", "Europe/Berlin", "09:00-17:00"),
        ("b@x", "Europe/London", "09:00-17:00"),
    ]);
    let refs: Vec<&Person> = group.iter().collect();
    let mut opts = options("2026-01-05", "2026-01-09", 30);
    opts.repeat = Some((Every::Month, 3));
    let plan = plan_social(&refs, &opts).unwrap();
    let starts: Vec<String> = plan
        .series
        .iter()
        .map(|m| format_instant(m.meeting.start))
        .collect();
    // Berlin 08:00Z, London 09:00Z: the first shared half hour of each window.
    assert_eq!(
        starts,
        [
            "2026-01-05T09:00:00Z",
            "2026-02-05T09:00:00Z",
            "2026-03-05T09:00:00Z"
        ]
    );
    assert!(plan.outside_hours_count.values().all(|n| *n == 0));
}

#[test]
fn monthly_windows_clamp_to_the_end_of_month() {
    let group = people(&[("a@x", "UTC", "09:00-17:00")]);
    let refs: Vec<&Person> = group.iter().collect();
    let mut opts = options("2026-01-30", "2026-01-30", 30);
    opts.repeat = Some((Every::Month, 2));
    let plan = plan_social(&refs, &opts).unwrap();
    // 2026-01-30 is a Friday; a month later is 2026-02-28, a Saturday: no
    // weekday in that window, so the series has one meeting.
    assert_eq!(plan.series.len(), 1);
    assert_eq!(
        format_instant(plan.series[0].meeting.start),
        "2026-01-30T09:00:00Z"
    );
}

#[test]
fn weekends_in_utc_are_not_candidates() {
    let group = people(&[("a@x", "Pacific/Auckland", "09:00-17:00")]);
    let refs: Vec<&Person> = group.iter().collect();
    // Saturday and Sunday in UTC only.
    let plan = plan_social(&refs, &options("2026-12-05", "2026-12-06", 30)).unwrap();
    assert!(plan.slots.is_empty() && plan.series.is_empty());
    assert_eq!(plan.outside_hours_count["a@x"], 0);
}

#[test]
fn odd_hours_are_found_off_the_grid() {
    let group = people(&[("a@x", "Asia/Kathmandu", "08:20-08:50")]);
    let refs: Vec<&Person> = group.iter().collect();
    let plan = plan_social(&refs, &options("2026-12-01", "2026-12-01", 30)).unwrap();
    // 08:20 in Kathmandu (UTC+5:45) is 02:35Z.
    assert_eq!(format_instant(plan.slots[0].start), "2026-12-01T02:35:00Z");
    assert_eq!(plan.slots[0].in_hours, 1);
    assert_eq!(plan.slots.iter().filter(|s| s.in_hours == 1).count(), 1);
}

#[test]
fn groups_and_bad_options() {
    let mut roster = three_zones();
    roster[0].team = "Design".into();
    let team = select_group(&roster, &Group::Team("design".into())).unwrap();
    assert_eq!(team.len(), 1);
    assert_eq!(
        default_title(&Group::Team("design".into()), &team),
        "Team social: Design"
    );
    let err = select_group(&roster, &Group::Team("Ops".into())).unwrap_err();
    assert_eq!(
        err.to_string(),
        "team: no one is in team `Ops`; teams: Design, T"
    );
    let some = select_group(&roster, &Group::Emails(vec!["KO@x".into(), " be@x".into()])).unwrap();
    let emails: Vec<&str> = some.iter().map(|p| p.email.as_str()).collect();
    assert_eq!(emails, ["be@x", "ko@x"], "roster order");
    let err =
        select_group(&roster, &Group::Emails(vec!["zz@x".into(), "be@x".into()])).unwrap_err();
    assert_eq!(err.to_string(), "emails: not in the roster: zz@x");
    assert_eq!(select_group(&roster, &Group::Everyone).unwrap().len(), 3);
    assert!(select_group(&[], &Group::Everyone).is_err());

    let refs: Vec<&Person> = roster.iter().collect();
    let mut bad = vec![
        options("2026-12-02", "2026-12-01", 30),
        options("2026-01-01", "2027-01-02", 30),
        options("2026-12-01", "2026-12-01", 0),
        options("2026-12-01", "2026-12-01", 1441),
    ];
    let mut top0 = options("2026-12-01", "2026-12-01", 30);
    top0.top = 0;
    let mut count0 = options("2026-12-01", "2026-12-01", 30);
    count0.repeat = Some((Every::Week, 0));
    bad.extend([top0, count0]);
    let fields: Vec<String> = bad
        .iter()
        .map(|o| match plan_social(&refs, o).unwrap_err() {
            Error::InvalidInput { field, .. } => field,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(fields, ["to", "to", "duration", "duration", "top", "count"]);
}
