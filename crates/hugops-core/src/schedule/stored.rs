//! Scheduling from what the app has stored: the roster imported on the
//! Buddies screen, the pairs accepted there, and the schedule settings.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::agenda::{save_meetings, SaveReport};
use super::heatmap::{week_heatmap, Heatmap};
use super::local::{agenda_item, AgendaItem};
use super::social::{default_title, select_group};
use super::{
    ics, plan_checkins, plan_social, CheckinOptions, Group, Meeting, SocialOptions, SocialPlan,
};
use crate::buddies::{load_roster, pairings, PairingSource};
use crate::roster::Person;
use crate::{settings, Result, Store};

/// [`accepted_checkins`] with every attendee's local time.
pub fn accepted_checkins_agenda(store: &Store, today: NaiveDate) -> Result<Vec<AgendaItem>> {
    with_local_times(store, accepted_checkins(store, today)?)
}

/// Meetings with every attendee's local time, from the stored roster.
pub fn with_local_times(store: &Store, meetings: Vec<Meeting>) -> Result<Vec<AgendaItem>> {
    let people = load_roster(store)?;
    Ok(meetings
        .into_iter()
        .map(|m| agenda_item(m, &people))
        .collect())
}

/// Check-ins of every pair accepted in the app, from `today` on.
pub fn accepted_checkins(store: &Store, today: NaiveDate) -> Result<Vec<Meeting>> {
    let people = load_roster(store)?;
    let find = |email: &str| people.iter().find(|p| p.email == email);
    let pairs: Vec<(&Person, &Person)> = pairings(store)?
        .iter()
        .filter(|p| p.source == PairingSource::Accepted)
        .filter_map(|p| Some((find(&p.joiner)?, find(&p.buddy)?)))
        .collect();
    let schedule = settings::load(store)?.schedule;
    let opts = CheckinOptions {
        today,
        minutes: schedule.checkin_minutes,
        cadence: schedule.cadence,
    };
    Ok(plan_checkins(&pairs, &opts))
}

/// A social for `group` of the stored roster; `opts.title` empty means the
/// default title.
pub fn social(store: &Store, group: &Group, mut opts: SocialOptions) -> Result<SocialPlan> {
    let people = load_roster(store)?;
    let members = select_group(&people, group)?;
    if opts.title.trim().is_empty() {
        opts.title = default_title(group, &members);
    }
    plan_social(&members, &opts)
}

/// The week's heat map for `group` of the stored roster, in `zone`.
pub fn heatmap(store: &Store, group: &Group, day: NaiveDate, zone: Tz) -> Result<Heatmap> {
    let people = load_roster(store)?;
    let members = select_group(&people, group)?;
    Ok(week_heatmap(&members, day, zone))
}

/// Saves the check-ins of every accepted pair (from `today`) to the agenda,
/// so they get reminders; saving again changes only what changed.
pub fn save_accepted_checkins(
    store: &mut Store,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<SaveReport> {
    let meetings = accepted_checkins(store, today)?;
    let people = load_roster(store)?;
    save_meetings(store, &meetings, &people, now)
}

/// Plans a social (see [`social`]) and saves its series to the agenda.
pub fn save_social(
    store: &mut Store,
    group: &Group,
    opts: SocialOptions,
    now: DateTime<Utc>,
) -> Result<SaveReport> {
    let plan = social(store, group, opts)?;
    let meetings: Vec<Meeting> = plan.series.into_iter().map(|m| m.meeting).collect();
    let people = load_roster(store)?;
    save_meetings(store, &meetings, &people, now)
}

/// The teams of the stored roster, sorted, each once.
pub fn teams(store: &Store) -> Result<Vec<String>> {
    let mut teams: Vec<String> = load_roster(store)?.into_iter().map(|p| p.team).collect();
    teams.sort_unstable_by_key(|t| t.to_lowercase());
    teams.dedup_by_key(|t| t.to_lowercase());
    Ok(teams)
}

/// Writes `meetings` as an `.ics` file, with names from the stored roster.
pub fn export_ics(
    store: &Store,
    meetings: &[Meeting],
    path: &std::path::Path,
    now: DateTime<Utc>,
) -> Result<()> {
    let people = load_roster(store)?;
    ics::export_to_file(path, meetings, &people, now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::buddies::{record_pairs, save_roster};
    use crate::matching::Pair;
    use crate::roster::parse_roster;
    use std::path::Path;

    fn store() -> Store {
        let csv = "name,email,team,timezone,start_date,working_hours\n\
                   Ana,ana@x.org,Payments,Asia/Kolkata,2026-11-23,09:00-17:00\n\
                   Bo,bo@y.org,SRE,Europe/Berlin,2020-01-01,09:00-17:00\n\
                   Cy,cy@y.org,sre,America/New_York,2020-01-01,09:00-17:00\n";
        let mut store = Store::open_in_memory().unwrap();
        let now = "2026-11-20T10:00:00Z".parse().unwrap();
        let people = parse_roster(Path::new("r.csv"), csv.as_bytes()).unwrap();
        save_roster(&mut store, &people, now).unwrap();
        let pair = Pair {
            joiner: "ana@x.org".into(),
            buddy: "bo@y.org".into(),
            score: 0.5,
            reasons: Vec::new(),
            locked: false,
        };
        let on = "2026-11-20".parse().unwrap();
        record_pairs(&mut store, &[pair], on, PairingSource::Accepted, now).unwrap();
        store
    }

    #[test]
    fn accepted_pairs_get_their_remaining_checkins() {
        let store = store();
        let meetings = accepted_checkins(&store, "2026-11-25".parse().unwrap()).unwrap();
        // Day 1 (2026-11-23) is past; weeks 1, 2, 4, 8 and 12 remain.
        assert_eq!(meetings.len(), 5);
        assert!(meetings
            .iter()
            .all(|m| m.attendees == ["ana@x.org", "bo@y.org"]));
    }

    #[test]
    fn socials_heatmaps_and_teams_use_the_stored_roster() {
        let store = store();
        assert_eq!(teams(&store).unwrap(), ["Payments", "SRE"]);
        let sre = Group::Team("SRE".into());
        let map = heatmap(&store, &sre, "2026-11-25".parse().unwrap(), chrono_tz::UTC).unwrap();
        assert_eq!(map.people, 2);
        let opts = SocialOptions {
            from: "2026-12-01".parse().unwrap(),
            to: "2026-12-02".parse().unwrap(),
            minutes: 60,
            top: 3,
            repeat: None,
            title: String::new(),
            start: None,
        };
        let plan = social(&store, &sre, opts).unwrap();
        assert_eq!(plan.slots.len(), 3);
        assert!(!plan.series[0].meeting.title.is_empty());
        assert!(heatmap(
            &store,
            &Group::Team("Nope".into()),
            "2026-11-25".parse().unwrap(),
            chrono_tz::UTC
        )
        .is_err());
    }

    #[test]
    fn saved_checkins_reach_the_agenda_once() {
        let mut store = store();
        let now = "2026-11-25T10:00:00Z".parse().unwrap();
        let today = "2026-11-25".parse().unwrap();
        let first = save_accepted_checkins(&mut store, today, now).unwrap();
        assert_eq!(first.added, 5);
        let again = save_accepted_checkins(&mut store, today, now).unwrap();
        assert_eq!((again.added, again.unchanged), (0, 5));
        let agenda = crate::schedule::agenda::agenda(&store, now, None).unwrap();
        assert_eq!(agenda.len(), 5);
    }
}
