//! The message that introduces a joiner and their buddy to each other.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

use super::{reference_day, shared_interests};
use crate::roster::Person;

/// A friendly introduction for a pair, saying what they share: working
/// hours on `today`'s reference weekday (each in their own time zone) and
/// interests. Plain text, ready to paste into chat or email.
pub fn intro_message(joiner: &Person, buddy: &Person, today: NaiveDate) -> String {
    let mut text = format!(
        "Hi {joiner} and {buddy}!\n\n\
         {joiner}, welcome to {jteam}. {buddy} from {bteam} will be your buddy for your \
         first months: someone outside your team to ask anything, from \"where is the \
         deploy runbook?\" to \"is it normal to feel lost in week two?\".\n",
        joiner = first_name(&joiner.name),
        buddy = first_name(&buddy.name),
        jteam = joiner.team,
        bteam = buddy.team,
    );
    let day = reference_day(today);
    let (a, b) = (joiner.working_interval(day), buddy.working_interval(day));
    let (start, end) = (
        a.start.max(b.start).timestamp(),
        a.end.min(b.end).timestamp(),
    );
    if end > start {
        text.push_str(&format!(
            "\nYou are both at work {} ({}) and {} ({}).",
            span(start, end, joiner.timezone),
            joiner.timezone.name(),
            span(start, end, buddy.timezone),
            buddy.timezone.name(),
        ));
    } else {
        text.push_str(
            "\nYour working hours don't overlap, so take turns picking a time that suits \
             the other, or keep it asynchronous.",
        );
    }
    let shared = shared_interests(joiner, buddy);
    if !shared.is_empty() {
        text.push_str(&format!(" You both like {}.", natural_list(&shared)));
    }
    text.push_str("\n\nHow about a first 30-minute chat this week?\n");
    text
}

fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// `09:00–12:30 your time` style span of two Unix instants in `tz`.
fn span(start: i64, end: i64, tz: Tz) -> String {
    let local = |t: i64| {
        DateTime::<Utc>::from_timestamp(t, 0)
            .map(|t| {
                tz.from_utc_datetime(&t.naive_utc())
                    .format("%H:%M")
                    .to_string()
            })
            .unwrap_or_default()
    };
    format!("{}–{}", local(start), local(end))
}

/// `a`, `a and b`, `a, b and c`.
fn natural_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::parse_roster;
    use std::path::Path;

    fn people() -> Vec<Person> {
        let csv = "name,email,team,timezone,start_date,interests,working_hours\n\
                   Ana Silva,ana@x.org,Payments,Europe/Berlin,2026-11-02,Rust;climbing;tea,09:00-17:00\n\
                   Bo Chen,bo@y.org,SRE,America/New_York,2020-01-01,climbing;rust,08:00-16:00\n\
                   Cy,cy@y.org,SRE,Asia/Tokyo,2020-01-01,,09:00-17:00\n";
        parse_roster(Path::new("r.csv"), csv.as_bytes()).unwrap()
    }

    #[test]
    fn says_what_the_pair_shares_in_both_time_zones() {
        let p = people();
        let text = intro_message(&p[0], &p[1], "2026-11-25".parse().unwrap());
        assert!(text.starts_with("Hi Ana and Bo!"), "{text}");
        assert!(text.contains("Bo from SRE"), "{text}");
        // Berlin is UTC+1, New York UTC-5 in late November: 14:00–17:00 in
        // Berlin is 08:00–11:00 in New York.
        assert!(text.contains("14:00–17:00 (Europe/Berlin)"), "{text}");
        assert!(text.contains("08:00–11:00 (America/New_York)"), "{text}");
        assert!(text.contains("You both like climbing and Rust."), "{text}");
    }

    #[test]
    fn no_overlap_and_no_interests_are_said_plainly() {
        let p = people();
        let text = intro_message(&p[1], &p[2], "2026-11-25".parse().unwrap());
        assert!(text.contains("don't overlap"), "{text}");
        assert!(!text.contains("You both like"), "{text}");
    }

    #[test]
    fn lists_read_naturally() {
        assert_eq!(natural_list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(natural_list(&["a"]), "a");
    }
}
