//! How errors reach the webview: `{"code": "...", "message": "...", "field": "..."}`.
//!
//! The UI branches on `code` (a stable snake_case [`ErrorCode`]), shows
//! `message` to the person and highlights `field` (present only when the
//! error is about one input field); it never matches on the English text.

use hugops_core::ErrorCode;
use serde::Serialize;

/// An error as the UI receives it from any command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// The input field the error is about; omitted when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl From<hugops_core::Error> for ApiError {
    fn from(err: hugops_core::Error) -> Self {
        ApiError {
            code: err.code(),
            field: err.field().map(str::to_owned),
            message: err.to_string(),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_code_message_and_field() {
        let err = ApiError::from(hugops_core::Error::bad_file(
            "kudos.csv",
            Some(4),
            Some("direction"),
            "expected given or received",
        ));
        assert_eq!(
            serde_json::to_value(&err).unwrap(),
            serde_json::json!({
                "code": "bad_file",
                "message": "kudos.csv: line 4: field `direction`: expected given or received",
                "field": "direction",
            })
        );
    }

    #[test]
    fn invalid_input_names_its_field() {
        let err = ApiError::from(hugops_core::Error::invalid("person", "must not be empty"));
        assert_eq!(
            serde_json::to_string(&err).unwrap(),
            r#"{"code":"invalid_input","message":"person: must not be empty","field":"person"}"#
        );
    }

    #[test]
    fn not_found_keeps_its_code_and_has_no_field() {
        let err = ApiError::from(hugops_core::Error::NotFound {
            what: "entry",
            id: 7,
        });
        let json = serde_json::to_string(&err).unwrap();
        assert_eq!(
            json,
            r#"{"code":"not_found","message":"entry 7 not found"}"#
        );
    }
}
