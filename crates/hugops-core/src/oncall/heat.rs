//! When interruptions land on people's own clocks: a count per local
//! weekday and hour, each person's pages placed in their own zone.

use chrono::{Datelike, Timelike};
use serde::Serialize;

use super::ledger::Ledger;

/// Interruptions by local weekday (`counts[0]` is Monday) and hour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Heat {
    pub counts: Vec<[u32; 24]>,
    /// The largest cell, for scaling.
    pub max: u32,
}

/// The heat of every interruption in `ledger`.
pub fn heat(ledger: &Ledger<'_>) -> Heat {
    let mut counts = vec![[0u32; 24]; 7];
    for p in &ledger.people {
        for i in &p.interruptions {
            let local = i.at.with_timezone(&p.profile.timezone);
            counts[local.weekday().num_days_from_monday() as usize][local.hour() as usize] += 1;
        }
    }
    let max = counts.iter().flatten().copied().max().unwrap_or(0);
    Heat { counts, max }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oncall::incidents::{Incident, Urgency};
    use crate::oncall::roster::Member;
    use crate::oncall::shifts::Shift;
    use crate::oncall::Period;
    use crate::testing::{at, date, hm, PersonBuilder};

    #[test]
    fn each_page_counts_at_its_persons_local_hour() {
        let member = |email: &str, tz: chrono_tz::Tz| Member {
            person: PersonBuilder::new(email).zone(tz).build(),
            sleep: (hm("22:00"), hm("08:00")),
        };
        let rotation = [
            member("kat@x.org", chrono_tz::Asia::Kathmandu),
            member("ber@x.org", chrono_tz::Europe::Berlin),
        ];
        let shift = |who: &str| Shift {
            start: at("2026-03-02T00:00:00Z"),
            end: at("2026-03-09T00:00:00Z"),
            who: Some(who.into()),
            summary: String::new(),
        };
        let page = Incident {
            id: None,
            title: None,
            service: None,
            urgency: Some(Urgency::High),
            created_at: at("2026-03-03T20:30:00Z"),
            resolved_at: None,
            url: None,
            assignee: None,
        };
        let period = Period {
            from: date("2026-03-01"),
            to: date("2026-03-10"),
        };
        let shifts = [shift("kat@x.org"), shift("ber@x.org")];
        let incidents = [page];
        let h = heat(&Ledger::build(&rotation, &shifts, &incidents, period));
        // Tuesday 20:30Z is Wednesday 02:15 in Kathmandu, Tuesday 21:30 in Berlin.
        assert_eq!(h.counts[2][2], 1);
        assert_eq!(h.counts[1][21], 1);
        assert_eq!(h.counts.iter().flatten().sum::<u32>(), 2);
        assert_eq!(h.max, 1);
    }
}
