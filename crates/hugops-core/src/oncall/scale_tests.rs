//! The report at scale: 2 million incidents, 10,000 shifts, 50 people.
//! Run in release: `cargo test --release -p hugops-core oncall::scale -- --ignored`.

use std::time::Instant;

use chrono::Duration;

use super::incidents::{Incident, Urgency};
use super::ledger::Ledger;
use super::report::Report;
use super::shifts::Shift;
use super::testing::{at, incident, member_with, period};

const ZONES: [&str; 5] = [
    "Europe/Berlin",
    "Asia/Kathmandu",
    "Australia/Eucla",
    "America/New_York",
    "UTC",
];

/// A small deterministic pseudo-random sequence (64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

#[test]
#[ignore = "scale check: run in release"]
fn two_million_incidents_in_under_two_seconds() {
    let rotation: Vec<_> = (0..50)
        .map(|k| {
            let sleep = if k % 3 == 0 {
                "00:00-08:00"
            } else {
                "22:00-07:00"
            };
            member_with(
                &format!("P{k} X"),
                &format!("p{k}@x.org"),
                ZONES[k % 5],
                "09:00-17:00",
                sleep,
            )
        })
        .collect();
    let start = at("2024-01-01T00:00:00Z");
    // Two people on call at a time, in 6-hour shifts: 10,000 shifts.
    let shifts: Vec<Shift> = (0..10_000)
        .map(|k: i64| Shift {
            start: start + Duration::hours(6 * (k / 2)),
            end: start + Duration::hours(6 * (k / 2 + 1)),
            who: Some(format!("p{}@x.org", (k * 7 + k / 2) % 50)),
            summary: String::new(),
        })
        .collect();
    let span_seconds = 3 * 365 * 24 * 3600;
    let mut rng = Lcg(42);
    let base = incident("2024-01-01T00:00:00Z");
    let incidents: Vec<Incident> = (0..2_000_000)
        .map(|_| Incident {
            created_at: start + Duration::seconds(rng.next(span_seconds) as i64),
            urgency: match rng.next(10) {
                0 => Some(Urgency::Low),
                1 => Some(Urgency::High),
                _ => None,
            },
            assignee: (rng.next(10) == 0).then(|| format!("p{}@x.org", rng.next(50))),
            ..base.clone()
        })
        .collect();
    let (clock, cpu) = (Instant::now(), cpu_seconds());
    let ledger = Ledger::build(
        &rotation,
        &shifts,
        &incidents,
        period("2024-01-01", "2027-01-01"),
    );
    let built = clock.elapsed();
    let r = Report::from_ledger(&ledger);
    let took = clock.elapsed();
    let cpu = cpu_seconds().zip(cpu).map(|(b, a)| b - a);
    eprintln!(
        "report of {} incidents: {took:?} ({built:?} for the ledger), CPU {cpu:?} s",
        incidents.len()
    );
    assert_eq!(r.people.len(), 50);
    let pages: u32 = r.people.iter().map(|p| p.pages).sum();
    assert!(pages > 1_800_000, "{pages}");
    // On a shared machine the wall clock also counts other processes' time:
    // the CPU time spent, when known, is the fairer measure.
    if !cfg!(debug_assertions) {
        let spent = cpu.unwrap_or(took.as_secs_f64());
        assert!(spent < 2.0, "{spent} s");
    }
}

/// CPU seconds (user + system) this process has used, on Linux.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses): utime and
    // stime are the 12th and 13th, in clock ticks (100 per second).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}
