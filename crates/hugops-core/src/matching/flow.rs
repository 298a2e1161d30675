//! An exact capacitated assignment of rows to columns by min-cost flow:
//! source → row (capacity 1) → column (one edge per listed gain, cost
//! `-gain`) → sink (the column's capacity). It knows nothing of people: rows
//! are joiners and columns buddies only to its caller.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ops::{Add, Neg, Sub};

/// What gains and path costs are counted in: exact, totally ordered and
/// signed (a gain is a negative cost), with `Default` as zero. Every signed
/// integer type qualifies.
pub trait Cost:
    Copy + Ord + Add<Output = Self> + Sub<Output = Self> + Neg<Output = Self> + Default
{
}

impl<T> Cost for T where
    T: Copy + Ord + Add<Output = T> + Sub<Output = T> + Neg<Output = T> + Default
{
}

/// Gives each row (joiner) at most one column (buddy) of its list so that
/// no column holds more rows than its capacity and the total gain is the
/// highest possible. `gains[j]` lists `(column, gain)`; returns each row's
/// column.
///
/// Every search that reaches a column with room is taken, so the count of
/// assigned rows comes first: gains must make that pay, as a constant
/// larger than `rows × spread` added to scores within `spread` does.
///
/// Built one row at a time (in index order), as in the Hungarian algorithm.
/// Invariant: the current flow has the least cost among all flows of the
/// rows added so far (no negative cycle in its residual graph, with an
/// implicit sink → source edge). Adding row `j` adds only the edge
/// source → j of capacity 1, so the new optimum is the old flow plus the
/// cheapest cycle through that edge, if it is negative: a shortest path from
/// `j` either to the sink (one more row assigned) or, when the sink cannot
/// be reached, to an already assigned row who then gives up their column
/// (same count, higher gain). Paths are found with Dijkstra on reduced
/// costs (node potentials kept valid after each search), stopping as soon as
/// the sink is settled; ties are broken by node index.
///
/// The residual graph is never built: nodes are rows (`0..nj`), columns
/// (`nj..nj + nb`) and the sink, and its edges are read off the assignment.
/// A row reaches every column of its list but its own (cost -gain); a
/// column reaches each row it holds (cost +gain, giving them up), in row
/// order, then the sink while it has room (cost 0). Edges out of the sink
/// never matter: the search stops there.
///
/// Once every place that any row could take is held, the sink is out of
/// reach and only a swap can help: the search then stops as soon as no row
/// still unsettled can be a cheaper swap than the best one found (costs
/// grow with the settled distance; potentials are bounded below). Without
/// that, each row left out explored the whole graph.
pub fn max_gain_assignment<C: Cost>(gains: &[Vec<(usize, C)>], caps: &[u32]) -> Vec<Option<usize>> {
    let nj = gains.len();
    let nb = caps.len();
    let sink = nj + nb;
    let n = sink + 1;
    let zero = C::default();
    let mut assigned: Vec<Option<usize>> = vec![None; nj];
    // The rows each column holds, in row order, with the pair's gain.
    let mut holders: Vec<Vec<(usize, C)>> = vec![Vec::new(); nb];

    let mut pot = vec![zero; n];
    // Each node's distance in the current search; `None` when not reached.
    let mut dist: Vec<Option<C>> = vec![None; n];
    // The node before each node on its shortest path, and the edge's cost.
    let mut prev: Vec<(usize, C)> = vec![(usize::MAX, zero); n];
    let mut touched: Vec<usize> = Vec::new();
    let mut heap = BinaryHeap::new();
    // Places at columns some row could take that nobody holds yet.
    let mut open_places: usize = {
        let mut wanted = vec![false; nb];
        gains.iter().flatten().for_each(|&(b, _)| wanted[b] = true);
        (0..nb)
            .filter(|&b| wanted[b])
            .map(|b| caps[b] as usize)
            .sum()
    };
    for j in 0..nj {
        // Every edge out of `j` (all open: `j` is new) gets a non-negative
        // reduced cost.
        let Some(pj) = gains[j].iter().map(|&(b, gain)| pot[nj + b] + gain).max() else {
            continue;
        };
        pot[j] = pj;
        dist[j] = Some(zero);
        touched.push(j);
        heap.push(Reverse((zero, j)));
        let mut reached_sink = false;
        // The cheapest swap found so far: (cost, row giving up a column).
        let mut best_swap: Option<(C, usize)> = None;
        // No row settled later can cost less than `d + lowest - pot[j]`:
        // only rows holding a column can be reached (from that column).
        // Needed only once the places are all held.
        let lowest = match open_places {
            0 => (0..j)
                .filter(|&v| assigned[v].is_some())
                .map(|v| pot[v])
                .min()
                .unwrap_or(zero),
            _ => zero,
        };
        while let Some(Reverse((d, u))) = heap.pop() {
            if dist[u].is_some_and(|du| d > du) {
                continue;
            }
            if u == sink {
                reached_sink = true;
                break;
            }
            if open_places == 0 {
                let bound = d + lowest - pot[j];
                let beyond = match best_swap {
                    Some((cost, _)) => bound > cost,
                    None => bound >= zero,
                };
                if beyond {
                    break;
                }
            }
            if u < nj && u != j {
                let cost = d + pot[u] - pot[j];
                if cost < zero && best_swap.map_or(true, |best| (cost, u) < best) {
                    best_swap = Some((cost, u));
                }
            }
            let mut relax = |v: usize, cost: C| {
                let nd = d + cost + pot[u] - pot[v];
                if dist[v].map_or(true, |dv| nd < dv) {
                    if dist[v].is_none() {
                        touched.push(v);
                    }
                    dist[v] = Some(nd);
                    prev[v] = (u, cost);
                    heap.push(Reverse((nd, v)));
                }
            };
            if u < nj {
                for &(b, gain) in &gains[u] {
                    if assigned[u] != Some(b) {
                        relax(nj + b, -gain);
                    }
                }
            } else {
                let b = u - nj;
                for &(holder, gain) in &holders[b] {
                    relax(holder, gain);
                }
                if holders[b].len() < caps[b] as usize {
                    relax(sink, zero);
                }
            }
        }
        heap.clear();
        let target = if reached_sink {
            open_places -= 1;
            Some(sink)
        } else {
            // Take the column of an assigned row if that raises the total.
            best_swap.map(|(_, v)| v)
        };
        if let Some((target, reach)) = target.and_then(|t| dist[t].map(|r| (t, r))) {
            for &v in &touched {
                if let Some(dv) = dist[v] {
                    pot[v] = pot[v] + dv.min(reach) - reach;
                }
            }
            if target < nj {
                assigned[target] = None;
            }
            // Walk the path back, applying each edge.
            let mut v = target;
            while v != j {
                let (u, cost) = prev[v];
                if u < nj {
                    // `u` takes column `v`.
                    let b = v - nj;
                    assigned[u] = Some(b);
                    let held = &mut holders[b];
                    let at = held.partition_point(|&(h, _)| h < u);
                    held.insert(at, (u, -cost));
                } else if v < nj {
                    // Column `u` gives up row `v` (who took another column
                    // further along the path, or is the target).
                    holders[u - nj].retain(|&(h, _)| h != v);
                }
                v = u;
            }
        }
        for &v in &touched {
            dist[v] = None;
        }
        touched.clear();
    }
    assigned
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::fmt::Debug;

    /// Highest total gain over every assignment of joiners `k..` (each to one of
    /// their listed buddies with room, or to nobody).
    fn brute_gain<C: Cost>(k: usize, gains: &[Vec<(usize, C)>], room: &mut [u32]) -> C {
        let Some(list) = gains.get(k) else {
            return C::default();
        };
        let mut best = brute_gain(k + 1, gains, room);
        for &(b, gain) in list {
            if room[b] > 0 {
                room[b] -= 1;
                best = best.max(gain + brute_gain(k + 1, gains, room));
                room[b] += 1;
            }
        }
        best
    }

    /// The assignment keeps to the lists and the capacities, and its total
    /// gain is the brute-force best.
    fn check_optimal<C: Cost + Debug>(
        gains: &[Vec<(usize, C)>],
        caps: &[u32],
    ) -> Result<(), TestCaseError> {
        let assigned = max_gain_assignment(gains, caps);
        let mut held = vec![0u32; caps.len()];
        let mut total = C::default();
        for (list, a) in gains.iter().zip(&assigned) {
            if let Some(b) = *a {
                let gain = list.iter().find(|&&(x, _)| x == b).map(|&(_, g)| g);
                prop_assert!(gain.is_some(), "buddy {} is not on the joiner's list", b);
                total = total + gain.unwrap();
                held[b] += 1;
            }
        }
        prop_assert!(held.iter().zip(caps).all(|(h, c)| h <= c), "over capacity");
        prop_assert_eq!(total, brute_gain(0, gains, &mut caps.to_vec()));
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        /// Capacities are often short of the joiners, so that places fill up and
        /// later joiners can only swap (the search's early stop), and gains share
        /// few values, so that ties abound.
        #[test]
        fn assignment_is_optimal_when_places_run_out(
            lists in proptest::collection::vec(
                proptest::collection::btree_map(0usize..4, 0i64..4, 0..=4),
                0..=7,
            ),
            caps in proptest::collection::vec(0u32..=2, 4),
        ) {
            // As in `match_buddies`: a constant per matched joiner, then a score.
            let gains: Vec<Vec<(usize, i64)>> = lists
                .iter()
                .map(|m| m.iter().map(|(&b, &q)| (b, 100 + q * 5)).collect())
                .collect();
            check_optimal(&gains, &caps)?;
            // The same instance counted in another integer type.
            let narrow: Vec<Vec<(usize, i16)>> = gains
                .iter()
                .map(|l| l.iter().map(|&(b, g)| (b, g as i16)).collect())
                .collect();
            check_optimal(&narrow, &caps)?;
            let assigned = max_gain_assignment(&gains, &caps);
            prop_assert_eq!(max_gain_assignment(&narrow, &caps), assigned);
        }
    }

    #[test]
    fn a_later_row_takes_a_column_when_that_gains_more() {
        let gains = [vec![(0, 105i32)], vec![(0, 107)]];
        assert_eq!(max_gain_assignment(&gains, &[1]), [None, Some(0)]);
    }

    #[test]
    fn count_comes_before_the_single_best_gain() {
        // Row 0 prefers column 0, but only column 0 can take row 1.
        let gains = [vec![(0, 110i64), (1, 101)], vec![(0, 102)]];
        assert_eq!(max_gain_assignment(&gains, &[1, 1]), [Some(1), Some(0)]);
    }

    #[test]
    fn capacity_is_shared_and_ties_go_to_the_first_row() {
        let gains = vec![vec![(0, 100i64)]; 3];
        assert_eq!(max_gain_assignment(&gains, &[2]), [Some(0), Some(0), None]);
        assert_eq!(max_gain_assignment(&gains, &[0]), [None, None, None]);
        assert!(max_gain_assignment::<i64>(&[], &[3]).is_empty());
    }
}
