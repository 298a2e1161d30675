//! `hugops schedule …`: check-ins for buddy pairs and socials, and the
//! meetings saved in the database.
//!
//! Reads the roster (and the pairs), one hugops-core call, then prints JSON
//! or an agenda with every attendee's local time, writes the calendar file
//! when `--ics` is given and saves the meetings with `--save`.

use std::path::{Path, PathBuf};

use chrono::NaiveTime;
use hugops_core::buddies::{self, PairingSource};
use hugops_core::clock::{local_instant, Clock};
use hugops_core::roster;
use hugops_core::schedule::agenda;
use hugops_core::schedule::social::{default_title, select_group};
use hugops_core::schedule::{
    ics, pairs_file, plan_checkins, plan_social, CheckinOptions, Meeting, SocialOptions,
};
use hugops_core::settings::{self, ScheduleSettings};
use hugops_core::{store, Error, Store};

use super::open;
use crate::convert::{CheckinsPlan, ScheduleOp, SocialPlan};
use crate::output::{CmdResult, Stdout};
use crate::print;
use crate::print::schedule::Written;

/// Carries out `hugops schedule …`. The database (`db`, resolved as for every
/// command) is opened only when a command needs it.
pub fn run(op: ScheduleOp, db: Option<PathBuf>, clock: &dyn Clock, out: &mut Stdout) -> CmdResult {
    match op {
        ScheduleOp::Checkins(plan) => checkins(plan, db, clock, out),
        ScheduleOp::Social(plan) => social(plan, db, clock, out),
        ScheduleOp::Agenda { from, json } => {
            let store = open(db, clock)?;
            // From local midnight of `from` in the user's zone, or now.
            let from = match from {
                Some(day) => {
                    let zone = settings::user_zone(&store, clock)?;
                    local_instant(zone, day.and_time(NaiveTime::MIN))
                }
                None => clock.now(),
            };
            print::schedule::agenda(out, from, &agenda::agenda(&store, from, None)?, json)
        }
        ScheduleOp::Done { uid, json } => {
            let m = agenda::mark_done(&mut open(db, clock)?, &uid, clock.now())?;
            print::schedule::changed(out, &m, json, "marked done")
        }
        ScheduleOp::Move { uid, to, json } => {
            let m = agenda::move_meeting(&mut open(db, clock)?, &uid, to, clock.now())?;
            print::schedule::changed(out, &m, json, "moved")
        }
    }
}

fn checkins(
    plan: CheckinsPlan,
    db: Option<PathBuf>,
    clock: &dyn Clock,
    out: &mut Stdout,
) -> CmdResult {
    let today = plan.today.unwrap_or_else(|| clock.today());
    let people = roster::read_roster(&plan.roster)?;
    // The database is opened (and created) only to read accepted pairs or
    // to save; otherwise its settings are read if it exists.
    let mut store = None;
    let rows = match &plan.pairs {
        Some(path) => pairs_file::read_pairs(path)?,
        None => accepted_pairs(store.insert(open(db.clone(), clock)?))?,
    };
    if plan.save && store.is_none() {
        store = Some(open(db.clone(), clock)?);
    }
    let schedule_settings = match &store {
        Some(store) => settings::load(store)?.schedule,
        None => existing_settings(db, clock)?,
    };
    let source = plan.pairs.as_deref().unwrap_or(Path::new("accepted pairs"));
    let pairs = pairs_file::resolve(&people, &rows, source)?;
    let opts = CheckinOptions {
        today,
        minutes: schedule_settings.checkin_minutes,
        cadence: schedule_settings.cadence,
    };
    let meetings = plan_checkins(&pairs, &opts);
    if let Some(path) = &plan.ics {
        ics::export_to_file(path, &meetings, &people, clock.now())?;
    }
    let saved = match store.as_mut().filter(|_| plan.save) {
        Some(store) => Some(agenda::save_meetings(
            store,
            &meetings,
            &people,
            clock.now(),
        )?),
        None => None,
    };
    let written = Written {
        ics: plan.ics.as_deref(),
        count: meetings.len(),
        saved,
    };
    print::schedule::checkins(out, &meetings, &people, today, written, plan.json)
}

/// The schedule settings of the database if it already exists (it is not
/// created), else the defaults.
fn existing_settings(db: Option<PathBuf>, clock: &dyn Clock) -> Result<ScheduleSettings, Error> {
    let path = store::resolve_path(db)?;
    if !path.exists() {
        return Ok(ScheduleSettings::default());
    }
    Ok(settings::load(&Store::open(path, clock.now())?)?.schedule)
}

/// The pairings accepted in the app, as rows of a pairs file.
fn accepted_pairs(store: &Store) -> Result<Vec<pairs_file::PairRow>, Error> {
    Ok(buddies::pairings(store)?
        .into_iter()
        .filter(|p| p.source == PairingSource::Accepted)
        .map(|p| pairs_file::PairRow {
            joiner: p.joiner,
            buddy: p.buddy,
            line: 0,
        })
        .collect())
}

fn social(plan: SocialPlan, db: Option<PathBuf>, clock: &dyn Clock, out: &mut Stdout) -> CmdResult {
    let people = roster::read_roster(&plan.roster)?;
    let members = select_group(&people, &plan.group)?;
    let opts = SocialOptions {
        from: plan.from,
        to: plan.to,
        minutes: plan.minutes,
        top: plan.top,
        repeat: plan.repeat,
        title: plan
            .title
            .unwrap_or_else(|| default_title(&plan.group, &members)),
        start: plan.start,
    };
    let social = plan_social(&members, &opts)?;
    let series: Vec<Meeting> = social.series.iter().map(|m| m.meeting.clone()).collect();
    if let Some(path) = &plan.ics {
        ics::export_to_file(path, &series, &people, clock.now())?;
    }
    let saved = if plan.save {
        Some(agenda::save_meetings(
            &mut open(db, clock)?,
            &series,
            &people,
            clock.now(),
        )?)
    } else {
        None
    };
    let written = Written {
        ics: plan.ics.as_deref(),
        count: series.len(),
        saved,
    };
    print::schedule::social(out, &social, members.len(), &people, written, plan.json)
}
