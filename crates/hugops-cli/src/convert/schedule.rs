//! `hugops schedule …` flags to the library's types.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use hugops_core::clock::parse_instant;
use hugops_core::schedule::{Every, Group};
use hugops_core::{Error, Result};

use super::{date, opt_date};
use crate::args::{CheckinsArgs, Schedule, SocialArgs};

/// One `hugops schedule` command, checked.
#[derive(Debug)]
pub enum ScheduleOp {
    Checkins(CheckinsPlan),
    Social(SocialPlan),
    /// From local midnight of `from` in the user's zone, or now.
    Agenda {
        from: Option<NaiveDate>,
        json: bool,
    },
    Done {
        uid: String,
        json: bool,
    },
    Move {
        uid: String,
        to: DateTime<Utc>,
        json: bool,
    },
}

/// `hugops schedule checkins`, checked: the files are read when it is carried out.
#[derive(Debug)]
pub struct CheckinsPlan {
    pub roster: PathBuf,
    /// A pairs file, or `None` for the pairs accepted in the app.
    pub pairs: Option<PathBuf>,
    /// `None`: the clock's today.
    pub today: Option<NaiveDate>,
    pub ics: Option<PathBuf>,
    pub save: bool,
    pub json: bool,
}

/// `hugops schedule social`, checked.
#[derive(Debug)]
pub struct SocialPlan {
    pub roster: PathBuf,
    pub group: Group,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub minutes: u32,
    pub top: usize,
    pub repeat: Option<(Every, u32)>,
    /// `None`: the library's default title for the group.
    pub title: Option<String>,
    pub start: Option<DateTime<Utc>>,
    pub ics: Option<PathBuf>,
    pub save: bool,
    pub json: bool,
}

pub fn plan(cmd: Schedule) -> Result<ScheduleOp> {
    Ok(match cmd {
        Schedule::Checkins(a) => ScheduleOp::Checkins(checkins(a)?),
        Schedule::Social(a) => ScheduleOp::Social(social(a)?),
        Schedule::Agenda(a) => ScheduleOp::Agenda {
            from: opt_date("from", a.from)?,
            json: a.json,
        },
        Schedule::Done(a) => ScheduleOp::Done {
            uid: a.uid,
            json: a.json,
        },
        Schedule::Move(a) => ScheduleOp::Move {
            to: instant("to", &a.to)?,
            uid: a.uid,
            json: a.json,
        },
    })
}

fn checkins(a: CheckinsArgs) -> Result<CheckinsPlan> {
    Ok(CheckinsPlan {
        today: opt_date("today", a.today)?,
        roster: a.roster,
        pairs: a.pairs,
        ics: a.ics,
        save: a.save,
        json: a.json,
    })
}

fn social(a: SocialArgs) -> Result<SocialPlan> {
    let from = date("from", &a.from)?;
    let to = date("to", &a.to)?;
    let group = match (a.team, a.emails) {
        (Some(team), _) => Group::Team(team),
        (None, Some(list)) => Group::Emails(
            list.split(',')
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .map(str::to_owned)
                .collect(),
        ),
        (None, None) => Group::Everyone,
    };
    let repeat = match (a.every.as_deref(), a.count) {
        (Some("month"), Some(n)) => Some((Every::Month, n)),
        (Some(_), Some(n)) => Some((Every::Week, n)),
        _ => None,
    };
    Ok(SocialPlan {
        roster: a.roster,
        group,
        from,
        to,
        minutes: a.duration,
        top: a.top,
        repeat,
        title: a.title,
        start: a.at.as_deref().map(|t| instant("at", t)).transpose()?,
        ics: a.ics,
        save: a.save,
        json: a.json,
    })
}

/// An RFC 3339 instant given for flag `field`.
fn instant(field: &str, text: &str) -> Result<DateTime<Utc>> {
    parse_instant(text.trim()).ok_or_else(|| {
        Error::invalid(
            field,
            format!("`{text}` is not an instant like 2026-12-01T15:00:00Z"),
        )
    })
}
