//! Human-readable output: tables, one-line summaries and the stats page.
//!
//! Only for people: `--json` prints the library's types unchanged. Text shown
//! here is made safe for a terminal (control characters and bidi overrides
//! are replaced) and truncated with `…` to fit.

use std::fmt::Write as _;

use chrono::NaiveDate;
use hugops_core::journal::{Count, Direction, Entry, Stats};
use hugops_core::matching::{MatchResult, Weights};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Width used when the terminal's cannot be known (e.g. output to a pipe).
const DEFAULT_WIDTH: usize = 100;
const MIN_MESSAGE_WIDTH: usize = 16;
const MAX_MESSAGE_WIDTH: usize = 72;
const MAX_PERSON_WIDTH: usize = 20;
const MAX_TAGS_WIDTH: usize = 28;
const BAR_WIDTH: usize = 30;

/// The output width: `$COLUMNS`, else the terminal's, else 100.
pub fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c >= 40)
        .or_else(|| {
            terminal_size::terminal_size_of(std::io::stdout())
                .map(|(terminal_size::Width(w), _)| usize::from(w))
        })
        .unwrap_or(DEFAULT_WIDTH)
}

pub fn arrow(d: Direction) -> &'static str {
    match d {
        Direction::Given => "↑",
        Direction::Received => "↓",
    }
}

/// Text made safe to print on a terminal line: tabs and line breaks become
/// spaces; other control characters and bidi overrides become `�`.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => '\u{FFFD}',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// `text` cut to at most `max` columns, ending in `…` when cut (or when
/// `more` says there is more to it).
pub fn truncate(text: &str, max: usize, more: bool) -> String {
    if !more && text.width() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Pads `text` with spaces to `width` columns.
fn pad(text: &str, width: usize) -> String {
    let mut out = text.to_string();
    out.push_str(&" ".repeat(width.saturating_sub(text.width())));
    out
}

/// The first line of a message with any text on it, and whether more follows.
fn first_line(message: &str) -> (&str, bool) {
    let trimmed = message.trim_start_matches(['\n', '\r', ' ', '\t']);
    match trimmed.find('\n') {
        Some(i) => (
            trimmed[..i].trim_end_matches('\r'),
            !trimmed[i..].trim().is_empty(),
        ),
        None => (trimmed, false),
    }
}

fn tag_list(tags: &[String]) -> String {
    tags.iter()
        .map(|t| format!("#{}", clean(t).trim_start_matches('#')))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One entry as a table row per line, under a header.
pub fn entry_table(entries: &[Entry], width: usize) -> String {
    let id_w = entries
        .iter()
        .map(|e| e.id.to_string().len())
        .max()
        .unwrap_or(2)
        .max(2);
    let people: Vec<String> = entries
        .iter()
        .map(|e| truncate(&clean(&e.person), MAX_PERSON_WIDTH, false))
        .collect();
    let person_w = people.iter().map(|p| p.width()).max().unwrap_or(0).max(6);
    let tags: Vec<String> = entries
        .iter()
        .map(|e| truncate(&tag_list(&e.tags), MAX_TAGS_WIDTH, false))
        .collect();
    let tags_w = tags.iter().map(|t| t.width()).max().unwrap_or(0);
    // id, date, arrow, person, message, tags; two spaces between columns.
    let fixed = id_w + 2 + 10 + 2 + 1 + 2 + person_w + 2 + if tags_w > 0 { 2 + tags_w } else { 0 };
    let message_w = width
        .saturating_sub(fixed)
        .clamp(MIN_MESSAGE_WIDTH, MAX_MESSAGE_WIDTH);

    let mut out = String::new();
    let header = format!(
        "{:>id_w$}  {}  {}  {}  {}",
        "ID",
        pad("DATE", 10),
        "⇅",
        pad("PERSON", person_w),
        if tags_w > 0 {
            pad("MESSAGE", message_w) + "  TAGS"
        } else {
            "MESSAGE".into()
        },
    );
    let _ = writeln!(out, "{}", header.trim_end());
    for ((e, person), tags) in entries.iter().zip(&people).zip(&tags) {
        let (line, more) = first_line(&e.message);
        let message = truncate(&clean(line), message_w, more);
        let row = format!(
            "{:>id_w$}  {}  {}  {}  {}  {}",
            e.id,
            e.occurred_on,
            arrow(e.direction),
            pad(person, person_w),
            pad(&message, message_w),
            tags,
        );
        let _ = writeln!(out, "{}", row.trim_end());
    }
    out
}

/// `↑ given to Zoë Okafor on 2026-11-24`
pub fn summary(e: &Entry) -> String {
    let (verb, prep) = match e.direction {
        Direction::Given => ("given", "to"),
        Direction::Received => ("received", "from"),
    };
    format!(
        "{} {verb} {prep} {} on {}",
        arrow(e.direction),
        clean(&e.person),
        e.occurred_on
    )
}

/// Every field of one entry, one per line.
pub fn entry_detail(e: &Entry) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "entry {}: {}", e.id, summary(e));
    if let Some(email) = &e.email {
        let _ = writeln!(out, "  email:   {}", clean(email));
    }
    if !e.tags.is_empty() {
        let _ = writeln!(out, "  tags:    {}", tag_list(&e.tags));
    }
    if let Some(link) = &e.link {
        let _ = writeln!(out, "  link:    {}", clean(link));
    }
    let _ = writeln!(
        out,
        "  logged:  {}",
        hugops_core::clock::format_instant(e.created_at)
    );
    let _ = writeln!(out, "  message:");
    for line in e.message.lines() {
        let _ = writeln!(out, "    {}", clean(line));
    }
    out
}

