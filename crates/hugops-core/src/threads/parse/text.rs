//! Plain transcripts: `[HH:MM] Name: text` or `Name: text` lines;
//! continuation lines belong to the message above.
//!
//! Rules, in order, for each line:
//! - `[HH:MM] Name: text` (or `[HH:MM:SS]`) always starts a message; an
//!   impossible time such as `[25:61]` is an error naming the line.
//! - `Name: text` starts a message only if `Name` [looks like a speaker]
//!   (see [`speaker_name`]) and, once the transcript has shown timestamps,
//!   only on timestamped lines: in a timestamped transcript an untimestamped
//!   `Note: see above` is prose.
//! - Any other line continues the message above. Blank lines inside a message
//!   are kept as line breaks; those at its ends are trimmed.
//! - Non-blank text before the first message is an error naming its line.
//!
//! A transcript has times but no date. Times are placed on the fixed day
//! [`UNDATED_DAY`] (UTC), moving on one day whenever the clock goes backwards
//! (`[23:50]` then `[00:10]` is twenty minutes later, the next day), so gaps
//! between messages stay measurable. [`is_undated`] recognises such times.

use std::path::Path;

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};

use crate::threads::{Message, Thread};
use crate::{Error, Result};

/// The day transcript times are placed on, since transcripts carry no date.
pub const UNDATED_DAY: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(day) => day,
    None => panic!("1970-01-01 is a valid date"),
};

/// True if and only if `ts` comes from a transcript time without a date
/// (it falls within a year of [`UNDATED_DAY`]), so it must not be shown or
/// stored as a real date.
pub fn is_undated(ts: DateTime<Utc>) -> bool {
    ts.date_naive() < UNDATED_DAY + Days::new(366)
}

/// Longest speaker name accepted, in characters.
const MAX_NAME_CHARS: usize = 40;
/// Most words in a speaker name.
const MAX_NAME_WORDS: usize = 5;

/// Single-word labels that open prose lines (`Note: …`), never speakers.
const PROSE_LABELS: &[&str] = &[
    "action",
    "answer",
    "context",
    "edit",
    "error",
    "eta",
    "example",
    "fyi",
    "impact",
    "important",
    "note",
    "nb",
    "option",
    "ps",
    "question",
    "reason",
    "result",
    "status",
    "step",
    "summary",
    "todo",
    "update",
    "warning",
];

/// Parses a transcript (`path` only names the source in errors).
pub fn parse_transcript(path: &Path, text: &str) -> Result<Thread> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    parse_lines(path, text.lines().map(|line| Ok(line.to_owned())))
}

/// Parses a transcript one line at a time (without line ends), as a reader
/// yields them: a large file is never held whole, only its messages. An
/// `Err` line stops the parse with that error.
pub fn parse_lines(path: &Path, lines: impl Iterator<Item = Result<String>>) -> Result<Thread> {
    let mut messages: Vec<Message> = Vec::new();
    let mut clock = DayClock::default();
    let mut timestamped = false;
    for (index, line) in lines.enumerate() {
        let line = line?;
        let line = line.as_str();
        let line_no = index as u64 + 1;
        let start = match split_time(line) {
            Some((time, rest)) => {
                let time = time.ok_or_else(|| {
                    Error::bad_file(
                        path,
                        Some(line_no),
                        Some("time"),
                        "expected [HH:MM] with HH ≤ 23 and MM ≤ 59",
                    )
                })?;
                timestamped = true;
                speaker_line(rest).map(|(name, body)| (Some(clock.place(time)), name, body))
            }
            None if timestamped => None,
            None => speaker_line(line).map(|(name, body)| (None, name, body)),
        };
        match (start, messages.last_mut()) {
            (Some((ts, author, body)), _) => messages.push(Message {
                author: author.to_owned(),
                text: body.to_owned(),
                ts,
                link: None,
            }),
            (None, Some(message)) => {
                message.text.push('\n');
                message.text.push_str(line);
            }
            (None, None) if line.trim().is_empty() => {}
            (None, None) => {
                return Err(Error::bad_file(
                    path,
                    Some(line_no),
                    None,
                    "text before the first message; expected `Name: text` or `[HH:MM] Name: text`",
                ))
            }
        }
    }
    if messages.is_empty() {
        return Err(Error::bad_file(
            path,
            Some(1),
            None,
            "no messages found; expected lines like `Name: text` or `[HH:MM] Name: text`",
        ));
    }
    for message in &mut messages {
        let trimmed = message.text.trim();
        if trimmed.len() != message.text.len() {
            message.text = trimmed.to_owned();
        }
    }
    Ok(Thread {
        channel: None,
        messages,
    })
}

