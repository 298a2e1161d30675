//! A pair's score: its weights and the formulas of its parts.

use std::collections::HashSet;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Serialize;

use crate::roster::Person;

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
pub(super) fn working_seconds(p: &Person, day: NaiveDate) -> (i64, i64) {
    let i = p.working_interval(day);
    (i.start.timestamp(), i.end.timestamp())
}

/// Hours of working time two people share on the reference day of `today`
/// (both working on that local date, daylight saving included).
pub fn shared_hours(a: &Person, b: &Person, today: NaiveDate) -> f64 {
    let day = reference_day(today);
    overlap_hours(working_seconds(a, day), working_seconds(b, day))
}

/// Hours two intervals of Unix seconds share (0 when they do not meet).
pub(super) fn overlap_hours(a: (i64, i64), b: (i64, i64)) -> f64 {
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
pub(super) fn jaccard_ids(a: &[u32], b: &[u32]) -> f64 {
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

/// Scores are optimised as whole numbers of 10⁻⁴, the printed precision.
pub(super) const SCORE_UNITS: f64 = 1e4;

/// `x.round()` (half away from zero) for `0 ≤ x ≤ 10⁴`, without a call to
/// libm nor a branch: this runs once per pair.
pub(super) fn round_units(x: f64) -> u32 {
    let whole = x as u32;
    whole + u32::from(x - f64::from(whole) >= 0.5)
}

/// A score in [`SCORE_UNITS`] as a number in [0, 1].
pub(super) fn units_to_score(q: u32) -> f64 {
    f64::from(q) / SCORE_UNITS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::test_people::{d, person, t, OLD};
    use proptest::prelude::*;

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
        assert!(
            (jaccard(&s(&["Rust", "climbing"]), &s(&["rust", "chess"])) - 1.0 / 3.0).abs() < 1e-12
        );
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
    }
}
