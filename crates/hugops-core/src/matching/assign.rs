//! The assignment: each joiner's best edges as gains for the flow solver,
//! locked pairs kept outside it, and the result put into words.

use super::explain::reasons;
use super::flow::max_gain_assignment;
use super::problem::Problem;
use super::scan::ScanWants;
use super::score::{units_to_score, SCORE_UNITS};
use super::{MatchOptions, MatchResult, Pair, Unmatched};
use crate::roster::Person;

/// Matches joiners with buddies; see the module documentation.
///
/// `history` holds past `(joiner_email, buddy_email)` pairs (any case); those
/// pairs are never proposed again and count towards the buddy's load.
pub fn match_buddies(
    people: &[Person],
    history: &[(String, String)],
    opts: &MatchOptions,
) -> MatchResult {
    let mut problem = Problem::new(people, history, opts);
    let (locked, ignored_locks) = problem.resolve_locks(&opts.locks);
    let wants = ScanWants {
        candidates: opts.include_candidates,
        alternatives: opts.alternatives,
        locked: &locked,
    };
    let scans = problem.scan_all(&wants, problem.threads());
    let (joiners, buddies) = (&problem.joiners, &problem.buddies);

    // Integer gains: a constant per matched joiner larger than any total
    // score (so the count comes first), plus the score.
    let big = 2 * SCORE_UNITS as i64 * (joiners.len() as i64 + 1) + 1;
    // A locked joiner is out of the optimisation: their buddy's place is
    // already taken from the capacities.
    let gains: Vec<Vec<(usize, i64)>> = scans
        .iter()
        .map(|scan| match scan.locked {
            Some(_) => Vec::new(),
            None => {
                let edges = scan.edges.iter();
                edges.map(|&(bi, q)| (bi, big + i64::from(q))).collect()
            }
        })
        .collect();
    let mut assigned = max_gain_assignment(&gains, &problem.capacities);
    for (a, scan) in assigned.iter_mut().zip(&scans) {
        if let Some((bi, _)) = scan.locked {
            *a = Some(bi);
        }
    }

    let mut pairs = Vec::new();
    let mut unmatched = Vec::new();
    let mut total = 0.0;
    for ((j, scan), a) in joiners.iter().zip(&scans).zip(&assigned) {
        match a {
            Some(bi) => {
                let q = scan
                    .locked
                    .into_iter()
                    .chain(scan.edges.iter().copied())
                    .find(|e| e.0 == *bi)
                    .map_or(0, |e| e.1);
                let score = units_to_score(q);
                total += score;
                let b = &buddies[*bi];
                pairs.push(Pair {
                    joiner: j.email.clone(),
                    buddy: b.email.clone(),
                    score,
                    reasons: reasons(
                        &people[j.person],
                        &people[b.person],
                        j,
                        b,
                        problem.load[*bi],
                    ),
                    locked: scan.locked.is_some(),
                });
            }
            None => unmatched.push(Unmatched {
                joiner: j.email.clone(),
                reason: scan.reason,
            }),
        }
    }
    let mut candidates = Vec::new();
    let mut alternatives = Vec::new();
    for scan in scans {
        candidates.extend(scan.candidates);
        alternatives.extend(scan.alternatives);
    }
    MatchResult {
        pairs,
        unmatched,
        total_score: total,
        candidates,
        alternatives,
        ignored_locks,
    }
}
