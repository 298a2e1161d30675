//! `hugops schedule …`: check-ins for buddy pairs and socials, and
//! the meetings saved in the database.
//!
//! Wiring only: read the roster (and the pairs), one hugops-core call, then
//! print JSON or an agenda with every attendee's local time, write the
//! calendar file when `--ics` is given and save the meetings with `--save`.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveTime, Utc};
use clap::{ArgGroup, Args, Subcommand};
use hugops_core::buddies::{self, PairingSource};
use hugops_core::clock::local_instant;
use hugops_core::clock::{format_instant, parse_instant, Clock};
use hugops_core::roster::{self, Person};
use hugops_core::schedule::agenda::{self, MeetingStatus, SaveReport, StoredMeeting};
use hugops_core::schedule::local::{local_times, LocalTime};
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
    /// The saved meetings that have not ended, soonest first
    Agenda(AgendaArgs),
    /// Mark a saved meeting done: it is no longer reminded of
    Done(DoneArgs),
    /// Move a saved meeting, keeping its length
    Move(MoveArgs),
}

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// Start from this date (local midnight in your zone) [default: now]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<String>,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DoneArgs {
    /// The meeting's UID (as `schedule agenda` shows it)
    pub uid: String,
    /// Print the meeting as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct MoveArgs {
    /// The meeting's UID (as `schedule agenda` shows it)
    pub uid: String,
    /// The new start, e.g. 2026-12-01T15:00:00Z
    #[arg(long, value_name = "RFC3339")]
    pub to: String,
    /// Print the meeting as JSON
    #[arg(long)]
    pub json: bool,
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
    /// Also save the meetings in the database (for the agenda and reminders)
    #[arg(long)]
    pub save: bool,
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
    /// Also save the series in the database (for the agenda and reminders)
    #[arg(long)]
    pub save: bool,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

/// Carries out `hugops schedule …`. The database (`db`, resolved as for every
/// command) is opened only when a command needs it.
pub fn run(cmd: Schedule, db: Option<PathBuf>, clock: &dyn Clock, out: &mut Stdout) -> CmdResult {
    match cmd {
        Schedule::Checkins(args) => checkins(args, db, clock, out),
        Schedule::Social(args) => social(args, db, clock, out),
        Schedule::Agenda(args) => show_agenda(args, &open(db)?, clock, out),
        Schedule::Done(args) => {
            let m = agenda::mark_done(&mut open(db)?, &args.uid, clock.now())?;
            print_changed(out, &m, args.json, "marked done")
        }
        Schedule::Move(args) => {
            let to = instant("to", &args.to)?;
            let m = agenda::move_meeting(&mut open(db)?, &args.uid, to, clock.now())?;
            print_changed(out, &m, args.json, "moved")
        }
    }
}

fn open(db: Option<PathBuf>) -> Result<Store, Error> {
    Store::open(store::resolve_path(db)?)
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
    // The database is opened (and created) only to read accepted pairs or
    // to save; otherwise its settings are read if it exists.
    let mut store = None;
    let rows = match &args.pairs {
        Some(path) => pairs_file::read_pairs(path)?,
        None => accepted_pairs(store.insert(open(db.clone())?))?,
    };
    if args.save && store.is_none() {
        store = Some(open(db.clone())?);
    }
    let schedule_settings = match &store {
        Some(store) => settings::load(store)?.schedule,
        None => existing_settings(db)?,
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
    let saved = match store.as_mut().filter(|_| args.save) {
        Some(store) => Some(agenda::save_meetings(
            store,
            &meetings,
            &people,
            clock.now(),
        )?),
        None => None,
    };
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
    print_written(out, args.ics.as_deref(), meetings.len())?;
    print_saved(out, saved)
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

fn social(args: SocialArgs, db: Option<PathBuf>, clock: &dyn Clock, out: &mut Stdout) -> CmdResult {
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
    let saved = if args.save {
        Some(agenda::save_meetings(
            &mut open(db)?,
            &series,
            &people,
            clock.now(),
        )?)
    } else {
        None
    };
    if args.json {
        return crate::print_json(out, &plan);
    }
    print_social(out, &plan, members.len(), &people)?;
    print_written(out, args.ics.as_deref(), series.len())?;
    print_saved(out, saved)
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
        print_meeting_lines(out, m.start, m.end, &m.title, &local_times(m, people))?;
    }
    Ok(())
}

fn print_saved(out: &mut Stdout, saved: Option<SaveReport>) -> CmdResult {
    if let Some(r) = saved {
        writeln!(
            out,
            "saved: {} new, {} updated, {} unchanged",
            r.added, r.updated, r.unchanged
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct StoredJson<'a> {
    meetings: &'a [StoredMeeting],
}

/// `schedule agenda`: from local midnight of `--from` in the user's zone, or now.
fn show_agenda(args: AgendaArgs, store: &Store, clock: &dyn Clock, out: &mut Stdout) -> CmdResult {
    let from = match &args.from {
        Some(text) => {
            let day = convert::date("from", text)?;
            let zone = settings::load(store)?.effective_zone(clock);
            local_instant(zone, day.and_time(NaiveTime::MIN))
        }
        None => clock.now(),
    };
    let meetings = agenda::agenda(store, from, None)?;
    if args.json {
        return crate::print_json(
            out,
            &StoredJson {
                meetings: &meetings,
            },
        );
    }
    if meetings.is_empty() {
        writeln!(out, "no saved meetings from {}", format_instant(from))?;
    }
    for m in &meetings {
        print_stored(out, m)?;
    }
    Ok(())
}

/// A meeting just marked done or moved, as JSON or in a few lines.
fn print_changed(out: &mut Stdout, m: &StoredMeeting, json: bool, what: &str) -> CmdResult {
    if json {
        return crate::print_json(out, m);
    }
    writeln!(out, "{what}: {}", render::clean(&m.title))?;
    print_stored(out, m)
}

/// Time and title, then UID and status, then every attendee's local time.
fn print_stored(out: &mut Stdout, m: &StoredMeeting) -> CmdResult {
    print_meeting_lines(out, m.start, m.end, &m.title, &m.local_times)?;
    let mut state = format!("  uid {}  {}", m.uid, m.status.as_str());
    if let (Some(from), MeetingStatus::Scheduled) = (m.moved_from, m.status) {
        state.push_str(&format!(" (moved from {})", format_instant(from)));
    }
    writeln!(out, "{}", render::clean(&state))?;
    Ok(())
}

/// `2026-12-01T15:00:00Z – 15:30  Title`, then one line per local time.
fn print_meeting_lines(
    out: &mut Stdout,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    title: &str,
    times: &[LocalTime],
) -> CmdResult {
    writeln!(
        out,
        "{} – {}  {}",
        format_instant(start),
        end.format("%H:%M"),
        render::clean(title)
    )?;
    for local in times {
        writeln!(out, "  {}", render::clean(&local.describe()))?;
    }
    Ok(())
}

/// An RFC 3339 instant given for flag `field`.
fn instant(field: &str, text: &str) -> Result<DateTime<Utc>, Error> {
    parse_instant(text.trim()).ok_or_else(|| {
        Error::invalid(
            field,
            format!("`{text}` is not an instant like 2026-12-01T15:00:00Z"),
        )
    })
}

fn print_written(out: &mut Stdout, path: Option<&Path>, n: usize) -> CmdResult {
    if let Some(path) = path {
        let noun = if n == 1 { "meeting" } else { "meetings" };
        writeln!(out, "wrote {n} {noun} to {}", path.display())?;
    }
    Ok(())
}
