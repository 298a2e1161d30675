//! The company roster and the buddy history, read from CSV.
//!
//! Both files are UTF-8 (a byte-order mark is accepted), have a header row and
//! follow RFC 4180 quoting. Columns are found by name, in any order; unknown
//! columns are ignored. Every problem is an [`Error::BadFile`] naming the file,
//! the 1-based line and the column, and nothing is returned from a file with
//! errors.

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use chrono::format::{Item, Parsed, StrftimeItems};
use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;

use crate::{Error, Result};

/// Working hours used when the `working_hours` column is absent or empty.
pub const DEFAULT_WORKING_HOURS: &str = "09:00-17:00";

/// One person of the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    /// Lowercased, so that it compares case-insensitively everywhere.
    pub email: String,
    pub team: String,
    pub timezone: Tz,
    pub start_date: NaiveDate,
    /// As written (trimmed), without empty items or case-insensitive repeats;
    /// compare them lowercased.
    pub interests: Vec<String>,
    /// How many joiners this person is willing to look after at once.
    pub buddy_capacity: u32,
    /// Local start and end of the working day (end after start), weekdays.
    pub working_hours: (NaiveTime, NaiveTime),
    /// `true`: never to be proposed as a buddy.
    pub opt_out: bool,
}

impl Person {
    /// Their working hours on their local date `day`, as instants.
    pub fn working_interval(&self, day: NaiveDate) -> crate::clock::Interval {
        crate::clock::working_interval(self.timezone, day, self.working_hours)
    }
}

const REQUIRED: [&str; 5] = ["name", "email", "team", "timezone", "start_date"];

/// Reads and parses a roster file; see [`parse_roster`].
pub fn read_roster(path: &Path) -> Result<Vec<Person>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    parse_roster(path, &bytes)
}

/// Reads and parses a buddy history file; see [`parse_history`].
pub fn read_history(path: &Path) -> Result<Vec<(String, String)>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    parse_history(path, &bytes)
}

/// Parses a roster (`path` is only used in error messages).
///
/// Required columns: `name`, `email` (unique, case-insensitive), `team`,
/// `timezone` (IANA), `start_date` (YYYY-MM-DD). Optional: `interests`
/// (`;`-separated), `buddy_capacity` (integer ≥ 0, default 1), `working_hours`
/// (`HH:MM-HH:MM`, default 09:00-17:00), `opt_out` (`true`/`false`/empty).
pub fn parse_roster(path: &Path, bytes: &[u8]) -> Result<Vec<Person>> {
    let table = roster_table(path, bytes)?;
    let mut people = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for (line, row) in &table.rows {
        people.push(parse_person(&table, *line, row, &mut seen)?);
    }
    Ok(people)
}

/// One roster row as a [`Person`]; `seen` maps the emails read so far to
/// their lines, to refuse a repeated email.
pub(crate) fn parse_person(
    table: &Table<'_>,
    line: u64,
    row: &csv::StringRecord,
    seen: &mut HashMap<String, u64>,
) -> Result<Person> {
    let path = table.path;
    let get = |col: &str| table.get(row, col);
    let bad = |col: &str, msg: String| Error::bad_file(path, Some(line), Some(col), msg);
    let required = |col: &str| -> Result<&str> {
        let v = get(col);
        if v.is_empty() {
            Err(bad(col, "is empty".into()))
        } else {
            Ok(v)
        }
    };
    let name = required("name")?.to_owned();
    let email = required("email")?.to_lowercase();
    if !email.contains('@') {
        return Err(bad("email", format!("`{email}` is not an email address")));
    }
    if let Some(first) = seen.get(&email) {
        return Err(bad(
            "email",
            format!("duplicate email `{email}` (first on line {first})"),
        ));
    }
    seen.insert(email.clone(), line);
    let team = required("team")?.to_owned();
    let tz_text = required("timezone")?;
    let timezone: Tz = tz_text.parse().map_err(|_| {
        bad(
            "timezone",
            format!("unknown time zone `{tz_text}` (e.g. Europe/Berlin)"),
        )
    })?;
    let start_date = parse_date(required("start_date")?)
        .ok_or_else(|| bad("start_date", date_message(get("start_date"))))?;
    let interests = split_interests(get("interests"));
    let capacity_text = get("buddy_capacity");
    let buddy_capacity = if capacity_text.is_empty() {
        1
    } else {
        capacity_text.parse::<u32>().map_err(|_| {
            bad(
                "buddy_capacity",
                format!("`{capacity_text}` is not a whole number ≥ 0"),
            )
        })?
    };
    let hours_text = match get("working_hours") {
        "" => DEFAULT_WORKING_HOURS,
        text => text,
    };
    let working_hours = parse_hours(hours_text).map_err(|m| bad("working_hours", m))?;
    let opt_out = match get("opt_out").to_ascii_lowercase().as_str() {
        "" | "false" => false,
        "true" => true,
        other => {
            return Err(bad(
                "opt_out",
                format!("`{other}` is not `true`, `false` or empty"),
            ))
        }
    };
    Ok(Person {
        name,
        email,
        team,
        timezone,
        start_date,
        interests,
        buddy_capacity,
        working_hours,
        opt_out,
    })
}

