//! Scoring every pair: one scan of all possible buddies per joiner, on
//! every core for a large roster, keeping the edges that can matter.

use std::collections::HashMap;
use std::ops::Range;

use super::explain::UnmatchedReason;
use super::problem::{BuddyKey, Mark, Prep, Problem};
use super::prune::{best_edges, best_first, feasible, NO_PAIR};
use super::score::{jaccard_ids, overlap_hours, round_units, units_to_score, SCORE_UNITS};
use super::{Candidate, MatchOptions};
use crate::roster::Person;

/// Scratch space of one scan: one [`Mark::Free`] per buddy (left so), the
/// joiner's shared-hours part per buddy interval, and the scan's result.
pub(super) struct Scratch {
    marks: Vec<Mark>,
    hours_parts: Vec<f64>,
    /// The joiner's score with each buddy in [`SCORE_UNITS`], or [`NO_PAIR`].
    /// (Two bytes a buddy: the whole row stays in the processor's caches.)
    scores: Vec<u16>,
    /// For [`best_edges`].
    room: Vec<usize>,
}

impl Problem {
    pub(super) fn scratch(&self) -> Scratch {
        Scratch {
            marks: vec![Mark::Free; self.buddies.len()],
            hours_parts: vec![0.0; self.intervals.len()],
            scores: vec![NO_PAIR; self.buddies.len()],
            room: vec![0; SCORE_UNITS as usize + 1],
        }
    }

    /// Scores joiner `ji` against every possible buddy into
    /// [`Scratch::scores`]; returns why the joiner would be left unmatched.
    pub(super) fn scan(&self, ji: usize, scratch: &mut Scratch) -> UnmatchedReason {
        let j = &self.joiners[ji];
        let Scratch {
            marks,
            hours_parts,
            scores,
            ..
        } = scratch;
        for &(k, mark) in &self.excluded[ji] {
            marks[k] = mark;
        }
        for (part, &interval) in hours_parts.iter_mut().zip(&self.intervals) {
            let hours = overlap_hours(j.interval, interval);
            *part = self.weights.shared_hours * (hours / 8.0).min(1.0);
        }
        let (mut any_buddy, mut any_other_team, mut any_new) = (false, false, false);
        let row = self.keys.iter().zip(marks.iter()).zip(scores.iter_mut());
        for (bi, ((b, &mark), score)) in row.enumerate() {
            *score = NO_PAIR;
            if mark == Mark::Themselves {
                continue;
            }
            any_buddy = true;
            if b.team == j.team {
                continue;
            }
            any_other_team = true;
            if mark == Mark::Repeat {
                continue;
            }
            any_new = true;
            let hours_part = hours_parts[b.interval as usize];
            *score = self.score_units(j, b, bi, hours_part);
        }
        for &(k, _) in &self.excluded[ji] {
            marks[k] = Mark::Free;
        }
        if !any_buddy {
            UnmatchedReason::NoPossibleBuddy
        } else if !any_other_team {
            UnmatchedReason::NoOtherTeam
        } else if !any_new {
            UnmatchedReason::AllRepeats
        } else {
            UnmatchedReason::AllAtCapacity
        }
    }

    /// The score of a pair (see [`Weights`]), rounded to the 4 decimals that
    /// are printed, in [`SCORE_UNITS`]: the assignment is optimal over
    /// exactly the scores a reader sees.
    #[inline]
    fn score_units(&self, j: &Prep, b: &BuddyKey, bi: usize, hours_part: f64) -> u16 {
        let interests_part = if self.interest_parts.is_empty() {
            self.weights.shared_interests * jaccard_ids(&j.interests, &self.buddies[bi].interests)
        } else {
            // The joiner's few interests are looked up in the buddy's bits
            // (quicker than counting bits without a popcount instruction).
            let common: u32 = j
                .interests
                .iter()
                .map(|&id| (b.interest_bits[(id >> 6 & 1) as usize] >> (id & 63)) as u32 & 1)
                .sum();
            let union = (j.interests.len() as u32 + b.interest_count - common) as usize;
            let common = common as usize;
            self.interest_parts[union * 129 + common]
        };
        let s = hours_part + interests_part + b.low_load + b.tenure;
        round_units(s.clamp(0.0, 1.0) * SCORE_UNITS) as u16
    }
}

/// What a scan collects besides each joiner's best edges.
pub(super) struct ScanWants<'a> {
    pub(super) candidates: bool,
    pub(super) alternatives: usize,
    /// Locked joiner → buddy (see [`Problem::resolve_locks`]).
    pub(super) locked: &'a HashMap<usize, usize>,
}

