//! The whole of matching, end to end: rules, optimality against brute
//! force, locks, alternatives, determinism.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate, NaiveTime};
use chrono_tz::Tz;
use proptest::prelude::*;

use super::test_people::{d, opts, person, t, utc, NEW, OLD, TODAY};
use super::*;
use crate::roster::Person;

#[test]
fn hard_rules() {
    let j1 = person("j1@x", "A", utc(), NEW);
    let j2 = person("j2@x", "A", utc(), NEW);
    let j3 = person("j3@x", "B", utc(), NEW);
    let same_team = person("s@x", "a ", utc(), OLD); // teams compare case-insensitively
    let mut opted = person("o@x", "C", utc(), OLD);
    opted.opt_out = true;
    let mut zero = person("z@x", "C", utc(), OLD);
    zero.buddy_capacity = 0;
    let junior = person("y@x", "C", utc(), "2026-07-01");
    let b = person("b@x", "C", utc(), OLD);
    let people = [j1, j2, j3, same_team, opted, zero, junior, b];
    let history = vec![("J2@x".to_owned(), "B@x".to_owned())];
    let r = match_buddies(&people, &history, &opts());
    let pairs: Vec<(&str, &str)> = r
        .pairs
        .iter()
        .map(|p| (p.joiner.as_str(), p.buddy.as_str()))
        .collect();
    // b has capacity 1: j1 or j3 gets b; j3 (team B) can also have s (team A).
    assert_eq!(pairs, [("j1@x", "b@x"), ("j3@x", "s@x")]);
    assert_eq!(
        r.unmatched,
        [Unmatched {
            joiner: "j2@x".into(),
            reason: UnmatchedReason::AllRepeats
        }]
    );
    assert!(r
        .candidates
        .iter()
        .all(|c| c.buddy == "b@x" || c.buddy == "s@x"));
    assert!(!r.candidates.iter().any(|c| c.joiner == "j2@x"));
}

#[test]
fn count_first_then_score() {
    // j1 prefers b1 (shared hours) but only b1 can take j2: both get a buddy.
    let j1 = person("j1@x", "A", utc(), NEW);
    let mut j2 = person("j2@x", "B", utc(), NEW);
    j2.working_hours = (t("01:00"), t("02:00"));
    let b1 = person("b1@x", "C", utc(), OLD);
    let mut b2 = person("b2@x", "B", utc(), OLD);
    b2.working_hours = (t("13:00"), t("14:00"));
    let r = match_buddies(&[j1, j2, b1, b2], &[], &opts());
    let pairs: Vec<(&str, &str)> = r
        .pairs
        .iter()
        .map(|p| (p.joiner.as_str(), p.buddy.as_str()))
        .collect();
    assert_eq!(pairs, [("j1@x", "b2@x"), ("j2@x", "b1@x")]);
}

#[test]
fn capacity_is_honoured_and_used() {
    let mut b = person("b@x", "C", utc(), OLD);
    b.buddy_capacity = 2;
    let people = [
        person("j1@x", "A", utc(), NEW),
        person("j2@x", "A", utc(), NEW),
        person("j3@x", "A", utc(), NEW),
        b,
    ];
    let r = match_buddies(&people, &[], &opts());
    assert_eq!(r.pairs.len(), 2);
    assert_eq!(r.unmatched.len(), 1);
    assert_eq!(r.unmatched[0].reason, UnmatchedReason::AllAtCapacity);
}

#[test]
fn unmatched_reasons() {
    let j = person("j@x", "A", utc(), NEW);
    let r = match_buddies(std::slice::from_ref(&j), &[], &opts());
    assert_eq!(r.unmatched[0].reason, UnmatchedReason::NoPossibleBuddy);
    let mut opted = person("o@x", "B", utc(), OLD);
    opted.opt_out = true;
    let r = match_buddies(&[j.clone(), opted], &[], &opts());
    assert_eq!(r.unmatched[0].reason, UnmatchedReason::NoPossibleBuddy);
    let r = match_buddies(&[j.clone(), person("s@x", "A", utc(), OLD)], &[], &opts());
    assert_eq!(r.unmatched[0].reason, UnmatchedReason::NoOtherTeam);
    let r = match_buddies(
        &[j, person("b@x", "B", utc(), OLD)],
        &[("j@x".into(), "b@x".into())],
        &opts(),
    );
    assert_eq!(r.unmatched[0].reason, UnmatchedReason::AllRepeats);
}

