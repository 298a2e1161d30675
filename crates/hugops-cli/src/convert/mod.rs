//! Stage two of parsing: raw flags to the library's types, for every command.
//!
//! Only shapes are checked here (a date looks like a date, a threshold is a
//! number in range), before any file is touched; the library validates the
//! values themselves (empty message, length, email, link).

mod oncall;
mod review;
mod schedule;
mod thread;

use std::path::PathBuf;

use chrono::NaiveDate;
use hugops_core::journal::{Direction, EntryPatch, ExportFormat, Filter, NewEntry};
use hugops_core::settings::{self, Settings};
use hugops_core::{Error, Result};

use crate::args::{
    AddArgs, Backup, Command, EditArgs, FilterArgs, Kudos, Reminders, SettingsAction,
};

pub use oncall::{OncallImportPlan, OncallOp};
pub use review::ReviewOp;
pub use schedule::{CheckinsPlan, ScheduleOp, SocialPlan};
pub use thread::{CheckPlan, ImportChatPlan, ThreadOp};

/// One command, in the library's terms: what `commands` carries out.
#[derive(Debug)]
pub enum Op {
    Kudos(KudosOp),
    Settings(SettingsOp),
    Reminders(RemindersOp),
    /// Buddy matching; needs no database.
    Match(MatchPlan),
    Schedule(ScheduleOp),
    Oncall(OncallOp),
    /// Reads files only; needs no database.
    Thread(ThreadOp),
    /// Reads files only; needs no database.
    Review(ReviewOp),
    Backup(BackupOp),
}

/// `hugops backup …`, checked.
#[derive(Debug)]
pub enum BackupOp {
    Now { json: bool },
    List { json: bool },
    Restore { path: PathBuf, json: bool },
}

/// `hugops kudos …`, checked.
#[derive(Debug)]
pub enum KudosOp {
    Add {
        new: NewEntry,
        json: bool,
    },
    List {
        filter: Filter,
        json: bool,
    },
    Search {
        query: String,
        filter: Filter,
        json: bool,
    },
    Show {
        id: i64,
        json: bool,
    },
    Edit {
        id: i64,
        patch: EntryPatch,
        json: bool,
    },
    Delete {
        id: i64,
    },
    Undo {
        id: i64,
        json: bool,
    },
    Export {
        format: ExportFormat,
        out: Option<PathBuf>,
    },
    Import {
        file: PathBuf,
        json: bool,
    },
    Stats {
        json: bool,
    },
    ImportChat(ImportChatPlan),
}

/// `hugops settings …`, checked.
#[derive(Debug)]
pub enum SettingsOp {
    /// All settings (`key: None`) or one.
    Get {
        key: Option<String>,
        json: bool,
    },
    Set {
        key: String,
        value: String,
    },
}

/// `hugops reminders …`, checked.
#[derive(Debug)]
pub enum RemindersOp {
    Due { json: bool },
    Pause { minutes: i64 },
    Resume,
}

/// `hugops match`, checked: the files are read when it is carried out.
#[derive(Debug)]
pub struct MatchPlan {
    pub roster: PathBuf,
    pub history: Option<PathBuf>,
    /// `None`: the clock's today.
    pub today: Option<NaiveDate>,
    pub joiner_window_days: Option<u32>,
    pub min_tenure_days: Option<u32>,
    pub candidates: bool,
    pub json: bool,
}

/// Turns the parsed command line into an [`Op`], checking every value whose
/// shape the library cannot see (dates, formats, setting names) before any
/// file is touched.
pub fn plan(command: Command) -> Result<Op> {
    Ok(match command {
        Command::Kudos(k) => Op::Kudos(kudos(k)?),
        Command::Settings { action } => Op::Settings(match action {
            None => SettingsOp::Get {
                key: None,
                json: false,
            },
            Some(SettingsAction::Get { key, json }) => SettingsOp::Get {
                key: key.map(known_setting).transpose()?,
                json,
            },
            Some(SettingsAction::Set { key, value }) => SettingsOp::Set { key, value },
        }),
        Command::Reminders(r) => Op::Reminders(match r {
            Reminders::Due(a) => RemindersOp::Due { json: a.json },
            Reminders::Pause { minutes } => RemindersOp::Pause { minutes },
            Reminders::Resume => RemindersOp::Resume,
        }),
        Command::Match(a) => Op::Match(MatchPlan {
            roster: a.roster,
            history: a.history,
            today: opt_date("today", a.today)?,
            joiner_window_days: opt_days("joiner-window-days", a.joiner_window_days)?,
            min_tenure_days: opt_days("min-tenure-days", a.min_tenure_days)?,
            candidates: a.candidates,
            json: a.json,
        }),
        Command::Schedule(s) => Op::Schedule(schedule::plan(s)?),
        Command::Oncall(o) => Op::Oncall(oncall::plan(o)?),
        Command::Thread(t) => Op::Thread(thread::plan(t)?),
        Command::Backup(b) => Op::Backup(match b {
            Backup::Now(a) => BackupOp::Now { json: a.json },
            Backup::List(a) => BackupOp::List { json: a.json },
            Backup::Restore(a) => BackupOp::Restore {
                path: a.path,
                json: a.json,
            },
        }),
        Command::Review(r) => Op::Review(review::plan(r)),
    })
}