/// What [`Problem::scan_all`] finds for one joiner.
#[derive(Debug, PartialEq)]
pub(super) struct JoinerScan {
    /// The edges `(buddy, score)` that can matter (see [`best_edges`]).
    pub(super) edges: Vec<(usize, u32)>,
    /// Why the joiner would be left unmatched.
    pub(super) reason: UnmatchedReason,
    /// Every feasible pair of the joiner, when asked for.
    pub(super) candidates: Vec<Candidate>,
    /// The joiner's best candidates, when asked for.
    pub(super) alternatives: Vec<Candidate>,
    /// The locked pair's `(buddy, score)`, for a locked joiner.
    pub(super) locked: Option<(usize, u32)>,
}

/// Below this many pairs the scan runs on one thread.
const PARALLEL_PAIRS: usize = 1 << 20;

impl Problem {
    /// How many threads to scan with: one per core for a large problem.
    pub(super) fn threads(&self) -> usize {
        if self.joiners.len().saturating_mul(self.buddies.len()) < PARALLEL_PAIRS {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        }
    }

    /// Scans every joiner and keeps their best edges, in joiner order, in
    /// contiguous blocks of joiners on up to `threads` threads.
    pub(super) fn scan_all(&self, wants: &ScanWants, threads: usize) -> Vec<JoinerScan> {
        let nj = self.joiners.len();
        let scan_block = |block: Range<usize>| -> Vec<JoinerScan> {
            let mut scratch = self.scratch();
            block
                .map(|ji| {
                    let reason = self.scan(ji, &mut scratch);
                    let candidates = if wants.candidates {
                        self.candidates(ji, feasible(&scratch.scores))
                    } else {
                        Vec::new()
                    };
                    let best = best_first(&scratch.scores, wants.alternatives);
                    let alternatives = self.candidates(ji, best.into_iter());
                    let locked = wants.locked.get(&ji).and_then(|&bi| {
                        let q = scratch.scores[bi];
                        (q != NO_PAIR).then_some((bi, u32::from(q)))
                    });
                    let (scores, room) = (&scratch.scores, &mut scratch.room);
                    let edges = best_edges(scores, &self.capacities, nj, room);
                    JoinerScan {
                        edges,
                        reason,
                        candidates,
                        alternatives,
                        locked,
                    }
                })
                .collect()
        };
        if threads <= 1 || nj <= 1 {
            return scan_block(0..nj);
        }
        let size = nj.div_ceil(threads);
        let blocks = (0..nj)
            .step_by(size)
            .map(|start| start..(start + size).min(nj));
        let scan_block = &scan_block;
        std::thread::scope(|s| {
            let running: Vec<_> = blocks
                .map(|block| {
                    let thread = std::thread::Builder::new().spawn_scoped(s, {
                        let block = block.clone();
                        move || scan_block(block)
                    });
                    (block, thread)
                })
                .collect();
            running
                .into_iter()
                .flat_map(|(block, thread)| match thread {
                    Ok(thread) => thread
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                    // No thread to be had: do it here.
                    Err(_) => scan_block(block),
                })
                .collect()
        })
    }

    /// Joiner `ji`'s `pairs` (`(buddy, score)`) as candidates.
    fn candidates(&self, ji: usize, pairs: impl Iterator<Item = (usize, u32)>) -> Vec<Candidate> {
        let joiner = &self.joiners[ji].email;
        pairs
            .map(|(bi, q)| Candidate {
                joiner: joiner.clone(),
                buddy: self.buddies[bi].email.clone(),
                score: units_to_score(q),
            })
            .collect()
    }
}

/// Joiners and possible buddies as [`match_buddies`](super::match_buddies) sees them (emails in
/// order) and each buddy's capacity; see [`score_feasible_pairs`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreTable {
    pub joiners: Vec<String>,
    pub buddies: Vec<String>,
    pub capacities: Vec<u32>,
}

