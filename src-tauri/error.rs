//! How errors reach the webview: `{"code": "...", "message": "..."}`.
//!
//! The UI branches on `code` (a stable snake_case [`ErrorCode`]) and shows
//! `message` to the person; it never matches on the English text.

use hugops_core::ErrorCode;
use serde::Serialize;

/// An error as the UI receives it from any command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl From<hugops_core::Error> for ApiError {
    fn from(err: hugops_core::Error) -> Self {
        ApiError {
            code: err.code(),
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
    fn serialises_as_code_and_message() {
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
            })
        );
    }

    #[test]
    fn not_found_keeps_its_code() {
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