/// Splits a leading `[HH:MM]` or `[HH:MM:SS]` off `line`. `None` if the line
/// has no such bracket; `Some((None, _))` if the bracket holds an impossible
/// time.
fn split_time(line: &str) -> Option<(Option<NaiveTime>, &str)> {
    let rest = line.trim_start().strip_prefix('[')?;
    let (inside, after) = rest.split_once(']')?;
    let [hours, minutes, seconds] = clock_fields(inside)?;
    let time = NaiveTime::from_hms_opt(hours, minutes, seconds);
    Some((time, after.trim_start()))
}

/// The hours, minutes and seconds (0 when absent) of `H:MM` or `H:MM:SS`,
/// each field one or two digits; not checked to be a possible time.
pub(super) fn clock_fields(token: &str) -> Option<[u32; 3]> {
    let fields: Vec<&str> = token.split(':').collect();
    let well_formed = (2..=3).contains(&fields.len())
        && fields
            .iter()
            .all(|f| (1..=2).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit()));
    let number = |i: usize| fields.get(i).map_or(Some(0), |f| f.parse::<u32>().ok());
    well_formed.then_some([number(0)?, number(1)?, number(2)?])
}

/// Splits `Name: text` if the part before the first colon is a speaker name.
fn speaker_line(line: &str) -> Option<(&str, &str)> {
    let (name, body) = line.split_once(':')?;
    if !(body.is_empty() || body.starts_with(char::is_whitespace)) {
        return None; // `https://…`, `10:30`, `key:value`
    }
    Some((speaker_name(name)?, body.trim()))
}

/// `candidate` trimmed, if it can be a speaker: 1 to 40 characters, at most
/// five words, starting with a letter or `@`, made of letters, digits,
/// spaces and `' . - _ @ ( ) & / +` only (no sentence punctuation such as `, ! ? ; "`),
/// and not a prose label such as `Note`, `Update` or `PS`.
pub fn speaker_name(candidate: &str) -> Option<&str> {
    let name = candidate.trim();
    let first = name.chars().next()?;
    let plausible = (first.is_alphabetic() || first == '@')
        && name.chars().count() <= MAX_NAME_CHARS
        && name.split_whitespace().count() <= MAX_NAME_WORDS
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || "'’.-_@()&/+".contains(c))
        && !PROSE_LABELS.contains(&name.to_lowercase().as_str());
    plausible.then_some(name)
}

/// Places clock times on consecutive undated days, in order.
#[derive(Default)]
struct DayClock {
    day: u64,
    last: Option<NaiveTime>,
}