fn bar(count: u64, max: u64) -> String {
    if count == 0 || max == 0 {
        return String::new();
    }
    // Round up so that any non-zero month shows at least one block.
    let len = ((count as u128 * BAR_WIDTH as u128).div_ceil(max as u128)) as usize;
    "█".repeat(len.min(BAR_WIDTH))
}

fn counts(out: &mut String, title: &str, list: &[Count], tag: bool) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{title}");
    let names: Vec<String> = list
        .iter()
        .map(|c| {
            let name = truncate(&clean(&c.name), 32, false);
            if tag {
                format!("#{}", name.trim_start_matches('#'))
            } else {
                name
            }
        })
        .collect();
    let w = names.iter().map(|n| n.width()).max().unwrap_or(0);
    for (c, name) in list.iter().zip(&names) {
        let _ = writeln!(out, "  {}  {}", pad(name, w), c.count);
    }
}

pub fn stats(s: &Stats) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Kudos: {} given ↑, {} received ↓", s.given, s.received);
    let weeks = |n: u32| {
        if n == 1 {
            "1 week".to_string()
        } else {
            format!("{n} weeks")
        }
    };
    let _ = writeln!(
        out,
        "Giving streak: {} (longest {})",
        weeks(s.streak.current_weeks),
        weeks(s.streak.longest_weeks)
    );
    if !s.by_month.is_empty() {
        let max = s
            .by_month
            .iter()
            .map(|m| m.given.max(m.received))
            .max()
            .unwrap_or(0);
        let num_w = max.to_string().len();
        let _ = writeln!(out, "\nBy month");
        for m in &s.by_month {
            let _ = writeln!(
                out,
                "{}",
                format!(
                    "  {}  ↑ {:>num_w$} {}",
                    clean(&m.month),
                    m.given,
                    bar(m.given, max)
                )
                .trim_end()
            );
            let _ = writeln!(
                out,
                "{}",
                format!(
                    "  {}  ↓ {:>num_w$} {}",
                    " ".repeat(m.month.width()),
                    m.received,
                    bar(m.received, max)
                )
                .trim_end()
            );
        }
    }
    counts(&mut out, "Most thanked (by you)", &s.top_thanked, false);
    counts(&mut out, "Most thankful (to you)", &s.top_thankers, false);
    counts(&mut out, "Tags", &s.tags, true);
    out
}

