use crate::support::{ids, Fixture};

fn seeded() -> Fixture {
    let f = Fixture::new();
    f.add_simple(
        true,
        "Zoë Okafor",
        "Thanks for the calm incident handover",
        "2026-11-02",
    );
    f.add_simple(
        false,
        "Sam",
        "Your review caught a nasty race",
        "2026-11-03",
    );
    f.add_simple(true, "Ana", "Merci pour la présentation", "2026-11-04");
    f
}

#[test]
fn search_ignores_accents_both_ways() {
    let f = seeded();
    assert_eq!(ids(&f.search("zoe")), vec![1]);
    assert_eq!(ids(&f.search("ZOË")), vec![1]);
    assert_eq!(ids(&f.search("presentation")), vec![3]);
}

#[test]
fn search_matches_prefixes() {
    let f = seeded();
    assert_eq!(ids(&f.search("oka")), vec![1]);
    assert_eq!(ids(&f.search("hand")), vec![1]);
    assert_eq!(ids(&f.search("rev")), vec![2]);
}

#[test]
fn search_needs_every_word() {
    let f = seeded();
    assert_eq!(ids(&f.search("calm handover")), vec![1]);
    assert!(f.search("calm race").is_empty());
}

#[test]
fn search_operators_and_syntax_are_plain_text() {
    let f = seeded();
    for query in [
        "\"",
        "\"\"",
        "*",
        "**",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "(",
        ")",
        "((",
        "zoe)",
        "person:zoe",
        "-",
        "^",
        "zoe AND",
        "\"unbalanced",
        "'",
        "",
        "   ",
        "🎉",
        "a:b:c",
        "{",
        "}",
        "[",
        "NULL",
    ] {
        let out = f
            .cmd()
            .args(["kudos", "search", query, "--json"])
            .assert()
            .success();
        let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout)
            .unwrap_or_else(|e| panic!("query {query:?}: stdout not JSON: {e}"));
        assert!(v.is_array(), "query {query:?}: {v}");
    }
    // Operator words around a real word still find it.
    assert_eq!(ids(&f.search("(zoe")), vec![1]);
    assert_eq!(ids(&f.search("\"zoe\"")), vec![1]);
}

#[test]
fn search_text_output_is_a_table() {
    let f = seeded();
    let out = f.ok(["kudos", "search", "race"]);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.contains("Sam") && out.contains('↓'), "{out}");
    assert_eq!(
        f.ok(["kudos", "search", "nothinglikethis"]),
        "no entries match\n"
    );
}

#[test]
fn search_skips_deleted_entries() {
    let f = seeded();
    f.ok(["kudos", "delete", "1"]);
    assert!(f.search("zoe").is_empty());
    f.ok(["kudos", "undo", "1"]);
    assert_eq!(ids(&f.search("zoe")), vec![1]);
}
