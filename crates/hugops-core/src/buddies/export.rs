//! Accepted pairings as CSV: the first three columns are those of a history
//! file, so an export can be fed back to `hugops match --history`.

use std::path::Path;

use super::{load_roster, pairings};
use crate::{Error, Result, Store};

/// Writes every stored pairing (oldest first) to `path` atomically; returns
/// how many rows were written. Columns: `joiner_email, buddy_email, date,
/// joiner_name, buddy_name, score, source`.
pub fn export_pairings_csv(store: &Store, path: &Path) -> Result<usize> {
    let people = load_roster(store)?;
    let name = |email: &str| {
        people
            .iter()
            .find(|p| p.email == email)
            .map_or("", |p| p.name.as_str())
            .to_owned()
    };
    let rows = pairings(store)?;
    let mut csv = csv::Writer::from_writer(Vec::new());
    let io = |e: csv::Error| Error::io(path, std::io::Error::other(e));
    csv.write_record([
        "joiner_email",
        "buddy_email",
        "date",
        "joiner_name",
        "buddy_name",
        "score",
        "source",
    ])
    .map_err(io)?;
    for p in &rows {
        csv.write_record([
            p.joiner.clone(),
            p.buddy.clone(),
            p.paired_on.to_string(),
            name(&p.joiner),
            name(&p.buddy),
            p.score.map(|s| format!("{s:.4}")).unwrap_or_default(),
            serde_json::to_value(p.source)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
        ])
        .map_err(io)?;
    }
    let bytes = csv
        .into_inner()
        .map_err(|e| Error::io(path, e.into_error()))?;
    crate::fs::write_atomically(path, |w| {
        w.write_all(&bytes).map_err(|e| Error::io(path, e))
    })?;
    Ok(rows.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::buddies::{record_pairs, PairingSource};
    use crate::matching::Pair;
    use crate::roster::read_history;

    #[test]
    fn an_export_reads_back_as_a_history_file() {
        let mut store = Store::open_in_memory().unwrap();
        let pair = Pair {
            joiner: "a@x".into(),
            buddy: "b@y".into(),
            score: 0.81234,
            reasons: Vec::new(),
            locked: false,
        };
        let now = "2026-11-25T10:00:00Z".parse().unwrap();
        let on = "2026-11-25".parse().unwrap();
        record_pairs(&mut store, &[pair], on, PairingSource::Accepted, now).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pairs.csv");
        assert_eq!(export_pairings_csv(&store, &path).unwrap(), 1);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.ends_with("a@x,b@y,2026-11-25,,,0.8123,accepted\n"),
            "{text}"
        );
        assert_eq!(
            read_history(&path).unwrap(),
            vec![("a@x".into(), "b@y".into())]
        );
    }
}
