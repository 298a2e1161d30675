//! Buddy matching (issue 5): give every new joiner the best cross-team buddy.
//!
//! On a reference date, a *joiner* is anyone whose start date is at most
//! `joiner_window_days` before it (or any day after it); a *possible buddy* is
//! anyone with at least `min_tenure_days` of tenure, a capacity above 0 and no
//! opt-out. A pair is feasible when the two are different people on different
//! teams (compared case-insensitively) and the pair is not in the history.
//!
//! Each feasible pair gets a score in [0, 1] (see [`Weights`]). The assignment
//! first matches as many joiners as possible, then maximises the total score,
//! exactly: a min-cost flow over source → joiner (capacity 1) → buddy
//! (capacity 1, cost `-(M + score × scale)` with `M` larger than any total) →
//! sink (capacity `buddy_capacity`), solved one joiner at a time with Dijkstra
//! on reduced costs (see `max_gain_assignment`). Each joiner's candidate list
//! is first cut to its best edges in a way that provably keeps an optimum
//! (see `kept_prefix`). Scores are compared as integers (the score times
//! `scale`, 10⁹ up to about 10,000 joiners). Pair scores are rounded to the
//! 4 decimals that are printed before any of this, so the assignment is
//! optimal over exactly the printed candidate scores. Joiners and buddies are ordered by email before the graph is
//! built and every tie is broken by that order, so the same input always gives
//! the same output.
//!
//! Emails are compared lowercased and assumed unique ([`crate::roster::parse_roster`]
//! guarantees it).

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
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
    /// The defaults of issue 5 on the given reference date.
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

/// Unix seconds of a local wall-clock time. In a DST gap the time is moved
/// forward by the gap; an ambiguous time takes its earlier instant.
fn local_instant(tz: Tz, day: NaiveDate, time: NaiveTime) -> i64 {
    let ndt = day.and_time(time);
    for shift in 0..=4 {
        let t = ndt + Duration::minutes(30 * shift);
        if let Some(dt) = tz.from_local_datetime(&t).earliest() {
            return dt.timestamp() - 1800 * shift;
        }
    }
    Utc.from_utc_datetime(&ndt).timestamp()
}

/// A person's working interval on `day` (their local date), as Unix seconds.
pub fn working_interval(p: &Person, day: NaiveDate) -> (i64, i64) {
    (
        local_instant(p.timezone, day, p.working_hours.0),
        local_instant(p.timezone, day, p.working_hours.1),
    )
}

/// Hours of working time two people share on the reference day of `today`
/// (both working on that local date, daylight saving included).
pub fn shared_hours(a: &Person, b: &Person, today: NaiveDate) -> f64 {
    let day = reference_day(today);
    overlap_hours(working_interval(a, day), working_interval(b, day))
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
    interests: Vec<u32>,
    interval: (i64, i64),
    tenure_days: i64,
}