impl DayClock {
    fn place(&mut self, time: NaiveTime) -> DateTime<Utc> {
        if self.last.is_some_and(|last| time < last) {
            self.day += 1;
        }
        self.last = Some(time);
        let day = UNDATED_DAY
            .checked_add_days(Days::new(self.day))
            .unwrap_or(UNDATED_DAY);
        day.and_time(time).and_utc()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    fn parse(text: &str) -> Thread {
        parse_transcript(Path::new("t.txt"), text).expect("parses")
    }

    fn parse_err(text: &str) -> String {
        let err = parse_transcript(Path::new("t.txt"), text).expect_err("is refused");
        assert_eq!(err.code(), ErrorCode::BadFile);
        err.to_string()
    }

    fn authors(thread: &Thread) -> Vec<&str> {
        thread.messages.iter().map(|m| m.author.as_str()).collect()
    }

    #[test]
    fn reads_the_shared_sample() {
        let text = include_str!("../../../../../tests/cli/fixtures/threads/transcript.txt");
        let thread = parse(text);
        assert_eq!(thread.messages.len(), 4);
        assert_eq!(thread.participants(), 2);
        assert_eq!(thread.messages[0].author, "Priya Patel");
        assert!(thread.messages[3].text.starts_with("Thanks, fixed both"));
    }

    #[test]
    fn timestamped_lines_get_times_on_the_undated_day() {
        let thread = parse("[09:02] Priya Patel: Morning!\n[10:14] Goran: Approved.\n");
        let ts: Vec<_> = thread.messages.iter().map(|m| m.ts.unwrap()).collect();
        assert_eq!(ts[0].to_rfc3339(), "1970-01-01T09:02:00+00:00");
        assert_eq!((ts[1] - ts[0]).num_minutes(), 72);
        assert!(ts.iter().all(|t| is_undated(*t)));
    }

    #[test]
    fn a_clock_going_backwards_means_the_next_day() {
        let thread = parse("[23:50] A: late\n[00:10] B: early\n[00:05:30] A: later still\n");
        let ts: Vec<_> = thread.messages.iter().map(|m| m.ts.unwrap()).collect();
        assert_eq!((ts[1] - ts[0]).num_minutes(), 20);
        assert_eq!(ts[2].date_naive(), UNDATED_DAY + Days::new(2));
    }

    #[test]
    fn untimestamped_lines_have_no_time() {
        let thread = parse("Ana: hi\nBo: hello\n");
        assert_eq!(authors(&thread), ["Ana", "Bo"]);
        assert!(thread.messages.iter().all(|m| m.ts.is_none()));
    }

    #[test]
    fn continuation_lines_and_inner_blank_lines_belong_to_the_message_above() {
        let thread = parse("Ana: first line\nsecond line\n\nafter a blank\n\n\nBo: reply\n");
        assert_eq!(
            thread.messages[0].text,
            "first line\nsecond line\n\nafter a blank"
        );
        assert_eq!(thread.messages[1].text, "reply");
    }

    #[test]
    fn a_message_may_start_on_the_line_after_its_name() {
        let thread = parse("Ana:\n  the text\nBo: ok\n");
        assert_eq!(thread.messages[0].text, "the text");
    }

    #[test]
    fn prose_with_a_colon_is_not_a_speaker() {
        let thread = parse(
            "Ana: see the plan\nNote: step 2 changed\nWell, honestly: no.\nhttps://x.test/a\nthe time is 10:30 now\nBo: ok\n",
        );
        assert_eq!(authors(&thread), ["Ana", "Bo"]);
        assert!(thread.messages[0].text.contains("Note: step 2 changed"));
        assert!(thread.messages[0].text.contains("Well, honestly: no."));
    }

    #[test]
    fn in_a_timestamped_transcript_only_timestamped_lines_start_messages() {
        let thread = parse("[09:00] Ana: plan below\nBo: this is quoted\n[09:01] Bo: reply\n");
        assert_eq!(authors(&thread), ["Ana", "Bo"]);
        assert_eq!(thread.messages[0].text, "plan below\nBo: this is quoted");
    }

    #[test]
    fn speaker_names_follow_the_documented_rule() {
        for ok in [
            "Zhang Wei",
            "Finn O'Brien",
            "Dong-hyun Kim",
            "@sam",
            "wjing",
            "Åsa Öberg",
            "Dev (IT)",
            "R&D bot",
        ] {
            assert_eq!(speaker_name(ok), Some(ok), "{ok}");
        }
        let long = "A".repeat(41);
        for bad in [
            "",
            "Note",
            "PS",
            "10",
            "Hi, all",
            "Why?",
            "a b c d e f",
            long.as_str(),
        ] {
            assert_eq!(speaker_name(bad), None, "{bad}");
        }
    }

    #[test]
    fn windows_line_endings_and_a_bom_are_accepted() {
        let thread = parse("\u{feff}Ana: one\r\nBo: two\r\n");
        assert_eq!(thread.messages[0].text, "one");
        assert_eq!(thread.messages[1].text, "two");
    }

    #[test]
    fn a_file_without_messages_is_refused_at_line_1() {
        let msg = parse_err("\n\n");
        assert!(msg.starts_with("t.txt: line 1: no messages found"), "{msg}");
        assert!(parse_err("").contains("no messages found"));
    }

    #[test]
    fn text_before_the_first_message_is_refused_with_its_line() {
        let msg = parse_err("\nhello there, all\nAna: hi\n");
        assert!(
            msg.starts_with("t.txt: line 2: text before the first message"),
            "{msg}"
        );
    }

    #[test]
    fn an_impossible_time_is_refused_with_its_line() {
        let msg = parse_err("[09:00] Ana: hi\n[25:10] Bo: ho\n");
        assert_eq!(
            msg,
            "t.txt: line 2: field `time`: expected [HH:MM] with HH ≤ 23 and MM ≤ 59"
        );
    }

    #[test]
    fn a_bracket_that_is_not_a_time_is_ordinary_text() {
        let thread = parse("Ana: hi\n[draft] more text\n");
        assert_eq!(thread.messages[0].text, "hi\n[draft] more text");
    }
}
