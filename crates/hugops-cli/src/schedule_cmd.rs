//! `hugops schedule …` (issue 6): check-ins for buddy pairs and socials.
//!
//! Wiring only: read the roster (and the pairs), one hugops-core call, then
//! print JSON or an agenda with every attendee's local time, and write the
//! calendar file when `--ics` is given.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{ArgGroup, Args, Subcommand};
use hugops_core::buddies::{self, PairingSource};
use hugops_core::clock::{format_instant, Clock};
use hugops_core::roster::{self, Person};
use hugops_core::schedule::local::local_times;
use hugops_core::schedule::social::{default_title, select_group};
use hugops_core::schedule::{
    ics, pairs_file, plan_checkins, plan_social, CheckinOptions, Every, Group, Meeting,
    SocialOptions, SocialPlan,
};
use hugops_core::settings::{self, ScheduleSettings};
use hugops_core::{store, Error, Store};
use serde::Serialize;

use crate::convert;
use crate::output::{CmdResult, Stdout};
use crate::render;

#[derive(Debug, Subcommand)]
pub enum Schedule {
    /// The onboarding check-ins of every buddy pair
    ///
    /// Day 1, week 1, 2, 4, 8 and 12 after the joiner's start date (the
    /// `schedule.cadence` setting), 30 minutes (`schedule.checkin_minutes`),
    /// at the earliest time inside both people's working hours on a weekday
    /// for both. Settings are read from the database when it exists.
    Checkins(CheckinsArgs),
    /// The best slots for a social across time zones, and a fair series
    Social(SocialArgs),
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("source").required(true).args(["pairs", "accepted"])))]
pub struct CheckinsArgs {
    /// The roster CSV file
    #[arg(long, value_name = "FILE")]
    pub roster: PathBuf,
    /// The pairs: what `hugops match --json` prints
    #[arg(long, value_name = "PAIRS.json")]
    pub pairs: Option<PathBuf>,
    /// The pairs accepted in the app (stored in the database)
    #[arg(long)]
    pub accepted: bool,
    /// Check-ins before this date are not scheduled [default: today]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    /// Also write the meetings to this calendar file (atomically)
    #[arg(long, value_name = "OUT.ics")]
    pub ics: Option<PathBuf>,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("group").args(["team", "emails"])))]
pub struct SocialArgs {
    /// The roster CSV file
    #[arg(long, value_name = "FILE")]
    pub roster: PathBuf,
    /// Invite this team (case-insensitive) [default: everyone]
    #[arg(long, value_name = "NAME")]
    pub team: Option<String>,
    /// Invite these people (comma-separated emails) [default: everyone]
    #[arg(long, value_name = "a,b,c")]
    pub emails: Option<String>,
    /// Length of the social in minutes
    #[arg(long, value_name = "MINUTES")]
    pub duration: u32,
    /// First date of the window (UTC)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: String,
    /// Last date of the window (UTC, included)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: String,
    /// How many ranked slots to list
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub top: usize,
    /// Repeat: each occurrence in the window moved by a week or a month
    #[arg(long, value_name = "PERIOD", value_parser = ["week", "month"], requires = "count")]
    pub every: Option<String>,
    /// How many occurrences of the series
    #[arg(long, value_name = "N", requires = "every")]
    pub count: Option<u32>,
    /// Title of the meetings [default: "Team social" (with the team's name)]
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Also write the series to this calendar file (atomically)
    #[arg(long, value_name = "OUT.ics")]
    pub ics: Option<PathBuf>,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

/// Carries out `hugops schedule …`. The database (`db`, resolved as for every
/// command) is opened only when a command needs it.
pub fn run(cmd: Schedule, db: Option<PathBuf>, clock: &dyn Clock, out: &mut Stdout) -> CmdResult {
    match cmd {
        Schedule::Checkins(args) => checkins(args, db, clock, out),
        Schedule::Social(args) => social(args, clock, out),
    }
}

#[derive(Serialize)]
struct MeetingsJson<'a> {
    meetings: &'a [Meeting],
}

