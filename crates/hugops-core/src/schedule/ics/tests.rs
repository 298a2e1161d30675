use super::*;
use crate::clock::parse_instant;
use crate::schedule::MeetingKind;
use crate::testing::person;

fn meeting(title: &str, attendees: &[&str]) -> Meeting {
    Meeting {
        uid: "0123abcd@hugops".into(),
        kind: MeetingKind::Checkin,
        title: title.into(),
        start: parse_instant("2026-12-01T15:00:00Z").unwrap(),
        end: parse_instant("2026-12-01T15:30:00Z").unwrap(),
        attendees: attendees.iter().map(|a| a.to_string()).collect(),
        outside_hours: vec![attendees[0].to_string()],
        organizer: attendees[1].to_string(),
    }
}

/// Undoes folding: CRLF followed by one space joins the lines.
fn unfold(text: &str) -> String {
    text.replace("\r\n ", "")
}

#[test]
fn folds_at_75_octets_counting_the_leading_space() {
    let line = "D".repeat(150);
    let mut out = String::new();
    push_folded(&mut out, &line);
    let lines: Vec<&str> = out.split("\r\n").collect();
    let lens: Vec<usize> = lines.iter().map(|l| l.len()).collect();
    assert_eq!(lens, [75, 75, 2, 0]);
    assert_eq!(unfold(&out), format!("{line}\r\n"));
    let mut short = String::new();
    push_folded(&mut short, &"x".repeat(75));
    assert_eq!(short, format!("{}\r\n", "x".repeat(75)));
}

#[test]
fn never_splits_a_utf8_character() {
    for prefix in 0..5 {
        let line = format!("SUMMARY:{}{}", "a".repeat(prefix), "é漢🎉".repeat(30));
        let mut out = String::new();
        push_folded(&mut out, &line);
        for physical in out.split("\r\n") {
            assert!(physical.len() <= MAX_LINE_OCTETS, "{physical:?}");
        }
        assert_eq!(unfold(&out), format!("{line}\r\n"));
    }
}

#[test]
fn text_and_parameters_are_escaped() {
    assert_eq!(
        escape_text("a,b;c\\d\ne\r\nf\rg\u{7}h\ti"),
        "a\\,b\\;c\\\\d\\ne\\nf\\ng\u{0}h\ti".replace('\u{0}', "")
    );
    assert_eq!(param_value("Hana Smith, Jr."), "\"Hana Smith, Jr.\"");
    assert_eq!(param_value("Ann \"Jo\" ^x\nY"), "\"Ann ^'Jo^' ^^x^nY\"");
    assert_eq!(mailto("a b\"%@x.org"), "mailto:a%20b%22%25@x.org");
    assert_eq!(mailto("ø@x.org"), "mailto:%C3%B8@x.org");
}

