//! Cutting each joiner's candidate list to the edges that can matter.

/// A score row's mark for an infeasible pair.
pub(super) const NO_PAIR: u16 = u16::MAX;

/// The `n` best feasible pairs of a row of [`Scratch::scores`], best first
/// (ties by buddy order).
pub(super) fn best_first(scores: &[u16], n: usize) -> Vec<(usize, u32)> {
    if n == 0 {
        return Vec::new();
    }
    let order = |a: &(usize, u32), b: &(usize, u32)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
    let mut best: Vec<(usize, u32)> = feasible(scores).collect();
    if best.len() > n {
        best.select_nth_unstable_by(n - 1, order);
        best.truncate(n);
    }
    best.sort_unstable_by(order);
    best
}

/// `(buddy, score)` of the feasible pairs of a row of [`Scratch::scores`].
pub(super) fn feasible(scores: &[u16]) -> impl Iterator<Item = (usize, u32)> + '_ {
    scores
        .iter()
        .enumerate()
        .filter(|&(_, &q)| q != NO_PAIR)
        .map(|(bi, &q)| (bi, u32::from(q)))
}

/// Keeps, of a joiner's edges (`scores`: one per buddy, in buddy order,
/// [`NO_PAIR`] for none), the shortest prefix in best-first order (score
/// descending, ties by buddy order) whose buddies' capacities sum to at
/// least the number of joiners; returns it in that order, as
/// `(buddy, score)`.
///
/// This keeps an optimal assignment: in any optimal assignment where the
/// joiner has a buddy outside that prefix, the other joiners use at most
/// (joiners - 1) units of capacity, so some buddy of the prefix has room left;
/// moving the joiner there keeps every rule, the count, and a score at least
/// as high (the prefix holds the best edges). Doing this for each joiner in
/// turn gives an optimal assignment using only kept edges.
///
/// Only the kept edges are sorted: `room` (zeros, one per score unit, left
/// so) first sums the capacity at each score, which gives the lowest kept
/// score and the capacity above it.
pub(super) fn best_edges(
    scores: &[u16],
    caps: &[u32],
    joiners: usize,
    room: &mut [usize],
) -> Vec<(usize, u32)> {
    for (bi, q) in feasible(scores) {
        room[q as usize] += caps[bi] as usize;
    }
    // `floor`: the lowest score kept; `above`: the capacity of the edges
    // scoring more. When all the capacity is short of `joiners`, every edge
    // is kept.
    let (mut floor, mut above) = (None, 0);
    for q in (0..room.len()).rev() {
        if above + room[q] >= joiners {
            floor = Some(q);
            break;
        }
        above += room[q];
    }
    let (floor, mut above) = floor.map_or((0, 0), |q| (q, above));
    let mut kept = Vec::new();
    for (bi, q) in feasible(scores) {
        let q_us = q as usize;
        if q_us > floor || (q_us == floor && above < joiners) {
            if q_us == floor {
                above += caps[bi] as usize;
            }
            kept.push((bi, q));
        }
        room[q_us] = 0;
    }
    kept.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::score::SCORE_UNITS;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn best_edges_is_the_shortest_prefix_with_room(
            scores in proptest::collection::vec(proptest::option::of(0u16..=20), 0..40),
            caps in proptest::collection::vec(1u32..=3, 40),
            joiners in 1usize..30,
        ) {
            // Few distinct scores: many ties, broken by buddy order.
            let row: Vec<u16> = scores.iter().map(|q| q.map_or(NO_PAIR, |q| q * 500)).collect();
            let list: Vec<(usize, u32)> = scores
                .iter()
                .enumerate()
                .filter_map(|(bi, q)| q.map(|q| (bi, u32::from(q) * 500)))
                .collect();
            let mut room = vec![0; SCORE_UNITS as usize + 1];
            let got = best_edges(&row, &caps, joiners, &mut room);
            let mut sorted = list.clone();
            sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let mut keep = sorted.len();
            let mut sum = 0;
            for (k, e) in sorted.iter().enumerate() {
                sum += caps[e.0] as usize;
                if sum >= joiners {
                    keep = k + 1;
                    break;
                }
            }
            prop_assert_eq!(got, sorted[..keep].to_vec());
            prop_assert!(room.iter().all(|&r| r == 0));
        }
    }
}
