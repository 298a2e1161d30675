//! Buddy matching: give every new joiner the best cross-team buddy.
//!
//! On a reference date, a *joiner* is anyone whose start date is at most
//! `joiner_window_days` before it (or any day after it); a *possible buddy* is
//! anyone with at least `min_tenure_days` of tenure, a capacity above 0 and no
//! opt-out. A pair is feasible when the two are different people on different
//! teams (compared case-insensitively) and the pair is not in the history.
//!
//! Each feasible pair gets a score in [0, 1] (see [`Weights`]), rounded to
//! the 4 decimals that are printed, so the assignment is optimal over exactly
//! the printed candidate scores; scores are then compared as whole numbers of
//! 10⁻⁴. The assignment first matches as many joiners as possible, then
//! maximises the total score, exactly: a min-cost flow over source → joiner
//! (capacity 1) → buddy (capacity 1, cost `-(M + score)` with `M` larger than
//! any total) → sink (capacity `buddy_capacity`), solved one joiner at a time
//! with Dijkstra on reduced costs (see `max_gain_assignment`). Each joiner's
//! candidate list is first cut to its best edges in a way that provably keeps
//! an optimum (see `best_edges`). Joiners and buddies are ordered by email
//! first and every tie is broken by that order, so the same input always
//! gives the same output.
//!
//! Scoring every pair is most of the work (19 million pairs for 1,000
//! joiners and 19,000 buddies): it runs on every core, without divisions
//! (see `Problem`). [`score_feasible_pairs`] gives the scores alone.
//!
//! Emails are compared lowercased and assumed unique ([`crate::roster::parse_roster`]
//! guarantees it).

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::ops::Range;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use chrono_tz::Tz;
use serde::{Serialize, Serializer};

use crate::roster::Person;

mod intro;
pub use intro::intro_message;

/// Weights of the four parts of a pair's score. They are normalised to sum 1
/// before use (see [`Weights::normalised`]), so only their ratios matter.
///
/// - `shared_hours` (default 0.4): hours of working time both people share on
///   the reference weekday, divided by 8 and capped at 1;
/// - `shared_interests` (default 0.3): Jaccard index of the interest sets
///   (case-insensitive; 0 when both are empty);
/// - `low_load` (default 0.2): `1 / (1 + n)` where `n` is how many distinct
///   joiners the buddy has had in the history: spreads the load;
/// - `tenure` (default 0.1): the buddy's tenure in days / 730, capped at 1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Weights {
    pub shared_hours: f64,
    pub shared_interests: f64,
    pub low_load: f64,
    pub tenure: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            shared_hours: 0.4,
            shared_interests: 0.3,
            low_load: 0.2,
            tenure: 0.1,
        }
    }
}

impl Weights {
    /// The same weights scaled to sum 1. Negative or non-finite weights count
    /// as 0; if nothing is left, the defaults are used.
    pub fn normalised(&self) -> Weights {
        let clean = |w: f64| if w.is_finite() && w > 0.0 { w } else { 0.0 };
        let w = [
            clean(self.shared_hours),
            clean(self.shared_interests),
            clean(self.low_load),
            clean(self.tenure),
        ];
        let sum: f64 = w.iter().sum();
        if sum <= 0.0 || !sum.is_finite() {
            return Weights::default().normalised();
        }
        Weights {
            shared_hours: w[0] / sum,
            shared_interests: w[1] / sum,
            low_load: w[2] / sum,
            tenure: w[3] / sum,
        }
    }
}

/// What to match and how.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchOptions {
    /// The reference date.
    pub today: NaiveDate,
    /// A joiner started at most this many days before `today` (default 90).
    pub joiner_window_days: u32,
    /// A buddy has at least this many days of tenure (default 180).
    pub min_tenure_days: u32,
    pub weights: Weights,
    /// Fill [`MatchResult::candidates`] with every feasible pair (default
    /// false: the list can be large).
    pub include_candidates: bool,
    /// Pairs `(joiner, buddy)` kept whatever else happens, as long as they
    /// are feasible and the buddy's capacity allows (see [`MatchResult::ignored_locks`]).
    pub locks: Vec<(String, String)>,
    /// How many of each joiner's best candidates to list in
    /// [`MatchResult::alternatives`] (default 0).
    pub alternatives: usize,
}

