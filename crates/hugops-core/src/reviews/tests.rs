//! Behaviour of the lint: each kind is found, and each trap is left alone.

use super::{lint, Kind};

/// The kinds found on the single line of `line`, in a draft where Lee, Kim
/// and Priya are responders.
fn kinds(line: &str) -> Vec<Kind> {
    let draft = format!("Responders: Lee Park, Kim, Priya\n\n{line}\n");
    let mut kinds: Vec<Kind> = lint(&draft)
        .findings
        .into_iter()
        .filter(|f| f.line == 3)
        .map(|f| f.kind)
        .collect();
    kinds.dedup();
    kinds
}

fn assert_kind(kind: Kind, lines: &[&str]) {
    for line in lines {
        assert!(kinds(line).contains(&kind), "{line:?}: {:?}", kinds(line));
    }
}

#[test]
fn a_person_or_role_as_the_subject_of_a_lapse_is_person_failure() {
    assert_kind(
        Kind::PersonFailure,
        &[
            "Lee never rotated the key",
            "the on-call sat on the alert",
            "04:10 Kim forgot to enable the backfill",
            "- 11:15 Lee (gateway on-call) finally joins",
            "Kim merged without testing it",
            "Lee, who made the change, ignores the thread",
            "the backfill never ran because Kim forgot it",
            "Priya ran an upgrade she hadn't prepared for.",
            "nobody bothered to check whether traffic had drained",
            "Priya took 13 minutes to join",
        ],
    );
}

#[test]
fn hindsight_about_a_person_is_counterfactual() {
    assert_kind(
        Kind::Counterfactual,
        &[
            "Lee should have checked the TTL",
            "if Kim had checked the dashboard we would be fine",
            "Whoever rotated the key should have updated the runbook.",
            "support paged late, they should have escalated",
            "If the runbook had been followed by the person running it, fine.",
            "None of this would have happened with a test.",
        ],
    );
}

#[test]
fn human_error_labels_are_human_error() {
    assert_kind(
        Kind::HumanError,
        &[
            "Root cause: human error.",
            "Operator error: the script ran on prod.",
            "classic user error",
            "PEBKAC",
            "Kim fat-fingered the percentage",
        ],
    );
}

#[test]
fn judgements_of_character_are_character() {
    assert_kind(
        Kind::Character,
        &[
            "This was careless.",
            "a lazy bit of code",
            "sloppy work",
            "negligent handling",
            "an incompetent implementation",
            "This was reckless.",
            "He was not paying attention to the prompt",
        ],
    );
}

#[test]
fn minimising_words_are_condescending() {
    assert_kind(
        Kind::Condescending,
        &[
            "Obviously the gateway caches keys.",
            "Lee simply had to wait.",
            "anyone would have spotted it",
            "it was easy to avoid",
            "It's not hard.",
            "Kim just had to look",
        ],
    );
}

#[test]
fn why_questions_aimed_at_a_person_are_question() {
    assert_kind(
        Kind::Question,
        &[
            "Why did you run the script on prod?",
            "why didn't Kim page the owner?",
            "Why did you not use the bastion?",
        ],
    );
}

#[test]
fn sarcasm_aimed_at_someone_is_sarcasm() {
    assert_kind(
        Kind::Sarcasm,
        &[
            "Pushed on a Friday, great job.",
            "thanks for nothing",
            "It recovered, no thanks to Kim.",
            "Kim was unreachable, as usual",
            "Lee tested it for once",
        ],
    );
}

#[test]
fn remedies_aimed_at_a_person_are_sanction() {
    assert_kind(
        Kind::Sanction,
        &[
            "- Lee to complete refresher training",
            "- Kim to be reminded that pages matter",
            "- Priya to lose prod access until the course",
            "Reminder to all engineers: be careful",
        ],
    );
}

