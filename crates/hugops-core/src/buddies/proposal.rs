//! The matching screen's model: the stored roster matched on a date, with
//! locks kept, each joiner's next best buddies and an introduction per pair.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::{load_roster, pairings, record_pairs, Pairing, PairingSource};
use crate::matching::{intro_message, match_buddies, MatchOptions, UnmatchedReason, Weights};
use crate::roster::Person;
use crate::{Error, Result, Store};

/// How many next best buddies each row offers.
pub const ALTERNATIVES: usize = 5;

/// Who someone is, as the screen shows them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PersonBrief {
    pub email: String,
    pub name: String,
    pub team: String,
    pub timezone: String,
    pub start_date: NaiveDate,
}

impl From<&Person> for PersonBrief {
    fn from(p: &Person) -> Self {
        PersonBrief {
            email: p.email.clone(),
            name: p.name.clone(),
            team: p.team.clone(),
            timezone: p.timezone.name().to_owned(),
            start_date: p.start_date,
        }
    }
}

/// Another buddy a joiner could have, with the pair's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Alternative {
    pub buddy: PersonBrief,
    pub score: f64,
}

/// One joiner: the proposed buddy (or why there is none) and the choices.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProposalRow {
    pub joiner: PersonBrief,
    pub buddy: Option<PersonBrief>,
    pub score: Option<f64>,
    pub reasons: Vec<String>,
    pub locked: bool,
    pub unmatched_reason: Option<UnmatchedReason>,
    /// The joiner's best candidates other than the proposed buddy.
    pub alternatives: Vec<Alternative>,
    /// An introduction for the pair, when there is one.
    pub intro: Option<String>,
    /// Set when this pair is already stored (accepted earlier): the joiner
    /// keeps that buddy and is not matched again.
    pub accepted_on: Option<NaiveDate>,
}

/// Everything the matching screen shows, rows ordered by joiner email.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Proposal {
    pub today: NaiveDate,
    pub people: usize,
    pub rows: Vec<ProposalRow>,
    pub matched: usize,
    pub total_score: f64,
    /// Locks that could not be kept, as `(joiner, buddy)`.
    pub ignored_locks: Vec<(String, String)>,
}

/// Matches the stored roster on `today`, never repeating a stored pairing,
/// keeping `locks` (`(joiner, buddy)` emails) where possible.
pub fn propose(
    store: &Store,
    today: NaiveDate,
    weights: Weights,
    locks: &[(String, String)],
) -> Result<Proposal> {
    ProposalInput::load(store)?.propose(today, weights, locks)
}

/// What a proposal is computed from: the stored roster, pairings and
/// weights, read in one go so that the matching itself runs without the
/// database (and without holding a lock on it).
#[derive(Debug, Clone)]
pub struct ProposalInput {
    people: Vec<Person>,
    stored: Vec<Pairing>,
    weights: Weights,
}

impl ProposalInput {
    pub fn load(store: &Store) -> Result<Self> {
        Ok(ProposalInput {
            people: load_roster(store)?,
            stored: pairings(store)?,
            weights: super::weights(store)?,
        })
    }

    /// The weights chosen in Settings, as stored.
    pub fn weights(&self) -> Weights {
        self.weights
    }

    /// [`propose`] over what was loaded.
    pub fn propose(
        &self,
        today: NaiveDate,
        weights: Weights,
        locks: &[(String, String)],
    ) -> Result<Proposal> {
        proposal_of(&self.people, &self.stored, today, weights, locks)
    }
}

