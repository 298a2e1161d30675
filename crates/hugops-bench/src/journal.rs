//! Journal benchmark: insert throughput, search latency and export time on a
//! journal of N entries (default 100,000) in a real database file.
//!
//! Usage: `journal-bench [ENTRIES] [DB_PATH]`; prints one figure per line.
//! With `DB_PATH` the database is kept there (the desktop benchmark opens it).

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use hugops_core::clock::{Clock, FixedClock};
use hugops_core::journal::{self, Direction, ExportFormat, Filter, NewEntry};
use hugops_core::Store;

const PEOPLE: &[&str] = &[
    "Zoë Okafor",
    "Mateus Lima",
    "Aiko Tanaka",
    "Priya Raman",
    "Björn Åkesson",
    "Nadia Haddad",
    "Chen Wei",
    "Léa Moreau",
    "Kwame Mensah",
    "Sofía Álvarez",
    "Olek Nowak",
    "Hana Nguyen",
];
const WORDS: &[&str] = &[
    "deploy",
    "review",
    "incident",
    "pairing",
    "runbook",
    "on-call",
    "migration",
    "flaky",
    "calm",
    "thorough",
    "mentoring",
    "write-up",
    "postmortem",
    "latency",
    "dashboard",
    "rollback",
    "kindness",
    "patience",
    "unblocked",
    "onboarding",
    "café",
    "naïve",
    "retry",
    "cache",
];
const TAGS: &[&str] = &[
    "ownership",
    "#hugops",
    "kindness",
    "craft",
    "teamwork",
    "learning",
];
const QUERIES: &[&str] = &[
    "zoe",
    "flaky deploy",
    "rev",
    "bjorn",
    "cafe",
    "incident write",
    "on-call",
    "mateus",
    "\"unbalanced (",
    "ownership",
    "naive retry",
    "post*",
    "kindness AND",
    "l",
    "kalo",
    "ruteba",
    "mi",
    "zoe kalo",
    "thanks",
];

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = std::env::args()
        .nth(2)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("bench.db"));
    let clock = FixedClock::at("2026-11-24T10:00:00Z");
    let mut store = Store::open(&path, clock.now()).expect("open database");

    let entries = generate(n);
    let started = Instant::now();
    journal::add_many(&mut store, entries, &clock).expect("insert");
    let insert = started.elapsed();
    println!("entries: {n}");
    println!(
        "insert: {:.0} entries/s ({} ms, one transaction)",
        n as f64 / insert.as_secs_f64(),
        insert.as_millis()
    );

    // The journal screen asks for one page (40) and one more entry, to know
    // whether there is a next page.
    measure_search(&store, Some(UI_PAGE + 1), "search (UI page of 40)");
    measure_search(&store, None, "search (CLI default limit)");

    let t = Instant::now();
    let first_page = journal::list(
        &store,
        &Filter {
            limit: Some(UI_PAGE + 1),
            ..Filter::default()
        },
    )
    .expect("list");
    println!(
        "list first page: {:.2} ms ({} entries)",
        ms(t.elapsed()),
        first_page.len()
    );

    for (name, format) in [
        ("json", ExportFormat::Json),
        ("csv", ExportFormat::Csv),
        ("md", ExportFormat::Markdown),
    ] {
        let mut out = Vec::with_capacity(n * 300);
        let t = Instant::now();
        let written = journal::export(&store, format, &mut out).expect("export");
        println!(
            "export {name}: {} ms ({written} entries, {:.1} MB)",
            t.elapsed().as_millis(),
            out.len() as f64 / 1e6
        );
    }
}

/// `n` varied entries spread over three years, deterministic. Messages mix
/// a few very common words with words drawn from a 4,000-word vocabulary with
/// a Zipf-like skew, as real text has.
fn generate(n: usize) -> Vec<NewEntry> {
    let start = NaiveDate::from_ymd_opt(2023, 11, 1).expect("valid date");
    let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
    let vocabulary = vocabulary(&mut rng);
    (0..n)
        .map(|i| {
            let mut words: Vec<&str> = (0..2).map(|_| WORDS[rng.below(WORDS.len())]).collect();
            let rare_count = 6 + rng.below(14);
            words.extend((0..rare_count).map(|_| {
                // Zipf-like: the square of a uniform number favours low ranks.
                let u = rng.below(1 << 16) as f64 / f64::from(1 << 16);
                vocabulary[((u * u) * vocabulary.len() as f64) as usize].as_str()
            }));
            NewEntry {
                direction: Some(if rng.below(3) == 0 {
                    Direction::Received
                } else {
                    Direction::Given
                }),
                person: PEOPLE[rng.below(PEOPLE.len())].to_owned(),
                email: None,
                message: format!("Thanks for the {} (#{i})", words.join(" ")),
                tags: vec![TAGS[rng.below(TAGS.len())].to_owned()],
                link: None,
                occurred_on: Some(start + chrono::Days::new(rng.below(1090) as u64)),
            }
        })
        .collect()
}

/// 4,000 pronounceable made-up words.
fn vocabulary(rng: &mut XorShift) -> Vec<String> {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "ba", "do", "fe", "gu", "ha", "ji",
        "pe", "qui", "ro", "su", "ti",
    ];
    (0..4000)
        .map(|_| {
            (0..2 + rng.below(3))
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect()
        })
        .collect()
}

/// A small deterministic pseudo-random generator (xorshift64).
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Entries per page on the journal screen (`PAGE` in JournalPage.svelte).
const UI_PAGE: usize = 40;

/// Runs every query 50 times with `limit` and prints p50/p99/max and the
/// slowest queries.
fn measure_search(store: &Store, limit: Option<usize>, label: &str) {
    let filter = Filter {
        limit,
        ..Filter::default()
    };
    let mut per_query: Vec<(Duration, Duration, &str)> = Vec::new();
    let mut all = Vec::new();
    for q in QUERIES {
        let mut runs: Vec<Duration> = (0..50)
            .map(|_| {
                let t = Instant::now();
                journal::search(store, q, &filter).expect("search");
                t.elapsed()
            })
            .collect();
        runs.sort();
        per_query.push((runs[runs.len() / 2], runs[runs.len() * 99 / 100], q));
        all.extend(runs);
    }
    all.sort();
    per_query.sort();
    let slowest: Vec<String> = per_query
        .iter()
        .rev()
        .take(3)
        .map(|(p50, _, q)| format!("{q:?} {:.2} ms", ms(*p50)))
        .collect();
    println!(
        "{label}: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms over {} queries; slowest medians: {}",
        ms(percentile(&all, 50)),
        ms(percentile(&all, 99)),
        ms(*all.last().expect("some queries")),
        all.len(),
        slowest.join(", ")
    );
}

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
