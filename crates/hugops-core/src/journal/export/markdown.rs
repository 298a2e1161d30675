//! The Markdown "brag document": one section per month, newest first, with
//! what was received and what was given.
//!
//! Entry text is escaped just enough that no message can open a heading, a
//! list, a quote, a code block, a link or raw HTML: the document keeps its
//! shape whatever people wrote, and stays readable as plain text.

use std::io::{self, Write};

use chrono::Datelike;

use crate::journal::{Direction, Entry};

/// Writes `entries` (newest first, as [`crate::journal::list`] gives them).
pub fn write(entries: &[Entry], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# Kudos journal")?;
    if entries.is_empty() {
        return writeln!(out, "\n_No entries yet._");
    }
    let given = entries
        .iter()
        .filter(|e| e.direction == Direction::Given)
        .count();
    writeln!(
        out,
        "\n_{} entries: {} received, {given} given._",
        entries.len(),
        entries.len() - given
    )?;
    for month in entries.chunk_by(same_month) {
        writeln!(out, "\n## {}", month[0].occurred_on.format("%B %Y"))?;
        for (direction, title) in [
            (Direction::Received, "Received"),
            (Direction::Given, "Given"),
        ] {
            let mut these = month.iter().filter(|e| e.direction == direction).peekable();
            if these.peek().is_none() {
                continue;
            }
            writeln!(out, "\n### {title}\n")?;
            for entry in these {
                write_entry(entry, out)?;
            }
        }
    }
    Ok(())
}

fn same_month(a: &Entry, b: &Entry) -> bool {
    (a.occurred_on.year(), a.occurred_on.month()) == (b.occurred_on.year(), b.occurred_on.month())
}

/// One bullet: date, person, message (continuation lines indented under the
/// bullet), then tags and link as sub-items.
fn write_entry(e: &Entry, out: &mut dyn Write) -> io::Result<()> {
    let preposition = match e.direction {
        Direction::Given => "to",
        Direction::Received => "from",
    };
    let person: String = e
        .person
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    write!(
        out,
        "- **{}** {preposition} **{}**: ",
        e.occurred_on,
        escape_line(person.trim())
    )?;
    let message = e.message.replace("\r\n", "\n");
    let mut first = true;
    let mut after_blank = false;
    for line in message.split(['\n', '\r']).map(str::trim) {
        if line.is_empty() {
            // Leading blank lines would end the bullet before its text, and
            // one blank line says as much as many.
            after_blank = !first;
            continue;
        }
        if !first {
            if after_blank {
                writeln!(out)?;
            }
            write!(out, "  ")?;
        }
        writeln!(out, "{}", escape_line(line))?;
        first = false;
        after_blank = false;
    }
    if first {
        writeln!(out)?;
    }
    if !e.tags.is_empty() {
        let tags: Vec<String> = e
            .tags
            .iter()
            .map(|t| format!("#{}", escape_line(t)))
            .collect();
        writeln!(out, "  - Tags: {}", tags.join(", "))?;
    }
    if let Some(link) = &e.link {
        writeln!(
            out,
            "  - Link: <{}>",
            link.replace('<', "%3C").replace('>', "%3E")
        )?;
    }
    Ok(())
}