impl MatchOptions {
    /// The defaults on the given reference date: joiners are those who
    /// started within 90 days, buddies have at least 180 days of tenure, the
    /// weights are [`Weights::default`], no locks, no alternatives.
    pub fn new(today: NaiveDate) -> Self {
        MatchOptions {
            today,
            joiner_window_days: 90,
            min_tenure_days: 180,
            weights: Weights::default(),
            include_candidates: false,
            locks: Vec::new(),
            alternatives: 0,
        }
    }
}

/// One proposed pair. Scores are kept exact and serialised rounded to 4 decimals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    pub joiner: String,
    pub buddy: String,
    #[serde(serialize_with = "round4")]
    pub score: f64,
    pub reasons: Vec<String>,
    /// Kept from [`MatchOptions::locks`].
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub locked: bool,
}

/// A joiner left without a buddy, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unmatched {
    pub joiner: String,
    pub reason: String,
}

/// A feasible pair with its score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    pub joiner: String,
    pub buddy: String,
    #[serde(serialize_with = "round4")]
    pub score: f64,
}

/// The outcome of [`match_buddies`]: pairs and unmatched joiners are sorted by
/// joiner email, candidates by joiner then buddy email.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchResult {
    pub pairs: Vec<Pair>,
    pub unmatched: Vec<Unmatched>,
    #[serde(serialize_with = "round4")]
    pub total_score: f64,
    /// Empty unless [`MatchOptions::include_candidates`].
    pub candidates: Vec<Candidate>,
    /// Each joiner's best [`MatchOptions::alternatives`] candidates, by joiner
    /// email then best first (ties by buddy email).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Candidate>,
    /// Locks that could not be kept: not a joiner and a possible buddy on
    /// different teams, a repeat, or beyond the buddy's capacity.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ignored_locks: Vec<(String, String)>,
}

/// Unmatched reasons.
pub const NO_OTHER_TEAM: &str = "no one on another team";
pub const ALL_AT_CAPACITY: &str = "every possible buddy is at capacity";
pub const ALL_REPEATS: &str = "all possible buddies were paired with them before";
pub const NO_POSSIBLE_BUDDY: &str = "no possible buddy (tenure, capacity or opt-out)";

fn round4<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((x * 1e4).round() / 1e4)
}

/// The weekday whose working hours are compared: `today`, or the next Monday
/// when `today` is a Saturday or Sunday.
pub fn reference_day(today: NaiveDate) -> NaiveDate {
    match today.weekday() {
        Weekday::Sat => today + Duration::days(2),
        Weekday::Sun => today + Duration::days(1),
        _ => today,
    }
}

/// A person's working interval on `day` (their local date), as Unix seconds.
fn working_seconds(p: &Person, day: NaiveDate) -> (i64, i64) {
    let i = p.working_interval(day);
    (i.start.timestamp(), i.end.timestamp())
}

/// Hours of working time two people share on the reference day of `today`
/// (both working on that local date, daylight saving included).
pub fn shared_hours(a: &Person, b: &Person, today: NaiveDate) -> f64 {
    let day = reference_day(today);
    overlap_hours(working_seconds(a, day), working_seconds(b, day))
}

fn overlap_hours(a: (i64, i64), b: (i64, i64)) -> f64 {
    let secs = a.1.min(b.1) - a.0.max(b.0);
    secs.max(0) as f64 / 3600.0
}

/// Jaccard index of two interest lists, compared lowercased (0 if both are empty).
pub fn jaccard(a: &[String], b: &[String]) -> f64 {
    let a: HashSet<String> = a.iter().map(|s| s.to_lowercase()).collect();
    let b: HashSet<String> = b.iter().map(|s| s.to_lowercase()).collect();
    let union = a.union(&b).count();
    if union == 0 {
        0.0
    } else {
        a.intersection(&b).count() as f64 / union as f64
    }
}

/// Jaccard on sorted, deduplicated id lists.
fn jaccard_ids(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f64 / (a.len() + b.len() - common) as f64
}

/// What is precomputed once per person.
struct Prep {
    person: usize,
    email: String,
    team: u32,
    /// Ids of the lowercased interests, sorted and deduplicated.
    interests: Vec<u32>,
    /// The same ids as bits, when every id of the roster is below 128.
    interest_bits: u128,
    interval: (i64, i64),
    tenure_days: i64,
}

fn tenure_days(p: &Person, today: NaiveDate) -> i64 {
    (today - p.start_date).num_days()
}

