//! The roster as matching sees it: joiners and possible buddies on the
//! reference date, in email order, with what scoring needs of each, and
//! which pairs the rules exclude.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;

use super::score::{reference_day, working_seconds, Weights};
use super::MatchOptions;
use crate::roster::Person;

/// What is precomputed once per person.
pub(super) struct Prep {
    pub(super) person: usize,
    pub(super) email: String,
    pub(super) team: u32,
    /// Ids of the lowercased interests, sorted and deduplicated.
    pub(super) interests: Vec<u32>,
    /// The same ids as bits, when every id of the roster is below 128.
    pub(super) interest_bits: u128,
    pub(super) interval: (i64, i64),
    pub(super) tenure_days: i64,
}

pub(super) fn tenure_days(p: &Person, today: NaiveDate) -> i64 {
    (today - p.start_date).num_days()
}

/// Whether a joiner may get a given buddy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Free,
    /// The same person (or email).
    Themselves,
    /// Paired before (in the history).
    Repeat,
}

/// What scoring reads of a buddy, packed so that a joiner's scan over every
/// buddy stays in the processor's caches.
#[derive(Debug, Clone, Copy)]
pub(super) struct BuddyKey {
    /// [`Prep::interest_bits`] as two words (cheaper to test than a `u128`).
    pub(super) interest_bits: [u64; 2],
    /// How many interests.
    pub(super) interest_count: u32,
    /// The weighted parts of the score that do not depend on the joiner.
    pub(super) low_load: f64,
    pub(super) tenure: f64,
    pub(super) team: u32,
    /// Index of the buddy's working interval in [`Problem::intervals`].
    pub(super) interval: u32,
}

/// Joiners and possible buddies on the reference date, in email order, with
/// all that scoring needs: what [`match_buddies`](super::match_buddies) and
/// [`score_feasible_pairs`](super::score_feasible_pairs) share.
///
/// Scoring runs once per pair (19 million for 20,000 people and 1,000 joiners), so
/// it avoids divisions: the shared-hours part is computed once per joiner
/// and distinct buddy interval, the interests part is looked up by
/// (union, common) counts. Both give the very values of the formulas.
pub(super) struct Problem {
    pub(super) weights: Weights,
    pub(super) joiners: Vec<Prep>,
    pub(super) buddies: Vec<Prep>,
    pub(super) capacities: Vec<u32>,
    /// Distinct past joiners of each buddy.
    pub(super) load: Vec<u32>,
    pub(super) keys: Vec<BuddyKey>,
    /// The distinct working intervals of the buddies.
    pub(super) intervals: Vec<(i64, i64)>,
    /// For each joiner, the buddies they may not get.
    pub(super) excluded: Vec<Vec<(usize, Mark)>>,
    /// The weighted interests part by `union * 129 + common` when every
    /// interest of the roster fits in [`Prep::interest_bits`]; else empty.
    pub(super) interest_parts: Vec<f64>,
}

