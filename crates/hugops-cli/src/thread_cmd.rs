//! `hugops thread …` and `hugops kudos import-chat`.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::builder::PossibleValuesParser;
use clap::{Args, Subcommand};
use hugops_core::clock::{format_instant, Clock};
use hugops_core::threads::analysis::{self, Analysis, Signal, DEFAULT_THRESHOLD};
use hugops_core::threads::parse::{self, Format};
use hugops_core::threads::{chat_kudos, eval, Thread as Conversation};
use hugops_core::{Error, Store};
use rayon::prelude::*;
use serde::Serialize;

use crate::output::{CmdResult, Failure, Stdout};
use crate::{print_json, render};

#[derive(Debug, Subcommand)]
pub enum Thread {
    /// Say whether a thread looks ambiguous or tense, and why
    ///
    /// Reads a Slack export folder or day file, a DiscordChatExporter JSON
    /// export, or a plain transcript (`-` reads standard input). Exit status:
    /// 0, or 1 with --fail-if-ambiguous when a thread looks ambiguous; 2 on
    /// bad input.
    Check(CheckArgs),
    /// Measure the analysis on a labelled corpus of threads
    Eval(EvalArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A Slack export folder or day file, a Discord export, or a transcript (`-`: standard input)
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// What PATH holds
    #[arg(long, value_name = "FORMAT", default_value = "auto",
          value_parser = PossibleValuesParser::new(Format::NAMES))]
    pub format: String,
    /// Score from which a thread counts as ambiguous, between 0 and 1 [default: 0.5]
    #[arg(long, value_name = "X", allow_negative_numbers = true)]
    pub threshold: Option<String>,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
    /// Exit with status 1 when a thread looks ambiguous
    #[arg(long)]
    pub fail_if_ambiguous: bool,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The corpus folder
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Score from which a thread counts as ambiguous, between 0 and 1 [default: 0.5]
    #[arg(long, value_name = "X", allow_negative_numbers = true)]
    pub threshold: Option<String>,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ImportChatArgs {
    /// A Slack export folder or day file, a Discord export, or a transcript (`-`: standard input)
    #[arg(value_name = "EXPORT")]
    pub export: PathBuf,
    /// Your name as it appears in the export
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    pub me: String,
    /// What EXPORT holds
    #[arg(long, value_name = "FORMAT", default_value = "auto",
          value_parser = PossibleValuesParser::new(Format::NAMES))]
    pub format: String,
    /// Print the counts as JSON
    #[arg(long)]
    pub json: bool,
}

/// Carries out `hugops thread …`; no database is opened.
pub fn run(cmd: Thread, _clock: &dyn Clock, out: &mut Stdout) -> CmdResult {
    match cmd {
        Thread::Check(args) => check(args, out),
        Thread::Eval(args) => {
            let threshold = threshold(args.threshold.as_deref())?;
            let report = eval::evaluate_dir(&args.dir, threshold)?;
            if args.json {
                return print_json(out, &report);
            }
            let rows = [
                ("accuracy", report.accuracy),
                ("precision", report.precision),
                ("recall", report.recall),
                ("F1", report.f1),
                ("false alarms", report.false_alarm_rate),
            ];
            writeln!(out, "{:<13}{}", "threads", report.threads)?;
            for (name, value) in rows {
                writeln!(out, "{name:<13}{:.1}%", value * 100.0)?;
            }
            Ok(())
        }
    }
}

/// `hugops thread check`.
fn check(args: CheckArgs, out: &mut Stdout) -> CmdResult {
    let format: Format = args.format.parse()?;
    let threshold = threshold(args.threshold.as_deref())?;
    let threads = read(&args.path, format)?;
    let analyses: Vec<Analysis> = threads
        .par_iter()
        .map(|t| analysis::analyze(t, threshold))
        .collect();
    if args.json {
        print_check_json(out, &threads, &analyses)?;
    } else {
        print_check_text(out, &threads, &analyses)?;
    }
    if args.fail_if_ambiguous && analyses.iter().any(|a| a.ambiguous) {
        out.flush()?;
        return Err(Failure::Status(1));
    }
    Ok(())
}

/// The conversations of PATH (`-`: standard input).
fn read(path: &Path, format: Format) -> Result<Vec<Conversation>, Error> {
    if path.as_os_str() == "-" {
        parse::read_from(Path::new("<stdin>"), std::io::stdin().lock(), format)
    } else {
        parse::read_path(path, format)
    }
}

/// `--threshold`: a number in [0, 1], 0.5 when not given.
fn threshold(text: Option<&str>) -> Result<f64, Error> {
    let Some(text) = text else {
        return Ok(DEFAULT_THRESHOLD);
    };
    match text.trim().parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(Error::invalid(
            "threshold",
            format!("`{text}` is not a number between 0 and 1"),
        )),
    }
}

/// One thread of a multi-thread report: its channel and first timestamp,
/// then the analysis.
#[derive(Serialize)]
struct ThreadJson<'a> {
    channel: Option<&'a str>,
    first_ts: Option<String>,
    #[serde(flatten)]
    analysis: &'a Analysis,
}

