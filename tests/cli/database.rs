use std::fs;

use crate::support::{fails, hugops_bare, Fixture};

fn add_args(person: &str) -> [&str; 7] {
    [
        "kudos",
        "add",
        "--given",
        "--person",
        person,
        "--message",
        "hi",
    ]
}

#[test]
fn db_flag_works_before_and_after_the_subcommand() {
    let f = Fixture::new();
    hugops_bare()
        .arg("--db")
        .arg(&f.db)
        .args(add_args("Before"))
        .assert()
        .success();
    hugops_bare()
        .args(add_args("After"))
        .arg("--db")
        .arg(&f.db)
        .assert()
        .success();
    let out = hugops_bare()
        .args(["kudos", "list", "--json"])
        .arg(format!("--db={}", f.db.display()))
        .assert()
        .success();
    let list: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    assert_eq!(list[0]["person"], "After");
    assert_eq!(list[1]["person"], "Before");
}

#[test]
fn hugops_db_environment_variable_is_honoured() {
    let f = Fixture::new();
    hugops_bare()
        .env("HUGOPS_DB", &f.db)
        .args(add_args("FromEnv"))
        .assert()
        .success();
    assert!(f.db.exists());
    assert_eq!(f.list(&[])[0]["person"], "FromEnv");
}

#[test]
fn db_flag_wins_over_the_environment() {
    let f = Fixture::new();
    let other = f.path("other.db");
    hugops_bare()
        .env("HUGOPS_DB", &other)
        .arg("--db")
        .arg(&f.db)
        .args(add_args("Flag"))
        .assert()
        .success();
    assert!(!other.exists(), "the environment's database was created");
    assert_eq!(f.list(&[]).len(), 1);
}

#[test]
fn database_folder_is_created() {
    let f = Fixture::new();
    let nested = f.path("a/b/hugops.db");
    crate::support::hugops(&nested)
        .args(add_args("Deep"))
        .assert()
        .success();
    assert!(nested.exists());
}

#[test]
fn text_file_as_database_is_refused_and_left_untouched() {
    let f = Fixture::new();
    let notes = f.write("notes.txt", "my precious notes\nline two\n");
    let line = fails(
        crate::support::hugops(&notes)
            .args(["kudos", "list"])
            .assert(),
    );
    assert!(
        line.contains("notes.txt") && line.contains("not a HugOps database"),
        "{line}"
    );
    fails(crate::support::hugops(&notes).args(add_args("X")).assert());
    assert_eq!(
        fs::read(&notes).expect("read"),
        b"my precious notes\nline two\n"
    );
    let names: Vec<_> = fs::read_dir(f.dir.path()).expect("dir").collect();
    assert_eq!(
        names.len(),
        1,
        "side files were created next to the text file"
    );
}

#[test]
fn other_sqlite_database_is_refused_and_left_untouched() {
    let f = Fixture::new();
    let other = f.path("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&other).expect("open");
        conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
            .expect("create");
    }
    let before = fs::read(&other).expect("read");
    fails(
        crate::support::hugops(&other)
            .args(["kudos", "list"])
            .assert(),
    );
    assert_eq!(fs::read(&other).expect("read"), before);
}

#[test]
fn folder_as_database_is_refused() {
    let f = Fixture::new();
    let line = fails(
        crate::support::hugops(f.dir.path())
            .args(["kudos", "list"])
            .assert(),
    );
    assert!(line.contains("folder"), "{line}");
}
