//! Starting over a snapshot when the database file is broken.

use std::path::PathBuf;

use hugops_core::backup::{self, Snapshot};
use hugops_core::{clock, Error, Store};

use crate::state::AppState;

/// A broken database and the snapshot that can take its place.
pub struct Offer {
    db: PathBuf,
    snapshot: Snapshot,
}

/// What can be offered for `err`: only a database that is not readable as
/// HugOps data (a corrupt file) with a good snapshot. A database written by
/// a newer HugOps is never replaced by an older snapshot.
pub fn offer(err: &Error) -> Option<Offer> {
    let Error::NotHugOpsDb { path, .. } = err else {
        return None;
    };
    let snapshot = backup::newest_restorable(path).ok()??;
    Some(Offer {
        db: path.clone(),
        snapshot,
    })
}

/// The dialog's text: what is wrong and, when there is one, the offer.
pub fn message(err: &Error, offer: Option<&Offer>) -> String {
    match offer {
        Some(o) => format!(
            "{err}\n\nA backup from {} ({} entries) is intact. Restore it? The broken file is kept beside \
             the database, renamed, not deleted.",
            clock::format_instant(o.snapshot.created_at),
            o.snapshot.entries
        ),
        None => format!(
            "{err}\n\nSet HUGOPS_DB to another file, or move this one away, then start HugOps again."
        ),
    }
}

/// Moves the broken file aside, puts the snapshot in its place and opens it.
pub fn restore(offer: &Offer) -> hugops_core::Result<AppState> {
    let clock = clock::from_env()?;
    let broken = backup::replace_broken(&offer.db, &offer.snapshot.path, clock.now())?;
    eprintln!(
        "hugops: the broken database was moved to {}",
        broken.display()
    );
    let store = Store::open(&offer.db, clock.now())?;
    Ok(AppState::new(store, clock))
}