fn proposal_of(
    people: &[Person],
    stored: &[Pairing],
    today: NaiveDate,
    weights: Weights,
    locks: &[(String, String)],
) -> Result<Proposal> {
    let history: Vec<(String, String)> = stored
        .iter()
        .map(|p| (p.joiner.clone(), p.buddy.clone()))
        .collect();
    let mut opts = MatchOptions::new(today);
    opts.weights = weights;
    opts.locks = locks.to_vec();
    opts.alternatives = ALTERNATIVES + 1;

    let by_email: HashMap<&str, &Person> = people.iter().map(|p| (p.email.as_str(), p)).collect();
    let brief = |email: &str| by_email.get(email).map(|p| PersonBrief::from(*p));
    // Joiners (on `today`) who already have a buddy for this joining keep
    // them, and those buddies have that much less room. A pairing from a
    // history file dated before the joiner started belongs to an earlier
    // stint: it only keeps that pair from being proposed again.
    let is_joiner =
        |p: &Person| (today - p.start_date).num_days() <= i64::from(opts.joiner_window_days);
    let this_joining = |pairing: &Pairing, p: &Person| {
        pairing.source == PairingSource::Accepted || pairing.paired_on >= p.start_date
    };
    let mut current: HashMap<&str, &Pairing> = HashMap::new();
    for pairing in stored {
        if by_email
            .get(pairing.joiner.as_str())
            .is_some_and(|p| is_joiner(p) && this_joining(pairing, p))
        {
            current.insert(pairing.joiner.as_str(), pairing);
        }
    }
    let pool: Vec<Person> = people
        .iter()
        .filter(|p| !current.contains_key(p.email.as_str()))
        .map(|p| {
            let busy = current.values().filter(|c| c.buddy == p.email).count();
            let mut p = p.clone();
            p.buddy_capacity = p.buddy_capacity.saturating_sub(busy as u32);
            p
        })
        .collect();
    let result = match_buddies(&pool, &history, &opts);

    let mut rows: Vec<ProposalRow> = Vec::new();
    for (joiner, pairing) in &current {
        let (Some(j), Some(b)) = (by_email.get(joiner), by_email.get(pairing.buddy.as_str()))
        else {
            continue;
        };
        rows.push(ProposalRow {
            joiner: PersonBrief::from(*j),
            buddy: Some(PersonBrief::from(*b)),
            score: pairing.score,
            reasons: pairing.reasons.clone(),
            locked: false,
            unmatched_reason: None,
            alternatives: Vec::new(),
            intro: Some(intro_message(j, b, today)),
            accepted_on: Some(pairing.paired_on),
        });
    }
    for pair in &result.pairs {
        let (Some(j), Some(b)) = (
            by_email.get(pair.joiner.as_str()),
            by_email.get(pair.buddy.as_str()),
        ) else {
            continue;
        };
        rows.push(ProposalRow {
            joiner: PersonBrief::from(*j),
            buddy: Some(PersonBrief::from(*b)),
            score: Some(pair.score),
            reasons: pair.reasons.clone(),
            locked: pair.locked,
            unmatched_reason: None,
            alternatives: Vec::new(),
            intro: Some(intro_message(j, b, today)),
            accepted_on: None,
        });
    }
    for u in &result.unmatched {
        if let Some(joiner) = brief(&u.joiner) {
            rows.push(ProposalRow {
                joiner,
                buddy: None,
                score: None,
                reasons: Vec::new(),
                locked: false,
                unmatched_reason: Some(u.reason),
                alternatives: Vec::new(),
                intro: None,
                accepted_on: None,
            });
        }
    }
    rows.sort_by(|a, b| a.joiner.email.cmp(&b.joiner.email));
    for alt in &result.alternatives {
        let Ok(k) = rows.binary_search_by(|r| r.joiner.email.as_str().cmp(&alt.joiner)) else {
            continue;
        };
        let row = &mut rows[k];
        let current = row.buddy.as_ref().map(|b| b.email.as_str());
        if current != Some(alt.buddy.as_str()) && row.alternatives.len() < ALTERNATIVES {
            if let Some(buddy) = brief(&alt.buddy) {
                row.alternatives.push(Alternative {
                    buddy,
                    score: alt.score,
                });
            }
        }
    }
    Ok(Proposal {
        today,
        people: people.len(),
        matched: result.pairs.len() + current.len(),
        total_score: (result.total_score * 1e4).round() / 1e4,
        rows,
        ignored_locks: result.ignored_locks,
    })
}

