//! Reading records from CSV with a header row naming the columns (any order,
//! any case; unknown columns are ignored). `direction`, `person` and
//! `message` are required; empty optional cells mean "none". Tags are
//! separated by `;` (or `,`).

use csv::{Position, ReaderBuilder, StringRecord};

use super::{LineCounter, Problem, Record};
use crate::journal::export::CSV_HEADER;

const REQUIRED: [&str; 3] = ["direction", "person", "message"];

/// Where each known column is, by its index in [`CSV_HEADER`].
struct Columns([Option<usize>; CSV_HEADER.len()]);

impl Columns {
    fn find(header: &StringRecord) -> Result<Columns, Problem> {
        let position = |name: &str| {
            header
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(name))
        };
        let columns = Columns(CSV_HEADER.map(position));
        for name in REQUIRED {
            if columns.index(name).is_none() {
                return Err(Problem::new(
                    1,
                    Some(name),
                    format!(
                        "the header has no `{name}` column (expected {})",
                        CSV_HEADER.join(",")
                    ),
                ));
            }
        }
        Ok(columns)
    }

    fn index(&self, name: &str) -> Option<usize> {
        let i = CSV_HEADER.iter().position(|h| *h == name)?;
        self.0[i]
    }

    /// The cell of column `name` in `row`, if the column exists.
    fn cell<'r>(&self, row: &'r StringRecord, name: &str) -> Option<&'r str> {
        row.get(self.index(name)?)
    }

    /// The cell as an optional value: missing column or empty cell is `None`.
    fn value(&self, row: &StringRecord, name: &str) -> Option<String> {
        self.cell(row, name)
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
    }
}

/// The records of a CSV text (already decoded, byte-order mark removed).
pub(super) fn records(text: &str) -> Result<Vec<Record>, Problem> {
    let mut lines = LineCounter::new(text.as_bytes());
    let mut start_line = |pos: Option<&Position>| line_of(text, &mut lines, pos);
    let mut reader = ReaderBuilder::new().from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| csv_problem(&e, start_line(e.position())))?;
    let columns = Columns::find(header)?;
    let mut records = Vec::new();
    for row in reader.records() {
        let row = row.map_err(|e| csv_problem(&e, start_line(e.position())))?;
        let line = start_line(row.position());
        let id = match columns.value(&row, "id") {
            Some(id) => Some(id.parse::<i64>().map_err(|_| {
                Problem::new(line, Some("id"), format!("`{id}` is not a whole number"))
            })?),
            None => None,
        };
        let tags = columns
            .cell(&row, "tags")
            .unwrap_or("")
            .split([';', ','])
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
        records.push(Record {
            line,
            id,
            // Required columns exist; an empty cell there is kept empty so
            // the check reports it as such.
            direction: columns.cell(&row, "direction").map(str::to_owned),
            person: columns.cell(&row, "person").map(str::to_owned),
            message: columns.cell(&row, "message").map(str::to_owned),
            email: columns.value(&row, "email"),
            tags,
            link: columns.value(&row, "link"),
            occurred_on: columns.value(&row, "occurred_on"),
            created_at: columns.value(&row, "created_at"),
        });
    }
    Ok(records)
}

/// The line where the record at `pos` starts. The reader's own line count
/// can be one short after a CRLF, so this counts from the byte offset,
/// skipping the line ends (and blank lines) before the record.
fn line_of(text: &str, lines: &mut LineCounter<'_>, pos: Option<&Position>) -> u64 {
    let Some(pos) = pos else {
        return 1;
    };
    let start = usize::try_from(pos.byte())
        .unwrap_or(usize::MAX)
        .min(text.len());
    let blank = text[start..].len() - text[start..].trim_start_matches(['\r', '\n']).len();
    lines.line_at(start + blank)
}

fn csv_problem(e: &csv::Error, line: u64) -> Problem {
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("this row has {len} fields but the header has {expected_len}"),
        _ => format!("invalid CSV: {e}"),
    };
    Problem::new(line, None, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_by_name_in_any_order() {
        let text = "Message,extra,PERSON,direction,tags\r\n\
                    \"two\r\nlines\",x,Zoë,given,a;b;;c\r\n\
                    plain,,Ana,received,\r\n";
        let records = records(text).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].line, 2);
        assert_eq!(records[0].message.as_deref(), Some("two\r\nlines"));
        assert_eq!(records[0].tags, vec!["a", "b", "c"]);
        assert_eq!(records[1].line, 4);
        assert_eq!(records[1].person.as_deref(), Some("Ana"));
        assert!(records[1].tags.is_empty());
        assert_eq!(records[1].id, None);
        assert_eq!(records[1].email, None);
    }

    #[test]
    fn whitespace_in_cells_is_kept() {
        let text = "direction,person,message\n given , Ana ,\" hi \"\n";
        let r = &records(text).unwrap()[0];
        assert_eq!(r.direction.as_deref(), Some(" given "));
        assert_eq!(r.person.as_deref(), Some(" Ana "));
        assert_eq!(r.message.as_deref(), Some(" hi "));
    }

    #[test]
    fn missing_required_column_is_reported_on_line_one() {
        let p = records("direction,person\ngiven,Ana\n").unwrap_err();
        assert_eq!((p.line, p.field.as_deref()), (1, Some("message")));
    }

    #[test]
    fn ragged_rows_and_bad_ids_name_their_line() {
        let p = records("direction,person,message\ngiven,Ana,hi\ngiven,Ana\n").unwrap_err();
        assert_eq!(p.line, 3);
        assert!(p.message.contains("has 2 fields"), "{}", p.message);
        let p = records("id,direction,person,message\n1,given,A,m\nx,given,A,m\n").unwrap_err();
        assert_eq!((p.line, p.field.as_deref()), (3, Some("id")));
    }

    #[test]
    fn header_only_means_no_records() {
        assert!(records("direction,person,message\r\n").unwrap().is_empty());
    }
}