fn tenure_days(p: &Person, today: NaiveDate) -> i64 {
    (today - p.start_date).num_days()
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
    let weights = opts.weights.normalised();
    let day = reference_day(opts.today);
    let mut order: Vec<usize> = (0..people.len()).collect();
    let emails: Vec<String> = people.iter().map(|p| p.email.to_lowercase()).collect();
    order.sort_by(|&a, &b| emails[a].cmp(&emails[b]).then(a.cmp(&b)));

    let mut teams: HashMap<String, u32> = HashMap::new();
    let mut tags: HashMap<String, u32> = HashMap::new();
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
            interval: working_interval(p, day),
            tenure_days: tenure_days(p, opts.today),
        }
    };
    let mut joiners = Vec::new();
    let mut buddies = Vec::new();
    for &i in &order {
        let p = &people[i];
        let t = tenure_days(p, opts.today);
        let is_joiner = t <= i64::from(opts.joiner_window_days);
        let is_buddy = t >= i64::from(opts.min_tenure_days) && p.buddy_capacity > 0 && !p.opt_out;
        if is_joiner {
            joiners.push(prep(i));
        }
        if is_buddy {
            buddies.push(prep(i));
        }
    }

    // History: distinct pairs, the load of each buddy, the repeats of each joiner.
    let pairs_seen: HashSet<(String, String)> = history
        .iter()
        .map(|(j, b)| (j.trim().to_lowercase(), b.trim().to_lowercase()))
        .collect();
    let buddy_pos: HashMap<&str, usize> = buddies
        .iter()
        .enumerate()
        .map(|(k, b)| (b.email.as_str(), k))
        .collect();
    let mut load = vec![0u32; buddies.len()];
    let mut repeats: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, b) in &pairs_seen {
        if let Some(&k) = buddy_pos.get(b.as_str()) {
            load[k] += 1;
            repeats.entry(j.as_str()).or_default().push(k);
        }
    }

    // Integer gains: a big constant per matched joiner (so the count comes
    // first), plus the scaled score.
    let nj = joiners.len() as i64;
    let scale: i64 =
        (1_000_000_000_000_000_000i64 / 8 / ((nj + 1) * (nj + 1))).clamp(1, 1_000_000_000);
    let big = 2 * scale * (nj + 1) + 1;
    let mut caps: Vec<u32> = buddies
        .iter()
        .map(|b| people[b.person].buddy_capacity)
        .collect();
    let (locked, ignored_locks) =
        resolve_locks(&opts.locks, &joiners, &buddies, &pairs_seen, &mut caps);

    // Candidate edges `(buddy, scaled score, score)`, scored, then pruned.
    let mut stamp = vec![usize::MAX; buddies.len()];
    let mut edges: Vec<Vec<(usize, i64, f64)>> = Vec::with_capacity(joiners.len());
    let mut list: Vec<(usize, i64, f64)> = Vec::new();
    let mut reasons_unmatched: Vec<&'static str> = Vec::with_capacity(joiners.len());
    let mut candidates = Vec::new();
    let mut alternatives = Vec::new();
    for (ji, j) in joiners.iter().enumerate() {
        if let Some(ks) = repeats.get(j.email.as_str()) {
            for &k in ks {
                stamp[k] = ji;
            }
        }
        let (mut any_buddy, mut any_other_team, mut any_new) = (false, false, false);
        let mut locked_score = None;
        list.clear();
        for (bi, b) in buddies.iter().enumerate() {
            if b.person == j.person || b.email == j.email {
                continue;
            }
            any_buddy = true;
            if b.team == j.team {
                continue;
            }
            any_other_team = true;
            if stamp[bi] == ji {
                continue;
            }
            any_new = true;
            let hours = overlap_hours(j.interval, b.interval);
            let s = weights.shared_hours * (hours / 8.0).min(1.0)
                + weights.shared_interests * jaccard_ids(&j.interests, &b.interests)
                + weights.low_load / (1.0 + f64::from(load[bi]))
                + weights.tenure * (b.tenure_days as f64 / 730.0).clamp(0.0, 1.0);
            // Rounded to the 4 decimals that are printed, so the assignment is
            // optimal over exactly the scores a reader sees.
            let s = (s.clamp(0.0, 1.0) * 1e4).round() / 1e4;
            if opts.include_candidates {
                candidates.push(Candidate {
                    joiner: j.email.clone(),
                    buddy: b.email.clone(),
                    score: s,
                });
            }
            if locked.get(&ji) == Some(&bi) {
                locked_score = Some(s);
            }
            list.push((bi, (s * scale as f64).round() as i64, s));
        }
        reasons_unmatched.push(if !any_buddy {
            NO_POSSIBLE_BUDDY
        } else if !any_other_team {
            NO_OTHER_TEAM
        } else if !any_new {
            ALL_REPEATS
        } else {
            ALL_AT_CAPACITY
        });
        // Best first, ties by buddy email (the buddy order).
        let best_first =
            |a: &(usize, i64, f64), b: &(usize, i64, f64)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
        if opts.alternatives > 0 {
            let mut best = list.clone();
            if best.len() > opts.alternatives {
                best.select_nth_unstable_by(opts.alternatives - 1, best_first);
                best.truncate(opts.alternatives);
            }
            best.sort_unstable_by(best_first);
            alternatives.extend(best.iter().map(|&(bi, _, score)| Candidate {
                joiner: j.email.clone(),
                buddy: buddies[bi].email.clone(),
                score,
            }));
        }
        if let Some(s) = locked_score {
            // Taken out of the optimisation: its capacity is already spent.
            let bi = locked[&ji];
            edges.push(vec![(bi, 0, s)]);
            continue;
        }
        if list.len() > joiners.len() && !joiners.is_empty() {
            // Capacities are at least 1, so the kept prefix is at most this long.
            list.select_nth_unstable_by(joiners.len() - 1, best_first);
            list.truncate(joiners.len());
        }
        list.sort_unstable_by(best_first);
        let keep = kept_prefix(&list, &caps, joiners.len());
        edges.push(list[..keep].to_vec());
    }

    let graph_edges: Vec<Vec<(usize, i64)>> = edges
        .iter()
        .enumerate()
        .map(|(ji, l)| match locked.contains_key(&ji) {
            true => Vec::new(),
            false => l.iter().map(|&(bi, q, _)| (bi, big + q)).collect(),
        })
        .collect();
    let mut assigned = max_gain_assignment(&graph_edges, &caps);
    for (&ji, &bi) in &locked {
        assigned[ji] = Some(bi);
    }

    let mut pairs = Vec::new();
    let mut unmatched = Vec::new();
    let mut total = 0.0;
    for (ji, a) in assigned.iter().enumerate() {
        let j = &joiners[ji];
        match a {
            Some(bi) => {
                let score = edges[ji].iter().find(|e| e.0 == *bi).map_or(0.0, |e| e.2);
                total += score;
                let b = &buddies[*bi];
                pairs.push(Pair {
                    joiner: j.email.clone(),
                    buddy: b.email.clone(),
                    score,
                    reasons: reasons(&people[j.person], &people[b.person], j, b, load[*bi]),
                    locked: locked.contains_key(&ji),
                });
            }
            None => unmatched.push(Unmatched {
                joiner: j.email.clone(),
                reason: reasons_unmatched[ji].to_owned(),
            }),
        }
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

/// Which locks can be kept: joiner index → buddy index, with the buddy's
/// capacity taken; the rest are returned as ignored, in the order given.
fn resolve_locks(
    locks: &[(String, String)],
    joiners: &[Prep],
    buddies: &[Prep],
    history: &HashSet<(String, String)>,
    caps: &mut [u32],
) -> (HashMap<usize, usize>, Vec<(String, String)>) {
    let mut kept = HashMap::new();
    let mut ignored = Vec::new();
    for (joiner, buddy) in locks {
        let (joiner, buddy) = (joiner.trim().to_lowercase(), buddy.trim().to_lowercase());
        let ji = joiners.iter().position(|j| j.email == joiner);
        let bi = buddies.iter().position(|b| b.email == buddy);
        let ok = match (ji, bi) {
            (Some(ji), Some(bi)) => {
                joiners[ji].team != buddies[bi].team
                    && joiners[ji].person != buddies[bi].person
                    && !history.contains(&(joiner.clone(), buddy.clone()))
                    && !kept.contains_key(&ji)
                    && caps[bi] > 0
            }
            _ => false,
        };
        match (ji, bi) {
            (Some(ji), Some(bi)) if ok => {
                caps[bi] -= 1;
                kept.insert(ji, bi);
            }
            _ => ignored.push((joiner, buddy)),
        }
    }
    (kept, ignored)
}

/// Keeps, of a joiner's edges sorted best first, the shortest prefix whose
/// buddies' capacities sum to at least the number of joiners.
///
/// This keeps an optimal assignment: in any optimal assignment where the
/// joiner has a buddy outside that prefix, the other joiners use at most
/// (joiners - 1) units of capacity, so some buddy of the prefix has room left;
/// moving the joiner there keeps every rule, the count, and a score at least
/// as high (the prefix holds the best edges). Doing this for each joiner in
/// turn gives an optimal assignment using only kept edges.
fn kept_prefix(edges: &[(usize, i64, f64)], caps: &[u32], joiners: usize) -> usize {
    let mut room = 0usize;
    for (k, e) in edges.iter().enumerate() {
        room += caps[e.0] as usize;
        if room >= joiners {
            return k + 1;
        }
    }
    edges.len()
}

struct Edge {
    to: usize,
    rev: usize,
    cap: u32,
    cost: i64,
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
/// `gains[j]` lists `(buddy, gain)`; returns each joiner's buddy.
fn max_gain_assignment(gains: &[Vec<(usize, i64)>], caps: &[u32]) -> Vec<Option<usize>> {
    let nj = gains.len();
    let nb = caps.len();
    let sink = nj + nb;
    let n = sink + 1;
    let mut g: Vec<Vec<Edge>> = (0..n).map(|_| Vec::new()).collect();
    let add = |g: &mut Vec<Vec<Edge>>, u: usize, v: usize, cap: u32, cost: i64| {
        let (ru, rv) = (g[v].len(), g[u].len());
        g[u].push(Edge {
            to: v,
            rev: ru,
            cap,
            cost,
        });
        g[v].push(Edge {
            to: u,
            rev: rv,
            cap: 0,
            cost: -cost,
        });
    };
    for (j, list) in gains.iter().enumerate() {
        for &(b, gain) in list {
            add(&mut g, j, nj + b, 1, -gain);
        }
    }
    for (b, &cap) in caps.iter().enumerate() {
        if cap > 0 {
            add(&mut g, nj + b, sink, cap, 0);
        }
    }

    const INF: i64 = i64::MAX;
    let mut pot = vec![0i64; n];
    let mut dist = vec![INF; n];
    let mut prev: Vec<(usize, usize)> = vec![(usize::MAX, 0); n];
    let mut touched: Vec<usize> = Vec::new();
    let mut heap = BinaryHeap::new();
    for j in 0..nj {
        let Some(pj) = g[j]
            .iter()
            .filter(|e| e.cap > 0)
            .map(|e| pot[e.to] - e.cost)
            .max()
        else {
            continue;
        };
        // Every edge out of `j` gets a non-negative reduced cost.
        pot[j] = pj;
        dist[j] = 0;
        touched.push(j);
        heap.push(Reverse((0i64, j)));
        let mut reached_sink = false;
        while let Some(Reverse((d, u))) = heap.pop() {
            if d > dist[u] {
                continue;
            }
            if u == sink {
                reached_sink = true;
                break;
            }
            for (i, e) in g[u].iter().enumerate() {
                if e.cap == 0 {
                    continue;
                }
                let nd = d + e.cost + pot[u] - pot[e.to];
                if nd < dist[e.to] {
                    if dist[e.to] == INF {
                        touched.push(e.to);
                    }
                    dist[e.to] = nd;
                    prev[e.to] = (u, i);
                    heap.push(Reverse((nd, e.to)));
                }
            }
        }
        heap.clear();
        let target = if reached_sink {
            Some(sink)
        } else {
            // Take the buddy of a matched joiner if that raises the total.
            touched
                .iter()
                .filter(|&&v| v < nj && v != j)
                .map(|&v| (dist[v] + pot[v] - pot[j], v))
                .filter(|&(cost, _)| cost < 0)
                .min()
                .map(|(_, v)| v)
        };
        if let Some(target) = target {
            let reach = dist[target];
            for &v in &touched {
                pot[v] += dist[v].min(reach) - reach;
            }
            let mut v = target;
            while v != j {
                let (u, i) = prev[v];
                g[u][i].cap -= 1;
                let (to, rev) = (g[u][i].to, g[u][i].rev);
                g[to][rev].cap += 1;
                v = u;
            }
        }
        for &v in &touched {
            dist[v] = INF;
        }
        touched.clear();
    }
    (0..nj)
        .map(|j| {
            g[j].iter()
                .find(|e| e.to >= nj && e.to < sink && e.cap == 0)
                .map(|e| e.to - nj)
        })
        .collect()
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