/// Accepts the proposed pairs of `joiners` (emails): the proposal is made
/// again with the same inputs and those pairs are stored as pairings made on
/// `today`, so they are never proposed again. Returns the pairs stored.
pub fn accept(
    store: &mut Store,
    today: NaiveDate,
    weights: Weights,
    locks: &[(String, String)],
    joiners: &[String],
    now: DateTime<Utc>,
) -> Result<usize> {
    let proposal = propose(store, today, weights, locks)?;
    let mut pairs = Vec::new();
    for email in joiners {
        let email = email.trim().to_lowercase();
        let row = proposal.rows.iter().find(|r| r.joiner.email == email);
        let row = row.filter(|r| r.accepted_on.is_none());
        let Some((row, buddy)) = row.and_then(|r| r.buddy.as_ref().map(|b| (r, b))) else {
            return Err(Error::invalid(
                "joiner",
                format!("{email} has no proposed buddy to accept"),
            ));
        };
        pairs.push(crate::matching::Pair {
            joiner: row.joiner.email.clone(),
            buddy: buddy.email.clone(),
            score: row.score.unwrap_or_default(),
            reasons: row.reasons.clone(),
            locked: row.locked,
        });
    }
    record_pairs(store, &pairs, today, PairingSource::Accepted, now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::buddies::{pairings, save_roster};
    use crate::roster::parse_roster;
    use std::path::Path;

    const ROSTER: &str = "name,email,team,timezone,start_date,interests,buddy_capacity\n\
        Ana,ana@x.org,Payments,Europe/Berlin,2026-11-02,rust;climbing,\n\
        Ben,ben@x.org,Payments,Europe/Berlin,2026-11-09,chess,\n\
        Cleo,cleo@y.org,SRE,Europe/Paris,2020-01-01,rust;climbing,1\n\
        Dev,dev@y.org,SRE,Asia/Kolkata,2021-01-01,chess,1\n\
        Eli,eli@z.org,Design,America/New_York,2019-01-01,,1\n";

    fn store() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let people = parse_roster(Path::new("r.csv"), ROSTER.as_bytes()).unwrap();
        save_roster(&mut store, &people, now()).unwrap();
        store
    }

    fn now() -> DateTime<Utc> {
        "2026-11-25T10:00:00Z".parse().unwrap()
    }

    fn today() -> NaiveDate {
        "2026-11-25".parse().unwrap()
    }

    fn buddy_of<'a>(p: &'a Proposal, joiner: &str) -> Option<&'a str> {
        let row = p.rows.iter().find(|r| r.joiner.email == joiner)?;
        row.buddy.as_ref().map(|b| b.email.as_str())
    }

    #[test]
    fn rows_offer_alternatives_and_an_intro() {
        let p = propose(&store(), today(), Weights::default(), &[]).unwrap();
        assert_eq!(p.people, 5);
        assert_eq!(p.matched, 2);
        assert_eq!(buddy_of(&p, "ana@x.org"), Some("cleo@y.org"));
        let ana = &p.rows[0];
        assert!(ana
            .intro
            .as_deref()
            .unwrap()
            .contains("You both like climbing and rust."));
        let alts: Vec<&str> = ana
            .alternatives
            .iter()
            .map(|a| a.buddy.email.as_str())
            .collect();
        assert!(!alts.contains(&"cleo@y.org"));
        assert_eq!(alts.len(), 2);
        assert!(ana
            .alternatives
            .windows(2)
            .all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn pairs_from_an_imported_history_are_never_proposed() {
        let mut store = store();
        assert_eq!(
            buddy_of(
                &propose(&store, today(), Weights::default(), &[]).unwrap(),
                "ana@x.org"
            ),
            Some("cleo@y.org")
        );
        let history = "joiner_email,buddy_email,date\nANA@x.org,cleo@y.org,2025-03-01\n";
        let r = super::super::import_history_bytes(
            &mut store,
            "h.csv",
            history.as_bytes(),
            today(),
            now(),
        )
        .unwrap();
        assert_eq!((r.added, r.known), (1, 0));
        let p = propose(&store, today(), Weights::default(), &[]).unwrap();
        assert_ne!(buddy_of(&p, "ana@x.org"), Some("cleo@y.org"));
    }

    #[test]
    fn a_locked_alternative_is_kept_and_accepted_pairs_are_never_proposed_again() {
        let mut store = store();
        let lock = [("ana@x.org".to_string(), "eli@z.org".to_string())];
        let p = propose(&store, today(), Weights::default(), &lock).unwrap();
        assert_eq!(buddy_of(&p, "ana@x.org"), Some("eli@z.org"));
        assert!(p.rows[0].locked);

        let n = accept(
            &mut store,
            today(),
            Weights::default(),
            &lock,
            &["ANA@x.org".into()],
            now(),
        );
        assert_eq!(n.unwrap(), 1);
        let stored = pairings(&store).unwrap();
        assert_eq!(
            (stored[0].joiner.as_str(), stored[0].buddy.as_str()),
            ("ana@x.org", "eli@z.org")
        );
        // Ana keeps Eli, accepted; Eli's one place is taken.
        let p = propose(&store, today(), Weights::default(), &[]).unwrap();
        assert_eq!(buddy_of(&p, "ana@x.org"), Some("eli@z.org"));
        assert_eq!(p.rows[0].accepted_on, Some(today()));
        assert!(p.rows[1]
            .alternatives
            .iter()
            .all(|a| a.buddy.email != "eli@z.org"));
        assert_ne!(buddy_of(&p, "ben@x.org"), Some("eli@z.org"));
        // Accepting Ana again is refused; after her window, Eli is free and
        // Ana is never proposed with him again.
        let again = accept(
            &mut store,
            today(),
            Weights::default(),
            &[],
            &["ana@x.org".into()],
            now(),
        );
        assert!(again.is_err());
        let later = "2027-03-01".parse().unwrap();
        let p = propose(&store, later, Weights::default(), &[]).unwrap();
        assert!(p.rows.iter().all(|r| r.joiner.email != "ana@x.org"));
    }

    #[test]
    fn accepting_a_joiner_without_a_buddy_is_refused_and_stores_nothing() {
        let mut store = store();
        let err = accept(
            &mut store,
            today(),
            Weights::default(),
            &[],
            &["ana@x.org".into(), "nobody@x.org".into()],
            now(),
        );
        assert!(err.unwrap_err().to_string().contains("nobody@x.org"));
        assert!(pairings(&store).unwrap().is_empty());
    }
}