/// The roster file as a table, with its required columns checked.
pub(crate) fn roster_table<'p>(path: &'p Path, bytes: &[u8]) -> Result<Table<'p>> {
    let table = Table::read(path, bytes)?;
    for col in REQUIRED {
        table.require(col)?;
    }
    Ok(table)
}

/// A pairing made before, as a history file gives it. Emails are lowercase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastPairing {
    pub joiner: String,
    pub buddy: String,
    /// When the pair was made, if the file says.
    pub date: Option<NaiveDate>,
}

/// Parses a history of past pairings as `(joiner, buddy)`, the shape
/// matching takes; see [`parse_past_pairings`].
pub fn parse_history(path: &Path, bytes: &[u8]) -> Result<Vec<(String, String)>> {
    Ok(parse_past_pairings(path, bytes)?
        .into_iter()
        .map(|p| (p.joiner, p.buddy))
        .collect())
}

/// Parses a history of past pairings: columns `joiner_email`, `buddy_email`
/// and optionally `date` (YYYY-MM-DD, may be empty). Emails are lowercased;
/// repeated pairs are kept as they are.
pub fn parse_past_pairings(path: &Path, bytes: &[u8]) -> Result<Vec<PastPairing>> {
    let table = Table::read(path, bytes)?;
    table.require("joiner_email")?;
    table.require("buddy_email")?;
    let mut out = Vec::new();
    for (line, row) in &table.rows {
        let bad = |col: &str, msg: String| Error::bad_file(path, Some(*line), Some(col), msg);
        let mut pair = [String::new(), String::new()];
        for (slot, col) in pair.iter_mut().zip(["joiner_email", "buddy_email"]) {
            let v = table.get(row, col);
            if v.is_empty() {
                return Err(bad(col, "is empty".into()));
            }
            *slot = v.to_lowercase();
        }
        let text = table.get(row, "date");
        let date = match text {
            "" => None,
            _ => Some(parse_date(text).ok_or_else(|| bad("date", date_message(text)))?),
        };
        let [joiner, buddy] = pair;
        out.push(PastPairing {
            joiner,
            buddy,
            date,
        });
    }
    Ok(out)
}

/// A CSV file read into trimmed text fields, with the line of each record.
pub(crate) struct Table<'p> {
    pub(crate) path: &'p Path,
    columns: HashMap<String, usize>,
    pub(crate) rows: Vec<(u64, csv::StringRecord)>,
}

impl<'p> Table<'p> {
    pub(crate) fn read(path: &'p Path, bytes: &[u8]) -> Result<Self> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64
                + 1;
            Error::bad_file(path, Some(line), None, "not valid UTF-8 text")
        })?;
        if text.trim().is_empty() {
            return Err(Error::bad_file(
                path,
                Some(1),
                None,
                "empty file: expected a header row",
            ));
        }
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| csv_error(path, text, e))?
            .clone();
        let mut columns = HashMap::new();
        for (i, h) in headers.iter().enumerate() {
            columns.entry(h.trim().to_lowercase()).or_insert(i);
        }
        let mut rows = Vec::new();
        // Lines counted as the records go, from their byte offsets.
        let (mut from, mut line) = (0usize, 1u64);
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(path, text, e))?;
            let offset = record.position().map_or(0, |p| p.byte() as usize);
            line = line_at(text, from, line, offset);
            from = (offset + 1).clamp(from, text.len());
            rows.push((line, record));
        }
        Ok(Table {
            path,
            columns,
            rows,
        })
    }

    pub(crate) fn require(&self, col: &str) -> Result<()> {
        if self.columns.contains_key(col) {
            Ok(())
        } else {
            Err(Error::bad_file(
                self.path,
                Some(1),
                Some(col),
                "missing column in the header row",
            ))
        }
    }

    /// True if and only if the header row has column `col` (lowercase).
    pub(crate) fn has(&self, col: &str) -> bool {
        self.columns.contains_key(col)
    }

    /// The trimmed field of `col`, empty when the column is absent.
    pub(crate) fn get<'r>(&self, row: &'r csv::StringRecord, col: &str) -> &'r str {
        self.columns
            .get(col)
            .and_then(|&i| row.get(i))
            .unwrap_or("")
    }
}

