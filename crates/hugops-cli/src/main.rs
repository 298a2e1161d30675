//! `hugops`: the command line of HugOps.
//!
//! Wiring only, the same for every command: `args` holds the flags as clap
//! parses them, `convert` turns them into the library's types, `commands`
//! makes one hugops-core call and `print` prints the result.
//! Any error is one line on stderr, `hugops: error: <message>`, and exit
//! status 2; a closed standard output (`hugops kudos list | head -1`) ends
//! the run quietly with status 0.

mod args;
mod commands;
mod convert;
mod output;
mod print;
mod render;

use std::io::Write;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::Parser;
use hugops_core::clock;

use crate::args::Cli;
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
    commands::run(op, cli.db, clock.as_ref(), &mut out)?;
    out.flush()?;
    Ok(())
}
