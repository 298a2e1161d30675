//! The on-call report at the scale of a year of a 50-person organisation:
//! 2,000,000 incidents and 10,000 shifts, built in memory (deterministic),
//! then the ledger and report computed `RUNS` times (default 5). Prints the
//! median and range of wall and CPU time; run in release by `bench/oncall`.

use std::time::Instant;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use hugops_core::oncall::incidents::{Incident, Urgency};
use hugops_core::oncall::ledger::Ledger;
use hugops_core::oncall::report::Report;
use hugops_core::oncall::roster::Member;
use hugops_core::oncall::shifts::Shift;
use hugops_core::oncall::Period;
use hugops_core::roster::Person;

const ZONES: [&str; 5] = [
    "Europe/Berlin",
    "Asia/Kathmandu",
    "Australia/Eucla",
    "America/New_York",
    "UTC",
];

/// A small deterministic pseudo-random sequence (64-bit LCG): the same
/// workload on every run and machine.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn hm(h: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, 0, 0).expect("hour")
}

fn rotation() -> Vec<Member> {
    (0..50)
        .map(|k| Member {
            person: Person {
                name: format!("Person {k}"),
                email: format!("p{k}@example.org"),
                team: "sre".into(),
                timezone: ZONES[k % ZONES.len()].parse().expect("zone"),
                start_date: NaiveDate::from_ymd_opt(2020, 1, 1).expect("date"),
                interests: Vec::new(),
                buddy_capacity: 1,
                working_hours: (hm(9), hm(17)),
                opt_out: false,
            },
            sleep: if k % 3 == 0 {
                (hm(0), hm(8))
            } else {
                (hm(22), hm(7))
            },
        })
        .collect()
}

/// Two people on call at a time in 6-hour shifts (10,000 shifts, 2.3
/// years), and `n` incidents spread over them: a tenth low urgency, a tenth
/// assigned to someone.
fn workload(start: DateTime<Utc>, n: u64) -> (Vec<Shift>, Vec<Incident>) {
    let shifts = (0..10_000i64)
        .map(|k| Shift {
            start: start + Duration::hours(6 * (k / 2)),
            end: start + Duration::hours(6 * (k / 2 + 1)),
            who: Some(format!("p{}@example.org", (k * 7 + k / 2) % 50)),
            summary: String::new(),
        })
        .collect();
    let span = 365 * 24 * 3600;
    let mut rng = Lcg(42);
    let incidents = (0..n)
        .map(|_| Incident {
            id: None,
            title: None,
            service: None,
            urgency: (rng.below(10) == 0).then_some(Urgency::Low),
            created_at: start + Duration::seconds(rng.below(span) as i64),
            resolved_at: None,
            url: None,
            assignee: (rng.below(10) == 0).then(|| format!("p{}@example.org", rng.below(50))),
        })
        .collect();
    (shifts, incidents)
}

/// CPU seconds (user + system) this process has used, on Linux.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let from = NaiveDate::from_ymd_opt(2025, 1, 1).expect("date");
    let period =
        Period::new(from, NaiveDate::from_ymd_opt(2026, 1, 1).expect("date")).expect("a year");
    let rotation = rotation();
    let (shifts, incidents) = workload(period.interval().start, 2_000_000);
    let (mut wall, mut cpu) = (Vec::new(), Vec::new());
    let mut pages = 0;
    for _ in 0..runs {
        let (t, c) = (Instant::now(), cpu_seconds());
        let report = Report::from_ledger(&Ledger::build(&rotation, &shifts, &incidents, period));
        wall.push(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c, cpu_seconds()) {
            cpu.push(b - a);
        }
        pages = report.people.iter().map(|p| p.pages).sum::<u32>();
    }
    let (lo, hi) = (
        wall.iter().copied().fold(f64::MAX, f64::min),
        wall.iter().copied().fold(0.0, f64::max),
    );
    println!(
        "on-call report: {} incidents, {} shifts, {} people; {pages} pages counted",
        incidents.len(),
        shifts.len(),
        rotation.len()
    );
    println!(
        "wall time over {runs} runs: median {:.3} s (min {lo:.3}, max {hi:.3})",
        median(wall)
    );
    if !cpu.is_empty() {
        println!(
            "cpu time (user + sys, all cores): median {:.3} s",
            median(cpu)
        );
    }
}
