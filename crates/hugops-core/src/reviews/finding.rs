//! What the lint reports: one finding per blaming span.

use serde::Serialize;

/// The kinds of blaming language; `docs/reviews.md` lists what each matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A person or role as the subject of a lapse.
    PersonFailure,
    /// Hindsight about what a person ought to have done.
    Counterfactual,
    /// "Human error" and its relatives given as a cause.
    HumanError,
    /// A judgement of someone's character or diligence.
    Character,
    /// Minimising words aimed at people.
    Condescending,
    /// A "why did you …" question aimed at a person.
    Question,
    /// Sarcasm aimed at someone.
    Sarcasm,
    /// A remedial action aimed at a person rather than the system.
    Sanction,
}

impl Kind {
    /// The name used in JSON and in the text report.
    pub fn name(self) -> &'static str {
        match self {
            Kind::PersonFailure => "person_failure",
            Kind::Counterfactual => "counterfactual",
            Kind::HumanError => "human_error",
            Kind::Character => "character",
            Kind::Condescending => "condescending",
            Kind::Question => "question",
            Kind::Sarcasm => "sarcasm",
            Kind::Sanction => "sanction",
        }
    }
}

/// One blaming span on one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column of the span's first character.
    pub column: usize,
    /// 1-based column of the span's last character.
    pub end_column: usize,
    pub kind: Kind,
    /// The flagged span, as written.
    pub text: String,
    /// One sentence: why this reads as blame.
    pub why: String,
    /// A rewrite about the system and its conditions.
    pub suggestion: String,
}

/// The result of linting one draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lint {
    /// Lines in the draft.
    pub lines: usize,
    /// Findings in line and column order.
    pub findings: Vec<Finding>,
}
