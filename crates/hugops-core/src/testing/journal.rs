//! Journal entries for tests.

use crate::journal::{Direction, NewEntry};

/// A new entry with a direction, a person and a message, and nothing else.
pub fn new_entry(direction: Direction, person: &str, message: &str) -> NewEntry {
    NewEntry {
        direction: Some(direction),
        person: person.into(),
        message: message.into(),
        ..NewEntry::default()
    }
}

/// Text built from the characters most likely to upset CSV, JSON or SQL.
pub fn hostile_text(seed: &mut u64, max_len: usize) -> String {
    const POOL: &[&str] = &[
        "a",
        "Z",
        "0",
        " ",
        "  ",
        "\t",
        "\n",
        "\r",
        "\r\n",
        ",",
        ";",
        "\"",
        "'",
        "\\",
        "<",
        ">",
        "&",
        "#",
        "*",
        "`",
        "é",
        "e\u{301}",
        "ß",
        "İ",
        "😀",
        "👩🏽‍💻",
        "مرحبا",
        "\u{200f}",
        "\u{feff}",
        "\u{2028}",
        "\u{0}",
        "\u{1b}[31m",
        "NULL",
        "null",
        "--",
        "/*",
        "%s",
        "{}",
        "[]",
    ];
    let mut next = || {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed
    };
    let len = 1 + (next() as usize) % max_len;
    let mut text: String = (0..len)
        .map(|_| POOL[(next() as usize) % POOL.len()])
        .collect();
    if text.trim().is_empty() {
        text.push('x');
    }
    text
}
