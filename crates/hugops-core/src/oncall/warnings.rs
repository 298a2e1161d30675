//! Observations that may call for a change, each with a suggested step.
//! Messages describe what happened, never who is at fault, and use the
//! person's first name.

use chrono::NaiveDate;
use serde::Serialize;

use super::first_name;
use crate::clock::Interval;

/// What a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// A 12-hour window of a shift held more than 2 interruptions.
    BusyWindow,
    /// 2 or more nights interrupted within 7 days.
    Nights,
    /// More than twice a fair share of the rotation's sleep interruptions,
    /// and at least 3 of them.
    NightShare,
    /// On call for more than a quarter of the period.
    OncallTime,
    /// Not in the rotation: their times were read in UTC.
    NotInRoster,
}

/// One warning about one person.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Warning {
    pub email: String,
    pub kind: WarningKind,
    pub message: String,
}

/// On call for more than this share of the period is a warning.
pub const ONCALL_SHARE_LIMIT: f64 = 0.25;
/// This many interrupted nights within 7 days is a warning.
pub const NIGHTS_LIMIT: usize = 2;
/// A night share over this many fair shares is a warning...
pub const NIGHT_SHARE_FACTOR: f64 = 2.0;
/// ...when the person had at least this many sleep interruptions.
pub const NIGHT_SHARE_MIN: u32 = 3;

/// What the warnings are drawn from, for one person.
pub struct Facts<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub in_rotation: bool,
    pub busy: &'a [Interval],
    /// The most nights interrupted within 7 days, and the first of them.
    pub nights_in_a_week: Option<(usize, NaiveDate)>,
    pub sleep: u32,
    pub night_share: f64,
    /// `1 / rotation size`.
    pub fair_share: f64,
    pub rotation_sleep: u32,
    pub oncall_hours: f64,
    pub period_hours: f64,
}

/// The warnings `facts` call for, in a fixed order of kinds.
pub fn warnings(f: &Facts<'_>) -> Vec<Warning> {
    let name = first_name(f.name);
    let mut out = Vec::new();
    let mut add = |kind, message: String| {
        out.push(Warning {
            email: f.email.to_owned(),
            kind,
            message,
        })
    };
    if !f.in_rotation {
        add(
            WarningKind::NotInRoster,
            format!(
                "{} is not in the rotation, so their times were read in UTC. Could they be added to the roster with their time zone?",
                f.email
            ),
        );
    }
    if let Some(first) = f.busy.first() {
        let times = match f.busy.len() {
            1 => "once".to_owned(),
            n => format!("{n} times"),
        };
        add(
            WarningKind::BusyWindow,
            format!(
                "{name} had more than 2 interruptions within 12 hours {times}, first from {}. Could someone share the pager with {name} on the next shift?",
                first.start.format("%Y-%m-%d %H:%MZ")
            ),
        );
    }
    if let Some((count, from)) = f.nights_in_a_week.filter(|(n, _)| *n >= NIGHTS_LIMIT) {
        add(
            WarningKind::Nights,
            format!(
                "{name} has been woken on {count} of the 7 nights from {from}. Could someone take their next night shift?"
            ),
        );
    }
    if f.sleep >= NIGHT_SHARE_MIN && f.night_share > NIGHT_SHARE_FACTOR * f.fair_share {
        add(
            WarningKind::NightShare,
            format!(
                "{name} took {} of the rotation's {} night pages ({:.0}%, where an even share is {:.0}%). Could the next night shifts go to others?",
                f.sleep,
                f.rotation_sleep,
                f.night_share * 100.0,
                f.fair_share * 100.0
            ),
        );
    }
    if f.period_hours > 0.0 && f.oncall_hours > ONCALL_SHARE_LIMIT * f.period_hours {
        add(
            WarningKind::OncallTime,
            format!(
                "{name} was on call {:.0} of the period's {:.0} hours ({:.0}%). Could more people share the rotation?",
                f.oncall_hours,
                f.period_hours,
                100.0 * f.oncall_hours / f.period_hours
            ),
        );
    }
    out
}

#[cfg(test)]
mod tests;