#[test]
fn who_is_a_joiner() {
    let people = [
        person("edge@x", "A", utc(), "2026-08-26"), // 90 days before
        person("old@x", "A", utc(), "2026-08-25"),  // 91 days before
        person("future@x", "A", utc(), "2027-02-01"),
        person("b1@x", "B", utc(), OLD),
        person("b2@x", "B", utc(), OLD),
        person("b3@x", "B", utc(), OLD),
    ];
    let r = match_buddies(&people, &[], &opts());
    let joiners: Vec<&str> = r.pairs.iter().map(|p| p.joiner.as_str()).collect();
    assert_eq!(joiners, ["edge@x", "future@x"]);
    assert!(r.unmatched.is_empty());
}

#[test]
fn deterministic_ties_by_email() {
    let people = vec![
        person("j@x", "A", utc(), NEW),
        person("zed@x", "B", utc(), OLD),
        person("amy@x", "B", utc(), OLD),
        person("mia@x", "C", utc(), OLD),
    ];
    let first = match_buddies(&people, &[], &opts());
    assert_eq!(first.pairs[0].buddy, "amy@x");
    let mut reversed = people.clone();
    reversed.reverse();
    assert_eq!(match_buddies(&reversed, &[], &opts()), first);
    assert_eq!(
        serde_json::to_string(&match_buddies(&people, &[], &opts())).unwrap(),
        serde_json::to_string(&first).unwrap()
    );
}

#[test]
fn load_spreads_and_pruning_keeps_enough_edges() {
    // Many joiners, capacities 1: the pruned lists must still find a perfect matching.
    let mut people = Vec::new();
    for i in 0..12 {
        people.push(person(&format!("j{i:02}@x"), "A", utc(), NEW));
    }
    for i in 0..12 {
        let mut b = person(&format!("b{i:02}@x"), "B", utc(), OLD);
        b.working_hours = (
            t("09:00"),
            NaiveTime::from_hms_opt(10 + (i % 8) as u32, 0, 0).unwrap(),
        );
        people.push(b);
    }
    let r = match_buddies(&people, &[("q@x".into(), "b00@x".into())], &opts());
    assert_eq!(r.pairs.len(), 12);
    let mut used: Vec<&str> = r.pairs.iter().map(|p| p.buddy.as_str()).collect();
    used.sort();
    used.dedup();
    assert_eq!(used.len(), 12);
    assert!(r
        .pairs
        .iter()
        .any(|p| p.reasons.contains(&"buddy to 1 joiner before".to_owned())));
}

#[test]
fn nobody_is_their_own_buddy() {
    // With no tenure required, joiners are possible buddies too.
    let mut o = opts();
    o.min_tenure_days = 0;
    let a = person("a@x", "A", utc(), NEW);
    let r = match_buddies(std::slice::from_ref(&a), &[], &o);
    assert_eq!(r.unmatched[0].reason, UnmatchedReason::NoPossibleBuddy);
    let b = person("b@x", "B", utc(), NEW);
    let r = match_buddies(&[a, b], &[], &o);
    let pairs: Vec<(&str, &str)> = r
        .pairs
        .iter()
        .map(|p| (p.joiner.as_str(), p.buddy.as_str()))
        .collect();
    assert_eq!(pairs, [("a@x", "b@x"), ("b@x", "a@x")]);
}

// ---- property tests against brute force ----

const ZONES: [Tz; 4] = [
    chrono_tz::UTC,
    chrono_tz::Asia::Kathmandu,
    chrono_tz::America::New_York,
    chrono_tz::Australia::Sydney,
];
const HOURS: [(&str, &str); 3] = [("09:00", "17:00"), ("07:30", "15:30"), ("10:00", "18:30")];
const TAGS: [&str; 4] = ["rust", "climbing", "chess", "music"];

#[derive(Debug, Clone)]
struct Spec {
    team: u8,
    zone: usize,
    hours: usize,
    tags: u8,
    capacity: u32,
    opt_out: bool,
    days: i64,
}

fn spec(days: std::ops::Range<i64>) -> impl Strategy<Value = Spec> {
    (
        0u8..3,
        0usize..4,
        0usize..3,
        0u8..16,
        0u32..=2,
        proptest::bool::weighted(0.15),
        days,
    )
        .prop_map(|(team, zone, hours, tags, capacity, opt_out, days)| Spec {
            team,
            zone,
            hours,
            tags,
            capacity,
            opt_out,
            days,
        })
}

