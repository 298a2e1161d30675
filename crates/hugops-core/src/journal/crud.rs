//! Adding, reading, editing and deleting (with undo) journal entries.

use super::{Entry, EntryPatch, Filter, NewEntry};
use crate::clock::Clock;
use crate::{Result, Store};

/// Validates and stores a new entry; returns it as stored.
pub fn add(store: &mut Store, new: NewEntry, clock: &dyn Clock) -> Result<Entry> {
    todo!("{store:?} {new:?} {}", clock.now())
}

/// The live (not deleted) entry with this id.
pub fn get(store: &Store, id: i64) -> Result<Entry> {
    todo!("{store:?} {id}")
}

/// Applies a partial update to a live entry; returns it as stored.
pub fn edit(store: &mut Store, id: i64, patch: EntryPatch, clock: &dyn Clock) -> Result<Entry> {
    todo!("{store:?} {id} {patch:?} {}", clock.now())
}

/// Moves an entry to the trash; [`undo_delete`] brings it back.
pub fn delete(store: &mut Store, id: i64, clock: &dyn Clock) -> Result<Entry> {
    todo!("{store:?} {id} {}", clock.now())
}

/// Restores an entry removed by [`delete`].
pub fn undo_delete(store: &mut Store, id: i64) -> Result<Entry> {
    todo!("{store:?} {id}")
}

/// Live entries matching `filter`, newest first (by date, then id).
pub fn list(store: &Store, filter: &Filter) -> Result<Vec<Entry>> {
    todo!("{store:?} {filter:?}")
}