/// Scores are optimised as whole numbers of 10⁻⁴, the printed precision.
const SCORE_UNITS: f64 = 1e4;

/// Whether a joiner may get a given buddy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Free,
    /// The same person (or email).
    Themselves,
    /// Paired before (in the history).
    Repeat,
}

/// What scoring reads of a buddy, packed so that a joiner's scan over every
/// buddy stays in the processor's caches.
#[derive(Debug, Clone, Copy)]
struct BuddyKey {
    /// [`Prep::interest_bits`] as two words (cheaper to test than a `u128`).
    interest_bits: [u64; 2],
    /// How many interests.
    interest_count: u32,
    /// The weighted parts of the score that do not depend on the joiner.
    low_load: f64,
    tenure: f64,
    team: u32,
    /// Index of the buddy's working interval in [`Problem::intervals`].
    interval: u32,
}

/// Joiners and possible buddies on the reference date, in email order, with
/// all that scoring needs: what [`match_buddies`] and
/// [`score_feasible_pairs`] share.
///
/// Scoring runs once per pair (19 million for 20,000 people and 1,000 joiners), so
/// it avoids divisions: the shared-hours part is computed once per joiner
/// and distinct buddy interval, the interests part is looked up by
/// (union, common) counts. Both give the very values of the formulas.
struct Problem {
    weights: Weights,
    joiners: Vec<Prep>,
    buddies: Vec<Prep>,
    capacities: Vec<u32>,
    /// Distinct past joiners of each buddy.
    load: Vec<u32>,
    keys: Vec<BuddyKey>,
    /// The distinct working intervals of the buddies.
    intervals: Vec<(i64, i64)>,
    /// For each joiner, the buddies they may not get.
    excluded: Vec<Vec<(usize, Mark)>>,
    /// The weighted interests part by `union * 129 + common` when every
    /// interest of the roster fits in [`Prep::interest_bits`]; else empty.
    interest_parts: Vec<f64>,
}

/// Scratch space of one scan: one [`Mark::Free`] per buddy (left so), the
/// joiner's shared-hours part per buddy interval, and the scan's result.
struct Scratch {
    marks: Vec<Mark>,
    hours_parts: Vec<f64>,
    /// The joiner's score with each buddy in [`SCORE_UNITS`], or [`NO_PAIR`].
    /// (Two bytes a buddy: the whole row stays in the processor's caches.)
    scores: Vec<u16>,
    /// For [`best_edges`].
    room: Vec<usize>,
}

/// In [`Scratch::scores`]: an infeasible pair.
const NO_PAIR: u16 = u16::MAX;

impl Problem {
    fn new(people: &[Person], history: &[(String, String)], opts: &MatchOptions) -> Problem {
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

    fn scratch(&self) -> Scratch {
        Scratch {
            marks: vec![Mark::Free; self.buddies.len()],
            hours_parts: vec![0.0; self.intervals.len()],
            scores: vec![NO_PAIR; self.buddies.len()],
            room: vec![0; SCORE_UNITS as usize + 1],
        }
    }

    /// Scores joiner `ji` against every possible buddy into
    /// [`Scratch::scores`]; returns why the joiner would be left unmatched.
    fn scan(&self, ji: usize, scratch: &mut Scratch) -> &'static str {
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
            NO_POSSIBLE_BUDDY
        } else if !any_other_team {
            NO_OTHER_TEAM
        } else if !any_new {
            ALL_REPEATS
        } else {
            ALL_AT_CAPACITY
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

/// `x.round()` (half away from zero) for `0 ≤ x ≤ 10⁴`, without a call to
/// libm nor a branch: this runs once per pair.
fn round_units(x: f64) -> u32 {
    let whole = x as u32;
    whole + u32::from(x - f64::from(whole) >= 0.5)
}

fn units_to_score(q: u32) -> f64 {
    f64::from(q) / SCORE_UNITS
}

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
                reason: scan.reason.to_owned(),
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

/// What a scan collects besides each joiner's best edges.
struct ScanWants<'a> {
    candidates: bool,
    alternatives: usize,
    /// Locked joiner → buddy (see [`Problem::resolve_locks`]).
    locked: &'a HashMap<usize, usize>,
}

/// What [`Problem::scan_all`] finds for one joiner.
#[derive(Debug, PartialEq)]
struct JoinerScan {
    /// The edges `(buddy, score)` that can matter (see [`best_edges`]).
    edges: Vec<(usize, u32)>,
    /// Why the joiner would be left unmatched.
    reason: &'static str,
    /// Every feasible pair of the joiner, when asked for.
    candidates: Vec<Candidate>,
    /// The joiner's best candidates, when asked for.
    alternatives: Vec<Candidate>,
    /// The locked pair's `(buddy, score)`, for a locked joiner.
    locked: Option<(usize, u32)>,
}

/// Below this many pairs the scan runs on one thread.
const PARALLEL_PAIRS: usize = 1 << 20;

impl Problem {
    /// How many threads to scan with: one per core for a large problem.
    fn threads(&self) -> usize {
        if self.joiners.len().saturating_mul(self.buddies.len()) < PARALLEL_PAIRS {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        }
    }

