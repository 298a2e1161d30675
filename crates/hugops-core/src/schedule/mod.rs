//! Check-ins for buddy pairs and socials fair to every time zone,
//! exported as RFC 5545 calendar files.
//!
//! Everything is computed on UTC instants: each person's working hours are
//! turned into UTC intervals on their own local weekdays ([`hours`]), so
//! daylight-saving changes, half- and quarter-hour zones and the date line
//! need no special case. [`checkins`] places a buddy pair's onboarding
//! meetings, [`social`] ranks slots for a group and rotates a recurring
//! series, [`fairness`] keeps the tally of who was asked to meet outside
//! their hours, and [`ics`] writes the calendar file. [`agenda`] keeps the
//! meetings saved in the database: marked done, moved, listed, reminded of.

pub mod agenda;
pub mod checkins;
pub mod fairness;
pub mod heatmap;
pub mod hours;
pub mod ics;
pub mod local;
pub mod pairs_file;
pub mod social;
pub mod stored;
mod uid;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::settings::instant_serde;

pub use checkins::{plan_checkins, CadenceStep, CheckinOptions};
pub use social::{plan_social, Every, Group, SocialOptions, SocialPlan};

/// What a meeting is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// A buddy pair's onboarding check-in.
    Checkin,
    /// A social for a group.
    Social,
}

impl MeetingKind {
    /// The stored and serialised name: `checkin` or `social`.
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingKind::Checkin => "checkin",
            MeetingKind::Social => "social",
        }
    }

    /// The kind named `text` (as written by [`MeetingKind::as_str`]).
    pub fn parse(text: &str) -> Option<Self> {
        [MeetingKind::Checkin, MeetingKind::Social]
            .into_iter()
            .find(|k| k.as_str() == text)
    }
}

/// One scheduled meeting. Emails are lowercase; `outside_hours` lists, in
/// attendee order, the attendees for whom some of the meeting falls outside
/// their working hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Meeting {
    /// Stable across runs for the same meeting (see [`uid`]): `…@hugops`.
    pub uid: String,
    pub kind: MeetingKind,
    pub title: String,
    #[serde(with = "instant_serde")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub start: DateTime<Utc>,
    #[serde(with = "instant_serde")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub end: DateTime<Utc>,
    pub attendees: Vec<String>,
    pub outside_hours: Vec<String>,
    /// Who sends the invitation (one of the attendees); not in the JSON.
    #[serde(skip)]
    pub organizer: String,
}
