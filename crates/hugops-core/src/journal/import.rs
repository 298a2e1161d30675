//! Importing JSON and CSV exports, all or nothing.

use std::path::Path;

use serde::Serialize;

use crate::clock::Clock;
use crate::{Result, Store};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub imported: usize,
    pub skipped_duplicates: usize,
}

/// Imports a JSON or CSV file in one transaction.
pub fn import_file(store: &mut Store, path: &Path, clock: &dyn Clock) -> Result<ImportReport> {
    todo!("{store:?} {path:?} {}", clock.now())
}