/// Escapes one line of text so Markdown shows it literally: inline markup
/// anywhere, and block markup at the start.
fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    if line.starts_with(['#', '-', '+', '=']) {
        out.push('\\');
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    for (i, c) in line.char_indices() {
        let ordered_list_marker = digits > 0 && i == digits && (c == '.' || c == ')');
        if ordered_list_marker || "\\`*_[]<>&|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: i64, direction: Direction, on: &str, person: &str, message: &str) -> Entry {
        Entry {
            id,
            direction,
            person: person.into(),
            email: None,
            message: message.into(),
            tags: Vec::new(),
            link: None,
            occurred_on: on.parse().unwrap(),
            created_at: crate::clock::parse_instant("2026-11-24T10:00:00Z").unwrap(),
        }
    }

    fn render(entries: &[Entry]) -> String {
        let mut out = Vec::new();
        write(entries, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn months_newest_first_received_before_given() {
        let mut zoe = entry(
            3,
            Direction::Received,
            "2026-11-24",
            "Zoë Okafor",
            "Thanks!",
        );
        zoe.tags = vec!["ownership".into(), "ci_cd".into()];
        zoe.link = Some("https://x.org/a<b>".into());
        let entries = [
            zoe,
            entry(2, Direction::Given, "2026-11-02", "Ana", "Great review"),
            entry(1, Direction::Given, "2025-12-31", "Bo", "Happy new year"),
        ];
        assert_eq!(
            render(&entries),
            "# Kudos journal\n\
             \n_3 entries: 1 received, 2 given._\n\
             \n## November 2026\n\
             \n### Received\n\n\
             - **2026-11-24** from **Zoë Okafor**: Thanks!\n\
             \x20 - Tags: #ownership, #ci\\_cd\n\
             \x20 - Link: <https://x.org/a%3Cb%3E>\n\
             \n### Given\n\n\
             - **2026-11-02** to **Ana**: Great review\n\
             \n## December 2025\n\
             \n### Given\n\n\
             - **2025-12-31** to **Bo**: Happy new year\n"
        );
    }

    #[test]
    fn multi_line_messages_stay_inside_their_bullet() {
        let e = entry(
            1,
            Direction::Given,
            "2026-11-24",
            "Ana\nBo",
            "\n\nfirst\r\n# not a heading\n\n\n   - not a list\n1. nor this\n```\n> quote",
        );
        assert_eq!(
            render(&[e]).split_once("### Given\n\n").unwrap().1,
            "- **2026-11-24** to **Ana Bo**: first\n\
             \x20 \\# not a heading\n\
             \n\
             \x20 \\- not a list\n\
             \x20 1\\. nor this\n\
             \x20 \\`\\`\\`\n\
             \x20 \\> quote\n"
        );
    }

    #[test]
    fn html_and_links_in_text_are_shown_literally() {
        assert_eq!(
            escape_line("<img src=x onerror=alert(1)> [a](javascript:x) *b* a|b &amp;"),
            "\\<img src=x onerror=alert(1)\\> \\[a\\](javascript:x) \\*b\\* a\\|b \\&amp;"
        );
        assert_eq!(escape_line("2026) year"), "2026\\) year");
        assert_eq!(escape_line("v1.2 is out"), "v1.2 is out");
        assert_eq!(escape_line("=== "), "\\=== ");
        assert_eq!(escape_line("Zoë 🎉 مرحبا"), "Zoë 🎉 مرحبا");
    }

    #[test]
    fn hostile_text_cannot_change_the_structure() {
        let mut seed = 0x9E37_79B9_7F4A_7C15;
        let entries: Vec<Entry> = (0..200)
            .map(|i| {
                let direction = if i % 2 == 0 {
                    Direction::Given
                } else {
                    Direction::Received
                };
                let person = crate::testing::hostile_text(&mut seed, 8);
                let message = crate::testing::hostile_text(&mut seed, 60);
                let mut e = entry(i, direction, "2026-11-24", &person, &message);
                e.tags = vec![
                    crate::testing::hostile_text(&mut seed, 3).replace(char::is_whitespace, "")
                ];
                e
            })
            .collect();
        let md = render(&entries);
        let headings = [
            "# Kudos journal",
            "## November 2026",
            "### Received",
            "### Given",
        ];
        let mut bullets = 0;
        for line in md.split(['\n', '\r']) {
            if line.starts_with('#') {
                assert!(headings.contains(&line), "stray heading: {line:?}");
            } else if line.starts_with("- **2026-11-24** ") {
                bullets += 1;
            } else {
                assert!(
                    line.is_empty() || line.starts_with("  ") || line.starts_with("_200 entries"),
                    "line outside any bullet: {line:?}"
                );
            }
            if let Some(text) = line.strip_prefix("  ") {
                let sub_item = text.starts_with("- Tags: ") || text.starts_with("- Link: ");
                assert!(
                    sub_item || !text.starts_with([' ', '\t', '>', '-', '+', '=', '`', '#']),
                    "continuation that could open a block: {line:?}"
                );
            }
            for (i, _) in line.match_indices('<') {
                assert!(line[..i].ends_with('\\'), "raw HTML in {line:?}");
            }
        }
        assert_eq!(bullets, 200);
    }

    #[test]
    fn empty_journal() {
        assert_eq!(render(&[]), "# Kudos journal\n\n_No entries yet._\n");
    }
}