fn kudos(k: Kudos) -> Result<KudosOp> {
    Ok(match k {
        Kudos::Add(a) => KudosOp::Add {
            json: a.json,
            new: new_entry(a)?,
        },
        Kudos::List(a) => KudosOp::List {
            filter: filter(a.filter)?,
            json: a.json,
        },
        Kudos::Search(a) => KudosOp::Search {
            query: a.query,
            filter: filter(a.filter)?,
            json: a.json,
        },
        Kudos::Show(a) => KudosOp::Show {
            id: a.id,
            json: a.json,
        },
        Kudos::Edit(a) => KudosOp::Edit {
            id: a.id,
            json: a.json,
            patch: patch(a)?,
        },
        Kudos::Delete(a) => KudosOp::Delete { id: a.id },
        Kudos::Undo(a) => KudosOp::Undo {
            id: a.id,
            json: a.json,
        },
        Kudos::Export(a) => KudosOp::Export {
            format: a.format.parse()?,
            out: a.out,
        },
        Kudos::Import(a) => KudosOp::Import {
            file: a.file,
            json: a.json,
        },
        Kudos::Stats(a) => KudosOp::Stats { json: a.json },
        Kudos::ImportChat(a) => KudosOp::ImportChat(thread::import_chat(a)?),
    })
}

/// A whole number of days, 0 or more; `field` names the flag in the error.
fn days(field: &str, text: &str) -> Result<u32> {
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    let bad = |why: &str| Error::invalid(field, format!("`{text}` is not {why}"));
    if !digits {
        return Err(bad("a whole number of days ≥ 0"));
    }
    text.parse::<u32>()
        .map_err(|_| bad(&format!("a number of days up to {}", u32::MAX)))
}

fn opt_days(field: &str, text: Option<String>) -> Result<Option<u32>> {
    text.map(|t| days(field, &t)).transpose()
}

/// A key `hugops settings get` can show.
fn known_setting(key: String) -> Result<String> {
    let keys: Vec<String> = settings::entries(&Settings::default())
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    if keys.contains(&key) {
        Ok(key)
    } else {
        Err(Error::invalid(
            key,
            format!("unknown setting; known settings: {}", keys.join(", ")),
        ))
    }
}

/// `--given` / `--received` to a direction (`None` when neither is set).
fn direction(given: bool, received: bool) -> Option<Direction> {
    match (given, received) {
        (true, _) => Some(Direction::Given),
        (_, true) => Some(Direction::Received),
        _ => None,
    }
}

/// A strict `YYYY-MM-DD` date; `field` names the flag in the error.
fn date(field: &str, text: &str) -> Result<NaiveDate> {
    let bad = || {
        Error::invalid(
            field,
            format!("`{text}` is not a valid date (expected YYYY-MM-DD)"),
        )
    };
    let b = text.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(bad());
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| bad())
}

fn opt_date(field: &str, text: Option<String>) -> Result<Option<NaiveDate>> {
    text.map(|t| date(field, &t)).transpose()
}

fn new_entry(a: AddArgs) -> Result<NewEntry> {
    Ok(NewEntry {
        direction: direction(a.given, a.received),
        person: a.person,
        email: a.email,
        message: a.message,
        tags: a.tags,
        link: a.link,
        occurred_on: opt_date("date", a.date)?,
    })
}

fn patch(a: EditArgs) -> Result<EntryPatch> {
    let tags = if a.clear_tags {
        Some(Vec::new())
    } else if a.tags.is_empty() {
        None
    } else {
        Some(a.tags)
    };
    let patch = EntryPatch {
        direction: direction(a.given, a.received),
        person: a.person,
        email: clearable(a.email, a.clear_email),
        message: a.message,
        tags,
        link: clearable(a.link, a.clear_link),
        occurred_on: opt_date("date", a.date)?,
    };
    if patch == EntryPatch::default() {
        return Err(Error::invalid(
            "edit",
            "nothing to change: give at least one of --given, --received, --person, --message, \
             --email, --clear-email, --tag, --clear-tags, --date, --link, --clear-link",
        ));
    }
    Ok(patch)
}

/// `--x VALUE` sets, `--clear-x` clears, neither leaves the field alone.
fn clearable(value: Option<String>, clear: bool) -> Option<Option<String>> {
    if clear {
        Some(None)
    } else {
        value.map(Some)
    }
}

fn filter(a: FilterArgs) -> Result<Filter> {
    Ok(Filter {
        direction: a.direction.map(|d| d.parse()).transpose()?,
        person: a.person,
        tag: a.tag,
        from: opt_date("from", a.from)?,
        to: opt_date("to", a.to)?,
        limit: a.limit,
        offset: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict() {
        assert_eq!(
            date("date", "2026-11-24").ok(),
            NaiveDate::from_ymd_opt(2026, 11, 24)
        );
        for bad in [
            "2026-13-01",
            "2026-02-30",
            "2026-1-01",
            "26-11-24",
            "+2026-11-2",
            "2026/11/24",
            "",
            "2026-11-24 ",
        ] {
            let err = date("date", bad).expect_err(bad);
            assert!(err.to_string().starts_with("date: "), "{err}");
        }
    }

    #[test]
    fn days_are_whole_numbers_at_least_zero() {
        assert_eq!(days("n", "0").ok(), Some(0));
        assert_eq!(days("n", "90").ok(), Some(90));
        for bad in ["-1", "", "1.5", " 3", "+3", "4294967296", "ten"] {
            let err = days("n", bad).expect_err(bad);
            assert!(err.to_string().starts_with("n: "), "{err}");
        }
    }

    #[test]
    fn clearing_wins_over_nothing_and_value_sets() {
        assert_eq!(clearable(None, true), Some(None));
        assert_eq!(clearable(None, false), None);
        assert_eq!(
            clearable(Some("x".into()), false),
            Some(Some("x".to_string()))
        );
    }
}
