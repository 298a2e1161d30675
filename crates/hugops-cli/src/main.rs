//! `hugops`: the command line of HugOps.
//!
//! Wiring only: parse the flags (clap, then `convert` to the library's
//! types), call one hugops-core function per command, print the result.
//! Any error is one line on stderr, `hugops: error: <message>`, and exit
//! status 2; a closed standard output (`hugops kudos list | head -1`) ends
//! the run quietly with status 0.

mod args;
mod convert;
mod output;
mod render;
mod schedule_cmd;
mod thread_cmd;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::Parser;
use hugops_core::clock::{self, format_instant, Clock};
use hugops_core::journal::{self, Entry};
use hugops_core::matching::{self, Candidate, MatchOptions, MatchResult, Pair, Unmatched, Weights};
use hugops_core::{buddies, reminders, roster, settings, store, Store};
use serde::Serialize;

use crate::args::Cli;
use crate::convert::{MatchPlan, Op};
use crate::output::{CmdResult, Failure, Stdout};

/// mimalloc rather than the system's allocator: `hugops match` on a large
/// roster makes and frees hundreds of thousands of small strings, and spends
/// about a sixth less time with it (bench/match).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit status for every error: bad input, bad files, unknown ids, and the rest.
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(e),
    };
    match run(cli) {
        Ok(()) | Err(Failure::StdoutClosed) => ExitCode::SUCCESS,
        Err(Failure::Status(code)) => ExitCode::from(code),
        Err(Failure::Error(message)) => {
            output::report_error(&message);
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// `--help` and `--version` print and succeed; usage errors become one line.
fn clap_exit(e: clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // A closed stdout while printing help is not worth reporting.
            let _ = e.print();
            ExitCode::SUCCESS
        }
        _ => {
            output::report_error(&clap_message(&e));
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// Clap's message without its `error:` prefix, usage block and hints.
fn clap_message(e: &clap::Error) -> String {
    let rendered = e.render().to_string();
    let body = rendered.split("\nUsage:").next().unwrap_or(&rendered);
    let body = body
        .lines()
        .filter(|l| !l.trim_start().starts_with("For more information"))
        .collect::<Vec<_>>()
        .join("\n");
    let body = body.trim();
    body.strip_prefix("error:")
        .unwrap_or(body)
        .trim()
        .to_string()
}

fn run(cli: Cli) -> CmdResult {
    let op = convert::plan(cli.command)?;
    let clock = clock::from_env()?;
    let mut out = Stdout::new();
    match op {
        // Reads the database only if there is one, and never creates it.
        Op::Match(plan) => run_match(plan, cli.db, clock.as_ref(), &mut out)?,
        // Reads files only: no database is opened or created.
        Op::Thread(cmd) => thread_cmd::run(cmd, clock.as_ref(), &mut out)?,
        // Opens the database itself, only when a command needs it.
        Op::Schedule(cmd) => schedule_cmd::run(cmd, cli.db, clock.as_ref(), &mut out)?,
        op => {
            let mut store = Store::open(store::resolve_path(cli.db)?)?;
            execute(op, &mut store, clock.as_ref(), &mut out)?;
        }
    }
    out.flush()?;
    Ok(())
}

fn print_json(out: &mut Stdout, value: &impl Serialize) -> CmdResult {
    serde_json::to_writer(&mut *out, value).map_err(|e| match e.io_error_kind() {
        Some(kind) => Failure::from(std::io::Error::from(kind)),
        None => Failure::Error(format!("cannot write JSON: {e}")),
    })?;
    writeln!(out)?;
    Ok(())
}

fn print_entry(out: &mut Stdout, json: bool, verb: &str, entry: &Entry) -> CmdResult {
    if json {
        print_json(out, entry)
    } else {
        writeln!(out, "{verb} entry {}: {}", entry.id, render::summary(entry))?;
        Ok(())
    }
}

fn print_entries(out: &mut Stdout, json: bool, entries: &[Entry], none: &str) -> CmdResult {
    if json {
        print_json(out, &entries)
    } else if entries.is_empty() {
        writeln!(out, "{none}")?;
        Ok(())
    } else {
        out.write_all(render::entry_table(entries, render::terminal_width()).as_bytes())?;
        Ok(())
    }
}

/// Carries out one command: one library call, then printing.
fn execute(op: Op, store: &mut Store, clock: &dyn Clock, out: &mut Stdout) -> CmdResult {
    match op {
        Op::Add { new, json } => {
            let entry = journal::add(store, new, clock)?;
            print_entry(out, json, "added", &entry)
        }
        Op::List { filter, json } => {
            let entries = journal::list(store, &filter)?;
            print_entries(out, json, &entries, "no entries")
        }
        Op::Search {
            query,
            filter,
            json,
        } => {
            let entries = journal::search(store, &query, &filter)?;
            print_entries(out, json, &entries, "no entries match")
        }
        Op::Show { id, json } => {
            let entry = journal::get(store, id)?;
            if json {
                print_json(out, &entry)
            } else {
                out.write_all(render::entry_detail(&entry).as_bytes())?;
                Ok(())
            }
        }
        Op::Edit { id, patch, json } => {
            let entry = journal::edit(store, id, patch, clock)?;
            print_entry(out, json, "updated", &entry)
        }
        Op::Delete { id } => {
            let entry = journal::delete(store, id, clock)?;
            let summary = render::summary(&entry);
            writeln!(out, "deleted entry {}: {summary}", entry.id)?;
            writeln!(out, "to undo: hugops kudos undo {}", entry.id)?;
            Ok(())
        }
        Op::Undo { id, json } => {
            let entry = journal::undo_delete(store, id)?;
            print_entry(out, json, "restored", &entry)
        }
        Op::Export { format, out: None } => {
            journal::export(store, format, out)?;
            Ok(())
        }
        Op::Export {
            format,
            out: Some(path),
        } => {
            let n = journal::export_to_file(store, format, &path)?;
            let noun = if n == 1 { "entry" } else { "entries" };
            writeln!(out, "exported {n} {noun} to {}", path.display())?;
            Ok(())
        }
        Op::Import { file, json } => {
            let report = journal::import_file(store, &file, clock)?;
            if json {
                print_json(out, &report)
            } else {
                writeln!(
                    out,
                    "imported {} entries, skipped {} duplicates",
                    report.imported, report.skipped_duplicates
                )?;
                Ok(())
            }
        }
        Op::Stats { json } => {
            let stats = journal::stats(store, clock.today())?;
            if json {
                print_json(out, &stats)
            } else {
                out.write_all(render::stats(&stats).as_bytes())?;
                Ok(())
            }
        }
        Op::SettingsGet { key, json } => {
            let current = settings::load(store)?;
            let mut pairs = settings::entries(&current);
            match key {
                None if json => print_json(out, &current),
                None => print_settings(out, &pairs),
                Some(key) => {
                    pairs.retain(|(k, _)| *k == key);
                    let value = pairs.first().map(|(_, v)| v.as_str()).unwrap_or_default();
                    if json {
                        print_json(out, &value)
                    } else {
                        writeln!(out, "{}", render::clean(value))?;
                        Ok(())
                    }
                }
            }
        }
        Op::SettingsSet { key, value } => {
            let stored = settings::set_value(store, &key, &value)?;
            let mut pairs = settings::entries(&stored);
            pairs.retain(|(k, _)| *k == key);
            print_settings(out, &pairs)
        }
        Op::RemindersDue { json } => {
            let due = reminders::due(store, clock)?;
            if json {
                return print_json(out, &due);
            }
            if due.is_empty() {
                // Say why nothing is due when a pause is the reason.
                let paused = settings::load(store)?.paused_until;
                match paused.filter(|until| *until > clock.now()) {
                    Some(until) => writeln!(
                        out,
                        "no reminders due (paused until {})",
                        format_instant(until)
                    )?,
                    None => writeln!(out, "no reminders due")?,
                }
            }
            for r in &due {
                writeln!(
                    out,
                    "{}  {}: {}",
                    format_instant(r.due_at),
                    render::clean(&r.title),
                    render::clean(&r.body)
                )?;
            }
            Ok(())
        }
        Op::RemindersPause { minutes } => {
            let stored = reminders::pause_for(store, clock, minutes)?;
            match stored.paused_until {
                Some(until) => writeln!(out, "reminders paused until {}", format_instant(until))?,
                None => writeln!(out, "reminders are not paused")?,
            }
            Ok(())
        }
        Op::RemindersResume => {
            reminders::resume(store)?;
            writeln!(out, "reminders resumed")?;
            Ok(())
        }
        Op::ImportChat(args) => thread_cmd::import_chat(args, store, clock, out),
        // Carried out by `run`, before any database is opened.
        Op::Match(_) | Op::Schedule(_) | Op::Thread(_) => Err(Failure::Error(
            "internal error: this command is carried out without the database".into(),
        )),
    }
}

/// `hugops match`: read the roster and the history (the file's pairs and
/// those stored in the database, if one exists), one library call, print.
/// A database also brings the weights chosen in the app's Settings, so the
/// command proposes what the Buddies screen would.
fn run_match(
    plan: MatchPlan,
    db: Option<PathBuf>,
    clock: &dyn Clock,
    out: &mut Stdout,
) -> CmdResult {
    let people = roster::read_roster(&plan.roster)?;
    let mut history = match &plan.history {
        Some(path) => roster::read_history(path)?,
        None => Vec::new(),
    };
    let mut opts = MatchOptions::new(plan.today.unwrap_or_else(|| clock.today()));
    // No path only when there is no home folder, so no database either.
    if let Some(store) = store::resolve_path(db).map_or(Ok(None), Store::open_existing)? {
        history.extend(buddies::history_pairs(&store)?);
        opts.weights = buddies::weights(&store)?;
    }
    if let Some(n) = plan.joiner_window_days {
        opts.joiner_window_days = n;
    }
    if let Some(n) = plan.min_tenure_days {
        opts.min_tenure_days = n;
    }
    opts.include_candidates = plan.candidates;
    let result = matching::match_buddies(&people, &history, &opts);
    if plan.json {
        print_json(out, &MatchJson::new(&result, plan.candidates))
    } else {
        let mut text = render::match_result(
            &result,
            opts.today,
            plan.candidates,
            render::terminal_width(),
        );
        if opts.weights != Weights::default() {
            text.push_str(&render::weights_note(&opts.weights));
        }
        out.write_all(text.as_bytes())?;
        Ok(())
    }
}

/// The JSON of `hugops match`: the library's result, with
/// `candidates` only when asked for and `total_score` the sum of the pair
/// scores as printed (each rounded to 4 decimals), so the two always agree.
#[derive(Serialize)]
struct MatchJson<'a> {
    pairs: &'a [Pair],
    unmatched: &'a [Unmatched],
    total_score: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    candidates: Option<&'a [Candidate]>,
}

impl<'a> MatchJson<'a> {
    fn new(result: &'a MatchResult, with_candidates: bool) -> Self {
        let total: f64 = result.pairs.iter().map(|p| round4(p.score)).sum();
        MatchJson {
            pairs: &result.pairs,
            unmatched: &result.unmatched,
            total_score: round4(total),
            candidates: with_candidates.then_some(result.candidates.as_slice()),
        }
    }
}

/// Rounded to 4 decimals, as the library serialises scores.
fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

fn print_settings(out: &mut Stdout, pairs: &[(String, String)]) -> CmdResult {
    let w = pairs.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (key, value) in pairs {
        writeln!(out, "{key:<w$}  {}", render::clean(value))?;
    }
    Ok(())
}