#[test]
fn blameless_writing_is_left_alone() {
    for line in [
        "Kim restarted the primary at 04:10",
        "04:10 Kim restarted the primary",
        "The job failed, crashed and aborted; the pod was killed.",
        "Restore failed to find the key.",
        "k8s killed the old pods",
        "the job should stop once its queue is empty",
        "we should add an alert",
        "## Root cause",
        "## Human factors",
        "Fatigue after a 14-hour shift contributed.",
        "The log said fatal error: runtime: out of memory",
        "We deleted the dead code.",
        "Sam ran force-kill on the process, then `kill -9` on the rest.",
        "Hugo runs kill -9 on the stuck restore",
        "Lee simply typed the command from the runbook.",
        "The log line read \"careless write detected\".",
        "why did the health check stay green?",
        "Why did cluster health go yellow at the same time?",
        "- Kim to add an alert on certificate expiry (owner: Kim)",
        "We chose lazy loading for the images.",
        "This was not human error: the form accepted any number.",
    ] {
        assert!(kinds(line).is_empty(), "{line:?}: {:?}", kinds(line));
    }
}

#[test]
fn praise_is_sincere_in_what_went_well() {
    let draft = "## What went well\n\n- Great job by Kim on the failover\n";
    assert!(lint(draft).findings.is_empty());
    let draft = "## What went wrong\n\n- Kim pushed on a Friday, great job\n";
    assert_eq!(lint(draft).findings[0].kind, Kind::Sarcasm);
}

#[test]
fn code_blocks_and_inline_code_are_skipped() {
    let draft = "```\nLee forgot the key, careless\n```\n\n    Lee forgot again\n\nRan `careless --lazy` today\n";
    assert!(lint(draft).findings.is_empty(), "{:?}", lint(draft));
}

#[test]
fn findings_carry_character_columns_and_the_span() {
    let report =
        lint("Responders: Lee\n\nLee skipped the migration check\nDéjà vu: Lee forgot the key\n");
    assert_eq!(report.lines, 4);
    let first = &report.findings[0];
    assert_eq!((first.line, first.column, first.end_column), (3, 1, 31));
    assert_eq!(first.text, "Lee skipped the migration check");
    assert_eq!(first.kind.name(), "person_failure");
    assert!(!first.why.is_empty() && !first.suggestion.is_empty());
    let second = &report.findings[1];
    assert_eq!((second.line, second.column), (4, 10));
    assert_eq!(second.text, "Lee forgot the key");
}

#[test]
fn lower_case_names_are_learned_from_the_draft() {
    let draft = "cc @ravi\n\nravi forgot the collapse key\nsupport forgot nothing\n";
    let lines: Vec<usize> = lint(draft).findings.iter().map(|f| f.line).collect();
    assert_eq!(lines, vec![3]);
}

#[test]
fn a_sixty_line_draft_lints_quickly() {
    let line =
        "- 04:10 Kim restarted the primary after the alert fired, and Lee skipped the check\n";
    let draft = line.repeat(60);
    let _ = lint(&draft);
    let start = std::time::Instant::now();
    let report = lint(&draft);
    assert_eq!(report.findings.len(), 60);
    // Generous for debug builds; release is far under 5 ms.
    assert!(start.elapsed() < std::time::Duration::from_millis(200));
}

#[test]
fn a_lapse_belongs_to_its_own_clause() {
    assert!(kinds("Lee tried to roll back but the deploy tool failed to start").is_empty());
    assert_eq!(
        kinds("the backfill never ran because Kim forgot it"),
        vec![Kind::PersonFailure]
    );
}

#[test]
fn conditions_in_human_factors_are_not_lapses() {
    for line in [
        "By 02:10 she had slept less than two hours.",
        "Kim hadn't seen this failure mode before.",
        "Lee had never done a rotation alone.",
        "No one was watching the dashboard at 03:00 because nothing paged.",
    ] {
        assert!(kinds(line).is_empty(), "{line:?}: {:?}", kinds(line));
    }
}

#[test]
fn a_lapse_suggests_a_safeguard_for_what_it_was_about() {
    let report = lint("Responders: Lee\n\nLee never rotated the key, again\n");
    let suggestion = &report.findings[0].suggestion;
    assert!(
        suggestion.contains("the key depended on one person"),
        "{suggestion}"
    );
}

#[test]
fn lateness_and_untested_changes_by_a_person_are_person_failure() {
    assert_kind(
        Kind::PersonFailure,
        &[
            "- 08:25 Kim still hadn't acked the page",
            "Lee shipped untested code to prod",
            "Kim merged it without any tests",
        ],
    );
}
