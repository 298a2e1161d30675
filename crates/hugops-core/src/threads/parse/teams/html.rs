//! Teams message bodies from HTML to plain text.
//!
//! A tiny converter rather than an HTML crate: Teams bodies use a handful
//! of tags, and only line breaks, mentions and emoji change the text.
//! - `<br>` breaks a line; `<p>` and `<div>` (opening or closing) start a
//!   new line unless one has just started.
//! - `<emoji alt="🙂">` becomes its `alt`; `<at>Priya</at>` keeps its text,
//!   the name; every other tag is dropped, keeping its content.
//! - Entities are decoded once (`&amp;lt;` is `&lt;`): the named ones Teams
//!   writes (`&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&nbsp;`) and numeric
//!   ones (`&#39;`, `&#x1F642;`); unknown ones stay as written.
//! - Runs of white space become one space, as a browser shows them; lines
//!   are trimmed and blank lines at either end dropped.

/// The text a reader sees in an HTML body.
pub(super) fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text(&rest[..open], &mut out);
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            text(&rest[open..], &mut out);
            rest = "";
            break;
        };
        tag(&after[..close], &mut out);
        rest = &after[close + 1..];
    }
    text(rest, &mut out);
    tidy(&out)
}

/// Applies one tag (the text between `<` and `>`).
fn tag(inner: &str, out: &mut String) {
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    match name.as_str() {
        "br" => out.push('\n'),
        "p" | "div" if !out.is_empty() && !out.ends_with('\n') => out.push('\n'),
        "emoji" if !inner.starts_with('/') => {
            if let Some(alt) = attribute(inner, "alt") {
                entities(alt, out);
            }
        }
        _ => {}
    }
}

/// The value of attribute `name` in a tag, quoted with `"` or `'`.
fn attribute<'a>(inner: &'a str, name: &str) -> Option<&'a str> {
    let mut search = inner;
    while let Some(at) = search.find(name) {
        let before_ok = search[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_whitespace);
        let after = search[at + name.len()..].trim_start();
        if let (true, Some(value)) = (before_ok, after.strip_prefix('=')) {
            let value = value.trim_start();
            let quote = value.chars().next()?;
            if quote == '"' || quote == '\'' {
                let value = &value[1..];
                return value.find(quote).map(|end| &value[..end]);
            }
        }
        search = &search[at + name.len()..];
    }
    None
}

/// Appends text between tags: white space collapsed, entities decoded.
fn text(raw: &str, out: &mut String) {
    let mut collapsed = String::with_capacity(raw.len());
    for c in raw.chars() {
        if c.is_ascii_whitespace() {
            let at_a_break = collapsed.is_empty() && out.ends_with([' ', '\n']);
            if !collapsed.ends_with(' ') && !at_a_break {
                collapsed.push(' ');
            }
        } else {
            collapsed.push(c);
        }
    }
    entities(&collapsed, out);
}

/// Appends `raw` with its entities decoded.
fn entities(raw: &str, out: &mut String) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = after
            .find(';')
            .filter(|&end| end <= 10)
            .and_then(|end| entity(&after[..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// The character an entity name (between `&` and `;`) stands for.
fn entity(name: &str) -> Option<char> {
    let code = match name {
        "amp" => return Some('&'),
        "lt" => return Some('<'),
        "gt" => return Some('>'),
        "quot" => return Some('"'),
        "apos" => return Some('\''),
        "nbsp" => return Some(' '),
        _ => name.strip_prefix('#')?,
    };
    let number = match code.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => code.parse().ok()?,
    };
    char::from_u32(number)
}

/// Trims every line and drops blank lines at either end.
fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    match (first, last) {
        (Some(first), Some(last)) => lines[first..=last].join("\n"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn paragraphs_breaks_and_divs_become_lines() {
        assert_eq!(to_text("<p>one</p><p>two<br>three</p>"), "one\ntwo\nthree");
        assert_eq!(to_text("<div><div>Hello</div></div>"), "Hello");
        assert_eq!(to_text("a<br/>b<br />c"), "a\nb\nc");
    }

    #[test]
    fn mentions_keep_the_name_and_emoji_their_alt() {
        assert_eq!(
            to_text(
                r#"<p><at id="0">Priya Patel</at> thanks <emoji id="heart" alt="❤️" title="Heart"></emoji></p>"#
            ),
            "Priya Patel thanks ❤️"
        );
    }

    #[test]
    fn entities_decode_once_and_unknown_ones_stay() {
        assert_eq!(
            to_text("it&#39;s &amp;lt; 5&nbsp;min &#x1F642; &bogus; a & b"),
            "it's &lt; 5 min 🙂 &bogus; a & b"
        );
    }

    #[test]
    fn other_tags_are_dropped_and_space_collapses() {
        assert_eq!(
            to_text("<b>bold</b>   and\n <a href=\"x\">link</a><attachment id=\"1\"></attachment>"),
            "bold and link"
        );
        assert_eq!(to_text("a < b"), "a < b");
        assert_eq!(to_text("<systemEventMessage/>"), "");
    }
}