impl Problem {
    pub(super) fn new(
        people: &[Person],
        history: &[(String, String)],
        opts: &MatchOptions,
    ) -> Problem {
        let weights = opts.weights.normalised();
        let day = reference_day(opts.today);
        let emails: Vec<String> = people.iter().map(|p| p.email.to_lowercase()).collect();
        let mut order: Vec<usize> = (0..people.len()).collect();
        order.sort_by(|&a, &b| emails[a].cmp(&emails[b]).then(a.cmp(&b)));

        let mut teams: HashMap<String, u32> = HashMap::new();
        let mut tags: HashMap<String, u32> = HashMap::new();
        // Few distinct zones and hours: each interval is worked out once.
        let mut intervals_of: HashMap<(Tz, NaiveTime, NaiveTime), (i64, i64)> = HashMap::new();
        let mut prep = |i: usize| -> Prep {
            let p = &people[i];
            let n = teams.len() as u32;
            let team = *teams.entry(p.team.trim().to_lowercase()).or_insert(n);
            let mut interests: Vec<u32> = p
                .interests
                .iter()
                .map(|s| {
                    let n = tags.len() as u32;
                    *tags.entry(s.trim().to_lowercase()).or_insert(n)
                })
                .collect();
            interests.sort_unstable();
            interests.dedup();
            Prep {
                person: i,
                email: emails[i].clone(),
                team,
                interests,
                interest_bits: 0,
                interval: *intervals_of
                    .entry((p.timezone, p.working_hours.0, p.working_hours.1))
                    .or_insert_with(|| working_seconds(p, day)),
                tenure_days: tenure_days(p, opts.today),
            }
        };
        let mut joiners = Vec::new();
        let mut buddies = Vec::new();
        for &i in &order {
            let p = &people[i];
            let t = tenure_days(p, opts.today);
            if t <= i64::from(opts.joiner_window_days) {
                joiners.push(prep(i));
            }
            if t >= i64::from(opts.min_tenure_days) && p.buddy_capacity > 0 && !p.opt_out {
                buddies.push(prep(i));
            }
        }
        let interest_parts = if tags.len() <= 128 {
            for p in joiners.iter_mut().chain(buddies.iter_mut()) {
                p.interest_bits = p.interests.iter().fold(0, |m, &id| m | 1u128 << id);
            }
            (0..129usize * 129)
                .map(|k| {
                    let (union, common) = (k / 129, k % 129);
                    let jaccard = if union == 0 {
                        0.0
                    } else {
                        common as f64 / union as f64
                    };
                    weights.shared_interests * jaccard
                })
                .collect()
        } else {
            Vec::new()
        };

        // History: distinct pairs, the load of each buddy, the repeats of each joiner.
        let pairs_seen: HashSet<(String, String)> = history
            .iter()
            .map(|(j, b)| (j.trim().to_lowercase(), b.trim().to_lowercase()))
            .collect();
        let mut buddy_pos: HashMap<&str, Vec<usize>> = HashMap::new();
        for (k, b) in buddies.iter().enumerate() {
            buddy_pos.entry(b.email.as_str()).or_default().push(k);
        }
        let mut load = vec![0u32; buddies.len()];
        let mut repeats: HashMap<&str, Vec<usize>> = HashMap::new();
        for (j, b) in &pairs_seen {
            for &k in buddy_pos.get(b.as_str()).into_iter().flatten() {
                load[k] += 1;
                repeats.entry(j.as_str()).or_default().push(k);
            }
        }
        // Repeats first, so that being themselves wins.
        let excluded = joiners
            .iter()
            .map(|j| {
                let repeat = repeats.get(j.email.as_str()).into_iter().flatten();
                let same = buddy_pos.get(j.email.as_str()).into_iter().flatten();
                repeat
                    .map(|&k| (k, Mark::Repeat))
                    .chain(same.map(|&k| (k, Mark::Themselves)))
                    .collect()
            })
            .collect();

        let mut interval_ids: HashMap<(i64, i64), u32> = HashMap::new();
        let mut intervals = Vec::new();
        let keys = buddies
            .iter()
            .zip(&load)
            .map(|(b, &n)| BuddyKey {
                interest_bits: [b.interest_bits as u64, (b.interest_bits >> 64) as u64],
                interest_count: b.interests.len() as u32,
                low_load: weights.low_load / (1.0 + f64::from(n)),
                tenure: weights.tenure * (b.tenure_days as f64 / 730.0).clamp(0.0, 1.0),
                team: b.team,
                interval: *interval_ids.entry(b.interval).or_insert_with(|| {
                    intervals.push(b.interval);
                    (intervals.len() - 1) as u32
                }),
            })
            .collect();
        let capacities = buddies
            .iter()
            .map(|b| people[b.person].buddy_capacity)
            .collect();
        Problem {
            weights,
            joiners,
            buddies,
            capacities,
            load,
            keys,
            intervals,
            excluded,
            interest_parts,
        }
    }
}

impl Problem {
    /// Which locks can be kept, as joiner index → buddy index, with each
    /// kept buddy's place taken from [`Problem::capacities`]; the rest are
    /// returned as ignored, in the order given.
    pub(super) fn resolve_locks(
        &mut self,
        locks: &[(String, String)],
    ) -> (HashMap<usize, usize>, Vec<(String, String)>) {
        let mut kept = HashMap::new();
        let mut ignored = Vec::new();
        for (joiner, buddy) in locks {
            let (joiner, buddy) = (joiner.trim().to_lowercase(), buddy.trim().to_lowercase());
            let ji = self.joiners.iter().position(|j| j.email == joiner);
            let bi = self.buddies.iter().position(|b| b.email == buddy);
            match (ji, bi) {
                (Some(ji), Some(bi))
                    if self.joiners[ji].team != self.buddies[bi].team
                        && !self.excluded[ji].iter().any(|&(k, _)| k == bi)
                        && !kept.contains_key(&ji)
                        && self.capacities[bi] > 0 =>
                {
                    self.capacities[bi] -= 1;
                    kept.insert(ji, bi);
                }
                _ => ignored.push((joiner, buddy)),
            }
        }
        (kept, ignored)
    }
}
