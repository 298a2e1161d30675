use super::*;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn t(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

fn person(email: &str, team: &str, tz: Tz, start: &str) -> Person {
    Person {
        name: email.split('@').next().unwrap().to_owned(),
        email: email.to_owned(),
        team: team.to_owned(),
        timezone: tz,
        start_date: d(start),
        interests: Vec::new(),
        buddy_capacity: 1,
        working_hours: (t("09:00"), t("17:00")),
        opt_out: false,
    }
}

const TODAY: &str = "2026-11-24";
const NEW: &str = "2026-11-01";
const OLD: &str = "2020-01-01";

fn opts() -> MatchOptions {
    let mut o = MatchOptions::new(d(TODAY));
    o.include_candidates = true;
    o
}

fn utc() -> Tz {
    chrono_tz::UTC
}

#[test]
fn overlap_kathmandu_new_york_with_dst() {
    let mut ktm = person("k@x", "A", chrono_tz::Asia::Kathmandu, OLD);
    ktm.working_hours = (t("09:00"), t("17:00")); // 03:15-11:15 UTC
    let mut ny = person("n@x", "B", chrono_tz::America::New_York, OLD);
    ny.working_hours = (t("05:00"), t("13:00"));
    // Winter (EST, UTC-5): New York works 10:00-18:00 UTC.
    assert!((shared_hours(&ktm, &ny, d("2026-11-24")) - 1.25).abs() < 1e-12);
    // Summer (EDT, UTC-4): 09:00-17:00 UTC.
    assert!((shared_hours(&ktm, &ny, d("2026-07-15")) - 2.25).abs() < 1e-12);
    // Sunday 2026-03-08 is the day DST starts in New York: the reference day
    // is Monday 2026-03-09, already on EDT.
    assert_eq!(reference_day(d("2026-03-08")), d("2026-03-09"));
    assert_eq!(reference_day(d("2026-03-07")), d("2026-03-09"));
    assert!((shared_hours(&ktm, &ny, d("2026-03-08")) - 2.25).abs() < 1e-12);
    // Friday 2026-03-06 is still EST.
    assert!((shared_hours(&ktm, &ny, d("2026-03-06")) - 1.25).abs() < 1e-12);
    // Symmetric, and 0 when the days do not meet.
    assert_eq!(
        shared_hours(&ny, &ktm, d("2026-11-24")),
        shared_hours(&ktm, &ny, d("2026-11-24"))
    );
    ny.working_hours = (t("09:00"), t("17:00"));
    assert_eq!(shared_hours(&ktm, &ny, d("2026-11-24")), 0.0);
}

#[test]
fn interests_jaccard() {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert!((jaccard(&s(&["Rust", "climbing"]), &s(&["rust", "chess"])) - 1.0 / 3.0).abs() < 1e-12);
    assert_eq!(jaccard(&s(&[]), &s(&[])), 0.0);
    assert_eq!(jaccard(&s(&["a"]), &s(&["A"])), 1.0);
    assert_eq!(jaccard(&s(&["a"]), &s(&[])), 0.0);
    assert_eq!(jaccard_ids(&[1, 2, 3], &[2, 3, 4]), 0.5);
}

#[test]
fn weights_are_normalised() {
    let w = Weights {
        shared_hours: 2.0,
        shared_interests: 1.0,
        low_load: 1.0,
        tenure: -5.0,
    }
    .normalised();
    assert_eq!(
        (w.shared_hours, w.shared_interests, w.low_load, w.tenure),
        (0.5, 0.25, 0.25, 0.0)
    );
    let z = Weights {
        shared_hours: 0.0,
        shared_interests: 0.0,
        low_load: 0.0,
        tenure: f64::NAN,
    }
    .normalised();
    let sum = z.shared_hours + z.shared_interests + z.low_load + z.tenure;
    assert!((sum - 1.0).abs() < 1e-12);
}

#[test]
fn reasons_and_score() {
    let mut j = person("a@x.org", "Payments", chrono_tz::Europe::Berlin, NEW);
    j.interests = vec!["Rust".into(), "climbing".into(), "chess".into()];
    let mut b = person("b@y.org", "SRE", chrono_tz::Europe::London, OLD);
    b.working_hours = (t("07:30"), t("15:30")); // Berlin 08:30-16:30
    b.interests = vec!["rust".into(), "Climbing".into()];
    let r = match_buddies(&[j, b], &[], &opts());
    assert_eq!(r.pairs.len(), 1);
    let p = &r.pairs[0];
    assert_eq!(
        (p.joiner.as_str(), p.buddy.as_str()),
        ("a@x.org", "b@y.org")
    );
    assert_eq!(
        &p.reasons[..3],
        [
            "different teams: Payments / SRE",
            "7.5 h shared working time",
            "shared interests: climbing, Rust"
        ]
    );
    let w = Weights::default().normalised();
    let expected =
        w.shared_hours * 7.5 / 8.0 + w.shared_interests * 2.0 / 3.0 + w.low_load + w.tenure;
    assert!((p.score - expected).abs() < 1e-12);
    assert_eq!(r.total_score, p.score);
    let json = serde_json::to_value(&r).unwrap();
    let s = json["pairs"][0]["score"].as_f64().unwrap();
    assert_eq!(s, (expected * 1e4).round() / 1e4);
}

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
            reason: ALL_REPEATS.into()
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
    assert_eq!(r.unmatched[0].reason, ALL_AT_CAPACITY);
}

