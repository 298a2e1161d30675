//! Word lists: a small opinion lexicon for interpersonal tone, the acronyms
//! that are not shouting, and the function words that are never a topic.
//!
//! The tone lexicon is hand-picked in the style of VADER (valences from −3 to
//! +3) but deliberately small and aimed at how people feel about each other
//! and the work, not about machines: "failed", "error", "down", "crash",
//! "dead", "kill" and swear words are left out because in engineering chat
//! they are mostly aimed at systems ("this fucking test failed again") and
//! would make every incident channel look hostile. docs/threads.md explains
//! why the `vader_sentiment` crate was not used.

/// Valence of a lowercase word, if it carries tone.
pub fn valence(word: &str) -> Option<f32> {
    TONE.binary_search_by(|(w, _)| w.cmp(&word))
        .ok()
        .and_then(|i| TONE.get(i))
        .map(|(_, v)| *v)
}

/// True for words that flip or cancel the valence of the next words.
pub fn is_negation(word: &str) -> bool {
    matches!(
        word,
        "not" | "no" | "never" | "without" | "nothing" | "hardly"
    ) || word.ends_with("n't")
        || word.ends_with("n’t")
}

/// True if `word` (as written) is a common acronym rather than shouting.
pub fn is_acronym(word: &str) -> bool {
    ACRONYMS.binary_search(&word).is_ok()
}

/// True for function words and chat filler that never make a topic.
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok()
}

/// Sorted by word, for binary search.
const TONE: &[(&str, f32)] = &[
    ("afraid", -1.5),
    ("amazing", 2.5),
    ("angry", -2.5),
    ("annoyed", -2.0),
    ("annoying", -1.5),
    ("anxious", -2.0),
    ("appreciate", 2.0),
    ("awesome", 2.5),
    ("awful", -2.0),
    ("bad", -1.0),
    ("blame", -2.0),
    ("blamed", -2.0),
    ("blaming", -2.0),
    ("brilliant", 2.5),
    ("careless", -2.0),
    ("clear", 1.0),
    ("comfortable", 1.0),
    ("concern", -1.0),
    ("concerned", -1.0),
    ("concerns", -1.0),
    ("confused", -1.5),
    ("confusing", -1.5),
    ("congrats", 2.5),
    ("disappointed", -2.5),
    ("disappointing", -2.0),
    ("dismissive", -2.0),
    ("enjoy", 2.0),
    ("excellent", 2.5),
    ("fault", -1.5),
    ("frustrated", -2.5),
    ("frustrating", -2.0),
    ("frustration", -2.0),
    ("fun", 2.0),
    ("glad", 2.0),
    ("great", 2.0),
    ("happy", 2.0),
    ("hate", -2.5),
    ("helpful", 2.0),
    ("honestly", -0.5),
    ("horrible", -2.5),
    ("hurt", -2.0),
    ("ignore", -1.5),
    ("ignored", -2.0),
    ("ignoring", -2.0),
    ("love", 2.5),
    ("mad", -2.0),
    ("mess", -1.5),
    ("nervous", -1.5),
    ("nice", 1.5),
    ("nightmare", -2.0),
    ("pointless", -2.0),
    ("problem", -1.0),
    ("proud", 2.5),
    ("ridiculous", -2.5),
    ("rude", -2.5),
    ("sad", -2.0),
    ("seriously", -1.0),
    ("sick", -1.5),
    ("sorry", -0.5),
    ("stupid", -2.5),
    ("terrible", -2.5),
    ("thank", 2.0),
    ("thanks", 2.0),
    ("tired", -1.5),
    ("unacceptable", -3.0),
    ("unclear", -1.0),
    ("uncomfortable", -1.5),
    ("unfair", -2.0),
    ("unfortunately", -1.0),
    ("upset", -2.0),
    ("useless", -2.5),
    ("waste", -2.0),
    ("wasted", -2.0),
    ("weird", -1.0),
    ("worried", -1.5),
    ("worries", -1.0),
    ("worry", -1.5),
    ("worse", -1.5),
    ("worst", -2.5),
    ("wow", 1.5),
    ("wrong", -1.5),
];