#[derive(Serialize)]
struct ThreadsJson<'a> {
    threads: Vec<ThreadJson<'a>>,
}

/// A single thread prints its analysis; several print `{"threads": [...]}`.
fn print_check_json(
    out: &mut Stdout,
    threads: &[Conversation],
    analyses: &[Analysis],
) -> CmdResult {
    if let [only] = analyses {
        return print_json(out, only);
    }
    let threads = threads
        .iter()
        .zip(analyses)
        .map(|(t, analysis)| ThreadJson {
            channel: t.channel.as_deref(),
            first_ts: t.first_ts().map(format_instant),
            analysis,
        })
        .collect();
    print_json(out, &ThreadsJson { threads })
}

fn print_check_text(
    out: &mut Stdout,
    threads: &[Conversation],
    analyses: &[Analysis],
) -> CmdResult {
    if threads.is_empty() {
        writeln!(out, "no conversations found")?;
        return Ok(());
    }
    let several = threads.len() > 1;
    for (i, (t, a)) in threads.iter().zip(analyses).enumerate() {
        if several {
            if i > 0 {
                writeln!(out)?;
            }
            let mut heading = format!("thread {} of {}", i + 1, threads.len());
            if let Some(channel) = &t.channel {
                heading.push_str(&format!(" · #{}", render::clean(channel)));
            }
            if let Some(ts) = t.first_ts() {
                heading.push_str(&format!(" · {}", format_instant(ts)));
            }
            writeln!(out, "{heading}")?;
        }
        print_analysis(out, a)?;
    }
    if several {
        let n = analyses.iter().filter(|a| a.ambiguous).count();
        writeln!(out, "\n{n} of {} threads look ambiguous", threads.len())?;
    }
    Ok(())
}

/// Verdict, score bar, signals with their messages, and the suggestion.
fn print_analysis(out: &mut Stdout, a: &Analysis) -> CmdResult {
    let verdict = if a.ambiguous {
        "looks ambiguous: a call may help"
    } else {
        "looks fine"
    };
    writeln!(out, "{verdict}")?;
    writeln!(
        out,
        "score {}  (threshold {:.2}; {} messages, {} people)",
        render::score_bar(a.score),
        a.threshold,
        a.messages,
        a.participants
    )?;
    for s in &a.signals {
        writeln!(out, "  {}", signal_line(s))?;
    }
    if !a.suggestion.is_empty() {
        writeln!(out, "suggestion: {}", render::clean(&a.suggestion))?;
    }
    Ok(())
}

/// `+0.20 unanswered question (messages 3, 5): "evidence"`.
fn signal_line(s: &Signal) -> String {
    let numbers: Vec<String> = s.messages.iter().map(usize::to_string).collect();
    let noun = if numbers.len() == 1 {
        "message"
    } else {
        "messages"
    };
    let mut line = format!(
        "{:+.2} {}",
        s.weight,
        render::clean(&s.kind.as_str().replace('_', " "))
    );
    if !numbers.is_empty() {
        line.push_str(&format!(" ({noun} {})", numbers.join(", ")));
    }
    if !s.evidence.is_empty() {
        line.push_str(&format!(": {}", render::clean(&s.evidence)));
    }
    line
}

/// Carries out `hugops kudos import-chat`.
pub fn import_chat(
    args: ImportChatArgs,
    store: &mut Store,
    clock: &dyn Clock,
    out: &mut Stdout,
) -> CmdResult {
    if args.me.trim().is_empty() {
        return Err(Error::invalid("me", "must not be empty").into());
    }
    let format: Format = args.format.parse()?;
    let threads = read(&args.export, format)?;
    let report = chat_kudos::import(store, &threads, &args.me, clock)?;
    if args.json {
        return print_json(out, &report);
    }
    writeln!(
        out,
        "logged {} received kudos, skipped {} already in the journal",
        report.logged, report.skipped_duplicates
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use hugops_core::threads::analysis::SignalKind;

    use super::*;

    #[test]
    fn threshold_is_a_number_in_the_unit_interval() {
        assert_eq!(threshold(None).unwrap(), DEFAULT_THRESHOLD);
        assert_eq!(threshold(Some("0")).unwrap(), 0.0);
        assert_eq!(threshold(Some("1")).unwrap(), 1.0);
        assert_eq!(threshold(Some(" 0.75")).unwrap(), 0.75);
        for bad in ["1.01", "-0.1", "NaN", "inf", "half", ""] {
            let e = threshold(Some(bad)).unwrap_err().to_string();
            assert!(e.starts_with("threshold: "), "{e}");
        }
    }

    #[test]
    fn signal_lines_show_weight_kind_messages_and_evidence() {
        let s = Signal {
            kind: SignalKind::UnansweredQuestion,
            weight: 0.2,
            messages: vec![3, 5],
            evidence: "\"which Thursday?\"".into(),
        };
        assert_eq!(
            signal_line(&s),
            "+0.20 unanswered question (messages 3, 5): \"which Thursday?\""
        );
        let calm = Signal {
            kind: SignalKind::Thanks,
            weight: -0.1,
            messages: vec![7],
            evidence: String::new(),
        };
        assert_eq!(signal_line(&calm), "-0.10 thanks (message 7)");
    }
}