fn build(prefix: &str, i: usize, s: &Spec, today: NaiveDate) -> Person {
    Person {
        name: format!("{prefix}{i}"),
        email: format!("{prefix}{i}@x.org"),
        team: ["Red", "Green", "Blue"][s.team as usize].to_owned(),
        timezone: ZONES[s.zone],
        start_date: today - Duration::days(s.days),
        interests: TAGS
            .iter()
            .enumerate()
            .filter(|(k, _)| s.tags & (1 << k) != 0)
            .map(|(_, t)| t.to_string())
            .collect(),
        buddy_capacity: s.capacity,
        working_hours: (t(HOURS[s.hours].0), t(HOURS[s.hours].1)),
        opt_out: s.opt_out,
    }
}

/// Best (count, score) over all assignments of joiners `k..` to candidates.
fn brute(
    k: usize,
    joiners: &[String],
    cands: &HashMap<(String, String), f64>,
    room: &mut HashMap<String, u32>,
) -> (usize, f64) {
    if k == joiners.len() {
        return (0, 0.0);
    }
    let mut best = brute(k + 1, joiners, cands, room);
    let options: Vec<(String, f64)> = cands
        .iter()
        .filter(|((j, _), _)| *j == joiners[k])
        .map(|((_, b), s)| (b.clone(), *s))
        .collect();
    for (b, s) in options {
        let r = room[&b];
        if r == 0 {
            continue;
        }
        room.insert(b.clone(), r - 1);
        let (c, v) = brute(k + 1, joiners, cands, room);
        room.insert(b, r);
        let (c, v) = (c + 1, v + s);
        if c > best.0 || (c == best.0 && v > best.1) {
            best = (c, v);
        }
    }
    best
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn optimal_and_rule_abiding(
        js in proptest::collection::vec(spec(-30..120), 0..=6),
        bs in proptest::collection::vec(spec(150..3000), 0..=5),
        hist in proptest::collection::vec((0usize..6, 0usize..5), 0..6),
        weekday in 0i64..7,
    ) {
        check(&js, &bs, &hist, weekday)?;
    }

    /// More buddies than joiners, so that candidate lists get pruned.
    #[test]
    fn optimal_with_many_buddies(
        js in proptest::collection::vec(spec(-30..120), 0..=3),
        bs in proptest::collection::vec(spec(150..3000), 0..=8),
        hist in proptest::collection::vec((0usize..3, 0usize..8), 0..6),
        weekday in 0i64..7,
    ) {
        check(&js, &bs, &hist, weekday)?;
    }
}

