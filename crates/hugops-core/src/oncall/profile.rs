//! A person as the on-call rules see them: zone, working hours and sleep
//! window, from the rotation or, for someone not in it, the defaults.

use chrono::NaiveTime;
use chrono_tz::Tz;

use super::roster::Member;

/// What the rules need to know about a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub email: String,
    pub name: String,
    pub timezone: Tz,
    pub working_hours: (NaiveTime, NaiveTime),
    pub sleep: (NaiveTime, NaiveTime),
    /// `false`: not in the rotation, read with the defaults.
    pub in_rotation: bool,
}

impl Profile {
    /// The profile of a rotation member.
    pub fn of(m: &Member) -> Self {
        Profile {
            email: m.person.email.clone(),
            name: m.person.name.clone(),
            timezone: m.person.timezone,
            working_hours: m.person.working_hours,
            sleep: m.sleep,
            in_rotation: true,
        }
    }

    /// Someone known only by an email (or a name): UTC, 09:00-17:00 work,
    /// 22:00-08:00 sleep.
    pub(super) fn unknown(key: &str) -> Self {
        let hm = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap_or_default();
        Profile {
            email: key.to_owned(),
            name: key.to_owned(),
            timezone: Tz::UTC,
            working_hours: (hm(9), hm(17)),
            sleep: (hm(22), hm(8)),
            in_rotation: false,
        }
    }
}