#[test]
fn calendar_structure() {
    let people = vec![
        person("ana@x.org", "Asia/Kolkata", "09:00-17:00"),
        person("bo@y.org", "America/New_York", "09:00-17:00"),
    ];
    let mut m = meeting(
        "Buddy check-in: Ana; Bo, (week 2)",
        &["ana@x.org", "bo@y.org"],
    );
    m.title.push_str(&" long".repeat(20));
    let stamp = parse_instant("2026-11-24T10:00:00Z").unwrap();
    let text = calendar(
        &[m.clone(), meeting("Second", &["bo@y.org", "ana@x.org"])],
        &people,
        stamp,
    );
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "bare LF");
    assert!(!text.replace("\r\n", "").contains('\r'), "bare CR");
    assert!(text.split("\r\n").all(|l| l.len() <= MAX_LINE_OCTETS));
    let lines: Vec<String> = unfold(&text).split("\r\n").map(str::to_owned).collect();
    let has = |l: &str| lines.iter().any(|x| x == l);
    assert!(
        lines[..4]
            == [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                &format!("PRODID:{PRODID}"),
                "CALSCALE:GREGORIAN"
            ]
    );
    assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 2);
    assert_eq!(lines.iter().filter(|l| *l == "END:VEVENT").count(), 2);
    assert!(has("DTSTART:20261201T150000Z"));
    assert!(has("DTEND:20261201T153000Z"));
    assert!(has("DTSTAMP:20261124T100000Z"));
    assert!(has("UID:0123abcd@hugops"));
    assert!(has(&format!(
        "SUMMARY:Buddy check-in: Ana\\; Bo\\, (week 2){}",
        " long".repeat(20)
    )));
    assert!(has("ORGANIZER;CN=\"bo\":mailto:bo@y.org"));
    assert!(has(
        "ATTENDEE;CN=\"ana\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:ana@x.org"
    ));
    // Kolkata 20:30, New York 10:00; Ana is outside her hours.
    assert!(has("DESCRIPTION:Local times:\\nana (Asia/Kolkata): Tue 2026-12-01 20:30–21:00 +05:30\\, outside working hours\\nbo (America/New_York): Tue 2026-12-01 10:00–10:30 -05:00"), "{lines:#?}");
}

/// A weekly or monthly series of `n` socials starting 2026-12-01 15:00Z.
fn series(n: u32, step: impl Fn(u32) -> chrono::TimeDelta) -> Vec<Meeting> {
    (0..n)
        .map(|k| {
            let mut m = meeting(&format!("Team social ({}/{n})", k + 1), &["a@x", "b@y"]);
            m.kind = MeetingKind::Social;
            m.uid = format!("{k}@hugops");
            m.start += step(k);
            m.end += step(k);
            m
        })
        .collect()
}

#[test]
fn a_regular_series_is_one_event_with_a_rule() {
    let weekly = series(4, |k| chrono::TimeDelta::weeks(k.into()));
    assert_eq!(
        regular_series(&weekly).as_deref(),
        Some("FREQ=WEEKLY;COUNT=4")
    );
    let text = unfold(&calendar(
        &weekly,
        &[],
        parse_instant("2026-11-25T10:00:00Z").unwrap(),
    ));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
    assert!(text.contains("\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\n"), "{text}");
    assert!(text.contains("\r\nSUMMARY:Team social\r\n"), "{text}");
    assert!(text.contains("\r\nUID:0@hugops\r\n"), "{text}");

    // 2026-12-01, 2027-01-01, 2027-02-01: a month apart each time.
    let days = [0, 31, 62];
    let monthly = series(3, |k| chrono::TimeDelta::days(days[k as usize]));
    assert_eq!(
        regular_series(&monthly).as_deref(),
        Some("FREQ=MONTHLY;COUNT=3")
    );
}

#[test]
fn rotated_checkins_and_single_meetings_are_written_one_by_one() {
    // Rotated: the third meeting moves to another hour.
    let mut rotated = series(3, |k| chrono::TimeDelta::weeks(k.into()));
    rotated[2].start += chrono::TimeDelta::hours(5);
    rotated[2].end += chrono::TimeDelta::hours(5);
    assert_eq!(regular_series(&rotated), None);
    let text = calendar(
        &rotated,
        &[],
        parse_instant("2026-11-25T10:00:00Z").unwrap(),
    );
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 3);
    assert!(!text.contains("RRULE"));
    // Check-ins, and a series of one, never get a rule.
    let mut checkins = series(2, |k| chrono::TimeDelta::weeks(k.into()));
    checkins
        .iter_mut()
        .for_each(|m| m.kind = MeetingKind::Checkin);
    assert_eq!(regular_series(&checkins), None);
    assert_eq!(
        regular_series(&series(1, |_| chrono::TimeDelta::zero())),
        None
    );
    assert_eq!(series_title("Team social (2/4)"), "Team social");
    assert_eq!(series_title("Retro (draft)"), "Retro (draft)");
}
