//! Shifts from expanded calendar events.
//!
//! The person on call is, in this order: an attendee whose address matches a
//! rotation email, else the organizer when theirs does, else a rotation name
//! or email written in the summary ("On call - Priya Raman - Primary"), else
//! nobody. Matching ignores case and a `mailto:` prefix.

use super::roster::Member;
use super::shifts::Shift;

pub use crate::calendar::EventInstance;

/// The shift an event stands for; see the module rules for who holds it.
pub fn shift_from_event(event: &EventInstance, rotation: &[Member]) -> Shift {
    let by_address = |address: &str| {
        let email = address.trim();
        let email = strip_mailto(email);
        rotation
            .iter()
            .find(|m| m.person.email.eq_ignore_ascii_case(email))
    };
    let summary = event.summary.to_lowercase();
    let who = event
        .attendees
        .iter()
        .find_map(|a| by_address(a))
        .or_else(|| event.organizer.as_deref().and_then(by_address))
        .or_else(|| {
            rotation.iter().find(|m| {
                summary.contains(&m.person.name.to_lowercase()) || summary.contains(&m.person.email)
            })
        });
    Shift {
        start: event.start,
        end: event.end,
        who: who.map(|m| m.person.email.clone()),
        summary: event.summary.clone(),
    }
}

fn strip_mailto(address: &str) -> &str {
    match address.get(..7) {
        Some(p) if p.eq_ignore_ascii_case("mailto:") => &address[7..],
        _ => address,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oncall::testing::{at, member};

    fn event(summary: &str, attendees: &[&str], organizer: Option<&str>) -> EventInstance {
        EventInstance {
            start: at("2026-03-28T08:00:00Z"),
            end: at("2026-03-30T08:00:00Z"),
            summary: summary.into(),
            attendees: attendees.iter().map(|a| a.to_string()).collect(),
            organizer: organizer.map(str::to_owned),
            uid: "shift".into(),
        }
    }

    fn rotation() -> Vec<Member> {
        vec![
            member("Priya Raman", "priya@x.org", "Europe/Berlin"),
            member("Tom Li", "tom@x.org", "UTC"),
        ]
    }

    fn who(e: &EventInstance) -> Option<String> {
        shift_from_event(e, &rotation()).who
    }

    #[test]
    fn attendee_wins_over_organizer_and_summary() {
        let e = event(
            "On call - Tom Li",
            &["mailto:someone@else.org", "MAILTO:Priya@X.org"],
            Some("mailto:tom@x.org"),
        );
        assert_eq!(who(&e).as_deref(), Some("priya@x.org"));
        let s = shift_from_event(&e, &rotation());
        assert_eq!((s.start, s.end), (e.start, e.end));
        assert_eq!(s.summary, "On call - Tom Li");
    }

    #[test]
    fn organizer_when_no_attendee_matches() {
        let e = event(
            "On call - Priya Raman",
            &["mailto:x@y.z"],
            Some("mailto:Tom@x.org"),
        );
        assert_eq!(who(&e).as_deref(), Some("tom@x.org"));
    }

    #[test]
    fn summary_name_or_email_then_nobody() {
        let e = event(
            "On call - priya raman - Primary",
            &[],
            Some("mailto:bot@x.org"),
        );
        assert_eq!(who(&e).as_deref(), Some("priya@x.org"));
        let e = event("Secondary: TOM@x.org", &[], None);
        assert_eq!(who(&e).as_deref(), Some("tom@x.org"));
        let e = event("On call - Ana", &["mailto:ana@x.org"], None);
        assert_eq!(who(&e), None);
    }
}