const MAX_EMAIL_WIDTH: usize = 32;
const SCORE_BAR_WIDTH: usize = 10;
const MIN_REASONS_WIDTH: usize = 20;

/// `0.83 ████████░░`: a score in [0, 1] with a bar of ten cells.
pub fn score_bar(score: f64) -> String {
    let score = if score.is_finite() {
        score.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let full = ((score * SCORE_BAR_WIDTH as f64).round() as usize).min(SCORE_BAR_WIDTH);
    format!(
        "{score:.2} {}{}",
        "█".repeat(full),
        "░".repeat(SCORE_BAR_WIDTH - full)
    )
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Items joined with `; ` into lines of at most `width` columns; an item
/// too long for a line of its own is cut with `…`.
fn wrap_items(items: &[String], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for item in items {
        let item = truncate(&clean(item), width.saturating_sub(1), false);
        if !line.is_empty() && line.width() + 2 + item.width() + 1 > width {
            lines.push(std::mem::take(&mut line) + ";");
        }
        if !line.is_empty() {
            line.push_str("; ");
        }
        line.push_str(&item);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The line saying that `hugops match` used the weights chosen in Settings,
/// as the shares of the score they give (each weight over their sum).
pub fn weights_note(w: &Weights) -> String {
    let n = w.normalised();
    let pct = |x: f64| (x * 100.0).round();
    format!(
        "\nweights from Settings: shared hours {}%, shared interests {}%, low load {}%, tenure {}%\n",
        pct(n.shared_hours),
        pct(n.shared_interests),
        pct(n.low_load),
        pct(n.tenure)
    )
}

/// `hugops match` for people: the pairs as a table (score bar and reasons),
/// the unmatched joiners with the reason, the candidates when asked for, and
/// the total score.
pub fn match_result(r: &MatchResult, today: NaiveDate, candidates: bool, width: usize) -> String {
    let mut out = String::new();
    let email = |e: &str| truncate(&clean(e), MAX_EMAIL_WIDTH, false);
    let _ = writeln!(
        out,
        "Buddy matching on {today}: {}, {} unmatched",
        plural(r.pairs.len(), "pair", "pairs"),
        r.unmatched.len()
    );
    if r.pairs.is_empty() && r.unmatched.is_empty() {
        let _ = writeln!(out, "no joiners to match");
    }
    if !r.pairs.is_empty() {
        let joiners: Vec<String> = r.pairs.iter().map(|p| email(&p.joiner)).collect();
        let buddies: Vec<String> = r.pairs.iter().map(|p| email(&p.buddy)).collect();
        let jw = joiners.iter().map(|s| s.width()).max().unwrap_or(0).max(6);
        let bw = buddies.iter().map(|s| s.width()).max().unwrap_or(0).max(5);
        let sw = score_bar(0.0).width();
        let reasons_w = width
            .saturating_sub(jw + 2 + bw + 2 + sw + 2)
            .max(MIN_REASONS_WIDTH);
        let _ = writeln!(out);
        let header = format!(
            "{}  {}  {}  REASONS",
            pad("JOINER", jw),
            pad("BUDDY", bw),
            pad("SCORE", sw)
        );
        let _ = writeln!(out, "{header}");
        let indent = " ".repeat(jw + 2 + bw + 2 + sw + 2);
        for ((p, j), b) in r.pairs.iter().zip(&joiners).zip(&buddies) {
            let lines = wrap_items(&p.reasons, reasons_w);
            let first = lines.first().map(String::as_str).unwrap_or("");
            let row = format!(
                "{}  {}  {}  {first}",
                pad(j, jw),
                pad(b, bw),
                score_bar(p.score)
            );
            let _ = writeln!(out, "{}", row.trim_end());
            for line in lines.iter().skip(1) {
                let _ = writeln!(out, "{indent}{line}");
            }
        }
    }
    if !r.unmatched.is_empty() {
        let _ = writeln!(out, "\nUnmatched");
        let names: Vec<String> = r.unmatched.iter().map(|u| email(&u.joiner)).collect();
        let w = names.iter().map(|n| n.width()).max().unwrap_or(0);
        for (u, name) in r.unmatched.iter().zip(&names) {
            let _ = writeln!(out, "  {}  {}", pad(name, w), clean(u.reason.describe()));
        }
    }
    if candidates {
        let _ = writeln!(
            out,
            "\nCandidates ({})",
            plural(r.candidates.len(), "feasible pair", "feasible pairs")
        );
        let joiners: Vec<String> = r.candidates.iter().map(|c| email(&c.joiner)).collect();
        let buddies: Vec<String> = r.candidates.iter().map(|c| email(&c.buddy)).collect();
        let jw = joiners.iter().map(|s| s.width()).max().unwrap_or(0);
        let bw = buddies.iter().map(|s| s.width()).max().unwrap_or(0);
        for ((c, j), b) in r.candidates.iter().zip(&joiners).zip(&buddies) {
            let _ = writeln!(
                out,
                "  {}  {}  {}",
                pad(j, jw),
                pad(b, bw),
                score_bar(c.score)
            );
        }
    }
    let total: f64 = r.pairs.iter().map(|p| p.score).sum();
    let _ = writeln!(
        out,
        "\nTotal score: {total:.2} over {}",
        plural(r.pairs.len(), "pair", "pairs")
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_fits_the_width_and_marks_the_cut() {
        assert_eq!(truncate("hello", 5, false), "hello");
        assert_eq!(truncate("hello world", 6, false), "hello…");
        assert_eq!(truncate("hello", 10, true), "hello…");
        // Wide characters count double.
        let t = truncate("日本語のテキスト", 7, false);
        assert!(t.width() <= 7, "{t}");
        assert!(t.ends_with('…'));
    }

    #[test]
    fn clean_neutralises_terminal_tricks() {
        assert_eq!(clean("a\tb\nc"), "a b c");
        assert_eq!(clean("\u{1b}[2Jx"), "\u{FFFD}[2Jx");
        assert_eq!(clean("abc\u{202E}def"), "abc\u{FFFD}def");
        assert_eq!(clean("Zoë 🎉 שלום"), "Zoë 🎉 שלום");
    }

    #[test]
    fn first_line_skips_leading_blank_lines() {
        assert_eq!(first_line("\n\n  hi\nthere"), ("hi", true));
        assert_eq!(first_line("only"), ("only", false));
        assert_eq!(first_line("one\n\n"), ("one", false));
    }

    #[test]
    fn reasons_wrap_between_items() {
        let items: Vec<String> = ["different teams: A / B", "8 h shared working time", "x"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            wrap_items(&items, 60),
            ["different teams: A / B; 8 h shared working time; x"]
        );
        let lines = wrap_items(&items, 30);
        assert_eq!(
            lines,
            ["different teams: A / B;", "8 h shared working time; x"]
        );
        assert!(lines.iter().all(|l| l.width() <= 30));
        assert!(wrap_items(&[], 30).is_empty());
        let long = wrap_items(&["y".repeat(50)], 20);
        assert!(long[0].width() <= 20 && long[0].ends_with('…'));
    }

    #[test]
    fn score_bars_have_ten_cells() {
        assert_eq!(score_bar(0.83), "0.83 ████████░░");
        assert_eq!(score_bar(0.0), "0.00 ░░░░░░░░░░");
        assert_eq!(score_bar(1.0), "1.00 ██████████");
        assert_eq!(score_bar(f64::NAN), "0.00 ░░░░░░░░░░");
    }

    #[test]
    fn bars_scale_to_the_largest_month() {
        assert_eq!(bar(10, 10).chars().count(), BAR_WIDTH);
        assert_eq!(bar(1, 1000).chars().count(), 1);
        assert_eq!(bar(0, 10), "");
    }
}