fn csv_error(path: &Path, text: &str, e: csv::Error) -> Error {
    let line = e
        .position()
        .map_or(1, |p| line_at(text, 0, 1, p.byte() as usize));
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("expected {expected_len} fields like the header row, found {len}"),
        _ => format!("not valid CSV: {e}"),
    };
    Error::bad_file(path, Some(line), None, message)
}

/// The 1-based line of byte `offset`, counting on from `line` at byte `from`.
///
/// The byte at `offset` is counted too: after a CRLF line end the csv crate
/// reports offsets (and lines) one too low, pointing at the `\n`; a record
/// never starts with `\n`, so counting it is right in both cases.
fn line_at(text: &str, from: usize, line: u64, offset: usize) -> u64 {
    let upto = (offset + 1).clamp(from, text.len());
    line + text.as_bytes()[from..upto]
        .iter()
        .filter(|b| **b == b'\n')
        .count() as u64
}

/// `%Y-%m-%d` and `%H:%M` as chrono items, read once: `parse_from_str`
/// would read the format again for each of the three dates and times of
/// every row.
static DATE: LazyLock<Vec<Item<'static>>> =
    LazyLock::new(|| StrftimeItems::new("%Y-%m-%d").collect());
static TIME: LazyLock<Vec<Item<'static>>> = LazyLock::new(|| StrftimeItems::new("%H:%M").collect());