/// Upper-case words that are names of things, not raised voices. Sorted.
const ACRONYMS: &[&str] = &[
    "ACK", "ADR", "AM", "APAC", "API", "ASAP", "AWS", "AZ", "CDN", "CET", "CI", "CLI", "CPU",
    "CSS", "CSV", "DB", "DM", "DNS", "EMEA", "EOD", "EOW", "ETA", "EU", "FAQ", "FYI", "GCP",
    "GDPR", "HR", "HTML", "HTTP", "HTTPS", "IC", "ID", "IDP", "IMO", "IP", "JSON", "KPI", "LB",
    "LGTM", "LOL", "MVP", "NB", "OK", "OKR", "OOO", "ORM", "PDF", "PM", "PR", "PRD", "PS", "PTO",
    "QA", "RAM", "RCA", "RFC", "ROI", "SAML", "SCIM", "SDK", "SLA", "SLO", "SQL", "SRE", "SSH",
    "SSL", "SSO", "TBD", "TLS", "TODO", "TTL", "UI", "UK", "URL", "US", "USA", "UTC", "UX", "VM",
    "VP", "VPN", "WIP", "XML", "YAML",
];

/// Sorted.
const STOPWORDS: &[&str] = &[
    "about", "above", "actually", "after", "again", "against", "all", "already", "also",
    "although", "always", "and", "another", "any", "anyone", "anything", "anyway", "are", "aren't",
    "around", "ask", "asked", "asking", "back", "because", "been", "before", "being", "better",
    "between", "both", "but", "can", "can't", "could", "couldn't", "did", "didn't", "does",
    "doesn't", "doing", "don't", "done", "down", "each", "either", "else", "even", "ever", "every",
    "everyone", "everything", "fine", "first", "for", "from", "get", "gets", "getting", "going",
    "gonna", "good", "got", "had", "has", "hasn't", "have", "haven't", "having", "here", "hey",
    "how", "i'd", "i'll", "i'm", "i've", "into", "isn't", "it's", "its", "just", "know", "last",
    "least", "let", "let's", "like", "look", "looks", "lot", "made", "make", "makes", "many",
    "may", "maybe", "mean", "means", "meant", "might", "more", "most", "much", "must", "need",
    "needs", "never", "next", "nobody", "not", "nothing", "now", "off", "okay", "one", "only",
    "other", "our", "ours", "out", "over", "own", "part", "please", "point", "pretty", "put",
    "quite", "rather", "really", "right", "said", "same", "say", "saying", "says", "see", "seems",
    "should", "shouldn't", "since", "some", "someone", "something", "still", "such", "sure",
    "take", "than", "thanks", "that", "that's", "the", "their", "them", "then", "there", "there's",
    "these", "they", "they're", "thing", "things", "think", "this", "those", "though", "thought",
    "through", "time", "today", "too", "two", "under", "until", "very", "want", "wanted", "was",
    "wasn't", "way", "we'd", "we'll", "we're", "we've", "well", "went", "were", "weren't", "what",
    "what's", "when", "where", "whether", "which", "while", "who", "whole", "why", "will", "with",
    "without", "won't", "work", "would", "wouldn't", "yeah", "yes", "yet", "you", "you'd",
    "you'll", "you're", "you've", "your", "yours",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        assert!(TONE.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(ACRONYMS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn looks_words_up() {
        assert_eq!(valence("frustrated"), Some(-2.5));
        assert_eq!(valence("failed"), None, "system words carry no tone");
        assert!(is_acronym("API") && !is_acronym("WHY"));
        assert!(is_stopword("the") && !is_stopword("release"));
        assert!(is_negation("don't") && is_negation("no") && !is_negation("now"));
    }
}