/// Every feasible pair with the score [`match_buddies`](super::match_buddies) optimises (rounded
/// to 4 decimals), without the assignment: for callers that cannot afford a
/// [`Candidate`] per pair (19 million for 1,000 joiners and 19,000 buddies),
/// such as a comparison with another solver. Calls `visit(joiner, buddy,
/// score)` with indices into the returned lists, joiner by joiner, buddies
/// in order.
pub fn score_feasible_pairs(
    people: &[Person],
    history: &[(String, String)],
    opts: &MatchOptions,
    mut visit: impl FnMut(usize, usize, f64),
) -> ScoreTable {
    let problem = Problem::new(people, history, opts);
    let mut scratch = problem.scratch();
    for ji in 0..problem.joiners.len() {
        problem.scan(ji, &mut scratch);
        for (bi, q) in feasible(&scratch.scores) {
            visit(ji, bi, units_to_score(q));
        }
    }
    let emails = |list: Vec<Prep>| list.into_iter().map(|p| p.email).collect();
    ScoreTable {
        joiners: emails(problem.joiners),
        buddies: emails(problem.buddies),
        capacities: problem.capacities,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::matching::match_buddies;
    use crate::matching::test_people::{d, opts, person, t, utc, NEW, OLD};
    use chrono::Duration;

    /// `joiners` joiners and `buddies` buddies, varied in team, zone, hours,
    /// interests and capacity.
    fn varied(joiners: usize, buddies: usize) -> Vec<Person> {
        let zones = [
            chrono_tz::UTC,
            chrono_tz::Asia::Kathmandu,
            chrono_tz::America::St_Johns,
            chrono_tz::Australia::Adelaide,
        ];
        let tags = ["rust", "chess", "tea", "jazz", "climbing"];
        (0..joiners + buddies)
            .map(|i| {
                let joiner = i < joiners;
                let email = format!("{}{i:03}@x", if joiner { "j" } else { "b" });
                let mut p = person(&email, ["A", "B", "C"][i % 3], zones[i % 4], NEW);
                if !joiner {
                    p.start_date = d(OLD) + Duration::days((i * 37 % 900) as i64);
                    p.buddy_capacity = 1 + (i % 3) as u32;
                }
                p.working_hours = [(t("09:00"), t("17:00")), (t("07:30"), t("15:30"))][i % 2];
                p.interests = tags
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| (i >> k) & 1 == 1)
                    .map(|(_, s)| s.to_string())
                    .collect();
                p
            })
            .collect()
    }

    #[test]
    fn parallel_scan_equals_one_thread() {
        let people = varied(40, 60);
        let history = [("j003@x".to_owned(), "b045@x".to_owned())];
        let problem = Problem::new(&people, &history, &opts());
        let none = HashMap::new();
        let free = ScanWants {
            candidates: false,
            alternatives: 0,
            locked: &none,
        };
        // Lock joiner 5 to their second best buddy.
        let second = problem.scan_all(&free, 1)[5].edges[1].0;
        let locked = HashMap::from([(5, second)]);
        let wants = ScanWants {
            candidates: true,
            alternatives: 3,
            locked: &locked,
        };
        let one = problem.scan_all(&wants, 1);
        assert!(one[5].locked.is_some_and(|(bi, _)| bi == second));
        assert!(one.iter().all(|s| s.alternatives.len() == 3));
        assert_eq!(one.len(), 40);
        assert!(one
            .iter()
            .all(|s| !s.edges.is_empty() && !s.candidates.is_empty()));
        for threads in [2, 3, 7, 40, 200] {
            assert_eq!(problem.scan_all(&wants, threads), one, "{threads} threads");
        }
    }

    #[test]
    fn many_interests_score_as_few() {
        // More than 128 distinct interests in the roster: scoring uses id lists
        // instead of bits, and no score changes.
        let mut j = person("j@x", "A", utc(), NEW);
        j.interests = vec!["rust".into(), "chess".into(), "tea".into()];
        let mut b = person("b@x", "B", chrono_tz::Asia::Kathmandu, OLD);
        b.interests = vec!["Chess".into(), "tea".into(), "jazz".into(), "rust".into()];
        // A possible buddy on the joiner's team: no pair with them.
        let mut other = person("o@x", "A", utc(), OLD);
        other.interests = (0..200).map(|i| format!("tag{i}")).collect();
        let few = [j.clone(), b.clone()];
        let many = [j, b, other];
        assert!(!Problem::new(&few, &[], &opts()).interest_parts.is_empty());
        assert!(Problem::new(&many, &[], &opts()).interest_parts.is_empty());
        let (few, many) = (
            match_buddies(&few, &[], &opts()),
            match_buddies(&many, &[], &opts()),
        );
        assert_eq!(few.candidates, many.candidates);
        // 2.25 h shared (Kathmandu is UTC+5:45), 3 of 4 interests, no load, 2+ years.
        let expected = 0.4 * 2.25 / 8.0 + 0.3 * 0.75 + 0.2 + 0.1;
        assert!((few.candidates[0].score - expected).abs() < 1e-12);
    }
}
