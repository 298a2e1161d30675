//! `hugops review lint|eval|new`: the JSON contract, the text diagnostics,
//! exit statuses 0/1/2 and skipped code blocks.

use std::fs;

use serde_json::Value;

use crate::support::{fails, hugops_bare, stdout, Fixture};

const DRAFT: &str = "\
# Review

Responders: Lee Park, Kim

- 04:10 Kim restarted the primary
- Lee skipped the migration check

```
Lee forgot the key, careless
```

Ran `careless --lazy` afterwards.
";

/// `hugops review <args>` in the fixture's folder, expecting `code`; stdout.
fn review(fx: &Fixture, args: &[&str], code: i32) -> String {
    let out = hugops_bare()
        .current_dir(fx.dir.path())
        .arg("review")
        .args(args)
        .assert()
        .code(code);
    stdout(&out)
}

#[test]
fn lint_json_lists_each_finding_with_its_span() {
    let fx = Fixture::new();
    fx.write("draft.md", DRAFT);
    let v: Value = serde_json::from_str(&review(&fx, &["lint", "draft.md", "--json"], 0)).unwrap();
    assert_eq!(v["lines"], 12);
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "code blocks are skipped: {v}");
    let f = &findings[0];
    assert_eq!(f["line"], 6);
    assert_eq!(f["column"], 3);
    assert_eq!(f["end_column"], 33);
    assert_eq!(f["kind"], "person_failure");
    assert_eq!(f["text"], "Lee skipped the migration check");
    for key in ["why", "suggestion"] {
        assert!(!f[key].as_str().unwrap().is_empty(), "{key}");
    }
}

#[test]
fn lint_text_marks_the_span_under_the_line() {
    let fx = Fixture::new();
    fx.write("draft.md", DRAFT);
    let text = review(&fx, &["lint", "draft.md"], 0);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("draft.md:6:3: person_failure: "),
        "{text}"
    );
    assert_eq!(lines[2], "6 | - Lee skipped the migration check");
    assert_eq!(lines[3], format!("  |   {}", "^".repeat(31)));
    assert!(lines[4].starts_with("  = suggestion: "), "{text}");
    assert!(
        text.ends_with("draft.md: 1 finding on 1 of 12 lines\n"),
        "{text}"
    );
}

#[test]
fn fail_on_findings_exits_1_only_when_something_was_found() {
    let fx = Fixture::new();
    fx.write("draft.md", DRAFT);
    fx.write("clean.md", "Kim restarted the primary at 04:10.\n");
    review(&fx, &["lint", "draft.md", "--fail-on-findings"], 1);
    let clean = review(&fx, &["lint", "clean.md", "--fail-on-findings"], 0);
    assert_eq!(clean, "clean.md: no blaming language found\n");
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let fx = Fixture::new();
    let missing = fails(
        hugops_bare()
            .args(["review", "lint"])
            .arg(fx.path("nope.md"))
            .assert(),
    );
    assert!(missing.contains("nope.md"), "{missing}");
    let bad = fx.write("bad.md", b"fine\nnot \xff utf-8\n");
    let err = fails(hugops_bare().args(["review", "lint"]).arg(&bad).assert());
    assert!(
        err.contains("bad.md") && err.contains("line 2") && err.contains("UTF-8"),
        "{err}"
    );
}

#[test]
fn eval_reports_line_figures_and_misjudged_lines() {
    let fx = Fixture::new();
    fx.write(
        "a.md",
        "Lee forgot the key\nKim restarted it\nthe disk was full\nfine\n",
    );
    fx.write(
        "labels.csv",
        "file,line,label\na.md,1,blame\na.md,2,ok\na.md,3,blame\n",
    );
    let v: Value = serde_json::from_str(&review(&fx, &["eval", ".", "--json"], 0)).unwrap();
    assert_eq!(v["lines"], 3);
    assert_eq!(v["precision"], 1.0);
    assert_eq!(v["recall"], 0.5);
    assert_eq!(v["false_alarm_rate"], 0.0);
    let misjudged = &v["misjudged"][0];
    assert_eq!(misjudged["file"], "a.md");
    assert_eq!(misjudged["line"], 3);
    assert_eq!(misjudged["label"], "blame");
    assert_eq!(misjudged["predicted"], "ok");
    let text = review(&fx, &["eval", "."], 0);
    assert!(
        text.starts_with("lines         3\nprecision     1.000\nrecall        0.500\n"),
        "{text}"
    );
}

#[test]
fn eval_names_the_bad_label_row() {
    let fx = Fixture::new();
    fx.write("a.md", "x\n");
    fx.write("labels.csv", "file,line,label\na.md,1,maybe\n");
    let err = fails(
        hugops_bare()
            .current_dir(fx.dir.path())
            .args(["review", "eval", "."])
            .assert(),
    );
    assert!(
        err.contains("labels.csv") && err.contains("line 2") && err.contains("label"),
        "{err}"
    );
}

#[test]
fn new_writes_a_draft_that_lints_clean() {
    let fx = Fixture::new();
    let printed = review(&fx, &["new"], 0);
    assert!(printed.contains("## Action items"), "{printed}");
    review(&fx, &["new", "--out", "pir.md"], 0);
    assert_eq!(fs::read_to_string(fx.path("pir.md")).unwrap(), printed);
    review(&fx, &["lint", "pir.md", "--fail-on-findings"], 0);
}
