//! Exporting the journal as a Markdown brag document, CSV or JSON.
//!
//! JSON and CSV hold every field and list entries by ascending id, so that
//! exporting, importing into an empty journal and exporting again gives the
//! same bytes. Markdown is for people: see [`markdown`].

mod markdown;

use std::io::{self, BufWriter, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::sql::{self, COLUMNS};
use super::Entry;
use crate::{Error, Result, Store};

/// The CSV header, also the column names the CSV import understands.
pub const CSV_HEADER: [&str; 9] = [
    "id",
    "direction",
    "person",
    "email",
    "message",
    "tags",
    "link",
    "occurred_on",
    "created_at",
];

/// Separator of tags inside one CSV field.
pub const CSV_TAG_SEPARATOR: &str = ";";

/// What an I/O error on the export output is reported against.
const OUTPUT: &str = "export output";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Markdown,
    Csv,
    Json,
}

impl ExportFormat {
    /// The short name: `md`, `csv` or `json`.
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }

    /// The format a file name's extension asks for, if any (`.md`,
    /// `.markdown`, `.csv`, `.json`, any case).
    pub fn from_path(path: &Path) -> Option<ExportFormat> {
        path.extension()?.to_str()?.parse().ok()
    }
}

impl std::fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for ExportFormat {
    type Err = Error;
    /// Accepts `md`, `markdown`, `csv` and `json`, in any case.
    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(ExportFormat::Markdown),
            "csv" => Ok(ExportFormat::Csv),
            "json" => Ok(ExportFormat::Json),
            _ => Err(Error::invalid(
                "format",
                format!("unknown export format `{s}`: expected md, csv or json"),
            )),
        }
    }
}

/// An export format by its short name, as it crosses the IPC.
#[cfg(feature = "specta")]
#[derive(Serialize, specta::Type)]
#[serde(rename = "ExportFormat", rename_all = "lowercase")]
#[allow(dead_code)] // never built: only its shape is used, as the bindings' type
enum ExportFormatName {
    Md,
    Csv,
    Json,
}

#[cfg(feature = "specta")]
impl specta::Type for ExportFormat {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        <ExportFormatName as specta::Type>::definition(types)
    }
}

