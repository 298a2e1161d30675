//! Teams' copy-paste text: what Teams puts on the clipboard when several
//! messages are copied, a header line per message and its text below:
//!
//! ```text
//! [10:14 AM] Priya Patel
//! the deploy is stuck
//! [10:42 • 13/08/2024] Mario Rossi:
//! Priya Patel 10:15 AM
//! ```
//!
//! A header is a whole line: `[time] Name`, `[time • date] Name:` (date and
//! separators inside the bracket are ignored), or `Name time` with every
//! word of the name capitalised. Times are `H:MM` or `H:MM:SS`, optionally
//! `AM`/`PM`. Only when the first non-blank line is such a header is the text
//! taken as Teams', and then each header is rewritten to the transcript line
//! `[HH:MM] Name:` so [`text::parse_lines`](super::text::parse_lines) reads
//! the rest (continuation lines, undated times) as for any transcript.

use chrono::{NaiveTime, Timelike};

use super::text::{clock_fields, speaker_name};
use crate::Result;

/// The lines, with Teams headers rewritten if the first non-blank line is one.
pub(super) fn adapt(
    lines: impl Iterator<Item = Result<String>>,
) -> impl Iterator<Item = Result<String>> {
    let mut is_teams: Option<bool> = None;
    lines.map(move |line| {
        let line = line?;
        if is_teams.is_none() && !line.trim().is_empty() {
            is_teams = Some(header(&line).is_some());
        }
        Ok(match (is_teams, header(&line)) {
            (Some(true), Some((time, name))) => {
                format!(
                    "[{:02}:{:02}:{:02}] {name}:",
                    time.hour(),
                    time.minute(),
                    time.second()
                )
            }
            _ => line,
        })
    })
}

/// The time and name of a header line.
pub(super) fn header(line: &str) -> Option<(NaiveTime, &str)> {
    let line = line.trim();
    match line.strip_prefix('[') {
        Some(rest) => bracketed(rest),
        None => trailing_time(line),
    }
}

/// `10:14 AM] Priya Patel` or `10:42 • 13/08/2024] Mario Rossi:`.
fn bracketed(rest: &str) -> Option<(NaiveTime, &str)> {
    let (inside, name) = rest.split_once(']')?;
    let tokens: Vec<&str> = inside
        .split(|c: char| c.is_whitespace() || c == '•' || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let at = tokens.iter().position(|t| t.contains(':'))?;
    let meridiem = tokens
        .get(at + 1)
        .copied()
        .filter(|t| meridiem(t).is_some());
    let time = clock(tokens[at], meridiem)?;
    let is_date = |t: &&str| t.chars().all(|c| c.is_ascii_digit() || "/.-".contains(c));
    let others_are_dates = tokens
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != at && Some(tokens[*i]) != meridiem)
        .all(|(_, t)| is_date(t));
    let name = speaker_name(name.trim().strip_suffix(':').unwrap_or(name))?;
    others_are_dates.then_some((time, name))
}

/// `Priya Patel 10:14 AM`.
fn trailing_time(line: &str) -> Option<(NaiveTime, &str)> {
    let mut words: Vec<&str> = line.split_whitespace().collect();
    let meridiem = words.last().copied().filter(|w| meridiem(w).is_some());
    if meridiem.is_some() {
        words.pop();
    }
    let time = clock(words.pop()?, meridiem)?;
    let capitalised = !words.is_empty()
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let end = line.find(words.last()?)? + words.last()?.len();
    let name = speaker_name(&line[..end])?;
    capitalised.then_some((time, name))
}

/// `Some(true)` for PM, `Some(false)` for AM.
fn meridiem(word: &str) -> Option<bool> {
    match word.to_ascii_uppercase().as_str() {
        "AM" | "A.M." => Some(false),
        "PM" | "P.M." => Some(true),
        _ => None,
    }
}

/// `H:MM` or `H:MM:SS`, on a 12-hour clock when `meridiem` is given.
fn clock(token: &str, meridiem_word: Option<&str>) -> Option<NaiveTime> {
    let [mut hour, minutes, seconds] = clock_fields(token)?;
    if let Some(pm) = meridiem_word.and_then(meridiem) {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = hour % 12 + if pm { 12 } else { 0 };
    }
    NaiveTime::from_hms_opt(hour, minutes, seconds)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::threads::parse::text::parse_lines;
    use crate::threads::Thread;

    fn read(text: &str) -> Thread {
        let lines = text.lines().map(|l| Ok(l.to_owned()));
        parse_lines(Path::new("paste.txt"), adapt(lines)).unwrap()
    }

    fn summary(t: &Thread) -> Vec<(String, &str, &str)> {
        t.messages
            .iter()
            .map(|m| {
                let time = m.ts.unwrap().format("%H:%M").to_string();
                (time, m.author.as_str(), m.text.as_str())
            })
            .collect()
    }

    #[test]
    fn classic_headers_with_the_text_below() {
        let t = read(
            "[10:14 AM] Priya Patel\nthe deploy is stuck\nsince 10:00\n\n[12:05 PM] Tom Berg\non it",
        );
        assert_eq!(
            summary(&t),
            [
                (
                    "10:14".into(),
                    "Priya Patel",
                    "the deploy is stuck\nsince 10:00"
                ),
                ("12:05".into(), "Tom Berg", "on it"),
            ]
        );
    }

    #[test]
    fn dated_headers_and_names_before_the_time() {
        let t = read("[10:42 • 13/08/2024] Mario Rossi:\nclose it?\n[12:01 AM] Ana Lima\nyes");
        assert_eq!(t.messages[0].author, "Mario Rossi");
        assert_eq!(summary(&t)[1].0, "00:01");
        let t = read("Priya Patel 10:14 AM\nhello\nTom Berg 1:02 PM\nsee you at 2:00 PM\n");
        assert_eq!(
            summary(&t),
            [
                ("10:14".into(), "Priya Patel", "hello"),
                ("13:02".into(), "Tom Berg", "see you at 2:00 PM"),
            ]
        );
    }

    #[test]
    fn ordinary_transcripts_are_left_alone() {
        let t = read("[09:00] Ana: hi\nPriya Patel 10:14 AM\n");
        assert_eq!(t.messages.len(), 1);
        assert_eq!(t.messages[0].text, "hi\nPriya Patel 10:14 AM");
    }

    #[test]
    fn what_is_not_a_header() {
        for line in [
            "[13:14 PM] Priya",
            "[10:14 AM] Priya, hi",
            "[10:14 AM today] Priya",
            "see you at 10:14 AM",
            "Priya Patel",
            "[notes] Priya",
        ] {
            assert_eq!(header(line), None, "{line}");
        }
    }
}
