//! What `hugops review …` prints.

use std::io::Write;
use std::path::Path;

use hugops_core::reviews::eval::EvalReport;
use hugops_core::reviews::{Finding, Lint};
use unicode_width::UnicodeWidthStr;

use super::json;
use crate::output::{CmdResult, Stdout};

/// `review lint`: JSON, or each finding like a compiler's diagnostic.
pub fn lint(out: &mut Stdout, file: &Path, draft: &str, lint: &Lint, as_json: bool) -> CmdResult {
    if as_json {
        return json(out, lint);
    }
    let lines: Vec<&str> = draft.lines().collect();
    let gutter = lint
        .findings
        .iter()
        .map(|f| f.line.to_string().len())
        .max()
        .unwrap_or(1);
    for f in &lint.findings {
        let line = lines.get(f.line - 1).copied().unwrap_or("");
        diagnostic(out, file, line, f, gutter)?;
    }
    match lint.findings.len() {
        0 => writeln!(out, "{}: no blaming language found", file.display())?,
        n => {
            let flagged = count_lines(&lint.findings);
            let s = if n == 1 { "" } else { "s" };
            writeln!(
                out,
                "{}: {n} finding{s} on {flagged} of {} lines",
                file.display(),
                lint.lines
            )?;
        }
    }
    Ok(())
}

/// One finding: where, the line, a `^^^` marker under the span, why and a rewrite.
fn diagnostic(out: &mut Stdout, file: &Path, line: &str, f: &Finding, gutter: usize) -> CmdResult {
    let before: String = line.chars().take(f.column - 1).collect();
    let pad = " ".repeat(before.width());
    let marker = "^".repeat(f.text.width().max(1));
    let blank = " ".repeat(gutter);
    writeln!(
        out,
        "{}:{}:{}: {}: {}",
        file.display(),
        f.line,
        f.column,
        f.kind.name(),
        f.why
    )?;
    writeln!(out, "{blank} |")?;
    writeln!(out, "{:>gutter$} | {line}", f.line)?;
    writeln!(out, "{blank} | {pad}{marker}")?;
    writeln!(out, "{blank} = suggestion: {}", f.suggestion)?;
    writeln!(out)?;
    Ok(())
}

fn count_lines(findings: &[Finding]) -> usize {
    let mut lines: Vec<usize> = findings.iter().map(|f| f.line).collect();
    lines.dedup();
    lines.len()
}

/// `review eval`: the line-level figures.
pub fn eval(out: &mut Stdout, report: &EvalReport, as_json: bool) -> CmdResult {
    if as_json {
        return json(out, report);
    }
    writeln!(out, "lines         {}", report.lines)?;
    let figures = [
        ("precision", report.precision),
        ("recall", report.recall),
        ("F1", report.f1),
        ("false alarms", report.false_alarm_rate),
    ];
    for (name, value) in figures {
        writeln!(out, "{name:<14}{value:.3}")?;
    }
    for m in &report.misjudged {
        writeln!(
            out,
            "misjudged     {}:{} labelled {}, predicted {}",
            m.file, m.line, m.label, m.predicted
        )?;
    }
    Ok(())
}

/// `review new --out FILE`: where the draft went.
pub fn written(out: &mut Stdout, path: &Path) -> CmdResult {
    writeln!(out, "wrote a blameless review draft to {}", path.display())?;
    Ok(())
}
