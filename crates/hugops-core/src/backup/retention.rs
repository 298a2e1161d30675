//! Which snapshots the retention rule keeps (see the parent module's doc).

use std::collections::HashSet;
use std::path::PathBuf;

use chrono::Datelike;

use super::{Named, Reason, PRE_IMPORT_KEPT};

/// Days whose newest daily snapshot is kept.
const DAILY_KEPT: usize = 7;
/// ISO weeks, before those days, whose newest daily snapshot is kept.
const WEEKLY_KEPT: usize = 4;

/// The paths kept, given every snapshot newest first.
pub(super) fn kept(all: &[Named]) -> HashSet<PathBuf> {
    let daily: Vec<&Named> = all.iter().filter(|s| s.reason == Reason::Daily).collect();
    let mut kept = newest_per(&daily, DAILY_KEPT, |s| s.created_at.date_naive());
    let older: Vec<&Named> = daily
        .into_iter()
        .filter(|s| !kept.contains(&s.path))
        .collect();
    kept.extend(newest_per(&older, WEEKLY_KEPT, |s| {
        let w = s.created_at.iso_week();
        (w.year(), w.week())
    }));
    let newest = [
        (Reason::PreMigration, 1),
        (Reason::PreImport, PRE_IMPORT_KEPT),
        (Reason::Manual, usize::MAX),
        (Reason::BeforeRestore, usize::MAX),
    ];
    for (reason, limit) in newest {
        let of_reason = all.iter().filter(|s| s.reason == reason);
        kept.extend(of_reason.take(limit).map(|s| s.path.clone()));
    }
    kept
}

/// The newest snapshot (the first, as they come newest first) of each of the
/// `limit` most recent periods that have one.
fn newest_per<P: PartialEq>(
    snaps: &[&Named],
    limit: usize,
    period: impl Fn(&Named) -> P,
) -> HashSet<PathBuf> {
    let mut periods = Vec::new();
    let mut kept = HashSet::new();
    for s in snaps {
        let p = period(s);
        if !periods.contains(&p) {
            if periods.len() == limit {
                break;
            }
            periods.push(p);
            kept.insert(s.path.clone());
        }
    }
    kept
}