fn check(
    js: &[Spec],
    bs: &[Spec],
    hist: &[(usize, usize)],
    weekday: i64,
) -> Result<(), TestCaseError> {
    let today = d(TODAY) + Duration::days(weekday);
    let mut people: Vec<Person> = js
        .iter()
        .enumerate()
        .map(|(i, s)| build("j", i, s, today))
        .collect();
    people.extend(bs.iter().enumerate().map(|(i, s)| build("b", i, s, today)));
    let history: Vec<(String, String)> = hist
        .iter()
        .map(|(j, b)| (format!("J{j}@x.org"), format!("b{b}@X.org")))
        .collect();
    let mut o = MatchOptions::new(today);
    o.include_candidates = true;
    let r = match_buddies(&people, &history, &o);

    let by_email: HashMap<String, &Person> = people.iter().map(|p| (p.email.clone(), p)).collect();
    let is_joiner = |p: &Person| (today - p.start_date).num_days() <= 90;
    let is_buddy =
        |p: &Person| (today - p.start_date).num_days() >= 180 && p.buddy_capacity > 0 && !p.opt_out;
    let hist_set: HashSet<(String, String)> = history
        .iter()
        .map(|(a, b)| (a.to_lowercase(), b.to_lowercase()))
        .collect();
    let feasible = |j: &Person, b: &Person| {
        is_joiner(j)
            && is_buddy(b)
            && j.email != b.email
            && j.team != b.team
            && !hist_set.contains(&(j.email.clone(), b.email.clone()))
    };

    // Candidates are exactly the feasible pairs, scores in [0, 1].
    let mut expected = Vec::new();
    for j in &people {
        for b in &people {
            if feasible(j, b) {
                expected.push((j.email.clone(), b.email.clone()));
            }
        }
    }
    expected.sort();
    let mut got: Vec<(String, String)> = r
        .candidates
        .iter()
        .map(|c| (c.joiner.clone(), c.buddy.clone()))
        .collect();
    got.sort();
    prop_assert_eq!(&got, &expected);
    prop_assert!(r.candidates.iter().all(|c| (0.0..=1.0).contains(&c.score)));

    // Hard rules.
    let mut load: HashMap<&str, u32> = HashMap::new();
    let mut seen = HashSet::new();
    for p in &r.pairs {
        prop_assert!(feasible(by_email[&p.joiner], by_email[&p.buddy]));
        prop_assert!(seen.insert(p.joiner.clone()));
        *load.entry(p.buddy.as_str()).or_default() += 1;
    }
    for (b, n) in &load {
        prop_assert!(*n <= by_email[*b].buddy_capacity);
    }
    // Every joiner is either paired or unmatched, once.
    let joiners: Vec<String> = {
        let mut v: Vec<String> = people
            .iter()
            .filter(|p| is_joiner(p))
            .map(|p| p.email.clone())
            .collect();
        v.sort();
        v
    };
    let mut listed: Vec<String> = r
        .pairs
        .iter()
        .map(|p| p.joiner.clone())
        .chain(r.unmatched.iter().map(|u| u.joiner.clone()))
        .collect();
    listed.sort();
    prop_assert_eq!(&listed, &joiners);

    // Optimal: max count, then max total score.
    let cands: HashMap<(String, String), f64> = r
        .candidates
        .iter()
        .map(|c| ((c.joiner.clone(), c.buddy.clone()), c.score))
        .collect();
    let mut room: HashMap<String, u32> = people
        .iter()
        .map(|p| (p.email.clone(), p.buddy_capacity))
        .collect();
    let (count, best) = brute(0, &joiners, &cands, &mut room);
    prop_assert_eq!(r.pairs.len(), count);
    prop_assert!(
        (r.total_score - best).abs() < 1e-9,
        "total {} vs best {}",
        r.total_score,
        best
    );
    let sum: f64 = r.pairs.iter().map(|p| p.score).sum();
    prop_assert!((sum - r.total_score).abs() < 1e-12);
    for p in &r.pairs {
        prop_assert!((cands[&(p.joiner.clone(), p.buddy.clone())] - p.score).abs() < 1e-15);
    }

    // The score table lists the same pairs and scores, in the same order.
    let mut visited = Vec::new();
    let table = score_feasible_pairs(&people, &history, &o, |j, b, score| {
        visited.push((j, b, score))
    });
    let listed: Vec<Candidate> = visited
        .iter()
        .map(|&(j, b, score)| Candidate {
            joiner: table.joiners[j].clone(),
            buddy: table.buddies[b].clone(),
            score,
        })
        .collect();
    prop_assert_eq!(&listed, &r.candidates);
    prop_assert_eq!(&table.joiners, &joiners);
    for (b, cap) in table.buddies.iter().zip(&table.capacities) {
        prop_assert!(is_buddy(by_email[b]));
        prop_assert_eq!(*cap, by_email[b].buddy_capacity);
    }

    // Deterministic regardless of input order.
    let mut rev = people.clone();
    rev.reverse();
    prop_assert_eq!(match_buddies(&rev, &history, &o), r);
    Ok(())
}

/// 1,000 joiners and 19,000 possible buddies. Ignored by default; run with
/// `cargo test -p hugops-core --release perf_match -- --ignored --nocapture`.
#[test]
#[ignore]
fn perf_match_20k() {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let zones = [
        chrono_tz::UTC,
        chrono_tz::Asia::Kathmandu,
        chrono_tz::America::New_York,
        chrono_tz::Australia::Sydney,
        chrono_tz::Europe::Berlin,
        chrono_tz::Asia::Tokyo,
        chrono_tz::America::Los_Angeles,
    ];
    let tags: Vec<String> = (0..20).map(|i| format!("tag{i}")).collect();
    let today = d(TODAY);
    let mut people = Vec::new();
    for i in 0..20_000u64 {
        let joiner = i < 1_000;
        let days = if joiner {
            next(120) as i64 - 30
        } else {
            180 + next(3000) as i64
        };
        let h = HOURS[next(3) as usize];
        people.push(Person {
            name: format!("P{i}"),
            email: format!("p{i:06}@example.org"),
            team: format!("team{}", next(12)),
            timezone: zones[next(zones.len() as u64) as usize],
            start_date: today - Duration::days(days),
            interests: (0..next(5))
                .map(|_| tags[next(20) as usize].clone())
                .collect(),
            buddy_capacity: next(4) as u32,
            working_hours: (t(h.0), t(h.1)),
            opt_out: next(20) == 0,
        });
    }
    let history: Vec<(String, String)> = (0..2_000)
        .map(|_| {
            (
                format!("p{:06}@example.org", next(20_000)),
                format!("p{:06}@example.org", next(20_000)),
            )
        })
        .collect();
    let start = std::time::Instant::now();
    let r = match_buddies(&people, &history, &MatchOptions::new(today));
    let took = start.elapsed();
    eprintln!(
        "matched {} / unmatched {} / total {:.3} in {:?}",
        r.pairs.len(),
        r.unmatched.len(),
        r.total_score,
        took
    );
    assert!(!r.pairs.is_empty());
}