/// What `parse_from_str` does, with the format's items read once.
fn parse_with(s: &str, items: &[Item<'static>]) -> Option<Parsed> {
    let mut parsed = Parsed::new();
    chrono::format::parse(&mut parsed, s, items.iter()).ok()?;
    Some(parsed)
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    if s.len() != 10 {
        return None;
    }
    parse_with(s, &DATE)?.to_naive_date().ok()
}

fn date_message(s: &str) -> String {
    format!("`{s}` is not a date like 2026-11-24")
}

/// Parses `HH:MM-HH:MM` (end after start).
fn parse_hours(s: &str) -> std::result::Result<(NaiveTime, NaiveTime), String> {
    let (start, end) = parse_wrapping_hours(s)?;
    if end < start {
        return Err(format!("`{s}`: the end must be after the start"));
    }
    Ok((start, end))
}

/// Parses `HH:MM-HH:MM` where an end before the start is on the next day
/// (`22:00-08:00`); the end must differ from the start.
pub(crate) fn parse_wrapping_hours(s: &str) -> std::result::Result<(NaiveTime, NaiveTime), String> {
    let err = || format!("`{s}` is not hours like 09:00-17:00");
    let (a, b) = s.split_once('-').ok_or_else(err)?;
    let time = |t: &str| {
        let t = t.trim();
        if t.len() != 5 {
            return None;
        }
        parse_with(t, &TIME)?.to_naive_time().ok()
    };
    let (start, end) = (time(a).ok_or_else(err)?, time(b).ok_or_else(err)?);
    if end == start {
        return Err(format!("`{s}`: the end must differ from the start"));
    }
    Ok((start, end))
}

fn split_interests(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in s.split(';').map(str::trim).filter(|i| !i.is_empty()) {
        let lower = item.to_lowercase();
        if !out.iter().any(|o| o.to_lowercase() == lower) {
            out.push(item.to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "name,email,team,timezone,start_date,interests,buddy_capacity,working_hours,opt_out,extra_column\n";

    /// The first rows of the project's sample roster (with its BOM).
    const SAMPLE_ROSTER: &str = "\u{feff}name,email,team,timezone,start_date,interests,buddy_capacity,working_hours,opt_out,extra_column
Hana Nguyen,p000037@example.org,SRE,Africa/Lagos,2021-11-05,kubernetes;rust;coffee;films,,09:00-17:00,true,
Bo Dubois,p000014@example.org,Design,America/Sao_Paulo,2025-06-02,climbing;hiking;kubernetes,3,,,note
Emeka Patel,p000000@example.org,Payments,Africa/Nairobi,2026-09-28,hiking;baking;rust,,08:00-16:00,,note
Jun Mensah,p000004@example.org,SRE,Australia/Sydney,2026-12-12,,,07:30-15:30,,
\"Hana Smith, Jr.\",p000019@example.org,Design,America/Los_Angeles,2021-12-03,board games;films,2,10:00-18:30,,note
Søren Mensah,p000025@example.org,Design,UTC,2020-05-18,,0,,,
";

    /// The first rows of the project's sample buddy history.
    const SAMPLE_HISTORY: &str = "joiner_email,buddy_email,date
p000009@example.org,p000035@example.org,2026-01-15
p000005@example.org,p000032@example.org,2026-01-15
P000006@example.org,p000029@example.org,2026-01-15
";

    fn parse(text: &str) -> Result<Vec<Person>> {
        parse_roster(Path::new("roster.csv"), text.as_bytes())
    }

    fn err(text: &str) -> (Option<u64>, Option<String>, String) {
        match parse(text).unwrap_err() {
            Error::BadFile {
                line,
                field,
                message,
                ..
            } => (line, field, message),
            other => panic!("unexpected error {other:?}"),
        }
    }

    #[test]
    fn parses_the_sample_roster() {
        let people = parse(SAMPLE_ROSTER).unwrap();
        assert_eq!(people.len(), 6);
        let hana = &people[0];
        assert_eq!(hana.email, "p000037@example.org");
        assert_eq!(hana.timezone, chrono_tz::Africa::Lagos);
        assert!(hana.opt_out);
        assert_eq!(hana.buddy_capacity, 1);
        assert_eq!(hana.interests, ["kubernetes", "rust", "coffee", "films"]);
        let bo = &people[1];
        assert_eq!(bo.buddy_capacity, 3);
        assert_eq!(
            bo.working_hours,
            (
                NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
                NaiveTime::from_hms_opt(17, 0, 0).unwrap()
            )
        );
        assert!(!bo.opt_out);
        assert_eq!(people[3].interests, Vec::<String>::new());
        assert_eq!(
            people[3].working_hours.0,
            NaiveTime::from_hms_opt(7, 30, 0).unwrap()
        );
        assert_eq!(people[4].name, "Hana Smith, Jr.");
        assert_eq!(people[4].interests, ["board games", "films"]);
        assert_eq!(people[5].name, "Søren Mensah");
        assert_eq!(people[5].buddy_capacity, 0);
    }

    #[test]
    fn parses_the_sample_history() {
        let h = parse_history(Path::new("h.csv"), SAMPLE_HISTORY.as_bytes()).unwrap();
        assert_eq!(h.len(), 3);
        assert_eq!(
            h[2],
            (
                "p000006@example.org".to_owned(),
                "p000029@example.org".to_owned()
            )
        );
        // The date column is optional.
        let h = parse_history(Path::new("h.csv"), b"buddy_email,joiner_email\nB@x,a@x\n").unwrap();
        assert_eq!(h, [("a@x".to_owned(), "b@x".to_owned())]);
    }

    #[test]
    fn columns_in_any_order_and_interest_cleanup() {
        let people = parse(
            "start_date,timezone,team,email,name,interests\n\
             2026-01-02,UTC,SRE,A@X.org,Ann,\" Rust ; ;rust;Climbing \"\n",
        )
        .unwrap();
        assert_eq!(people[0].email, "a@x.org");
        assert_eq!(people[0].interests, ["Rust", "Climbing"]);
    }

    #[test]
    fn missing_column_is_line_1() {
        let (line, field, message) = err("name,email,team,start_date\nA,a@x,T,2026-01-01\n");
        assert_eq!(line, Some(1));
        assert_eq!(field.as_deref(), Some("timezone"));
        assert!(message.contains("missing column"), "{message}");
    }

    #[test]
    fn duplicate_email_names_both_lines() {
        let text = format!(
            "{HEADER}A,a@x.org,T,UTC,2026-01-01,,,,,\nB,b@x.org,T,UTC,2026-01-01,,,,,\nC,A@X.org,U,UTC,2026-01-01,,,,,\n"
        );
        let (line, field, message) = err(&text);
        assert_eq!(line, Some(4));
        assert_eq!(field.as_deref(), Some("email"));
        assert!(message.contains("line 2"), "{message}");
        let e = parse(&text).unwrap_err();
        assert!(e
            .to_string()
            .starts_with("roster.csv: line 4: field `email`"));
    }

    #[test]
    fn unknown_time_zone() {
        let (line, field, _) = err(&format!("{HEADER}A,a@x,T,Mars/Olympus,2026-01-01,,,,,\n"));
        assert_eq!((line, field.as_deref()), (Some(2), Some("timezone")));
    }

    #[test]
    fn bad_date() {
        for date in ["2026-02-30", "26-01-01", "yesterday", ""] {
            let (line, field, _) = err(&format!(
                "{HEADER}A,a@x,T,UTC,2026-01-01,,,,,\nB,b@x,T,UTC,{date},,,,,\n"
            ));
            assert_eq!((line, field.as_deref()), (Some(3), Some("start_date")));
        }
    }

    #[test]
    fn bad_hours() {
        for hours in ["17:00-09:00", "9-17", "09:00", "09:00-09:00", "25:00-26:00"] {
            let (line, field, _) = err(&format!("{HEADER}A,a@x,T,UTC,2026-01-01,,,{hours},,\n"));
            assert_eq!((line, field.as_deref()), (Some(2), Some("working_hours")));
        }
    }

    #[test]
    fn bad_capacity_and_opt_out() {
        let (line, field, _) = err(&format!("{HEADER}A,a@x,T,UTC,2026-01-01,,-1,,,\n"));
        assert_eq!((line, field.as_deref()), (Some(2), Some("buddy_capacity")));
        let (line, field, _) = err(&format!("{HEADER}A,a@x,T,UTC,2026-01-01,,two,,,\n"));
        assert_eq!((line, field.as_deref()), (Some(2), Some("buddy_capacity")));
        let (line, field, _) = err(&format!("{HEADER}A,a@x,T,UTC,2026-01-01,,,,maybe,\n"));
        assert_eq!((line, field.as_deref()), (Some(2), Some("opt_out")));
    }

    #[test]
    fn empty_required_field() {
        let (line, field, _) = err(&format!("{HEADER}A,a@x,,UTC,2026-01-01,,,,,\n"));
        assert_eq!((line, field.as_deref()), (Some(2), Some("team")));
    }

    #[test]
    fn empty_file_and_bom_only() {
        for text in ["", "\u{feff}", "  \n"] {
            let (line, _, message) = err(text);
            assert_eq!(line, Some(1));
            assert!(message.contains("empty"), "{message}");
        }
    }

    #[test]
    fn not_utf8_names_the_line() {
        let mut bytes = HEADER.as_bytes().to_vec();
        bytes.extend_from_slice(b"A,a@x,T,UTC,2026-01-01,,,,,\nB\xff,b@x,T,UTC,2026-01-01,,,,,\n");
        match parse_roster(Path::new("r.csv"), &bytes).unwrap_err() {
            Error::BadFile { line, message, .. } => {
                assert_eq!(line, Some(3));
                assert!(message.contains("UTF-8"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn wrong_field_count_names_the_line() {
        let (line, _, message) = err(&format!("{HEADER}A,a@x,T,UTC,2026-01-01\n"));
        assert_eq!(line, Some(2));
        assert!(message.contains("fields"), "{message}");
    }

    #[test]
    fn quoted_multiline_fields_keep_line_numbers() {
        let text = format!("{HEADER}\"A\nB\",a@x,T,UTC,2026-01-01,,,,,\nC,c@x,T,UTC,bad,,,,,\n");
        let (line, field, _) = err(&text);
        assert_eq!((line, field.as_deref()), (Some(4), Some("start_date")));
    }

    #[test]
    fn crlf_files_keep_line_numbers() {
        let text = "name,email,team,timezone,start_date\r\nA,a@x,T,Mars/X,2026-01-01\r\n";
        assert_eq!(err(text).0, Some(2));
        let text =
            "name,email,team,timezone,start_date\r\nB,b@x,T,UTC,2026-01-01\r\nA,a@x,T,UTC,x\r\n";
        assert_eq!(err(text).0, Some(3));
        let text = "name,email,team,timezone,start_date\r\nB,b@x,T,UTC,2026-01-01\r\nA,a@x\r\n";
        assert_eq!(err(text).0, Some(3));
    }

    #[test]
    fn history_errors() {
        let e =
            parse_history(Path::new("h.csv"), b"joiner_email,date\na@x,2026-01-01\n").unwrap_err();
        assert!(e.to_string().contains("line 1: field `buddy_email`"), "{e}");
        let e = parse_history(
            Path::new("h.csv"),
            b"joiner_email,buddy_email,date\na@x,b@x,2026-13-01\n",
        )
        .unwrap_err();
        assert!(e.to_string().contains("line 2: field `date`"), "{e}");
        let e = parse_history(Path::new("h.csv"), b"joiner_email,buddy_email\n,b@x\n").unwrap_err();
        assert!(
            e.to_string().contains("line 2: field `joiner_email`"),
            "{e}"
        );
    }
}
