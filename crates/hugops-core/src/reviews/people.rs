//! Who counts as a person in a draft.
//!
//! Rules, in order:
//! - roles and pronouns: see [`ROLES`] ("on-call", "engineer", "reviewer",
//!   "whoever", "he", "she", "you", "they", …);
//! - names learned from the draft: the words of people lines ("Author:",
//!   "Responders:", "Participants:", …), `@handles`, and owners in
//!   parentheses at a line's end ("(Sam)", "(owner: Ola)"), in any case;
//! - a capitalised word after a lower-case word or a comma ("reach Mark"),
//!   which then counts in lower case too;
//! - a capitalised word that is not in [`NOT_NAMES`] (common words that
//!   start sentences, days, months, product and tech words) and does not
//!   end like a common noun ([`NOUN_ENDINGS`]: "Replication", "Workers").
//!
//! A lower-case word is a name only when the draft taught it.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::markdown::ProseLine;

/// Words that name a role or stand for a person, separated by spaces.
pub const ROLES: &str = "\
on-call oncall on-caller engineer engineers sre sres reviewer reviewers developer developers \
dev author operator responder responders person whoever someone somebody he she you they \
team ops admin manager lead approver assignee owner ic dba intern junior contractor \
tester qa deployer hire";

/// Capitalised words that are not names (function words, section and
/// tech words, days, months, time zones), separated by spaces.
pub const NOT_NAMES: &str = "\
the a an we our us i it its it's this that these those there then when if why what how who \
which no not nobody nothing everyone anyone all some most more each every both two one first \
second third next last new old on in at by for from to of with without after before during \
about and but or so also still yes ok okay note we've we're i'm he she they you his her \
their my your as once while since because until here where honestly frankly obviously \
clearly apparently anyway however meanwhile later today tomorrow yesterday short long total \
whoever someone reminder remind thanks thank great good well nice please draft status date \
severity incident impact summary timeline root cause causes contributing factors action \
actions items owner owners due review reviewer postmortem post-incident post-mortem analysis \
questions question decision lessons learned follow-up follow-ups human error operator user \
people team teams customer customers users members support finance security platform infra \
data engineering eng product management leadership head staff editors teachers patients \
browsers clinic merchant merchants comms driver public local legacy mobile web prod \
production staging manual monthly weekly daily nightly scheduled scheduler script scripts \
shell tool tools tooling runbook runbooks restore restoring rollback rollout release deploy \
deploys deployment migration rotation renewal certificate cache gateway auth identity logins \
login key keys alert alerts alerting page pages paging health memory traffic load lag \
consumer consumers group member pods pod node nodes cluster service services server servers \
database db backups backup charges billing flag flags grades dispatcher webhook webhooks \
enricher device devices firmware shipment connectivity admission policy escalation sleep \
surge event time minute hour peak batch exponential split switch set use add make move fix \
update raise extend enable disable route decommission upgrade upgrading underlying synthetic \
destructive secondary primary ready pending running estimated customer-facing pre-authorise \
corrective change changes tl dr tl;dr sev api ui ci cd dns tls ssl cdn lb vpn sql kafka \
postgres postgresql mysql redis patroni pgbouncer kubernetes k8s docker terraform aws gcp \
azure s3 ebs ec2 linux git github gitlab slack pagerduty opsgenie grafana prometheus datadog \
sentry jira confluence zoom statefulset statefulsets deployment elasticsearch es fcm apns \
jwt jwks oauth saml http https json yaml nginx envoy istio helm argo jenkins android ios \
chrome safari firefox windows macos unauthorized markdown monday tuesday wednesday thursday \
friday saturday sunday mon tue wed thu fri sat sun january february march april may june \
july august september october november december jan feb mar apr jun jul aug sep sept oct nov \
dec utc gmt me discuss done merged tbd n/a bst cet cest pst pdt est edt london europe \
singapore \
vault consul nomad spinnaker cassandra celery sidekiq airflow traefik varnish fastly cloudflare \
akamai stripe twilio okta vercel heroku netlify kinesis lambda athena aurora spark flink hadoop hive \
presto trino snowflake redshift bigquery looker tableau honeycomb splunk kibana logstash fluentd \
vector loki tempo thanos cortex mimir etcd zookeeper calico cilium karpenter velero ansible puppet \
chef salt packer vagrant bazel gradle maven webpack babel node deno django rails flask spring mongo \
mongodb elastic rabbit rabbitmq memcached cron cronjob systemd ingress replica replicas leader \
follower canary bastion runner runners worker workers queue queues controller autoscaler balancer \
proxy router resolver watchdog monitor monitoring pager alertmanager certbot backfill replication \
failover autoscaling retries retry requests request latency errors disk cpu writes reads jobs job \
everybody somebody engineers responders customers nobody's everyone's someone's cache caches \
terraform helm chart charts config configuration pipeline pipelines build builds tests test \
release releases hotfix patch version dashboards dashboard metrics metric logs log graph graphs \
storage network networking firewall region zone cloud lb load-balancer certificate certs cert";

