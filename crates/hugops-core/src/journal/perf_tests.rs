//! Speed checks on a 100,000-entry journal. Ignored by default (they take a
//! while in a debug build); run them with
//! `cargo test -p hugops-core --release perf -- --ignored --nocapture`.

use std::time::{Duration, Instant};

use super::*;
use crate::clock::{Clock, FixedClock};
use crate::Store;

/// A deterministic pseudo-random sequence (xorshift), so runs compare.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Made-up words: `w0`…, spelled with syllables so prefixes are shared.
fn vocabulary(n: usize) -> Vec<String> {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mi", "re", "zu", "bo", "ta", "ne", "si", "vo", "pe", "ri", "gu", "da", "fe",
        "ho",
    ];
    (0..n)
        .map(|i| {
            let mut w = String::new();
            let mut k = i + 16;
            while k > 0 {
                w.push_str(SYLLABLES[k % 16]);
                k /= 16;
            }
            w
        })
        .collect()
}

fn entries(n: usize, words: &[String], rng: &mut Rng) -> Vec<NewEntry> {
    (0..n)
        .map(|i| {
            let len = 8 + rng.below(25);
            let message: Vec<&str> = (0..len)
                .map(|_| words[rng.below(words.len())].as_str())
                .collect();
            NewEntry {
                direction: Some(if i % 3 == 0 {
                    Direction::Received
                } else {
                    Direction::Given
                }),
                person: format!("{} {}", words[rng.below(40)], words[rng.below(40)]),
                message: message.join(" "),
                tags: vec![words[rng.below(40)].clone()],
                occurred_on: Some(
                    chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()
                        + chrono::Days::new(rng.below(2500) as u64),
                ),
                ..NewEntry::default()
            }
        })
        .collect()
}

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort_unstable();
    times[((times.len() as f64 - 1.0) * p).round() as usize]
}

#[test]
#[ignore = "speed check; run with --release -- --ignored"]
fn perf_100k_journal() {
    let clock = FixedClock::at("2026-11-24T10:00:00Z");
    let words = vocabulary(5_000);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let batch = entries(100_000, &words, &mut rng);
    let dir = tempfile::tempdir().unwrap();
    // HUGOPS_PERF_DB keeps the database for a closer look.
    let db =
        std::env::var_os("HUGOPS_PERF_DB").map_or_else(|| dir.path().join("perf.db"), Into::into);
    let _ = std::fs::remove_file(&db);
    let mut store = Store::open(&db, clock.now()).unwrap();

    let started = Instant::now();
    add_many(&mut store, batch, &clock).unwrap();
    let took = started.elapsed();
    println!(
        "add_many: 100k entries in {took:?} = {:.0}/s",
        100_000.0 / took.as_secs_f64()
    );

    type Pick = fn(&[String], &mut Rng) -> String;
    let kinds: [(&str, Pick); 4] = [
        ("a word", |w, r| w[r.below(w.len())].clone()),
        ("a name", |w, r| {
            format!("{} {}", w[r.below(40)], w[r.below(40)])
        }),
        ("two words", |w, r| {
            format!("{} {}", w[r.below(w.len())], w[r.below(w.len())])
        }),
        ("a 4-letter prefix", |w, r| {
            w[r.below(w.len())][..4].to_string()
        }),
    ];
    for (kind, pick) in kinds {
        let mut times = Vec::new();
        let mut found = 0;
        for _ in 0..200 {
            let query = pick(&words, &mut rng);
            let started = Instant::now();
            found += search(&store, &query, &Filter::default()).unwrap().len();
            times.push(started.elapsed());
        }
        println!(
            "search {kind}: p50 {:?}, p99 {:?}, {} results on average",
            percentile(&mut times, 0.5),
            percentile(&mut times, 0.99),
            found / 200
        );
    }

    let filters = [
        ("first page", Filter::default()),
        (
            "a person",
            Filter {
                person: Some(format!("{} {}", words[1], words[2]).to_uppercase()),
                ..Filter::default()
            },
        ),
        (
            "a tag",
            Filter {
                tag: Some(words[3].clone()),
                ..Filter::default()
            },
        ),
        (
            "a month",
            Filter {
                from: Some("2023-05-01".parse().unwrap()),
                to: Some("2023-05-31".parse().unwrap()),
                ..Filter::default()
            },
        ),
    ];
    for (what, filter) in filters {
        let filter = Filter {
            limit: Some(50),
            ..filter
        };
        let started = Instant::now();
        let n = list(&store, &filter).unwrap().len();
        println!("list {what}: {:?} ({n} entries)", started.elapsed());
    }

    let started = Instant::now();
    stats(&store, clock.today()).unwrap();
    println!("stats: {:?}", started.elapsed());

    let mut json = Vec::new();
    let started = Instant::now();
    export(&store, ExportFormat::Json, &mut json).unwrap();
    println!("export json: {:?}", started.elapsed());

    let path = dir.path().join("half.json");
    let all: Vec<serde_json::Value> = serde_json::from_slice(&json).unwrap();
    std::fs::write(&path, serde_json::to_vec_pretty(&all[..50_000]).unwrap()).unwrap();
    let mut fresh = Store::open(dir.path().join("fresh.db"), clock.now()).unwrap();
    let started = Instant::now();
    let report = import_file(&mut fresh, &path, &clock).unwrap();
    println!("import 50k json: {:?} ({report:?})", started.elapsed());
    assert_eq!(report.imported, 50_000);
}