    /// Scans every joiner and keeps their best edges, in joiner order, in
    /// contiguous blocks of joiners on up to `threads` threads.
    fn scan_all(&self, wants: &ScanWants, threads: usize) -> Vec<JoinerScan> {
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

impl Problem {
    /// Which locks can be kept, as joiner index → buddy index, with each
    /// kept buddy's place taken from [`Problem::capacities`]; the rest are
    /// returned as ignored, in the order given.
    fn resolve_locks(
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

/// The `n` best feasible pairs of a row of [`Scratch::scores`], best first
/// (ties by buddy order).
fn best_first(scores: &[u16], n: usize) -> Vec<(usize, u32)> {
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
fn feasible(scores: &[u16]) -> impl Iterator<Item = (usize, u32)> + '_ {
    scores
        .iter()
        .enumerate()
        .filter(|&(_, &q)| q != NO_PAIR)
        .map(|(bi, &q)| (bi, u32::from(q)))
}

/// Joiners and possible buddies as [`match_buddies`] sees them (emails in
/// order) and each buddy's capacity; see [`score_feasible_pairs`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreTable {
    pub joiners: Vec<String>,
    pub buddies: Vec<String>,
    pub capacities: Vec<u32>,
}

/// Every feasible pair with the score [`match_buddies`] optimises (rounded
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
fn best_edges(
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

/// Exact assignment: min-cost flow with gains as negative costs, built one
/// joiner at a time (in email order), as in the Hungarian algorithm.
///
/// Invariant: the current flow has the least cost among all flows of the
/// joiners added so far (no negative cycle in its residual graph, with an
/// implicit sink → source edge). Adding joiner `j` adds only the edge
/// source → j of capacity 1, so the new optimum is the old flow plus the
/// cheapest cycle through that edge, if it is negative: a shortest path from
/// `j` either to the sink (one more joiner matched) or, when the sink cannot
/// be reached, to an already matched joiner who then gives up their buddy
/// (same count, better score). Paths are found with Dijkstra on reduced
/// costs (node potentials kept valid after each search), stopping as soon as
/// the sink is settled; ties are broken by node index, i.e. by email.
///
/// The residual graph is never built: nodes are joiners (`0..nj`), buddies
/// (`nj..nj + nb`) and the sink, and its edges are read off the assignment.
/// A joiner reaches every buddy of their list but their own (cost -gain); a
/// buddy reaches each joiner they hold (cost +gain, giving them up), in
/// joiner order, then the sink while they have room (cost 0). Edges out of
/// the sink never matter: the search stops there.
///
/// Once every place that any joiner could take is held, the sink is out of
/// reach and only a swap can help: the search then stops as soon as no
/// joiner still unsettled can be a cheaper swap than the best one found
/// (costs grow with the settled distance; potentials are bounded below).
/// Without that, each joiner left out explored the whole graph.
///
/// `gains[j]` lists `(buddy, gain)`; returns each joiner's buddy.
fn max_gain_assignment(gains: &[Vec<(usize, i64)>], caps: &[u32]) -> Vec<Option<usize>> {
    let nj = gains.len();
    let nb = caps.len();
    let sink = nj + nb;
    let n = sink + 1;
    let mut assigned: Vec<Option<usize>> = vec![None; nj];
    // The joiners each buddy holds, in joiner order, with the pair's gain.
    let mut holders: Vec<Vec<(usize, i64)>> = vec![Vec::new(); nb];

    const INF: i64 = i64::MAX;
    let mut pot = vec![0i64; n];
    let mut dist = vec![INF; n];
    // The node before each node on its shortest path, and the edge's cost.
    let mut prev: Vec<(usize, i64)> = vec![(usize::MAX, 0); n];
    let mut touched: Vec<usize> = Vec::new();
    let mut heap = BinaryHeap::new();
    // Places at buddies some joiner could take that nobody holds yet.
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
        dist[j] = 0;
        touched.push(j);
        heap.push(Reverse((0i64, j)));
        let mut reached_sink = false;
        // The cheapest swap found so far: (cost, joiner giving up a buddy).
        let mut best_swap: Option<(i64, usize)> = None;
        // No joiner settled later can cost less than `d + lowest - pot[j]`:
        // only joiners holding a buddy can be reached (from that buddy).
        // Needed only once the places are all held.
        let lowest = match open_places {
            0 => (0..j)
                .filter(|&v| assigned[v].is_some())
                .map(|v| pot[v])
                .min()
                .unwrap_or(0),
            _ => 0,
        };
        while let Some(Reverse((d, u))) = heap.pop() {
            if d > dist[u] {
                continue;
            }
            if u == sink {
                reached_sink = true;
                break;
            }
            if open_places == 0 && d + lowest - pot[j] > best_swap.map_or(-1, |(cost, _)| cost) {
                break;
            }
            if u < nj && u != j {
                let cost = d + pot[u] - pot[j];
                if cost < 0 && best_swap.map_or(true, |best| (cost, u) < best) {
                    best_swap = Some((cost, u));
                }
            }
            let mut relax = |v: usize, cost: i64| {
                let nd = d + cost + pot[u] - pot[v];
                if nd < dist[v] {
                    if dist[v] == INF {
                        touched.push(v);
                    }
                    dist[v] = nd;
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
                    relax(sink, 0);
                }
            }
        }
        heap.clear();
        let target = if reached_sink {
            open_places -= 1;
            Some(sink)
        } else {
            // Take the buddy of a matched joiner if that raises the total.
            best_swap.map(|(_, v)| v)
        };
        if let Some(target) = target {
            let reach = dist[target];
            for &v in &touched {
                pot[v] += dist[v].min(reach) - reach;
            }
            if target < nj {
                assigned[target] = None;
            }
            // Walk the path back, applying each edge.
            let mut v = target;
            while v != j {
                let (u, cost) = prev[v];
                if u < nj {
                    // `u` takes buddy `v`.
                    let b = v - nj;
                    assigned[u] = Some(b);
                    let held = &mut holders[b];
                    let at = held.partition_point(|&(h, _)| h < u);
                    held.insert(at, (u, -cost));
                } else if v < nj {
                    // Buddy `u` gives up joiner `v` (who took another buddy
                    // further along the path, or is the target).
                    holders[u - nj].retain(|&(h, _)| h != v);
                }
                v = u;
            }
        }
        for &v in &touched {
            dist[v] = INF;
        }
        touched.clear();
    }
    assigned
}

fn fmt_hours(h: f64) -> String {
    let s = format!("{:.1}", h);
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

fn reasons(jp: &Person, bp: &Person, j: &Prep, b: &Prep, load: u32) -> Vec<String> {
    let mut out = vec![format!("different teams: {} / {}", jp.team, bp.team)];
    let hours = overlap_hours(j.interval, b.interval);
    if hours > 0.0 {
        out.push(format!("{} h shared working time", fmt_hours(hours)));
    } else {
        out.push("no shared working time".to_owned());
    }
    let shared = shared_interests(jp, bp);
    if !shared.is_empty() {
        out.push(format!("shared interests: {}", shared.join(", ")));
    }
    out.push(match load {
        0 => "first time as a buddy".to_owned(),
        1 => "buddy to 1 joiner before".to_owned(),
        n => format!("buddy to {n} joiners before"),
    });
    out.push(format!(
        "{:.1} years of tenure",
        b.tenure_days as f64 / 365.25
    ));
    out
}

/// The interests two people share, as the first one writes them, sorted
/// case-insensitively.
pub fn shared_interests<'a>(a: &'a Person, b: &Person) -> Vec<&'a str> {
    let theirs: HashSet<String> = b.interests.iter().map(|s| s.to_lowercase()).collect();
    let mut shared: Vec<&str> = a
        .interests
        .iter()
        .filter(|s| theirs.contains(&s.to_lowercase()))
        .map(String::as_str)
        .collect();
    shared.sort_by_key(|s| s.to_lowercase());
    shared
}

#[cfg(test)]
mod tests;
