//! Who is on call at an instant: the merged shifts cut into segments where
//! the set of people on call does not change, found by binary search.

use chrono::{DateTime, Utc};

use crate::clock::Interval;

/// Segments of constant on-call sets, sorted by start.
#[derive(Debug, Default)]
pub(crate) struct OnCallIndex {
    starts: Vec<DateTime<Utc>>,
    /// For each segment, its range in `people`.
    ranges: Vec<(u32, u32)>,
    people: Vec<u32>,
}

impl OnCallIndex {
    /// The index of `(person, span)` pairs; one person's spans must not
    /// overlap or touch (merge them first).
    pub(crate) fn new(spans: &[(u32, Interval)]) -> Self {
        let mut events: Vec<(DateTime<Utc>, bool, u32)> = spans
            .iter()
            .flat_map(|&(p, s)| [(s.start, true, p), (s.end, false, p)])
            .collect();
        events.sort_unstable();
        let mut index = OnCallIndex::default();
        let mut active: Vec<u32> = Vec::new();
        let mut i = 0;
        while i < events.len() {
            let t = events[i].0;
            while i < events.len() && events[i].0 == t {
                let (_, starts, p) = events[i];
                if starts {
                    active.push(p);
                } else if let Some(k) = active.iter().position(|&a| a == p) {
                    active.swap_remove(k);
                }
                i += 1;
            }
            let from = index.people.len() as u32;
            index.people.extend_from_slice(&active);
            index.starts.push(t);
            index.ranges.push((from, index.people.len() as u32));
        }
        index
    }

    /// The people on call at `t`.
    pub(crate) fn at(&self, t: DateTime<Utc>) -> &[u32] {
        match self.starts.partition_point(|s| *s <= t) {
            0 => &[],
            k => {
                let (a, b) = self.ranges[k - 1];
                &self.people[a as usize..b as usize]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oncall::testing::{at, span};

    #[test]
    fn finds_everyone_on_call_with_half_open_shifts() {
        let index = OnCallIndex::new(&[
            (0, span("2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z")),
            (1, span("2026-03-01T12:00:00Z", "2026-03-03T00:00:00Z")),
            (0, span("2026-03-03T00:00:00Z", "2026-03-04T00:00:00Z")),
        ]);
        let on = |t: &str| {
            let mut v = index.at(at(t)).to_vec();
            v.sort();
            v
        };
        assert_eq!(on("2026-02-28T23:59:59Z"), Vec::<u32>::new());
        assert_eq!(on("2026-03-01T00:00:00Z"), [0]);
        assert_eq!(on("2026-03-01T12:00:00Z"), [0, 1]);
        assert_eq!(on("2026-03-02T00:00:00Z"), [1]);
        assert_eq!(on("2026-03-03T00:00:00Z"), [0]);
        assert_eq!(on("2026-03-04T00:00:00Z"), Vec::<u32>::new());
    }
}
