//! What `hugops thread …` prints.

use std::io::Write;

use hugops_core::clock::format_instant;
use hugops_core::threads::analysis::{Analysis, Signal};
use hugops_core::threads::eval::EvalReport as Report;
use hugops_core::threads::Thread as Conversation;
use serde::Serialize;

use super::json;
use crate::output::{CmdResult, Stdout};
use crate::render;

/// `thread check`: every thread's verdict, score and signals.
pub fn check(
    out: &mut Stdout,
    threads: &[Conversation],
    analyses: &[Analysis],
    as_json: bool,
) -> CmdResult {
    if as_json {
        check_json(out, threads, analyses)
    } else {
        check_text(out, threads, analyses)
    }
}

/// `thread eval`: how the analysis scores on a labelled corpus.
pub fn eval(out: &mut Stdout, report: &Report, as_json: bool) -> CmdResult {
    if as_json {
        return json(out, report);
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
fn check_json(out: &mut Stdout, threads: &[Conversation], analyses: &[Analysis]) -> CmdResult {
    if let [only] = analyses {
        return json(out, only);
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
    json(out, &ThreadsJson { threads })
}

fn check_text(out: &mut Stdout, threads: &[Conversation], analyses: &[Analysis]) -> CmdResult {
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
        analysis(out, a)?;
    }
    if several {
        let n = analyses.iter().filter(|a| a.ambiguous).count();
        writeln!(out, "\n{n} of {} threads look ambiguous", threads.len())?;
    }
    Ok(())
}

/// Verdict, score bar, signals with their messages, and the suggestion.
fn analysis(out: &mut Stdout, a: &Analysis) -> CmdResult {
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

#[cfg(test)]
mod tests {
    use hugops_core::threads::analysis::SignalKind;

    use super::*;

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
