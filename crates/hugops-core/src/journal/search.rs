//! Full-text search over the journal with SQLite FTS5.

use super::{Entry, Filter};
use crate::{Result, Store};

/// Live entries matching `query`, best match first.
pub fn search(store: &Store, query: &str, filter: &Filter) -> Result<Vec<Entry>> {
    todo!("{store:?} {query} {filter:?}")
}
