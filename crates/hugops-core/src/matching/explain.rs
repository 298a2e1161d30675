//! The words of matching: why a pair was made, and why a joiner was left
//! without a buddy.

use std::collections::HashSet;
use std::fmt;

use serde::{Serialize, Serializer};

use super::problem::Prep;
use super::score::overlap_hours;
use crate::roster::Person;

/// Why a joiner has no buddy, from the first rule that leaves nobody. Its
/// words (the [`fmt::Display`] form) are also its serialised form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnmatchedReason {
    /// No one but the joiner passes tenure, capacity and opt-out.
    NoPossibleBuddy,
    /// Every possible buddy is on the joiner's team.
    NoOtherTeam,
    /// Every possible buddy on another team was their buddy before.
    AllRepeats,
    /// Some buddy could take them, but others took all the places.
    AllAtCapacity,
}

impl UnmatchedReason {
    /// The reason in words, as printed and serialised.
    pub fn describe(self) -> &'static str {
        match self {
            UnmatchedReason::NoPossibleBuddy => "no possible buddy (tenure, capacity or opt-out)",
            UnmatchedReason::NoOtherTeam => "no one on another team",
            UnmatchedReason::AllRepeats => "all possible buddies were paired with them before",
            UnmatchedReason::AllAtCapacity => "every possible buddy is at capacity",
        }
    }
}

impl fmt::Display for UnmatchedReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

impl Serialize for UnmatchedReason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.describe())
    }
}

/// `7.5`, or `8` for a whole number of hours.
fn fmt_hours(h: f64) -> String {
    let s = format!("{:.1}", h);
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

/// Why joiner `jp` gets buddy `bp`, one line a part of the score: teams,
/// shared working time, shared interests (when any), the buddy's `load`
/// (past joiners) and tenure.
pub(super) fn reasons(jp: &Person, bp: &Person, j: &Prep, b: &Prep, load: u32) -> Vec<String> {
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
mod tests {
    use super::*;
    use crate::matching::test_people::{opts, person, t, NEW, OLD};
    use crate::matching::{match_buddies, Unmatched, Weights};

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
    fn unmatched_reasons_serialise_as_their_words() {
        let words = [
            (
                UnmatchedReason::NoPossibleBuddy,
                "no possible buddy (tenure, capacity or opt-out)",
            ),
            (UnmatchedReason::NoOtherTeam, "no one on another team"),
            (
                UnmatchedReason::AllRepeats,
                "all possible buddies were paired with them before",
            ),
            (
                UnmatchedReason::AllAtCapacity,
                "every possible buddy is at capacity",
            ),
        ];
        for (reason, text) in words {
            assert_eq!(reason.to_string(), text);
            let u = Unmatched {
                joiner: "j@x".into(),
                reason,
            };
            assert_eq!(
                serde_json::to_string(&u).unwrap(),
                format!(r#"{{"joiner":"j@x","reason":"{text}"}}"#)
            );
        }
    }
}
