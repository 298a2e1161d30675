//! Each buddy's load over time: how many joiners they took on, by month.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{load_roster, pairings};
use crate::{Result, Store};

/// One buddy's pairings by month (`YYYY-MM`, oldest first; only months with
/// pairings), with the capacity they offered.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BuddyLoad {
    pub buddy: String,
    /// From the stored roster; the email when they are not in it.
    pub name: String,
    pub capacity: Option<u32>,
    pub total: usize,
    pub months: Vec<(String, usize)>,
}

/// Every buddy with at least one stored pairing, busiest first (ties by email).
pub fn buddy_load(store: &Store) -> Result<Vec<BuddyLoad>> {
    let people = load_roster(store)?;
    let mut by_buddy: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for p in pairings(store)? {
        let month = p.paired_on.format("%Y-%m").to_string();
        *by_buddy
            .entry(p.buddy)
            .or_default()
            .entry(month)
            .or_default() += 1;
    }
    let mut out: Vec<BuddyLoad> = by_buddy
        .into_iter()
        .map(|(buddy, months)| {
            let person = people.iter().find(|p| p.email == buddy);
            BuddyLoad {
                name: person.map_or_else(|| buddy.clone(), |p| p.name.clone()),
                capacity: person.map(|p| p.buddy_capacity),
                total: months.values().sum(),
                months: months.into_iter().collect(),
                buddy,
            }
        })
        .collect();
    out.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.buddy.cmp(&b.buddy)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::buddies::{record_pairs, PairingSource};
    use crate::matching::Pair;

    fn pair(j: &str, b: &str) -> Pair {
        Pair {
            joiner: j.into(),
            buddy: b.into(),
            score: 0.5,
            reasons: Vec::new(),
            locked: false,
        }
    }

    #[test]
    fn counts_by_month_busiest_first() {
        let mut store = Store::open_in_memory().unwrap();
        let now = "2026-11-25T10:00:00Z".parse().unwrap();
        let mut add = |pairs: &[Pair], on: &str| {
            record_pairs(
                &mut store,
                pairs,
                on.parse().unwrap(),
                PairingSource::Accepted,
                now,
            )
            .unwrap();
        };
        add(&[pair("a@x", "b@y"), pair("c@x", "b@y")], "2026-10-01");
        add(&[pair("d@x", "b@y"), pair("e@x", "z@y")], "2026-11-20");
        let load = buddy_load(&store).unwrap();
        assert_eq!(load.len(), 2);
        assert_eq!(load[0].buddy, "b@y");
        assert_eq!(load[0].total, 3);
        assert_eq!(
            load[0].months,
            vec![("2026-10".into(), 2), ("2026-11".into(), 1)]
        );
        assert_eq!(load[0].name, "b@y");
        assert_eq!(load[1].months, vec![("2026-11".into(), 1)]);
    }
}