fn checkins(
    args: CheckinsArgs,
    db: Option<PathBuf>,
    clock: &dyn Clock,
    out: &mut Stdout,
) -> CmdResult {
    let today = match &args.today {
        Some(text) => convert::date("today", text)?,
        None => clock.today(),
    };
    let people = roster::read_roster(&args.roster)?;
    let (rows, schedule_settings) = match &args.pairs {
        Some(path) => (pairs_file::read_pairs(path)?, existing_settings(db)?),
        None => {
            let store = Store::open(store::resolve_path(db)?)?;
            (accepted_pairs(&store)?, settings::load(&store)?.schedule)
        }
    };
    let source = args.pairs.as_deref().unwrap_or(Path::new("accepted pairs"));
    let pairs = pairs_file::resolve(&people, &rows, source)?;
    let opts = CheckinOptions {
        today,
        minutes: schedule_settings.checkin_minutes,
        cadence: schedule_settings.cadence,
    };
    let meetings = plan_checkins(&pairs, &opts);
    if let Some(path) = &args.ics {
        ics::export_to_file(path, &meetings, &people, clock.now())?;
    }
    if args.json {
        return crate::print_json(
            out,
            &MeetingsJson {
                meetings: &meetings,
            },
        );
    }
    if meetings.is_empty() {
        writeln!(out, "no check-ins to schedule on or after {today}")?;
    }
    print_agenda(out, &meetings, &people)?;
    print_written(out, args.ics.as_deref(), meetings.len())
}

/// The schedule settings of the database if it already exists (it is not
/// created), else the defaults.
fn existing_settings(db: Option<PathBuf>) -> Result<ScheduleSettings, Error> {
    let path = store::resolve_path(db)?;
    if !path.exists() {
        return Ok(ScheduleSettings::default());
    }
    Ok(settings::load(&Store::open(path)?)?.schedule)
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

fn social(args: SocialArgs, clock: &dyn Clock, out: &mut Stdout) -> CmdResult {
    let from = convert::date("from", &args.from)?;
    let to = convert::date("to", &args.to)?;
    let group = match (args.team, args.emails) {
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
    let repeat = match (args.every.as_deref(), args.count) {
        (Some("month"), Some(n)) => Some((Every::Month, n)),
        (Some(_), Some(n)) => Some((Every::Week, n)),
        _ => None,
    };
    let people = roster::read_roster(&args.roster)?;
    let members = select_group(&people, &group)?;
    let opts = SocialOptions {
        from,
        to,
        minutes: args.duration,
        top: args.top,
        repeat,
        title: args
            .title
            .unwrap_or_else(|| default_title(&group, &members)),
    };
    let plan = plan_social(&members, &opts)?;
    let series: Vec<Meeting> = plan.series.iter().map(|m| m.meeting.clone()).collect();
    if let Some(path) = &args.ics {
        ics::export_to_file(path, &series, &people, clock.now())?;
    }
    if args.json {
        return crate::print_json(out, &plan);
    }
    print_social(out, &plan, members.len(), &people)?;
    print_written(out, args.ics.as_deref(), series.len())
}

fn print_social(out: &mut Stdout, plan: &SocialPlan, size: usize, people: &[Person]) -> CmdResult {
    if plan.slots.is_empty() {
        writeln!(out, "no weekday slot in the window")?;
        return Ok(());
    }
    writeln!(out, "best slots (UTC), people in working hours:")?;
    for slot in &plan.slots {
        let mut line = format!(
            "  {} {}–{}  {}/{size}",
            slot.start.format("%a %Y-%m-%d"),
            slot.start.format("%H:%M"),
            slot.end.format("%H:%M"),
            slot.in_hours,
        );
        if !slot.outside_hours.is_empty() {
            line.push_str(&format!("  outside: {}", slot.outside_hours.join(", ")));
        }
        writeln!(out, "{}", render::clean(&line))?;
    }
    writeln!(out)?;
    let meetings: Vec<Meeting> = plan.series.iter().map(|m| m.meeting.clone()).collect();
    print_agenda(out, &meetings, people)?;
    writeln!(out, "times outside working hours over the series:")?;
    for (email, n) in &plan.outside_hours_count {
        writeln!(out, "  {}  {n}", render::clean(email))?;
    }
    Ok(())
}

/// Each meeting in UTC, then every attendee's local time.
fn print_agenda(out: &mut Stdout, meetings: &[Meeting], people: &[Person]) -> CmdResult {
    for m in meetings {
        writeln!(
            out,
            "{} – {}  {}",
            format_instant(m.start),
            m.end.format("%H:%M"),
            render::clean(&m.title)
        )?;
        for local in local_times(m, people) {
            writeln!(out, "  {}", render::clean(&local.describe()))?;
        }
    }
    Ok(())
}

fn print_written(out: &mut Stdout, path: Option<&Path>, n: usize) -> CmdResult {
    if let Some(path) = path {
        let noun = if n == 1 { "meeting" } else { "meetings" };
        writeln!(out, "wrote {n} {noun} to {}", path.display())?;
    }
    Ok(())
}
