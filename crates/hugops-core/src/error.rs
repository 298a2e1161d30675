//! The one error type of the library, with a stable machine-readable code.
//!
//! Front ends branch on [`ErrorCode`], never on the English message; the
//! message is written for a person and names the file, line and field when
//! the error comes from input.

use std::path::PathBuf;

/// Result alias used across the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in HugOps' domain logic.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A value given by the user (flag, form field) is not acceptable.
    #[error("{field}: {message}")]
    InvalidInput { field: String, message: String },

    /// A file fed to HugOps is malformed; `line` is 1-based when known.
    #[error("{}", format_bad_file(path, *line, field.as_deref(), message))]
    BadFile {
        path: PathBuf,
        line: Option<u64>,
        field: Option<String>,
        message: String,
    },

    /// The requested record does not exist.
    #[error("{what} {id} not found")]
    NotFound { what: &'static str, id: i64 },

    /// The requested record, named by a text key (a meeting's UID), does not exist.
    #[error("{what} `{key}` not found")]
    UnknownKey { what: &'static str, key: String },

    /// The database file exists but is not a HugOps database (or is corrupt).
    #[error("{path}: not a HugOps database ({reason}); it was left untouched")]
    NotHugOpsDb { path: PathBuf, reason: String },

    /// The database was written by a newer HugOps.
    #[error("{path}: written by a newer HugOps (schema {found}, this build knows {known}); it was left untouched")]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),

    #[error("database migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),

    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Stable codes the UI may branch on. Serialised in snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    InvalidInput,
    BadFile,
    NotFound,
    NotHugopsDb,
    Storage,
    Io,
}

impl Error {
    /// Shorthand for [`Error::InvalidInput`].
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::InvalidInput {
            field: field.into(),
            message: message.into(),
        }
    }

    /// Shorthand for [`Error::BadFile`].
    pub fn bad_file(
        path: impl Into<PathBuf>,
        line: Option<u64>,
        field: Option<&str>,
        message: impl Into<String>,
    ) -> Self {
        Error::BadFile {
            path: path.into(),
            line,
            field: field.map(str::to_owned),
            message: message.into(),
        }
    }

    /// Shorthand for [`Error::Io`].
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// The machine-readable code of this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::InvalidInput { .. } => ErrorCode::InvalidInput,
            Error::BadFile { .. } => ErrorCode::BadFile,
            Error::NotFound { .. } | Error::UnknownKey { .. } => ErrorCode::NotFound,
            Error::NotHugOpsDb { .. } | Error::TooNew { .. } => ErrorCode::NotHugopsDb,
            Error::Sqlite(_) | Error::Migration(_) => ErrorCode::Storage,
            Error::Io { .. } => ErrorCode::Io,
        }
    }

    /// The input field this error is about, when it is about one: the form
    /// field of [`Error::InvalidInput`], the column of [`Error::BadFile`].
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::InvalidInput { field, .. } => Some(field),
            Error::BadFile { field, .. } => field.as_deref(),
            _ => None,
        }
    }

    /// True if and only if the error was caused by what the user gave us
    /// (bad flags, bad files, unknown ids) rather than by the machine.
    pub fn is_user_error(&self) -> bool {
        !matches!(self.code(), ErrorCode::Storage | ErrorCode::Io)
    }
}

fn format_bad_file(
    path: &std::path::Path,
    line: Option<u64>,
    field: Option<&str>,
    message: &str,
) -> String {
    let mut out = path.display().to_string();
    if let Some(line) = line {
        out.push_str(&format!(": line {line}"));
    }
    if let Some(field) = field {
        out.push_str(&format!(": field `{field}`"));
    }
    out.push_str(": ");
    out.push_str(message);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_file_message_names_file_line_and_field() {
        let e = Error::bad_file(
            "k.csv",
            Some(4),
            Some("direction"),
            "expected given or received",
        );
        assert_eq!(
            e.to_string(),
            "k.csv: line 4: field `direction`: expected given or received"
        );
        assert_eq!(e.code(), ErrorCode::BadFile);
        assert!(e.is_user_error());
    }

    #[test]
    fn field_is_known_only_for_input_errors() {
        assert_eq!(Error::invalid("person", "empty").field(), Some("person"));
        let with = Error::bad_file("k.csv", Some(2), Some("tags"), "bad");
        assert_eq!(with.field(), Some("tags"));
        assert_eq!(Error::bad_file("k.csv", None, None, "bad").field(), None);
        let missing = Error::NotFound {
            what: "entry",
            id: 1,
        };
        assert_eq!(missing.field(), None);
    }

    #[test]
    fn codes_serialise_in_snake_case() {
        let json = serde_json::to_string(&ErrorCode::NotHugopsDb).unwrap();
        assert_eq!(json, "\"not_hugops_db\"");
    }
}
