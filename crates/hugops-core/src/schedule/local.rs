//! Each attendee's view of a meeting: their local date and times, for the
//! agenda and the calendar description.

use chrono::DateTime;
use chrono_tz::Tz;
use serde::{Serialize, Serializer};

use super::Meeting;
use crate::roster::Person;

/// One attendee's local time of a meeting. In JSON the zone is its IANA
/// name and the times carry their offset: `2026-12-01T20:30:00+05:30`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LocalTime {
    pub name: String,
    pub email: String,
    #[serde(serialize_with = "zone_name")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub zone: Tz,
    #[serde(serialize_with = "with_offset")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub start: DateTime<Tz>,
    #[serde(serialize_with = "with_offset")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub end: DateTime<Tz>,
    /// Some of the meeting is outside their working hours.
    pub outside_hours: bool,
}

impl LocalTime {
    /// `Tue 2026-12-01 20:30–21:00 +05:30`: the date and times alone.
    pub fn when(&self) -> String {
        let same_day = self.start.date_naive() == self.end.date_naive();
        let end = if same_day {
            self.end.format("%H:%M").to_string()
        } else {
            self.end.format("%a %Y-%m-%d %H:%M").to_string()
        };
        format!(
            "{}–{} {}",
            self.start.format("%a %Y-%m-%d %H:%M"),
            end,
            self.start.format("%:z")
        )
    }

    /// `Ana Ng (Asia/Kolkata): Tue 2026-12-01 20:30–21:00 +05:30`, with
    /// `, outside working hours` when it is.
    pub fn describe(&self) -> String {
        let mut text = format!("{} ({}): {}", self.name, self.zone.name(), self.when());
        if self.outside_hours {
            text.push_str(", outside working hours");
        }
        text
    }
}

/// `Local times:` then one line per attendee (see [`LocalTime::describe`]):
/// the description of a calendar event or a stored meeting.
pub fn describe_all(times: &[LocalTime]) -> String {
    let mut text = String::from("Local times:");
    for local in times {
        text.push('\n');
        text.push_str(&local.describe());
    }
    text
}

fn zone_name<S: Serializer>(zone: &Tz, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(zone.name())
}

fn with_offset<S: Serializer>(t: &DateTime<Tz>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&t.format("%Y-%m-%dT%H:%M:%S%:z"))
}

/// The local times of every attendee found in `people` (by email), in
/// attendee order; attendees not in `people` are left out.
pub fn local_times(meeting: &Meeting, people: &[Person]) -> Vec<LocalTime> {
    meeting
        .attendees
        .iter()
        .filter_map(|email| people.iter().find(|p| &p.email == email))
        .map(|p| LocalTime {
            name: p.name.clone(),
            email: p.email.clone(),
            zone: p.timezone,
            start: meeting.start.with_timezone(&p.timezone),
            end: meeting.end.with_timezone(&p.timezone),
            outside_hours: meeting.outside_hours.contains(&p.email),
        })
        .collect()
}

/// A meeting with every attendee's local time, as the app lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AgendaItem {
    #[serde(flatten)]
    pub meeting: Meeting,
    pub local_times: Vec<AttendeeTime>,
}

/// One attendee's local time, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AttendeeTime {
    pub name: String,
    pub email: String,
    pub zone: String,
    /// `Tue 2026-12-01 20:30–21:00 +05:30`.
    pub when: String,
    pub outside_hours: bool,
}

/// `meeting` with its attendees' local times (those found in `people`).
pub fn agenda_item(meeting: Meeting, people: &[Person]) -> AgendaItem {
    let local_times = local_times(&meeting, people)
        .iter()
        .map(|t| AttendeeTime {
            name: t.name.clone(),
            email: t.email.clone(),
            zone: t.zone.name().to_owned(),
            when: t.when(),
            outside_hours: t.outside_hours,
        })
        .collect();
    AgendaItem {
        meeting,
        local_times,
    }
}

/// A person's display name: their roster name, else the email itself.
pub fn display_name<'a>(people: &'a [Person], email: &'a str) -> &'a str {
    people
        .iter()
        .find(|p| p.email == email)
        .map_or(email, |p| p.name.as_str())
}
