//! Prefilled kudos for the people woken by a page: one per sleep
//! interruption, "Thanks for taking the 03:12 page on checkout", with the
//! page's local time, its service (else its title) and its link.

use serde::Serialize;

use super::bands::Band;
use super::ledger::Ledger;

/// A kudos suggestion the user may edit and send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Kudos {
    /// The person's name.
    pub person: String,
    pub email: String,
    pub message: String,
    pub tags: Vec<String>,
    pub link: Option<String>,
}

/// One kudos per sleep interruption in the ledger, by person then time.
pub fn thanks(ledger: &Ledger<'_>) -> Vec<Kudos> {
    let mut out = Vec::new();
    for p in &ledger.people {
        for i in p.interruptions.iter().filter(|i| i.band() == Band::Sleep) {
            let incident = &ledger.incidents[i.incident as usize];
            let local = i.at.with_timezone(&p.profile.timezone).format("%H:%M");
            let message = match incident.service.as_ref().or(incident.title.as_ref()) {
                Some(what) => format!("Thanks for taking the {local} page on {what}"),
                None => format!("Thanks for taking the {local} page"),
            };
            out.push(Kudos {
                person: p.profile.name.clone(),
                email: p.profile.email.clone(),
                message,
                tags: vec!["on-call".to_owned()],
                link: incident.url.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oncall::incidents::Incident;
    use crate::oncall::testing::{incident, period, rotation, shift};

    #[test]
    fn one_kudos_per_sleep_interruption_in_local_time() {
        let shifts = [
            shift(
                "priya@x.org",
                "2026-10-24T00:00:00Z",
                "2026-10-26T00:00:00Z",
            ),
            shift("bo@x.org", "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z"),
        ];
        let incidents = [
            // 02:12 CET after Berlin's autumn change; 06:57 in Kathmandu.
            Incident {
                service: Some("checkout".into()),
                title: Some("5xx".into()),
                url: Some("https://pd/1".into()),
                ..incident("2026-10-25T01:12:00Z")
            },
            // 23:30 CET; 04:15 next day in Kathmandu.
            Incident {
                title: Some("Disk full".into()),
                ..incident("2026-10-25T22:30:00Z")
            },
            // 13:00 CET / 18:45 Kathmandu: no one asleep.
            incident("2026-10-25T12:00:00Z"),
        ];
        let ledger = Ledger::build(
            &rotation(),
            &shifts,
            &incidents,
            period("2026-10-24", "2026-10-27"),
        );
        let k = thanks(&ledger);
        let messages: Vec<(&str, &str)> = k
            .iter()
            .map(|k| (k.email.as_str(), k.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                ("bo@x.org", "Thanks for taking the 06:57 page on checkout"),
                ("bo@x.org", "Thanks for taking the 04:15 page on Disk full"),
                (
                    "priya@x.org",
                    "Thanks for taking the 02:12 page on checkout"
                ),
                (
                    "priya@x.org",
                    "Thanks for taking the 23:30 page on Disk full"
                ),
            ]
        );
        assert_eq!(k[0].person, "Bo Shrestha");
        assert_eq!(k[0].tags, ["on-call"]);
        assert_eq!(k[0].link.as_deref(), Some("https://pd/1"));
        assert_eq!(k[1].link, None);
    }
}