#[test]
fn unmatched_reasons() {
    let j = person("j@x", "A", utc(), NEW);
    let r = match_buddies(std::slice::from_ref(&j), &[], &opts());
    assert_eq!(r.unmatched[0].reason, NO_POSSIBLE_BUDDY);
    let mut opted = person("o@x", "B", utc(), OLD);
    opted.opt_out = true;
    let r = match_buddies(&[j.clone(), opted], &[], &opts());
    assert_eq!(r.unmatched[0].reason, NO_POSSIBLE_BUDDY);
    let r = match_buddies(&[j.clone(), person("s@x", "A", utc(), OLD)], &[], &opts());
    assert_eq!(r.unmatched[0].reason, NO_OTHER_TEAM);
    let r = match_buddies(
        &[j, person("b@x", "B", utc(), OLD)],
        &[("j@x".into(), "b@x".into())],
        &opts(),
    );
    assert_eq!(r.unmatched[0].reason, ALL_REPEATS);
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
    assert_eq!(r.unmatched[0].reason, NO_POSSIBLE_BUDDY);
    let b = person("b@x", "B", utc(), NEW);
    let r = match_buddies(&[a, b], &[], &o);
    let pairs: Vec<(&str, &str)> = r
        .pairs
        .iter()
        .map(|p| (p.joiner.as_str(), p.buddy.as_str()))
        .collect();
    assert_eq!(pairs, [("a@x", "b@x"), ("b@x", "a@x")]);
}

// ---- the fast paths give what the plain formulas give ----

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

#[test]
fn round_units_rounds_halves_up() {
    for x in [
        0.0,
        0.5,
        1.5,
        2.4999999999999996,
        6374.999999999999,
        9999.5,
        1e4,
    ] {
        assert_eq!(f64::from(round_units(x)), x.round(), "{x}");
    }
}

proptest! {
    #[test]
    fn round_units_is_round(x in 0.0f64..=1e4) {
        prop_assert_eq!(f64::from(round_units(x)), x.round());
    }

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

// ---- the assignment itself against brute force ----

/// Highest total gain over every assignment of joiners `k..` (each to one of
/// their listed buddies with room, or to nobody).
fn brute_gain(k: usize, gains: &[Vec<(usize, i64)>], room: &mut [u32]) -> i64 {
    let Some(list) = gains.get(k) else {
        return 0;
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
        let assigned = max_gain_assignment(&gains, &caps);
        let mut held = vec![0u32; caps.len()];
        let mut total = 0;
        for (list, a) in gains.iter().zip(&assigned) {
            if let Some(b) = *a {
                let gain = list.iter().find(|&&(x, _)| x == b).map(|&(_, g)| g);
                prop_assert!(gain.is_some(), "buddy {} is not on the joiner's list", b);
                total += gain.unwrap();
                held[b] += 1;
            }
        }
        prop_assert!(held.iter().zip(&caps).all(|(h, c)| h <= c), "over capacity");
        prop_assert_eq!(total, brute_gain(0, &gains, &mut caps.clone()));
    }
}