/// The people of `count_first_then_score`: j1 would be paired with b2 so that
/// j2 (who only b1 can take) gets b1 too.
fn lock_scenario() -> Vec<Person> {
    let j1 = person("j1@x", "A", utc(), NEW);
    let mut j2 = person("j2@x", "B", utc(), NEW);
    j2.working_hours = (t("01:00"), t("02:00"));
    let b1 = person("b1@x", "C", utc(), OLD);
    let mut b2 = person("b2@x", "B", utc(), OLD);
    b2.working_hours = (t("13:00"), t("14:00"));
    vec![j1, j2, b1, b2]
}

fn pair_list(r: &MatchResult) -> Vec<(&str, &str, bool)> {
    r.pairs
        .iter()
        .map(|p| (p.joiner.as_str(), p.buddy.as_str(), p.locked))
        .collect()
}

#[test]
fn a_lock_is_kept_even_when_it_costs_another_joiner() {
    let mut o = opts();
    o.locks = vec![("J1@x".into(), "b1@x".into())];
    let r = match_buddies(&lock_scenario(), &[], &o);
    assert_eq!(pair_list(&r), [("j1@x", "b1@x", true)]);
    assert_eq!(r.unmatched.len(), 1);
    assert_eq!(r.unmatched[0].joiner, "j2@x");
    assert!(r.ignored_locks.is_empty());
    // The locked pair's score is its usual score.
    let free = match_buddies(&lock_scenario(), &[], &opts());
    let usual = free
        .candidates
        .iter()
        .find(|c| c.joiner == "j1@x" && c.buddy == "b1@x");
    assert_eq!(Some(r.pairs[0].score), usual.map(|c| c.score));
}

#[test]
fn impossible_locks_are_ignored_and_reported() {
    let mut o = opts();
    o.locks = vec![
        ("j2@x".into(), "b2@x".into()), // same team
        ("j1@x".into(), "nobody@x".into()),
        ("j2@x".into(), "b1@x".into()),
        ("j1@x".into(), "b1@x".into()), // b1 is full
    ];
    let r = match_buddies(&lock_scenario(), &[], &o);
    assert_eq!(
        r.ignored_locks,
        [
            ("j2@x".to_string(), "b2@x".to_string()),
            ("j1@x".to_string(), "nobody@x".to_string()),
            ("j1@x".to_string(), "b1@x".to_string()),
        ]
    );
    assert_eq!(
        pair_list(&r),
        [("j1@x", "b2@x", false), ("j2@x", "b1@x", true)]
    );
    // A repeat cannot be locked either.
    let mut o = opts();
    o.locks = vec![("j1@x".into(), "b1@x".into())];
    let history = [("j1@x".to_string(), "b1@x".to_string())];
    let r = match_buddies(&lock_scenario(), &history, &o);
    assert_eq!(r.ignored_locks.len(), 1);
}

#[test]
fn alternatives_are_each_joiners_best_candidates() {
    let mut people = vec![person("j@x", "A", utc(), NEW)];
    for (k, start) in ["09:00", "10:00", "11:00", "12:00"].iter().enumerate() {
        let mut b = person(&format!("b{k}@x"), "B", utc(), OLD);
        b.working_hours = (t(start), t("17:00"));
        people.push(b);
    }
    let mut o = opts();
    o.alternatives = 3;
    let r = match_buddies(&people, &[], &o);
    let alt: Vec<&str> = r.alternatives.iter().map(|c| c.buddy.as_str()).collect();
    assert_eq!(alt, ["b0@x", "b1@x", "b2@x"]);
    assert!(r.alternatives.windows(2).all(|w| w[0].score >= w[1].score));
    // Every alternative is a feasible candidate with the same score.
    for a in &r.alternatives {
        assert!(r.candidates.contains(a));
    }
    assert!(match_buddies(&people, &[], &opts()).alternatives.is_empty());
}