impl Serialize for ExportFormat {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ExportFormat {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Writes every live entry to `out`; returns how many were written.
pub fn export(store: &Store, format: ExportFormat, out: &mut dyn Write) -> Result<usize> {
    let entries = match format {
        ExportFormat::Markdown => super::list(store, &super::Filter::default())?,
        ExportFormat::Csv | ExportFormat::Json => {
            let sql =
                format!("SELECT {COLUMNS} FROM entries e WHERE e.deleted_at IS NULL ORDER BY e.id");
            sql::query_entries(store.conn(), &sql, Vec::new())?
        }
    };
    let mut out = BufWriter::new(out);
    match format {
        ExportFormat::Markdown => markdown::write(&entries, &mut out),
        ExportFormat::Csv => write_csv(&entries, &mut out),
        ExportFormat::Json => write_json(&entries, &mut out),
    }
    .and_then(|()| out.flush())
    .map_err(|e| Error::io(OUTPUT, e))?;
    Ok(entries.len())
}

/// Exports every live entry into the file at `path`, atomically: the entries
/// go to a temporary file beside it, which is synced and renamed over `path`.
/// On failure `path` is left as it was. Returns how many were written.
pub fn export_to_file(store: &Store, format: ExportFormat, path: &Path) -> Result<usize> {
    crate::fs::write_atomically(path, |out| export(store, format, out))
}

/// A pretty-printed (two-space indent) JSON array and a final newline.
fn write_json(entries: &[Entry], out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, entries)?;
    out.write_all(b"\n")
}

/// RFC 4180 CSV (CRLF line ends) with [`CSV_HEADER`]; absent values are empty.
fn write_csv(entries: &[Entry], out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(CSV_HEADER)?;
    for e in entries {
        let id = e.id.to_string();
        let tags = e.tags.join(CSV_TAG_SEPARATOR);
        let occurred_on = sql::format_date(e.occurred_on);
        let created_at = sql::format_created(e.created_at);
        w.write_record([
            id.as_str(),
            e.direction.as_str(),
            &e.person,
            e.email.as_deref().unwrap_or(""),
            &e.message,
            &tags,
            e.link.as_deref().unwrap_or(""),
            &occurred_on,
            &created_at,
        ])?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;
    use crate::journal::{add, delete, Direction, NewEntry};

    fn export_string(store: &Store, format: ExportFormat) -> (usize, String) {
        let mut out = Vec::new();
        let n = export(store, format, &mut out).unwrap();
        (n, String::from_utf8(out).unwrap())
    }

    fn journal() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let clock = FixedClock::at("2026-11-24T10:00:00Z");
        let first = NewEntry {
            direction: Some(Direction::Received),
            person: "Zoë, \"Z\" Okafor".into(),
            email: Some("z@x.org".into()),
            message: "line one\r\nline \"two\"".into(),
            tags: vec!["ownership".into(), "ci".into()],
            link: Some("https://x.org/pr/1".into()),
            occurred_on: Some("2026-11-20".parse().unwrap()),
        };
        add(&mut store, first, &clock).unwrap();
        let second = NewEntry {
            direction: Some(Direction::Given),
            person: "Ana".into(),
            message: "deleted".into(),
            ..NewEntry::default()
        };
        add(&mut store, second.clone(), &clock).unwrap();
        delete(&mut store, 2, &clock).unwrap();
        let third = NewEntry {
            message: "short".into(),
            occurred_on: Some("2026-10-01".parse().unwrap()),
            ..second
        };
        add(&mut store, third, &clock).unwrap();
        store
    }

    #[test]
    fn format_names() {
        assert_eq!(
            "md".parse::<ExportFormat>().unwrap(),
            ExportFormat::Markdown
        );
        assert_eq!(
            "Markdown".parse::<ExportFormat>().unwrap(),
            ExportFormat::Markdown
        );
        assert_eq!("CSV".parse::<ExportFormat>().unwrap(), ExportFormat::Csv);
        assert_eq!("json".parse::<ExportFormat>().unwrap(), ExportFormat::Json);
        let err = "xml".parse::<ExportFormat>().unwrap_err();
        assert!(matches!(&err, Error::InvalidInput { field, .. } if field == "format"));
        assert_eq!(
            ExportFormat::from_path(Path::new("out/brag.MD")),
            Some(ExportFormat::Markdown)
        );
        assert_eq!(ExportFormat::from_path(Path::new("notes.txt")), None);
        let f: ExportFormat = serde_json::from_str("\"csv\"").unwrap();
        assert_eq!(f, ExportFormat::Csv);
        assert!(serde_json::from_str::<ExportFormat>("\"pdf\"").is_err());
    }

    #[test]
    fn json_is_a_pretty_array_by_id_with_final_newline() {
        let (n, json) = export_string(&journal(), ExportFormat::Json);
        assert_eq!(n, 2);
        let expected = r#"[
  {
    "id": 1,
    "direction": "received",
    "person": "Zoë, \"Z\" Okafor",
    "email": "z@x.org",
    "message": "line one\r\nline \"two\"",
    "tags": [
      "ownership",
      "ci"
    ],
    "link": "https://x.org/pr/1",
    "occurred_on": "2026-11-20",
    "created_at": "2026-11-24T10:00:00Z"
  },
  {
    "id": 3,
    "direction": "given",
    "person": "Ana",
    "message": "short",
    "tags": [],
    "link": null,
    "occurred_on": "2026-10-01",
    "created_at": "2026-11-24T10:00:00Z"
  }
]
"#;
        assert_eq!(json, expected);
    }

    #[test]
    fn empty_journal_exports() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(
            export_string(&store, ExportFormat::Json),
            (0, "[]\n".into())
        );
        let (n, csv) = export_string(&store, ExportFormat::Csv);
        assert_eq!(n, 0);
        assert_eq!(
            csv,
            "id,direction,person,email,message,tags,link,occurred_on,created_at\r\n"
        );
        let (_, md) = export_string(&store, ExportFormat::Markdown);
        assert!(md.starts_with("# Kudos journal\n"), "{md}");
    }

    #[test]
    fn csv_is_rfc4180() {
        let (n, csv) = export_string(&journal(), ExportFormat::Csv);
        assert_eq!(n, 2);
        assert_eq!(
            csv,
            "id,direction,person,email,message,tags,link,occurred_on,created_at\r\n\
             1,received,\"Zoë, \"\"Z\"\" Okafor\",z@x.org,\"line one\r\nline \"\"two\"\"\",\
             ownership;ci,https://x.org/pr/1,2026-11-20,2026-11-24T10:00:00Z\r\n\
             3,given,Ana,,short,,,2026-10-01,2026-11-24T10:00:00Z\r\n"
        );
    }

    #[test]
    fn export_to_file_writes_the_file_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kudos.json");
        std::fs::write(&path, "old contents").unwrap();
        let n = export_to_file(&journal(), ExportFormat::Json, &path).unwrap();
        assert_eq!(n, 2);
        let (_, expected) = export_string(&journal(), ExportFormat::Json);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn export_into_a_missing_folder_names_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing/kudos.md");
        let err = export_to_file(&journal(), ExportFormat::Markdown, &path).unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Io);
        assert!(err.to_string().contains("missing/kudos.md"), "{err}");
    }

    #[test]
    fn write_errors_are_io_errors() {
        struct Broken;
        impl Write for Broken {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let err = export(&journal(), ExportFormat::Json, &mut Broken).unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Io);
    }
}
