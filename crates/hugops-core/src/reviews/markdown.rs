//! Which lines of a draft are prose, and which parts of them are.
//!
//! Rules: fenced blocks (```` ``` ```` or `~~~`, fence lines included) and
//! indented code blocks (four spaces or a tab after a blank line, outside a
//! list) are skipped whole. Within a prose line, `inline code` and text in
//! double quotes ("…" or “…”) are blanked out, one space per character, so
//! columns still count characters of the original line.

/// One line of prose, ready for the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseLine {
    /// 1-based line number in the draft.
    pub number: usize,
    /// The line as written.
    pub text: String,
    /// The line with code spans and quotations blanked out.
    pub masked: String,
    /// The nearest heading above the line, lower-cased ("" before the first).
    pub section: String,
}

/// The prose lines of `draft`, in order; code lines and blank lines are left out.
pub fn prose_lines(draft: &str) -> Vec<ProseLine> {
    let mut out = Vec::new();
    let mut fence: Option<&str> = None;
    let mut section = String::new();
    let mut prev_blank = true;
    let mut in_indented_code = false;
    let mut in_list = false;
    for (i, line) in draft.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(marker) = fence {
            if trimmed.starts_with(marker) {
                fence = None;
            }
            prev_blank = false;
            continue;
        }
        if let Some(marker) = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m)) {
            fence = Some(marker);
            prev_blank = false;
            continue;
        }
        if trimmed.is_empty() {
            prev_blank = true;
            continue;
        }
        let indented = line.starts_with("    ") || line.starts_with('\t');
        in_indented_code = indented && !in_list && (prev_blank || in_indented_code);
        prev_blank = false;
        if in_indented_code {
            continue;
        }
        if !indented {
            in_list = is_list_item(trimmed);
        }
        if let Some(heading) = trimmed.strip_prefix('#') {
            section = heading.trim_start_matches('#').trim().to_lowercase();
        }
        out.push(ProseLine {
            number: i + 1,
            text: line.to_owned(),
            masked: mask(line),
            section: section.clone(),
        });
    }
    out
}

fn is_list_item(trimmed: &str) -> bool {
    let rest = trimmed.trim_start_matches(|c: char| c.is_ascii_digit());
    let numbered = rest.len() < trimmed.len() && (rest.starts_with(". ") || rest.starts_with(") "));
    numbered || ["- ", "* ", "+ "].iter().any(|m| trimmed.starts_with(m))
}

/// `line` with inline code and double-quoted text replaced by spaces.
fn mask(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut closer: Option<char> = None;
    for c in line.chars() {
        match closer {
            Some(close) => {
                if c == close {
                    closer = None;
                }
                out.push(' ');
            }
            None => {
                let close = match c {
                    '`' => Some('`'),
                    '"' => Some('"'),
                    '“' => Some('”'),
                    _ => None,
                };
                match close {
                    Some(close) if has_closer(line, c, close, out.chars().count()) => {
                        closer = Some(close);
                        out.push(' ');
                    }
                    _ => out.push(c),
                }
            }
        }
    }
    out
}

/// Whether the opener at character `at` has a matching closer later on the line.
fn has_closer(line: &str, _open: char, close: char, at: usize) -> bool {
    line.chars().skip(at + 1).any(|c| c == close)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fenced_and_indented_code_is_skipped() {
        let draft =
            "Intro\n```\nLee forgot\n```\n\n    indented code\nafter\n- item\n    continued";
        let lines: Vec<usize> = prose_lines(draft).iter().map(|l| l.number).collect();
        assert_eq!(lines, vec![1, 7, 8, 9]);
    }

    #[test]
    fn inline_code_and_quotes_are_blanked_keeping_columns() {
        let line = &prose_lines("run `kill -9` and \"careless\" ok")[0];
        assert_eq!(line.masked.chars().count(), line.text.chars().count());
        assert!(!line.masked.contains("kill"));
        assert!(!line.masked.contains("careless"));
        assert!(line.masked.ends_with(" ok"));
    }

    #[test]
    fn lines_know_their_section() {
        let lines = prose_lines("# Title\n## Root cause\nText");
        assert_eq!(lines[2].section, "root cause");
    }
}
