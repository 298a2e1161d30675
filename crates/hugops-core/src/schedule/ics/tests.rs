use super::*;
use crate::clock::parse_instant;
use crate::schedule::testing::person;
use crate::schedule::MeetingKind;

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