static NOT_NAME_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| NOT_NAMES.split_whitespace().collect());
static ROLE_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ROLES.split_whitespace().collect());

/// A people line: "Author: …", "Responders: …", "Written by: …".
static PEOPLE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[\s>*_-]*(?:authors?|responders?|participants?|attendees|facilitator|written by|draft by|drafted by|prepared by|review lead|owner|owners|incident commander|ic|on-call|cc|people|present|reviewers?)\b[*_]*\s*:?[*_]*\s*(.+)$",
    )
    .expect("people line pattern")
});
static HANDLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"@([\p{L}][\p{L}.\-]*)").expect("handle pattern"));
/// Owners in parentheses at the end of a line, or a "Reviewer note (Name)".
static OWNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((?:owner:\s*)?([\p{L}][\p{L}'-]*(?:\s*,\s*[\p{L}][\p{L}'-]*)*)\)")
        .expect("owner pattern")
});
static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{Lu}[\p{Ll}'-]+").expect("word pattern"));

/// The people of one draft.
#[derive(Debug, Default, Clone)]
pub struct People {
    /// Lower-cased names the draft taught.
    learned: HashSet<String>,
}

impl People {
    /// Learns names from the draft's people lines, handles and owners.
    pub fn learn(lines: &[ProseLine]) -> People {
        let mut learned = HashSet::new();
        let mut add = |name: &str| {
            let lower = name.to_lowercase();
            if !NOT_NAME_SET.contains(lower.as_str()) && !ROLE_SET.contains(lower.as_str()) {
                learned.insert(lower);
            }
        };
        for line in lines {
            if let Some(c) = PEOPLE_LINE.captures(&line.masked) {
                for w in WORD.find_iter(&c[1]) {
                    add(w.as_str());
                }
            }
            for c in HANDLE.captures_iter(&line.text) {
                add(c[1].split('.').next().unwrap_or(""));
            }
            for w in WORD.find_iter(&line.masked) {
                if mid_sentence(&line.masked[..w.start()]) {
                    add(w.as_str());
                }
            }
            for c in OWNER.captures_iter(&line.masked) {
                for name in c[1].split(',') {
                    add(name.trim());
                }
            }
        }
        People { learned }
    }

    /// Whether `word` (one word as written) names a person or a role.
    pub fn is_person(&self, word: &str) -> bool {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        let word = word.strip_suffix("'s").unwrap_or(word);
        let lower = word.to_lowercase();
        if ROLE_SET.contains(lower.as_str()) || self.learned.contains(&lower) {
            return true;
        }
        let mut chars = word.chars();
        let capitalised = chars.next().is_some_and(char::is_uppercase)
            && chars.clone().count() >= 1
            && chars.all(|c| c.is_lowercase() || c == '\'' || c == '-');
        capitalised && !NOT_NAME_SET.contains(lower.as_str()) && !has_noun_ending(&lower)
    }

    /// Whether `word` is a role or pronoun rather than a name.
    pub fn is_role(word: &str) -> bool {
        ROLE_SET.contains(word.to_lowercase().as_str())
    }
}

/// Endings of common nouns that given names rarely have ("Replication",
/// "Deployment", "Workers").
pub const NOUN_ENDINGS: &[&str] = &[
    "tion", "sion", "ment", "ing", "ity", "ness", "ance", "ence", "ure", "ics", "ies", "ers",
    "ors", "ism", "ogy", "ery", "age", "ive", "ize", "ise", "ful", "less", "ous", "able", "ible",
    "ed", "ly", "ts", "ks", "ps",
];

fn has_noun_ending(lower: &str) -> bool {
    NOUN_ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// Whether a word after `before` sits inside a sentence: after a lower-case
/// word or a comma, so its capital marks a proper name.
fn mid_sentence(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(' ') else {
        return false;
    };
    rest.chars()
        .next_back()
        .is_some_and(|c| c.is_lowercase() || c == ',')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reviews::markdown::prose_lines;

    #[test]
    fn names_roles_and_learned_lower_case_names_are_people() {
        let lines = prose_lines("Responders: Lee Park\ncc @ravi\n- add a key (kim)");
        let people = People::learn(&lines);
        for w in [
            "Lee", "Park", "ravi", "kim", "Theo", "on-call", "she", "Mark's",
        ] {
            assert!(people.is_person(w), "{w}");
        }
        for w in [
            "The",
            "Gateway",
            "Friday",
            "mark",
            "cache",
            "Kafka",
            "API",
            "Vault",
            "Replication",
            "Workers",
        ] {
            assert!(!people.is_person(w), "{w}");
        }
    }
}
