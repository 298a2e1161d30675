//! Who has been asked to meet outside their working hours so far in a
//! series, so the next meeting can spare them.
//!
//! The tally counts a number per person: minutes for check-ins (two people,
//! the burden is time), meetings for socials (many people, the burden is
//! being the one up late). Choosing each meeting to keep the tally even
//! makes the people outside their hours take turns.

use std::collections::BTreeMap;

/// A running count per email.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    counts: BTreeMap<String, i64>,
}

impl Tally {
    /// A tally with every email at 0 (so each appears in [`Tally::counts`]).
    pub fn for_people<'a>(emails: impl IntoIterator<Item = &'a str>) -> Self {
        Tally {
            counts: emails.into_iter().map(|e| (e.to_owned(), 0)).collect(),
        }
    }

    /// The count of one email (0 when unknown).
    pub fn get(&self, email: &str) -> i64 {
        self.counts.get(email).copied().unwrap_or(0)
    }

    /// Adds `amount` to an email's count.
    pub fn add(&mut self, email: &str, amount: i64) {
        *self.counts.entry(email.to_owned()).or_insert(0) += amount;
    }

    /// The highest count anyone would have after adding `extra` to some of
    /// them: what a check-in minimises to share the burden.
    pub fn worst_after<'a>(&self, extra: impl IntoIterator<Item = (&'a str, i64)>) -> i64 {
        extra
            .into_iter()
            .map(|(email, amount)| self.get(email) + amount)
            .max()
            .unwrap_or(0)
    }

    /// The cost of asking `outside` to meet outside their hours once more:
    /// each person costs one more than the times they already were, so the
    /// same people become dearer every time (what a social series minimises).
    pub fn turn_cost<'a>(&self, outside: impl IntoIterator<Item = &'a str>) -> i64 {
        outside.into_iter().map(|email| 1 + self.get(email)).sum()
    }

    /// Every email with its count, sorted by email.
    pub fn counts(&self) -> &BTreeMap<String, i64> {
        &self.counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_start_at_zero_and_add_up() {
        let mut t = Tally::for_people(["a@x", "b@x"]);
        t.add("a@x", 30);
        t.add("a@x", 15);
        t.add("c@x", 1);
        assert_eq!(t.get("a@x"), 45);
        assert_eq!(t.get("b@x"), 0);
        let keys: Vec<&str> = t.counts().keys().map(String::as_str).collect();
        assert_eq!(keys, ["a@x", "b@x", "c@x"]);
    }

    #[test]
    fn worst_after_prefers_the_one_with_less_burden() {
        let mut t = Tally::default();
        t.add("a@x", 30);
        assert_eq!(t.worst_after([("a@x", 30), ("b@x", 0)]), 60);
        assert_eq!(t.worst_after([("a@x", 0), ("b@x", 30)]), 30);
        assert_eq!(t.worst_after([]), 0);
    }

    #[test]
    fn turn_cost_grows_with_each_turn() {
        let mut t = Tally::default();
        assert_eq!(t.turn_cost(["a@x", "b@x"]), 2);
        t.add("a@x", 1);
        assert_eq!(t.turn_cost(["a@x"]), 2);
        assert_eq!(t.turn_cost(["b@x"]), 1);
    }
}
